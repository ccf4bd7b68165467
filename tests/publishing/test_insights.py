"""The Insights page: figures from aggregate queries, SVG charts with the same numbers in tables."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from factcheck.claims import derived
from factcheck.claims.models import Claim, ClaimEvent, ClaimStatus, EventKind, Review, Verdict
from factcheck.core import stamps
from factcheck.publishing import insights
from tests.support.factories import ArticleFactory, UserFactory, make_claim

QUOTES = ["14 survivors", "magnitude 6.1", "more than 300 homes", "at least 9 people dead", "over 40 years"]


def _at(days_ago: float) -> dt.datetime:
    return timezone.now() - dt.timedelta(days=days_ago)


def _review(claim: Claim, reviewer, *, assigned_hours_before: float, days_ago: float, verdict=Verdict.VERIFIED):
    done = _at(days_ago)
    ClaimEvent.objects.create(claim=claim, article=claim.article, actor=claim.created_by, kind=EventKind.ASSIGNED,
                              at=done - dt.timedelta(hours=assigned_hours_before))
    review = Review.objects.create(claim=claim, reviewer=reviewer, verdict=verdict, rationale="checked")
    Review.objects.filter(pk=review.pk).update(created_at=done)


@pytest.fixture
def newsroom(editor, reviewer, other_reviewer):
    today = timezone.localdate()
    a1, a2 = ArticleFactory(created_by=editor), ArticleFactory(created_by=editor)
    c = [make_claim(a1, q, types=["quantity"]) for q in QUOTES] + [make_claim(a2, q, types=["temporal"]) for q in QUOTES[:3]]
    # statuses and verdicts
    for claim, verdict in ((c[0], Verdict.VERIFIED), (c[1], Verdict.VERIFIED), (c[2], Verdict.DISPUTED)):
        claim.status, claim.verdict = ClaimStatus.RESOLVED, verdict
        claim.save()
    c[3].status, c[3].due, c[3].assignee = ClaimStatus.ASSIGNED, today - dt.timedelta(days=3), reviewer  # 3 days late
    c[3].save()
    c[4].status, c[4].due = ClaimStatus.IN_REVIEW, today - dt.timedelta(days=45)  # 45 days late
    c[4].save()
    c[5].status, c[5].due = ClaimStatus.OPEN, today + dt.timedelta(days=3)  # not late
    c[5].save()
    c[6].status = ClaimStatus.REJECTED
    c[6].save()
    c[7].types = ["comparison", "superlative"]
    c[7].save()
    # an older claim, 5 weeks back
    Claim.objects.filter(pk=c[7].pk).update(created_at=_at(35))
    # time to verdict: rita 2 h, 4 h, 30 h (median 4); oscar 10 h
    _review(c[0], reviewer, assigned_hours_before=2, days_ago=1)
    _review(c[1], reviewer, assigned_hours_before=4, days_ago=2)
    _review(c[2], reviewer, assigned_hours_before=30, days_ago=10, verdict=Verdict.DISPUTED)
    _review(c[2], other_reviewer, assigned_hours_before=10, days_ago=3)  # round 1 unique per reviewer
    _review(c[3], other_reviewer, assigned_hours_before=99, days_ago=200)  # outside the window
    # publications: a1 this week (two claims' events, one article), a2 three weeks ago
    for claim in (c[0], c[1]):
        ClaimEvent.objects.create(claim=claim, article=a1, actor=editor, kind=EventKind.PUBLISHED, at=_at(0))
    ClaimEvent.objects.create(claim=c[5], article=a2, actor=editor, kind=EventKind.PUBLISHED, at=_at(21))
    # The rows above were written directly, as a bulk import would: the derived data the page reads
    # (progress counts, claims per type and day, reviews' assignment times) is rebuilt from them.
    derived.refresh_all()
    return c


def test_status_verdict_and_overdue_figures(newsroom):
    status = {k: n for k, _, n in insights.claims_by_status().rows}
    assert status == {"suggested": 0, "open": 2, "assigned": 1, "in_review": 1, "resolved": 3, "rejected": 1}
    verdicts = {k: n for k, _, n in insights.claims_by_verdict().rows}
    assert verdicts == {"verified": 2, "disputed": 1, "unverifiable": 0}
    overdue = insights.overdue_claims()
    assert [n for _, _, n in overdue.rows] == [1, 0, 1] and overdue.total == 2
    assert [c.pk for c in insights.oldest_overdue()] == [newsroom[4].pk, newsroom[3].pk]


def test_median_time_to_verdict_per_reviewer_over_the_window(newsroom):
    times = {r.username: (r.verdicts, r.median_hours) for r in insights.median_time_to_verdict()}
    assert times == {"rita": (3, 4.0), "oscar": (1, 10.0)}


def test_the_python_median_agrees_with_the_database(newsroom):
    _, start = insights.window()
    rows = insights._reviews_in_window(start).values_list("reviewer", "created_at", "assigned_at")
    by_pk = insights.median_in_python(rows)
    assert sorted((n, round(h, 1)) for n, h in by_pk.values()) == [(1, 10.0), (3, 4.0)]


def test_types_per_week_and_published_per_week(newsroom):
    series = insights.claims_per_type_by_week()
    assert len(series.weeks) == 12 and series.weeks[-1] <= timezone.localdate() < series.weeks[-1] + dt.timedelta(7)
    by_type = {key: values for key, _, values in series.series}
    assert sum(by_type["quantity"]) == 5
    assert sum(by_type["temporal"]) == 1  # one temporal claim was rejected, the other moved to "comparison"
    five_weeks = next(i for i, w in enumerate(series.weeks) if w <= (_at(35)).date() < w + dt.timedelta(7))
    assert by_type["comparison"][five_weeks] == 1 and by_type["superlative"][five_weeks] == 1
    published = insights.published_by_week().series[0][2]
    assert published[-1] == 1 and sum(published) == 2


def test_insights_queries_do_not_grow_with_the_archive(newsroom, editor, reviewer):
    def count() -> int:
        stamps.replace([stamps.ALL])  # as after any write: the kept medians are counted again, both times
        with CaptureQueriesContext(connection) as ctx:
            insights.newsroom_insights()
        return len(ctx.captured_queries)

    before = count()
    article = ArticleFactory(created_by=editor)
    for i in range(40):
        make_claim(article, QUOTES[i % 5], occurrence=0, types=["quantity"], status=ClaimStatus.ASSIGNED,
                   assignee=UserFactory(username=f"r{i}"), due=timezone.localdate() - dt.timedelta(days=i + 1))
    assert count() == before


def _cells(html: str, testid: str) -> str:
    return re.search(rf'data-testid="{testid}".*?</section>', html, re.S).group(0)


def test_the_page_shows_each_chart_with_its_numbers(client, newsroom, editor):
    client.force_login(editor)
    response = client.get("/insights/")
    assert response.status_code == 200
    html = response.content.decode()
    for figure in ("status", "verdict", "overdue", "reviewers", "types", "published"):
        section = _cells(html, f"figure-{figure}")
        assert "<svg" in section and 'role="img"' in section and "<table" in section, figure
    verdict = _cells(html, "figure-verdict")
    assert re.search(r'data-key="verified"><th scope="row">Verified</th><td class="num">2</td>', verdict)
    assert "<title>Verified: 2</title>" in verdict
    reviewers = _cells(html, "figure-reviewers")
    assert re.search(r'data-username="rita"><th scope="row">Rita Reviewer</th><td class="num">3</td><td class="num">4.0</td>',
                     reviewers)
    assert 'data-testid="overdue-total">2<' in html
    # This week's column of quantity claims: all five are counted (three resolved, one assigned, one in review).
    types = _cells(html, "figure-types")
    assert re.search(r'<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="[\d.]+" fill="#0072b2">'
                     r"<title>Quantity, week of [^<]+: 5</title></rect>", types)
    assert 'href="/insights/" aria-current="page"' in html  # in the editor's nav


def test_only_editors_see_insights(client, reviewer):
    client.force_login(reviewer)
    response = client.get("/insights/")
    assert response.status_code == 403
    assert 'href="/insights/"' not in client.get("/").content.decode()


SVG_NUMBERS = re.compile(r'\s(x|y|x1|x2|y1|y2|width|height|dy)="([^"]*)"')


def test_the_charts_draw_in_arabic(client, newsroom, editor):
    # Arabic writes a decimal comma ("132,5"): the bars' coordinates must still be numbers SVG reads.
    editor.language = "ar"
    editor.save()
    client.force_login(editor)
    html = client.get("/insights/").content.decode()
    assert 'lang="ar"' in html
    charts = re.findall(r"<svg class=\"chart\".*?</svg>", html, re.S)
    assert len(charts) == 6
    values = [v for chart in charts for _, v in SVG_NUMBERS.findall(chart)]
    assert any("." in v for v in values)  # fractional widths are there, and written with a full stop
    for value in values:
        assert re.fullmatch(r"-?\d+(\.\d+)?", value), value
    for chart in charts:
        assert re.fullmatch(r"0 0 \d+ \d+", re.search(r'viewBox="([^"]*)"', chart).group(1))


def test_the_longest_overdue_list_reads_only_what_it_shows(client, newsroom, editor, reviewer):
    client.force_login(editor)
    with CaptureQueriesContext(connection) as ctx:
        html = client.get("/insights/").content.decode()
    overdue = _cells(html, "figure-overdue")
    # Forty-five days late first, then three days late with its reviewer's name.
    assert overdue.index(QUOTES[4]) < overdue.index(QUOTES[3])
    assert re.search(rf"{QUOTES[3]}</a> <span class=\"hint\">due <time[^>]*>[^<]*</time>, {reviewer.display_name}<", overdue)
    listed = [q["sql"] for q in ctx.captured_queries if "ORDER BY" in q["sql"] and '"claims_claim"."due"' in q["sql"]]
    assert len(listed) == 1
    assert '"search"' not in listed[0] and '"quantities"' not in listed[0] and "articles_article" not in listed[0]
