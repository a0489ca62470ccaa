"""``schema``: the JSON Schema of the answers file (or, with --pack, of the step files)."""

from __future__ import annotations

import argparse

from koprade_wizard.cli.options import EXIT_OK, Help, Subparsers


def register(sub: Subparsers, h: Help) -> None:
    parser = sub.add_parser("schema", help=h("help_schema"), description=h("help_schema"))
    parser.add_argument("--pack", action="store_true", help=h("help_pack"))
    parser.set_defaults(handler=run)


def run(ns: argparse.Namespace, lang: str) -> int:
    from koprade_wizard.pack.schema import schema_text

    print(schema_text(pack=ns.pack), end="")
    return EXIT_OK
