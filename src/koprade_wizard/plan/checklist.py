"""The action checklist: the most important fired actions, one line each, with the
role that does it and the date from the plan's timeline by which it is due.

The detail of each action (why and how) is printed once, in an appendix the
checklist line links to; the checklist itself stays short enough to be read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from koprade_wizard.common.record import record
from koprade_wizard.guidance.schedule import TimelineTask
from koprade_wizard.pack.tree import PHASES
from koprade_wizard.plan.data import ActionItem

__all__ = ["MAX_ITEMS", "REASON_IN_SECTION", "CheckItem", "checklist", "owner_of"]

#: About as many lines as one page holds with its heading; the least urgent actions
#: give way.
MAX_ITEMS = 20

# Who does an action, by the step that raised it: the founders decide and sign
# (the governing body: an association's or cooperative's board, a company's
# management, the council's responsible unit), the founding team gathers people and
# evidence, the community manager runs the space once it opens.
_OWNER_BY_STEP = {
    "profile": "board",
    "demand": "team",
    "premises": "board",
    "resources": "manager",
    "funding": "board",
    "community": "manager",
}

# The timeline task whose end (or, for a milestone, whose date) an action of each
# phase is due by; a funding action of the concept phase is due when the
# application goes in, at the start of the funding decision.
_DUE_TASK = {
    "awareness": "community_events",
    "concept": "legal_business_plan",
    "installation": "opening",
    "development": "review",
}
_PHASE_ORDER = {phase: i for i, phase in enumerate(PHASES)}


# Actions whose reason a section of the plan's body already gives: the checklist
# links to that section (a catalogue heading key; "council_case" is the heading of
# the case for the council, which depends on who founds the space) instead of
# repeating it in the appendix.
REASON_IN_SECTION = {
    "demand-before-premises": "h_demand",
    "run-demand-survey": "h_demand",
    "temporary-home": "h_premises",
    "search-premises-criteria": "h_premises",
    "talk-to-the-council": "h_funding",
    "founding-member-threshold": "h_demand",
    "honest-break-even": "h_break_even",
    "realistic-timeline": "h_timeline",
    "case-for-the-council": "council_case",
    "case-for-the-council-decision": "council_case",
    "join-a-network": "h_networking",
    "regular-event-rhythm": "h_events",
    "study-visits-chosen": "h_contacts",
    "contact-your-lag": "h_contacts",
    "leader-application": "h_funding",
    "routes-for-associations": "h_funding",
    "volunteer-rota": "h_risks",
    "more-members-than-desks": "h_capacity",
    "workshop-equipment-stepwise": "h_premises",
    "basic-equipment": "h_equipment",
    "liaa-incubator-for-members": "h_partners",
}


@record
class CheckItem:
    action: ActionItem
    owner: str  # "team", "board" or "manager": a catalogue key owner.<role>
    due: dt.date | None
    section: str | None = None  # the body section that gives the reason, if one does
    number: int | None = None  # else its number in the appendix that explains it


def owner_of(action: ActionItem) -> str:
    """The role that does an action: the community manager once the space runs."""
    if action.phase == "development":
        return "manager"
    return _OWNER_BY_STEP.get(action.step, "team")


def _due(action: ActionItem, tasks: Sequence[TimelineTask]) -> dt.date | None:
    by_id = {task.id: task for task in reversed(tasks)}  # the first task of an id wins
    if action.phase == "concept" and (action.routes or action.step == "funding") \
            and "funding_decision" in by_id:
        return by_id["funding_decision"].start
    task = by_id.get(_DUE_TASK.get(action.phase, ""))
    if task is None:
        # An open space's timeline has only its growth tasks: what is not yet done
        # is due once the membership drive ends, the rest by the review.
        task = by_id.get("grow_members") if action.phase != "development" else None
        task = task or by_id.get("review")
    if task is None:
        return None
    return task.start if task.milestone else task.end


def checklist(actions: Sequence[ActionItem], tasks: Sequence[TimelineTask],
              limit: int = MAX_ITEMS) -> tuple[CheckItem, ...]:
    """At most ``limit`` actions, each title once, the most urgent kept, listed in
    the order they fall due."""
    unique: dict[str, ActionItem] = {}
    for action in actions:
        unique.setdefault(action.title, action)
    ranked = sorted(unique.values(), key=lambda x: (x.priority, _PHASE_ORDER[x.phase]))
    kept = set(id(x) for x in ranked[:limit])
    chosen = [x for x in actions if id(x) in kept]
    # In the order they fall due; within a date, by phase and urgency.
    dated = [(x, _due(x, tasks)) for x in chosen]
    dated.sort(key=lambda pair: (pair[1] or dt.date.max, _PHASE_ORDER[pair[0].phase],
                                 pair[0].priority))
    items, number = [], 0
    for action, due in dated:
        section = REASON_IN_SECTION.get(action.id)
        if section is None:
            number += 1
        items.append(CheckItem(action, owner_of(action), due, section,
                               None if section else number))
    return tuple(items)
