"""Fixtures for the API tests: token clients per persona, a small newsroom, no broker traffic."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from factcheck.claims.models import ClaimStatus
from tests.support.factories import ArticleFactory, make_claim

GENEROUS = {"anon": "100000/min", "user": "100000/min", "login": "100000/min"}


@pytest.fixture(autouse=True)
def api_settings(settings):
    """Throttles out of the way (tests that need them set their own rates); a clean throttle cache."""
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": dict(GENEROUS)}
    cache.clear()
    yield settings
    cache.clear()


@pytest.fixture(autouse=True)
def no_broker(monkeypatch):
    """Record tasks instead of sending them: API tests run no worker and must not fetch anything."""
    sent: list[tuple[str, tuple]] = []

    def apply_async(self, args=None, kwargs=None, **options):
        sent.append((self.name, tuple(args or ())))

    def send_task(self, name, args=None, kwargs=None, **options):  # lookups are sent by name
        sent.append((name, tuple(args or ())))

    monkeypatch.setattr("celery.app.task.Task.apply_async", apply_async)
    monkeypatch.setattr("celery.app.base.Celery.send_task", send_task)
    return sent


def token_client(user) -> APIClient:
    client = APIClient()
    if user is not None:
        token, _ = Token.objects.get_or_create(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def as_editor(editor):
    return token_client(editor)


@pytest.fixture
def as_reviewer(reviewer):
    return token_client(reviewer)


@pytest.fixture
def as_other(other_reviewer):
    return token_client(other_reviewer)


@pytest.fixture
def anon(db):
    return APIClient()


@pytest.fixture
def desk(editor, reviewer, other_reviewer):
    """One article with a claim in every state the workflow passes through; rita is the assigned reviewer."""
    article = ArticleFactory(created_by=editor, title="Quake in Varnhold")
    due = dt.date.today() + dt.timedelta(days=3)
    claims = {
        "suggested": make_claim(article, "Rescue teams pulled 14 survivors", status=ClaimStatus.SUGGESTED,
                                suggested=True, types=["quantity"]),
        "open": make_claim(article, "measured at magnitude 6.1", types=["quantity"]),
        "assigned": make_claim(article, "damaged more than 300 homes", status=ClaimStatus.ASSIGNED,
                               assignee=reviewer, due=due, types=["quantity"]),
        "in_review": make_claim(article, "left at least 9 people dead", status=ClaimStatus.IN_REVIEW,
                                assignee=reviewer, due=due, types=["quantity", "attribution"]),
        "resolved": make_claim(article, "the strongest tremor to hit the province", status=ClaimStatus.RESOLVED,
                               assignee=reviewer, verdict="unverifiable", rationale="No records.",
                               types=["superlative"]),
    }
    return {"article": article, **claims}
