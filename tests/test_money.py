"""Tiers and prices from the answers, costs of what was chosen, break-even told
straight, loans, sources and uses, and the scenarios: worked examples by hand."""

from __future__ import annotations

import itertools

import pytest

from koprade_wizard.guidance.calc import (
    ACCEPTED,
    DEFAULTS,
    FOUNDER,
    CalcInputs,
    Furniture,
    GrantInput,
    annuity,
    compute,
    members_per_flex_desk,
)
from koprade_wizard.guidance.funding_routes import own_share_cap

OPEN_PLAN = frozenset({"day_pass", "hot_desk", "dedicated_desk"})


def tiers(inputs: CalcInputs) -> dict[str, tuple[float, str]]:
    return {t.item: (t.price, t.source_id) for t in compute(inputs).revenue.tiers}


def test_an_open_plan_space_has_no_private_offices() -> None:
    assert "private_office" not in tiers(CalcInputs(area_m2=200, tiers=OPEN_PLAN))
    assert "private_office" in tiers(CalcInputs(area_m2=200))


def test_the_accepted_price_sets_the_hot_desk_and_caps_the_defaults() -> None:
    # Members accept €35: the hot desk is €35, the day pass 3 × €8 = €24 stays, the
    # dedicated desk (€120) and the private office (€200) are left out.
    result = compute(CalcInputs(area_m2=200, accepted_price=35))
    found = {t.item: (t.price, t.source_id) for t in result.revenue.tiers}
    assert found["hot_desk"] == (35, ACCEPTED)
    assert found["day_pass"][0] == 8
    assert "dedicated_desk" not in found and "private_office" not in found
    assert result.revenue.mix.left_out == ("dedicated_desk", "private_office")
    # Shares 0.2 and 0.5 scaled to 2/7 and 5/7; plus 0.75 h × €10 of meeting room.
    assert result.revenue.gross_per_member == pytest.approx(2 / 7 * 24 + 5 / 7 * 35 + 7.5)


def test_a_day_pass_is_brought_down_to_the_accepted_price() -> None:
    # €15 a month accepted: 3 passes at €8 would be €24, so each pass is €5.
    assert tiers(CalcInputs(area_m2=200, accepted_price=15))["day_pass"] == (5, ACCEPTED)


def test_the_founders_own_price_wins_even_above_the_accepted_one() -> None:
    found = tiers(CalcInputs(area_m2=200, accepted_price=35, price_hot_desk=50,
                             price_private_office=180))
    assert found["hot_desk"] == (50, FOUNDER)
    assert found["private_office"] == (180, FOUNDER)


def test_a_free_hot_desk_counts_no_default_price() -> None:
    result = compute(CalcInputs(area_m2=200, price_hot_desk=0))
    assert result.revenue.gross_per_member == 0
    assert result.break_even.members_needed is None
    assert max(p.cumulative for p in result.cash_flow) <= result.cash_flow[0].cumulative


@pytest.mark.parametrize(("days", "k"), [(2, 2.5), (2.5, 2.0), (1, 4.0), (5, 1.0), (7, 1.0)])
def test_days_a_week_set_how_many_share_a_flex_desk(days: float, k: float) -> None:
    assert members_per_flex_desk(days) == pytest.approx(k)
    # 14 desks, every member on a hot desk: capacity ⌊14 × k⌋.
    cap = compute(CalcInputs(area_m2=200, share_hot_desk=1, days_per_week=days)).capacity
    assert cap.member_capacity == int(14 * k + 1e-9)


def test_a_workshop_room_comes_off_the_desk_area() -> None:
    # 200 m² with a workshop room: 20 % = 40 m² off, ⌊160 × 0.75 / 10.5⌋ = 11 desks.
    cap = compute(CalcInputs(area_m2=200, workshop_room=True)).capacity
    assert cap.workshop_m2 == pytest.approx(40)
    assert cap.desks == 11
    assert compute(CalcInputs(area_m2=200)).capacity.desks == 14


@pytest.mark.parametrize(("furniture", "amount"), [
    # 200 m² at the defaults hold 14 desks; furniture costs €465 a desk (half second-hand).
    (Furniture.DONATED, 0.0), (Furniture.HAVE, 0.0), (Furniture.SECOND_HAND, 14 * 465 * 0.5),
    (Furniture.NEW, 14 * 465.0), (None, 14 * 465.0),
])
def test_furniture_costs_what_the_founder_said(furniture: Furniture | None,
                                               amount: float) -> None:
    lines = {x.item: x.amount for x in compute(CalcInputs(area_m2=200,
                                                          furniture=furniture)).setup.lines}
    assert lines["furniture"] == pytest.approx(amount)


def test_equipment_not_chosen_costs_and_brings_nothing() -> None:
    result = compute(CalcInputs(area_m2=200, meeting_room=False, phone_booth=False))
    lines = {x.item: x.amount for x in result.setup.lines}
    assert lines["meeting_rooms"] == 0 and lines["phone_booths"] == 0
    assert result.revenue.mix.meeting is None
    chosen = compute(CalcInputs(area_m2=60, meeting_room=True, phone_booth=True))
    assert chosen.capacity.meeting_rooms == 1 and chosen.capacity.phone_booths == 1


def test_planned_members_are_whole_and_needed_members_rounded_up() -> None:
    result = compute(CalcInputs(area_m2=200))
    be = result.break_even
    assert be.members_planned == result.capacity.target_members == 16  # ⌊24 × 0.7⌋
    assert be.members_needed_exact is not None and be.members_needed is not None
    assert be.members_needed - 1 < be.members_needed_exact <= be.members_needed


def test_what_it_would_take_at_the_planned_members() -> None:
    # €1,000 a month, 10 planned members, €3,600 to earn back over 36 months:
    # €100 a member to cover costs, (1,000 + 100) / 10 = €110 to also earn it back.
    inputs = CalcInputs(area_m2=200, monthly_costs_eur=1_000, setup_budget_eur=3_600,
                        target_members=10, share_hot_desk=1, price_hot_desk=50,
                        meeting_hours_per_member_month=0)
    be = compute(inputs).break_even
    assert be.price_to_cover == pytest.approx(100)
    assert be.price_to_recover == pytest.approx(110)
    assert be.members_needed == 20 and be.members_to_recover == 22
    # 20 members fit the 35 the space carries (14 desks × 2.5), but only 10 are planned.
    assert be.fits is True and be.reachable is False


def test_a_loan_is_repaid_in_the_monthly_costs() -> None:
    # €20,000 at 6 % over 10 years: 20,000 × 0.005 / (1 − 1.005^−120) = €222.04.
    assert annuity(20_000, 0.06, 10) == pytest.approx(222.041, abs=0.01)
    assert annuity(12_000, 0.0, 10) == pytest.approx(100)
    result = compute(CalcInputs(area_m2=200, setup_budget_eur=30_000, own_money_eur=10_000,
                                monthly_costs_eur=1_000, loan_wanted=True))
    assert result.loan is not None and result.loan.amount == pytest.approx(20_000)
    assert result.monthly.total == pytest.approx(1_000 + result.loan.monthly_payment)
    assert result.funding.gap == pytest.approx(0)
    # What the space earns back is the own €10,000: the loan's €20,000 come back through
    # the payments in the monthly costs, so the chart starts at −10,000, not −30,000.
    assert result.funding.to_recover == pytest.approx(10_000)
    assert result.cash_flow[0].cumulative == pytest.approx(-10_000)
    assert result.cash_flow[1].result == pytest.approx(
        result.cash_flow[1].revenue - 1_000 - result.loan.monthly_payment)
    # The accounts still write off the whole set-up, loan-financed or not.
    assert result.funding.depreciable == pytest.approx(30_000)
    small = compute(CalcInputs(area_m2=200, setup_budget_eur=10_500, own_money_eur=10_000,
                               loan_wanted=True))
    assert small.loan is not None and small.loan.amount == 2_000  # ALTUM's smallest loan


def test_the_start_loan_keeps_altums_own_share_rule() -> None:
    # Above €7,000 ALTUM expects 10 % of the project from the founder: of a €66,820
    # set-up with €6,000 own money it lends 90 % = €60,138, and €682 is still to be found.
    result = compute(CalcInputs(area_m2=200, setup_budget_eur=66_820, own_money_eur=6_000,
                                loan_wanted=True))
    assert result.loan is not None and result.loan.capped
    assert result.loan.amount == pytest.approx(60_138)
    assert result.funding.gap == pytest.approx(682)
    # Up to €7,000 it asks no own share: €7,500 with nothing of one's own → €7,000.
    small = compute(CalcInputs(area_m2=200, setup_budget_eur=7_500, own_money_eur=0,
                               loan_wanted=True))
    assert small.loan is not None and small.loan.amount == pytest.approx(7_000)
    assert small.funding.gap == pytest.approx(500)
    # With a tenth of one's own the loan covers all the rest.
    enough = compute(CalcInputs(area_m2=200, setup_budget_eur=20_000, own_money_eur=5_000,
                                loan_wanted=True))
    assert enough.loan is not None and not enough.loan.capped
    assert enough.loan.amount == pytest.approx(15_000) and enough.funding.gap == pytest.approx(0)
    assert own_share_cap(20_000) == pytest.approx(18_000)
    assert own_share_cap(6_000) == pytest.approx(6_000)


def test_sources_add_up_to_the_uses() -> None:
    result = compute(CalcInputs(area_m2=200, own_money_eur=3_000,
                                grants=(GrantInput(0.5, 8_000, paid_after=True),)))
    su = result.sources_and_uses
    assert sum(x.amount for x in su.sources) == pytest.approx(su.total)
    assert su.total == pytest.approx(result.setup.total)
    assert su.vat_total == pytest.approx(su.total * 0.21 / 1.21)


def test_money_left_over_is_a_reserve_among_the_uses() -> None:
    result = compute(CalcInputs(area_m2=200, setup_budget_eur=10_000, own_money_eur=12_000))
    su = result.sources_and_uses
    assert [(u.item, u.amount) for u in su.uses] == [("founder_total", 10_000),
                                                     ("reserve", 2_000)]
    assert [(x.item, x.amount) for x in su.sources] == [("own_money", 12_000)]
    assert su.total == 12_000


def test_a_zero_budget_gets_no_grant_and_nothing_to_recover() -> None:
    result = compute(CalcInputs(area_m2=200, setup_budget_eur=0, grants=(GrantInput(0.5),)))
    assert result.funding.grants_total == 0
    assert result.funding.to_recover == 0


def test_cash_flow_in_every_scenario_adds_up() -> None:
    result = compute(CalcInputs(area_m2=200, own_money_eur=3_000,
                                grants=(GrantInput(0.5, 8_000, paid_after=True),)))
    gap = result.funding
    low, base, high = result.scenarios
    assert [s.name for s in result.scenarios] == ["pessimistic", "base", "optimistic"]
    assert low.members <= base.members <= high.members <= result.capacity.member_capacity
    for sc in result.scenarios:
        # Opening day: own money + grants − set-up, less the grant that comes later.
        assert sc.months[0].cash == pytest.approx(-gap.gap - gap.bridge)
        for before, now in itertools.pairwise(sc.months):
            assert now.cash == pytest.approx(before.cash + now.income - now.costs + now.grant_in)
        assert sum(m.grant_in for m in sc.months) == pytest.approx(gap.bridge)
        assert sc.years[0].income == pytest.approx(sum(m.income for m in sc.months[1:13]))
    assert base.months[12].members == result.capacity.target_members
    assert low.months[1].costs == pytest.approx(
        result.monthly.total * DEFAULTS.pessimistic_costs_factor)
