"""One small hierarchy of errors: each carries where it happened and what to say.

What to say is a ``Message``: a catalogue key and its parameters, worded in the
display language only by whoever shows it (``i18n.messages.word``), so the code
that finds a problem needs no language. A plain string is an outside library's own
account (a parser's, say), shown as it is.
"""

from __future__ import annotations

from collections.abc import Mapping

from koprade_wizard.common.record import field, record


@record
class Message:
    """A message not yet worded: ``code`` is its catalogue key; a parameter may itself
    be a ``Message`` or a step file's per-language text; ``count`` picks the plural
    form where the text has them."""

    code: str
    params: Mapping[str, object] = field(default_factory=dict)
    count: int | None = None

    def __hash__(self) -> int:  # the parameters may hold texts per language (dicts)
        return hash((self.code, self.count, tuple(self.params)))

    def __str__(self) -> str:  # for logs and tracebacks; people see it worded
        inner = ", ".join(f"{k}={v}" for k, v in self.params.items())
        return f"{self.code}({inner})" if inner else self.code


def msg(code: str, /, count: int | None = None, **params: object) -> Message:
    """``msg("missing_key", key="id")``: a ``Message`` in one call."""
    return Message(code, params, count)


# What a problem says: a Message, a step file's text per language, or outside words.
Said = Message | Mapping[str, str] | str


@record
class Location:
    """A place in a file; ``line`` is 1-based, 0 when the file as a whole is meant."""

    path: str
    line: int = 0

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@record
class Problem:
    """One thing wrong with an input: where, and what to say (worded when shown)."""

    location: Location | None
    message: Said

    @property
    def code(self) -> str | None:
        """The catalogue key of the message; None for outside words."""
        return self.message.code if isinstance(self.message, Message) else None

    @property
    def params(self) -> Mapping[str, object]:
        return self.message.params if isinstance(self.message, Message) else {}

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else str(self.message)


class WizardError(Exception):
    """Base of every error the command line turns into a message and an exit code."""

    exit_code = 1
    # The language to word the problems in, where the command knows it better than
    # --lang (a plan's own language); None: the language of the command line.
    lang: str | None = None

    def __init__(self, problems: list[Problem] | Message | str) -> None:
        if isinstance(problems, Message | str):
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


@record
class ProblemList:
    """Collects problems so that all of them can be reported at once."""

    items: list[Problem] = field(default_factory=list)

    def add(self, location: Location | None, message: Said) -> None:
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
