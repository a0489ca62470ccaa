"""Shared fixtures: the small test pack, broken copies of it, and an isolated cache."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from hypothesis import settings
from pdfcheck import RenderedExamples

from koprade_wizard.cli.wiring import load_pack as load_tree
from koprade_wizard.pack.tree import DecisionTree

# Property tests draw few examples on a workstation and many in CI (CI=true), where
# time is not someone waiting. HYPOTHESIS_PROFILE=ci runs the full count anywhere.
settings.register_profile("ci", max_examples=200, deadline=None)
settings.register_profile("dev", max_examples=20, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE")
                      or ("ci" if os.environ.get("CI") == "true" else "dev"))

TESTS = Path(__file__).parent
MINI = TESTS / "packs" / "mini"

# One textual edit of one file of the mini pack: (file, old text, new text).
# ``old`` None means the file's whole content becomes ``new``.
Edit = tuple[str, str | None, str]


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test (and every program it starts) away from the user's cache."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(scope="session")
def examples_rendered(tmp_path_factory: pytest.TempPathFactory) -> RenderedExamples:
    """The example plans, each rendered when a test first needs it (see pdfcheck)."""
    return RenderedExamples(tmp_path_factory.mktemp("plans"))


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
