"""Answers as a person reads them, in the chosen language (the review and the plan)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from koprade_wizard.common.answers import AnswerValue
from koprade_wizard.pack.tree import Question, Step, UnitText


def text(local: Mapping[str, str] | None, lang: str) -> str:
    """A step file's text in ``lang`` (the loader makes sure every language is there)."""
    if not local:
        return ""
    return local.get(lang) or next(iter(local.values()))


def unit(local: UnitText | None, lang: str, count: float | None = None) -> str:
    """A question's unit in ``lang``: the form for ``count`` where the step file gives
    forms per plural category, else the ``other`` form (a unit without a count)."""
    if not local:
        return ""
    chosen = local.get(lang) or next(iter(local.values()))
    if isinstance(chosen, str):
        return chosen
    if count is not None:
        from koprade_wizard.i18n.formatting import plural_category

        return chosen.get(plural_category(count, lang)) or chosen["other"]
    return chosen["other"]


def show(q: Question, value: AnswerValue, lang: str, yes_no: tuple[str, str]) -> str:
    """Labels for choices, the unit after numbers, money and dates as ``lang`` writes
    them; "" for no answer."""
    if value is None or value == []:
        return ""
    if isinstance(value, bool):
        return yes_no[0] if value else yes_no[1]
    if q.is_choice:
        values = value if isinstance(value, list) else [value]
        return ", ".join(text(c.label, lang) for v in values
                         if isinstance(v, str) and (c := q.choice(v)))
    # babel is loaded only when a number or date is shown.
    from koprade_wizard.i18n.formatting import date, money, number

    if isinstance(value, dt.date):
        return date(value, lang)
    if isinstance(value, int | float):
        whole = float(value).is_integer()
        word = unit(q.unit, lang, value)
        if word.startswith("€"):  # an amount: "45 € mēnesī" / "€45 a month"
            return money(value, lang, not whole) + word[1:]
        shown = number(value, lang, 0 if whole else 1)
        return f"{shown}\u00a0{word}" if word else shown  # no line break before the unit
    return str(value)


def step_texts(step: Step) -> list[Mapping[str, object]]:
    """Every text of a step as its per-language mapping (titles, labels, help, units...)."""
    found: list[Mapping[str, object] | None] = [step.title, step.intro]
    for q in step.questions:
        found += [q.label, q.help, q.unit]
        if q.validate_ is not None:
            found.append(q.validate_.message)
        for c in q.choices:
            found += [c.label, c.help]
    for a in step.actions:
        found += [a.title, a.detail]
    return [local for local in found if local]


def missing_texts(step: Step, lang: str) -> int:
    """How many of a step's texts have no ``lang`` version (and fall back)."""
    return sum(1 for local in step_texts(step) if not local.get(lang))
