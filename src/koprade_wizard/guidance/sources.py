"""The public sources behind every default figure and funding fact.

Each ``Source`` is one entry of the plan's "Sources" list. ``reliability`` is the
tag the figures carry:

* ``LV`` – Latvian source, ``B`` – Baltic, ``EU`` – European, ``G`` – global;
* ``weak`` – commercial business-plan material or the product's own estimate:
  fine as an editable default, never to be shown as a firm claim.

A title in square brackets is a descriptive title supplied for a page or data set
that has no fixed title of its own (the usual bibliographic convention).

``as_of`` is the date or year the facts refer to (``None`` when the source gives
none — the plan then says "check the current figure"). ``url`` is the public
address a reader can start from; ``None`` where no stable address is known, so
that no address is invented.
"""

from __future__ import annotations

from typing import Literal

from koprade_wizard.common.record import record
from koprade_wizard.guidance import territories

Reliability = Literal["LV", "B", "EU", "G", "weak"]

RELIABILITY_TAGS: tuple[Reliability, ...] = ("LV", "B", "EU", "G", "weak")


@record
class Source:
    """One bibliography entry; ``id`` is what defaults and funding facts point at."""

    id: str
    title: str
    author: str
    year: int | None
    url: str | None
    reliability: Reliability
    as_of: str | None


_ALL: tuple[Source, ...] = (
    # --- where the idea comes from -------------------------------------------------
    Source(
        "colabora_project",
        "CoLabora: koprades telpu lauku teritorijās attīstīšana (LEADER starpvalstu "
        "sadarbības projekts, 2018–2020)",
        "biedrība \"Pierīgas partnerība\"; PPP biedrība \"Zied zeme\"",
        2020,
        "https://www.pierigaspartneriba.lv",
        "LV",
        "2020",
    ),
    Source(
        "colabora_guide",
        "Rural Coworking Guide",
        "CoLabora project partners",
        2020,
        "https://colaboracoworking.eu",
        "EU",
        "2020",
    ),
    # --- coworking practice and figures ----------------------------------------
    Source(
        "deskmag_2011",
        "Global Coworking Survey 2011",
        "Deskmag",
        2011,
        "https://www.deskmag.com",
        "G",
        "2011",
    ),
    Source(
        "deskmag_2016",
        "Global Coworking Survey 2016",
        "Deskmag",
        2016,
        "https://www.deskmag.com",
        "G",
        "2016",
    ),
    Source(
        "deskmag_2017",
        "Global Coworking Survey 2017",
        "Deskmag",
        2017,
        "https://www.deskmag.com",
        "G",
        "2017",
    ),
    Source(
        "deskmag_2025",
        "Global Coworking Survey 2025",
        "Deskmag",
        2025,
        "https://www.deskmag.com",
        "G",
        "2025",
    ),
    Source(
        "coapp",
        "[Coworking management guides]",
        "Coapp",
        None,
        "https://coapp.io",
        "G",
        None,
    ),
    Source(
        "coworking_wiki",
        "Coworking Wiki",
        "Coworking community",
        None,
        "https://wiki.coworking.org",
        "G",
        None,
    ),
    Source(
        "practitioner_guides",
        "[Coworking operators' rules of thumb: bandwidth, seat sharing, daily use in "
        "small towns]",
        "various coworking practitioners",
        None,
        None,
        "G",
        None,
    ),
    Source(
        "nicre_toolkit",
        "Rural Coworking Toolkit",
        "National Innovation Centre for Rural Enterprise (NICRE)",
        None,
        "https://nicre.co.uk",
        "EU",
        None,
    ),
    Source(
        "bertelsmann_2020",
        "Coworking im ländlichen Raum: Menschen, Modelle, Trends",
        "Bertelsmann Stiftung",
        2020,
        "https://www.bertelsmann-stiftung.de",
        "EU",
        "2020",
    ),
    Source(
        "hoelzel_devries_2021",
        # The journal published the title with "fur"; it is cited as published.
        "Digitization as a Driver fur Rural Development—An Indicative Description of "
        "German Coworking Space Users. Land 10(3), 326",
        "Hölzel, M.; de Vries, W. T.",
        2021,
        "https://doi.org/10.3390/land10030326",
        "EU",
        "2021",
    ),
    Source(
        "coworkland",
        "CoWorkLand eG: Genossenschaft für Coworking auf dem Land",
        "CoWorkLand eG",
        None,
        "https://coworkland.de",
        "EU",
        None,
    ),
    Source(
        "bizplan_sites",
        "[Coworking business-plan templates and cost calculators]",
        "commercial business-plan websites",
        None,
        None,
        "weak",
        None,
    ),
    Source(
        "estimate",
        "[Editable estimate for a small rural space in Latvia; replace with your own quotes]",
        "koprade-wizard",
        None,
        None,
        "weak",
        None,
    ),
    # --- spaces in Latvia and the Baltics ----------------------------------------
    Source(
        "people_work",
        "[People Work coworking price list]",
        "People Work",
        None,
        None,
        "B",
        None,
    ),
    Source(
        "skola6",
        "[Skola6, Cēsis: koprades telpa bijušās skolas ēkā]",
        "Skola6 / Cēsu novada pašvaldība",
        2022,
        None,
        "LV",
        "2022",
    ),
    Source(
        "edukontor",
        "[Edukontor coworking space, Kuressaare]",
        "Edukontor (NGO)",
        None,
        None,
        "B",
        None,
    ),
    Source(
        "the_mill",
        "[The Mill coworking space, Daugavpils]",
        "The Mill",
        None,
        None,
        "LV",
        None,
    ),
    Source(
        "forwardspace",
        "[Forwardspace coworking space, Pärnu]",
        "Forwardspace",
        None,
        None,
        "B",
        None,
    ),
    # --- demand in Latvia -------------------------------------------------------
    Source(
        "csp_2021",
        "[Nodarbināto iedzīvotāju darba vieta un svārstmigrācija, 2021]",
        "Centrālā statistikas pārvalde",
        2021,
        "https://www.csp.gov.lv",
        "LV",
        "2021",
    ),
    Source(
        "csp_2022",
        "[Attālinātais darbs, darbaspēka apsekojums, 2022. gada 2. ceturksnis]",
        "Centrālā statistikas pārvalde",
        2022,
        "https://www.csp.gov.lv",
        "LV",
        "2022-Q2",
    ),
    # --- funding routes ---------------------------------------------------------
    Source(
        "lad_leader",
        "[LEADER: sabiedrības virzīta vietējā attīstība, KLP Stratēģiskais plāns 2023–2027]",
        "Lauku atbalsta dienests",
        2023,
        "https://www.lad.gov.lv",
        "LV",
        "2023",
    ),
    Source(
        "mk_509_2022",
        "Ministru kabineta 2022. gada 16. augusta noteikumi Nr. 509 \"Valsts un Eiropas "
        "Savienības atbalsta piešķiršanas kārtība sabiedrības virzītas vietējās attīstības "
        "stratēģiju 2023.–2027. gadam sagatavošanai un īstenošanai\"",
        "Ministru kabinets",
        2022,
        "https://likumi.lv/ta/id/334857",
        "LV",
        "2022-08-16",
    ),
    Source(
        "pierigas_partneriba",
        "Biedrības \"Pierīgas partnerība\" sabiedrības virzītas vietējās attīstības "
        "stratēģija 2023–2027 (Mārupes un Olaines novads)",
        "biedrība \"Pierīgas partnerība\"",
        2023,
        "https://www.pierigaspartneriba.lv",
        "LV",
        "2024-01-01",
    ),
    Source(
        "zied_zeme",
        "PPP biedrības \"Zied zeme\" sabiedrības virzītas vietējās attīstības stratēģija "
        "2023–2027 (Ogres novads, izņemot Ogres pilsētu)",
        "PPP biedrība \"Zied zeme\"",
        2023,
        "https://www.ziedzeme.lv",
        "LV",
        "2023",
    ),
    Source(
        "daugavkrasts",
        "Biedrības \"Partnerība Daugavkrasts\" sabiedrības virzītas vietējās attīstības "
        "stratēģija 2023–2027 (Ķekavas novads)",
        "biedrība \"Partnerība Daugavkrasts\"",
        2023,
        "https://daugavkrasts.lv",
        "LV",
        "2023",
    ),
    Source(
        "aizkraukles_partneriba",
        "Biedrības \"Aizkraukles rajona partnerība\" sabiedrības virzītas vietējās "
        "attīstības stratēģija 2023–2027",
        "biedrība \"Aizkraukles rajona partnerība\"",
        2023,
        "https://aizkrauklespartneriba.lv",
        "LV",
        "2023-10-16",
    ),
    Source(
        "altum_start",
        "Starta aizdevums",
        "AS \"Attīstības finanšu institūcija Altum\"",
        None,
        "https://www.altum.lv",
        "LV",
        None,
    ),
    Source(
        "liaa_incubators",
        "LIAA biznesa inkubatori",
        "Latvijas Investīciju un attīstības aģentūra",
        None,
        "https://www.liaa.gov.lv",
        "LV",
        None,
    ),
    Source(
        "active_citizens_fund",
        "Aktīvo iedzīvotāju fonds (EEZ un Norvēģijas granti)",
        "Aktīvo iedzīvotāju fonda Latvijā operators",
        None,
        "https://www.activecitizensfund.lv",
        "LV",
        None,
    ),
    Source(
        "interreg_ee_lv",
        "Interreg Estonia–Latvia Programme 2021–2027",
        "Interreg Estonia–Latvia Joint Secretariat",
        2021,
        "https://estlat.eu",
        "EU",
        None,
    ),
    Source(
        "interreg_lv_lt",
        "Interreg VI-A Latvia–Lithuania Programme 2021–2027",
        "Interreg Latvia–Lithuania Joint Secretariat",
        2021,
        "https://latlit.eu",
        "EU",
        None,
    ),
    Source(
        "municipal_support",
        "[Pašvaldību uzņēmējdarbības atbalsta konkursi un līdzdalības budžeti: "
        "piemēri no Latvijas pašvaldībām]",
        "Latvijas pašvaldības",
        None,
        None,
        "LV",
        None,
    ),
    Source(
        "vid_vat",
        "[Pievienotās vērtības nodokļa standarta likme 21 %]",
        "Valsts ieņēmumu dienests",
        None,
        "https://www.vid.gov.lv",
        "LV",
        None,
    ),
    # --- administrative territories ---------------------------------------------
    Source(
        "atavl",
        "Administratīvo teritoriju un apdzīvoto vietu likums (ar grozījumiem, tostarp "
        "2024. gada 13. jūnija grozījumiem par Varakļānu novada iekļaušanu Madonas novadā)",
        "Saeima",
        2020,
        "https://likumi.lv",
        "LV",
        "2025-07-01",
    ),
    Source(
        "mk_418_2021",
        "Ministru kabineta 2021. gada 22. jūnija noteikumi Nr. 418 \"Noteikumi par "
        "plānošanas reģionu teritorijām\"",
        "Ministru kabinets",
        2021,
        "https://likumi.lv",
        "LV",
        "2021-07-01",
    ),
    Source(
        "varam",
        "[Administratīvi teritoriālā reforma: pašvaldību saraksts]",
        "Viedās administrācijas un reģionālās attīstības ministrija (VARAM)",
        None,
        "https://www.varam.gov.lv",
        "LV",
        None,
    ),
)

SOURCES: dict[str, Source] = {s.id: s for s in _ALL}


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
        # A page without a fixed title gets a descriptive one in square brackets.
        return Source(sid, f"[{names}: {host}]", names, year, page.url, "LV", page.page_date)
    if kind == "area":
        areas = territories.programme_areas()
        src = areas.region_source if rest == "statistical_regions" else (
            areas.programmes[rest][1] if rest in areas.programmes else None)
        if src is None:
            return None
        year = int(src.page_date[:4]) if src.page_date else None
        tag: Reliability = "LV" if rest == "statistical_regions" else "EU"
        return Source(sid, src.title, src.author, year, src.url, tag, src.page_date)
    return None


def lookup_source(sid: str) -> Source | None:
    """The bibliography entry for ``sid``: the fixed list above, or a territory page."""
    return SOURCES.get(sid) or _territory_source(sid)
