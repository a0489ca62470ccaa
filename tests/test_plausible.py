"""Odd but legal answers: declared in step files, confirmed once, remembered, checked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from bundled import bundled_tree

from koprade_wizard.cli.main import run
from koprade_wizard.common.errors import StepFileError
from koprade_wizard.i18n.messages import t
from koprade_wizard.interview.engine import Interview
from koprade_wizard.interview.prompts import ReviewAction, ScriptedPrompter
from koprade_wizard.interview.session import run_interview
from koprade_wizard.pack.applicability import odd_answers
from koprade_wizard.pack.kinds import implausible
from koprade_wizard.pack.loader import load_tree

MakePack = Callable[..., Path]
ROOT = Path(__file__).resolve().parent.parent
TREE = bundled_tree()
EXAMPLE = ROOT / "examples" / "association-workshop.yaml"
TODAY = dt.date(2026, 12, 1)
LIKELY_AREA = ("place.yaml", "validate: {min: 10, max: 5000}",
               "validate: {min: 10, max: 5000}\n"
               "    plausible: {min: 20, max: 2000, message: {lv: Neparasti., en: Odd.}}")


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_a_zero_budget_and_a_past_opening_date_look_odd(lang: str) -> None:
    money, opening = TREE.question("setup_budget"), TREE.question("target_opening")
    assert implausible(money, 0, {}, lang) == money.plausible.message[lang]  # type: ignore
    assert implausible(money, 7000, {}, lang) is None
    assert implausible(opening, dt.date(2020, 1, 1), {}, lang, TODAY) is not None
    assert implausible(opening, dt.date(2027, 9, 1), {}, lang, TODAY) is None


def test_odd_answers_leave_out_what_was_confirmed() -> None:
    answers = {**yaml.safe_load(EXAMPLE.read_text("utf-8"))["answers"], "own_money": 0,
               "survey_respondents": 99_999, "survey_interested": 10}
    odd = [qid for qid, _ in odd_answers(TREE, answers, {}, "en")]
    assert odd == ["survey_respondents", "own_money"]
    assert [q for q, _ in odd_answers(TREE, answers, {"own_money": 0}, "en")] == [
        "survey_respondents"]
    # A confirmation is for one value: another odd value is asked about again.
    assert [q for q, _ in odd_answers(TREE, answers, {"own_money": 5}, "en")] == odd


def _area_interview(make_pack: MakePack) -> Interview:
    tree = load_tree(make_pack(LIKELY_AREA), use_cache=False)
    return Interview(tree, {"name": "Hub", "founder": "person", "has_premises": True}, "en")


def test_an_odd_answer_refused_at_the_confirmation_is_asked_again(make_pack: MakePack) -> None:
    interview = _area_interview(make_pack)
    prompter = ScriptedPrompter(["15", ("confirm", False), "60", "", "", ReviewAction("quit")])
    run_interview(interview, prompter, lambda iv: None)
    assert prompter.asked[:2] == ["area", "area"]
    assert prompter.confirmations == [t("plausible_confirm", "en", value="15\u00a0m²",
                                        reason="Odd.")]
    assert interview.answers["area"] == 60
    assert interview.confirmed == {}


def test_a_confirmed_odd_answer_is_kept_and_not_asked_again(make_pack: MakePack) -> None:
    interview = _area_interview(make_pack)
    prompter = ScriptedPrompter(["15", ("confirm", True), "", "", ReviewAction("change", "area"),
                                 "15", ReviewAction("quit")])
    run_interview(interview, prompter, lambda iv: None)
    assert interview.answers["area"] == 15
    assert interview.confirmed == {"area": 15}
    assert len(prompter.confirmations) == 1  # the same value again: no second question


def test_render_names_an_unconfirmed_odd_answer_and_writes_the_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = yaml.safe_load(EXAMPLE.read_text("utf-8"))
    data["answers"]["setup_budget"] = 0
    path = tmp_path / "a.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert run(["render", str(path), "--out", str(tmp_path), "--format", "md"]) == 0
    label = TREE.question("setup_budget").label["lv"]
    assert label in capsys.readouterr().err
    data["confirmed"] = {"setup_budget": 0}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert run(["render", str(path), "--out", str(tmp_path), "--format", "md", "--force"]) == 0
    assert label not in capsys.readouterr().err


@pytest.mark.parametrize(
    "edit",
    [
        ("place.yaml", "validate: {min: 10, max: 5000}",
         "validate: {min: 10, max: 5000}\n    plausible: {min: 1, message: {lv: a, en: a}}"),
        ("place.yaml", "validate: {min: 10, max: 5000}",
         "validate: {min: 10, max: 5000}\n    plausible: {future: true, message: {lv: a, en: a}}"),
        ("place.yaml", "validate: {min: 10, max: 5000}",
         "validate: {min: 10, max: 5000}\n    plausible: {min: 20}"),
    ],
)
def test_check_refuses_plausible_bounds_that_do_not_fit(
    make_pack: MakePack, edit: tuple[str, str, str]
) -> None:
    with pytest.raises(StepFileError) as caught:
        load_tree(make_pack(edit), use_cache=False)
    assert any("place.yaml" in str(p) for p in caught.value.problems)
