"""The Prompter interface, and a scripted Prompter for tests and replays.

The interview loop talks only to this interface; the terminal implementation lives in
``tui.py``. Neither the engine nor this module imports a terminal library.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import Enum
from typing import Any, Final, Literal, Protocol, TypeAlias

from koprade_wizard.common.answers import AnswerValue
from koprade_wizard.common.record import record
from koprade_wizard.interview.engine import ChangeReport, Progress, ReviewGroup
from koprade_wizard.pack import kinds as answer_rules
from koprade_wizard.pack.tree import Question, Step


class Back(Enum):
    BACK = "back"


BACK: Final = Back.BACK
"""Returned by ``Prompter.ask`` when the person wants the previous question."""

#: What a prompt gives back: an answer, or the wish to go back.
Asked: TypeAlias = AnswerValue | Back


@record
class AskRequest:
    question: Question
    step: Step
    lang: str
    default: AnswerValue
    progress: Progress
    context: Mapping[str, AnswerValue]
    first_in_step: bool

    def check_text(self, text: str) -> AnswerValue:
        """What typed text becomes (read as ``lang`` writes), or AnswerInvalid."""
        return answer_rules.from_text(self.question, text, self.context, self.lang)

    def check_value(self, value: AnswerValue) -> AnswerValue:
        return answer_rules.check_value(self.question, value, self.context, self.lang)


@record
class ReviewAction:
    kind: Literal["finish", "change", "quit"]
    question: str | None = None


class Prompter(Protocol):
    def ask(self, request: AskRequest) -> Asked:
        """Ask one question; return a checked value (None to skip an optional one) or BACK."""

    def review(
        self, groups: list[ReviewGroup], lang: str, last_change: ChangeReport | None
    ) -> ReviewAction:
        """Show every answer; return what to do next."""

    def notice(self, text: str) -> None:
        """Tell the person something that needs no answer."""

    def confirm(self, message: str, lang: str, default: bool = True) -> bool:
        """A yes/no question outside the pack (an odd answer, replacing a plan)."""


class ScriptExhausted(Exception):
    """A scripted interview asked more than the script holds."""


class ScriptedPrompter:
    """Answers from a list, in order.

    Each entry is: ``BACK``; a ``ReviewAction``; a ``str`` (checked like typed text);
    ``("value", v)`` for a typed value; or ``("confirm", bool)`` answering a
    confirmation. Questions seen, notices and confirmations are recorded.
    """

    def __init__(self, script: Iterable[Any]) -> None:
        self.script = list(script)
        self.asked: list[str] = []
        self.defaults: dict[str, Any] = {}
        self.notices: list[str] = []
        self.reviews: list[ChangeReport | None] = []
        self.confirmations: list[str] = []

    def _next(self) -> Any:
        if not self.script:
            raise ScriptExhausted("the script has no more entries")
        return self.script.pop(0)

    def ask(self, request: AskRequest) -> Asked:
        self.asked.append(request.question.id)
        self.defaults[request.question.id] = request.default
        entry = self._next()
        if entry is BACK:
            return Back.BACK  # the name, not the narrowed `entry`
        if isinstance(entry, tuple) and entry and entry[0] == "value":
            return request.check_value(entry[1])
        if isinstance(entry, str):
            return request.check_text(entry)
        raise TypeError(f"script entry {entry!r} does not answer {request.question.id}")

    def review(
        self, groups: list[ReviewGroup], lang: str, last_change: ChangeReport | None
    ) -> ReviewAction:
        self.reviews.append(last_change)
        entry = self._next()
        if not isinstance(entry, ReviewAction):
            raise TypeError(f"script entry {entry!r} is not a review action")
        return entry

    def notice(self, text: str) -> None:
        self.notices.append(text)

    def confirm(self, message: str, lang: str, default: bool = True) -> bool:
        self.confirmations.append(message)
        entry = self._next()
        if not (isinstance(entry, tuple) and entry and entry[0] == "confirm"):
            raise TypeError(f"script entry {entry!r} does not answer: {message}")
        return bool(entry[1])
