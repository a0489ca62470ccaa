"""Turn the plan's Markdown into a print-ready A4 PDF: Markdown → HTML → PDF.

The Markdown is the single source of the plan's words. This module adds what
only paper needs: a cover, a table of contents with page numbers, running
header and footer, and vector charts drawn from the Mermaid blocks.

weasyprint takes more than half a second to import, so it is imported only
inside :func:`html_to_pdf`; everything else here is cheap.
"""

from __future__ import annotations

import functools
import re
import string
import threading
import unicodedata
from collections.abc import Mapping, Sequence
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit
from urllib.request import url2pathname

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from mdit_py_plugins.tasklists import tasklists_plugin

from koprade_wizard import __version__
from koprade_wizard.common.record import record
from koprade_wizard.i18n.messages import t
from koprade_wizard.plan.charts import mermaid_to_svg

if TYPE_CHECKING:
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import URLFetcher

ASSETS_DIR = Path(__file__).resolve().parent / "assets"

# Only the package's own files may be read while rendering, and only these kinds.
_ASSET_TYPES = {".ttf": "font/ttf", ".css": "text/css"}

# Ids the HTML shell uses itself, so that no heading can take them.
_SHELL_IDS = frozenset({"cover", "contents", "contents-title", "plan"})

# The table of contents stays one page or so; deeper levels are dropped past this.
_TOC_LIMIT = 40

_RUNNING_TITLE_MAX = 60

_SAFE_LINK = re.compile(r"(?:https?:|mailto:|#)", re.IGNORECASE)
_TASK_CHECKBOX = '<input class="task-list-item-checkbox"'


@record
class DocMeta:
    """What the cover, the running header and the PDF metadata say about the plan."""

    title: str
    subtitle: str
    lang: str
    author: str
    date_text: str
    keywords: tuple[str, ...] = ()


@record
class Heading:
    """A heading of the plan as the table of contents needs it."""

    level: int
    anchor: str
    text: str


# --------------------------------------------------------------------------- Markdown


def _render_fence(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    token = tokens[idx]
    if token.info.strip().split(maxsplit=1)[:1] == ["mermaid"]:
        svg = mermaid_to_svg(token.content, str(env.get("lang", "en")))
        if svg is not None:
            return f'<figure class="chart">{svg}</figure>\n'
    return RendererHTML.fence(self, tokens, idx, options, env)


def _render_image(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    # The plan never needs pictures from elsewhere; the alt text stands in for
    # the picture, which also guarantees that the renderer has nothing to fetch.
    return escape(self.renderInlineAsText(tokens[idx].children or [], options, env))


def _render_html_inline(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    # Raw HTML is off, so the task-list checkboxes are the only inline HTML.
    # weasyprint lays a real <input> out badly, so it becomes a styled box.
    content = tokens[idx].content
    if content.startswith(_TASK_CHECKBOX):
        if 'checked="checked"' in content:
            return '<span class="task-box checked">✓</span>'
        return '<span class="task-box"></span>'
    return escape(content)


def _render_html_block(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    # Unreachable while raw HTML is off; kept so that turning it on cannot let
    # markup through to the renderer.
    return f"<p>{escape(tokens[idx].content)}</p>\n"


@functools.cache
def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False}).enable("table").use(tasklists_plugin)
    md.add_render_rule("fence", _render_fence)
    md.add_render_rule("image", _render_image)
    md.add_render_rule("html_inline", _render_html_inline)
    md.add_render_rule("html_block", _render_html_block)
    return md


def _plain_text(inline: Token) -> str:
    parts: list[str] = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(_plain_text(child))
    return " ".join("".join(parts).split())


def slugify(text: str) -> str:
    """An ASCII anchor for a heading: 'Ēku nodoklis 2027' → 'eku-nodoklis-2027'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "section"


def _unique(slug: str, used: set[str]) -> str:
    candidate, number = slug, 2
    while candidate in used:
        candidate, number = f"{slug}-{number}", number + 1
    used.add(candidate)
    return candidate


def _neutralise_links(children: list[Token]) -> None:
    """Keep web, mail and in-document links; turn any other link into plain text."""
    inside_unsafe = False
    for child in children:
        if child.type == "link_open" and not _SAFE_LINK.match(str(child.attrGet("href") or "")):
            child.tag, child.attrs, inside_unsafe = "span", {"class": "link-text"}, True
        elif child.type == "link_close" and inside_unsafe:
            child.tag, inside_unsafe = "span", False


def _move_spaces_into_inline_elements(children: list[Token]) -> None:
    """Turn ``word <b>bold</b>`` into ``word<b> bold</b>``, which looks the same.

    weasyprint 70 strands the first word of a paragraph on a line of its own when
    a line ends exactly at a space that is followed by an inline element (bold,
    italic, link). With the space inside the element the lines break as they
    would without the markup.
    """
    children[:] = [c for c in children if c.type != "text" or c.content]
    index = 0
    while index < len(children) - 1:
        token, following = children[index], children[index + 1]
        if token.type == "text" and token.content.endswith(" ") and following.nesting == 1:
            token.content = token.content.rstrip(" ")
            children.insert(index + 2, Token("text", "", 0, content=" "))
        index += 1


def _prepare(tokens: list[Token]) -> list[Heading]:
    """Give headings unique ids, make links safe; return the headings in order.

    A level-1 heading that opens the Markdown is its title; in the PDF the cover
    carries the title, so that heading is dropped.
    """
    if len(tokens) >= 3 and tokens[0].type == "heading_open" and tokens[0].tag == "h1":
        del tokens[:3]
    used = set(_SHELL_IDS)
    headings: list[Heading] = []
    for index, token in enumerate(tokens):
        if token.type == "inline" and token.children:
            _neutralise_links(token.children)
            _move_spaces_into_inline_elements(token.children)
        elif token.type == "heading_open":
            text = _plain_text(tokens[index + 1])
            anchor = _unique(slugify(text), used)
            token.attrSet("id", anchor)
            headings.append(Heading(int(token.tag[1]), anchor, text))
    return headings


def _toc_entries(headings: Sequence[Heading]) -> list[Heading]:
    if not headings:
        return []
    top = min(heading.level for heading in headings)
    both = [heading for heading in headings if heading.level in (top, top + 1)]
    if len(both) <= _TOC_LIMIT:
        return both
    return [heading for heading in headings if heading.level == top]


# --------------------------------------------------------------------------- HTML


_UI_KEYS = ("contents", "page_of", "prepared", "initiative")


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
    header = _css_string(running_title(meta.title))
    return (
        f"@page {{ @top-left {{ content: {header}; }}"
        f" @bottom-right {{ content: {_page_counter(words['page_of'])}; }} }}"
    )


def _page_counter(text: str) -> str:
    """"page {page} of {pages}" as CSS content: the words quoted, the numbers counters."""
    parts: list[str] = []
    for literal, field, _, _ in string.Formatter().parse(text):
        if literal:
            parts.append(_css_string(literal))
        if field is not None:
            parts.append(f"counter({field})")  # page or pages, the CSS counters' own names
    return " ".join(parts)


def _cover(meta: DocMeta, words: Mapping[str, str]) -> str:
    subtitle = f'<p class="cover-subtitle">{escape(meta.subtitle)}</p>' if meta.subtitle else ""
    return (
        '<section class="cover" id="cover">'
        '<div class="cover-band">'
        f'<p class="cover-author">{escape(meta.author)}</p>'
        "</div>"
        '<div class="cover-rule"></div>'
        '<div class="cover-main">'
        f'<h1 class="cover-title">{escape(meta.title)}</h1>'
        f"{subtitle}"
        "</div>"
        '<dl class="cover-meta">'
        f"<dt>{escape(words['prepared'])}</dt><dd>{escape(meta.date_text)}</dd>"
        f"<dt>{escape(words['initiative'])}</dt><dd>{escape(meta.author)}</dd>"
        "</dl>"
        "</section>"
    )


def _toc(headings: Sequence[Heading], words: Mapping[str, str]) -> str:
    entries = _toc_entries(headings)
    if not entries:
        return ""
    top = min(entry.level for entry in entries)
    items = "".join(
        f'<li class="{"toc-top" if entry.level == top else "toc-sub"}">'
        f'<a href="#{entry.anchor}">{escape(entry.text)}</a></li>'
        for entry in entries
    )
    return (
        '<nav class="toc" id="contents" aria-labelledby="contents-title">'
        f'<h2 id="contents-title">{escape(words["contents"])}</h2>'
        f"<ol>{items}</ol></nav>"
    )


def markdown_to_html(markdown: str, meta: DocMeta) -> str:
    """A standalone HTML document: cover, table of contents, then the plan itself.

    The contents list the two highest heading levels of the body (h2 and h3 in
    a normal plan). A ``# heading`` that opens the Markdown is left out: it is
    the Markdown's title, and the cover shows ``meta.title`` instead.
    """
    words = ui_text(meta.lang)
    md = _markdown()
    env: EnvType = {"lang": meta.lang}
    tokens = md.parse(markdown, env)
    headings = _prepare(tokens)
    body = md.renderer.render(tokens, md.options, env)
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
        f"{_cover(meta, words)}\n{_toc(headings, words)}\n"
        f'<main id="plan">\n{body}</main>\n'
        "</body>\n</html>\n"
    )


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

    def load() -> None:
        import weasyprint  # noqa: F401

        _font_config()

    threading.Thread(target=load, name="weasyprint-warm-up", daemon=True).start()


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
