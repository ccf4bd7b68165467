"""What is derived from the claims and articles, kept current by the services and rebuildable.

- ArticleProgress: each article's counts (counted, resolved, suggested, disputed, in progress).
  Every claim service that changes a claim writes an audit event through services.common._event,
  which calls :func:`article_progress_refresh`; bulk writers call it themselves.
- Search vectors (PostgreSQL): Claim.search from the wording (kept here, on the events that change
  it), Article.search from title, outlet, author and current text (kept by the article services).

:func:`refresh_all` rebuilds all of it from the rows (``manage.py refresh_derived``): after a bulk
import, a restore or a repair. It is idempotent and gives exactly what the services maintain
(tests/claims/test_derived.py checks that).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.postgres.search import SearchVectorField
from django.db import connection, transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.expressions import RawSQL

from factcheck.articles.models import Article
from factcheck.articles.services import article_search_refresh
from factcheck.claims.models import ArticleProgress, Claim, ClaimStatus, Verdict
from factcheck.core import search

COUNTED = ClaimStatus.COUNTED


def _count_terms() -> dict[str, Count]:
    """The progress row's counts, as aggregates: one article's recount and the grouped rebuild both
    use them, so a rebuild counts exactly what the services keep."""
    return {
        "claims_total": Count("id", filter=Q(status__in=COUNTED)),
        "claims_resolved": Count("id", filter=Q(status=ClaimStatus.RESOLVED)),
        "claims_suggested": Count("id", filter=Q(status=ClaimStatus.SUGGESTED)),
        "claims_disputed": Count("id", filter=Q(verdict=Verdict.DISPUTED)),
        "claims_all": Count("id"),
    }


def _with_in_progress(counts: dict) -> dict:
    counts["in_progress"] = counts["claims_total"] == 0 or counts["claims_resolved"] < counts["claims_total"]
    return counts


def _counts(article_id: int) -> dict:
    return _with_in_progress(Claim.objects.filter(article_id=article_id).aggregate(**_count_terms()))


def article_progress_refresh(article_id: int) -> None:
    """Recount one article's claims into its progress row, inside the caller's transaction.

    The row is locked before counting: in READ COMMITTED each statement sees what was
    committed when it started, so two verdicts on the same article at once would otherwise
    each write a count missing the other's. Locking first makes the second wait, then count
    with the first one committed.
    """
    with transaction.atomic():
        ArticleProgress.objects.bulk_create([ArticleProgress(article_id=article_id)], ignore_conflicts=True)
        list(ArticleProgress.objects.select_for_update().filter(article_id=article_id).values_list("pk"))
        ArticleProgress.objects.filter(article_id=article_id).update(**_counts(article_id))


def _membership(status: str, verdict: str) -> tuple[int, int, int, int]:
    # Which of the counts (_counts: total, resolved, suggested, disputed) a claim in this state adds to.
    return (int(status in COUNTED), int(status == ClaimStatus.RESOLVED), int(status == ClaimStatus.SUGGESTED),
            int(verdict == Verdict.DISPUTED))


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
    dt, dr, ds, dd = (a - b for a, b in zip(_membership(*after), _membership(*before), strict=True))
    if not (dt or dr or ds or dd):
        return None
    # The statement the ORM built for this (F() sums and a Case), written out: building it took
    # 2-3 ms of CPU per verdict, more than the database spent on it.
    return (
        "UPDATE claims_articleprogress SET claims_total = claims_total + %(p_dt)s, "
        "claims_resolved = claims_resolved + %(p_dr)s, claims_suggested = claims_suggested + %(p_ds)s, "
        "claims_disputed = claims_disputed + %(p_dd)s, "
        # _counts' rule on the new counts (the right-hand sides all read the row as it was).
        "in_progress = CASE WHEN claims_total = %(p_minus_dt)s THEN true "
        "WHEN claims_resolved < claims_total + %(p_dt_dr)s THEN true ELSE false END WHERE article_id = %(p_article)s",
        {"p_dt": dt, "p_dr": dr, "p_ds": ds, "p_dd": dd, "p_minus_dt": -dt, "p_dt_dr": dt - dr, "p_article": article_id},
    )


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
    written = {"progress": 0, "article_vectors": 0, "claim_vectors": 0}
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
        if search.fulltext():
            with connection.cursor() as cur:
                written["article_vectors"] = article_search_refresh()
                cur.execute(_ALL_CLAIMS_SQL, {"config": search.config()})
                written["claim_vectors"] = cur.rowcount
    return written
