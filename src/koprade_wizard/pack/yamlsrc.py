"""Safe YAML reading that remembers the line of every key, value and list item.

The step files are edited by hand, so every problem must point at a line. PyYAML's
safe loader is subclassed only to attach line numbers; tags outside the safe set
(``!!python/object`` and friends) are still refused by the constructor.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, SequenceNode


class LineDict(dict[str, Any]):
    """A mapping that knows the 1-based line of each of its keys."""

    line: int = 0
    key_lines: dict[str, int]


class LineList(list[Any]):
    """A sequence that knows the 1-based line of each of its items."""

    line: int = 0
    item_lines: list[int]


# libyaml's parser when PyYAML has it (ten times faster); both are safe loaders.
SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """Plain safe YAML loading (no line numbers); raise YamlSyntaxError."""
    try:
        return yaml.load(text, Loader=SAFE_LOADER)
    except yaml.YAMLError as exc:
        raise _syntax_error(exc, text) from None


# Deeper than this, a hand-written file is a mistake; and the line-keeping loader (and
# the checks that walk its result) recurse once per level.
MAX_DEPTH = 60


class _LineLoader(SAFE_LOADER):  # type: ignore[misc,valid-type]
    _depth = 0

    def _enter(self, node: Node) -> None:
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise YamlSyntaxError(f"nested more than {MAX_DEPTH} levels deep",
                                  node.start_mark.line + 1)

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> LineDict:
        self._enter(node)
        self.flatten_mapping(node)
        result = LineDict()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                key = str(key)
            if key in result:
                raise DuplicateKeyError(key, key_node.start_mark.line + 1)
            result[key] = self.construct_object(value_node, deep=True)
            result.key_lines[key] = key_node.start_mark.line + 1
        self._depth -= 1
        return result

    def construct_sequence(self, node: SequenceNode, deep: bool = False) -> LineList:
        self._enter(node)
        result = LineList(self.construct_object(child, deep=True) for child in node.value)
        result.line = node.start_mark.line + 1
        result.item_lines = [child.start_mark.line + 1 for child in node.value]
        self._depth -= 1
        return result


def _construct_map(loader: _LineLoader, node: Node) -> LineDict:
    assert isinstance(node, MappingNode)
    return loader.construct_mapping(node, deep=True)


def _construct_seq(loader: _LineLoader, node: Node) -> LineList:
    assert isinstance(node, SequenceNode)
    return loader.construct_sequence(node, deep=True)


def _refuse_tag(loader: _LineLoader, node: Node) -> Any:
    # The safe loader's own refusal only says so in its message; keep the tag itself.
    tag = str(node.tag).replace("tag:yaml.org,2002:", "!!", 1)  # as it was written
    raise UnsafeTagError(tag, node.start_mark.line + 1)


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_map)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_seq)
_LineLoader.add_constructor(None, _refuse_tag)  # every tag outside the safe set


class DuplicateKeyError(Exception):
    def __init__(self, key: str, line: int) -> None:
        super().__init__(key)
        self.key = key
        self.line = line


class UnsafeTagError(Exception):
    def __init__(self, tag: str, line: int) -> None:
        super().__init__(tag)
        self.tag = tag
        self.line = line


class YamlSyntaxError(Exception):
    """The text is not YAML we accept; ``line`` is 1-based (0 when unknown).

    ``code`` names the kind of problem for the message catalogue (``yaml_syntax``,
    ``unsafe_tag``, ``not_utf8``) and ``params`` its parameters; ``reason`` is the
    parser's own English account, shown inside the worded message."""

    def __init__(self, reason: str, line: int, code: str = "yaml_syntax",
                 params: dict[str, str] | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line
        self.code = code
        self.params = {"reason": reason} if params is None else params


def _line_at(text: str, position: int) -> int:
    """The 1-based line of a reader's position (libyaml counts UTF-8 bytes)."""
    if SAFE_LOADER is not yaml.SafeLoader:
        return text.encode("utf-8", "surrogatepass").count(b"\n", 0, position) + 1
    return text.count("\n", 0, position) + 1


def _syntax_error(exc: yaml.YAMLError, text: str) -> YamlSyntaxError:
    """A parser error as a reason and a 1-based line inside the text."""
    if isinstance(exc, yaml.reader.ReaderError):
        # A character YAML does not allow (NUL, other control characters).
        found = exc.character
        char = found if isinstance(found, int) else ord(str(found)[:1] or "?")
        return YamlSyntaxError(f"the character U+{char:04X} is not allowed ({exc.reason})",
                               _line_at(text, exc.position))
    if not isinstance(exc, yaml.MarkedYAMLError):
        return YamlSyntaxError(str(exc), 1)
    mark = exc.problem_mark or exc.context_mark
    if mark is not None and exc.context_mark is not None and mark.line >= len(text.splitlines()):
        # Past the last line says nothing; point at where the unclosed thing began.
        mark = exc.context_mark
    reason = " ".join(str(part) for part in (exc.context, exc.problem) if part)
    return YamlSyntaxError(reason or "not valid YAML", mark.line + 1 if mark else 1)


def load_text(text: str) -> Any:
    """Parse one YAML document safely, keeping line numbers; raise YamlSyntaxError."""
    try:
        return yaml.load(text, Loader=_LineLoader)  # a safe loader, with line numbers
    except DuplicateKeyError as exc:
        raise YamlSyntaxError(f"duplicate key '{exc.key}'", exc.line) from None
    except UnsafeTagError as exc:
        raise YamlSyntaxError(f"the tag '{exc.tag}' is not allowed", exc.line, "unsafe_tag",
                              {"tag": exc.tag}) from None
    except yaml.YAMLError as exc:
        raise _syntax_error(exc, text) from None
    except RecursionError:
        raise YamlSyntaxError(f"nested more than {MAX_DEPTH} levels deep", 1) from None


def decode(data: bytes) -> str:
    """UTF-8 bytes as text; raise YamlSyntaxError with the line of the first bad byte."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        reason = f"not UTF-8 text ({exc.reason})"
        raise YamlSyntaxError(reason, line, "not_utf8", {"reason": exc.reason}) from None


def load_file(path: Path) -> Any:
    return load_text(decode(path.read_bytes()))


def line_of(data: object, loc: tuple[int | str, ...], fallback: int = 0) -> int:
    """The line of the deepest node along ``loc`` that is known."""
    line = getattr(data, "line", fallback) or fallback
    node = data
    for part in loc:
        if isinstance(node, LineDict) and isinstance(part, str) and part in node:
            line = node.key_lines.get(part, line)
            node = node[part]
        elif isinstance(node, LineList) and isinstance(part, int) and 0 <= part < len(node):
            line = node.item_lines[part]
            node = node[part]
        elif isinstance(node, LineDict) and isinstance(part, str):
            # A tag of a tagged union (pydantic puts the discriminator value in loc).
            continue
        else:
            break
    return line
