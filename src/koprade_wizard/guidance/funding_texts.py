"""Latvian and English words for the funding matcher's codes.

Keys are flat and prefixed: ``route.<id>``, ``fit.<fit>``, ``check.<code>``,
``own_share.<rule>``, ``form.<legal form>``, ``stage.<stage>`` and
``reason.<code>``. Reason texts are ``str.format`` templates over the reason's
parameters; ``render`` fills them in with money, shares and dates written the way
each language writes them (``30 000 €`` and ``€30,000``). Latvian addresses the
reader formally (jūs) and uses the glossary's terms.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from koprade_wizard.i18n import formatting

LANGS = ("lv", "en")
_SHARE_PARAMS = frozenset({"share", "own_share", "rate"})
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

TEXTS: dict[str, dict[str, str]] = {
    "lv": {
        # routes
        "route.leader_economy": "LEADER: vietējās ekonomikas stiprināšanas iniciatīvas",
        "route.leader_community": (
            "LEADER: kopienu spēcinošas un vietas attīstību sekmējošas iniciatīvas"
        ),
        "route.municipality": "Pašvaldības atbalsts: granti, līdzdalības budžets, telpas",
        "route.altum_start": "ALTUM starta aizdevums",
        "route.liaa_incubator": "LIAA biznesa inkubators (atbalsts dalībniekiem un partneriem)",
        "route.active_citizens_fund": "Aktīvo iedzīvotāju fonds (EEZ un Norvēģijas granti)",
        "route.interreg_ee_lv": "Interreg Igaunijas–Latvijas programma",
        "route.interreg_lv_lt": "Interreg Latvijas–Lietuvas programma",
        "route.own_money": "Pašu līdzekļi, priekšapmaksa un pūļa finansējums",
        "route.coop_shares": "Kooperatīvās sabiedrības biedru pajas",
        # fits
        "fit.yes": "Der",
        "fit.maybe": "Iespējams",
        "fit.no": "Neder",
        # whom to check with
        "check.lag": "vietējā rīcības grupa (VRG)",
        "check.lad": "Lauku atbalsta dienests (LAD)",
        "check.council": "pašvaldība",
        "check.altum": "ALTUM",
        "check.liaa": "Latvijas Investīciju un attīstības aģentūra (LIAA)",
        "check.acf_operator": "Aktīvo iedzīvotāju fonda operators",
        "check.interreg_secretariat": "programmas kopīgais sekretariāts",
        "check.adviser": "jurists vai grāmatvedis",
        # own-share rules
        "own_share.rest_of_eligible_cost": (
            "Attiecināmo izmaksu daļu, ko atbalsts nesedz, un neattiecināmās izmaksas "
            "(bieži arī PVN) sedzat paši."
        ),
        "own_share.min_20_percent": (
            "Aplūkotajos piemēros pašu līdzfinansējums ir vismaz 20%; katra pašvaldība "
            "nosaka savus noteikumus."
        ),
        "own_share.altum_start": (
            "Aizdevumam līdz 7\u00a0000\u00a0€ pašu līdzfinansējums nav vajadzīgs, lielākam — 10%."
        ),
        "own_share.per_call": "Līdzfinansējumu nosaka katrs konkurss.",
        "own_share.none": "Līdzfinansējuma prasību nav — tie ir jūsu pašu līdzekļi.",
        "own_share.not_applicable": "Tas nav naudas avots telpas izveidei.",
        # legal forms
        "form.none": "fiziska persona (organizācijas vēl nav)",
        "form.informal_group": "neformāla iedzīvotāju grupa",
        "form.association": "biedrība",
        "form.foundation": "nodibinājums",
        "form.company": "SIA (sabiedrība ar ierobežotu atbildību)",
        "form.cooperative": "kooperatīvā sabiedrība",
        "form.municipality": "pašvaldība vai tās iestāde",
        # stages
        "stage.idea": "ideja",
        "stage.group": "ir dibinātāju grupa",
        "stage.premises": "ir atrastas telpas",
        "stage.open": "telpa jau darbojas",
        # reasons: legal form
        "reason.legal_form_ok": "Jūsu juridiskā forma var pieteikties.",
        "reason.form_not_eligible": "Šis avots jūsu juridiskajai formai nav pieejams.",
        "reason.needs_association": "Vispirms būtu jādibina biedrība.",
        "reason.needs_company": "Vispirms būtu jāreģistrē uzņēmums, piemēram, SIA.",
        "reason.needs_cooperative": "Vispirms būtu jādibina kooperatīvā sabiedrība.",
        "reason.association_or_foundation_only": (
            "Pieteikties var tikai biedrības un nodibinājumi."
        ),
        "reason.ngo_economic_activity": (
            "Biedrība vai nodibinājums saimniecisko darbību drīkst veikt tikai kā papildu "
            "darbību savu mērķu sasniegšanai; jautājiet VRG, vai varat pieteikties "
            "uzņēmējdarbības rīcībā."
        ),
        "reason.community_line_for_ngos": (
            "Kopienu iniciatīvu rīcība parasti paredzēta biedrībām, nodibinājumiem un "
            "pašvaldībām, nevis uzņēmumiem."
        ),
        # reasons: territory and local action group
        "reason.lag": "Vietējā rīcības grupa: {lag} (avota datums: {as_of}).",
        "reason.lag_outside_city": (
            "VRG darbojas visā novadā, izņemot {city_gen_lv} pilsētu; ja telpa būs "
            "pilsētā, LEADER atbalsts tai nebūs pieejams."
        ),
        "reason.lag_unknown": (
            "Nevarējām droši noteikt, kura vietējā rīcības grupa darbojas šajā "
            "pašvaldībā; jautājiet Lauku atbalsta dienestam (LAD)."
        ),
        "reason.municipality_unknown": (
            "Pašvaldība nav norādīta, tāpēc vietējā rīcības grupa vēl nav zināma."
        ),
        "reason.no_lag_urban": "{city_lv} ir pilsēta, kurā LEADER vietējās rīcības grupas nav.",
        "reason.state_city": (
            "{city_lv} ir valstspilsēta; LEADER darbojas lauku teritorijās, tāpēc pilsēta, "
            "visticamāk, neietilpst nevienas VRG teritorijā."
        ),
        # reasons: LEADER facts
        "reason.rates_differ_by_lag": (
            "Atbalsta intensitāte un maksimālā summa katrai VRG un katrai kārtai atšķiras."
        ),
        "reason.example_call": (
            "Skaitļi ņemti no vienas {year}. gada kārtas; pārbaudiet aktuālās kārtas "
            "nosacījumus."
        ),
        "reason.competitive": (
            "Konkurss ir sīvs: vienā kārtā tika pieprasīti {asked_eur}, bet pieejami bija "
            "{available_eur}."
        ),
        "reason.timeline": (
            "VRG projektu vērtē aptuveni {lag_months} mēnesi, pēc tam LAD — "
            "{lad_months_min}–{lad_months_max} mēnešus."
        ),
        "reason.construction_two_years": "Būvniecības projekti jāpabeidz {years} gadu laikā.",
        "reason.apply_in_eps": (
            "Projekta iesniegumu iesniedz LAD Elektroniskās pieteikšanās sistēmā (EPS)."
        ),
        "reason.needs_concrete_project": (
            "Piesakieties, kad projekts ir konkrēts: ir telpas, cenu piedāvājumi un "
            "apņēmīga dibinātāju grupa."
        ),
        "reason.budget_above_limit": (
            "Jūsu izveides budžets pārsniedz {limit_eur} robežu, tāpēc šis avots var segt "
            "tikai daļu izmaksu."
        ),
        # reasons: municipality
        "reason.council_own_body": (
            "Kā pašvaldības iestāde varat izmantot pašvaldības budžetu un telpas; cenas "
            "nosaka ar domes lēmumu."
        ),
        "reason.council_rules_differ": (
            "Katrai pašvaldībai ir savi granti un līdzdalības budžets ar saviem "
            "noteikumiem un termiņiem."
        ),
        "reason.council_grant_example": (
            "Piemēri: uzņēmējdarbības granti {min_eur}–{max_eur} apmērā ar vismaz "
            "{own_share} pašu līdzfinansējumu."
        ),
        "reason.council_community_example": (
            "Kopienu projektiem bieži pieejams atbalsts līdz {max_eur}."
        ),
        "reason.participatory_budget": (
            "Koprades telpas ideju var iesniegt pašvaldības līdzdalības budžetā."
        ),
        "reason.council_premises": (
            "Pašvaldības bieži nodod lietošanā ēku — tā Cēsīs tapa Skola6; jautājiet par "
            "tukšām publiskām telpām, piemēram, slēgtu skolu."
        ),
        "reason.council_ask_early": "Runājiet ar pašvaldību laikus — pirms apņematies par telpām.",
        # reasons: ALTUM
        "reason.not_yet_registered_ok": "Pieteikties var arī vēl nereģistrēti uzņēmumi.",
        "reason.company_age_unknown": (
            "Uzņēmuma vecums nav norādīts: aizdevums paredzēts uzņēmumiem, kas nav vecāki "
            "par {max_years} gadiem, vai vēl nereģistrētiem."
        ),
        "reason.company_age_ok": (
            "Uzņēmuma vecums ({age} g.) iekļaujas {max_years} gadu robežā."
        ),
        "reason.company_too_old": (
            "Uzņēmums ir vecāks par {max_years} gadiem ({age} g.), bet starta aizdevums "
            "paredzēts jaunākiem uzņēmumiem."
        ),
        "reason.ngo_likely_excluded": (
            "Biedrībām un nodibinājumiem šis atbalsts, visticamāk, nav pieejams; lai "
            "pārliecinātos, jautājiet ALTUM."
        ),
        "reason.loan_range": "Aizdevuma apmērs: no {min_eur} līdz {max_eur}.",
        "reason.loan_term": (
            "Atmaksas termiņš — līdz {years} gadiem (ar nekustamo īpašumu — līdz "
            "{years_real_estate})."
        ),
        "reason.altum_own_share": (
            "Līdz {threshold_eur} pašu līdzfinansējums nav vajadzīgs, virs tā — {share}."
        ),
        "reason.real_estate_exclusion_unverified": (
            "Nav pārbaudīts, vai darba vietu iznomāšanu neuzskata par izslēgtu nekustamā "
            "īpašuma darbību; jautājiet ALTUM."
        ),
        "reason.needs_business_plan": "Vispirms būs vajadzīgs biznesa plāns 3–5 gadiem.",
        # reasons: LIAA
        "reason.incubator_not_for_building": (
            "Inkubatori nefinansē telpas izbūvi vai iekārtošanu."
        ),
        "reason.incubator_for_members": (
            "Telpas dalībnieki un partneruzņēmumi var izmantot inkubatoru: "
            "pirmsinkubāciju un inkubācijas grantus pakalpojumiem un aprīkojumam."
        ),
        "reason.incubator_preincubation_free": (
            "Pirmsinkubācija ir bez maksas līdz {months} mēnešiem."
        ),
        # reasons: Active Citizens Fund
        "reason.theme_civic": (
            "Projektam jāstiprina pilsoniskā līdzdalība un pilsoniskās sabiedrības "
            "organizāciju kapacitāte."
        ),
        "reason.round_unverified": (
            "Nav pārbaudīts, vai {start}.–{end}. gada periodā ir izsludināts konkurss; "
            "jautājiet fonda operatoram."
        ),
        # reasons: Interreg
        "reason.public_and_ngo_applicants": (
            "Parasti pieteicēji ir publiskās iestādes un nevalstiskās organizācijas."
        ),
        "reason.programme_area_in": "{area} ietilpst programmas teritorijā.",
        "reason.programme_area_out": "{area} neietilpst programmas teritorijā.",
        "reason.programme_area_check": (
            "Pārbaudiet, vai jūsu pašvaldība ietilpst programmas teritorijā."
        ),
        "reason.needs_partner_abroad": "Projektam vajadzīgi partneri kaimiņvalstī.",
        "reason.erdf_rate": "Līdz {rate} no Eiropas Reģionālās attīstības fonda (ERAF).",
        "reason.rate_check_call": "Līdzfinansējuma likmes pārbaudiet aktuālajā konkursā.",
        # reasons: own money and cooperative shares
        "reason.own_money_always": (
            "Pašu līdzekļi vajadzīgi vienmēr: aizdevēji un atbalsta devēji sagaida, ka "
            "ieguldīs arī dibinātāji."
        ),
        "reason.founders_capital_share": (
            "Pasaulē dibinātāju pašu kapitāls veidoja aptuveni {share} no sākuma kapitāla."
        ),
        "reason.own_money_share": "Jūsu pašu līdzekļi sedz {share} no izveides budžeta.",
        "reason.prepayments": (
            "Pieņemiet iepriekšējas rezervācijas un priekšapmaksu {months_min}–{months_max} "
            "mēnešus pirms atvēršanas."
        ),
        "reason.crowdfunding": (
            "Pūļa finansējums vienlaikus pārbauda pieprasījumu: tie, kas maksā jau iepriekš, "
            "ir īsti dalībnieki."
        ),
        "reason.cooperative_only": "Pajas var izlaist tikai kooperatīvā sabiedrība.",
        "reason.example_share": (
            "Piemērs: {example} biedri iegādājas pajas {amount_eur} vērtībā."
        ),
        "reason.few_lv_precedents": (
            "Ārpus lauksaimniecības Latvijā šādu piemēru ir maz; konsultējieties ar juristu."
        ),
    },
    "en": {
        # routes
        "route.leader_economy": "LEADER: local economy initiatives",
        "route.leader_community": "LEADER: community initiatives",
        "route.municipality": "Municipality support: grants, participatory budget, premises",
        "route.altum_start": "ALTUM start-up loan",
        "route.liaa_incubator": "LIAA business incubator (support for members and partners)",
        "route.active_citizens_fund": "Active Citizens Fund (EEA and Norway Grants)",
        "route.interreg_ee_lv": "Interreg Estonia–Latvia",
        "route.interreg_lv_lt": "Interreg Latvia–Lithuania",
        "route.own_money": "Own money, pre-payments and crowdfunding",
        "route.coop_shares": "Cooperative members' shares",
        # fits
        "fit.yes": "Fits",
        "fit.maybe": "Maybe",
        "fit.no": "Does not fit",
        # whom to check with
        "check.lag": "the local action group (LAG)",
        "check.lad": "the Rural Support Service (LAD)",
        "check.council": "the municipality (council)",
        "check.altum": "ALTUM",
        "check.liaa": "the Investment and Development Agency of Latvia (LIAA)",
        "check.acf_operator": "the Active Citizens Fund operator",
        "check.interreg_secretariat": "the programme's joint secretariat",
        "check.adviser": "a lawyer or accountant",
        # own-share rules
        "own_share.rest_of_eligible_cost": (
            "You pay the part of the eligible costs the aid does not cover, plus any "
            "ineligible costs (often VAT)."
        ),
        "own_share.min_20_percent": (
            "At least 20% own share in the examples seen; each council sets its own rules."
        ),
        "own_share.altum_start": "No own share for loans up to €7,000; 10% above that.",
        "own_share.per_call": "Each call sets its own co-financing.",
        "own_share.none": "No co-financing rule: this is your own money.",
        "own_share.not_applicable": "Not a source of money for setting up the space.",
        # legal forms
        "form.none": "a private person (no organisation yet)",
        "form.informal_group": "an informal group of residents",
        "form.association": "association (biedrība)",
        "form.foundation": "foundation (nodibinājums)",
        "form.company": "limited liability company (SIA)",
        "form.cooperative": "cooperative (kooperatīvā sabiedrība)",
        "form.municipality": "municipality or municipal body",
        # stages
        "stage.idea": "an idea",
        "stage.group": "a founding group",
        "stage.premises": "premises found",
        "stage.open": "the space is open",
        # reasons: legal form
        "reason.legal_form_ok": "Your legal form can apply.",
        "reason.form_not_eligible": "This route is not open to your legal form.",
        "reason.needs_association": "You would first need to found an association (biedrība).",
        "reason.needs_company": "You would first need to register a business, such as an SIA.",
        "reason.needs_cooperative": "You would first need to found a cooperative.",
        "reason.association_or_foundation_only": (
            "Only associations and foundations can apply."
        ),
        "reason.ngo_economic_activity": (
            "An association or foundation may run economic activity only as a side to its "
            "aims; ask the local action group whether you can use the business line."
        ),
        "reason.community_line_for_ngos": (
            "The community line is generally meant for associations, foundations and "
            "councils, not for companies."
        ),
        # reasons: territory and local action group
        "reason.lag": "Local action group: {lag} (source dated {as_of}).",
        "reason.lag_outside_city": (
            "The group covers the municipality outside {city} town; a space in the town "
            "itself cannot get LEADER support."
        ),
        "reason.lag_unknown": (
            "We could not confirm which local action group covers this municipality; ask "
            "the Rural Support Service (LAD)."
        ),
        "reason.municipality_unknown": (
            "No municipality given, so the local action group is not known yet."
        ),
        "reason.no_lag_urban": "{city_en} is a city with no LEADER local action group.",
        "reason.state_city": (
            "{city_en} is a state city; LEADER works in rural areas, so the city is "
            "probably outside every local action group."
        ),
        # reasons: LEADER facts
        "reason.rates_differ_by_lag": (
            "Aid rates and maximum amounts differ between local action groups and calls."
        ),
        "reason.example_call": "The figures come from one {year} call; check the current call.",
        "reason.competitive": (
            "Calls are competitive: one round received requests for {asked_eur} with "
            "{available_eur} available."
        ),
        "reason.timeline": (
            "The group reviews an application in about {lag_months} month, then LAD takes "
            "{lad_months_min}–{lad_months_max} months."
        ),
        "reason.construction_two_years": (
            "Projects with construction must be finished within {years} years."
        ),
        "reason.apply_in_eps": (
            "Applications go through LAD's Electronic Application System (EPS)."
        ),
        "reason.needs_concrete_project": (
            "Apply once the project is concrete: premises, price quotes and a committed "
            "founding group."
        ),
        "reason.budget_above_limit": (
            "Your set-up budget is above the {limit_eur} limit, so this route can cover "
            "only part of it."
        ),
        # reasons: municipality
        "reason.council_own_body": (
            "As a municipal body you can use the council's own budget and premises; "
            "prices are set by council decision."
        ),
        "reason.council_rules_differ": (
            "Every council runs its own grants and participatory budget, with its own "
            "rules and dates."
        ),
        "reason.council_grant_example": (
            "Examples seen: business grants of {min_eur}–{max_eur} with at least "
            "{own_share} own share."
        ),
        "reason.council_community_example": "Community projects of up to {max_eur} are common.",
        "reason.participatory_budget": (
            "Residents can propose the co-working space for the participatory budget."
        ),
        "reason.council_premises": (
            "Councils often provide a building, as Cēsis did for Skola6; ask about empty "
            "public premises such as a closed school."
        ),
        "reason.council_ask_early": "Talk to the council early, before you commit to premises.",
        # reasons: ALTUM
        "reason.not_yet_registered_ok": "Businesses not yet registered can apply too.",
        "reason.company_age_unknown": (
            "Company age not given: the loan is for businesses up to {max_years} years old "
            "or not yet registered."
        ),
        "reason.company_age_ok": (
            "The company's age ({age} years) is within the {max_years}-year limit."
        ),
        "reason.company_too_old": (
            "The company is {age} years old; the start-up loan is for businesses up to "
            "{max_years} years old."
        ),
        "reason.ngo_likely_excluded": (
            "Associations and foundations are most likely not eligible; ask ALTUM to be sure."
        ),
        "reason.loan_range": "Loans from {min_eur} to {max_eur}.",
        "reason.loan_term": (
            "Repayment over up to {years} years ({years_real_estate} with real estate)."
        ),
        "reason.altum_own_share": "No own share up to {threshold_eur}; {share} above that.",
        "reason.real_estate_exclusion_unverified": (
            "Not confirmed whether renting out desks counts as an excluded real-estate "
            "activity; ask ALTUM."
        ),
        "reason.needs_business_plan": "You will first need a business plan for 3–5 years.",
        # reasons: LIAA
        "reason.incubator_not_for_building": (
            "Incubators do not fund building or fitting out the space."
        ),
        "reason.incubator_for_members": (
            "The space's members and partner businesses can use the incubator: "
            "pre-incubation, and incubation grants for services and equipment."
        ),
        "reason.incubator_preincubation_free": (
            "Pre-incubation is free for up to {months} months."
        ),
        # reasons: Active Citizens Fund
        "reason.theme_civic": (
            "The project must strengthen civic participation and the capacity of civil "
            "society organisations."
        ),
        "reason.round_unverified": (
            "Not confirmed whether a {start}–{end} round is open; ask the fund operator."
        ),
        # reasons: Interreg
        "reason.public_and_ngo_applicants": "Public bodies and NGOs are the usual applicants.",
        "reason.programme_area_in": "{area} is in the programme area.",
        "reason.programme_area_out": "{area} is not in the programme area.",
        "reason.programme_area_check": "Check whether your municipality is in the programme area.",
        "reason.needs_partner_abroad": "Projects need partners across the border.",
        "reason.erdf_rate": "Up to {rate} from the European Regional Development Fund (ERDF).",
        "reason.rate_check_call": "Co-financing rates: check the current call.",
        # reasons: own money and cooperative shares
        "reason.own_money_always": (
            "Own money is always needed: lenders and grant-givers expect the founders to "
            "put money in too."
        ),
        "reason.founders_capital_share": (
            "Worldwide, founders' own capital made up about {share} of start capital."
        ),
        "reason.own_money_share": "Your own money covers {share} of the set-up budget.",
        "reason.prepayments": (
            "Take pre-bookings and pre-payments {months_min}–{months_max} months before "
            "opening."
        ),
        "reason.crowdfunding": (
            "Crowdfunding also tests demand: people who pay in advance are real members."
        ),
        "reason.cooperative_only": "Only a cooperative can issue members' shares.",
        "reason.example_share": "Example: members of {example} buy shares of {amount_eur}.",
        "reason.few_lv_precedents": (
            "Few Latvian examples outside farming; get legal advice."
        ),
    },
}


def _format_value(lang: str, name: str, value: object) -> str:
    if isinstance(value, bool):
        return str(value)
    if name.endswith("_eur") and isinstance(value, int | float):
        return formatting.money(value, lang)
    if name in _SHARE_PARAMS and isinstance(value, int | float):
        return formatting.percent(value, lang)
    if isinstance(value, float):
        return formatting.number(value, lang, digits=0 if value.is_integer() else 1)
    if isinstance(value, str) and _ISO_DATE.match(value):
        return formatting.date(date.fromisoformat(value), lang)
    return str(value)


def render(lang: str, key: str, params: Mapping[str, object] | None = None) -> str:
    """The text for ``key`` in ``lang``, with ``params`` formatted for that language.

    Raises ``KeyError`` for an unknown language or key, so a missing translation
    fails loudly rather than printing a code.
    """
    template = TEXTS[lang][key]
    values = {k: _format_value(lang, k, v) for k, v in (params or {}).items()}
    return template.format(**values)
