"""What the calculations take: the founder's figures and the editable defaults.

Every founder figure in ``CalcInputs`` is optional; ``None`` means "use the
default". Defaults live in ``Defaults``, each with a source id in
``DEFAULT_SOURCES`` (see ``sources.SOURCES``); weak-source defaults are listed by
``weak_defaults()`` so the plan can label them. ``resolve`` puts the founder's
figures in place of the defaults: a founder's own figure always wins.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from enum import StrEnum

from koprade_wizard.common.record import record
from koprade_wizard.guidance.funding_routes import ALTUM_TERM_YEARS
from koprade_wizard.guidance.sources import SOURCES


class Works(StrEnum):
    """How much work the premises need before they can open."""

    NONE = "none"
    COSMETIC = "cosmetic"  # paint, floors, lighting
    MAJOR = "major"  # wiring, heating, toilets, partitions


class Premises(StrEnum):
    RENTED = "rented"
    COUNCIL = "council"  # offered by the council without rent
    OWNED = "owned"


class Workshop(StrEnum):
    PRINTING_3D = "3d_printing"
    CUTTING = "laser_vinyl_cutting"
    WOODWORK = "woodwork"
    TEXTILE = "sewing_textile"
    ELECTRONICS = "electronics"


class Furniture(StrEnum):
    NEW = "new"
    SECOND_HAND = "second-hand"
    DONATED = "donated"
    HAVE = "have"


@dataclass(frozen=True)
class Defaults:
    """Every editable default. Source ids are in ``DEFAULT_SOURCES``.

    Capacity: ``m2_per_desk`` counts *all* floor (desks, kitchen, meeting room,
    corridors) at the typical ``common_share`` of that floor. Members: one flex desk
    serves ``members_per_flex_desk`` members because members do not all come every
    day; small towns use spaces about half as intensively as cities (≈25 % vs 50 %
    daily use) and a flex desk can carry up to about 4 members, so rural spaces can
    share more than a city's 1.5–2 — 2.5 is a cautious middle, to be edited once
    real attendance is known. ``target_occupancy`` is the share of member capacity
    the ramp-up aims at: spaces rarely run full.
    """

    # capacity
    m2_per_desk: float = 14.0
    common_share: float = 0.25
    members_per_meeting_room: float = 15.0
    peak_users_per_phone_booth: float = 12.0
    members_per_flex_desk: float = 2.5
    peak_share: float = 0.3
    target_occupancy: float = 0.7
    workdays_per_week: float = 5.0
    max_members_per_flex_desk: float = 4.0
    workshop_room_share: float = 0.2
    # set-up
    fit_out_cosmetic_eur_per_m2: float = 40.0
    fit_out_major_eur_per_m2: float = 280.0
    furniture_eur_per_desk: float = 450.0
    second_hand_furniture_share: float = 0.5
    it_eur_per_desk: float = 100.0
    network_installation_eur: float = 1_500.0
    printer_eur: float = 400.0
    meeting_room_kit_eur: float = 2_500.0
    phone_booth_eur: float = 2_500.0
    kitchen_eur: float = 3_000.0
    other_setup_eur: float = 1_000.0
    workshop_3d_printing_eur: float = 1_500.0
    workshop_laser_vinyl_cutting_eur: float = 6_000.0
    workshop_woodwork_eur: float = 4_000.0
    workshop_sewing_textile_eur: float = 2_000.0
    workshop_electronics_eur: float = 1_500.0
    works: Works = Works.COSMETIC
    # monthly costs
    premises: Premises = Premises.RENTED
    rent_eur_per_m2: float = 3.5
    utilities_eur_per_m2: float = 1.5
    internet_eur_month: float = 50.0
    host_hours_per_week: float = 10.0
    host_eur_per_hour: float = 12.0
    insurance_eur_month: float = 25.0
    cleaning_eur_per_m2: float = 0.5
    other_eur_month: float = 50.0
    # revenue (prices are what a member pays)
    price_day_pass: float = 8.0
    price_hot_desk: float = 60.0
    price_dedicated_desk: float = 120.0
    price_private_office: float = 200.0
    price_meeting_room_hour: float = 10.0
    share_day_pass: float = 0.2
    share_hot_desk: float = 0.5
    share_dedicated_desk: float = 0.2
    share_private_office: float = 0.1
    day_passes_per_month: float = 3.0
    meeting_hours_per_member_month: float = 0.75
    vat_rate: float = 0.21
    # a loan and a grant paid after the project
    loan_interest_rate: float = 0.06
    loan_term_years: int = ALTUM_TERM_YEARS
    grant_paid_months_after_opening: int = 4
    # scenarios: the pessimistic and optimistic cases against the base plan
    pessimistic_members_factor: float = 0.7
    pessimistic_ramp_months: int = 18
    pessimistic_costs_factor: float = 1.1
    optimistic_members_factor: float = 1.2
    optimistic_ramp_months: int = 9
    depreciation_years: int = 5
    # ramp-up and horizon
    ramp_months: int = 12
    chart_months: int = 36
    horizon_months: int = 60
    # bandwidth per simultaneous user
    down_mbps_per_user_min: float = 5.0
    down_mbps_per_user_max: float = 10.0
    up_mbps_per_user_min: float = 1.0
    up_mbps_per_user_max: float = 4.0
    video_call_mbps: float = 4.0


DEFAULTS = Defaults()

#: Where each default comes from. ``estimate`` and ``bizplan_sites`` are weak:
#: editable starting points, never firm claims.
DEFAULT_SOURCES: dict[str, str] = {
    "m2_per_desk": "deskmag_2025",  # ~14 m² per desk over all floor
    "common_share": "bizplan_sites",  # 15–30 % of floor
    "members_per_meeting_room": "bizplan_sites",  # 1 per 10–20 members
    "peak_users_per_phone_booth": "bizplan_sites",  # 1 per 10–15 peak users
    "members_per_flex_desk": "practitioner_guides",
    "peak_share": "practitioner_guides",  # ≈25 % daily use in small towns, plus peaks
    "target_occupancy": "estimate",
    "workdays_per_week": "estimate",
    # A flex desk can carry up to about 4 members.
    "max_members_per_flex_desk": "practitioner_guides",
    "workshop_room_share": "estimate",
    "fit_out_cosmetic_eur_per_m2": "estimate",
    "fit_out_major_eur_per_m2": "bizplan_sites",  # low end of $300–1,000/m²
    "furniture_eur_per_desk": "bizplan_sites",  # low end of $500–2,000/desk
    "second_hand_furniture_share": "estimate",
    "it_eur_per_desk": "estimate",
    "network_installation_eur": "estimate",
    "printer_eur": "estimate",
    "meeting_room_kit_eur": "estimate",
    "phone_booth_eur": "estimate",
    "kitchen_eur": "estimate",
    "other_setup_eur": "estimate",
    "workshop_3d_printing_eur": "estimate",
    "workshop_laser_vinyl_cutting_eur": "estimate",
    "workshop_woodwork_eur": "estimate",
    "workshop_sewing_textile_eur": "estimate",
    "workshop_electronics_eur": "estimate",
    "works": "estimate",
    "premises": "estimate",
    # Skola6 charged €5.03/m² all-inclusive in 2022; the rent/utilities split is ours.
    "rent_eur_per_m2": "skola6",
    "utilities_eur_per_m2": "skola6",
    "internet_eur_month": "estimate",
    "host_hours_per_week": "estimate",
    "host_eur_per_hour": "estimate",
    "insurance_eur_month": "estimate",
    "cleaning_eur_per_m2": "estimate",
    "other_eur_month": "estimate",
    "price_day_pass": "people_work",  # €8 in a Baltic city
    # People Work: hot desk €99 incl. VAT, dedicated €199 ex VAT in a Baltic city;
    # a rural space charges less.
    "price_hot_desk": "people_work",
    "price_dedicated_desk": "people_work",
    "price_private_office": "estimate",
    "price_meeting_room_hour": "estimate",
    "share_day_pass": "estimate",
    "share_hot_desk": "estimate",
    "share_dedicated_desk": "estimate",
    "share_private_office": "estimate",
    "day_passes_per_month": "estimate",
    # Meeting rooms bring ~10 % of revenue (Deskmag 2011); 0.75 h a member gives ~9 %.
    "meeting_hours_per_member_month": "deskmag_2011",
    "vat_rate": "vid_vat",
    "loan_interest_rate": "estimate",  # ALTUM quotes its rate per loan: check with ALTUM
    "loan_term_years": "altum_start",  # up to 10 years (15 with real estate)
    # LEADER pays after the project is done and the payment request is checked.
    "grant_paid_months_after_opening": "estimate",
    "pessimistic_members_factor": "estimate",
    "pessimistic_ramp_months": "estimate",
    "pessimistic_costs_factor": "estimate",
    "optimistic_members_factor": "estimate",
    "optimistic_ramp_months": "estimate",
    "depreciation_years": "estimate",
    "ramp_months": "estimate",
    # Break-even averages run from ~12 months to ~3 years: chart 3 years, look 5.
    "chart_months": "deskmag_2017",
    "horizon_months": "deskmag_2017",
    "down_mbps_per_user_min": "practitioner_guides",
    "down_mbps_per_user_max": "practitioner_guides",
    "up_mbps_per_user_min": "practitioner_guides",
    "up_mbps_per_user_max": "practitioner_guides",
    "video_call_mbps": "practitioner_guides",
}


def weak_defaults() -> frozenset[str]:
    """Names of defaults whose source is tagged ``weak``."""
    return frozenset(k for k, s in DEFAULT_SOURCES.items() if SOURCES[s].reliability == "weak")


WORKSHOP_FIELD = {w: f"workshop_{w.value}_eur" for w in Workshop}

_SHARE_NAMES = ("share_day_pass", "share_hot_desk", "share_dedicated_desk", "share_private_office")

#: ``Line.source_id`` for a figure the founder gave.
FOUNDER = "founder"
#: ``source_id`` for a price taken from what members said they would pay.
ACCEPTED = "accepted"

#: Membership tiers, cheapest first. Dedicated desks and private offices each hold a
#: desk; day-pass and hot-desk members share flex desks.
TIERS = ("day_pass", "hot_desk", "dedicated_desk", "private_office")
FIXED_TIERS = frozenset({"dedicated_desk", "private_office"})


@record
class GrantInput:
    """One grant: ``amount = min(eligible_cost × rate, max_amount)``.

    ``eligible_cost`` defaults to the whole set-up budget; ``label`` is a route id
    or any name the plan wants to show.
    """

    rate: float
    max_amount: float | None = None
    eligible_cost: float | None = None
    label: str = ""
    paid_after: bool = False  # paid only after the project (LEADER): to be bridged


@record
class CalcInputs:
    """The founder's own figures; every ``None`` falls back to ``Defaults``.

    Give ``area_m2`` (what the premises offer), ``desired_desks`` (what you want),
    or both. Membership shares: if any share is given, the shares not given count
    as 0 and the given ones are scaled to add up to 1. ``setup_budget_eur`` and
    ``monthly_costs_eur`` replace the itemised sums when given.
    """

    # capacity
    area_m2: float | None = None
    desired_desks: int | None = None
    m2_per_desk: float | None = None
    common_share: float | None = None
    members_per_flex_desk: float | None = None
    days_per_week: float | None = None  # how often a member comes; sets members per flex desk
    target_members: float | None = None
    start_members: float | None = None  # members already there (a space that is open)
    members_per_meeting_room: float | None = None
    peak_users_per_phone_booth: float | None = None
    peak_share: float | None = None
    workshop_room: bool = False  # a workshop room of its own comes off the desk area
    meeting_room: bool | None = None  # chosen or not; None: as many as members need
    phone_booth: bool | None = None
    # set-up
    works: Works | None = None
    workshops: tuple[Workshop, ...] = ()
    fit_out_eur_per_m2: float | None = None
    furniture_eur_per_desk: float | None = None
    furniture: Furniture | None = None
    it_eur_per_desk: float | None = None
    network_installation_eur: float | None = None
    printer_eur: float | None = None
    meeting_room_kit_eur: float | None = None
    phone_booth_eur: float | None = None
    kitchen_eur: float | None = None
    other_setup_eur: float | None = None
    setup_budget_eur: float | None = None
    # monthly costs
    premises: Premises | None = None
    rent_eur_per_m2: float | None = None
    utilities_eur_per_m2: float | None = None
    internet_eur_month: float | None = None
    host_hours_per_week: float | None = None
    host_eur_per_hour: float | None = None
    insurance_eur_month: float | None = None
    cleaning_eur_per_m2: float | None = None
    other_eur_month: float | None = None
    monthly_costs_eur: float | None = None
    # revenue: the tiers the space offers (None: every tier) and what members said
    # they would pay a month
    tiers: frozenset[str] | None = None
    accepted_price: float | None = None
    price_day_pass: float | None = None
    price_hot_desk: float | None = None
    price_dedicated_desk: float | None = None
    price_private_office: float | None = None
    price_meeting_room_hour: float | None = None
    share_day_pass: float | None = None
    share_hot_desk: float | None = None
    share_dedicated_desk: float | None = None
    share_private_office: float | None = None
    day_passes_per_month: float | None = None
    meeting_hours_per_member_month: float | None = None
    vat_registered: bool = False
    # funding and ramp-up
    grants: tuple[GrantInput, ...] = ()
    own_money_eur: float | None = None
    loans_eur: float | None = None
    loan_wanted: bool = False  # a start loan for what grants and own money leave open
    ramp_months: int | None = None
    # internet as the founder has it
    internet_down_mbps: float | None = None
    internet_up_mbps: float | None = None


def resolve(inputs: CalcInputs, defaults: Defaults = DEFAULTS) -> Defaults:
    """``defaults`` with every figure the founder gave put in its place.

    Shares follow the rule in ``CalcInputs``. Raises ``ValueError`` for figures no
    space can have (negative sizes or prices, a common share of 100 % or more).
    """
    own = {
        f.name: getattr(inputs, f.name)
        for f in fields(Defaults)
        if hasattr(inputs, f.name) and getattr(inputs, f.name) is not None
    }
    if any(n in own for n in _SHARE_NAMES):
        for n in _SHARE_NAMES:
            own.setdefault(n, 0.0)
    if inputs.days_per_week is not None and inputs.members_per_flex_desk is None:
        own["members_per_flex_desk"] = members_per_flex_desk(inputs.days_per_week, defaults)
    merged = replace(defaults, **own)
    _check(merged, inputs)
    return merged


def members_per_flex_desk(days_per_week: float, d: Defaults = DEFAULTS) -> float:
    """``k = min(k_max, max(1, workdays / days))``: members who come 2 days of 5
    share a flex desk 2.5 to a desk; a flex desk carries at most ``k_max`` (4)."""
    if days_per_week <= 0:
        return d.max_members_per_flex_desk
    return min(d.max_members_per_flex_desk, max(1.0, d.workdays_per_week / days_per_week))


def _check(d: Defaults, inputs: CalcInputs) -> None:
    for f in fields(Defaults):
        value = getattr(d, f.name)
        if isinstance(value, int | float) and value < 0:
            raise ValueError(f"{f.name} must not be negative (got {value})")
    for name in ("area_m2", "desired_desks", "target_members", "start_members",
                 "accepted_price",
                 "setup_budget_eur",
                 "monthly_costs_eur", "own_money_eur", "loans_eur"):
        value = getattr(inputs, name)
        if value is not None and value < 0:
            raise ValueError(f"{name} must not be negative (got {value})")
    if not d.common_share < 1:
        raise ValueError("common_share must be below 1")
    for name in ("m2_per_desk", "members_per_flex_desk", "members_per_meeting_room",
                 "peak_users_per_phone_booth", "video_call_mbps"):
        if getattr(d, name) <= 0:
            raise ValueError(f"{name} must be above 0")
    if d.share_day_pass + d.share_hot_desk + d.share_dedicated_desk + d.share_private_office <= 0:
        raise ValueError("membership shares add up to zero")
    if not d.workshop_room_share < 1:
        raise ValueError("workshop_room_share must be below 1")
