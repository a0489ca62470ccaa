"""Where the bundled step files and templates are, installed or in a checkout."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent
DEFAULT_ANSWERS = Path("koprade-answers.yaml")


def _bundled(name: str) -> Path:
    # A wheel carries the folder inside the package; a checkout has it at the top.
    inside = _PACKAGE / name
    return inside if inside.is_dir() else _PACKAGE.parent.parent / name


def steps_dir() -> Path:
    return _bundled("steps")


def templates_dir() -> Path:
    return _bundled("templates")


def examples_dir() -> Path:
    return _bundled("examples")


def cache_dir() -> Path:
    """The user's cache folder for what the program can rebuild (checked packs,
    compiled templates, parsed data files)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "koprade-wizard"
