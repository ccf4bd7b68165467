"""A paged list's count and its deep pages' first rows, kept in the cache under change stamps.

On an archive of 200,000 claims, ``?page=2000`` of the claim list cost a COUNT of every claim
(a parallel scan of an index) and an OFFSET walk of 100,000 ordered rows; a filtered list
(``?type=quantity``, ``?search=``) counted every match. Both are answers of the rows as they are,
so they can be kept while the rows they read stay the same, which the change stamps tell
(core/stamps.py: the writes replace them themselves):

- the **count** of a query is stored with the values of the fine stamps of what it reads
  (core/stamp_reads.py: the rows of its tables, the columns its filter reads), keyed by the
  query's SQL and parameters. A verdict writes status, verdict, version, updated_by and
  updated_at: the counts of ``?type=``, ``?search=`` and the whole list outlive it, while
  ``?status=`` and ``?verdict=`` are counted again. A new or deleted claim, a type or wording
  edit, and any write whose columns cannot be told have every count of the claims recounted;
- for a page at least ``SEEK_FROM`` rows deep, the **ordering values of its first row** are
  stored the same way (under the stamps of the count and of the ordering's columns), and so are
  those of the row just after it (the next page's first row, read with the page as one extra
  row). A request for such a page whose first row is known reads its rows from there by the
  ordering's index (keyset: ``(a, b, id) >= (…)``) instead of walking the OFFSET. So after one
  walk, the same page, the next one and the next after that (a client following ``next``) cost a
  few milliseconds each, and so they do after a verdict. A page nobody asked for (a cold jump)
  still walks, and so does every deep page after a claim is added or removed.

Where what a query reads cannot be told for sure (a subquery, raw SQL, ...), its count and rows
are kept under the broad ``lists`` stamp, which every write to a listed table replaces.
What a client sees is the same either way: the same ``count``, ``next``, ``previous`` and rows
(tests/api/test_deep_pages.py compares them with the uncached answers; tests/api/test_count_stamps.py
what each kind of write keeps or recounts). The keyset applies only
to orderings that end in ``id`` and whose every column is NOT NULL (a NULL sorts outside any
comparison); other orderings walk as before. The cache is used only where every process reads the
same one (``CACHE_SHARED``) and never inside a transaction of our own (``stamps.may_store``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import FieldDoesNotExist
from django.db import connections
from django.db.models import Q, QuerySet

from factcheck.core import stamps
from factcheck.core.stamp_reads import reads

# A page this many rows deep (or deeper) has its first row looked up; shallower OFFSETs are cheap.
SEEK_FROM = 1000
TTL = 600

Terms = list[tuple[str, bool]]  # (field path, descending)


def enabled() -> bool:
    return bool(settings.CACHE_SHARED)


def query_key(qs: QuerySet) -> str:
    """Names the query (its SQL, parameters and database): equal keys, equal rows."""
    sql, params = qs.query.sql_with_params()
    db = settings.DATABASES[qs.db].get("NAME", "")
    return hashlib.blake2b(repr((db, sql, params)).encode(), digest_size=20).hexdigest()


def count_key(key: str) -> str:
    return f"api:count:{key}"


def seek_key(key: str, offset: int) -> str:
    return f"api:seek:{key}:{offset}"


def order_terms(qs: QuerySet) -> Terms | None:
    """The queryset's ordering as plain NOT NULL columns ending in the primary key, or None.

    A foreign key in the ordering means its model's own ordering (as Django orders it): the claim
    list's ``article`` is ``-article__created_at, -article__id``.
    """
    meta = qs.model._meta
    ordering = list(qs.query.order_by) or (list(meta.ordering) if qs.query.default_ordering else [])
    terms: Terms = []
    for term in ordering:
        if not isinstance(term, str) or "__" in term or term.startswith("?"):
            return None
        desc, name = term.startswith("-"), term.lstrip("-")
        field = meta.pk if name == "pk" else _field(meta, name)
        if field is None or field.null:
            return None
        if field.is_relation:
            if not field.many_to_one:
                return None
            related = field.related_model._meta
            for sub in related.ordering or [related.pk.name]:
                sub_desc, sub_name = sub.startswith("-"), sub.lstrip("-")
                sub_field = related.pk if sub_name == "pk" else _field(related, sub_name)
                if sub_field is None or sub_field.null or sub_field.is_relation:
                    return None
                terms.append((f"{name}__{sub_field.name}", desc != sub_desc))
        else:
            terms.append((field.name, desc))
    if not terms or terms[-1][0] != meta.pk.name:
        return None  # without a unique last column a row's position is not one point of the order
    return terms


def _field(meta, name: str):
    try:
        return meta.get_field(name)
    except FieldDoesNotExist:  # an annotation: not a column we can compare
        return None


def from_row(qs: QuerySet, terms: Terms, values: Sequence) -> QuerySet:
    """The rows of ``qs`` from the one whose ordering values are ``values`` on, in order."""
    after = Q()
    for i, (path, desc) in enumerate(terms):
        equal = {p: v for (p, _), v in zip(terms[:i], values[:i], strict=True)}
        after |= Q(**equal, **{f"{path}__{'lt' if desc else 'gt'}": values[i]})
    after |= Q(**{p: v for (p, _), v in zip(terms, values, strict=True)})
    # The first column alone once more, as a range the ordering's index can start from (the OR
    # above is true of every row from there on, but a planner cannot seek with an OR).
    first, desc = terms[0]
    return qs.filter(Q(**{f"{first}__{'lte' if desc else 'gte'}": values[0]}), after)


class Found(NamedTuple):
    """What one cache read found for a query: its key, its count and a page's first row, each with the
    stamps to store them under (None when the cache is unreachable)."""

    key: str
    count_stamp: tuple | None
    count: int | None
    seek_stamp: tuple | None
    seek: tuple | None


def lookup(qs: QuerySet, offset: int | None) -> Found:
    """The query's key, its cached count and its first row's values at ``offset`` (or None): one read."""
    key = query_key(qs)
    count_names = reads(qs) or (stamps.LISTS,)
    seek_names: tuple[str, ...] = ()
    if offset is not None:
        terms = order_terms(qs)
        seek_names = reads(qs, terms) if terms is not None else None
        seek_names = seek_names or (stamps.LISTS,)
    names = {*count_names, *seek_names}
    wanted = [stamps.key(name) for name in names] + [count_key(key)]
    if offset is not None:
        wanted.append(seek_key(key, offset))
    found = cache.get_many(wanted)
    count_stamp = stamps.current_all(found, count_names)
    seek_stamp = stamps.current_all(found, seek_names) if offset is not None else None
    count = found.get(count_key(key))
    seek = found.get(seek_key(key, offset)) if offset is not None else None
    return Found(
        key,
        count_stamp,
        count[1] if count_stamp is not None and count is not None and count[0] == count_stamp else None,
        seek_stamp,
        seek[1] if seek_stamp is not None and seek is not None and seek[0] == seek_stamp else None,
    )


def store(stamp: tuple | None, entries: dict[str, object]) -> None:
    """Keep ``entries`` (cache key -> value) under ``stamp``, unless they may not be kept now."""
    if stamp is None or not entries or not stamps.may_store():
        return
    cache.set_many({name: (stamp, value) for name, value in entries.items()}, TTL)


@contextmanager
def serial(qs: QuerySet) -> Iterator[None]:
    """Plan the page's own queries without parallel workers (PostgreSQL).

    Starting a worker cost 10-15 ms on the archive's 2-core machine, more than it saved: the
    COUNT of every claim took 21-28 ms in parallel and 16 ms alone, the first page of
    ``?search=hospital+floods`` 20 ms and 1 ms (its nested loop stops at 50 rows, but the planner
    had already launched a worker). Only for these queries: the setting goes back at the end.
    """
    connection = connections[qs.db]
    if connection.vendor != "postgresql":
        yield
        return
    # "SET ...": a read to core/stamps.py (RESET would look like a write to it).
    with connection.cursor() as cursor:
        cursor.execute("SET max_parallel_workers_per_gather = 0")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET max_parallel_workers_per_gather TO DEFAULT")
