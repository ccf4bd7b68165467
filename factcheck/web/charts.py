"""Geometry for the small server-rendered SVG charts of the Insights page (no JavaScript, no library).

The functions only compute coordinates; templates/web/_bar_chart.html and _week_chart.html draw
them, with the same numbers in a table beside each chart for screen readers and copy-paste.
Colours carry no meaning on their own: every bar is labelled with its name and value.

Every coordinate leaves here as text written by :func:`svg_number`, never through the locale: the
templates' number filters (floatformat, or a float printed as it is) follow the interface language,
and Arabic writes "132,5", which SVG reads as two numbers and draws the bar wrong or not at all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import formats
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
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


def svg_number(value: float) -> str:
    """A coordinate for an SVG attribute: ASCII digits, a full stop, one decimal at most ("132.5", "48")."""
    text = f"{value:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


@dataclass
class Bar:
    label: str
    value: float
    shown: str
    # The coordinates, as svg_number wrote them.
    x: str
    y: str
    width: str
    colour: str
    text_x: str
    text_y: str


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
        bars.append(Bar(label, value, shown, svg_number(LABEL_W), svg_number(y), svg_number(max(width, 0)),
                        colours.get(key, PALETTE[i % len(PALETTE)]), svg_number(LABEL_W + width + 6),
                        svg_number(y + BAR_H * 0.7)))
    return {"bars": bars, "bars_svg": bars_svg(bars, svg_number(LABEL_W - 8)), "width": svg_number(WIDTH),
            "height": svg_number(max(len(rows) * (BAR_H + GAP) - GAP, BAR_H)),
            "label_x": svg_number(LABEL_W - 8)}


# A label or title escaped as a template would (a string marked safe is kept as it is).
_text = conditional_escape


def bars_svg(bars: list[Bar], label_x: str) -> SafeString:
    """The bars' <g> elements (label, bar, value), written here rather than by a template loop: the
    reviewers' chart has a bar per reviewer (40 on a large desk), about half of what the template
    engine rendered for the Insights page. Labels and values are escaped as a template would; the
    coordinates (svg_number's digits) and colours (this module's constants) need none, and
    format_html's escaping of every one of them was a sixth of the page's time."""
    out = []
    for b in bars:
        label, shown = _text(b.label), _text(b.shown)
        out.append(f'<g><text x="{label_x}" y="{b.text_y}" text-anchor="end" class="chart-label">{label}</text>'
                   f'<rect x="{b.x}" y="{b.y}" width="{b.width}" height="22" fill="{b.colour}" rx="3">'
                   f'<title>{label}: {shown}</title></rect>'
                   f'<text x="{b.text_x}" y="{b.text_y}" class="chart-value">{shown}</text></g>')
    return mark_safe("\n".join(out))  # noqa: S308 - every text above is escaped


@dataclass
class Segment:
    # The coordinates, as svg_number wrote them.
    x: str
    y: str
    width: str
    height: str
    colour: str
    title: str


def segments_svg(segments: list[Segment]) -> SafeString:
    """The columns' <rect> elements, written here rather than by a template loop: twelve weeks of
    eight types are ~100 rectangles of six values each, which the template engine took some 10 ms
    to render on every request of the Insights page. The titles are escaped as a template would."""
    return mark_safe("".join(  # noqa: S308 - the titles are escaped, the rest is svg_number's digits
        f'<rect x="{s.x}" y="{s.y}" width="{s.width}" height="{s.height}" fill="{s.colour}"><title>{_text(s.title)}'
        "</title></rect>" for s in segments))


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
    shown = [formats.date_format(w, "j M") for w in weeks]  # once a week, not once a segment
    template = gettext("%(label)s, week of %(week)s: %(n)s")
    for i in range(len(weeks)):
        x = left + i * slot + (slot - col_w) / 2
        base = top_pad + plot_h
        for j, (_key, label, values) in enumerate(series):
            v = values[i]
            if not v:
                continue
            h = plot_h * v / ymax
            base -= h
            title = template % {"label": label, "week": shown[i], "n": v}
            segments.append(Segment(svg_number(x), svg_number(base), svg_number(col_w), svg_number(h),
                                    PALETTE[j % len(PALETTE)], title))
    ticks = [{"y": svg_number(top_pad + plot_h - plot_h * k / 4), "value": ymax * k // 4} for k in range(5)]
    labels = [{"x": svg_number(left + i * slot + slot / 2), "text": shown[i],
               "show": i % 2 == (len(weeks) - 1) % 2} for i in range(len(weeks))]
    legend = [{"label": label, "colour": PALETTE[j % len(PALETTE)]} for j, (_k, label, _v) in enumerate(series)]
    return {"segments": segments, "segments_svg": segments_svg(segments), "ticks": ticks, "labels": labels,
            "legend": legend, "width": svg_number(WIDTH),
            "height": svg_number(height), "left": svg_number(left), "tick_x": svg_number(left - 6),
            "axis_y": svg_number(top_pad + plot_h), "label_y": svg_number(height - bottom + 18),
            "right": svg_number(WIDTH - 10)}
