"""Faults a newsroom server really meets, injected into a whole factcheck of its own (tests/faults/stack.py).

Own Redis, own PostgreSQL cluster, gunicorn with two workers, two Celery lookup workers and a
beat process; nothing mocked. Each test leaves the stack running for the next one.
"""

from __future__ import annotations

import pytest
import requests

from tests.faults.stack import wait_for
from tests.sources.support import Page, html_page

pytestmark = pytest.mark.services

REPORT = html_page("Flood count", [
    "The county council's surveyors counted 2,190 homes flooded in the river district after the storm.",
    "Most of the damage was on ground floors, and cellars in the hill quarter also took water.",
])


def attach(api, claim: int, url: str, **kwargs) -> dict:
    response = api.post(f"/api/claims/{claim}/sources/", json={"url": url}, **kwargs)
    assert response.status_code in (201, 202), response.text
    return response.json()


def fetch_of(api, claim: int, source: int) -> dict | None:
    rows = api.get(f"/api/claims/{claim}/lookups/").json()
    return next((row for row in rows if row["kind"] == "fetch" and row["source"] == source), None)


def finished(api, claim: int, source: int) -> dict | None:
    row = fetch_of(api, claim, source)
    return row if row and row["status"] in ("done", "failed", "blocked") else None


def test_redis_stopped_the_api_and_the_form_keep_working_and_the_lookups_run_when_it_returns(stack, site):
    desk = stack.desk_info
    api, claim = stack.api(desk["reviewer"]), desk["claim"]
    site.routes["/redis-down/api"] = Page(REPORT)
    site.routes["/redis-down/form"] = Page(REPORT)
    browser = stack.browser_session("faults-reviewer", "faults-reviewer-pw-1")
    stack.redis.stop()
    try:
        # Reads: DRF's throttles used to let the ConnectionError out as a 500.
        assert api.get("/api/claims/").status_code == 200
        assert api.get(f"/api/claims/{claim}/").status_code == 200
        evidence = attach(api, claim, site.url("/redis-down/api"))
        row = fetch_of(api, claim, evidence["source"]["id"])
        assert row["status"] == "queued" and "task queue is unreachable" in row["error"]
        # The browser form on the same claim saves the source and says the lookup will run later.
        page = browser.get(f"/claims/{claim}/")
        token = browser.cookies.get("csrftoken")
        form = browser.post(f"/claims/{claim}/sources/attach/", data={"url": site.url("/redis-down/form"),
                                                                       "csrfmiddlewaretoken": token},
                            headers={"HX-Request": "true", "X-CSRFToken": token, "Referer": page.url})
        assert form.status_code == 200 and "will run as soon as it is back" in form.text
        health = requests.get(stack.url + "/healthz", timeout=10)
        body = health.json()
        assert health.status_code == 200 and body["status"] == "degraded"
        assert body["database"]["ok"] and not body["cache"]["ok"] and not body["broker"]["ok"]
        assert requests.get(stack.url + "/healthz?strict=1", timeout=10).status_code == 503
    finally:
        stack.redis.start()
    sources = [e["source"]["id"] for e in api.get(f"/api/claims/{claim}/sources/").json()
               if "/redis-down/" in e["source"]["url"]]
    assert len(sources) == 2
    for source in sources:
        done = wait_for(lambda s=source: finished(api, claim, s), 90, "the saved lookups to run after Redis returned")
        assert done["status"] == "done" and done["error"] == ""
    assert site.requests.count("/redis-down/api") == 1 and site.requests.count("/redis-down/form") == 1


def test_a_hung_broker_costs_an_attach_seconds_not_a_gunicorn_timeout(stack, site):
    desk = stack.desk_info
    api, claim = stack.api(desk["reviewer"]), desk["claim"]
    site.routes["/hung/report"] = Page(REPORT)
    stack.redis.hang()
    try:
        # requests raises ReadTimeout if the answer takes longer: the source row was committed
        # before the broker was asked, so it must come back as saved, not as a 500.
        evidence = attach(api, claim, site.url("/hung/report"), timeout=5)
        assert api.get("/api/claims/", timeout=5).status_code == 200
        row = fetch_of(api, claim, evidence["source"]["id"])
        assert row["status"] == "queued"
    finally:
        stack.redis.resume()
    done = wait_for(lambda: finished(api, claim, evidence["source"]["id"]), 90, "the lookup after the broker woke up")
    assert done["status"] == "done"
    assert site.requests.count("/hung/report") == 1
    # Retrying the attach says what happened, it does not fail as a server error.
    again = api.post(f"/api/claims/{claim}/sources/", json={"url": site.url("/hung/report")})
    assert again.status_code == 400 and "already attached" in again.text


def test_postgres_restarted_while_lookups_write_back_each_ends_done_once_with_one_fetch_per_page(stack, site):
    import threading

    desk = stack.desk_info
    api, claim = stack.api(desk["reviewer"]), desk["claim"]
    gate = threading.Event()
    pages = [f"/pg-restart/{i}" for i in range(6)]

    def held(handler):
        gate.wait(60)  # every fetch is in flight when the database goes away
        return Page(REPORT)

    for path in pages:
        site.routes[path] = held
    sources = [attach(api, claim, site.url(path))["source"]["id"] for path in pages]
    wait_for(lambda: all(site.requests.count(p) for p in pages), 60, "all six fetches in flight")
    stack.postgres.stop()
    try:
        gate.set()  # the workers now gather their pages and try to write them back
        # A request arriving while the database is down waits up to DB_CONNECT_WAIT_SECONDS (3 s), then
        # is told so: a 503 with a message, never a bare 500.
        down = api.get("/api/claims/")
        assert down.status_code == 503 and "database is unavailable" in down.json()["error"]["message"]
        assert down.headers["Retry-After"]
    finally:
        stack.postgres.start()
    for source in sources:
        done = wait_for(lambda s=source: finished(api, claim, s), 90, "every lookup to end after the restart")
        assert (done["status"], done["attempts"], done["error"]) == ("done", 1, "")
    assert [site.requests.count(p) for p in pages] == [1] * 6
    # The first request of each gunicorn process after the restart is not a 500 (CONN_HEALTH_CHECKS).
    assert all(api.get("/api/claims/").status_code == 200 for _ in range(6))


def test_a_request_during_a_quick_postgres_restart_waits_for_it_instead_of_failing(stack):
    import threading

    api = stack.api(stack.desk_info["reviewer"])
    stack.postgres.stop()
    restart = threading.Timer(1.0, stack.postgres.start)  # back within the 3 s a new connection may wait
    restart.start()
    try:
        # Each gunicorn process's kept connection died with the server; the health check drops it and
        # the new connection waits for the restart instead of answering 500.
        assert [api.get("/api/claims/").status_code for _ in range(4)] == [200] * 4
    finally:
        restart.join()


def test_a_sigkilled_worker_s_lookup_runs_again_within_30_seconds(stack, site):
    desk = stack.desk_info
    api, claim = stack.api(desk["reviewer"]), desk["claim"]
    calls = []

    def first_held(handler):
        calls.append(handler.path)
        if len(calls) == 1:
            site.release.wait(90)  # the first worker dies while this response is still open
            return None
        return Page(REPORT)

    site.routes["/killed/report"] = first_held
    evidence = attach(api, claim, site.url("/killed/report"))
    source = evidence["source"]["id"]
    wait_for(lambda: calls, 60, "a worker to start the fetch")
    lookup = fetch_of(api, claim, source)
    owner = wait_for(lambda: stack.worker_that_received(f"lookup {lookup['id']} (fetch) started"), 10, "owner")
    stack.kill(owner)
    # Lease (10 s here, 15 s by default) + sweep (2 s here, 10 s by default): inside 30 s; no deadline to wait out.
    try:
        done = wait_for(lambda: finished(api, claim, source), 30, "the lookup to run again after the kill")
    finally:
        site.release.set()
        stack.start_worker()  # back to two workers for the next test
    assert (done["status"], done["attempts"], done["error"]) == ("done", 2, "")
    assert len(calls) == 2


def test_a_slow_lookup_on_a_live_worker_is_never_taken_over(stack, site):
    """Past its deadline (10 s here) and past two leases (10 s here), but its worker is alive and renews it."""
    desk = stack.desk_info
    api, claim = stack.api(desk["reviewer"]), desk["claim"]
    site.routes["/slow/report"] = Page(REPORT, delay=20)
    source = attach(api, claim, site.url("/slow/report"))["source"]["id"]
    wait_for(lambda: site.requests.count("/slow/report"), 30, "the fetch to start")
    done = wait_for(lambda: finished(api, claim, source), 60, "the slow lookup to finish")
    assert (done["status"], done["attempts"], done["error"]) == ("done", 1, "")
    assert site.requests.count("/slow/report") == 1  # no second copy fetched it meanwhile


def test_a_5_mb_page_of_markup_is_read_in_bounded_time_once_and_an_empty_page_says_so(stack, site):
    desk = stack.desk_info
    api, claim = stack.api(desk["reviewer"]), desk["claim"]
    nested = (b"<html><head><title>Council budget</title></head><body>"
              + b"<div><section><p>The council counted 2,190 flooded homes in the river district.</p>" * 60_000
              + b"</body></html>")
    assert len(nested) > 4_900_000
    site.routes["/huge/page"] = Page(nested)
    site.routes["/empty/page"] = Page(b"<html><head><title>Gallery</title></head><body><img src='a.jpg'></body></html>")
    huge = attach(api, claim, site.url("/huge/page"))["source"]["id"]
    empty = attach(api, claim, site.url("/empty/page"))["source"]["id"]
    # Bounded: far inside the worker's lease, so no second worker takes a copy meanwhile.
    done = wait_for(lambda: finished(api, claim, huge), 60, "the huge page's lookup")
    assert (done["status"], done["attempts"]) == ("done", 1)
    assert done["result"]["chars"] > 0
    assert site.requests.count("/huge/page") == 1
    failed = wait_for(lambda: finished(api, claim, empty), 60, "the empty page's lookup")
    assert failed["status"] == "failed" and "no readable text in this page" in failed["error"].lower()


def test_healthz_tells_apart_a_healthy_desk_and_a_dead_database(stack):
    body = wait_for(lambda: (r := requests.get(stack.url + "/healthz", timeout=10).json())["status"] == "ok" and r,
                    30, "a healthy desk")
    assert body["workers"]["alive"] >= 1 and body["cache"]["ok"] and body["broker"]["ok"]
    stack.postgres.stop()
    try:
        down = requests.get(stack.url + "/healthz", timeout=10)
        assert down.status_code == 503 and down.json()["status"] == "down"
    finally:
        stack.postgres.start()
    wait_for(lambda: requests.get(stack.url + "/healthz", timeout=10).status_code == 200, 30, "healthz back to 200")


def test_a_hung_broker_costs_each_web_process_one_wait_not_every_verdict(stack):
    # A verdict tells the editor, a reopen and an assignment the reviewer: each sends an email task. With Redis hung
    # every send waited out the broker's read timeout (2 s), so each of these took 2 s or more;
    # one failed send now makes the process skip the broker for a while (core/broker_guard.py).
    import time

    desk = stack.desk_info
    reviewer, editor, claim = stack.api(desk["reviewer"]), stack.api(desk["editor"]), desk["claim"]
    stack.redis.hang()
    took = []
    try:
        for round_ in range(4):
            version = reviewer.get(f"/api/claims/{claim}/", timeout=10).json()["version"]
            started = time.monotonic()
            verdict = reviewer.post(f"/api/claims/{claim}/verdict/", timeout=10, json={
                "verdict": "unverifiable", "rationale": f"No record either way (round {round_}).", "version": version})
            took.append(time.monotonic() - started)
            assert verdict.status_code == 200, verdict.text[:300]
            started = time.monotonic()
            reopened = editor.post(f"/api/claims/{claim}/reopen/", timeout=10, json={
                "reason": "A new source came in.", "version": verdict.json()["version"]})
            took.append(time.monotonic() - started)
            assert reopened.status_code == 200, reopened.text[:300]
            started = time.monotonic()
            assigned = editor.post(f"/api/claims/{claim}/assign/", timeout=10, json={
                "reviewer": "faults-reviewer", "due": "2030-06-30", "version": reopened.json()["version"]})
            took.append(time.monotonic() - started)
            assert assigned.status_code == 200, assigned.text[:300]
    finally:
        stack.redis.resume()
    # A send that waits out the broker's read timeout takes 2 s or more. Two gunicorn workers: each
    # may pay one such wait (its first send), and one more each if a test runs past the 10 s back-off;
    # before the shared back-off every one of the twelve changes paid it.
    assert sum(t >= 2.0 for t in took) <= 4, [round(t, 2) for t in took]
    events = reviewer.get(f"/api/claims/{claim}/events/", timeout=10).json()
    rows = events["results"] if isinstance(events, dict) else events
    kinds = [row.get("kind") for row in rows]
    assert kinds.count("resolved") >= 4 and kinds.count("reopened") >= 4, kinds  # every change was saved
