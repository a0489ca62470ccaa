"""What the commands' parsers share: the option types, and the options several take."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TypeAlias

from koprade_wizard.i18n.messages import LANGS

# A help text by its message key, in the language the person asked for.
Help = Callable[[str], str]
# argparse names no public type for what add_subparsers returns; a string, as the class is
# not subscriptable at run time.
Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
Handler = Callable[[argparse.Namespace, str], int]

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def add_steps(parser: argparse.ArgumentParser, h: Help) -> None:
    # SUPPRESS: an option not given on the subcommand keeps the value given before it.
    parser.add_argument("--steps", type=Path, default=argparse.SUPPRESS, help=h("help_steps"))


def add_lang(parser: argparse.ArgumentParser, h: Help, key: str = "help_lang") -> None:
    parser.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS, help=h(key))


def add_answers(parser: argparse.ArgumentParser, h: Help, key: str = "help_answers") -> None:
    parser.add_argument("--answers", type=Path, default=argparse.SUPPRESS, help=h(key))
