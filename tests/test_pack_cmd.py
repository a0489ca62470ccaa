"""pack init / pack test: a trainer's own pack, and what an edit changes in the plans."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_cli import invoke

from koprade_wizard.cli import packtest
from koprade_wizard.i18n.messages import t

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("own") / "pack"
    assert invoke(["pack", "init", str(folder), "--with-templates", "--lang", "en"]) == 0
    return folder


def test_init_copies_the_pack_its_examples_and_their_plans(pack: Path) -> None:
    assert (pack / "pack.yaml").is_file() and (pack / "templates" / "plan.md.j2").is_file()
    assert sorted(p.name for p in (pack / "examples").glob("*.yaml")) == [
        p.name for p in EXAMPLES]
    for example in EXAMPLES:
        assert packtest.expected_path(pack, example.stem).read_text(
            encoding="utf-8").startswith("# ")


def test_init_refuses_a_folder_in_use(pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert invoke(["pack", "init", str(pack), "--lang", "en"]) == 2
    assert t("pack_init_not_empty", "en") in capsys.readouterr().err


def test_an_edit_is_shown_as_a_diff_and_accepted_with_update(
        pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert invoke(["pack", "test", str(pack), "--lang", "en"]) == 0
    assert t("pack_test_same", "en", n=len(EXAMPLES)) in capsys.readouterr().out
    # A template change that alters every plan: the risks heading.
    section = pack / "templates" / "sections" / "12-risks.md.j2"
    text = section.read_text(encoding="utf-8")
    heading = next(line for line in text.splitlines() if line.startswith("## "))
    section.write_text(text.replace(heading, f"{heading} (edited)", 1), encoding="utf-8")
    assert invoke(["pack", "test", str(pack), "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert t("pack_status_changed", "en") in out
    assert "(edited)" in out and "+## " in out and "-## " in out
    assert t("pack_test_differs", "en", n=len(EXAMPLES), total=len(EXAMPLES)) in out
    assert invoke(["pack", "test", str(pack), "--update", "--lang", "en"]) == 0
    assert invoke(["pack", "test", str(pack), "--lang", "en"]) == 0
    assert "(edited)" in packtest.expected_path(pack, EXAMPLES[0].stem).read_text(
        encoding="utf-8")


def test_a_step_file_edit_changes_only_the_plans_it_reaches(pack: Path) -> None:
    funding = pack / "funding.yaml"
    text = funding.read_text(encoding="utf-8")
    assert text.count("Uzrakstiet biznesa plānu 3–5 gadiem") == 1
    funding.write_text(text.replace("Uzrakstiet biznesa plānu 3–5 gadiem",
                                    "Uzrakstiet biznesa plānu trim gadiem"), encoding="utf-8")
    results = {r.example: r for r in packtest.compare_examples(pack, "en")}
    changed = {k for k, r in results.items() if r.status == packtest.CHANGED}
    # Only the Latvian plans that fire that rule say it.
    assert changed and "newcomer-english" not in changed
    assert all("trim gadiem" in results[k].diff for k in changed)


def test_new_gone_and_broken_examples_are_named(pack: Path) -> None:
    (pack / "examples" / "broken.yaml").write_text("pack: koprade\nanswers: [", encoding="utf-8")
    (pack / "examples" / EXAMPLES[1].name).rename(pack / "examples" / "renamed.yaml")
    status = {r.example: r.status for r in packtest.compare_examples(pack, "en")}
    assert status["broken"] == packtest.FAILED
    assert status["renamed"] == packtest.NEW
    assert status[EXAMPLES[1].stem] == packtest.GONE
