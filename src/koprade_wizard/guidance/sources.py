"""The public sources behind every default figure and funding fact.

The entries live in ``data/sources.yaml`` (what each field means is written at its
top); this module reads them once, checks every row, and builds the entries for
the pages a territory row rests on (LEADER groups' pages, Interreg areas) from
the territory data files.

A title is given per language where the source has one. ``Source.title_for(lang)``
gives the title in the plan's language where there is one, and otherwise the
title in the source's own language together with that language, so the plan can
say "(in Latvian)".
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any, Literal, cast

from koprade_wizard.common.record import record
from koprade_wizard.guidance import territories
from koprade_wizard.guidance.datafile import DataFileError, read_rows

Reliability = Literal["LV", "B", "EU", "G", "weak"]

RELIABILITY_TAGS: tuple[Reliability, ...] = ("LV", "B", "EU", "G", "weak")
#: Languages a source may be written in (each has a "(in …)" phrase in the catalogue).
LANGUAGES = ("lv", "en", "de", "et")
#: The id a default or duration carries when no source gives it: the plan labels it
#: "assumption — change it in your answers". It is not an entry of the list.
ASSUMPTION = "assumption"
#: ``as_of`` of a source that gives no date: the plan says "check the current figures".
UNDATED = "undated"

DATA = Path(__file__).resolve().parent / "data" / "sources.yaml"
_FIELDS = frozenset({"id", "title", "language", "publisher", "year", "url", "as_of",
                     "reliability", "collective"})


@record
class Source:
    """One bibliography entry; ``id`` is what defaults and funding facts point at."""

    id: str
    titles: Mapping[str, str]  # language → title
    language: str  # the language the source is written in
    publishers: Mapping[str, str]  # language → publisher (one name: the same in all)
    year: int | None
    url: str | None  # None only for a collective entry (no single address)
    reliability: Reliability
    as_of: str | None  # None: the source gives no date

    def title_for(self, lang: str) -> tuple[str, str | None]:
        """The title to show in a plan in ``lang``, and the language it is in when
        that is not ``lang`` (``None``: the title is in the plan's language)."""
        if lang in self.titles:
            return self.titles[lang], None
        return self.titles[self.language], self.language

    @property
    def title(self) -> str:
        """The title in the source's own language."""
        return self.titles[self.language]

    def publisher_for(self, lang: str) -> str:
        """The publisher as a plan in ``lang`` names it."""
        return self.publishers.get(lang) or self.publishers[self.language]

    @property
    def publisher(self) -> str:
        return self.publisher_for(self.language)


class SourceDataError(ValueError):
    """A row of ``sources.yaml`` that does not hold what an entry needs."""


def _row(raw: Any, n: int) -> Source:
    where = f"{DATA.name}, entry {n}"
    if not isinstance(raw, dict):
        raise SourceDataError(f"{where}: a mapping expected")
    where = f"{DATA.name}, entry {n} ({raw.get('id')})"
    unknown = set(raw) - _FIELDS
    missing = {"id", "title", "language", "publisher", "year", "url", "as_of",
               "reliability"} - set(raw)
    if unknown or missing:
        raise SourceDataError(f"{where}: unknown {sorted(unknown)}, missing {sorted(missing)}")
    titles = raw["title"]
    language = raw["language"]
    if language not in LANGUAGES:
        raise SourceDataError(f"{where}: language must be one of {', '.join(LANGUAGES)}")
    if not isinstance(titles, dict) or not titles or language not in titles or not all(
            k in LANGUAGES and isinstance(v, str) and v.strip() for k, v in titles.items()):
        raise SourceDataError(f"{where}: title needs a text in the source's language "
                              f"({language}) and only languages of {', '.join(LANGUAGES)}")
    if raw["reliability"] not in RELIABILITY_TAGS:
        raise SourceDataError(f"{where}: reliability must be one of {RELIABILITY_TAGS}")
    url = raw["url"]
    if url is None and not raw.get("collective"):
        raise SourceDataError(f"{where}: a url is needed (null only with collective: true)")
    if url is not None and not str(url).startswith(("https://", "http://")):
        raise SourceDataError(f"{where}: the url must start with https:// or http://")
    as_of = raw["as_of"]
    if not isinstance(as_of, str) or not as_of:
        raise SourceDataError(f"{where}: as_of must be a quoted date, year or \"{UNDATED}\"")
    year = raw["year"]
    if year is not None and not isinstance(year, int):
        raise SourceDataError(f"{where}: year must be a whole number or null")
    publisher = raw["publisher"]
    publishers = dict(publisher) if isinstance(publisher, dict) else {language: str(publisher)}
    if language not in publishers:
        raise SourceDataError(f"{where}: publisher needs a text in the source's language")
    return Source(str(raw["id"]), dict(titles), language, publishers, year, url,
                  cast(Reliability, raw["reliability"]), None if as_of == UNDATED else as_of)


@cache
def _load() -> dict[str, Source]:
    try:
        rows = read_rows(DATA)  # parsed once, safely, and kept parsed in the user's cache
    except DataFileError as err:
        raise SourceDataError(str(err)) from None
    found: dict[str, Source] = {}
    for n, raw in enumerate(rows, 1):
        source = _row(raw, n)
        if source.id in found:
            raise SourceDataError(f"{DATA.name}, entry {n}: id {source.id} given twice")
        found[source.id] = source
    return found


SOURCES: dict[str, Source] = _load()


def _territory_source(sid: str) -> Source | None:
    """An entry for a page a territory row rests on, read from the data files:
    ``lag-page:<municipality>:<n>`` (the n-th page of a LEADER row) or
    ``area:<programme>`` / ``area:statistical_regions`` (Interreg areas)."""
    kind, _, rest = sid.partition(":")
    if kind == "lag-page":
        slug, _, index = rest.rpartition(":")
        table = territories.lag_table()
        row = table.rows.get(slug)
        if row is None or not index.isdigit() or int(index) >= len(row.pages):
            return None
        page = row.pages[int(index)]
        names = ", ".join(table.groups[g].name for g in row.lags) or "LAD"
        host = page.url.split("//", 1)[-1].split("/", 1)[0].removeprefix("www.")
        year = int(page.page_date[:4]) if page.page_date else None
        # A page without a fixed title gets a descriptive one in square brackets,
        # the same in every language (a group's name and a web address).
        title = f"[{names}: {host}]"
        lang = "lv"  # the groups' pages are Latvian
        return Source(sid, dict.fromkeys(("lv", "en"), title), lang, {lang: names}, year,
                      page.url, "LV", page.page_date)
    if kind == "area":
        areas = territories.programme_areas()
        src = areas.region_source if rest == "statistical_regions" else (
            areas.programmes[rest][1] if rest in areas.programmes else None)
        if src is None:
            return None
        year = int(src.page_date[:4]) if src.page_date else None
        # The statistical regions are a Latvian government order; the programme
        # pages are the programmes' own English pages.
        lang, tag = ("lv", "LV") if rest == "statistical_regions" else ("en", "EU")
        return Source(sid, {lang: src.title}, lang, {lang: src.author}, year, src.url,
                      cast(Reliability, tag), src.page_date)
    return None


def lookup_source(sid: str) -> Source | None:
    """The bibliography entry for ``sid``: the data file, or a territory page."""
    return SOURCES.get(sid) or _territory_source(sid)
