"""Question kinds: coercion and validation of one answer.

The same checks serve the prompts (text typed by a person), the answers file (values
read from YAML) and the defaults in step files, so a value accepted in one place is
accepted everywhere.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

import re2

from koprade_wizard.i18n.messages import t
from koprade_wizard.pack import conditions
from koprade_wizard.pack.tree import Question


class AnswerInvalid(Exception):
    """One answer is not acceptable; ``message`` is worded for the person answering."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class RuleFailed(AnswerInvalid):
    """The step file's validation expression itself failed: no answer is at fault."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


def _parse_number(text: str) -> str:
    # Latvian writes 1 234,5; accept that as well as 1234.5.
    return text.strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")


def _from_text_plain(q: Question, text: str, lang: str) -> Any:
    return text.strip()


def _from_text_integer(q: Question, text: str, lang: str) -> Any:
    try:
        return int(_parse_number(text))
    except ValueError:
        raise AnswerInvalid(t("answer_not_integer", lang)) from None


def _from_text_decimal(q: Question, text: str, lang: str) -> Any:
    try:
        number = float(_parse_number(text))
    except ValueError:
        raise AnswerInvalid(t("answer_not_number", lang)) from None
    if not math.isfinite(number):  # 'nan' would pass every min/max check
        raise AnswerInvalid(t("answer_not_number", lang))
    return int(number) if number.is_integer() else number


def _from_text_date(q: Question, text: str, lang: str) -> Any:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise AnswerInvalid(t("answer_not_date", lang)) from None


_YES = {"y", "yes", "j", "jā", "ja", "true", "1"}
_NO = {"n", "no", "nē", "ne", "false", "0"}


def _from_text_yes_no(q: Question, text: str, lang: str) -> Any:
    word = text.strip().lower()
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise AnswerInvalid(t("answer_not_yes_no", lang))


def _from_text_multi(q: Question, text: str, lang: str) -> Any:
    return [part.strip() for part in text.split(",") if part.strip()]


# A table, not an if-chain: how typed text becomes a value, per kind.
FROM_TEXT: dict[str, Callable[[Question, str, str], Any]] = {
    "text": _from_text_plain,
    "long_text": _from_text_plain,
    "choice": _from_text_plain,
    "integer": _from_text_integer,
    "decimal": _from_text_decimal,
    "date": _from_text_date,
    "yes_no": _from_text_yes_no,
    "multi_choice": _from_text_multi,
}


def _typed(q: Question, value: Any, lang: str) -> Any:
    """Check the Python type of a value read from YAML (no guessing from strings)."""
    kind = q.kind
    if kind in ("text", "long_text", "choice"):
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise AnswerInvalid(t("answer_not_text", lang))
        return str(value).strip()
    if kind == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            if isinstance(value, float) and value.is_integer():
                return int(value)
            raise AnswerInvalid(t("answer_not_integer", lang))
        return value
    if kind == "decimal":
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            raise AnswerInvalid(t("answer_not_number", lang))
        return value
    if kind == "yes_no":
        if not isinstance(value, bool):
            raise AnswerInvalid(t("answer_not_yes_no", lang))
        return value
    if kind == "date":
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            return _from_text_date(q, value, lang)
        raise AnswerInvalid(t("answer_not_date", lang))
    if kind == "multi_choice":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise AnswerInvalid(t("answer_not_list", lang))
        return [v.strip() for v in value]
    raise AnswerInvalid(t("answer_not_text", lang))


def _is_empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def check_value(
    q: Question, value: Any, context: Mapping[str, Any], lang: str
) -> Any:
    """Validate a typed (or YAML-read) value; return it normalised, or None when empty.

    ``context`` holds earlier answers, for validation expressions.
    """
    if _is_empty(value):
        if q.required:
            raise AnswerInvalid(t("answer_required", lang))
        return None
    value = _typed(q, value, lang)
    if _is_empty(value):
        if q.required:
            raise AnswerInvalid(t("answer_required", lang))
        return None
    if q.is_choice:
        allowed = q.choice_values
        chosen = value if isinstance(value, list) else [value]
        seen: set[str] = set()
        for item in chosen:
            if item not in allowed:
                raise AnswerInvalid(
                    t("answer_unknown_choice", lang, value=item, choices=", ".join(allowed))
                )
            if item in seen:
                raise AnswerInvalid(t("answer_duplicate_choice", lang, value=item))
            seen.add(item)
        if isinstance(value, list):
            # Keep the pack's order so a stored answer does not depend on click order.
            value = [v for v in allowed if v in seen]
    rules = q.validate_
    if rules is not None:
        _check_rules(q, value, rules, context, lang)
    return value


def _check_rules(
    q: Question, value: Any, rules: Any, context: Mapping[str, Any], lang: str
) -> None:
    custom = rules.message.get(lang) if rules.message else None
    measure = len(value) if isinstance(value, str | list) else None
    if rules.min is not None and isinstance(value, int | float) and value < rules.min:
        raise AnswerInvalid(custom or t("answer_below_min", lang, min=_num(rules.min)))
    if rules.max is not None and isinstance(value, int | float) and value > rules.max:
        raise AnswerInvalid(custom or t("answer_above_max", lang, max=_num(rules.max)))
    if rules.min_length is not None and measure is not None and measure < rules.min_length:
        raise AnswerInvalid(custom or t("answer_too_short", lang, n=rules.min_length))
    if rules.max_length is not None and measure is not None and measure > rules.max_length:
        raise AnswerInvalid(custom or t("answer_too_long", lang, n=rules.max_length))
    if rules.pattern is not None and isinstance(value, str):
        try:
            matched = pattern(rules.pattern).fullmatch(value) is not None
        except PatternError as exc:  # check refuses such packs; never crash an interview
            raise AnswerInvalid(f"{t('answer_pattern', lang)} ({exc})") from None
        except UnicodeError:  # a lone surrogate (YAML's "\\ud800") is no text RE2 reads
            matched = False
        if not matched:
            raise AnswerInvalid(custom or t("answer_pattern", lang))
    if rules.expr is not None:
        try:
            ok = conditions.holds(rules.expr, {**context, "value": value})
        except conditions.ConditionError as exc:
            raise RuleFailed(f"{t('answer_rule', lang)} ({exc.describe(lang)})",
                             exc.describe(lang)) from None
        if not ok:
            raise AnswerInvalid(custom or t("answer_rule", lang))


class PatternError(Exception):
    """A ``validate: pattern`` that RE2 cannot compile."""


_RE2_OPTIONS = re2.Options()
_RE2_OPTIONS.log_errors = False  # RE2 would also print its own complaint on stderr


@lru_cache(maxsize=256)
def pattern(source: str) -> Any:
    """A step file's pattern, compiled by RE2.

    RE2 matches in time linear in the answer, so no pattern (``(a+)+$`` and the like)
    can make the wizard hang on what a person types. Its syntax lacks back-references
    and look-arounds, and ``\\w``, ``\\d``, ``\\s`` mean ASCII only (``\\pL`` is any letter).
    """
    try:
        return re2.compile(source, options=_RE2_OPTIONS)
    except re2.error as exc:
        reason = exc.args[0] if exc.args else exc
        if isinstance(reason, bytes):
            reason = reason.decode("utf-8", "replace")
        raise PatternError(str(reason)) from None
    except (TypeError, ValueError) as exc:  # a NUL or a surrogate in the pattern
        raise PatternError(str(exc)) from None


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def from_text(q: Question, text: str, context: Mapping[str, Any], lang: str) -> Any:
    """Turn what a person typed into a checked value (None for a skipped optional)."""
    if text.strip() == "":
        return check_value(q, None, context, lang)
    raw = FROM_TEXT[q.kind](q, text, lang)
    return check_value(q, raw, context, lang)


# Answers of each kind that a founder could give, for trying expressions out in ``check``:
# the ends of the usual ranges, zero, an empty list, a date in the past.
_SAMPLES: dict[str, tuple[Any, ...]] = {
    "text": ("Koprades telpa Ābeles", "ab"),
    "long_text": ("Mums ir ideja.\nUn draugi.", "ab"),
    "integer": (0, 1, 2, 5, 12, 100, 10_000),
    "decimal": (0, 0.5, 1, 2.5, 12, 100, 10_000.5),
    "yes_no": (True, False),
    "date": (dt.date(2027, 9, 1), dt.date(2020, 1, 1)),
}


def samples(q: Question) -> list[Any]:
    """Values a founder could answer ``q`` with (not yet checked against its rules)."""
    found: list[Any] = []
    if q.kind == "choice":
        found = list(q.choice_values)
    elif q.kind == "multi_choice":
        found = [[], *([v] for v in q.choice_values), list(q.choice_values)]
    else:
        found = list(_SAMPLES.get(q.kind, ()))
        rules = q.validate_
        if rules is not None and q.kind in ("integer", "decimal"):
            found += [x for x in (rules.min, rules.max) if x is not None]
    if q.default is not None and q.default not in found:
        found.insert(0, q.default)
    if not q.required:
        found.append(None)
    return found


def to_text(q: Question, value: Any) -> str:
    """The inverse of ``from_text``, for pre-filling a prompt with a stored answer."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return ", ".join(value)
    return str(value)
