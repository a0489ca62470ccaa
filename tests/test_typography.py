"""Print typography: one style of quotes and percentages in the Markdown; in the HTML,
words kept from hyphenation, web addresses that break only after "/", headings kept
with what follows, charts with their introduction, and the plan's parts laid out apart."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from koprade_wizard.plan import mdparse, pdf
from koprade_wizard.plan.pdf import DocMeta, markdown_to_html, onepager_html
from koprade_wizard.plan.typography import tidy

META = DocMeta("Plāns", "Ērgļi", "lv", "Anna Bērziņa", "2026. gada 27. novembris",
               short_name="Ērgļu telpa", organisation="Biedrība", contact="anna@example.lv")


# --------------------------------------------------------------------------- Markdown


def test_straight_quotes_become_curly_ones() -> None:
    assert tidy('Biedrība "Zied zeme" un "Pierīgas partnerība".', "lv") == (
        "Biedrība “Zied zeme” un “Pierīgas partnerība”.")
    assert tidy("the space's members and operators' rules", "en") == (
        "the space’s members and operators’ rules")
    assert tidy("(\"quoted\")", "en") == "(“quoted”)"


def test_percent_is_written_as_the_locale_writes_it() -> None:
    # babel's CLDR pattern for lv and en puts no space before the sign.
    assert tidy("51 % un 21\u00a0% un 15–30%", "lv") == "51% un 21% un 15–30%"
    assert tidy("about 61 %", "en") == "about 61%"


def test_code_fences_and_autolinks_are_left_alone() -> None:
    text = ('Skat. <https://x.lv/a%20b> un `"x"`\n\n```mermaid\ntitle "Naudas plūsma"\n```\n'
            '"beigas"')
    out = tidy(text, "lv")
    assert '<https://x.lv/a%20b>' in out and '`"x"`' in out
    assert 'title "Naudas plūsma"' in out
    assert out.endswith("“beigas”")


@given(st.text(alphabet='ab "\'%1 \n-(`', max_size=60))
def test_no_straight_quote_survives_outside_code(text: str) -> None:
    out = tidy(text, "lv")
    if "`" not in text:
        assert '"' not in out and "'" not in out
    assert out.count("\n") == text.count("\n")


# --------------------------------------------------------------------------- HTML


def test_names_acronyms_months_and_numbers_are_not_hyphenated() -> None:
    html = markdown_to_html("## Finansējums\n\nLEADER atbalsts Pierīgas partnerībā no "
                            "2027. gada 30. janvāra līdz janvārim un tālāk.\n", META)
    for word in ("LEADER", "Pierīgas", "janvāra", "Finansējums"):
        assert f'<span class="nh">{word}</span>' in html, word
    # ordinary lowercase words may be hyphenated
    assert '<span class="nh">atbalsts</span>' not in html


def test_web_addresses_break_only_after_a_slash() -> None:
    short = "https://likumi.lv/ta/id/334857"
    long = "https://www.pierigaspartneriba.lv/pieredzes-pasakumi/veidojam-koprades-telpas/" + (
        "un-vel-viena-gara-dala/")
    html = markdown_to_html(f"1. Avots. <{short}>.\n2. Cits. <{long}>.\n", META)
    assert f'<span class="url">{short}</span>' in html  # short: one unbreakable piece
    assert ('<span class="url">https://www.pierigaspartneriba.lv/</span><wbr>'
            '<span class="url">pieredzes-pasakumi/</span><wbr>') in html
    assert f'href="{long}"' in html  # the link itself is whole


def test_a_heading_keeps_its_paragraph_and_a_chart_its_introduction() -> None:
    chart = "```mermaid\nxychart-beta\n    x-axis [1, 2]\n    line [1, 2]\n```\n"
    html = markdown_to_html(f"## Nauda\n\nIevads.\n\nTeksts.\n\n{chart}", META)
    assert '<div class="keep">\n<h2 id="nauda">' in html
    keep = html[html.rindex('<div class="keep">'):]
    assert keep.index("Teksts") < keep.index('<figure class="chart">') < keep.index("</div>")


def test_parts_split_at_top_level_breaks() -> None:
    markdown = ("# Plāns\n\nmeta\n\n---\n\n## Vienā lappusē\n\nĪsi.\n\n---\n\n## Pieprasījums\n\n"
                "Teksts.\n\n---\n\n## Atbildes\n\nA.\n\n## Avoti\n\nB.\n")
    tokens, _ = mdparse.parse(markdown, "lv")
    parts = mdparse.split_parts(tokens)
    assert [t.content for t in parts.front if t.type == "inline"] == ["Plāns", "meta"]
    assert [t.content for t in parts.onepager if t.type == "inline"] == ["Vienā lappusē", "Īsi."]
    assert [t.content for t in parts.appendices if t.type == "inline"] == [
        "Atbildes", "A.", "Avoti", "B."]
    html = markdown_to_html(markdown, META)
    assert html.index('class="onepager"') < html.index('id="contents"') < html.index('id="plan"')
    assert html.index('id="plan"') < html.index('class="appendices"')
    toc = html[html.index('id="contents"'):html.index("</nav>")]
    assert "Vienā lappusē" not in toc and "Pieprasījums" in toc and "Avoti" in toc
    assert ">meta<" not in html  # the cover shows the meta line's facts
    alone = onepager_html(markdown, META)
    assert "Īsi." in alone and "Pieprasījums" not in alone and 'class="cover"' not in alone


def test_the_cover_names_title_once_founder_author_contact_date_and_status() -> None:
    html = markdown_to_html("# Plāns\n\n## A\n\nB.\n", META)
    cover = html[html.index('<section class="cover"'):html.index("</section>")]
    assert cover.count("Plāns") == 1
    for text in ("Biedrība", "Anna Bērziņa", "anna@example.lv", "2026. gada 27. novembris",
                 "Projekts apspriešanai"):
        assert text in cover, text
    # the running header is the short name, not the long title
    assert f"@top-left {{ content: {pdf._css_string('Ērgļu telpa')}; }}" in html


def test_the_cover_names_the_founder_once_when_its_form_is_the_same_word() -> None:
    import datetime as dt

    from koprade_wizard.cli.wiring import load_pack
    from koprade_wizard.common.paths import examples_dir, steps_dir
    from koprade_wizard.interview import answers_file
    from koprade_wizard.plan import output
    from koprade_wizard.plan.data import build_plan

    tree = load_pack(steps_dir())
    path = examples_dir() / "open-space-growing.yaml"  # a foundation that is a foundation
    answers = answers_file.validate(tree, answers_file.load(path, "lv"))
    assert (answers["founder_type"], answers["legal_form"]) == ("foundation", "foundation")
    plan = build_plan(tree, answers, "lv", dt.date(2026, 12, 1))
    assert output._meta(plan, "").organisation == "Nodibinājums"
