"""Saving the answers during the interview, whatever the disk does.

The answers file is written after every answer. A full disk, a folder made read-only or
a vanished USB stick must not end the interview nor lose an answer: the answers stay in
memory, the person is told once, and every later answer tries again. If the last save
fails too, the answers go to a file in another place, and failing that, to the screen.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from pathlib import Path

from koprade_wizard.cli.oserror import describe
from koprade_wizard.common.errors import Interrupted, Problem, WizardError
from koprade_wizard.i18n.messages import t

# Writes the answers, with the given status, to the given file.
Writer = Callable[[Path, str], None]
# Renders the answers file's text, with the given status, for showing on the screen.
Text = Callable[[str], str]


class AnswerSaver:
    def __init__(self, path: Path, write: Writer, text: Text, notice: Callable[[str], None],
                 lang: str) -> None:
        self.path = path
        self._write = write
        self._text = text
        self._notice = notice
        self.lang = lang
        self.failure: OSError | None = None  # the last save's error, None when it worked

    def save(self, status: str) -> bool:
        """Write the answers; on failure tell the person (once per kind of failure)."""
        try:
            self._write(self.path, status)
        except OSError as exc:
            if self.failure is None or self.failure.errno != exc.errno:
                self._notice(t("save_failed", self.lang, problem=describe(exc, self.lang)))
            self.failure = exc
            return False
        if self.failure is not None:
            self._notice(t("save_works_again", self.lang, file=self.path))
        self.failure = None
        return True

    def final(self, status: str, interrupted: bool = False) -> None:
        """The last save: if it fails, rescue the answers and raise what to do next."""
        if self.save(status):
            return
        assert self.failure is not None
        problems = [Problem(None, describe(self.failure, self.lang))]
        rescue = self._rescue(status)
        if rescue is not None:
            problems.append(Problem(None, t("save_rescued", self.lang, file=self.path,
                                            rescue=rescue)))
        else:
            print(self._text(status))  # on the screen: the one place left
            problems.append(Problem(None, t("save_printed", self.lang)))
        raise (Interrupted if interrupted else WizardError)(problems)

    def _rescue(self, status: str) -> Path | None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        name = f"{self.path.stem}-{stamp}{self.path.suffix or '.yaml'}"
        for folder in _rescue_folders(self.path):
            target = folder / name
            try:
                self._write(target, status)
            except OSError:
                continue
            return target
        return None


def _rescue_folders(path: Path) -> list[Path]:
    """Other places, likely on other disks: home, the temporary folder, here."""
    found: list[Path] = []
    for folder in (_home(), Path(tempfile.gettempdir()), _here()):
        if folder is not None and folder not in found and folder != path.parent:
            found.append(folder)
    return found


def _home() -> Path | None:
    try:
        return Path.home()
    except (RuntimeError, OSError, KeyError):
        return None


def _here() -> Path | None:
    try:
        return Path.cwd()
    except OSError:
        return None
