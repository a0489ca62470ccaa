"""Put text a person typed into Markdown so that it reads exactly as typed.

Every character that Markdown could take as markup where the text lands is escaped
with a backslash (CommonMark allows that for any ASCII punctuation), so
``<img src=…>``, ``[x](file:///…)``, ``**bold**`` or ``&amp;`` arrive in every output
as typed. Values are never passed through Jinja again, so ``{{ … }}`` stays text.
Only what can matter is escaped, so that the Markdown file stays readable.
"""

from __future__ import annotations

import re
import unicodedata

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|&@])")
# "www." starts a bare address that some renderers (GitHub) and markdownlint's MD034
# take as a link, as do "://" and "@" (escaped with the specials).
_WWW = re.compile(r"\b(www)\.", re.IGNORECASE)
# What starts a list, quote or heading when it opens a paragraph.
_LEADING = re.compile(r"^(\d+)([.)])|^([-+=>])")
# White space to fold; the no-break space is kept (it holds "1 234 €" together).
_SPACES = re.compile(r"[^\S\u00a0]+")


def inline(text: object) -> str:
    """Escape for use inside a line (a sentence, a table cell, a heading).

    Line breaks become spaces: a table row or a list item must stay on one line.
    """
    flat = _SPACES.sub(" ", str(text)).strip(" ")
    escaped = _SPECIAL.sub(r"\\\1", flat).replace("://", "\\://")
    return _WWW.sub(r"\1\\.", escaped)


def block(text: object) -> str:
    """Escape a longer answer as one or more paragraphs (blank lines separate them)."""
    paragraphs = [p for p in re.split(r"\n\s*\n", str(text)) if p.strip()]
    return "\n\n".join(_LEADING.sub(_escape_leading, inline(p)) for p in paragraphs)


def _escape_leading(match: re.Match[str]) -> str:
    if match.group(1):
        return f"{match.group(1)}\\{match.group(2)}"
    return "\\" + match.group(3)


def slugify(text: str) -> str:
    """An ASCII anchor for a heading: 'Ēku nodoklis 2027' → 'eku-nodoklis-2027'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "section"
