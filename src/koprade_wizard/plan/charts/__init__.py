"""Draw the plan's Mermaid chart blocks (gantt, xychart) as inline SVG for the PDF.

The Markdown keeps the Mermaid source so that it stays readable and renders on
GitHub; the PDF gets a vector chart drawn from the same data. Only the small
subset of Mermaid that the plan templates use is understood. Anything else makes
:func:`mermaid_to_svg` return ``None`` so the caller can show the source as code.
"""


from __future__ import annotations

from .base import ChartError, meaningful_lines
from .gantt import Gantt, GanttTask, gantt_svg, parse_gantt
from .xychart import Series, XYChart, parse_xychart, xychart_svg

__all__ = [
    "ChartError", "Gantt", "GanttTask", "Series", "XYChart", "gantt_svg", "mermaid_to_svg",
    "parse_gantt", "parse_xychart", "xychart_svg",
]


# --------------------------------------------------------------------------- entry


def mermaid_to_svg(source: str, lang: str) -> str | None:
    """Return an ``<svg>`` element for a supported Mermaid block, else ``None``."""
    lines = meaningful_lines(source)
    if not lines:
        return None
    kind, body = lines[0], lines[1:]
    try:
        if kind == "gantt":
            return gantt_svg(parse_gantt(body), lang)
        if kind in ("xychart-beta", "xychart"):
            return xychart_svg(parse_xychart(body), lang)
    except (ValueError, ArithmeticError):
        # ArithmeticError covers a duration so long that the date leaves the
        # calendar; the other checks should make it the only one.
        return None
    return None


