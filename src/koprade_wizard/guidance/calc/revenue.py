"""Membership tiers, their prices and the revenue a member brings a month.

A tier is counted only where the space offers it (``CalcInputs.tiers``: the layout
decides whether there are private offices) and at a price the founder's answers
support:

1. the founder's own price for the tier (source ``founder``);
2. for the hot desk, what members said they would pay a month (``accepted``);
3. otherwise the default price (an assumption), but never more a month than members
   said they would pay: a day pass is brought down to ``accepted / passes a month``;
   a dedicated desk or a private office priced above it is left out (``left_out``)
   until the founder sets its price. A founder who set the hot desk at €0 runs a
   free space: no tier is counted at a default price then.

The shares of the tiers counted are scaled to add up to 1.
"""

from __future__ import annotations

from koprade_wizard.common.record import record
from koprade_wizard.guidance.calc.common import EPS, source
from koprade_wizard.guidance.calc.inputs import (
    ACCEPTED,
    DEFAULT_SOURCES,
    FIXED_TIERS,
    FOUNDER,
    TIERS,
    CalcInputs,
    Defaults,
)


@record
class Tier:
    """One membership tier: ``per_member = share × price × units`` a month.

    ``units`` is 1 for a monthly pass and the day passes a member buys a month for
    the day pass; for meeting-room hire it is the hours a member books a month and
    ``share`` is 1 (every member may book).
    """

    item: str
    price: float
    units: float
    share: float
    source_id: str  # FOUNDER, ACCEPTED or the default's source
    per_member: float


@record
class Mix:
    """The tiers counted with their shares (scaled to 1) and the tiers left out."""

    tiers: tuple[Tier, ...]
    meeting: Tier | None
    left_out: tuple[str, ...]  # offered, but its default price is above what members accept
    not_offered: tuple[str, ...]


def _units(item: str, d: Defaults) -> float:
    return d.day_passes_per_month if item == "day_pass" else 1.0


def membership_mix(inputs: CalcInputs, d: Defaults) -> Mix:
    """The tiers and prices, by the rules in this module's docstring."""
    offered = TIERS if inputs.tiers is None else tuple(t for t in TIERS if t in inputs.tiers)
    free = inputs.price_hot_desk is not None and inputs.price_hot_desk <= 0
    ceiling = inputs.accepted_price
    priced: list[tuple[str, float, str, float]] = []  # item, price, source, raw share
    left_out: list[str] = []
    for item in offered:
        share = getattr(d, f"share_{item}")
        own = getattr(inputs, f"price_{item}")
        units = _units(item, d)
        if own is not None:
            price, src = own, FOUNDER
        elif item == "hot_desk" and ceiling is not None:
            price, src = ceiling, ACCEPTED
        elif free:
            left_out.append(item)
            continue
        else:
            price, src = getattr(d, f"price_{item}"), DEFAULT_SOURCES[f"price_{item}"]
            if ceiling is not None and price * units > ceiling + EPS:
                if item in FIXED_TIERS:
                    left_out.append(item)
                    continue
                price, src = ceiling / units, ACCEPTED
        if share > 0:
            priced.append((item, price, src, share))
    total = sum(p[3] for p in priced)
    tiers = tuple(
        Tier(item, price, _units(item, d), share / total, src,
             share / total * price * _units(item, d))
        for item, price, src, share in priced
    )
    meeting = None
    if inputs.meeting_room is not False and free and inputs.price_meeting_room_hour is None:
        left_out.append("meeting_room")
    elif inputs.meeting_room is not False:
        hours = d.meeting_hours_per_member_month
        price = d.price_meeting_room_hour
        meeting = Tier("meeting_room", price, hours, 1.0,
                       source(inputs, "price_meeting_room_hour"), hours * price)
    return Mix(tiers, meeting, tuple(left_out), tuple(t for t in TIERS if t not in offered))


def desk_need_per_member(mix: Mix, d: Defaults) -> float:
    """``n = s_fixed + s_flex / k``: dedicated-desk and private-office members each
    hold a desk; hot-desk and day-pass members share, ``k`` members to a flex desk.
    Defaults: 0.3 + 0.7 / 2.5 = 0.58 of a desk per member. With no tier counted a
    member is taken to need a flex desk share (``1 / k``)."""
    if not mix.tiers:
        return 1 / d.members_per_flex_desk
    fixed = sum(t.share for t in mix.tiers if t.item in FIXED_TIERS)
    return fixed + (1 - fixed) / d.members_per_flex_desk


@record
class Revenue:
    """Revenue per member a month, from the membership mix.

    ``gross_per_member = Σ tier.per_member + meeting hours × hourly price``. Prices
    are what members pay. A VAT-registered operator keeps ``gross / (1 + VAT)``
    and passes the rest to the State Revenue Service; one that is not registered
    charges no VAT and keeps the whole price. Costs are taken as paid (input VAT
    is not reclaimed here, which errs on the safe side).
    """

    mix: Mix
    gross_per_member: float
    net_per_member: float
    vat_registered: bool
    vat_rate: float
    at_target: float  # net a month with the planned number of members

    @property
    def tiers(self) -> tuple[Tier, ...]:
        return self.mix.tiers + ((self.mix.meeting,) if self.mix.meeting else ())

    def net_from_gross(self, gross: float) -> float:
        return gross / (1 + self.vat_rate) if self.vat_registered else gross

    def gross_from_net(self, net: float) -> float:
        return net * (1 + self.vat_rate) if self.vat_registered else net


def revenue(inputs: CalcInputs, d: Defaults, mix: Mix, planned_members: float) -> Revenue:
    """See ``Revenue``. Defaults (every tier offered, no answers): 0.2 × 3 × 8 +
    0.5 × 60 + 0.2 × 120 + 0.1 × 200 + 0.75 × 10 = 4.8 + 30 + 24 + 20 + 7.5 =
    €86.30 a member a month."""
    gross = sum(t.per_member for t in mix.tiers) + (mix.meeting.per_member if mix.meeting else 0)
    net = gross / (1 + d.vat_rate) if inputs.vat_registered else gross
    return Revenue(mix, gross, net, inputs.vat_registered, d.vat_rate, net * planned_members)
