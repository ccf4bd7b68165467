"""Django's PostgreSQL backend, waiting a moment for a database that is restarting.

A PostgreSQL restart (a minor upgrade, a config change, a failover) refuses connections for
about a second. Without a wait, every request arriving meanwhile was a 500 (bench/faults.py).
A new connection that is refused, or told the server is starting or shutting down, is tried
again for up to ``DB_CONNECT_WAIT_SECONDS``; any other error (a wrong password, a missing
database) fails at once, as before.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db.backends.postgresql.base import DatabaseWrapper as PostgresWrapper

log = logging.getLogger(__name__)

TRANSIENT = ("connection refused", "the database system is starting up", "the database system is shutting down",
             "the database system is in recovery mode", "terminating connection due to administrator command")


_no_wait: ContextVar[bool] = ContextVar("db_connect_no_wait", default=False)


@contextmanager
def no_wait() -> Iterator[None]:
    """Fail at once inside this block: a health probe reports an outage, it does not sit it out."""
    token = _no_wait.set(True)
    try:
        yield
    finally:
        _no_wait.reset(token)


def transient(exc: BaseException) -> bool:
    message = str(exc).lower()
    return any(part in message for part in TRANSIENT)


class DatabaseWrapper(PostgresWrapper):
    def get_new_connection(self, conn_params):
        wait = 0.0 if _no_wait.get() else getattr(settings, "DB_CONNECT_WAIT_SECONDS", 0.0)
        deadline = time.monotonic() + wait
        pause = 0.1
        while True:
            try:
                return super().get_new_connection(conn_params)
            except self.Database.OperationalError as exc:
                if not transient(exc) or time.monotonic() + pause > deadline:
                    raise
                log.warning("database not accepting connections (%s); retrying for up to %.0f s",
                            str(exc).strip().splitlines()[0][:200], wait)
                time.sleep(pause)
                pause = min(pause * 2, 1.0)
