"""Mermaid gantt / xychart blocks become inline SVG; anything else is left alone."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

import pytest

from koprade_wizard.plan.charts import (
    ChartError,
    mermaid_to_svg,
    parse_gantt,
    parse_xychart,
)

SVG = "{http://www.w3.org/2000/svg}"

GANTT = """\
gantt
    title Ieviešana <&> "plāns"
    dateFormat YYYY-MM-DD
    axisFormat %b
    section Sagatavošana
    Biedrības dibināšana :a1, 2026-12-01, 30d
    Finansējums          :a2, after a1, 45d
    section Telpa
    Remonts              :2027-01-10, 2027-03-01
    Iekārtošana          :b2, after a1 a2, 2w
    section Atvēršana
    Atklāšana            :milestone, m1, 2027-06-01, 0d
"""

XYCHART = """\
xychart-beta
    title "Ienākumi un izdevumi"
    x-axis "Mēnesis" [jūn, jūl, aug, sep, okt, "nov, dec"]
    y-axis "EUR" 0 --> 1200
    bar [260, 340, 390, 480, 560, 610]
    line [720, 720, 720, 730, 730, 740]
"""


def _parse(svg: str | None) -> ET.Element:
    assert svg is not None
    return ET.fromstring(svg)  # also proves the SVG is well-formed XML


def _by_class(root: ET.Element, tag: str, cls: str) -> list[ET.Element]:
    return [el for el in root.iter(f"{SVG}{tag}") if el.get("class") == cls]


def _points(element: ET.Element) -> list[tuple[float, float]]:
    pairs = (pair.split(",") for pair in (element.get("points") or "").split())
    return [(float(x), float(y)) for x, y in pairs]


# --------------------------------------------------------------------------- gantt


def test_gantt_parser_resolves_after_durations_and_end_dates() -> None:
    chart = parse_gantt(GANTT.splitlines()[1:])
    assert chart.title == 'Ieviešana <&> "plāns"'
    spans = {task.name: (task.start, task.end, task.section) for task in chart.tasks}
    assert spans["Biedrības dibināšana"] == (date(2026, 12, 1), date(2026, 12, 31), "Sagatavošana")
    assert spans["Finansējums"] == (date(2026, 12, 31), date(2027, 2, 14), "Sagatavošana")
    assert spans["Remonts"] == (date(2027, 1, 10), date(2027, 3, 1), "Telpa")
    # "after a1 a2" starts when the later of the two ends; 2w is fourteen days.
    assert spans["Iekārtošana"] == (date(2027, 2, 14), date(2027, 2, 28), "Telpa")
    milestone = chart.tasks[-1]
    assert milestone.milestone and milestone.start == milestone.end == date(2027, 6, 1)


def test_gantt_draws_one_bar_per_task_at_proportional_positions() -> None:
    root = _parse(mermaid_to_svg(GANTT, "lv"))
    bars = _by_class(root, "rect", "bar")
    assert len(bars) == 4  # every task except the milestone

    first = bars[0]
    x0, per_day = float(first.get("x")), float(first.get("width")) / 30
    expected = [  # (days after 1 Dec 2026, duration in days)
        (0, 30),
        (30, 45),
        ((date(2027, 1, 10) - date(2026, 12, 1)).days, 50),
        ((date(2027, 2, 14) - date(2026, 12, 1)).days, 14),
    ]
    for bar, (offset, days) in zip(bars, expected, strict=True):
        assert (float(bar.get("x")) - x0) / per_day == pytest.approx(offset, abs=0.05)
        assert float(bar.get("width")) / per_day == pytest.approx(days, abs=0.05)

    (diamond,) = _by_class(root, "polygon", "milestone")
    centre = sum(x for x, _ in _points(diamond)) / 4
    milestone_offset = (date(2027, 6, 1) - date(2026, 12, 1)).days
    assert (centre - x0) / per_day == pytest.approx(milestone_offset, abs=0.05)

    # Bars stay inside the drawing.
    width = float(root.get("width"))
    for bar in bars:
        left = float(bar.get("x"))
        assert left >= 0
        assert left + float(bar.get("width")) <= width


def test_gantt_month_labels_follow_the_document_language() -> None:
    latvian = [el.text for el in _by_class(_parse(mermaid_to_svg(GANTT, "lv")), "text", "month")]
    assert latvian[:4] == ["dec.", "janv.", "febr.", "marts"]
    english = [el.text for el in _by_class(_parse(mermaid_to_svg(GANTT, "en")), "text", "month")]
    assert english[:4] == ["Dec", "Jan", "Feb", "Mar"]
    years = [el.text for el in _by_class(_parse(mermaid_to_svg(GANTT, "lv")), "text", "year")]
    assert years == ["2026", "2027"]


def test_gantt_task_names_and_sections_are_labelled() -> None:
    texts = [el.text for el in _parse(mermaid_to_svg(GANTT, "lv")).iter(f"{SVG}text")]
    for name in ("Sagatavošana", "Telpa", "Biedrības dibināšana", "Remonts", "Atklāšana"):
        assert name in texts


def test_gantt_acc_title_names_the_chart_without_drawing_a_title() -> None:
    """Under a heading that already names it, the timeline carries its name for screen
    readers only, and is shorter by the title's row."""
    untitled = GANTT.replace('title Ieviešana <&> "plāns"', "accTitle: Laika grafiks")
    root = _parse(mermaid_to_svg(untitled, "lv"))
    assert root.get("aria-label") == "Laika grafiks"
    assert root.find(f"{SVG}title") is not None
    assert root.find(f"{SVG}title").text == "Laika grafiks"  # type: ignore[union-attr]
    assert "Laika grafiks" not in [el.text for el in root.iter(f"{SVG}text")]
    titled = _parse(mermaid_to_svg(GANTT, "lv"))
    assert float(root.get("height") or 0) < float(titled.get("height") or 0)


# --------------------------------------------------------------------------- xychart


def test_xychart_parser_reads_axes_and_series() -> None:
    chart = parse_xychart(XYCHART.splitlines()[1:])
    assert chart.title == "Ienākumi un izdevumi"
    assert chart.x_label == "Mēnesis" and chart.y_label == "EUR"
    assert chart.categories == ("jūn", "jūl", "aug", "sep", "okt", "nov, dec")
    assert chart.y_range == (0, 1200)
    assert [s.kind for s in chart.series] == ["bar", "line"]
    assert chart.series[1].values == (720, 720, 720, 730, 730, 740)


def test_xychart_draws_a_polyline_with_one_point_per_value() -> None:
    root = _parse(mermaid_to_svg(XYCHART, "lv"))
    (line,) = _by_class(root, "polyline", "series-line")
    points = _points(line)
    assert len(points) == 6
    xs = [x for x, _ in points]
    assert xs == sorted(xs)
    bars = _by_class(root, "rect", "series-bar")
    assert len(bars) == 6
    # Taller value, taller bar: heights follow the data.
    heights = [float(bar.get("height")) for bar in bars]
    assert heights == sorted(heights)
    assert heights[-1] / heights[0] == pytest.approx(610 / 260, rel=0.01)
    # The line (720 ≥ every bar) is drawn above the bars' tops (SVG y grows downwards).
    assert max(y for _, y in points) < min(float(bar.get("y")) for bar in bars)


def test_xychart_several_series_and_negative_values() -> None:
    source = """\
xychart-beta
    x-axis [1, 2, 3, 4]
    line [-500, -200, 100, 400]
    line [0, 50, 100, 150]
    bar [10, 20, 30, 40]
"""
    root = _parse(mermaid_to_svg(source, "en"))
    lines = _by_class(root, "polyline", "series-line")
    assert [len(_points(line)) for line in lines] == [4, 4]
    # Values below zero sit lower on the page than values above it.
    falling = _points(lines[0])
    assert falling[0][1] > falling[-1][1]


def test_named_series_get_a_legend() -> None:
    source = 'xychart-beta\n  x-axis [a, b]\n  line "Izdevumi" [1, 2]\n  bar "Ienākumi" [2, 3]\n'
    texts = [el.text for el in _parse(mermaid_to_svg(source, "lv")).iter(f"{SVG}text")]
    assert "Izdevumi" in texts and "Ienākumi" in texts


# --------------------------------------------------------------------------- robustness


@pytest.mark.parametrize(
    "source",
    [
        "flowchart TD\n  A --> B",
        "",
        "gantt\n",
        "gantt\n  dateFormat DD.MM.YYYY\n  A :a, 01.12.2026, 3d",
        "gantt\n  A :a, 2026-13-45, 3d",
        "gantt\n  A :a, after nowhere, 3d",
        "gantt\n  A :3d",
        "gantt\n  A :a, 2026-12-01, 99999999d",
        "gantt\n  A :a, 2026-12-01, 2026-11-01",
        "gantt\n  this line means nothing",
        "xychart-beta\n  x-axis [a, b, c]\n  line [1, 2]",
        "xychart-beta\n  line [1, two, 3]",
        "xychart-beta\n  line [nan, 1]",
        "xychart-beta\n  y-axis 10 --> 10\n  line [1, 2]",
        "xychart-beta\n  title only",
        "xychart-beta horizontal\n  bar [1, 2]",
        'xychart-beta\n  x-axis "unterminated [a]\n  bar [1]',
    ],
)
def test_unsupported_or_broken_mermaid_gives_none(source: str) -> None:
    assert mermaid_to_svg(source, "lv") is None


def test_parse_errors_are_chart_errors() -> None:
    with pytest.raises(ChartError):
        parse_gantt(["A :a, after nowhere, 3d"])
    with pytest.raises(ValueError):
        parse_xychart(["bar [1, x]"])


def test_single_day_task_does_not_divide_by_zero() -> None:
    root = _parse(mermaid_to_svg("gantt\n  Atklāšana :a, 2027-01-01, 0d", "lv"))
    assert len(_by_class(root, "rect", "bar")) == 1


def test_text_in_svg_is_escaped() -> None:
    hostile = "<script>alert(1)</script> & \"quotes\" 'single'"
    gantt = f"gantt\n  title {hostile}\n  section {hostile}\n  {hostile} :a, 2026-12-01, 3d\n"
    svg = mermaid_to_svg(gantt, "lv")
    assert svg is not None and "<script" not in svg
    root = _parse(svg)
    assert root.get("aria-label") == hostile
    texts = [el.text for el in root.iter(f"{SVG}text")]
    assert hostile in texts  # the title is drawn in full, exactly as written

    chart = f'xychart-beta\n  title "{hostile.replace(chr(34), "")}"\n  x-axis [<b>, &amp;]\n'
    chart += "  bar [1, 2]\n"
    svg = mermaid_to_svg(chart, "lv")
    assert svg is not None and "<b>" not in svg
    categories = [el.text for el in _by_class(_parse(svg), "text", "category")]
    assert categories == ["<b>", "&amp;"]
