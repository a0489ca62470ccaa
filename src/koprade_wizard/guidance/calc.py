"""Pure calculations for the plan: capacity, set-up budget, monthly costs, revenue,
break-even, funding gap, bandwidth and a cash-flow series.

The founder's figures and the defaults they replace are in ``calc_inputs.py``.

Money is kept exact (floats, no rounding between steps); ``euros()`` rounds a
figure to whole euros for display. Prices are what members pay; see ``Revenue``
for VAT. Each function's docstring writes out its formula so that a reader can
redo the sums by hand.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from koprade_wizard.common.record import record
from koprade_wizard.guidance.calc_inputs import (  # re-exported: the calculations' inputs
    DEFAULT_SOURCES,
    DEFAULTS,
    FOUNDER,
    WORKSHOP_FIELD,
    CalcInputs,
    Defaults,
    GrantInput,
    Premises,
    Works,
    Workshop,
    resolve,
    weak_defaults,
)

__all__ = [
    "DEFAULTS",
    "DEFAULT_SOURCES",
    "FOUNDER",
    "CalcInputs",
    "CalcResult",
    "Defaults",
    "GrantInput",
    "Premises",
    "Works",
    "Workshop",
    "compute",
    "euros",
    "resolve",
    "weak_defaults",
]

# Floors and ceilings of ratios are taken with this slack so that 150 / 10.5 and
# similar sums that are whole on paper are not lost to binary rounding.
_EPS = 1e-9


def euros(amount: float) -> int:
    """``amount`` rounded to whole euros, halves away from zero (12.5 → 13)."""
    return int(Decimal(repr(amount)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _floor(x: float) -> int:
    return math.floor(x + _EPS)


def _ceil(x: float) -> int:
    return math.ceil(x - _EPS)


# --------------------------------------------------------------------------- capacity


@record
class Capacity:
    """Desks, rooms and members the space can hold.

    ``desk_need_per_member`` is how much of one desk an average member uses; the
    space can carry ``member_capacity`` members and plans for ``target_members``.
    ``desks_fit`` is ``None`` unless both an area and a desired desk count were given.
    """

    area_m2: float
    desks: int
    desks_from_area: int | None
    area_needed_m2: float | None
    desks_fit: bool | None
    common_area_m2: float
    desk_zone_m2: float
    desk_zone_m2_per_desk: float
    desk_need_per_member: float
    member_capacity: int
    target_members: float
    meeting_rooms: int
    peak_users: float
    phone_booths: int


def desk_zone_per_desk(d: Defaults, base: Defaults = DEFAULTS) -> float:
    """Floor a desk needs in the desk zone: ``z = m2_per_desk × (1 − c₀)``.

    ``m2_per_desk`` counts all floor at the typical common share ``c₀`` (the
    default, 25 %), so the desk zone alone is 14 × 0.75 = 10.5 m² per desk.
    """
    return d.m2_per_desk * (1 - base.common_share)


def desks_for_area(area_m2: float, d: Defaults, base: Defaults = DEFAULTS) -> int:
    """``desks = ⌊area × (1 − c) / z⌋`` with ``c`` the common share.

    Example: 200 m², c = 25 %, z = 10.5 → ⌊150 / 10.5⌋ = ⌊14.29⌋ = 14 desks; with
    c = 40 % → ⌊120 / 10.5⌋ = 11.
    """
    return _floor(area_m2 * (1 - d.common_share) / desk_zone_per_desk(d, base))


def area_for_desks(desks: int, d: Defaults, base: Defaults = DEFAULTS) -> float:
    """``area = desks × z / (1 − c)``; 20 desks at the defaults → 20 × 14 = 280 m²."""
    return desks * desk_zone_per_desk(d, base) / (1 - d.common_share)


def desk_need_per_member(d: Defaults) -> float:
    """``n = (s_dedicated + s_office) + (s_hot + s_day) / k`` (shares scaled to 1).

    Dedicated-desk and private-office members each hold a desk; hot-desk and
    day-pass members share, ``k`` members to a flex desk. Defaults: 0.3 + 0.7 / 2.5
    = 0.58 of a desk per member.
    """
    total = d.share_day_pass + d.share_hot_desk + d.share_dedicated_desk + d.share_private_office
    fixed = (d.share_dedicated_desk + d.share_private_office) / total
    flex = (d.share_hot_desk + d.share_day_pass) / total
    return fixed + flex / d.members_per_flex_desk


def capacity(inputs: CalcInputs, d: Defaults, base: Defaults = DEFAULTS) -> Capacity:
    """Desks from area or area from desks, then members, rooms and booths.

    * ``member_capacity = ⌊desks / n⌋``; ``target = founder's figure or
      capacity × target_occupancy``, and never below the members already there;
    * ``meeting_rooms = ⌈target / members_per_meeting_room⌉``;
    * ``peak_users = min(desks, target × peak_share)``;
      ``phone_booths = ⌈peak_users / peak_users_per_phone_booth⌉``.
    """
    from_area = desks_for_area(inputs.area_m2, d, base) if inputs.area_m2 is not None else None
    needed = (
        area_for_desks(inputs.desired_desks, d, base) if inputs.desired_desks is not None else None
    )
    desks = inputs.desired_desks if inputs.desired_desks is not None else (from_area or 0)
    area = inputs.area_m2 if inputs.area_m2 is not None else (needed or 0.0)
    fit = None
    if inputs.area_m2 is not None and inputs.desired_desks is not None:
        fit = inputs.desired_desks <= (from_area or 0)
    need = desk_need_per_member(d)
    member_capacity = _floor(desks / need)
    target = (
        inputs.target_members
        if inputs.target_members is not None
        else member_capacity * d.target_occupancy
    )
    # An open space plans for at least the members it already has.
    target = max(target, inputs.start_members or 0.0)
    peak = min(float(desks), target * d.peak_share)
    return Capacity(
        area_m2=area,
        desks=desks,
        desks_from_area=from_area,
        area_needed_m2=needed,
        desks_fit=fit,
        common_area_m2=area * d.common_share,
        desk_zone_m2=area * (1 - d.common_share),
        desk_zone_m2_per_desk=desk_zone_per_desk(d, base),
        desk_need_per_member=need,
        member_capacity=member_capacity,
        target_members=target,
        meeting_rooms=_ceil(target / d.members_per_meeting_room),
        peak_users=peak,
        phone_booths=_ceil(peak / d.peak_users_per_phone_booth),
    )


# ------------------------------------------------------------------- money: lines


@record
class Line:
    """One line of a budget: ``item`` is a code the templates translate;
    ``source_id`` is a key of ``sources.SOURCES`` or ``FOUNDER``."""

    item: str
    amount: float
    source_id: str


@record
class Budget:
    lines: tuple[Line, ...]
    total: float
    founder_total: bool  # the founder gave the total; the lines are then just that total


def _source(inputs: CalcInputs, name: str) -> str:
    """``FOUNDER`` if the founder gave the figure ``name``, else its default's source."""
    return FOUNDER if getattr(inputs, name, None) is not None else DEFAULT_SOURCES[name]


def setup_budget(inputs: CalcInputs, d: Defaults, cap: Capacity) -> Budget:
    """Set-up cost, item by item:

    fit-out = area × €/m² for the works level (0 / cosmetic / major, or the
    founder's own €/m²); furniture = desks × €/desk; IT = desks × €/desk + network
    installation + printer; meeting rooms × kit; phone booths × booth; kitchen;
    one set per workshop kind chosen; other (signage, lockers, launch).
    """
    if inputs.setup_budget_eur is not None:
        total = inputs.setup_budget_eur
        return Budget((Line("founder_total", total, FOUNDER),), total, True)
    if inputs.fit_out_eur_per_m2 is not None:
        fit_rate, fit_src = inputs.fit_out_eur_per_m2, FOUNDER
    elif d.works is Works.NONE:
        fit_rate, fit_src = 0.0, _source(inputs, "works")
    else:
        name = f"fit_out_{d.works.value}_eur_per_m2"
        fit_rate, fit_src = getattr(d, name), DEFAULT_SOURCES[name]

    def line(item: str, amount: float, name: str) -> Line:
        return Line(item, amount, _source(inputs, name))

    lines = [
        Line("fit_out", cap.area_m2 * fit_rate, fit_src),
        line("furniture", cap.desks * d.furniture_eur_per_desk, "furniture_eur_per_desk"),
        line("it", cap.desks * d.it_eur_per_desk, "it_eur_per_desk"),
        line("network", d.network_installation_eur, "network_installation_eur"),
        line("printer", d.printer_eur, "printer_eur"),
        line("meeting_rooms", cap.meeting_rooms * d.meeting_room_kit_eur, "meeting_room_kit_eur"),
        line("phone_booths", cap.phone_booths * d.phone_booth_eur, "phone_booth_eur"),
        line("kitchen", d.kitchen_eur, "kitchen_eur"),
    ]
    for kind in dict.fromkeys(inputs.workshops):
        name = WORKSHOP_FIELD[kind]
        lines.append(Line(f"workshop_{kind.value}", getattr(d, name), DEFAULT_SOURCES[name]))
    lines.append(line("other", d.other_setup_eur, "other_setup_eur"))
    return Budget(tuple(lines), sum(item.amount for item in lines), False)


def monthly_costs(inputs: CalcInputs, d: Defaults, cap: Capacity) -> Budget:
    """Running cost a month:

    rent = area × €/m² (0 if the council offers the premises or you own them);
    utilities = area × €/m²; internet; host = hours a week × 52 / 12 × €/hour;
    insurance; cleaning = area × €/m²; other.
    """
    if inputs.monthly_costs_eur is not None:
        total = inputs.monthly_costs_eur
        return Budget((Line("founder_total", total, FOUNDER),), total, True)
    rented = d.premises is Premises.RENTED

    def line(item: str, amount: float, name: str) -> Line:
        return Line(item, amount, _source(inputs, name))

    host = d.host_hours_per_week * 52 / 12 * d.host_eur_per_hour
    lines = (
        line("rent", cap.area_m2 * d.rent_eur_per_m2 if rented else 0.0,
             "rent_eur_per_m2" if rented else "premises"),
        line("utilities", cap.area_m2 * d.utilities_eur_per_m2, "utilities_eur_per_m2"),
        line("internet", d.internet_eur_month, "internet_eur_month"),
        line("host", host, "host_eur_per_hour"),
        line("insurance", d.insurance_eur_month, "insurance_eur_month"),
        line("cleaning", cap.area_m2 * d.cleaning_eur_per_m2, "cleaning_eur_per_m2"),
        line("other", d.other_eur_month, "other_eur_month"),
    )
    return Budget(lines, sum(item.amount for item in lines), False)


# ------------------------------------------------------------------------ revenue


@record
class Revenue:
    """Revenue per member a month, from the membership mix.

    ``gross_per_member = Σ share × price`` (day-pass members buy
    ``day_passes_per_month`` passes) ``+ meeting hours × hourly price``. Prices
    are what members pay. A VAT-registered operator keeps ``gross / (1 + VAT)``
    and passes the rest to the State Revenue Service; one that is not registered
    charges no VAT and keeps the whole price. Costs are taken as paid (input VAT
    is not reclaimed here, which errs on the safe side).
    """

    lines: tuple[Line, ...]  # per member a month, gross
    gross_per_member: float
    net_per_member: float
    vat_registered: bool
    vat_rate: float
    at_target: float  # net a month with the target number of members


def revenue(inputs: CalcInputs, d: Defaults, cap: Capacity) -> Revenue:
    """See ``Revenue``. Defaults: 0.2 × 3 × 8 + 0.5 × 60 + 0.2 × 120 + 0.1 × 200
    + 0.75 × 10 = 4.8 + 30 + 24 + 20 + 7.5 = €86.30 a member a month."""
    total = d.share_day_pass + d.share_hot_desk + d.share_dedicated_desk + d.share_private_office

    def line(item: str, amount: float, name: str) -> Line:
        return Line(item, amount, _source(inputs, name))

    day = d.share_day_pass / total * d.day_passes_per_month * d.price_day_pass
    lines = (
        line("day_pass", day, "price_day_pass"),
        line("hot_desk", d.share_hot_desk / total * d.price_hot_desk, "price_hot_desk"),
        line("dedicated_desk", d.share_dedicated_desk / total * d.price_dedicated_desk,
             "price_dedicated_desk"),
        line("private_office", d.share_private_office / total * d.price_private_office,
             "price_private_office"),
        line("meeting_room", d.meeting_hours_per_member_month * d.price_meeting_room_hour,
             "price_meeting_room_hour"),
    )
    gross = sum(line.amount for line in lines)
    net = gross / (1 + d.vat_rate) if inputs.vat_registered else gross
    return Revenue(lines, gross, net, inputs.vat_registered, d.vat_rate, net * cap.target_members)


# ---------------------------------------------------------------- funding gap


@record
class GrantResult:
    label: str
    eligible_cost: float
    rate: float
    max_amount: float | None
    amount: float
    own_share: float  # eligible cost the grant leaves to you


@record
class FundingGap:
    """``gap = set-up − grants − own money − loans``; above 0 money is missing,
    below 0 there is a reserve. ``to_recover = max(0, set-up − grants)`` is what
    the founders and lenders put in and the space must earn back."""

    setup_total: float
    grants: tuple[GrantResult, ...]
    grants_total: float
    to_recover: float
    own_money: float
    loans: float
    gap: float


def funding_gap(inputs: CalcInputs, setup_total: float) -> FundingGap:
    """Each grant: ``amount = min(eligible × rate, max)``, its own share
    ``eligible − amount``. Example: €20,000 eligible at 50 % capped at €8,000 →
    grant €8,000, own share €12,000."""
    results = []
    for g in inputs.grants:
        eligible = setup_total if g.eligible_cost is None else g.eligible_cost
        amount = eligible * g.rate
        if g.max_amount is not None:
            amount = min(amount, g.max_amount)
        results.append(GrantResult(g.label, eligible, g.rate, g.max_amount, amount,
                                   eligible - amount))
    grants_total = sum((r.amount for r in results), 0.0)
    own = inputs.own_money_eur or 0.0
    loans = inputs.loans_eur or 0.0
    return FundingGap(
        setup_total=setup_total,
        grants=tuple(results),
        grants_total=grants_total,
        to_recover=max(0.0, setup_total - grants_total),
        own_money=own,
        loans=loans,
        gap=setup_total - grants_total - own - loans,
    )


# -------------------------------------------------------------- break-even and cash


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

    ``members_needed = ⌈costs / net revenue per member⌉`` (``None`` if members
    bring no revenue); ``occupancy = members_needed × n / desks`` (share of desks
    in use); ``reachable`` says whether that many members fit. During the ramp-up
    ``members(t) = s + (target − s) × min(t, N) / N`` with ``s`` the members already
    there (0 for a new space); ``result(t) = members(t) × net − costs``;
    ``cumulative(0) = −to_recover`` and ``cumulative(t) = cumulative(t−1) + result(t)``.
    ``months_to_recover`` is the first month with ``cumulative ≥ 0`` within
    ``horizon_months``, else ``None`` (not within the horizon).
    """

    members_needed: int | None
    members_needed_exact: float | None
    occupancy: float | None
    reachable: bool
    months_to_operating_break_even: int | None
    months_to_recover: int | None
    horizon_months: int
    ramp_months: int


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
    exact = costs / rev.net_per_member if rev.net_per_member > 0 else None
    needed = None if exact is None else _ceil(exact)
    occupancy = None
    if needed is not None and cap.desks > 0:
        occupancy = needed * cap.desk_need_per_member / cap.desks
    reachable = needed is not None and needed <= cap.member_capacity
    series = cash_flow(d.horizon_months, cap.target_members, rev.net_per_member, costs,
                       gap.to_recover, d.ramp_months, start)
    operating = next((p.month for p in series[1:] if p.result >= -_EPS), None)
    recover = next((p.month for p in series if p.cumulative >= -_EPS), None)
    return BreakEven(needed, exact, occupancy, reachable, operating, recover,
                     d.horizon_months, d.ramp_months)


# ------------------------------------------------------------------------ bandwidth


@record
class Bandwidth:
    """Internet the space needs at its busiest.

    ``users = ⌈peak_users⌉``; needed download ``users × 5…10`` Mbit/s, upload
    ``users × 1…4``. Verdict: ``enough`` if the stated speeds reach the upper
    figures, ``tight`` if they reach the lower ones, ``short`` below that,
    ``unknown`` if not stated. ``video_calls`` is how many calls of ~4 Mbit/s the
    stated download carries at once.
    """

    simultaneous_users: int
    down_min: float
    down_max: float
    up_min: float
    up_max: float
    stated_down: float | None
    stated_up: float | None
    verdict: Literal["enough", "tight", "short", "unknown"]
    video_calls: int | None


def bandwidth(inputs: CalcInputs, d: Defaults, cap: Capacity) -> Bandwidth:
    """See ``Bandwidth``."""
    users = _ceil(cap.peak_users)
    down_min, down_max = users * d.down_mbps_per_user_min, users * d.down_mbps_per_user_max
    up_min, up_max = users * d.up_mbps_per_user_min, users * d.up_mbps_per_user_max
    down, up = inputs.internet_down_mbps, inputs.internet_up_mbps
    verdict: Literal["enough", "tight", "short", "unknown"]
    if down is None or up is None:
        verdict = "unknown"
    elif down >= down_max and up >= up_max:
        verdict = "enough"
    elif down >= down_min and up >= up_min:
        verdict = "tight"
    else:
        verdict = "short"
    calls = None if down is None else _floor(down / d.video_call_mbps)
    return Bandwidth(users, down_min, down_max, up_min, up_max, down, up, verdict, calls)


# -------------------------------------------------------------------------- result


@record
class CalcResult:
    """Everything the plan shows, computed from one set of inputs."""

    figures: Defaults  # the defaults with the founder's figures in place
    capacity: Capacity
    setup: Budget
    monthly: Budget
    revenue: Revenue
    funding: FundingGap
    break_even: BreakEven
    bandwidth: Bandwidth
    cash_flow: tuple[MonthPoint, ...]


def compute(inputs: CalcInputs, defaults: Defaults = DEFAULTS) -> CalcResult:
    """Run every calculation; founder figures win over ``defaults``."""
    d = resolve(inputs, defaults)
    cap = capacity(inputs, d, defaults)
    setup = setup_budget(inputs, d, cap)
    monthly = monthly_costs(inputs, d, cap)
    rev = revenue(inputs, d, cap)
    gap = funding_gap(inputs, setup.total)
    start = inputs.start_members or 0.0
    be = break_even(cap, rev, monthly.total, gap, d, start)
    series = cash_flow(d.chart_months, cap.target_members, rev.net_per_member, monthly.total,
                       gap.to_recover, d.ramp_months, start)
    return CalcResult(d, cap, setup, monthly, rev, gap, be, bandwidth(inputs, d, cap), series)
