"""Golden figures for every example founder, re-derivable by hand from calc.py's formulas.

Worked example (freelancers-no-premises: 6 desks wanted, no premises yet, a volunteer
host 4 h a week, printer and kitchen chosen, defaults otherwise):
  area      = 6 desks × 14 m² = 84 m²
  set-up    = 84 × 40 (cosmetic fit-out) + 6 × 450 (furniture) + 6 × 100 (IT) + 1 500
              (network) + 400 (printer) + 1 × 2 500 (meeting room) + 1 × 2 500 (phone
              booth) + 3 000 (kitchen) + 1 000 (other) = 17 560 €
  monthly   = 84 × 3.5 (rent) + 84 × 1.5 (utilities) + 50 (internet) + 0 (volunteer host)
              + 25 (insurance) + 84 × 0.5 (cleaning) + 50 (other) = 587 €
  per member = 86.30 € (default mix); members needed = ⌈587 / 86.30⌉ = ⌈6.80⌉ = 7
  capacity  = ⌊6 / 0.58⌋ = 10 members; target = 10 × 0.7 = 7 → the surplus at target
              is 7 × 86.30 − 587 = 17.10 € a month: the set-up is not earned back in 60 months.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from koprade_wizard.cli.wiring import load_pack as load_tree
from koprade_wizard.interview import answers_file as answer_file
from koprade_wizard.plan.data import build_plan

ROOT = Path(__file__).resolve().parent.parent
TREE = load_tree(ROOT / "steps", use_cache=False)

# example: desks, member capacity, set-up €, monthly €, net per member €,
#          members needed, month of operating break-even, month the set-up is recovered
GOLDEN = {
    "freelancers-no-premises": (6, 10, 17_560, 587, 86.30, 7, 12, None),
    "association-workshop": (15, 25, 32_000, 1_400, 78.20, 18, None, None),
    "company-town-centre": (11, 18, 48_000, 3_200, 103.20, 32, None, None),
    "cooperative-strong-demand": (16, 27, 60_000, 2_189, 83.80, 27, None, None),
    "municipality-school": (38, 65, 85_000, 2_245, 69.50, 33, 9, None),
    "newcomer-english": (12, 20, 23_820, 1_049, 87.50, 12, 11, None),
    "open-space-growing": (22, 37, 20_000, 2_600, 89.40, 30, None, None),
}


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_example_figures(name: str) -> None:
    data = answer_file.load(ROOT / "examples" / f"{name}.yaml", "en")
    answers = answer_file.validate(TREE, data)
    result = build_plan(TREE, answers, data.language, dt.date(2026, 11, 27)).calc
    desks, capacity, setup, monthly, per_member, needed, operating, recover = GOLDEN[name]
    assert result.capacity.desks == desks
    assert result.capacity.member_capacity == capacity
    assert result.setup.total == pytest.approx(setup)
    assert result.monthly.total == pytest.approx(monthly)
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
