"""Internet the space needs at its busiest."""

from __future__ import annotations

from typing import Literal

from koprade_wizard.common.record import record
from koprade_wizard.guidance.calc.capacity import Capacity
from koprade_wizard.guidance.calc.common import ceil, floor
from koprade_wizard.guidance.calc.inputs import CalcInputs, Defaults


@record
class Bandwidth:
    """Internet the space needs at its busiest.

    ``users = ⌈peak_users⌉``; needed download ``users × 5…10`` Mbit/s, upload
    ``users × 1…4``. Verdict: ``enough`` if the stated speeds reach the upper
    figures, ``tight`` if they reach the lower ones, ``short`` below that,
    ``unknown`` if not stated. ``video_calls`` is how many calls of ~4 Mbit/s the
    stated download carries at once.
    """

    simultaneous_users: int
    down_min: float
    down_max: float
    up_min: float
    up_max: float
    stated_down: float | None
    stated_up: float | None
    verdict: Literal["enough", "tight", "short", "unknown"]
    video_calls: int | None


def bandwidth(inputs: CalcInputs, d: Defaults, cap: Capacity) -> Bandwidth:
    """See ``Bandwidth``."""
    users = ceil(cap.peak_users)
    down_min, down_max = users * d.down_mbps_per_user_min, users * d.down_mbps_per_user_max
    up_min, up_max = users * d.up_mbps_per_user_min, users * d.up_mbps_per_user_max
    down, up = inputs.internet_down_mbps, inputs.internet_up_mbps
    verdict: Literal["enough", "tight", "short", "unknown"]
    if down is None or up is None:
        verdict = "unknown"
    elif down >= down_max and up >= up_max:
        verdict = "enough"
    elif down >= down_min and up >= up_min:
        verdict = "tight"
    else:
        verdict = "short"
    calls = None if down is None else floor(down / d.video_call_mbps)
    return Bandwidth(users, down_min, down_max, up_min, up_max, down, up, verdict, calls)


