"""Change stamps: a value in the shared cache that is replaced whenever the rows it covers change.

Whatever is cached from those rows (a whole API page, a token's member) is stored with the stamp
it was computed under and used only while the stamp is still that value: one cache read tells
whether anything changed since. Two broad stamps:

- ``auth``: the members and their API tokens (accounts_user, authtoken_token);
- ``lists``: everything a list can show or filter on, i.e. every table except the few whose writes
  no list reads (``NOT_LISTED``: sessions, lockout records, worker heartbeats, lookup progress,
  notifications, webhook deliveries).

And fine ones, for what depends on a few columns only (a list's count, api/page_index.py): of each
listed table, ``ins:<table>`` (an INSERT of new rows: one that names its columns, not the key, and
updates nothing on a conflict), ``rows:<table>`` (a DELETE, any other INSERT, or a write whose
columns are not told: a WITH statement, an UPDATE that sets a tuple) and
``col:<table>.<column>`` (an UPDATE that sets
that column; the services save with ``update_fields``, so a verdict names status, verdict,
version, updated_by and updated_at, never types or text). ``all`` is replaced with every other
statement that is not a read (raw SQL, DDL, TRUNCATE, COPY, a SELECT that sets a sequence) and when
the cache answers again after a failure: a value kept under fine stamps checks ``all`` with them.

The stamps are replaced by the database writes themselves, not by each service remembering to:
an execute wrapper on every connection (installed by ``CoreConfig.ready``) looks at each
INSERT/UPDATE/DELETE, and at anything else that is not a plain read (raw SQL, DDL, COPY), so
bulk updates, imports, ``refresh_derived`` and the admin are covered alike. A write replaces the
stamp at once when its own thread read the stamp since (that thread's connection sees the change
before it commits) and after its transaction
commits (a request that read the old rows while the transaction was open may have stored them under
the stamp of that moment, which the second replaces). Every new stamp is a fresh random number, so a
stamp lost with the cache (an eviction, a restart) can never come back as an old value.

Writes made outside Django (psql) do not replace a stamp; what is cached under one expires by
its own timeout. While the cache is unreachable nothing can be stored or read under a stamp, and
a process that failed to replace one replaces it again when the cache answers (core/cache.py).
"""

from __future__ import annotations

import functools
import re
import secrets
import threading
from collections.abc import Callable, Iterable

from django.core.cache import cache
from django.db import transaction

AUTH = "auth"
LISTS = "lists"
ALL = "all"
KEYS = {AUTH: "stamp:auth", LISTS: "stamp:lists", ALL: "stamp:all"}

AUTH_TABLES = frozenset({"accounts_user", "authtoken_token"})
# Tables no list shows or filters on: their (frequent) writes leave cached lists in place.
NOT_LISTED = frozenset({
    "authtoken_token", "django_session", "django_admin_log", "axes_accessattempt", "axes_accessattemptexpiration",
    "axes_accessfailurelog", "axes_accesslog", "sources_worker", "sources_lookup", "claims_notification",
    "webhooks_webhookdelivery", "webhooks_webhookevent",
})
READS = ("SELECT", "SAVEPOINT", "RELEASE", "ROLLBACK", "SHOW", "SET ", "BEGIN", "COMMIT", "EXPLAIN")
# Stamps this thread read since it last replaced them: only this thread's connection can see its
# own uncommitted writes, so only then must a write inside a transaction replace a stamp at once.
_local = threading.local()
_TABLE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?([A-Za-z0-9_]+)"?', re.IGNORECASE)
# The tables a WITH statement writes (a CTE that writes none is a read).
_CTE_TARGETS = re.compile(r'\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?([A-Za-z0-9_]+)"?', re.IGNORECASE)
_SET = re.compile(r'\s+SET\s+', re.IGNORECASE)
# In an UPDATE's SET list: quoted text (skipped whole), brackets, commas, and the word that ends the list.
_SET_TOKENS = re.compile(r"""'(?:[^']|'')*'|"[^"]*"|[(),]|\b(?:WHERE|FROM|RETURNING)\b""", re.IGNORECASE)
_ASSIGNED = re.compile(r'\s*"?([A-Za-z0-9_]+)"?\s*=')
# An INSERT's column list (a plain one: no expression in it).
_INSERTED = re.compile(r'\s*\(([^()]*)\)\s*(?:VALUES|SELECT)\b', re.IGNORECASE)
_UPSERT = re.compile(r'\bON\s+CONFLICT\b.*\bDO\s+UPDATE\b', re.IGNORECASE | re.DOTALL)
# setval() moves a sequence: later keys may fall below what a count took as all committed.
_SETVAL = re.compile(r'\bsetval\s*\(', re.IGNORECASE)
# The key column an INSERT must not name for ins:<table> (every listed table's key is "id").
KEY_COLUMN = "id"


def rows(table: str) -> str:
    """The fine stamp of a table's rows (and of all its columns at once)."""
    return f"rows:{table.lower()}"


def inserted(table: str) -> str:
    """The fine stamp of a table's new rows: INSERTs whose keys the sequence gave (api/page_index.py)."""
    return f"ins:{table.lower()}"


def column(table: str, name: str) -> str:
    """The fine stamp of one column of a table."""
    return f"col:{table.lower()}.{name.lower()}"


def key(name: str) -> str:
    return f"stamp:{name}"


def listed(table: str) -> bool:
    """Whether writes to ``table`` replace the ``lists`` stamp and its fine stamps."""
    return table.lower() not in NOT_LISTED


def _of_table(table: str) -> set[str]:
    out = set()
    if table.lower() in AUTH_TABLES:
        out.add(AUTH)
    if listed(table):
        out.add(LISTS)
    return out


def _set_columns(sql: str, start: int) -> list[str] | None:
    """The columns an UPDATE's SET list (from ``start``) assigns, or None when it cannot be told."""
    depth, part, parts, end = 0, start, [], len(sql)
    for token in _SET_TOKENS.finditer(sql, start):
        text = token.group()
        if text == "(":
            depth += 1
        elif text == ")":
            depth -= 1
            if depth < 0:  # the end of a CTE's statement: "x AS (UPDATE t SET a = 1)"
                end = token.start()
                break
        elif depth == 0 and text == ",":
            parts.append(sql[part:token.start()])
            part = token.end()
        elif depth == 0 and text[0] not in "'\"":
            end = token.start()
            break
    parts.append(sql[part:end])
    names = []
    for text in parts:
        match = _ASSIGNED.match(text)
        if match is None:
            return None  # SET (a, b) = (...) and the like
        names.append(match.group(1))
    return names


def stamps_of(sql: str) -> frozenset[str]:
    """Which stamps a statement invalidates (none for a read)."""
    # A compound query begins with its first part's bracket: "(SELECT ...) UNION ALL (SELECT ...)".
    head = sql.lstrip().lstrip("(").lstrip()[:10].upper()
    if head.startswith(READS):
        if head.startswith("SELECT") and _SETVAL.search(sql):
            return frozenset(KEYS)
        return frozenset()
    if head.startswith("WITH"):
        targets = list(_CTE_TARGETS.finditer(sql))
        # "ON CONFLICT ... DO UPDATE SET" updates the INSERT's own table, already named.
        targets = [t for t in targets if t.group(1).upper() != "SET"]
        if any(_unnamed(sql, target) for target in targets):
            return frozenset(KEYS)
        names: set[str] = set()
        for target in targets:
            columns = None
            if target.group(0)[:6].upper() == "UPDATE":
                # A CTE's UPDATE names its columns as a plain one does (the verdict's one statement
                # sets status and verdict, never types or text: the counts of ?type= outlive it).
                assigned = _SET.match(sql, target.end())
                columns = _set_columns(sql, assigned.end()) if assigned else None
            names |= _fine(target.group(1), columns)
        return frozenset(names)
    match = _TABLE.match(sql)
    if match is None or _unnamed(sql, match):
        return frozenset(KEYS)  # raw SQL, DDL, COPY: assume it changed anything
    table, columns = match.group(1), None
    if head.startswith("UPDATE"):
        assigned = _SET.match(sql, match.end())
        columns = _set_columns(sql, assigned.end()) if assigned else None
    elif head.startswith("INSERT") and _only_new(sql, match.end()):
        out = _of_table(table)
        if LISTS in out:
            out.add(inserted(table))
        return frozenset(out)
    return frozenset(_fine(table, columns))


def _only_new(sql: str, start: int) -> bool:
    """Whether an INSERT only adds rows keyed by the sequence: it names its columns, not the key,
    and updates nothing on a conflict (a count may then add the rows above a mark: api/page_index.py)."""
    listed_columns = _INSERTED.match(sql, start)
    if listed_columns is None or _UPSERT.search(sql, listed_columns.end()):
        return False
    names = {name.strip().strip('"').lower() for name in listed_columns.group(1).split(",")}
    return KEY_COLUMN not in names


def _unnamed(sql: str, match: re.Match) -> bool:
    """Whether the word taken for the table is not the table's own name (``public.t``, ``ONLY t``)."""
    return match.group(1).upper() == "ONLY" or sql[match.end():match.end() + 1] == "."


def _fine(table: str, columns: list[str] | None) -> set[str]:
    """The broad stamps of a write to ``table`` and its fine ones: these columns, or its rows."""
    out = _of_table(table)
    if LISTS in out:
        out.update([column(table, name) for name in columns] if columns is not None else [rows(table)])
    return out


def may_store() -> bool:
    """Whether what was read now may be cached: not from inside a transaction of our own.

    Such a transaction may see its own writes and then roll back, taking the on-commit
    replacement with it. (A test case's enclosing transaction does not count.)
    """
    from django.db import connection

    return all(getattr(block, "_from_testcase", False) for block in connection.atomic_blocks)


def replace(names: Iterable[str]) -> None:
    """Give each named stamp a new value: everything cached under the old one is stale."""
    cache.set_many({key(name): secrets.randbits(62) for name in names}, None)


def _read() -> set[str]:
    if not hasattr(_local, "read"):
        _local.read = set()
    return _local.read


def current(found: dict, name: str) -> int | None:
    """The stamp's value among ``get_many`` results, creating it if the cache has none (None when unreachable)."""
    _read().add(name)
    value = found.get(key(name))
    if value is not None:
        return value
    fresh = secrets.randbits(62)
    if cache.add(key(name), fresh, None):
        return fresh
    return cache.get(key(name))


def current_all(found: dict, names: Iterable[str]) -> tuple[int, ...] | None:
    """The values of several stamps among ``get_many`` results (None if the cache is unreachable)."""
    values = tuple(current(found, name) for name in names)
    return None if None in values else values


class _AfterCommit:
    """One on-commit replacement per transaction of every stamp its writes named (one round trip)."""

    def __init__(self) -> None:
        self.names: set[str] = set()

    def __call__(self) -> None:
        replace(self.names)


def _on_write(connection, names: frozenset[str]) -> None:
    read = _read()
    if not connection.in_atomic_block:
        read.difference_update(names)
        replace(names)  # already committed
        return
    # Now: for what this thread cached while its own transaction was open (it saw the writes).
    now = names & read
    if now:
        read.difference_update(now)
        replace(now)
    # After commit: for what other connections cached meanwhile from the rows before the change.
    # Django replaces the run_on_commit list when a transaction ends or a savepoint rolls back
    # (dropping the callbacks registered inside it), and otherwise only appends to it: while it is
    # the same list, the callback found in it is still there. Names added to a callback that a
    # savepoint's writes then did not need are replaced all the same: harmless.
    hooks, after = getattr(connection, "_stamps_pending", (None, None))
    if hooks is not connection.run_on_commit:
        found = [f for _, f, _ in connection.run_on_commit if isinstance(f, _AfterCommit)]
        after = found[-1] if found else None
        if after is None:
            after = _AfterCommit()
            transaction.on_commit(after, using=connection.alias)
        connection._stamps_pending = (connection.run_on_commit, after)
    after.names.update(names)


# stamps_of depends on the text alone, and a process sends the same few texts over and over (the
# parameters are apart): a verdict's one statement was parsed again on every request. Long texts
# (bulk inserts, of every size) are parsed each time rather than kept.
_stamps_of_kept = functools.lru_cache(maxsize=512)(stamps_of)


def _stamps_of_text(sql: str) -> frozenset[str]:
    return _stamps_of_kept(sql) if len(sql) <= 8000 else stamps_of(sql)


def _wrapper(connection) -> Callable:
    def wrapper(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        names = _stamps_of_text(sql) if isinstance(sql, str) else frozenset(KEYS)
        if names:
            _on_write(connection, names)
        return result

    wrapper.factcheck_stamps = True
    return wrapper


def install(sender, connection, **kwargs) -> None:
    """``connection_created`` receiver: watch this connection's writes (once per connection object)."""
    if not any(getattr(w, "factcheck_stamps", False) for w in connection.execute_wrappers):
        connection.execute_wrappers.append(_wrapper(connection))
