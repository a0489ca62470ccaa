"""Mermaid ``gantt`` blocks: the plan's timeline."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta

from babel.dates import format_date, format_skeleton

from koprade_wizard.common.record import record
from koprade_wizard.i18n.formatting import locale_code

from .base import (
    BAND,
    GRID,
    INK,
    MAX_SPAN_DAYS,
    MAX_TASKS,
    MUTED,
    PALETTE,
    WIDTH,
    ChartError,
    Svg,
    fit,
    statements,
    text_width,
)

# --------------------------------------------------------------------------- gantt


@record
class GanttTask:
    name: str
    section: str
    start: date
    end: date
    milestone: bool = False
    critical: bool = False


@record
class Gantt:
    title: str
    tasks: tuple[GanttTask, ...]
    label: str = ""  # accTitle: what a screen reader says where no title is drawn


_GANTT_IGNORED = ("axisFormat", "tickInterval", "excludes", "includes", "todayMarker",
                  "weekday", "inclusiveEndDates", "topAxis", "displayMode", "accDescr")
_TAGS = frozenset({"done", "active", "crit", "milestone"})
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DURATION_RE = re.compile(r"(\d+(?:\.\d+)?)\s*([dw])")


def parse_gantt(lines: Sequence[str]) -> Gantt:
    """Parse the lines after ``gantt``; raises :class:`ChartError` on anything unknown."""
    title = label = ""
    section = ""
    tasks: list[GanttTask] = []
    ends_by_id: dict[str, date] = {}
    for line in statements(lines):
        keyword, _, rest = line.partition(" ")
        keyword = keyword.rstrip(":")  # accTitle: / accDescr: carry a colon
        if keyword == "title":
            title = rest.strip()
        elif keyword == "accTitle":
            label = rest.strip()
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
    return Gantt(title, tuple(tasks), label)


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
    locale = locale_code(lang)
    pad, row_h, section_h, axis_h = 8.0, 20.0, 20.0, 42.0
    title_h = 30.0 if chart.title else 4.0
    label_size, axis_size = 11.5, 10.5

    sections = _group_sections(chart.tasks)
    longest = max(text_width(task.name, label_size) for task in chart.tasks)
    label_w = min(280.0, max(120.0, longest + 28))
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
    svg = Svg(WIDTH, height, chart.title or chart.label)
    if chart.title:
        svg.text(WIDTH / 2, 19, fit(chart.title, WIDTH - 2 * pad, 14), size=14,
                 anchor="middle", weight="bold")

    top = title_h + axis_h
    _gantt_axis(svg, x_of, domain_start, domain_end, title_h, top, height - pad, locale,
                axis_size)

    y = top
    for index, (section, tasks) in enumerate(sections):
        colour = PALETTE[index % len(PALETTE)]
        if section:
            svg.rect(0, y, WIDTH, section_h, fill=BAND, cls="section")
            svg.text(pad, y + section_h / 2 + 4.5, fit(section, WIDTH - 2 * pad, label_size),
                     size=label_size, weight="bold", fill=colour)
            y += section_h
        for task in tasks:
            indent = 2 * pad if section else pad
            svg.text(indent, y + row_h / 2 + 4, fit(task.name, x0 - indent - 6, label_size),
                     size=label_size)
            if task.milestone:
                _milestone(svg, task, x_of, y + row_h / 2, locale, x0, x1)
            else:
                left, right = x_of(task.start), x_of(task.end)
                svg.rect(left, y + 4, max(right - left, 1.5), row_h - 8, fill=colour, rx=2,
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
    svg: Svg,
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
    widest = max(text_width(label, size) for label in labels)
    step = next((s for s in (1, 2, 3, 4, 6, 12) if s * month_px >= widest + 6), 12)

    for index, month in enumerate(inner):
        strong = month.month == 1 or index == 0
        left = x_of(month)
        right = x_of(min(_add_months(month, step), last))
        labelled = (month.month - 1) % step == 0 and right - left >= text_width(
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
    svg: Svg,
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
    if cx + r + 4 + text_width(label, size) <= x1:
        svg.text(cx + r + 4, cy + 4, label, size=size, fill=MUTED)
    elif cx - r - 4 - text_width(label, size) >= x0:
        svg.text(cx - r - 4, cy + 4, label, size=size, fill=MUTED, anchor="end")


