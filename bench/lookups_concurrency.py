"""50 fetch lookups against a loopback site that answers each page after 1 s: wall time with the default worker.

Run from the repository root: ``.venv/bin/python bench/lookups_concurrency.py`` (add
``--redis redis://127.0.0.1:6379/14`` to use Redis as broker; default: the filesystem broker).
Goal: all 50 done in at most 5 s.

Why the threads pool: a lookup spends nearly all its time waiting on the network, so what
matters is how many can wait at once, not CPU. Twenty threads in one process cost a few MB,
start instantly, need no monkey-patching (gevent would patch sockets and the database driver
under Django) and no event-loop rewrite of the fetcher (asyncio). The GIL is released while a
thread waits on a socket. CPU-heavy work (PDF parsing of uploads) is done in the web request,
not here, so the GIL is not the bottleneck either. `manage.py devserve` and the compose file
start the worker with ``--pool threads --concurrency 20``; 50 one-second fetches therefore
take three rounds, 3 s of waiting, plus the worker's CPU work between rounds.

That CPU work is what is left to watch: twenty responses arrive together, and their extraction
and database writes (about 40 ms each) take turns on the GIL. Kept small by running the figure
checks a fetch queues inline, right after its commit, instead of as a task of their own
(tasks.run_lookup); by lean queries in the lookup services; by loading the public-suffix list
at worker start; and, with the filesystem broker, a 0.1 s polling interval (settings).
Measured on 2 CPUs, three runs each (before: 5.4/4.7/5.6 s Redis+PostgreSQL, 4.3/5.1/4.7 s
Redis+SQLite, 6.6/6.7/6.9 s filesystem+PostgreSQL): 4.60/4.44/4.34 s, 4.32/3.99/4.15 s and
4.32/4.42/4.56 s, with 1.8-2.2 s of worker CPU per run (was 2.6-3.5 s). Use ``--timeline``.
"""

from __future__ import annotations

import argparse
import os
import time

from lookups_common import Environment, SlowSite, redis_reachable

N = 50


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--redis", default="", help="Redis URL on loopback to use as broker")
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--timeline", action="store_true", help="print when each lookup started and finished")
    parser.add_argument("--postgres", default="", help="PostgreSQL server URL on loopback (a temporary database is "
                        "created there); default: a temporary SQLite file")
    args = parser.parse_args()
    if args.redis and not redis_reachable(args.redis):
        raise SystemExit(f"Redis not reachable at {args.redis}")
    env = Environment(site=SlowSite(delay=1.0), redis_url=args.redis or None, postgres_url=args.postgres or None)
    try:
        env.setup()
        from factcheck.sources.models import Lookup, LookupKind, LookupStatus
        from factcheck.sources.services import source_attach

        editor, claim = env.people()
        env.start_worker(args.concurrency)
        # Attach all 50 first (50 web requests' worth of transactions), holding the messages back,
        # then enqueue them in one burst: the wall time is the worker's, not the attach loop's.
        from factcheck.sources import services

        held: list[int] = []
        enqueue = services.enqueue
        services.enqueue = lambda pk: held.append(pk) or True
        t_attach = time.monotonic()
        for i in range(N):
            source_attach(actor=editor, claim_id=claim.pk, url=env.site.url(f"/report/{i}"))
        attached = time.monotonic() - t_attach
        services.enqueue = enqueue
        fetches = Lookup.objects.filter(kind=LookupKind.FETCH)
        cpu_before, load_before = env.worker_cpu_seconds(), os.getloadavg()[0]
        started = time.monotonic()
        for pk in held:
            enqueue(pk)
        while fetches.exclude(status__in=[LookupStatus.DONE, LookupStatus.FAILED, LookupStatus.BLOCKED]).exists():
            if time.monotonic() - started > 120:
                raise SystemExit("gave up after 120 s")
            time.sleep(0.05)
        wall = time.monotonic() - started
        cpu = env.worker_cpu_seconds() - cpu_before
        done = fetches.filter(status=LookupStatus.DONE).count()
        broker = "Redis" if args.redis else "filesystem"
        print(f"broker: {broker}; worker: --pool threads --concurrency {args.concurrency}")
        print(f"attaching {N} URL sources took {attached:.2f} s ({attached / N * 1000:.0f} ms each)")
        print(f"{N} fetches, each answered after 1.0 s: all finished {wall:.2f} s after they were enqueued "
              f"({done} done)")
        if args.timeline:
            first = min(lk.started_at for lk in fetches)
            for lk in fetches.order_by("started_at"):
                began, ended = (lk.started_at - first).total_seconds(), (lk.finished_at - first).total_seconds()
                print(f"  lookup {lk.pk}: started +{began:.2f} s, finished +{ended:.2f} s")
        print(f"worker CPU time during the run: {cpu:.2f} s (fetch, extraction, figure checks, database client); "
              f"load average before: {load_before:.1f} on {os.cpu_count()} CPUs")
        print(f"goal <= 5.0 s: {'met' if wall <= 5.0 and done == N else 'NOT met'}")
    finally:
        env.close()


if __name__ == "__main__":
    main()
