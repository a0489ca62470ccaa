"""workshop render: a folder of answers files, warm workers, one bad file does not stop the rest."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from test_cli import program

from koprade_wizard.cli.batch import FAILED, OK, BatchJob, flag_duplicates, run_batch
from koprade_wizard.i18n.messages import t

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three examples, a copy of one under another name, a broken and a foreign file."""
    answers = tmp_path / "answers"
    answers.mkdir()
    for example in EXAMPLES[:3]:
        shutil.copy(example, answers / example.name)
    shutil.copy(EXAMPLES[0], answers / "again.yaml")
    (answers / "broken.yaml").write_text("pack: koprade\nanswers: [1, 2\n", encoding="utf-8")
    (answers / "foreign.yaml").write_text("pack: bakery\nanswers: {flour: 3}\n",
                                          encoding="utf-8")
    (answers / "notes.txt").write_text("not an answers file", encoding="utf-8")
    unfinished = yaml.safe_load(EXAMPLES[1].read_text(encoding="utf-8"))
    del unfinished["answers"]["initiative_name"]
    (answers / "unfinished.yaml").write_text(yaml.safe_dump(unfinished, allow_unicode=True),
                                             encoding="utf-8")
    return answers


def test_every_good_plan_is_written_and_every_bad_file_named(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "plans"
    done = program("workshop", "render", str(folder), "--out", str(out), "--format", "md,json",
                   "--jobs", "2", "--lang", "en", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    for example in EXAMPLES[:3]:
        stem = example.stem
        assert (out / f"{stem}-plan.md").read_text(encoding="utf-8").startswith("# ")
        assert json.loads((out / f"{stem}-plan.json").read_text(encoding="utf-8"))["schema"]
    assert (out / "again-plan.md").exists()
    assert not [p for p in out.iterdir() if p.name.startswith(("broken", "foreign", "unfin"))]
    # The reasons, by file: the YAML line, the other pack.
    assert "broken.yaml: 2:" in done.stderr
    assert "foreign.yaml:" in done.stderr and "bakery" in done.stderr
    assert "unfinished.yaml:" in done.stderr and "initiative_name" in done.stderr
    # The copy is flagged both ways, naming the initiative.
    name = "Skultes darbnīca un koprade"
    assert done.stdout.count(name) >= 2
    assert "again.yaml" in done.stdout and EXAMPLES[0].name in done.stdout
    assert t("workshop_done", "en", ok=4, failed=3, total=7) in done.stdout
    assert "7/7" in done.stderr  # the progress bar got to the end


def test_existing_plans_are_kept_unless_forced(folder: Path, tmp_path: Path) -> None:
    for extra in ("again.yaml", "broken.yaml", "foreign.yaml", "unfinished.yaml"):
        (folder / extra).unlink()
    for example in EXAMPLES[1:3]:
        (folder / example.name).unlink()
    plan = folder / f"{EXAMPLES[0].stem}-plan.md"
    plan.write_text("mine", encoding="utf-8")
    kept = program("workshop", "render", str(folder), "--format", "md", cwd=tmp_path)
    assert kept.returncode == 1
    assert plan.read_text(encoding="utf-8") == "mine"
    forced = program("workshop", "render", str(folder), "--format", "md", "--force",
                     cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert plan.read_text(encoding="utf-8").startswith("# ")


def test_results_come_back_in_file_order_from_the_pool(folder: Path, tmp_path: Path) -> None:
    files = sorted(folder.glob("*.yaml"))
    jobs = [BatchJob(p, tmp_path, ("md",), ROOT / "steps") for p in files]
    started: list[str] = []
    results = run_batch(jobs, 2, on_start=lambda job: started.append(job.path.name))
    assert [r.file for r in results] == files
    assert sorted(started) == sorted(p.name for p in files)
    status = {r.file.name: r.status for r in results}
    assert status["broken.yaml"] == FAILED and status["foreign.yaml"] == FAILED
    assert status["again.yaml"] == OK


def test_duplicates_ignore_case_spaces_and_quotes() -> None:
    from koprade_wizard.cli.batch import BatchResult

    rows = flag_duplicates([
        BatchResult(Path("a.yaml"), OK, "Biedrība “Skultes darbnīca”"),
        BatchResult(Path("b.yaml"), OK, "biedrība  \"skultes darbnīca\""),
        BatchResult(Path("c.yaml"), OK, "Cita iniciatīva"),
        BatchResult(Path("d.yaml"), FAILED, ""),
    ])
    assert rows[0].duplicate_of == (Path("b.yaml"),)
    assert rows[1].duplicate_of == (Path("a.yaml"),)
    assert rows[2].duplicate_of == () and rows[3].duplicate_of == ()


def test_a_missing_or_empty_folder_is_a_usage_error(tmp_path: Path) -> None:
    missing = program("workshop", "render", str(tmp_path / "nowhere"), "--lang", "en",
                      cwd=tmp_path)
    assert missing.returncode == 2
    assert t("workshop_no_folder", "en") in missing.stderr
    empty = program("workshop", "render", str(tmp_path), "--lang", "en", cwd=tmp_path)
    assert empty.returncode == 2
    assert "Traceback" not in empty.stderr
