"""Try every expression of a pack over sample answers, as the interview and the plan will.

Compiling proves little: ``1 / (a - a)``, ``name > 5`` or a refused attribute only fail
when evaluated. So ``check`` evaluates each condition, default, validation rule and
action rule over answers a founder could give (the kinds' samples), with the questions
an expression reads — and those their own conditions read — varied together and the
rest left unanswered, exactly as the forward pass of the interview would leave them.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from koprade_wizard.common.answers import Answers, AnswerValue
from koprade_wizard.pack import conditions
from koprade_wizard.pack.kinds import AnswerInvalid, check_value, kind_of
from koprade_wizard.pack.tree import DecisionTree, Question

# Sample answer sets tried per expression; enough for every value of each name it
# reads, and a spread of their combinations.
MAX_COMBINATIONS = 48


@dataclass(frozen=True)
class Target:
    """One expression to try: what it is ('when', 'default', 'validate', 'plausible',
    'action'), whose it is (a question or action id), and where it was written."""

    expr: str
    role: str
    owner: str
    where: tuple[Path, int, str]  # the file, the line and the key the expression is under


@dataclass(frozen=True)
class Failure:
    target: Target
    sample: dict[str, AnswerValue]
    error: conditions.ConditionError


# Beside each kind's own samples, the values that most often break an expression:
# zero and one, an empty text, a date long past.
_EDGES: dict[str, tuple[AnswerValue, ...]] = {
    "integer": (0, 1, 2, 12, 10_000),
    "decimal": (0, 0.5, 1, 12.5, 10_000.5),
    "text": ("ab",),
    "long_text": ("Mums ir ideja.\nUn draugi.",),
    "multi_choice": ([],),
    "date": (dt.date(2020, 1, 1),),
}


def samples(q: Question) -> list[AnswerValue]:
    """Answers a founder could give ``q`` (its own rules still to be applied): the
    kind's samples, the edges above, the default, and none when it may stay blank."""
    found: list[AnswerValue] = []
    for value in (q.default, *kind_of(q).samples(q), *_EDGES.get(q.kind, ())):
        if value is not None and value not in found:
            found.append(value)
    if not q.required:
        found.append(None)
    return found


def show(value: object) -> str:
    """A sample value the way a step file writes it."""
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(show(v) for v in value) + "]"
    return str(value)


class _Prober:
    def __init__(self, tree: DecisionTree, lang: str) -> None:
        self.lang = lang
        self.order = [q.id for q in tree.questions()]
        self.questions: dict[str, Question] = {q.id: q for q in tree.questions()}
        self.blank = {q.id: q.blank() for q in tree.questions()}
        self._names: dict[str, set[str]] = {}
        self._held: dict[tuple[str, str], bool | conditions.ConditionError] = {}
        self._checked: dict[tuple[str, str], AnswerValue | AnswerInvalid] = {}

    def names(self, expr: str | None) -> set[str]:
        if expr is None:
            return set()
        if expr not in self._names:
            try:
                found = conditions.names(expr)
            except Exception:  # the checker has reported it already
                found = set()
            self._names[expr] = {n for n in found if n in self.questions}
        return self._names[expr]

    def closure(self, start: set[str]) -> list[str]:
        """The questions whose answers can change what ``start`` sees, in order."""
        seen: set[str] = set()
        todo = list(start)
        while todo:
            qid = todo.pop()
            if qid in seen:
                continue
            seen.add(qid)
            todo.extend(self.names(self.questions[qid].when) - seen)
        return [q for q in self.order if q in seen]

    def contexts(self, ids: list[str], seed: str) -> Iterator[dict[str, AnswerValue]]:
        """Consistent answer sets over ``ids``: a question whose condition is false
        counts as unanswered, and a value its own rules refuse is not used."""
        choices = [samples(self.questions[q]) or [None] for q in ids]
        seen: set[tuple[Any, ...]] = set()
        for combo in _combinations(choices, MAX_COMBINATIONS, seed):
            context = dict(self.blank)
            for qid, value in zip(ids, combo, strict=True):
                q = self.questions[qid]
                try:
                    if not self.holds(q.when, context):
                        continue
                    if value is not None:
                        value = self.checked(q, value, context)
                except (conditions.ConditionError, AnswerInvalid):
                    break  # the condition is a target of its own; the value cannot occur
                context[qid] = q.blank() if value is None else value
            else:
                key = tuple(repr(context[q]) for q in ids)
                if key not in seen:
                    seen.add(key)
                    yield context

    def scope(self, expr: str | None, context: Answers) -> dict[str, AnswerValue]:
        """Only the answers ``expr`` reads: Jinja copies whatever it is given."""
        return {n: context[n] for n in self.names(expr)}

    def holds(self, expr: str | None, context: Answers) -> bool:
        """``conditions.holds``, remembered: many answer sets look the same to it."""
        if expr is None:
            return True
        scope = self.scope(expr, context)
        key = (expr, repr(sorted(scope.items())))
        if key not in self._held:
            try:
                self._held[key] = conditions.holds(expr, scope)
            except conditions.ConditionError as exc:
                self._held[key] = exc
        found = self._held[key]
        if isinstance(found, conditions.ConditionError):
            raise found
        return found

    def checked(self, q: Question, value: AnswerValue, context: Answers) -> AnswerValue:
        if q.validate_ is not None and q.validate_.expr is not None:
            return check_value(q, value, context, self.lang)  # reads other answers
        key = (q.id, repr(value))
        if key not in self._checked:
            try:
                self._checked[key] = check_value(q, value, context, self.lang)
            except AnswerInvalid as exc:
                self._checked[key] = exc
        found = self._checked[key]
        if isinstance(found, AnswerInvalid):
            raise found
        return found

    def applies(self, qid: str, context: Answers) -> bool:
        q = self.questions[qid]
        try:
            return self.holds(q.when, context)
        except conditions.ConditionError:
            return False

    def first_failure(self, target: Target) -> Failure | None:
        read = self.names(target.expr)
        owner = self.questions.get(target.owner)
        # A default or a validation rule is only evaluated when its question applies.
        asked = owner if target.role in ("default", "validate", "plausible") else None
        start = set(read) | (self.names(asked.when) if asked is not None else set())
        for context in self.contexts(self.closure(start), target.expr):
            if asked is not None and not self.applies(asked.id, context):
                continue
            values: Sequence[AnswerValue] = (None,)
            if target.role in ("validate", "plausible") and owner is not None:
                values = [v for v in samples(owner) if v is not None]
            read_only = self.scope(target.expr, context)
            for value in values:
                scope = read_only if value is None else {**read_only, "value": value}
                try:
                    conditions.evaluate(target.expr, scope)
                except conditions.ConditionError as exc:
                    sample = {n: context[n] for n in sorted(read)}
                    if value is not None:
                        sample["value"] = value
                    return Failure(target, sample, exc)
        return None


def _combinations(choices: list[list[Any]], cap: int, seed: str) -> Iterator[tuple[Any, ...]]:
    """Every combination when there are few; else each value of each list once (beside
    the first of the others), then a repeatable random spread up to ``cap``."""
    total = 1
    for options in choices:
        total *= len(options)
    if total <= cap:
        yield from itertools.product(*choices)
        return
    base = tuple(options[0] for options in choices)
    yield base
    for i, options in enumerate(choices):
        for value in options[1:]:
            yield (*base[:i], value, *base[i + 1:])
    rng = random.Random(seed)
    for _ in range(cap):
        yield tuple(rng.choice(options) for options in choices)


def probe(tree: DecisionTree, targets: Sequence[Target], lang: str) -> list[Failure]:
    """The first failing sample of each target that fails anywhere."""
    prober = _Prober(tree, lang)
    return [f for target in targets if (f := prober.first_failure(target)) is not None]
