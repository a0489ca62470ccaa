"""What must hold in every plan's money and actions, whoever the founder is.

Called by the property test over random valid answer sets, and by the example
tests, so that a hand-picked founder and a generated one are held to the same bar.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from koprade_wizard.guidance import calc, funding
from koprade_wizard.guidance.funding_routes import own_share_cap
from koprade_wizard.i18n import formatting
from koprade_wizard.i18n.messages import t
from koprade_wizard.plan.data import PlanData
from koprade_wizard.plan.money import chosen_routes

EPS = 1e-6


def _sections(markdown: str) -> dict[int, str]:
    """The plan's ``## `` sections by position (0: the first after the title)."""
    parts = re.split(r"^## ", markdown, flags=re.M)[1:]
    return dict(enumerate(parts))


def check_prices(plan: PlanData) -> None:
    """Prices within the answers: the founder's own price as given; any other
    monthly price at most what members said they would pay."""
    a: Mapping[str, Any] = plan.answers
    accepted = a.get("accepted_monthly_price")
    for tier in plan.calc.revenue.mix.tiers:
        own = a.get(f"price_{tier.item}")
        if tier.source_id == calc.FOUNDER:
            assert own is not None and tier.price == own, tier
        else:
            assert own is None, tier
            if accepted is not None:
                assert tier.price * tier.units <= accepted + EPS, (tier, accepted)
        if tier.item == "private_office":
            assert a.get("layout") in ("separate-rooms", "mixed"), "an office in an open plan"
    if a.get("price_hot_desk") == 0:
        assert all(t.source_id == calc.FOUNDER for t in plan.calc.revenue.mix.tiers)


def check_chosen_costs(plan: PlanData) -> None:
    """Donated or existing furniture and equipment not chosen cost nothing."""
    a = plan.answers
    if plan.calc.setup.founder_total:
        return
    lines = {x.item: x.amount for x in plan.calc.setup.lines}
    equipment = a.get("equipment") or []
    if a.get("furniture") in ("donated", "have"):
        assert lines["furniture"] == 0
    if "meeting-room" not in equipment:
        assert lines["meeting_rooms"] == 0
        assert plan.calc.revenue.mix.meeting is None
    if "quiet-zone" not in equipment:
        assert lines["phone_booths"] == 0
    for item in ("printer", "kitchen"):
        if item not in equipment:
            assert lines[item] == 0


def check_break_even(plan: PlanData, markdown: str) -> None:
    """Whole members; more than 100 % occupancy is "does not fit"; the summary and
    the budget show the same figures; the chart draws the cash flow."""
    be = plan.calc.break_even
    cap = plan.calc.capacity
    assert isinstance(be.members_planned, int) and be.members_planned == cap.target_members
    assert isinstance(cap.member_capacity, int)
    assert cap.peak_users == int(cap.peak_users)
    if be.members_needed is not None:
        assert isinstance(be.members_needed, int)
        assert be.members_needed >= (be.members_needed_exact or 0) - EPS
        assert be.fits == (be.members_needed <= cap.member_capacity)
        if be.occupancy is not None and be.occupancy > 1 + EPS:
            assert not be.fits
        if be.reachable:
            assert be.members_needed <= be.members_planned
            assert be.months_to_operating_break_even is not None
    sections = _sections(markdown)
    heading = t("h_onepager", plan.lang)
    summary = next(v for v in sections.values() if v.startswith(heading))
    budget = next(v for v in sections.values() if "xychart-beta" in v)
    lang = plan.lang
    if be.members_needed is not None:
        for text in (summary, budget):
            assert formatting.number(be.members_needed, lang) in text
        assert formatting.number(be.members_planned, lang) in budget
    chart = re.search(r"line \[(.*)\]", budget)
    assert chart is not None
    assert [int(v) for v in chart.group(1).split(", ")] == \
        [round(p.cumulative) for p in plan.calc.cash_flow[::3]]


def check_funding(plan: PlanData) -> None:
    """The gap counts only routes the founder chose whose verdict is not *no*; a
    set-up of €0 has no grant."""
    chosen = chosen_routes(plan.answers)
    verdicts = {m.route.value: m.fits for m in plan.funding}
    for grant in plan.calc.funding.grants:
        assert funding.RouteId(grant.label) in chosen
        assert verdicts[grant.label] is not funding.Fit.NO
    if plan.calc.setup.total <= 0:
        assert plan.calc.funding.grants_total == 0
    su = plan.calc.sources_and_uses
    assert abs(sum(x.amount for x in su.sources) - su.total) < 0.01
    assert abs(sum(x.amount for x in su.uses) - su.total) < 0.01


def check_actions(plan: PlanData) -> None:
    """No duplicate steps, no two top steps of one topic; a space that is open is not
    told to set up."""
    ids = [x.id for x in plan.actions]
    assert len(ids) == len(set(ids))
    titles = [x.title for x in plan.top_actions]
    assert len(titles) == len(set(titles))
    # Near-the-same advice shares a topic: never two top steps of one topic.
    topics = [x.topic for x in plan.top_actions]
    assert len(topics) == len(set(topics)), topics
    if plan.answers.get("stage") == "open":
        assert not {"check-the-lease", "volunteer-work-days", "open-coworking-days",
                    "take-pre-bookings", "basic-equipment", "pre-payment-campaign",
                    "find-co-founder", "insurance", "no-long-lease-yet",
                    "founding-member-threshold", "council-use-agreement"} & set(ids)
        # What it has is not bought anew: only the works still to do cost money.
        if not plan.calc.setup.founder_total:
            assert all(x.amount == 0 for x in plan.calc.setup.lines if x.item != "fit_out")


_MARKER = re.compile(r"^\s*(?:[-*]|\d+\.)\s+")


def check_said_once(markdown: str) -> None:
    """No paragraph, list item or table row of 100 characters or more appears twice."""
    seen: set[str] = set()
    fenced = False
    for line in markdown.splitlines():
        if line.startswith("```"):
            fenced = not fenced
            continue
        text = _MARKER.sub("", line).strip()
        if fenced or len(text) < 100:
            continue
        assert text not in seen, f"said twice: {text}"
        seen.add(text)


def check_money_counted_once(plan: PlanData, markdown: str) -> None:
    """A loan is repaid within the monthly costs, so the money the space must earn
    back leaves it out (else the chart would count its principal twice); the reserve
    sentence speaks of a reserve only where one is left."""
    gap = plan.calc.funding
    repaid = plan.calc.loan.amount if plan.calc.loan else 0.0  # its payments are costs
    assert gap.to_recover == max(0.0, gap.setup_total - gap.grants_total - repaid)
    assert gap.depreciable == max(0.0, gap.setup_total - gap.grants_total)
    assert plan.calc.cash_flow[0].cumulative == -gap.to_recover
    loan_lines = [x.amount for x in plan.calc.monthly.lines if x.item == "loan"]
    assert loan_lines == ([plan.calc.loan.monthly_payment] if plan.calc.loan else [])
    loan = plan.calc.loan
    if loan is not None:  # ALTUM's own-share rule, unless its smallest loan is all it lends
        assert loan.amount <= max(own_share_cap(loan.project), loan.min_amount or 0) + EPS
        estimate = next(m.support_estimate for m in plan.funding
                        if m.route is funding.RouteId.ALTUM_START)
        if estimate is not None and not gap.grants:
            assert estimate == (loan.amount, loan.amount), "the route and the budget agree"
    reserve = t("gap_reserve_text", plan.lang)
    if gap.gap > -0.5:
        assert reserve not in markdown, "a reserve is promised where none is left"
    elif plan.calc.setup.total > 0:
        assert reserve in markdown


def check_all(plan: PlanData, markdown: str) -> None:
    check_prices(plan)
    check_chosen_costs(plan)
    check_break_even(plan, markdown)
    check_funding(plan)
    check_money_counted_once(plan, markdown)
    check_actions(plan)
    check_said_once(markdown)
