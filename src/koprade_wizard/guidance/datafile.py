"""Read the guidance room's data files (``data/*.yaml``) once, safely and quickly.

The files are parsed with a safe loader (libyaml where present). A parsed copy is
kept in the user's cache, keyed by a hash of the file's bytes and the Python version,
so a later run reads it back without parsing YAML; any edit to the file changes the
key. The cache only ever helps: when it cannot be read or written the file is parsed.
"""

from __future__ import annotations

import hashlib
import sys
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from koprade_wizard.common.kept import keep, read_kept
from koprade_wizard.common.paths import cache_dir

DATA = Path(__file__).resolve().parent / "data"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DataFileError(ValueError):
    """A bundled data file does not have the shape its reader expects."""

    def __init__(self, name: str | Path, problem: str) -> None:
        super().__init__(f"{DATA / name}: {problem}")  # a whole path stays itself


@cache
def _parsed(name: str | Path) -> object:
    """What ``data/<name>`` (or the file ``name``) holds, from the user's cache when a
    copy of these very bytes is there; the same object for every caller in a process."""
    path = name if isinstance(name, Path) else DATA / name
    raw = path.read_bytes()
    digest = hashlib.sha256(raw + sys.version.encode()).hexdigest()[:24]
    cached = cache_dir() / f"data-{path.stem}-{digest}.pickle"
    kept = read_kept(cached)
    if isinstance(kept, dict | list):
        return kept
    data: object = yaml.load(raw.decode("utf-8"), Loader=_LOADER)  # safe, never yaml.Loader
    if isinstance(data, dict | list):
        keep(cached, data)
    return data


def read_data(name: str | Path) -> dict[str, Any]:
    """The mapping in ``data/<name>``, or in the file ``name``."""
    data = _parsed(name)
    if not isinstance(data, dict):
        raise DataFileError(name, "a mapping expected at the top")
    return data


def read_rows(name: str | Path) -> list[Any]:
    """The list in ``data/<name>``, or in the file ``name``."""
    data = _parsed(name)
    if not isinstance(data, list):
        raise DataFileError(name, "a list of entries expected at the top")
    return data


def forget() -> None:
    """Parse the files anew on their next reading (for a test that edits one)."""
    _parsed.cache_clear()
