"""Every example plan, in its own language and in the other, is one its readers read:
cover, the plan on one page as page 2, a body of at most 12 A4 pages, then the
appendices, at most 18 pages in all; the web addresses of its sources are whole in
the PDF text, and its Word copy has the Markdown's headings."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import docx
import pytest
from markdown_it import MarkdownIt
from pdfcheck import RenderedExamples, plan_group
from pypdf import PdfReader

from koprade_wizard.cli.wiring import load_pack
from koprade_wizard.i18n import formatting
from koprade_wizard.i18n.messages import t
from koprade_wizard.interview import answers_file
from koprade_wizard.plan.data import build_plan

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
LANGS = ("lv", "en")
MAX_PAGES = 18
MAX_BODY_PAGES = 12
pytestmark = pytest.mark.timeout(900)


def _cases() -> list[object]:
    return [pytest.param(example, lang, id=f"{example.stem}-{lang}",
                         marks=plan_group(example, lang))
            for example in EXAMPLES for lang in LANGS]


def _flat(text: str) -> str:
    return " ".join(text.split()).replace("\u00a0", " ")


def _heading_pages(reader: PdfReader) -> dict[str, int]:
    """Each bookmarked heading's title → the index of the page it starts on (first one)."""
    found: dict[str, int] = {}

    def walk(items: list[object]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                title = _flat(str(getattr(item, "title", "")))
                found.setdefault(title, reader.get_destination_page_number(item))  # type: ignore[arg-type]

    walk(reader.outline)  # type: ignore[arg-type]
    return found


def _markdown_headings(markdown: str) -> list[tuple[int, str]]:
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    return [(int(tok.tag[1]), tokens[i + 1].content.replace("\\", ""))
            for i, tok in enumerate(tokens) if tok.type == "heading_open"]


@pytest.mark.pdf
@pytest.mark.parametrize(("example", "lang"), _cases())
def test_the_plan_fits_its_pages(example: Path, lang: str,
                                 examples_rendered: RenderedExamples) -> None:
    """At most 18 pages; the body, from its first heading to the first appendix, at
    most 12."""
    reader = examples_rendered.reader(example, lang)
    starts = _heading_pages(reader)
    body = starts[t("h_routes_table", lang)] - starts[t("h_profile", lang)]
    assert len(reader.pages) <= MAX_PAGES
    assert body <= MAX_BODY_PAGES


@pytest.mark.pdf
@pytest.mark.parametrize(("example", "lang"), _cases())
def test_page_two_is_the_plan_on_one_page_and_the_copies_agree(
        example: Path, lang: str, examples_rendered: RenderedExamples) -> None:
    base = examples_rendered.in_language(example, lang)
    reader = examples_rendered.reader(example, lang)
    texts = examples_rendered.page_texts(example, lang)
    pages = [_flat(text) for text in texts]

    # Page 2 is the plan on one page, and only it: where, the LAG and the money asked.
    tree = load_pack(ROOT / "steps")
    answers = answers_file.validate(tree, answers_file.load(example, lang))
    plan = build_plan(tree, answers, lang, dt.date.today())
    assert plan.municipality is not None
    page2 = pages[1]
    assert t("h_onepager", lang) in page2 and t("h_onepager", lang) not in pages[2]
    local = plan.municipality.name_lv if lang == "lv" else plan.municipality.name_en
    assert local.split()[0] in page2
    if plan.lag and plan.lag.groups:
        assert plan.lag.groups[0].name.split()[0] in page2
    assert formatting.money(plan.calc.setup.total, lang).replace("\u00a0", " ") in page2
    # The body starts right after the cover and the one page.
    assert _heading_pages(reader)[t("h_profile", lang)] == 2

    # Every web address of the sources reaches the PDF text whole.
    markdown = base.with_suffix(".md").read_text(encoding="utf-8")
    joined = "".join(text.replace("\n", "") for text in texts)
    urls = re.findall(r"<(https?://[^>]+)>", markdown)
    assert urls
    for url in urls:
        assert url in joined, url

    # The Word copy has the same headings as the Markdown.
    document = docx.Document(str(base.with_suffix(".docx")))
    headings = [(int(p.style.name.split()[-1]), p.text) for p in document.paragraphs
                if p.style is not None and p.style.name.startswith("Heading ")]
    assert headings == _markdown_headings(markdown)
