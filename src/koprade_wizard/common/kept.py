"""Pickled copies kept in the user's cache, which only ever help.

The checked pack, the parsed data files and babel's merged locale data are each kept
as a pickle under a name that carries a hash of what they were made from. Reading a
copy that is missing, damaged or from elsewhere gives None, and a copy that cannot be
written is simply not kept: the caller then makes the value anew, as on a first run.
Each caller checks that what it reads back has the shape it wrote.
"""

from __future__ import annotations

import contextlib
import pickle
from pathlib import Path

from koprade_wizard.common.fsutil import atomic_write


def read_kept(path: Path) -> object | None:
    """The value kept at ``path``, or None when there is none that can be read."""
    with contextlib.suppress(Exception):  # missing, unreadable, or pickled by another version
        with path.open("rb") as fh:
            value: object = pickle.load(fh)  # our own cache file, written by keep()
        return value
    return None


def keep(path: Path, value: object) -> None:
    """Keep ``value`` at ``path`` (atomically); a failure means only that it is not kept."""
    with contextlib.suppress(OSError, pickle.PicklingError, TypeError):
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
