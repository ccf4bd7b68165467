"""Named locks held until the current transaction ends, shared by every process on the database.

Several web processes (on several hosts) may handle two requests about the same thing at once: two
reviewers attaching the same URL to different claims. Each request locks only its own claim, so a
read-then-create ("is there a source for this URL? is its fetch already queued?") would let both
create one, and the page would be fetched twice. A PostgreSQL advisory lock on the thing's name
makes the second wait for the first to commit, and then see its rows. SQLite needs none: its
transactions are IMMEDIATE (settings), so writers already take turns.
"""

from __future__ import annotations

from django.db import connection


def lock_name(name: str) -> None:
    """Wait for, then hold until commit or rollback, the lock called ``name`` (inside transaction.atomic)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cur:
        # hashtextextended: a 64-bit key, so two different names practically never share a lock.
        cur.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", [name])
