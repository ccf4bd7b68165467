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
  ``?status=`` and ``?verdict=`` are counted again. A deleted claim, a type or wording edit,
  and any write whose columns cannot be told have every count of the claims recounted. A **new
  claim** does not: its INSERT replaces ``ins:claims_claim`` only, and a count is kept with a
  *mark* (a key at or below which every row was committed when it was counted, told by the
  table's locks: ``committed_below``) and its *tail* (the counted rows above the mark). When only
  ``ins:`` changed since, the count is the kept one less its tail plus the matching rows above
  the mark now (``recount``): a range of the key's index, not every match. (``?search=`` is
  counted whole: the new claim's search vector is an UPDATE of that column after its INSERT.);
- for a page at least ``SEEK_FROM`` rows deep, the **ordering values of its first row** are
  stored the same way (under the stamps of the count and of the ordering's columns), and so are
  those of the row just after it (the next page's first row, read with the page as one extra
  row). A request for such a page whose first row is known reads its rows from there by the
  ordering's index (keyset: ``(a, b, id) >= (…)``) instead of walking the OFFSET. So after one
  walk, the same page, the next one and the next after that (a client following ``next``) cost a
  few milliseconds each, and so they do after a verdict. After a new claim, a kept first row with
  a mark has moved down by the new rows that come before it (counted above its mark); the page's
  first row is read that many rows back (``deep_page``, in the same statement). A page
  nobody asked for (a cold jump) still walks, and so does every deep page after a claim is
  removed. Nothing of this is stored in the database: ``refresh_derived`` has nothing to
  rebuild, and its writes replace the stamps as any others do.

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
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import FieldDoesNotExist
from django.db import connections, transaction
from django.db.models import Count, Q, QuerySet, Value
from django.db.models.expressions import RawSQL

from factcheck.core import stamps
from factcheck.core.stamp_reads import reads

# A page this many rows deep (or deeper) has its first row looked up; shallower OFFSETs are cheap.
SEEK_FROM = 1000
# Rows read back before a kept first row with the rows from it (claims added before it since).
BACK = 20
# A grown count's mark is moved up to the committed keys once this many counted rows are above it.
ADVANCE_AT = 200
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
    return f"api:count2:{key}"  # (count, mark, tail): "2" leaves the plain counts of older code alone


def seek_key(key: str, offset: int) -> str:
    return f"api:seek2:{key}:{offset}"  # (values, mark, before)


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
    stamps to store them under (None when the cache is unreachable), and a count kept from before
    rows were only added (``grown``: (count, mark, tail), see ``recount``)."""

    key: str
    count_stamp: tuple | None
    count: int | None
    seek_stamp: tuple | None
    seek: tuple | None
    grown: tuple | None = None
    # (values, mark, before) of the first row kept before rows were only added (or since: api/page_index.deep_page)
    seek_grown: tuple | None = None
    next_kept: bool = False  # the next page's first row is kept (as it is, or to be grown)


def lookup(qs: QuerySet, offset: int | None, size: int | None = None) -> Found:
    """The query's key, its cached count and its first row's values at ``offset`` (or None), and
    whether the next page's (``offset + size``) is kept: one read."""
    key = query_key(qs)
    count_names = reads(qs)
    grows_at = None
    if count_names is not None and growable(qs):
        count_names, grows_at = _growing(qs, count_names)
    count_names = count_names or (stamps.LISTS,)
    seek_names: tuple[str, ...] | None = ()
    seek_grows_at = None
    if offset is not None:
        terms = order_terms(qs)
        seek_names = reads(qs, terms) if terms is not None else None
        if seek_names is not None and growable(qs):
            seek_names, seek_grows_at = _growing(qs, seek_names)
        seek_names = seek_names or (stamps.LISTS,)
    names = {*count_names, *seek_names}
    wanted = [stamps.key(name) for name in names] + [count_key(key)]
    if offset is not None:
        wanted.append(seek_key(key, offset))
        if size:
            wanted.append(seek_key(key, offset + size))
    found = cache.get_many(wanted)
    count_stamp = stamps.current_all(found, count_names)
    seek_stamp = stamps.current_all(found, seek_names) if offset is not None else None
    count = found.get(count_key(key)) if count_stamp is not None else None
    kept, grown = None, None
    if count is not None and count[0] == count_stamp:
        kept = count[1][0]
    elif count is not None and grows_at is not None and count[1][1] is not None and _only_grew(
            count[0], count_stamp, grows_at):
        grown = count[1]
    seek = found.get(seek_key(key, offset)) if offset is not None and seek_stamp is not None else None
    first, seek_grown = None, None
    if seek is not None and seek[0] == seek_stamp:
        first = seek[1][0]
        seek_grown = seek[1] if seek[1][1] is not None else None  # checked against the rows all the same
    elif seek is not None and seek_grows_at is not None and seek[1][1] is not None and _only_grew(
            seek[0], seek_stamp, seek_grows_at):
        seek_grown = seek[1]
    after = found.get(seek_key(key, offset + size)) if offset is not None and size and seek_stamp is not None else None
    next_kept = after is not None and (after[0] == seek_stamp or (
        seek_grows_at is not None and after[1][1] is not None and _only_grew(after[0], seek_stamp, seek_grows_at)))
    return Found(key, count_stamp, kept, seek_stamp, first, grown, seek_grown, next_kept)


def _growing(qs: QuerySet, names: tuple[str, ...]) -> tuple[tuple[str, ...], int]:
    """The stamps with the key column's (what is grown by the rows above a mark is right only while
    no row's key changes), and where among them the table's ``ins:`` stamp is."""
    base = qs.model._meta.db_table
    names = tuple(sorted({*names, stamps.column(base, stamps.KEY_COLUMN)}))
    return names, names.index(stamps.inserted(base))


def _only_grew(kept: tuple, now: tuple, at: int) -> bool:
    """Whether of the stamps a count was kept under only its table's ``ins:`` one was replaced since."""
    return len(kept) == len(now) and all(k == n for i, (k, n) in enumerate(zip(kept, now, strict=True)) if i != at)


def growable(qs: QuerySet) -> bool:
    """Whether a count of ``qs`` can be grown by its new rows: PostgreSQL, keyed by a sequence's ``id``."""
    pk = qs.model._meta.pk
    return (connections[qs.db].vendor == "postgresql" and pk.column == stamps.KEY_COLUMN
            and pk.get_internal_type() in ("AutoField", "BigAutoField"))


def committed_below(qs: QuerySet) -> int | None:
    """A key at or below which every row there will ever be is already committed (None if busy).

    The keys come from a sequence, and a transaction that inserts holds a ROW EXCLUSIVE lock on the
    table from before it draws a key until it ends. The highest key this statement's snapshot sees
    was drawn after every lower one; if, looked at after that snapshot was taken, no other
    transaction holds a lock that lets it write, every transaction that drew a key up to it has
    ended: a count begun after this statement sees all those rows. A lower key still to commit
    (drawn by a transaction open meanwhile) is what this rules out: tests/api/test_count_stamps.py
    interleaves two. The sequence's last value bounds it too, should ``setval`` have moved it back
    (a ``setval`` also replaces every stamp, core/stamps.py, for what was kept before it).
    """
    table = qs.model._meta.db_table
    quoted = connections[qs.db].ops.quote_name(table)
    with connections[qs.db].cursor() as cursor:
        # The table's name from its model, not from a request.
        cursor.execute(
            "SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'relation'"  # noqa: S608
            " AND relation = %s::regclass AND pid IS DISTINCT FROM pg_backend_pid()"
            " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
            " AND mode IN ('RowExclusiveLock', 'ShareRowExclusiveLock', 'ExclusiveLock', 'AccessExclusiveLock'))"
            f" THEN NULL ELSE LEAST(COALESCE((SELECT max({quoted}.\"{stamps.KEY_COLUMN}\") FROM {quoted}), 0),"
            " COALESCE(pg_sequence_last_value(pg_get_serial_sequence(%s, %s)::regclass), 0)) END",
            [table, table, stamps.KEY_COLUMN],
        )
        return cursor.fetchone()[0]


def _count_and_tail(qs: QuerySet, mark: int) -> tuple[int, int]:
    """The count of ``qs`` and of its rows above ``mark``, in one statement (so of one snapshot).

    Two subqueries rather than one count with a FILTER on the key: a count by an index of the
    filtered column alone (?verdict=) stays answered from the index (reading each row's key too
    visited every matching row: 30 ms became 300 on the archive)."""
    whole, whole_params = qs.order_by().values("pk").query.sql_with_params()
    above, above_params = qs.filter(pk__gt=mark).order_by().values("pk").query.sql_with_params()
    with connections[qs.db].cursor() as cursor:
        cursor.execute(f"SELECT (SELECT COUNT(*) FROM ({whole}) w), (SELECT COUNT(*) FROM ({above}) a)",  # noqa: S608
                       (*whole_params, *above_params))
        count, tail = cursor.fetchone()
    return count, tail


def recount(qs: QuerySet, grown: tuple | None, marks: Callable[[], int | None]) -> tuple[int, int | None, int]:
    """(count, mark, tail) of ``qs``: its count, a key at or below which every row was committed when
    it was taken (None when that could not be told) and how many of the counted rows are above it.

    With ``grown``, such a triple kept from before rows were only added since (no deletes, no key
    or filtered column changed: the stamps tell), the rows at or below its mark are the same
    ones: the count is the old one less its tail plus the rows above its mark now, one read along
    the key's index instead of a count of every match.
    """
    if grown is not None:
        count, mark, tail = grown
        # The mark stays valid for ever: moved on (one more query) only once the rows above it,
        # counted each time, are many.
        now = marks() if tail >= ADVANCE_AT else None
        now = mark if now is None or now < mark else now
        found = qs.filter(pk__gt=mark).aggregate(above=Count("*"), tail=Count("pk", filter=Q(pk__gt=now)))
        return count - tail + found["above"], now, found["tail"]
    if not growable(qs):
        return qs.count(), None, 0
    mark = marks()
    if mark is None:
        return qs.count(), None, 0
    query = qs.query
    if (query.distinct or query.combinator or query.annotations or query.group_by or query.low_mark
            or query.high_mark is not None):
        return qs.count(), None, 0  # a count of ``values("pk")`` might not be the count of these rows
    count, tail = _count_and_tail(qs, mark)
    return count, mark, tail


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


def before_row(terms: Terms, values: Sequence) -> Q:
    """The rows that come before the one whose ordering values are ``values``."""
    ahead = Q()
    for i, (path, desc) in enumerate(terms):
        equal = {p: v for (p, _), v in zip(terms[:i], values[:i], strict=True)}
        ahead |= Q(**equal, **{f"{path}__{'gt' if desc else 'lt'}": values[i]})
    return ahead


@contextmanager
def one_snapshot(qs: QuerySet) -> Iterator[None]:
    """Run these queries in one REPEATABLE READ transaction (when not inside one already): a deep
    page's first row, its position and how many rows above the mark come before it must be of the
    same rows, or a claim committed between two of them would shift a page by one."""
    connection = connections[qs.db]
    if connection.in_atomic_block:
        yield
        return
    with transaction.atomic(using=qs.db):
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        yield


def deep_page(qs: QuerySet, terms: Terms, bottom: int, size: int, found: Found,
              marks: Callable[[], int | None], count: int | None = None) -> tuple[list, dict]:
    """(pk, *ordering values) of the rows from ``bottom`` (one more than ``size``: the next page's
    first), and the seek entries to keep for ``bottom`` and the next page: (values, mark, before).

    A kept first row R with a mark (``found.seek_grown``) moved down by as many new rows as come
    before it: the rows above its mark that come before it now, less those that did when its
    position was read (``before``). One statement (so one snapshot) reads that count, up to
    ``BACK`` rows before R and the page's rows from R (``_from_kept``): the page starts that many
    rows before R, a few rows by the ordering's index instead of the OFFSET walk (read again with
    as many rows back when more were added). ``before`` of each entry kept is of the snapshot its
    position was read in (what a claim committed in between would break): from R's own and the
    keys of the rows read between. A first row trusted on its stamps alone (a verdict since) whose
    next page is kept too stores nothing; a walked page counts its ``before`` in one REPEATABLE
    READ transaction with the walk.
    """
    fields = [path for path, _ in terms]
    entry = found.seek_grown
    if found.seek is not None and (entry is None or found.next_kept):
        # As it was kept: its stamps are what they were (what a verdict leaves). The next page's
        # first row, when not kept, is kept as this one was: on its stamps alone, with no mark.
        rows = list(from_row(qs, terms, found.seek).values_list("pk", *fields)[:size + 1])
        after = {} if found.next_kept or len(rows) <= size else {
            seek_key(found.key, bottom + size): (tuple(rows[size][1:]), None, None)}
        return rows, after
    if entry is not None:
        values, mark, before = entry
        counted, behind, rows = _from_kept(qs, terms, fields, values, mark, size, BACK)
        moved = counted - before
        if moved > len(behind):  # more new rows before it than read back: again, that many
            counted, behind, rows = _from_kept(qs, terms, fields, values, mark, size, moved)
            moved = counted - before
        if rows and 0 <= moved <= len(behind):
            if moved:
                # Rows before R above the mark, less those between the page's first row and R.
                counted -= sum(1 for row in behind[len(behind) - moved:] if row[0] > mark)
                rows = [*behind[len(behind) - moved:], *rows][:size + 1]
            at = {bottom: counted}
            if len(rows) > size and not found.next_kept:
                at[bottom + size] = counted + sum(1 for row in rows[:size] if row[0] > mark)
            entries = {seek_key(found.key, offset): (tuple(rows[offset - bottom][1:]), mark, n)
                       for offset, n in at.items()}
            return rows, entries
    # Walked: its mark is of now, and ``before`` is counted in the same snapshot.
    mark = marks() if growable(qs) and found.seek_stamp is not None else None
    from factcheck.api import deep_skip  # it builds on this module

    # The claim list's default order skips whole articles by their counts (``count``: the list's).
    skip = count is not None and deep_skip.applies(qs, terms)
    with one_snapshot(qs) if mark is not None or skip else _nothing():
        rows = deep_skip.page_rows(qs, terms, fields, bottom, size, count) if skip else None
        if rows is None:
            rows = list(qs.values_list("pk", *fields)[bottom:bottom + size + 1])
        at = {bottom: tuple(rows[0][1:])} if rows else {}
        if len(rows) > size:
            at[bottom + size] = tuple(rows[size][1:])
        counts = {}
        if mark is not None and at:
            counts = qs.filter(pk__gt=mark).aggregate(
                **{f"b{offset}": Count("pk", filter=before_row(terms, values)) for offset, values in at.items()})
    entries = {seek_key(found.key, offset): (values, mark if counts else None, counts.get(f"b{offset}"))
               for offset, values in at.items()}
    return rows, entries


def _from_kept(qs: QuerySet, terms: Terms, fields: list[str], values: Sequence, mark: int, size: int,
               back: int) -> tuple[int, list, list]:
    """One statement (one snapshot): how many rows above ``mark`` come before the kept row, up to
    ``back`` rows before it and the ``size + 1`` from it on, in the list's order."""
    counted = qs.filter(before_row(terms, values), pk__gt=mark).order_by().values("pk")
    sql, params = counted.query.sql_with_params()
    # The subquery names no column of the outer one: PostgreSQL runs it once for the statement.
    above = RawSQL(f"SELECT COUNT(*) FROM ({sql}) m", params)  # noqa: S608, S611 - Django's own SQL of a queryset
    columns = ("pk", *fields, "_above", "_behind")
    ahead = from_row(qs, terms, values).annotate(_above=above, _behind=Value(0)).values_list(*columns)[:size + 1]
    behind = (qs.filter(before_row(terms, values)).reverse().annotate(_above=above, _behind=Value(1))
              .values_list(*columns)[:back])
    # Ordered again as a whole by the database (its collation), not by Python.
    both = list(ahead.union(behind, all=True).order_by(*[f"{'-' if desc else ''}{path}" for path, desc in terms]))
    counted = both[0][-2] if both else 0
    return (counted, [row[:-2] for row in both if row[-1]], [row[:-2] for row in both if not row[-1]])


@contextmanager
def _nothing() -> Iterator[None]:
    yield
