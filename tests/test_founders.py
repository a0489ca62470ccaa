"""Founders in tricky places: every part of the plan reads the same funding verdict."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from bundled import bundled_tree

from koprade_wizard.guidance.funding import Fit
from koprade_wizard.plan.data import PlanData, build_plan
from koprade_wizard.plan.markdown import render_markdown

ROOT = Path(__file__).resolve().parent.parent
TREE = bundled_tree()
TODAY = dt.date(2026, 11, 27)
LEADER = ("leader_economy", "leader_community")
LEADER_ACTIONS = {"leader-application", "contact-your-lag"}


def founder(example: str, **changes: Any) -> dict[str, Any]:
    raw = yaml.safe_load((ROOT / "examples" / f"{example}.yaml").read_text(encoding="utf-8"))
    answers = {k: v for k, v in raw["answers"].items() if not k.startswith("lag_area_")}
    answers.update(changes)
    return answers


def plan_for(answers: dict[str, Any], lang: str = "en") -> tuple[PlanData, str]:
    plan = build_plan(TREE, answers, lang, TODAY)
    return plan, render_markdown(plan)


ONE_PAGE = "The plan on one page"


def section(markdown: str, heading: str) -> str:
    start = markdown.index(f"\n## {heading}")
    end = markdown.find("\n## ", start + 4)
    return markdown[start:end if end != -1 else None]


def test_ogre_town_gets_no_leader_anywhere() -> None:
    plan, md = plan_for(founder("freelancers-no-premises", municipality="ogres-novads",
                                lag_area_ogres_novads="ogre-town", leader_lag_contacted=False))
    assert all(plan.verdict(r) == "no" for r in LEADER)
    assert not LEADER_ACTIONS & {a.id for a in plan.actions}
    assert "Ogre (town)" in section(md, "Funding")
    assert "Contact your LAG" not in md and "Prepare a LEADER application" not in md
    assert all(g.label not in LEADER for g in plan.calc.funding.grants)
    # Municipal support may fit but has no rate to count on: the plan says so, and
    # does not claim that no chosen grant may fit.
    budget = section(md, "Budget")
    assert "none of the funding routes you chose is a grant that may fit you" not in budget
    assert "“Municipal support: grants, participatory budget, premises” may fit you" in budget


def test_riga_has_no_leader_in_the_table_or_the_checklist() -> None:
    plan, md = plan_for(founder("freelancers-no-premises", municipality="riga",
                                leader_lag_contacted=False))
    assert all(plan.verdict(r) == "no" for r in LEADER)
    checklist = section(md, "Action checklist")
    assert "LEADER application" not in checklist and "Contact your LAG" not in checklist
    assert "Interreg Latvia–Lithuania" not in {m.route.value for m in plan.funding if
                                               m.fits is Fit.FITS}


def test_ikskile_is_zied_zeme_with_its_website() -> None:
    plan, md = plan_for(founder("freelancers-no-premises", municipality="ogres-novads",
                                lag_area_ogres_novads="rest", leader_lag_contacted=False))
    assert plan.lag is not None and [g.name for g in plan.lag.groups] == ["Zied zeme"]
    assert "ziedzeme.lv" in section(md, ONE_PAGE) and "ziedzeme.lv" in section(md, "Funding")
    assert "contact-your-lag" in {a.id for a in plan.actions}
    # An informal group must first found an association: "maybe", never "fits".
    assert plan.verdict("leader_community") == "maybe"
    assert plan.verdict("interreg_lv_lt") == "no"  # Pierīga is not in the programme area


def test_bauska_town_is_check_with_the_bauska_partnership() -> None:
    plan, md = plan_for(founder("freelancers-no-premises", municipality="bauskas-novads",
                                lag_area_bauskas_novads="bauska-town"))
    assert plan.lag is not None and plan.lag.status == "check"
    assert "Bauskas rajona lauku partnerība (bauskaspartneriba.lv)" in section(md, ONE_PAGE)
    assert all(plan.verdict(r) == "maybe" for r in LEADER)
    assert "51%" not in md  # Pierīga's commuting figure is not Bauska's


def test_an_olaine_municipality_uses_its_own_budget() -> None:
    answers = founder("municipality-school", municipality="olaines-novads")
    plan, md = plan_for(answers)
    routes = {m.route.value for m in plan.funding}
    assert "municipality" not in routes and plan.verdict("council_budget") == "fits"
    assert "Municipal support: grants" not in md  # the route, as the plan names it
    assert "The case for the municipality" not in md
    assert "Arguments for the council’s decision and for partners" in md
    assert "talk-to-the-council" not in {a.id for a in plan.actions}
    # In its own building the council decides once: "prepare the council decisions",
    # not also "ask for a council decision handing over the premises".
    assert "council-decisions-procurement" in {a.id for a in plan.actions}
    assert "council-use-agreement" not in {a.id for a in plan.actions}
    assert "pierigaspartneriba.lv" in md
    _, lv_md = plan_for(answers, "lv")
    assert "Argumenti pašvaldībai" not in lv_md


@pytest.mark.parametrize(("area", "group", "status"), [
    ("stalbe", "Vidzemes lauku partnerība “Brasla”", "in"),
    ("cesis-town", "Cēsu rajona lauku partnerība", "check"),
    ("not-sure", None, "check"),
])
def test_cesis_depends_on_the_parish(area: str, group: str | None, status: str) -> None:
    plan, md = plan_for(founder("association-workshop", municipality="cesu-novads",
                                lag_area_cesu_novads=area))
    assert plan.lag is not None and plan.lag.status == status
    if group:
        assert [g.name for g in plan.lag.groups] == [group]
    for g in plan.lag.groups:
        assert g.website and g.website in md
    # A group's round figures are another group's example outside its territory.
    assert "Another group’s example" in section(md, "Funding")


def test_a_limbazi_parish_in_jurkante_is_check_with_jurkante() -> None:
    plan, md = plan_for(founder("association-workshop", municipality="limbazu-novads",
                                lag_area_limbazu_novads="skultes"), "lv")
    assert plan.lag is not None and [g.name for g in plan.lag.groups] == ["Jūrkante"]
    assert all(plan.verdict(r) == "maybe" for r in LEADER if plan.verdict(r) != "no")
    assert "jautājiet: Jūrkante (jurkante.lv)" in md
    assert plan.verdict("interreg_ee_lv") != "no"  # Limbaži is Pierīga: Estonia–Latvia area


def test_the_budget_counts_only_a_chosen_route() -> None:
    # LEADER fits this association, but it chose only its own money.
    plan, _ = plan_for(founder("association-workshop", funding_routes=["crowdfunding"]))
    assert plan.verdict("leader_community") == "fits"
    assert plan.calc.funding.grants == ()
    chosen, _ = plan_for(founder("association-workshop"))
    assert [g.label for g in chosen.calc.funding.grants] == ["leader_community"]


# Rules that name a route only to describe it (comparing legal forms, saying a route is
# not open, pointing to LAGs in general), not to recommend it to this founder.
DESCRIBES_ONLY = frozenset({"choose-legal-form", "altum-company-too-old",
                            "altum-for-businesses-only", "train-community-manager",
                            "study-visits-abroad"})
ROUTE_WORDS = ("LEADER", "LAG", "ALTUM", "LIAA", "Interreg", "Active Citizens")


def test_every_action_naming_a_route_declares_it() -> None:
    """Action rules that recommend LEADER, ALTUM, LIAA, Interreg or the Active Citizens
    Fund say so, so the plan can leave them out where that route does not fit."""
    from koprade_wizard.guidance.funding import RouteId

    known = {r.value for r in RouteId}
    for _, rule in TREE.actions():
        assert set(rule.routes) <= known, rule.id
        words = rule.title["en"] + " " + rule.detail["en"]
        if any(word in words for word in ROUTE_WORDS) and rule.id not in DESCRIBES_ONLY:
            assert rule.routes, rule.id


def test_liaa_support_for_members_is_not_offered_where_liaa_does_not_fit() -> None:
    answers = founder("association-workshop", partners=["liaa-incubator"],
                      funding_routes=["leader", "liaa"])
    plan, md = plan_for(answers)
    assert plan.verdict("liaa_incubator") == "no"
    assert "liaa-incubator-for-members" not in {a.id for a in plan.actions}
    assert "Use the LIAA business incubator" not in section(md, "Action checklist")
    company, _ = plan_for(founder("company-town-centre", partners=["liaa-incubator"]))
    assert company.verdict("liaa_incubator") == "maybe"
    assert "liaa-incubator-for-members" in {a.id for a in company.actions}


def test_no_leader_project_is_spoken_of_where_leader_does_not_fit() -> None:
    plan, md = plan_for(founder("association-workshop", municipality="riga"))
    assert all(plan.verdict(r) == "no" for r in LEADER)
    checklist = section(md, "Action checklist")
    assert "LEADER project" not in checklist and "your LAG" not in checklist
    assert "leader-community-line" not in {a.id for a in plan.actions}
    assert "LEADER support" not in section(md, "Budget")  # break-even advice names no route
    # Where LEADER fits and the association did not choose it, the line is suggested.
    other, _ = plan_for(founder("association-workshop", funding_routes=["crowdfunding"]))
    assert "leader-community-line" in {a.id for a in other.actions}


def test_near_duplicate_steps_are_one_top_step() -> None:
    """A leased space with few founding members fires both "set a threshold before
    any lease" and "don't sign a long lease before the threshold": one topic, so one
    of them is a top step and both stay in the checklist."""
    plan, _ = plan_for(founder("association-workshop", municipality="riga"))
    ids = {a.id for a in plan.actions}
    assert {"founding-member-threshold", "no-long-lease-yet"} <= ids
    top = [a.id for a in plan.top_actions]
    assert "founding-member-threshold" in top and "no-long-lease-yet" not in top
    assert len({a.topic for a in plan.top_actions}) == len(plan.top_actions)
    # A company in Ikšķile: "can a private space pay its way" and "be honest about
    # break-even" are one topic; only the first is a top step.
    company, _ = plan_for(founder("company-town-centre", municipality="ogres-novads",
                                  lag_area_ogres_novads="rest"))
    top = [a.id for a in company.top_actions]
    assert "purpose-private-viability" in top and "honest-break-even" not in top
    assert company.verdict("leader_economy") == "fits"
    assert company.lag is not None and [g.name for g in company.lag.groups] == ["Zied zeme"]


def _open_in_valmiera(**changes: Any) -> dict[str, Any]:
    answers = founder("open-space-growing", municipality="valmieras-novads",
                      lag_area_valmieras_novads="valmiera-city", settlement="Valmiera")
    for key in ("setup_budget", "monthly_costs"):
        answers.pop(key)
    answers.update(changes)
    return answers


def test_an_open_space_is_not_costed_as_a_new_founding() -> None:
    """An open space in Valmiera, premises ready, no set-up budget given: nothing it
    has is bought anew, so the improvements still planned cost €0 (the itemised
    founding budget would have been €19,100 of IT, kitchen, meeting rooms, workshop
    sets and signage)."""
    plan, md = plan_for(_open_in_valmiera())
    assert plan.calc.setup.total == 0
    assert plan.calc.funding.grants == () and plan.calc.funding.gap <= 0
    assert "| Improvements still planned | €0 |" in section(md, ONE_PAGE)
    budget = section(md, "Budget")
    assert "For comparison: Edukontor" not in budget
    assert "to also earn back the set-up" not in budget
    ids = {a.id for a in plan.actions}
    assert not {"check-the-lease", "volunteer-work-days", "basic-equipment", "insurance",
                "pre-payment-campaign", "founding-member-threshold"} & ids
    # Valmiera city is in no group's territory on any page read: check with LAD.
    assert plan.lag is not None and plan.lag.status == "check"
    own = next(m for m in plan.funding if m.route.value == "own_money")
    assert "prepayments" not in {r.code for r in own.reasons}


def test_an_open_space_pays_only_for_the_works_still_to_do() -> None:
    # 320 m² needing cosmetic works: 320 × €280 (the low end of $300–1,000/m²) = €89,600,
    # and nothing for furniture, IT or the kitchen it already has.
    plan, md = plan_for(_open_in_valmiera(condition="cosmetic"))
    lines = {x.item: x.amount for x in plan.calc.setup.lines}
    assert lines["fit_out"] == 320 * 280 == plan.calc.setup.total
    assert all(v == 0 for k, v in lines.items() if k != "fit_out")
    assert "already there (the space is open)" in section(md, "Budget")
    # Its own figure is what it still plans to improve, named so.
    own, own_md = plan_for(_open_in_valmiera(setup_budget=20_000))
    assert own.calc.setup.total == 20_000
    assert "Improvements still planned (total)" in section(own_md, "Budget")


def test_an_association_in_valle_parish_is_aizkraukle_not_bauska() -> None:
    """Bauska municipality's parishes are the Bauska partnership's, except Valle and
    Kurmene, which belong to the Aizkraukle partnership (its own page, high)."""
    plan, md = plan_for(founder("association-workshop", municipality="bauskas-novads",
                                lag_area_bauskas_novads="valle", settlement="Valle"))
    assert plan.lag is not None and plan.lag.status == "in"
    assert [g.name for g in plan.lag.groups] == ["Aizkraukles rajona partnerība"]
    assert "aizkrauklespartneriba.lv" in section(md, ONE_PAGE)
    assert plan.verdict("leader_community") == "fits"
    assert plan.verdict("interreg_lv_lt") != "no"  # Zemgale is in the programme area
    assert plan.verdict("interreg_ee_lv") == "no"
    # The budget counts the LEADER community grant: 70 % of the €10,000 limit.
    assert [(g.label, g.amount) for g in plan.calc.funding.grants] == [("leader_community", 7000)]
    assert "51%" not in md and "Pierīga" not in section(md, ONE_PAGE)
