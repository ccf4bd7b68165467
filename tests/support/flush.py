"""Transactional tests' flush, retried when PostgreSQL picks it as a deadlock victim.

The session's Celery worker runs whatever tasks the previous tests enqueued on commit (emails,
readiness checks, lookups), against the same test database. A task that still holds a row lock
when a transactional test ends can deadlock with the flush's TRUNCATE; PostgreSQL then aborts
one of the two, and if it is the flush the test errors in teardown although it passed. The flush
runs in one transaction, so an aborted attempt leaves the rows as they were and can be repeated
once the task has finished.
"""

from __future__ import annotations

import time

from django.core.management.base import CommandError
from django.test import testcases

ATTEMPTS = 5


def _deadlocked(exc: BaseException) -> bool:
    cause = exc.__cause__ or exc.__context__
    return cause is not None and "deadlock detected" in str(cause)


def install() -> None:
    original = testcases.TransactionTestCase._fixture_teardown
    if getattr(original, "retries_deadlocks", False):
        return

    def _fixture_teardown(self) -> None:
        for attempt in range(ATTEMPTS):
            try:
                return original(self)
            except CommandError as exc:
                if attempt == ATTEMPTS - 1 or not _deadlocked(exc):
                    raise
                time.sleep(0.2 * (attempt + 1))

    _fixture_teardown.retries_deadlocks = True
    testcases.TransactionTestCase._fixture_teardown = _fixture_teardown
