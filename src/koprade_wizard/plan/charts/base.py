"""What both chart kinds share: limits, Mermaid statement reading, and SVG writing."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

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


class ChartError(ValueError):
    """The Mermaid source uses something this module does not understand."""


def meaningful_lines(source: str) -> list[str]:
    lines = [line.strip() for line in source.splitlines()]
    if lines and lines[0] == "---":  # Mermaid front matter carries only styling
        try:
            lines = lines[lines.index("---", 1) + 1 :]
        except ValueError:
            return []
    return statements(lines)


def statements(lines: Iterable[str]) -> list[str]:
    stripped = (line.strip() for line in lines)
    return [line for line in stripped if line and not line.startswith("%%")]



def unquote(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] == '"':
        return text[1:-1]
    return text


# --------------------------------------------------------------------------- SVG writing


def text_width(text: str, size: float) -> float:
    # DejaVu Sans averages a little under 0.6 em per character in mixed text.
    return len(text) * size * 0.6


def fit(text: str, max_width: float, size: float) -> str:
    if text_width(text, size) <= max_width:
        return text
    keep = max(int(max_width / (size * 0.6)) - 1, 1)
    return text[:keep].rstrip() + "…"


def num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


class Svg:
    """Collects SVG elements; every attribute value and text is XML-escaped here."""

    def __init__(self, width: float, height: float, label: str) -> None:
        self.width = width
        self.height = height
        self.label = label
        self.parts: list[str] = []

    def _add(self, tag: str, attrs: dict[str, object], text: str | None = None) -> None:
        rendered = " ".join(
            f'{key}="{escape(num(value) if isinstance(value, float) else str(value))}"'
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
        coords = " ".join(f"{num(x)},{num(y)}" for x, y in points)
        self._add("polyline", {"class": cls, "points": coords, "fill": "none",
                               "stroke": stroke, "stroke-width": 2.2,
                               "stroke-linejoin": "round", "stroke-linecap": "round"})

    def polygon(self, points: Sequence[tuple[float, float]], *, fill: str,
                cls: str | None = None) -> None:
        coords = " ".join(f"{num(x)},{num(y)}" for x, y in points)
        self._add("polygon", {"class": cls, "points": coords, "fill": fill})

    def circle(self, cx: float, cy: float, r: float, *, fill: str) -> None:
        self._add("circle", {"cx": float(cx), "cy": float(cy), "r": float(r), "fill": fill})

    def text(self, x: float, y: float, content: str, *, size: float, anchor: str = "start",
             weight: str | None = None, fill: str = INK, cls: str | None = None,
             rotate: float | None = None) -> None:
        transform = f"rotate({num(rotate)} {num(x)} {num(y)})" if rotate else None
        self._add("text", {"class": cls, "x": float(x), "y": float(y),
                           "font-family": FONT_FAMILY, "font-size": float(size),
                           "font-weight": weight, "text-anchor": anchor if anchor != "start"
                           else None, "fill": fill, "transform": transform}, content)

    def render(self) -> str:
        w, h = num(self.width), num(self.height)
        title = f"<title>{escape(self.label, quote=False)}</title>" if self.label else ""
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {w} {h}" '
            f'width="{w}" height="{h}" role="img" aria-label="{escape(self.label)}">'
            f"{title}{''.join(self.parts)}</svg>"
        )
