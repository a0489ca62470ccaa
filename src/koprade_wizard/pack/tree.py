"""The checked decision tree as plain frozen records, for use at run time.

The step files are validated with pydantic (``model.py``); the result is copied into
these light classes so that an interview can start from a cached tree without
importing pydantic at all (it costs more than the rest of start-up together).
"""

from __future__ import annotations

from typing import Any

from koprade_wizard.common.answers import AnswerValue
from koprade_wizard.common.record import field, record

LocalText = dict[str, str]
# A unit per language: one text, or one per CLDR plural category ("one", "other", ...)
# so that a count reads right ("1 cilvēks", "21 cilvēks", "2 cilvēki"; "1 person").
UnitText = dict[str, str | dict[str, str]]
# The four phases of founding a space, in order (action rules name one of them).
PHASES: tuple[str, ...] = ("awareness", "concept", "installation", "development")


@record
class Choice:
    value: str
    label: LocalText
    help: LocalText | None = None


@record
class Validation:
    min: float | None = None
    max: float | None = None
    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None
    expr: str | None = None
    message: LocalText | None = None


@record
class Plausible:
    """Bounds of a likely answer: one outside them is legal but confirmed, with
    ``message`` saying why it looks odd."""

    message: LocalText
    min: float | None = None
    max: float | None = None
    future: bool = False
    expr: str | None = None


@record
class Question:
    id: str
    kind: str
    label: LocalText
    help: LocalText | None = None
    required: bool = True
    when: str | None = None
    default: AnswerValue = None
    default_expr: str | None = None
    validate_: Validation | None = None
    unit: UnitText | None = None
    choices: tuple[Choice, ...] = ()
    plausible: Plausible | None = None
    # An expression over earlier answers; when it gives a value the question is not asked.
    implied: str | None = None

    @property
    def is_choice(self) -> bool:
        from koprade_wizard.pack.kinds import KINDS  # the registry imports this module

        return "choices" in KINDS[self.kind].fields

    @property
    def choice_values(self) -> tuple[str, ...]:
        return tuple(c.value for c in self.choices)

    def choice(self, value: str) -> Choice | None:
        return next((c for c in self.choices if c.value == value), None)

    def blank(self) -> AnswerValue:
        """What an unanswered or skipped question stands for in conditions: an empty
        list for a multiple choice (so ``'x' in q`` is simply false), else None."""
        from koprade_wizard.pack.kinds import KINDS

        blank = KINDS[self.kind].blank
        return list(blank) if isinstance(blank, list) else blank


@record
class ActionRule:
    id: str
    phase: str
    title: LocalText
    detail: LocalText
    when: str | None = None
    priority: int = 2
    sources: tuple[str, ...] = ()
    routes: tuple[str, ...] = ()  # funding routes it recommends; dropped when none fits
    topic: str | None = None  # shared by rules with near-the-same advice (one top step each)


@record
class PackSource:
    id: str
    title: str
    publisher: str | None = None
    year: int | None = None
    url: str | None = None
    as_of: str | None = None


@record
class Located:
    """Where a piece of the tree was written (for messages at run time)."""

    path: str
    line: int


@record
class Step:
    id: str
    title: LocalText
    intro: LocalText | None
    questions: tuple[Question, ...]
    actions: tuple[ActionRule, ...]
    where: Located


@record
class DecisionTree:
    """A loaded, checked pack: the steps in order with every question's place."""

    id: str
    version: str
    title: LocalText
    languages: tuple[str, ...]
    steps: tuple[Step, ...]
    sources: tuple[PackSource, ...]
    question_lines: dict[str, Located]
    # Where each action rule was written, for messages when its condition fails.
    action_lines: dict[str, Located] = field(default_factory=dict)
    _index: dict[str, tuple[Question, Step]] = field(default_factory=dict, compare=False,
                                                     repr=False)

    def __post_init__(self) -> None:
        for step in self.steps:
            for q in step.questions:
                self._index[q.id] = (q, step)

    def __getstate__(self) -> dict[str, Any]:
        # What was computed for some answers is not part of the tree: keep it out of caches.
        return {k: v for k, v in self.__dict__.items() if k != "_applicability"}

    def questions(self) -> list[Question]:
        return [q for step in self.steps for q in step.questions]

    def question(self, qid: str) -> Question:
        return self._index[qid][0]

    def find(self, qid: object) -> Question | None:
        """The question ``qid``, or None when the pack has no such question."""
        entry = self._index.get(qid) if isinstance(qid, str) else None
        return entry[0] if entry else None

    def step_of(self, qid: str) -> Step:
        return self._index[qid][1]

    def actions(self) -> list[tuple[Step, ActionRule]]:
        return [(step, a) for step in self.steps for a in step.actions]

    def source(self, sid: str) -> PackSource | None:
        return next((s for s in self.sources if s.id == sid), None)
