"""The interview as pure logic, driven through run_interview with a scripted prompter."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from koprade_wizard.cli.wiring import load_pack as load_tree
from koprade_wizard.common.errors import StepFileError
from koprade_wizard.i18n.messages import t, word
from koprade_wizard.interview.engine import Interview
from koprade_wizard.interview.prompts import (
    BACK,
    AskRequest,
    ReviewAction,
    ScriptedPrompter,
    ScriptExhausted,
)
from koprade_wizard.interview.session import run_interview
from koprade_wizard.pack import conditions
from koprade_wizard.pack.tree import DecisionTree

FINISH = ReviewAction("finish")
QUIT = ReviewAction("quit")


def replace(obj: Any, **changes: Any) -> Any:
    """A copy of a record with some fields changed."""
    fields = {f.name: getattr(obj, f.name) for f in type(obj).__record_fields__}
    return type(obj)(**{**fields, **changes})


def change(qid: str) -> ReviewAction:
    return ReviewAction("change", qid)


class Recorder(ScriptedPrompter):
    """A scripted prompter that also keeps every request and every review it was shown."""

    def __init__(self, script: list[Any]) -> None:
        super().__init__(script)
        self.requests: list[AskRequest] = []
        self.shown: list[list[str]] = []

    def ask(self, request: AskRequest) -> Any:
        self.requests.append(request)
        return super().ask(request)

    def review(self, groups: Any, lang: str, last_change: Any) -> ReviewAction:
        self.shown.append([item.question.id for g in groups for item in g.items])
        return super().review(groups, lang, last_change)

    def defaults_of(self, qid: str) -> list[Any]:
        return [r.default for r in self.requests if r.question.id == qid]


def run(
    tree: DecisionTree, script: list[Any], answers: dict[str, Any] | None = None,
    lang: str = "en",
) -> tuple[Interview, Recorder, list[dict[str, Any]], str]:
    interview = Interview(tree, dict(answers or {}), lang)
    prompter = Recorder(script)
    saved: list[dict[str, Any]] = []
    outcome = run_interview(interview, prompter, lambda iv: saved.append(dict(iv.answers)))
    assert not prompter.script, f"script entries left over: {prompter.script}"
    return interview, prompter, saved, outcome


# A whole interview of the mini pack, as an association with premises.
ASSOCIATION = ["Ērgļu koprade", "association", "5", "jā", "60", "kitchen, workshop",
               "2027-03-01", "Kokapstrāde"]
ASSOCIATION_ANSWERS = {
    "name": "Ērgļu koprade", "founder": "association", "members": 5, "has_premises": True,
    "area": 60, "wishes": ["kitchen", "workshop"], "opening": dt.date(2027, 3, 1),
    "notes": "Kokapstrāde",
}


# --- branching ----------------------------------------------------------------------

@pytest.mark.parametrize(
    ("founder", "members", "asked"),
    [
        ("association", ["4"], ["name", "founder", "members", "has_premises", "wishes",
                                "opening"]),
        ("person", [], ["name", "founder", "has_premises", "wishes", "opening"]),
    ],
)
def test_only_an_association_is_asked_for_members(
    mini_tree: DecisionTree, founder: str, members: list[str], asked: list[str]
) -> None:
    script = ["Telpa", founder, *members, "nē", "", "", FINISH]
    interview, prompter, _, outcome = run(mini_tree, script)

    assert outcome == "finished"
    assert prompter.asked == asked
    assert ("members" in interview.answers) == (founder == "association")


@pytest.mark.parametrize(
    ("wishes", "notes_asked"),
    [("", False), ("kitchen", False), ("workshop", True), ("workshop, kitchen", True)],
)
def test_notes_are_asked_only_when_a_workshop_is_wished(
    mini_tree: DecisionTree, wishes: str, notes_asked: bool
) -> None:
    script = ["Telpa", "person", "no", wishes, "", *(["x"] if notes_asked else []), FINISH]
    _, prompter, _, _ = run(mini_tree, script)

    assert ("notes" in prompter.asked) == notes_asked


@pytest.mark.parametrize("answers", [{}, {"wishes": None}, {"wishes": ["kitchen"]}])
def test_a_membership_test_on_an_unanswered_multi_choice_is_false(
    mini_tree: DecisionTree, answers: dict[str, Any]
) -> None:
    interview = Interview(mini_tree, dict(answers), "en")

    assert "notes" not in interview.applicable_ids()
    assert interview.context()["wishes"] == (answers.get("wishes") or [])


# --- conditions -------------------------------------------------------------------------

def test_an_undefined_name_raises_instead_of_counting_as_false() -> None:
    with pytest.raises(conditions.ConditionError, match="nobody"):
        conditions.evaluate("nobody == 'x'", {"founder": "person"})
    with pytest.raises(conditions.ConditionError):
        conditions.holds("not nobody", {})


@pytest.mark.parametrize(
    "expr",
    [
        "().__class__.__subclasses__()",
        "founder.__class__.__mro__",
        "answers.update({'founder': 'person'})",
        "answers.pop('founder')",
        "wishes.append('sauna')",
        "wishes.clear() or true",
    ],
)
def test_the_sandbox_refuses_internals_and_mutation(expr: str) -> None:
    answers = {"founder": "association"}
    wishes = ["kitchen"]
    context = {"answers": answers, "wishes": wishes, "founder": "association"}

    with pytest.raises(conditions.ConditionError):
        conditions.evaluate(expr, context)

    assert answers == {"founder": "association"}
    assert wishes == ["kitchen"]


def test_plain_conditions_evaluate() -> None:
    assert conditions.holds("'workshop' in wishes", {"wishes": ["workshop"]}) is True
    assert conditions.holds("founder == 'association'", {"founder": None}) is False
    assert conditions.holds(None, {}) is True
    assert conditions.evaluate("members * 10 if members else 100", {"members": 7}) == 70


def test_check_tries_conditions_on_sample_answers(make_pack: Callable[..., Path]) -> None:
    # 'members > 2' compiles and members is earlier, but for a private person members
    # does not apply and is None: comparing it would fail while interviewing.
    folder = make_pack(("about.yaml", "    default: false", "    default: false\n"
                        "    when: members > 2"))

    with pytest.raises(StepFileError) as caught:
        load_tree(folder, use_cache=False)

    [problem] = caught.value.problems
    assert problem.location is not None
    assert Path(problem.location.path).name == "about.yaml"
    assert problem.location.line == 30  # the 'when:' line
    text = word(problem.message, "en")
    assert text.startswith(t("expr_fails", "en", what=t("what_condition", "en"),
                             expr="members > 2", sample="\0", reason="").split("\0")[0])
    assert "members = none" in text
    assert "NoneType" in text  # the reason is passed on


def test_a_condition_failing_at_run_time_names_its_question(mini_tree: DecisionTree) -> None:
    # A tree whose condition fails all the same (one built without ``check``).
    step = mini_tree.steps[0]
    broken = tuple(replace(q, when="members > 2") if q.id == "has_premises" else q
                   for q in step.questions)
    tree = replace(mini_tree, steps=(replace(step, questions=broken),
                                                 *mini_tree.steps[1:]))

    with pytest.raises(StepFileError) as caught:
        Interview(tree, {"name": "Telpa", "founder": "person"}, "en")

    [problem] = caught.value.problems
    assert problem.location is not None
    assert Path(problem.location.path).name == "about.yaml"
    assert problem.location.line == 26
    before_reason = t("condition_failed", "en", id="has_premises", reason="\0").split("\0")[0]
    assert word(problem.message, "en").startswith(before_reason)
    assert "NoneType" in word(problem.message, "en")  # the reason is passed on


# --- going back ---------------------------------------------------------------------------

def test_back_returns_to_the_previous_question_with_its_answer_as_default(
    mini_tree: DecisionTree,
) -> None:
    script = ["Telpa", BACK, "Cita telpa", "person", "no", "", "", FINISH]
    interview, prompter, _, _ = run(mini_tree, script)

    assert prompter.asked[:4] == ["name", "founder", "name", "founder"]
    assert prompter.defaults_of("name") == [None, "Telpa"]
    assert interview.answers["name"] == "Cita telpa"


def test_back_at_the_first_question_is_a_notice(mini_tree: DecisionTree) -> None:
    script = [BACK, "Telpa", "person", "no", "", "", FINISH]
    _, prompter, _, _ = run(mini_tree, script, lang="lv")

    assert prompter.notices == [t("at_start", "lv")]
    assert prompter.asked[:2] == ["name", "name"]


def test_answering_after_going_back_moves_forward_again(mini_tree: DecisionTree) -> None:
    script = ["Telpa", "association", "3", BACK, BACK, "person", "yes", "50", "", "", FINISH]
    interview, prompter, _, _ = run(mini_tree, script)

    # Back twice from has_premises: to members, then to founder; then forward again.
    assert prompter.asked == ["name", "founder", "members", "has_premises", "members",
                              "founder", "has_premises", "area", "wishes", "opening"]
    assert prompter.defaults_of("founder") == [None, "association"]
    assert "members" not in interview.answers  # no longer applies to a private person
    assert interview.answers["founder"] == "person"


def test_back_skips_questions_that_do_not_apply(mini_tree: DecisionTree) -> None:
    script = ["Telpa", "person", BACK, "association", "2", "no", "", "", FINISH]
    _, prompter, _, _ = run(mini_tree, script)

    # From has_premises (members does not apply to a person) back lands on founder.
    assert prompter.asked[:4] == ["name", "founder", "has_premises", "founder"]


# --- changing from the review -------------------------------------------------------------

def test_changing_founder_drops_members_and_the_review_shows_it(
    mini_tree: DecisionTree,
) -> None:
    script = [*ASSOCIATION, change("founder"), "person", FINISH]
    interview, prompter, _, outcome = run(mini_tree, script)

    assert outcome == "finished"
    report = prompter.reviews[-1]
    assert report is not None
    assert report.question == "founder"
    assert report.dropped == ("members",)
    assert report.added == ()
    assert "members" in prompter.shown[0]
    assert "members" not in prompter.shown[-1]
    assert "members" not in interview.answers
    # Changing one answer asks nothing else.
    assert prompter.asked[len(ASSOCIATION):] == ["founder"]


@pytest.mark.parametrize(
    ("founder", "expected_default"),
    [(["association", "7"], 70), (["person"], 100)],
)
def test_a_newly_relevant_question_is_asked_with_its_derived_default(
    mini_tree: DecisionTree, founder: list[str], expected_default: int
) -> None:
    first = ["Telpa", *founder, "no", "kitchen", ""]
    script = [*first, change("has_premises"), "yes", "80", FINISH]
    interview, prompter, _, _ = run(mini_tree, script)

    report = prompter.reviews[-1]
    assert report is not None
    assert report.question == "has_premises"
    assert report.added == ("area",)
    assert report.dropped == ()
    # Only the changed question and the new one are asked, then the review comes back.
    assert prompter.asked[len(first):] == ["has_premises", "area"]
    assert prompter.defaults_of("area") == [expected_default]
    assert prompter.defaults_of("has_premises") == [False, False]  # pack default, then stored
    assert interview.answers["area"] == 80
    assert "area" in prompter.shown[-1]


def test_going_back_from_a_change_keeps_the_old_answer(mini_tree: DecisionTree) -> None:
    script = [*ASSOCIATION, change("founder"), BACK, FINISH]
    interview, prompter, _, _ = run(mini_tree, script)

    assert interview.answers == ASSOCIATION_ANSWERS
    assert prompter.reviews == [None, None]


def test_quit_from_the_review_stops(mini_tree: DecisionTree) -> None:
    _, _, _, outcome = run(mini_tree, [*ASSOCIATION, QUIT])
    assert outcome == "stopped"


# --- progress and saving ----------------------------------------------------------------

def test_progress_counts_steps_and_the_questions_that_apply(mini_tree: DecisionTree) -> None:
    _, prompter, _, _ = run(mini_tree, [*ASSOCIATION, FINISH])

    progress = [(r.question.id, r.progress.step_number, r.progress.step_count,
                 r.progress.question_number, r.progress.question_count)
                for r in prompter.requests]
    # Before founder is known, members does not apply, nor area before has_premises,
    # nor notes before a workshop is wished: the total grows as answers make them apply.
    assert progress == [
        ("name", 1, 2, 1, 5),
        ("founder", 1, 2, 2, 5),
        ("members", 1, 2, 3, 6),
        ("has_premises", 1, 2, 4, 6),
        ("area", 2, 2, 5, 7),
        ("wishes", 2, 2, 6, 7),
        ("opening", 2, 2, 7, 8),
        ("notes", 2, 2, 8, 8),
    ]
    assert [r.first_in_step for r in prompter.requests] == [
        True, False, False, False, True, False, False, False]


def test_the_answers_are_saved_after_every_answer(mini_tree: DecisionTree) -> None:
    script = ["Telpa", BACK, "Telpa 2", "person", "no", "", "", FINISH]
    _, _, saved, _ = run(mini_tree, script)

    assert saved == [
        {"name": "Telpa"},
        {"name": "Telpa 2"},
        {"name": "Telpa 2", "founder": "person"},
        {"name": "Telpa 2", "founder": "person", "has_premises": False},
        {"name": "Telpa 2", "founder": "person", "has_premises": False, "wishes": None},
        {"name": "Telpa 2", "founder": "person", "has_premises": False, "wishes": None,
         "opening": None},
    ]


def test_a_validation_context_holds_earlier_answers(mini_tree: DecisionTree) -> None:
    _, prompter, _, _ = run(mini_tree, [*ASSOCIATION, FINISH])
    area = next(r for r in prompter.requests if r.question.id == "area")

    assert area.context["members"] == 5
    assert area.context["has_premises"] is True
    assert "wishes" not in area.context  # later answers are not visible


# --- resuming -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("answers", "cursor"),
    [
        ({}, "name"),
        ({"name": "Telpa", "founder": "person"}, "has_premises"),
        ({"name": "Telpa", "founder": "association"}, "members"),
        ({"name": "Telpa", "founder": "person", "has_premises": False, "wishes": None},
         "opening"),
        ({"name": "Telpa", "founder": "person", "has_premises": True, "wishes": ["kitchen"]},
         "area"),
    ],
)
def test_resuming_starts_at_the_first_unanswered_question(
    mini_tree: DecisionTree, answers: dict[str, Any], cursor: str
) -> None:
    interview = Interview(mini_tree, dict(answers), "en")

    assert interview.cursor == cursor
    prompter = Recorder([])
    with pytest.raises(ScriptExhausted):
        run_interview(interview, prompter, lambda iv: None)
    assert prompter.asked == [cursor]


def test_resuming_drops_answers_that_no_longer_apply(mini_tree: DecisionTree) -> None:
    interview = Interview(mini_tree, {"name": "Telpa", "founder": "person", "members": 4},
                          "en")

    assert "members" not in interview.answers
    assert interview.cursor == "has_premises"


def test_resuming_at_a_cursor_that_does_not_apply_starts_at_the_first_unanswered(
    mini_tree: DecisionTree,
) -> None:
    interview = Interview(mini_tree, {"name": "Telpa", "founder": "person"}, "en",
                          cursor="members")
    assert interview.cursor == "has_premises"

    interview = Interview(mini_tree, {"name": "Telpa", "founder": "person"}, "en",
                          cursor="name")
    assert interview.cursor == "name"  # an applicable saved position is kept


def test_a_finished_interview_goes_straight_to_the_review(mini_tree: DecisionTree) -> None:
    interview, prompter, saved, outcome = run(mini_tree, [FINISH], ASSOCIATION_ANSWERS)

    assert outcome == "finished"
    assert prompter.asked == []
    assert saved == []
    assert interview.finished
    assert interview.missing_required() == []


def test_a_resumed_interview_asks_only_what_is_unanswered(mini_tree: DecisionTree) -> None:
    # Everything is answered but has_premises, which sits between answered questions.
    answers = {"name": "Hub", "founder": "person", "wishes": [], "opening": None}
    interview = Interview(mini_tree, dict(answers), "en")
    assert interview.cursor == "has_premises"
    prompter = ScriptedPrompter(["no", ReviewAction("finish")])
    assert run_interview(interview, prompter, lambda _: None) == "finished"
    assert prompter.asked == ["has_premises"]


def test_after_going_back_the_answered_questions_come_again(mini_tree: DecisionTree) -> None:
    prompter = ScriptedPrompter(["Hub", "person", BACK, BACK, "Hub 2", "person", "no",
                                 "kitchen", "", ReviewAction("finish")])
    interview = Interview(mini_tree, {}, "en")
    assert run_interview(interview, prompter, lambda _: None) == "finished"
    assert prompter.asked == ["name", "founder", "has_premises", "founder", "name", "founder",
                              "has_premises", "wishes", "opening"]
    assert interview.answers["name"] == "Hub 2"
