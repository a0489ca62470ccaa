"""Latvia's local governments (pašvaldības) and their LEADER local action groups.

As of 1 July 2025 Latvia has **42** local governments: **35 novadi** and **7
valstspilsētas** that are municipalities of their own (Daugavpils, Jelgava,
Jūrmala, Liepāja, Rēzekne, Rīga, Ventspils). Legal source: Administratīvo
teritoriju un apdzīvoto vietu likums (Saeima, 10 June 2020, in force 23 June 2020)
and its annex, as amended.

Why 42 and not the 43 often quoted: the 2020 law made 42; the Satversmes tiesa
judgment of 28 May 2021 (case 2020-43-0106) kept Varakļānu novads separate, which
gave 43 from 1 July 2021. The Saeima's amendments adopted on 13 June 2024 join
Varakļānu novads to Madonas novads; Madona's own pages list Varakļāni as part of
the new Madonas novads from 1 July 2025, after the June 2025 local elections. The
list below is that state and is believed current in November 2026. An answers file
that still names ``varaklanu-novads`` is mapped through ``FORMER_SLUGS``.

The list itself — names in Latvian and English, kinds, planning regions and their
names, former slugs, each council's website, administrative centre and its
coordinates — is in ``data/municipalities.yaml``, read once and checked here (a
website must be an https address, or the row says why it has none).

The other three valstspilsētas (Jēkabpils, Ogre, Valmiera) lie inside the novads of
the same name and are not municipalities of their own.

Planning regions follow Ministru kabineta noteikumi Nr. 418 (22 June 2021), in
force from 1 July 2021: Saulkrastu, Limbažu and Ogres novads moved to Vidzeme,
Tukuma novads to Kurzeme. Varakļāni was in Vidzeme too, as is Madona.

LEADER local action groups (``LAG_BY_MUNICIPALITY``) are filled in only where a
group's own 2023–2027 strategy names its territory; every other municipality maps
to ``None`` and the plan tells the founder to check with the Rural Support Service
(LAD). Several municipalities are split between groups (for example Aizkraukles
rajona partnerība also covers Valle and Kurmene parishes of Bauskas novads), which
is one more reason not to guess.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from koprade_wizard.common.record import record
from koprade_wizard.guidance.datafile import DataFileError, read_data

Kind = Literal["novads", "state_city"]
PlanningRegion = Literal["riga", "vidzeme", "kurzeme", "zemgale", "latgale"]
LagArea = Literal["whole", "outside_state_city", "none_urban"]


@record
class Municipality:
    """One local government.

    ``slug`` is the stable ASCII value stored in answers files; ``name_lv`` is the
    everyday Latvian name, ``official_lv`` the name of the administrative territory.
    """

    slug: str
    name_lv: str
    official_lv: str
    name_en: str
    kind: Kind
    planning_region: PlanningRegion
    website: str | None  # the council's official https site; None: ``no_website`` says why
    no_website: str | None  # why the data holds no website (only when ``website`` is None)
    centre: str  # the administrative centre, as the law's annex names it
    lat: float  # the centre's coordinates in degrees (WGS 84)
    lon: float

    @property
    def council_lv(self) -> str:
        """The council's own Latvian name ("Madonas novada pašvaldība")."""
        if self.kind == "state_city":
            return f"{self.official_lv.removesuffix(' valstspilsēta')} valstspilsētas pašvaldība"
        return f"{self.name_lv.removesuffix(' novads')} novada pašvaldība"


_KINDS: tuple[Kind, ...] = ("novads", "state_city")
_REGIONS: tuple[PlanningRegion, ...] = ("riga", "vidzeme", "kurzeme", "zemgale", "latgale")


# Latvia's extent in degrees, with a margin: a centre outside it is a typing error.
_LAT = (55.6, 58.1)
_LON = (20.9, 28.3)
#: One web address on https (what a council's or a source's address must be).
HTTPS_ADDRESS = re.compile(r"https://[a-z0-9-]+(\.[a-z0-9-]+)+(/\S*)?")


def _website(slug: object, row: dict[str, Any]) -> tuple[str | None, str | None]:
    """The row's website and, where it has none, the reason it gives."""
    site, why = row.get("website"), row.get("no_website")
    if site is None:
        if not (isinstance(why, str) and why.strip()):
            raise DataFileError(DATA_FILE, f"{slug}: a website (https://…) is needed, "
                                           f"or no_website saying why there is none")
        return None, why
    if why is not None or not (isinstance(site, str) and HTTPS_ADDRESS.fullmatch(site)):
        raise DataFileError(DATA_FILE, f"{slug}: website must be one https:// address "
                                       f"(and then no no_website), not {site!r}")
    return site, None


def _centre(slug: object, row: dict[str, Any]) -> tuple[str, float, float]:
    centre, lat, lon = row.get("centre"), row.get("lat"), row.get("lon")
    if not (isinstance(centre, str) and centre and isinstance(lat, (int, float))
            and isinstance(lon, (int, float)) and _LAT[0] <= lat <= _LAT[1]
            and _LON[0] <= lon <= _LON[1]):
        raise DataFileError(DATA_FILE, f"{slug}: centre (a place name) and its lat/lon in "
                                       f"Latvia ({_LAT}, {_LON}) are needed")
    return centre, float(lat), float(lon)


def _municipality(row: dict[str, Any]) -> Municipality:
    slug = row.get("slug")
    if row.get("kind") not in _KINDS or row.get("region") not in _REGIONS:
        raise DataFileError(DATA_FILE, f"{slug}: kind must be one of {_KINDS}, "
                                       f"region one of {_REGIONS}")
    if not all(isinstance(row.get(k), str) and row[k] for k in ("slug", "name_lv", "name_en")):
        raise DataFileError(DATA_FILE, f"{slug}: slug, name_lv and name_en are needed")
    if row["kind"] == "state_city":
        official = f"{row['genitive_lv']} valstspilsēta"
    else:
        official = row["name_lv"]
    website, no_website = _website(slug, row)
    centre, lat, lon = _centre(slug, row)
    return Municipality(row["slug"], row["name_lv"], official, row["name_en"], row["kind"],
                        row["region"], website, no_website, centre, lat, lon)


def _read() -> tuple[dict[str, Any], tuple[Municipality, ...]]:
    raw = read_data(DATA_FILE)
    rows = tuple(_municipality(r) for r in raw["municipalities"])
    slugs = [m.slug for m in rows]
    if len(set(slugs)) != len(slugs) or len(rows) != raw["expected_count"]:
        raise DataFileError(DATA_FILE, f"{raw['expected_count']} different slugs expected, "
                                       f"{len(set(slugs))} found")
    if set(raw["planning_regions"]) != set(_REGIONS):
        raise DataFileError(DATA_FILE, f"planning_regions must name {_REGIONS}")
    for old, new in raw["former_slugs"].items():
        if new not in slugs or old in slugs:
            raise DataFileError(DATA_FILE, f"former slug {old} must lead to a current one")
    for key in ("coordinates_source_id", "websites_as_of"):
        if not (isinstance(raw.get(key), str) and raw[key]):
            raise DataFileError(DATA_FILE, f"{key} is needed (a quoted text)")
    return raw, rows


DATA_FILE = "municipalities.yaml"
_RAW, MUNICIPALITIES = _read()
AS_OF: str = str(_RAW["as_of"])
LEGAL_SOURCE_ID: str = _RAW["legal_source_id"]
#: The source of the administrative centres' coordinates.
COORDINATES_SOURCE_ID: str = _RAW["coordinates_source_id"]
#: When the councils' website addresses were checked.
WEBSITES_AS_OF: str = _RAW["websites_as_of"]
EXPECTED_COUNT: int = _RAW["expected_count"]

BY_SLUG: dict[str, Municipality] = {m.slug: m for m in MUNICIPALITIES}

# Slugs that existed once, mapped to the municipality that took the territory over.
FORMER_SLUGS: dict[str, str] = dict(_RAW["former_slugs"])

# The planning regions' names by language.
PLANNING_REGION_NAMES: dict[PlanningRegion, dict[str, str]] = {
    region: dict(_RAW["planning_regions"][region]) for region in _REGIONS
}


def lookup(slug: str) -> Municipality | None:
    """The municipality for ``slug``, following ``FORMER_SLUGS``; ``None`` if unknown."""
    return BY_SLUG.get(FORMER_SLUGS.get(slug, slug))


@record
class LagCoverage:
    """Which LEADER local action group(s) work in a municipality in 2023–2027.

    ``lags`` are the groups' own names without the legal-form word; ``area`` says
    whether they cover the whole municipality, all of it outside the state city
    named in ``except_city`` (Ogre lies inside Ogres novads), or — ``none_urban`` —
    that the municipality is wholly urban and outside LEADER.
    ``except_city_gen_lv`` is the Latvian genitive of that city ("Ogres"), which
    Latvian sentences about it need.
    """

    lags: tuple[str, ...]
    area: LagArea
    source_id: str
    as_of: str
    except_city: str | None = None
    except_city_gen_lv: str | None = None


LAG_BY_MUNICIPALITY: dict[str, LagCoverage | None] = {m.slug: None for m in MUNICIPALITIES}
LAG_BY_MUNICIPALITY.update(
    {
        # Strategy for Mārupe and Olaine approved October 2023, applied from 2024.
        "marupes-novads": LagCoverage(
            ("Pierīgas partnerība",), "whole", "pierigas_partneriba", "2024-01-01"
        ),
        "olaines-novads": LagCoverage(
            ("Pierīgas partnerība",), "whole", "pierigas_partneriba", "2024-01-01"
        ),
        "ogres-novads": LagCoverage(
            ("Zied zeme",),
            "outside_state_city",
            "zied_zeme",
            "2023",
            except_city="Ogre",
            except_city_gen_lv="Ogres",
        ),
        "kekavas-novads": LagCoverage(
            ("Partnerība Daugavkrasts",), "whole", "daugavkrasts", "2023"
        ),
        "aizkraukles-novads": LagCoverage(
            ("Aizkraukles rajona partnerība",),
            "whole",
            "aizkraukles_partneriba",
            "2023-10-16",
        ),
        # The capital has no rural parishes; even the fisheries strand of the
        # 2023–2027 rules names Rīga as excluded.
        "riga": LagCoverage((), "none_urban", "mk_509_2022", "2022-08-16"),
    }
)
