"""Fixtures for the sources tests: loopback pages, a claim with figures, lookup workers."""

from __future__ import annotations

import os

import pytest

from factcheck.claims.models import ClaimStatus
from tests.sources.support import LoopbackServer, fetch_settings
from tests.support import services
from tests.support.factories import ArticleFactory, make_claim

ARTICLE_TEXT = (
    "Floodwater reached the old mill quarter of Tessbury on Thursday night. Nearly 2,200 homes were flooded "
    "in the river district, the county council said, and 40 families spent the night in the sports hall. "
    "The river peaked at 5.8 metres, its highest level since records began, according to the water agency.\n"
)


@pytest.fixture
def server():
    srv = LoopbackServer()
    yield srv
    srv.close()


@pytest.fixture
def loopback(server, settings):
    fetch_settings(settings, server)
    return server


@pytest.fixture
def flood_article(editor):
    return ArticleFactory(created_by=editor, title="Tessbury flood", url="https://www.tessbury-courier.example/flood",
                          text=ARTICLE_TEXT)


@pytest.fixture
def flood_claim(flood_article, reviewer):
    return make_claim(flood_article, "Nearly 2,200 homes were flooded in the river district",
                      status=ClaimStatus.ASSIGNED, assignee=reviewer)


@pytest.fixture
def lookup_worker(request, transactional_db, settings):
    """A worker of its own for lookups that fetch from a loopback server.

    It consumes a queue no other worker listens to, so the session worker (started with
    other fetch settings) never takes these tasks; this process publishes to the same queue.
    """
    from tests.support.worker import start_worker

    server = request.getfixturevalue("server")
    if services.REQUIRE and not services.redis_url():
        pytest.fail("REQUIRE_SERVICES=1 but Redis is not reachable for the worker", pytrace=False)
    queue = f"lookups-test-{os.getpid()}"
    fetch_settings(settings, server)
    settings.LOOKUP_QUEUE = queue
    env = worker_env(server, queue)
    try:
        worker = start_worker(name="lookups", queues=queue, extra_env=env)
    except RuntimeError as exc:
        services.missing(f"cannot start a Celery worker: {exc}")
    yield worker
    worker.stop()


def worker_env(server: LoopbackServer, queue: str) -> dict:
    return {"FETCH_ALLOW_HOSTS": "127.0.0.1", "FETCH_ALLOWED_PORTS": f"80,443,{server.port}", "LOOKUP_QUEUE": queue}


@pytest.fixture
def queued(monkeypatch):
    """Collect the lookups that would be published, instead of talking to a broker."""
    published: list[int] = []

    def enqueue(lookup_id: int) -> bool:
        published.append(lookup_id)
        return True

    monkeypatch.setattr("factcheck.sources.services.enqueue", enqueue)
    return published
