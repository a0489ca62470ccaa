"""Check a step folder against the format and build a DecisionTree; report every problem.

Each problem names the file, the line and what to do. Checks go beyond the schema:
duplicate ids, conditions that do not compile or use unknown or later questions,
comparisons with choice values that do not exist, missing translations, empty steps.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from koprade_wizard.common.errors import Location, Message, ProblemList, StepFileError, msg
from koprade_wizard.pack import conditions
from koprade_wizard.pack.kinds import KINDS as KIND_REGISTRY
from koprade_wizard.pack.kinds import AnswerInvalid, PatternError, check_value, pattern
from koprade_wizard.pack.model import (
    KINDS,
    ActionRule,
    ChoiceQuestionModel,
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
from koprade_wizard.pack.probe import Target, probe, show
from koprade_wizard.pack.tree import (
    ActionRule as RuntimeAction,
)
from koprade_wizard.pack.tree import (
    Choice,
    DecisionTree,
    Located,
    PackSource,
    Plausible,
    Question,
    Step,
    UnitText,
    Validation,
)
from koprade_wizard.pack.yamlsrc import LineDict, LineList, YamlSyntaxError, line_of, load_file

PACK_FILE = "pack.yaml"
_TEXT_FIELDS = ("label", "help", "title", "detail", "intro", "message", "unit")


@dataclass
class _Parsed:
    path: Path
    raw: LineDict
    model: Any


class _Checker:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        # The pack's languages; a default written as text is read as the first writes it.
        self.langs: list[str] = ["lv", "en"]
        self.problems = ProblemList()
        # True when a listed step could not be read: its question ids are then unknown.
        self.incomplete = False
        self.builtin_sources: tuple[str, ...] = ()
        # Expressions that passed the static checks, to try on sample answers.
        self.targets: list[Target] = []

    # -- helpers -------------------------------------------------------------
    def add(self, path: Path, line: int, msg: str, **params: Any) -> None:
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
    def read(self, path: Path, model: type[BaseModel], keys: str) -> _Parsed | None:
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
            return _Parsed(path, raw, None)
        return _Parsed(path, raw, parsed)

    def type_name(self, value: Any) -> Message:
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

    def schema_problem(self, path: Path, raw: LineDict, err: Any) -> None:
        loc: tuple[Any, ...] = tuple(err["loc"])
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
    def fields_at(loc: tuple[Any, ...], raw: LineDict) -> list[str]:
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
        fields = [f.alias or n for n, f in model.model_fields.items()]
        if model is QuestionModel:
            fields += ["kind", "choices", "unit"]
        return fields

    # -- whole pack ----------------------------------------------------------
    def load(self) -> DecisionTree | None:
        pack_path = self.folder / PACK_FILE
        if not self.folder.is_dir():
            self.problems.add(None, msg("folder_not_found", path=self.folder))
            return None
        if not pack_path.is_file():
            self.add(pack_path, 0, "missing_pack", file=self._show(pack_path))
            return None
        pack = self.read(pack_path, PackFile, "id, version, title, languages, steps")
        if pack is None:
            return None
        langs: list[str] = list(pack.model.languages) if pack.model else ["lv", "en"]
        self.langs = langs
        if pack.model:
            self.check_texts(pack.path, pack.raw, langs)
        step_ids = list(pack.model.steps) if pack.model else []
        steps: list[_Parsed] = []
        seen: dict[str, int] = {}
        present = sorted(p.stem for p in self.folder.glob("*.yaml") if p.name != PACK_FILE)
        for index, sid in enumerate(step_ids):
            line = pack.raw["steps"].item_lines[index]
            if sid in seen:
                self.add(pack_path, line, "duplicate_step", step=sid)
                continue
            seen[sid] = line
            path = self.folder / f"{sid}.yaml"
            if not path.is_file():
                self.add(pack_path, line, "missing_step_file", step=sid,
                         file=self._show(path), hint=self.hint(sid, present))
                continue
            parsed = self.read(path, StepFile, "id, title, questions")
            if parsed is None:
                continue
            steps.append(parsed)
            if parsed.model is not None:
                self.check_texts(path, parsed.raw, langs)
                if parsed.model.id != path.stem:
                    self.add(path, parsed.raw.key_lines.get("id", 1), "step_id_mismatch",
                             id=parsed.model.id, file=path.stem)
                if not parsed.model.questions:
                    self.add(path, parsed.raw.line, "empty_step", step=parsed.model.id)
        source_ids = [s.id for s in pack.model.sources] if pack.model else []
        self.check_sources(pack, source_ids)
        good = [s for s in steps if s.model is not None]
        self.incomplete = len(good) != len(seen)
        # Actions may cite the pack's own sources or the built-in ones behind the figures,
        # which the caller names (the guidance room owns them; this room cannot see it).
        citable = [*source_ids, *self.builtin_sources]
        self.check_questions(good, citable if pack.model else None)
        if self.problems or pack.model is None or len(good) != len(step_ids):
            return None
        tree = self.build(pack, good)
        self.check_samples(tree)
        return None if self.problems else tree

    def check_sources(self, pack: _Parsed, source_ids: list[str]) -> None:
        seen: dict[str, int] = {}
        for index, sid in enumerate(source_ids):
            line = pack.raw["sources"].item_lines[index]
            if sid in seen:
                self.add(pack.path, line, "duplicate_id", what=msg("what_source"),
                         id=sid, other=f"{self._show(pack.path)}:{seen[sid]}")
            seen.setdefault(sid, line)

    def check_texts(self, path: Path, node: Any, langs: list[str], key: str = "") -> None:
        """Every text must exist in every language of the pack, and in no other."""
        if isinstance(node, LineDict):
            for k, v in node.items():
                line = node.key_lines.get(k, node.line)
                if k in _TEXT_FIELDS and isinstance(v, LineDict):
                    for lang in langs:
                        if not str(v.get(lang) or "").strip():
                            self.add(path, line, "missing_translation", key=k, lang=lang,
                                     langs=", ".join(langs))
                    for lang in v:
                        if lang not in langs:
                            self.add(path, v.key_lines[lang], "unknown_language", key=k,
                                     lang=lang, langs=", ".join(langs))
                else:
                    self.check_texts(path, v, langs, k)
        elif isinstance(node, LineList):
            for item in node:
                self.check_texts(path, item, langs, key)

    # -- questions, conditions, actions ----------------------------------------
    def check_questions(self, steps: list[_Parsed], source_ids: list[str] | None) -> None:
        order: dict[str, tuple[int, Path, int]] = {}
        questions: dict[str, Any] = {}
        actions: dict[str, str] = {}
        index = 0
        for step in steps:
            for i, q in enumerate(step.model.questions):
                raw_q = step.raw["questions"][i]
                line = step.raw["questions"].item_lines[i]
                if q.id in order:
                    _, opath, oline = order[q.id]
                    self.add(step.path, raw_q.key_lines.get("id", line), "duplicate_id",
                             what=msg("what_question"), id=q.id,
                             other=f"{self._show(opath)}:{oline}")
                    continue
                order[q.id] = (index, step.path, line)
                questions[q.id] = q
                index += 1
        for step in steps:
            for i, q in enumerate(step.model.questions):
                raw_q = step.raw["questions"][i]
                if questions.get(q.id) is not q:
                    continue
                self.check_question(step.path, raw_q, q, order, questions)
            for i, action in enumerate(step.model.actions):
                raw_a = step.raw["actions"][i]
                line = step.raw["actions"].item_lines[i]
                if action.id in actions:
                    self.add(step.path, raw_a.key_lines.get("id", line), "duplicate_id",
                             what=msg("what_action"), id=action.id,
                             other=actions[action.id])
                actions.setdefault(action.id, f"{self._show(step.path)}:{line}")
                self.check_action(step.path, raw_a, action, order, questions, source_ids)

    def check_question(
        self,
        path: Path,
        raw: LineDict,
        q: Any,
        order: dict[str, tuple[int, Path, int]],
        questions: dict[str, Any],
    ) -> None:
        position = order[q.id][0]
        if isinstance(q, ChoiceQuestionModel):
            seen: set[str] = set()
            for j, choice in enumerate(q.choices):
                if choice.value in seen:
                    self.add(path, raw["choices"].item_lines[j], "duplicate_choice",
                             value=choice.value, question=q.id)
                seen.add(choice.value)
        if q.when is not None:
            self.check_expr(path, raw.key_lines["when"], q.when, "what_condition", q.id,
                            position, order, questions, role="when")
        if q.implied is not None:
            self.check_expr(path, raw.key_lines["implied"], q.implied, "what_implied", q.id,
                            position, order, questions)
        if q.default_expr is not None:
            self.check_expr(path, raw.key_lines["default_expr"], q.default_expr,
                            "what_default", q.id, position, order, questions, role="default")
            if q.default is not None:
                self.add(path, raw.key_lines["default"], "default_and_expr")
        elif q.default is not None:
            try:
                check_value(runtime_question(q), q.default, _Permissive(), self.langs[0])
            except AnswerInvalid as exc:
                self.add(path, raw.key_lines["default"], "bad_default", reason=exc.message)
        allowed = KIND_REGISTRY[q.kind].rules
        rules = q.validate_
        if rules is not None:
            vline = raw.key_lines["validate"]
            for key in ("min", "max", "min_length", "max_length", "pattern"):
                if getattr(rules, key) is not None and key not in allowed:
                    self.add(path, vline, "validation_not_for_kind", key=key, kind=q.kind)
            if rules.pattern is not None:
                try:
                    pattern(rules.pattern)
                except PatternError as exc:
                    self.add(path, vline, "bad_pattern", pattern=rules.pattern, reason=exc)
            if rules.min is not None and rules.max is not None and rules.min > rules.max:
                self.add(path, vline, "min_above_max", min=rules.min, max=rules.max)
            if rules.expr is not None:
                self.check_expr(path, vline, rules.expr, "what_validation", q.id, position,
                                order, questions, extra=("value",), role="validate")
        likely = q.plausible
        if likely is not None:
            pline = raw.key_lines["plausible"]
            for key in ("min", "max", "future"):
                if getattr(likely, key) not in (None, False) and key not in allowed:
                    self.add(path, pline, "validation_not_for_kind", key=f"plausible.{key}",
                             kind=q.kind)
            if likely.min is not None and likely.max is not None and likely.min > likely.max:
                self.add(path, pline, "min_above_max", min=likely.min, max=likely.max)
            if rules is not None:
                # A likely range outside the allowed one could never be met.
                low = rules.min if rules.min is not None else -math.inf
                high = rules.max if rules.max is not None else math.inf
                for key in ("min", "max"):
                    bound = getattr(likely, key)
                    if bound is not None and not low <= bound <= high:
                        self.add(path, pline, "plausible_outside_validate", key=key,
                                 value=bound, min=rules.min, max=rules.max)
            if likely.expr is not None:
                self.check_expr(path, pline, likely.expr, "what_plausible", q.id, position,
                                order, questions, extra=("value",), role="plausible")

    def check_action(
        self,
        path: Path,
        raw: LineDict,
        action: ActionRule,
        order: dict[str, tuple[int, Path, int]],
        questions: dict[str, Any],
        source_ids: list[str] | None,
    ) -> None:
        if action.when is not None:
            # Actions are evaluated after the interview, so any question may be used.
            self.check_expr(path, raw.key_lines["when"], action.when, "what_condition",
                            action.id, len(order), order, questions, role="action")
        if source_ids is not None:
            for j, sid in enumerate(action.sources):
                if sid not in source_ids:
                    self.add(path, raw["sources"].item_lines[j], "unknown_source",
                             source=sid, hint=self.hint(sid, source_ids))

    def check_expr(
        self,
        path: Path,
        line: int,
        expr: str,
        what_key: str,
        owner: str,
        position: int,
        order: dict[str, tuple[int, Path, int]],
        questions: dict[str, Any],
        extra: tuple[str, ...] = (),
        role: str = "when",
    ) -> None:
        what = msg(what_key)
        reason = conditions.check_syntax(expr)
        if reason is not None:
            self.add(path, line, "expr_syntax", what=what, expr=expr, reason=reason)
            return
        before = len(self.problems.items)
        try:
            read = conditions.names(expr)
            compared = conditions.comparisons(expr)
        except Exception:  # compiled, so this is only Jinja's parser at its limits
            self.add(path, line, "expr_syntax", what=what, expr=expr,
                     reason=msg("expr_too_deep"))
            return
        for name in sorted(read):
            if name in extra:
                continue
            if name not in order:
                if self.incomplete:
                    continue  # it may be a question of the step that could not be read
                self.add(path, line, "expr_unknown_name", what=what, name=name,
                         hint=self.hint(name, order))
            elif name == owner:
                self.add(path, line, "expr_self", what=what, name=name)
            elif order[name][0] >= position:
                _, opath, oline = order[name]
                self.add(path, line, "expr_later_name", what=what, name=name,
                         other=f"{self._show(opath)}:{oline}")
        for cmp in compared:
            target = questions.get(cmp.name)
            if isinstance(target, ChoiceQuestionModel) and cmp.literal not in target.choice_values:
                self.add(path, line, "expr_bad_choice", what=what, name=cmp.name,
                         value=cmp.literal, choices=", ".join(target.choice_values))
        if len(self.problems.items) == before:
            # Sound on paper: try it on sample answers once the tree is built.
            self.targets.append(Target(expr, role, owner, (path, line, what_key)))

    def check_samples(self, tree: DecisionTree) -> None:
        for failure in probe(tree, self.targets, self.langs[0]):
            path, line, what_key = failure.target.where
            sample = ", ".join(f"{k} = {show(v)}" for k, v in failure.sample.items())
            self.add(path, line, "expr_fails", what=msg(what_key),
                     expr=failure.target.expr, reason=failure.error.reason(),
                     sample=msg("expr_sample", answers=sample) if sample else "")

    # -- the result ------------------------------------------------------------
    def build(self, pack: _Parsed, steps: list[_Parsed]) -> DecisionTree:
        located: dict[str, Located] = {}
        action_lines: dict[str, Located] = {}
        built: list[Step] = []
        for parsed in steps:
            model: StepFile = parsed.model
            for i, q in enumerate(model.questions):
                located[q.id] = Located(path=self._show(parsed.path),
                                        line=parsed.raw["questions"].item_lines[i])
            for i, a in enumerate(model.actions):
                action_lines[a.id] = Located(path=self._show(parsed.path),
                                             line=parsed.raw["actions"].item_lines[i])
            built.append(
                Step(
                    id=model.id,
                    title=dict(model.title),
                    intro=dict(model.intro) if model.intro else None,
                    questions=tuple(runtime_question(q) for q in model.questions),
                    actions=tuple(_runtime_action(a) for a in model.actions),
                    where=Located(path=self._show(parsed.path), line=parsed.raw.line),
                )
            )
        pack_model: PackFile = pack.model
        return DecisionTree(
            id=pack_model.id,
            version=pack_model.version,
            title=dict(pack_model.title),
            languages=tuple(pack_model.languages),
            steps=tuple(built),
            sources=tuple(
                PackSource(id=s.id, title=s.title, publisher=s.publisher, year=s.year,
                           url=s.url, as_of=None if s.as_of is None else str(s.as_of))
                for s in pack_model.sources
            ),
            question_lines=located,
            action_lines=action_lines,
        )


def runtime_question(q: Any) -> Question:
    """Copy a validated question into the light run-time class."""
    rules = q.validate_
    return Question(
        id=q.id,
        kind=q.kind,
        label=dict(q.label),
        help=dict(q.help) if q.help else None,
        required=q.required,
        when=q.when,
        default=q.default,
        default_expr=q.default_expr,
        validate_=Validation(**rules.model_dump()) if rules is not None else None,
        unit=_runtime_unit(u) if (u := getattr(q, "unit", None)) else None,
        choices=tuple(
            Choice(value=c.value, label=dict(c.label), help=dict(c.help) if c.help else None)
            for c in getattr(q, "choices", ())
        ),
        implied=q.implied,
        plausible=None if q.plausible is None else Plausible(
            message=dict(q.plausible.message), min=q.plausible.min, max=q.plausible.max,
            future=q.plausible.future, expr=q.plausible.expr),
    )


def _runtime_unit(unit: dict[str, Any]) -> UnitText:
    return {lang: text if isinstance(text, str) else text.model_dump(exclude_none=True)
            for lang, text in unit.items()}


def _runtime_action(a: ActionRule) -> RuntimeAction:
    return RuntimeAction(id=a.id, phase=a.phase, title=dict(a.title), detail=dict(a.detail),
                         when=a.when, priority=a.priority, sources=tuple(a.sources),
                         routes=tuple(a.routes), topic=a.topic)


class _Permissive(dict[str, Any]):
    """A context for checking literal defaults, where earlier answers are unknown."""

    def __missing__(self, key: str) -> None:
        return None


def check_tree(folder: Path, builtin_sources: Collection[str] = ()) -> DecisionTree:
    """Check a step folder fully; raise StepFileError listing every problem.

    ``builtin_sources`` are the source ids that actions may cite besides the pack's own.
    """
    checker = _Checker(folder)
    checker.builtin_sources = tuple(builtin_sources)
    tree = checker.load()
    if checker.problems or tree is None:
        raise StepFileError(checker.problems.sorted())
    return tree
