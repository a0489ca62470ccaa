"""The set-up budget, the running costs a month, and a loan's monthly payment."""

from __future__ import annotations

from koprade_wizard.common.record import record
from koprade_wizard.guidance.calc.capacity import Capacity
from koprade_wizard.guidance.calc.common import Budget, Line, source
from koprade_wizard.guidance.calc.inputs import (
    DEFAULT_SOURCES,
    FOUNDER,
    OPEN,
    WORKSHOP_FIELD,
    CalcInputs,
    Defaults,
    Furniture,
    Premises,
    Works,
)
from koprade_wizard.guidance.funding_routes import ROUTES, RouteId, own_share_cap


def _furniture(inputs: CalcInputs, d: Defaults, desks: int) -> Line:
    """Donated or existing furniture costs nothing; second-hand costs
    ``second_hand_furniture_share`` of new."""
    if inputs.furniture in (Furniture.DONATED, Furniture.HAVE):
        return Line("furniture", 0.0, FOUNDER)
    amount = desks * d.furniture_eur_per_desk
    if inputs.furniture is Furniture.SECOND_HAND and inputs.furniture_eur_per_desk is None:
        return Line("furniture", amount * d.second_hand_furniture_share,
                    DEFAULT_SOURCES["second_hand_furniture_share"])
    return Line("furniture", amount, source(inputs, "furniture_eur_per_desk"))


def setup_budget(inputs: CalcInputs, d: Defaults, cap: Capacity) -> Budget:
    """Set-up cost, item by item:

    fit-out = area × €/m² for the works level (0 / cosmetic / major, or the
    founder's own €/m²); furniture = desks × €/desk (0 if donated or already
    there, half if second-hand); IT = desks × €/desk + network installation +
    printer; meeting rooms × kit; phone booths × booth (none where not chosen);
    kitchen; one set per workshop kind chosen; other (signage, lockers, launch).

    A space that is already open founds nothing: what it has is not bought anew
    (``OPEN``, €0), and only the works its premises still need are counted — its
    own set-up budget is what it still plans to buy or improve.
    """
    if inputs.setup_budget_eur is not None:
        total = inputs.setup_budget_eur
        return Budget((Line("founder_total", total, FOUNDER),), total, True)
    if inputs.already_open:
        return _improvements(inputs, d, cap)
    if inputs.fit_out_eur_per_m2 is not None:
        fit_rate, fit_src = inputs.fit_out_eur_per_m2, FOUNDER
    elif d.works is Works.NONE:
        fit_rate, fit_src = 0.0, source(inputs, "works")
    else:
        name = f"fit_out_{d.works.value}_eur_per_m2"
        fit_rate, fit_src = getattr(d, name), DEFAULT_SOURCES[name]

    def line(item: str, amount: float, name: str) -> Line:
        return Line(item, amount, source(inputs, name))

    lines = [
        Line("fit_out", cap.area_m2 * fit_rate, fit_src),
        _furniture(inputs, d, cap.desks),
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


def _improvements(inputs: CalcInputs, d: Defaults, cap: Capacity) -> Budget:
    """The set-up of a space that is open: the works its answers say are still to do."""
    if inputs.fit_out_eur_per_m2 is not None:
        fit = Line("fit_out", cap.area_m2 * inputs.fit_out_eur_per_m2, FOUNDER)
    elif inputs.works in (Works.COSMETIC, Works.MAJOR):
        name = f"fit_out_{inputs.works.value}_eur_per_m2"
        fit = Line("fit_out", cap.area_m2 * getattr(d, name), DEFAULT_SOURCES[name])
    else:  # ready, or not said: an open space is in use as it is
        fit = Line("fit_out", 0.0, FOUNDER if inputs.works else OPEN)
    lines = [fit] + [Line(item, 0.0, OPEN) for item in (
        "furniture", "it", "network", "printer", "meeting_rooms", "phone_booths", "kitchen")]
    lines += [Line(f"workshop_{kind.value}", 0.0, OPEN) for kind in dict.fromkeys(inputs.workshops)]
    lines.append(Line("other", 0.0, OPEN))
    return Budget(tuple(lines), fit.amount, False)


@record
class Loan:
    """A start loan: ``payment = P × r / (1 − (1 + r)^−n)`` a month, with ``r`` the
    yearly rate / 12 and ``n`` the months (``P / n`` at 0 %). The amount is what
    the set-up needs beyond grants and own money, within the lender's limits —
    its smallest and largest amount and its own-share rule (``own_share_cap``);
    ``capped`` when that rule lends less than is needed."""

    amount: float
    annual_rate: float
    years: int
    monthly_payment: float
    min_amount: float | None
    max_amount: float | None
    capped: bool = False
    project: float = 0.0  # what grants leave to own money and the loan

    @property
    def interest_first_year(self) -> float:
        return interest_in_year(self, 1)


def annuity(principal: float, annual_rate: float, years: int) -> float:
    """See ``Loan``."""
    n = years * 12
    if n <= 0 or principal <= 0:
        return 0.0
    r = annual_rate / 12
    if r == 0:
        return principal / n
    return principal * r / (1 - (1 + r) ** -n)


def interest_in_year(loan: Loan, year: int) -> float:
    """Interest paid in loan year ``year`` (1-based): the payments of that year less
    the principal they repay."""
    r = loan.annual_rate / 12
    balance = loan.amount
    paid = 0.0
    for month in range(1, min(year, loan.years) * 12 + 1):
        interest = balance * r
        balance -= loan.monthly_payment - interest
        if month > (year - 1) * 12:
            paid += interest
    return paid


def start_loan(needed: float, d: Defaults, project: float | None = None) -> Loan | None:
    """The ALTUM start loan for ``needed`` euros of a ``project`` (what grants leave
    to own money and the loan; ``needed`` when not given): what is needed, no more
    than the own-share rule allows (``own_share_cap``), at least the smallest
    amount, at most the largest (``ROUTES``); ``None`` when nothing is needed."""
    info = ROUTES[RouteId.ALTUM_START]
    if needed <= 0:
        return None
    whole = needed if project is None else project
    amount = min(needed, own_share_cap(whole))
    capped = amount < needed
    if info.min_amount is not None:
        amount = max(amount, info.min_amount)
    if info.limit is not None:
        capped = capped or info.limit < amount
        amount = min(amount, info.limit)
    payment = annuity(amount, d.loan_interest_rate, d.loan_term_years)
    return Loan(amount, d.loan_interest_rate, d.loan_term_years, payment,
                info.min_amount, info.limit, capped, whole)


def monthly_costs(inputs: CalcInputs, d: Defaults, cap: Capacity,
                  loan: Loan | None = None) -> Budget:
    """Running cost a month:

    rent = area × €/m² (0 if the council offers the premises or you own them);
    utilities = area × €/m²; internet; host = hours a week × 52 / 12 × €/hour;
    insurance; cleaning = area × €/m²; other; and the loan's monthly payment when a
    loan is taken (it is added to a total the founder gave, too).
    """
    loan_lines = (Line("loan", loan.monthly_payment, "altum_start"),) if loan else ()
    if inputs.monthly_costs_eur is not None:
        lines = (Line("founder_total", inputs.monthly_costs_eur, FOUNDER), *loan_lines)
        return Budget(lines, sum(x.amount for x in lines), True)
    rented = d.premises is Premises.RENTED

    def line(item: str, amount: float, name: str) -> Line:
        return Line(item, amount, source(inputs, name))

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
        *loan_lines,
    )
    return Budget(lines, sum(item.amount for item in lines), False)
