"""Geometry for the small server-rendered SVG charts of the Insights page (no JavaScript, no library).

The functions only compute coordinates; templates/web/_bar_chart.html and _week_chart.html draw
them, with the same numbers in a table beside each chart for screen readers and copy-paste.
Colours carry no meaning on their own: every bar is labelled with its name and value.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import formats
from django.utils.translation import gettext

# Text on white at ≥ 4.5:1; the series palette is the Okabe–Ito set (distinguishable with colour-blindness).
STATUS_COLOURS = {"suggested": "#6b4fa3", "open": "#9a7400", "assigned": "#0b5cad", "in_review": "#084785",
                  "resolved": "#1e6b34", "rejected": "#4a5360"}
VERDICT_COLOURS = {"verified": "#1e6b34", "disputed": "#a4161a", "unverifiable": "#4a5360"}
PALETTE = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#8a7a00", "#000000"]

WIDTH = 640
LABEL_W = 170
BAR_H = 22
GAP = 8


@dataclass
class Bar:
    label: str
    value: float
    shown: str
    x: float
    y: float
    width: float
    colour: str
    text_x: float
    text_y: float


def bar_chart(rows: list[tuple[str, str, float]], *, colours: dict[str, str] | None = None,
              unit: str = "") -> dict:
    """Horizontal bars, one per (key, label, value) row."""
    colours = colours or {}
    top = max([v for _, _, v in rows] or [0]) or 1
    room = WIDTH - LABEL_W - 70
    bars = []
    for i, (key, label, value) in enumerate(rows):
        y = i * (BAR_H + GAP)
        width = room * value / top
        shown = (f"{value:g}" if isinstance(value, float) else str(value)) + unit
        bars.append(Bar(label, value, shown, LABEL_W, y, max(width, 0), colours.get(key, PALETTE[i % len(PALETTE)]),
                        LABEL_W + width + 6, y + BAR_H * 0.7))
    return {"bars": bars, "width": WIDTH, "height": max(len(rows) * (BAR_H + GAP) - GAP, BAR_H), "label_x": LABEL_W - 8}


@dataclass
class Segment:
    x: float
    y: float
    width: float
    height: float
    colour: str
    title: str


def _nice_max(value: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000):
        if value <= step * 4:
            return step * 4
    return value


def week_chart(weeks: list[dt.date], series: list[tuple[str, str, list[int]]]) -> dict:
    """Stacked columns, one per week (oldest left), one colour per series, with a labelled y axis."""
    height, left, bottom, top_pad = 220, 48, 36, 10
    plot_h = height - bottom - top_pad
    totals = [sum(s[2][i] for s in series) for i in range(len(weeks))]
    ymax = _nice_max(max(totals or [0]) or 1)
    slot = (WIDTH - left - 10) / max(len(weeks), 1)
    col_w = slot * 0.7
    segments: list[Segment] = []
    for i, week in enumerate(weeks):
        x = left + i * slot + (slot - col_w) / 2
        base = top_pad + plot_h
        for j, (_key, label, values) in enumerate(series):
            v = values[i]
            if not v:
                continue
            h = plot_h * v / ymax
            base -= h
            title = gettext("%(label)s, week of %(week)s: %(n)s") % {
                "label": label, "week": formats.date_format(week, "j M"), "n": v}
            segments.append(Segment(x, base, col_w, h, PALETTE[j % len(PALETTE)], title))
    ticks = [{"y": top_pad + plot_h - plot_h * k / 4, "value": ymax * k // 4} for k in range(5)]
    labels = [{"x": left + i * slot + slot / 2, "text": formats.date_format(w, "j M"), "show": i % 2 == (len(weeks) - 1) % 2}
              for i, w in enumerate(weeks)]
    legend = [{"label": label, "colour": PALETTE[j % len(PALETTE)]} for j, (_k, label, _v) in enumerate(series)]
    return {"segments": segments, "ticks": ticks, "labels": labels, "legend": legend, "width": WIDTH,
            "height": height, "left": left, "axis_y": top_pad + plot_h, "label_y": height - bottom + 18,
            "right": WIDTH - 10}
