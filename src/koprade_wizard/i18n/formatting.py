"""Numbers, money, percentages and dates in the plan's language (babel's CLDR data).

Which CLDR locale a language's figures follow is data beside its catalogue:
``locale/<lang>/formats.yaml`` names it (``en`` → ``en_IE``, for euro amounts and
day-first dates); a language without that file uses babel's own data for its code.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

import yaml
from babel import Locale, UnknownLocaleError, localedata
from babel.dates import format_date
from babel.numbers import (
    NumberPattern,
    format_decimal,
    format_percent,
    get_currency_symbol,
    parse_pattern,
)

from koprade_wizard.i18n import localecache

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=16)
def declared_locale(lang: str, root: Path = LOCALE_DIR) -> str | None:
    """The CLDR locale that ``locale/<lang>/formats.yaml`` names, if babel knows it."""
    try:
        data = yaml.load((root / lang / "formats.yaml").read_text(encoding="utf-8"),
                         Loader=_LOADER)  # a safe loader
    except (OSError, UnicodeError, yaml.YAMLError):
        return None
    code = data.get("locale") if isinstance(data, dict) else None
    return code if isinstance(code, str) and localedata.exists(code) else None


@lru_cache(maxsize=16)
def locale_code(lang: str) -> str:
    """The CLDR locale for a language code or tag ("lv", "lv-LV", "de", "en_XA").

    A code babel has no data for (a pseudo-locale such as ``en_XA``) takes its base
    language's; an unknown language, English's.
    """
    code = _code(lang)
    localecache.prime(code)  # babel's data for it, ready-made where the cache has it
    return code


def _code(lang: str) -> str:
    code = lang.replace("-", "_")
    base = code.split("_")[0].lower()
    for candidate in (code, base):
        declared = declared_locale(candidate)
        if declared is not None:
            return declared
        if localedata.exists(candidate):
            return candidate
    return declared_locale("en") or "en"


@lru_cache(maxsize=16)
def _locale(lang: str) -> Locale:
    return Locale.parse(locale_code(lang))


@lru_cache(maxsize=16)
def _money_pattern(lang: str, cents: bool) -> NumberPattern:
    """The locale's own currency pattern — "#,##0 ¤" (lv), "¤#,##0" (en), with ",00" /
    ".00" for cents — with the euro sign written in as a literal. Babel's
    ``format_currency`` looks up the currency's plural name on every call even where
    the pattern has no place for it; a plan formats a hundred amounts or more."""
    locale = _locale(lang)
    text = str(locale.currency_formats["standard"].pattern)
    if not cents:
        text = text.replace(".00", "")
    return parse_pattern(text.replace("¤", f"'{get_currency_symbol('EUR', locale)}'"))


def plural_category(count: float, lang: str) -> str:
    """CLDR's plural category of ``count`` in ``lang``: "one", "other", "zero", ..."""
    return str(_locale(lang).plural_form(count))


@lru_cache(maxsize=32)
def _pattern(text: str) -> NumberPattern:
    # babel parses a pattern given as text on every call; a plan formats hundreds.
    return parse_pattern(text)


def money(amount: float | None, lang: str, cents: bool = False) -> str:
    """``1 234 €`` (lv) / ``€1,234`` (en); whole euros unless ``cents``."""
    if amount is None:
        return "—"
    if round(amount, 2 if cents else 0) == 0:
        amount = 0.0  # never "-€0" for a balance a rounding below zero
    return str(_money_pattern(lang, cents).apply(amount, _locale(lang)))


def number(value: float | None, lang: str, digits: int = 0) -> str:
    if value is None:
        return "—"
    pattern = _pattern("#,##0" + ("." + "0" * digits if digits else ""))
    return format_decimal(value, format=pattern, locale=_locale(lang))


def percent(share: float | None, lang: str) -> str:
    if share is None:
        return "—"
    return format_percent(share, locale=_locale(lang))


def date(day: dt.date, lang: str) -> str:
    """``2026. gada 27. novembris`` (lv) / ``27 November 2026`` (en)."""
    return format_date(day, "long", locale=_locale(lang))


def month_name(number: int, lang: str) -> str:
    """The month's name standing alone ("marts", "March"): the catalogue puts it with
    its year as the language writes it ("2017. gada marts", "March 2017")."""
    return format_date(dt.date(2000, number, 1), "LLLL", locale=_locale(lang))


def language_name(code: str, lang: str) -> str:
    """A language's name in another language's words ("lv" in "en" → "Latvian"; in "lv" →
    "latviešu"), from CLDR; a pseudo-locale is named by its code."""
    try:
        own = Locale.parse(code.replace("-", "_"))
        name = own.get_language_name(_locale(lang))
    except (ValueError, LookupError, UnknownLocaleError):
        return code
    return str(name) if name and own.territory is None else code
