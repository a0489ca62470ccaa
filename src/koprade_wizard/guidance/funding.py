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

The founder's side is ``funding_inputs``, the routes' fixed facts ``funding_routes``,
the per-route rules ``funding_judges``; this module runs them and shapes the result.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Literal

from koprade_wizard.common.record import record
from koprade_wizard.guidance.funding_inputs import (  # re-exported: the matcher's inputs
    FundingInputs,
    legal_form_from_answers,
    routes_from_answers,
)
from koprade_wizard.guidance.funding_judges import FIT_ORDER, JUDGES, Verdict, reason
from koprade_wizard.guidance.funding_routes import (  # the route facts, re-exported below
    LEADER_COMPETITION_GROUP,
    ROUTES,
    CheckWith,
    Fit,
    LegalForm,
    OwnShareRule,
    Rate,
    Reason,
    RouteId,
    RouteInfo,
    Stage,
    own_share_cap,
)

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


# Interreg co-finances cross-border partnership projects, not one space's set-up
# budget, so a share of that budget would promise money the route does not give.
_NO_ESTIMATE = frozenset({RouteId.INTERREG_EE_LV, RouteId.INTERREG_LV_LT})


def _support_estimate(info: RouteInfo, inp: FundingInputs) -> tuple[float, float] | None:
    """Possible aid for the budget: ``min(budget, cap) × rate`` for grants whose
    limit caps the eligible cost, ``min(budget × rate, cap)`` where it caps the
    amount; for the ALTUM loan, the budget less own money, within the loan range and
    its own-share rule (``own_share_cap``)."""
    budget = inp.setup_budget
    if budget is None or budget <= 0 or info.id in _NO_ESTIMATE:
        return None
    if info.kind == "loan":
        need = max(0.0, budget - (inp.own_money or 0.0))
        low, high = info.min_amount or 0.0, info.limit if info.limit is not None else need
        if need < low:
            return None
        amount = min(need, high, own_share_cap(budget))
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

def match_route(route: RouteId, inp: FundingInputs) -> FundingMatch:
    """Judge one route for the founder described by ``inp``."""
    info = ROUTES[route]
    v = Verdict(check_with=info.check_with, source_ids=list(info.source_ids))
    JUDGES[route](v, inp)
    if info.unverified and v.fit is Fit.FITS:  # never "fits" on an unconfirmed condition
        v.add(reason("route_unverified"), Fit.MAYBE)
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
    return sorted(matches, key=lambda m: FIT_ORDER[m.fits])


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
