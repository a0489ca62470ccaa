"""Reading one pack or step file for the checker, with every problem located.

A file is read as YAML that keeps its line numbers, then validated against the
pydantic model; pydantic's errors become problems with a code and parameters that
name the file, the line and what to do (``did you mean …`` for a mistyped key).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NotRequired, TypedDict

from pydantic import BaseModel, ValidationError

from koprade_wizard.common.errors import Location, Message, ProblemList, msg
from koprade_wizard.pack.model import (
    KINDS,
    QUESTION_MODELS,
    ActionRule,
    PackFile,
    QuestionModel,
    Source,
    StepFile,
)
from koprade_wizard.pack.model import (
    Choice as ChoiceFile,
)
from koprade_wizard.pack.model import (
    Validation as ValidationFile,
)
from koprade_wizard.pack.yamlsrc import LineDict, YamlSyntaxError, line_of, load_file


@dataclass
class Parsed:
    """A file read: its path, its YAML with lines, and the model (``None`` if invalid)."""

    path: Path
    raw: LineDict
    model: Any  # the model class's instance, or None; its class depends on the file


class SchemaError(TypedDict):
    """What this module reads of one of pydantic's error details."""

    type: str
    loc: tuple[int | str, ...]
    msg: str
    input: object
    ctx: NotRequired[dict[str, object]]


class Reader:
    """Reads files and collects their problems; the checker builds on it."""

    def __init__(self) -> None:
        self.problems = ProblemList()

    # -- helpers -------------------------------------------------------------
    def add(self, path: Path, line: int, msg: str, **params: object) -> None:
        self.problems.add(Location(self._show(path), line), Message(msg, params))

    def _show(self, path: Path) -> str:
        try:
            return str(path.relative_to(Path.cwd()))
        except (ValueError, OSError):  # elsewhere, or the current folder has vanished
            return str(path)

    def hint(self, name: str, candidates: Iterable[str]) -> Message | str:
        close = difflib.get_close_matches(name, list(candidates), n=1, cutoff=0.6)
        return msg("did_you_mean", name=close[0]) if close else ""

    # -- reading -------------------------------------------------------------
    def read(self, path: Path, model: type[BaseModel], keys: str) -> Parsed | None:
        try:
            raw = load_file(path)
        except OSError as exc:
            self.add(path, 0, "cannot_read", reason=exc.strerror or type(exc).__name__)
            return None
        except YamlSyntaxError as exc:
            self.add(path, exc.line, exc.code, **exc.params)
            return None
        if raw is None:
            self.add(path, 1, "empty_file", keys=keys)
            return None
        if not isinstance(raw, LineDict):
            self.add(path, getattr(raw, "line", 1) or 1, "not_mapping",
                     found=self.type_name(raw))
            return None
        try:
            parsed = model.model_validate(raw)
        except ValidationError as exc:
            for err in exc.errors():
                self.schema_problem(path, raw, err)
            return Parsed(path, raw, None)
        return Parsed(path, raw, parsed)

    def type_name(self, value: object) -> Message:
        if value is None:
            key = "type_empty"
        elif isinstance(value, dict):
            key = "type_mapping"
        elif isinstance(value, list):
            key = "type_list"
        elif isinstance(value, bool):
            key = "type_yes_no"
        elif isinstance(value, int | float):
            key = "type_number"
        else:
            key = "type_text"
        return msg(key)

    def schema_problem(self, path: Path, raw: LineDict, err: SchemaError) -> None:
        loc: tuple[int | str, ...] = tuple(err["loc"])
        kind: str = err["type"]
        line = line_of(raw, loc, raw.line)
        names = [p for p in loc if isinstance(p, str) and p not in KINDS]
        key = names[-1] if names else "?"
        value = err.get("input")
        if kind == "missing":
            self.add(path, line, "missing_key", key=key)
        elif kind == "extra_forbidden":
            fields = self.fields_at(loc, raw)
            self.add(path, line, "unknown_key", key=key, hint=self.hint(key, fields))
        elif kind == "union_tag_invalid":
            self.add(path, line, "bad_kind", kind=err["ctx"]["tag"], kinds=", ".join(KINDS))
        elif kind == "union_tag_not_found":
            self.add(path, line, "missing_kind", kinds=", ".join(KINDS))
        elif kind in ("model_type", "model_attributes_type", "dict_type"):
            self.add(path, line, "wrong_type", key=key, expected=msg("type_mapping"),
                     found=self.type_name(value))
        elif kind == "list_type":
            self.add(path, line, "wrong_type", key=key, expected=msg("type_list"),
                     found=self.type_name(value))
        elif kind == "string_type":
            self.add(path, line, "wrong_type", key=key, expected=msg("type_text"),
                     found=self.type_name(value))
        elif kind in ("bool_type", "bool_parsing"):
            self.add(path, line, "wrong_type", key=key, expected=msg("type_yes_no"),
                     found=self.type_name(value))
        elif kind in ("int_type", "int_parsing", "int_from_float"):
            self.add(path, line, "wrong_type", key=key,
                     expected=msg("type_whole_number"), found=self.type_name(value))
        elif kind in ("float_type", "float_parsing"):
            self.add(path, line, "wrong_type", key=key, expected=msg("type_number"),
                     found=self.type_name(value))
        elif kind == "string_pattern_mismatch":
            self.add(path, line, "bad_identifier", key=key, value=value)
        elif kind == "literal_error":
            self.add(path, line, "bad_literal", key=key, expected=err["ctx"]["expected"],
                     value=value)
        elif kind == "too_short":
            self.add(path, line, "empty_list", key=key)
        else:
            self.add(path, line, "bad_value", key=key, reason=err["msg"])

    @staticmethod
    def fields_at(loc: tuple[int | str, ...], raw: LineDict) -> list[str]:
        """The keys a model accepts where an unknown key was found, for 'did you mean'."""
        parent = loc[:-1]
        models: dict[str, type[BaseModel]] = {
            "questions": QuestionModel,
            "actions": ActionRule,
            "choices": ChoiceFile,
            "validate": ValidationFile,
            "sources": Source,
        }
        model: type[BaseModel] = StepFile if "questions" in raw or "actions" in raw else PackFile
        for part in parent:
            if isinstance(part, str) and part in models:
                model = models[part]
        if model is QuestionModel:
            # The kind's own model: "unit" is no near miss for a kind without units.
            kind = next((p for p in loc if isinstance(p, str) and p in QUESTION_MODELS), None)
            if kind is not None:
                model = QUESTION_MODELS[kind]
        return [f.alias or n for n, f in model.model_fields.items()]
