"""Answers: typed text and YAML values become checked values; the answers file round-trips."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from koprade_wizard.common.errors import AnswersError
from koprade_wizard.i18n.messages import LANGS, t, tn, word
from koprade_wizard.interview import answers_file as answers
from koprade_wizard.interview.answers_file import AnswersFile
from koprade_wizard.pack.kinds import AnswerInvalid, check_value, from_text
from koprade_wizard.pack.tree import DecisionTree, Question, Validation

# --- typed text -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("qid", "text", "expected"),
    [
        ("area", "12,5", 12.5),
        ("area", "12.5", 12.5),
        ("area", "1 200", 1200),
        ("area", "1\u00a0200,75", 1200.75),
        ("area", " 60 ", 60),
        ("members", "1 200", 1200),
        ("members", "12", 12),
        ("has_premises", "jā", True),
        ("has_premises", "Jā", True),
        ("has_premises", "ja", True),
        ("has_premises", "yes", True),
        ("has_premises", "Y", True),
        ("has_premises", "nē", False),
        ("has_premises", "NĒ", False),
        ("has_premises", "no", False),
        ("opening", "2027-03-01", dt.date(2027, 3, 1)),
        ("opening", " 2028-02-29 ", dt.date(2028, 2, 29)),
        ("name", "  Ērgļu koprade  ", "Ērgļu koprade"),
        ("founder", "association", "association"),
        ("wishes", "workshop, kitchen", ["kitchen", "workshop"]),
        ("wishes", "kitchen", ["kitchen"]),
        ("wishes", "", None),
        ("opening", "   ", None),
    ],
)
def test_typed_text_becomes_a_value(
    mini_tree: DecisionTree, qid: str, text: str, expected: Any
) -> None:
    value = from_text(mini_tree.question(qid), text, {}, "lv")

    assert value == expected
    assert type(value) is type(expected)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    ("qid", "text", "key", "params"),
    [
        ("members", "12,5", "answer_not_integer", {}),
        ("members", "divi", "answer_not_integer", {}),
        ("area", "daudz", "answer_not_number", {}),
        ("area", "12,5,1", "answer_not_number", {}),
        ("area", "nan", "answer_not_number", {}),
        ("area", "inf", "answer_not_number", {}),
        ("has_premises", "varbūt", "answer_not_yes_no", {}),
        ("opening", "01.13.2027", "answer_not_date", {}),
        ("opening", "1.9.27", "answer_not_date", {}),
        ("opening", "2027-02-30", "answer_not_date", {}),
        ("founder", "Biedrība", "answer_unknown_choice",
         {"value": "Biedrība", "choices": "person, association"}),
        ("wishes", "kitchen, sauna", "answer_unknown_choice",
         {"value": "sauna", "choices": "kitchen, workshop"}),
        ("wishes", "kitchen, kitchen", "answer_duplicate_choice", {"value": "kitchen"}),
        ("name", "", "answer_required", {}),
        ("has_premises", " ", "answer_required", {}),
    ],
)
def test_bad_text_is_refused_with_the_catalogue_message(
    mini_tree: DecisionTree, qid: str, text: str, key: str, params: dict[str, str], lang: str
) -> None:
    with pytest.raises(AnswerInvalid) as caught:
        from_text(mini_tree.question(qid), text, {}, lang)

    assert word(caught.value.message, lang) == t(key, lang, **params)


def test_a_choice_is_stored_by_value_whatever_the_language(mini_tree: DecisionTree) -> None:
    founder = mini_tree.question("founder")

    assert {from_text(founder, "association", {}, lang) for lang in LANGS} == {"association"}
    for label in founder.choice("association").label.values():  # type: ignore[union-attr]
        with pytest.raises(AnswerInvalid):
            check_value(founder, label, {}, "en")


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        (["workshop", "kitchen"], ["kitchen", "workshop"]),
        (["kitchen", "workshop"], ["kitchen", "workshop"]),
        ([" workshop "], ["workshop"]),
        ([], None),
    ],
)
def test_multi_choice_is_stored_in_the_pack_order(
    mini_tree: DecisionTree, given: list[str], stored: list[str] | None
) -> None:
    assert check_value(mini_tree.question("wishes"), given, {}, "en") == stored


def test_multi_choice_refuses_duplicates_and_non_lists(mini_tree: DecisionTree) -> None:
    wishes = mini_tree.question("wishes")
    with pytest.raises(AnswerInvalid, match="kitchen"):
        check_value(wishes, ["kitchen", "workshop", "kitchen"], {}, "en")
    with pytest.raises(AnswerInvalid) as caught:
        check_value(wishes, "kitchen", {}, "en")
    assert word(caught.value.message, "en") == t("answer_not_list", "en")


# --- validation rules -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "fragment"), [("en", "at least 2 founders"), ("lv", "vismaz 2 dibinātājus")]
)
def test_a_rule_speaks_its_custom_message_in_the_chosen_language(
    mini_tree: DecisionTree, lang: str, fragment: str
) -> None:
    members = mini_tree.question("members")

    with pytest.raises(AnswerInvalid) as caught:
        from_text(members, "1", {}, lang)

    assert fragment in word(caught.value.message, lang)
    assert from_text(members, "2", {}, lang) == 2


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    ("qid", "value", "key", "params"),
    [
        ("area", 9.5, "answer_below_min", {"min": "10"}),
        ("area", 5000.01, "answer_above_max", {"max": "5000"}),
        ("name", "A", "answer_too_short", {"n": 2}),
        ("name", "A" * 81, "answer_too_long", {"n": 80}),
    ],
)
def test_the_limits_of_the_pack_are_enforced(
    mini_tree: DecisionTree, qid: str, value: Any, key: str, params: dict[str, Any], lang: str
) -> None:
    with pytest.raises(AnswerInvalid) as caught:
        check_value(mini_tree.question(qid), value, {}, lang)

    expected = tn(key, params["n"], lang) if "n" in params else t(key, lang, **params)
    assert word(caught.value.message, lang) == expected


@pytest.mark.parametrize(
    ("qid", "value"),
    [("area", 10), ("area", 5000), ("area", 10.5), ("name", "AB"), ("name", "A" * 80)],
)
def test_values_on_the_limits_are_accepted(
    mini_tree: DecisionTree, qid: str, value: Any
) -> None:
    assert check_value(mini_tree.question(qid), value, {}, "en") == value


POSTCODE = Question(
    id="postcode", kind="text", label={"lv": "Pasta indekss", "en": "Postcode"},
    validate_=Validation(pattern=r"LV-\d{4}", message={"lv": "Piemēram, LV-4101.",
                                                        "en": "For example LV-4101."}),
)
DESKS = Question(
    id="desks", kind="integer", label={"lv": "Galdi", "en": "Desks"},
    validate_=Validation(expr="value <= members * 2"),
)


@pytest.mark.parametrize("lang", LANGS)
def test_a_pattern_must_match_the_whole_answer(lang: str) -> None:
    assert from_text(POSTCODE, "LV-4101", {}, lang) == "LV-4101"
    for bad in ("4101", "LV-41011", "xLV-4101"):
        with pytest.raises(AnswerInvalid) as caught:
            from_text(POSTCODE, bad, {}, lang)
        assert word(caught.value.message, lang) == POSTCODE.validate_.message[lang]  # type: ignore[union-attr]


@pytest.mark.parametrize("lang", LANGS)
def test_an_expression_rule_sees_the_value_and_earlier_answers(lang: str) -> None:
    assert check_value(DESKS, 8, {"members": 4}, lang) == 8
    with pytest.raises(AnswerInvalid) as caught:
        check_value(DESKS, 9, {"members": 4}, lang)
    assert word(caught.value.message, lang) == t("answer_rule", lang)
    # An expression that cannot be evaluated refuses the answer instead of crashing.
    with pytest.raises(AnswerInvalid) as caught:
        check_value(DESKS, 9, {"members": None}, lang)
    assert word(caught.value.message, lang).startswith(t("answer_rule", lang))


@pytest.mark.parametrize(
    ("qid", "value", "key"),
    [
        ("members", "pieci", "answer_not_integer"),
        ("members", 5.5, "answer_not_integer"),
        ("members", True, "answer_not_integer"),
        ("area", "sešdesmit", "answer_not_number"),
        ("area", float("nan"), "answer_not_number"),
        ("has_premises", "yes", "answer_not_yes_no"),
        ("has_premises", 1, "answer_not_yes_no"),
        ("opening", 20270301, "answer_not_date"),
        ("name", ["a", "b"], "answer_not_text"),
        ("wishes", "kitchen", "answer_not_list"),
    ],
)
def test_values_read_from_yaml_are_not_guessed_from_other_types(
    mini_tree: DecisionTree, qid: str, value: Any, key: str
) -> None:
    with pytest.raises(AnswerInvalid) as caught:
        check_value(mini_tree.question(qid), value, {}, "en")
    assert word(caught.value.message, "en") == t(key, "en")


# --- the answers file -------------------------------------------------------------------

FULL = {
    "name": "Ērgļu koprade — Līvāni",
    "founder": "association",
    "members": 5,
    "has_premises": True,
    "area": 62.5,
    "wishes": ["kitchen", "workshop"],
    "opening": dt.date(2027, 3, 1),
    "notes": "Kokapstrāde: ēvele, zāģis\nun šķūnis",
}


def _file(values: dict[str, Any], pack: str = "mini") -> AnswersFile:
    return AnswersFile(pack=pack, pack_version="1", language="lv", answers=dict(values))


def test_save_load_validate_round_trip(mini_tree: DecisionTree, tmp_path: Path) -> None:
    path = tmp_path / "atbildes.yaml"
    answers.save(path, _file(FULL))

    loaded = answers.load(path, "lv")
    typed = answers.validate(mini_tree, loaded, str(path))

    assert typed == FULL
    assert type(typed["opening"]) is dt.date
    assert loaded.pack == "mini"
    assert loaded.language == "lv"
    assert loaded.status == answers.STATUS_IN_PROGRESS
    assert loaded.updated is not None
    dt.datetime.fromisoformat(loaded.updated)


def test_the_answers_file_is_readable_yaml_with_a_header(tmp_path: Path) -> None:
    path = tmp_path / "atbildes.yaml"
    answers.save(path, _file(FULL))
    text = path.read_text(encoding="utf-8")

    assert text.startswith("# ")
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert any("--answers atbildes.yaml" in line for line in header)
    assert "Ērgļu koprade — Līvāni" in text  # diacritics are written as they are
    data = yaml.safe_load(text)
    assert data["answers"]["opening"] == dt.date(2027, 3, 1)
    assert data["answers"]["wishes"] == ["kitchen", "workshop"]
    assert list(data) == ["pack", "pack_version", "language", "status", "position",
                          "updated", "answers"]


def test_a_save_leaves_no_temporary_files(tmp_path: Path) -> None:
    path = tmp_path / "atbildes.yaml"
    answers.save(path, _file({"name": "A"}))
    answers.save(path, _file({"name": "B"}))

    assert [p.name for p in tmp_path.iterdir()] == ["atbildes.yaml"]
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["answers"] == {"name": "B"}


def test_a_failed_save_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "atbildes.yaml"
    answers.save(path, _file({"name": "Vecā"}))
    before = path.read_bytes()

    def broken_replace(src: Any, dst: Any) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        answers.save(path, _file({"name": "Jaunā"}))

    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["atbildes.yaml"]
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".*"))


# --- validate() -----------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    ("qid", "value", "key", "params"),
    [
        ("members", "five", "answer_not_integer", {}),
        ("founder", "company", "answer_unknown_choice",
         {"value": "company", "choices": "person, association"}),
        ("area", 6000, "answer_above_max", {"max": "5000"}),
        ("opening", "marts", "answer_not_date", {}),
        ("wishes", ["sauna"], "answer_unknown_choice",
         {"value": "sauna", "choices": "kitchen, workshop"}),
    ],
)
def test_validate_names_the_question_and_its_label(
    mini_tree: DecisionTree, qid: str, value: Any, key: str, params: dict[str, Any],
    lang: str,
) -> None:
    values = {**FULL, qid: value}

    with pytest.raises(AnswersError) as caught:
        answers.validate(mini_tree, _file(values), "atbildes.yaml")

    [problem] = caught.value.problems
    label = mini_tree.question(qid).label[lang]
    assert word(problem.message, lang) == t("answers_question", lang, id=qid, label=label,
                                reason=t(key, lang, **params))
    assert str(problem).startswith("atbildes.yaml: ")


@pytest.mark.parametrize("lang", LANGS)
def test_validate_names_an_unknown_question_with_a_hint(
    mini_tree: DecisionTree, lang: str
) -> None:
    with pytest.raises(AnswersError) as caught:
        answers.validate(mini_tree, _file({**FULL, "fonder": "person"}))

    assert [word(p.message, lang) for p in caught.value.problems] == [
        t("answers_unknown_question", lang, id="fonder", pack="mini",
          hint=t("did_you_mean", lang, name="founder"))
    ]


def test_validate_refuses_answers_for_another_pack(mini_tree: DecisionTree) -> None:
    with pytest.raises(AnswersError) as caught:
        answers.validate(mini_tree, _file(FULL, pack="maxi"))

    assert [word(p.message, "en") for p in caught.value.problems] == [
        t("answers_other_pack", "en", found="maxi", expected="mini")
    ]


def test_validate_reports_every_bad_answer_at_once(mini_tree: DecisionTree) -> None:
    bad = {**FULL, "members": 1, "area": 1, "wishes": "all", "zzz": 1}

    with pytest.raises(AnswersError) as caught:
        answers.validate(mini_tree, _file(bad))

    messages = [word(p.message, "en") for p in caught.value.problems]
    assert len(messages) == 4
    for fragment in ("'zzz'", "'members'", "'area'", "'wishes'"):
        assert sum(fragment in m for m in messages) == 1, fragment


def test_an_optional_answer_may_be_empty(mini_tree: DecisionTree) -> None:
    typed = answers.validate(mini_tree, _file({**FULL, "notes": None, "wishes": []}))
    assert typed["notes"] is None
    assert typed["wishes"] is None


# --- broken answers files -------------------------------------------------------------

REASON = t("answers_bad_file", "en", reason="\0").split("\0")[0]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("pack: mini\nanswers:\n  name: x\n   founder: person\n", 4),
        ("pack: mini\nanswers:\n  name: \"Ērgļu\n", 3),  # unclosed to the end
        ("pack: mini\nanswers: {name: x\n", 2),
        ("pack: mini\n\tanswers: {}\n", 2),
    ],
)
def test_a_yaml_syntax_error_names_its_line(tmp_path: Path, text: str, line: int) -> None:
    path = tmp_path / "atbildes.yaml"
    path.write_text(text, encoding="utf-8")

    with pytest.raises(AnswersError) as caught:
        answers.load(path, "en")

    [problem] = caught.value.problems
    assert problem.location is not None
    assert (problem.location.path, problem.location.line) == (str(path), line)
    assert word(problem.message, "en").startswith(REASON)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("- pack: mini\n- answers: {}\n", "mapping"),
        ("just words\n", "mapping"),
        ("", "mapping"),
        ("pack: mini\nanswers: [name]\n", "mapping"),
        ("pack: mini\nlanguage: lv\n", "'answers'"),
        ("answers: {}\n", "'pack'"),
    ],
)
def test_a_file_that_is_not_an_answers_file_is_refused(
    tmp_path: Path, text: str, fragment: str
) -> None:
    path = tmp_path / "atbildes.yaml"
    path.write_text(text, encoding="utf-8")

    with pytest.raises(AnswersError) as caught:
        answers.load(path, "en")

    [problem] = caught.value.problems
    assert word(problem.message, "en").startswith(REASON)
    assert fragment in word(problem.message, "en")


def test_a_missing_answers_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "nav.yaml"
    with pytest.raises(AnswersError) as caught:
        answers.load(path, "lv")
    assert [word(p.message, "lv") for p in caught.value.problems] == [
        t("file_not_found", "lv", path=path)]


def test_an_answers_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "atbildes.yaml"
    path.write_bytes("pack: mini\nanswers: {name: Ērgļi}\n".encode("utf-16"))
    with pytest.raises(AnswersError) as caught:
        answers.load(path, "en")
    assert word(caught.value.problems[0].message, "en").startswith(REASON)
