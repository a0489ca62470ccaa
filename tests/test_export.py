"""The plan's data as JSON: valid against its published schema, true to the plan."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from test_cli import program
from test_property import TREE, _candidates, _first_valid, value_for

from koprade_wizard.cli.wiring import load_pack
from koprade_wizard.guidance import funding
from koprade_wizard.interview import answers_file
from koprade_wizard.interview.engine import Interview
from koprade_wizard.plan.data import build_plan
from koprade_wizard.plan.export import SCHEMA_VERSION, dumps, plan_json, schema

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
TODAY = dt.date(2026, 11, 27)
VALIDATOR = jsonschema.Draft202012Validator(schema())


def example_json(path: Path) -> dict[str, object]:
    data = answers_file.load(path, "en")
    tree = load_pack(ROOT / "steps", use_cache=False)
    typed = answers_file.validate(tree, data, str(path))
    plan = build_plan(tree, typed, data.language, TODAY)
    return json.loads(dumps(plan_json(plan, tree.id, tree.version)))


def test_the_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(schema())


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_validates_against_the_schema(path: Path) -> None:
    document = example_json(path)
    VALIDATOR.validate(document)
    assert document["schema_version"] == SCHEMA_VERSION


def test_the_data_matches_the_answers_and_the_calculation() -> None:
    path = ROOT / "examples" / "association-workshop.yaml"
    doc = example_json(path)
    assert doc["initiative"]["name"] == "Skultes darbnīca un koprade"
    assert doc["initiative"]["municipality"]["id"] == "marupes-novads"
    assert doc["demand"]["respondents"] == 42
    assert doc["demand"]["founding_members"] == 9
    assert doc["lag"]["name"] == "Pierīgas partnerība"
    assert doc["lag"]["website"].startswith("https://")
    # The founder gave the set-up total: one line, that total.
    assert doc["setup_budget"]["total"] == 32000
    assert doc["setup_budget"]["lines"] == [{"item": "founder_total", "eur": 32000,
                                             "source": "founder"}]
    tiers = {t["tier"]: t for t in doc["revenue"]["tiers"]}
    # The founder's own hot-desk price, with the share the revenue mix gives it.
    data = answers_file.load(path, "en")
    tree = load_pack(ROOT / "steps", use_cache=False)
    plan = build_plan(tree, answers_file.validate(tree, data, str(path)), "en", TODAY)
    mix = {t.item: t for t in plan.calc.revenue.mix.tiers}
    assert tiers["hot_desk"] == {"tier": "hot_desk", "price": 45,
                                 "share": round(mix["hot_desk"].share, 4), "source": "founder"}
    assert set(tiers) - {"meeting_room"} == set(mix)
    assert all(t["source"] in ("founder", "accepted", "assumption") for t in tiers.values())
    shares = [t["share"] for t in doc["revenue"]["tiers"] if t["share"] is not None]
    assert sum(shares) == pytest.approx(1)
    wanted = {r["id"] for r in doc["funding"] if r["wanted"]}
    assert {"leader_economy", "leader_community", "municipality",
            "active_citizens_fund"} == wanted


def test_a_space_in_the_city_a_group_leaves_out_has_no_lag() -> None:
    town = example_json(ROOT / "examples" / "company-town-centre.yaml")  # Ogre town
    assert town["lag"]["status"] == "outside" and town["lag"]["name"] is None
    assert "Ogre" in town["lag"]["reason"]
    village = example_json(ROOT / "examples" / "cooperative-strong-demand.yaml")  # Ķegums
    assert village["lag"]["status"] == "covered" and village["lag"]["name"] == "Zied zeme"
    # The territory row for Ogres novads outside Ogre town is confirmed by the group itself.
    assert village["lag"]["confidence"] == "high"


def test_an_unverified_route_is_never_fits() -> None:
    for path in EXAMPLES:
        data = answers_file.load(path, "en")
        tree = load_pack(ROOT / "steps", use_cache=False)
        plan = build_plan(tree, answers_file.validate(tree, data, str(path)), "en", TODAY)
        verdicts = {r["id"]: r["verdict"] for r in plan_json(plan)["funding"]}
        for match in plan.funding:
            expected = ("no" if match.fits is funding.Fit.NO else
                        "maybe" if match.fits is funding.Fit.MAYBE or match.unverified
                        else "fits")
            assert verdicts[match.route.value] == expected


def test_render_writes_json_and_keeps_an_existing_file(tmp_path: Path) -> None:
    example = ROOT / "examples" / "company-town-centre.yaml"
    done = program("render", str(example), "--format", "json", "--out", str(tmp_path),
                   cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    written = tmp_path / "company-town-centre-plan.json"
    VALIDATOR.validate(json.loads(written.read_text(encoding="utf-8")))
    assert not (tmp_path / "company-town-centre-plan.md").exists()
    written.write_text("{}", encoding="utf-8")
    again = program("render", str(example), "--format", "json", "--out", str(tmp_path),
                    cwd=tmp_path)
    assert again.returncode != 0
    assert written.read_text(encoding="utf-8") == "{}"


# How many examples: the profile (tests/conftest.py).
@settings(deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), lang=st.sampled_from(["lv", "en"]))
def test_any_valid_answer_set_gives_valid_plan_data(data: st.DataObject, lang: str) -> None:
    interview = Interview(TREE, {}, lang)
    while (q := interview.current()) is not None:
        raw = data.draw(value_for(q), label=q.id)
        value = _first_valid(q, [raw, *_candidates(q)], interview.context_before(q.id), lang)
        interview.answer(q.id, value)
    document = json.loads(dumps(plan_json(build_plan(TREE, interview.answers, lang, TODAY))))
    VALIDATOR.validate(document)
    be = document["break_even"]
    assert isinstance(be["members_planned"], int)
    assert be["members_needed"] is None or isinstance(be["members_needed"], int)
