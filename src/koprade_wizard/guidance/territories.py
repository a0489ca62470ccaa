"""Where LEADER groups and Interreg programmes work, read from the data files.

``data/lag_territories.yaml`` has one row per local government (42): its LEADER
local action group(s), the parishes or towns where that depends on the place, a
confidence, the pages it rests on and an "as of" date. ``data/programme_areas.yaml``
has the statistical region of each local government and the regions each Interreg
programme covers. Both are parsed once per process (``functools.cache``) and only
when a plan needs them, so the interview starts without reading them.

``resolve_lag`` turns a municipality and, where asked, the parish or town into one
``LagVerdict``: ``in`` (the group works there, by a high-confidence page), ``check``
(probably, but no page settles it — the plan says "check with <group>") or ``out``
(no group works there for a co-working space).
"""

from __future__ import annotations

from functools import cache
from typing import Any, Literal

from koprade_wizard.common.record import record
from koprade_wizard.guidance.datafile import read_data
from koprade_wizard.i18n.messages import t

Status = Literal["in", "check", "out"]
Confidence = Literal["high", "medium", "low"]
UnitKind = Literal["town", "parish", "city", "rest"]

# Named so that comparisons read as the data file's words, not as answers.
IN: Status = "in"
CHECK: Status = "check"
OUT: Status = "out"
HIGH: Confidence = "high"
_CONF_ORDER: tuple[Confidence, ...] = ("low", "medium", "high")
NOT_SURE = "not-sure"


@record
class Group:
    id: str
    name: str
    website: str | None


@record
class Page:
    """A public page a row rests on; ``page_date`` is the date the page showed, if any."""

    url: str
    page_date: str | None


@record
class Unit:
    """A parish, town or city whose group differs from the rest of its municipality.

    ``kind == "rest"`` stands for every unit of the municipality not listed.
    ``alt`` is a second group that may cover it instead (an open question).
    """

    id: str
    name: str
    name_en: str | None
    kind: UnitKind
    lag: str | None
    status: Status
    confidence: Confidence
    reason: str | None
    alt: str | None

    def label(self, lang: str) -> str:
        """The unit as a reason names it: "Ogre (pilsēta)", "Ogre (town)", "Madliena"."""
        if self.kind == "rest":
            return self.name if lang == "lv" or not self.name_en else self.name_en
        return t(f"unit_label.{self.kind}", lang, name=self.name)


@record
class Territory:
    """One local government's row. ``status`` is ``None`` where ``units`` decide."""

    municipality: str
    status: Status | None
    reason: str | None
    lags: tuple[str, ...]
    confidence: Confidence
    pages: tuple[Page, ...]
    as_of: str
    units: tuple[Unit, ...]

    @property
    def split(self) -> bool:
        return bool(self.units)

    def unit(self, unit_id: str | None) -> Unit | None:
        return next((u for u in self.units if u.id == unit_id), None)


@record
class LagTable:
    as_of: str
    groups: dict[str, Group]
    rows: dict[str, Territory]


def _unit(raw: dict[str, Any]) -> Unit:
    return Unit(id=raw["id"], name=raw["name"], name_en=raw.get("name_en"), kind=raw["kind"],
                lag=raw.get("lag"), status=raw["status"], confidence=raw["confidence"],
                reason=raw.get("reason"), alt=raw.get("alt"))


def _read(name: str) -> dict[str, Any]:
    return read_data(name)  # parsed once, safely, and kept parsed in the user's cache


@cache
def lag_table() -> LagTable:
    raw = _read("lag_territories.yaml")
    as_of = str(raw["as_of"])
    groups = {gid: Group(gid, g["name"], g.get("website")) for gid, g in raw["groups"].items()}
    rows = {}
    for slug, r in raw["municipalities"].items():
        rows[slug] = Territory(
            municipality=slug,
            status=r.get("status"),
            reason=r.get("reason"),
            lags=tuple(r.get("lags") or ()),
            confidence=r["confidence"],
            pages=tuple(Page(str(p["url"]), None if p.get("page_date") is None
                             else str(p["page_date"])) for p in r.get("sources") or ()),
            as_of=str(r.get("as_of") or as_of),
            units=tuple(_unit(u) for u in r.get("units") or ()),
        )
    return LagTable(as_of, groups, rows)


def area_question_id(slug: str) -> str:
    """The id of the follow-up question that asks the parish or town in ``slug``."""
    return "lag_area_" + slug.replace("-", "_")


@record
class LagVerdict:
    """Which group works where the space will be, and how sure that is.

    ``groups`` are the groups to name (one where the place is known; every candidate
    where it is not). ``reason`` is a code the plan words: ``confirmed``,
    ``confidence_medium``/``confidence_low``, ``place_unknown`` or a row's own code.
    ``excluded`` names a unit outside every group when the place is not known.
    """

    municipality: str
    status: Status
    reason: str
    groups: tuple[Group, ...]
    confidence: Confidence
    unit: Unit | None
    excluded: Unit | None
    pages: tuple[Page, ...]
    as_of: str

    @property
    def websites(self) -> tuple[str, ...]:
        return tuple(g.website for g in self.groups if g.website)


def _effective(status: Status, confidence: Confidence, reason: str | None) -> tuple[Status, str]:
    """A group "in" by a page of less than high confidence is only "check". A
    low-confidence row always carries its own reason (the data file says why)."""
    if status == IN and confidence != HIGH:
        return CHECK, reason or "confidence_medium"
    return status, reason or ("confirmed" if status == IN else "not_covered")


def resolve_lag(slug: str | None, area: str | None = None) -> LagVerdict | None:
    """The LEADER group for ``slug`` (and, in a split municipality, the answered
    parish or town ``area``); ``None`` for an unknown municipality."""
    table = lag_table()
    row = table.rows.get(slug or "")
    if row is None:
        return None

    def groups(ids: tuple[str | None, ...]) -> tuple[Group, ...]:
        return tuple(table.groups[i] for i in dict.fromkeys(ids) if i)

    if not row.split:
        assert row.status is not None
        status, reason = _effective(row.status, row.confidence, row.reason)
        return LagVerdict(slug or "", status, reason, groups(row.lags), row.confidence, None,
                          None, row.pages, row.as_of)
    unit = row.unit(area)
    if unit is None:  # not asked yet, or "not sure"
        excluded = next((u for u in row.units if u.status == OUT), None)
        return LagVerdict(row.municipality, "check", "place_unknown", groups(row.lags),
                          min(row.confidence, "medium", key=_CONF_ORDER.index), None, excluded,
                          row.pages, row.as_of)
    status, reason = _effective(unit.status, unit.confidence, unit.reason)
    return LagVerdict(row.municipality, status, reason, groups((unit.lag, unit.alt)),
                      unit.confidence, unit, None, row.pages, row.as_of)




# ---------------------------------------------------------------- Interreg areas
@record
class AreaSource:
    title: str
    author: str
    url: str
    page_date: str | None


@record
class ProgrammeAreas:
    as_of: str
    region_of: dict[str, str]  # municipality slug → statistical region
    region_names: dict[str, str]  # region id → its name (the same in both languages)
    region_source: AreaSource
    programmes: dict[str, tuple[frozenset[str], AreaSource]]  # route id → regions, source


def _source(raw: dict[str, Any]) -> AreaSource:
    date = raw.get("page_date")
    return AreaSource(raw["title"], raw["author"], raw["url"], None if date is None else str(date))


@cache
def programme_areas() -> ProgrammeAreas:
    raw = _read("programme_areas.yaml")
    stat = raw["statistical_regions"]
    region_of = {slug: region for region, slugs in stat["regions"].items() for slug in slugs}
    programmes = {pid: (frozenset(p["regions"]), _source(p["source"]))
                  for pid, p in raw["programmes"].items()}
    return ProgrammeAreas(str(raw["as_of"]), region_of, dict(stat["names"]),
                          _source(stat["source"]), programmes)


def in_programme_area(programme: str, slug: str | None) -> bool | None:
    """Whether the municipality lies in the programme's area; ``None`` when unknown."""
    areas = programme_areas()
    region = areas.region_of.get(slug or "")
    entry = areas.programmes.get(programme)
    if region is None or entry is None:
        return None
    return region in entry[0]
