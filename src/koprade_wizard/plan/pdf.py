"""Turn the plan's Markdown into a print-ready A4 PDF: Markdown → HTML → PDF.

The Markdown is the single source of the plan's words. This module adds what
only paper needs: a cover, a table of contents with page numbers, running
header and footer, and vector charts drawn from the Mermaid blocks.

weasyprint takes more than half a second to import, so it is imported only
inside :func:`html_to_pdf`; everything else here is cheap.
"""

from __future__ import annotations

import functools
import string
import threading
from collections.abc import Mapping, Sequence
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit
from urllib.request import url2pathname

from markdown_it.token import Token

from koprade_wizard import __version__
from koprade_wizard.common.record import record
from koprade_wizard.i18n.messages import t
from koprade_wizard.plan import mdparse
from koprade_wizard.plan.mdparse import Heading

__all__ = ["DocMeta", "Heading", "html_to_pdf", "markdown_to_html", "markdown_to_pdf",
           "onepager_html", "running_title", "ui_text"]

if TYPE_CHECKING:
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import URLFetcher

ASSETS_DIR = Path(__file__).resolve().parent / "assets"

# Only the package's own files may be read while rendering, and only these kinds.
_ASSET_TYPES = {".ttf": "font/ttf", ".css": "text/css"}

# The table of contents stays one page or so; deeper levels are dropped past this.
_TOC_LIMIT = 70

_RUNNING_TITLE_MAX = 60


@record
class DocMeta:
    """What the cover, the running header and the PDF metadata say about the plan."""

    title: str
    subtitle: str
    lang: str
    author: str
    date_text: str
    keywords: tuple[str, ...] = ()
    short_name: str = ""  # the running header; the title where empty
    organisation: str = ""
    contact: str = ""
    author_role: str = "author"  # how the cover names the author: a pdf_… word


# --------------------------------------------------------------------------- HTML


def _toc_entries(headings: Sequence[Heading]) -> list[Heading]:
    if not headings:
        return []
    top = min(heading.level for heading in headings)
    both = [heading for heading in headings if heading.level in (top, top + 1)]
    if len(both) <= _TOC_LIMIT:
        return both
    return [heading for heading in headings if heading.level == top]


# The tables whose columns print sizes itself, by the key of the heading they stand under.
_TABLE_CLASSES = {"h_checklist": "checklist", "h_contacts": "contacts",
                  "h_routes_table": "routes"}


# The few words the PDF itself adds around the plan (catalogue keys "pdf_<key>").
_UI_KEYS = ("contents", "page_of", "prepared", "organisation", "author", "contact", "status",
            "draft", "guidelines")


def ui_text(lang: str) -> Mapping[str, str]:
    """The PDF's own words for a language tag such as "lv" or "lv-LV" (the catalogue's,
    with its fallbacks for a language it lacks)."""
    return {key: t(f"pdf_{key}", lang) for key in _UI_KEYS}


@functools.cache
def _stylesheet() -> str:
    return (ASSETS_DIR / "plan.css").read_text(encoding="utf-8")


def _css_string(text: str) -> str:
    """Quote text for CSS ``content``; escaping every symbol keeps </style> out."""
    body = "".join(ch if ch.isalnum() or ch == " " else f"\\{ord(ch):x} " for ch in text)
    return f'"{body}"'


def running_title(title: str) -> str:
    """The plan title, cut at a word boundary so the running header stays on one line."""
    title = " ".join(title.split())
    if len(title) <= _RUNNING_TITLE_MAX:
        return title
    cut = title[: _RUNNING_TITLE_MAX - 1].rsplit(" ", 1)[0].rstrip(" —–-,:;")
    return f"{cut}…"


def _page_css(meta: DocMeta, words: Mapping[str, str]) -> str:
    header = _css_string(running_title(meta.short_name or meta.title))
    return (
        f"@page {{ @top-left {{ content: {header}; }}"
        f" @bottom-right {{ content: {_page_counter(words['page_of'])}; }} }}"
    )


def _page_counter(text: str) -> str:
    """"{page}. lappuse no {pages}" as CSS content: the words quoted, the numbers counters."""
    parts: list[str] = []
    for literal, field, _, _ in string.Formatter().parse(text):
        if literal:
            parts.append(_css_string(literal))
        if field is not None:
            parts.append(f"counter({field})")  # page or pages, the CSS counters' own names
    return " ".join(parts)


def _cover(meta: DocMeta, words: Mapping[str, str]) -> str:
    """The title once, where, who founds it, who wrote it, how to reach them, when, status."""
    subtitle = f'<p class="cover-subtitle">{escape(meta.subtitle)}</p>' if meta.subtitle else ""
    rows = [
        (words["organisation"], meta.organisation),
        (words[meta.author_role], meta.author),
        (words["contact"], meta.contact),
        (words["prepared"], meta.date_text),
        (words["status"], words["draft"]),
    ]
    details = "".join(
        f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>" for label, value in rows if value
    )
    return (
        '<section class="cover" id="cover">'
        '<div class="cover-band"></div>'
        '<div class="cover-rule"></div>'
        '<div class="cover-main">'
        f'<h1 class="cover-title">{escape(meta.title)}</h1>'
        f"{subtitle}"
        "</div>"
        f'<dl class="cover-meta">{details}</dl>'
        "</section>"
    )


def _toc(headings: Sequence[Heading], words: Mapping[str, str]) -> str:
    entries = _toc_entries(headings)
    if not entries:
        return ""
    top = min(entry.level for entry in entries)

    def items(part: Sequence[Heading]) -> str:
        return "".join(
            f'<li class="{"toc-top" if entry.level == top else "toc-sub"}">'
            f'<a href="#{entry.anchor}">{escape(entry.text)}</a></li>'
            for entry in part
        )

    # Two halves side by side, split before a top-level entry near the middle.
    tops = [i for i, entry in enumerate(entries) if entry.level == top and i]
    middle = min(tops, key=lambda i: abs(2 * i - len(entries)), default=len(entries))
    halves = "".join(
        f'<ol class="toc-half">{items(part)}</ol>'
        for part in (entries[:middle], entries[middle:]) if part
    )
    return (
        '<nav class="toc" id="contents" aria-labelledby="contents-title">'
        f'<h2 id="contents-title">{escape(words["contents"])}</h2>'
        f"{halves}</nav>"
    )


def _shell(meta: DocMeta, words: Mapping[str, str], body: str) -> str:
    optional_meta = "".join(
        f'<meta name="{name}" content="{escape(value)}">\n'
        for name, value in (("description", meta.subtitle), ("keywords", ", ".join(meta.keywords)))
        if value
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(meta.lang)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(meta.title)}</title>\n"
        f'<meta name="author" content="{escape(meta.author)}">\n'
        f"{optional_meta}"
        f'<meta name="generator" content="koprade-wizard {__version__}">\n'
        f"<style>\n{_stylesheet()}</style>\n"
        f"<style>{_page_css(meta, words)}</style>\n"
        "</head>\n<body>\n"
        f"{body}"
        "</body>\n</html>\n"
    )


def markdown_to_html(markdown: str, meta: DocMeta) -> str:
    """A standalone HTML document: cover, one-page summary, contents, body, appendices.

    The parts are separated by top-level ``---`` in the Markdown (see
    :func:`mdparse.split_parts`); its front matter (the ``# title`` and the meta
    line) is what the cover shows from ``meta``, so it is left out. The contents
    list the two highest heading levels of the body and appendices.
    """
    words = ui_text(meta.lang)
    tokens, env = mdparse.parse(markdown, meta.lang)
    parts = mdparse.split_parts(tokens)
    mdparse.prepare(parts.onepager + parts.body + parts.appendices)
    headings = mdparse.headings(parts.body + parts.appendices)
    mdparse.class_tables(parts.body + parts.appendices,
                         {t(key, meta.lang): name for key, name in _TABLE_CLASSES.items()})

    def html(part: list[Token]) -> str:
        return mdparse.render(mdparse.print_marks(part, meta.lang), env)

    sections = [_cover(meta, words)]
    if parts.onepager:
        sections.append(f'<section class="onepager" id="onepager">\n{html(parts.onepager)}'
                        "</section>")
    sections.append(_toc(headings, words))
    sections.append(f'<main id="plan">\n{html(parts.body)}</main>')
    if parts.appendices:
        sections.append(f'<section class="appendices" id="appendices">\n'
                        f"{html(parts.appendices)}</section>")
    return _shell(meta, words, "\n".join(sections) + "\n")


def onepager_html(markdown: str, meta: DocMeta) -> str:
    """The one-page summary alone, as its own printable document."""
    words = ui_text(meta.lang)
    tokens, env = mdparse.parse(markdown, meta.lang)
    parts = mdparse.split_parts(tokens)
    mdparse.prepare(parts.onepager)
    body = mdparse.render(mdparse.print_marks(parts.onepager, meta.lang), env)
    return _shell(meta, words, f'<section class="onepager alone" id="onepager">\n{body}'
                  "</section>\n")


# --------------------------------------------------------------------------- PDF


def resolve_asset(url: str) -> Path:
    """Map a ``file:`` URL to one of the package's fonts or stylesheets.

    Raises :class:`PermissionError` for every other URL: other schemes, other
    hosts, files outside the assets directory (after following symlinks and
    ``..``), and files of other kinds.
    """
    try:
        parts = urlsplit(url)
        local = parts.scheme.lower() == "file" and parts.netloc in ("", "localhost")
        path = Path(url2pathname(parts.path)).resolve() if local else None
    except (OSError, ValueError):  # e.g. a NUL byte or a malformed port
        path = None
    if (
        path is None
        or not path.is_relative_to(ASSETS_DIR)
        or path.suffix.lower() not in _ASSET_TYPES
        or not path.is_file()
    ):
        raise PermissionError(f"not a bundled asset: {url}")
    return path


@functools.cache
def _fetcher_class() -> type[URLFetcher]:
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class AssetFetcher(URLFetcher):  # type: ignore[misc]  # weasyprint ships no types
        """Serves the bundled fonts and stylesheet; every other fetch is refused."""

        def fetch(
            self, url: str, headers: Mapping[str, str] | None = None
        ) -> URLFetcherResponse:
            path = resolve_asset(url)
            return URLFetcherResponse(
                path.as_uri(),
                body=path.read_bytes(),
                headers={"Content-Type": _ASSET_TYPES[path.suffix.lower()]},
            )

    return AssetFetcher


def asset_fetcher() -> URLFetcher:
    """A weasyprint URL fetcher limited to the package's assets."""
    return _fetcher_class()()


@functools.cache
def _font_config() -> FontConfiguration:
    # One per process: it caches the @font-face files it has already installed.
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


# FontConfiguration is not meant to be shared by concurrent renders.
_RENDER_LOCK = threading.Lock()


def warm_up() -> None:
    """Start loading weasyprint and the fonts in the background.

    They take about as long as everything before them in a render; much of it is
    spent in C libraries (fontconfig, Pango) that let the main thread go on.
    """

    threading.Thread(target=load_now, name="weasyprint-warm-up", daemon=True).start()


def load_now() -> None:
    """Load weasyprint and the fonts in this thread (a batch worker's start-up)."""
    import weasyprint  # noqa: F401

    _font_config()


def html_to_pdf(html: str) -> bytes:
    """Render HTML (normally from :func:`markdown_to_html`) to PDF bytes."""
    import weasyprint

    document = weasyprint.HTML(
        string=html, base_url=ASSETS_DIR.as_uri() + "/", url_fetcher=asset_fetcher()
    )
    with _RENDER_LOCK:
        # PDF/UA-1 makes a tagged PDF that screen readers can follow.
        pdf: bytes = document.write_pdf(font_config=_font_config(), pdf_variant="pdf/ua-1")
        return pdf


def markdown_to_pdf(markdown: str, meta: DocMeta) -> bytes:
    """The plan's Markdown as a finished A4 PDF."""
    return html_to_pdf(markdown_to_html(markdown, meta))
