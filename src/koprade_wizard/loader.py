"""Load a step folder into a DecisionTree, checking it fully unless it was seen before.

A pack that passed every check is kept in the user's cache, keyed by a hash of its
files and the program version, so starting the wizard again needs neither the checks
nor pydantic. Any edit to a step file changes the key and the pack is checked anew.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from pathlib import Path

from . import __version__
from .fsutil import atomic_write
from .tree import DecisionTree


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "koprade-wizard"


def _key(folder: Path) -> str:
    digest = hashlib.sha256(f"{__version__}|{sys.version_info[:2]}".encode())
    for path in sorted(folder.glob("*.yaml")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def load_tree(folder: Path, lang: str = "en", use_cache: bool = True) -> DecisionTree:
    """Load a step folder; raise StepFileError listing every problem.

    The cache is only ever written for a pack without problems; reading or writing it
    may fail (read-only home, old format) and then the pack is simply checked.
    """
    cached: Path | None = None
    if use_cache and folder.is_dir():
        try:
            cached = cache_dir() / f"tree-{_key(folder)}.pickle"
            with cached.open("rb") as fh:
                tree = pickle.load(fh)  # our own cache file, written below
            if isinstance(tree, DecisionTree):
                return tree
        except Exception:  # a missing or unreadable cache only means a full check
            pass
    from .checker import check_tree

    tree = check_tree(folder, lang)
    if cached is not None:
        with contextlib.suppress(OSError):
            atomic_write(cached, pickle.dumps(tree, protocol=pickle.HIGHEST_PROTOCOL))
    return tree
