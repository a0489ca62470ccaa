"""The funding matcher: which public and private routes fit this founder.

``match_funding`` looks at the legal form (held or planned), the municipality, the
stage, the company's age and the money involved, and returns one ``FundingMatch``
per route. A match carries no prose: ``reasons`` are codes with parameters, and
the words for them (Latvian and English) live in ``funding_texts``.

``fits`` answers "can *this founder* use the route?":

* ``fits`` – every condition is known to hold;
* ``maybe`` – something is unknown, unverified or not yet done (a group confirmed
  only by an older page, a company age not given, an organisation still to
  register); the plan says "check with …";
* ``no`` – a known condition fails, and the reason says which.

A route whose key condition the sources leave unconfirmed (``unverified``: the
Active Citizens Fund's 2021–2028 round, ALTUM's real-estate exclusion, Interreg
rates) is never better than ``maybe``. Every figure carries ``as_of`` and
``source_ids``. The verdict is made once here; every part of the plan reads it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from koprade_wizard.common.record import record
from koprade_wizard.guidance.funding_routes import (  # the route facts, re-exported below
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
    OwnShareRule,
    ParamValue,
    Rate,
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


def _r(code: str, **params: ParamValue) -> Reason:
    return Reason(code, dict(params))


__all__ = [
    "LEADER_COMPETITION_GROUP", "ROUTES",
    "CheckWith",
    "Fit",
    "FundingInputs",
    "FundingMatch",
    "LegalForm",
    "OwnShareRule",
    "Rate",
    "Reason",
    "RouteId",
    "RouteInfo",
    "Stage",
    "as_mapping",
    "legal_form_from_answers",
    "match_funding",
    "match_route",
    "reason_codes",
    "routes_for",
    "routes_from_answers",
]

# Answer values used by the step files (profile: founder_type; funding: legal_form,
# funding_routes), so the plan can build ``FundingInputs`` without its own table.
LEGAL_FORM_BY_ANSWER: dict[str, LegalForm] = {
    "person": LegalForm.NONE,
    "undecided": LegalForm.NONE,
    "informal-group": LegalForm.INFORMAL_GROUP,
    "association": LegalForm.ASSOCIATION,
    "foundation": LegalForm.FOUNDATION,
    "company": LegalForm.COMPANY,
    "cooperative": LegalForm.COOPERATIVE,
    "municipality": LegalForm.MUNICIPALITY,
    "municipal-body": LegalForm.MUNICIPALITY,
}

ROUTES_BY_ANSWER: dict[str, tuple[RouteId, ...]] = {
    "leader": (RouteId.LEADER_ECONOMY, RouteId.LEADER_COMMUNITY),
    "council": (RouteId.MUNICIPALITY,),
    "altum": (RouteId.ALTUM_START,),
    "liaa": (RouteId.LIAA_INCUBATOR,),
    "active-citizens": (RouteId.ACTIVE_CITIZENS_FUND,),
    "interreg": (RouteId.INTERREG_EE_LV, RouteId.INTERREG_LV_LT),
    "crowdfunding": (RouteId.OWN_MONEY,),
    "coop-shares": (RouteId.COOP_SHARES,),
}


def legal_form_from_answers(founder_type: str | None, legal_form: str | None) -> LegalForm:
    """The form to judge by: the chosen legal form, else who the founder is.

    An undecided form falls back to the founder type, so an informal group that has
    not chosen a form is still judged as a group. Unknown values count as ``NONE``.
    """
    if legal_form and legal_form != "undecided" and legal_form in LEGAL_FORM_BY_ANSWER:
        return LEGAL_FORM_BY_ANSWER[legal_form]
    return LEGAL_FORM_BY_ANSWER.get(founder_type or "", LegalForm.NONE)


def routes_from_answers(
    values: Iterable[str] | None, form: LegalForm | None = None
) -> frozenset[RouteId] | None:
    """Route ids for the ``funding_routes`` answer; ``None`` (all) when none chosen.

    A council that ticks "municipal support" means its own budget."""
    routes = {r for v in values or () for r in ROUTES_BY_ANSWER.get(v, ())}
    if form is LegalForm.MUNICIPALITY and RouteId.MUNICIPALITY in routes:
        routes = (routes - {RouteId.MUNICIPALITY}) | {RouteId.COUNCIL_BUDGET}
    return frozenset(routes) or None


@record
class FundingInputs:
    """What the matcher needs to know about the founder.

    ``legal_form`` is the form held, or planned when ``form_planned`` is true.
    ``company_age_years`` is ``None`` when unknown or not registered yet.
    ``interested_routes`` limits the answer to those routes; ``None`` means all.
    """

    legal_form: LegalForm
    municipality: str | None = None
    stage: Stage = Stage.IDEA
    company_age_years: float | None = None
    setup_budget: float | None = None
    own_money: float | None = None
    interested_routes: frozenset[RouteId] | None = None
    form_planned: bool = False
    lag_area: str | None = None  # the parish or town, where the municipality is split


@record
class FundingMatch:
    """One route judged for one founder.

    ``support_estimate`` is the (low, high) euro amount this route might bring for
    the given set-up budget, before competition; ``None`` where the route has no
    rate or the budget is unknown.
    """

    route: RouteId
    fits: Fit
    reasons: tuple[Reason, ...]
    rate: Rate | None
    limit: float | None
    limit_applies_to: Literal["eligible_cost", "amount"] | None
    own_share_rule: OwnShareRule
    as_of: str | None
    check_with: CheckWith | None
    unverified: bool
    source_ids: tuple[str, ...]
    support_estimate: tuple[float, float] | None = None
    deciding: Reason | None = None  # the reason behind a "maybe" or "no"
    check_with_name: str | None = None  # the named body to ask, where one is known

    @property
    def reason(self) -> Reason | None:
        """Why the route is not simply "fits": the first reason that set the verdict."""
        return self.deciding


_FIT_ORDER = {Fit.FITS: 0, Fit.MAYBE: 1, Fit.NO: 2}


@dataclass
class _Verdict:
    """Collects reasons; the route fits only as well as its weakest reason allows."""

    fit: Fit = Fit.FITS
    reasons: list[Reason] = field(default_factory=list)
    check_with: CheckWith | None = None
    source_ids: list[str] = field(default_factory=list)
    deciding: Reason | None = None  # the first reason that set the verdict
    check_with_name: str | None = None  # a named body ("Zied zeme (ziedzeme.lv)")

    def add(self, reason: Reason, fit: Fit = Fit.FITS) -> None:
        self.reasons.append(reason)
        if _FIT_ORDER[fit] > _FIT_ORDER[self.fit]:
            self.fit = fit
            self.deciding = reason


_NEEDS_FORM = {
    LegalForm.ASSOCIATION: "needs_association",
    LegalForm.COMPANY: "needs_company",
    LegalForm.COOPERATIVE: "needs_cooperative",
}
_UNORGANISED = frozenset({LegalForm.NONE, LegalForm.INFORMAL_GROUP})


def _form_rule(
    v: _Verdict,
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
            v.add(_r("after_registering", form_lv=render("lv", f"form.{form.value}"),
                     form_en=render("en", f"form.{form.value}")), Fit.MAYBE)
        else:
            v.add(_r("legal_form_ok"))
    elif form in set(maybe):
        v.add(_r("legal_form_ok"), Fit.MAYBE)
    elif form in _UNORGANISED:
        v.add(_r(_NEEDS_FORM[found]), Fit.MAYBE)
    else:
        v.add(no_reason or _r("form_not_eligible"), Fit.NO)


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


def _leader_territory(v: _Verdict, inp: FundingInputs) -> None:
    """Which local action group works where the space will be, parish by parish."""
    lag = _lag(inp)
    if lag is None:
        v.add(_r("municipality_unknown"), Fit.MAYBE)
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


def _leader_common(v: _Verdict, info: RouteInfo, inp: FundingInputs) -> None:
    v.add(_r("rates_differ_by_lag"))
    v.add(_r("example_call", year=info.as_of or ""))
    lag = _lag(inp)
    example = lag_table().groups[LEADER_COMPETITION_GROUP]
    own = lag is not None and any(g.id == example.id for g in lag.groups)
    # A group's round figures are that group's: for anyone else they are an example.
    v.add(
        _r(
            "competitive" if own else "competitive_other_group",
            asked_eur=LEADER_COMPETITION_ASKED_EUR,
            available_eur=LEADER_COMPETITION_AVAILABLE_EUR,
            group=example.name,
        )
    )
    v.add(_r("timeline", lag_months=1, lad_months_min=3, lad_months_max=5))
    v.add(_r("construction_two_years", years=2))
    v.add(_r("apply_in_eps"))
    if inp.stage in (Stage.IDEA, Stage.GROUP):
        v.add(_r("needs_concrete_project"))
    if info.limit is not None and inp.setup_budget is not None and inp.setup_budget > info.limit:
        v.add(_r("budget_above_limit", limit_eur=info.limit))


def _leader_economy(v: _Verdict, inp: FundingInputs) -> None:
    form = inp.legal_form
    if form in (LegalForm.ASSOCIATION, LegalForm.FOUNDATION):
        v.add(_r("ngo_economic_activity"), Fit.MAYBE)
    elif form is LegalForm.MUNICIPALITY:
        v.add(_r("economy_line_not_for_councils"), Fit.NO)
    else:
        _form_rule(v, inp, (LegalForm.COMPANY, LegalForm.COOPERATIVE), found=LegalForm.COMPANY)
    _leader_territory(v, inp)
    _leader_common(v, ROUTES[RouteId.LEADER_ECONOMY], inp)


def _leader_community(v: _Verdict, inp: FundingInputs) -> None:
    _form_rule(
        v,
        inp,
        (LegalForm.ASSOCIATION, LegalForm.FOUNDATION, LegalForm.MUNICIPALITY),
        maybe=(LegalForm.COOPERATIVE,),
        found=LegalForm.ASSOCIATION,
        no_reason=_r("community_line_for_ngos"),
    )
    _leader_territory(v, inp)
    _leader_common(v, ROUTES[RouteId.LEADER_COMMUNITY], inp)


def _municipality(v: _Verdict, inp: FundingInputs) -> None:
    """Council support for anyone but the council itself (see ``_council_budget``)."""
    v.add(_r("council_rules_differ"), Fit.MAYBE)
    v.add(_r("council_grant_example", min_eur=5_000, max_eur=10_000, own_share=0.20))
    v.add(_r("council_community_example", max_eur=4_000))
    if inp.legal_form in (LegalForm.NONE, LegalForm.INFORMAL_GROUP, LegalForm.ASSOCIATION):
        v.add(_r("participatory_budget"))
    v.add(_r("council_premises"))
    v.add(_r("council_ask_early"))


def _council_budget(v: _Verdict, inp: FundingInputs) -> None:
    """A municipality or its body funds its own space from its budget."""
    v.add(_r("council_own_body"))
    v.add(_r("council_decision_arguments"))


def _altum(v: _Verdict, inp: FundingInputs) -> None:
    form = inp.legal_form
    business = (LegalForm.COMPANY, LegalForm.COOPERATIVE)
    if form in business:
        age = inp.company_age_years
        limit = ALTUM_MAX_COMPANY_AGE_YEARS
        if inp.form_planned:
            v.add(_r("not_yet_registered_ok"))
        elif age is None:
            v.add(_r("company_age_unknown", max_years=limit), Fit.MAYBE)
        elif age <= limit:
            v.add(_r("company_age_ok", age=age, max_years=limit))
        else:
            v.add(_r("company_too_old", age=age, max_years=limit), Fit.NO)
    elif form in _UNORGANISED:
        v.add(_r("needs_company"), Fit.MAYBE)
        v.add(_r("not_yet_registered_ok"))
    elif form in (LegalForm.ASSOCIATION, LegalForm.FOUNDATION):
        v.add(_r("ngo_likely_excluded"), Fit.NO)
    else:
        v.add(_r("form_not_eligible"), Fit.NO)
    info = ROUTES[RouteId.ALTUM_START]
    v.add(_r("loan_range", min_eur=info.min_amount or 0, max_eur=info.limit or 0))
    v.add(_r("loan_term", years=ALTUM_TERM_YEARS, years_real_estate=ALTUM_TERM_YEARS_REAL_ESTATE))
    v.add(
        _r(
            "altum_own_share",
            threshold_eur=ALTUM_OWN_SHARE_FREE_UP_TO_EUR,
            share=ALTUM_OWN_SHARE_ABOVE,
        )
    )
    v.add(_r("real_estate_exclusion_unverified"), Fit.MAYBE)
    if inp.stage is Stage.IDEA:
        v.add(_r("needs_business_plan"))


def _liaa(v: _Verdict, inp: FundingInputs) -> None:
    form = inp.legal_form
    if form in (LegalForm.COMPANY, LegalForm.COOPERATIVE):
        v.add(_r("incubator_not_for_building"), Fit.MAYBE)
    elif form in _UNORGANISED:
        v.add(_r("needs_company"), Fit.MAYBE)
        v.add(_r("incubator_not_for_building"))
    else:
        v.add(_r("incubator_not_for_building"), Fit.NO)
    v.add(_r("incubator_for_members"))
    v.add(_r("incubator_preincubation_free", months=6))


def _active_citizens(v: _Verdict, inp: FundingInputs) -> None:
    _form_rule(
        v,
        inp,
        (LegalForm.ASSOCIATION, LegalForm.FOUNDATION),
        found=LegalForm.ASSOCIATION,
        no_reason=_r("association_or_foundation_only"),
    )
    v.add(_r("theme_civic"))
    v.add(_r("round_unverified", start=2021, end=2028), Fit.MAYBE)


def _interreg(v: _Verdict, inp: FundingInputs, route: RouteId) -> None:
    _form_rule(
        v,
        inp,
        (LegalForm.MUNICIPALITY, LegalForm.ASSOCIATION, LegalForm.FOUNDATION),
        maybe=(LegalForm.COMPANY, LegalForm.COOPERATIVE),
        found=LegalForm.ASSOCIATION,
    )
    v.add(_r("public_and_ngo_applicants"))
    slug = _slug(inp)
    inside = in_programme_area(route.value, slug)
    v.source_ids.extend((f"area:{route.value}", "area:statistical_regions"))
    if inside is None:
        v.add(_r("programme_area_check"), Fit.MAYBE)
    else:
        areas = programme_areas()
        region = areas.region_names[areas.region_of[slug or ""]]
        regions = ", ".join(sorted(areas.region_names[r] for r in areas.programmes[route.value][0]))
        code = "programme_area_in" if inside else "programme_area_out"
        v.add(_r(code, region=region, regions=regions), Fit.FITS if inside else Fit.NO)
    v.add(_r("needs_partner_abroad"))
    info = ROUTES[route]
    if info.rate is not None:
        v.add(_r("erdf_rate", rate=info.rate.max))
    # Rates and conditions are set by each call, which no source here confirms.
    v.add(_r("rate_check_call"), Fit.MAYBE)


def _own_money(v: _Verdict, inp: FundingInputs) -> None:
    v.add(_r("own_money_always"))
    v.add(_r("founders_capital_share", share=FOUNDERS_CAPITAL_SHARE))
    if inp.own_money is not None and inp.setup_budget:
        v.add(_r("own_money_share", share=min(1.0, inp.own_money / inp.setup_budget)))
    v.add(_r("prepayments", months_min=1, months_max=2))
    v.add(_r("crowdfunding"))


def _coop_shares(v: _Verdict, inp: FundingInputs) -> None:
    _form_rule(
        v,
        inp,
        (LegalForm.COOPERATIVE,),
        found=LegalForm.COOPERATIVE,
        no_reason=_r("cooperative_only"),
    )
    v.add(_r("example_share", example="CoWorkLand eG", amount_eur=500))
    v.add(_r("few_lv_precedents"))


# Interreg co-finances cross-border partnership projects, not one space's set-up
# budget, so a share of that budget would promise money the route does not give.
_NO_ESTIMATE = frozenset({RouteId.INTERREG_EE_LV, RouteId.INTERREG_LV_LT})


def _support_estimate(info: RouteInfo, inp: FundingInputs) -> tuple[float, float] | None:
    """Possible aid for the budget: ``min(budget, cap) × rate`` for grants whose
    limit caps the eligible cost, ``min(budget × rate, cap)`` where it caps the
    amount; for the ALTUM loan, the budget less own money, within the loan range."""
    budget = inp.setup_budget
    if budget is None or budget <= 0 or info.id in _NO_ESTIMATE:
        return None
    if info.kind == "loan":
        need = max(0.0, budget - (inp.own_money or 0.0))
        low, high = info.min_amount or 0.0, info.limit if info.limit is not None else need
        if need < low:
            return None
        amount = min(need, high)
        return (amount, amount)
    if info.rate is None:
        return None
    if info.limit_applies_to == "eligible_cost" and info.limit is not None:
        base = min(budget, info.limit)
        return (base * info.rate.min, base * info.rate.max)
    low, high = budget * info.rate.min, budget * info.rate.max
    if info.limit is not None:
        low, high = min(low, info.limit), min(high, info.limit)
    return (low, high)


_JUDGES = {
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


def match_route(route: RouteId, inp: FundingInputs) -> FundingMatch:
    """Judge one route for the founder described by ``inp``."""
    info = ROUTES[route]
    v = _Verdict(check_with=info.check_with, source_ids=list(info.source_ids))
    _JUDGES[route](v, inp)
    if info.unverified and v.fit is Fit.FITS:  # never "fits" on an unconfirmed condition
        v.add(_r("route_unverified"), Fit.MAYBE)
    return FundingMatch(
        route=route,
        fits=v.fit,
        reasons=tuple(v.reasons),
        rate=info.rate,
        limit=info.limit,
        limit_applies_to=info.limit_applies_to,
        own_share_rule=info.own_share_rule,
        as_of=info.as_of,
        check_with=v.check_with,
        unverified=info.unverified,
        source_ids=tuple(dict.fromkeys(v.source_ids)),
        support_estimate=_support_estimate(info, inp) if v.fit is not Fit.NO else None,
        deciding=v.deciding,
        check_with_name=v.check_with_name,
    )


def routes_for(form: LegalForm) -> list[RouteId]:
    """The routes that exist for this founder: a council does not apply to itself for
    municipal support — it funds its own space from its budget by council decision."""
    council = form is LegalForm.MUNICIPALITY
    skip = RouteId.MUNICIPALITY if council else RouteId.COUNCIL_BUDGET
    return [r for r in ROUTES if r is not skip]


def match_funding(inp: FundingInputs) -> list[FundingMatch]:
    """Every route the founder asked about, best fits first (``fits``, ``maybe``,
    ``no``); routes with the same fit keep the order of ``ROUTES``."""
    wanted = inp.interested_routes
    routes = [r for r in routes_for(inp.legal_form) if not wanted or r in wanted]
    matches = [match_route(r, inp) for r in routes]
    return sorted(matches, key=lambda m: _FIT_ORDER[m.fits])


def reason_codes(matches: Iterable[FundingMatch]) -> list[str]:
    """All reason codes in ``matches``, in order; handy for templates and tests."""
    return [r.code for m in matches for r in m.reasons]


def as_mapping(match: FundingMatch) -> Mapping[str, object]:
    """A plain-data view of a match for templates (enums become their values)."""
    return {
        "route": match.route.value,
        "fits": match.fits.value,
        "reasons": [{"code": r.code, "params": dict(r.params)} for r in match.reasons],
        "rate": None if match.rate is None else {"min": match.rate.min, "max": match.rate.max},
        "limit": match.limit,
        "limit_applies_to": match.limit_applies_to,
        "own_share_rule": match.own_share_rule.value,
        "as_of": match.as_of,
        "check_with": None if match.check_with is None else match.check_with.value,
        "unverified": match.unverified,
        "source_ids": list(match.source_ids),
        "support_estimate": None
        if match.support_estimate is None
        else list(match.support_estimate),
        "reason": None if match.deciding is None
        else {"code": match.deciding.code, "params": dict(match.deciding.params)},
        "check_with_name": match.check_with_name,
    }
