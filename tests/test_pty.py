"""The real wizard in a pseudo-terminal: answer, go back, change, Ctrl-C, resume, finish."""

from __future__ import annotations

import os
import shutil
import signal
import sys
from pathlib import Path

import pexpect
import pytest
import yaml

from koprade_wizard.i18n.messages import t

pytestmark = pytest.mark.slow

MINI = Path(__file__).parent / "packs" / "mini"
WIZARD = shutil.which("koprade-wizard", path=str(Path(sys.executable).parent))
DOWN, UP, ENTER, CTRL_C = "\x1b[B", "\x1b[A", "\r", "\x03"


# Finishing writes the PDF; on a loaded machine that alone can take longer than a prompt.
PLAN_TIMEOUT = 90


def spawn(cwd: Path, *args: str) -> pexpect.spawn:
    env = {
        **os.environ,
        "PROMPT_TOOLKIT_NO_CPR": "1",
        "TERM": "xterm",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "COLUMNS": "120",
    }
    assert WIZARD, "koprade-wizard is not installed next to the test interpreter"
    child = pexpect.spawn(WIZARD, ["--steps", str(MINI), *args], cwd=str(cwd), env=env,
                          encoding="utf-8", timeout=10, dimensions=(40, 120))
    return child


def answers_of(path: Path) -> dict[str, object]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_ctrl_c_at_first_question_leaves_a_resume_file(tmp_path: Path) -> None:
    child = spawn(tmp_path, "--lang", "en")
    child.expect("What is your initiative called")
    child.send(CTRL_C)
    child.expect("Resume with: koprade-wizard --answers koprade-answers.yaml")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "Traceback" not in (child.before or "")
    saved = answers_of(tmp_path / "koprade-answers.yaml")
    assert saved["pack"] == "mini"
    assert saved["status"] == "in_progress"
    assert saved["answers"] == {}
    assert saved["position"] == "name"


def test_answer_back_change_interrupt_resume_finish(tmp_path: Path) -> None:
    answers_file = tmp_path / "koprade-answers.yaml"
    child = spawn(tmp_path, "--lang", "en")
    child.expect("What is your initiative called")
    child.send("Ērgļu koprade" + ENTER)
    child.expect("Who founds the space")
    child.send(DOWN + ENTER)  # an association
    child.expect("How many members")
    child.send("1" + ENTER)  # below the minimum: the prompt stays and explains
    child.expect("at least 2 founders")
    child.send("\x7f" + "4" + ENTER)
    child.expect("Have you found premises")
    # Go back to the members question: its stored answer is the default.
    # The pointer starts on the pack's default ("No"); one step down is "Back".
    child.send(DOWN + ENTER)
    child.expect("How many members")
    child.send("\x7f5" + ENTER)  # 4 -> 5
    child.expect("Have you found premises")
    assert answers_of(answers_file)["answers"]["members"] == 5
    child.send(UP + ENTER)  # yes
    child.expect(r"How large is the area\? \(m²\)")
    child.send(CTRL_C)
    child.expect("Resume with")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    saved = answers_of(answers_file)
    assert saved["answers"] == {
        "name": "Ērgļu koprade", "founder": "association", "members": 5, "has_premises": True,
    }
    assert saved["position"] == "area"

    # Starting again finds the unfinished file and offers to resume it.
    child = spawn(tmp_path, "--lang", "en")
    child.expect("Unfinished answers found")
    child.expect("Continue where I stopped")
    child.send(ENTER)  # the first offer: continue
    child.expect("How large is the area")
    child.expect("50")  # default_expr: members * 10
    child.send(ENTER)
    child.expect("What do you want")
    child.send(" " + DOWN + " " + ENTER)  # kitchen and workshop
    child.expect("When do you want to open")
    child.send("2027-05-01" + ENTER)
    child.expect("Notes")  # asked because a workshop was chosen
    child.send("Kokapstrāde <b>&</b>" + ENTER)
    child.expect("Review your answers")
    # Change "has premises" from the review: the area answer is dropped.
    child.send("premises")  # type-to-filter the review list
    child.send(ENTER)
    child.expect("Have you found premises")
    child.send(DOWN + ENTER)  # no
    child.expect("Review your answers")
    child.expect_exact("No longer asked, answers removed: How large is the area?")
    child.send(ENTER)  # finish
    # The plan in English, and on request in Latvian too (for the LEADER group).
    child.expect_exact(t("plan_lang_question", "en"))
    child.expect_exact(t("plan_lang_also", "en", language="Latvian"))
    child.send(DOWN + ENTER)
    child.expect(pexpect.EOF, timeout=PLAN_TIMEOUT)
    child.close()
    assert child.exitstatus == 0, child.before
    # Finishing writes the plan beside the answers file.
    plan = tmp_path / "koprade-plan.md"
    assert plan.read_text(encoding="utf-8").startswith("# ")
    assert (tmp_path / "koprade-plan.pdf").read_bytes().startswith(b"%PDF")
    latvian = (tmp_path / "koprade-plan-lv.md").read_text(encoding="utf-8")
    assert t("h_onepager", "lv") in latvian and t("h_onepager", "en") not in latvian
    assert (tmp_path / "koprade-plan-lv.pdf").read_bytes().startswith(b"%PDF")
    final = answers_of(answers_file)
    assert final["status"] == "complete"
    assert "area" not in final["answers"]
    assert final["answers"]["wishes"] == ["kitchen", "workshop"]
    assert final["answers"]["notes"] == "Kokapstrāde <b>&</b>"
    assert str(final["answers"]["opening"]) == "2027-05-01"


def test_kill_9_loses_at_most_the_answer_being_typed(tmp_path: Path) -> None:
    child = spawn(tmp_path, "--lang", "en")
    child.expect("What is your initiative called")
    child.send("Hub" + ENTER)
    child.expect("Who founds the space")
    child.send(DOWN + ENTER)
    child.expect("How many members")
    child.send("7")  # typed, not yet confirmed
    child.kill(signal.SIGKILL)
    child.wait()
    saved = answers_of(tmp_path / "koprade-answers.yaml")
    assert saved["answers"] == {"name": "Hub", "founder": "association"}
    assert saved["position"] == "members"
    assert [p.name for p in tmp_path.iterdir()] == ["koprade-answers.yaml"]  # no temp file


def test_a_complete_file_without_its_optional_answers_goes_to_the_review(tmp_path: Path) -> None:
    # Written by hand: "wishes" and "opening" are optional and left out, not unfinished.
    answers = {"name": "Hub", "founder": "person", "has_premises": False}
    (tmp_path / "koprade-answers.yaml").write_text(yaml.safe_dump(
        {"pack": "mini", "language": "en", "status": "complete", "answers": answers}),
        encoding="utf-8")
    child = spawn(tmp_path, "--lang", "en")
    child.expect_exact(t("offer_complete", "en", file="koprade-answers.yaml"))
    child.send(ENTER)  # change an answer: the review
    child.expect("Review your answers")
    # The optional questions left out are not asked again.
    assert "What do you want?" not in child.before
    assert "When do you want to open?" not in child.before
    child.send(CTRL_C)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130


def test_finishing_again_asks_before_replacing_the_plan(tmp_path: Path) -> None:
    answers = {"name": "Hub", "founder": "person", "has_premises": False, "wishes": [],
               "opening": None}
    (tmp_path / "koprade-answers.yaml").write_text(yaml.safe_dump(
        {"pack": "mini", "language": "en", "answers": answers}), encoding="utf-8")
    (tmp_path / "koprade-plan.md").write_text("my edited plan", encoding="utf-8")
    child = spawn(tmp_path, "--lang", "en", "--answers", "koprade-answers.yaml")
    child.expect("Review your answers")
    child.send(ENTER)  # finish
    child.expect_exact(t("plan_lang_question", "en"))
    child.send(ENTER)  # only in English
    child.expect("Replace it")
    child.send("n")
    child.expect("Plan written", timeout=PLAN_TIMEOUT)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert (tmp_path / "koprade-plan.md").read_text(encoding="utf-8") == "my edited plan"
    kept_apart = sorted(p.name for p in tmp_path.glob("koprade-plan-*.md"))
    assert len(kept_apart) == 1
