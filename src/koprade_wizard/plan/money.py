"""Answers → the calculations' inputs: the figures, the tiers the layout offers, the
equipment chosen, the one grant and the loan the budget counts on.

The funding gap counts only routes the founder chose whose verdict is not *no*.
"""

from __future__ import annotations

from typing import Any

from koprade_wizard.common.answers import Answers, AnswerValue, chosen, text
from koprade_wizard.guidance import calc, funding, territories

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
_FURNITURE = {
    "new": calc.Furniture.NEW,
    "second-hand": calc.Furniture.SECOND_HAND,
    "donated": calc.Furniture.DONATED,
    "have": calc.Furniture.HAVE,
}
_STAGE = {s.value: s for s in funding.Stage}


def _num(a: Answers, key: str) -> float | None:
    value = a.get(key)
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _tiers(layout: AnswerValue) -> frozenset[str]:
    """Private offices only where the layout has separate rooms."""
    tiers = set(calc.TIERS)
    if layout not in _ROOM_LAYOUTS:
        tiers.discard("private_office")
    return frozenset(tiers)


def calc_inputs(a: Answers, grants: tuple[calc.GrantInput, ...] = (),
                loan_wanted: bool = False) -> calc.CalcInputs:
    """Map the bundled pack's answers onto the calculation's inputs.

    Equipment not chosen costs nothing and brings nothing (no meeting-room kit, no
    meeting-room hire, no phone booth); the layout decides the tiers; the price
    members said they would accept caps the default prices (see ``calc.revenue``).
    """
    area = _num(a, "area_m2") if a.get("premises_found") else None
    desks = a.get("desired_desks") if not a.get("premises_found") else None
    rent = _num(a, "monthly_rent")
    equipment = chosen(a, "equipment")
    extra: dict[str, Any] = {}
    meeting_room: bool | None = None  # not asked: as many as members need
    phone_booth: bool | None = None
    if "equipment" in a:
        # Equipment the founder did not ask for costs nothing at set-up.
        extra = {name: 0.0 for item, name in _EQUIPMENT_COST.items() if item not in equipment}
        meeting_room, phone_booth = "meeting-room" in equipment, "quiet-zone" in equipment
    host_hours = _num(a, "host_hours")
    return calc.CalcInputs(
        area_m2=area,
        desired_desks=int(desks) if isinstance(desks, int) and desks > 0 else None,
        start_members=_num(a, "current_members") if a.get("stage") == "open" else None,
        already_open=a.get("stage") == "open",
        days_per_week=_num(a, "days_per_week"),
        workshop_room=(a.get("space_type") == "office-and-workshop"
                       and a.get("workshop_separate_room") is True),
        works=_WORKS.get(text(a, "condition") or ""),
        workshops=tuple(_WORKSHOPS[w] for w in chosen(a, "workshop_kinds") if w in _WORKSHOPS),
        furniture=_FURNITURE.get(text(a, "furniture") or ""),
        premises=_TENURE.get(text(a, "tenure") or ""),
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
        meeting_room=meeting_room,
        phone_booth=phone_booth,
        **extra,
    )


# Forms that exist only once registered in the Register of Enterprises.
_REGISTERED_FORMS = frozenset({"association", "foundation", "company", "cooperative"})


def lag_area(a: Answers) -> str | None:
    """The parish or town answered for a split municipality (``None``: not asked or
    "not sure")."""
    slug = a.get("municipality")
    if not isinstance(slug, str):
        return None
    value = a.get(territories.area_question_id(slug))
    return value if isinstance(value, str) and value != territories.NOT_SURE else None


def funding_inputs(a: Answers, setup_total: float) -> funding.FundingInputs:
    form = funding.legal_form_from_answers(text(a, "founder_type"), text(a, "legal_form"))
    age = _num(a, "company_age_years")
    planned = (a.get("legal_form") in _REGISTERED_FORMS
               and not a.get("legal_registered", False))
    return funding.FundingInputs(
        legal_form=form,
        municipality=text(a, "municipality"),
        lag_area=lag_area(a),
        stage=_STAGE.get(text(a, "stage") or "", funding.Stage.IDEA),
        company_age_years=age,
        setup_budget=setup_total,
        own_money=_num(a, "own_money"),
        # Every route is judged, not only those ticked: a founder may not know them yet.
        interested_routes=None,
        form_planned=planned,
    )


def chosen_routes(a: Answers,
                  form: funding.LegalForm | None = None) -> frozenset[funding.RouteId]:
    """The routes the founder ticked (none ticked: none chosen); a council's "municipal
    support" is its own budget."""
    return funding.routes_from_answers(chosen(a, "funding_routes"), form) or frozenset()


def best_grant(matches: list[funding.FundingMatch], setup_total: float,
               chosen: frozenset[funding.RouteId]) -> calc.GrantInput | None:
    """The one grant the budget counts on: among the routes the founder chose whose
    verdict is not *no*, one that fits before one to check, then the largest low estimate.

    Only one, and at its lowest rate: grants are competitive, so the plan must not
    stack hopes. LEADER pays after the project: the founder bridges it.
    """
    fitting = [m for m in matches if m.route in chosen and m.fits is not funding.Fit.NO
               and m.rate is not None and m.support_estimate is not None
               and funding.ROUTES[m.route].kind == "grant"]
    if not fitting or setup_total <= 0:
        return None
    # A route that fits outranks one still to be checked; then the larger low estimate.
    best = max(fitting, key=lambda m: (m.fits is funding.Fit.FITS,
                                       m.support_estimate[0] if m.support_estimate else 0))
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


