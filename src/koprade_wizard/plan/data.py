"""Answers → plan data: fired action rules, calculations, funding routes, timeline, risks.

Pure: no files, no terminal. The Markdown template turns a ``PlanData`` into words.
Question ids of the bundled pack are read with ``.get``: a trainer's own pack without
some of them still gets a plan, with the parts it cannot fill left out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from koprade_wizard.guidance import calc, funding
from koprade_wizard.guidance.municipalities import (
    LAG_BY_MUNICIPALITY,
    LagCoverage,
    Municipality,
    lookup,
)
from koprade_wizard.guidance.sources import SOURCES
from koprade_wizard.pack import applicability, conditions
from koprade_wizard.pack.display import show, text
from koprade_wizard.pack.tree import PHASES, DecisionTree, PackSource

_PHASE_ORDER = {phase: i for i, phase in enumerate(PHASES)}

_WORKS = {"ready": calc.Works.NONE, "cosmetic": calc.Works.COSMETIC, "major": calc.Works.MAJOR}
_TENURE = {
    "owned": calc.Premises.OWNED,
    "leased": calc.Premises.RENTED,
    "council-offered": calc.Premises.COUNCIL,
}
_WORKSHOPS = {
    "3d-printing": calc.Workshop.PRINTING_3D,
    "laser-vinyl": calc.Workshop.CUTTING,
    "woodwork": calc.Workshop.WOODWORK,
    "sewing": calc.Workshop.TEXTILE,
    "electronics": calc.Workshop.ELECTRONICS,
}
_EQUIPMENT_COST = {"printer": "printer_eur", "kitchen": "kitchen_eur"}
_ROOM_LAYOUTS = ("separate-rooms", "mixed")
_FURNITURE = {f.value for f in calc.Furniture}
_STAGE = {s.value: s for s in funding.Stage}


@dataclass(frozen=True)
class ActionItem:
    id: str
    step: str
    phase: str
    priority: int
    title: str
    detail: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class AnswerRow:
    id: str
    label: str
    value: Any
    shown: str


@dataclass(frozen=True)
class StepAnswers:
    id: str
    title: str
    rows: tuple[AnswerRow, ...]


@dataclass(frozen=True)
class TimelineTask:
    id: str
    phase: str
    name_key: str
    start: dt.date
    days: int
    milestone: bool = False

    @property
    def end(self) -> dt.date:
        return self.start + dt.timedelta(days=self.days)


@dataclass(frozen=True)
class Bridge:
    """Grant money the founder pays first: from the start of the works until the
    grant is paid, ``months`` after opening (``Defaults.grant_paid_months_after_opening``)."""

    amount: float
    start: dt.date
    paid: dt.date
    months: int


@dataclass(frozen=True)
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


@dataclass(frozen=True)
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


def _tiers(layout: Any) -> frozenset[str]:
    """Private offices only where the layout has separate rooms."""
    tiers = set(calc.TIERS)
    if layout not in _ROOM_LAYOUTS:
        tiers.discard("private_office")
    return frozenset(tiers)


def calc_inputs(a: Mapping[str, Any], grants: tuple[calc.GrantInput, ...] = (),
                loan_wanted: bool = False) -> calc.CalcInputs:
    """Map the bundled pack's answers onto the calculation's inputs.

    Equipment not chosen costs nothing and brings nothing (no meeting-room kit, no
    meeting-room hire, no phone booth); the layout decides the tiers; the price
    members said they would accept caps the default prices (see ``calc.revenue``).
    """
    area = _num(a, "area_m2") if a.get("premises_found") else None
    desks = a.get("desired_desks") if not a.get("premises_found") else None
    rent = _num(a, "monthly_rent")
    equipment = a.get("equipment") or []
    extra: dict[str, Any] = {}
    chosen: dict[str, bool | None] = {"meeting_room": None, "phone_booth": None}
    if "equipment" in a:
        # Equipment the founder did not ask for costs nothing at set-up.
        extra = {name: 0.0 for item, name in _EQUIPMENT_COST.items() if item not in equipment}
        chosen = {"meeting_room": "meeting-room" in equipment,
                  "phone_booth": "quiet-zone" in equipment}
    host_hours = _num(a, "host_hours")
    furniture = a.get("furniture")
    return calc.CalcInputs(
        area_m2=area,
        desired_desks=int(desks) if isinstance(desks, int) and desks > 0 else None,
        start_members=_num(a, "current_members") if a.get("stage") == "open" else None,
        days_per_week=_num(a, "days_per_week"),
        workshop_room=(a.get("space_type") == "office-and-workshop"
                       and a.get("workshop_separate_room") is True),
        works=_WORKS.get(a.get("condition") or ""),
        workshops=tuple(_WORKSHOPS[w] for w in a.get("workshop_kinds") or [] if w in _WORKSHOPS),
        furniture=calc.Furniture(furniture) if furniture in _FURNITURE else None,
        premises=_TENURE.get(a.get("tenure") or ""),
        rent_eur_per_m2=rent / area if rent is not None and area else None,
        host_hours_per_week=host_hours,
        host_eur_per_hour=0.0 if a.get("host_paid") == "volunteer" else None,
        monthly_costs_eur=_num(a, "monthly_costs"),
        setup_budget_eur=_num(a, "setup_budget"),
        tiers=_tiers(a.get("layout")) if "layout" in a else None,
        accepted_price=_num(a, "accepted_monthly_price"),
        price_hot_desk=_num(a, "price_hot_desk"),
        price_day_pass=_num(a, "price_day_pass"),
        price_dedicated_desk=_num(a, "price_dedicated_desk"),
        price_private_office=_num(a, "price_private_office"),
        own_money_eur=_num(a, "own_money"),
        internet_down_mbps=_num(a, "internet_down"),
        internet_up_mbps=_num(a, "internet_up"),
        grants=grants,
        loan_wanted=loan_wanted,
        **chosen,
        **extra,
    )


def funding_inputs(a: Mapping[str, Any], setup_total: float) -> funding.FundingInputs:
    form = funding.legal_form_from_answers(a.get("founder_type"), a.get("legal_form"))
    age = _num(a, "company_age_years")
    return funding.FundingInputs(
        legal_form=form,
        municipality=a.get("municipality"),
        stage=_STAGE.get(a.get("stage") or "", funding.Stage.IDEA),
        company_age_years=age,
        setup_budget=setup_total,
        own_money=_num(a, "own_money"),
        # Every route is judged, not only those ticked: a founder may not know them yet.
        interested_routes=None,
        form_planned=not a.get("legal_registered", False),
    )


def chosen_routes(a: Mapping[str, Any]) -> frozenset[funding.RouteId]:
    """The routes the founder ticked (none ticked: none chosen)."""
    return funding.routes_from_answers(a.get("funding_routes")) or frozenset()


def best_grant(matches: list[funding.FundingMatch], setup_total: float,
               chosen: frozenset[funding.RouteId]) -> calc.GrantInput | None:
    """The one grant the budget counts on: among the routes the founder chose whose
    verdict is not *no*, the grant with the largest low estimate.

    Only one, and at its lowest rate: grants are competitive, so the plan must not
    stack hopes. LEADER pays after the project: the founder bridges it.
    """
    fitting = [m for m in matches if m.route in chosen and m.fits is not funding.Fit.NO
               and m.rate is not None and m.support_estimate is not None
               and funding.ROUTES[m.route].kind == "grant"]
    if not fitting or setup_total <= 0:
        return None
    best = max(fitting, key=lambda m: m.support_estimate[0] if m.support_estimate else 0)
    assert best.rate is not None
    eligible = setup_total
    if best.limit is not None and best.limit_applies_to == "eligible_cost":
        eligible = min(setup_total, best.limit)
    cap = best.limit if best.limit_applies_to == "amount" else None
    return calc.GrantInput(rate=best.rate.min, max_amount=cap, eligible_cost=eligible,
                           label=best.route.value,
                           paid_after=best.route.value.startswith("leader"))


def loan_wanted(matches: list[funding.FundingMatch],
                chosen: frozenset[funding.RouteId]) -> bool:
    """A start loan is counted when the founder chose it and it is not ruled out."""
    return any(m.route is funding.RouteId.ALTUM_START and m.fits is not funding.Fit.NO
               for m in matches if m.route in chosen)


def fired_actions(tree: DecisionTree, context: Mapping[str, Any], lang: str) -> list[ActionItem]:
    items = []
    for step, rule in tree.actions():
        if conditions.holds(rule.when, context):
            items.append(ActionItem(rule.id, step.id, rule.phase, rule.priority,
                                    text(rule.title, lang), text(rule.detail, lang),
                                    rule.sources))
    items.sort(key=lambda x: (_PHASE_ORDER[x.phase], x.priority))
    return items


def demand_is_weak(a: Mapping[str, Any]) -> bool:
    """Weak evidence: no survey with at least 20 answers, or fewer than 5 committed
    founding members or letters of intent (12 residents started The Mill)."""
    respondents = _num(a, "survey_respondents") or 0
    committed = (_num(a, "founding_members") or 0) + (_num(a, "letters_of_intent") or 0)
    return not a.get("survey_done") or respondents < 20 or committed < 5


def timeline(a: Mapping[str, Any], today: dt.date,
             matches: list[funding.FundingMatch]) -> tuple[tuple[TimelineTask, ...], dt.date]:
    """A schedule from today: community and demand first, then the concept and the
    funding decision, then fit-out, opening, and the first half-year of development.
    Planning to opening takes 7–8.5 months on average (Deskmag 2016)."""
    stage = a.get("stage") or "idea"
    tasks: list[TimelineTask] = []

    def add(tid: str, phase: str, start: dt.date, days: int, milestone: bool = False) -> dt.date:
        tasks.append(TimelineTask(tid, phase, f"task_{tid}", start, days, milestone))
        return start + dt.timedelta(days=days)

    start = today
    if stage == "open":
        grow = add("grow_members", "development", start, 90)
        add("events_programme", "development", start, 180)
        add("network", "development", grow, 90)
        add("review", "development", start + dt.timedelta(days=180), 0, milestone=True)
        return tuple(tasks), start
    survey_end = add("survey", "awareness", start, 45)
    add("community_events", "awareness", start, 90)
    concept_start = survey_end if stage == "idea" else start
    concept_end = add("legal_business_plan", "concept", concept_start, 60)
    leader = any(m.route.value.startswith("leader") and m.fits is not funding.Fit.NO
                 for m in matches)
    # LEADER: about a month at the local action group, then 3–5 months at LAD.
    funding_days = 150 if leader else 60
    funding_end = add("funding_decision", "concept", concept_end, funding_days)
    fit_days = 120 if a.get("condition") == "major" else 45
    fit_end = add("fit_out", "installation", funding_end, fit_days)
    add("pre_bookings", "installation", fit_end - dt.timedelta(days=60), 60)
    opening = fit_end
    wanted = a.get("target_opening")
    if isinstance(wanted, dt.date) and wanted > opening:
        opening = wanted
    add("opening", "installation", opening, 0, milestone=True)
    add("events_programme", "development", opening, 180)
    add("network", "development", opening + dt.timedelta(days=30), 150)
    add("review", "development", opening + dt.timedelta(days=180), 0, milestone=True)
    return tuple(tasks), opening


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
    state = applicability.evaluate(tree, answers, lang)
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
    top = sorted(actions, key=lambda x: (x.priority, _PHASE_ORDER[x.phase]))[:3]
    slug = a.get("municipality")
    muni = lookup(slug) if isinstance(slug, str) else None
    tasks, opening = timeline(a, today, matches)
    weak = demand_is_weak(a)
    missing = tuple(text(tree.question(q).label, lang)
                    for q in applicability.missing_required(tree, answers, lang))
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
    )
