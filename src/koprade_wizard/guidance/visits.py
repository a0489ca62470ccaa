"""The co-working spaces suggested for study visits and the source of each.

The list is ``data/visit_spaces.yaml`` (the choices of the ``visit_spaces`` question,
in the plan's order); this module reads it once and checks that every space has one
id and a source that ``sources.yaml`` holds.
"""

from __future__ import annotations

from koprade_wizard.guidance.datafile import DataFileError, read_data
from koprade_wizard.guidance.sources import SOURCES

DATA_FILE = "visit_spaces.yaml"


def parse(raw: dict[str, object]) -> tuple[tuple[str, str], ...]:
    """(space id, source id) pairs of a parsed data file, checked."""
    rows = raw.get("spaces")
    if not isinstance(rows, list) or not rows:
        raise DataFileError(DATA_FILE, "spaces: a list is needed")
    found: list[tuple[str, str]] = []
    for row in rows:
        sid = row.get("id") if isinstance(row, dict) else None
        source = row.get("source") if isinstance(row, dict) else None
        if not (isinstance(sid, str) and sid) or source not in SOURCES:
            raise DataFileError(DATA_FILE, f"{row!r}: an id and a source of sources.yaml "
                                           f"are needed")
        found.append((sid, str(source)))
    if len({s for s, _ in found}) != len(found):
        raise DataFileError(DATA_FILE, "a space is listed twice")
    return tuple(found)


#: (space id, source id) in the order the plan lists the spaces.
VISIT_SPACES: tuple[tuple[str, str], ...] = parse(read_data(DATA_FILE))
