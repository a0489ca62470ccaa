"""What a question's ``when:`` condition says, for paper and for the checker.

``describe`` turns a condition into a list of plain clauses ("12 is 'yes'", "14
includes 'woodwork'") for the worksheet's branch hints and the flow graph's edge
labels; ``unreachable`` finds questions whose condition no combination of earlier
answers can make true; ``unread_choices`` finds choices no condition compares with.
Pure: the tree in, data out.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from jinja2 import nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment

from koprade_wizard.pack import conditions
from koprade_wizard.pack.tree import DecisionTree, Question


@functools.cache
def _env() -> ImmutableSandboxedEnvironment:
    return ImmutableSandboxedEnvironment()  # made when a condition is first read, not at import


# Above this many combinations of earlier answers a condition is not enumerated
# (and is taken as reachable): the bundled pack's largest needs a few hundred.
MAX_COMBINATIONS = 50_000


@dataclass(frozen=True)
class Clause:
    """One test of an earlier answer: ``question`` ``op`` ``values``.

    ``op``: "yes", "no" (a yes/no answer), "is", "is_not" (a choice among
    ``values``), "has", "has_not" (a multiple choice includes a value), a number
    compared with ``values[0]`` ("gt", "ge", "lt", "le", "eq", "ne"), the number of
    ticked choices compared with it ("count_gt", "count_ge", …), or "other" (a test
    the worksheet words generically).
    """

    question: str
    op: str
    values: tuple[str, ...] = ()


@dataclass(frozen=True)
class Hint:
    """A condition as clauses joined by ``joiner`` ("and"/"or"); ``exact`` is False
    when part of it could not be put into clauses (the reader is told to check)."""

    clauses: tuple[Clause, ...]
    joiner: str
    exact: bool


def _parse(source: str) -> nodes.Expr:
    node = _env().parse("{{ (" + source + ") }}").body[0]
    assert isinstance(node, nodes.Output)
    expr = node.nodes[0]
    assert isinstance(expr, nodes.Expr)
    return expr


def _name(node: nodes.Node) -> str | None:
    """``x`` or ``(x or [])`` / ``(x or 0)`` → ``x``."""
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Or) and isinstance(node.left, nodes.Name):
        return node.left.name
    return None


def _strings(node: nodes.Node) -> tuple[str, ...] | None:
    if isinstance(node, nodes.Const) and isinstance(node.value, str):
        return (node.value,)
    if isinstance(node, nodes.List | nodes.Tuple):
        items = tuple(i.value for i in node.items
                      if isinstance(i, nodes.Const) and isinstance(i.value, str))
        return items if len(items) == len(node.items) else None
    return None


# Jinja's comparison names → the clause's, with the mirror for ``0 < x``.
_NUMBER_OPS = {"gt": "gt", "gteq": "ge", "lt": "lt", "lteq": "le", "eq": "eq", "ne": "ne"}
_MIRROR = {"gt": "lt", "ge": "le", "lt": "gt", "le": "ge", "eq": "eq", "ne": "ne"}


def _numeric(node: nodes.Node) -> float | None:
    """A number written in the condition (``True`` and ``False`` are not numbers here)."""
    if (isinstance(node, nodes.Const) and isinstance(node.value, int | float)
            and not isinstance(node.value, bool)):
        return float(node.value)
    return None


def _number(node: nodes.Node) -> str | None:
    value = _numeric(node)
    return None if value is None else f"{value:g}"


def _counted(node: nodes.Node) -> str | None:
    """``(x or []) | length`` → ``x``."""
    if isinstance(node, nodes.Filter) and node.name == "length" and node.node is not None:
        return _name(node.node)
    return None


def _compared(left: nodes.Node, op: str, right: nodes.Node) -> Clause | None:
    """A number or a count of ticked choices compared with a number, either way round."""
    if op not in _NUMBER_OPS:
        return None
    ours = _NUMBER_OPS[op]
    for subject, const, how in ((left, right, ours), (right, left, _MIRROR[ours])):
        number = _number(const)
        if number is None:
            continue
        if (name := _counted(subject)) is not None:
            return Clause(name, f"count_{how}", (number,))
        if (name := _name(subject)) is not None:
            return Clause(name, how, (number,))
    return None


def _clause(node: nodes.Node) -> Clause | None:
    if (name := _name(node)) is not None:
        return Clause(name, "yes")
    if isinstance(node, nodes.Not) and (name := _name(node.node)) is not None:
        return Clause(name, "no")
    if isinstance(node, nodes.Compare) and len(node.ops) == 1:
        left, op, right = node.expr, node.ops[0].op, node.ops[0].expr
        if (name := _name(left)) is not None and (values := _strings(right)) is not None:
            if op in ("eq", "in"):
                return Clause(name, "is", values)
            if op in ("ne", "notin"):
                return Clause(name, "is_not", values)
        if (name := _name(right)) is not None and (values := _strings(left)) is not None:
            if op == "in":
                return Clause(name, "has", values)
            if op == "notin":
                return Clause(name, "has_not", values)
        if (name := _name(left)) is not None and isinstance(right, nodes.Const):
            if right.value is False and op == "eq":
                return Clause(name, "no")
            if right.value is True and op == "eq":
                return Clause(name, "yes")
        return _compared(left, op, right)
    return None


def describe(source: str) -> Hint:
    expr = _parse(source)
    joiner = "and"
    parts: list[nodes.Node] = [expr]
    if isinstance(expr, nodes.And | nodes.Or):
        joiner = "and" if isinstance(expr, nodes.And) else "or"
        parts = list(_flatten(expr, type(expr)))
    clauses: list[Clause] = []
    exact = True
    for part in parts:
        clause = _clause(part)
        if clause is None:
            exact = False
            names = sorted({n.name for n in part.find_all(nodes.Name) if n.ctx == "load"})
            clauses.extend(Clause(n, "other") for n in names)
        else:
            clauses.append(clause)
    return Hint(tuple(dict.fromkeys(clauses)), joiner, exact)


def _flatten(node: nodes.Node, kind: type) -> Iterator[nodes.Node]:
    if isinstance(node, kind):
        yield from _flatten(node.left, kind)  # type: ignore[attr-defined]
        yield from _flatten(node.right, kind)  # type: ignore[attr-defined]
    else:
        yield node


# --- reachability ------------------------------------------------------------------------

def _numbers(tree: DecisionTree) -> dict[str, set[float]]:
    """Numeric constants each name is compared with anywhere (for boundary values)."""
    found: dict[str, set[float]] = {}
    for operands in _comparisons(tree):
        names = [n for o in operands if (n := _name(o))]
        consts = [c for o in operands if (c := _numeric(o)) is not None]
        for name in names:
            found.setdefault(name, set()).update(consts)
    return found


def _comparisons(tree: DecisionTree) -> Iterator[list[nodes.Expr]]:
    """The operands of every comparison in every condition of the step files."""
    for source in _all_sources(tree):
        expr = _parse(source)
        own = [expr] if isinstance(expr, nodes.Compare) else []
        for cmp in [*own, *expr.find_all(nodes.Compare)]:
            yield [cmp.expr, *(o.expr for o in cmp.ops)]


def _all_sources(tree: DecisionTree) -> Iterator[str]:
    for q in tree.questions():
        for source in (q.when, q.default_expr, q.validate_.expr if q.validate_ else None):
            if source:
                yield source
    for _, rule in tree.actions():
        if rule.when:
            yield rule.when


def compared_values(tree: DecisionTree) -> dict[str, set[str]]:
    """Literal strings each name is compared with anywhere in the step files:
    ``x == 'a'``, ``x in ['a', 'b']``, ``'a' in (x or [])``, ``x != 'a'``."""
    found: dict[str, set[str]] = {}
    for operands in _comparisons(tree):
        for left, right in itertools.pairwise(operands):
            for a, b in ((left, right), (right, left)):
                name, values = _name(a), _strings(b)
                if name is not None and values is not None:
                    found.setdefault(name, set()).update(values)
    return found


def _domain(q: Question, numbers: Mapping[str, set[float]], compared: set[str]) -> list[Any]:
    """Values worth trying for an earlier answer (blank always: it may not be asked)."""
    blank = q.blank()
    if q.kind == "yes_no":
        return [blank, True, False]
    if q.kind == "choice":
        return [blank, *q.choice_values]
    if q.kind == "multi_choice":
        tried = sorted(compared & set(q.choice_values)) or list(q.choice_values[:1])
        subsets = itertools.chain.from_iterable(
            itertools.combinations(tried, k) for k in range(len(tried) + 1))
        return [list(s) for s in subsets]
    if q.kind in ("integer", "decimal"):
        edges = numbers.get(q.id, set())
        return [blank, 0, *sorted({v + d for v in edges for d in (-1, 0, 1)})]
    return [blank, "x"]


def unreachable(tree: DecisionTree) -> list[str]:
    """Ids of questions whose ``when:`` no combination of earlier answers makes true."""
    numbers = _numbers(tree)
    compared = compared_values(tree)
    order = [q.id for q in tree.questions()]
    never: set[str] = set()
    for index, q in enumerate(tree.questions()):
        if not q.when:
            continue
        earlier = {qid: tree.question(qid) for qid in order[:index]}
        names = sorted(n for n in conditions.names(q.when) if n in earlier)
        if set(conditions.names(q.when)) - set(names):
            continue  # reads a later question or another name: cannot be judged here
        domains = [[earlier[n].blank()] if n in never
                   else _domain(earlier[n], numbers, compared.get(n, set())) for n in names]
        if _product_size(domains) > MAX_COMBINATIONS:
            continue
        if not any(_holds(q.when, dict(zip(names, combo, strict=True)))
                   for combo in itertools.product(*domains)):
            never.add(q.id)
    return [qid for qid in order if qid in never]


def _product_size(domains: Iterable[list[Any]]) -> int:
    size = 1
    for d in domains:
        size *= len(d)
    return size


def _holds(source: str, context: Mapping[str, Any]) -> bool:
    try:
        return conditions.holds(source, context)
    except conditions.ConditionError:
        return False  # e.g. a number compared with a blank: not true for that combination


def unread_choices(tree: DecisionTree, read_by_plan: Mapping[str, Iterable[str]] | None = None
                   ) -> list[tuple[str, str]]:
    """(question, choice) pairs that no condition compares with and the plan does not read.

    ``read_by_plan`` maps question ids to the choice values the plan's own code reads;
    without it only the step files' conditions count.
    """
    compared = compared_values(tree)
    plan = {k: set(v) for k, v in (read_by_plan or {}).items()}
    return [(q.id, value) for q in tree.questions() if q.is_choice
            for value in q.choice_values
            if value not in compared.get(q.id, set()) and value not in plan.get(q.id, set())]
