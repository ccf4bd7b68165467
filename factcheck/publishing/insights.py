"""Newsroom figures for the editors' Insights page: a few small queries, whatever the archive's size.

The status and verdict figures are sums of the articles' progress rows (claims/derived.py keeps
their counts per status and verdict with every claim change), the claims per type per week sums
the window's rows of TypeDay, and the time to verdict reads each review's assignment time
(Review.assigned_at) written with it: derived data kept by the services and rebuilt by
``manage.py refresh_derived``, so the page does not read 200,000 claims. The overdue figure
depends on today's date: it sums the rows of DueDay (the claims still being checked, per due date)
before today; the oldest overdue claims are the first few of the partial index of the claims
being checked (``claim_active_due``), and the publications per week are read from their own
partial index. The median time to verdict is PostgreSQL's
``percentile_cont`` over the window; SQLite, which has no such aggregate, gets the same figure
from the window's rows in Python.
"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Aggregate, Count, DurationField, F, Q, Sum
from django.db.models.functions import TruncWeek
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from factcheck.accounts.models import User
from factcheck.claims import derived
from factcheck.claims.models import (
    ArticleProgress,
    Claim,
    ClaimEvent,
    ClaimStatus,
    ClaimType,
    DueDay,
    EventKind,
    Review,
    TypeDay,
    Verdict,
)
from factcheck.core import stamps
from factcheck.core.stamp_reads import reads

WEEKS = 12
OVERDUE_BUCKETS = [(1, 7, "late_1_7", gettext_lazy("1–7 days")), (8, 30, "late_8_30", gettext_lazy("8–30 days")),
                   (31, None, "late_31", gettext_lazy("over 30 days"))]
class Median(Aggregate):
    """PostgreSQL's ordered-set median (works on intervals too)."""

    function = "PERCENTILE_CONT"
    name = "median"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"


@dataclass
class Figure:
    """Labelled counts, in display order."""

    rows: list[tuple[str, str, float]]  # key, label, value

    @property
    def total(self) -> float:
        return sum(v for _, _, v in self.rows)


@dataclass
class WeekSeries:
    """Counts per week (oldest first) for one or more series."""

    weeks: list[dt.date]
    series: list[tuple[str, str, list[int]]] = field(default_factory=list)  # key, label, one value per week

    def week_totals(self) -> list[int]:
        return [sum(s[2][i] for s in self.series) for i in range(len(self.weeks))]


@dataclass
class ReviewerTime:
    username: str
    name: str
    verdicts: int
    median_hours: float


def _week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def window(today: dt.date | None = None, weeks: int = WEEKS) -> tuple[list[dt.date], dt.datetime]:
    """The Mondays of the last ``weeks`` weeks (this one included) and the moment the window opens."""
    today = today or timezone.localdate()
    first = _week_start(today) - dt.timedelta(weeks=weeks - 1)
    mondays = [first + dt.timedelta(weeks=i) for i in range(weeks)]
    start = timezone.make_aware(dt.datetime.combine(first, dt.time.min))
    return mondays, start


def _as_date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def _progress_sums() -> dict[str, int]:
    """Every article's status and verdict counts, summed (one query over the progress rows)."""
    columns = [*derived.STATUS_COLUMN.values(), *derived.VERDICT_COLUMN.values()]
    sums = ArticleProgress.objects.aggregate(**{c: Sum(c) for c in columns})
    return {c: sums[c] or 0 for c in columns}


def claims_by_status(sums: dict[str, int] | None = None) -> Figure:
    sums = sums or _progress_sums()
    return Figure([(s.value, s.label, sums[derived.STATUS_COLUMN[s]]) for s in ClaimStatus])


def claims_by_verdict(sums: dict[str, int] | None = None) -> Figure:
    sums = sums or _progress_sums()
    return Figure([(v.value, v.label, sums[derived.VERDICT_COLUMN[v]]) for v in Verdict])


def overdue_claims(today: dt.date | None = None) -> Figure:
    """Unfinished claims past their due date, by how late they are (one query of sums over DueDay's
    rows before today: one row per due date, not one per claim)."""
    today = today or timezone.localdate()
    base = DueDay.objects.filter(day__lt=today)
    aggregates = {}
    for lo, hi, key, _label in OVERDUE_BUCKETS:
        cond = Q(day__lte=today - dt.timedelta(days=lo))
        if hi is not None:
            cond &= Q(day__gte=today - dt.timedelta(days=hi))
        aggregates[key] = Sum("claims", filter=cond)
    counts = base.aggregate(**aggregates)
    return Figure([(key, label, counts[key] or 0) for _, _, key, label in OVERDUE_BUCKETS])


# What the page shows of each of the longest overdue claims (templates/web/insights.html): the link,
# the wording, the due date and the reviewer's name. Nothing else is read: a claim row also carries
# its search vector, figures and anchoring, and the article was joined for nothing.
OVERDUE_SHOWN = ("id", "text", "due", "assignee", "assignee__username", "assignee__first_name", "assignee__last_name")


def oldest_overdue(limit: int = 10, today: dt.date | None = None) -> list[Claim]:
    """The claims being checked longest past their due date (the first rows of the partial index claim_active_due)."""
    today = today or timezone.localdate()
    return list(
        Claim.objects.filter(status__in=ClaimStatus.ACTIVE, due__lt=today)
        .select_related("assignee").only(*OVERDUE_SHOWN)
        .order_by("due", "id")[:limit]
    )


def _reviews_in_window(start: dt.datetime):
    # assigned_at: when this reviewer was given the claim (derived.review_assignment_refresh).
    return Review.objects.filter(created_at__gte=start, assigned_at__isnull=False)


def median_time_to_verdict(today: dt.date | None = None, weeks: int = WEEKS) -> list[ReviewerTime]:
    """Per reviewer: median hours from assignment to their verdict, over the verdicts of the window."""
    _, start = window(today, weeks)
    medians = _kept_medians(start)
    people = {u.pk: u for u in User.objects.filter(pk__in=medians)}
    out = [
        ReviewerTime(people[pk].username, people[pk].display_name, n, round(hours, 1))
        for pk, (n, hours) in medians.items()
    ]
    return sorted(out, key=lambda r: (r.median_hours, r.username))


MEDIANS_TTL = 600


def _median_stamps(reviews) -> tuple[str, ...]:
    """The change stamps the medians depend on: the reviews' rows and every column the query reads
    (its filter's, from stamp_reads, and the reviewer and the two times it groups and orders by)."""
    table = Review._meta.db_table
    names = reads(reviews) or (stamps.LISTS,)
    return tuple(sorted({*names, *(stamps.column(table, c) for c in ("reviewer_id", "created_at", "assigned_at"))}))


def _kept_medians(start: dt.datetime) -> dict[int, tuple[int, float]]:
    """reviewer id -> (verdicts, median hours) over the reviews since ``start``.

    The median is a sort of every verdict of the window per reviewer (14,000 reviews on a year's
    archive, 15-25 ms), and no running count gives it exactly. It is kept in the cache under the
    change stamps of what it reads (core/stamps.py: the writes replace them themselves, a verdict
    included), keyed by the window's first moment, so the page reads it again only after a
    review changed or the window moved; where every process does not read the same cache
    (``CACHE_SHARED``) or inside a transaction of our own it is computed each time."""
    reviews = _reviews_in_window(start)
    if not settings.CACHE_SHARED:
        return _medians(reviews)
    names = _median_stamps(reviews)
    db = settings.DATABASES[reviews.db].get("NAME", "")
    entry = f"insights:medians:{db}:{start.isoformat()}"
    found = cache.get_many([*(stamps.key(n) for n in names), entry])
    stamp = stamps.current_all(found, names)
    kept = found.get(entry)
    if stamp is not None and kept is not None and kept[0] == stamp:
        return kept[1]
    medians = _medians(reviews)
    if stamp is not None and stamps.may_store():
        cache.set(entry, (stamp, medians), MEDIANS_TTL)
    return medians


def _medians(reviews) -> dict[int, tuple[int, float]]:
    if connection.vendor == "postgresql":
        rows = (
            reviews.order_by()
            .values("reviewer")
            .annotate(n=Count("id"), median=Median(F("created_at") - F("assigned_at"), output_field=DurationField()))
        )
        return {r["reviewer"]: (r["n"], r["median"].total_seconds() / 3600) for r in rows}
    return median_in_python(reviews.values_list("reviewer", "created_at", "assigned_at"))


def median_in_python(rows) -> dict[int, tuple[int, float]]:
    """reviewer id → (verdicts, median hours) from (reviewer, verdict time, assignment time) rows."""
    spans: dict[int, list[float]] = {}
    for reviewer, done, assigned in rows:
        spans.setdefault(reviewer, []).append((done - assigned).total_seconds() / 3600)
    return {pk: (len(v), statistics.median(v)) for pk, v in spans.items()}


def claims_per_type_by_week(today: dt.date | None = None, weeks: int = WEEKS) -> WeekSeries:
    """Claims added to checks each week (by creation), counted once per type they carry."""
    mondays, _ = window(today, weeks)
    # The window's days, per type (TypeDay: the counted claims by local creation day).
    rows = TypeDay.objects.filter(day__gte=mondays[0]).order_by().values_list("day", "type", "claims")
    index = {m: i for i, m in enumerate(mondays)}
    series = {t.value: [0] * len(mondays) for t in ClaimType}
    for day, type_, n in rows:
        i = index.get(_week_start(day))
        if i is None or type_ not in series:
            continue
        series[type_][i] += n
    return WeekSeries(mondays, [(t.value, t.label, series[t.value]) for t in ClaimType])


def published_by_week(today: dt.date | None = None, weeks: int = WEEKS) -> WeekSeries:
    """Articles whose report was published each week (a republication counts in its own week)."""
    mondays, start = window(today, weeks)
    rows = (
        ClaimEvent.objects.filter(kind=EventKind.PUBLISHED, at__gte=start)
        .annotate(week=TruncWeek("at"))
        .order_by()
        .values("week")
        .annotate(n=Count("article", distinct=True))
    )
    values = [0] * len(mondays)
    index = {m: i for i, m in enumerate(mondays)}
    for row in rows:
        i = index.get(_as_date(row["week"]))
        if i is not None:
            values[i] = row["n"]
    return WeekSeries(mondays, [("published", gettext("Published checks"), values)])


@dataclass
class Insights:
    by_status: Figure
    by_verdict: Figure
    overdue: Figure
    oldest_overdue: list[Claim]
    reviewer_times: list[ReviewerTime]
    types_by_week: WeekSeries
    published_by_week: WeekSeries
    weeks: int


def newsroom_insights(today: dt.date | None = None) -> Insights:
    sums = _progress_sums()
    return Insights(
        by_status=claims_by_status(sums),
        by_verdict=claims_by_verdict(sums),
        overdue=overdue_claims(today),
        oldest_overdue=oldest_overdue(today=today),
        reviewer_times=median_time_to_verdict(today),
        types_by_week=claims_per_type_by_week(today),
        published_by_week=published_by_week(today),
        weeks=WEEKS,
    )
