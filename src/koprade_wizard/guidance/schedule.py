"""The schedule from today to the first half-year after opening, from the answers.

Community and demand first (a survey only where the evidence is still weak, a
premises search only where there are none), then the concept and the funding
decision, then the works (as long as the works answered need), opening, and the
first half-year. The founder's opening date is kept when the schedule allows it;
when it does not, both dates are given with the chain of tasks that sets the
earliest one. Every duration is in ``data/durations.yaml``, read into ``DAYS`` with its source in
``DAYS_SOURCES``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

from koprade_wizard.common.record import record
from koprade_wizard.guidance.datafile import read_data
from koprade_wizard.guidance.sources import ASSUMPTION, SOURCES

Works = Literal["ready", "cosmetic", "major"]

_DATA = Path(__file__).resolve().parent / "data" / "durations.yaml"


def _durations() -> tuple[dict[str, int], dict[str, str]]:
    """Days per task and where each figure comes from (a source id or ``ASSUMPTION``),
    checked: a whole number of days, and a known source or ``assumption: true``."""
    raw = read_data(_DATA)  # parsed once, safely, and kept parsed in the user's cache
    days: dict[str, int] = {}
    origin: dict[str, str] = {}
    for task, row in raw.items():
        n = row.get("days") if isinstance(row, dict) else None
        if not isinstance(n, int) or isinstance(n, bool) or n < 0:
            raise ValueError(f"{_DATA.name}: {task}: days must be a whole number")
        if ("source" in row) == bool(row.get("assumption")):
            raise ValueError(f"{_DATA.name}: {task}: give either source: <id> or assumption: true")
        if "source" in row and row["source"] not in SOURCES:
            raise ValueError(f"{_DATA.name}: {task}: unknown source {row['source']}")
        days[task], origin[task] = n, row.get("source", ASSUMPTION)
    return days, origin


#: Days each task takes, and the source of each (``durations.yaml``).
DAYS, DAYS_SOURCES = _durations()


@record
class TimelineTask:
    id: str
    phase: str
    name_key: str
    start: dt.date
    days: int
    milestone: bool = False

    @property
    def end(self) -> dt.date:
        return self.start + dt.timedelta(days=self.days)


@record
class Schedule:
    """The tasks; ``opening`` is the date the schedule uses: the founder's
    ``wanted`` date where it is not before ``earliest``. ``path`` is the chain of
    tasks (id, days) that sets ``earliest``."""

    tasks: tuple[TimelineTask, ...]
    opening: dt.date
    earliest: dt.date
    wanted: dt.date | None
    path: tuple[tuple[str, int], ...]

    @property
    def wish_too_early(self) -> bool:
        return self.wanted is not None and self.wanted < self.earliest


def schedule(today: dt.date, *, is_open: bool, demand_weak: bool, premises_found: bool,
             works: str | None, leader: bool, wanted: dt.date | None) -> Schedule:
    """See this module's docstring. ``works``: "ready", "cosmetic" or "major" (not
    answered: cosmetic); ``leader``: a LEADER application is in the plan."""
    tasks: list[TimelineTask] = []

    def add(tid: str, phase: str, start: dt.date, days: int, milestone: bool = False) -> dt.date:
        tasks.append(TimelineTask(tid, phase, f"task_{tid}", start, days, milestone))
        return start + dt.timedelta(days=days)

    if is_open:
        grow = add("grow_members", "development", today, DAYS["grow_members"])
        add("events_programme", "development", today, DAYS["events_programme"])
        add("network", "development", grow, DAYS["network_open"])
        add("review", "development", today + dt.timedelta(days=DAYS["review_after"]), 0,
            milestone=True)
        return Schedule(tuple(tasks), today, today, None, ())
    path: list[tuple[str, int]] = []
    concept_start = today
    if demand_weak:
        concept_start = add("survey", "awareness", today, DAYS["survey"])
        path.append(("survey", DAYS["survey"]))
    add("community_events", "awareness", today, DAYS["community_events"])
    concept_end = add("legal_business_plan", "concept", concept_start,
                      DAYS["legal_business_plan"])
    path.append(("legal_business_plan", DAYS["legal_business_plan"]))
    premises_ready = today
    if not premises_found:
        premises_ready = add("find_premises", "concept", today, DAYS["find_premises"])
    key = "funding_decision_leader" if leader else "funding_decision"
    funding_end = add("funding_decision", "concept", concept_end, DAYS[key])
    path.append(("funding_decision", DAYS[key]))
    fit_key = f"fit_out_{works}" if works in ("ready", "cosmetic", "major") \
        else "fit_out_cosmetic"
    fit_start = max(funding_end, premises_ready)
    if premises_ready > funding_end:
        path = [("find_premises", DAYS["find_premises"])]
    earliest = add("fit_out", "installation", fit_start, DAYS[fit_key])
    path.append(("fit_out", DAYS[fit_key]))
    opening = wanted if wanted is not None and wanted >= earliest else earliest
    add("pre_bookings", "installation", opening - dt.timedelta(days=DAYS["pre_bookings"]),
        DAYS["pre_bookings"])
    add("opening", "installation", opening, 0, milestone=True)
    add("events_programme", "development", opening, DAYS["events_programme"])
    add("network", "development", opening + dt.timedelta(days=30), DAYS["network"])
    add("review", "development", opening + dt.timedelta(days=DAYS["review_after"]), 0,
        milestone=True)
    return Schedule(tuple(tasks), opening, earliest, wanted, tuple(path))
