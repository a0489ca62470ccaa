"""The funding routes and their fixed facts: kinds, rates, limits, as-of dates, sources.

What a route *is* lives here; whether it fits a founder is decided in ``funding.py``.
Every figure carries ``as_of`` and ``source_ids``; facts the sources leave open are
marked ``unverified`` so the plan words them as "check with …".
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal, NamedTuple

from koprade_wizard.common.record import record


class LegalForm(StrEnum):
    NONE = "none"  # a private person; no organisation yet
    INFORMAL_GROUP = "informal_group"
    ASSOCIATION = "association"  # biedrība
    FOUNDATION = "foundation"  # nodibinājums
    COMPANY = "company"  # SIA
    COOPERATIVE = "cooperative"  # kooperatīvā sabiedrība
    MUNICIPALITY = "municipality"  # pašvaldība or its body / agency


class Stage(StrEnum):
    IDEA = "idea"
    GROUP = "group"
    PREMISES = "premises"
    OPEN = "open"


class Fit(StrEnum):
    FITS = "fits"
    MAYBE = "maybe"
    NO = "no"


class RouteId(StrEnum):
    LEADER_ECONOMY = "leader_economy"
    LEADER_COMMUNITY = "leader_community"
    MUNICIPALITY = "municipality"
    COUNCIL_BUDGET = "council_budget"  # a municipal founder's own budget
    ALTUM_START = "altum_start"
    LIAA_INCUBATOR = "liaa_incubator"
    ACTIVE_CITIZENS_FUND = "active_citizens_fund"
    INTERREG_EE_LV = "interreg_ee_lv"
    INTERREG_LV_LT = "interreg_lv_lt"
    OWN_MONEY = "own_money"
    COOP_SHARES = "coop_shares"


class CheckWith(StrEnum):
    LAG = "lag"
    LAD = "lad"
    COUNCIL = "council"
    ALTUM = "altum"
    LIAA = "liaa"
    ACF_OPERATOR = "acf_operator"
    INTERREG_SECRETARIAT = "interreg_secretariat"
    ADVISER = "adviser"


class OwnShareRule(StrEnum):
    REST_OF_ELIGIBLE_COST = "rest_of_eligible_cost"
    MIN_20_PERCENT = "min_20_percent"
    ALTUM_START = "altum_start"
    PER_CALL = "per_call"
    NONE = "none"
    NOT_APPLICABLE = "not_applicable"
    COUNCIL_DECISION = "council_decision"


ParamValue = str | int | float


class Reason(NamedTuple):
    """A reason code with its parameters; compares equal to ``(code, params)``.

    Parameter names ending in ``_eur`` are euro amounts; ``share``, ``own_share``
    and ``rate`` are fractions (0.2 = 20 %). ``funding_texts.render`` formats both.
    """

    code: str
    params: dict[str, ParamValue]


@record
class Rate:
    """An aid rate (atbalsta intensitāte) as a range; ``min == max`` for one value."""

    min: float
    max: float


@record
class RouteInfo:
    """The fixed facts of one route, independent of the founder.

    ``limit`` is either the largest eligible cost (``limit_applies_to ==
    "eligible_cost"``, as in the LEADER call example) or the largest amount of
    aid or loan (``"amount"``).
    """

    id: RouteId
    kind: Literal["grant", "loan", "support", "own"]
    rate: Rate | None
    limit: float | None
    limit_applies_to: Literal["eligible_cost", "amount"] | None
    min_amount: float | None
    own_share_rule: OwnShareRule
    as_of: str | None
    check_with: CheckWith | None
    unverified: bool
    source_ids: tuple[str, ...]


ROUTES: dict[RouteId, RouteInfo] = {
    r.id: r
    for r in (
        RouteInfo(
            RouteId.LEADER_ECONOMY,
            "grant",
            Rate(0.40, 0.55),
            30_000,
            "eligible_cost",
            None,
            OwnShareRule.REST_OF_ELIGIBLE_COST,
            "2023",
            CheckWith.LAG,
            False,
            ("lad_leader", "mk_509_2022", "pierigas_partneriba"),
        ),
        RouteInfo(
            RouteId.LEADER_COMMUNITY,
            "grant",
            Rate(0.70, 0.90),
            10_000,
            "eligible_cost",
            None,
            OwnShareRule.REST_OF_ELIGIBLE_COST,
            "2023",
            CheckWith.LAG,
            False,
            ("lad_leader", "mk_509_2022", "pierigas_partneriba"),
        ),
        RouteInfo(
            RouteId.MUNICIPALITY,
            "grant",
            None,
            10_000,
            "amount",
            None,
            OwnShareRule.MIN_20_PERCENT,
            None,
            CheckWith.COUNCIL,
            False,
            ("municipal_support", "skola6"),
        ),
        RouteInfo(
            RouteId.COUNCIL_BUDGET,
            "own",
            None,
            None,
            None,
            None,
            OwnShareRule.COUNCIL_DECISION,
            None,
            CheckWith.COUNCIL,
            False,
            ("skola6",),
        ),
        RouteInfo(
            RouteId.ALTUM_START,
            "loan",
            None,
            150_000,
            "amount",
            2_000,
            OwnShareRule.ALTUM_START,
            None,
            CheckWith.ALTUM,
            True,
            ("altum_start",),
        ),
        RouteInfo(
            RouteId.LIAA_INCUBATOR,
            "support",
            None,
            None,
            None,
            None,
            OwnShareRule.NOT_APPLICABLE,
            None,
            CheckWith.LIAA,
            False,
            ("liaa_incubators",),
        ),
        RouteInfo(
            RouteId.ACTIVE_CITIZENS_FUND,
            "grant",
            None,
            None,
            None,
            None,
            OwnShareRule.PER_CALL,
            None,
            CheckWith.ACF_OPERATOR,
            True,
            ("active_citizens_fund",),
        ),
        RouteInfo(
            RouteId.INTERREG_EE_LV,
            "grant",
            None,
            None,
            None,
            None,
            OwnShareRule.PER_CALL,
            None,
            CheckWith.INTERREG_SECRETARIAT,
            True,
            ("interreg_ee_lv",),
        ),
        RouteInfo(
            RouteId.INTERREG_LV_LT,
            "grant",
            Rate(0.80, 0.80),
            None,
            None,
            None,
            OwnShareRule.PER_CALL,
            None,
            CheckWith.INTERREG_SECRETARIAT,
            True,
            ("interreg_lv_lt",),
        ),
        RouteInfo(
            RouteId.OWN_MONEY,
            "own",
            None,
            None,
            None,
            None,
            OwnShareRule.NONE,
            None,
            None,
            False,
            ("deskmag_2016", "coapp"),
        ),
        RouteInfo(
            RouteId.COOP_SHARES,
            "own",
            None,
            None,
            None,
            None,
            OwnShareRule.NONE,
            None,
            CheckWith.ADVISER,
            False,
            ("coworkland",),
        ),
    )
}

# Figures the reasons quote; kept here so each is written once.
ALTUM_MAX_COMPANY_AGE_YEARS = 3
ALTUM_OWN_SHARE_FREE_UP_TO_EUR = 7_000
ALTUM_OWN_SHARE_ABOVE = 0.10
ALTUM_TERM_YEARS = 10
ALTUM_TERM_YEARS_REAL_ESTATE = 15
LEADER_COMPETITION_ASKED_EUR = 342_600
LEADER_COMPETITION_AVAILABLE_EUR = 189_200
# The group whose round those two figures come from (an id of data/lag_territories.yaml).
LEADER_COMPETITION_GROUP = "pieriga"
FOUNDERS_CAPITAL_SHARE = 0.55


def own_share_cap(project: float) -> float:
    """The most the ALTUM start loan lends towards ``project`` euros by its own-share
    rule: up to €7,000 with no own share, above that 90 % of the project (10 % own
    share): ``max(min(7 000, project), 0.9 × project)``."""
    free = min(float(ALTUM_OWN_SHARE_FREE_UP_TO_EUR), project)
    return max(free, (1 - ALTUM_OWN_SHARE_ABOVE) * project)
