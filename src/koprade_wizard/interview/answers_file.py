"""The answers file: the founder's answers with their pack, language and status.

It is also the resume file, so it is written atomically after every answer; values are
checked by the question kinds exactly as the prompts check them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from koprade_wizard.common.answers import AnswerValue
from koprade_wizard.common.errors import AnswersError, Location, Problem, StepFileError, msg
from koprade_wizard.common.fsutil import atomic_write
from koprade_wizard.pack.kinds import AnswerInvalid, RuleFailed, check_value
from koprade_wizard.pack.tree import DecisionTree
from koprade_wizard.pack.yamlsrc import LineDict, YamlSyntaxError, decode, load_text

# --- the answers file ---------------------------------------------------------

STATUS_IN_PROGRESS = "in_progress"
STATUS_COMPLETE = "complete"
_HEADER = (
    "# koprade-wizard answers. This file is also the resume file:\n"
    "#   koprade-wizard --answers {name}    (continue or change answers)\n"
    "#   koprade-wizard render {name}       (write the plan)\n"
)


@dataclass
class AnswersFile:
    pack: str
    pack_version: str
    language: str
    answers: dict[str, Any] = field(default_factory=dict)
    status: str = STATUS_IN_PROGRESS
    position: str | None = None
    updated: str | None = None
    # Odd-looking answers the person has confirmed (question id → the value confirmed),
    # so that neither a resume nor ``render`` asks about them again.
    confirmed: dict[str, Any] = field(default_factory=dict)
    # Where the file read said what (1-based lines): "pack", "answers", each answer's id.
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def line_of(self, key: str) -> int:
        """The line of ``key`` ("pack", "answers.<id>"...), else of ``answers:`` (0: none)."""
        return self.lines.get(key, self.lines.get("answers", 0))

    def line_of_answer(self, qid: str) -> int:
        return self.line_of(f"answers.{qid}")

    def to_yaml(self, name: str) -> str:
        body = {
            "pack": self.pack,
            "pack_version": self.pack_version,
            "language": self.language,
            "status": self.status,
            "position": self.position,
            "updated": self.updated,
            "answers": self.answers,
        }
        if self.confirmed:
            body["confirmed"] = self.confirmed
        text = yaml.safe_dump(body, allow_unicode=True, sort_keys=False, width=100)
        return _HEADER.format(name=name) + text


def save(path: Path, data: AnswersFile) -> None:
    data.updated = dt.datetime.now().replace(microsecond=0).isoformat()
    atomic_write(path, data.to_yaml(path.name))


def load(path: Path, lang: str) -> AnswersFile:
    """Read an answers file's structure (values are checked by ``validate``); ``lang``
    is the language recorded for a file that names none."""
    try:
        raw = load_text(decode(path.read_bytes()))  # OSError is the command line's to word
    except FileNotFoundError:
        raise AnswersError([Problem(None, msg("file_not_found", path=path))]) from None
    except YamlSyntaxError as exc:
        loc = Location(str(path), exc.line or 1)
        raise AnswersError([Problem(loc, msg("answers_bad_file", reason=exc.reason))]) from None
    top = getattr(raw, "line", 0) or 1
    answers = raw.get("answers") if isinstance(raw, dict) else None
    if not isinstance(raw, dict) or not isinstance(answers, dict | None):
        line = raw.key_lines.get("answers", top) if isinstance(raw, LineDict) else top
        reason = "expected a mapping with 'pack' and 'answers'"
        raise AnswersError([Problem(Location(str(path), line),
                                    msg("answers_bad_file", reason=reason))])
    missing = [k for k in ("pack", "answers") if k not in raw]
    if missing:
        reason = "missing " + ", ".join(f"'{k}'" for k in missing)
        raise AnswersError([Problem(Location(str(path), top),
                                    msg("answers_bad_file", reason=reason))])
    lines = dict(raw.key_lines) if isinstance(raw, LineDict) else {}
    if isinstance(answers, LineDict):
        lines.update({f"answers.{k}": n for k, n in answers.key_lines.items()})
    position = raw.get("position")
    return AnswersFile(
        pack=_text(raw["pack"]),
        pack_version=_text(raw.get("pack_version", "")),
        language=_text(raw.get("language") or lang),
        answers=dict(answers or {}),
        status=_text(raw.get("status") or STATUS_IN_PROGRESS),
        position=position if isinstance(position, str) else None,
        updated=_text(raw.get("updated") or "") or None,
        confirmed=dict(raw["confirmed"]) if isinstance(raw.get("confirmed"), dict) else {},
        lines=lines,
    )


def _text(value: Any) -> str:
    """A header field as text; a list or mapping there is not one (and says so)."""
    return value if isinstance(value, str) else "" if value is None else (
        str(value) if isinstance(value, int | float | dt.date) else repr(type(value).__name__))


def validate(tree: DecisionTree, data: AnswersFile, path: str = "answers"
             ) -> dict[str, AnswerValue]:
    """Check every value exactly as the prompts would; return the typed answers.

    Raises AnswersError naming each question at fault (with the line of its answer),
    or StepFileError when a step file's own validation expression fails.
    """
    problems: list[Problem] = []
    broken: list[Problem] = []

    def where(key: str) -> Location:
        return Location(path, data.line_of(key))

    def at_answer(qid: str) -> Location:
        return Location(path, data.line_of_answer(qid))

    if data.pack != tree.id:
        problems.append(Problem(where("pack"), msg("answers_other_pack", found=data.pack,
                                                   expected=tree.id)))
        raise AnswersError(problems)
    known = {q.id: q for q in tree.questions()}
    for qid in data.answers:
        if qid not in known:
            import difflib  # only for a mistyped id

            close = difflib.get_close_matches(str(qid), list(known), n=1)
            hint = msg("did_you_mean", name=close[0]) if close else ""
            problems.append(Problem(at_answer(qid), msg(
                "answers_unknown_question", id=qid, pack=tree.id, hint=hint)))
    typed: dict[str, AnswerValue] = {}
    context: dict[str, Any] = {}
    for q in tree.questions():
        if q.id in data.answers:
            try:
                typed[q.id] = check_value(q, data.answers[q.id], context, data.language,
                                          read_lang=data.language)
            except RuleFailed as exc:  # the step file's fault, not the answer's
                rule = tree.question_lines.get(q.id)
                loc = Location(rule.path, rule.line) if rule else None
                broken.append(Problem(loc, msg("validation_failed", id=q.id,
                                               reason=exc.reason)))
            except AnswerInvalid as exc:
                problems.append(Problem(at_answer(q.id), msg(
                    "answers_question", id=q.id, label=q.label, reason=exc.message)))
        value = typed.get(q.id)
        context[q.id] = q.blank() if value is None else value
    if broken:
        raise StepFileError(broken)
    if problems:
        raise AnswersError(sorted(problems, key=lambda p: p.location.line if p.location else 0))
    return typed
