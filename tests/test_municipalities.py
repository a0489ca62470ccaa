"""Latvia's local governments after the reform, as of 1 July 2025."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

import pytest

from koprade_wizard.guidance.datafile import DataFileError
from koprade_wizard.guidance.municipalities import (
    AS_OF,
    BY_SLUG,
    COORDINATES_SOURCE_ID,
    EXPECTED_COUNT,
    FORMER_SLUGS,
    LAG_BY_MUNICIPALITY,
    LEGAL_SOURCE_ID,
    MUNICIPALITIES,
    PLANNING_REGION_NAMES,
    WEBSITES_AS_OF,
    _municipality,
    lookup,
)
from koprade_wizard.guidance.sources import SOURCES

STATE_CITIES = {"Daugavpils", "Jelgava", "Jūrmala", "Liepāja", "Rēzekne", "Rīga", "Ventspils"}


def test_42_local_governments_35_novadi_and_7_state_cities() -> None:
    assert EXPECTED_COUNT == len(MUNICIPALITIES) == 42
    kinds = Counter(m.kind for m in MUNICIPALITIES)
    assert kinds == {"novads": 35, "state_city": 7}
    assert {m.name_lv for m in MUNICIPALITIES if m.kind == "state_city"} == STATE_CITIES


def test_varaklani_is_part_of_madona_now() -> None:
    assert "varaklanu-novads" not in BY_SLUG
    assert FORMER_SLUGS["varaklanu-novads"] == "madonas-novads"
    assert lookup("varaklanu-novads") is BY_SLUG["madonas-novads"]
    assert AS_OF == "2025-07-01"
    assert LEGAL_SOURCE_ID in SOURCES


def test_slugs_are_unique_ascii_and_follow_the_names() -> None:
    slugs = [m.slug for m in MUNICIPALITIES]
    assert len(set(slugs)) == len(slugs)
    for m in MUNICIPALITIES:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", m.slug), m.slug
        folded = unicodedata.normalize("NFKD", m.name_lv).encode("ascii", "ignore").decode()
        assert m.slug == folded.lower().replace(" ", "-"), m.slug


def test_names_carry_their_diacritics() -> None:
    names = {m.slug: m.name_lv for m in MUNICIPALITIES}
    assert names["kekavas-novads"] == "Ķekavas novads"
    assert names["marupes-novads"] == "Mārupes novads"
    assert names["adazu-novads"] == "Ādažu novads"
    assert names["augsdaugavas-novads"] == "Augšdaugavas novads"
    assert names["preilu-novads"] == "Preiļu novads"
    assert names["riga"] == "Rīga"
    assert BY_SLUG["riga"].official_lv == "Rīgas valstspilsēta"
    assert BY_SLUG["daugavpils"].official_lv == "Daugavpils valstspilsēta"


def test_novads_names_end_in_novads_and_english_names_exist() -> None:
    for m in MUNICIPALITIES:
        assert m.name_en
        if m.kind == "novads":
            assert m.name_lv.endswith(" novads")
            assert m.official_lv == m.name_lv


def test_planning_regions_after_2021() -> None:
    regions = Counter(m.planning_region for m in MUNICIPALITIES)
    assert regions == {"riga": 9, "vidzeme": 10, "kurzeme": 8, "zemgale": 6, "latgale": 9}
    assert BY_SLUG["saulkrastu-novads"].planning_region == "vidzeme"
    assert BY_SLUG["ogres-novads"].planning_region == "vidzeme"
    assert BY_SLUG["tukuma-novads"].planning_region == "kurzeme"
    assert set(PLANNING_REGION_NAMES) == set(regions)


def test_lag_map_covers_every_municipality_and_guesses_nothing() -> None:
    assert set(LAG_BY_MUNICIPALITY) == set(BY_SLUG)
    known = {slug: cover for slug, cover in LAG_BY_MUNICIPALITY.items() if cover is not None}
    assert known["marupes-novads"].lags == ("Pierīgas partnerība",)
    assert known["olaines-novads"].lags == ("Pierīgas partnerība",)
    ogre = known["ogres-novads"]
    assert ogre.lags == ("Zied zeme",)
    assert (ogre.area, ogre.except_city) == ("outside_state_city", "Ogre")
    assert known["riga"].area == "none_urban"
    assert known["riga"].lags == ()
    for cover in known.values():
        assert cover.source_id in SOURCES
    # Uncertain places stay unknown so that the plan sends the founder to LAD.
    assert LAG_BY_MUNICIPALITY["bauskas-novads"] is None
    assert LAG_BY_MUNICIPALITY["daugavpils"] is None


def test_lookup_of_an_unknown_slug() -> None:
    assert lookup("atlantis") is None


def test_every_council_has_an_https_website_and_its_source() -> None:
    for m in MUNICIPALITIES:
        assert m.website is not None and m.no_website is None, m.slug
        assert re.fullmatch(r"https://[a-z0-9.-]+\.lv", m.website), m.website
    assert len({m.website for m in MUNICIPALITIES}) == len(MUNICIPALITIES)
    assert re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", WEBSITES_AS_OF)


def test_council_names_in_latvian() -> None:
    assert BY_SLUG["madonas-novads"].council_lv == "Madonas novada pašvaldība"
    assert BY_SLUG["riga"].council_lv == "Rīgas valstspilsētas pašvaldība"
    assert BY_SLUG["daugavpils"].council_lv == "Daugavpils valstspilsētas pašvaldība"


def test_administrative_centres_and_their_coordinates_have_sources() -> None:
    assert COORDINATES_SOURCE_ID in SOURCES
    assert BY_SLUG["ropazu-novads"].centre == "Ulbroka"
    assert BY_SLUG["dienvidkurzemes-novads"].centre == "Grobiņa"
    # A novads run from the state city of the same name shares its coordinates.
    for novads, city in (("jelgavas-novads", "jelgava"), ("rezeknes-novads", "rezekne"),
                         ("ventspils-novads", "ventspils"), ("augsdaugavas-novads",
                                                             "daugavpils")):
        assert (BY_SLUG[novads].lat, BY_SLUG[novads].lon) == (BY_SLUG[city].lat,
                                                              BY_SLUG[city].lon)
    # Latgale lies east of Kurzeme: a swapped lat/lon would break this.
    assert BY_SLUG["ludzas-novads"].lon > BY_SLUG["liepaja"].lon + 6


def _row(**change: object) -> dict[str, object]:
    row: dict[str, object] = {"slug": "test-novads", "kind": "novads", "name_lv": "Testa novads",
                              "name_en": "Test Municipality", "region": "vidzeme",
                              "website": "https://www.test.lv", "centre": "Tests",
                              "lat": 57.0, "lon": 25.0}
    row.update(change)
    return {k: v for k, v in row.items() if v is not None}


@pytest.mark.parametrize("change", [
    {"website": "http://www.test.lv"},       # not https
    {"website": "www.test.lv"},              # no scheme
    {"website": "https://www.test.lv two"},  # not one address
    {"website": None},                       # no website and no reason
    {"website": None, "no_website": " "},    # an empty reason
    {"no_website": "none found"},            # a reason next to a website
    {"lat": 25.0, "lon": 57.0},              # swapped: outside Latvia
    {"centre": None},
])
def test_the_data_file_check_rejects_a_bad_row(change: dict[str, object]) -> None:
    with pytest.raises(DataFileError):
        _municipality(_row(**change))


def test_a_row_may_say_why_it_has_no_website() -> None:
    m = _municipality(_row(website=None, no_website="the council has no site of its own"))
    assert m.website is None and m.no_website
    assert _municipality(_row()).website == "https://www.test.lv"
