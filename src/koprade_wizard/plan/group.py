"""A workshop's plans as one group: counts, sums and who could work together.

Reads only the plans' JSON data (``plan/export.py``), so a trainer can build the
report offline from a folder of files. Pure: the files are read by the caller.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from koprade_wizard.common.errors import Location, Problem
from koprade_wizard.plan.export import SCHEMA_ID, SCHEMA_VERSION

UNKNOWN = ""  # the key under which unanswered values are counted
OUTSIDE_LAG = "-"  # the LAG key of places no LEADER group covers (a state city)

# Multiple-choice answers that say what founders need; counted across the group.
NEED_QUESTIONS = ("premises_search", "equipment", "learning", "partners")


@dataclass(frozen=True)
class Initiative:
    file: Path  # the JSON data file
    name: str
    municipality_id: str
    municipality_lv: str
    municipality_en: str
    parish: str
    settlement: str
    lag: str
    founder_type: str
    stage: str
    space_type: str
    premises_found: bool | None
    desks: int
    members_planned: int
    plan_files: tuple[Path, ...]  # the plan's Markdown and PDF beside the data, if there


@dataclass(frozen=True)
class RouteSum:
    route: str
    wanted_by: int
    not_no: int  # of those who want it, how many are not ruled out
    eur_min: float | None  # None: no plan estimates this route's amount
    eur_max: float | None


@dataclass(frozen=True)
class Cluster:
    """Founders in one parish or one LAG: they could share a space or a study visit."""

    kind: str  # "parish" or "lag"
    name: str
    members: tuple[str, ...]


@dataclass(frozen=True)
class GroupData:
    initiatives: tuple[Initiative, ...]
    by_municipality: tuple[tuple[str, int], ...]  # municipality id, count
    by_parish: tuple[tuple[str, str, int], ...]  # municipality id, parish, count
    by_lag: tuple[tuple[str, int], ...]
    by_founder_type: tuple[tuple[str, int], ...]
    by_stage: tuple[tuple[str, int], ...]
    by_space_type: tuple[tuple[str, int], ...]
    premises: tuple[int, int, int]  # found, not found, unknown
    desks: int
    members_planned: int
    respondents: int
    interested: int
    founding_members: int
    letters_of_intent: int
    weak_demand: int
    setup_total: float
    gap_total: float
    routes: tuple[RouteSum, ...]
    risks: tuple[tuple[str, int], ...]
    actions: tuple[tuple[str, str, int], ...]  # id, title, count
    needs: tuple[tuple[str, tuple[tuple[str, int], ...]], ...]  # question, (choice, count)
    visits: tuple[tuple[str, int], ...]  # study-visit places chosen
    clusters: tuple[Cluster, ...]
    municipality_names: Mapping[str, tuple[str, str]] = field(default_factory=dict)


def read_documents(folder: Path) -> tuple[list[tuple[Path, dict[str, Any]]], list[Problem]]:
    """Every plan-data file of a folder; files that are not are reported, not fatal."""
    found: list[tuple[Path, dict[str, Any]]] = []
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.json")):
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            problems.append(Problem(Location(str(path)), f"not JSON: {exc}"))
            continue
        if not isinstance(doc, dict) or doc.get("schema") != SCHEMA_ID:
            continue  # another tool's file: not a plan, not a problem
        if doc.get("schema_version") != SCHEMA_VERSION:
            problems.append(Problem(Location(str(path)),
                                    f"plan data version {doc.get('schema_version')}, "
                                    f"expected {SCHEMA_VERSION}: render the plan again"))
            continue
        found.append((path, doc))
    return found, problems


def _count(values: Iterable[str]) -> tuple[tuple[str, int], ...]:
    """Most common first, then by name; unknown values last."""
    counts = Counter(values)
    return tuple(sorted(counts.items(), key=lambda kv: (kv[0] == UNKNOWN, -kv[1], kv[0])))


def _s(value: Any) -> str:
    return str(value) if value not in (None, "") else UNKNOWN


def _n(value: Any) -> int:
    return int(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0


def _initiative(path: Path, doc: Mapping[str, Any]) -> Initiative:
    ini = doc["initiative"]
    muni = ini.get("municipality") or {}
    stem = path.name.removesuffix(".json")
    plans = tuple(p for p in (path.with_name(f"{stem}.pdf"), path.with_name(f"{stem}.md"))
                  if p.exists())
    return Initiative(
        file=path, name=_s(ini.get("name")) or stem,
        municipality_id=_s(muni.get("id")), municipality_lv=_s(muni.get("name_lv")),
        municipality_en=_s(muni.get("name_en")), parish=_s(ini.get("parish")),
        settlement=_s(ini.get("settlement")),
        lag=OUTSIDE_LAG if doc["lag"].get("status") == "outside" else _s(doc["lag"].get("name")),
        founder_type=_s(ini.get("founder_type")), stage=_s(ini.get("stage")),
        space_type=_s(ini.get("space_type")), premises_found=ini.get("premises_found"),
        desks=_n(doc["capacity"].get("desks")),
        members_planned=_n(doc["break_even"].get("members_planned")),
        plan_files=plans,
    )


def _routes(docs: Sequence[Mapping[str, Any]]) -> tuple[RouteSum, ...]:
    sums: dict[str, list[Any]] = {}
    for doc in docs:
        for row in doc["funding"]:
            if not row.get("wanted"):
                continue
            entry = sums.setdefault(row["id"], [0, 0, None, None])
            entry[0] += 1
            amount = row.get("amount")
            if row["verdict"] != "no":
                entry[1] += 1
                if amount:
                    entry[2] = (entry[2] or 0.0) + float(amount["min"])
                    entry[3] = (entry[3] or 0.0) + float(amount["max"])
    rows = [RouteSum(r, v[0], v[1], v[2], v[3]) for r, v in sums.items()]
    return tuple(sorted(rows, key=lambda r: (-r.wanted_by, r.route)))


def _clusters(items: Sequence[Initiative]) -> tuple[Cluster, ...]:
    """Parishes first (neighbours), then LAGs with founders in more than one parish."""
    out: list[Cluster] = []
    seen: set[frozenset[str]] = set()
    by_parish: dict[tuple[str, str], list[str]] = {}
    by_lag: dict[str, list[str]] = {}
    for item in items:
        place = item.parish or item.settlement
        if place:
            by_parish.setdefault((item.municipality_id, place), []).append(item.name)
        if item.lag and item.lag != OUTSIDE_LAG:
            by_lag.setdefault(item.lag, []).append(item.name)
    for (_, place), names in sorted(by_parish.items()):
        if len(names) > 1:
            seen.add(frozenset(names))
            out.append(Cluster("parish", place, tuple(names)))
    for lag, names in sorted(by_lag.items()):
        if len(names) > 1 and frozenset(names) not in seen:
            out.append(Cluster("lag", lag, tuple(names)))
    return tuple(out)


def build_group(documents: Sequence[tuple[Path, Mapping[str, Any]]]) -> GroupData:
    docs = [doc for _, doc in documents]
    items = tuple(_initiative(path, doc) for path, doc in documents)
    answers = [doc.get("answers") or {} for doc in docs]
    actions: dict[str, tuple[str, int]] = {}
    for doc in docs:
        for action in {a["id"]: a for a in doc["actions"]}.values():
            title, n = actions.get(action["id"], (action["title"], 0))
            actions[action["id"]] = (title, n + 1)
    needs = tuple((qid, _count(v for a in answers for v in a.get(qid) or [] if isinstance(v, str)))
                  for qid in NEED_QUESTIONS)
    demand = [doc["demand"] for doc in docs]
    return GroupData(
        initiatives=items,
        by_municipality=_count(i.municipality_id for i in items),
        by_parish=tuple((m, p, n) for (m, p), n in sorted(
            Counter((i.municipality_id, i.parish) for i in items if i.parish).items())),
        by_lag=_count(i.lag for i in items),
        by_founder_type=_count(i.founder_type for i in items),
        by_stage=_count(i.stage for i in items),
        by_space_type=_count(i.space_type for i in items),
        premises=(sum(i.premises_found is True for i in items),
                  sum(i.premises_found is False for i in items),
                  sum(i.premises_found is None for i in items)),
        desks=sum(i.desks for i in items),
        members_planned=sum(i.members_planned for i in items),
        respondents=sum(_n(d.get("respondents")) for d in demand),
        interested=sum(_n(d.get("interested")) for d in demand),
        founding_members=sum(_n(d.get("founding_members")) for d in demand),
        letters_of_intent=sum(_n(d.get("letters_of_intent")) for d in demand),
        weak_demand=sum(bool(d.get("weak")) for d in demand),
        setup_total=sum(float(doc["funding_gap"].get("setup_total") or 0) for doc in docs),
        gap_total=sum(max(0.0, float(doc["funding_gap"].get("gap") or 0)) for doc in docs),
        routes=_routes(docs),
        risks=_count(r for doc in docs for r in dict.fromkeys(doc["risks"])),
        actions=tuple(sorted(((i, t, n) for i, (t, n) in actions.items() if n > 1),
                             key=lambda x: (-x[2], x[0]))),
        needs=tuple(n for n in needs if n[1]),
        visits=_count(v for a in answers for v in a.get("visit_spaces") or []
                      if isinstance(v, str)),
        clusters=_clusters(items),
        municipality_names={i.municipality_id: (i.municipality_lv, i.municipality_en)
                            for i in items if i.municipality_id},
    )


def _lag_key(lag: str) -> str | None:
    return "outside" if lag == OUTSIDE_LAG else lag or None


def group_json(group: GroupData) -> dict[str, object]:
    """The group's figures as JSON, for a LAG's own tables."""
    return {
        "schema": "koprade-group-data",
        "schema_version": 1,
        "initiatives": [{"name": i.name, "municipality": i.municipality_id or None,
                         "parish": i.parish or None, "lag": _lag_key(i.lag),
                         "founder_type": i.founder_type or None, "stage": i.stage or None,
                         "space_type": i.space_type or None,
                         "premises_found": i.premises_found, "desks": i.desks,
                         "data": i.file.name} for i in group.initiatives],
        "by_municipality": dict(group.by_municipality),
        "by_lag": {str(_lag_key(k)): n for k, n in group.by_lag},
        "by_founder_type": dict(group.by_founder_type),
        "by_stage": dict(group.by_stage),
        "premises": dict(zip(("found", "not_found", "unknown"), group.premises, strict=True)),
        "desks": group.desks,
        "demand": {"respondents": group.respondents, "interested": group.interested,
                   "founding_members": group.founding_members,
                   "letters_of_intent": group.letters_of_intent},
        "funding_wanted": [{"route": r.route, "wanted_by": r.wanted_by, "not_no": r.not_no,
                            "eur_min": r.eur_min, "eur_max": r.eur_max} for r in group.routes],
        "risks": dict(group.risks),
        "clusters": [{"kind": c.kind, "name": c.name, "members": list(c.members)}
                     for c in group.clusters],
    }
