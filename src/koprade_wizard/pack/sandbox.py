"""The Jinja2 sandbox that step-file expressions run in, with sizes and time bounded.

The immutable sandbox keeps expressions away from Python internals and from changing
the answers. A step file may still ask for something huge — ``'a' * 10**9``,
``10 ** 10 ** 10``, ``'x'|center(10**9)`` — and one such expression must neither
exhaust memory nor freeze the wizard. So:

- constants are not folded while compiling (Jinja's optimiser would compute
  ``'a' * 10**9`` at compile time, in ``check`` too);
- every operator, method and filter that can make a value larger than its inputs
  estimates the size first and refuses past ``MAX_SIZE``; what one evaluation builds
  that way is also counted, up to ``MAX_TOTAL``;
- each evaluation has a deadline, checked at every step it takes through the sandbox.
"""

from __future__ import annotations

import functools
import inspect
import re
import time
from collections.abc import Callable, Mapping
from typing import Any

from jinja2 import StrictUndefined
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import _PassArg

MAX_SIZE = 100_000  # characters of a text or items of a list, nested items counted
MAX_TOTAL = 1_000_000  # all that one evaluation builds through the guarded operations
MAX_BITS = 100_000  # of a whole number (about 30 000 digits)
MAX_SECONDS = 1.0
# A run of digits this long in a format string is a width nobody needs.
_WIDE = re.compile(r"\d{6,}")
_INJECTED = ("eval_ctx", "environment", "env", "context")
_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")


class LimitExceeded(SecurityError):
    """An expression asked for more than the sandbox gives; ``kind`` says what."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind  # "too_large" or "too_slow"


def size(value: object, budget: int = MAX_SIZE) -> int:
    """How big ``value`` is when written out, shared items counted each time.

    Stops counting once past ``budget``, so it costs at most about that much.
    """
    total = 0
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str | bytes):
            total += len(item)
        elif isinstance(item, list | tuple | set | frozenset | dict):
            total += max(1, len(item))
            if total > budget:
                return total
            if isinstance(item, dict):
                stack.extend(item.keys())
                stack.extend(item.values())
            else:
                stack.extend(item)
        else:
            total += 1
        if total > budget:
            return total
    return total


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox with the bounds above."""

    intercepted_binops = frozenset({"*", "**", "%"})

    def __init__(self) -> None:
        super().__init__(undefined=StrictUndefined, autoescape=False, optimized=False)
        # Helpers for templates, not for conditions; lipsum() could write megabytes.
        for name in ("lipsum", "cycler", "joiner", "namespace"):
            self.globals.pop(name, None)
        for name, func in list(self.filters.items()):
            self.filters[name] = self._guarded(func, name)
        for name, test in list(self.tests.items()):
            self.tests[name] = self._guarded(test, "")
        self._deadline = float("inf")
        self._spent = 0

    # -- one evaluation ------------------------------------------------------------
    def start(self) -> None:
        """Reset the clock and the budget; called before each evaluation."""
        self._deadline = time.monotonic() + MAX_SECONDS
        self._spent = 0

    def tick(self) -> None:
        if time.monotonic() > self._deadline:
            raise LimitExceeded("too_slow")

    def spend(self, amount: int) -> None:
        """Refuse a value larger than ``MAX_SIZE``, or more built than ``MAX_TOTAL``."""
        if amount > MAX_SIZE:
            raise LimitExceeded("too_large")
        self._spent += amount
        if self._spent > MAX_TOTAL:
            raise LimitExceeded("too_large")

    # -- the sandbox's hooks ---------------------------------------------------------
    def call_binop(self, context: Context, op: str, left: Any, right: Any) -> Any:
        self.tick()
        if op == "*":
            self._check_multiply(left, right)
        elif op == "**":
            self._check_power(left, right)
        elif op == "%" and isinstance(left, str):
            self._check_percent(left, right)
        return self.binop_table[op](left, right)

    def _check_multiply(self, left: Any, right: Any) -> None:
        if _is_int(left) and _is_int(right):
            if left.bit_length() + right.bit_length() > MAX_BITS:
                raise LimitExceeded("too_large")
            return
        for seq, times in ((left, right), (right, left)):
            if isinstance(times, int) and isinstance(seq, str | list | tuple):
                self.spend(size(seq) * max(0, times))

    @staticmethod
    def _check_power(base: Any, exponent: Any) -> None:
        if (_is_int(base) and _is_int(exponent) and exponent > 0 and abs(base) > 1
                and exponent * base.bit_length() > MAX_BITS):
            raise LimitExceeded("too_large")

    def _check_percent(self, template: str, args: Any) -> None:
        for spec in _PERCENT_SPEC.finditer(template):
            for number in spec.groups():
                if number and number != "*" and int(number) > MAX_SIZE:
                    raise LimitExceeded("too_large")
        values = args if isinstance(args, tuple) else (args,)
        if any(_is_int(v) and abs(v) > MAX_SIZE for v in values) and "*" in template:
            raise LimitExceeded("too_large")
        self.spend(len(template) + sum(size(v) for v in values))

    def getattr(self, obj: Any, attribute: str) -> Any:
        self.tick()
        if isinstance(obj, str) and attribute in ("format", "format_map") and _WIDE.search(obj):
            raise LimitExceeded("too_large")
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        self.tick()
        return super().getitem(obj, argument)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        __self.tick()
        values = [*args, *kwargs.values()]
        # A huge number handed to any method is a width, a count or a length.
        if any(_is_int(v) and abs(v) > MAX_SIZE for v in values):
            raise LimitExceeded("too_large")
        if getattr(__obj, "__name__", "") in ("format", "format_map") and any(
            isinstance(v, str) and _WIDE.search(v) for v in values
        ):
            raise LimitExceeded("too_large")
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, str):
            __self.spend(_str_method_size(owner, getattr(__obj, "__name__", ""), args, kwargs))
        return super().call(__context, __obj, *args, **kwargs)

    def _guarded(self, func: Any, name: str) -> Callable[..., Any]:
        guard = _FILTER_GUARDS.get(name)
        signature = inspect.signature(func) if guard is not None else None
        # Jinja hands some filters its context first; a few (those with an async
        # twin) get it although their own signature does not name it.
        params = list(signature.parameters) if signature is not None else []
        injected = _PassArg.from_obj(func) is not None
        skip = 1 if injected and params and params[0] not in _INJECTED else 0

        @functools.wraps(func)  # keeps Jinja's pass_context marks
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            self.tick()
            if guard is None or signature is None:
                return func(*args, **kwargs)
            try:
                bound = signature.bind(*args[skip:], **kwargs)
            except TypeError:
                return func(*args, **kwargs)  # the filter itself says what is wrong
            bound.apply_defaults()
            first = next((k for k in bound.arguments if k not in _INJECTED), None)
            if first is None:
                return func(*args, **kwargs)
            value = bound.arguments[first]
            if not isinstance(value, str) and not hasattr(value, "__len__"):
                # A generator (from map or select): counted once, then handed on.
                bound.arguments[first] = value = list(value)
            self.spend(guard(value, bound.arguments))
            return func(*args[:skip], *bound.args, **bound.kwargs)

        return wrapper


def _replaced_size(text: str, old: Any, new: Any) -> int:
    if not isinstance(old, str) or not isinstance(new, str):
        return len(text)
    if not old:
        return len(text) + (len(text) + 1) * len(new)
    return len(text) + text.count(old) * max(0, len(new) - len(old))


def _str_method_size(text: str, name: str, args: tuple[Any, ...],
                     kwargs: Mapping[str, Any]) -> int:
    """An upper estimate of what a text method returns (0 when it cannot grow)."""
    values = [*args, *kwargs.values()]
    if name == "replace" and len(values) >= 2:
        return _replaced_size(text, values[0], values[1])
    if name == "join" and values:
        items = values[0]
        count = len(items) if hasattr(items, "__len__") else MAX_SIZE + 1
        return len(text) * count + size(items)
    if name == "expandtabs":
        tab = values[0] if values and _is_int(values[0]) else 8
        return len(text) + text.count("\t") * max(1, tab)
    if name == "translate" and values and isinstance(values[0], Mapping):
        longest = max((size(v) for v in values[0].values()), default=1)
        return len(text) * max(1, longest)
    if name in ("center", "ljust", "rjust", "zfill") and values and _is_int(values[0]):
        return max(len(text), int(values[0]))
    return 0


def _n(value: Any) -> int:
    return value if _is_int(value) else 0


def _lines(text: Any) -> int:
    return text.count("\n") + 1 if isinstance(text, str) else 1


def _indent_size(value: Any, a: Mapping[str, Any]) -> int:
    width = a.get("width")
    each = len(width) if isinstance(width, str) else _n(width)
    return size(value) + _lines(value) * each


def _wrap_size(value: Any, a: Mapping[str, Any]) -> int:
    breaks = size(value) // max(1, _n(a.get("width")) or 1) + 1
    return size(value) + breaks * size(a.get("wrapstring") or "\n")


def _format_size(value: Any, a: Mapping[str, Any]) -> int:
    if _WIDE.search(str(value)):
        return MAX_SIZE + 1
    return size(value) + size(a.get("args", ())) + size(a.get("kwargs", {}))


def _join_size(value: Any, a: Mapping[str, Any]) -> int:
    return size(value) + len(value) * size(a.get("d") or "")


# What each filter that can grow a value may produce: (its input, its arguments) → size.
_FILTER_GUARDS: dict[str, Callable[[Any, Mapping[str, Any]], int]] = {
    "center": lambda v, a: max(size(v), _n(a.get("width"))),
    "indent": _indent_size,
    "batch": lambda v, a: size(v) + _n(a.get("linecount")),
    "slice": lambda v, a: size(v) + _n(a.get("slices")),
    "replace": lambda v, a: _replaced_size(str(v), a.get("old"), a.get("new")),
    "join": _join_size,
    "wordwrap": _wrap_size,
    "format": _format_size,
    "truncate": lambda v, a: size(a.get("end") or ""),
}
