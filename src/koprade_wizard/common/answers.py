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
