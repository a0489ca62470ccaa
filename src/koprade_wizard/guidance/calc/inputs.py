"""What the calculations take: the founder's figures and the editable defaults.

Every founder figure in ``CalcInputs`` is optional; ``None`` means "use the
default". Defaults live in ``data/assumptions.yaml``, read once into ``DEFAULTS``,
each with a source id or marked an assumption in ``DEFAULT_SOURCES``; weak-source
and assumed defaults are listed by ``weak_defaults()`` so the plan can label them.
``resolve`` puts the founder's figures in place of the defaults: a founder's own
figure always wins.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from koprade_wizard.common.record import field_names, record, replace
from koprade_wizard.guidance.datafile import DataFileError, read_data
from koprade_wizard.guidance.funding_routes import ALTUM_TERM_YEARS
from koprade_wizard.guidance.sources import ASSUMPTION, SOURCES


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


@record
class Defaults:
    """Every editable default, read from ``data/assumptions.yaml``, where each names
    its source or is marked an assumption (``DEFAULT_SOURCES``).

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
    m2_per_desk: float
    common_share: float
    members_per_meeting_room: float
    peak_users_per_phone_booth: float
    members_per_flex_desk: float
    peak_share: float
    target_occupancy: float
    workdays_per_week: float
    max_members_per_flex_desk: float
    workshop_room_share: float
    # set-up
    fit_out_cosmetic_eur_per_m2: float
    fit_out_major_eur_per_m2: float
    furniture_eur_per_desk: float
    second_hand_furniture_share: float
    it_eur_per_desk: float
    network_installation_eur: float
    printer_eur: float
    meeting_room_kit_eur: float
    phone_booth_eur: float
    kitchen_eur: float
    other_setup_eur: float
    workshop_3d_printing_eur: float
    workshop_laser_vinyl_cutting_eur: float
    workshop_woodwork_eur: float
    workshop_sewing_textile_eur: float
    workshop_electronics_eur: float
    works: Works
    # monthly costs
    premises: Premises
    rent_eur_per_m2: float
    utilities_eur_per_m2: float
    internet_eur_month: float
    host_hours_per_week: float
    host_eur_per_hour: float
    insurance_eur_month: float
    cleaning_eur_per_m2: float
    other_eur_month: float
    # revenue (prices are what a member pays)
    price_day_pass: float
    price_hot_desk: float
    price_dedicated_desk: float
    price_private_office: float
    price_meeting_room_hour: float
    share_day_pass: float
    share_hot_desk: float
    share_dedicated_desk: float
    share_private_office: float
    day_passes_per_month: float
    meeting_hours_per_member_month: float
    vat_rate: float
    # a loan and a grant paid after the project
    loan_interest_rate: float
    loan_term_years: int
    grant_paid_months_after_opening: int
    # scenarios: the pessimistic and optimistic cases against the base plan
    pessimistic_members_factor: float
    pessimistic_ramp_months: int
    pessimistic_costs_factor: float
    optimistic_members_factor: float
    optimistic_ramp_months: int
    depreciation_years: int
    # ramp-up and horizon
    ramp_months: int
    chart_months: int
    horizon_months: int
    # bandwidth per simultaneous user
    down_mbps_per_user_min: float
    down_mbps_per_user_max: float
    up_mbps_per_user_min: float
    up_mbps_per_user_max: float
    video_call_mbps: float




_DATA = Path(__file__).resolve().parent.parent / "data" / "assumptions.yaml"
#: Values the data file takes from another data place rather than repeating them.
_SAME_AS: dict[str, int | float] = {"altum_term_years": ALTUM_TERM_YEARS}


class AssumptionDataError(ValueError):
    """A row of ``assumptions.yaml`` that does not hold what a default needs."""


def _value(name: str, kind: object, raw: object) -> object:
    if kind in ("float", float):
        if isinstance(raw, bool) or not isinstance(raw, int | float):
            raise AssumptionDataError(f"{_DATA.name}: {name}: a number expected")
        return float(raw)
    if kind in ("int", int):
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise AssumptionDataError(f"{_DATA.name}: {name}: a whole number expected")
        return raw
    enum = {"Works": Works, "Premises": Premises}.get(str(kind), kind)
    try:
        return enum(raw)  # type: ignore[operator]
    except ValueError as err:
        raise AssumptionDataError(f"{_DATA.name}: {name}: {err}") from None


def _load() -> tuple[Defaults, dict[str, str]]:
    """The defaults and where each comes from, checked: every field of ``Defaults``
    once, each with a known source id or ``assumption: true`` (not both)."""
    try:
        raw = read_data(_DATA)  # parsed once, safely, and kept parsed in the user's cache
    except DataFileError as err:
        raise AssumptionDataError(str(err)) from None
    names = {name: Defaults.__annotations__[name] for name in field_names(Defaults)}
    if set(raw) != set(names):
        raise AssumptionDataError(f"{_DATA.name}: missing {sorted(set(names) - set(raw))}, "
                                  f"unknown {sorted(set(raw) - set(names))}")
    values: dict[str, object] = {}
    origin: dict[str, str] = {}
    for name, row in raw.items():
        if not isinstance(row, dict) or ("source" in row) == bool(row.get("assumption")):
            raise AssumptionDataError(
                f"{_DATA.name}: {name}: give either source: <id> or assumption: true")
        source_id = row.get("source", ASSUMPTION)
        if source_id != ASSUMPTION and source_id not in SOURCES:
            raise AssumptionDataError(f"{_DATA.name}: {name}: unknown source {source_id}")
        value = _SAME_AS[row["same_as"]] if "same_as" in row else row.get("value")
        values[name] = _value(name, names[name], value)
        origin[name] = source_id
    return Defaults(**values), origin  # type: ignore[arg-type]


DEFAULTS, DEFAULT_SOURCES = _load()
"""``DEFAULT_SOURCES``: where each default comes from — a source id, or
``ASSUMPTION``. ``bizplan_sites`` is weak: an editable starting point, never a firm
claim."""


def weak_defaults() -> frozenset[str]:
    """Names of defaults whose source is tagged ``weak`` or that are assumptions."""
    return frozenset(k for k, s in DEFAULT_SOURCES.items()
                     if s == ASSUMPTION or SOURCES[s].reliability == "weak")


WORKSHOP_FIELD = {w: f"workshop_{w.value}_eur" for w in Workshop}

_SHARE_NAMES = ("share_day_pass", "share_hot_desk", "share_dedicated_desk", "share_private_office")

#: ``Line.source_id`` for a figure the founder gave.
FOUNDER = "founder"
#: ``source_id`` for a price taken from what members said they would pay.
ACCEPTED = "accepted"
#: ``Line.source_id`` for an item a space that is already open has: not bought anew.
OPEN = "open"

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
    already_open: bool = False  # the set-up is what it still plans to improve, not a founding
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
        name: getattr(inputs, name)
        for name in field_names(Defaults)
        if getattr(inputs, name, None) is not None
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
    for name in field_names(Defaults):
        value = getattr(d, name)
        if isinstance(value, int | float) and value < 0:
            raise ValueError(f"{name} must not be negative (got {value})")
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
