"""The plan contract: what the plan reads from the answers is declared in plan/contract.py;
the code and templates read nothing else, and ``check`` says where a pack differs."""

from __future__ import annotations

import shutil
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import pytest
from plan_reads import PLAN_CODE, TEMPLATES, Read, plan_reads

from koprade_wizard import cli
from koprade_wizard.cli.wiring import load_pack
from koprade_wizard.common.paths import steps_dir
from koprade_wizard.i18n.messages import t
from koprade_wizard.pack.tree import DecisionTree
from koprade_wizard.plan import contract


@pytest.fixture(scope="module")
def bundled() -> DecisionTree:
    return load_pack(steps_dir(), use_cache=False)


def _choices(tree: DecisionTree) -> dict[str, list[str]]:
    return {q.id: list(q.choice_values) for q in tree.questions()}


@pytest.fixture(scope="module")
def reads(bundled: DecisionTree) -> list[Read]:
    return plan_reads(_choices(bundled))


def test_every_question_and_choice_the_plan_reads_is_declared(reads: list[Read]) -> None:
    undeclared = [str(r) for r in reads if r.qid not in contract.BY_ID
                  or (r.value is not None and r.value not in contract.BY_ID[r.qid].choices)]
    assert not undeclared, "declare these in plan/contract.py:\n" + "\n".join(undeclared)


def test_every_declaration_is_read_somewhere(reads: list[Read]) -> None:
    """No stale declarations: a declared read the code no longer makes is removed."""
    found: dict[str, set[str | None]] = defaultdict(set)
    for r in reads:
        found[r.qid].add(r.value)
    stale = [f"{d.qid} = {v!r}" for d in contract.READS for v in (None, *d.choices)
             if v not in found[d.qid]]
    assert not stale, "plan/contract.py declares reads the plan does not make: " + str(stale)


def test_the_bundled_pack_gives_the_plan_all_it_reads(bundled: DecisionTree) -> None:
    assert contract.compare(bundled) == []


def test_declarations_name_real_parts_once() -> None:
    assert len(contract.BY_ID) == len(contract.READS)
    for read in contract.READS:
        assert read.parts and set(read.parts) <= set(contract.PARTS), read
        assert read.kinds, read


def test_the_scan_sees_reads_through_names_tables_and_calls(tmp_path: Path,
                                                            bundled: DecisionTree) -> None:
    """The scan itself: a read in each of the shapes the plan uses is found."""
    code = tmp_path / "reader.py"
    code.write_text(
        '_TABLE = {"ready": 1, "heavy": 2}\n'
        "def helper(value):\n"
        '    return value == "sold"\n'
        "def build(a):\n"
        '    tenure = a.get("tenure")\n'
        '    works = _TABLE.get(a.get("condition") or "")\n'
        '    kinds = [k for k in a.get("workshop_kinds") or [] if k in ("pottery",)]\n'
        '    return tenure != "rented", works, kinds, helper(a.get("furniture"))\n',
        encoding="utf-8")
    template = tmp_path / "part.md.j2"
    template.write_text(
        "{% set h = a.get('heating') %}{% if h == 'peat' %}!{% endif %}\n"
        "{% macro m(x) %}{{ 'y' if x == 'gas' else '' }}{% endmacro %}{{ m(a.get('access')) }}\n"
        "{% for e in a.get('events') or [] %}{% if e in ['fair'] %}!{% endif %}{% endfor %}\n"
        "{{ s('heating') }}\n",
        encoding="utf-8")
    found = {(r.qid, r.value) for r in plan_reads(_choices(bundled), [code], [template])}
    assert {("tenure", "rented"), ("condition", "ready"), ("workshop_kinds", "pottery"),
            ("furniture", "sold"), ("heating", "peat"), ("access", "gas"),
            ("events", "fair")} <= found
    # A mapping's keys count only where they are the question's choices ("heavy" is not).
    assert ("condition", "heavy") not in found
    # A phrase key is not a question, though one is named alike.
    assert [r.where for r in plan_reads(_choices(bundled), [], [template])
            if r.qid == "heating" and r.value is None] == [f"{template}:1"]


def test_the_scan_covers_the_plan_code_and_every_section() -> None:
    names = {p.name for p in PLAN_CODE}
    assert {"data.py", "output.py", "funding.py"} <= names
    assert {p.name for p in TEMPLATES} >= {"plan.md.j2", "08-budget.md.j2"}


# -- check on a trainer's pack --------------------------------------------------------

def _pack_copy(tmp_path: Path) -> Path:
    target = tmp_path / "steps"
    shutil.copytree(steps_dir(), target)
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_check_says_a_renamed_choice_breaks_parts_of_the_plan(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    steps = _pack_copy(tmp_path)
    _edit(steps / "premises.yaml", "- value: major\n", "- value: heavy\n")
    _edit(steps / "premises.yaml", "condition == 'major'", "condition == 'heavy'")
    assert cli.run(["check", "--steps", str(steps), "--lang", "en"]) == 1
    out = capsys.readouterr().out
    parts = ", ".join(t(f"part_{p}", "en") for p in contract.BY_ID["condition"].parts)
    assert "budget" in parts
    assert t("plan_read_gone", "en", parts=parts, id="condition", value="major") in out
    assert t("plan_read_unknown", "en", parts=parts, id="condition", value="heavy") in out
    assert f"{steps / 'premises.yaml'}:" in out  # where the question is written


def test_check_says_a_changed_kind_breaks_parts_of_the_plan(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    steps = _pack_copy(tmp_path)
    _edit(steps / "community.yaml", "  - id: join_network\n    kind: yes_no\n",
          "  - id: join_network\n    kind: text\n")
    assert cli.run(["check", "--steps", str(steps), "--lang", "lv"]) == 1
    out = capsys.readouterr().out
    assert t("plan_read_kind", "lv", parts=t("part_community", "lv"), id="join_network",
             found="text", expected="yes_no") in out


def test_check_lists_the_questions_the_plan_no_longer_finds(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A question renamed is no error (the plan leaves out what it cannot read), but
    check says which parts of the plan lose it."""
    steps = _pack_copy(tmp_path)
    demand = steps / "demand.yaml"
    demand.write_text(demand.read_text(encoding="utf-8").replace("days_per_week", "days_a_week"),
                      encoding="utf-8")
    assert cli.run(["check", "--steps", str(steps), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert t("plan_reads_missing", "en", n=1) in out
    assert f"    {t('part_demand', 'en')}: days_per_week\n" in out


def test_a_pack_of_its_own_hears_only_of_what_it_shares(
        make_pack: Callable[..., Path]) -> None:
    """The mini pack is one of its own: the plan's missing questions are not listed,
    but a question it shares with the plan is still compared."""
    mini = load_pack(make_pack(), use_cache=False)
    assert contract.own_pack(mini) and mini.find("notes") is not None
    assert contract.compare(mini) == []
    changed = load_pack(make_pack(("place.yaml", "  - id: notes\n    kind: long_text",
                                   "  - id: notes\n    kind: integer"), name="changed"),
                        use_cache=False)
    assert contract.compare(changed) == [
        contract.Finding(contract.BY_ID["notes"], "kind", "integer")]


def test_check_of_the_bundled_pack_says_the_plan_finds_everything(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.run(["check", "--lang", "en"]) == 0
    assert t("plan_reads_ok", "en") in capsys.readouterr().out
