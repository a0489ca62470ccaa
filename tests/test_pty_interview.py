"""The bundled interview in a real pseudo-terminal, in both languages: what a founder
types is stored as meant, and no rule failure ends the program."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
from pathlib import Path
from typing import Any

import pexpect
import pytest
import yaml
from bundled import bundled_tree

from koprade_wizard.i18n.messages import t

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
TREE = bundled_tree()
ORDER = [q.id for q in TREE.questions()]
EXAMPLE = yaml.safe_load((ROOT / "examples" / "association-workshop.yaml").read_text("utf-8"))
WIZARD = shutil.which("koprade-wizard", path=str(Path(sys.executable).parent))
DOWN, UP, ENTER, CTRL_C, SPACE, BACKSPACE = "\x1b[B", "\x1b[A", "\r", "\x03", " ", "\x7f"
WAIT = 60  # a loaded machine is slow to start a program


def label(qid: str, lang: str) -> str:
    return TREE.question(qid).label[lang]


def after_municipality(slug: str, lang: str) -> str:
    """The next question's label: the parish or town where the LEADER group depends on
    it (a follow-up generated from the territory data), else the settlement."""
    follow_up = "lag_area_" + slug.replace("-", "_")
    if any(q.id == follow_up for q in TREE.questions()):
        return label(follow_up, lang)
    return label("settlement", lang)


def answers_before(qid: str, **changes: Any) -> dict[str, Any]:
    """The example founder's answers to every question before ``qid``, with changes."""
    before = ORDER[:ORDER.index(qid)]
    answers = {k: v for k, v in EXAMPLE["answers"].items() if k in before}
    answers.update(changes)
    return answers


def start(tmp_path: Path, lang: str, answers: dict[str, Any]) -> pexpect.spawn:
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump({"pack": "koprade", "language": lang, "answers": answers},
                                   allow_unicode=True), encoding="utf-8")
    env = {**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1", "TERM": "xterm", "LANG": "C.UTF-8",
           "LC_ALL": "C.UTF-8", "COLUMNS": "120"}
    assert WIZARD
    return pexpect.spawn(WIZARD, ["--lang", lang, "--answers", str(path)], cwd=str(tmp_path),
                         env=env, encoding="utf-8", timeout=WAIT, dimensions=(40, 120))


def stored(tmp_path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((tmp_path / "answers.yaml").read_text("utf-8"))
    return data


def stop(child: pexpect.spawn) -> str:
    """Ctrl-C: the program ends with 130 and a resume hint, never a traceback."""
    child.send(CTRL_C)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    seen = child.before or ""
    assert "Traceback" not in seen
    return seen


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_a_rule_failing_on_a_list_asks_again(tmp_path: Path, lang: str) -> None:
    # An association with a founding team of one: the default legal form is refused.
    child = start(tmp_path, lang, answers_before("legal_form", core_team_size=1))
    child.expect_exact(label("legal_form", lang))
    child.send(ENTER)  # the first entry, «Biedrība» / Association
    child.expect_exact(TREE.question("legal_form").validate_.message[lang][:40])
    child.expect_exact(label("legal_form", lang))  # the same question again
    child.send(DOWN + ENTER)  # a foundation
    child.expect_exact(label("legal_registered", lang))
    assert stored(tmp_path)["answers"]["legal_form"] == "foundation"
    stop(child)


@pytest.mark.parametrize(
    ("lang", "typed", "expected"),
    [("lv", "rig", "riga"), ("lv", "Rīg", "riga"), ("en", "cesu", "cesu-novads"),
     ("lv", "ogre", "ogres-novads")],
)
def test_filtering_the_municipalities(tmp_path: Path, lang: str, typed: str,
                                      expected: str) -> None:
    child = start(tmp_path, lang, answers_before("municipality"))
    child.expect_exact(label("municipality", lang))
    child.send(typed)
    child.send(ENTER)
    child.expect_exact(after_municipality(expected, lang))
    assert stored(tmp_path)["answers"]["municipality"] == expected
    stop(child)


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_with_no_match_nothing_is_chosen(tmp_path: Path, lang: str) -> None:
    child = start(tmp_path, lang, answers_before("municipality"))
    child.expect_exact(label("municipality", lang))
    child.send("xyz")
    child.expect_exact(t("no_match", lang, typed="xyz")[:20])
    child.send(ENTER)  # nothing is chosen: the question stays
    child.send(BACKSPACE * 3 + "ogre" + ENTER)
    child.expect_exact(after_municipality("ogres-novads", lang))
    assert stored(tmp_path)["answers"]["municipality"] == "ogres-novads"
    stop(child)


@pytest.mark.parametrize(
    ("lang", "typed", "expected"),
    [("en", "12,000", 12000), ("en", "12,000.50", 12000.5), ("lv", "12 000,50", 12000.5),
     ("lv", "1,5", 1.5)],
)
def test_numbers_are_stored_as_meant(tmp_path: Path, lang: str, typed: str,
                                     expected: float) -> None:
    child = start(tmp_path, lang, answers_before("own_money"))
    child.expect_exact(label("own_money", lang))
    child.send(typed + ENTER)
    child.expect_exact(label("setup_budget", lang))
    assert stored(tmp_path)["answers"]["own_money"] == expected
    stop(child)


@pytest.mark.parametrize(("lang", "typed", "moves", "expected"),
                         [("lv", "1,500", DOWN, 1500), ("en", "1.500", "", 1.5)])
def test_a_number_that_reads_two_ways_is_asked_back(
    tmp_path: Path, lang: str, typed: str, moves: str, expected: float
) -> None:
    child = start(tmp_path, lang, answers_before("own_money"))
    child.expect_exact(label("own_money", lang))
    child.send(typed + ENTER)
    child.expect_exact(t("answer_ambiguous", lang, text=typed, readings="")[:12])
    child.send(moves + ENTER)
    child.expect_exact(label("setup_budget", lang))
    assert stored(tmp_path)["answers"]["own_money"] == expected
    stop(child)


@pytest.mark.parametrize(("lang", "typed"), [("lv", "01.09.2027"), ("lv", "1.9.2027"),
                                             ("en", "1 September 2027"), ("en", "2027-09-01")])
def test_dates_as_people_write_them(tmp_path: Path, lang: str, typed: str) -> None:
    child = start(tmp_path, lang, answers_before("target_opening"))
    child.expect_exact(t("date_hint", lang))  # the format is shown before any error
    child.expect_exact(label("target_opening", lang))
    child.send(typed + ENTER)
    child.expect_exact(label("purpose", lang))
    assert stored(tmp_path)["answers"]["target_opening"] == dt.date(2027, 9, 1)
    stop(child)


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_a_past_opening_date_is_confirmed_and_remembered(tmp_path: Path, lang: str) -> None:
    reason = TREE.question("target_opening").plausible.message[lang]  # type: ignore[union-attr]
    child = start(tmp_path, lang, answers_before("target_opening"))
    child.expect_exact(label("target_opening", lang))
    child.send("2020-01-01" + ENTER)
    child.expect_exact(reason)
    child.send("n")  # no: the question again
    child.expect_exact(label("target_opening", lang))
    assert "target_opening" not in stored(tmp_path)["answers"]
    child.send("\x15" + "2020-01-01" + ENTER)  # Ctrl+U clears the field
    child.expect_exact(reason)
    child.send("j" if lang == "lv" else "y")
    child.expect_exact(label("purpose", lang))
    saved = stored(tmp_path)
    assert saved["answers"]["target_opening"] == dt.date(2020, 1, 1)
    assert saved["confirmed"] == {"target_opening": dt.date(2020, 1, 1)}
    stop(child)


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_a_text_rule_failure_shows_its_message(tmp_path: Path, lang: str) -> None:
    child = start(tmp_path, lang, {})
    child.expect_exact(label("initiative_name", lang))
    child.send("A" + ENTER)
    child.expect_exact(TREE.question("initiative_name").validate_.message[lang][:30])
    child.send("B" + ENTER)
    child.expect_exact(label("founder_type", lang))
    assert stored(tmp_path)["answers"]["initiative_name"] == "AB"
    stop(child)


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_back_is_not_a_tickable_option(tmp_path: Path, lang: str) -> None:
    child = start(tmp_path, lang, answers_before("target_groups"))
    child.expect_exact(label("target_groups", lang))
    choices = len(TREE.question("target_groups").choices)
    child.send(SPACE + UP + SPACE + ENTER)  # the first, then «Back» (last): not ticked
    # Enter with the pointer on «Back» goes back, whatever is ticked.
    child.expect_exact(label("contact_email", lang))
    assert choices > 1
    assert "[x] " + t("back", lang) not in (child.before or "")
    stop(child)


def test_no_english_words_in_the_latvian_lists(tmp_path: Path) -> None:
    child = start(tmp_path, "lv", answers_before("survey_done"))
    child.expect_exact(label("survey_done", "lv"))
    child.expect_exact(t("yes", "lv"))
    child.send(ENTER)
    child.expect_exact(label("survey_respondents", "lv"))
    seen = child.before or ""
    assert "(Y/n)" not in seen
    assert "Use arrow keys" not in seen
    stop(child)
