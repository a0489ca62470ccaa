"""How each question kind reads, writes back and samples its values.

The registry in ``kinds`` names one function of each sort per kind: typed text → a
value (``text_*``), a value read from YAML (an answers file, a default) → a value
(``yaml_*``), a stored value → the text that pre-fills a prompt (``write_*``), and a
few sample values for checks and tests (``samples_*``). Numbers and dates are read
and written in the person's language; text that reads two ways is asked back.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, NoReturn

from koprade_wizard.common.answers import AnswerValue
from koprade_wizard.common.errors import msg
from koprade_wizard.i18n.messages import t
from koprade_wizard.pack.answer_errors import AnswerAmbiguous, AnswerInvalid
from koprade_wizard.pack.tree import Question

# --- reading typed text -------------------------------------------------------------------


def _shown_number(value: Decimal | int | float, lang: str) -> str:
    from koprade_wizard.i18n.formatting import number

    digits = 0 if float(value).is_integer() else len(str(value).rstrip("0").split(".")[-1])
    return number(float(value), lang, min(digits, 6))


def _plain_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _numbers(text: str, lang: str, whole: bool) -> list[int | float]:
    from koprade_wizard.i18n.parsing import read_number

    readings = [_plain_number(v) for v in read_number(text, lang)]
    if whole:
        readings = [v for v in readings if isinstance(v, int)]
    return list(dict.fromkeys(v for v in readings if math.isfinite(v)))


def _read_number_text(q: Question, text: str, lang: str, whole: bool) -> int | float:
    readings = _numbers(text, lang, whole)
    if not readings:
        raise AnswerInvalid(msg("answer_not_integer" if whole else "answer_not_number"))
    if len(readings) > 1:
        _ambiguous(text, readings, [_shown_number(v, lang) for v in readings])
    return readings[0]


def _ambiguous(text: str, readings: Sequence[Any], shown: Sequence[str]) -> NoReturn:
    """Typed text that reads two ways is asked back with every reading, never guessed."""
    raise AnswerAmbiguous(
        msg("answer_ambiguous", text=text.strip(), readings=msg(
            "answer_or", first=shown[0], second=", ".join(shown[1:]))),
        tuple(readings))


def text_integer(q: Question, text: str, lang: str) -> int:
    return int(_read_number_text(q, text, lang, whole=True))  # whole readings are ints


def text_decimal(q: Question, text: str, lang: str) -> int | float:
    return _read_number_text(q, text, lang, whole=False)


def text_date(q: Question, text: str, lang: str) -> dt.date:
    from koprade_wizard.i18n.formatting import date
    from koprade_wizard.i18n.parsing import read_date

    readings = read_date(text, lang)
    if not readings:
        raise AnswerInvalid(msg("answer_not_date"))
    if len(readings) > 1:
        _ambiguous(text, readings, [date(d, lang) for d in readings])
    return readings[0]


_YES = {"y", "yes", "j", "jā", "ja", "true", "1"}
_NO = {"n", "no", "nē", "ne", "false", "0"}


def text_yes_no(q: Question, text: str, lang: str) -> bool:
    word = text.strip().lower()
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise AnswerInvalid(msg("answer_not_yes_no"))


def text_plain(q: Question, text: str, lang: str) -> str:
    return text.strip()


def text_multi(q: Question, text: str, lang: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


# --- reading YAML values ------------------------------------------------------------------


def yaml_text(q: Question, value: object, lang: str) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise AnswerInvalid(msg("answer_not_text"))
    return str(value).strip()


def yaml_integer(q: Question, value: object, lang: str) -> int:
    if isinstance(value, str):  # "12 000" written by hand: read as the prompt would
        return text_integer(q, value, lang)
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, float) and value.is_integer():
            return int(value)
        raise AnswerInvalid(msg("answer_not_integer"))
    return value


def yaml_decimal(q: Question, value: object, lang: str) -> int | float:
    if isinstance(value, str):
        return text_decimal(q, value, lang)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise AnswerInvalid(msg("answer_not_number"))
    return value


def yaml_yes_no(q: Question, value: object, lang: str) -> bool:
    if not isinstance(value, bool):
        raise AnswerInvalid(msg("answer_not_yes_no"))
    return value


def yaml_date(q: Question, value: object, lang: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return text_date(q, value, lang)
    raise AnswerInvalid(msg("answer_not_date"))


def yaml_multi(q: Question, value: object, lang: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise AnswerInvalid(msg("answer_not_list"))
    return [v.strip() for v in value]


# --- writing back, schemas, samples -----------------------------------------------------------


def write_plain(q: Question, value: AnswerValue, lang: str) -> str:
    return str(value)


def write_number(q: Question, value: AnswerValue, lang: str) -> str:
    # As the person would type it in this language (1234,5 in Latvian), without
    # thousands marks so that editing a digit never makes the text ambiguous.
    shown = repr(float(value)) if isinstance(value, float) else str(value)
    if shown.endswith(".0"):
        shown = shown[:-2]
    from babel.numbers import get_decimal_symbol

    from koprade_wizard.i18n.formatting import locale_code

    return shown.replace(".", str(get_decimal_symbol(locale_code(lang))))


def write_date(q: Question, value: AnswerValue, lang: str) -> str:
    if not isinstance(value, dt.date):  # a default of another type: to_text shows it as written
        raise TypeError(value)
    day = value
    return day.strftime("%d.%m.%Y") if lang.startswith("lv") else day.isoformat()


def write_yes_no(q: Question, value: AnswerValue, lang: str) -> str:
    return t("yes", lang) if value else t("no", lang)


def write_multi(q: Question, value: AnswerValue, lang: str) -> str:
    if not isinstance(value, list | str):  # to_text shows another type as written
        raise TypeError(value)
    return ", ".join(value)


def _bounds(q: Question, whole: bool) -> tuple[float, float]:
    rules = q.validate_
    low = rules.min if rules and rules.min is not None else 0
    high = rules.max if rules and rules.max is not None else max(low, 0) + 1000
    if whole:
        low, high = math.ceil(low), math.floor(high)
    return low, high


def samples_integer(q: Question) -> tuple[AnswerValue, ...]:
    low, high = _bounds(q, whole=True)
    return tuple(dict.fromkeys(int(v) for v in (low, (low + high) // 2, high)))


def samples_decimal(q: Question) -> tuple[AnswerValue, ...]:
    low, high = _bounds(q, whole=False)
    return tuple(dict.fromkeys((low, round((low + high) / 2, 1), high)))


def samples_text(q: Question) -> tuple[AnswerValue, ...]:
    rules = q.validate_
    low = rules.min_length if rules and rules.min_length else 1
    return ("Ērgļi" + "a" * max(0, low - 5),)


def samples_choice(q: Question) -> tuple[AnswerValue, ...]:
    return q.choice_values


def samples_multi(q: Question) -> tuple[AnswerValue, ...]:
    values = q.choice_values
    return ([values[0]], list(values)) if values else ([],)
