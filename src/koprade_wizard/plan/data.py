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

from koprade_wizard.common import answers as answer
from koprade_wizard.common.record import field, record
from koprade_wizard.guidance import calc, funding, territories
from koprade_wizard.guidance.funding import FundingMatch, Reason
from koprade_wizard.guidance.incubators import NearestIncubator
from koprade_wizard.guidance.incubators import nearest as nearest_incubator
from koprade_wizard.guidance.municipalities import Municipality, lookup
from koprade_wizard.guidance.schedule import Schedule, TimelineTask, schedule
from koprade_wizard.guidance.sources import lookup_source
from koprade_wizard.guidance.territories import LagVerdict
from koprade_wizard.pack import applicability
from koprade_wizard.pack.display import show, text
from koprade_wizard.pack.tree import PHASES, DecisionTree, PackSource
from koprade_wizard.plan.money import (
    best_grant,
    calc_inputs,
    chosen_routes,
    funding_inputs,
    lag_area,
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
    routes: tuple[str, ...] = ()  # funding routes it recommends (none: not a route action)
    topic: str = ""  # rules with near-the-same advice share one; the rule's id otherwise


@record
class AnswerRow:
    id: str
    label: str
    value: answer.AnswerValue
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
    title_lang: str | None = None  # the title's language when it is not the plan's


class Citations:
    """Numbers sources in the order the plan first cites them; titles in the plan's
    language where the source has one."""

    def __init__(self, pack_sources: tuple[PackSource, ...], lang: str = "lv") -> None:
        self._pack = {s.id: s for s in pack_sources}
        self._lang = lang
        self._order: list[str] = []

    def known(self, sid: str) -> bool:
        return sid in self._pack or lookup_source(sid) is not None

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
                s = lookup_source(sid)
                assert s is not None
                title, title_lang = s.title_for(self._lang)
                result.append(CitedSource(n, sid, title, s.publisher_for(self._lang), s.year,
                                          s.url, s.as_of, s.reliability, title_lang))
        return result


@record
class PlanData:
    lang: str
    today: dt.date
    pack_title: str
    answers: answer.Answers
    steps: tuple[StepAnswers, ...]
    actions: tuple[ActionItem, ...]
    top_actions: tuple[ActionItem, ...]
    calc: calc.CalcResult
    funding: tuple[funding.FundingMatch, ...]
    municipality: Municipality | None
    lag: LagVerdict | None  # the LEADER group where the space will be; None: no municipality
    timeline: tuple[TimelineTask, ...]
    opening: dt.date
    risks: tuple[str, ...]
    demand_weak: bool
    missing: tuple[str, ...]
    interested: frozenset[str]  # route ids the founder said they are interested in
    citations: Citations = field(compare=False)
    bridge: Bridge | None = None
    schedule: Schedule | None = None
    # LIAA's business incubator for the founder's municipality; None: no municipality.
    incubator: NearestIncubator | None = None

    @property
    def lag_source_ids(self) -> tuple[str, ...]:
        """Citation ids of the pages the LEADER group's row rests on."""
        if self.lag is None:
            return ()
        return tuple(f"lag-page:{self.lag.municipality}:{i}" for i in range(len(self.lag.pages)))

    @property
    def lag_reason(self) -> Reason | None:
        """The territory reason of the LEADER verdict, the same for both LEADER lines."""
        for m in self.funding:
            if m.route.value.startswith("leader"):
                found = next((r for r in m.reasons if r.code.startswith("lag_")), None)
                if found is not None:
                    return found
        return None

    @property
    def stat_region(self) -> str | None:
        """The statistical region of the municipality (for regional figures)."""
        if self.municipality is None:
            return None
        return territories.programme_areas().region_of.get(self.municipality.slug)

    def verdict(self, route: str) -> str | None:
        """The verdict for a route id (``fits``, ``maybe``, ``no``), if it was judged."""
        return next((m.fits.value for m in self.funding if m.route.value == route), None)

    @property
    def chosen_funding(self) -> tuple[FundingMatch, ...]:
        """The routes the founder chose, with their verdicts, in the table's order."""
        return tuple(m for m in self.funding if m.route.value in self.interested)

    @property
    def grants_not_counted(self) -> tuple[FundingMatch, ...]:
        """Grants the founder chose that may fit but that the budget cannot count on:
        each call or council sets its amount, so there is no rate to reckon with."""
        counted = {g.label for g in self.calc.funding.grants}
        return tuple(m for m in self.chosen_funding
                     if m.fits is not funding.Fit.NO and m.route.value not in counted
                     and funding.ROUTES[m.route].kind == "grant")

    def by_phase(self) -> list[tuple[str, list[ActionItem]]]:
        return [(p, [a for a in self.actions if a.phase == p]) for p in PHASES]

    def shown(self, qid: str) -> str:
        for step in self.steps:
            for row in step.rows:
                if row.id == qid:
                    return row.shown
        return ""


def _num(a: answer.Answers, key: str) -> float | None:
    value = a.get(key)
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


_WEAK_BANDWIDTH = frozenset({"short", "unknown"})


def fired_actions(tree: DecisionTree, context: answer.Answers, lang: str,
                  verdicts: Mapping[str, funding.Fit] | None = None) -> list[ActionItem]:
    """The action rules whose condition holds, less those that recommend only routes
    whose verdict is "no" (``verdicts``: route id → verdict)."""
    items = []
    for step, rule in applicability.fired_rules(tree, context):
        if verdicts is not None and rule.routes and all(
            verdicts.get(r) in (funding.Fit.NO, None) for r in rule.routes
        ):
            continue
        items.append(ActionItem(rule.id, step.id, rule.phase, rule.priority,
                                text(rule.title, lang), text(rule.detail, lang),
                                rule.sources, rule.routes, rule.topic or rule.id))
    items.sort(key=lambda x: (_PHASE_ORDER[x.phase], x.priority))
    return items


def top_actions(actions: list[ActionItem], count: int = 3) -> tuple[ActionItem, ...]:
    """The most urgent steps, one per topic: rules that give near-the-same advice
    share a topic in the step files, and only the most urgent of them is a top step
    (the others stay in the checklist)."""
    ranked = sorted(actions, key=lambda x: (x.priority, _PHASE_ORDER[x.phase]))
    top: list[ActionItem] = []
    for item in ranked:
        if all(item.topic != x.topic and item.title != x.title for x in top):
            top.append(item)
    return tuple(top[:count])


def demand_is_weak(a: answer.Answers) -> bool:
    """Weak evidence: no survey with at least 20 answers, or fewer than 5 committed
    founding members or letters of intent (12 residents started The Mill)."""
    respondents = _num(a, "survey_respondents") or 0
    committed = (_num(a, "founding_members") or 0) + (_num(a, "letters_of_intent") or 0)
    return not a.get("survey_done") or respondents < 20 or committed < 5


def timeline(a: answer.Answers, today: dt.date, matches: list[funding.FundingMatch],
             weak: bool, chosen: frozenset[funding.RouteId]) -> Schedule:
    """The schedule for these answers (see ``guidance.schedule``): LEADER's longer
    decision only when LEADER is chosen (``chosen``) and not ruled out."""
    leader = any(m.route.value.startswith("leader") and m.fits is not funding.Fit.NO
                 and m.route in chosen for m in matches)
    wanted = a.get("target_opening")
    return schedule(today, is_open=a.get("stage") == "open", demand_weak=weak,
                    premises_found=bool(a.get("premises_found")), works=answer.text(a, "condition"),
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


_GRANTS = frozenset({"leader_economy", "leader_community", "municipality",
                     "active_citizens_fund", "interreg_ee_lv", "interreg_lv_lt"})


def grant_risk(matches: list[funding.FundingMatch], chosen: frozenset[funding.RouteId],
               lag: LagVerdict | None) -> str | None:
    """Competition for grants, if a grant is in play: the routes chosen (all when none
    were), less those that do not fit. A group's round figures are quoted as that
    group's own only in its own territory; elsewhere they are another group's example."""
    open_grants = [m for m in matches if m.route.value in _GRANTS
                   and (not chosen or m.route.value in chosen) and m.fits is not funding.Fit.NO]
    if not open_grants:
        return None
    own = lag is not None and any(g.id == funding.LEADER_COMPETITION_GROUP for g in lag.groups)
    return "grant_competition" if own else "grant_competition_other"


def risks(a: answer.Answers, result: calc.CalcResult, weak: bool,
          grant_competition: str | None = "grant_competition") -> tuple[str, ...]:
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
    if result.bandwidth.verdict in _WEAK_BANDWIDTH:
        found.append(f"internet_{result.bandwidth.verdict}")
    if (_num(a, "core_team_size") or 0) < 2:
        found.append("small_team")
    if a.get("host_paid") in ("volunteer", "volunteer-first") or not a.get("host_hours"):
        found.append("volunteer_host")
    if result.funding.gap >= 0.5:  # whole euros, as the plan shows it
        # A council closes its own gap by budget decision, not by "council support".
        found.append("funding_gap_council" if a.get("founder_type") == "municipality"
                     else "funding_gap")
    if a.get("workshop_kinds"):
        found.append("workshop_safety")
    if grant_competition:
        found.append(grant_competition)
    return tuple(found)


def build_plan(tree: DecisionTree, answers: answer.Answers, lang: str,
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
    inputs = funding_inputs(a, first.setup.total)
    matches = funding.match_funding(inputs)
    chosen = chosen_routes(a, inputs.legal_form)
    grant = best_grant(matches, first.setup.total, chosen)
    result = calc.compute(calc_inputs(a, (grant,) if grant else (), loan_wanted(matches, chosen)))

    verdicts = {m.route.value: m.fits for m in matches}
    actions = fired_actions(tree, context, lang, verdicts)
    top = top_actions(actions)
    slug = a.get("municipality")
    muni = lookup(slug) if isinstance(slug, str) else None
    lag = territories.resolve_lag(muni.slug, lag_area(a)) if muni else None
    weak = demand_is_weak(a)
    plan_schedule = timeline(a, today, matches, weak, chosen)
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
        lag=lag,
        timeline=tasks,
        opening=opening,
        risks=risks(a, result, weak, grant_risk(matches, chosen, lag)),
        demand_weak=weak,
        missing=missing,
        interested=chosen,
        citations=Citations(tree.sources, lang),
        bridge=bridge(result, tasks, opening),
        schedule=plan_schedule,
        incubator=nearest_incubator(muni) if muni else None,
    )
