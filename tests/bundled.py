"""The bundled pack, read and checked once per test process.

Several test modules need it at import (for their parameters), before any test's
cache is set up, so they read it without the cache; one reading for them all saves
a full check (about a third of a second) per module in every worker process. The
tree is a frozen record, so sharing it cannot leak a change from one test to another.
"""

from __future__ import annotations

import functools
from pathlib import Path

from koprade_wizard.cli.wiring import load_pack
from koprade_wizard.pack.tree import DecisionTree

STEPS = Path(__file__).resolve().parent.parent / "steps"


@functools.cache
def bundled_tree() -> DecisionTree:
    return load_pack(STEPS, use_cache=False)
