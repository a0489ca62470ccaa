"""Draw the plan's Mermaid chart blocks (gantt, xychart) as inline SVG for the PDF.

The Markdown keeps the Mermaid source so that it stays readable and renders on
GitHub; the PDF gets a vector chart drawn from the same data. Only the small
subset of Mermaid that the plan templates use is understood. Anything else makes
:func:`mermaid_to_svg` return ``None`` so the caller can show the source as code.
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape
from typing import Literal

from babel.dates import format_date, format_skeleton
from babel.numbers import format_decimal

# The PDF's stylesheet registers the bundled DejaVu files under this family; the
# fallbacks only matter when the HTML is opened in a browser.
FONT_FAMILY = "DejaVu Sans Bundled, DejaVu Sans, sans-serif"

WIDTH = 680  # about the A4 text width in CSS px, so 1 SVG unit ≈ 1 px on paper

PALETTE = ("#2b7a87", "#d08a3c", "#6a8f4e", "#7b5e9b", "#b9544b", "#4b6fa6")
INK = "#2b3035"
MUTED = "#6b7278"
GRID = "#dfe3e6"
BAND = "#eef4f5"

# Guards against absurd input turning into a huge drawing.
MAX_TASKS = 150
MAX_POINTS = 400
MAX_SPAN_DAYS = 366 * 15

_LOCALES = {"lv": "lv_LV", "en": "en_GB"}


class ChartError(ValueError):
    """The Mermaid source uses something this module does not understand."""


# --------------------------------------------------------------------------- entry


def mermaid_to_svg(source: str, lang: str) -> str | None:
    """Return an ``<svg>`` element for a supported Mermaid block, else ``None``."""
    lines = _meaningful_lines(source)
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


def _meaningful_lines(source: str) -> list[str]:
    lines = [line.strip() for line in source.splitlines()]
    if lines and lines[0] == "---":  # Mermaid front matter carries only styling
        try:
            lines = lines[lines.index("---", 1) + 1 :]
        except ValueError:
            return []
    return _statements(lines)


def _statements(lines: Iterable[str]) -> list[str]:
    stripped = (line.strip() for line in lines)
    return [line for line in stripped if line and not line.startswith("%%")]


def _locale(lang: str) -> str:
    return _LOCALES.get(lang.split("-")[0].lower(), _LOCALES["en"])


def _unquote(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] == '"':
        return text[1:-1]
    return text


# --------------------------------------------------------------------------- gantt


@dataclass(frozen=True)
class GanttTask:
    name: str
    section: str
    start: date
    end: date
    milestone: bool = False
    critical: bool = False


@dataclass(frozen=True)
class Gantt:
    title: str
    tasks: tuple[GanttTask, ...]


_GANTT_IGNORED = ("axisFormat", "tickInterval", "excludes", "includes", "todayMarker",
                  "weekday", "inclusiveEndDates", "topAxis", "displayMode", "accTitle",
                  "accDescr")
_TAGS = frozenset({"done", "active", "crit", "milestone"})
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DURATION_RE = re.compile(r"(\d+(?:\.\d+)?)\s*([dw])")


def parse_gantt(lines: Sequence[str]) -> Gantt:
    """Parse the lines after ``gantt``; raises :class:`ChartError` on anything unknown."""
    title = ""
    section = ""
    tasks: list[GanttTask] = []
    ends_by_id: dict[str, date] = {}
    for line in _statements(lines):
        keyword, _, rest = line.partition(" ")
        keyword = keyword.rstrip(":")  # accTitle: / accDescr: carry a colon
        if keyword == "title":
            title = rest.strip()
        elif keyword == "dateFormat":
            if rest.strip() != "YYYY-MM-DD":
                raise ChartError(f"unsupported dateFormat: {rest.strip()}")
        elif keyword in _GANTT_IGNORED:
            continue
        elif keyword == "section":
            section = rest.strip()
        elif ":" in line:
            name, _, meta = line.partition(":")
            previous_end = tasks[-1].end if tasks else None
            task, task_id = _parse_task(name.strip(), meta, section, previous_end, ends_by_id)
            tasks.append(task)
            if task_id:
                ends_by_id[task_id] = task.end
        else:
            raise ChartError(f"not a gantt line: {line}")
    if not tasks:
        raise ChartError("a gantt chart needs at least one task")
    if len(tasks) > MAX_TASKS:
        raise ChartError("too many tasks")
    first = min(task.start for task in tasks)
    last = max(task.end for task in tasks)
    if (last - first).days > MAX_SPAN_DAYS:
        raise ChartError("the timeline is too long to draw")
    return Gantt(title, tuple(tasks))


def _parse_task(
    name: str,
    meta: str,
    section: str,
    previous_end: date | None,
    ends_by_id: dict[str, date],
) -> tuple[GanttTask, str | None]:
    items = [item.strip() for item in meta.split(",")]
    tags: set[str] = set()
    while items and items[0] in _TAGS:
        tags.add(items.pop(0))
    if not name or not items or any(not item for item in items):
        raise ChartError(f"incomplete task: {name}")
    # Mermaid's positional rule: [end] / [start, end] / [id, start, end].
    task_id: str | None = None
    if len(items) == 1:
        if previous_end is None:
            raise ChartError("the first task needs a start")
        start, end_text = previous_end, items[0]
    elif len(items) == 2:
        start, end_text = _parse_start(items[0], ends_by_id), items[1]
    elif len(items) == 3:
        task_id = items[0]
        start, end_text = _parse_start(items[1], ends_by_id), items[2]
    else:
        raise ChartError(f"too many fields in task: {name}")
    end = _parse_end(end_text, start)
    if end < start:
        raise ChartError(f"task ends before it starts: {name}")
    task = GanttTask(name, section, start, end, "milestone" in tags, "crit" in tags)
    return task, task_id


def _parse_date(text: str) -> date:
    if not _DATE_RE.fullmatch(text):
        raise ChartError(f"not a YYYY-MM-DD date: {text}")
    return date.fromisoformat(text)


def _parse_start(text: str, ends_by_id: dict[str, date]) -> date:
    if text.startswith("after "):
        ids = text.split()[1:]
        if not ids or any(task_id not in ends_by_id for task_id in ids):
            raise ChartError(f"unknown task in: {text}")
        return max(ends_by_id[task_id] for task_id in ids)
    return _parse_date(text)


def _parse_end(text: str, start: date) -> date:
    match = _DURATION_RE.fullmatch(text)
    if match:
        days = float(match[1]) * (7 if match[2] == "w" else 1)
        return start + timedelta(days=round(days))
    return _parse_date(text)


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _month_starts(first: date, last: date) -> list[date]:
    months = []
    current = _month_start(first)
    while current <= last:
        months.append(current)
        current = _next_month(current)
    return months


def gantt_svg(chart: Gantt, lang: str) -> str:
    """Draw a timeline: task names on the left, one bar (or diamond) per task."""
    locale = _locale(lang)
    pad, row_h, section_h, axis_h = 8.0, 24.0, 24.0, 42.0
    title_h = 30.0 if chart.title else 4.0
    label_size, axis_size = 11.5, 10.5

    sections = _group_sections(chart.tasks)
    longest = max(_text_width(task.name, label_size) for task in chart.tasks)
    label_w = min(250.0, max(120.0, longest + 28))
    x0, x1 = label_w, WIDTH - pad

    domain_start = _month_start(min(task.start for task in chart.tasks))
    last = max(task.end for task in chart.tasks)
    # A milestone on the last day would sit on the chart's edge: give it a month.
    on_edge = any(task.milestone and task.end == last for task in chart.tasks)
    domain_end = last if last.day == 1 and not on_edge else _next_month(last)
    if domain_end <= domain_start:
        domain_end = _next_month(domain_start)
    span = (domain_end - domain_start).days

    def x_of(day: date) -> float:
        return x0 + (day - domain_start).days / span * (x1 - x0)

    rows = sum(len(tasks) for _, tasks in sections)
    headed = sum(1 for name, _ in sections if name)
    height = title_h + axis_h + rows * row_h + headed * section_h + pad
    svg = _Svg(WIDTH, height, chart.title)
    if chart.title:
        svg.text(WIDTH / 2, 19, _fit(chart.title, WIDTH - 2 * pad, 14), size=14,
                 anchor="middle", weight="bold")

    top = title_h + axis_h
    _gantt_axis(svg, x_of, domain_start, domain_end, title_h, top, height - pad, locale,
                axis_size)

    y = top
    for index, (section, tasks) in enumerate(sections):
        colour = PALETTE[index % len(PALETTE)]
        if section:
            svg.rect(0, y, WIDTH, section_h, fill=BAND, cls="section")
            svg.text(pad, y + 16.5, _fit(section, WIDTH - 2 * pad, label_size), size=label_size,
                     weight="bold", fill=colour)
            y += section_h
        for task in tasks:
            indent = 2 * pad if section else pad
            svg.text(indent, y + 16, _fit(task.name, x0 - indent - 6, label_size),
                     size=label_size)
            if task.milestone:
                _milestone(svg, task, x_of, y + row_h / 2, locale, x0, x1)
            else:
                left, right = x_of(task.start), x_of(task.end)
                svg.rect(left, y + 5, max(right - left, 1.5), row_h - 10, fill=colour, rx=2,
                         cls="bar", stroke=INK if task.critical else None)
            svg.line(0, y + row_h, WIDTH, y + row_h, stroke=GRID, width=0.6)
            y += row_h
    return svg.render()


def _group_sections(tasks: Iterable[GanttTask]) -> list[tuple[str, list[GanttTask]]]:
    groups: list[tuple[str, list[GanttTask]]] = []
    for task in tasks:
        if not groups or groups[-1][0] != task.section:
            groups.append((task.section, []))
        groups[-1][1].append(task)
    return groups


def _gantt_axis(
    svg: _Svg,
    x_of: Callable[[date], float],
    first: date,
    last: date,
    y: float,
    top: float,
    bottom: float,
    locale: str,
    size: float,
) -> None:
    months = _month_starts(first, last)
    inner = months[:-1] if months[-1] == last else months
    labels = [format_date(month, "LLL", locale=locale) for month in inner]
    month_px = (x_of(last) - x_of(first)) / max(len(inner), 1)
    widest = max(_text_width(label, size) for label in labels)
    step = next((s for s in (1, 2, 3, 4, 6, 12) if s * month_px >= widest + 6), 12)

    for index, month in enumerate(inner):
        strong = month.month == 1 or index == 0
        left = x_of(month)
        right = x_of(min(_add_months(month, step), last))
        labelled = (month.month - 1) % step == 0 and right - left >= _text_width(
            labels[index], size)
        # Unlabelled months keep their grid line out of the label row.
        start = y + 20 if strong else y + 26 if labelled else top
        svg.line(left, start, left, bottom, stroke="#c4cacf" if strong else GRID, width=0.6)
        if labelled:
            svg.text((left + right) / 2, y + 37, labels[index], size=size, anchor="middle",
                     fill=MUTED, cls="month")
    svg.line(x_of(last), y + 20, x_of(last), bottom, stroke="#c4cacf", width=0.6)

    for year in range(first.year, last.year + 1):
        left = x_of(max(first, date(year, 1, 1)))
        right = x_of(min(last, date(year + 1, 1, 1)))
        if right - left >= 34:
            svg.text((left + right) / 2, y + 14, str(year), size=size, anchor="middle",
                     weight="bold", fill=MUTED, cls="year")
    svg.line(0, top, WIDTH, top, stroke="#c4cacf", width=0.8)


def _add_months(month: date, count: int) -> date:
    for _ in range(count):
        month = _next_month(month)
    return month


def _milestone(
    svg: _Svg,
    task: GanttTask,
    x_of: Callable[[date], float],
    cy: float,
    locale: str,
    x0: float,
    x1: float,
) -> None:
    # Mermaid puts a milestone in the middle of its (usually zero) duration.
    when = task.start + (task.end - task.start) / 2
    cx = x_of(when)
    r = 7.0
    svg.polygon([(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)], fill=INK,
                cls="milestone")
    label = format_skeleton("MMMd", when, locale=locale)
    size = 10.5
    if cx + r + 4 + _text_width(label, size) <= x1:
        svg.text(cx + r + 4, cy + 4, label, size=size, fill=MUTED)
    elif cx - r - 4 - _text_width(label, size) >= x0:
        svg.text(cx - r - 4, cy + 4, label, size=size, fill=MUTED, anchor="end")


# --------------------------------------------------------------------------- xychart


@dataclass(frozen=True)
class Series:
    kind: Literal["bar", "line"]
    values: tuple[float, ...]
    name: str = ""


@dataclass(frozen=True)
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
    for line in _statements(lines):
        keyword, _, rest = line.partition(" ")
        if keyword == "title":
            title = _unquote(rest)
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
    magnitude = 10 ** math.floor(math.log10(raw))
    return next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)


def _dividing_step(span: float) -> float:
    """A round step that splits a given axis range evenly, when there is one."""
    magnitude = 10 ** math.floor(math.log10(span / 5))
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
    locale = _locale(lang)
    pad, size = 8.0, 10.5
    low, high, ticks = _y_scale(chart)
    tick_labels = [format_decimal(tick, locale=locale) for tick in ticks]
    named = [s for s in chart.series if s.name]

    title_h = 32.0 if chart.title else 8.0
    legend_h = 22.0 if named else 0.0
    y_label_w = 20.0 if chart.y_label else 0.0
    x_label_h = 20.0 if chart.x_label else 0.0
    plot_h = 230.0
    x0 = pad + y_label_w + max(_text_width(label, size) for label in tick_labels) + 6
    x1 = WIDTH - pad
    top = title_h + legend_h + 12
    bottom = top + plot_h
    height = bottom + 22 + x_label_h + pad

    svg = _Svg(WIDTH, height, chart.title)
    if chart.title:
        svg.text(WIDTH / 2, 19, _fit(chart.title, WIDTH - 2 * pad, 14), size=14,
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

    widest = max(_text_width(label, size) for label in chart.categories)
    step = max(1, math.ceil((widest + 6) / band))
    for index, label in enumerate(chart.categories):
        if index % step == 0:
            svg.text(x_of(index), bottom + 16, _fit(label, band * step - 4, size), size=size,
                     anchor="middle", fill=MUTED, cls="category")
    if chart.x_label:
        svg.text((x0 + x1) / 2, bottom + 36, chart.x_label, size=size + 0.5, anchor="middle")
    if chart.y_label:
        svg.text(pad + 11, (top + bottom) / 2, chart.y_label, size=size + 0.5, anchor="middle",
                 rotate=-90)

    _draw_series(svg, chart.series, x_of, y_of, band)
    return svg.render()


def _draw_series(
    svg: _Svg,
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


def _legend(svg: _Svg, series: Sequence[Series], y: float, right: float) -> None:
    size = 10.5
    entries = [(PALETTE[i % len(PALETTE)], s) for i, s in enumerate(series) if s.name]
    x = right - sum(_text_width(s.name, size) + 26 for _, s in entries)
    for colour, entry in entries:
        if entry.kind == "bar":
            svg.rect(x, y - 8, 11, 10, fill=colour)
        else:
            svg.line(x, y - 3, x + 12, y - 3, stroke=colour, width=2.4)
        svg.text(x + 16, y + 1, entry.name, size=size, fill=INK)
        x += _text_width(entry.name, size) + 26


# --------------------------------------------------------------------------- SVG writing


def _text_width(text: str, size: float) -> float:
    # DejaVu Sans averages a little under 0.6 em per character in mixed text.
    return len(text) * size * 0.6


def _fit(text: str, max_width: float, size: float) -> str:
    if _text_width(text, size) <= max_width:
        return text
    keep = max(int(max_width / (size * 0.6)) - 1, 1)
    return text[:keep].rstrip() + "…"


def _num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


class _Svg:
    """Collects SVG elements; every attribute value and text is XML-escaped here."""

    def __init__(self, width: float, height: float, label: str) -> None:
        self.width = width
        self.height = height
        self.label = label
        self.parts: list[str] = []

    def _add(self, tag: str, attrs: dict[str, object], text: str | None = None) -> None:
        rendered = " ".join(
            f'{key}="{escape(_num(value) if isinstance(value, float) else str(value))}"'
            for key, value in attrs.items()
            if value is not None
        )
        if text is None:
            self.parts.append(f"<{tag} {rendered}/>")
        else:
            self.parts.append(f"<{tag} {rendered}>{escape(text, quote=False)}</{tag}>")

    def rect(self, x: float, y: float, w: float, h: float, *, fill: str, rx: float | None = None,
             cls: str | None = None, stroke: str | None = None) -> None:
        self._add("rect", {"class": cls, "x": float(x), "y": float(y), "width": float(w),
                           "height": float(h), "rx": rx, "fill": fill, "stroke": stroke,
                           "stroke-width": 0.8 if stroke else None})

    def line(self, x1: float, y1: float, x2: float, y2: float, *, stroke: str,
             width: float = 1.0) -> None:
        self._add("line", {"x1": float(x1), "y1": float(y1), "x2": float(x2), "y2": float(y2),
                           "stroke": stroke, "stroke-width": float(width)})

    def polyline(self, points: Sequence[tuple[float, float]], *, stroke: str,
                 cls: str | None = None) -> None:
        coords = " ".join(f"{_num(x)},{_num(y)}" for x, y in points)
        self._add("polyline", {"class": cls, "points": coords, "fill": "none",
                               "stroke": stroke, "stroke-width": 2.2,
                               "stroke-linejoin": "round", "stroke-linecap": "round"})

    def polygon(self, points: Sequence[tuple[float, float]], *, fill: str,
                cls: str | None = None) -> None:
        coords = " ".join(f"{_num(x)},{_num(y)}" for x, y in points)
        self._add("polygon", {"class": cls, "points": coords, "fill": fill})

    def circle(self, cx: float, cy: float, r: float, *, fill: str) -> None:
        self._add("circle", {"cx": float(cx), "cy": float(cy), "r": float(r), "fill": fill})

    def text(self, x: float, y: float, content: str, *, size: float, anchor: str = "start",
             weight: str | None = None, fill: str = INK, cls: str | None = None,
             rotate: float | None = None) -> None:
        transform = f"rotate({_num(rotate)} {_num(x)} {_num(y)})" if rotate else None
        self._add("text", {"class": cls, "x": float(x), "y": float(y),
                           "font-family": FONT_FAMILY, "font-size": float(size),
                           "font-weight": weight, "text-anchor": anchor if anchor != "start"
                           else None, "fill": fill, "transform": transform}, content)

    def render(self) -> str:
        w, h = _num(self.width), _num(self.height)
        title = f"<title>{escape(self.label, quote=False)}</title>" if self.label else ""
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {w} {h}" '
            f'width="{w}" height="{h}" role="img" aria-label="{escape(self.label)}">'
            f"{title}{''.join(self.parts)}</svg>"
        )
