"""Check a step folder against the format and build a DecisionTree; report every problem.

Each problem names the file, the line and what to do. Checks go beyond the schema:
duplicate ids, conditions that do not compile or use unknown or later questions,
comparisons with choice values that do not exist, missing translations, empty steps.

File reading and schema problems are in ``reading``; the copy into the run-time tree
is in ``building``.
"""

from __future__ import annotations

import math
from collections.abc import Collection
from pathlib import Path
from typing import Any

from koprade_wizard.common.errors import StepFileError, msg
from koprade_wizard.pack import conditions
from koprade_wizard.pack.building import build_tree, runtime_question
from koprade_wizard.pack.kinds import KINDS as KIND_REGISTRY
from koprade_wizard.pack.kinds import AnswerInvalid, PatternError, check_value, pattern
from koprade_wizard.pack.model import ActionRule, ChoiceQuestionModel, PackFile, StepFile
from koprade_wizard.pack.probe import Target, probe, show
from koprade_wizard.pack.reading import Parsed, Reader
from koprade_wizard.pack.tree import DecisionTree
from koprade_wizard.pack.yamlsrc import LineDict, LineList

PACK_FILE = "pack.yaml"
_TEXT_FIELDS = ("label", "help", "title", "detail", "intro", "message", "unit")


class _Checker(Reader):
    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        # The pack's languages; a default written as text is read as the first writes it.
        self.langs: list[str] = ["lv", "en"]
        # True when a listed step could not be read: its question ids are then unknown.
        self.incomplete = False
        self.builtin_sources: tuple[str, ...] = ()
        # Expressions that passed the static checks, to try on sample answers.
        self.targets: list[Target] = []


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
        steps: list[Parsed] = []
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
        tree = build_tree(pack, good, self._show)
        self.check_samples(tree)
        return None if self.problems else tree

    def check_sources(self, pack: Parsed, source_ids: list[str]) -> None:
        seen: dict[str, int] = {}
        for index, sid in enumerate(source_ids):
            line = pack.raw["sources"].item_lines[index]
            if sid in seen:
                self.add(pack.path, line, "duplicate_id", what=msg("what_source"),
                         id=sid, other=f"{self._show(pack.path)}:{seen[sid]}")
            seen.setdefault(sid, line)

    def check_texts(self, path: Path, node: object, langs: list[str], key: str = "") -> None:
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
    def check_questions(self, steps: list[Parsed], source_ids: list[str] | None) -> None:
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
