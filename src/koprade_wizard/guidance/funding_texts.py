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
        "fit.fits": "Der",
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
        "reason.municipality_unknown": (
            "Pašvaldība nav norādīta, tāpēc vietējā rīcības grupa vēl nav zināma."
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
        "route.council_budget": "Pašvaldības budžets (ar domes lēmumu)",
        "own_share.council_decision": (
            "Līdzfinansējuma prasības nav: summu un cenas nosaka dome ar savu lēmumu."
        ),
        "reason.after_registering": (
            "Pieteikties varēs pēc tam, kad būs reģistrēta organizācija ({form_lv}); līdz "
            "tam šis avots ir tikai iespējams."
        ),
        "reason.economy_line_not_for_councils": (
            "Vietējās ekonomikas rīcība paredzēta uzņēmējiem, nevis pašvaldībām; "
            "pašvaldība var pieteikties kopienu iniciatīvu rīcībā."
        ),
        "reason.council_decision_arguments": (
            "Sagatavojiet argumentus domes lēmumam un partneriem: kam telpa kalpos, "
            "ko tā maksās un kā mērīsiet rezultātus."
        ),
        "reason.competitive_other_group": (
            "Konkurss parasti ir sīvs. Citas grupas piemērs: vienā {group} kārtā tika "
            "pieprasīti {asked_eur}, bet pieejami bija {available_eur}; jūsu grupas "
            "kārtu apjomu jautājiet savai VRG."
        ),
        "reason.route_unverified": (
            "Daļa šī avota nosacījumu nav apstiprināta; pārbaudiet pirms pieteikšanās."
        ),
        "reason.lag_confirmed": (
            "Jūsu vietējā rīcības grupa ir {who}; tās 2023.–2027. gada teritoriju "
            "apstiprina grupas lapa."
        ),
        "reason.lag_out_no_group": (
            "Šajā pašvaldībā ({muni_lv}) nedarbojas neviena LEADER vietējā rīcības grupa, "
            "tāpēc LEADER atbalsts koprades telpai nav pieejams."
        ),
        "reason.lag_out_fisheries_only": (
            "Šeit ({muni_lv}) {lag} darbojas tikai zivsaimniecības (EJZAF) daļā — "
            "zvejniecības, akvakultūras un zivju apstrādes uzņēmumiem; koprades telpai "
            "LEADER (ELFLA) atbalsts nav pieejams."
        ),
        "reason.lag_out_town_excluded": (
            "Vieta — {place_lv} — neietilpst vietējās rīcības grupas teritorijā (grupa "
            "aptver pārējo novadu), tāpēc LEADER atbalsts šai telpai nav pieejams."
        ),
        "reason.lag_check_confidence_medium": (
            "Jūsu VRG, visticamāk, ir {who}, bet 2023.–2027. gada teritoriju apstiprina "
            "tikai vecāka, pašvaldības vai preses lapa; pārbaudiet to grupā."
        ),
        "reason.lag_check_city_not_named": (
            "Neviena atrastā lapa neiekļauj šo pilsētu ({city_lv}) vietējās rīcības grupas "
            "teritorijā; jautājiet: {who}."
        ),
        "reason.lag_check_city_fisheries_part": (
            "{lag} pilsētu min savā teritorijā, bet līdz šim to iekļāva tikai "
            "zivsaimniecības kārtās; jautājiet {who}, vai koprades telpa var pieteikties."
        ),
        "reason.lag_check_adazi_town_business": (
            "{who} stratēģija aptver Ādažu novadu, bet 2021. gadā tika paziņots, ka "
            "uzņēmējdarbības atbalsts Ādažu pilsētā nebūs pieejams; pārbaudiet grupā."
        ),
        "reason.lag_check_no_current_page": (
            "Nav atrasta 2023.–2027. gada teritorijas lapa; iespējams, šeit darbojas {who}. "
            "Jautājiet grupai vai LAD."
        ),
        "reason.lag_check_town_not_named": (
            "Grupas lapa neuzskaita šo vietu ({place_lv}); pārbaudiet, vai tā ietilpst "
            "grupas teritorijā: {who}."
        ),
        "reason.lag_check_city_rural_only": (
            "Grupas stratēģija attiecas uz novada lauku teritoriju; pilsēta ({place_lv}), "
            "visticamāk, neietilpst — pārbaudiet: {who}."
        ),
        "reason.lag_check_open": (
            "Avoti neizšķir, kura grupa šeit ({place_lv}) darbojas 2023.–2027. gadā; "
            "jautājiet: {who}."
        ),
        "reason.lag_check_plj_fisheries": (
            "Šis pagasts ({place_lv}) ir grupas zivsaimniecības teritorija; nav skaidrs, "
            "vai tas ietilpst arī ELFLA daļā. Jautājiet: {who}."
        ),
        "reason.lag_check_place_unknown": (
            "Novada daļās darbojas dažādas grupas, un nav norādīts, kurā pagastā vai "
            "pilsētā būs telpa; jautājiet: {who}."
        ),
        "reason.lag_check_place_unknown_excluded": (
            "Nav norādīts, kurā novada vietā būs telpa. Ja tā būs šeit — {excluded_lv} —, "
            "LEADER atbalsts nav pieejams; citur novadā jautājiet: {who}."
        ),
        "reason.programme_area_in": (
            "Jūsu pašvaldība ir statistiskajā reģionā “{region}”, kas ietilpst programmas "
            "teritorijā ({regions})."
        ),
        "reason.programme_area_out": (
            "Jūsu pašvaldība ir statistiskajā reģionā “{region}”, bet programmas teritorija "
            "ir {regions}; šis avots jums nav pieejams."
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
        "fit.fits": "Fits",
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
        "reason.municipality_unknown": (
            "No municipality given, so the local action group is not known yet."
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
        "route.council_budget": "The municipality's own budget (by council decision)",
        "own_share.council_decision": (
            "No co-financing rule: the council sets the amount and the prices by decision."
        ),
        "reason.after_registering": (
            "You can apply once the organisation ({form_en}) is registered; until then this "
            "route is only a possibility."
        ),
        "reason.economy_line_not_for_councils": (
            "The local-economy line is for businesses, not municipalities; a municipality "
            "can apply in the community line."
        ),
        "reason.council_decision_arguments": (
            "Prepare the arguments for the council's decision and for partners: whom the "
            "space serves, what it costs and how its results will be measured."
        ),
        "reason.competitive_other_group": (
            "Calls are usually competitive. Another group's example: one {group} round "
            "received requests for {asked_eur} with {available_eur} available; ask your own "
            "LAG how large its rounds are."
        ),
        "reason.route_unverified": (
            "Some of this route's conditions are not confirmed; check before you apply."
        ),
        "reason.lag_confirmed": (
            "Your local action group is {who}; the group's own page confirms its 2023–2027 "
            "territory."
        ),
        "reason.lag_out_no_group": (
            "No LEADER local action group works in this municipality ({muni_en}), so LEADER "
            "support is not available to a co-working space."
        ),
        "reason.lag_out_fisheries_only": (
            "Here ({muni_en}) {lag} covers only the fisheries (EMFAF) part — fishing, "
            "aquaculture and fish-processing businesses; LEADER (EAFRD) support is not "
            "available to a co-working space."
        ),
        "reason.lag_out_town_excluded": (
            "The place — {place_en} — is outside the local action group's territory (the "
            "group covers the rest of the municipality), so LEADER support is not available "
            "to this space."
        ),
        "reason.lag_check_confidence_medium": (
            "Your LAG is most likely {who}, but only an older, municipal or press page "
            "confirms its 2023–2027 territory; check with the group."
        ),
        "reason.lag_check_city_not_named": (
            "No page found puts this city ({city_en}) inside a local action group's "
            "territory; ask: {who}."
        ),
        "reason.lag_check_city_fisheries_part": (
            "{lag} names the city in its territory, but so far only in fisheries rounds; "
            "ask {who} whether a co-working space can apply."
        ),
        "reason.lag_check_adazi_town_business": (
            "The strategy of {who} covers Ādažu novads, but in 2021 it was announced that "
            "business support would not be available in Ādaži town; check with the group."
        ),
        "reason.lag_check_no_current_page": (
            "No 2023–2027 territory page was found; {who} probably works here. Ask the group "
            "or LAD."
        ),
        "reason.lag_check_town_not_named": (
            "The group's page does not list this place ({place_en}); check whether it is "
            "inside the group's territory: {who}."
        ),
        "reason.lag_check_city_rural_only": (
            "The group's strategy covers the municipality's rural territory; the city "
            "({place_en}) is probably outside — check: {who}."
        ),
        "reason.lag_check_open": (
            "The sources do not settle which group works here ({place_en}) in 2023–2027; "
            "ask: {who}."
        ),
        "reason.lag_check_plj_fisheries": (
            "This parish ({place_en}) is in the group's fisheries territory; it is not clear "
            "whether it is in the EAFRD part too. Ask: {who}."
        ),
        "reason.lag_check_place_unknown": (
            "Different groups work in different parts of the municipality, and the place of "
            "the space is not given; ask: {who}."
        ),
        "reason.lag_check_place_unknown_excluded": (
            "The place of the space within the municipality is not given. If it is "
            "{excluded_en}, LEADER support is not available; elsewhere ask: {who}."
        ),
        "reason.programme_area_in": (
            "Your municipality is in the statistical region “{region}”, which is in the "
            "programme area ({regions})."
        ),
        "reason.programme_area_out": (
            "Your municipality is in the statistical region “{region}”, but the programme "
            "area is {regions}; this route is not open to you."
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
