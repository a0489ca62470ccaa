"""One judge per funding route: the rules that make its verdict for one founder.

Each judge adds reasons (codes with parameters, no prose) to a ``Verdict``; the route
fits only as well as its weakest reason allows. ``JUDGES`` maps every route to its
judge; ``funding.match_route`` runs it and builds the ``FundingMatch``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from koprade_wizard.guidance.funding_inputs import FundingInputs
from koprade_wizard.guidance.funding_routes import (
    ALTUM_MAX_COMPANY_AGE_YEARS,
    ALTUM_OWN_SHARE_ABOVE,
    ALTUM_OWN_SHARE_FREE_UP_TO_EUR,
    ALTUM_TERM_YEARS,
    ALTUM_TERM_YEARS_REAL_ESTATE,
    FOUNDERS_CAPITAL_SHARE,
    LEADER_COMPETITION_ASKED_EUR,
    LEADER_COMPETITION_AVAILABLE_EUR,
    LEADER_COMPETITION_GROUP,
    ROUTES,
    CheckWith,
    Fit,
    LegalForm,
    ParamValue,
    Reason,
    RouteId,
    RouteInfo,
    Stage,
)
from koprade_wizard.guidance.funding_texts import render
from koprade_wizard.guidance.municipalities import lookup
from koprade_wizard.guidance.territories import (
    LagVerdict,
    in_programme_area,
    lag_table,
    programme_areas,
    resolve_lag,
)


def reason(code: str, **params: ParamValue) -> Reason:
    """A reason code with its parameters, as the judges add them."""
    return Reason(code, dict(params))


FIT_ORDER = {Fit.FITS: 0, Fit.MAYBE: 1, Fit.NO: 2}


class Verdict:
    """Collects reasons; the route fits only as well as its weakest reason allows.

    A plain class: one is made per route and judged in place, and a generated
    dataclass would cost more at start-up than every verdict of a plan."""

    def __init__(self, check_with: CheckWith | None = None,
                 source_ids: list[str] | None = None) -> None:
        self.fit: Fit = Fit.FITS
        self.reasons: list[Reason] = []
        self.check_with = check_with
        self.source_ids: list[str] = list(source_ids or ())
        self.deciding: Reason | None = None  # the first reason that set the verdict
        self.check_with_name: str | None = None  # a named body ("Zied zeme (ziedzeme.lv)")

    def add(self, reason: Reason, fit: Fit = Fit.FITS) -> None:
        self.reasons.append(reason)
        if FIT_ORDER[fit] > FIT_ORDER[self.fit]:
            self.fit = fit
            self.deciding = reason


_NEEDS_FORM = {
    LegalForm.ASSOCIATION: "needs_association",
    LegalForm.COMPANY: "needs_company",
    LegalForm.COOPERATIVE: "needs_cooperative",
}
_UNORGANISED = frozenset({LegalForm.NONE, LegalForm.INFORMAL_GROUP})


def _form_rule(
    v: Verdict,
    inp: FundingInputs,
    ok: Iterable[LegalForm],
    *,
    maybe: Iterable[LegalForm] = (),
    found: LegalForm,
    no_reason: Reason | None = None,
) -> None:
    """Judge the legal form: ``ok`` fits once registered, ``maybe`` needs checking,
    the unorganised could found ``found`` first, anything else is out."""
    form = inp.legal_form
    if form in set(ok):
        if inp.form_planned:
            # A planned organisation can apply only once it exists.
            v.add(reason("after_registering", form_lv=render("lv", f"form.{form.value}"),
                     form_en=render("en", f"form.{form.value}")), Fit.MAYBE)
        else:
            v.add(reason("legal_form_ok"))
    elif form in set(maybe):
        v.add(reason("legal_form_ok"), Fit.MAYBE)
    elif form in _UNORGANISED:
        v.add(reason(_NEEDS_FORM[found]), Fit.MAYBE)
    else:
        v.add(no_reason or reason("form_not_eligible"), Fit.NO)


def _who(lag: LagVerdict) -> str:
    """The group(s) to ask, with their websites; the Rural Support Service if none."""
    named = [f"{g.name} ({g.website})" if g.website else g.name for g in lag.groups]
    return ", ".join(named) if named else "LAD (lad.gov.lv)"


def _slug(inp: FundingInputs) -> str | None:
    """The municipality's current slug (a former one, such as Varakļāni, followed)."""
    muni = lookup(inp.municipality) if inp.municipality else None
    return muni.slug if muni else None


def _lag(inp: FundingInputs) -> LagVerdict | None:
    slug = _slug(inp)
    return resolve_lag(slug, inp.lag_area) if slug else None


def _leader_territory(v: Verdict, inp: FundingInputs) -> None:
    """Which local action group works where the space will be, parish by parish."""
    lag = _lag(inp)
    if lag is None:
        v.add(reason("municipality_unknown"), Fit.MAYBE)
        v.check_with = CheckWith.LAD
        return
    muni = lookup(lag.municipality)
    params: dict[str, ParamValue] = {
        "lag": ", ".join(g.name for g in lag.groups) or "—",
        "who": _who(lag),
        "muni_lv": muni.official_lv if muni else lag.municipality,
        "muni_en": muni.name_en if muni else lag.municipality,
        "place_lv": lag.unit.label("lv") if lag.unit else "",
        "place_en": lag.unit.label("en") if lag.unit else "",
        "excluded_lv": lag.excluded.label("lv") if lag.excluded else "",
        "excluded_en": lag.excluded.label("en") if lag.excluded else "",
        "city_lv": lag.unit.label("lv") if lag.unit else (muni.name_lv if muni else ""),
        "city_en": lag.unit.label("en") if lag.unit else (muni.name_en if muni else ""),
    }
    v.source_ids.extend(f"lag-page:{lag.municipality}:{i}" for i in range(len(lag.pages)))
    v.check_with_name = _who(lag)
    if lag.status == "out":
        v.add(Reason(f"lag_out_{lag.reason}", params), Fit.NO)
        return
    if lag.status == "check":
        code = "lag_check_place_unknown_excluded" if lag.excluded else f"lag_check_{lag.reason}"
        v.add(Reason(code, params), Fit.MAYBE)
    else:
        v.add(Reason("lag_confirmed", params))
    v.check_with = CheckWith.LAG if lag.groups else CheckWith.LAD


def _leader_common(v: Verdict, info: RouteInfo, inp: FundingInputs) -> None:
    v.add(reason("rates_differ_by_lag"))
    v.add(reason("example_call", year=info.as_of or ""))
    lag = _lag(inp)
    example = lag_table().groups[LEADER_COMPETITION_GROUP]
    own = lag is not None and any(g.id == example.id for g in lag.groups)
    # A group's round figures are that group's: for anyone else they are an example.
    v.add(
        reason(
            "competitive" if own else "competitive_other_group",
            asked_eur=LEADER_COMPETITION_ASKED_EUR,
            available_eur=LEADER_COMPETITION_AVAILABLE_EUR,
            group=example.name,
        )
    )
    v.add(reason("timeline", lag_months=1, lad_months_min=3, lad_months_max=5))
    v.add(reason("construction_two_years", years=2))
    v.add(reason("apply_in_eps"))
    if inp.stage in (Stage.IDEA, Stage.GROUP):
        v.add(reason("needs_concrete_project"))
    if info.limit is not None and inp.setup_budget is not None and inp.setup_budget > info.limit:
        v.add(reason("budget_above_limit", limit_eur=info.limit))


def _leader_economy(v: Verdict, inp: FundingInputs) -> None:
    form = inp.legal_form
    if form in (LegalForm.ASSOCIATION, LegalForm.FOUNDATION):
        v.add(reason("ngo_economic_activity"), Fit.MAYBE)
    elif form is LegalForm.MUNICIPALITY:
        v.add(reason("economy_line_not_for_councils"), Fit.NO)
    else:
        _form_rule(v, inp, (LegalForm.COMPANY, LegalForm.COOPERATIVE), found=LegalForm.COMPANY)
    _leader_territory(v, inp)
    _leader_common(v, ROUTES[RouteId.LEADER_ECONOMY], inp)


def _leader_community(v: Verdict, inp: FundingInputs) -> None:
    _form_rule(
        v,
        inp,
        (LegalForm.ASSOCIATION, LegalForm.FOUNDATION, LegalForm.MUNICIPALITY),
        maybe=(LegalForm.COOPERATIVE,),
        found=LegalForm.ASSOCIATION,
        no_reason=reason("community_line_for_ngos"),
    )
    _leader_territory(v, inp)
    _leader_common(v, ROUTES[RouteId.LEADER_COMMUNITY], inp)


def _municipality(v: Verdict, inp: FundingInputs) -> None:
    """Council support for anyone but the council itself (see ``_council_budget``)."""
    v.add(reason("council_rules_differ"), Fit.MAYBE)
    v.add(reason("council_grant_example", min_eur=5_000, max_eur=10_000, own_share=0.20))
    v.add(reason("council_community_example", max_eur=4_000))
    if inp.legal_form in (LegalForm.NONE, LegalForm.INFORMAL_GROUP, LegalForm.ASSOCIATION):
        v.add(reason("participatory_budget"))
    v.add(reason("council_premises"))
    v.add(reason("council_ask_early"))


def _council_budget(v: Verdict, inp: FundingInputs) -> None:
    """A municipality or its body funds its own space from its budget."""
    v.add(reason("council_own_body"))
    v.add(reason("council_decision_arguments"))


def _altum(v: Verdict, inp: FundingInputs) -> None:
    form = inp.legal_form
    business = (LegalForm.COMPANY, LegalForm.COOPERATIVE)
    if form in business:
        age = inp.company_age_years
        limit = ALTUM_MAX_COMPANY_AGE_YEARS
        if inp.form_planned:
            v.add(reason("not_yet_registered_ok"))
        elif age is None:
            v.add(reason("company_age_unknown", max_years=limit), Fit.MAYBE)
        elif age <= limit:
            v.add(reason("company_age_ok", age=age, max_years=limit))
        else:
            v.add(reason("company_too_old", age=age, max_years=limit), Fit.NO)
    elif form in _UNORGANISED:
        v.add(reason("needs_company"), Fit.MAYBE)
        v.add(reason("not_yet_registered_ok"))
    elif form in (LegalForm.ASSOCIATION, LegalForm.FOUNDATION):
        v.add(reason("ngo_likely_excluded"), Fit.NO)
    else:
        v.add(reason("form_not_eligible"), Fit.NO)
    info = ROUTES[RouteId.ALTUM_START]
    v.add(reason("loan_range", min_eur=info.min_amount or 0, max_eur=info.limit or 0))
    v.add(reason("loan_term", years=ALTUM_TERM_YEARS,
                 years_real_estate=ALTUM_TERM_YEARS_REAL_ESTATE))
    v.add(
        reason(
            "altum_own_share",
            threshold_eur=ALTUM_OWN_SHARE_FREE_UP_TO_EUR,
            share=ALTUM_OWN_SHARE_ABOVE,
        )
    )
    v.add(reason("real_estate_exclusion_unverified"), Fit.MAYBE)
    if inp.stage is Stage.IDEA:
        v.add(reason("needs_business_plan"))


def _liaa(v: Verdict, inp: FundingInputs) -> None:
    form = inp.legal_form
    if form in (LegalForm.COMPANY, LegalForm.COOPERATIVE):
        v.add(reason("incubator_not_for_building"), Fit.MAYBE)
    elif form in _UNORGANISED:
        v.add(reason("needs_company"), Fit.MAYBE)
        v.add(reason("incubator_not_for_building"))
    else:
        v.add(reason("incubator_not_for_building"), Fit.NO)
    v.add(reason("incubator_for_members"))
    v.add(reason("incubator_preincubation_free", months=6))


def _active_citizens(v: Verdict, inp: FundingInputs) -> None:
    _form_rule(
        v,
        inp,
        (LegalForm.ASSOCIATION, LegalForm.FOUNDATION),
        found=LegalForm.ASSOCIATION,
        no_reason=reason("association_or_foundation_only"),
    )
    v.add(reason("theme_civic"))
    v.add(reason("round_unverified", start=2021, end=2028), Fit.MAYBE)


def _interreg(v: Verdict, inp: FundingInputs, route: RouteId) -> None:
    _form_rule(
        v,
        inp,
        (LegalForm.MUNICIPALITY, LegalForm.ASSOCIATION, LegalForm.FOUNDATION),
        maybe=(LegalForm.COMPANY, LegalForm.COOPERATIVE),
        found=LegalForm.ASSOCIATION,
    )
    v.add(reason("public_and_ngo_applicants"))
    slug = _slug(inp)
    inside = in_programme_area(route.value, slug)
    v.source_ids.extend((f"area:{route.value}", "area:statistical_regions"))
    if inside is None:
        v.add(reason("programme_area_check"), Fit.MAYBE)
    else:
        areas = programme_areas()
        region = areas.region_names[areas.region_of[slug or ""]]
        regions = ", ".join(sorted(areas.region_names[r] for r in areas.programmes[route.value][0]))
        code = "programme_area_in" if inside else "programme_area_out"
        v.add(reason(code, region=region, regions=regions), Fit.FITS if inside else Fit.NO)
    v.add(reason("needs_partner_abroad"))
    info = ROUTES[route]
    if info.rate is not None:
        v.add(reason("erdf_rate", rate=info.rate.max))
    # Rates and conditions are set by each call, which no source here confirms.
    v.add(reason("rate_check_call"), Fit.MAYBE)


def _own_money(v: Verdict, inp: FundingInputs) -> None:
    v.add(reason("own_money_always"))
    v.add(reason("founders_capital_share", share=FOUNDERS_CAPITAL_SHARE))
    is_open = inp.stage is Stage.OPEN  # an open space plans improvements, not a founding
    if inp.own_money is not None and inp.setup_budget:
        v.add(reason("own_money_share_open" if is_open else "own_money_share",
                     share=min(1.0, inp.own_money / inp.setup_budget)))
    if not is_open:
        v.add(reason("prepayments", months_min=1, months_max=2))
    v.add(reason("crowdfunding"))


def _coop_shares(v: Verdict, inp: FundingInputs) -> None:
    _form_rule(
        v,
        inp,
        (LegalForm.COOPERATIVE,),
        found=LegalForm.COOPERATIVE,
        no_reason=reason("cooperative_only"),
    )
    v.add(reason("example_share", example="CoWorkLand eG", amount_eur=500))
    v.add(reason("few_lv_precedents"))


JUDGES: dict[RouteId, Callable[[Verdict, FundingInputs], None]] = {
    RouteId.LEADER_ECONOMY: _leader_economy,
    RouteId.LEADER_COMMUNITY: _leader_community,
    RouteId.MUNICIPALITY: _municipality,
    RouteId.COUNCIL_BUDGET: _council_budget,
    RouteId.ALTUM_START: _altum,
    RouteId.LIAA_INCUBATOR: _liaa,
    RouteId.ACTIVE_CITIZENS_FUND: _active_citizens,
    RouteId.INTERREG_EE_LV: lambda v, inp: _interreg(v, inp, RouteId.INTERREG_EE_LV),
    RouteId.INTERREG_LV_LT: lambda v, inp: _interreg(v, inp, RouteId.INTERREG_LV_LT),
    RouteId.OWN_MONEY: _own_money,
    RouteId.COOP_SHARES: _coop_shares,
}
