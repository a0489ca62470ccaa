"""Answers → plan data: fired action rules, calculations, funding routes, timeline, risks.

Pure: no files, no terminal. The answers become the calculations' inputs in
``money.py``; the schedule is ``guidance.schedule``. The Markdown template turns a
``PlanData`` into words.
Question ids of the bundled pack are read with ``.get``: a trainer's own pack without
some of them still gets a plan, with the parts it cannot fill left out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from koprade_wizard.common.record import field, record
from koprade_wizard.guidance import calc, funding
from koprade_wizard.guidance.municipalities import (
    LAG_BY_MUNICIPALITY,
    LagCoverage,
    Municipality,
    lookup,
)
from koprade_wizard.guidance.schedule import Schedule, TimelineTask, schedule
from koprade_wizard.guidance.sources import SOURCES
from koprade_wizard.pack import applicability
from koprade_wizard.pack.display import show, text
from koprade_wizard.pack.tree import PHASES, DecisionTree, PackSource
from koprade_wizard.plan.money import (
    best_grant,
    calc_inputs,
    chosen_routes,
    funding_inputs,
    loan_wanted,
)

_PHASE_ORDER = {phase: i for i, phase in enumerate(PHASES)}



@record
class ActionItem:
    id: str
    step: str
    phase: str
    priority: int
    title: str
    detail: str
    sources: tuple[str, ...]


@record
class AnswerRow:
    id: str
    label: str
    value: Any
    shown: str


@record
class StepAnswers:
    id: str
    title: str
    rows: tuple[AnswerRow, ...]


@record
class Bridge:
    """Grant money the founder pays first: from the start of the works until the
    grant is paid, ``months`` after opening (``Defaults.grant_paid_months_after_opening``)."""

    amount: float
    start: dt.date
    paid: dt.date
    months: int


@record
class CitedSource:
    number: int
    id: str
    title: str
    author: str | None
    year: int | None
    url: str | None
    as_of: str | None
    reliability: str | None


class Citations:
    """Numbers sources in the order the plan first cites them."""

    def __init__(self, pack_sources: tuple[PackSource, ...]) -> None:
        self._pack = {s.id: s for s in pack_sources}
        self._order: list[str] = []

    def known(self, sid: str) -> bool:
        return sid in self._pack or sid in SOURCES

    def number(self, sid: str) -> int | None:
        if not self.known(sid):
            return None
        if sid not in self._order:
            self._order.append(sid)
        return self._order.index(sid) + 1

    def entries(self) -> list[CitedSource]:
        result = []
        for n, sid in enumerate(self._order, 1):
            if sid in self._pack:
                p = self._pack[sid]
                result.append(CitedSource(n, sid, p.title, p.publisher, p.year, p.url,
                                          p.as_of, None))
            else:
                s = SOURCES[sid]
                result.append(CitedSource(n, sid, s.title, s.author, s.year, s.url, s.as_of,
                                          s.reliability))
        return result


@record
class PlanData:
    lang: str
    today: dt.date
    pack_title: str
    answers: Mapping[str, Any]
    steps: tuple[StepAnswers, ...]
    actions: tuple[ActionItem, ...]
    top_actions: tuple[ActionItem, ...]
    calc: calc.CalcResult
    funding: tuple[funding.FundingMatch, ...]
    municipality: Municipality | None
    lag: LagCoverage | None  # None: not known for certain; the plan says "check with LAD"
    timeline: tuple[TimelineTask, ...]
    opening: dt.date
    risks: tuple[str, ...]
    demand_weak: bool
    missing: tuple[str, ...]
    interested: frozenset[str]  # route ids the founder said they are interested in
    citations: Citations = field(compare=False)
    bridge: Bridge | None = None
    schedule: Schedule | None = None

    def by_phase(self) -> list[tuple[str, list[ActionItem]]]:
        return [(p, [a for a in self.actions if a.phase == p]) for p in PHASES]

    def shown(self, qid: str) -> str:
        for step in self.steps:
            for row in step.rows:
                if row.id == qid:
                    return row.shown
        return ""


def _num(a: Mapping[str, Any], key: str) -> float | None:
    value = a.get(key)
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def fired_actions(tree: DecisionTree, context: Mapping[str, Any], lang: str) -> list[ActionItem]:
    items = [ActionItem(rule.id, step.id, rule.phase, rule.priority, text(rule.title, lang),
                        text(rule.detail, lang), rule.sources)
             for step, rule in applicability.fired_rules(tree, context)]
    items.sort(key=lambda x: (_PHASE_ORDER[x.phase], x.priority))
    return items


def top_actions(actions: list[ActionItem], count: int = 3) -> tuple[ActionItem, ...]:
    """The most urgent steps, each title once (two rules may give the same advice)."""
    ranked = sorted(actions, key=lambda x: (x.priority, _PHASE_ORDER[x.phase]))
    unique = {x.title: x for x in reversed(ranked)}
    return tuple(sorted(unique.values(), key=ranked.index)[:count])


def demand_is_weak(a: Mapping[str, Any]) -> bool:
    """Weak evidence: no survey with at least 20 answers, or fewer than 5 committed
    founding members or letters of intent (12 residents started The Mill)."""
    respondents = _num(a, "survey_respondents") or 0
    committed = (_num(a, "founding_members") or 0) + (_num(a, "letters_of_intent") or 0)
    return not a.get("survey_done") or respondents < 20 or committed < 5


def timeline(a: Mapping[str, Any], today: dt.date, matches: list[funding.FundingMatch],
             weak: bool) -> Schedule:
    """The schedule for these answers (see ``guidance.schedule``): LEADER's longer
    decision only when LEADER is chosen and not ruled out."""
    chosen = chosen_routes(a)
    leader = any(m.route.value.startswith("leader") and m.fits is not funding.Fit.NO
                 and m.route in chosen for m in matches)
    wanted = a.get("target_opening")
    return schedule(today, is_open=a.get("stage") == "open", demand_weak=weak,
                    premises_found=bool(a.get("premises_found")), works=a.get("condition"),
                    leader=leader, wanted=wanted if isinstance(wanted, dt.date) else None)


def bridge(result: calc.CalcResult, tasks: tuple[TimelineTask, ...],
           opening: dt.date) -> Bridge | None:
    """The bridge a grant paid after the project needs, with its dates."""
    amount = result.funding.bridge
    if amount <= 0:
        return None
    months = result.figures.grant_paid_months_after_opening
    start = next((t.start for t in tasks if t.id == "fit_out"), opening)
    return Bridge(amount, start, _add_months(opening, months), months)


def _add_months(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.month - 1 + months, 12)
    return dt.date(day.year + year, month + 1, min(day.day, 28))


def risks(a: Mapping[str, Any], result: calc.CalcResult, weak: bool) -> tuple[str, ...]:
    found = []
    if weak:
        found.append("weak_demand")
    if not a.get("premises_found"):
        found.append("no_premises")
    if a.get("condition") == "major":
        found.append("major_works")
    be = result.break_even
    if be.months_to_recover is None:
        found.append("no_break_even")
    elif be.months_to_recover > 36:
        found.append("slow_break_even")
    if result.bandwidth.verdict in ("short", "unknown"):
        found.append(f"internet_{result.bandwidth.verdict}")
    if (_num(a, "core_team_size") or 0) < 2:
        found.append("small_team")
    if a.get("host_paid") in ("volunteer", "volunteer-first") or not a.get("host_hours"):
        found.append("volunteer_host")
    if result.funding.gap > 0:
        found.append("funding_gap")
    if a.get("workshop_kinds"):
        found.append("workshop_safety")
    found.append("grant_competition")
    return tuple(found)


def build_plan(tree: DecisionTree, answers: Mapping[str, Any], lang: str,
               today: dt.date, yes_no: tuple[str, str] = ("yes", "no")) -> PlanData:
    state = applicability.evaluate(tree, answers)
    context = dict(state.context)
    applies = set(state.applies)
    a = {qid: context.get(qid) for qid in context}

    steps = []
    for step in tree.steps:
        rows = tuple(
            AnswerRow(q.id, text(q.label, lang), a.get(q.id), show(q, a.get(q.id), lang, yes_no))
            for q in step.questions if q.id in applies
        )
        steps.append(StepAnswers(step.id, text(step.title, lang), rows))

    first = calc.compute(calc_inputs(a))
    matches = funding.match_funding(funding_inputs(a, first.setup.total))
    chosen = chosen_routes(a)
    grant = best_grant(matches, first.setup.total, chosen)
    result = calc.compute(calc_inputs(a, (grant,) if grant else (), loan_wanted(matches, chosen)))

    actions = fired_actions(tree, context, lang)
    top = top_actions(actions)
    slug = a.get("municipality")
    muni = lookup(slug) if isinstance(slug, str) else None
    weak = demand_is_weak(a)
    plan_schedule = timeline(a, today, matches, weak)
    tasks, opening = plan_schedule.tasks, plan_schedule.opening
    missing = tuple(text(tree.question(q).label, lang)
                    for q in applicability.missing_required(tree, answers))
    return PlanData(
        lang=lang,
        today=today,
        pack_title=text(tree.title, lang),
        answers=a,
        steps=tuple(steps),
        actions=tuple(actions),
        top_actions=tuple(top),
        calc=result,
        funding=tuple(matches),
        municipality=muni,
        lag=LAG_BY_MUNICIPALITY.get(muni.slug) if muni else None,
        timeline=tasks,
        opening=opening,
        risks=risks(a, result, weak),
        demand_weak=weak,
        missing=missing,
        interested=frozenset(r.value for r in funding.routes_from_answers(
            a.get("funding_routes")) or ()),
        citations=Citations(tree.sources),
        bridge=bridge(result, tasks, opening),
        schedule=plan_schedule,
    )
