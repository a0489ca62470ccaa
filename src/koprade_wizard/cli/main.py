"""The command line: parse the arguments, hand them to the command, and word what went wrong.

Each command lives in its own module (check, schema, questions, render, and the interview
when no command is given). This is the only place that turns errors into messages and
decides exit codes: 0 done, 1 problems found, 2 wrong usage, 130 interrupted.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import NoReturn

from koprade_wizard import __version__
from koprade_wizard.cli import (
    check,
    graph_cmd,
    interview,
    pack_cmd,
    questions,
    render,
    schema,
    worksheet_cmd,
    workshop,
)
from koprade_wizard.cli.options import (
    EXIT_INTERRUPTED,
    EXIT_PROBLEMS,
    Handler,
    add_answers,
    add_lang,
    add_steps,
)
from koprade_wizard.common.errors import Interrupted, UsageError, WizardError
from koprade_wizard.i18n.messages import DEFAULT_LANG, LANGS, problem_text, t


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse would exit 2 with usage; so do we
        raise UsageError(f"{self.prog}: {message}")


def _requested_lang(argv: list[str]) -> str:
    """The --lang given, read before parsing so that --help speaks that language."""
    for i, arg in enumerate(argv):
        value = arg.partition("=")[2] if arg.startswith("--lang=") else (
            argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else None)
        if value in LANGS:
            return value
    return DEFAULT_LANG


#: Each command's name and the module that registers and runs it.
_COMMANDS = {"check": check, "schema": schema, "questions": questions, "render": render,
             "workshop": workshop, "worksheet": worksheet_cmd, "graph": graph_cmd,
             "pack": pack_cmd}


def _parser(lang: str, only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, or with ``only`` that one command's part of it: a run of
    one command need not word the help of all the others."""

    def h(key: str) -> str:
        return t(key, lang)

    parser = _Parser(prog="koprade-wizard", description=h("help_description"))
    parser.add_argument("--version", action="version", version=f"koprade-wizard {__version__}")
    add_steps(parser, h)
    add_lang(parser, h)
    add_answers(parser, h)
    parser.set_defaults(handler=interview.run)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    for name, command in _COMMANDS.items():
        if only in (None, name):
            command.register(sub, h)
    return parser


def run(argv: list[str]) -> int:
    lang = _requested_lang(argv)
    try:
        # The first word names the command, or it is an option or a mistake: then the
        # whole command line is built, so that usage and "did you mean" list them all.
        only = argv[0] if argv and argv[0] in _COMMANDS else None
        ns = _parser(lang, only).parse_args(argv)
        lang = getattr(ns, "lang", DEFAULT_LANG)
        handler: Handler = ns.handler
        return handler(ns, lang)
    except Interrupted as exc:
        print(file=sys.stderr)  # off the line the interrupted prompt left
        _print_problems(exc, lang)
        return exc.exit_code
    except WizardError as exc:
        _print_problems(exc, lang)
        return exc.exit_code
    except KeyboardInterrupt:
        print(t("interrupted", lang), file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader of our output went away (``| head``): nothing left to tell anyone.
        _silence_stdout()
        return EXIT_PROBLEMS
    except OSError as exc:  # whatever the file system does: where, what, what to do
        from koprade_wizard.cli.oserror import describe

        print(describe(exc, lang), file=sys.stderr)
        return EXIT_PROBLEMS


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that Python's final flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _print_problems(exc: WizardError, lang: str) -> None:
    # The one place problems are worded: in the language the person asked for.
    for problem in exc.problems:
        print(problem_text(problem, exc.lang or lang), file=sys.stderr)
