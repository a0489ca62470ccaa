"""LIAA's business incubators and the one nearest to a founder's municipality.

The incubators, their source (whose address is the page a founder starts from) and
the rule for "nearest" are in ``data/liaa_incubators.yaml`` (its header says where the
list comes from and why the rule is what it is); this module reads the file once,
checks it and applies the rule:

1. a regional incubator whose town is in the founder's municipality;
2. otherwise one whose published service area covers the municipality (no such areas
   are published on the pages checked, so the file holds none and this step is empty);
3. otherwise the regional incubator whose town is closest in a straight line to the
   municipality's administrative centre.

An incubator's town is the administrative centre of the municipality it is in, so
both ends of a distance are coordinates in ``data/municipalities.yaml``.
"""

from __future__ import annotations

import math
from typing import Any, Literal

from koprade_wizard.common.record import record
from koprade_wizard.guidance.datafile import DataFileError, read_data
from koprade_wizard.guidance.municipalities import BY_SLUG, HTTPS_ADDRESS, Municipality
from koprade_wizard.guidance.sources import SOURCES, Source

Kind = Literal["regional", "creative"]
#: How an incubator was chosen: in the municipality itself; in the state city that is
#: the municipality's administrative centre (Jelgava for Jelgavas novads); or the
#: closest town.
Rule = Literal["own", "centre", "distance"]

DATA_FILE = "liaa_incubators.yaml"
_KINDS: tuple[Kind, ...] = ("regional", "creative")
#: The mean radius of the Earth (IUGG), for great-circle distances.
EARTH_RADIUS_KM = 6371.0088
#: Two centres closer than this are one place (a novads run from the state city).
_SAME_PLACE_KM = 0.5


@record
class Incubator:
    id: str
    name_lv: str
    name_en: str
    kind: Kind
    municipality: str  # slug of the municipality whose administrative centre it is in

    @property
    def town(self) -> str:
        return BY_SLUG[self.municipality].centre

    def name(self, lang: str) -> str:
        return self.name_lv if lang == "lv" else self.name_en


@record
class NearestIncubator:
    """The incubator a founder in ``municipality`` should talk to, and why."""

    incubator: Incubator
    rule: Rule
    km: float  # straight-line distance from the municipality's administrative centre


def _incubator(row: Any) -> Incubator:
    if not isinstance(row, dict):
        raise DataFileError(DATA_FILE, f"an incubator must be a mapping, not {row!r}")
    iid, name = row.get("id"), row.get("name")
    if not (isinstance(iid, str) and iid and isinstance(name, dict)
            and all(isinstance(name.get(k), str) and name[k] for k in ("lv", "en"))):
        raise DataFileError(DATA_FILE, f"{iid}: an id and a name in lv and en are needed")
    if row.get("kind") not in _KINDS:
        raise DataFileError(DATA_FILE, f"{iid}: kind must be one of {_KINDS}")
    if row.get("municipality") not in BY_SLUG:
        raise DataFileError(DATA_FILE, f"{iid}: municipality {row.get('municipality')!r} "
                                       f"is not a slug of municipalities.yaml")
    return Incubator(iid, name["lv"], name["en"], row["kind"], row["municipality"])


def parse(raw: dict[str, Any]) -> tuple[Source, tuple[Incubator, ...]]:
    """The source and the incubators of a parsed data file, checked;
    :class:`DataFileError` names the first bad row."""
    source = SOURCES.get(str(raw.get("source_id")))
    if source is None or not (source.url and HTTPS_ADDRESS.fullmatch(source.url)):
        raise DataFileError(DATA_FILE, f"source_id {raw.get('source_id')!r} must be an entry "
                                       f"of sources.yaml with one https:// address")
    rows = raw.get("incubators")
    if not isinstance(rows, list) or not rows:
        raise DataFileError(DATA_FILE, "incubators: a list is needed")
    found = tuple(_incubator(r) for r in rows)
    ids = [i.id for i in found]
    if len(set(ids)) != len(ids):
        raise DataFileError(DATA_FILE, "an incubator id is given twice")
    if not any(i.kind == "regional" for i in found):
        raise DataFileError(DATA_FILE, "at least one regional incubator is needed")
    return source, found


SOURCE, INCUBATORS = parse(read_data(DATA_FILE))
BY_ID: dict[str, Incubator] = {i.id: i for i in INCUBATORS}
SOURCE_ID: str = SOURCE.id
#: The LIAA page every incubator row points to: the source's own address.
PAGE: str = str(SOURCE.url)


def distance_km(a: Municipality, b: Municipality) -> float:
    """The great-circle distance between two administrative centres (haversine)."""
    lat1, lat2 = math.radians(a.lat), math.radians(b.lat)
    dlat, dlon = lat2 - lat1, math.radians(b.lon - a.lon)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def nearest(muni: Municipality) -> NearestIncubator:
    """The regional incubator for a founder in ``muni`` by the file's rule."""
    regional = [i for i in INCUBATORS if i.kind == "regional"]
    own = next((i for i in regional if i.municipality == muni.slug), None)
    if own is not None:
        return NearestIncubator(own, "own", 0.0)
    # Ties (two towns equally far) go to the first in the file, so the choice is stable.
    best = min(regional, key=lambda i: distance_km(muni, BY_SLUG[i.municipality]))
    km = distance_km(muni, BY_SLUG[best.municipality])
    return NearestIncubator(best, "centre" if km < _SAME_PLACE_KM else "distance", km)
