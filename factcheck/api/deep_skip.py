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

_SKIP_SQL = (
    "SELECT s.article_id, s.created_at, s.before, (SELECT COALESCE(SUM(claims_all), 0) FROM claims_articleprogress)"
    " FROM (SELECT p.article_id, a.created_at, p.claims_all AS n,"
    " SUM(p.claims_all) OVER (ORDER BY a.created_at DESC, a.id DESC ROWS UNBOUNDED PRECEDING) - p.claims_all AS before"
    " FROM articles_article a JOIN claims_articleprogress p ON p.article_id = a.id) s"
    " WHERE s.before + s.n > %s LIMIT 1"
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
    with connections[qs.db].cursor() as cursor:
        cursor.execute(_SKIP_SQL, [bottom])
        found = cursor.fetchone()
        if found is None or found[3] != count:
            return None
        article_id, created_at, before = found[0], found[1], int(found[2])
        cursor.execute(
            "SELECT start, id FROM claims_claim WHERE article_id = %s ORDER BY start, id OFFSET %s LIMIT 1",
            [article_id, bottom - before],
        )
        first = cursor.fetchone()
    if first is None:
        return None
    values = (created_at, article_id, first[0], first[1])
    return list(page_index.from_row(qs, terms, values).values_list("pk", *fields)[:size + 1])
