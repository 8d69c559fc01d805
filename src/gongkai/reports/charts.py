"""Charts of the region drawn on the server as SVG: no script, no style attribute (the
site's CSP forbids both), presentation attributes only. Each chart carries a ``<title>``
and ``<desc>``; the page prints the same numbers in a table beneath it for screen readers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

COLOURS = ("#1f5f99", "#d98c1a", "#4c8a3f", "#a23b3b")
WIDTH = 720
BAR = 16
GAP = 10
LABEL_WIDTH = 220
RIGHT = 70


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | None, ...]


def _fmt(value: float | None, percent: bool) -> str:
    if value is None:
        return "—"
    if percent:
        return f"{value * 100:.1f}%"
    return f"{value:g}"


def _short(label: str, limit: int = 14) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def bars(
    title: str,
    desc: str,
    labels: Sequence[str],
    series: Sequence[Series],
    *,
    percent: bool = False,
    chart_id: str = "chart",
) -> str:
    """Horizontal bars: one group per label, one bar per series; ``None`` draws no bar
    and prints “—” (a rate with nothing to divide)."""
    values = [v for s in series for v in s.values if v is not None]
    top = 1.0 if percent else max(values, default=0) or 1
    group = len(series) * BAR + GAP
    legend = 24 if len(series) > 1 else 0
    height = legend + len(labels) * group + GAP
    plot = WIDTH - LABEL_WIDTH - RIGHT
    out = _opening(chart_id, height, title, desc)
    for i, s in enumerate(series if legend else ()):
        x = LABEL_WIDTH + i * 160
        colour = COLOURS[i % len(COLOURS)]
        out.append(f'<rect x="{x}" y="4" width="12" height="12" fill="{colour}"/>')
        out.append(f'<text x="{x + 18}" y="15" font-size="13">{escape(s.name)}</text>')
    for row, label in enumerate(labels):
        y0 = legend + row * group + GAP // 2
        middle = y0 + len(series) * BAR / 2 + 4
        out.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{middle:.0f}" font-size="13" text-anchor="end">'
            f"{escape(_short(label))}</text>"
        )
        for i, s in enumerate(series):
            value = s.values[row]
            y = y0 + i * BAR
            if value is not None and value > 0:
                width = max(1.0, plot * value / top)
                colour = COLOURS[i % len(COLOURS)]
                out.append(
                    f'<rect x="{LABEL_WIDTH}" y="{y}" width="{width:.1f}" height="{BAR - 3}" '
                    f'fill="{colour}"/>'
                )
            else:
                width = 0.0
            out.append(
                f'<text x="{LABEL_WIDTH + width + 4:.1f}" y="{y + BAR - 5}" font-size="12">'
                f"{_fmt(value, percent)}</text>"
            )
    out.append(
        f'<line x1="{LABEL_WIDTH}" y1="{legend}" x2="{LABEL_WIDTH}" y2="{height}" '
        'stroke="#555" stroke-width="1"/>'
    )
    out.append("</svg>")
    return "\n".join(out)


def lines(
    title: str,
    desc: str,
    years: Sequence[int],
    series: Sequence[Series],
    *,
    percent: bool = False,
    chart_id: str = "trend",
) -> str:
    """One line per series over the years; a missing value breaks the line."""
    height, left, bottom, top_pad = 260, 60, 40, 30
    plot_w, plot_h = WIDTH - left - RIGHT, height - bottom - top_pad
    values = [v for s in series for v in s.values if v is not None]
    top = 1.0 if percent else max(values, default=0) or 1
    step = plot_w / max(1, len(years) - 1)
    out = _opening(chart_id, height, title, desc)
    out += [
        f'<line x1="{left}" y1="{top_pad + plot_h}" x2="{left + plot_w}" y2="{top_pad + plot_h}" '
        'stroke="#555" stroke-width="1"/>',
        f'<text x="{left - 6}" y="{top_pad + 4}" font-size="12" text-anchor="end">'
        f"{_fmt(top, percent)}</text>",
    ]
    for i, year in enumerate(years):
        x = left + i * step
        out.append(
            f'<text x="{x:.1f}" y="{height - 14}" font-size="12" text-anchor="middle">{year}</text>'
        )
    for n, s in enumerate(series):
        colour = COLOURS[n % len(COLOURS)]
        points: list[str] = []
        for i, value in enumerate(s.values):
            if value is None:
                if len(points) > 1:
                    out.append(_polyline(points, colour))
                points = []
                continue
            x = left + i * step
            y = top_pad + plot_h - plot_h * value / top
            points.append(f"{x:.1f},{y:.1f}")
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}"/>')
        if len(points) > 1:
            out.append(_polyline(points, colour))
        out.append(
            f'<text x="{left + n * 160}" y="16" font-size="13" fill="{colour}">'
            f"■ {escape(s.name)}</text>"
        )
    out.append("</svg>")
    return "\n".join(out)


def _opening(chart_id: str, height: int, title: str, desc: str) -> list[str]:
    """An ``<svg>`` with its accessible name (``title``) and description."""
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{chart_id}" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" aria-labelledby="{chart_id}-t {chart_id}-d">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(desc)}</desc>',
    ]


def _polyline(points: list[str], colour: str) -> str:
    return f'<polyline points="{" ".join(points)}" fill="none" stroke="{colour}" stroke-width="2"/>'
