"""Answers as a person reads them, in the chosen language (the review and the plan)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from koprade_wizard.pack.tree import Question


def text(local: Mapping[str, str] | None, lang: str) -> str:
    """A step file's text in ``lang`` (the loader makes sure every language is there)."""
    if not local:
        return ""
    return local.get(lang) or next(iter(local.values()))


def show(q: Question, value: Any, lang: str, yes_no: tuple[str, str]) -> str:
    """Labels for choices, the unit after numbers, money and dates as ``lang`` writes
    them; "" for no answer."""
    if value is None or value == []:
        return ""
    if isinstance(value, bool):
        return yes_no[0] if value else yes_no[1]
    if q.is_choice:
        values = value if isinstance(value, list) else [value]
        return ", ".join(text(c.label, lang) for v in values if (c := q.choice(v)))
    # babel is loaded only when a number or date is shown.
    from koprade_wizard.i18n.formatting import date, money, number

    if isinstance(value, dt.date):
        return date(value, lang)
    if isinstance(value, int | float):
        whole = float(value).is_integer()
        unit = text(q.unit, lang)
        if unit.startswith("€"):  # an amount: "45 € mēnesī" / "€45 a month"
            return money(value, lang, not whole) + unit[1:]
        shown = number(value, lang, 0 if whole else 1)
        return f"{shown}\u00a0{unit}" if unit else shown  # no line break before the unit
    return str(value)
