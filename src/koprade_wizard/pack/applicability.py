"""Which questions apply for a set of answers, and the context conditions see.

Conditions only read earlier answers (the checker guarantees it), so one forward pass
decides. The pass is pure, so its result is kept per answers state: the interview, the
plan and the checks ask the same question many times for one set of answers.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Hashable, Mapping
from types import MappingProxyType
from typing import Any

from koprade_wizard.common.answers import Answers, AnswerValue
from koprade_wizard.common.errors import Location, Problem, StepFileError, msg
from koprade_wizard.common.record import record
from koprade_wizard.pack import conditions
from koprade_wizard.pack.tree import ActionRule, DecisionTree, Step

_MEMO_SIZE = 256


@record
class Applicability:
    """The ids that apply, in order, and every id → its value (None or blank if not)."""

    applies: tuple[str, ...]
    context: Mapping[str, Any]


def _frozen(value: Any) -> Hashable:
    if isinstance(value, list | tuple):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((str(k), _frozen(v)) for k, v in value.items()))
    if isinstance(value, str | int | float | bool | dt.date) or value is None:
        return (type(value).__name__, value)
    return (type(value).__name__, repr(value))


def _memo(tree: DecisionTree) -> OrderedDict[Hashable, Applicability]:
    # Kept on the tree itself, so that a different tree never shares an entry.
    memo: OrderedDict[Hashable, Applicability] | None = tree.__dict__.get("_applicability")
    if memo is None:
        memo = OrderedDict()
        object.__setattr__(tree, "_applicability", memo)
    return memo


def evaluate(tree: DecisionTree, answers: Answers) -> Applicability:
    """Apply every condition once, in order; raise StepFileError if one fails."""
    key = _frozen(dict(answers))
    memo = _memo(tree)
    found = memo.get(key)
    if found is not None:
        memo.move_to_end(key)
        return found
    context: dict[str, Any] = {}
    applies: list[str] = []
    for q in tree.questions():
        value = None
        try:
            if q.implied is not None:
                implied = conditions.evaluate(q.implied, context)
                if implied is not None:  # known from earlier answers: not asked
                    context[q.id] = implied
                    continue
            holds = conditions.holds(q.when, context)
        except conditions.ConditionError as exc:
            where = tree.question_lines.get(q.id)
            loc = Location(where.path, where.line) if where else None
            raise StepFileError(
                [Problem(loc, msg("condition_failed", id=q.id, reason=exc.reason()))]
            ) from None
        if holds:
            applies.append(q.id)
            value = answers.get(q.id)
        context[q.id] = q.blank() if value is None else value
    found = Applicability(tuple(applies), MappingProxyType(context))
    memo[key] = found
    if len(memo) > _MEMO_SIZE:
        memo.popitem(last=False)
    return found


def odd_answers(
    tree: DecisionTree, answers: Answers, confirmed: Answers,
    lang: str = "en", today: dt.date | None = None,
) -> list[tuple[str, str]]:
    """(question id, why it looks odd) for each answer outside its ``plausible`` range
    that the person has not confirmed."""
    from koprade_wizard.pack.kinds import implausible

    state = evaluate(tree, answers)
    before: dict[str, Any] = {}
    odd: list[tuple[str, str]] = []
    for q in tree.questions():
        value = answers.get(q.id)
        if q.id in state.applies and value is not None and confirmed.get(q.id) != value:
            reason = implausible(q, value, before, lang, today)
            if reason is not None:
                odd.append((q.id, reason))
        before[q.id] = state.context.get(q.id)
    return odd


def kept(tree: DecisionTree, answers: Answers) -> dict[str, AnswerValue]:
    """The answers to questions that apply; the rest no longer count."""
    applies = set(evaluate(tree, answers).applies)
    return {qid: v for qid, v in answers.items() if qid in applies}


def missing_required(tree: DecisionTree, answers: Answers) -> list[str]:
    """Required questions that apply and have no answer, in order."""
    return [
        qid for qid in evaluate(tree, answers).applies
        if tree.question(qid).required and answers.get(qid) is None
    ]


def fired_rules(tree: DecisionTree, context: Answers) -> list[tuple[Step, ActionRule]]:
    """The action rules whose condition holds; raise StepFileError naming the first that
    cannot be evaluated (``check`` tries each on sample answers, so this is rare)."""
    fired: list[tuple[Step, ActionRule]] = []
    for step, rule in tree.actions():
        try:
            holds = conditions.holds(rule.when, context)
        except conditions.ConditionError as exc:
            where = tree.action_lines.get(rule.id)
            loc = Location(where.path, where.line) if where else Location(step.where.path,
                                                                          step.where.line)
            raise StepFileError([Problem(loc, msg("action_condition_failed", id=rule.id,
                                                  reason=exc.reason()))]) from None
        if holds:
            fired.append((step, rule))
    return fired
