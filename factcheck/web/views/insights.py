"""The editors' Insights page: newsroom figures as SVG charts, each with its numbers in a table."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from factcheck.accounts.permissions import is_editor
from factcheck.core.errors import NotAllowed
from factcheck.publishing.insights import Insights, newsroom_insights
from factcheck.web import charts
from factcheck.web.views.common import _forbidden, member_required


def _labels_once(data: Insights) -> None:
    """Each figure's labels translated once: a lazy label is translated again at every use, and the
    types chart alone uses each type's some twelve times (a segment's title per week), the tables
    and bars again (about 200 translations a request, a few milliseconds). The text is the same."""
    for figure in (data.by_status, data.by_verdict, data.overdue):
        figure.rows = [(key, str(label), value) for key, label, value in figure.rows]
    for weeks in (data.types_by_week, data.published_by_week):
        weeks.series = [(key, str(label), values) for key, label, values in weeks.series]


@require_GET
@member_required
def insights(request: HttpRequest) -> HttpResponse:
    if not is_editor(request.user):
        return _forbidden(request, NotAllowed(gettext("Only editors can see the newsroom's figures.")))
    data = newsroom_insights()
    _labels_once(data)
    reviewer_rows = [(r.username, r.name, r.median_hours) for r in data.reviewer_times]
    ctx = {
        "data": data,
        "status_chart": charts.bar_chart(data.by_status.rows, colours=charts.STATUS_COLOURS),
        "verdict_chart": charts.bar_chart(data.by_verdict.rows, colours=charts.VERDICT_COLOURS),
        "overdue_chart": charts.bar_chart(data.overdue.rows, colours=dict.fromkeys(
            [k for k, _, _ in data.overdue.rows], "#a4161a")),
        "reviewer_chart": charts.bar_chart(reviewer_rows, colours=dict.fromkeys([k for k, _, _ in reviewer_rows],
                                                                                "#0b5cad"), unit=" h"),
        "types_chart": charts.week_chart(data.types_by_week.weeks, data.types_by_week.series),
        "types_rows": [(w, [s[2][i] for s in data.types_by_week.series], data.types_by_week.week_totals()[i])
                       for i, w in enumerate(data.types_by_week.weeks)],
        "published_chart": charts.week_chart(data.published_by_week.weeks, data.published_by_week.series),
        "published_rows": list(zip(data.published_by_week.weeks, data.published_by_week.series[0][2], strict=True)),
    }
    return render(request, "web/insights.html", ctx)
