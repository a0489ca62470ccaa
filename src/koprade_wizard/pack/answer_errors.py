"""What can be wrong with one answer, as the kind registry and its checks raise it."""

from __future__ import annotations

from typing import Any

from koprade_wizard.common.errors import Said


class AnswerInvalid(Exception):
    """One answer is not acceptable; ``message`` says why, worded when it is shown
    (a catalogue message, or the step file's own text per language)."""

    def __init__(self, message: Said) -> None:
        super().__init__(str(message))
        self.message = message


class RuleFailed(AnswerInvalid):
    """The step file's validation expression itself failed: no answer is at fault."""

    def __init__(self, message: Said, reason: Said) -> None:
        super().__init__(message)
        self.reason = reason


class AnswerAmbiguous(AnswerInvalid):
    """Typed text that reads as more than one answer (``1,500``): ask which was meant.

    ``readings`` are the candidate values, each already of the question's kind.
    """

    def __init__(self, message: Said, readings: tuple[Any, ...]) -> None:
        super().__init__(message)
        self.readings = readings
