"""The Insights charts' SVG is written by hand (format_html escaped every coordinate, a sixth of the
page's time): it must be what format_html_join wrote, hostile labels escaped the same way."""

from __future__ import annotations

import datetime as dt

from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy

from factcheck.web import charts

HOSTILE = ['<script>alert("x")</script>', "Tom & Jerry's desk", gettext_lazy("Verified"), mark_safe("<b>kept</b>")]


def test_bars_are_written_as_format_html_wrote_them():
    rows = [(f"k{i}", label, float(i * 7 + 1)) for i, label in enumerate(HOSTILE)]
    chart = charts.bar_chart(rows, unit=" <%>")
    bars = chart["bars"]
    expected = format_html_join(
        "\n",
        '<g><text x="{}" y="{}" text-anchor="end" class="chart-label">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="22" fill="{}" rx="3"><title>{}: {}</title></rect>'
        '<text x="{}" y="{}" class="chart-value">{}</text></g>',
        ((chart["label_x"], b.text_y, b.label, b.x, b.y, b.width, b.colour, b.label, b.shown, b.text_x, b.text_y,
          b.shown) for b in bars),
    )
    assert isinstance(chart["bars_svg"], SafeString)
    assert chart["bars_svg"] == expected
    assert "<script>" not in chart["bars_svg"] and "&lt;script&gt;" in chart["bars_svg"]
    assert "<b>kept</b>" in chart["bars_svg"]  # a label already marked safe is not escaped twice


def test_week_columns_are_written_as_format_html_wrote_them():
    weeks = [dt.date(2026, 11, 2) + dt.timedelta(weeks=i) for i in range(4)]
    series = [("a", '<img src=x onerror="y">', [1, 0, 3, 4]), ("b", "Quantity & more", [2, 2, 0, 1])]
    chart = charts.week_chart(weeks, series)
    expected = format_html_join(
        "", '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}</title></rect>',
        ((s.x, s.y, s.width, s.height, s.colour, s.title) for s in chart["segments"]),
    )
    assert chart["segments_svg"] == expected and len(chart["segments"]) == 6
    assert "<img" not in chart["segments_svg"]
