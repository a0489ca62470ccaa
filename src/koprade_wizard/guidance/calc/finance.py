"""The money as a bank or a LAG reads it: sources and uses, a 12-month cash flow
and a 3-year profit and loss in three scenarios.

Scenarios (their factors are editable defaults in ``Defaults``):

* **base** – the plan: the planned members, reached over ``ramp_months``;
* **pessimistic** – ``⌊planned × pessimistic_members_factor⌋`` members reached over
  ``pessimistic_ramp_months``, running costs × ``pessimistic_costs_factor``;
* **optimistic** – ``min(capacity, ⌈planned × optimistic_members_factor⌉)`` members
  over ``optimistic_ramp_months``.

Cash (one row a month): ``cash(0) = own money + loan + grants paid at once −
set-up``; ``cash(t) = cash(t−1) + income(t) − costs(t) + grant paid in t``, with a
grant paid after the project (LEADER) arriving in month
``grant_paid_months_after_opening``. Costs include the loan's monthly payment.

Profit and loss a year: income − running costs (without the loan payment) −
loan interest − depreciation, with depreciation ``(set-up − grants) /
depreciation_years``.
"""

from __future__ import annotations

from typing import Literal

from koprade_wizard.common.record import record
from koprade_wizard.guidance.calc.breakeven import FundingGap, members_at
from koprade_wizard.guidance.calc.capacity import Capacity
from koprade_wizard.guidance.calc.common import Budget, ceil, floor
from koprade_wizard.guidance.calc.costs import Loan, interest_in_year
from koprade_wizard.guidance.calc.inputs import Defaults
from koprade_wizard.guidance.calc.revenue import Revenue

ScenarioName = Literal["pessimistic", "base", "optimistic"]
SCENARIOS: tuple[ScenarioName, ...] = ("pessimistic", "base", "optimistic")
CASH_MONTHS = 12
PL_YEARS = 3


@record
class CashMonth:
    month: int
    members: float
    income: float
    costs: float
    grant_in: float
    cash: float  # at the end of the month


@record
class YearResult:
    year: int
    income: float
    running_costs: float
    interest: float
    depreciation: float

    @property
    def result(self) -> float:
        return self.income - self.running_costs - self.interest - self.depreciation


@record
class Scenario:
    name: ScenarioName
    members: int
    ramp_months: int
    costs_factor: float
    months: tuple[CashMonth, ...]  # month 0 (opening day) to 12
    years: tuple[YearResult, ...]

    @property
    def lowest_cash(self) -> float:
        return min(m.cash for m in self.months)


@record
class SourceLine:
    item: str  # own_money, grant, loan, missing
    amount: float
    label: str = ""  # the grant's route id
    paid_after: bool = False


@record
class UseLine:
    item: str
    amount: float  # as paid, VAT included
    vat: float  # the VAT inside ``amount``


@record
class SourcesAndUses:
    """What each euro pays for and where it comes from. Set-up prices are taken
    with VAT included; ``vat = amount × rate / (1 + rate)``. Both sides add up to
    ``total``: money the sources do not cover is the source ``missing``; money
    left over is the use ``reserve`` (for the first months)."""

    uses: tuple[UseLine, ...]
    sources: tuple[SourceLine, ...]
    total: float
    vat_total: float
    vat_rate: float


def sources_and_uses(setup: Budget, gap: FundingGap, d: Defaults) -> SourcesAndUses:
    """See ``SourcesAndUses``."""
    share = d.vat_rate / (1 + d.vat_rate)
    uses = [UseLine(x.item, x.amount, x.amount * share) for x in setup.lines if x.amount]
    sources: list[SourceLine] = []
    if gap.own_money:
        sources.append(SourceLine("own_money", gap.own_money))
    sources += [SourceLine("grant", g.amount, g.label, g.paid_after)
                for g in gap.grants if g.amount]
    if gap.loans:
        sources.append(SourceLine("loan", gap.loans))
    if gap.gap > 0:
        sources.append(SourceLine("missing", gap.gap))
    elif gap.gap < 0:
        uses.append(UseLine("reserve", -gap.gap, 0.0))  # not spent: no VAT in it
    return SourcesAndUses(tuple(uses), tuple(sources), sum(u.amount for u in uses),
                          sum(u.vat for u in uses), d.vat_rate)


def _scenario(name: ScenarioName, members: int, ramp: int, costs_factor: float,
              cap: Capacity, rev: Revenue, monthly: Budget, gap: FundingGap,
              loan: Loan | None, d: Defaults, start: float) -> Scenario:
    payment = loan.monthly_payment if loan else 0.0
    running = (monthly.total - payment) * costs_factor
    cash = -gap.gap - gap.bridge
    months = [CashMonth(0, start, 0.0, 0.0, 0.0, cash)]
    for t in range(1, max(CASH_MONTHS, PL_YEARS * 12) + 1):
        people = members_at(t, members, ramp, start)
        income = people * rev.net_per_member
        grant_in = gap.bridge if t == d.grant_paid_months_after_opening else 0.0
        cash += income - running - payment + grant_in
        months.append(CashMonth(t, people, income, running + payment, grant_in, cash))
    depreciation = gap.depreciable / d.depreciation_years if d.depreciation_years else 0.0
    years = tuple(
        YearResult(
            y,
            sum(m.income for m in months[(y - 1) * 12 + 1: y * 12 + 1]),
            running * 12,
            interest_in_year(loan, y) if loan else 0.0,
            depreciation if y <= d.depreciation_years else 0.0,
        )
        for y in range(1, PL_YEARS + 1)
    )
    return Scenario(name, members, ramp, costs_factor, tuple(months[:CASH_MONTHS + 1]), years)


def scenarios(cap: Capacity, rev: Revenue, monthly: Budget, gap: FundingGap,
              loan: Loan | None, d: Defaults, start: float = 0.0) -> tuple[Scenario, ...]:
    """The three scenarios of this module's docstring, pessimistic first."""
    planned = cap.target_members
    low = max(floor(planned * d.pessimistic_members_factor), floor(start))
    high = max(min(cap.member_capacity, ceil(planned * d.optimistic_members_factor)), planned)
    args = (cap, rev, monthly, gap, loan, d, start)
    return (
        _scenario("pessimistic", low, d.pessimistic_ramp_months, d.pessimistic_costs_factor,
                  *args),
        _scenario("base", planned, d.ramp_months, 1.0, *args),
        _scenario("optimistic", high, d.optimistic_ramp_months, 1.0, *args),
    )
