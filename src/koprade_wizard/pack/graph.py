"""The decision tree as a flowchart: steps as boxes, questions in order, conditions on edges.

Two notations: Mermaid (renders on GitHub and in many editors) and Graphviz DOT.
Every question is a node named by its id and label; a plain arrow leads from each
question to the next one asked; a question with a ``when:`` also gets a labelled
arrow from each earlier question its condition reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from koprade_wizard.pack.display import text
from koprade_wizard.pack.tree import DecisionTree

if TYPE_CHECKING:
    from koprade_wizard.pack.branches import Clause

FORMATS = ("mermaid", "dot")
_OPS = {"yes": "= yes", "no": "= no", "is": "=", "is_not": "≠", "has": "∋", "has_not": "∌",
        "gt": ">", "ge": "≥", "lt": "<", "le": "≤", "eq": "=", "ne": "≠", "other": "?"}


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str  # "" for the plain next-question arrow


def clause_label(clause: Clause, tree: DecisionTree | None = None) -> str:
    q = tree.find(clause.question) if tree else None
    if q is not None and q.kind != "yes_no" and clause.op in ("yes", "no"):
        # A text or a number read as true or false: given or not.
        return f"{clause.question} {'given' if clause.op == 'yes' else 'empty'}"
    values = " | ".join(clause.values)
    if clause.op.startswith("count_"):
        return f"count({clause.question}) {_OPS[clause.op.removeprefix('count_')]} {values}"
    return f"{clause.question} {_OPS[clause.op]} {values}".strip()


def edges(tree: DecisionTree) -> list[Edge]:
    # Read here, not at import: ``graph --help`` and every other command list the
    # formats above without loading the analysis of the step files' conditions.
    from koprade_wizard.pack.branches import describe

    order = [q.id for q in tree.questions()]
    found = [Edge(a, b, "") for a, b in pairwise(order)]
    for q in tree.questions():
        if not q.when:
            continue
        hint = describe(q.when)
        joiner = " and " if hint.joiner == "and" else " or "
        label = joiner.join(clause_label(c, tree) for c in hint.clauses) or q.when
        if not hint.exact:
            label = q.when  # the source says it best when it is not simple clauses
        for source in dict.fromkeys(c.question for c in hint.clauses):
            if source in order and order.index(source) < order.index(q.id):
                found.append(Edge(source, q.id, label))
    return found


def _mermaid_text(value: str) -> str:
    # Mermaid reads quotes and some brackets in labels; its entity codes keep them.
    return value.replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")


def mermaid(tree: DecisionTree, lang: str) -> str:
    lines = ["flowchart TD"]
    for step in tree.steps:
        lines.append(f'  subgraph step_{step.id}["{_mermaid_text(text(step.title, lang))}"]')
        for q in step.questions:
            label = _mermaid_text(f"{q.id}: {text(q.label, lang)}")
            shape = ('{{"', '"}}') if q.when else ('["', '"]')
            lines.append(f"    {q.id}{shape[0]}{label}{shape[1]}")
        lines.append("  end")
    for edge in edges(tree):
        if edge.label:
            lines.append(f'  {edge.source} -.->|"{_mermaid_text(edge.label)}"| {edge.target}')
        else:
            lines.append(f"  {edge.source} --> {edge.target}")
    return "\n".join(lines) + "\n"


def _dot_text(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")


def dot(tree: DecisionTree, lang: str) -> str:
    lines = [f'digraph "{_dot_text(tree.id)}" {{', "  rankdir=TB;",
             '  node [shape=box, fontname="DejaVu Sans", fontsize=10];']
    for step in tree.steps:
        lines.append(f'  subgraph "cluster_{_dot_text(step.id)}" {{')
        lines.append(f'    label="{_dot_text(text(step.title, lang))}";')
        for q in step.questions:
            style = ", style=rounded" if q.when else ""
            lines.append(f'    "{q.id}" [label="{_dot_text(q.id)}\\n'
                         f'{_dot_text(text(q.label, lang))}"{style}];')
        lines.append("  }")
    for edge in edges(tree):
        attrs = f' [label="{_dot_text(edge.label)}", style=dashed]' if edge.label else ""
        lines.append(f'  "{edge.source}" -> "{edge.target}"{attrs};')
    lines.append("}")
    return "\n".join(lines) + "\n"


def render(tree: DecisionTree, lang: str, fmt: str = "mermaid") -> str:
    return dot(tree, lang) if fmt == "dot" else mermaid(tree, lang)
