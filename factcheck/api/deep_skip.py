"""A cold deep page of the claim list in its default order, found by skipping whole articles.

The list's default order is by article (newest first), then ``start``, ``id``. ``?page=2000``
with nothing kept (after a write that replaces every stamp) walked 100,000 joined rows and sorted
each article's claims again: 70-85 ms on the archive. Each article's progress row counts all its
claims (``ArticleProgress.claims_all``, kept by the services with the other counts and rebuilt by
``refresh_derived``), so a running sum over the articles in the list's order (an index of 10,000
articles and one progress row each) names the article the page begins in and how many of its
claims come before; the page is then read from that claim by the ordering's index (keyset).

Used only for the unfiltered list in exactly that order, inside the caller's one snapshot, and
only when the progress rows add up to the list's count: progress rows left behind by a write
that went around the services (a bulk import before ``refresh_derived``) make the page walk.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connections
from django.db.models import QuerySet

from factcheck.api import page_index
from factcheck.claims.models import Claim

# The claim list's default order as page_index.order_terms spells it.
ARTICLE_ORDER = [("article__created_at", True), ("article__id", True), ("start", False), ("id", False)]

# The article the row at ``bottom`` is in (a running sum of claims_all in the list's order), the
# progress rows' total, then the page's rows read from that article on by the ordering's indexes,
# as many of its claims skipped as come before the row: one statement, so one snapshot and one
# round trip (three statements and an ORM-built keyset filter cost 3-5 ms more, in Python mostly).
# The found article's values are read as scalar subqueries so that the articles' index starts at it.
_PAGE_SQL = (
    "WITH s AS MATERIALIZED (SELECT s.article_id, s.created_at, s.before,"
    " (SELECT COALESCE(SUM(claims_all), 0) FROM claims_articleprogress) AS total"
    " FROM (SELECT p.article_id, a.created_at, p.claims_all AS n,"
    " SUM(p.claims_all) OVER (ORDER BY a.created_at DESC, a.id DESC ROWS UNBOUNDED PRECEDING) - p.claims_all AS before"
    " FROM articles_article a JOIN claims_articleprogress p ON p.article_id = a.id) s"
    " WHERE s.before + s.n > %(bottom)s LIMIT 1)"
    " SELECT c.id, a.created_at, c.article_id, c.start, c.id, (SELECT total FROM s), (SELECT article_id FROM s)"
    " FROM claims_claim c JOIN articles_article a ON a.id = c.article_id"
    " WHERE a.created_at <= (SELECT created_at FROM s)"
    " AND (a.created_at < (SELECT created_at FROM s) OR a.id <= (SELECT article_id FROM s))"
    " ORDER BY a.created_at DESC, a.id DESC, c.start, c.id"
    " OFFSET (SELECT %(bottom)s - before FROM s) LIMIT %(rows)s"
)


def applies(qs: QuerySet, terms: page_index.Terms) -> bool:
    """Whether ``qs`` is the whole claim list in the article order (no filter, nothing grouped)."""
    query = qs.query
    return (qs.model is Claim and terms == ARTICLE_ORDER and not query.where and not query.distinct
            and not query.combinator and not query.annotations and not query.group_by
            and connections[qs.db].vendor == "postgresql")


def page_rows(qs: QuerySet, terms: page_index.Terms, fields: Sequence[str], bottom: int, size: int,
              count: int) -> list | None:
    """(pk, *ordering values) of the ``size + 1`` rows from ``bottom``, or None to walk instead.

    ``count`` is the list's count: the progress rows must add up to it (else they are not to
    be trusted). Call it inside one snapshot with the count's own read where that matters."""
    if tuple(fields) != tuple(path for path, _ in ARTICLE_ORDER):
        return None  # the statement reads these columns, in this order
    with connections[qs.db].cursor() as cursor:
        cursor.execute(_PAGE_SQL, {"bottom": bottom, "rows": size + 1})
        rows = cursor.fetchall()
    # No row: ``bottom`` is past the progress rows' claims. A first row in another article than the
    # one found: that article has fewer claims than its progress row says. Either way the progress
    # rows are not to be trusted (nor are they when their total is not the list's count).
    if not rows or rows[0][5] != count or rows[0][2] != rows[0][6]:
        return None
    return [row[:5] for row in rows]
