"""Desks, rooms and members the space can hold."""

from __future__ import annotations

from koprade_wizard.common.record import record
from koprade_wizard.guidance.calc.common import ceil, floor
from koprade_wizard.guidance.calc.inputs import DEFAULTS, CalcInputs, Defaults


@record
class Capacity:
    """Desks, rooms and members the space can hold.

    ``desk_need_per_member`` is how much of one desk an average member uses; the
    space can carry ``member_capacity`` members and plans for ``target_members``
    (whole people). ``desks_fit`` is ``None`` unless both an area and a desired desk
    count were given. ``workshop_m2`` is the workshop room taken off the office
    floor; ``office_m2`` what is left for desks and common areas.
    """

    area_m2: float
    workshop_m2: float
    office_m2: float
    desks: int
    desks_from_area: int | None
    area_needed_m2: float | None
    desks_fit: bool | None
    common_area_m2: float
    desk_zone_m2: float
    desk_zone_m2_per_desk: float
    desk_need_per_member: float
    member_capacity: int
    target_members: int
    meeting_rooms: int
    peak_users: float
    phone_booths: int

    @property
    def target_fits(self) -> bool:
        """Whether the planned members fit the desks (occupancy at most 100 %)."""
        return self.target_members <= self.member_capacity


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
    return floor(area_m2 * (1 - d.common_share) / desk_zone_per_desk(d, base))


def area_for_desks(desks: int, d: Defaults, base: Defaults = DEFAULTS) -> float:
    """``area = desks × z / (1 − c)``; 20 desks at the defaults → 20 × 14 = 280 m²."""
    return desks * desk_zone_per_desk(d, base) / (1 - d.common_share)


def capacity(inputs: CalcInputs, d: Defaults, need: float,
             base: Defaults = DEFAULTS) -> Capacity:
    """Desks from area or area from desks, then members, rooms and booths.

    * a workshop room of its own takes ``workshop_room_share`` of the floor
      (``office = area × (1 − w)``); desks come from the office floor only, and a
      space sized from desks gets the workshop room on top;
    * ``member_capacity = ⌊desks / n⌋`` with ``n`` the desk a member needs;
      ``target = founder's figure or ⌊capacity × target_occupancy⌋`` (whole
      people), and never below the members already there;
    * ``meeting_rooms = ⌈target / members_per_meeting_room⌉`` (at least one if
      chosen, none if not chosen);
    * ``peak_users = min(desks, target × peak_share)``;
      ``phone_booths = ⌈peak_users / peak_users_per_phone_booth⌉`` (likewise).
    """
    w = d.workshop_room_share if inputs.workshop_room else 0.0
    office_given = inputs.area_m2 * (1 - w) if inputs.area_m2 is not None else None
    from_area = desks_for_area(office_given, d, base) if office_given is not None else None
    needed = (
        area_for_desks(inputs.desired_desks, d, base) / (1 - w)
        if inputs.desired_desks is not None else None
    )
    desks = inputs.desired_desks if inputs.desired_desks is not None else (from_area or 0)
    area = inputs.area_m2 if inputs.area_m2 is not None else (needed or 0.0)
    office = area * (1 - w)
    fit = None
    if inputs.area_m2 is not None and inputs.desired_desks is not None:
        fit = inputs.desired_desks <= (from_area or 0)
    member_capacity = floor(desks / need)
    target = (
        floor(inputs.target_members)
        if inputs.target_members is not None
        else floor(member_capacity * d.target_occupancy)
    )
    # An open space plans for at least the members it already has.
    target = max(target, floor(inputs.start_members or 0.0))
    peak = float(min(desks, ceil(target * d.peak_share)))  # whole people
    rooms = ceil(target / d.members_per_meeting_room)
    booths = ceil(peak / d.peak_users_per_phone_booth)
    return Capacity(
        area_m2=area,
        workshop_m2=area * w,
        office_m2=office,
        desks=desks,
        desks_from_area=from_area,
        area_needed_m2=needed,
        desks_fit=fit,
        common_area_m2=office * d.common_share,
        desk_zone_m2=office * (1 - d.common_share),
        desk_zone_m2_per_desk=desk_zone_per_desk(d, base),
        desk_need_per_member=need,
        member_capacity=member_capacity,
        target_members=target,
        meeting_rooms=_chosen(inputs.meeting_room, rooms),
        peak_users=peak,
        phone_booths=_chosen(inputs.phone_booth, booths),
    )


def _chosen(wanted: bool | None, count: int) -> int:
    if wanted is None:
        return count
    return max(1, count) if wanted else 0
