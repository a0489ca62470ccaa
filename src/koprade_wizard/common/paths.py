"""Where the bundled step files and templates are, installed or in a checkout."""

from __future__ import annotations

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
