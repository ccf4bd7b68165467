"""Full-text search glue: PostgreSQL tsvector columns with GIN indexes, and a plain fallback elsewhere.

The domain packages store a `search` column (a `SearchVectorField`) next to the text it is derived
from and keep it current in their service functions; `manage.py refresh_derived` rebuilds it.
On SQLite (local development, part of the test suite) there is no tsvector: the column stays
empty and searches fall back to `icontains`, slower but with the same meaning for whole words.
"""

from __future__ import annotations

from functools import cache

from django.conf import settings
from django.db import connection
from django.db.models import Q


def fulltext() -> bool:
    """Whether the database can use tsvector search (PostgreSQL)."""
    return connection.vendor == "postgresql"


def config() -> str:
    """The text-search configuration (stemming and stop words), e.g. 'english' or 'simple'."""
    return getattr(settings, "SEARCH_CONFIG", "english")


def query(value: str):
    """A web-search style query ("quoted phrases", -exclusions, or) in the configured language."""
    from django.contrib.postgres.search import SearchQuery

    return SearchQuery(value, config=config(), search_type="websearch")


def opaque_query(value: str):
    """query(), read by PostgreSQL as a value it cannot look into when planning: `(SELECT websearch_to_tsquery(…))`.

    The planner estimates a constant tsquery from the column's statistics and, for a word most
    rows hold, prefers reading every row and testing its vector. It does not count that a long
    text's vector is stored out of line and must be fetched and decompressed for that test (50 ms
    over 10,000 articles, against 1 to 5 ms for the GIN index). For a value it cannot see it
    assumes a rare match and reads the GIN index.
    """
    return _opaque_class()(value, config=config(), search_type="websearch")


@cache
def _opaque_class():
    from django.contrib.postgres.search import SearchQuery

    class OpaqueSearchQuery(SearchQuery):
        def as_sql(self, compiler, connection, function=None, template=None):
            sql, params = super().as_sql(compiler, connection, function, template)
            return f"(SELECT {sql})", params

    return OpaqueSearchQuery


def words_query(words: list[str]):
    """Any of these words (OR), for finding candidates that share vocabulary with a text."""
    from django.contrib.postgres.search import SearchQuery

    combined = None
    for word in words:
        part = SearchQuery(word, config=config(), search_type="plain")
        combined = part if combined is None else combined | part
    return combined


def icontains_all(value: str, fields: list[str]) -> Q:
    """The fallback: every word of the query occurs in one of the fields."""
    match = Q()
    for word in value.split():
        any_field = Q()
        for field in fields:
            any_field |= Q(**{f"{field}__icontains": word.strip('"')})
        match &= any_field
    return match
