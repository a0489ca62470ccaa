"""The bundled guidance: size, branching, languages, municipalities and examples."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from koprade_wizard.cli import run
from koprade_wizard.cli.wiring import load_pack as load_tree
from koprade_wizard.guidance.municipalities import MUNICIPALITIES

ROOT = Path(__file__).resolve().parent.parent
STEPS = ROOT / "steps"
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
LATVIAN_LETTERS = set("āčēģīķļņšūž")


@pytest.fixture(scope="module")
def rows() -> list[dict[str, object]]:
    result = subprocess.run(
        [sys.executable, "-m", "koprade_wizard", "questions", "--json"],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )
    return json.loads(result.stdout)


def test_at_least_60_questions_over_the_six_steps(rows: list[dict[str, object]]) -> None:
    steps = Counter(str(r["step"]) for r in rows)
    assert list(steps) == ["profile", "demand", "premises", "resources", "funding", "community"]
    assert len(rows) >= 60
    assert min(steps.values()) >= 5


def test_branching_really_changes_the_path(rows: list[dict[str, object]]) -> None:
    conditional = [r for r in rows if r["when"]]
    assert len(conditional) >= 15
    # Conditions hang on several different earlier answers, not on one switch.
    assert len({str(r["when"]).split()[0] for r in conditional}) >= 8


def test_every_label_and_choice_is_in_latvian_and_english(rows: list[dict[str, object]]) -> None:
    for row in rows:
        label = row["label"]
        assert isinstance(label, dict)
        assert label["lv"].strip() and label["en"].strip(), row["id"]
        assert label["lv"] != label["en"], row["id"]
        for choice in row.get("choices", []):  # type: ignore[union-attr]
            assert choice["label"]["lv"].strip() and choice["label"]["en"].strip()
    tree = load_tree(STEPS, use_cache=False)
    latvian = " ".join(
        [q.label["lv"] + " " + (q.help or {}).get("lv", "") for q in tree.questions()]
        + [rule.detail["lv"] for _, rule in tree.actions()]
    )
    # Written with the real letters, not an ASCII stand-in for them.
    assert set(latvian.lower()) >= LATVIAN_LETTERS


def test_municipality_question_offers_exactly_the_current_municipalities() -> None:
    tree = load_tree(STEPS, use_cache=False)
    question = tree.question("municipality")
    offered = {c.value: c.label["lv"] for c in question.choices}
    expected = {m.slug: m.official_lv for m in MUNICIPALITIES}
    assert offered == expected
    assert len(offered) == 42
    assert offered["riga"] == "Rīgas valstspilsēta"
    assert offered["kekavas-novads"] == "Ķekavas novads"
    assert "varaklanu-novads" not in offered  # joined Madonas novads on 1 July 2025
    sync = subprocess.run([sys.executable, str(ROOT / "tools" / "sync_municipalities.py"),
                           "--check"], capture_output=True, text=True)
    assert sync.returncode == 0, "steps/profile.yaml is out of date: run the sync tool"


def test_action_rules_cover_every_step_and_phase() -> None:
    tree = load_tree(STEPS, use_cache=False)
    actions = tree.actions()
    assert len(actions) >= 40
    assert {step.id for step, _ in actions} == {s.id for s in tree.steps}
    phases = Counter(rule.phase for _, rule in actions)
    assert set(phases) == {"awareness", "concept", "installation", "development"}
    assert min(phases.values()) >= 5
    for _, rule in actions:
        assert rule.detail["lv"].strip() and rule.detail["en"].strip()


def test_at_least_six_examples_of_different_founders() -> None:
    assert len(EXAMPLES) >= 6
    import yaml

    founders = {yaml.safe_load(p.read_text(encoding="utf-8"))["answers"]["founder_type"]
                for p in EXAMPLES}
    languages = {yaml.safe_load(p.read_text(encoding="utf-8"))["language"] for p in EXAMPLES}
    assert len(founders) >= 5
    assert languages == {"lv", "en"}


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_example_passes_check(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["check", "--answers", str(example), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "0 still open" in out


@pytest.mark.parametrize(("name", "pack"), [("step", False), ("pack", True)])
def test_bundled_schema_files_are_the_generated_ones(name: str, pack: bool) -> None:
    from koprade_wizard.pack.schema import schema_text

    committed = (STEPS / "schema" / f"{name}.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(pack=pack), (
        f"regenerate with: koprade-wizard schema {'--pack ' if pack else ''}"
        f"> steps/schema/{name}.schema.json")
    for step_file in STEPS.glob("*.yaml"):
        first = step_file.read_text(encoding="utf-8").splitlines()[0]
        expected = "pack" if step_file.name == "pack.yaml" else "step"
        assert first == f"# yaml-language-server: $schema=schema/{expected}.schema.json"
