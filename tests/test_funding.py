"""The funding matcher and its bilingual texts."""

from __future__ import annotations

import functools
import itertools
import string

import pytest

from koprade_wizard.guidance.funding import (
    ROUTES,
    CheckWith,
    Fit,
    FundingInputs,
    FundingMatch,
    LegalForm,
    OwnShareRule,
    RouteId,
    Stage,
    as_mapping,
    legal_form_from_answers,
    match_funding,
    match_route,
    routes_from_answers,
)
from koprade_wizard.guidance.funding_texts import PREFIXES, render
from koprade_wizard.guidance.municipalities import BY_SLUG
from koprade_wizard.guidance.sources import SOURCES, lookup_source
from koprade_wizard.guidance.territories import lag_table
from koprade_wizard.i18n import catalog
from koprade_wizard.i18n.messages import LANGS


def by_route(inp: FundingInputs) -> dict[RouteId, FundingMatch]:
    return {m.route: m for m in match_funding(inp)}


def codes(match: FundingMatch) -> list[str]:
    return [r.code for r in match.reasons]


# -------------------------------------------------------------------- routes


def test_every_route_has_sources_and_a_judge() -> None:
    assert set(ROUTES) == set(RouteId)
    for info in ROUTES.values():
        assert info.source_ids
        assert all(s in SOURCES for s in info.source_ids)


def test_every_cited_id_of_a_match_is_a_known_source() -> None:
    for match in _all_matches():
        for sid in match.source_ids:
            assert lookup_source(sid) is not None, sid


def test_unverified_facts_are_flagged() -> None:
    unverified = {r for r, info in ROUTES.items() if info.unverified}
    assert unverified == {
        RouteId.ACTIVE_CITIZENS_FUND,
        RouteId.ALTUM_START,
        RouteId.INTERREG_EE_LV,
        RouteId.INTERREG_LV_LT,
    }


def test_leader_figures_from_the_2023_example() -> None:
    economy, community = ROUTES[RouteId.LEADER_ECONOMY], ROUTES[RouteId.LEADER_COMMUNITY]
    assert (economy.rate.min, economy.rate.max, economy.limit) == (0.40, 0.55, 30_000)
    assert (community.rate.min, community.rate.max, community.limit) == (0.70, 0.90, 10_000)
    assert economy.as_of == community.as_of == "2023"


# ------------------------------------------------------------------ matching


def test_association_fits_community_leader_and_active_citizens_fund() -> None:
    m = by_route(FundingInputs(LegalForm.ASSOCIATION, municipality="marupes-novads"))
    community = m[RouteId.LEADER_COMMUNITY]
    assert community.fits is Fit.FITS
    assert ("legal_form_ok", {}) in community.reasons
    assert "lag_confirmed" in codes(community)
    assert community.check_with_name == "Pierīgas partnerība (pierigaspartneriba.lv)"
    # The group's own round figures are quoted as its own, not as another group's.
    assert "competitive" in codes(community)
    assert community.check_with is CheckWith.LAG
    acf = m[RouteId.ACTIVE_CITIZENS_FUND]
    assert acf.fits is Fit.MAYBE  # the 2021–2028 round is not confirmed
    assert acf.unverified is True
    assert "round_unverified" in codes(acf)
    assert m[RouteId.ALTUM_START].fits is Fit.NO


def test_company_older_than_three_years_gets_no_altum_start_loan() -> None:
    old = by_route(FundingInputs(LegalForm.COMPANY, company_age_years=4))[RouteId.ALTUM_START]
    assert old.fits is Fit.NO
    assert ("company_too_old", {"age": 4, "max_years": 3}) in old.reasons
    assert old.support_estimate is None
    young = match_route(RouteId.ALTUM_START, FundingInputs(LegalForm.COMPANY, company_age_years=2))
    assert young.fits is Fit.MAYBE  # desk rental as real estate: unverified
    assert young.reason is not None
    assert young.reason.code == "real_estate_exclusion_unverified"
    unknown = match_route(RouteId.ALTUM_START, FundingInputs(LegalForm.COMPANY))
    assert unknown.fits is Fit.MAYBE
    planned = match_route(RouteId.ALTUM_START, FundingInputs(LegalForm.COMPANY, form_planned=True))
    assert planned.fits is Fit.MAYBE
    assert "not_yet_registered_ok" in codes(planned)  # open before registering
    assert "not_yet_registered_ok" in codes(planned)
    assert "real_estate_exclusion_unverified" in codes(planned)


def test_altum_loan_estimate_and_own_share_rule() -> None:
    inp = FundingInputs(
        LegalForm.COMPANY, company_age_years=1, setup_budget=30_000, own_money=5_000
    )
    altum = match_route(RouteId.ALTUM_START, inp)
    assert altum.support_estimate == (25_000, 25_000)
    assert altum.own_share_rule is OwnShareRule.ALTUM_START
    small = FundingInputs(LegalForm.COMPANY, company_age_years=1, setup_budget=1_500)
    assert match_route(RouteId.ALTUM_START, small).support_estimate is None  # below €2,000


def test_municipality_funds_its_own_space_by_council_decision() -> None:
    m = by_route(FundingInputs(LegalForm.MUNICIPALITY, municipality="cesu-novads"))
    assert RouteId.MUNICIPALITY not in m  # a council does not apply to itself
    council = m[RouteId.COUNCIL_BUDGET]
    assert council.fits is Fit.FITS
    assert codes(council) == ["council_own_body", "council_decision_arguments"]
    assert council.check_with is CheckWith.COUNCIL
    assert council.own_share_rule is OwnShareRule.COUNCIL_DECISION
    assert RouteId.COUNCIL_BUDGET not in by_route(FundingInputs(LegalForm.ASSOCIATION))
    assert m[RouteId.LEADER_COMMUNITY].fits is not Fit.NO
    for route in (RouteId.LEADER_ECONOMY, RouteId.ALTUM_START, RouteId.ACTIVE_CITIZENS_FUND):
        assert m[route].fits is Fit.NO


def test_others_ask_the_council() -> None:
    council = match_route(RouteId.MUNICIPALITY, FundingInputs(LegalForm.INFORMAL_GROUP))
    assert council.fits is Fit.MAYBE
    assert {"council_premises", "participatory_budget", "council_ask_early"} <= set(codes(council))


def test_a_group_known_only_from_an_older_page_is_check_with_that_group() -> None:
    m = by_route(FundingInputs(LegalForm.ASSOCIATION, municipality="balvu-novads"))
    for route in (RouteId.LEADER_ECONOMY, RouteId.LEADER_COMMUNITY):
        assert m[route].fits is Fit.MAYBE
        assert "lag_check_confidence_medium" in codes(m[route])
        assert m[route].check_with is CheckWith.LAG
        assert m[route].check_with_name == "Ziemeļlatgales partnerība (zlp.lv)"
    # Another group's round figures are labelled as that group's example.
    assert "competitive_other_group" in codes(m[RouteId.LEADER_COMMUNITY])


def test_no_municipality_also_sends_the_founder_to_lad() -> None:
    community = match_route(RouteId.LEADER_COMMUNITY, FundingInputs(LegalForm.ASSOCIATION))
    assert "municipality_unknown" in codes(community)
    assert community.check_with is CheckWith.LAD


def test_riga_has_no_leader() -> None:
    m = by_route(FundingInputs(LegalForm.ASSOCIATION, municipality="riga"))
    for route in (RouteId.LEADER_ECONOMY, RouteId.LEADER_COMMUNITY):
        assert m[route].fits is Fit.NO
        assert m[route].reason is not None and m[route].reason.code == "lag_out_no_group"
        assert m[route].support_estimate is None


def test_state_cities_in_the_fisheries_part_only_get_no() -> None:
    community = match_route(
        RouteId.LEADER_COMMUNITY, FundingInputs(LegalForm.ASSOCIATION, municipality="liepaja")
    )
    assert community.fits is Fit.NO
    assert community.reason is not None and community.reason.code == "lag_out_fisheries_only"


def test_a_city_no_page_includes_is_check_with_the_neighbouring_group() -> None:
    community = match_route(
        RouteId.LEADER_COMMUNITY, FundingInputs(LegalForm.ASSOCIATION, municipality="daugavpils")
    )
    assert community.fits is Fit.MAYBE
    assert "lag_check_city_not_named" in codes(community)
    assert "daugavpils.partneribas.lv" in (community.check_with_name or "")


def test_ogre_depends_on_where_in_the_municipality() -> None:
    def community(area: str | None) -> FundingMatch:
        inp = FundingInputs(LegalForm.ASSOCIATION, municipality="ogres-novads", lag_area=area)
        return match_route(RouteId.LEADER_COMMUNITY, inp)

    unknown = community(None)
    assert unknown.fits is Fit.MAYBE
    assert "lag_check_place_unknown_excluded" in codes(unknown)
    town = community("ogre-town")
    assert town.fits is Fit.NO
    assert town.reason is not None and town.reason.code == "lag_out_town_excluded"
    assert town.reason.params["place_en"] == "Ogre (town)"
    ikskile = community("rest")
    assert ikskile.fits is Fit.FITS
    assert ikskile.check_with_name == "Zied zeme (ziedzeme.lv)"


def test_a_planned_organisation_fits_only_after_registering() -> None:
    planned = FundingInputs(LegalForm.ASSOCIATION, municipality="marupes-novads",
                            form_planned=True)
    community = match_route(RouteId.LEADER_COMMUNITY, planned)
    assert community.fits is Fit.MAYBE
    assert community.reason is not None and community.reason.code == "after_registering"
    assert "biedrība" in render("lv", "reason.after_registering", community.reason.params)


def test_unverified_routes_are_never_fits() -> None:
    for match in _all_matches():
        if match.unverified:
            assert match.fits is not Fit.FITS, match.route


def test_former_varaklani_slug_is_understood() -> None:
    inp = FundingInputs(LegalForm.ASSOCIATION, municipality="varaklanu-novads")
    assert "municipality_unknown" not in codes(match_route(RouteId.LEADER_COMMUNITY, inp))


def test_company_cannot_use_the_community_line() -> None:
    community = match_route(RouteId.LEADER_COMMUNITY, FundingInputs(LegalForm.COMPANY))
    assert community.fits is Fit.NO
    assert "community_line_for_ngos" in codes(community)


def test_no_organisation_yet_means_found_one_first() -> None:
    m = by_route(FundingInputs(LegalForm.NONE, municipality="marupes-novads"))
    assert m[RouteId.LEADER_COMMUNITY].fits is Fit.MAYBE
    assert "needs_association" in codes(m[RouteId.LEADER_COMMUNITY])
    assert "needs_company" in codes(m[RouteId.LEADER_ECONOMY])
    assert "needs_cooperative" in codes(m[RouteId.COOP_SHARES])


def test_interreg_programme_areas() -> None:
    m = by_route(
        FundingInputs(LegalForm.ASSOCIATION, municipality="olaines-novads", setup_budget=40_000)
    )
    assert "programme_area_in" in codes(m[RouteId.INTERREG_EE_LV])
    assert m[RouteId.INTERREG_EE_LV].fits is Fit.MAYBE  # rates: check the current call
    assert m[RouteId.INTERREG_LV_LT].fits is Fit.NO
    assert m[RouteId.INTERREG_EE_LV].support_estimate is None
    # Ogres novads is in the Pierīga statistical region: not Latvia–Lithuania.
    ogre = by_route(FundingInputs(LegalForm.MUNICIPALITY, municipality="ogres-novads"))
    assert ogre[RouteId.INTERREG_LV_LT].fits is Fit.NO
    elsewhere = by_route(FundingInputs(LegalForm.ASSOCIATION, municipality="kraslavas-novads"))
    assert "programme_area_in" in codes(elsewhere[RouteId.INTERREG_LV_LT])
    assert elsewhere[RouteId.INTERREG_EE_LV].fits is Fit.NO
    nowhere = by_route(FundingInputs(LegalForm.ASSOCIATION))
    assert "programme_area_check" in codes(nowhere[RouteId.INTERREG_LV_LT])


def test_leader_support_estimate_caps_the_eligible_cost() -> None:
    inp = FundingInputs(LegalForm.COMPANY, municipality="marupes-novads", setup_budget=40_000)
    economy = match_route(RouteId.LEADER_ECONOMY, inp)
    assert economy.support_estimate == pytest.approx((12_000, 16_500))  # 30,000 × 40…55 %
    assert ("budget_above_limit", {"limit_eur": 30_000}) in economy.reasons


def test_own_money_always_fits_and_reports_its_share() -> None:
    own = match_route(
        RouteId.OWN_MONEY, FundingInputs(LegalForm.NONE, setup_budget=20_000, own_money=5_000)
    )
    assert own.fits is Fit.FITS
    assert ("own_money_share", {"share": 0.25}) in own.reasons


def test_cooperative_shares_are_for_cooperatives() -> None:
    assert match_route(RouteId.COOP_SHARES, FundingInputs(LegalForm.COOPERATIVE)).fits is Fit.FITS
    assert match_route(RouteId.COOP_SHARES, FundingInputs(LegalForm.COMPANY)).fits is Fit.NO


def test_results_are_sorted_and_filtered() -> None:
    matches = match_funding(FundingInputs(LegalForm.ASSOCIATION, municipality="marupes-novads"))
    ranks = [("fits", "maybe", "no").index(m.fits.value) for m in matches]
    assert ranks == sorted(ranks)
    wanted = frozenset({RouteId.OWN_MONEY, RouteId.ALTUM_START})
    only = match_funding(FundingInputs(LegalForm.ASSOCIATION, interested_routes=wanted))
    assert {m.route for m in only} == wanted


def test_plain_data_view() -> None:
    data = as_mapping(match_route(RouteId.LEADER_ECONOMY, FundingInputs(LegalForm.COMPANY)))
    assert data["route"] == "leader_economy"
    assert data["rate"] == {"min": 0.40, "max": 0.55}


# --------------------------------------------------------------------- texts


@functools.cache
def _all_matches() -> list[FundingMatch]:
    """Every form, stage and age in a few places, and every place (each parish or town
    of a split municipality too) for an association."""
    combos = itertools.product(
        LegalForm,
        [None, "marupes-novads", "ogres-novads", "riga", "liepaja", "balvu-novads"],
        Stage,
        [None, 1.0, 5.0],
        [False, True],
    )
    out: list[FundingMatch] = []
    for form, muni, stage, age, planned in combos:
        out += match_funding(
            FundingInputs(
                form, muni, stage, age, setup_budget=40_000, own_money=5_000, form_planned=planned
            )
        )
    for slug, row in lag_table().rows.items():
        for area in [None, *(u.id for u in row.units)]:
            for form in (LegalForm.ASSOCIATION, LegalForm.MUNICIPALITY):
                out += match_funding(FundingInputs(form, slug, lag_area=area))
    return out


# The funding matcher's words as each catalogue holds them.
TEXTS = {lang: {k: str(v) for k, v in catalog.entries(lang).items() if k.startswith(PREFIXES)}
         for lang in LANGS}


def test_every_code_has_both_languages_with_matching_placeholders() -> None:
    assert set(TEXTS) == set(LANGS)
    assert set(TEXTS["lv"]) == set(TEXTS["en"])
    fmt = string.Formatter()
    for key in TEXTS["lv"]:
        fields_lv = {f for _, f, _, _ in fmt.parse(TEXTS["lv"][key]) if f}
        fields_en = {f for _, f, _, _ in fmt.parse(TEXTS["en"][key]) if f}
        # A language may leave out a parameter it does not need (Latvian uses the
        # genitive of a city, English the nominative), but never invent one.
        assert fields_lv <= _params_for(key) and fields_en <= _params_for(key), key


_SEEN_PARAMS: dict[str, set[str]] = {}


def _params_for(key: str) -> set[str]:
    if not _SEEN_PARAMS:
        for match in _all_matches():
            for reason in match.reasons:
                _SEEN_PARAMS.setdefault(f"reason.{reason.code}", set()).update(reason.params)
    return _SEEN_PARAMS.get(key, set())


def test_every_produced_code_renders_in_both_languages() -> None:
    keys: set[str] = set()
    for match in _all_matches():
        keys |= {f"route.{match.route}", f"fit.{match.fits}", f"own_share.{match.own_share_rule}"}
        if match.check_with is not None:
            keys.add(f"check.{match.check_with}")
        for reason in match.reasons:
            for lang in LANGS:
                assert render(lang, f"reason.{reason.code}", reason.params)
    for key in keys:
        for lang in LANGS:
            assert render(lang, key)
    for enum in (LegalForm, Stage, Fit, CheckWith, OwnShareRule, RouteId):
        prefix = {
            LegalForm: "form", Stage: "stage", Fit: "fit", CheckWith: "check",
            OwnShareRule: "own_share", RouteId: "route",
        }[enum]
        for member in enum:
            assert f"{prefix}.{member}" in TEXTS["lv"], member


def test_money_shares_and_dates_are_written_per_language() -> None:
    params = {"asked_eur": 342_600, "available_eur": 189_200}
    assert "342\u00a0600\u00a0€" in render("lv", "reason.competitive", params)
    assert "€342,600" in render("en", "reason.competitive", params)
    assert "20%" in render("lv", "reason.council_grant_example",
                           {"min_eur": 5_000, "max_eur": 10_000, "own_share": 0.2})
    other = {**params, "group": "Pierīgas partnerība"}
    assert "Pierīgas partnerība" in render("en", "reason.competitive_other_group", other)


def test_latvian_texts_use_latvian_letters_and_formal_address() -> None:
    lv = " ".join(TEXTS["lv"].values())
    for letter in "āēģīķļņšūž":
        assert letter in lv, letter
    for ascii_spelling in ("pasvaldib", "ricibas", "vieteja", "lidzfinansejum", "biedriba "):
        assert ascii_spelling not in lv.lower(), ascii_spelling
    assert "jautājiet" in lv  # formal imperative
    assert " tu " not in f" {lv} "
    assert "vietējā rīcības grupa" in TEXTS["lv"]["check.lag"]
    assert "Lauku atbalsta dienest" in TEXTS["lv"]["check.lad"]


def test_municipality_names_in_reasons_come_from_the_list() -> None:
    riga = match_route(RouteId.LEADER_COMMUNITY,
                       FundingInputs(LegalForm.ASSOCIATION, municipality="riga"))
    assert riga.reason is not None
    text = render("lv", f"reason.{riga.reason.code}", riga.reason.params)
    assert f"({BY_SLUG['riga'].official_lv})" in text


# -------------------------------------------------------------- answer values


def test_answer_values_map_to_the_matcher() -> None:
    assert legal_form_from_answers("informal-group", "undecided") is LegalForm.INFORMAL_GROUP
    assert legal_form_from_answers("person", "company") is LegalForm.COMPANY
    assert legal_form_from_answers("municipality", None) is LegalForm.MUNICIPALITY
    assert legal_form_from_answers(None, "municipal-body") is LegalForm.MUNICIPALITY
    assert routes_from_answers(["leader", "crowdfunding"]) == {
        RouteId.LEADER_ECONOMY,
        RouteId.LEADER_COMMUNITY,
        RouteId.OWN_MONEY,
    }
    assert routes_from_answers([]) is None
    assert routes_from_answers(None) is None
