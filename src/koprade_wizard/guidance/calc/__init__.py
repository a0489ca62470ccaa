"""Pure calculations for the plan: capacity, set-up budget, monthly costs, revenue,
break-even, funding gap, bandwidth, cash flow and scenarios.

The founder's figures and the defaults they replace are in ``inputs.py``; each
module's docstrings write out its formulas so that a reader can redo the sums by
hand. Money is kept exact (floats, no rounding between steps); ``euros()`` rounds a
figure to whole euros for display. Prices are what members pay; see ``Revenue``
for VAT.
"""

from __future__ import annotations

from koprade_wizard.common.record import record
from koprade_wizard.guidance.calc.bandwidth import Bandwidth, bandwidth
from koprade_wizard.guidance.calc.breakeven import (
    BreakEven,
    FundingGap,
    GrantResult,
    MonthPoint,
    break_even,
    cash_flow,
    funding_gap,
    members_at,
)
from koprade_wizard.guidance.calc.capacity import (
    Capacity,
    area_for_desks,
    capacity,
    desk_zone_per_desk,
    desks_for_area,
)
from koprade_wizard.guidance.calc.common import Budget, Line, euros
from koprade_wizard.guidance.calc.costs import (
    Loan,
    annuity,
    monthly_costs,
    setup_budget,
    start_loan,
)
from koprade_wizard.guidance.calc.finance import (
    SCENARIOS,
    Scenario,
    SourcesAndUses,
    scenarios,
    sources_and_uses,
)
from koprade_wizard.guidance.calc.inputs import (
    ACCEPTED,
    DEFAULT_SOURCES,
    DEFAULTS,
    FOUNDER,
    OPEN,
    TIERS,
    WORKSHOP_FIELD,
    CalcInputs,
    Defaults,
    Furniture,
    GrantInput,
    Premises,
    Works,
    Workshop,
    members_per_flex_desk,
    resolve,
    weak_defaults,
)
from koprade_wizard.guidance.calc.revenue import (
    Mix,
    Revenue,
    Tier,
    desk_need_per_member,
    membership_mix,
    revenue,
)

__all__ = [
    "ACCEPTED", "DEFAULTS", "DEFAULT_SOURCES", "FOUNDER", "OPEN", "SCENARIOS", "TIERS",
    "WORKSHOP_FIELD", "Bandwidth", "BreakEven", "Budget", "CalcInputs", "CalcResult",
    "Capacity", "Defaults", "FundingGap", "Furniture", "GrantInput", "GrantResult", "Line",
    "Loan", "Mix", "MonthPoint", "Premises", "Revenue", "Scenario", "SourcesAndUses", "Tier",
    "Works", "Workshop", "annuity", "area_for_desks", "bandwidth", "break_even", "capacity",
    "cash_flow", "compute", "desk_need_per_member", "desk_zone_per_desk", "desks_for_area",
    "euros", "funding_gap", "members_at", "members_per_flex_desk", "membership_mix",
    "monthly_costs", "resolve", "revenue", "scenarios", "setup_budget", "sources_and_uses",
    "start_loan", "weak_defaults",
]


@record
class CalcResult:
    """Everything the plan shows, computed from one set of inputs."""

    figures: Defaults  # the defaults with the founder's figures in place
    capacity: Capacity
    setup: Budget
    monthly: Budget
    revenue: Revenue
    funding: FundingGap
    loan: Loan | None
    break_even: BreakEven
    bandwidth: Bandwidth
    cash_flow: tuple[MonthPoint, ...]
    scenarios: tuple[Scenario, ...]
    sources_and_uses: SourcesAndUses


def compute(inputs: CalcInputs, defaults: Defaults = DEFAULTS) -> CalcResult:
    """Run every calculation; founder figures win over ``defaults``.

    A loan (``loan_wanted``) covers what grants and own money leave open; its
    monthly payment is part of the monthly costs, so break-even counts it.
    """
    d = resolve(inputs, defaults)
    mix = membership_mix(inputs, d)
    cap = capacity(inputs, d, desk_need_per_member(mix, d), defaults)
    setup = setup_budget(inputs, d, cap)
    loan = None
    if inputs.loan_wanted and inputs.loans_eur is None:
        before = funding_gap(inputs, setup.total)
        loan = start_loan(before.gap, d, project=max(0.0, setup.total - before.grants_total))
    # The start loan's payments are among the monthly costs: the space earns it back there.
    gap = funding_gap(inputs, setup.total, loan.amount if loan else None,
                      repaid=loan.amount if loan else 0.0)
    monthly = monthly_costs(inputs, d, cap, loan)
    rev = revenue(inputs, d, mix, cap.target_members)
    start = inputs.start_members or 0.0
    be = break_even(cap, rev, monthly.total, gap, d, start)
    series = cash_flow(d.chart_months, cap.target_members, rev.net_per_member, monthly.total,
                       gap.to_recover, d.ramp_months, start)
    return CalcResult(d, cap, setup, monthly, rev, gap, loan, be, bandwidth(inputs, d, cap),
                      series, scenarios(cap, rev, monthly, gap, loan, d, start),
                      sources_and_uses(setup, gap, d))
