"""Several web processes and workers on one PostgreSQL and one Redis act as one site, under load; prints a table.

    .venv/bin/python bench/multi_instance.py [--webs 3] [--workers 3] [--clients 6] [--pages 20] [--uploads 30]

Starts, as separate OS processes on loopback (tests/support/cluster.py), `--webs` gunicorn servers (one
process, 4 threads each) on free ports, `--workers` Celery thread-pool workers and one beat (the
sweeper), each with its own var folder as a separate host would have, all on one fresh database
(`--db`, default fc_multi_bench, created on the PostgreSQL server of DATABASE_URL and dropped at the
end) and one redis-server of its own. Uploads go to one shared MEDIA_ROOT (what NFS or a volume gives
several hosts; STORAGE_BACKEND=s3 is the other way).

While `--clients` threads, each logged in on one web process, read the dashboard and the API claim
list round-robin from all of them (a request answered with the login page is a lost session), it
checks: a session from each web process used on the others; `--uploads` files uploaded through one
web process and downloaded, bytes compared, from the others; `--pages` pages of a loopback site each
attached at the same instant through every web process to a different claim (one source, one fetch,
one figure check per claim, one attempt each, each page fetched once); a login lockout and the API
login throttle counted across processes. Then prints pass/fail with counts, and req/s, p50 and p95
per web process. Only 127.0.0.1 is ever contacted.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.sources.support import LoopbackServer  # noqa: E402
from tests.support.cluster import (  # noqa: E402
    Browser,
    Check,
    Cluster,
    attach_urls_everywhere,
    check_lockout,
    check_lookups,
    check_sessions,
    check_throttle,
    check_uploads,
)

LOCKOUT_LIMIT = 5
LOGIN_RATE = 10


class Load:
    """Readers that keep every web process busy, each with a session from one of them."""

    def __init__(self, cluster: Cluster, clients: int, article: int) -> None:
        self.cluster = cluster
        self.article = article
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.samples: dict[str, list[float]] = {w.name: [] for w in cluster.webs}
        self.errors: dict[str, list[int]] = {w.name: [] for w in cluster.webs}  # status codes (0: no answer)
        self.lost = Check("load: a session from one web process, requests to all, never sent to the login")
        self.threads = [threading.Thread(target=self.client, args=(i,), daemon=True) for i in range(clients)]

    def start(self) -> None:
        self.started = time.monotonic()
        for t in self.threads:
            t.start()

    def finish(self) -> float:
        self.stop.set()
        for t in self.threads:
            t.join(60)
        return time.monotonic() - self.started

    def client(self, i: int) -> None:
        webs = self.cluster.webs
        browser = Browser()
        home = webs[i % len(webs)]
        if browser.login(home.url, f"reviewer{i}").status_code != 302:
            with self.lock:
                self.lost.failures.append(f"client {i} could not log in on {home.name}")
            return
        paths = ["/", f"/api/claims/?article={self.article}"]
        n = 0
        while not self.stop.is_set():
            web = webs[(i + n) % len(webs)]
            path = paths[n % 2]
            n += 1
            t0 = time.perf_counter()
            try:
                got = browser.get(web.url + path)
                status = got.status_code
            except Exception:  # a refused or cut connection counts as an error of that process
                status = 0
            elapsed = time.perf_counter() - t0
            with self.lock:
                self.samples[web.name].append(elapsed)
                self.lost.done += 1
                if status in (302, 401, 403):
                    self.lost.failures.append(f"client {i} (logged in on {home.name}) sent to log in by {web.name}")
                elif status != 200:
                    self.errors[web.name].append(status)


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18] if len(values) >= 20 else max(values, default=0.0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--webs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--clients", type=int, default=6)
    parser.add_argument("--pages", type=int, default=20, help="pages attached through every web process at once")
    parser.add_argument("--uploads", type=int, default=30)
    parser.add_argument("--min-seconds", type=float, default=20.0, help="shortest load phase")
    parser.add_argument("--db", default="fc_multi_bench")
    args = parser.parse_args()
    server = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    if not server.startswith(("postgres://", "postgresql://")):
        sys.exit("DATABASE_URL must name a PostgreSQL server (the bench creates its own database there)")

    site = LoopbackServer()
    cluster = Cluster(server, site.port, db_name=args.db, extra_env={
        "AXES_FAILURE_LIMIT": str(LOCKOUT_LIMIT), "API_THROTTLE_LOGIN": f"{LOGIN_RATE}/min",
        "LOOKUP_SWEEP_SECONDS": "2"})  # a busy sweeper: it must not run anything a second time either
    try:
        t0 = time.monotonic()
        cluster.start(webs=args.webs, workers=args.workers, beat=True)
        claims_needed = args.uploads + args.pages * args.webs
        desk = cluster.desk(claims=claims_needed, members=max(args.clients, 1))
        print(f"started {args.webs} web + {args.workers} worker processes + beat, {claims_needed} claims,"
              f" in {time.monotonic() - t0:.0f} s", flush=True)
        claims = desk["claims"]
        load = Load(cluster, args.clients, desk["article"])
        load.start()
        checks: list[Check] = []
        # The editor, whom the readers are not: an editor may attach sources to every claim.
        sessions, browser = check_sessions(cluster, "editor")
        checks.append(sessions)
        checks.append(check_uploads(cluster, browser, claims[:args.uploads]))
        paths = attach_urls_everywhere(cluster, browser, site, claims[args.uploads:], "bench")
        checks.append(check_lookups(cluster, site, paths))
        checks.append(check_lockout(cluster, "lockme", LOCKOUT_LIMIT))
        checks.append(check_throttle(cluster, LOGIN_RATE))
        while time.monotonic() - load.started < args.min_seconds:
            time.sleep(0.5)
        elapsed = load.finish()
        checks.append(load.lost)
        tasks = {w.name: len(re.findall(r"lookup \d+ \(\w+\) started", w.output())) for w in cluster.workers}
    finally:
        cluster.close()
        site.close()

    print(f"\n{time.strftime('%Y-%m-%d')} · {platform.node()} · {os.cpu_count()} cores · "
          f"{args.webs} web (gunicorn 1×4 threads) + {args.workers} workers (4 threads) + beat · {args.clients} readers\n")
    print("| check | checked | failed | result |\n|---|---|---|---|")
    for check in checks:
        print(f"| {check.name} | {check.done} | {len(check.failures)} | {'pass' if check.ok else 'FAIL'} |")
    print(f"\nLookups run per worker (follow-up figure checks included): {', '.join(f'{k} {v}' for k, v in tasks.items())}")
    print(f"\nLoad phase {elapsed:.1f} s (dashboard and API claim list, alternating, while the checks ran):\n")
    print("| web process | requests | req/s | p50 ms | p95 ms | errors |\n|---|---|---|---|---|---|")
    for name, values in load.samples.items():
        print(f"| {name} | {len(values)} | {len(values) / elapsed:.1f} | "
              f"{statistics.median(values) * 1000 if values else 0:.0f} | {p95(values) * 1000:.0f} | "
              f"{len(load.errors[name])}{' (' + ', '.join(map(str, load.errors[name])) + ')' if load.errors[name] else ''} |")
    for check in checks:
        for failure in check.failures[:5]:
            print(f"  {check.name}: {failure}")
    return 0 if all(c.ok for c in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
