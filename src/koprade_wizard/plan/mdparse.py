"""The plan's Markdown as markdown-it tokens, prepared for print.

Shared by the HTML/PDF and the Word outputs, so both read the same words in the
same parts:

- a thematic break (``---``) at the top level separates the plan's parts: the
  front matter (title and meta line), the one-page summary, the body and the
  appendices (:func:`split_parts`);
- headings get unique anchors; links other than web, mail and in-document ones
  become plain text;
- for print, words that must not be hyphenated (names, acronyms, month names,
  web addresses) are marked, and a heading is grouped with what follows it, a
  chart with its introduction (:func:`print_marks`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from html import escape

from babel import Locale
from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from mdit_py_plugins.tasklists import tasklists_plugin

from koprade_wizard.common.record import record
from koprade_wizard.i18n.formatting import locale_code
from koprade_wizard.plan.charts import mermaid_to_svg
from koprade_wizard.plan.mdtext import slugify

# Ids the HTML shell uses itself, so that no heading can take them.
SHELL_IDS = frozenset({"cover", "contents", "contents-title", "plan", "onepager", "appendices"})

_SAFE_LINK = re.compile(r"(?:https?:|mailto:|#)", re.IGNORECASE)
_TASK_CHECKBOX = '<input class="task-list-item-checkbox"'
# A word that pyphen could hyphenate but print must not: it holds a capital letter
# (a name, an acronym) or a digit. Short words are never hyphenated anyway.
_WORD = re.compile(r"[^\W_][\w.\u00ad-]*[^\W_]", re.UNICODE)
_MIN_HYPHENATED = 5
# A web address longer than this may break, but only after a "/".
_URL_ONE_PIECE = 80


@record
class Heading:
    """A heading of the plan as the table of contents needs it."""

    level: int
    anchor: str
    text: str


@record
class Parts:
    """The plan's tokens split at top-level thematic breaks."""

    front: list[Token]
    onepager: list[Token]
    body: list[Token]
    appendices: list[Token]


# --------------------------------------------------------------------------- rendering


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


def _render_nohyphen(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return f'<span class="nh">{escape(tokens[idx].content)}</span>'


def _render_url(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    url = tokens[idx].content
    if len(url) <= _URL_ONE_PIECE:
        return f'<span class="url">{escape(url)}</span>'
    scheme, sep, rest = url.partition("://")
    if not sep:
        return f'<span class="url">{escape(url)}</span>'
    host, *paths = rest.split("/")
    pieces = [scheme + sep + host, *paths]
    return "<wbr>".join(
        f'<span class="url">{escape(piece)}{"/" if i < len(pieces) - 1 else ""}</span>'
        for i, piece in enumerate(pieces)
    )


@functools.cache
def markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False}).enable("table").use(tasklists_plugin)
    md.add_render_rule("fence", _render_fence)
    md.add_render_rule("image", _render_image)
    md.add_render_rule("html_inline", _render_html_inline)
    md.add_render_rule("html_block", _render_html_block)
    md.add_render_rule("nohyphen", _render_nohyphen)
    md.add_render_rule("url", _render_url)
    return md


def parse(text: str, lang: str) -> tuple[list[Token], EnvType]:
    env: EnvType = {"lang": lang}
    return markdown().parse(text, env), env


def render(tokens: list[Token], env: EnvType) -> str:
    md = markdown()
    return str(md.renderer.render(tokens, md.options, env))


# --------------------------------------------------------------------------- structure


def plain_text(inline: Token) -> str:
    parts: list[str] = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline", "nohyphen", "url"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(plain_text(child))
    return " ".join("".join(parts).split())


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


def prepare(tokens: list[Token]) -> list[Heading]:
    """Give headings unique ids, make links safe; return the headings in order."""
    used = set(SHELL_IDS)
    headings: list[Heading] = []
    for index, token in enumerate(tokens):
        if token.type == "inline" and token.children:
            _neutralise_links(token.children)
            _move_spaces_into_inline_elements(token.children)
        elif token.type == "heading_open":
            text = plain_text(tokens[index + 1])
            anchor = _unique(slugify(text), used)
            token.attrSet("id", anchor)
            headings.append(Heading(int(token.tag[1]), anchor, text))
    return headings


def headings(tokens: list[Token]) -> list[Heading]:
    """The headings of tokens that :func:`prepare` has already given anchors."""
    return [
        Heading(int(token.tag[1]), str(token.attrGet("id")), plain_text(tokens[index + 1]))
        for index, token in enumerate(tokens)
        if token.type == "heading_open" and token.attrGet("id")
    ]


def split_parts(tokens: list[Token]) -> Parts:
    """The parts between top-level ``---``: front, one page, body, appendices.

    Markdown without breaks is all body (after an opening ``# title``, which is
    front matter); with fewer breaks, the later parts stay empty.
    """
    chunks: list[list[Token]] = [[]]
    for token in tokens:
        if token.type == "hr" and token.level == 0:
            chunks.append([])
        else:
            chunks[-1].append(token)
    if len(chunks) == 1:
        body = chunks[0]
        front: list[Token] = []
        if len(body) >= 3 and body[0].type == "heading_open" and body[0].tag == "h1":
            front, body = body[:3], body[3:]
        return Parts(front, [], body, [])
    chunks += [[] for _ in range(4 - len(chunks))]
    rest = [t for chunk in chunks[3:] for t in chunk]
    return Parts(chunks[0], chunks[1], chunks[2], rest)


# --------------------------------------------------------------------------- print marks


@functools.cache
def _month_names(lang: str) -> frozenset[str]:
    locale = Locale.parse(locale_code(lang))
    names: set[str] = set()
    for context in ("format", "stand-alone"):
        names.update(name.lower() for name in locale.months[context]["wide"].values())
    # Latvian dates also use the locative ("janvārī") and genitive ("janvāra").
    stems = {name[:-2] for name in names if name.endswith("is")}
    names.update(f"{stem}{end}" for stem in stems for end in ("ī", "a"))
    return frozenset(names)


def _keeps_whole(word: str, months: frozenset[str]) -> bool:
    if len(word) < _MIN_HYPHENATED:
        return False
    return word.lower() != word or any(ch.isdigit() for ch in word) or word.lower() in months


def _mark_words(children: list[Token], lang: str) -> list[Token]:
    months = _month_names(lang)
    marked: list[Token] = []
    autolink = False
    for child in children:
        if child.type == "link_open":
            autolink = child.markup == "autolink"
        elif child.type == "link_close":
            autolink = False
        if child.type != "text":
            marked.append(child)
            continue
        if autolink:
            marked.append(Token("url", "", 0, content=child.content))
            continue
        position, text = 0, child.content
        for match in _WORD.finditer(text):
            if _keeps_whole(match.group(), months):
                if match.start() > position:
                    marked.append(Token("text", "", 0, content=text[position:match.start()]))
                marked.append(Token("nohyphen", "", 0, content=match.group()))
                position = match.end()
        if position < len(text):
            marked.append(Token("text", "", 0, content=text[position:]))
    return marked


def _blocks(tokens: list[Token]) -> list[tuple[int, int]]:
    """(start, end) of each top-level block; ``end`` is exclusive."""
    spans: list[tuple[int, int]] = []
    depth, start = 0, 0
    for index, token in enumerate(tokens):
        if depth == 0:
            start = index
        depth += token.nesting
        if depth == 0:
            spans.append((start, index + 1))
    return spans


def _is_chart(token: Token) -> bool:
    return token.type == "fence" and token.info.strip().startswith("mermaid")


def _keep_groups(tokens: list[Token]) -> list[Token]:
    """Wrap a heading with the paragraph after it, and a chart with the heading and
    paragraph before it, in ``<div class="keep">``, which never breaks inside."""
    blocks = _blocks(tokens)
    kinds = [tokens[start].type for start, _ in blocks]
    groups: list[tuple[int, int]] = []  # indices into blocks, inclusive
    index = 0
    while index < len(blocks):
        last = index
        if kinds[index] == "heading_open" and index + 1 < len(blocks) and kinds[index + 1] in (
            "paragraph_open", "fence"
        ):
            last = index + 1
        if (
            last + 1 < len(blocks)
            and kinds[last] in ("paragraph_open", "heading_open")
            and _is_chart(tokens[blocks[last + 1][0]])
        ):
            last += 1
        groups.append((index, last))
        index = last + 1
    out: list[Token] = []
    for first, last in groups:
        start, end = blocks[first][0], blocks[last][1]
        if last > first:
            out.append(Token("keep_open", "div", 1, attrs={"class": "keep"}, block=True))
            out.extend(tokens[start:end])
            out.append(Token("keep_close", "div", -1, block=True))
        else:
            out.extend(tokens[start:end])
    return out


def class_tables(tokens: list[Token], classes: Mapping[str, str]) -> None:
    """Give the tables under a level-2 heading whose text is a key of ``classes`` that
    class, so that print can size the columns of a table it knows."""
    current: str | None = None
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h2":
            current = classes.get(plain_text(tokens[index + 1]))
        elif token.type == "table_open" and current:
            token.attrSet("class", current)


def print_marks(tokens: list[Token], lang: str) -> list[Token]:
    """The same tokens with the no-hyphenation spans and keep-together groups print needs."""
    for token in tokens:
        if token.type == "inline" and token.children:
            token.children = _mark_words(token.children, lang)
    return _keep_groups(tokens)
