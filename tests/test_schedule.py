"""The schedule and the actions follow the answers: survey only when demand is weak,
a premises search when there are none, works as long as the works answered, the
founder's opening date kept or shown beside the earliest one; actions filtered by
stage, founder type, tenure and equipment."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from bundled import bundled_tree

from koprade_wizard.guidance.schedule import DAYS, Schedule, schedule
from koprade_wizard.interview import answers_file as answer_file
from koprade_wizard.plan.data import build_plan

ROOT = Path(__file__).resolve().parent.parent
TREE = bundled_tree()
TODAY = dt.date(2026, 12, 1)


def plan_of(**changes: Any) -> Schedule:
    base: dict[str, Any] = {"is_open": False, "demand_weak": False, "premises_found": True,
                            "works": "cosmetic", "leader": False, "wanted": None}
    return schedule(TODAY, **(base | changes))


def ids(**changes: Any) -> list[str]:
    return [t.id for t in plan_of(**changes).tasks]


def test_a_survey_only_where_demand_is_weak() -> None:
    assert "survey" not in ids()
    assert "survey" in ids(demand_weak=True)


def test_a_premises_search_only_where_there_are_none() -> None:
    assert "find_premises" not in ids()
    assert "find_premises" in ids(premises_found=False)


@pytest.mark.parametrize("works", ["ready", "cosmetic", "major"])
def test_works_take_as_long_as_the_works_answered(works: str) -> None:
    fit = next(t for t in plan_of(works=works).tasks if t.id == "fit_out")
    assert fit.days == DAYS[f"fit_out_{works}"]
    assert DAYS["fit_out_ready"] < DAYS["fit_out_cosmetic"] < DAYS["fit_out_major"]


def test_the_earliest_opening_adds_up_its_path() -> None:
    # Concept 60 + a LEADER decision 150 + major works 180 days from today.
    plan = plan_of(works="major", leader=True)
    assert plan.path == (("legal_business_plan", 60), ("funding_decision", 150),
                         ("fit_out", 180))
    assert plan.earliest == TODAY + dt.timedelta(days=390)
    assert plan.opening == plan.earliest


def test_the_founders_opening_date_is_kept_when_it_can_be_met() -> None:
    later = TODAY + dt.timedelta(days=400)
    plan = plan_of(wanted=later)
    assert plan.opening == later and not plan.wish_too_early
    soon = TODAY + dt.timedelta(days=30)
    early = plan_of(wanted=soon)
    assert early.wish_too_early and early.wanted == soon and early.opening == early.earliest


def _plan(name: str, **changes: Any) -> Any:
    data = answer_file.load(ROOT / "examples" / f"{name}.yaml", "en")
    answers = dict(answer_file.validate(TREE, data, "en")) | changes
    return build_plan(TREE, answers, "en", TODAY)


def test_strong_demand_gets_no_survey_task() -> None:
    # The association surveyed 42 people and has 9 founding members and 6 letters.
    plan = _plan("association-workshop")
    assert not plan.demand_weak
    assert "survey" not in [t.id for t in plan.timeline]


def test_a_founder_without_premises_gets_a_premises_task() -> None:
    plan = _plan("freelancers-no-premises")
    assert "find_premises" in [t.id for t in plan.timeline]


def test_a_council_in_its_own_building_sets_no_threshold_before_a_lease() -> None:
    plan = _plan("municipality-school")
    assert plan.answers["tenure"] == "council-offered"
    assert "founding-member-threshold" not in [x.id for x in plan.actions]


def test_extraction_advice_follows_the_workshop_kinds() -> None:
    # Woodwork and 3D printing: dust extraction and ventilation, no laser advice.
    found = {x.id for x in _plan("association-workshop").actions}
    assert {"workshop-dust-extraction", "workshop-printer-ventilation"} <= found
    assert "workshop-extraction" not in found


def test_an_open_space_is_not_told_to_set_up() -> None:
    plan = _plan("company-town-centre", stage="open", current_members=14)
    found = {x.id for x in plan.actions}
    assert not found & {"check-the-lease", "volunteer-work-days", "open-coworking-days",
                        "basic-equipment", "insurance", "take-pre-bookings"}
    assert "open-coworking-days" not in [x.id for x in plan.top_actions]
    assert plan.timeline[0].id == "grow_members"


def test_study_visits_are_the_ones_the_founder_chose() -> None:
    found = {x.id for x in _plan("association-workshop").actions}
    assert "study-visits-chosen" in found and "study-visits-latvia" not in found


def test_every_duration_names_a_source_or_is_an_assumption() -> None:
    from koprade_wizard.guidance.schedule import DAYS_SOURCES
    from koprade_wizard.guidance.sources import ASSUMPTION, SOURCES

    assert set(DAYS_SOURCES) == set(DAYS)
    assert all(s == ASSUMPTION or s in SOURCES for s in DAYS_SOURCES.values())
    # LEADER's decision: about a month at the group, then 3–5 months at LAD.
    assert DAYS_SOURCES["funding_decision_leader"] == "lad_leader"
    assert 30 + 90 <= DAYS["funding_decision_leader"] <= 30 + 150
