"""Median time from "attach source" to "snapshot visible", with Redis as broker.

Run from the repository root: ``.venv/bin/python bench/lookups_latency.py`` (Redis at
``--redis``, default redis://127.0.0.1:6379/14, a database of its own so no other worker takes
the tasks). The loopback site answers at once, so the figure is the queue and worker overhead:
commit, publish, delivery, claiming the row, fetch, extraction, snapshot write. Each attach
is measured on its own (sequentially), as a reviewer would see it.
"""

from __future__ import annotations

import argparse
import statistics
import time

from lookups_common import Environment, SlowSite, redis_reachable


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/14")
    parser.add_argument("-n", type=int, default=30)
    parser.add_argument("--postgres", default="", help="PostgreSQL server URL on loopback (a temporary database is "
                        "created there); default: a temporary SQLite file")
    args = parser.parse_args()
    if not redis_reachable(args.redis):
        raise SystemExit(f"Redis not reachable at {args.redis}; start it or pass --redis")
    env = Environment(site=SlowSite(delay=0.0), redis_url=args.redis, postgres_url=args.postgres or None)
    try:
        env.setup()
        from factcheck.sources.models import Snapshot
        from factcheck.sources.services import source_attach

        editor, claim = env.people()
        env.start_worker()
        source_attach(actor=editor, claim_id=claim.pk, url=env.site.url("/warm-up"))  # connections, imports
        time.sleep(1.0)
        times = []
        for i in range(args.n):
            started = time.monotonic()
            evidence = source_attach(actor=editor, claim_id=claim.pk, url=env.site.url(f"/latency/{i}"))
            while not Snapshot.objects.filter(source_id=evidence.source_id).exists():
                if time.monotonic() - started > 30:
                    raise SystemExit("a snapshot did not appear within 30 s")
                time.sleep(0.002)
            times.append(time.monotonic() - started)
        ms = sorted(t * 1000 for t in times)
        print(f"broker: Redis ({args.redis}); worker: --pool threads --concurrency 20; {args.n} attaches, one at a time")
        print(f"attach -> snapshot visible: median {statistics.median(ms):.0f} ms, "
              f"p90 {ms[int(0.9 * (len(ms) - 1))]:.0f} ms, min {ms[0]:.0f} ms, max {ms[-1]:.0f} ms")
    finally:
        env.close()


if __name__ == "__main__":
    main()
