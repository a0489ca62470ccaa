"""One small hierarchy of errors: each carries a human message and where it happened."""

from __future__ import annotations

from dataclasses import dataclass, field

from koprade_wizard.common.record import record


@record
class Location:
    """A place in a file; ``line`` is 1-based, 0 when the file as a whole is meant."""

    path: str
    line: int = 0

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@record
class Problem:
    """One thing wrong with an input, already worded for a person."""

    location: Location | None
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


class WizardError(Exception):
    """Base of every error the command line turns into a message and an exit code."""

    exit_code = 1

    def __init__(self, problems: list[Problem] | str) -> None:
        if isinstance(problems, str):
            problems = [Problem(None, problems)]
        self.problems: list[Problem] = problems
        super().__init__("\n".join(str(p) for p in problems))


class StepFileError(WizardError):
    """The step files (the decision tree) are broken."""


class AnswersError(WizardError):
    """An answers file, or one answer in it, is not acceptable."""


class RenderError(WizardError):
    """A plan could not be written."""


class UsageError(WizardError):
    """The command line itself is wrong."""

    exit_code = 2


@dataclass
class ProblemList:
    """Collects problems so that all of them can be reported at once."""

    items: list[Problem] = field(default_factory=list)

    def add(self, location: Location | None, message: str) -> None:
        self.items.append(Problem(location, message))

    def __bool__(self) -> bool:
        return bool(self.items)

    def sorted(self) -> list[Problem]:
        return sorted(
            self.items,
            key=lambda p: (p.location.path, p.location.line) if p.location else ("", 0),
        )


class Interrupted(WizardError):
    """The person stopped the program (Ctrl+C); the message says how to go on."""

    exit_code = 130
