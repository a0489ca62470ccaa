"""What an answer is, named once for every room that passes answers on.

A stored answer is text, a whole or decimal number, yes/no, a date, the chosen values
of a multiple choice, or nothing (unanswered); ``Answers`` maps question ids to them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TypeAlias

AnswerValue: TypeAlias = str | int | float | bool | dt.date | list[str] | None
Answers: TypeAlias = Mapping[str, AnswerValue]


def text(a: Answers, key: str) -> str | None:
    """The answer to ``key`` if it is a text (a choice's value is one), else ``None``."""
    value = a.get(key)
    return value if isinstance(value, str) else None


def chosen(a: Answers, key: str) -> list[str]:
    """The values ticked at the multiple choice ``key`` (none: an empty list)."""
    value = a.get(key)
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def as_answer(value: object) -> AnswerValue:
    """``value`` if it can be an answer (a derived default, say), else ``None``."""
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return value if isinstance(value, str | int | float | bool | dt.date) else None
