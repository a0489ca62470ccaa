"""Numbers and dates as people type them, read with the interface language's conventions.

Each reader returns every *reading* of the text: none (not a number or date), one (taken),
or two or more (the text could mean different things, and the person is asked which).
Nothing is guessed: ``1,500`` in Latvian is 1,5 or 1 500; ``1.500`` in English is 1.5 or
1,500. The symbols come from babel's CLDR data for the language, so another language
reads its own way without code here.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from babel.dates import get_month_names
from babel.numbers import get_decimal_symbol, get_group_symbol

from koprade_wizard.i18n.formatting import locale_code

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
_MINUS = ("-", "\u2212")
_MARKS = ".,"  # the two marks that are a decimal point in one place, a thousands mark in another
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMERIC_DATE = re.compile(r"(\d{1,2})([./-])(\d{1,2})\2(\d{4})\.?")
_SLASH_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def fold(text: str) -> str:
    """Lower case without diacritics: ``Rīgas`` → ``rigas``, ``Cēsu`` → ``cesu``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# --- numbers --------------------------------------------------------------------------


@lru_cache(maxsize=8)
def _symbols(lang: str) -> tuple[str, str]:
    code = locale_code(lang)
    group = get_group_symbol(code)
    # A no-break space is typed as a plain space; both mean a thousands gap.
    return get_decimal_symbol(code), " " if _SPACES.fullmatch(group) else group


def _grouped(whole: str, marks: str) -> str | None:
    """``whole`` without thousands marks, or None if the marks are not every 3 digits."""
    parts = re.split(f"[{re.escape(marks)}]", whole) if marks else [whole]
    if not all(p.isdigit() for p in parts):
        return None
    if len(parts) > 1 and (len(parts[0]) > 3 or parts[0].startswith("0")
                           or any(len(p) != 3 for p in parts[1:])):
        return None
    return "".join(parts)


def _reading(body: str, point: str | None) -> Decimal | None:
    """``body`` read with ``point`` as the decimal point (None: no decimals) and every
    other mark, and a space, as a thousands mark."""
    others = [m for m in _MARKS if m != point and m in body]
    if len(others) > 1:
        return None  # one number uses one kind of thousands mark
    marks = " " + "".join(others)
    whole, fraction = body, ""
    if point is not None:
        if body.count(point) != 1:
            return None
        whole, fraction = body.split(point)
        if not fraction.isdigit() or not whole:
            return None
    if point is None and not any(m in body for m in marks):
        digits: str | None = body if body.isdigit() else None
    else:
        digits = _grouped(whole, marks)
    if digits is None:
        return None
    try:
        return Decimal(f"{digits}.{fraction}" if fraction else digits)
    except InvalidOperation:
        return None


def read_number(text: str, lang: str) -> list[Decimal]:
    """Every reading of ``text`` as a number in ``lang``'s conventions (see module doc).

    A reading that uses the language's own thousands mark wins (``12,000`` in English is
    twelve thousand); one that uses its decimal point is ambiguous when the same text also
    reads as thousands (``1,500`` in Latvian).
    """
    body = _SPACES.sub(" ", text.strip()).strip("€ ").strip()
    negative = body.startswith(_MINUS)
    if negative:
        body = body[1:].strip()
    if not body or not re.fullmatch(r"[0-9][0-9., ]*", body):
        return []
    decimal, group = _symbols(lang)
    found: dict[str | None, Decimal] = {}
    for point in (None, *_MARKS):
        value = _reading(body, point)
        if value is not None:
            found[point] = -value if negative else value
    if group in _MARKS and group in body and None in found:
        return [found[None]]  # the language's own thousands mark: no doubt
    readings: list[Decimal] = []
    for point in (decimal, *(p for p in found if p != decimal)):
        value = found.get(point)
        if value is not None and value not in readings:
            readings.append(value)
    return readings


# --- dates ------------------------------------------------------------------------------


@lru_cache(maxsize=8)
def _months(lang: str) -> dict[str, int]:
    """Folded month names and abbreviations of ``lang`` (and English ones) → month."""
    names: dict[str, int] = {}
    for code in (locale_code("en"), locale_code(lang)):
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, code).items():
                    names[fold(name).rstrip(".")] = number
    return names


def _month(word: str, lang: str) -> int | None:
    word = fold(word)
    if len(word) < 3:
        return None
    months = _months(lang)
    if word in months:
        return months[word]
    # Latvian endings change with the case (septembrī, septembra): match the stem.
    matches = {m for name, m in months.items() if len(name) >= 3 and
               (word.startswith(name) or name.startswith(word) or
                (len(word) >= 5 and name[:-2] and word.startswith(name[:-2])))}
    return matches.pop() if len(matches) == 1 else None


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def read_date(text: str, lang: str) -> list[dt.date]:
    """Every reading of ``text`` as a date: ``2027-09-01``, ``1.9.2027``, ``01.09.2027``,
    ``1 September 2027``, ``2027. gada 1. septembris``; ``01/09/2027`` in English is asked
    back (1 September or January 9)."""
    s = _SPACES.sub(" ", text.strip())
    if m := _ISO.fullmatch(s):
        found = _day(int(m[1]), int(m[2]), int(m[3]))
        return [found] if found else []
    if m := _SLASH_DATE.fullmatch(s):
        first, second, year = int(m[1]), int(m[2]), int(m[3])
        readings = [_day(year, second, first)]
        if not lang.startswith("lv"):  # English readers may mean month/day
            readings.append(_day(year, first, second))
        return list(dict.fromkeys(d for d in readings if d))
    if m := _NUMERIC_DATE.fullmatch(s):
        found = _day(int(m[4]), int(m[3]), int(m[1]))
        return [found] if found else []
    tokens = re.findall(r"\d+|[^\W\d_]+", s)
    years = [int(x) for x in tokens if x.isdigit() and len(x) == 4]
    days = [int(x) for x in tokens if x.isdigit() and len(x) <= 2]
    months = [mo for x in tokens if not x.isdigit() and (mo := _month(x, lang))]
    if len(years) == 1 and len(days) == 1 and len(set(months)) == 1:
        found = _day(years[0], months[0], days[0])
        return [found] if found else []
    return []
