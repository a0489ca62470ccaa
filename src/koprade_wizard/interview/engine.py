"""The interview as pure logic: which question is next, going back, the review.

No terminal and no files here: a Prompter asks, the caller saves. Conditions only use
earlier answers (the loader guarantees it), so one forward pass over the questions
decides which apply; a question that does not apply counts as None afterwards.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from koprade_wizard.common import record as records
from koprade_wizard.common.answers import AnswerValue, as_answer
from koprade_wizard.common.record import record
from koprade_wizard.pack import applicability, conditions
from koprade_wizard.pack.tree import DecisionTree, LocalText, Question, Step


@record
class ChangeReport:
    """What a changed answer did to the rest of the interview."""

    question: str
    dropped: tuple[str, ...] = ()
    added: tuple[str, ...] = ()
    # id → label of every question named above, so that notices show labels, not ids
    labels: Mapping[str, LocalText] = records.field(default_factory=dict, compare=False)


@record
class ReviewItem:
    question: Question
    value: Any
    answered: bool


@record
class ReviewGroup:
    step: Step
    items: tuple[ReviewItem, ...]


@record
class Progress:
    step_number: int
    step_count: int
    question_number: int
    question_count: int


@dataclass
class Interview:
    """The state of one interview: the tree, the answers so far and a cursor.

    ``answers`` maps question ids to values; None means "asked and left blank".
    The cursor is the question being asked; it moves forward on an answer and back
    on request, and resumes at the first unanswered question.
    """

    tree: DecisionTree
    answers: dict[str, AnswerValue] = field(default_factory=dict)
    lang: str = "lv"
    cursor: str | None = None
    # Answers the person confirmed although they look odd: question id → that value.
    confirmed: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._order = [q.id for q in self.tree.questions()]
        self._questions = {q.id: q for q in self.tree.questions()}
        self.prune()
        if self.cursor not in self._questions or self.cursor not in self.applicable_ids():
            self.cursor = self.first_unanswered()

    # -- what applies ----------------------------------------------------------
    def applicable_ids(self) -> list[str]:
        return list(applicability.evaluate(self.tree, self.answers).applies)

    def context(self) -> dict[str, AnswerValue]:
        """Every question id → its answer, None where unanswered or not applicable."""
        return dict(applicability.evaluate(self.tree, self.answers).context)

    def context_before(self, qid: str) -> dict[str, AnswerValue]:
        ctx = self.context()
        index = self._order.index(qid)
        return {k: ctx[k] for k in self._order[:index]}

    def prune(self) -> tuple[str, ...]:
        """Drop answers to questions that no longer apply; return their ids."""
        applies = set(self.applicable_ids())
        dropped = tuple(q for q in self._order if q in self.answers and q not in applies)
        for qid in dropped:
            del self.answers[qid]
        return dropped

    def first_unanswered(self) -> str | None:
        return next((q for q in self.applicable_ids() if q not in self.answers), None)

    def missing_required(self) -> list[str]:
        return applicability.missing_required(self.tree, self.answers)

    @property
    def finished(self) -> bool:
        return self.first_unanswered() is None

    # -- asking ------------------------------------------------------------------
    def current(self) -> Question | None:
        return self._questions[self.cursor] if self.cursor else None

    def default_for(self, q: Question) -> AnswerValue:
        """The stored answer if there is one, else the question's (possibly derived) default."""
        if q.id in self.answers:
            return self.answers[q.id]
        if q.default_expr is not None:
            try:
                return as_answer(conditions.evaluate(q.default_expr, self.context_before(q.id)))
            except conditions.ConditionError:
                return None
        return q.default

    def answer(self, qid: str, value: AnswerValue) -> ChangeReport:
        """Store a checked value and move the cursor to the next question that applies."""
        before = set(self.applicable_ids())
        self.answers[qid] = value
        dropped = self.prune()
        after = self.applicable_ids()
        added = tuple(q for q in after if q not in before and q not in self.answers)
        following = after[after.index(qid) + 1:] if qid in after else []
        self.cursor = following[0] if following else self.first_unanswered()
        labels = {q: self._questions[q].label for q in (*dropped, *added)}
        return ChangeReport(qid, dropped, added, labels)

    def back(self) -> Question | None:
        """Move the cursor to the previous question that applies; None at the start."""
        applies = self.applicable_ids()
        if self.cursor is None:
            previous = applies[-1:] if applies else []
        else:
            index = applies.index(self.cursor)
            previous = applies[index - 1:index] if index > 0 else []
        if not previous:
            return None
        self.cursor = previous[0]
        return self._questions[self.cursor]

    def change(self, qid: str, value: AnswerValue) -> ChangeReport:
        """Change one answer from the review; then only newly relevant questions are asked."""
        report = self.answer(qid, value)
        self.cursor = self.first_unanswered()
        return report

    def go_to(self, qid: str) -> None:
        if qid not in self.applicable_ids():
            raise KeyError(qid)
        self.cursor = qid

    def resume_point(self) -> None:
        self.cursor = self.first_unanswered()

    # -- showing -------------------------------------------------------------------
    def progress(self) -> Progress | None:
        if self.cursor is None:
            return None
        applies = self.applicable_ids()
        step = self.tree.step_of(self.cursor)
        step_number = next(i for i, s in enumerate(self.tree.steps, 1) if s.id == step.id)
        return Progress(step_number, len(self.tree.steps),
                        applies.index(self.cursor) + 1, len(applies))

    def review(self) -> list[ReviewGroup]:
        applies = set(self.applicable_ids())
        groups: list[ReviewGroup] = []
        for step in self.tree.steps:
            items = tuple(
                ReviewItem(q, self.answers.get(q.id), q.id in self.answers)
                for q in step.questions
                if q.id in applies
            )
            if items:
                groups.append(ReviewGroup(step, items))
        return groups
