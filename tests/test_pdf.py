"""Markdown → HTML → PDF: content, fonts, metadata, layout words and safety."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pdfcheck
import pytest
from pypdf import PdfReader

from koprade_wizard.i18n.messages import t
from koprade_wizard.plan import pdf
from koprade_wizard.plan.mdtext import slugify
from koprade_wizard.plan.pdf import (
    ASSETS_DIR,
    DocMeta,
    asset_fetcher,
    html_to_pdf,
    markdown_to_html,
    markdown_to_pdf,
    resolve_asset,
    running_title,
)

LETTERS = "ā č ē ģ ī ķ ļ ņ š ū ž €"

SAMPLE = f"""\
# Koprades telpas rīcības plāns — Ērgļu koprades telpa

Šis plāns apkopo jūsu atbildes. Burti: {LETTERS}.

## Kopsavilkums

Ērgļu koprades telpa būs neliela, bet ērta darba vieta attālinātajiem darbiniekiem,
pašnodarbinātajiem un mazajiem uzņēmumiem. Ieteicamā forma ir **biedrība**.

| Rādītājs | Vērtība |
|---|---:|
| Darba vietas | 12 |
| Mēneša īre | 420 € |
| Sākuma ieguldījums | 9 800 € |

## Juridiskā forma

### Dibināšanas soļi

- [ ] Sagatavot statūtus
- [x] Izvēlēties valdes locekļus
- [ ] Iesniegt dokumentus Uzņēmumu reģistrā

Vairāk skatiet [VID mājaslapā](https://www.vid.gov.lv).

## Laika plāns

```mermaid
gantt
    title Ieviešanas grafiks
    dateFormat YYYY-MM-DD
    section Sagatavošana
    Biedrības dibināšana :a1, 2026-12-01, 30d
    Remonts              :a2, after a1, 60d
    section Atvēršana
    Atklāšanas pasākums  :milestone, m1, 2027-03-01, 0d
```

## Finanses

```mermaid
xychart-beta
    title "Ienākumi un izdevumi"
    x-axis "Mēnesis" [jūn, jūl, aug, sep]
    y-axis "EUR" 0 --> 1000
    bar [260, 340, 390, 480]
    line [720, 720, 730, 730]
```

## Nākamie soļi

Sarunāt tikšanos ar pagasta pārvaldi.
"""

META = DocMeta(
    title="Koprades telpas rīcības plāns — Ērgļu koprades telpa",
    subtitle="Ērgļu pagasts, Madonas novads",
    lang="lv",
    author="Biedrība “Ērgļu darbnīca”",
    date_text="2026. gada 27. novembris",
    keywords=("koprade", "Ērgļi"),
)

HOSTILE = """\
## Uzbrukums

<img src="file:///etc/passwd">

<a rel="attachment" href="file:///etc/passwd">pielikums</a>

[x](file:///etc/passwd) ![i](file:///etc/hostname) ![attēls](http://127.0.0.1:9/x.png)
![dati](data:image/png;base64,iVBORw0KGgo=)
"""


# --------------------------------------------------------------------------- helpers


@pytest.fixture(scope="module")
def sample_pdf() -> bytes:
    return markdown_to_pdf(SAMPLE, META)


@pytest.fixture(scope="module")
def reader(sample_pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(sample_pdf))


@pytest.fixture(scope="module")
def page_texts(reader: PdfReader) -> list[str]:
    return [page.extract_text() for page in reader.pages]


# --------------------------------------------------------------------------- the PDF


def test_pdf_is_a4_and_has_cover_contents_and_body(reader: PdfReader) -> None:
    assert len(reader.pages) >= 3
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_text_keeps_latvian_letters_and_headings(page_texts: list[str]) -> None:
    text = "\n".join(page_texts)
    assert LETTERS in text
    for heading in ("Kopsavilkums", "Juridiskā forma", "Dibināšanas soļi", "Laika plāns"):
        assert heading in text
    assert "Biedrība “Ērgļu darbnīca”" in page_texts[0]  # the cover
    assert "2026. gada 27. novembris" in page_texts[0]


def test_footer_counts_pages_in_latvian(page_texts: list[str]) -> None:
    total = len(page_texts)
    assert "lappuse" not in page_texts[0]  # the cover has no footer
    for number, text in enumerate(page_texts[1:], start=2):
        assert f"{number}. lappuse no {total}" in text
        assert "Koprades telpas rīcības plāns" in text  # running header


def test_table_of_contents_lists_headings_with_page_numbers(page_texts: list[str]) -> None:
    contents = page_texts[1]
    assert "Saturs" in contents
    total = len(page_texts)
    for heading in ("Kopsavilkums", "Juridiskā forma", "Dibināšanas soļi", "Nākamie soļi"):
        match = re.search(rf"{heading}\s*\.+\s*(\d+)", contents)
        assert match, heading
        page = int(match[1])
        assert 2 <= page <= total
        assert heading in page_texts[page - 1]  # the number points at the right page


def test_task_list_and_charts_reach_the_page(page_texts: list[str]) -> None:
    text = "\n".join(page_texts)
    assert "Sagatavot statūtus" in text
    assert "✓" in text  # the ticked box
    # Chart labels are real text: the gantt's months are Latvian.
    assert "Ieviešanas grafiks" in text and "janv." in text
    assert "Ienākumi un izdevumi" in text


def test_every_font_is_embedded_dejavu(reader: PdfReader) -> None:
    fonts = pdfcheck.fonts(reader)
    assert fonts
    for font in fonts:
        assert "DejaVu" in str(font["/BaseFont"])
        descriptor = pdfcheck.descriptor(font)
        assert "/FontFile2" in descriptor or "/FontFile3" in descriptor


def test_metadata(reader: PdfReader) -> None:
    info = reader.metadata
    assert info is not None
    assert info.title == META.title
    assert info.author == META.author
    assert info["/Keywords"] == "koprade, Ērgļi"
    assert reader.trailer["/Root"]["/Lang"] == "lv"


def test_tagged_for_accessibility(reader: PdfReader) -> None:
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in root


def test_no_images_and_no_attachments(reader: PdfReader) -> None:
    assert pdfcheck.image_xobjects(reader) == []  # the charts are vector drawings
    assert not pdfcheck.has_embedded_files(reader)


def test_english_document_uses_english_words() -> None:
    meta = DocMeta("Coworking action plan", "Ērgļi", "en", "Ērgļi Hub", "27 November 2026")
    data = markdown_to_pdf("## Summary\n\nText.\n\n## Next steps\n\nMore.\n", meta)
    texts = [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]
    assert "Contents" in texts[1]
    assert f"Page 2 of {len(texts)}" in texts[1]
    assert "Prepared by" in texts[0] and "Draft for discussion" in texts[0]


# --------------------------------------------------------------------------- HTML


def test_html_shell() -> None:
    html = markdown_to_html(SAMPLE, META)
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="lv">' in html
    assert f"<title>{META.title}</title>" in html
    assert '<meta name="author" content="Biedrība “Ērgļu darbnīca”">' in html
    # The leading "# title" is on the cover already, so it is not repeated.
    assert html.count(f">{META.title}</h1>") == 1
    assert html.count("<h1") == 1
    assert '<a href="#kopsavilkums">Kopsavilkums</a>' in html
    assert '<h2 id="kopsavilkums">' in html
    # The footer as Latvian writes it: "2. lappuse no 26".
    css = html.replace("\\20 ", " ").replace("\\2e ", ".")
    assert 'counter(page) ". lappuse no " counter(pages)' in css


def test_only_an_opening_h1_is_dropped() -> None:
    html = markdown_to_html("# Rīcības plāns\n\nIevads.\n\n# Pielikums\n", META)
    body = html[html.index("<main"):]
    assert "Rīcības plāns" not in body and '<p><span class="nh">Ievads</span>.</p>' in body
    assert '<h1 id="pielikums"><span class="nh">Pielikums</span></h1>' in body


def test_duplicate_headings_get_unique_ids() -> None:
    html = markdown_to_html("## Riski\n\n## Riski\n\n## Saturs\n\n## contents\n", META)
    assert 'id="riski"' in html and 'id="riski-2"' in html
    assert html.count('id="contents"') == 1  # the table of contents keeps its own


def test_toc_falls_back_to_top_level_when_long() -> None:
    markdown = "".join(f"## Nodaļa {i}\n\n### Apakšnodaļa {i}a\n\n### Apakšnodaļa {i}b\n\n"
                       for i in range(30))
    html = markdown_to_html(markdown, META)
    toc = html[html.index('<nav class="toc"'):html.index("</nav>")]
    assert "Nodaļa 29" in toc and "Apakšnodaļa" not in toc


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_tables_print_sizes_get_their_section_class(lang: str) -> None:
    """The checklist's, the contacts' and the route appendix's tables carry a class in
    either language; a table under any other heading, or under a same-named h3, does
    not."""
    table = "| a | b |\n| --- | --- |\n| 1 | 2 |\n\n"
    markdown = (f"## {t('h_checklist', lang)}\n\n{table}## {t('h_budget', lang)}\n\n{table}"
                f"### {t('h_contacts', lang)}\n\n{table}## {t('h_risks', lang)}\n\nTeksts.\n\n"
                f"{table}## {t('h_contacts', lang)}\n\n{table}")
    appendix = f"## {t('h_routes_table', lang)}\n\n{table}## {t('h_answers', lang)}\n\n{table}"
    meta = DocMeta("Plāns", "Ērgļi", lang, "Ērgļi", "27.11.2026")
    html = markdown_to_html(f"# Plāns\n\n---\n\nViena lapa.\n\n---\n\n{markdown}---\n\n{appendix}",
                            meta)
    body = html[html.index("<main"):]
    assert re.findall(r"<table[^>]*>", body) == [
        '<table class="checklist">', "<table>", "<table>", "<table>",
        '<table class="contacts">', '<table class="routes">', "<table>"]


def test_task_lists_become_boxes_not_inputs() -> None:
    html = markdown_to_html("- [ ] darāms\n- [x] padarīts\n", META)
    assert "<input" not in html
    assert '<span class="task-box"></span> darāms' in html
    assert '<span class="task-box checked">✓</span> padarīts' in html


def test_raw_html_and_foreign_urls_stay_text() -> None:
    html = markdown_to_html(HOSTILE, META)
    body = html[html.index("<main"):]
    assert "&lt;img src=&quot;file:///etc/passwd&quot;&gt;" in body
    assert "&lt;a rel=&quot;attachment&quot;" in body
    for forbidden in ("<img", "<a rel", "<link", 'href="file:', 'src="', "data:image"):
        assert forbidden not in body
    # Images show their alt text instead; nothing is left to fetch.
    assert "attēls" in body and "127.0.0.1" not in body


def test_links_web_links_stay_others_become_text() -> None:
    html = markdown_to_html(
        "[a](https://example.lv) [b](mailto:x@example.lv) [c](#kopsavilkums) [d](plans.md)",
        META,
    )
    assert '<a href="https://example.lv">' in html
    assert '<a href="mailto:x@example.lv">' in html
    assert '<a href="#kopsavilkums">' in html
    assert 'href="plans.md"' not in html and '<span class="link-text"> d</span>' in html


def test_space_before_inline_element_moves_inside_it() -> None:
    html = markdown_to_html("Skatiet **VID** un *LAD* un [šo](https://x.lv).", META)
    # (a capitalised word of five letters or more is kept from hyphenation in a span)
    assert ('<span class="nh">Skatiet</span><strong> VID</strong> un<em> LAD</em> un<a href'
            in html)


def test_unparseable_mermaid_stays_a_code_block() -> None:
    html = markdown_to_html("```mermaid\ngantt\n  Nekas <b> :x, nav, datums\n```\n", META)
    assert '<pre><code class="language-mermaid">' in html
    assert "Nekas &lt;b&gt;" in html
    assert "<svg" not in html


def test_mermaid_charts_are_inline_svg() -> None:
    html = markdown_to_html(SAMPLE, META)
    assert html.count('<figure class="chart"><svg') == 2
    assert "language-mermaid" not in html


def test_ui_text_by_language() -> None:
    assert pdf.ui_text("lv")["contents"] == "Saturs"
    assert pdf.ui_text("lv-LV")["page_of"] == "{page}. lappuse no {pages}"
    assert pdf.ui_text("de")["contents"] == "Contents"


def test_helpers() -> None:
    assert slugify("Ēku nodoklis 2027") == "eku-nodoklis-2027"
    assert slugify("!!!") == "section"
    assert running_title("Īss nosaukums") == "Īss nosaukums"
    long = running_title("Koprades telpas rīcības plāns — " + "ļoti garš nosaukums " * 5)
    assert len(long) <= 60 and long.endswith("…")


def test_header_text_cannot_break_out_of_css() -> None:
    meta = DocMeta('x"; } </style><script>', "s", "lv", "a", "d")
    html = markdown_to_html("Teksts.", meta)
    style = html.split("<style>")[2]
    assert "</style><script>" not in style.split("</style>")[0]
    assert "<script>" not in html


# --------------------------------------------------------------------------- fetching


def test_fetcher_serves_own_assets() -> None:
    font = ASSETS_DIR / "fonts" / "DejaVuSans.ttf"
    response = asset_fetcher().fetch(font.as_uri())
    try:
        assert response.read(4) == b"\x00\x01\x00\x00"  # TrueType
        assert response.content_type == "font/ttf"
    finally:
        response.close()
    css = asset_fetcher().fetch((ASSETS_DIR / "plan.css").as_uri())
    assert css.content_type == "text/css"
    css.close()


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "file:///etc/hostname",
        "http://127.0.0.1:9/x.png",
        "https://example.com/font.ttf",
        "data:font/ttf;base64,AAEAAA==",
        (ASSETS_DIR / "fonts" / "LICENSE").as_uri(),  # inside, but not a font
        (ASSETS_DIR / ".." / "pdf.py").as_uri(),
        ASSETS_DIR.as_uri() + "/fonts/..%2F..%2Fpdf.py",
        ASSETS_DIR.as_uri() + "/../../../../../../etc/passwd",
        "file://evil.example" + (ASSETS_DIR / "plan.css").as_posix(),
        ASSETS_DIR.as_uri() + "/fonts/%00.ttf",
        "http://[::1",
    ],
)
def test_fetcher_refuses_everything_else(url: str) -> None:
    with pytest.raises(PermissionError):
        resolve_asset(url)
    with pytest.raises(PermissionError):
        asset_fetcher().fetch(url)


def test_fetcher_follows_symlinks_before_deciding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assets = tmp_path / "assets"
    (assets / "fonts").mkdir(parents=True)
    outside = tmp_path / "secret.ttf"
    outside.write_bytes(b"not for the PDF")
    (assets / "fonts" / "link.ttf").symlink_to(outside)
    (assets / "fonts" / "real.ttf").write_bytes(b"\x00\x01\x00\x00")
    monkeypatch.setattr(pdf, "ASSETS_DIR", assets.resolve())
    assert resolve_asset((assets / "fonts" / "real.ttf").as_uri()).name == "real.ttf"
    with pytest.raises(PermissionError):
        resolve_asset((assets / "fonts" / "link.ttf").as_uri())


def test_hostile_html_fetches_nothing_foreign(monkeypatch: pytest.MonkeyPatch) -> None:
    """Even HTML that did not come from Markdown cannot pull files into the PDF."""
    asked: list[str] = []

    def recording(url: str) -> Path:
        asked.append(url)
        return resolve_asset(url)

    monkeypatch.setattr(pdf, "resolve_asset", recording)
    html = markdown_to_html("Teksts.", META).replace(
        "</main>",
        '<img src="file:///etc/hostname"><img src="http://127.0.0.1:9/x.png">'
        '<a rel="attachment" href="file:///etc/passwd">x</a>'
        '<link rel="attachment" href="file:///etc/passwd"></main>',
    )
    data = html_to_pdf(html)
    reader = PdfReader(io.BytesIO(data))
    assert pdfcheck.image_xobjects(reader) == []
    assert not pdfcheck.has_embedded_files(reader)
    assert b"root:" not in data
    assert "file:///etc/passwd" in asked  # it was asked for, and refused
    assert "http://127.0.0.1:9/x.png" in asked


def test_hostile_markdown_renders_safely() -> None:
    data = markdown_to_pdf(HOSTILE, META)
    reader = PdfReader(io.BytesIO(data))
    assert pdfcheck.image_xobjects(reader) == []
    assert not pdfcheck.has_embedded_files(reader)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert '<img src="file:///etc/passwd">' in text  # shown, not obeyed


def test_importing_the_module_does_not_import_weasyprint() -> None:
    code = "import sys, koprade_wizard.plan.pdf; sys.exit('weasyprint' in sys.modules)"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    assert subprocess.run([sys.executable, "-c", code], env=env, check=False).returncode == 0
