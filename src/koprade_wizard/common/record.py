"""Frozen records: what ``@dataclass(frozen=True)`` gives, made without generating code.

``dataclasses`` writes and compiles five methods for every frozen class; for the forty
classes a plan needs that was the largest part of start-up after the libraries
themselves. A record gets the same behaviour from shared methods that read the class's
field list: keyword or positional construction with defaults and factories, equality
and hashing over the compared fields, a repr, no assignment after construction, and
``__post_init__``. ``field_names`` and ``replace`` stand in for the ``dataclasses``
functions of those names.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, dataclass_transform, overload

_MISSING: Any = object()
T = TypeVar("T")


class _Field:
    __slots__ = ("compare", "default", "factory", "name", "repr")

    def __init__(self, default: Any, factory: Callable[[], Any] | None, compare: bool,
                 repr: bool) -> None:
        self.name = ""
        self.default, self.factory, self.compare, self.repr = default, factory, compare, repr


@overload
def field(*, default: T, compare: bool = True, repr: bool = True) -> T: ...
@overload
def field(*, default_factory: Callable[[], T], compare: bool = True, repr: bool = True) -> T: ...
@overload
def field(*, compare: bool = True, repr: bool = True) -> Any: ...
def field(*, default: Any = _MISSING, default_factory: Callable[[], Any] | None = None,
          compare: bool = True, repr: bool = True) -> Any:
    """Like ``dataclasses.field`` for a record."""
    return _Field(default, default_factory, compare, repr)


def _init(self: Any, *args: Any, **kwargs: Any) -> None:
    cls = type(self)
    fields: tuple[_Field, ...] = cls.__record_fields__
    if len(args) > len(fields):
        raise TypeError(f"{cls.__name__}() takes {len(fields)} arguments, {len(args)} given")
    for i, f in enumerate(fields):
        if i < len(args):
            if f.name in kwargs:
                raise TypeError(f"{cls.__name__}() got two values for {f.name!r}")
            value = args[i]
        elif f.name in kwargs:
            value = kwargs.pop(f.name)
        elif f.factory is not None:
            value = f.factory()
        elif f.default is not _MISSING:
            value = f.default
        else:
            raise TypeError(f"{cls.__name__}() is missing {f.name!r}")
        object.__setattr__(self, f.name, value)
    if kwargs:
        raise TypeError(f"{cls.__name__}() got unexpected {', '.join(sorted(kwargs))}")
    post = getattr(self, "__post_init__", None)
    if post is not None:
        post()


def _key(self: Any) -> tuple[Any, ...]:
    return tuple(getattr(self, f.name) for f in type(self).__record_fields__ if f.compare)


def _eq(self: Any, other: object) -> Any:  # NotImplemented or a bool, as for dataclasses
    if other.__class__ is not self.__class__:
        return NotImplemented
    return _key(self) == _key(other)


def _hash(self: Any) -> int:
    return hash(_key(self))


def _repr(self: Any) -> str:
    shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}"
                      for f in type(self).__record_fields__ if f.repr)
    return f"{type(self).__qualname__}({shown})"


def _frozen(self: Any, name: str, value: Any = None) -> None:
    raise AttributeError(f"cannot assign to field {name!r} of a frozen record")


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def record(cls: type[T]) -> type[T]:
    """Make ``cls`` a frozen record of its annotated class attributes, in order."""
    fields: list[_Field] = list(getattr(cls, "__record_fields__", ()))
    # The class's own annotations (inspect.get_annotations would import inspect).
    for name, note in cls.__dict__.get("__annotations__", {}).items():  # noqa: RUF063
        if "ClassVar" in str(note):
            continue
        value = cls.__dict__.get(name, _MISSING)
        f = value if isinstance(value, _Field) else _Field(value, None, True, True)
        f.name = name
        if isinstance(value, _Field):
            # The class attribute is the default, as with dataclasses; a factory has none.
            if f.default is _MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
        fields.append(f)
    methods: dict[str, object] = {
        "__record_fields__": tuple(fields),
        "__match_args__": tuple(f.name for f in fields),
        "__init__": _init, "__eq__": _eq, "__hash__": _hash,
        "__setattr__": _frozen, "__delattr__": _frozen,
    }
    methods["__repr__"] = _repr
    for name, value in methods.items():
        if name in ("__repr__", "__hash__") and cls.__dict__.get(name) is not None:
            continue  # the class's own, as a dataclass keeps an explicit __hash__
        setattr(cls, name, value)
    return cls


def field_names(cls: type) -> tuple[str, ...]:
    """The names of a record class's fields, in order."""
    return tuple(f.name for f in cls.__record_fields__)  # type: ignore[attr-defined]


def replace(obj: T, **changes: Any) -> T:
    """A copy of the record ``obj`` with ``changes`` in place of those fields."""
    kept = {name: getattr(obj, name) for name in field_names(type(obj))}
    return type(obj)(**{**kept, **changes})
