"""Whatever the file system does, no command falls over: a file where a folder should be,
a full disk, a read-only disk, no permission, a vanished folder. Each is one message that
names the path and says what to do, exit 1, the old files intact, nothing half-written.

Full and read-only disks are real: a small tmpfs, mounted (and remounted read-only) for
the test; where mounting is not allowed those tests are skipped. Refused permission
cannot be made real for root, so it is injected at the os level.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from koprade_wizard.cli import run
from koprade_wizard.common.fsutil import atomic_write, atomic_write_all
from koprade_wizard.i18n.messages import raw, t

MINI = Path(__file__).parent / "packs" / "mini"
ANSWERS = {"name": "Ērgļu koprade", "founder": "person", "has_premises": False,
           "wishes": ["workshop"], "opening": "2027-03-01", "notes": "Kokapstrāde"}
OLD = "the old plan, which must survive\n"


def write_answers(path: Path) -> Path:
    body = {"pack": "mini", "pack_version": "1", "language": "en", "answers": ANSWERS}
    path.write_text(yaml.safe_dump(body, allow_unicode=True), encoding="utf-8")
    return path


def render(answers: Path, out: Path, *more: str) -> int:
    return run(["render", str(answers), "--steps", str(MINI), "--out", str(out),
                "--format", "md", "--lang", "en", *more])


def opening(key: str, lang: str = "en") -> str:
    """The text of a message up to its first placeholder after the path."""
    return raw(key, lang).split("{path}: ")[1].split("(")[0]


def _mount(target: Path, size: str) -> None:
    target.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(target)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small disk here: {done.stderr.strip()}")


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    """A real 256 KiB disk of its own."""
    target = tmp_path / f"disk-{uuid.uuid4().hex[:8]}"
    _mount(target, "256k")
    try:
        yield target
    finally:
        subprocess.run(["umount", "-l", str(target)], check=False)


def fill(disk: Path) -> None:
    """Write until the disk is full, to the last byte."""
    for name, chunk in (("filler", 4096), ("filler-last", 1)):
        fd = os.open(disk / name, os.O_WRONLY | os.O_CREAT)
        try:
            while True:
                os.write(fd, b"\0" * chunk)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
        finally:
            os.close(fd)


def read_only(disk: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# --- render -----------------------------------------------------------------------------

def test_out_is_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = write_answers(tmp_path / "a.yaml")
    blocker = tmp_path / "plans"
    blocker.write_text("a file, not a folder\n", encoding="utf-8")

    assert render(answers, blocker) == 1

    err = capsys.readouterr().err
    assert err.startswith(f"{blocker}: {opening('os_not_a_folder')}"), err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert blocker.read_text(encoding="utf-8") == "a file, not a folder\n"


def test_a_full_disk_keeps_the_old_plan(tmp_path: Path, disk: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    answers = write_answers(tmp_path / "a.yaml")
    old = disk / "a-plan.md"
    old.write_text(OLD, encoding="utf-8")
    fill(disk)

    assert render(answers, disk, "--force") == 1

    err = capsys.readouterr().err
    assert err.startswith(f"{old}: {opening('os_no_space')}"), err
    assert "Traceback" not in err
    assert old.read_text(encoding="utf-8") == OLD
    assert leftovers(disk) == []


def test_a_read_only_disk_keeps_the_old_plan(tmp_path: Path, disk: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    answers = write_answers(tmp_path / "a.yaml")
    old = disk / "a-plan.md"
    old.write_text(OLD, encoding="utf-8")
    read_only(disk)

    assert render(answers, disk, "--force") == 1

    err = capsys.readouterr().err
    assert err.startswith(f"{disk}: {opening('os_read_only')}"), err
    assert old.read_text(encoding="utf-8") == OLD


def test_a_new_folder_on_a_read_only_disk(tmp_path: Path, disk: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    answers = write_answers(tmp_path / "a.yaml")
    read_only(disk)

    assert render(answers, disk / "plans") == 1

    assert capsys.readouterr().err.startswith(f"{disk / 'plans'}: {opening('os_read_only')}")


def test_all_formats_or_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The second file cannot be written: the first must not be replaced either.
    first, second = tmp_path / "p.md", tmp_path / "p.html"
    first.write_text(OLD, encoding="utf-8")
    second.write_text(OLD, encoding="utf-8")
    real_fsync = os.fsync
    calls = []

    def fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(OSError) as caught:
        atomic_write_all({first: "new md", second: "new html"})

    assert caught.value.errno == errno.ENOSPC
    assert caught.value.filename == str(second)  # the file, not a temporary name
    assert first.read_text(encoding="utf-8") == OLD
    assert second.read_text(encoding="utf-8") == OLD
    assert leftovers(tmp_path) == []


def test_no_permission(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                       capsys: pytest.CaptureFixture[str]) -> None:
    import tempfile

    answers = write_answers(tmp_path / "a.yaml")
    out = tmp_path / "plans"

    def refused(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(kwargs.get("dir")))

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    assert render(answers, out) == 1

    err = capsys.readouterr().err
    assert err.startswith(f"{out}: {opening('os_no_permission')}"), err


def test_an_answers_file_that_is_a_folder(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "answers.yaml"
    folder.mkdir()

    assert render(folder, tmp_path) == 1

    assert capsys.readouterr().err.startswith(f"{folder}: {opening('os_is_a_folder')}")


def test_an_unreadable_step_file_is_a_problem_of_that_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "place.yaml":
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    assert run(["check", "--steps", str(MINI), "--lang", "en"]) == 1

    err = capsys.readouterr().err
    assert "place.yaml: " in err  # the file, with no line: it could not be read at all
    assert t("cannot_read", "en", reason=os.strerror(errno.EACCES)) in err


def test_a_vanished_working_folder(tmp_path: Path) -> None:
    answers = write_answers(tmp_path / "a.yaml")
    gone = tmp_path / "gone"
    gone.mkdir()
    code = (
        "import os, sys\n"
        f"os.chdir({str(gone)!r}); os.rmdir({str(gone)!r})\n"
        "from koprade_wizard.cli import run\n"
        f"sys.exit(run(['render', {str(answers)!r}, '--steps', {str(MINI)!r}, "
        "'--out', 'plans', '--format', 'md', '--lang', 'en']))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)

    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith(f"plans: {opening('os_vanished')}"), done.stderr


def test_a_full_cache_does_not_stop_a_plan(tmp_path: Path, disk: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    # The caches (of the pack and of compiled templates) only ever help.
    monkeypatch.setenv("XDG_CACHE_HOME", str(disk / "cache"))
    (disk / "cache").mkdir()
    fill(disk)
    answers = write_answers(tmp_path / "a.yaml")

    assert render(answers, tmp_path / "out") == 0
    assert (tmp_path / "out" / "a-plan.md").is_file()


def test_a_closed_pipe_is_no_traceback(tmp_path: Path) -> None:
    wizard = Path(sys.executable).parent / "koprade-wizard"
    done = subprocess.run(f"'{wizard}' questions --steps '{MINI}' --json | head -c 1",
                          shell=True, capture_output=True, text=True, timeout=120)
    assert "Traceback" not in done.stderr
    assert "Exception ignored" not in done.stderr


def test_atomic_write_names_the_file_on_a_full_disk(disk: Path) -> None:
    target = disk / "answers.yaml"
    target.write_text(OLD, encoding="utf-8")
    fill(disk)

    with pytest.raises(OSError) as caught:
        atomic_write(target, "x" * 100_000)

    assert caught.value.errno == errno.ENOSPC
    assert caught.value.filename == str(target)
    assert target.read_text(encoding="utf-8") == OLD
    assert leftovers(disk) == []


# --- the wizard's save after every answer, in a real terminal -----------------------------

DOWN, ENTER, CTRL_C = "\x1b[B", "\r", "\x03"


def _wizard(cwd: Path, home: Path, *args: str) -> object:
    import pexpect

    wizard = Path(sys.executable).parent / "koprade-wizard"
    env = {**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1", "TERM": "xterm", "LANG": "C.UTF-8",
           "LC_ALL": "C.UTF-8", "COLUMNS": "120", "HOME": str(home)}
    return pexpect.spawn(str(wizard), ["--steps", str(MINI), "--lang", "en", *args],
                         cwd=str(cwd), env=env, encoding="utf-8", timeout=30,
                         dimensions=(40, 120))


def _saved(path: Path) -> dict[str, object]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _free(disk: Path) -> None:
    for name in ("filler", "filler-last"):
        (disk / name).unlink(missing_ok=True)


@pytest.mark.slow
def test_a_full_disk_while_interviewing_loses_no_answer(tmp_path: Path, disk: Path) -> None:
    import pexpect

    home = tmp_path / "home"
    home.mkdir()
    answers = disk / "answers.yaml"
    child = _wizard(tmp_path, home, "--answers", str(answers))
    child.expect("What is your initiative called")
    child.send("Ērgļu koprade" + ENTER)
    child.expect("Who founds the space")
    assert _saved(answers)["answers"] == {"name": "Ērgļu koprade"}

    fill(disk)  # the disk fills up while the person thinks
    child.send(ENTER)  # a private person
    child.expect("could not be saved")
    child.expect(str(answers))
    child.expect("Have you found premises")  # the interview goes on
    assert _saved(answers)["answers"] == {"name": "Ērgļu koprade"}  # the old file, whole

    _free(disk)
    child.send(ENTER)  # no premises
    child.expect("Saved again")
    child.expect("What do you want")
    assert _saved(answers)["answers"] == {"name": "Ērgļu koprade", "founder": "person",
                                          "has_premises": False}

    # Full again, then Ctrl+C: the last answers go to a file elsewhere.
    fill(disk)
    child.send(" " + ENTER)  # a kitchen
    child.expect("could not be saved")
    child.expect("When do you want to open")
    child.send(CTRL_C)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    out = child.before or ""
    assert "Traceback" not in out
    [rescued] = list(home.glob("answers-*.yaml"))
    assert str(rescued) in out.replace("\r\n", "")
    assert _saved(rescued)["answers"] == {"name": "Ērgļu koprade", "founder": "person",
                                          "has_premises": False, "wishes": ["kitchen"]}
    assert leftovers(disk) == []


@pytest.mark.slow
def test_a_disk_turned_read_only_before_the_end_loses_no_answer(tmp_path: Path,
                                                                 disk: Path) -> None:
    import pexpect

    home = tmp_path / "home"
    home.mkdir()
    answers = disk / "answers.yaml"
    child = _wizard(tmp_path, home, "--answers", str(answers))
    child.expect("What is your initiative called")
    child.send("Hub" + ENTER)
    child.expect("Who founds the space")
    read_only(disk)
    child.send(ENTER)
    child.expect("could not be saved")
    child.expect("Have you found premises")
    child.send(ENTER)
    child.expect("What do you want")
    child.send(ENTER)
    child.expect("When do you want to open")
    child.send(ENTER)
    child.expect("Review your answers")
    child.send(ENTER)  # finish: the answers cannot go where they belong
    child.expect(pexpect.EOF, timeout=90)
    child.close()
    assert child.exitstatus == 1
    assert "Traceback" not in (child.before or "")
    [rescued] = list(home.glob("answers-*.yaml"))
    saved = _saved(rescued)
    assert saved["status"] == "complete"
    assert saved["answers"] == {"name": "Hub", "founder": "person", "has_premises": False,
                                "wishes": None, "opening": None}
    assert _saved(answers)["answers"] == {"name": "Hub"}  # the last good save, whole
