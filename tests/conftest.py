"""Shared fixtures: the small test pack, broken copies of it, and an isolated cache."""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest
from hypothesis import settings
from pdfcheck import RenderedExamples

from koprade_wizard.cli.wiring import load_pack as load_tree
from koprade_wizard.pack.tree import DecisionTree

# Property tests draw few examples on a workstation and more in CI (CI=true), sized so
# that the whole suite stays within two minutes on two cores (a whole plan per example
# takes about a second). HYPOTHESIS_PROFILE=ci runs CI's count anywhere; =thorough
# draws many more, for a search for rare founders when time is no object.
settings.register_profile("thorough", max_examples=300, deadline=None)
settings.register_profile("ci", max_examples=40, deadline=None)
settings.register_profile("dev", max_examples=10, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE")
                      or ("ci" if os.environ.get("CI") == "true" else "dev"))

TESTS = Path(__file__).parent
MINI = TESTS / "packs" / "mini"

# One textual edit of one file of the mini pack: (file, old text, new text).
# ``old`` None means the file's whole content becomes ``new``.
Edit = tuple[str, str | None, str]


@pytest.fixture(scope="session")
def _seed_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A cache holding what the bundled pack and plan leave there: the checked tree, the
    compiled templates and the parsed data files, made once per test process. A program
    started by a test then reads the bundled pack as a user's second run does, instead
    of checking it anew in every test (a second or more each)."""
    from koprade_wizard.cli import run
    from koprade_wizard.common.paths import examples_dir, steps_dir

    seed = tmp_path_factory.mktemp("seed-cache")
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(seed)
    try:
        load_tree(steps_dir())
        example = sorted(examples_dir().glob("*.yaml"))[0]
        out = tmp_path_factory.mktemp("seed-plan")
        assert run(["render", str(example), "--out", str(out), "--format", "md"]) == 0
    finally:
        if before is None:
            del os.environ["XDG_CACHE_HOME"]
        else:
            os.environ["XDG_CACHE_HOME"] = before
    seeded = _contents(seed)
    yield seed
    # The tests' caches are links to these files (see _own_cache): none may have changed.
    # (New files may appear: the process's template environment keeps the folder it was
    # made with, and compiles into it what the seeding render did not need.)
    changed = [path for path, data in seeded.items()
               if not path.exists() or path.read_bytes() != data]
    assert not changed, f"a test wrote into a cache file in place: {changed}"


def _contents(folder: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()}


@pytest.fixture(scope="session")
def _caches(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder of the tests' own caches. A folder of its own keeps pytest's folder
    of temporary folders short: pytest numbers a new one by listing that folder, which
    with a cache for each of a thousand tests took longer than most tests."""
    return tmp_path_factory.mktemp("caches")


@pytest.fixture(autouse=True)
def _own_cache(request: pytest.FixtureRequest, _caches: Path,
               monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test (and every program it starts) away from the user's cache.

    The test's own cache starts as the seeded one, unless the test is about the cache
    itself (``@pytest.mark.cold_cache``): then it starts empty. The seeded files are
    linked, not copied (a copy for each of two thousand tests is seconds of the
    suite): the program replaces a cache file whole, by renaming a new one over it, so
    a test's writes leave the seed as it was. A test that writes into a cache file in
    place must therefore be a ``cold_cache`` one."""
    cache = Path(tempfile.mkdtemp(dir=_caches))
    if request.node.get_closest_marker("cold_cache") is None:
        _link_tree(request.getfixturevalue("_seed_cache"), cache)
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))


@functools.cache
def _listing(seed: Path) -> tuple[tuple[Path, ...], tuple[Path, ...]]:
    """The seed's folders (parents first) and files, relative to it, as it was seeded."""
    entries = sorted(path.relative_to(seed) for path in seed.rglob("*"))
    return (tuple(p for p in entries if (seed / p).is_dir()),
            tuple(p for p in entries if (seed / p).is_file()))


def _link_tree(seed: Path, target: Path) -> None:
    folders, files = _listing(seed)
    for folder in folders:
        (target / folder).mkdir()
    for name in files:
        try:
            os.link(seed / name, target / name)
        except OSError:  # another file system, or one without hard links
            shutil.copy2(seed / name, target / name)


def _run_folder(tmp_path_factory: pytest.TempPathFactory, name: str) -> Path:
    """A folder shared by the worker processes of this run (one per run, not per worker)."""
    run_id = os.environ.get("PYTEST_XDIST_TESTRUNUID")
    if run_id is None:  # one process: its own temporary folder is the run's
        return tmp_path_factory.mktemp(name)
    folder = tmp_path_factory.getbasetemp().parent / f"{name}-{run_id}"
    folder.mkdir(exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def examples_rendered(tmp_path_factory: pytest.TempPathFactory) -> RenderedExamples:
    """The example plans, each rendered when a test first needs it, once for the whole
    run however the tests are spread over processes (see pdfcheck)."""
    return RenderedExamples(_run_folder(tmp_path_factory, "plans"))


# What a test costs, roughly, in CPU seconds on this kind of machine, by its marks: a
# whole plan's PDF and its text, a real terminal or a wheel, and the rest.
_COST = {"pdf": 6.0, "slow": 3.0}
_OTHER_COST = 0.05


def _group(item: pytest.Item) -> str | None:
    """The ``--dist loadgroup`` group of a test: its own mark's; else its file's when it
    uses a fixture made once per module or class (the file's tests then share it in one
    process); else none, and the test goes wherever a process is free."""
    mark = item.get_closest_marker("xdist_group")
    if mark is not None:
        return str(mark.args[0] if mark.args else mark.kwargs["name"])
    info = getattr(item, "_fixtureinfo", None)
    defs = info.name2fixturedefs.values() if info is not None else ()
    if any(d.scope in ("module", "class", "package") for ds in defs for d in ds):
        return item.nodeid.split("::")[0]
    return None


def _cost(item: pytest.Item) -> float:
    return max((cost for name, cost in _COST.items() if item.get_closest_marker(name)),
               default=_OTHER_COST)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Spread the tests so that both processes end together: the slowest groups first
    (with ``--no-loadscope-reorder`` the processes take the groups in this order), the
    quick tests last, to fill the gaps. The example plans' tests are grouped by plan
    (see pdfcheck.plan_group), so the fourteen slow PDFs spread over the processes."""
    groups: dict[str, list[pytest.Item]] = {}
    for item in items:
        group = _group(item)
        if group is None:
            groups[item.nodeid] = [item]
        else:
            groups.setdefault(group, []).append(item)
            if item.get_closest_marker("xdist_group") is None:
                item.add_marker(pytest.mark.xdist_group(group))
    ordered = sorted(groups.values(), key=lambda tests: -sum(map(_cost, tests)))  # stable
    items[:] = [item for tests in ordered for item in tests]


@pytest.fixture
def mini() -> Path:
    return MINI


@pytest.fixture
def mini_tree() -> DecisionTree:
    return load_tree(MINI, use_cache=False)


def copy_pack(target: Path, edits: Sequence[Edit] = ()) -> Path:
    """Copy the mini pack to ``target`` and apply each edit exactly once."""
    shutil.copytree(MINI, target)
    for name, old, new in edits:
        path = target / name
        if old is None:
            path.write_text(new, encoding="utf-8")
            continue
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"the edit must match {name} exactly once: {old!r}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


@pytest.fixture
def make_pack(tmp_path: Path) -> Callable[..., Path]:
    """``make_pack(edit, ...)`` → a broken (or changed) copy of the mini pack."""

    def make(*edits: Edit, name: str = "pack") -> Path:
        return copy_pack(tmp_path / name, edits)

    return make
