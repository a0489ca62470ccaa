"""The funding gap, break-even (told in whole members) and the cumulative result."""

from __future__ import annotations

from koprade_wizard.common.record import record
from koprade_wizard.guidance.calc.capacity import Capacity
from koprade_wizard.guidance.calc.common import EPS, ceil
from koprade_wizard.guidance.calc.inputs import CalcInputs, Defaults
from koprade_wizard.guidance.calc.revenue import Revenue


@record
class GrantResult:
    label: str
    eligible_cost: float
    rate: float
    max_amount: float | None
    amount: float
    own_share: float  # eligible cost the grant leaves to you
    paid_after: bool = False


@record
class FundingGap:
    """``gap = set-up − grants − own money − loans``; above 0 money is missing,
    below 0 there is a reserve. ``to_recover = max(0, set-up − grants − repaid)`` is
    the money the space must earn back, where ``repaid`` is a loan whose payments
    are among the monthly costs (the start loan): counting it here as well would
    count it twice. ``depreciable = max(0, set-up − grants)`` is what the space's
    own accounts write off, whoever lent it."""

    setup_total: float
    grants: tuple[GrantResult, ...]
    grants_total: float
    to_recover: float
    depreciable: float
    own_money: float
    loans: float
    gap: float

    @property
    def bridge(self) -> float:
        """Grant money paid only after the project: the founder pays it first."""
        return sum((g.amount for g in self.grants if g.paid_after), 0.0)


def grant_results(inputs: CalcInputs, setup_total: float) -> tuple[GrantResult, ...]:
    """Each grant: ``amount = min(eligible × rate, max)``, its own share
    ``eligible − amount``. Example: €20,000 eligible at 50 % capped at €8,000 →
    grant €8,000, own share €12,000."""
    results = []
    for g in inputs.grants:
        eligible = setup_total if g.eligible_cost is None else min(g.eligible_cost, setup_total)
        amount = eligible * g.rate
        if g.max_amount is not None:
            amount = min(amount, g.max_amount)
        results.append(GrantResult(g.label, eligible, g.rate, g.max_amount, amount,
                                   eligible - amount, g.paid_after))
    return tuple(results)


def funding_gap(inputs: CalcInputs, setup_total: float, loans: float | None = None,
                repaid: float = 0.0) -> FundingGap:
    """See ``FundingGap`` and ``grant_results``; ``loans`` defaults to the founder's
    own figure; ``repaid`` is the part of them paid back within the monthly costs."""
    results = grant_results(inputs, setup_total)
    grants_total = sum((r.amount for r in results), 0.0)
    own = inputs.own_money_eur or 0.0
    loan = (inputs.loans_eur or 0.0) if loans is None else loans
    return FundingGap(
        setup_total=setup_total,
        grants=results,
        grants_total=grants_total,
        to_recover=max(0.0, setup_total - grants_total - repaid),
        depreciable=max(0.0, setup_total - grants_total),
        own_money=own,
        loans=loan,
        gap=setup_total - grants_total - own - loan,
    )


@record
class MonthPoint:
    """One month of the cash-flow chart; month 0 is opening day."""

    month: int
    members: float
    revenue: float
    costs: float
    result: float
    cumulative: float


@record
class BreakEven:
    """When income covers costs, and when the set-up money is earned back.

    * ``members_needed = ⌈costs / net revenue per member⌉`` (``None`` if members
      bring no revenue), against ``members_planned`` (the capacity's target);
      ``occupancy = members_needed × n / desks`` (share of desks in use); it
      ``fits`` when at most 100 %; ``reachable`` when that many members fit and are
      planned.
    * What it would take at the planned members: a revenue a member a month of
      ``costs / planned`` (``price_to_cover``) and ``(costs + to_recover / M) /
      planned`` to also earn the set-up back in ``M = chart_months`` (36) months
      (``price_to_recover``),
      both as members pay (VAT added back when registered); at today's prices,
      ``members_to_recover = ⌈(costs + to_recover / M) / net⌉``.
    * During the ramp-up ``members(t) = s + (planned − s) × min(t, N) / N`` with
      ``s`` the members already there (0 for a new space); ``result(t) =
      members(t) × net − costs``; ``cumulative(0) = −to_recover`` and
      ``cumulative(t) = cumulative(t−1) + result(t)``. ``months_to_recover`` is
      the first month with ``cumulative ≥ 0`` within ``horizon_months``, else
      ``None``.
    """

    members_needed: int | None
    members_needed_exact: float | None
    members_planned: int
    member_capacity: int
    occupancy: float | None
    fits: bool
    reachable: bool
    price_to_cover: float | None
    price_to_recover: float | None
    members_to_recover: int | None
    recover_months: int
    months_to_operating_break_even: int | None
    months_to_recover: int | None
    horizon_months: int
    ramp_months: int

    @property
    def covered_as_planned(self) -> bool:
        return self.members_needed is not None and self.members_needed <= self.members_planned


def members_at(month: int, target: float, ramp_months: int, start: float = 0.0) -> float:
    """Linear ramp: ``start + (target − start) × min(month, N) / N``; ``N = 0`` means
    the target from month 1. ``start`` is who is already there (0 for a new space)."""
    if month <= 0:
        return start
    if ramp_months <= 0:
        return target
    return start + (target - start) * min(month, ramp_months) / ramp_months


def cash_flow(months: int, target: float, net_per_member: float, costs: float,
              to_recover: float, ramp_months: int,
              start: float = 0.0) -> tuple[MonthPoint, ...]:
    """Month 0 to ``months``: see ``BreakEven`` for the sums."""
    points = [MonthPoint(0, start, 0.0, 0.0, 0.0, -to_recover)]
    cumulative = -to_recover
    for t in range(1, months + 1):
        members = members_at(t, target, ramp_months, start)
        income = members * net_per_member
        result = income - costs
        cumulative += result
        points.append(MonthPoint(t, members, income, costs, result, cumulative))
    return tuple(points)


def break_even(cap: Capacity, rev: Revenue, costs: float, gap: FundingGap,
               d: Defaults, start: float = 0.0) -> BreakEven:
    """See ``BreakEven``."""
    net = rev.net_per_member
    exact = costs / net if net > EPS else None
    needed = None if exact is None else max(ceil(exact), 0)
    occupancy = None
    if needed is not None and cap.desks > 0:
        occupancy = needed * cap.desk_need_per_member / cap.desks
    fits = needed is not None and needed <= cap.member_capacity
    planned = cap.target_members
    reachable = fits and needed is not None and needed <= planned
    monthly_recovery = gap.to_recover / d.chart_months
    to_cover = rev.gross_from_net(costs / planned) if planned > 0 else None
    to_recover = rev.gross_from_net((costs + monthly_recovery) / planned) if planned > 0 else None
    members_recover = None if exact is None else ceil((costs + monthly_recovery) / net)
    series = cash_flow(d.horizon_months, planned, net, costs, gap.to_recover, d.ramp_months,
                       start)
    operating = next((p.month for p in series[1:] if p.result >= -EPS), None)
    recover = next((p.month for p in series if p.cumulative >= -EPS), None)
    return BreakEven(needed, exact, planned, cap.member_capacity, occupancy, fits, reachable,
                     to_cover, to_recover, members_recover, d.chart_months, operating, recover,
                     d.horizon_months, d.ramp_months)
