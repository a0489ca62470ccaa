"""The question kinds, one registry entry each: how an answer is read, checked and shown.

An entry (``Kind``) declares everything the program needs to know about a kind: the
extra keys its questions have in step files (the model in ``model.py`` is built from
them), which ``validate`` rules apply, how typed text and YAML values become an answer,
how an answer is written back into a prompt, the JSON Schema of one answer, sample
answers (for checks and tests) and the style of prompt the terminal shows. Adding a kind
is one entry here and, if it needs a new style of prompt, that prompt in
``interview/terminal.py``.

The same checks serve the prompts (text typed by a person), the answers file (values
read from YAML) and the defaults in step files, so a value accepted in one place is
accepted everywhere. The per-kind reading and writing functions are in ``kind_values``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any, Literal, Protocol

from koprade_wizard.common.answers import Answers, AnswerValue
from koprade_wizard.common.errors import msg
from koprade_wizard.common.record import field, record
from koprade_wizard.pack import conditions
from koprade_wizard.pack import kind_values as kv
from koprade_wizard.pack.answer_errors import (  # re-exported: callers catch them from here
    AnswerAmbiguous,
    AnswerInvalid,
    RuleFailed,
)
from koprade_wizard.pack.tree import Question, Validation

__all__ = [
    "KINDS", "NAMES", "AnswerAmbiguous", "AnswerInvalid", "Kind", "PatternError", "Prompt",
    "RuleFailed", "check_value", "from_text", "implausible", "kind_of", "pattern", "to_text",
]

Prompt = Literal["text", "long_text", "select", "checkbox", "yes_no"]


@record
class Kind:
    name: str
    prompt: Prompt
    # typed text → a value of the kind (AnswerInvalid / AnswerAmbiguous if it is not one)
    read_text: Callable[[Question, str, str], AnswerValue]
    # a value read from YAML (an answers file, a default) → a value of the kind
    read_yaml: Callable[[Question, object, str], AnswerValue]
    # a stored value → the text that pre-fills a typed prompt
    write_text: Callable[[Question, AnswerValue, str], str]
    # the JSON Schema of one answer
    answer_schema: Callable[[Question], dict[str, Any]]
    # a few values of the kind, within the question's min/max where it has them
    samples: Callable[[Question], tuple[AnswerValue, ...]]
    # extra step-file keys: name → required? ("unit", "choices")
    fields: Mapping[str, bool] = field(default_factory=dict)
    # the ``validate`` (and ``plausible``) keys that make sense for the kind
    rules: frozenset[str] = frozenset({"expr", "message"})
    # what an unanswered question stands for in conditions
    blank: AnswerValue = None
    # the message key for a value that is not of the kind at all
    invalid: str = "answer_not_text"


_TEXT_RULES = frozenset({"min_length", "max_length", "pattern", "expr", "message"})
_NUMBER_RULES = frozenset({"min", "max", "expr", "message"})
_DATE_RULES = frozenset({"future", "expr", "message"})


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("text", "text", kv.text_plain, kv.yaml_text, kv.write_plain,
             lambda q: {"type": "string"}, kv.samples_text, rules=_TEXT_RULES),
        Kind("long_text", "long_text", kv.text_plain, kv.yaml_text, kv.write_plain,
             lambda q: {"type": "string"}, kv.samples_text, rules=_TEXT_RULES),
        Kind("integer", "text", kv.text_integer, kv.yaml_integer, kv.write_number,
             lambda q: {"type": "integer"}, kv.samples_integer, fields={"unit": False},
             rules=_NUMBER_RULES, invalid="answer_not_integer"),
        Kind("decimal", "text", kv.text_decimal, kv.yaml_decimal, kv.write_number,
             lambda q: {"type": "number"}, kv.samples_decimal, fields={"unit": True},
             rules=_NUMBER_RULES, invalid="answer_not_number"),
        Kind("choice", "select", kv.text_plain, kv.yaml_text, kv.write_plain,
             lambda q: {"enum": list(q.choice_values)} if q.choices else {"type": "string"},
             kv.samples_choice, fields={"choices": True}),
        Kind("multi_choice", "checkbox", kv.text_multi, kv.yaml_multi, kv.write_multi,
             lambda q: {"type": "array", "uniqueItems": True, "items": (
                 {"enum": list(q.choice_values)} if q.choices else {"type": "string"})},
             kv.samples_multi, fields={"choices": True},
             rules=frozenset({"min_length", "max_length", "expr", "message"}), blank=[],
             invalid="answer_not_list"),
        Kind("yes_no", "yes_no", kv.text_yes_no, kv.yaml_yes_no, kv.write_yes_no,
             lambda q: {"type": "boolean"}, lambda q: (True, False), invalid="answer_not_yes_no"),
        Kind("date", "text", kv.text_date, kv.yaml_date, kv.write_date,
             lambda q: {"type": "string", "format": "date"},
             lambda q: (dt.date.today() + dt.timedelta(days=120),), rules=_DATE_RULES,
             invalid="answer_not_date"),
    )
}
NAMES: tuple[str, ...] = tuple(KINDS)


def kind_of(q: Question) -> Kind:
    return KINDS[q.kind]


# --- checking ---------------------------------------------------------------------------


def _is_empty(value: object) -> bool:
    return value is None or value == "" or value == []


def check_value(
    q: Question, value: object, context: Answers, lang: str, *, read_lang: str | None = None
) -> AnswerValue:
    """Validate a typed (or YAML-read) value; return it normalised, or None when empty.

    ``context`` holds earlier answers, for validation expressions. Numbers and dates
    written as text are read in ``read_lang`` (the answers file's language), else ``lang``.
    """
    if _is_empty(value):
        if q.required:
            raise AnswerInvalid(msg("answer_required"))
        return None
    value = _read_yaml(q, value, lang, read_lang or lang)
    if _is_empty(value):
        if q.required:
            raise AnswerInvalid(msg("answer_required"))
        return None
    if q.is_choice:
        allowed = q.choice_values
        chosen = value if isinstance(value, list) else [value]
        seen: set[str] = set()
        for item in chosen:
            if item not in allowed:
                raise AnswerInvalid(
                    msg("answer_unknown_choice", value=item, choices=", ".join(allowed))
                )
            if item in seen:
                raise AnswerInvalid(msg("answer_duplicate_choice", value=item))
            seen.add(str(item))  # one of the choice values, so already text
        if isinstance(value, list):
            # Keep the pack's order so a stored answer does not depend on click order.
            value = [v for v in allowed if v in seen]
    rules = q.validate_
    if rules is not None:
        _check_rules(q, value, rules, context, lang)
    return value


def _read_yaml(q: Question, value: object, lang: str, read_lang: str) -> AnswerValue:
    kind = kind_of(q)
    try:
        return kind.read_yaml(q, value, read_lang)
    except AnswerAmbiguous as exc:
        raise AnswerAmbiguous(msg("answer_ambiguous_file", text=str(value).strip()),
                              exc.readings) from None
    except AnswerInvalid:
        if read_lang == lang:
            raise
        raise AnswerInvalid(msg(kind.invalid)) from None  # worded for the reader


def _check_rules(
    q: Question, value: AnswerValue, rules: Validation, context: Answers, lang: str
) -> None:
    custom = rules.message or None  # the step file's own words, per language
    measure = len(value) if isinstance(value, str | list) else None
    if rules.min is not None and isinstance(value, int | float) and value < rules.min:
        raise AnswerInvalid(custom or msg("answer_below_min", min=_num(rules.min)))
    if rules.max is not None and isinstance(value, int | float) and value > rules.max:
        raise AnswerInvalid(custom or msg("answer_above_max", max=_num(rules.max)))
    if rules.min_length is not None and measure is not None and measure < rules.min_length:
        raise AnswerInvalid(custom or msg("answer_too_short", count=rules.min_length))
    if rules.max_length is not None and measure is not None and measure > rules.max_length:
        raise AnswerInvalid(custom or msg("answer_too_long", count=rules.max_length))
    if rules.pattern is not None and isinstance(value, str):
        try:
            matched = pattern(rules.pattern).fullmatch(value) is not None
        except PatternError as exc:  # check refuses such packs; never crash an interview
            raise AnswerInvalid(msg("answer_rule_failed", reason=str(exc))) from None
        except UnicodeError:  # a lone surrogate is no text RE2 reads
            matched = False
        if not matched:
            raise AnswerInvalid(custom or msg("answer_pattern"))
    if rules.expr is not None:
        try:
            ok = conditions.holds(rules.expr, {**context, "value": value})
        except conditions.ConditionError as exc:
            raise RuleFailed(msg("answer_rule_failed", reason=exc.reason()), exc.reason()) from None
        if not ok:
            raise AnswerInvalid(custom or msg("answer_rule"))


class PatternError(Exception):
    """A ``validate: pattern`` that RE2 cannot compile."""




@lru_cache(maxsize=1)
def _re2_options() -> Any:
    import re2  # only packs with a ``pattern`` rule need it

    options = re2.Options()
    options.log_errors = False  # RE2 would also print its own complaint on stderr
    return options


class Pattern(Protocol):
    """What the wizard uses of a compiled RE2 pattern (the library has no types)."""

    def fullmatch(self, text: str) -> object | None: ...


@lru_cache(maxsize=256)
def pattern(source: str) -> Pattern:
    """A step file's pattern, compiled by RE2.

    RE2 matches in time linear in the answer, so no pattern (``(a+)+$`` and the like)
    can make the wizard hang on what a person types. Its syntax lacks back-references
    and look-arounds, and ``\\w``, ``\\d``, ``\\s`` mean ASCII only (``\\pL`` is any letter).
    """
    import re2

    try:
        compiled: Pattern = re2.compile(source, options=_re2_options())
        return compiled
    except re2.error as exc:
        reason = exc.args[0] if exc.args else exc
        if isinstance(reason, bytes):
            reason = reason.decode("utf-8", "replace")
        raise PatternError(str(reason)) from None
    except (TypeError, ValueError) as exc:  # a NUL or a surrogate in the pattern
        raise PatternError(str(exc)) from None


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def from_text(q: Question, text: str, context: Answers, lang: str) -> AnswerValue:
    """Turn what a person typed into a checked value (None for a skipped optional).

    Raises AnswerAmbiguous (before any rule is checked) when the text reads two ways.
    """
    if text.strip() == "":
        return check_value(q, None, context, lang)
    raw = kind_of(q).read_text(q, text, lang)
    return check_value(q, raw, context, lang)


def to_text(q: Question, value: AnswerValue, lang: str = "en") -> str:
    """The inverse of ``from_text``, for pre-filling a prompt with a stored answer."""
    if value is None:
        return ""
    try:
        return kind_of(q).write_text(q, value, lang)
    except (AttributeError, TypeError, ValueError):
        return str(value)  # a default of another type: shown as written


# --- plausibility -----------------------------------------------------------------------------


def implausible(
    q: Question, value: AnswerValue, context: Answers, lang: str,
    today: dt.date | None = None,
) -> str | None:
    """Why a legal answer looks odd (the step file's sentence), or None if it does not.

    Such an answer is confirmed by the person rather than refused; see ``Plausible``.
    """
    likely = q.plausible
    if likely is None or value is None:
        return None
    odd = False
    if isinstance(value, int | float) and not isinstance(value, bool):
        odd = (likely.min is not None and value < likely.min) or (
            likely.max is not None and value > likely.max)
    if likely.future and isinstance(value, dt.date):
        odd = odd or value < (today or dt.date.today())
    if not odd and likely.expr is not None:
        try:
            odd = not conditions.holds(likely.expr, {**context, "value": value})
        except conditions.ConditionError:
            odd = False  # an expression that cannot decide does not bother the person
    if not odd:
        return None
    return likely.message.get(lang) or next(iter(likely.message.values()))
