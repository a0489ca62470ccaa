"""workshop summary: the group report counts what the plans' data says."""

from __future__ import annotations

import datetime as dt
import json
import random
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from bundled import bundled_tree
from test_cli import WIZARD

from koprade_wizard.cli.wiring import load_pack
from koprade_wizard.guidance import territories
from koprade_wizard.interview import answers_file
from koprade_wizard.pack import applicability
from koprade_wizard.plan.group import build_group, read_documents
from koprade_wizard.plan.group_report import render_group_markdown
from koprade_wizard.plan.output import PlanRequest, write_plan

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
TREE = bundled_tree()
def program(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    # A PDF on a loaded two-core machine can take far longer than the CLI tests allow.
    return subprocess.run([str(WIZARD), *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300, stdin=subprocess.DEVNULL)


PLACES = ["marupes-novads", "olaines-novads", "ogres-novads", "kekavas-novads",
          "aizkraukles-novads", "bauskas-novads", "cesu-novads"]


def _held_out(folder: Path, count: int, seed: int) -> list[dict[str, object]]:
    """``count`` founders made from the examples with other places and names; their data
    written to ``folder``; returns the answers used."""
    rng = random.Random(seed)
    used = []
    for i in range(count):
        data = answers_file.load(rng.choice(EXAMPLES), "en")
        answers = dict(data.answers)
        answers["municipality"] = rng.choice(PLACES)
        answers["initiative_name"] = f"Iniciatīva {i}"
        answers["settlement"] = rng.choice(["Ciems A", "Ciems B", f"Vieta {i}", "Ogre"])
        # A split municipality asks where in it the space is; these founders are not sure.
        for key in [k for k in answers if k.startswith("lag_area_")]:
            del answers[key]
        area = territories.area_question_id(str(answers["municipality"]))
        if TREE.find(area) is not None:
            answers[area] = "not-sure"
        typed = answers_file.validate(TREE, answers_file.AnswersFile(
            pack=data.pack, pack_version=data.pack_version, language="en", answers=answers))
        write_plan(PlanRequest(TREE, typed, "en", folder / f"f{i:02d}-plan", ("json",),
                               today=dt.date(2026, 11, 27)))
        used.append(typed)
    return used


@pytest.fixture(scope="module")
def held_out(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, object]]]:
    folder = tmp_path_factory.mktemp("group")
    return folder, _held_out(folder, 14, seed=7)


def _lag_name(a: dict[str, object]) -> str:
    """The LEADER group the territory data gives for a founder's place ("-": none)."""
    slug = str(a["municipality"])
    area = a.get(territories.area_question_id(slug))
    verdict = territories.resolve_lag(slug, str(area) if area else None)
    if verdict is None or verdict.status == "out":
        return "-"
    return ", ".join(g.name for g in verdict.groups)


def test_counts_by_municipality_lag_stage_and_founder(
        held_out: tuple[Path, list[dict[str, object]]]) -> None:
    folder, used = held_out
    documents, problems = read_documents(folder)
    assert problems == [] and len(documents) == len(used)
    group = build_group(documents)
    assert dict(group.by_municipality) == Counter(str(a["municipality"]) for a in used)
    expected_lag = Counter()
    for a in used:
        expected_lag[_lag_name(a)] += 1
    assert dict(group.by_lag) == expected_lag
    assert dict(group.by_stage) == Counter(str(a["stage"]) for a in used)
    assert dict(group.by_founder_type) == Counter(str(a["founder_type"]) for a in used)
    # premises_found may come from its default (from the stage), as the interview gives it.
    found = sum(applicability.evaluate(TREE, a).context.get("premises_found") is True
                for a in used)
    assert group.premises[0] == found
    assert group.respondents == sum(int(a.get("survey_respondents") or 0) for a in used)
    assert group.founding_members == sum(int(a.get("founding_members") or 0) for a in used)
    wanted = Counter(r for a in used for r in set(a.get("funding_routes") or []))
    leader = next(r for r in group.routes if r.route == "leader_economy")
    assert leader.wanted_by == wanted["leader"]


def test_founders_in_one_place_or_lag_are_put_together(
        held_out: tuple[Path, list[dict[str, object]]]) -> None:
    folder, used = held_out
    group = build_group(read_documents(folder)[0])
    for cluster in group.clusters:
        members = [a for a in used if a["initiative_name"] in cluster.members]
        assert len(members) == len(cluster.members) >= 2
        if cluster.kind == "parish":
            assert len({(a["municipality"], a["settlement"]) for a in members}) == 1
        else:
            assert len({_lag_name(a) for a in members}) == 1
    by_place = Counter((a["municipality"], a["settlement"]) for a in used)
    assert sum(1 for c in group.clusters if c.kind == "parish") == sum(
        1 for n in by_place.values() if n > 1)


def test_the_report_names_every_initiative_and_its_municipality(
        held_out: tuple[Path, list[dict[str, object]]]) -> None:
    folder, used = held_out
    group = build_group(read_documents(folder)[0])
    markdown = render_group_markdown(group, load_pack(ROOT / "steps"), "lv", folder)
    for a in used:
        assert str(a["initiative_name"]) in markdown
    assert "Bauskas novads" in markdown or "bauskas-novads" not in {a["municipality"]
                                                                   for a in used}
    assert "```mermaid\nxychart-beta" in markdown  # the stages chart


def test_summary_command_writes_md_pdf_json_and_skips_foreign_json(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    used = _held_out(folder, 3, seed=1)
    (folder / "other.json").write_text('{"something": "else"}', encoding="utf-8")
    (folder / "bad.json").write_text("{oops", encoding="utf-8")
    done = program("workshop", "summary", str(folder), "--lang", "en", cwd=tmp_path)
    assert done.returncode == 1  # the broken JSON is reported
    assert "bad.json" in done.stderr and "other.json" not in done.stderr
    data = json.loads((folder / "workshop-summary.json").read_text(encoding="utf-8"))
    assert len(data["initiatives"]) == len(used)
    assert (folder / "workshop-summary.pdf").read_bytes().startswith(b"%PDF")
    md = (folder / "workshop-summary.md").read_text(encoding="utf-8")
    assert md.startswith("# Workshop group report")
    again = program("workshop", "summary", str(folder), "--lang", "en", cwd=tmp_path)
    assert again.returncode == 1 and "workshop-summary" in again.stderr


def test_links_point_at_the_plans_beside_the_data(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    _held_out(folder, 1, seed=3)
    (folder / "f00-plan.pdf").write_bytes(b"%PDF-1.7")
    group = build_group(read_documents(folder)[0])
    out = tmp_path / "report"
    markdown = render_group_markdown(group, TREE, "en", out)
    assert "[f00-plan.pdf](../plans/f00-plan.pdf)" in markdown
