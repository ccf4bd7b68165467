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
        # The vector match as a subquery on the GIN index: an OR with the title test in the
        # same WHERE would make PostgreSQL test every row's vector instead.
        matching = Article.objects.filter(search=search.query(value)).values("pk")
        return qs.filter(Q(pk__in=matching) | Q(title__icontains=value))
    return qs.filter(search.icontains_all(value, ["title", "outlet", "author", "current_revision__text"]))
