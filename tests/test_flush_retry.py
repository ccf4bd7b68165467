"""The transactional tests' teardown flush is retried only when PostgreSQL aborted it as a deadlock victim."""

from __future__ import annotations

import pytest
from django.core.management.base import CommandError
from django.db import OperationalError
from django.test import testcases

from tests.support import flush


class _Teardown:
    """Stands for Django's own teardown: fails with the given errors, then succeeds."""

    def __init__(self, errors: list[BaseException]) -> None:
        self.errors = errors
        self.calls = 0

    def __call__(self, case: object) -> None:
        self.calls += 1
        if self.errors:
            raise self.errors.pop(0)


def _flush_error(message: str) -> CommandError:
    # As Django's flush command raises it: a CommandError chained from the database's error.
    try:
        raise OperationalError(message)
    except OperationalError as exc:
        try:
            raise CommandError("Database couldn't be flushed.") from exc
        except CommandError as wrapped:
            return wrapped


@pytest.fixture
def teardown(monkeypatch: pytest.MonkeyPatch):
    def install(errors: list[BaseException]) -> _Teardown:
        fake = _Teardown(errors)
        monkeypatch.setattr(testcases.TransactionTestCase, "_fixture_teardown", fake)
        monkeypatch.setattr(flush.time, "sleep", lambda seconds: None)
        flush.install()
        return fake
    return install


def test_a_deadlocked_flush_is_run_again_until_it_passes(teardown) -> None:
    fake = teardown([_flush_error("deadlock detected\nDETAIL: Process 1 waits for AccessExclusiveLock")] * 2)
    testcases.TransactionTestCase._fixture_teardown(object())
    assert fake.calls == 3


def test_any_other_flush_error_fails_the_teardown_at_once(teardown) -> None:
    fake = teardown([_flush_error("relation \"claims_claim\" does not exist")])
    with pytest.raises(CommandError):
        testcases.TransactionTestCase._fixture_teardown(object())
    assert fake.calls == 1


def test_a_flush_that_keeps_deadlocking_fails_after_the_last_attempt(teardown) -> None:
    fake = teardown([_flush_error("deadlock detected")] * (flush.ATTEMPTS + 1))
    with pytest.raises(CommandError):
        testcases.TransactionTestCase._fixture_teardown(object())
    assert fake.calls == flush.ATTEMPTS


def test_installing_twice_wraps_once(teardown) -> None:
    teardown([])
    wrapped = testcases.TransactionTestCase._fixture_teardown
    flush.install()
    assert testcases.TransactionTestCase._fixture_teardown is wrapped
