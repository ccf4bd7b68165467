"""What is derived from the claims and articles, kept current by the services and rebuildable.

- ArticleProgress: each article's counts (counted, resolved, suggested, disputed, in progress, and
  per status and resolved verdict for the Insights page). Every claim service that changes a claim
  writes an audit event through services.common.claim_event, which calls
  :func:`article_progress_refresh` (or moves the counts by one claim); bulk writers call it themselves.
- TypeDay: the desk's counted claims per type and creation day (Insights' claims per type per
  week), recounted for the claim's day after claim_event's transaction commits, when the claim's
  status or types may have changed.
- DueDay: the claims still being checked per due date (Insights' overdue count: the rows before
  today), recounted after the change's transaction commits for the day a claim left and the day
  it joined (lock_claim notes the claim's due day as it was locked: :func:`due_seen`).
- Review.assigned_at: when the reviewer was given the claim (Insights' time to verdict), written
  with the review by the verdict services.
- Search vectors (PostgreSQL): Claim.search from the wording (kept here, on the events that change
  it), Article.search from title, outlet, author and current text (kept by the article services).

:func:`refresh_all` rebuilds all of it from the rows (``manage.py refresh_derived``): after a bulk
import, a restore or a repair. It is idempotent and gives exactly what the services maintain
(tests/claims/test_derived.py checks that).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from django.contrib.postgres.search import SearchVectorField
from django.db import connection, transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.expressions import RawSQL
from django.utils import timezone

from factcheck.articles.models import Article
from factcheck.articles.services import article_search_refresh
from factcheck.claims.models import (
    ArticleProgress,
    Claim,
    ClaimStatus,
    ClaimType,
    DueDay,
    EventKind,
    TypeDay,
    Verdict,
)
from factcheck.core import search

COUNTED = ClaimStatus.COUNTED
ACTIVE = ClaimStatus.ACTIVE


# The progress row's counts that a claim's (status, verdict) decides: (column, the statuses it counts
# or None for any, the verdict it counts or None for any). The recount, the grouped rebuild and the
# one-claim move (_membership) all read this, so they count alike.
MEMBERSHIP: tuple[tuple[str, tuple[str, ...] | None, str | None], ...] = (
    ("claims_total", COUNTED, None),
    ("claims_resolved", (ClaimStatus.RESOLVED,), None),
    ("claims_suggested", (ClaimStatus.SUGGESTED,), None),
    ("claims_disputed", None, Verdict.DISPUTED),
    ("claims_open", (ClaimStatus.OPEN,), None),
    ("claims_assigned", (ClaimStatus.ASSIGNED,), None),
    ("claims_in_review", (ClaimStatus.IN_REVIEW,), None),
    ("claims_rejected", (ClaimStatus.REJECTED,), None),
    ("resolved_verified", (ClaimStatus.RESOLVED,), Verdict.VERIFIED),
    ("resolved_disputed", (ClaimStatus.RESOLVED,), Verdict.DISPUTED),
    ("resolved_unverifiable", (ClaimStatus.RESOLVED,), Verdict.UNVERIFIABLE),
)

# The column of each status, and of each verdict among the resolved claims (what Insights sums).
STATUS_COLUMN = {statuses[0]: column for column, statuses, verdict in MEMBERSHIP
                 if verdict is None and statuses is not None and len(statuses) == 1}
VERDICT_COLUMN = {verdict: column for column, statuses, verdict in MEMBERSHIP
                  if verdict is not None and statuses == (ClaimStatus.RESOLVED,)}


def _count_terms() -> dict[str, Count]:
    """The progress row's counts, as aggregates: one article's recount and the grouped rebuild both
    use them, so a rebuild counts exactly what the services keep."""
    terms = {}
    for column, statuses, verdict in MEMBERSHIP:
        cond = Q()
        if statuses is not None:
            cond &= Q(status__in=statuses)
        if verdict is not None:
            cond &= Q(verdict=verdict)
        terms[column] = Count("id", filter=cond)
    terms["claims_all"] = Count("id")
    return terms


def _with_in_progress(counts: dict) -> dict:
    counts["in_progress"] = counts["claims_total"] == 0 or counts["claims_resolved"] < counts["claims_total"]
    return counts


def _counts(article_id: int) -> dict:
    return _with_in_progress(Claim.objects.filter(article_id=article_id).aggregate(**_count_terms()))


def _types_by_day(rows: Iterable[tuple[object, object]]) -> dict[tuple[dt.date, str], int]:
    """(local day, type) → counted claims, from (created_at, types) of counted claims.

    A claim counts once per type it carries (the Insights figure's rule: insights.claims_per_type_by_week)."""
    known = set(ClaimType.values)
    out: dict[tuple[dt.date, str], int] = {}
    for created_at, types in rows:
        day = timezone.localtime(created_at).date()
        for t in dict.fromkeys(types or ()):
            if t in known:
                out[(day, t)] = out.get((day, t), 0) + 1
    return out


def claim_day(claim: Claim) -> dt.date:
    """The day (local) a claim counts under in TypeDay."""
    return timezone.localtime(claim.created_at).date()


def _day_range(day: dt.date) -> Q:
    start = timezone.make_aware(dt.datetime.combine(day, dt.time.min))
    end = timezone.make_aware(dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min))
    return Q(created_at__gte=start, created_at__lt=end)


def type_days_refresh(days: Iterable[dt.date]) -> None:
    """Recount the counted claims per type created on these days, inside the caller's transaction.

    The days' rows are made (all types, zero allowed) and locked before counting, in (day, type)
    order: as for the progress row, two changes of one day's claims at once would otherwise each
    write a count missing the other's, and one lock order means no two of them wait in a circle.
    """
    days = sorted(set(days))
    if not days:
        return
    with transaction.atomic():
        TypeDay.objects.bulk_create([TypeDay(day=d, type=t) for d in days for t in ClaimType.values],
                                    ignore_conflicts=True)
        stored = {(d, t): (pk, n) for pk, d, t, n in TypeDay.objects.select_for_update().filter(day__in=days)
                  .order_by("day", "type").values_list("pk", "day", "type", "claims")}
        within = Q()
        for day in days:
            within |= _day_range(day)
        counted = _types_by_day(Claim.objects.filter(within, status__in=COUNTED).values_list("created_at", "types"))
        changed = [TypeDay(pk=pk, claims=counted.get(key, 0)) for key, (pk, n) in stored.items()
                   if counted.get(key, 0) != n]
        if changed:
            TypeDay.objects.bulk_update(changed, ["claims"])


def type_days_refresh_later(days: Iterable[dt.date]) -> None:
    """type_days_refresh after the caller's transaction commits, in a short one of its own.

    Inside the change's transaction the day's rows stayed locked until it committed, so every
    claim created or accepted on one day across the desk queued behind the others
    (tests/api/test_count_stamps.py holds one open). After the commit the recount sees it; a
    process that dies in between leaves the day's count for its next change or refresh_derived.

    One recount per transaction and day, however many claims it changed: accepting twenty
    suggestions at once adds their days to the recount already waiting for the commit, instead
    of queuing twenty recounts of the same day.
    """
    _recount_later("_type_days_waiting", type_days_refresh, days)


def _recount_later(waiting_as: str, refresh: Callable[[set[dt.date]], None], days: Iterable[dt.date]) -> None:
    """Run ``refresh`` on these days once the transaction commits: one call per transaction, the
    days of every change of it gathered into the call already waiting (kept on the connection as
    ``waiting_as``)."""
    waiting = getattr(connection, waiting_as, None)
    # Still waiting only if the callback is still queued: a rolled-back transaction (or savepoint)
    # dropped it, and autocommit runs it at once.
    if waiting is not None and any(func is waiting[1] for _ids, func, _robust in connection.run_on_commit):
        waiting[0].update(days)
        return
    pending = set(days)

    def recount() -> None:
        if (getattr(connection, waiting_as, None) or (None, None))[1] is recount:
            setattr(connection, waiting_as, None)
        refresh(pending)

    setattr(connection, waiting_as, (pending, recount))
    transaction.on_commit(recount, robust=True)


def _type_days_rebuild(batch: int) -> int:
    """Every day's counts from all counted claims (a row of no claims stays at zero, as the services
    leave it). Answers the rows written."""
    rows = Claim.objects.filter(status__in=COUNTED).order_by().values_list("created_at", "types")
    wanted = _types_by_day(rows.iterator(chunk_size=batch))
    stored = {(d, t): (pk, n) for pk, d, t, n in TypeDay.objects.values_list("pk", "day", "type", "claims")}
    changed = [TypeDay(pk=pk, claims=wanted.get(key, 0)) for key, (pk, n) in stored.items() if wanted.get(key, 0) != n]
    new = [TypeDay(day=d, type=t, claims=n) for (d, t), n in wanted.items() if (d, t) not in stored]
    TypeDay.objects.bulk_update(changed, ["claims"], batch_size=batch)
    TypeDay.objects.bulk_create(new, batch_size=batch)
    return len(changed) + len(new)


def due_day(claim: Claim) -> dt.date | None:
    """The day a claim counts under in DueDay: its due date while it is being checked, else none."""
    return claim.due if claim.status in ACTIVE else None


_UNSEEN = object()


def due_seen(claim: Claim) -> Claim:
    """Note the claim's DueDay day as it was locked (lock_claim, and the services locking claims in
    bulk), so the change knows which day the claim leaves as well as the one it joins."""
    claim._due_seen = due_day(claim)
    return claim


def due_day_moved(claim: Claim, from_status: str | None = None) -> None:
    """After a change of the claim (claim_event, the one-statement verdict): recount, after commit,
    the day it left and the day it joined, when they differ.

    A claim nobody noted when it was locked (a new one, or one locked by a query of its own) left
    the day of its status before the change (``from_status``) with its due date as it is now."""
    old = claim.__dict__.get("_due_seen", _UNSEEN)
    if old is _UNSEEN:
        old = claim.due if from_status in ACTIVE else None
    new = due_day(claim)
    claim._due_seen = new
    if old != new:
        _recount_later("_due_days_waiting", due_days_refresh, {d for d in (old, new) if d is not None})


def due_days_refresh(days: Iterable[dt.date]) -> None:
    """Recount the claims being checked that are due on these days, inside the caller's transaction.

    As for TypeDay: the rows are made (zero allowed) and locked in day order before counting, so
    two changes of one day at once cannot each write a count missing the other's. The count reads
    the claims' partial index of the active ones by due date (claim_active_due)."""
    days = sorted(set(days))
    if not days:
        return
    with transaction.atomic():
        DueDay.objects.bulk_create([DueDay(day=d) for d in days], ignore_conflicts=True)
        stored = {d: (pk, n) for pk, d, n in DueDay.objects.select_for_update().filter(day__in=days)
                  .order_by("day").values_list("pk", "day", "claims")}
        counted = dict(Claim.objects.filter(status__in=ACTIVE, due__in=days).order_by().values("due")
                       .annotate(n=Count("id")).values_list("due", "n"))
        changed = [DueDay(pk=pk, claims=counted.get(d, 0)) for d, (pk, n) in stored.items() if counted.get(d, 0) != n]
        if changed:
            DueDay.objects.bulk_update(changed, ["claims"])


def _due_days_rebuild(batch: int) -> int:
    """Every due day's count from all claims being checked (a row of no claims stays at zero, as the
    services leave it). Answers the rows written."""
    wanted = dict(Claim.objects.filter(status__in=ACTIVE, due__isnull=False).order_by().values("due")
                  .annotate(n=Count("id")).values_list("due", "n"))
    stored = {d: (pk, n) for pk, d, n in DueDay.objects.values_list("pk", "day", "claims")}
    changed = [DueDay(pk=pk, claims=wanted.get(d, 0)) for d, (pk, n) in stored.items() if wanted.get(d, 0) != n]
    new = [DueDay(day=d, claims=n) for d, n in wanted.items() if d not in stored]
    DueDay.objects.bulk_update(changed, ["claims"], batch_size=batch)
    DueDay.objects.bulk_create(new, batch_size=batch)
    return len(changed) + len(new)


def article_deleting(article_id: int) -> Callable[[], None]:
    """Before an article's deletion (articles.services.article_delete): what to recount after it,
    the days its counted claims were created on and the due days of those being checked (they go with it)."""
    rows = Claim.objects.filter(article_id=article_id, status__in=COUNTED).values_list("created_at", "status", "due")
    days, dues = set(), set()
    for at, status, due in rows:
        days.add(timezone.localtime(at).date())
        if status in ACTIVE and due is not None:
            dues.add(due)

    def after() -> None:
        type_days_refresh_later(days)
        if dues:
            _recount_later("_due_days_waiting", due_days_refresh, dues)

    return after


def article_progress_refresh(article_id: int) -> tuple[int, int]:
    """Recount one article's claims into its progress row, inside the caller's transaction.

    The row is locked before counting: in READ COMMITTED each statement sees what was
    committed when it started, so two verdicts on the same article at once would otherwise
    each write a count missing the other's. Locking first makes the second wait, then count
    with the first one committed.
    """
    with transaction.atomic():
        ArticleProgress.objects.bulk_create([ArticleProgress(article_id=article_id)], ignore_conflicts=True)
        list(ArticleProgress.objects.select_for_update().filter(article_id=article_id).values_list("pk"))
        counts = _counts(article_id)
        ArticleProgress.objects.filter(article_id=article_id).update(**counts)
    return counts["claims_total"], counts["claims_resolved"]


def _membership(status: str, verdict: str) -> tuple[int, ...]:
    # Which of the counts (MEMBERSHIP, in its order) a claim in this state adds to.
    return tuple(int((statuses is None or status in statuses) and (wanted is None or verdict == wanted))
                 for _, statuses, wanted in MEMBERSHIP)


def article_progress_moved(article_id: int, before: tuple[str, str], after: tuple[str, str]) -> tuple[int, int] | None:
    """One claim of the article went from (status, verdict) ``before`` to ``after``: its counts move by that alone.

    One UPDATE of the counts relative to themselves instead of a recount of every claim of the
    article (a verdict on a 10,000-claim article read 10,000 rows). The UPDATE takes the row's
    lock and PostgreSQL applies it to the latest committed row, so two verdicts at once both
    count; a recount (article_progress_refresh) meanwhile waits for the lock as before. An
    article without its row yet is recounted. Answers the row's (claims_total, claims_resolved) as
    this UPDATE left them, None when no count moved or the article was recounted.
    """
    statement = progress_moved_sql(article_id, before, after)
    if statement is None:
        return None
    with connection.cursor() as cur:
        cur.execute(statement[0] + " RETURNING claims_total, claims_resolved", statement[1])
        counts = cur.fetchone()
    if counts is None:
        article_progress_refresh(article_id)
        return None
    return counts[0], counts[1]


def progress_moved_sql(article_id: int, before: tuple[str, str], after: tuple[str, str]) -> tuple[str, dict] | None:
    """The UPDATE of :func:`article_progress_moved` as (sql, named params), None when no count moves.

    Also written into the verdict's single statement (services.verdict_sql), so the rule is here once.
    """
    deltas = [a - b for a, b in zip(_membership(*after), _membership(*before), strict=True)]
    if not any(deltas):
        return None
    d_total, d_resolved = deltas[0], deltas[1]  # MEMBERSHIP's first two: claims_total, claims_resolved
    # The statement the ORM built for this (F() sums and a Case), written out: building it took
    # 2-3 ms of CPU per verdict, more than the database spent on it. Only the counts that move are
    # named (a handful of texts in all, each parsed once).
    sets = [f"{column} = {column} + %(p_{i})s" for i, (column, _, _) in enumerate(MEMBERSHIP) if deltas[i]]
    params: dict = {f"p_{i}": d for i, d in enumerate(deltas) if d}
    params.update({"p_minus_dt": -d_total, "p_dt_dr": d_total - d_resolved, "p_article": article_id})
    return (
        f"UPDATE claims_articleprogress SET {', '.join(sets)}, "  # noqa: S608 (column names from MEMBERSHIP)
        # _counts' rule on the new counts (the right-hand sides all read the row as it was).
        "in_progress = CASE WHEN claims_total = %(p_minus_dt)s THEN true "
        "WHEN claims_resolved < claims_total + %(p_dt_dr)s THEN true ELSE false END WHERE article_id = %(p_article)s",
        params,
    )


# When the reviewer was given the claim: the last assignment (or second-review request) at or before the review.
ASSIGNING = (EventKind.ASSIGNED, EventKind.SECOND_REVIEW)


_ASSIGNED_AT_SQL = (
    "(SELECT e.at FROM claims_claimevent e WHERE e.claim_id = claims_review.claim_id AND e.kind IN (%s, %s) "
    "AND e.at <= claims_review.created_at ORDER BY e.at DESC, e.id DESC LIMIT 1)"
)


def review_assignment_refresh(claim_ids: Iterable[int] | None = None) -> int:
    """Write Review.assigned_at of these claims' reviews (all reviews: None) where it differs; answers the rows written.

    The verdict services call it for the claim they reviewed, in their transaction (the one-statement
    verdict writes the same value with its INSERT: services/verdict_sql.py)."""
    ids: list = []
    where = ""
    if claim_ids is not None:
        ids = list(claim_ids)
        if not ids:
            return 0
        where = f"claim_id IN ({', '.join(['%s'] * len(ids))}) AND "
    distinct = "IS DISTINCT FROM" if connection.vendor == "postgresql" else "IS NOT"
    with connection.cursor() as cur:
        cur.execute(f"UPDATE claims_review SET assigned_at = {_ASSIGNED_AT_SQL} "  # noqa: S608 (no input in the text)
                    f"WHERE {where}assigned_at {distinct} {_ASSIGNED_AT_SQL}", [*ASSIGNING, *ids, *ASSIGNING])
        return cur.rowcount


def claims_search_refresh(claim_ids: Iterable[int]) -> None:
    """Recompute the tsvector of these claims' wording (PostgreSQL; a no-op elsewhere)."""
    ids = list(claim_ids)
    if not ids or not search.fulltext():
        return
    with connection.cursor() as cur:
        cur.execute(_CLAIM_VECTOR_SQL + " WHERE id = ANY(%(ids)s)", {"config": search.config(), "ids": ids})


def claim_vector(text: str) -> RawSQL | None:
    """A new claim's search vector, to write with its INSERT (None where there is no full-text search).

    The same vector ``claims_search_refresh`` computes; written with the row, the new claim is one
    INSERT and no UPDATE of the search column, so the ``?search=`` list's kept count is grown by it
    rather than counted whole (api/page_index.py)."""
    if not search.fulltext():
        return None
    return RawSQL("to_tsvector(%s::regconfig, coalesce(%s, ''))", (search.config(), text), output_field=SearchVectorField())


_CLAIM_VECTOR_SQL = "UPDATE claims_claim SET search = to_tsvector(%(config)s::regconfig, coalesce(text, ''))"
# Only rows whose vector differs are written: a second rebuild writes nothing.
_ALL_CLAIMS_SQL = _CLAIM_VECTOR_SQL + (
    " WHERE search IS DISTINCT FROM to_tsvector(%(config)s::regconfig, coalesce(text, ''))"
)


def refresh_all(*, batch: int = 2000) -> dict[str, int]:
    """Rebuild every derived row and column from the source rows; returns how many were written."""
    written = {"progress": 0, "article_vectors": 0, "claim_vectors": 0, "type_days": 0, "due_days": 0,
               "review_assignments": 0}
    with transaction.atomic():
        ArticleProgress.objects.filter(~Exists(Article.objects.filter(pk=OuterRef("article_id")))).delete()
        ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
        existing = set(ArticleProgress.objects.values_list("article_id", flat=True))
        ArticleProgress.objects.bulk_create(
            [ArticleProgress(article_id=pk) for pk in ids if pk not in existing], batch_size=batch
        )
        # One grouped pass over the claims instead of one count per article.
        rows = {
            r["article_id"]: r
            for r in Claim.objects.order_by().values("article_id").annotate(**_count_terms())
        }
        counted = list(_count_terms())
        fields = [*counted, "in_progress"]
        stored = {p["article_id"]: p for p in ArticleProgress.objects.values("article_id", *fields)}
        progress = []
        for pk in ids:
            r = rows.get(pk) or dict.fromkeys(counted, 0)
            row = ArticleProgress(article_id=pk, **_with_in_progress({f: r[f] for f in counted}))
            if any(getattr(row, f) != stored[pk][f] for f in fields):
                progress.append(row)
        ArticleProgress.objects.bulk_update(progress, fields, batch_size=batch)
        written["progress"] = len(progress)
        written["type_days"] = _type_days_rebuild(batch)
        written["due_days"] = _due_days_rebuild(batch)
        written["review_assignments"] = review_assignment_refresh()
        if search.fulltext():
            with connection.cursor() as cur:
                written["article_vectors"] = article_search_refresh()
                cur.execute(_ALL_CLAIMS_SQL, {"config": search.config()})
                written["claim_vectors"] = cur.rowcount
    return written
