"""The funding routes that may work, with each condition said once.

Two routes often share conditions (the two LEADER lines share nearly all of theirs);
the plan says a shared condition once, above the routes that share it, and under
each route only what is its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from koprade_wizard.common.record import record
from koprade_wizard.guidance.funding import Fit, FundingMatch, Reason

__all__ = ["SharedGroup", "own_reasons", "shared_groups", "shares_own_share"]


@record
class SharedGroup:
    routes: tuple[FundingMatch, ...]
    reasons: tuple[Reason, ...]
    own_share: bool  # the routes also share their own-share rule


def _key(reason: Reason) -> tuple[str, tuple[tuple[str, object], ...]]:
    return reason.code, tuple(sorted(reason.params.items()))


def _open(matches: Sequence[FundingMatch]) -> list[FundingMatch]:
    return [m for m in matches if m.fits is not Fit.NO]


def _holders(matches: Sequence[FundingMatch], skip: Reason | None) -> dict[object, list[int]]:
    """Reason key → the indexes of the open routes that give it."""
    held: dict[object, list[int]] = {}
    for index, m in enumerate(_open(matches)):
        for reason in m.reasons:
            if skip is not None and _key(reason) == _key(skip):
                continue
            held.setdefault(_key(reason), [])
            if index not in held[_key(reason)]:
                held[_key(reason)].append(index)
    return held


def shared_groups(matches: Sequence[FundingMatch], skip: Reason | None = None
                  ) -> tuple[SharedGroup, ...]:
    """Conditions two or more open routes share, grouped by the routes sharing them,
    in the order they first appear. ``skip``: a reason said elsewhere (the LEADER
    group's territory, on the group's own line)."""
    routes = _open(matches)
    held = _holders(matches, skip)
    groups: dict[tuple[int, ...], list[Reason]] = {}
    for m in routes:
        for reason in m.reasons:
            owners = tuple(held.get(_key(reason), ()))
            if len(owners) > 1 and reason not in groups.setdefault(owners, []):
                groups[owners].append(reason)
    result = []
    for owners, reasons in groups.items():
        if not reasons:
            continue
        members = tuple(routes[i] for i in owners)
        rule = {m.own_share_rule for m in members}
        result.append(SharedGroup(members, tuple(reasons), len(rule) == 1))
    return tuple(result)


def own_reasons(match: FundingMatch, matches: Sequence[FundingMatch],
                skip: Reason | None = None) -> tuple[Reason, ...]:
    """The conditions only this route gives (not ``skip``)."""
    held = _holders(matches, skip)
    return tuple(r for r in match.reasons
                 if len(held.get(_key(r), ())) <= 1
                 and not (skip is not None and _key(r) == _key(skip)))


def shares_own_share(match: FundingMatch, groups: Sequence[SharedGroup]) -> bool:
    """Whether a group above already states this route's own-share rule."""
    return any(g.own_share and match in g.routes for g in groups)
