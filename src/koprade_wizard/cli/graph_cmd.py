"""``graph``: the decision tree as a flowchart (Mermaid or Graphviz DOT) on standard output."""

from __future__ import annotations

import argparse

from koprade_wizard.cli.options import EXIT_OK, Help, Subparsers, add_lang, add_steps


def register(sub: Subparsers, h: Help) -> None:
    from koprade_wizard.pack.graph import FORMATS

    parser = sub.add_parser("graph", help=h("help_graph"), description=h("help_graph"))
    parser.add_argument("--format", choices=FORMATS, default="mermaid", help=h("help_graph_format"))
    add_lang(parser, h)
    add_steps(parser, h)
    parser.set_defaults(handler=run)


def run(ns: argparse.Namespace, lang: str) -> int:
    from koprade_wizard.cli.wiring import pack_for
    from koprade_wizard.pack.graph import render

    print(render(pack_for(ns), lang, ns.format), end="")
    return EXIT_OK
