"""``questions``: the overview of every question, for trainers (a table) and tools (JSON)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, NotRequired, TypedDict

from koprade_wizard.cli.options import EXIT_OK, Help, Subparsers, add_lang, add_steps

if TYPE_CHECKING:
    from rich.table import Table

    from koprade_wizard.pack.tree import DecisionTree



class ChoiceRow(TypedDict):
    value: str
    label: dict[str, str]


class Row(TypedDict):
    """One question as printed with --json: labels by language, the condition as written."""

    id: str
    step: str
    kind: str
    label: dict[str, str]
    required: bool
    when: str | None
    choices: NotRequired[list[ChoiceRow]]


def register(sub: Subparsers, h: Help) -> None:
    parser = sub.add_parser("questions", help=h("help_questions"),
                            description=h("help_questions"))
    add_steps(parser, h)
    add_lang(parser, h)
    parser.add_argument("--json", action="store_true", help=h("help_json"))
    parser.set_defaults(handler=run)


def run(ns: argparse.Namespace, lang: str) -> int:
    from koprade_wizard.cli.wiring import pack_for

    rows = question_rows(pack_for(ns))
    if ns.json:
        import json

        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        from rich.console import Console

        Console(highlight=False).print(questions_table(rows, lang))
    return EXIT_OK


def question_rows(tree: DecisionTree) -> list[Row]:
    rows: list[Row] = []
    for step in tree.steps:
        for q in step.questions:
            row: Row = {
                "id": q.id,
                "step": step.id,
                "kind": q.kind,
                "label": dict(q.label),
                "required": q.required,
                "when": q.when,
            }
            if q.is_choice:
                row["choices"] = [{"value": c.value, "label": dict(c.label)} for c in q.choices]
            rows.append(row)
    return rows


def questions_table(rows: list[Row], lang: str) -> Table:
    from rich.table import Table

    table = Table(show_lines=False)
    for column in ("id", "step", "kind", "label", "choices", "when", "required"):
        table.add_column(column, overflow="fold")
    for row in rows:
        choices = ", ".join(c["value"] for c in row.get("choices", []))
        table.add_row(row["id"], row["step"], row["kind"], row["label"].get(lang, ""),
                      choices, row["when"] or "", "✓" if row["required"] else "")
    return table
