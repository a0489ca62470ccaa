"""What the funding matcher knows about a founder, and how answers become it.

``FundingInputs`` is the matcher's whole view of the founder. The step files' answer
values (profile: ``founder_type``; funding: ``legal_form``, ``funding_routes``) map to
legal forms and route ids here, so the plan builds the inputs without a table of its own.
"""

from __future__ import annotations

from collections.abc import Iterable

from koprade_wizard.common.record import record
from koprade_wizard.guidance.funding_routes import LegalForm, RouteId, Stage

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
