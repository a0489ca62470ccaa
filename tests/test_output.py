"""`koprade-wizard render`: every example in every format, read back; files never clobbered;
hostile answers shown as typed with nothing fetched."""

from __future__ import annotations

import datetime as dt
import http.server
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import docx
import pdfcheck
import pytest
import yaml
from bundled import bundled_tree
from markdown_it import MarkdownIt
from pdfcheck import RenderedExamples
from pypdf import PdfReader

from koprade_wizard.cli import run
from koprade_wizard.i18n import formatting
from koprade_wizard.i18n.messages import t
from koprade_wizard.interview import answers_file as answer_file
from koprade_wizard.plan.data import build_plan

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def by_example(examples: list[Path]) -> list[object]:
    """One parameter per example, grouped by example for ``--dist loadgroup``: the
    tests of one plan run in one process, and the plans spread over the processes."""
    return [pytest.param(p, id=p.stem, marks=pdfcheck.plan_group(p)) for p in examples]

TREE = bundled_tree()
LATVIAN = "āčēģīķļņšūž"
# Whichever test first needs ``rendered`` renders the seven PDFs (several seconds of
# CPU each): on a shared, loaded machine that takes longer than the default timeout.
pytestmark = pytest.mark.timeout(600)


def _phrase(key: str, lang: str) -> str:
    return t(key, lang)


def _plan_of(example: Path) -> tuple[dict[str, object], str]:
    data = answer_file.load(example, "en")
    return answer_file.validate(TREE, data), data.language


@pytest.mark.pdf
@pytest.mark.parametrize("example", by_example(EXAMPLES))
def test_every_example_renders_to_every_format(example: Path,
                                               examples_rendered: RenderedExamples) -> None:
    answers, lang = _plan_of(example)
    base = examples_rendered.base(example)
    markdown = base.with_suffix(".md").read_text(encoding="utf-8")
    html = base.with_suffix(".html").read_text(encoding="utf-8")
    reader = examples_rendered.reader(example)
    text = "\n".join(examples_rendered.page_texts(example))

    plan = build_plan(TREE, answers, lang, dt.date.today())
    name = str(answers["initiative_name"])
    municipality = plan.municipality
    assert municipality is not None
    setup = formatting.money(plan.calc.setup.total, lang)
    needed = str(plan.calc.break_even.members_needed)
    # The HTML marks words for print (<span class="nh">); its text is what counts.
    for content in (markdown, re.sub(r"<[^>]+>", "", html)):
        assert name in content
        assert municipality.official_lv in content or municipality.name_lv in content
        assert setup in content
    # The PDF's text carries the same facts; pypdf may break a line inside a phrase.
    flat = " ".join(text.split())
    assert name in flat
    assert municipality.name_lv.split()[0] in flat
    assert setup.replace("\u00a0", " ") in flat.replace("\u00a0", " ")
    assert needed in flat
    assert f"{len(reader.pages)}" in text
    if lang == "lv":
        assert set(flat.lower()) >= set(LATVIAN) - {"ģ"} or set(flat) & set(LATVIAN)
        assert formatting.date(dt.date.today(), "lv") in flat
    assert reader.metadata is not None and reader.metadata.title
    assert reader.trailer["/Root"]["/Lang"] == lang
    # Page 2 is the plan on one page: where, the local action group, the money asked.
    pages = examples_rendered.page_texts(example)
    page2 = " ".join(pages[1].split()).replace("\u00a0", " ")
    assert _phrase("h_onepager", lang) in page2
    local_name = municipality.name_lv if lang == "lv" else municipality.name_en
    assert local_name.split()[0] in page2
    if plan.lag and plan.lag.groups:
        assert plan.lag.groups[0].name.split()[0] in page2
    assert setup.replace("\u00a0", " ") in page2
    assert _phrase("h_onepager", lang) not in pages[2]
    # The footer as the language writes it.
    footer = "{n}. lappuse no {m}" if lang == "lv" else "Page {n} of {m}"
    total = len(reader.pages)
    for number in (2, total):
        assert footer.format(n=number, m=total) in pages[number - 1]
    # Every web address of the sources reaches the PDF text whole.
    joined = text.replace("\n", "")
    for url in re.findall(r"<(https?://[^>]+)>", markdown):
        assert url in joined, url


def _headings(markdown: str) -> list[tuple[int, str]]:
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    return [(int(tok.tag[1]), tokens[i + 1].content.replace("\\", ""))
            for i, tok in enumerate(tokens) if tok.type == "heading_open"]


@pytest.mark.pdf  # the Word copy is read from the example's full render
@pytest.mark.parametrize("example", by_example(EXAMPLES))
def test_the_word_copy_has_the_same_headings_tables_and_charts(
        example: Path, examples_rendered: RenderedExamples) -> None:
    base = examples_rendered.base(example)
    markdown = base.with_suffix(".md").read_text(encoding="utf-8")
    doc = docx.Document(str(base.with_suffix(".docx")))
    headings = [(int(p.style.name.split()[-1]), p.text) for p in doc.paragraphs
                if p.style is not None and p.style.name.startswith("Heading ")]
    expected = [(level, typed) for level, typed in _headings(markdown)]
    assert headings == expected
    tables = sum(1 for line in markdown.splitlines() if line.startswith("| --- |"))
    assert len(doc.tables) == tables
    assert len(doc.inline_shapes) == markdown.count("```mermaid")  # the charts as pictures
    assert doc.core_properties.author and doc.core_properties.title
    assert any(p.style.name.startswith("List") for p in doc.paragraphs if p.style is not None)


@pytest.mark.pdf
def test_latvian_plan_keeps_every_diacritic(examples_rendered: RenderedExamples) -> None:
    """All eleven Latvian letters reach the PDF text intact (over the Latvian plans)."""
    texts = []
    for example in EXAMPLES:
        if yaml.safe_load(example.read_text(encoding="utf-8"))["language"] == "lv":
            texts += examples_rendered.page_texts(example)
    assert set(" ".join(texts).lower()) >= set(LATVIAN)


@pytest.mark.pdf
@pytest.mark.parametrize("example", by_example(EXAMPLES[:3]))
def test_every_font_is_embedded_and_nothing_foreign(
        example: Path, examples_rendered: RenderedExamples) -> None:
    reader = examples_rendered.reader(example)
    fonts = pdfcheck.fonts(reader)
    assert fonts
    assert all(pdfcheck.embedded(font) for font in fonts)
    assert all(any(name in str(font["/BaseFont"]) for name in ("DejaVu", "Symbola"))
               for font in fonts)
    assert pdfcheck.image_xobjects(reader) == []
    assert not pdfcheck.has_embedded_files(reader)


# -- files -------------------------------------------------------------------------

def test_an_existing_plan_is_kept_without_force(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    example = EXAMPLES[0]
    assert run(["render", str(example), "--out", str(tmp_path), "--format", "md"]) == 0
    plan = tmp_path / f"{example.stem}-plan.md"
    plan.write_text("my own edits", encoding="utf-8")
    assert run(["render", str(example), "--out", str(tmp_path), "--format", "md",
                "--lang", "en"]) == 1
    assert plan.read_text(encoding="utf-8") == "my own edits"
    assert t("plan_exists", "en") in capsys.readouterr().err
    assert run(["render", str(example), "--out", str(tmp_path), "--format", "md",
                "--force"]) == 0
    assert plan.read_text(encoding="utf-8").startswith("# ")
    assert [p.name for p in tmp_path.iterdir()] == [plan.name]  # no temporary files left


def test_the_plan_on_one_page_alone(tmp_path: Path) -> None:
    example = ROOT / "examples" / "newcomer-english.yaml"
    assert run(["render", str(example), "--out", str(tmp_path), "--format", "onepager"]) == 0
    reader = PdfReader(tmp_path / "newcomer-english-plan-onepager.pdf")
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert _phrase("h_onepager", "en") in text and "Olaine" in text


def test_one_format_only(tmp_path: Path) -> None:
    assert run(["render", str(EXAMPLES[0]), "--out", str(tmp_path), "--format", "html"]) == 0
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".html"]


def test_incomplete_answers_list_what_is_missing(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    data = yaml.safe_load(EXAMPLES[0].read_text(encoding="utf-8"))
    for qid in ("founding_members", "own_money"):
        del data["answers"][qid]
    partial = tmp_path / "partial.yaml"
    partial.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "out"
    assert run(["render", str(partial), "--out", str(out), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "founding_members" in err and "own_money" in err
    assert "--partial" in err
    assert not out.exists() or not any(out.iterdir())
    assert run(["render", str(partial), "--out", str(out), "--format", "md", "--partial",
                "--lang", "en"]) == 0
    markdown = (out / "partial-plan.md").read_text(encoding="utf-8")
    founding = TREE.question("founding_members").label["en"]
    assert founding in markdown  # the unanswered question is named in the plan


def test_a_broken_answers_file_names_the_question(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    data = yaml.safe_load(EXAMPLES[0].read_text(encoding="utf-8"))
    data["answers"]["area_m2"] = "large"
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert run(["render", str(bad), "--out", str(tmp_path), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "area_m2" in err
    assert "Traceback" not in err
    assert not list(tmp_path.glob("*-plan.*"))


# -- hostile input ---------------------------------------------------------------

class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Recorder.hits.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    _Recorder.hits = []
    httpd = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.mark.pdf
def test_hostile_answers_appear_literally_and_nothing_is_fetched(tmp_path: Path,
                                                                 server: str) -> None:
    data = yaml.safe_load(EXAMPLES[0].read_text(encoding="utf-8"))
    data["language"] = "en"
    hostile = {
        "initiative_name": f'<img src="{server}/name.png"> & Co',
        "settlement": "[x](file:///etc/passwd)",
        "contact_name": "**bold** {{ 7*7 }} | pipe",
        "notes": (f"![i]({server}/notes.png)\n\n# heading\n\n<a rel=\"attachment\" "
                  'href="file:///etc/passwd">a</a> &amp; <script>alert(1)</script>'),
    }
    data["answers"].update(hostile)
    data["answers"].setdefault("contact_email", "a@example.com")
    path = tmp_path / "hostile.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    # The HTML and the PDF are what is read back; the Word copy is left out (it is the
    # slowest format after the PDF and has its own test).
    for form in ("html", "pdf"):
        assert run(["render", str(path), "--out", str(tmp_path), "--format", form]) == 0

    html = (tmp_path / "hostile-plan.html").read_text(encoding="utf-8")
    assert "<img" not in html and "<script" not in html and "<a rel" not in html
    assert 'href="file:' not in html and f'src="{server}' not in html
    assert "&lt;img src=" in html
    assert "{{ 7*7 }}" in html
    assert "&amp;amp;" in html  # the typed entity stays an entity, shown as typed

    reader = PdfReader(tmp_path / "hostile-plan.pdf")
    text = " ".join(" ".join(pdfcheck.page_texts(tmp_path / "hostile-plan.pdf")).split())
    assert '<img src="' in text
    assert "[x](file:///etc/passwd)" in text
    assert "**bold** {{ 7*7 }} | pipe" in text
    assert pdfcheck.image_xobjects(reader) == []
    assert not pdfcheck.has_embedded_files(reader)
    assert not pdfcheck.has_link_to(reader, "file:")
    assert _Recorder.hits == []


def test_a_broken_template_is_reported_with_its_line(tmp_path: Path) -> None:
    from koprade_wizard.common.errors import RenderError
    from koprade_wizard.plan.markdown import render_markdown

    (tmp_path / "plan.md.j2").write_text("# {{ _('title') }}\n\n{{ plan.no_such_field }}\n",
                                         encoding="utf-8")
    answers, lang = _plan_of(EXAMPLES[0])
    plan = build_plan(TREE, answers, lang, dt.date(2026, 11, 27))
    with pytest.raises(RenderError) as caught:
        render_markdown(plan, tmp_path)
    message = str(caught.value)
    assert f"{tmp_path / 'plan.md.j2'}:3:" in message
    assert "no_such_field" in message


@pytest.mark.parametrize(("broken", "kind"), [
    ("{{ plan.no_such_field }}", "no_such_field"),  # fails while rendering
    ("{{ 1 + }}", "TemplateSyntaxError"),  # fails while compiling
])
def test_an_error_in_an_included_section_names_that_section(
    tmp_path: Path, broken: str, kind: str
) -> None:
    import shutil

    from koprade_wizard.common.errors import RenderError
    from koprade_wizard.common.paths import templates_dir
    from koprade_wizard.plan.markdown import render_markdown

    folder = tmp_path / "templates"
    shutil.copytree(templates_dir(), folder)
    section = next((folder / "sections").glob("05-*.md.j2"))
    lines = section.read_text(encoding="utf-8").splitlines()
    lines.insert(2, broken)  # becomes line 3 of the section
    section.write_text("\n".join(lines) + "\n", encoding="utf-8")
    answers, lang = _plan_of(EXAMPLES[0])
    plan = build_plan(TREE, answers, lang, dt.date(2026, 11, 27))

    with pytest.raises(RenderError) as caught:
        render_markdown(plan, folder)

    message = str(caught.value)
    assert message.startswith(f"{section}:3: "), message
    assert kind in message
