"""Recovery times and lost requests under the faults a newsroom server meets; prints figures.

    .venv/bin/python bench/faults.py [--rounds 3] [--outage 10] [--clients 6]

Starts a whole factcheck of its own with the production defaults (tests/faults/stack.py: its own
redis-server and PostgreSQL cluster on free loopback ports, gunicorn with 2 workers, two Celery
thread-pool workers, a beat process; lease 15 s, sweep every 10 s), then, while `--clients`
threads read and write through the API the whole time:

* Redis stopped for `--outage` seconds, then started again;
* Redis hung (SIGSTOP: connections accepted, never answered) for `--outage` seconds;
* PostgreSQL stopped and started again (pg_ctl, fast shutdown) while lookups are in flight;
* a lookup worker SIGKILLed mid-fetch, `--rounds` times.

For each it prints the requests answered 5xx or not at all ("lost"), the slowest answer, and
how long until the work saved during the fault was done. Only loopback is ever contacted.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import requests  # noqa: E402

from tests.faults.stack import Stack, missing_binaries, wait_for  # noqa: E402
from tests.sources.support import LoopbackServer, Page, html_page  # noqa: E402

REPORT = html_page("Flood count", [
    "The county council's surveyors counted 2,190 homes flooded in the river district after the storm.",
    "Most of the damage was on ground floors, and cellars in the hill quarter also took water.",
])


class Load:
    """Clients reading the claim list and attaching a source now and then, counting what was lost."""

    def __init__(self, stack: Stack, site: LoopbackServer, token: str, claim: int, clients: int, tag: str) -> None:
        self.stack, self.site, self.token, self.claim, self.tag = stack, site, token, claim, tag
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.total = self.lost = 0
        self.slowest = 0.0
        self.attached: list[int] = []
        self.errors: dict[str, int] = {}
        self.threads = [threading.Thread(target=self.run, args=(i,), daemon=True) for i in range(clients)]

    def __enter__(self) -> Load:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(30)

    def run(self, index: int) -> None:
        api = self.stack.api(self.token)
        n = 0
        while not self.stop.is_set():
            n += 1
            write = n % 5 == 0
            started = time.monotonic()
            try:
                if write:
                    path = f"/{self.tag}/{index}/{n}"
                    self.site.routes[path] = Page(REPORT)
                    response = api.post(f"/api/claims/{self.claim}/sources/", json={"url": self.site.url(path)},
                                        timeout=30)
                    if response.status_code in (200, 201):
                        with self.lock:
                            self.attached.append(response.json()["source"]["id"])
                else:
                    response = api.get("/api/claims/", timeout=30)
                ok = response.status_code < 500
                kind = str(response.status_code)
            except requests.RequestException as exc:
                ok, kind = False, exc.__class__.__name__
            elapsed = time.monotonic() - started
            with self.lock:
                self.total += 1
                self.slowest = max(self.slowest, elapsed)
                if not ok:
                    self.lost += 1
                    self.errors[kind] = self.errors.get(kind, 0) + 1
            time.sleep(0.05)


def fetch_rows(api, claim: int) -> dict[int, dict]:
    return {row["source"]: row for row in api.get(f"/api/claims/{claim}/lookups/", timeout=30).json()
            if row["kind"] == "fetch"}


def all_done(api, claim: int, sources: list[int]) -> bool:
    rows = fetch_rows(api, claim)
    return all(rows.get(s, {}).get("status") in ("done", "failed", "blocked") for s in sources)


def report(name: str, load: Load, recovered: float | None, extra: str = "") -> None:
    errors = ", ".join(f"{k}×{v}" for k, v in sorted(load.errors.items())) or "none"
    tail = f"; saved work done {recovered:.1f} s after the service returned" if recovered is not None else ""
    print(f"{name}: {load.total} requests, {load.lost} lost ({errors}), slowest answer {load.slowest:.2f} s, "
          f"{len(load.attached)} sources attached during the fault{tail}{extra}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="worker kills to time")
    parser.add_argument("--outage", type=float, default=10.0, help="seconds each Redis fault lasts")
    parser.add_argument("--clients", type=int, default=6)
    args = parser.parse_args()
    reason = missing_binaries()
    if reason:
        raise SystemExit(f"cannot run: {reason}")
    site = LoopbackServer()
    stack = Stack(fetch_port=site.port, test_timings=False,
                  env_overrides={"API_THROTTLE_USER": "100000/min", "API_THROTTLE_ANON": "100000/min"})
    print("starting redis-server, PostgreSQL, gunicorn (2 workers), 2 lookup workers and beat ...", flush=True)
    try:
        stack.start()
        desk = stack.desk()
        api, claim, token = stack.api(desk["reviewer"]), desk["claim"], desk["reviewer"]

        # --- Redis stopped ---------------------------------------------------------------------
        with Load(stack, site, token, claim, args.clients, "redis-stopped") as load:
            time.sleep(2)
            stack.redis.stop()
            time.sleep(args.outage)
            stack.redis.start()
            back = time.monotonic()
        wait_for(lambda: all_done(api, claim, load.attached), 180, "lookups saved while Redis was down")
        report(f"Redis stopped {args.outage:.0f} s", load, time.monotonic() - back)

        # --- Redis hung ------------------------------------------------------------------------
        with Load(stack, site, token, claim, args.clients, "redis-hung") as load:
            time.sleep(2)
            stack.redis.hang()
            time.sleep(args.outage)
            stack.redis.resume()
            back = time.monotonic()
        wait_for(lambda: all_done(api, claim, load.attached), 180, "lookups saved while Redis hung")
        report(f"Redis hung {args.outage:.0f} s", load, time.monotonic() - back)

        # --- PostgreSQL restarted with lookups in flight ------------------------------------------
        gate = threading.Event()
        paths = [f"/pg/{i}" for i in range(10)]
        for path in paths:
            site.routes[path] = lambda handler: gate.wait(60) and Page(REPORT)
        in_flight = [api.post(f"/api/claims/{claim}/sources/", json={"url": site.url(p)}).json()["source"]["id"]
                     for p in paths]
        wait_for(lambda: all(site.requests.count(p) for p in paths), 60, "fetches in flight")
        with Load(stack, site, token, claim, args.clients, "pg") as load:
            time.sleep(1)
            stopped = time.monotonic()
            stack.postgres.stop()
            gate.set()
            stack.postgres.start()
            restart = time.monotonic() - stopped
            back = time.monotonic()
            first_ok = wait_for(lambda: requests.get(stack.url + "/api/claims/", timeout=10, headers={
                "Authorization": f"Token {token}"}).status_code == 200 and time.monotonic(), 60, "API back")
            time.sleep(2)
        wait_for(lambda: all_done(api, claim, in_flight), 180, "lookups in flight during the restart")
        rows = fetch_rows(api, claim)
        once = sum(rows[s]["status"] == "done" and rows[s]["attempts"] == 1 for s in in_flight)
        fetched_once = sum(site.requests.count(p) == 1 for p in paths)
        report(f"PostgreSQL restart ({restart:.1f} s down)", load, time.monotonic() - back,
               f"; API answering again {first_ok - back:.1f} s after; {once}/{len(paths)} lookups in flight done "
               f"on their first attempt, {fetched_once}/{len(paths)} pages fetched once")

        # --- worker SIGKILLed mid-fetch ------------------------------------------------------------
        recoveries = []
        for round_ in range(args.rounds):
            calls: list[str] = []
            release = threading.Event()

            def first_held(handler, calls=calls, release=release):
                calls.append(handler.path)
                if len(calls) == 1:
                    release.wait(120)
                    return None
                return Page(REPORT)

            path = f"/killed/{round_}"
            site.routes[path] = first_held
            source = api.post(f"/api/claims/{claim}/sources/", json={"url": site.url(path)}).json()["source"]["id"]
            wait_for(lambda calls=calls: calls, 60, "fetch started")
            lookup = fetch_rows(api, claim)[source]["id"]
            owner = wait_for(lambda lookup=lookup: stack.worker_that_received(f"lookup {lookup} (fetch) started"),
                             10, "owner")
            killed = time.monotonic()
            stack.kill(owner)
            wait_for(lambda source=source: fetch_rows(api, claim)[source]["status"] == "done", 120, "re-run")
            recoveries.append(time.monotonic() - killed)
            release.set()
            stack.start_worker()
        print(f"Worker SIGKILLed mid-fetch: lookup done again after {', '.join(f'{r:.1f}' for r in recoveries)} s "
              f"(median {statistics.median(recoveries):.1f} s; lease 15 s + sweep every 10 s; was 322 s)")
    finally:
        stack.close()
        site.close()


if __name__ == "__main__":
    main()
