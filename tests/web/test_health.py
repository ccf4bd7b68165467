"""/healthz: each dependency reported on its own, with a status code a load balancer can act on."""

from __future__ import annotations

import datetime as dt
import socket

import pytest
from django.utils import timezone

from factcheck.sources.models import Worker

pytestmark = pytest.mark.django_db


def test_healthz_reports_each_dependency_and_answers_200_while_the_database_answers(client):
    response = client.get("/healthz")
    body = response.json()
    assert response.status_code == 200
    assert set(body) >= {"status", "database", "cache", "broker", "workers"}
    assert body["database"]["ok"] is True
    # No worker has sent a heartbeat in this test: degraded, still 200 (pages work without workers).
    assert body["workers"] == {**body["workers"], "ok": False, "alive": 0}
    assert body["status"] == "degraded"
    assert client.get("/healthz?strict=1").status_code == 503


def test_a_worker_heartbeat_makes_the_desk_healthy_and_a_stale_one_does_not(client, settings):
    now = timezone.now()
    Worker.objects.create(name="w1", started_at=now, seen_at=now, running=3)
    Worker.objects.create(name="w2", started_at=now, seen_at=now - dt.timedelta(seconds=settings.LOOKUP_LEASE_SECONDS + 1))
    body = client.get("/healthz").json()
    assert body["workers"]["ok"] is True and body["workers"]["alive"] == 1 and body["workers"]["running"] == 3


def test_healthz_with_redis_down_is_degraded_not_down(client, settings):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"redis://127.0.0.1:{port}/0"
    settings.CACHES = {"default": {"BACKEND": "factcheck.core.cache.FailOpenRedisCache", "LOCATION": url,
                                   "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}}}
    settings.CELERY_BROKER_URL = url
    response = client.get("/healthz")
    body = response.json()
    assert response.status_code == 200 and body["status"] == "degraded"
    assert body["cache"]["ok"] is False and body["broker"]["ok"] is False and body["database"]["ok"] is True
