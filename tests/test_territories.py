"""The LEADER groups by parish or town, and the Interreg programme areas, from their data files."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from koprade_wizard.guidance.municipalities import BY_SLUG
from koprade_wizard.guidance.sources import lookup_source
from koprade_wizard.guidance.territories import (
    NOT_SURE,
    area_question_id,
    in_programme_area,
    lag_table,
    programme_areas,
    resolve_lag,
)

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")  # a year, a month or a day


def test_one_row_per_local_government() -> None:
    assert set(lag_table().rows) == set(BY_SLUG)
    assert len(lag_table().rows) == 42


@pytest.mark.parametrize("slug", sorted(BY_SLUG))
def test_every_row_has_a_source_a_page_date_field_and_an_as_of_date(slug: str) -> None:
    row = lag_table().rows[slug]
    assert row.pages, slug
    for page in row.pages:
        assert page.url.startswith(("http://", "https://")), page.url
        assert page.page_date is None or _DATE.match(page.page_date), page.page_date
    assert dt.date.fromisoformat(row.as_of) <= dt.date(2026, 12, 1)
    assert row.confidence in ("high", "medium", "low")


def test_every_group_named_exists_and_has_a_website_or_says_it_has_none() -> None:
    table = lag_table()
    for row in table.rows.values():
        named = set(row.lags) | {u.lag for u in row.units if u.lag} | {
            u.alt for u in row.units if u.alt}
        assert named <= set(table.groups), row.municipality
        assert {u.lag for u in row.units if u.lag} <= set(row.lags), row.municipality
    websites = {g.id: g.website for g in table.groups.values()}
    assert [gid for gid, site in websites.items() if not site] == ["preili"]


def test_a_split_row_has_units_and_no_row_status() -> None:
    for row in lag_table().rows.values():
        if row.split:
            assert row.status is None, row.municipality
            ids = [u.id for u in row.units]
            assert len(ids) == len(set(ids)) and NOT_SURE not in ids
            assert all(u.name_en for u in row.units if u.kind == "rest")
        else:
            assert row.status in ("in", "check", "out"), row.municipality
        low = [u for u in row.units if u.confidence == "low"]
        assert all(u.reason for u in low), row.municipality
        if not row.split and row.confidence == "low":
            assert row.reason, row.municipality


def test_every_page_is_a_citable_source() -> None:
    for slug, row in lag_table().rows.items():
        for i, page in enumerate(row.pages):
            source = lookup_source(f"lag-page:{slug}:{i}")
            assert source is not None and source.url == page.url
    assert lookup_source(f"lag-page:riga:{len(lag_table().rows['riga'].pages)}") is None


@pytest.mark.parametrize(("slug", "area", "status", "groups"), [
    ("ogres-novads", "ogre-town", "out", ()),
    ("ogres-novads", "rest", "in", ("Zied zeme",)),
    ("ogres-novads", None, "check", ("Zied zeme",)),
    ("riga", None, "out", ()),
    ("bauskas-novads", "bauska-town", "check", ("Bauskas rajona lauku partnerība",)),
    ("bauskas-novads", "valle", "in", ("Aizkraukles rajona partnerība",)),
    ("cesu-novads", "stalbe", "in", ("Vidzemes lauku partnerība “Brasla”",)),
    ("cesu-novads", "cesis-town", "check", ("Cēsu rajona lauku partnerība",)),
    ("limbazu-novads", "skultes", "check", ("Jūrkante",)),
    ("limbazu-novads", "umurgas", "in", ("Vidzemes lauku partnerība “Brasla”",)),
    ("olaines-novads", None, "in", ("Pierīgas partnerība",)),
    ("kekavas-novads", "baldone-town", "check", ("Partnerība Daugavkrasts", "Zied zeme")),
])
def test_resolve_the_group_by_parish_or_town(
    slug: str, area: str | None, status: str, groups: tuple[str, ...]
) -> None:
    lag = resolve_lag(slug, area)
    assert lag is not None
    assert lag.status == status
    assert tuple(g.name for g in lag.groups) == groups


def test_not_knowing_the_place_names_the_excluded_town() -> None:
    lag = resolve_lag("ogres-novads", None)
    assert lag is not None and lag.excluded is not None and lag.excluded.id == "ogre-town"
    assert resolve_lag("nowhere") is None


def test_follow_up_question_ids() -> None:
    assert area_question_id("ogres-novads") == "lag_area_ogres_novads"


def test_statistical_regions_cover_every_municipality_once() -> None:
    areas = programme_areas()
    assert set(areas.region_of) == set(BY_SLUG)
    assert set(areas.region_names) == set(areas.region_of.values())


@pytest.mark.parametrize(("programme", "slug", "inside"), [
    ("interreg_lv_lt", "ogres-novads", False),  # Pierīga
    ("interreg_lv_lt", "bauskas-novads", True),  # Zemgale
    ("interreg_lv_lt", "talsu-novads", True),  # Kurzeme
    ("interreg_ee_lv", "talsu-novads", True),
    ("interreg_ee_lv", "kraslavas-novads", False),  # Latgale
    ("interreg_ee_lv", "cesu-novads", True),  # Vidzeme
    ("interreg_ee_lv", None, None),
])
def test_interreg_programme_areas(programme: str, slug: str | None, inside: bool | None) -> None:
    assert in_programme_area(programme, slug) is inside


def test_programme_area_sources_are_citable() -> None:
    for sid in ("area:interreg_ee_lv", "area:interreg_lv_lt", "area:statistical_regions"):
        source = lookup_source(sid)
        assert source is not None and source.url and source.url.startswith("http")
