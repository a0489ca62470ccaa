"""The plan's contacts: the council's website and the LIAA incubator nearest to the
founder, both from data with their sources, and the study-visit spaces' sources."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any

import pytest

from koprade_wizard.cli.wiring import load_pack
from koprade_wizard.guidance import incubators
from koprade_wizard.guidance.datafile import DataFileError, read_data
from koprade_wizard.guidance.incubators import INCUBATORS, nearest, parse
from koprade_wizard.guidance.municipalities import (
    BY_SLUG,
    MUNICIPALITIES,
    WEBSITES_AS_OF,
    Municipality,
)
from koprade_wizard.guidance.sources import SOURCES, lookup_source
from koprade_wizard.guidance.visits import VISIT_SPACES
from koprade_wizard.guidance.visits import parse as parse_visits
from koprade_wizard.i18n import formatting
from koprade_wizard.i18n.messages import t
from koprade_wizard.interview import answers_file as answers
from koprade_wizard.pack.tree import DecisionTree
from koprade_wizard.plan.data import build_plan
from koprade_wizard.plan.export import plan_json
from koprade_wizard.plan.markdown import render_markdown

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "municipality-school.yaml"
TODAY = dt.date(2026, 11, 27)
REGIONAL = [i for i in INCUBATORS if i.kind == "regional"]


def haversine(a: Municipality, b: Municipality) -> float:
    """The test's own great-circle distance in km (spherical law of cosines), so that
    the module's formula is checked, not repeated."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    cos = (math.sin(p1) * math.sin(p2)
           + math.cos(p1) * math.cos(p2) * math.cos(math.radians(b.lon - a.lon)))
    return 6371.0088 * math.acos(max(-1.0, min(1.0, cos)))


# ------------------------------------------------------------------- the rule


def test_every_municipality_maps_to_a_regional_incubator() -> None:
    for m in MUNICIPALITIES:
        near = nearest(m)
        assert near.incubator.kind == "regional", m.slug
        assert near.incubator.municipality in BY_SLUG
        assert near.km >= 0


def test_a_founder_in_madonas_novads_gets_the_madona_incubator() -> None:
    near = nearest(BY_SLUG["madonas-novads"])
    assert near.incubator.id == "madona" and near.rule == "own" and near.km == 0
    assert near.incubator.town == "Madona"
    assert near.incubator.name("lv") == "LIAA Madonas biznesa inkubators"
    assert near.incubator.name("en") == "LIAA Madona Business Incubator"


def test_a_municipality_with_an_incubator_gets_its_own() -> None:
    for inc in REGIONAL:
        near = nearest(BY_SLUG[inc.municipality])
        assert (near.incubator, near.rule) == (inc, "own")


@pytest.mark.parametrize("slug", [m.slug for m in MUNICIPALITIES
                                  if m.slug not in {i.municipality for i in REGIONAL}])
def test_elsewhere_the_closest_town_in_a_straight_line(slug: str) -> None:
    muni = BY_SLUG[slug]
    near = nearest(muni)
    far = {i.id: haversine(muni, BY_SLUG[i.municipality]) for i in REGIONAL}
    assert far[near.incubator.id] == pytest.approx(min(far.values()), abs=1e-6)
    assert near.km == pytest.approx(far[near.incubator.id], abs=1e-6)
    # A novads run from a state city with an incubator is served by that city's.
    assert near.rule == ("centre" if near.km < 0.5 else "distance")


def test_cesis_and_riga_follow_the_distance_rule() -> None:
    cesis = nearest(BY_SLUG["cesu-novads"])
    assert cesis.rule == "distance"
    assert cesis.incubator.id == min(REGIONAL, key=lambda i: haversine(
        BY_SLUG["cesu-novads"], BY_SLUG[i.municipality])).id
    # Rīga's own incubator is the creative-industries one: never the nearest.
    assert nearest(BY_SLUG["riga"]).incubator.kind == "regional"
    assert nearest(BY_SLUG["jelgavas-novads"]).incubator.id == "jelgava"


# ------------------------------------------------------------- the data checks


def _raw(**change: Any) -> dict[str, Any]:
    raw = {"source_id": "liaa_incubators",
           "incubators": [{"id": "madona", "kind": "regional", "municipality": "madonas-novads",
                           "name": {"lv": "LIAA Madonas biznesa inkubators",
                                    "en": "LIAA Madona Business Incubator"}}]}
    for key, value in change.items():
        if key in raw:
            raw[key] = value
        else:
            raw["incubators"][0][key] = value
    return raw


@pytest.mark.parametrize("change", [
    {"municipality": "atlantis-novads"},               # unknown municipality
    {"kind": "national"},                              # unknown kind
    {"name": {"lv": "LIAA Madonas biznesa inkubators"}},  # no English name
    {"id": ""},
    {"source_id": "no_such_source"},                   # unknown source
    {"source_id": "municipal_support"},                # a source with no address
    {"incubators": []},
    {"kind": "creative"},                              # no regional incubator left
])
def test_the_incubator_file_check_rejects_a_bad_file(change: dict[str, Any]) -> None:
    with pytest.raises(DataFileError):
        parse(_raw(**change))


def test_the_incubator_file_check_rejects_a_repeated_id() -> None:
    raw = _raw()
    raw["incubators"].append(dict(raw["incubators"][0]))
    with pytest.raises(DataFileError):
        parse(raw)


def test_the_shipped_incubator_file_and_its_source() -> None:
    source, found = parse(read_data(incubators.DATA_FILE))
    assert found == INCUBATORS and len({i.id for i in found}) == len(found)
    assert source.url == incubators.PAGE and incubators.PAGE.startswith("https://")
    assert [i.id for i in found if i.kind == "creative"] == ["creative"]
    assert source.as_of  # the list's date, shown in the plan's sources


def test_visit_spaces_are_the_questions_choices_with_known_sources(tmp_path: Path) -> None:
    tree = load_pack(ROOT / "steps", use_cache=False)
    choices = [c.value for c in tree.question("visit_spaces").choices]
    assert [sp for sp, _ in VISIT_SPACES] == choices
    assert all(sid in SOURCES for _, sid in VISIT_SPACES)
    with pytest.raises(DataFileError):
        parse_visits({"spaces": [{"id": "x", "source": "no_such_source"}]})
    with pytest.raises(DataFileError):
        parse_visits({"spaces": [{"id": "x", "source": "skola6"}] * 2})


# ------------------------------------------------------------- the rendered plan


@pytest.fixture(scope="module")
def tree() -> DecisionTree:
    return load_pack(ROOT / "steps", use_cache=False)


def _contacts(tree: DecisionTree, slug: str, lang: str) -> tuple[str, str, Any]:
    """The example plan moved to ``slug``: its Markdown, its contacts section, the plan."""
    values = dict(answers.validate(tree, answers.load(EXAMPLE, lang), str(EXAMPLE)))
    values["municipality"] = slug
    plan = build_plan(tree, values, lang, TODAY, yes_no=(t("yes", lang), t("no", lang)))
    md = render_markdown(plan, ROOT / "templates")
    section = md.split("\n## " + t("h_contacts", lang))[1].split("\n## ")[0]
    return md, section, plan


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_the_contacts_name_the_council_site_and_the_madona_incubator(
        tree: DecisionTree, lang: str) -> None:
    md, section, plan = _contacts(tree, "madonas-novads", lang)
    council = next(line for line in section.splitlines() if "<https://madona.lv>" in line)
    # The address is the council's own site's: the row says so.
    assert council.endswith(f"| {t('contact_own_site', lang)} |")
    name = "LIAA Madonas biznesa inkubators" if lang == "lv" else "LIAA Madona Business Incubator"
    row = next(line for line in section.splitlines() if line.startswith(f"| {name} |"))
    # The row shows the site, linked to the page; the cited source gives the address.
    assert f"| [liaa.gov.lv]({incubators.PAGE}) |" in row
    assert f"<{incubators.PAGE}>" in md.split("\n## " + t("h_sources", lang))[1]
    assert t("contact_liaa_own", lang) in row
    # The incubator row cites an entry that the plan's list of sources holds.
    cited = {c.id: c.number for c in plan.citations.entries()}
    assert f"\\[{cited['liaa_incubators']}\\]" in row
    # The generic LIAA row is replaced, not added to.
    assert not any(line.startswith("| LIAA |") for line in section.splitlines())


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_the_contacts_give_the_distance_where_the_rule_used_it(
        tree: DecisionTree, lang: str) -> None:
    _, section, plan = _contacts(tree, "cesu-novads", lang)
    near = nearest(BY_SLUG["cesu-novads"])
    text = t("contact_liaa_distance", lang, km=formatting.number(near.km, lang),
             centre="Cēsis")
    row = next(line for line in section.splitlines()
               if line.startswith(f"| {near.incubator.name(lang)} |"))
    assert text in row and "<https://www.cesis.lv>" in section
    cited = {c.id: c.number for c in plan.citations.entries()}
    assert f"{cited['geonames_cities1000']}" in row.split("|")[4]


def test_the_plan_json_carries_the_council_site_and_the_incubator(tree: DecisionTree) -> None:
    _, _, plan = _contacts(tree, "cesu-novads", "en")
    data = plan_json(plan)
    assert data["initiative"]["municipality"]["website"] == "https://www.cesis.lv"
    assert data["initiative"]["municipality"]["website_as_of"] == WEBSITES_AS_OF
    inc = data["incubator"]
    near = nearest(BY_SLUG["cesu-novads"])
    assert (inc["id"], inc["rule"], inc["page"]) == (near.incubator.id, "distance",
                                                     incubators.PAGE)
    assert inc["km"] == round(near.km, 1) and lookup_source(inc["source"]) is not None
