"""Conditions, defaults and validation expressions from step files.

They are Jinja2 expressions evaluated in a sandbox (``sandbox.py``), never with
``eval``: a step file may come from anyone, so it must not reach Python internals,
change the answers, or take unbounded memory or time. A name that is not defined
raises instead of quietly counting as false. Every failure, whether compiling or
evaluating, is one ConditionError, so callers can name the step file and line.
"""

from __future__ import annotations

import marshal
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import lru_cache
from types import CodeType
from typing import Any

from jinja2 import TemplateSyntaxError, Undefined, nodes
from jinja2.environment import TemplateExpression
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.parser import Parser

from koprade_wizard.common.answers import Answers
from koprade_wizard.common.errors import Message, msg
from koprade_wizard.common.record import record
from koprade_wizard.pack.sandbox import MAX_SECONDS, BoundedSandbox, LimitExceeded

_ENV = BoundedSandbox()
# Compiled expressions, keyed by their source. Compiling is the slow part of Jinja
# (about 1.5 ms an expression), so the tree cache keeps them for the next start.
_CODE: dict[str, CodeType] = {}


class ConditionError(Exception):
    """An expression could not be compiled or evaluated.

    ``kind`` is "error", or "too_large"/"too_slow"/"too_deep" for a refused bound.
    """

    def __init__(self, reason: str, kind: str = "error") -> None:
        super().__init__(reason.rstrip(". "))  # messages add their own full stop
        self.kind = kind

    def reason(self) -> Message | str:
        """What to tell a person: a bound in the catalogue's words, else Jinja's own."""
        if self.kind == "too_large":
            return msg("expr_too_large")
        if self.kind == "too_slow":
            return msg("expr_too_slow", seconds=MAX_SECONDS)
        if self.kind == "too_deep":
            return msg("expr_too_deep")
        return str(self)


@record
class Comparison:
    """``name`` compared with a literal string somewhere in an expression."""

    name: str
    literal: str


def _code(source: str) -> CodeType:
    """What ``Environment.compile_expression`` compiles, kept so it can be cached."""
    if source not in _CODE:
        try:
            parser = Parser(_ENV, source, state="variable")
            expr = parser.parse_expression()
            if not parser.stream.eos:
                raise TemplateSyntaxError("unexpected text after the expression",
                                          parser.stream.current.lineno)
            expr.set_environment(_ENV)
            body = [nodes.Assign(nodes.Name("result", "store"), expr, lineno=1)]
            # An unknown filter or test is found here (TemplateAssertionError).
            code = _ENV.compile(nodes.Template(body, lineno=1))
        except TemplateSyntaxError as exc:
            raise ConditionError(exc.message or "syntax error") from None
        except RecursionError:
            raise ConditionError("nested too deeply", "too_deep") from None
        except Exception as exc:  # whatever else Jinja's compiler trips over in odd input
            raise ConditionError(f"{type(exc).__name__}: {exc}") from None
        assert isinstance(code, CodeType)
        _CODE[source] = code
    return _CODE[source]


@lru_cache(maxsize=2048)
def _compiled(source: str) -> Callable[..., Any]:
    template = _ENV.template_class.from_code(_ENV, _code(source), _ENV.make_globals(None))
    return TemplateExpression(template, undefined_to_none=False)


def export_compiled(sources: Iterable[str]) -> dict[str, bytes]:
    """The compiled form of ``sources`` (marshalled), for a cache of this Python version."""
    return {src: marshal.dumps(_code(src)) for src in sources}


def import_compiled(compiled: Mapping[str, bytes]) -> None:
    for src, blob in compiled.items():
        code = marshal.loads(blob)
        if isinstance(code, CodeType):
            _CODE.setdefault(src, code)


def check_syntax(source: str) -> Message | str | None:
    """None when the expression compiles, else the reason."""
    try:
        _compiled(source)
    except ConditionError as exc:
        return exc.reason()
    return None


def evaluate(source: str, context: Answers) -> object:
    try:
        expression = _compiled(source)
        _ENV.start()
        result = expression(**context)
        if isinstance(result, Undefined):
            result._fail_with_undefined_error()
        return result
    except UndefinedError as exc:
        raise ConditionError(exc.message or "a name is not defined") from None
    except LimitExceeded as exc:
        raise ConditionError(str(exc), exc.kind) from None
    except (MemoryError, OverflowError) as exc:
        raise ConditionError(f"{type(exc).__name__}: {exc}", "too_large") from None
    except RecursionError:
        raise ConditionError("nested too deeply", "too_deep") from None
    except SecurityError as exc:
        raise ConditionError(f"not allowed: {exc}") from None
    except ConditionError:
        raise
    except Exception as exc:  # any error inside a user expression is a problem of that expression
        raise ConditionError(f"{type(exc).__name__}: {exc}") from None


def holds(source: str | None, context: Answers) -> bool:
    return True if source is None else bool(evaluate(source, context))


def _parse(source: str) -> nodes.Template:
    return _ENV.parse("{{ (" + source + ") }}")


def names(source: str) -> set[str]:
    """Every variable name the expression reads (loop variables and filters aside)."""
    return set(_names(source))


@lru_cache(maxsize=4096)
def _names(source: str) -> frozenset[str]:
    return frozenset(n.name for n in _parse(source).find_all(nodes.Name) if n.ctx == "load")


def _literals(node: nodes.Node) -> Iterator[str]:
    if isinstance(node, nodes.Const) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, nodes.List | nodes.Tuple):
        for item in node.items:
            if isinstance(item, nodes.Const) and isinstance(item.value, str):
                yield item.value


def comparisons(source: str) -> list[Comparison]:
    """Literal strings compared with a name: ``x == 'a'``, ``x in ['a', 'b']``,
    ``'a' in x``, ``x != 'a'`` — so a checker can match them against choice values."""
    found: list[Comparison] = []
    for cmp in _parse(source).find_all(nodes.Compare):
        left = cmp.expr
        for operand in cmp.ops:
            right = operand.expr
            if operand.op in ("eq", "ne", "in", "notin"):
                for a, b in ((left, right), (right, left)):
                    if isinstance(a, nodes.Name):
                        found.extend(Comparison(a.name, lit) for lit in _literals(b))
            left = right
    return found
