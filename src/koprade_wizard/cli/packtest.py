"""A trainer's own pack: start one from the bundled pack, and see what an edit changes.

A pack folder holds the step files, ``examples/`` (answers files) and ``expected/``
(the plan each example gave when it was last accepted, as Markdown). ``pack test``
renders every example again and compares; ``--update`` accepts the new plans. The
plans are dated by ``expected/pack-test.yaml`` so that a test run tomorrow gives
the same plan as today. No terminal here: the command shows the diffs.
"""

from __future__ import annotations

import datetime as dt
import difflib
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from koprade_wizard.common.errors import Location, Problem, UsageError, WizardError
from koprade_wizard.common.fsutil import atomic_write
from koprade_wizard.common.paths import examples_dir, steps_dir, templates_dir
from koprade_wizard.i18n.messages import DEFAULT_LANG, LANGS, problem_text, t

EXAMPLES, EXPECTED, TEMPLATES = "examples", "expected", "templates"
SETTINGS = "pack-test.yaml"
SAME, CHANGED, NEW, FAILED, GONE = "same", "changed", "new", "failed", "gone"


@dataclass(frozen=True)
class ExampleResult:
    example: str  # the answers file's stem
    status: str  # SAME, CHANGED, NEW, FAILED, GONE (an expected plan without its example)
    diff: str = ""  # a unified diff, expected → now
    reason: str = ""
    plan: str = ""  # the plan rendered now


def init_pack(target: Path, lang: str, with_templates: bool = False) -> list[Path]:
    """Copy the bundled pack (and its examples) to ``target`` and accept their plans."""
    if target.exists() and any(target.iterdir()):
        raise UsageError([Problem(Location(str(target)), t("pack_init_not_empty", lang))])
    shutil.copytree(steps_dir(), target, dirs_exist_ok=True)
    shutil.copytree(examples_dir(), target / EXAMPLES)
    if with_templates:
        shutil.copytree(templates_dir(), target / TEMPLATES)
    (target / EXPECTED).mkdir()
    atomic_write(target / EXPECTED / SETTINGS,
                 yaml.safe_dump({"today": dt.date.today().isoformat()}))
    results = compare_examples(target, lang)
    update(target, results)
    return sorted((target / EXPECTED).glob("*.md"))


def _today(folder: Path, lang: str) -> dt.date:
    path = folder / EXPECTED / SETTINGS
    if not path.is_file():
        return dt.date.today()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        value = data.get("today")
        return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    except (yaml.YAMLError, ValueError, AttributeError):
        raise UsageError([Problem(Location(str(path)), t("pack_bad_settings", lang))]) from None


def _render(folder: Path, example: Path, lang: str, today: dt.date) -> str:
    from koprade_wizard.cli.wiring import load_pack
    from koprade_wizard.interview import answers_file
    from koprade_wizard.pack import applicability
    from koprade_wizard.plan.data import build_plan
    from koprade_wizard.plan.markdown import render_markdown
    from koprade_wizard.plan.output import pack_templates

    tree = load_pack(folder)
    data = answers_file.load(example, lang)
    typed = answers_file.validate(tree, data, str(example))
    plan_lang = data.language if data.language in LANGS else DEFAULT_LANG
    answers = applicability.kept(tree, typed)
    plan = build_plan(tree, answers, plan_lang, today, yes_no=(t("yes", plan_lang),
                                                               t("no", plan_lang)))
    return render_markdown(plan, pack_templates(folder))


def expected_path(folder: Path, stem: str) -> Path:
    return folder / EXPECTED / f"{stem}-plan.md"


def compare_examples(folder: Path, lang: str) -> list[ExampleResult]:
    """Render every example of the pack and compare it with its expected plan."""
    examples_folder = folder / EXAMPLES
    if not examples_folder.is_dir():
        raise UsageError([Problem(Location(str(folder)), t("pack_no_examples", lang))])
    today = _today(folder, lang)
    results = []
    examples = sorted(p for p in examples_folder.iterdir() if p.suffix in (".yaml", ".yml"))
    for example in examples:
        stem = example.stem
        try:
            now = _render(folder, example, lang, today)
        except WizardError as exc:
            results.append(ExampleResult(stem, FAILED,
                                         reason="; ".join(problem_text(p, lang)
                                                          for p in exc.problems)))
            continue
        path = expected_path(folder, stem)
        if not path.is_file():
            results.append(ExampleResult(stem, NEW, plan=now))
            continue
        before = path.read_text(encoding="utf-8")
        if before == now:
            results.append(ExampleResult(stem, SAME, plan=now))
            continue
        diff = "".join(difflib.unified_diff(
            before.splitlines(keepends=True), now.splitlines(keepends=True),
            fromfile=f"{EXPECTED}/{path.name}", tofile=f"{EXAMPLES}/{example.name} now", n=1))
        results.append(ExampleResult(stem, CHANGED, diff=diff, plan=now))
    stems = {p.stem for p in examples}
    for path in sorted((folder / EXPECTED).glob("*-plan.md")):
        if path.name.removesuffix("-plan.md") not in stems:
            results.append(ExampleResult(path.name.removesuffix("-plan.md"), GONE))
    return results


def update(folder: Path, results: list[ExampleResult]) -> list[Path]:
    """Accept the plans rendered now: write new and changed ones, drop those of
    examples that are gone. Failed examples keep what they had."""
    (folder / EXPECTED).mkdir(exist_ok=True)
    if not (folder / EXPECTED / SETTINGS).is_file():
        atomic_write(folder / EXPECTED / SETTINGS,
                     yaml.safe_dump({"today": dt.date.today().isoformat()}))
    written = []
    for result in results:
        path = expected_path(folder, result.example)
        if result.status in (NEW, CHANGED):
            atomic_write(path, result.plan)
            written.append(path)
        elif result.status == GONE:
            path.unlink()
    return written
