"""Mermaid ``xychart-beta`` blocks: the plan's break-even chart."""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Callable, Sequence
from typing import Literal

from babel.numbers import format_decimal

from koprade_wizard.common.record import record
from koprade_wizard.i18n.formatting import locale_code

from .base import (
    GRID,
    INK,
    MAX_POINTS,
    MUTED,
    PALETTE,
    WIDTH,
    ChartError,
    Svg,
    fit,
    statements,
    text_width,
    unquote,
)

# --------------------------------------------------------------------------- xychart


@record
class Series:
    kind: Literal["bar", "line"]
    values: tuple[float, ...]
    name: str = ""


@record
class XYChart:
    title: str
    x_label: str
    categories: tuple[str, ...]
    y_label: str
    y_range: tuple[float, float] | None
    series: tuple[Series, ...]


_RANGE_RE = re.compile(r"(-?\d+(?:\.\d+)?|-?\.\d+)\s*-->\s*(-?\d+(?:\.\d+)?|-?\.\d+)")


def parse_xychart(lines: Sequence[str]) -> XYChart:
    """Parse the lines after ``xychart-beta``; raises :class:`ChartError` on anything unknown."""
    title = x_label = y_label = ""
    categories: list[str] = []
    x_range: tuple[float, float] | None = None
    y_range: tuple[float, float] | None = None
    series: list[Series] = []
    for line in statements(lines):
        keyword, _, rest = line.partition(" ")
        if keyword == "title":
            title = unquote(rest)
        elif keyword == "x-axis":
            x_label, remainder = _split_label(rest)
            if remainder.startswith("["):
                categories = _parse_list(remainder)
            elif remainder:
                x_range = _parse_range(remainder)
        elif keyword == "y-axis":
            y_label, remainder = _split_label(rest)
            y_range = _parse_range(remainder) if remainder else None
        elif keyword in ("line", "bar"):
            name, remainder = _split_label(rest)
            values = tuple(_parse_number(item) for item in _parse_list(remainder))
            series.append(Series("line" if keyword == "line" else "bar", values, name))
        else:
            raise ChartError(f"not an xychart line: {line}")
    if not series:
        raise ChartError("an xychart needs at least one line or bar")
    count = len(categories) or max(len(s.values) for s in series)
    if count > MAX_POINTS:
        raise ChartError("too many points")
    if any(len(s.values) != count for s in series):
        raise ChartError("every series needs one value per x-axis category")
    if not categories:
        categories = _range_labels(x_range, count)
    if y_range and y_range[0] >= y_range[1]:
        raise ChartError("the y-axis range is empty")
    return XYChart(title, x_label, tuple(categories), y_label, y_range, tuple(series))


def _split_label(rest: str) -> tuple[str, str]:
    """Split an optional leading label (quoted, or one bare word) from the rest."""
    rest = rest.strip()
    if rest.startswith('"'):
        end = rest.find('"', 1)
        if end < 0:
            raise ChartError("unterminated quote")
        return rest[1:end], rest[end + 1 :].strip()
    if not rest or rest.startswith("[") or _RANGE_RE.fullmatch(rest):
        return "", rest
    word, _, remainder = rest.partition(" ")
    return word, remainder.strip()


def _parse_list(text: str) -> list[str]:
    text = text.strip()
    if not (text.startswith("[") and text.endswith("]")):
        raise ChartError(f"expected [ ... ]: {text}")
    rows = list(csv.reader([text[1:-1]], skipinitialspace=True))
    items = [item.strip() for item in rows[0]] if rows else []
    if not items or any(not item for item in items):
        raise ChartError(f"empty item in: {text}")
    return items


def _parse_number(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ChartError(f"not a number: {text}")
    return value


def _parse_range(text: str) -> tuple[float, float]:
    match = _RANGE_RE.fullmatch(text.strip())
    if not match:
        raise ChartError(f"expected 'min --> max': {text}")
    return _parse_number(match[1]), _parse_number(match[2])


def _range_labels(x_range: tuple[float, float] | None, count: int) -> list[str]:
    if x_range is None or count < 2:
        return [str(index + 1) for index in range(count)]
    low, high = x_range
    step = (high - low) / (count - 1)
    return [_plain_number(low + index * step) for index in range(count)]


def _plain_number(value: float) -> str:
    return f"{value:.6g}"


def _nice_step(span: float, target: int = 5) -> float:
    raw = span / target
    magnitude = 10.0 ** math.floor(math.log10(raw))
    return next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)


def _dividing_step(span: float) -> float:
    """A round step that splits a given axis range evenly, when there is one."""
    magnitude = 10.0 ** math.floor(math.log10(span / 5))
    candidates = [m * magnitude for m in (0.5, 1, 2, 2.5, 5, 10, 20)]
    for step in sorted(candidates, key=lambda c: abs(span / c - 5)):
        count = span / step
        if 3 <= count <= 8 and abs(count - round(count)) < 1e-9:
            return step
    return _nice_step(span)


def _y_scale(chart: XYChart) -> tuple[float, float, list[float]]:
    if chart.y_range:
        low, high = chart.y_range
        step = _dividing_step(high - low)
        first = math.ceil(low / step - 1e-9) * step
    else:
        values = [v for s in chart.series for v in s.values]
        low, high = min(0.0, *values), max(0.0, *values)
        if high == low:
            high = low + 1
        step = _nice_step(high - low)
        low = math.floor(low / step + 1e-9) * step
        high = math.ceil(high / step - 1e-9) * step
        first = low
    ticks = []
    tick = first
    while tick <= high + step * 1e-6:
        ticks.append(round(tick, 9) + 0.0)  # + 0.0 turns -0.0 into 0.0
        tick += step
    return low, high, ticks


def xychart_svg(chart: XYChart, lang: str) -> str:
    """Draw bars and lines over shared categories, with a value grid and axis labels."""
    locale = locale_code(lang)
    pad, size = 8.0, 10.5
    low, high, ticks = _y_scale(chart)
    tick_labels = [format_decimal(tick, locale=locale) for tick in ticks]
    named = [s for s in chart.series if s.name]

    title_h = 32.0 if chart.title else 8.0
    legend_h = 22.0 if named else 0.0
    y_label_w = 20.0 if chart.y_label else 0.0
    x_label_h = 20.0 if chart.x_label else 0.0
    plot_h = 230.0
    x0 = pad + y_label_w + max(text_width(label, size) for label in tick_labels) + 6
    x1 = WIDTH - pad
    top = title_h + legend_h + 12
    bottom = top + plot_h
    height = bottom + 22 + x_label_h + pad

    svg = Svg(WIDTH, height, chart.title)
    if chart.title:
        svg.text(WIDTH / 2, 19, fit(chart.title, WIDTH - 2 * pad, 14), size=14,
                 anchor="middle", weight="bold")
    if named:
        _legend(svg, chart.series, title_h + 12, x1)

    def y_of(value: float) -> float:
        value = min(max(value, low), high)
        return bottom - (value - low) / (high - low) * plot_h

    for tick, label in zip(ticks, tick_labels, strict=True):
        svg.line(x0, y_of(tick), x1, y_of(tick), stroke=GRID, width=0.6)
        svg.text(x0 - 5, y_of(tick) + 4, label, size=size, anchor="end", fill=MUTED)
    if ticks[-1] < high:
        svg.line(x0, top, x1, top, stroke=GRID, width=0.6)
    if low < 0 < high:
        svg.line(x0, y_of(0), x1, y_of(0), stroke=MUTED, width=0.9)
    svg.line(x0, bottom, x1, bottom, stroke=MUTED, width=0.9)

    count = len(chart.categories)
    band = (x1 - x0) / count

    def x_of(index: int) -> float:
        return x0 + band * (index + 0.5)

    widest = max(text_width(label, size) for label in chart.categories)
    step = max(1, math.ceil((widest + 6) / band))
    for index, label in enumerate(chart.categories):
        if index % step == 0:
            svg.text(x_of(index), bottom + 16, fit(label, band * step - 4, size), size=size,
                     anchor="middle", fill=MUTED, cls="category")
    if chart.x_label:
        svg.text((x0 + x1) / 2, bottom + 36, chart.x_label, size=size + 0.5, anchor="middle")
    if chart.y_label:
        svg.text(pad + 11, (top + bottom) / 2, chart.y_label, size=size + 0.5, anchor="middle",
                 rotate=-90)

    _draw_series(svg, chart.series, x_of, y_of, band)
    return svg.render()


def _draw_series(
    svg: Svg,
    series: Sequence[Series],
    x_of: Callable[[int], float],
    y_of: Callable[[float], float],
    band: float,
) -> None:
    bars = [s for s in series if s.kind == "bar"]
    bar_w = band * 0.7 / max(len(bars), 1)
    for position, bar_series in enumerate(bars):
        colour = PALETTE[series.index(bar_series) % len(PALETTE)]
        offset = -band * 0.35 + bar_w * position
        for index, value in enumerate(bar_series.values):
            top, base = sorted((y_of(value), y_of(0)))
            svg.rect(x_of(index) + offset, top, bar_w * 0.92, max(base - top, 0.5),
                     fill=colour, cls="series-bar")
    for index, line_series in enumerate(series):
        if line_series.kind != "line":
            continue
        colour = PALETTE[index % len(PALETTE)]
        points = [(x_of(i), y_of(v)) for i, v in enumerate(line_series.values)]
        svg.polyline(points, stroke=colour, cls="series-line")
        if len(points) <= 40:
            for x, y in points:
                svg.circle(x, y, 2.4, fill=colour)


def _legend(svg: Svg, series: Sequence[Series], y: float, right: float) -> None:
    size = 10.5
    entries = [(PALETTE[i % len(PALETTE)], s) for i, s in enumerate(series) if s.name]
    x = right - sum(text_width(s.name, size) + 26 for _, s in entries)
    for colour, entry in entries:
        if entry.kind == "bar":
            svg.rect(x, y - 8, 11, 10, fill=colour)
        else:
            svg.line(x, y - 3, x + 12, y - 3, stroke=colour, width=2.4)
        svg.text(x + 16, y + 1, entry.name, size=size, fill=INK)
        x += text_width(entry.name, size) + 26


