"""Golden figures for every example founder, re-derivable by hand from calc's formulas.

Worked example (freelancers-no-premises: 6 desks wanted, no premises yet, a volunteer
host 4 h a week, printer, kitchen and a quiet zone chosen but no meeting room, donated
furniture, members come 3 days a week and would pay €45 a month, open-plan):
  area      = 6 desks × 14 m² = 84 m²
  set-up    = 84 × 280 (cosmetic fit-out: the low end of $300–1,000/m²) + 0 (donated
              furniture) + 6 × 100 (IT) + 1 500 (network) + 400 (printer) + 0 (no meeting
              room chosen) + 1 × 2 500 (phone booth for the quiet zone) + 3 000 (kitchen)
              + 1 000 (other) = 23 520 + 9 000 = 32 520 €
  monthly   = 84 × 3.5 (rent) + 84 × 1.5 (utilities) + 50 (internet) + 0 (volunteer host)
              + 25 (insurance) + 84 × 0.5 (cleaning) + 50 (other) = 587 €
  tiers     = open plan: day pass, hot desk, dedicated desk; the dedicated desk's €120
              is above the €45 members accept, so it is left out; day pass 0.2 and hot
              desk 0.5 scaled to 2/7 and 5/7
  per member = 2/7 × 3 × 8 + 5/7 × 45 (the accepted price) = 6.86 + 32.14 = 39.00 €
  members per flex desk = 5 / 3 days = 1.67; capacity = ⌊6 / (1 / 1.67)⌋ = 10 members;
              planned = ⌊10 × 0.7⌋ = 7
  members needed = ⌈587 / 39.00⌉ = ⌈15.05⌉ = 16 > 10: does not fit; income never
              covers costs, so nothing is earned back.

municipality-school: 540 m², 38 desks, members come 2 days a week (2.5 to a flex desk);
its own prices €30 hot desk and €5 day pass, members accept €35: dedicated desks (€120)
and private offices (€200) are left out; per member 2/7 × 3 × 5 + 5/7 × 30 + 0.75 × 10
(meeting room chosen) = 4.29 + 21.43 + 7.50 = 33.21 €; needed ⌈2 245 / 33.21⌉ = 68 against
⌊95 × 0.7⌋ = 66 planned: not reached at these prices.

newcomer-english (a person in Olaine, a company not yet registered, 12 desks wanted, no
premises, new furniture, a meeting room, kitchen and quiet zone, members come 2 days a
week and accept €70, its own day pass €10, €6,000 own money and the ALTUM start loan):
  area      = 12 × 14 = 168 m²; members per flex desk = 5 / 2 = 2.5; capacity =
              ⌊12 × 2.5⌋ = 30; planned = ⌊30 × 0.7⌋ = 21; meeting rooms ⌈21 / 15⌉ = 2
  set-up    = 168 × 280 (fit-out) + 12 × 465 (new furniture) + 12 × 100 (IT) + 1 500
              (network) + 0 (no printer chosen) + 2 × 2 500 (meeting rooms) + 2 500 (phone
              booth) + 3 000 (kitchen) + 1 000 (other) = 47 040 + 5 580 + 1 200 + 1 500
              + 5 000 + 2 500 + 3 000 + 1 000 = 66 820 €
  loan      = 66 820 − 6 000 own money = 60 820 € needed, but above 7 000 € ALTUM lends
              at most 90 % of the project: 0.9 × 66 820 = 60 138 € (682 € still to be
              found), over 10 years at 6 %: 60 138 × 0.005 / (1 − 1.005^−120) = 667.66 €
  monthly   = 168 × 3.5 + 168 × 1.5 + 50 (internet) + 0 (no host hours) + 25 (insurance)
              + 168 × 0.5 (cleaning) + 50 (other) + 667.66 (loan) = 1 717 €
  tiers     = open plan: day pass (its own €10) and hot desk at the accepted €70 (no own
              price given); the dedicated desk's €120 is above €70 and left out; shares
              0.2 and 0.5 scaled to 2/7 and 5/7
  per member = 2/7 × 3 × 10 + 5/7 × 70 + 0.75 h × 10 (meeting room) = 8.57 + 50.00 + 7.50
              = 66.07 €
  members needed = ⌈1 716.66 / 66.07⌉ = ⌈25.98⌉ = 26 > 21 planned: not reached.

The examples with their own totals (set-up and monthly costs as the founder gave them):
  association-workshop: 210 m² with a workshop room of its own (20 % = 42 m² off):
              desks ⌊168 × 0.75 / 10.5⌋ = 12; 2.5 days → 5 / 2.5 = 2 to a flex desk,
              capacity 24, planned ⌊24 × 0.7⌋ = 16; its own €45 hot desk and €7 day pass:
              2/7 × 3 × 7 + 5/7 × 45 + 0.75 × 10 = 6.00 + 32.14 + 7.50 = 45.64 €; needed
              ⌈1 400 / 45.64⌉ = ⌈30.7⌉ = 31 > 24: does not fit.
  company-town-centre: 160 m²: desks ⌊120 / 10.5⌋ = 11; 3 days → 1.67 to a flex desk,
              capacity ⌊11 × 1.67⌋ = 18, planned 12; loan 48 000 − 25 000 own = 23 000 →
              255.35 € a month, monthly 3 200 + 255.35 = 3 455 €; 2/7 × 3 × 12 + 5/7 × 89 +
              7.50 = 81.36 €; needed ⌈3 455.35 / 81.36⌉ = ⌈42.5⌉ = 43.
  cooperative-strong-demand: 280 m², workshop room 56 m²: desks ⌊224 × 0.75 / 10.5⌋ = 16;
              2 days → 2.5, capacity 40, planned 28; monthly at the defaults 280 × (3.5 +
              1.5 + 0.5) + 50 + 16 h × 52 / 12 × 12 (host) + 25 + 50 = 2 497, plus the loan
              60 000 − 12 000 (LEADER 40 % of 30 000) − 14 000 own = 34 000 → 377.47 €,
              total 2 874 €; 2/7 × 3 × 8 + 5/7 × 55 + 7.50 = 53.64 €; needed ⌈53.6⌉ = 54.
  open-space-growing: 320 m²: desks ⌊240 / 10.5⌋ = 22; 2.5 days → 2, capacity 44,
              planned max(⌊44 × 0.7⌋, 26 members now) = 30; 2/7 × 3 × 9 + 5/7 × 65 + 7.50
              = 61.64 €; needed ⌈2 600 / 61.64⌉ = ⌈42.2⌉ = 43.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from bundled import bundled_tree

from koprade_wizard.interview import answers_file as answer_file
from koprade_wizard.plan.data import build_plan

ROOT = Path(__file__).resolve().parent.parent
TREE = bundled_tree()

# example: desks, member capacity, members planned, set-up €, monthly €, net per member €,
#          members needed, month of operating break-even, month the set-up is recovered
GOLDEN = {
    "freelancers-no-premises": (6, 10, 7, 32_520, 587, 39.00, 16, None, None),
    "association-workshop": (12, 24, 16, 32_000, 1_400, 45.64, 31, None, None),
    "company-town-centre": (11, 18, 12, 48_000, 3_455, 81.36, 43, None, None),
    "cooperative-strong-demand": (16, 40, 28, 60_000, 2_874, 53.64, 54, None, None),
    "municipality-school": (38, 95, 66, 85_000, 2_245, 33.21, 68, None, None),
    "newcomer-english": (12, 30, 21, 66_820, 1_717, 66.07, 26, None, None),
    "open-space-growing": (22, 44, 30, 20_000, 2_600, 61.64, 43, None, None),
}


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_example_figures(name: str) -> None:
    data = answer_file.load(ROOT / "examples" / f"{name}.yaml", "en")
    answers = answer_file.validate(TREE, data)
    result = build_plan(TREE, answers, data.language, dt.date(2026, 11, 27)).calc
    desks, capacity, planned, setup, monthly, per_member, needed, operating, recover = \
        GOLDEN[name]
    assert result.capacity.desks == desks
    assert result.capacity.member_capacity == capacity
    assert result.break_even.members_planned == planned
    assert result.setup.total == pytest.approx(setup)
    assert round(result.monthly.total) == monthly  # a loan payment has cents
    assert result.revenue.net_per_member == pytest.approx(per_member, abs=0.005)
    assert result.break_even.members_needed == needed
    assert result.break_even.months_to_operating_break_even == operating
    assert result.break_even.months_to_recover == recover


def test_founders_own_figures_win() -> None:
    data = answer_file.load(ROOT / "examples" / "association-workshop.yaml", "en")
    answers = answer_file.validate(TREE, data)
    result = build_plan(TREE, answers, "en", dt.date(2026, 11, 27)).calc
    # The association gave its own set-up budget and monthly costs: they are used as given.
    assert [line.item for line in result.setup.lines] == ["founder_total"]
    assert result.monthly.lines[0].source_id == "founder"
    # Its own prices: 45 € hot desk and 7 € day pass instead of 60 € and 8 €.
    assert result.figures.price_hot_desk == 45
    assert result.figures.price_day_pass == 7
