"""Personas, factories and real-service fixtures shared by the whole suite."""

from __future__ import annotations

import pytest

from factcheck.accounts.models import Role
from tests.support import services
from tests.support.factories import ArticleFactory, UserFactory


def pytest_configure(config):
    from django.conf import settings

    # Hashing with the production hasher costs ~0.2 s per user; tests create thousands.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # The translations as the .po files have them now (make venv does the same; stale ones only).
    from django.core.management import call_command

    call_command("compiletranslations", verbosity=0)
    from tests.support import flush

    flush.install()


@pytest.fixture(autouse=True)
def _broker_back_off_ends_with_the_test():
    # One test's dead broker must not make the next test's sends skip (core/broker_guard.py).
    from factcheck.core import broker_guard

    broker_guard.reset()
    yield
    broker_guard.reset()


@pytest.fixture(autouse=True)
def _language_ends_with_the_test():
    # A page requested as an Arabic member leaves Arabic active in this thread (LocaleMiddleware
    # activates and never deactivates): the next test's messages would be Arabic.
    yield
    from django.utils import translation

    translation.deactivate()


@pytest.fixture
def editor(db):
    return UserFactory(username="edna", role=Role.EDITOR, first_name="Edna", last_name="Editor")


@pytest.fixture
def reviewer(db):
    return UserFactory(username="rita", role=Role.REVIEWER, first_name="Rita", last_name="Reviewer")


@pytest.fixture
def other_reviewer(db):
    return UserFactory(username="oscar", role=Role.REVIEWER, first_name="Oscar", last_name="Other")


@pytest.fixture
def outsider(db):
    """A logged-in account with no newsroom role (deactivated member)."""
    return UserFactory(username="olga", role=Role.REVIEWER, is_active=False)


@pytest.fixture
def article(editor):
    return ArticleFactory(created_by=editor)


@pytest.fixture
def require_postgres():
    return services.require_postgres()


@pytest.fixture
def require_redis():
    return services.require_redis()


@pytest.fixture(scope="session")
def celery_worker_proc(django_db_setup, django_db_blocker):
    """One real Celery worker process for the session, on the test database and broker."""
    from tests.support.worker import purge_broker, start_worker

    if services.REQUIRE and not services.redis_url():
        pytest.fail("REQUIRE_SERVICES=1 but Redis is not reachable for the worker", pytrace=False)
    with django_db_blocker.unblock():
        purge_broker()
        try:
            worker = start_worker(name="session")
        except RuntimeError as exc:
            services.missing(f"cannot start a Celery worker: {exc}")
    yield worker
    worker.stop()


@pytest.fixture
def worker(celery_worker_proc, transactional_db):
    """A running worker; the test's rows are committed so the worker sees them."""
    return celery_worker_proc
