"""Fuzz: broken step packs and broken answers files never make a command fall over.

Each case is the mini pack or the bundled pack with a few random mutations (lines
replaced, dropped, duplicated or re-indented; random expressions; control characters;
bytes that are not UTF-8; truncation; deep nesting), or an answers file that is random
YAML, wrong types, huge numbers, unknown ids or binary garbage. Whatever it is, the
command returns 0 or 1 within a bounded time, prints no traceback, and every problem it
reports about a file names that file and a line.

The number of cases follows the active hypothesis profile (few locally, many in CI).
"""

from __future__ import annotations

import contextlib
import io
import re
import tempfile
import time
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from koprade_wizard.cli import run

ROOT = Path(__file__).resolve().parent.parent
PACKS = {"mini": ROOT / "tests" / "packs" / "mini", "bundled": ROOT / "steps"}
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
MINI_ANSWERS = {"name": "Ērgļu koprade", "founder": "association", "members": 3,
                "has_premises": True, "area": 120, "wishes": ["workshop"],
                "opening": "2027-03-01", "notes": "Kokapstrāde"}
# Seconds one command may take on a loaded machine; a hang is far beyond it.
BOUND = 20.0
# Only the problems we word may appear, each starting with where it is.
LOCATED = re.compile(r"^(?P<path>[^\n]+?\.(?:yaml|j2|md)):(?P<line>[1-9]\d*): \S")
SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                          HealthCheck.data_too_large])
# The bundled pack takes a second a case to check: a fifth of the profile's count.
BUNDLED = settings(SETTINGS, max_examples=max(2, (settings.default or SETTINGS).max_examples // 5))

# --- pieces of broken input --------------------------------------------------------------

NAMES = st.sampled_from(["name", "founder", "members", "has_premises", "area", "wishes",
                         "stage", "core_team_size", "initiative_name", "value", "nosuch"])
ATOMS = st.one_of(
    NAMES,
    st.sampled_from(["0", "1", "10**9", "10**10**10", "'a'", "'a'*10**9", "none", "true",
                     "[1, 2]", "{'a': 1}", "range(10**9)", "().__class__", "lipsum(9)",
                     "'%999999999s'", "'{:>99999999}'", "(((((((((1)))))))))"]),
)


@st.composite
def expressions(draw: st.DrawFn, depth: int = 0) -> str:
    """Random Jinja expressions: sound, wrong, hostile or not even expressions."""
    if depth > 2 or draw(st.booleans()):
        return draw(ATOMS)
    left = draw(expressions(depth + 1))
    shape = draw(st.sampled_from(["binop", "filter", "call", "attr", "not", "junk"]))
    if shape == "binop":
        op = draw(st.sampled_from(["+", "-", "*", "/", "//", "%", "**", "==", "<", "in",
                                   "and", "or", "~", "is"]))
        return f"{left} {op} {draw(expressions(depth + 1))}"
    if shape == "filter":
        name = draw(st.sampled_from(["length", "int", "center(10**9)", "join", "nosuchfilter",
                                     "replace('a', 'aaaa')", "batch(10**9)", "sum",
                                     "indent(10**9)", "list", "default(0)", "round"]))
        return f"({left})|{name}"
    if shape == "call":
        return f"({left}).{draw(st.sampled_from(['upper', 'center', 'format', 'items']))}()"
    if shape == "attr":
        return f"{left}.{draw(st.sampled_from(['__class__', 'year', 'mro', 'real']))}"
    if shape == "not":
        return f"not {left}"
    return left + draw(st.text(alphabet="()[]{}|%'\"=!<>,.:", max_size=4))


LINE_TEXT = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30),
    st.text(alphabet=" -:[]{}'\"#&*!|>%@`,?\t\\", max_size=12),
    expressions().map(lambda e: f"    when: \"{e}\""),
    expressions().map(lambda e: f"    default_expr: '{e}'"),
    st.sampled_from(["    validate: {pattern: '(a+)+$'}", "    validate: {pattern: '(a)\\1'}",
                     "    kind: nosuchkind", "  - id: name", "    default: 99999999999999999999",
                     "    when: " + "(" * 300, "    label: {lv: x}", "!!python/object:os.system",
                     "steps: [" + "[" * 200, "    choices: []", "  - 3", "~", "---", "..."]),
)


@st.composite
def mutated(draw: st.DrawFn, files: dict[str, bytes]) -> dict[str, bytes]:
    """A few mutations of some of ``files`` (name → content)."""
    files = dict(files)
    for _ in range(draw(st.integers(1, 3))):
        name = draw(st.sampled_from(sorted(files)))
        data = files[name]
        lines = data.split(b"\n")
        at = draw(st.integers(0, max(0, len(lines) - 1)))
        how = draw(st.sampled_from(["replace", "insert", "drop", "duplicate", "indent",
                                    "control", "bytes", "truncate", "garbage", "nest"]))
        if how in ("replace", "insert"):
            new = draw(LINE_TEXT).encode("utf-8", "surrogatepass")
            lines[at:at + (how == "replace")] = [new]
        elif how == "drop" and lines:
            del lines[at]
        elif how == "duplicate" and lines:
            lines.insert(at, lines[at])
        elif how == "indent" and lines:
            lines[at] = b" " * draw(st.integers(1, 5)) + lines[at]
        elif how == "control" and lines:
            char = draw(st.sampled_from([b"\0", b"\x07", b"\x1b", b"\x85", b"\xef\xbb\xbf"]))
            pos = draw(st.integers(0, len(lines[at])))
            lines[at] = lines[at][:pos] + char + lines[at][pos:]
        elif how == "bytes" and lines:
            lines[at] += draw(st.binary(min_size=1, max_size=4))
        elif how == "truncate":
            lines = data[:draw(st.integers(0, len(data)))].split(b"\n")
        elif how == "garbage":
            lines = [draw(st.binary(max_size=200))]
        elif how == "nest":
            depth = draw(st.integers(50, 2000))
            lines.insert(at, b"    default: " + b"[" * depth + b"]" * depth)
        files[name] = b"\n".join(lines)
    return files


YAML_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.integers(-10**40, 10**40),
              st.floats(), st.dates(),
              st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20)),
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.one_of(NAMES, st.text(max_size=8)), inner,
                                            max_size=4)),
    max_leaves=12,
)


@st.composite
def answers_texts(draw: st.DrawFn, pack: str) -> bytes:
    """An answers file for ``pack`` that is broken in one of many ways."""
    if pack == "mini":
        good = {"pack": "mini", "pack_version": "1", "language": "en", "answers": MINI_ANSWERS}
    else:
        good = yaml.safe_load(draw(st.sampled_from(EXAMPLES)).read_text(encoding="utf-8"))
    how = draw(st.sampled_from(["value", "header", "key", "whole", "text", "deep", "binary"]))
    doc = {**good, "answers": dict(good["answers"])}
    if how == "value":
        doc["answers"][draw(st.sampled_from(sorted(doc["answers"])))] = draw(YAML_VALUES)
    elif how == "header":
        doc[draw(st.sampled_from(["pack", "language", "status", "position", "answers",
                                  "confirmed", "pack_version"]))] = draw(YAML_VALUES)
    elif how == "key":
        doc["answers"][draw(st.one_of(NAMES, st.text(max_size=10)))] = draw(YAML_VALUES)
    elif how == "whole":
        return yaml.safe_dump(draw(YAML_VALUES), allow_unicode=True).encode("utf-8")
    elif how == "deep":
        depth = draw(st.integers(50, 5000))
        return (yaml.safe_dump(doc, allow_unicode=True) + "  extra: " + "[" * depth
                + "]" * depth + "\n").encode("utf-8")
    elif how == "binary":
        return draw(st.binary(max_size=300))
    text = yaml.safe_dump(doc, allow_unicode=True).encode("utf-8")
    if how == "text":
        return draw(mutated({"a": text}))["a"]
    return text


# --- running a command ---------------------------------------------------------------------

def invoke(argv: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run(argv)  # any exception escaping here fails the test: a traceback
    elapsed = time.perf_counter() - started
    assert elapsed < BOUND, f"{argv[0]} took {elapsed:.1f} s"
    return code, err.getvalue()


def assert_worded(code: int, err: str, files: list[Path]) -> None:
    """Exit 0 or 1; on 1, each problem about one of ``files`` names it and a line."""
    assert code in (0, 1), (code, err)
    assert "Traceback" not in err
    if code == 0:
        return
    assert err.strip(), "exit 1 without a word"
    named = [str(f) for f in files]
    for line in err.splitlines():
        about = [n for n in named if line.startswith(n)]
        if about:
            assert LOCATED.match(line), f"a problem without a line: {line!r}"
    assert any(LOCATED.match(line) for line in err.splitlines()), err


def write(folder: Path, files: dict[str, bytes]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)


def pack_files(pack: str) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(PACKS[pack].glob("*.yaml"))}


# --- the fuzz tests ------------------------------------------------------------------------

@SETTINGS
@given(data=st.data(), lang=st.sampled_from(["lv", "en"]))
def test_a_broken_mini_pack_is_worded_never_a_traceback(data: st.DataObject, lang: str) -> None:
    broken_pack(data, "mini", lang)


@BUNDLED
@given(data=st.data(), lang=st.sampled_from(["lv", "en"]))
def test_a_broken_bundled_pack_is_worded_never_a_traceback(data: st.DataObject,
                                                           lang: str) -> None:
    broken_pack(data, "bundled", lang)


def broken_pack(data: st.DataObject, pack: str, lang: str) -> None:
    files = data.draw(mutated(pack_files(pack)), label="files")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pack"
        write(folder, files)
        code, err = invoke(["check", "--steps", str(folder), "--lang", lang])
        assert_worded(code, err, [folder / name for name in files])
        if code == 0 and pack == "mini":
            # Sound enough to load: the plan must not fall over either.
            answers = Path(tmp) / "a.yaml"
            answers.write_text(yaml.safe_dump({"pack": "mini", "language": lang,
                                               "answers": MINI_ANSWERS}), encoding="utf-8")
            code, err = invoke(["render", str(answers), "--steps", str(folder), "--out", tmp,
                                "--format", "md", "--partial", "--lang", lang])
            assert_worded(code, err, [answers, *(folder / name for name in files)])


@SETTINGS
@given(data=st.data(), pack=st.sampled_from(sorted(PACKS)), lang=st.sampled_from(["lv", "en"]))
def test_a_broken_answers_file_is_worded_never_a_traceback(data: st.DataObject, pack: str,
                                                           lang: str) -> None:
    # Answers are read against the pack as it is: its check is cached after the first.
    text = data.draw(answers_texts(pack), label="answers")
    steps = PACKS[pack]
    with tempfile.TemporaryDirectory() as tmp:
        answers = Path(tmp) / "answers.yaml"
        answers.write_bytes(text)
        code, err = invoke(["check", "--steps", str(steps), "--answers", str(answers),
                            "--lang", lang])
        assert_worded(code, err, [answers])
        code, err = invoke(["render", str(answers), "--steps", str(steps), "--out", tmp,
                            "--format", "md", "--lang", lang])
        assert_worded(code, err, [answers])
        if code == 0:
            assert (Path(tmp) / "answers-plan.md").is_file()


def test_the_fuzz_inputs_are_really_broken() -> None:
    # A guard against a fuzz that only ever feeds good input: one known-bad case of each.
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pack"
        files = pack_files("mini")
        files["place.yaml"] = files["place.yaml"].replace(b"not has_premises",
                                                          b"\"'a' * 10**9\"")
        write(folder, files)
        code, err = invoke(["check", "--steps", str(folder), "--lang", "en"])
        assert code == 1
        assert re.match(rf"^{re.escape(str(folder / 'place.yaml'))}:31: ", err), err
        answers = Path(tmp) / "a.yaml"
        answers.write_bytes(b"pack: mini\nanswers:\n  members: [[[[1]]]]\n  x\0: 1\n")
        code, err = invoke(["render", str(answers), "--steps", str(PACKS["mini"]), "--out", tmp])
        assert code == 1
        assert re.match(rf"^{re.escape(str(answers))}:4: ", err), err
