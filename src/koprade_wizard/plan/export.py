"""Plan data → a JSON document that other tools read (the workshop summary among them).

The document is versioned (``schema_version``) and described by
``plan/schema/plan-data.schema.json``; a change that renames or removes a field
raises the version. Codes (answer values, route ids, risk codes) are kept as
codes, so a reader in another language can label them; the few texts given
(reasons, action titles) are in the plan's language.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from koprade_wizard import __version__
from koprade_wizard.guidance import calc, funding, funding_texts, incubators
from koprade_wizard.guidance.calc.inputs import ACCEPTED, FOUNDER
from koprade_wizard.guidance.municipalities import WEBSITES_AS_OF
from koprade_wizard.plan.data import PlanData

SCHEMA_ID = "koprade-plan-data"
SCHEMA_VERSION = 1
SCHEMA_FILE = Path(__file__).resolve().parent / "schema" / "plan-data.schema.json"

# Reason codes of the LEADER routes that are about the territory, not the founder.
_LEADER = (funding.RouteId.LEADER_ECONOMY, funding.RouteId.LEADER_COMMUNITY)
# Words that may follow a city's name where a founder writes the place ("Ogres pilsēta").


@lru_cache(maxsize=1)
def schema() -> dict[str, object]:
    """The JSON Schema of the document :func:`plan_json` returns."""
    loaded: dict[str, Any] = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return loaded


def _eur(value: float | None) -> float | None:
    return None if value is None else round(float(value), 2)


def _int(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return int(value)


def _verdict(m: funding.FundingMatch) -> str:
    """Today's three-valued fit onto the plan's verdicts: a route whose own facts are
    unverified cannot *fit* — the founder must check first."""
    if m.fits is funding.Fit.NO:
        return "no"
    if m.fits is funding.Fit.MAYBE or m.unverified:
        return "maybe"
    return "fits"


def _reason_text(reasons: tuple[funding.Reason, ...], lang: str) -> str:
    return " ".join(funding_texts.render(lang, f"reason.{r.code}", r.params) for r in reasons)


def _funding(plan: PlanData) -> list[dict[str, Any]]:
    rows = []
    for m in plan.funding:
        low_high = m.support_estimate
        rows.append({
            "id": m.route.value,
            "verdict": _verdict(m),
            "reason": _reason_text(m.reasons, plan.lang),
            "reason_codes": [r.code for r in m.reasons],
            "check_with": m.check_with.value if m.check_with else None,
            "unverified": m.unverified,
            "wanted": m.route.value in plan.interested,
            "amount": {"min": _eur(low_high[0]), "max": _eur(low_high[1])} if low_high else None,
            "sources": list(m.source_ids),
        })
    return rows


def _url(site: str) -> str:
    """A group's website as a link (the territory data writes bare host names)."""
    return site if site.startswith(("https://", "http://")) else f"https://{site}"


def _lag(plan: PlanData) -> dict[str, Any]:
    """The LEADER group as the territory data gives it, with the verdict's reason."""
    lag = plan.lag
    reason = plan.lag_reason
    reason_text = _reason_text((reason,), plan.lang) if reason is not None else ""
    if lag is None:
        return {"name": None, "website": None, "confidence": "unknown", "status": "unknown",
                "reason": reason_text, "source": None, "as_of": None}
    covered = lag.status != "out"
    return {
        "name": ", ".join(g.name for g in lag.groups) or None if covered else None,
        "website": _url(lag.websites[0]) if covered and lag.websites else None,
        "confidence": lag.confidence,
        "status": {"in": "covered", "check": "check", "out": "outside"}[lag.status],
        "reason": reason_text,
        "source": lag.pages[0].url if lag.pages else None,
        "as_of": lag.as_of,
    }


def _source(source_id: str) -> str:
    if source_id == FOUNDER:
        return "founder"
    return "accepted" if source_id == ACCEPTED else "assumption"


def _revenue(result: calc.CalcResult) -> dict[str, Any]:
    """The tiers the plan counts (only those the layout and equipment offer), each with
    its price, its share of members and where the price comes from."""
    revenue = result.revenue
    tiers = [{"tier": t.item, "price": _eur(t.price), "share": round(t.share, 4),
              "source": _source(t.source_id)} for t in revenue.mix.tiers]
    if revenue.mix.meeting is not None:
        meeting = revenue.mix.meeting
        tiers.append({"tier": meeting.item, "price": _eur(meeting.price), "share": None,
                      "source": _source(meeting.source_id)})
    return {
        "tiers": tiers,
        "left_out": list(revenue.mix.left_out),
        "gross_per_member": _eur(revenue.gross_per_member),
        "net_per_member": _eur(revenue.net_per_member),
        "vat_registered": revenue.vat_registered,
    }


def _budget(budget: calc.Budget) -> dict[str, Any]:
    return {
        "total": _eur(budget.total),
        "founder_total": budget.founder_total,
        "lines": [{"item": line.item, "eur": _eur(line.amount), "source": line.source_id}
                  for line in budget.lines],
    }


def _initiative(plan: PlanData) -> dict[str, Any]:
    a = plan.answers
    muni = plan.municipality
    return {
        "name": a.get("initiative_name"),
        "municipality": {"id": muni.slug, "name_lv": muni.name_lv, "name_en": muni.name_en,
                         "website": muni.website, "website_as_of": WEBSITES_AS_OF}
        if muni else None,
        "parish": a.get("parish"),
        "settlement": a.get("settlement"),
        "founder_type": a.get("founder_type"),
        "stage": a.get("stage"),
        "space_type": a.get("space_type"),
        "premises_found": a.get("premises_found"),
        "target_opening": _iso(a.get("target_opening")),
    }


def _incubator(plan: PlanData) -> dict[str, Any] | None:
    """LIAA's incubator for the founder's municipality and how it was chosen."""
    near = plan.incubator
    if near is None:
        return None
    inc = near.incubator
    return {"id": inc.id, "name_lv": inc.name_lv, "name_en": inc.name_en, "town": inc.town,
            "page": incubators.PAGE, "rule": near.rule, "km": round(near.km, 1),
            "source": incubators.SOURCE_ID, "as_of": incubators.SOURCE.as_of}


def _demand(plan: PlanData) -> dict[str, Any]:
    a = plan.answers
    return {
        "survey_done": a.get("survey_done"),
        "respondents": _int(a.get("survey_respondents")),
        "interested": _int(a.get("survey_interested")),
        "founding_members": _int(a.get("founding_members")),
        "letters_of_intent": _int(a.get("letters_of_intent")),
        "pre_bookings": _int(a.get("pre_bookings")),
        "weak": plan.demand_weak,
    }


def _iso(value: Any) -> str | None:
    return value.isoformat() if hasattr(value, "isoformat") else None


def _whole(value: float) -> int:
    return math.ceil(value - 1e-9)


def plan_json(plan: PlanData, pack_id: str = "", pack_version: str = "") -> dict[str, object]:
    """The plan's data as a JSON-ready mapping (see the module's docstring)."""
    result = plan.calc
    cap, be, gap = result.capacity, result.break_even, result.funding
    return {
        "schema": SCHEMA_ID,
        "schema_version": SCHEMA_VERSION,
        "generator": f"koprade-wizard {__version__}",
        "lang": plan.lang,
        "date": plan.today.isoformat(),
        "pack": {"id": pack_id, "version": pack_version, "title": plan.pack_title},
        "initiative": _initiative(plan),
        "demand": _demand(plan),
        "lag": _lag(plan),
        "incubator": _incubator(plan),
        "funding": _funding(plan),
        "funding_gap": {
            "setup_total": _eur(gap.setup_total),
            "grants": [{"route": g.label, "eur": _eur(g.amount)} for g in gap.grants],
            "own_money": _eur(gap.own_money),
            "loans": _eur(gap.loans),
            "gap": _eur(gap.gap),
        },
        "capacity": {
            "desks": cap.desks,
            "area_m2": _eur(cap.area_m2),
            "member_capacity": cap.member_capacity,
            "target_members": _whole(cap.target_members),
            "meeting_rooms": cap.meeting_rooms,
        },
        "break_even": {
            "members_needed": be.members_needed,
            "members_planned": be.members_planned,
            "member_capacity": be.member_capacity,
            "fits": be.fits,
            "reachable": be.reachable,
            "price_to_cover": _eur(be.price_to_cover) if be.price_to_cover is not None else None,
            "occupancy": round(be.occupancy, 4) if be.occupancy is not None else None,
            "months_to_recover": be.months_to_recover,
        },
        "revenue": _revenue(result),
        "setup_budget": _budget(result.setup),
        "monthly_costs": _budget(result.monthly),
        "actions": [{"id": x.id, "step": x.step, "phase": x.phase, "priority": x.priority,
                     "title": x.title} for x in plan.actions],
        "top_actions": [x.id for x in plan.top_actions],
        "risks": list(plan.risks),
        "opening": plan.opening.isoformat(),
        "missing": list(plan.missing),
        "answers": {qid: _plain(value) for qid, value in plan.answers.items()
                    if value is not None and value != [] and value != ""},
    }


def _plain(value: Any) -> Any:
    """An answer as JSON: dates as ISO text, everything else as it is."""
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return _iso(value) if hasattr(value, "isoformat") else value


def dumps(document: Mapping[str, object]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
