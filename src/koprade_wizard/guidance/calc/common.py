"""What every calculation shares: rounding, budget lines, where a figure comes from."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

from koprade_wizard.common.record import record
from koprade_wizard.guidance.calc.inputs import DEFAULT_SOURCES, FOUNDER, CalcInputs

# Floors and ceilings of ratios are taken with this slack so that 150 / 10.5 and
# similar sums that are whole on paper are not lost to binary rounding.
EPS = 1e-9


def euros(amount: float) -> int:
    """``amount`` rounded to whole euros, halves away from zero (12.5 → 13)."""
    return int(Decimal(repr(amount)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def floor(x: float) -> int:
    return math.floor(x + EPS)


def ceil(x: float) -> int:
    return math.ceil(x - EPS)


@record
class Line:
    """One line of a budget: ``item`` is a code the templates translate;
    ``source_id`` is a key of ``sources.SOURCES`` or ``FOUNDER``."""

    item: str
    amount: float
    source_id: str


@record
class Budget:
    lines: tuple[Line, ...]
    total: float
    founder_total: bool  # the founder gave the total; the lines are then just that total


def source(inputs: CalcInputs, name: str) -> str:
    """``FOUNDER`` if the founder gave the figure ``name``, else its default's source."""
    return FOUNDER if getattr(inputs, name, None) is not None else DEFAULT_SOURCES[name]
