"""The real adapters the commands share: the pack loaded with the built-in sources."""

from __future__ import annotations

from pathlib import Path

from koprade_wizard.guidance.sources import SOURCES
from koprade_wizard.pack.loader import load_tree
from koprade_wizard.pack.tree import DecisionTree


def load_pack(folder: Path, lang: str = "en", use_cache: bool = True) -> DecisionTree:
    """A checked pack whose actions may cite the guidance's own sources."""
    return load_tree(folder, lang, use_cache=use_cache, builtin_sources=SOURCES)
