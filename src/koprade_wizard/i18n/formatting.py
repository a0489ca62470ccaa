"""Numbers, money, percentages and dates in the plan's language (babel's CLDR data)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent

LOCALES = {"lv": "lv_LV", "en": "en_IE"}  # en_IE: euro amounts written as €1,234.50


def locale_code(lang: str) -> str:
    """The CLDR locale for a language code or tag ("lv", "lv-LV", "en"); English if unknown."""
    return LOCALES.get(lang.split("-")[0].lower(), LOCALES["en"])


@lru_cache(maxsize=4)
def _locale(lang: str) -> Locale:
    return Locale.parse(locale_code(lang))


def money(amount: float | None, lang: str, cents: bool = False) -> str:
    """``1 234 €`` (lv) / ``€1,234`` (en); whole euros unless ``cents``."""
    if amount is None:
        return "—"
    fmt = None if cents else "#,##0\u00a0¤" if lang == "lv" else "¤#,##0"
    return format_currency(amount, "EUR", format=fmt, locale=_locale(lang),
                           currency_digits=cents)


def number(value: float | None, lang: str, digits: int = 0) -> str:
    if value is None:
        return "—"
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=_locale(lang))


def percent(share: float | None, lang: str) -> str:
    if share is None:
        return "—"
    return format_percent(share, locale=_locale(lang))


def date(day: dt.date, lang: str) -> str:
    """``2026. gada 27. novembris`` (lv) / ``27 November 2026`` (en)."""
    return format_date(day, "long", locale=_locale(lang))


def month(day: dt.date, lang: str) -> str:
    return format_date(day, "LLLL yyyy", locale=_locale(lang))
