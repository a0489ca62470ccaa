"""The plan as an editable Word document (.docx), made from the same Markdown.

Founders change the plan before they send it, and few of them edit Markdown. This
walks the markdown-it tokens that the PDF is made from — never a second copy of
the text — and writes real Word headings (Heading 1–6, one per Markdown level),
tables, bulleted and numbered lists, quotes, links, and the Mermaid charts as
pictures (the same SVG as in the PDF, turned into PNG by cairosvg). A top-level
``---`` (between the plan's parts) becomes a page break.

python-docx and cairosvg load only when a document is made.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from markdown_it.token import Token

from koprade_wizard.common.record import record
from koprade_wizard.plan import mdparse
from koprade_wizard.plan.charts import mermaid_to_svg

if TYPE_CHECKING:
    from docx.document import Document
    from docx.text.paragraph import Paragraph

_CHART_WIDTH_CM = 16.0
_CHART_DPI = 150


@record
class WordMeta:
    title: str
    author: str
    lang: str


def _hyperlink(paragraph: Paragraph, url: str, text: str, bold: bool, italic: bool) -> None:
    """A clickable web link; python-docx has no API for one, so it is built in XML."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rel = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    props.append(style)
    for flag, tag in ((bold, "w:b"), (italic, "w:i")):
        if flag:
            props.append(OxmlElement(tag))
    run.append(props)
    node = OxmlElement("w:t")
    node.text = text
    node.set(qn("xml:space"), "preserve")
    run.append(node)
    link.append(run)
    paragraph._p.append(link)


def _inline(paragraph: Paragraph, inline: Token) -> None:
    """The runs of one inline token: bold, italic, code, links, line breaks."""
    bold = italic = code = False
    href: str | None = None
    for child in inline.children or []:
        kind = child.type
        if kind == "strong_open":
            bold = True
        elif kind == "strong_close":
            bold = False
        elif kind == "em_open":
            italic = True
        elif kind == "em_close":
            italic = False
        elif kind == "link_open":
            target = str(child.attrGet("href") or "")
            href = target if target.startswith(("http://", "https://", "mailto:")) else None
        elif kind == "link_close":
            href = None
        elif kind in ("text", "code_inline", "softbreak", "hardbreak", "html_inline", "image"):
            text = {"softbreak": " ", "hardbreak": "\n"}.get(kind, child.content)
            if kind == "image":
                text = mdparse.plain_text(child)
            if kind == "html_inline":  # a task-list checkbox (raw HTML is off)
                text = "☒ " if 'checked="checked"' in child.content else "☐ "
            code = kind == "code_inline"
            if href and kind == "text":
                _hyperlink(paragraph, href, text, bold, italic)
                continue
            run = paragraph.add_run(text)
            run.bold, run.italic = bold or None, italic or None
            if code:
                run.font.name = "DejaVu Sans Mono"


def _chart(doc: Document, source: str, lang: str) -> bool:
    svg = mermaid_to_svg(source, lang)
    if svg is None:
        return False
    import cairosvg
    from docx.shared import Cm

    png = cairosvg.svg2png(bytestring=svg.encode("utf-8"), dpi=_CHART_DPI,
                           output_width=int(_CHART_WIDTH_CM / 2.54 * _CHART_DPI))
    doc.add_picture(io.BytesIO(png), width=Cm(_CHART_WIDTH_CM))
    return True


def _table(doc: Document, tokens: Sequence[Token], start: int) -> int:
    """Write the table that opens at ``start``; return the index after it."""
    rows: list[list[Token]] = []
    header_rows = 0
    index = start
    in_head = False
    while tokens[index].type != "table_close":
        token = tokens[index]
        if token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open":
            rows.append([])
            header_rows += in_head
        elif token.type == "inline":
            rows[-1].append(token)
        index += 1
    columns = max((len(r) for r in rows), default=0)
    table = doc.add_table(rows=len(rows), cols=columns)
    table.style = "Table Grid"
    # Row by row: ``table.cell(r, c)`` walks the whole table on every call.
    for r, (row, cells) in enumerate(zip(table.rows, rows, strict=True)):
        row_cells = row.cells
        for c, inline in enumerate(cells):
            paragraph = row_cells[c].paragraphs[0]
            _inline(paragraph, inline)
            if r < header_rows:
                for run in paragraph.runs:
                    run.bold = True
    return index + 1


def _list_style(doc: Document, ordered: bool, depth: int) -> Any:
    name = ("List Number" if ordered else "List Bullet") + (f" {depth}" if depth > 1 else "")
    try:
        return doc.styles[name]
    except KeyError:
        return doc.styles["List Number" if ordered else "List Bullet"]


def build(markdown: str, meta: WordMeta) -> bytes:
    """The plan's Markdown as the bytes of a .docx file."""
    import docx
    from docx.enum.text import WD_BREAK

    doc = docx.Document()
    props = doc.core_properties
    props.title, props.author, props.language = meta.title, meta.author, meta.lang
    tokens, _ = mdparse.parse(markdown, meta.lang)
    mdparse.prepare(tokens)
    lists: list[list[Any]] = []  # [ordered, next number] per open list
    quote = 0
    index = 0
    while index < len(tokens):
        token = tokens[index]
        kind = token.type
        if kind == "heading_open":
            level = int(token.tag[1])
            heading = doc.add_heading(level=level)
            _inline(heading, tokens[index + 1])
            index += 3
            continue
        if kind == "hr" and token.level == 0:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif kind in ("bullet_list_open", "ordered_list_open"):
            lists.append([kind == "ordered_list_open", int(token.attrGet("start") or 1)])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind in ("blockquote_open", "blockquote_close"):
            quote += 1 if kind == "blockquote_open" else -1
        elif kind == "table_open":
            index = _table(doc, tokens, index)
            continue
        elif kind == "fence":
            if not (token.info.strip().startswith("mermaid") and _chart(doc, token.content,
                                                                        meta.lang)):
                doc.add_paragraph(token.content.rstrip("\n"), style="No Spacing")
        elif kind == "inline" and index and tokens[index - 1].type == "paragraph_open":
            item = lists and tokens[index - 2].type == "list_item_open"
            if item:
                ordered, number = lists[-1]
                paragraph = doc.add_paragraph(style=_list_style(doc, ordered, len(lists)))
                if ordered:
                    # Numbers written out: Word's own numbering would run on from
                    # one list to the next.
                    paragraph.style = doc.styles["List Paragraph"]
                    paragraph.add_run(f"{number}. ")
                    lists[-1][1] += 1
            else:
                paragraph = doc.add_paragraph(style="Quote" if quote else None)
            _inline(paragraph, token)
        index += 1
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
