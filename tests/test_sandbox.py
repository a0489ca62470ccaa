"""Step-file expressions cannot hurt: sizes and time are bounded, every failure is a
ConditionError (never another exception), patterns run in linear time, and a rule that
fails while a plan is made is a step-file problem with its file and line."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from koprade_wizard.cli import run
from koprade_wizard.common.errors import StepFileError, msg
from koprade_wizard.i18n.messages import t, word
from koprade_wizard.pack import conditions, sandbox
from koprade_wizard.pack.kinds import AnswerInvalid, check_value
from koprade_wizard.pack.tree import DecisionTree, Validation
from koprade_wizard.plan.data import build_plan


def replace(obj: Any, **changes: Any) -> Any:
    """A copy of a record with some fields changed."""
    fields = {f.name: getattr(obj, f.name) for f in type(obj).__record_fields__}
    return type(obj)(**{**fields, **changes})

HUGE = [
    "'a' * 10**9",
    "10**9 * 'a'",
    "[1] * 10**9",
    "(range(10000)|list) * 1000",
    "(10 ** 100000) ** 100000",
    "(2 ** 60000) * (2 ** 60000)",
    "'x'|center(10**9)",
    "'x'.center(10**9)",
    "'x'.ljust(10**9)",
    "'%999999999s' % 'a'",
    "'%*d' % (10**9, 1)",
    "'{:>9999999}'.format(1)",
    "'{:>{}}'.format(1, 10**9)",
    "'aaaa'.replace('a', 'a' * 1000).replace('a', 'a' * 1000)",
    "('a' * 1000)|replace('a', 'a' * 1000)",
    "(['a' * 1000] * 100)|join('x' * 1000)",
    "'a'|indent(10**6)",
    "[1]|batch(10**9, 'x')|list",
    "[1]|slice(10**9)|list",
    "range(10**9)|list",
    "'a\tb'.expandtabs(10**9)",
    "('ab' * 10000)|wordwrap(1, true, 'x' * 1000)",
]


@pytest.mark.parametrize("expr", HUGE)
def test_what_would_be_huge_is_refused_quickly(expr: str) -> None:
    started = time.perf_counter()
    with pytest.raises(conditions.ConditionError) as caught:
        conditions.evaluate(expr, {})
    assert time.perf_counter() - started < 0.5
    assert caught.value.kind == "too_large"
    assert caught.value.reason() == msg("expr_too_large")
    assert word(caught.value.reason(), "lv") == t("expr_too_large", "lv")


@pytest.mark.parametrize("expr", ["'a' * 10**9", "'x'|center(10**9)"])
def test_constants_are_not_folded_while_compiling(expr: str) -> None:
    # Jinja's optimiser would compute them here, taking seconds and gigabytes.
    started = time.perf_counter()
    assert conditions.check_syntax(expr) is None
    assert time.perf_counter() - started < 0.5


def test_what_takes_too_long_is_stopped() -> None:
    # Each step is small, but there are very many of them.
    expr = "range(100000)|map('string')|map('replace', '1', '11')|map('upper')|join|length"
    started = time.perf_counter()
    try:
        conditions.evaluate(expr, {})
    except conditions.ConditionError as exc:
        assert exc.kind in ("too_slow", "too_large")
    assert time.perf_counter() - started < sandbox.MAX_SECONDS + 1.0


def test_the_deadline_is_per_evaluation(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sandbox, "MAX_SECONDS", 0.0)
    with pytest.raises(conditions.ConditionError) as caught:
        conditions.evaluate("(range(50)|map('string')|list)|length", {})
    assert caught.value.kind == "too_slow"
    assert "1 s" in word(caught.value.reason(), "en")
    monkeypatch.setattr(sandbox, "MAX_SECONDS", 1.0)
    assert conditions.evaluate("(range(50)|map('string')|list)|length", {}) == 50


@pytest.mark.parametrize(("expr", "context", "value"), [
    ("(notes|replace('a', 'b'))|length", {"notes": "a" * 60_000}, 60_000),  # long answers
    ("', '.join(wishes)", {"wishes": ["kitchen", "workshop"]}, "kitchen, workshop"),
    ("wishes|join(', ')", {"wishes": ["kitchen", "workshop"]}, "kitchen, workshop"),
    ("'%s m²' % area", {"area": 80}, "80 m²"),
    ("'{} m²'.format(area)", {"area": 80}, "80 m²"),
    ("(members or 0) * 10", {"members": 12}, 120),
    ("2 ** 10", {}, 1024),
    ("'-' * 3", {}, "---"),
    ("name|center(9)", {"name": "abc"}, "   abc   "),
    ("range(3)|map('string')|join('+')", {}, "0+1+2"),
    ("'a b'|wordwrap(1)", {}, "a\nb"),
    ("[1, 2, 3]|batch(2)|list", {}, [[1, 2], [3]]),
    ("opening.year > 2026", {"opening": __import__("datetime").date(2027, 9, 1)}, True),
])
def test_ordinary_expressions_still_work(expr: str, context: dict[str, object],
                                         value: object) -> None:
    assert conditions.evaluate(expr, context) == value


@pytest.mark.parametrize(("expr", "context"), [
    ("1 / (n - n)", {"n": 3}),
    ("name > 5", {"name": "x"}),
    ("().__class__.__subclasses__()", {}),
    ("name.__class__", {"name": "x"}),
    ("missing", {}),
    ("10.0 ** 400", {}),
    ("lipsum(5)", {}),
    ("[1, 2]|sum(start='')", {}),
    ("x.center(3, 'ab')", {"x": "1"}),
])
def test_every_failure_is_a_condition_error(expr: str, context: dict[str, object]) -> None:
    with pytest.raises(conditions.ConditionError):
        conditions.evaluate(expr, context)


@pytest.mark.parametrize("expr", ["x|nosuchfilter", "x is nosuchtest", "(" * 500 + "x" + ")" * 500,
                                  "x ==", "x }} {{ y"])
def test_every_compile_error_is_a_reason(expr: str) -> None:
    assert conditions.check_syntax(expr)


def test_a_catastrophic_pattern_runs_in_linear_time(mini_tree: DecisionTree) -> None:
    # Python's re needs minutes for this answer; RE2 microseconds.
    q = replace(mini_tree.question("name"), validate_=Validation(pattern="(a+)+$"))
    started = time.perf_counter()
    with pytest.raises(AnswerInvalid):
        check_value(q, "a" * 40 + "!", {}, "en")
    assert check_value(q, "a" * 40, {}, "en") == "a" * 40
    assert time.perf_counter() - started < 0.5


def _with_action_when(tree: DecisionTree, when: str) -> DecisionTree:
    """The tree with one action rule's condition replaced (as no ``check`` would allow)."""
    steps = []
    for step in tree.steps:
        actions = tuple(replace(a, when=when) if a.id == "find-premises" else a
                        for a in step.actions)
        steps.append(replace(step, actions=actions))
    return replace(tree, steps=tuple(steps))


@pytest.mark.parametrize("when", ["1 / (0 * (members or 0))", "name > 5", "name.__class__",
                                  "'a' * 10**9"])
def test_an_action_rule_failing_while_planning_names_its_file_and_line(
    mini_tree: DecisionTree, when: str
) -> None:
    import datetime as dt

    tree = _with_action_when(mini_tree, when)
    answers = {"name": "Telpa", "founder": "person", "has_premises": False}

    with pytest.raises(StepFileError) as caught:
        build_plan(tree, answers, "en", dt.date(2026, 11, 27))

    [problem] = caught.value.problems
    assert problem.location is not None
    assert Path(problem.location.path).name == "place.yaml"
    assert problem.location.line == 30  # the '- id: find-premises' line
    assert "'find-premises'" in word(problem.message, "en")


def test_check_finds_what_would_fail_in_the_plan(make_pack: object,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    folder = make_pack(("place.yaml", "when: not has_premises",  # type: ignore[operator]
                        "when: \"1 / (0 * (members or 0))\""))

    assert run(["check", "--steps", str(folder), "--lang", "en"]) == 1

    err = capsys.readouterr().err
    assert f"{folder / 'place.yaml'}:31: " in err
    assert "ZeroDivisionError" in err
    assert "Traceback" not in err
