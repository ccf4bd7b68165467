"""Lookups with a real worker process: after commit, exactly once, worker killed, broker down.

Each test runs its own worker on a queue of its own (see conftest.lookup_worker), with the
fetch settings that let it reach the loopback server the test started.
"""

from __future__ import annotations

import os
import time

import pytest
from django.urls import reverse

from factcheck.sources.models import Lookup, LookupKind, LookupStatus, Snapshot
from factcheck.sources.services import BROKER_DOWN, lookups_requeue, source_attach
from factcheck.sources.tasks import lookup_run, lookups_sweep
from tests.sources.conftest import worker_env
from tests.sources.support import Page, html_page
from tests.support import services
from tests.support.broker import dead_broker
from tests.support.worker import start_worker, wait_for

pytestmark = pytest.mark.services

REPORT = Page(html_page("Flood count", [
    "The county council's surveyors counted 2,190 homes flooded in the river district after the storm.",
    "Most of the damage was on ground floors, and cellars in the hill quarter also took water.",
]))


def fetch_of(source_id: int) -> Lookup:
    return Lookup.objects.get(kind=LookupKind.FETCH, source_id=source_id)


def test_attached_source_is_fetched_by_the_worker_after_commit(lookup_worker, server, flood_claim, reviewer):
    server.routes["/count"] = REPORT
    evidence = source_attach(actor=reviewer, claim_id=flood_claim.pk, url=server.url("/count"))
    wait_for(lambda: fetch_of(evidence.source_id).status == LookupStatus.DONE, what="fetch done")
    check = wait_for(lambda: Lookup.objects.filter(kind=LookupKind.FIGURE_CHECK, claim=flood_claim,
                                                   status=LookupStatus.DONE).first(), what="figure check done")
    assert check.result["outcome"] == "consistent"
    assert Snapshot.objects.get(source=evidence.source).title == "Flood count"


def test_the_same_lookup_delivered_twice_is_done_once(lookup_worker, server, flood_claim, reviewer, settings):
    server.routes["/count"] = Page(REPORT.body, delay=0.5)
    evidence = source_attach(actor=reviewer, claim_id=flood_claim.pk, url=server.url("/count"))
    lookup = fetch_of(evidence.source_id)
    # a duplicate message, as a redelivery or the sweeper could produce
    lookup_run.apply_async((lookup.pk,), queue=settings.LOOKUP_QUEUE)
    lookup_run.apply_async((lookup.pk,), queue=settings.LOOKUP_QUEUE)
    wait_for(lambda: fetch_of(evidence.source_id).status == LookupStatus.DONE, what="fetch done")
    # three messages for one row: one did the work, the other two found it taken
    wait_for(lambda: lookup_worker.output().count("'skipped'") >= 2, timeout=15, what="duplicates skipped")
    lookup.refresh_from_db()
    assert lookup.attempts == 1
    assert Snapshot.objects.filter(source=evidence.source).count() == 1
    assert server.requests.count("/count") == 1


def test_worker_killed_mid_lookup_the_lookup_still_ends_done_exactly_once(
    server, flood_claim, reviewer, settings, transactional_db
):
    if services.REQUIRE and not services.redis_url():
        pytest.fail("REQUIRE_SERVICES=1 but Redis is not reachable for the worker", pytrace=False)
    calls = []

    def held_then_served(handler):
        calls.append(handler.path)
        if len(calls) == 1:
            server.release.wait(60)  # the first worker dies while this response is still open
            return None
        return REPORT

    server.routes["/slow"] = held_then_served
    settings.FETCH_ALLOW_HOSTS, settings.FETCH_ALLOWED_PORTS = ["127.0.0.1"], [80, 443, server.port]
    first_queue, second_queue = f"lookups-kill-a-{os.getpid()}", f"lookups-kill-b-{os.getpid()}"
    settings.LOOKUP_QUEUE = first_queue
    # A short row deadline for the doomed worker, so the test need not wait the default five minutes.
    doomed = start_worker(name="doomed", queues=first_queue,
                          extra_env={**worker_env(server, first_queue), "LOOKUP_DEADLINE_SECONDS": "10"})
    rescuer = None
    try:
        evidence = source_attach(actor=reviewer, claim_id=flood_claim.pk, url=server.url("/slow"))
        wait_for(lambda: calls, what="the first worker to connect")
        lookup = fetch_of(evidence.source_id)
        assert (lookup.status, lookup.attempts) == (LookupStatus.RUNNING, 1)
        doomed.kill()
        rescuer = start_worker(name="rescuer", queues=second_queue, extra_env=worker_env(server, second_queue))
        settings.LOOKUP_QUEUE = second_queue
        # The beat sweeper re-enqueues the row once its deadline has passed.
        wait_for(lambda: lookups_requeue()["requeued"], timeout=40, interval=0.5, what="sweeper to requeue")
        done = wait_for(lambda: Lookup.objects.filter(pk=lookup.pk, status=LookupStatus.DONE).first(),
                        what="lookup done by the second worker")
    finally:
        server.release.set()
        doomed.kill()
        if rescuer:
            rescuer.stop()
    assert done.attempts == 2 and done.error == ""
    assert Snapshot.objects.filter(source=evidence.source).count() == 1
    assert len(calls) == 2


def test_broker_down_attach_still_saves_and_the_sweeper_runs_it_later(
    lookup_worker, server, flood_claim, reviewer, client, settings, monkeypatch
):
    from factcheck.core import broker_guard

    broker_guard.reset()  # (and reset again after the test: tests/conftest.py)
    server.routes["/count"] = REPORT
    client.force_login(reviewer)
    started = time.monotonic()
    with dead_broker():
        response = client.post(reverse("source_attach", args=[flood_claim.pk]), {"url": server.url("/count")},
                               HTTP_HX_REQUEST="true")
    assert time.monotonic() - started < 5  # a dead broker costs one connection timeout, not a hang
    assert response.status_code == 200
    assert "will run as soon as it is back" in response.content.decode()
    lookup = Lookup.objects.get(kind=LookupKind.FETCH)
    assert lookup.status == LookupStatus.QUEUED and lookup.error == BROKER_DOWN
    # the broker is back: the beat task re-enqueues, the worker completes
    broker_guard.reset()  # skip the publish back-off
    assert lookups_sweep()["requeued"] == 1
    wait_for(lambda: Lookup.objects.filter(pk=lookup.pk, status=LookupStatus.DONE).exists(), what="lookup done")
    lookup.refresh_from_db()
    assert lookup.error == "" and lookup.attempts == 1
    assert Snapshot.objects.filter(source=lookup.source).count() == 1
