"""The risk matrix: each risk the plan found for this founder, with how likely it is,
how much it would hurt, and who deals with it.

The risks themselves are found in ``plan.data.risks``; their words are the catalogue's
``risk.<code>`` texts, written "**title**: what it means and what to do".
"""

from __future__ import annotations

import re

from koprade_wizard.common.record import record
from koprade_wizard.plan.data import PlanData

__all__ = ["RiskRow", "matrix", "split_title"]

_LEVEL = {"low": 1, "medium": 2, "high": 3}

# (likelihood, impact, who). A risk found from the founder's own figures (the
# calculation, the answers) is as likely as "high": it is already the case unless
# something changes; one that depends on others (a grant jury, a landlord) is
# "medium"; an accident that rules and training prevent is "low". Impact is "high"
# where the space cannot open or keep going, "medium" where it opens later or smaller.
_RISKS: dict[str, tuple[str, str, str]] = {
    "weak_demand": ("high", "high", "team"),
    "no_premises": ("medium", "medium", "board"),
    "major_works": ("high", "high", "board"),
    "no_break_even": ("high", "high", "board"),
    "slow_break_even": ("medium", "high", "board"),
    "internet_short": ("high", "high", "board"),
    "internet_unknown": ("medium", "high", "board"),
    "small_team": ("high", "medium", "team"),
    "volunteer_host": ("medium", "medium", "board"),
    "funding_gap": ("high", "high", "board"),
    "funding_gap_council": ("high", "high", "board"),
    "workshop_safety": ("low", "high", "manager"),
    "grant_competition": ("medium", "high", "board"),
    "grant_competition_other": ("medium", "high", "board"),
}
_DEFAULT = ("medium", "medium", "board")
_TITLED = re.compile(r"\*\*(?P<title>.+?)\*\*\s*(?::|—)\s*(?P<rest>.*)", re.DOTALL)


@record
class RiskRow:
    code: str
    likelihood: str  # "low", "medium" or "high": a catalogue key level.<value>
    impact: str
    owner: str  # a catalogue key owner.<role>

    @property
    def score(self) -> int:
        return _LEVEL[self.likelihood] * _LEVEL[self.impact]


def matrix(plan: PlanData) -> tuple[RiskRow, ...]:
    """The plan's risks, the most serious (likelihood × impact) first."""
    rows = [RiskRow(code, *_RISKS.get(code, _DEFAULT)) for code in plan.risks]
    order = {code: i for i, code in enumerate(plan.risks)}
    return tuple(sorted(rows, key=lambda r: (-r.score, order[r.code])))


def split_title(text: str) -> tuple[str, str]:
    """"**Title**: the rest" → ("Title", "The rest"); a text without a title → ("", text)."""
    found = _TITLED.fullmatch(text.strip())
    if found is None:
        return "", text
    rest = found["rest"]
    return found["title"], rest[:1].upper() + rest[1:]
