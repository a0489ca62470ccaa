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

from typing import Literal

from koprade_wizard.common.record import record

Kind = Literal["novads", "state_city"]
PlanningRegion = Literal["riga", "vidzeme", "kurzeme", "zemgale", "latgale"]
LagArea = Literal["whole", "outside_state_city", "none_urban"]

AS_OF = "2025-07-01"
LEGAL_SOURCE_ID = "atavl"
EXPECTED_COUNT = 42


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


def _novads(slug: str, name_lv: str, name_en: str, region: PlanningRegion) -> Municipality:
    return Municipality(slug, name_lv, name_lv, name_en, "novads", region)


def _city(
    slug: str, name_lv: str, genitive_lv: str, name_en: str, region: PlanningRegion
) -> Municipality:
    return Municipality(
        slug, name_lv, f"{genitive_lv} valstspilsēta", name_en, "state_city", region
    )


MUNICIPALITIES: tuple[Municipality, ...] = (
    # Rīga planning region
    _city("riga", "Rīga", "Rīgas", "Riga", "riga"),
    _city("jurmala", "Jūrmala", "Jūrmalas", "Jūrmala", "riga"),
    _novads("adazu-novads", "Ādažu novads", "Ādaži Municipality", "riga"),
    _novads("kekavas-novads", "Ķekavas novads", "Ķekava Municipality", "riga"),
    _novads("marupes-novads", "Mārupes novads", "Mārupe Municipality", "riga"),
    _novads("olaines-novads", "Olaines novads", "Olaine Municipality", "riga"),
    _novads("ropazu-novads", "Ropažu novads", "Ropaži Municipality", "riga"),
    _novads("salaspils-novads", "Salaspils novads", "Salaspils Municipality", "riga"),
    _novads("siguldas-novads", "Siguldas novads", "Sigulda Municipality", "riga"),
    # Vidzeme planning region
    _novads("aluksnes-novads", "Alūksnes novads", "Alūksne Municipality", "vidzeme"),
    _novads("cesu-novads", "Cēsu novads", "Cēsis Municipality", "vidzeme"),
    _novads("gulbenes-novads", "Gulbenes novads", "Gulbene Municipality", "vidzeme"),
    _novads("limbazu-novads", "Limbažu novads", "Limbaži Municipality", "vidzeme"),
    _novads("madonas-novads", "Madonas novads", "Madona Municipality", "vidzeme"),
    _novads("ogres-novads", "Ogres novads", "Ogre Municipality", "vidzeme"),
    _novads("saulkrastu-novads", "Saulkrastu novads", "Saulkrasti Municipality", "vidzeme"),
    _novads("smiltenes-novads", "Smiltenes novads", "Smiltene Municipality", "vidzeme"),
    _novads("valkas-novads", "Valkas novads", "Valka Municipality", "vidzeme"),
    _novads("valmieras-novads", "Valmieras novads", "Valmiera Municipality", "vidzeme"),
    # Kurzeme planning region
    _city("liepaja", "Liepāja", "Liepājas", "Liepāja", "kurzeme"),
    _city("ventspils", "Ventspils", "Ventspils", "Ventspils", "kurzeme"),
    _novads(
        "dienvidkurzemes-novads",
        "Dienvidkurzemes novads",
        "South Kurzeme Municipality",
        "kurzeme",
    ),
    _novads("kuldigas-novads", "Kuldīgas novads", "Kuldīga Municipality", "kurzeme"),
    _novads("saldus-novads", "Saldus novads", "Saldus Municipality", "kurzeme"),
    _novads("talsu-novads", "Talsu novads", "Talsi Municipality", "kurzeme"),
    _novads("tukuma-novads", "Tukuma novads", "Tukums Municipality", "kurzeme"),
    _novads("ventspils-novads", "Ventspils novads", "Ventspils Municipality", "kurzeme"),
    # Zemgale planning region
    _city("jelgava", "Jelgava", "Jelgavas", "Jelgava", "zemgale"),
    _novads("aizkraukles-novads", "Aizkraukles novads", "Aizkraukle Municipality", "zemgale"),
    _novads("bauskas-novads", "Bauskas novads", "Bauska Municipality", "zemgale"),
    _novads("dobeles-novads", "Dobeles novads", "Dobele Municipality", "zemgale"),
    _novads("jelgavas-novads", "Jelgavas novads", "Jelgava Municipality", "zemgale"),
    _novads("jekabpils-novads", "Jēkabpils novads", "Jēkabpils Municipality", "zemgale"),
    # Latgale planning region
    _city("daugavpils", "Daugavpils", "Daugavpils", "Daugavpils", "latgale"),
    _city("rezekne", "Rēzekne", "Rēzeknes", "Rēzekne", "latgale"),
    _novads(
        "augsdaugavas-novads", "Augšdaugavas novads", "Augšdaugava Municipality", "latgale"
    ),
    _novads("balvu-novads", "Balvu novads", "Balvi Municipality", "latgale"),
    _novads("kraslavas-novads", "Krāslavas novads", "Krāslava Municipality", "latgale"),
    _novads("livanu-novads", "Līvānu novads", "Līvāni Municipality", "latgale"),
    _novads("ludzas-novads", "Ludzas novads", "Ludza Municipality", "latgale"),
    _novads("preilu-novads", "Preiļu novads", "Preiļi Municipality", "latgale"),
    _novads("rezeknes-novads", "Rēzeknes novads", "Rēzekne Municipality", "latgale"),
)

BY_SLUG: dict[str, Municipality] = {m.slug: m for m in MUNICIPALITIES}

# Slugs that existed once, mapped to the municipality that took the territory over.
FORMER_SLUGS: dict[str, str] = {"varaklanu-novads": "madonas-novads"}

PLANNING_REGION_NAMES: dict[PlanningRegion, dict[str, str]] = {
    "riga": {"lv": "Rīgas plānošanas reģions", "en": "Riga Planning Region"},
    "vidzeme": {"lv": "Vidzemes plānošanas reģions", "en": "Vidzeme Planning Region"},
    "kurzeme": {"lv": "Kurzemes plānošanas reģions", "en": "Kurzeme Planning Region"},
    "zemgale": {"lv": "Zemgales plānošanas reģions", "en": "Zemgale Planning Region"},
    "latgale": {"lv": "Latgales plānošanas reģions", "en": "Latgale Planning Region"},
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
