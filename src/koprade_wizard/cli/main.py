"""The command line: parse arguments, wire the real adapters, turn errors into messages.

This is the only place that decides exit codes: 0 done, 1 problems found, 2 wrong
usage, 130 interrupted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from koprade_wizard import __version__
from koprade_wizard.common.errors import UsageError, WizardError
from koprade_wizard.i18n.messages import DEFAULT_LANG, LANGS, t

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse would exit 2 with usage; so do we
        raise UsageError(f"{self.prog}: {message}")


def _requested_lang(argv: list[str]) -> str:
    """The --lang given, read before parsing so that --help speaks that language."""
    for i, arg in enumerate(argv):
        value = arg.partition("=")[2] if arg.startswith("--lang=") else (
            argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else None)
        if value in LANGS:
            return value
    return DEFAULT_LANG


def _parser(lang: str) -> argparse.ArgumentParser:
    s = argparse.SUPPRESS

    def h(key: str) -> str:
        return t(key, lang)

    parser = _Parser(prog="koprade-wizard", description=h("help_description"))
    parser.add_argument("--version", action="version", version=f"koprade-wizard {__version__}")
    parser.add_argument("--steps", type=Path, default=s, help=h("help_steps"))
    parser.add_argument("--lang", choices=LANGS, default=s, help=h("help_lang"))
    parser.add_argument("--answers", type=Path, default=s, help=h("help_answers"))
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    check = sub.add_parser("check", help=h("help_check"), description=h("help_check"))
    check.add_argument("--steps", type=Path, default=s, help=h("help_steps"))
    check.add_argument("--answers", type=Path, default=s, help=h("help_check_answers"))
    check.add_argument("--lang", choices=LANGS, default=s, help=h("help_lang"))

    schema = sub.add_parser("schema", help=h("help_schema"), description=h("help_schema"))
    schema.add_argument("--pack", action="store_true", help=h("help_pack"))

    questions = sub.add_parser("questions", help=h("help_questions"),
                               description=h("help_questions"))
    questions.add_argument("--steps", type=Path, default=s, help=h("help_steps"))
    questions.add_argument("--lang", choices=LANGS, default=s, help=h("help_lang"))
    questions.add_argument("--json", action="store_true", help=h("help_json"))

    render = sub.add_parser("render", help=h("help_render"), description=h("help_render"))
    render.add_argument("answers_file", type=Path, metavar="ANSWERS")
    render.add_argument("--out", type=Path, default=Path("."), help=h("help_out"))
    render.add_argument("--format", choices=("md", "html", "pdf", "json", "all"), default="all",
                        help=h("help_format"))
    render.add_argument("--lang", choices=LANGS, default=s, help=h("help_render_lang"))
    render.add_argument("--steps", type=Path, default=s, help=h("help_steps"))
    render.add_argument("--force", action="store_true", help=h("help_force"))
    render.add_argument("--partial", action="store_true", help=h("help_partial"))

    from koprade_wizard.cli import workshop

    workshop.add_parser(sub, h, s)
    from koprade_wizard.cli import worksheet_cmd

    worksheet_cmd.add_parser(sub, h, s)
    return parser


def run(argv: list[str]) -> int:
    lang = _requested_lang(argv)
    try:
        ns = _parser(lang).parse_args(argv)
        lang = getattr(ns, "lang", DEFAULT_LANG)
        command = ns.command or "wizard"
        handler = {
            "wizard": _wizard,
            "check": _check,
            "schema": _schema,
            "questions": _questions,
            "render": _render,
            "workshop": _workshop,
            "worksheet": _worksheet,
        }[command]
        return handler(ns, lang)
    except WizardError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(t("interrupted", lang), file=sys.stderr)
        return EXIT_INTERRUPTED


def _steps(ns: argparse.Namespace) -> Path:
    from koprade_wizard.common.paths import steps_dir

    return getattr(ns, "steps", None) or steps_dir()


def _load_tree(ns: argparse.Namespace, lang: str, use_cache: bool = True) -> Any:
    from koprade_wizard.cli.wiring import load_pack

    return load_pack(_steps(ns), lang, use_cache=use_cache)


# -- check -------------------------------------------------------------------------

def _check(ns: argparse.Namespace, lang: str) -> int:
    from koprade_wizard.interview import answers_file as answer_file
    from koprade_wizard.interview.engine import Interview

    steps = _steps(ns)
    tree = _load_tree(ns, lang, use_cache=False)  # check always checks everything
    print(t("check_ok", lang, path=steps, steps=len(tree.steps),
            questions=len(tree.questions()), actions=len(tree.actions())))
    path: Path | None = getattr(ns, "answers", None)
    if path is None:
        return EXIT_OK
    data = answer_file.load(path, lang)
    typed = answer_file.validate(tree, data, lang, str(path))
    interview = Interview(tree, dict(typed), lang)
    ignored = [q for q in typed if q not in interview.answers]
    if ignored:
        from koprade_wizard.common.errors import AnswersError, Location, Problem

        raise AnswersError([Problem(Location(str(path)), t("answers_not_applicable", lang, id=q))
                            for q in ignored])
    missing = interview.missing_required()
    print(t("check_answers_ok", lang, path=path, answered=len(typed), missing=len(missing)))
    if missing:
        print(t("answers_missing", lang, ids=", ".join(missing)))
    return EXIT_OK


# -- schema ------------------------------------------------------------------------

def _schema(ns: argparse.Namespace, lang: str) -> int:
    from koprade_wizard.pack.schema import schema_text

    print(schema_text(pack=ns.pack), end="")
    return EXIT_OK


# -- questions ---------------------------------------------------------------------

def _questions(ns: argparse.Namespace, lang: str) -> int:
    from koprade_wizard.cli.questions import question_rows, questions_table

    tree = _load_tree(ns, lang)
    rows = question_rows(tree)
    if ns.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        from rich.console import Console

        Console(highlight=False).print(questions_table(rows, lang))
    return EXIT_OK


# -- render ------------------------------------------------------------------------

def _render(ns: argparse.Namespace, lang_arg: str | None) -> int:
    from koprade_wizard.interview import answers_file as answer_file
    from koprade_wizard.plan.output import FORMATS, PlanRequest, plan_base, write_plan

    message_lang = getattr(ns, "lang", None) or DEFAULT_LANG
    formats = FORMATS if ns.format == "all" else (ns.format,)
    if "pdf" in formats:
        from koprade_wizard.plan.pdf import warm_up

        warm_up()
    tree = _load_tree(ns, message_lang)
    data = answer_file.load(ns.answers_file, message_lang)
    typed = answer_file.validate(tree, data, message_lang, str(ns.answers_file))
    lang = getattr(ns, "lang", None) or (data.language if data.language in LANGS
                                          else DEFAULT_LANG)
    written = write_plan(PlanRequest(tree, typed, lang, plan_base(ns.answers_file, ns.out),
                                     formats, force=ns.force, partial=ns.partial))
    print(t("plan_written", lang, files=", ".join(str(p) for p in written)))
    return EXIT_OK


# -- workshop ----------------------------------------------------------------------

def _workshop(ns: argparse.Namespace, lang: str) -> int:
    from koprade_wizard.cli import workshop

    return workshop.run(ns, lang, _steps(ns))


def _worksheet(ns: argparse.Namespace, lang: str) -> int:
    from koprade_wizard.cli import worksheet_cmd

    return worksheet_cmd.run(ns, lang, _steps(ns))


# -- the wizard --------------------------------------------------------------------

def _wizard(ns: argparse.Namespace, lang_arg: str | None) -> int:
    from koprade_wizard.common.paths import DEFAULT_ANSWERS
    from koprade_wizard.interview import answers_file as answer_file
    from koprade_wizard.interview.engine import Interview
    from koprade_wizard.interview.session import run_interview
    from koprade_wizard.pack.display import text

    lang = getattr(ns, "lang", None) or DEFAULT_LANG
    if not sys.stdin.isatty():
        print(t("not_a_terminal", lang), file=sys.stderr)
        return EXIT_USAGE
    tree = _load_tree(ns, lang)
    given: Path | None = getattr(ns, "answers", None)
    path = given or DEFAULT_ANSWERS

    from koprade_wizard.interview.terminal import TerminalPrompter

    prompter = TerminalPrompter()
    typed: dict[str, Any] = {}
    position: str | None = None
    if path.exists():
        data = answer_file.load(path, lang)
        typed = answer_file.validate(tree, data, lang, str(path))
        if getattr(ns, "lang", None) is None and data.language in LANGS:
            lang = data.language
        stopped = tree.find(data.position)
        question = text(stopped.label, lang) if stopped else "—"
        if given is None and not prompter.confirm(
            t("resume_found", lang, file=path, question=question)
        ):
            _archive(path)
            typed = {}
        else:
            position = data.position
    else:
        prompter.console.print(t("welcome", lang))
    interview = Interview(tree, typed, lang, cursor=position)

    def save(iv: Interview, status: str = answer_file.STATUS_IN_PROGRESS) -> None:
        order = [q.id for q in tree.questions()]
        ordered = {q: iv.answers[q] for q in order if q in iv.answers}
        answer_file.save(path, answer_file.AnswersFile(
            pack=tree.id, pack_version=tree.version, language=lang, answers=ordered,
            status=status, position=iv.cursor))

    save(interview)
    try:
        outcome = run_interview(interview, prompter, save)
    except KeyboardInterrupt:
        save(interview)
        print(file=sys.stderr)
        print(t("resume_hint", lang, file=path), file=sys.stderr)
        return EXIT_INTERRUPTED
    if outcome == "stopped":
        save(interview)
        print(t("resume_hint", lang, file=path))
        return EXIT_OK
    save(interview, answer_file.STATUS_COMPLETE)
    print(t("answers_saved", lang, file=path))
    _write_wizard_plan(tree, interview.answers, lang, path, prompter)
    return EXIT_OK


def _write_wizard_plan(tree: Any, answers: dict[str, Any], lang: str, path: Path,
                       prompter: Any) -> None:
    """Write Markdown and PDF beside the answers file; ask before replacing a plan."""
    from koprade_wizard.plan.output import PlanRequest, plan_base, targets, write_plan

    base = plan_base(path, path.parent)
    formats = ("md", "pdf")
    existing = [p for p in targets(base, formats).values() if p.exists()]
    force = bool(existing) and prompter.confirm(
        t("plan_overwrite", lang, file=existing[0]), default=False)
    if existing and not force:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        base = base.with_name(f"{base.name}-{stamp}")
    written = write_plan(PlanRequest(tree, answers, lang, base, formats, force=force))
    print(t("plan_written", lang, files=", ".join(str(p) for p in written)))


def _archive(path: Path) -> Path:
    """Keep an answers file the person chose not to resume, instead of overwriting it."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}-{stamp}{path.suffix}")
    path.rename(target)
    return target
