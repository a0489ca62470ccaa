"""The command line: in-process through cli.run, and the installed program for exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from koprade_wizard import __version__, cli
from koprade_wizard.common.errors import UsageError
from koprade_wizard.i18n.messages import LANGS, t, tn

WIZARD = Path(sys.executable).parent / "koprade-wizard"
MakePack = Callable[..., Path]


def invoke(argv: list[str]) -> int:
    """cli.run, with argparse's own exits (--version) turned into their code too."""
    try:
        return cli.run(argv)
    except SystemExit as exc:
        return int(exc.code or 0)


def program(*args: str, cwd: Path, stdin: Any = subprocess.DEVNULL,
            text_in: str | None = None) -> subprocess.CompletedProcess[str]:
    assert WIZARD.exists(), "koprade-wizard is not installed next to the test interpreter"
    return subprocess.run([str(WIZARD), *args], cwd=cwd, capture_output=True, text=True,
                          timeout=30, stdin=None if text_in is not None else stdin,
                          input=text_in)


def write_answers(path: Path, values: dict[str, Any], pack: str = "mini") -> Path:
    body = {"pack": pack, "pack_version": "1", "language": "en", "answers": values}
    path.write_text(yaml.safe_dump(body, allow_unicode=True), encoding="utf-8")
    return path


PERSON = {"name": "Ērgļu koprade", "founder": "person", "has_premises": False,
          "wishes": ["workshop"], "opening": "2027-03-01", "notes": "Kokapstrāde"}


# --- --version and usage ---------------------------------------------------------------

def test_version(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert invoke(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"koprade-wizard {__version__}"

    done = program("--version", cwd=tmp_path)
    assert done.returncode == 0
    assert done.stdout.strip() == f"koprade-wizard {__version__}"


@pytest.mark.parametrize("argv", [["check", "--bogus"], ["--lang", "de", "check"],
                                  ["questions", "--json", "extra"], ["frobnicate"]])
def test_wrong_usage_exits_2(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert invoke(argv) == 2
    err = capsys.readouterr().err
    assert "koprade-wizard" in err
    assert "Traceback" not in err

    done = program(*argv, cwd=tmp_path)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr


def test_a_command_builds_only_its_own_part_of_the_command_line(
        capsys: pytest.CaptureFixture[str]) -> None:
    from koprade_wizard.cli import main

    whole = main._parser("en")
    assert main._parser("en", "render").parse_args(["render", "a.yaml"]).answers_file == Path(
        "a.yaml")
    with pytest.raises(UsageError):  # the other commands are not there to be parsed
        main._parser("en", "render").parse_args(["check"])
    assert whole.parse_args(["check"]).command == "check"
    # A mistyped command is told against all of them, and a command's help is whole.
    assert invoke(["rendr"]) == 2
    err = capsys.readouterr().err
    assert all(name in err for name in main._COMMANDS)
    assert invoke(["render", "--help"]) == 0
    out = capsys.readouterr().out
    assert "--format" in out and "--force" in out


# --- check ---------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_check_on_the_mini_pack_passes(
    mini: Path, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert invoke(["check", "--steps", str(mini), "--lang", lang]) == 0

    out = capsys.readouterr()
    ok = t("check_ok", lang, path=mini, steps=tn("count_steps", 2, lang),
           questions=tn("count_questions", 8, lang),
           actions=tn("count_action_rules", 2, lang))
    # Then only the note on the two choices no condition compares with.
    assert out.out == "\n".join([ok, tn("check_unread_choices", 2, lang),
                                 "  founder: person", "  wishes: kitchen"]) + "\n"
    assert out.err == ""


def test_check_on_the_mini_pack_exits_0(mini: Path, tmp_path: Path) -> None:
    done = program("check", "--steps", str(mini), cwd=tmp_path)
    assert done.returncode == 0, done.stderr


BROKEN = [
    ("yaml-syntax", ("about.yaml", "    kind: text\n", "      kind: text\n"), "about.yaml:5",
     "yaml_syntax"),
    ("unclosed-quote", ("pack.yaml", 'version: "1"', 'version: "1'), "pack.yaml:2",
     "yaml_syntax"),
    ("unsafe-tag", ("place.yaml", "    required: false\n    when:",
                    '    required: !!python/object/apply:os.system ["touch {marker}"]\n'
                    "    when:"), "place.yaml:27", "unsafe_tag"),
    ("list-for-mapping", ("about.yaml", None, "- id: about\n- title: x\n"), "about.yaml:1",
     "not_mapping"),
    ("empty-file", ("place.yaml", None, ""), "place.yaml:1", "empty_file"),
]


def _start_of(key: str, lang: str) -> str:
    """The catalogue text of ``key`` up to its first placeholder."""
    return t(key, lang).split("{")[0]


@pytest.mark.parametrize(("name", "edit", "where", "key"), BROKEN, ids=[b[0] for b in BROKEN])
def test_check_on_a_broken_pack_prints_file_and_line(
    name: str, edit: tuple[str, str | None, str], where: str, key: str, tmp_path: Path,
    make_pack: MakePack,
) -> None:
    marker = Path("/tmp") / f"PWNED_{uuid.uuid4().hex}"
    file, old, new = edit
    make_pack((file, old, new.replace("{marker}", str(marker))))

    done = program("check", "--steps", "pack", "--lang", "en", cwd=tmp_path)

    assert done.returncode == 1
    assert "Traceback" not in done.stderr + done.stdout
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(f"pack/{where}: {_start_of(key, 'en')}")
    assert not marker.exists()


def test_check_in_process_reports_every_problem_to_stderr(
    tmp_path: Path, make_pack: MakePack, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    make_pack(("about.yaml", "when: founder == 'association'", "when: founder == 'company'"),
              ("place.yaml", "phase: concept", "phase: planning"))

    assert invoke(["check", "--steps", "pack", "--lang", "lv"]) == 1

    out = capsys.readouterr()
    assert out.out == ""
    assert [line.split(": ")[0] for line in out.err.splitlines()] == [
        "pack/about.yaml:22", "pack/place.yaml:32"]
    assert "'company'" in out.err and "'planning'" in out.err


def test_check_a_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert invoke(["check", "--steps", str(tmp_path / "nav"), "--lang", "en"]) == 1
    assert capsys.readouterr().err.strip() == t("folder_not_found", "en", path=tmp_path / "nav")


# --- check --answers ------------------------------------------------------------------

def test_check_good_answers(
    mini: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_answers(tmp_path / "a.yaml", PERSON)

    assert invoke(["check", "--steps", str(mini), "--answers", str(path), "--lang", "en"]) == 0

    out = capsys.readouterr().out.splitlines()
    assert out[-1] == t("check_answers_ok", "en", path=path, answered=tn("count_answered", 6, "en"),
          missing=tn("count_open", 0, "en"))


def test_check_unfinished_answers_lists_what_is_missing(
    mini: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_answers(tmp_path / "a.yaml", {"name": "Telpa", "founder": "association"})

    assert invoke(["check", "--steps", str(mini), "--answers", str(path), "--lang", "en"]) == 0

    out = capsys.readouterr().out.splitlines()
    assert out[-2:] == [
        t("check_answers_ok", "en", path=path, answered=tn("count_answered", 2, "en"),
          missing=tn("count_open", 2, "en")),
        t("answers_missing", "en", ids="members, has_premises"),
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_check_bad_answers_names_the_question(
    mini: Path, tmp_path: Path, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_answers(tmp_path / "a.yaml", {**PERSON, "founder": "company"})

    assert invoke(["check", "--steps", str(mini), "--answers", str(path), "--lang", lang]) == 1

    err = capsys.readouterr().err
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1)
                if text.strip().startswith("founder:"))
    assert err.startswith(f"{path}:{line}: ")  # the line of the answer at fault
    assert "'founder'" in err
    assert ("Kas dibina telpu?" if lang == "lv" else "Who founds the space?") in err
    assert "Traceback" not in err


def test_check_reports_an_answer_whose_condition_does_not_hold(
    mini: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_answers(tmp_path / "a.yaml", {**PERSON, "members": 4, "area": 50})

    assert invoke(["check", "--steps", str(mini), "--answers", str(path), "--lang", "en"]) == 1

    lines = {text.strip().split(":")[0]: n
             for n, text in enumerate(path.read_text().splitlines(), 1)}
    assert capsys.readouterr().err.splitlines() == [  # each at the line of its answer
        f"{path}:{lines['members']}: {t('answers_not_applicable', 'en', id='members')}",
        f"{path}:{lines['area']}: {t('answers_not_applicable', 'en', id='area')}",
    ]


@pytest.mark.parametrize(
    ("content", "code", "where"),
    [
        (yaml.safe_dump({"pack": "mini", "answers": PERSON}), 0, None),
        (yaml.safe_dump({"pack": "mini", "answers": {**PERSON, "opening": "marts"}}), 1, ":6"),
        ("pack: mini\nanswers:\n  name: x\n   founder: person\n", 1, ":4"),
    ],
    ids=["good", "bad-value", "yaml-syntax-error"],
)
def test_check_answers_exit_codes_of_the_program(
    mini: Path, tmp_path: Path, content: str, code: int, where: str | None
) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(content, encoding="utf-8")

    done = program("check", "--steps", str(mini), "--answers", str(path), "--lang", "en",
                   cwd=tmp_path)

    assert done.returncode == code, done.stderr
    assert "Traceback" not in done.stderr
    if where is not None:
        assert done.stderr.startswith(f"{path}{where}: ")


# --- schema and questions ---------------------------------------------------------------

def test_schema_of_step_files(capsys: pytest.CaptureFixture[str]) -> None:
    assert invoke(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)

    assert "questions" in schema["properties"]
    assert {"id", "title"} <= set(schema["required"])


def test_schema_of_the_pack_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert invoke(["schema", "--pack"]) == 0
    schema = json.loads(capsys.readouterr().out)

    assert "steps" in schema["properties"]
    assert "questions" not in schema["properties"]


def _expected_rows(mini: Path) -> list[dict[str, Any]]:
    """What the listing must say, read straight from the mini pack's YAML."""
    pack = yaml.safe_load((mini / "pack.yaml").read_text(encoding="utf-8"))
    rows = []
    for step in pack["steps"]:
        data = yaml.safe_load((mini / f"{step}.yaml").read_text(encoding="utf-8"))
        for q in data["questions"]:
            row = {"id": q["id"], "step": step, "kind": q["kind"], "label": q["label"],
                   "required": q.get("required", True), "when": q.get("when")}
            if "choices" in q:
                row["choices"] = [{"value": c["value"], "label": c["label"]}
                                  for c in q["choices"]]
            rows.append(row)
    return rows


def test_questions_json_lists_every_question(
    mini: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert invoke(["questions", "--steps", str(mini), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)

    assert rows == _expected_rows(mini)
    assert [r["id"] for r in rows] == ["name", "founder", "members", "has_premises", "area",
                                       "wishes", "opening", "notes"]
    for row in rows:
        assert set(row["label"]) == {"lv", "en"}


def test_questions_json_from_the_program(mini: Path, tmp_path: Path) -> None:
    done = program("questions", "--steps", str(mini), "--json", cwd=tmp_path)

    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == _expected_rows(mini)


def test_questions_on_a_broken_pack_exits_1(tmp_path: Path, make_pack: MakePack) -> None:
    make_pack(("about.yaml", "    kind: text\n", "      kind: text\n"))
    done = program("questions", "--steps", "pack", "--json", cwd=tmp_path)

    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.startswith("pack/about.yaml:5: ")


# --- the wizard without a terminal -------------------------------------------------------

@pytest.mark.parametrize("lang", [None, "en"])
@pytest.mark.parametrize("stdin", ["devnull", "newline"])
def test_the_wizard_needs_a_terminal(
    mini: Path, tmp_path: Path, stdin: str, lang: str | None
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    args = ["--steps", str(mini), *(["--lang", lang] if lang else [])]

    if stdin == "devnull":
        done = program(*args, cwd=work, stdin=subprocess.DEVNULL)
    else:
        done = program(*args, cwd=work, text_in="\n")

    assert done.returncode != 0
    assert t("not_a_terminal", lang or "lv") in done.stderr
    assert "Traceback" not in done.stderr
    assert list(work.iterdir()) == [], "no answers file may be written"


def test_the_wizard_without_a_terminal_writes_no_named_answers_file(
    mini: Path, tmp_path: Path
) -> None:
    done = program("--steps", str(mini), "--answers", "mine.yaml", cwd=tmp_path, text_in="\n")

    assert done.returncode != 0
    assert not (tmp_path / "mine.yaml").exists()


@pytest.mark.parametrize(("argv", "lang"), [
    (["render", "--help"], "lv"),
    (["--lang", "en", "render", "--help"], "en"),
    (["render", "--lang=en", "--help"], "en"),
])
def test_help_speaks_the_requested_language(argv: list[str], lang: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        cli.run(argv)
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert t("help_force", lang) in out
    assert t("help_partial", lang).split()[0] in out
