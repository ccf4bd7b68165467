"""Change stamps: a value in the shared cache that is replaced whenever the rows it covers change.

Whatever is cached from those rows (a whole API page, a token's member) is stored with the stamp
it was computed under and used only while the stamp is still that value: one cache read tells
whether anything changed since. Two stamps:

- ``auth``: the members and their API tokens (accounts_user, authtoken_token);
- ``lists``: everything a list can show or filter on, i.e. every table except the few whose writes
  no list reads (``NOT_LISTED``: sessions, lockout records, worker heartbeats, lookup progress,
  notifications, webhook deliveries).

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

import re
import secrets
import threading
from collections.abc import Callable, Iterable

from django.core.cache import cache
from django.db import transaction

AUTH = "auth"
LISTS = "lists"
KEYS = {AUTH: "stamp:auth", LISTS: "stamp:lists"}

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


def _of_table(table: str) -> set[str]:
    table = table.lower()
    out = set()
    if table in AUTH_TABLES:
        out.add(AUTH)
    if table not in NOT_LISTED:
        out.add(LISTS)
    return out


def stamps_of(sql: str) -> frozenset[str]:
    """Which stamps a statement invalidates (none for a read)."""
    head = sql.lstrip()[:10].upper()
    if head.startswith(READS):
        return frozenset()
    if head.startswith("WITH"):
        return frozenset(name for table in _CTE_TARGETS.findall(sql) for name in _of_table(table))
    match = _TABLE.match(sql)
    if match is None:
        return frozenset(KEYS)  # raw SQL, DDL, COPY: assume it changed anything
    return frozenset(_of_table(match.group(1)))


def may_store() -> bool:
    """Whether what was read now may be cached: not from inside a transaction of our own.

    Such a transaction may see its own writes and then roll back, taking the on-commit
    replacement with it. (A test case's enclosing transaction does not count.)
    """
    from django.db import connection

    return all(getattr(block, "_from_testcase", False) for block in connection.atomic_blocks)


def replace(names: Iterable[str]) -> None:
    """Give each named stamp a new value: everything cached under the old one is stale."""
    cache.set_many({KEYS[name]: secrets.randbits(62) for name in names}, None)


def _read() -> set[str]:
    if not hasattr(_local, "read"):
        _local.read = set()
    return _local.read


def current(found: dict, name: str) -> int | None:
    """The stamp's value among ``get_many`` results, creating it if the cache has none (None when unreachable)."""
    _read().add(name)
    value = found.get(KEYS[name])
    if value is not None:
        return value
    fresh = secrets.randbits(62)
    if cache.add(KEYS[name], fresh, None):
        return fresh
    return cache.get(KEYS[name])


class _AfterCommit:
    """One on-commit replacement per transaction and stamp (a verdict writes a dozen rows)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self) -> None:
        replace([self.name])


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
    # Django replaces the run_on_commit list when a transaction or savepoint ends (a rolled-back
    # savepoint drops its callbacks), so while it is the same list, what it holds is known.
    hooks, known = getattr(connection, "_stamps_pending", (None, frozenset()))
    if hooks is connection.run_on_commit and names <= known:
        return
    pending = {f.name for _, f, _ in connection.run_on_commit if isinstance(f, _AfterCommit)}
    for name in names - pending:
        transaction.on_commit(_AfterCommit(name), using=connection.alias)
    connection._stamps_pending = (connection.run_on_commit, frozenset(pending | names))


def _wrapper(connection) -> Callable:
    def wrapper(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        names = stamps_of(sql) if isinstance(sql, str) else frozenset(KEYS)
        if names:
            _on_write(connection, names)
        return result

    wrapper.factcheck_stamps = True
    return wrapper


def install(sender, connection, **kwargs) -> None:
    """``connection_created`` receiver: watch this connection's writes (once per connection object)."""
    if not any(getattr(w, "factcheck_stamps", False) for w in connection.execute_wrappers):
        connection.execute_wrappers.append(_wrapper(connection))
