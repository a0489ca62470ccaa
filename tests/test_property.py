"""Property: any valid path through the bundled pack, with any text typed, renders a
plan whose money and actions hold (prices within the answers, whole members, donated
and unchosen items at 0, "does not fit" above 100 %, the same break-even figures in
every section, no duplicate steps)."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import plan_invariants
import pytest
from bundled import bundled_tree
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from koprade_wizard.guidance.funding import Fit
from koprade_wizard.interview.engine import Interview
from koprade_wizard.pack import kinds as answer_rules
from koprade_wizard.pack.tree import Question
from koprade_wizard.plan.data import PlanData, build_plan
from koprade_wizard.plan.markdown import render_markdown

ROOT = Path(__file__).resolve().parent.parent
TREE = bundled_tree()
TODAY = dt.date(2026, 11, 27)
# Text with the characters that could break Markdown, HTML or a template.
HOSTILE = st.text(
    alphabet=st.sampled_from(list("abcāčēģīķļņšūž <>&*_[]()#|`{}\\!:/\n-+.1\"'")),
    min_size=1, max_size=40,
).filter(lambda s: s.strip() != "")


def bounds(q: Question) -> tuple[float, float]:
    rules = q.validate_
    low = rules.min if rules and rules.min is not None else 0
    high = rules.max if rules and rules.max is not None else low + 500
    return low, high


def value_for(q: Question) -> st.SearchStrategy[object]:
    rules = q.validate_
    low, high = bounds(q)
    if q.kind == "choice":
        return st.sampled_from(q.choice_values)
    if q.kind == "multi_choice":
        return st.lists(st.sampled_from(q.choice_values), unique=True,
                        min_size=1 if q.required else 0)
    if q.kind == "yes_no":
        return st.booleans()
    if q.kind == "integer":
        return st.integers(math.ceil(low), math.floor(high))
    if q.kind == "decimal":
        return st.floats(low, high, allow_nan=False).map(lambda x: round(x, 1))
    if q.kind == "date":
        return st.dates(dt.date(2026, 1, 1), dt.date(2029, 12, 31))
    if q.kind == "text" and rules and rules.pattern:
        return st.from_regex(rules.pattern, fullmatch=True)
    return HOSTILE


# No shrinking: a failure is reported as drawn (with every answer labelled), so a
# failing run stays bounded in time. How many examples: the profile (tests/conftest.py).
# Whole plans take minutes on a busy machine.
@pytest.mark.timeout(900)
@settings(deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data(), lang=st.sampled_from(["lv", "en"]))
def test_any_valid_answer_set_renders(data: st.DataObject, lang: str) -> None:
    interview = Interview(TREE, {}, lang)
    while (q := interview.current()) is not None:
        context = interview.context_before(q.id)
        raw = data.draw(value_for(q), label=q.id)
        value = _first_valid(q, [raw, *_candidates(q)], context, lang)
        interview.answer(q.id, value)
    assert interview.missing_required() == []
    plan = build_plan(TREE, interview.answers, lang, TODAY)
    markdown = render_markdown(plan)
    check_funding_invariants(plan, markdown)
    assert markdown.startswith("# ")
    html = MarkdownIt("commonmark", {"html": False}).enable("table").render(markdown)
    # Typed text never becomes markup: no raw tags, no foreign links or images.
    assert "<img" not in html
    assert "<script" not in html
    assert 'href="file:' not in html
    # The money and the actions hold for every founder (see plan_invariants).
    plan_invariants.check_all(plan, markdown)


# Reasons that mark a route's key condition as unconfirmed.
UNVERIFIED_REASONS = frozenset({"real_estate_exclusion_unverified", "round_unverified",
                                "rate_check_call", "route_unverified", "programme_area_check"})


def check_funding_invariants(plan: PlanData, markdown: str) -> None:
    """One verdict per route, read the same way by every part of the plan."""
    verdict = {m.route.value: m.fits for m in plan.funding}
    # No action or top step recommends a route whose verdict is "no".
    for item in (*plan.actions, *plan.top_actions):
        if item.routes:
            assert any(verdict.get(r) not in (Fit.NO, None) for r in item.routes), item.id
    # No "fits" where the plan itself marks a condition unverified or unknown.
    for m in plan.funding:
        if m.unverified or UNVERIFIED_REASONS & {r.code for r in m.reasons}:
            assert m.fits is not Fit.FITS, m.route
        if m.fits is Fit.NO:
            assert m.reason is not None and m.support_estimate is None, m.route
        if m.fits is Fit.MAYBE:
            assert m.reason is not None, m.route
    # The funding gap counts only routes the founder chose and that are not "no".
    for grant in plan.calc.funding.grants:
        assert grant.label in plan.interested, grant.label
        assert verdict[grant.label] is not Fit.NO, grant.label
    # Every plan with a LEADER group names the group's website.
    if plan.lag is not None:
        for group in plan.lag.groups:
            assert group.website is None or group.website in markdown, group.id
    # The verdicts of both LEADER lines rest on the same territory.
    leader = [m.reason for m in plan.funding if m.route.value.startswith("leader")
              and m.reason is not None and m.reason.code.startswith("lag_out")]
    if leader:
        assert all(verdict[r] is Fit.NO for r in ("leader_economy", "leader_community"))


def _candidates(q: Question) -> list[object]:
    """Other values to try when a rule refuses the drawn one (rules may depend on
    earlier answers, e.g. a legal form that needs two founders)."""
    low, high = bounds(q)
    if q.kind == "integer":
        return [math.ceil(low), math.floor(high)]
    if q.kind == "decimal":
        return [low, high]
    if q.kind == "choice":
        return list(q.choice_values)
    if q.kind == "multi_choice":
        return [[v] for v in q.choice_values]
    if q.kind == "yes_no":
        return [True, False]
    return ["Ērgļi"]


def _first_valid(q: Question, values: list[object], context: dict[str, object],
                 lang: str) -> object:
    for value in values:
        try:
            return answer_rules.check_value(q, value, context, lang)
        except answer_rules.AnswerInvalid:
            continue
    raise AssertionError(f"no valid answer found for {q.id}")
