"""One typographic style for the plan's Markdown, whatever wrote each part of it.

The plan's words come from three places — the template's phrases, the guidance
data (source titles, route texts) and the founder's answers — and each may write
quotation marks and percentages its own way. This pass, run once on the finished
Markdown, makes them one: curly quotation marks (“…”, ‘…’) and percentages as the
locale writes them (babel's CLDR pattern). Code spans, fenced blocks and
``<autolinks>`` are left exactly as they are.
"""

from __future__ import annotations

import re
from functools import lru_cache

from koprade_wizard.i18n import formatting

# A straight quote opens after the start, a space, an opening bracket, a dash or
# another opening quote; a single one only before a letter or digit.
_OPENER = r"(^|[\s(\[{\u2013\u2014/“‘-])"
_OPENING_DOUBLE = re.compile(_OPENER + '"')
_OPENING_SINGLE = re.compile(_OPENER + r"'(?=\w)")
_PERCENT = re.compile(r"(\d)[ \u00a0\u202f]?%")
# Parts of a line that are never touched: code spans and <autolinks>.
_PROTECTED = re.compile(r"(`+[^`]*`+|<[a-z][a-z0-9+.-]*:[^>\s]*>)", re.IGNORECASE)
_FENCE = re.compile(r"^(```|~~~)")


@lru_cache(maxsize=4)
def _percent_space(lang: str) -> str:
    """What the locale puts between a number and the percent sign ('' in lv and en)."""
    text = formatting.percent(0.51, lang)
    return text[text.index("1") + 1 : text.index("%")]


def _quotes(text: str) -> str:
    text = _OPENING_DOUBLE.sub(r"\1“", text).replace('"', "”")
    # An apostrophe inside or after a word ("space's", "operators'") is ’ too.
    return _OPENING_SINGLE.sub(r"\1‘", text).replace("'", "’")


def _line(text: str, lang: str) -> str:
    space = _percent_space(lang)
    parts = _PROTECTED.split(text)
    for index in range(0, len(parts), 2):  # even parts are ordinary text
        plain = _PERCENT.sub(lambda m: f"{m.group(1)}{space}%", parts[index])
        parts[index] = _quotes(plain)
    return "".join(parts)


def tidy(markdown: str, lang: str) -> str:
    """The same Markdown with one style of quotation marks and percentages."""
    lines = markdown.split("\n")
    in_fence = False
    for index, line in enumerate(lines):
        if _FENCE.match(line.lstrip()):
            in_fence = not in_fence
            continue
        # Most lines hold neither a straight quote nor a percent sign: leave them be.
        if not in_fence and ('"' in line or "'" in line or "%" in line):
            lines[index] = _line(line, lang)
    return "\n".join(lines)
