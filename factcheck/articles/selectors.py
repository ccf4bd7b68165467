"""Reads of articles that need care: the article search."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from factcheck.articles.models import Article
from factcheck.core import search


def article_search(qs: QuerySet[Article], value: str) -> QuerySet[Article]:
    """Articles matching a search box query, in the queryset's own order.

    PostgreSQL: the words (stemmed, web-search syntax: "a phrase", -not, or) against the GIN-
    indexed vector of title, outlet, author and current text, plus a plain substring match on
    the title so a half-typed name still finds its article. Elsewhere: every word occurs
    (icontains) in one of those fields, which scans the texts but has the same meaning.
    """
    value = value.strip()
    if not value:
        return qs
    if search.fulltext():
        # Each test as its own set of ids, read its own way: the vector match from the GIN index,
        # the title substring by a scan of the titles alone; the list then walks its index and
        # looks each article up in both sets. An OR of the two tests themselves made PostgreSQL
        # read and test every article's vector, which is stored out of line: 25 ms to count a
        # term a third of 10,000 articles hold, against 1 ms from the index. The tsquery is
        # opaque to the planner for the same reason (core.search.opaque_query; plans in
        # docs/archive-plans.md).
        by_vector = Article.objects.filter(search=search.opaque_query(value)).order_by().values("pk")
        by_title = Article.objects.filter(title__icontains=value).order_by().values("pk")
        return qs.filter(Q(pk__in=by_vector) | Q(pk__in=by_title))
    return qs.filter(search.icontains_all(value, ["title", "outlet", "author", "current_revision__text"]))
