"""The answers file: the founder's answers with their pack, language and status.

It is also the resume file, so it is written atomically after every answer; values are
checked by the question kinds exactly as the prompts check them.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from koprade_wizard.common.errors import AnswersError, Location, Problem, msg
from koprade_wizard.common.fsutil import atomic_write
from koprade_wizard.pack.kinds import AnswerInvalid, check_value
from koprade_wizard.pack.tree import DecisionTree
from koprade_wizard.pack.yamlsrc import YamlSyntaxError, safe_load

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
    where = Location(str(path))
    try:
        raw = safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AnswersError([Problem(None, msg("file_not_found", path=path))]) from None
    except UnicodeDecodeError as exc:
        reason = f"not UTF-8 text ({exc.reason})"
        raise AnswersError([Problem(where, msg("answers_bad_file", reason=reason))]) from None
    except YamlSyntaxError as exc:
        loc = Location(str(path), exc.line)
        raise AnswersError([Problem(loc, msg("answers_bad_file", reason=exc.reason))]) from None
    if not isinstance(raw, dict) or not isinstance(raw.get("answers", {}), dict | None):
        reason = "expected a mapping with 'pack' and 'answers'"
        raise AnswersError([Problem(where, msg("answers_bad_file", reason=reason))])
    missing = [k for k in ("pack", "answers") if k not in raw]
    if missing:
        reason = "missing " + ", ".join(f"'{k}'" for k in missing)
        raise AnswersError([Problem(where, msg("answers_bad_file", reason=reason))])
    return AnswersFile(
        pack=str(raw["pack"]),
        pack_version=str(raw.get("pack_version", "")),
        language=str(raw.get("language") or lang),
        answers=dict(raw.get("answers") or {}),
        status=str(raw.get("status") or STATUS_IN_PROGRESS),
        position=raw.get("position"),
        updated=str(raw.get("updated") or "") or None,
        confirmed=dict(raw["confirmed"]) if isinstance(raw.get("confirmed"), dict) else {},
    )


def validate(tree: DecisionTree, data: AnswersFile, path: str = "answers") -> dict[str, Any]:
    """Check every value exactly as the prompts would; return the typed answers.

    Raises AnswersError naming each question at fault.
    """
    problems: list[Problem] = []
    where = Location(path)
    if data.pack != tree.id:
        problems.append(Problem(where, msg("answers_other_pack", found=data.pack,
                                           expected=tree.id)))
        raise AnswersError(problems)
    known = {q.id: q for q in tree.questions()}
    for qid in data.answers:
        if qid not in known:
            close = difflib.get_close_matches(str(qid), list(known), n=1)
            hint = msg("did_you_mean", name=close[0]) if close else ""
            problems.append(Problem(where, msg("answers_unknown_question", id=qid,
                                               pack=tree.id, hint=hint)))
    typed: dict[str, Any] = {}
    context: dict[str, Any] = {}
    for q in tree.questions():
        if q.id in data.answers:
            try:
                typed[q.id] = check_value(q, data.answers[q.id], context, data.language,
                                          read_lang=data.language)
            except AnswerInvalid as exc:
                problems.append(Problem(where, msg("answers_question", id=q.id,
                                                   label=q.label, reason=exc.message)))
        value = typed.get(q.id)
        context[q.id] = q.blank() if value is None else value
    if problems:
        raise AnswersError(problems)
    return typed
