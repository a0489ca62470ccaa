"""Copy a checked pack into the light run-time classes of ``pack.tree``.

The checker validates with pydantic models; the interview and the plan read plain
frozen records, which are cheap to cache and load. The copy keeps each question's and
action's file and line, so run-time messages can point back to the step file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from koprade_wizard.pack.model import ActionRule, PackFile, QuestionModel, StepFile
from koprade_wizard.pack.reading import Parsed
from koprade_wizard.pack.tree import (
    ActionRule as RuntimeAction,
)
from koprade_wizard.pack.tree import (
    Choice,
    DecisionTree,
    Located,
    PackSource,
    Plausible,
    Question,
    Step,
    UnitText,
    Validation,
)


def build_tree(pack: Parsed, steps: list[Parsed], show: Callable[[Path], str]) -> DecisionTree:
    """The run-time tree of a pack whose files all passed the checks.

    ``show`` words a path as messages show it (relative to the current folder)."""
    located: dict[str, Located] = {}
    action_lines: dict[str, Located] = {}
    built: list[Step] = []
    for parsed in steps:
        model: StepFile = parsed.model
        for i, q in enumerate(model.questions):
            located[q.id] = Located(path=show(parsed.path),
                                    line=parsed.raw["questions"].item_lines[i])
        for i, a in enumerate(model.actions):
            action_lines[a.id] = Located(path=show(parsed.path),
                                         line=parsed.raw["actions"].item_lines[i])
        built.append(
            Step(
                id=model.id,
                title=dict(model.title),
                intro=dict(model.intro) if model.intro else None,
                questions=tuple(runtime_question(q) for q in model.questions),
                actions=tuple(_runtime_action(a) for a in model.actions),
                where=Located(path=show(parsed.path), line=parsed.raw.line),
            )
        )
    pack_model: PackFile = pack.model
    return DecisionTree(
        id=pack_model.id,
        version=pack_model.version,
        title=dict(pack_model.title),
        languages=tuple(pack_model.languages),
        steps=tuple(built),
        sources=tuple(
            PackSource(id=s.id, title=s.title, publisher=s.publisher, year=s.year,
                       url=s.url, as_of=None if s.as_of is None else str(s.as_of))
            for s in pack_model.sources
        ),
        question_lines=located,
        action_lines=action_lines,
    )


def runtime_question(q: QuestionModel) -> Question:
    """Copy a validated question into the light run-time class."""
    rules = q.validate_
    return Question(
        id=q.id,
        kind=q.kind,
        label=dict(q.label),
        help=dict(q.help) if q.help else None,
        required=q.required,
        when=q.when,
        default=q.default,
        default_expr=q.default_expr,
        validate_=Validation(**rules.model_dump()) if rules is not None else None,
        unit=_runtime_unit(u) if (u := getattr(q, "unit", None)) else None,
        choices=tuple(
            Choice(value=c.value, label=dict(c.label), help=dict(c.help) if c.help else None)
            for c in getattr(q, "choices", ())
        ),
        implied=q.implied,
        plausible=None if q.plausible is None else Plausible(
            message=dict(q.plausible.message), min=q.plausible.min, max=q.plausible.max,
            future=q.plausible.future, expr=q.plausible.expr),
    )


def _runtime_unit(unit: dict[str, Any]) -> UnitText:
    return {lang: text if isinstance(text, str) else text.model_dump(exclude_none=True)
            for lang, text in unit.items()}


def _runtime_action(a: ActionRule) -> RuntimeAction:
    return RuntimeAction(id=a.id, phase=a.phase, title=dict(a.title), detail=dict(a.detail),
                         when=a.when, priority=a.priority, sources=tuple(a.sources),
                         routes=tuple(a.routes), topic=a.topic)
