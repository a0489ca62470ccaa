"""The real adapters the commands share: where the pack is, and the pack loaded with the
built-in sources."""

from __future__ import annotations

import argparse
from pathlib import Path

from koprade_wizard.guidance.sources import SOURCES
from koprade_wizard.pack.loader import load_tree
from koprade_wizard.pack.tree import DecisionTree


def load_pack(folder: Path, use_cache: bool = True) -> DecisionTree:
    """A checked pack whose actions may cite the guidance's own sources."""
    return load_tree(folder, use_cache=use_cache, builtin_sources=SOURCES)


def steps_folder(ns: argparse.Namespace) -> Path:
    """The pack given with --steps, or the one installed with the program."""
    from koprade_wizard.common.paths import steps_dir

    given: Path | None = getattr(ns, "steps", None)
    return given or steps_dir()


def pack_for(ns: argparse.Namespace, use_cache: bool = True) -> DecisionTree:
    return load_pack(steps_folder(ns), use_cache=use_cache)
