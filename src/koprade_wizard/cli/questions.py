"""The overview of every question, for trainers (a table) and tools (JSON)."""

from __future__ import annotations

from typing import Any

from koprade_wizard.pack.tree import DecisionTree


def question_rows(tree: DecisionTree) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for step in tree.steps:
        for q in step.questions:
            row: dict[str, Any] = {
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


def questions_table(rows: list[dict[str, Any]], lang: str) -> Any:
    from rich.table import Table

    table = Table(show_lines=False)
    for column in ("id", "step", "kind", "label", "choices", "when", "required"):
        table.add_column(column, overflow="fold")
    for row in rows:
        choices = ", ".join(c["value"] for c in row.get("choices", []))
        table.add_row(row["id"], row["step"], row["kind"], row["label"].get(lang, ""),
                      choices, row["when"] or "", "✓" if row["required"] else "")
    return table
