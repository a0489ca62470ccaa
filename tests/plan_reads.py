"""Find what the plan's code and templates read from the answers: question ids and the
choice values compared with them, found in the syntax trees rather than by pattern.

A string that is a question id of the bundled pack counts as reading that question
wherever it stands (outside docstrings and the phrase and source keys of the templates).
A string counts as a choice value of question ``q`` when it is compared (``==``, ``!=``,
``in``, ``not in``) with something that reads ``q``, or is a key of a literal mapping
that is looked up with something that reads ``q``. "Reads ``q``" follows names: a
variable assigned from an expression that reads ``q``, a loop or comprehension variable
over one, and a parameter of a function or macro called with one.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from jinja2 import nodes

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "koprade_wizard"
# The plan's code: what turns answers into the plan, and the guidance it asks.
PLAN_CODE = sorted([*(PACKAGE / "plan").rglob("*.py"), *(PACKAGE / "guidance").rglob("*.py")])
TEMPLATES = sorted((ROOT / "templates").rglob("*.j2"))
# The declarations themselves are not reads.
NOT_SCANNED = {PACKAGE / "plan" / "contract.py"}
# Template calls whose string arguments are phrase or source keys, never answers.
TEMPLATE_SCOPE = "templates"
KEY_CALLS = {"s", "cite", "weak", "src", "basis", "_", "gettext", "ngettext"}


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


@dataclass(frozen=True)
class Read:
    qid: str
    value: str | None  # None: the question itself; else a choice value compared with it
    where: str  # file:line

    def __post_init__(self) -> None:
        assert self.value != "", "an empty string is no answer, not a choice"

    def __str__(self) -> str:
        what = self.qid if self.value is None else f"{self.qid} = {self.value!r}"
        return f"{self.where}: {what}"


@dataclass
class _Scan:
    ids: frozenset[str]
    # A literal mapping may serve several questions (one table for the founder type and
    # the legal form): a lookup reads only those of its keys that are the question's.
    choices: dict[str, set[str]]
    reads: list[Read] = field(default_factory=list)
    # Taint: which question ids a name stands for, per scope (a module, a function in
    # it, or the templates, which share their names through includes).
    names: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    # Literal collections by name: a dict's keys or a tuple/list/set's items.
    literals: dict[str, set[str]] = field(default_factory=dict)
    # Functions and macros by name: the scope of each one so named, and its parameters.
    params: dict[str, list[tuple[str, list[str]]]] = field(default_factory=dict)
    # Values of string enums defined in the scanned code, by class name.
    enums: dict[str, set[str]] = field(default_factory=dict)
    locals: set[tuple[str, str]] = field(default_factory=set)
    changed: bool = False

    def taint(self, scope: str, name: str, ids: set[str]) -> None:
        known = self.names.setdefault((scope, name), set())
        if not ids <= known:
            known |= ids
            self.changed = True

    def tainted(self, scope: str, name: str) -> set[str]:
        own = self.names.get((scope, name), set())
        if (scope, name) in self.locals:
            return own  # a parameter hides the module's (or the templates') name
        return own | self.names.get((scope.partition("::")[0], name), set())

    def pass_to(self, callee: str, position: int | str, ids: set[str], caller: str) -> None:
        """Arguments go to the functions so named in Python, or to the macros in the
        templates: the templates' Python globals are not followed."""
        templates = caller.startswith(TEMPLATE_SCOPE)
        for scope, params in self.params.get(callee, []):
            if scope.startswith(TEMPLATE_SCOPE) != templates:
                continue
            if isinstance(position, str):
                if position in params:
                    self.taint(scope, position, ids)
            elif position < len(params):
                self.taint(scope, params[position], ids)


# -- Python ---------------------------------------------------------------------------

def _strings(node: ast.AST | None) -> set[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return {s for item in node.elts for s in _strings(item)}
    return set()


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and _strings(body[0].value):
                found.add(id(body[0].value))
    return found


class _PyModule:
    def __init__(self, scan: _Scan, path: Path) -> None:
        self.scan, self.path = scan, path
        # The guidance gets answers only through the plan's calls; a string there that
        # equals a question id is a name of its own (a default, a route), not a read.
        self.consts_read = not path.is_relative_to(PACKAGE / "guidance")
        self.tree = ast.parse(path.read_text(encoding="utf-8"))
        self.docs = _docstrings(self.tree)
        self.module = _shown(path)
        self.scopes: dict[int, str] = {}
        for node in ast.walk(self.tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                scope = f"{self.module}::{node.name}"
                for inner in ast.walk(node):
                    self.scopes.setdefault(id(inner), scope)
                args = [a.arg for a in [*node.args.posonlyargs, *node.args.args,
                                        *node.args.kwonlyargs]]
                scan.params.setdefault(node.name, []).append((scope, args))
                scan.locals |= {(scope, arg) for arg in args}
        self.collect_literals()

    def where(self, node: ast.AST) -> str:
        return f"{_shown(self.path)}:{getattr(node, 'lineno', 0)}"

    def scope(self, node: ast.AST) -> str:
        return self.scopes.get(id(node), self.module)

    def collect_literals(self) -> None:
        for node in ast.walk(self.tree):
            if isinstance(node, ast.ClassDef) and any(
                    isinstance(b, ast.Name | ast.Attribute) and
                    (getattr(b, "id", None) or getattr(b, "attr", "")).endswith("Enum")
                    for b in node.bases):
                self.scan.enums[node.name] = {
                    s for stmt in node.body if isinstance(stmt, ast.Assign)
                    for s in _strings(stmt.value)}
        for node in ast.walk(self.tree):
            target, value = None, None
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target, value = node.targets[0], node.value
            elif isinstance(node, ast.AnnAssign):
                target, value = node.target, node.value
            if not isinstance(target, ast.Name) or value is None:
                continue
            items = self.literal_values(value)
            if items:
                self.scan.literals[target.id] = items
        # ``for item, name in TABLE.items()``: ``item`` stands for the table's keys.
        for node in ast.walk(self.tree):
            if not isinstance(node, ast.For | ast.comprehension):
                continue
            source = node.iter
            if isinstance(source, ast.Call) and isinstance(source.func, ast.Attribute) \
                    and source.func.attr in ("items", "keys"):
                source = source.func.value
            first = node.target.elts[0] if isinstance(node.target, ast.Tuple) else node.target
            if isinstance(source, ast.Name) and source.id in self.scan.literals \
                    and isinstance(first, ast.Name):
                self.scan.literals[first.id] = self.scan.literals[source.id]

    def literal_values(self, value: ast.AST) -> set[str]:
        if isinstance(value, ast.Dict):
            return {s for k in value.keys for s in _strings(k)}
        if isinstance(value, ast.Call) and value.args and isinstance(value.func, ast.Name) \
                and value.func.id in ("frozenset", "set", "tuple"):
            return _strings(value.args[0])
        if isinstance(value, ast.DictComp) and isinstance(value.key, ast.Attribute) \
                and value.key.attr == "value":
            # {s.value: s for s in SomeEnum}: keyed by the enum's values.
            source = value.generators[0].iter
            name = getattr(source, "attr", None) or getattr(source, "id", None)
            return set(self.scan.enums.get(str(name), set()))
        return _strings(value) if isinstance(value, ast.Tuple | ast.List | ast.Set) else set()

    def ids_of(self, node: ast.AST) -> set[str]:
        """The question ids an expression reads."""
        found: set[str] = set()
        for inner in ast.walk(node):
            if isinstance(inner, ast.Constant) and self.is_read(inner):
                found.add(str(inner.value))
            elif isinstance(inner, ast.Name):
                found |= self.scan.tainted(self.scope(inner), inner.id)
        return found

    def is_read(self, node: ast.Constant) -> bool:
        return self.consts_read and node.value in self.scan.ids and id(node) not in self.docs

    def choices_of(self, node: ast.AST, qid: str) -> set[str]:
        """The string values an operand stands for: literals, or those of a named
        literal collection (a mapping's keys, a tuple's items) that are ``qid``'s."""
        values = _strings(node)
        if isinstance(node, ast.Name):
            values |= self.scan.literals.get(node.id, set()) & self.scan.choices.get(qid, set())
        return values

    def propagate(self) -> None:
        for node in ast.walk(self.tree):
            scope = self.scope(node)
            if isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                if node.value is None:
                    continue
                ids = self.ids_of(node.value)
                for target in targets:
                    for name in ast.walk(target):
                        if isinstance(name, ast.Name) and ids:
                            self.scan.taint(scope, name.id, ids)
            elif isinstance(node, ast.For | ast.comprehension):
                ids = self.ids_of(node.iter)
                for name in ast.walk(node.target):
                    if isinstance(name, ast.Name) and ids:
                        self.scan.taint(scope, name.id, ids)
            elif isinstance(node, ast.Call):
                callee = str(getattr(node.func, "id", None) or getattr(node.func, "attr", ""))
                # A question id passed as a name (``_num(a, "area_m2")``) is a read at the
                # call; only answers passed as values make the parameter stand for them.
                for i, arg in enumerate(node.args):
                    self.scan.pass_to(callee, i, self.ids_of(arg) - _strings(arg), scope)
                for kw in node.keywords:
                    if kw.arg:
                        self.scan.pass_to(callee, kw.arg,
                                          self.ids_of(kw.value) - _strings(kw.value), scope)

    def record(self) -> None:
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Constant) and self.is_read(node):
                self.scan.reads.append(Read(str(node.value), None, self.where(node)))
            elif isinstance(node, ast.Compare):
                operands = [node.left, *node.comparators]
                self.compared(node, operands)
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr == "get" and node.args:
                self.looked_up(node, node.func.value, node.args[0])
            elif isinstance(node, ast.Subscript):
                self.looked_up(node, node.value, node.slice)

    def compared(self, node: ast.AST, operands: list[ast.expr]) -> None:
        for i, operand in enumerate(operands):
            ids = self.ids_of(operand) - _strings(operand)
            if not ids:
                continue
            for j, other in enumerate(operands):
                if j != i:
                    for qid in ids:
                        for value in self.choices_of(other, qid) - {""}:
                            self.scan.reads.append(Read(qid, value, self.where(node)))

    def looked_up(self, node: ast.AST, mapping: ast.expr, key: ast.expr) -> None:
        if not isinstance(mapping, ast.Name) or mapping.id not in self.scan.literals:
            return
        for qid in self.ids_of(key) - _strings(key):
            for value in self.scan.literals[mapping.id] & self.scan.choices.get(qid, set()):
                self.scan.reads.append(Read(qid, value, self.where(node)))


# -- Jinja templates ----------------------------------------------------------------

def _j_strings(node: nodes.Node | None) -> set[str]:
    if isinstance(node, nodes.Const) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, nodes.List | nodes.Tuple):
        return {s for item in node.items for s in _j_strings(item)}
    return set()


def _j_walk(node: nodes.Node) -> Iterator[nodes.Node]:
    yield node
    for child in node.iter_child_nodes():
        yield from _j_walk(child)


class _Template:
    ENV = jinja2.Environment(extensions=["jinja2.ext.i18n", "jinja2.ext.do"])

    def __init__(self, scan: _Scan, path: Path) -> None:
        self.scan, self.path = scan, path
        self.tree = self.ENV.parse(path.read_text(encoding="utf-8"))
        self.keys: set[int] = set()  # phrase/source key arguments, not answers
        # A macro's parameters and the names set in it are its own.
        self.scopes: dict[int, str] = {}
        for macro in self.tree.find_all(nodes.Macro):
            for inner in _j_walk(macro):
                self.scopes.setdefault(id(inner), f"{TEMPLATE_SCOPE}::{macro.name}")
        for node in _j_walk(self.tree):
            if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name) \
                    and node.node.name in KEY_CALLS:
                for arg in node.args:
                    branches = [arg.expr1, arg.expr2] if isinstance(arg, nodes.CondExpr) \
                        else [arg]
                    self.keys |= {id(b) for b in branches if isinstance(b, nodes.Const)}
            if isinstance(node, nodes.Macro):
                scope = f"{TEMPLATE_SCOPE}::{node.name}"
                scan.params.setdefault(node.name, []).append(
                    (scope, [a.name for a in node.args]))
                scan.locals |= {(scope, a.name) for a in node.args}
            if isinstance(node, nodes.Assign) and isinstance(node.target, nodes.Name) \
                    and isinstance(node.node, nodes.Dict):
                scan.literals[node.target.name] = {
                    s for pair in node.node.items for s in _j_strings(pair.key)}

    def where(self, node: nodes.Node) -> str:
        return f"{_shown(self.path)}:{node.lineno}"

    def scope(self, node: nodes.Node) -> str:
        return self.scopes.get(id(node), TEMPLATE_SCOPE)

    def ids_of(self, node: nodes.Node) -> set[str]:
        found: set[str] = set()
        for inner in _j_walk(node):
            if isinstance(inner, nodes.Const) and inner.value in self.scan.ids:
                found.add(inner.value)
            elif isinstance(inner, nodes.Name):
                found |= self.scan.tainted(self.scope(inner), inner.name)
        return found

    def propagate(self) -> None:
        for node in _j_walk(self.tree):
            if isinstance(node, nodes.Assign):
                ids = self.ids_of(node.node)
                for name in _j_walk(node.target):
                    if isinstance(name, nodes.Name) and ids:
                        self.scan.taint(self.scope(name), name.name, ids)
            elif isinstance(node, nodes.For):
                ids = self.ids_of(node.iter)
                for name in _j_walk(node.target):
                    if isinstance(name, nodes.Name) and ids:
                        self.scan.taint(self.scope(name), name.name, ids)
            elif isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name):
                for i, arg in enumerate(node.args):
                    self.scan.pass_to(node.node.name, i, self.ids_of(arg) - _j_strings(arg),
                                      self.scope(node))

    def record(self) -> None:
        for node in _j_walk(self.tree):
            if isinstance(node, nodes.Const) and node.value in self.scan.ids \
                    and id(node) not in self.keys:
                self.scan.reads.append(Read(node.value, None, self.where(node)))
            elif isinstance(node, nodes.Compare):
                operands = [node.expr, *(op.expr for op in node.ops)]
                for i, operand in enumerate(operands):
                    ids = self.ids_of(operand) - _j_strings(operand)
                    for j, other in enumerate(operands):
                        for qid in ids if j != i else ():
                            values = _j_strings(other)
                            if isinstance(other, nodes.Name):
                                values |= self.scan.literals.get(other.name, set()) \
                                    & self.scan.choices.get(qid, set())
                            for value in values - {""}:
                                self.scan.reads.append(Read(qid, value, self.where(node)))
            elif isinstance(node, nodes.Call) and isinstance(node.node, nodes.Getattr) \
                    and node.node.attr == "get" and node.args \
                    and isinstance(node.node.node, nodes.Name) \
                    and node.node.node.name in self.scan.literals:
                for qid in self.ids_of(node.args[0]) - _j_strings(node.args[0]):
                    for value in self.scan.literals[node.node.node.name] \
                            & self.scan.choices.get(qid, set()):
                        self.scan.reads.append(Read(qid, value, self.where(node)))


def plan_reads(choices: Mapping[str, Iterable[str]], python: Iterable[Path] = PLAN_CODE,
               templates: Iterable[Path] = TEMPLATES) -> list[Read]:
    """Every read of a question or a choice value in the given code and templates;
    ``choices`` are the pack's question ids with their choice values."""
    scan = _Scan(frozenset(choices), {q: set(values) for q, values in choices.items()})
    py = [_PyModule(scan, p) for p in python if p not in NOT_SCANNED]
    jt = [_Template(scan, p) for p in templates]
    # Names stand for what they are assigned from, across functions: repeat to a fixpoint.
    scan.changed = True
    while scan.changed:
        scan.changed = False
        for unit in [*py, *jt]:
            unit.propagate()
    for unit in [*py, *jt]:
        unit.record()
    return scan.reads
