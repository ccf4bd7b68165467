"""CPU time and statements of one verdict request, in process (no server, no load generator).

    .venv/bin/python bench/verdict_cpu.py --database postgres://postgres@127.0.0.1:5432/fc_api [--count 200] [--orm]

On the archive of bench/archive.py: prepares `--count` assigned claims on one article (as
bench/api_load.py does), then POSTs one verdict on each through Django's test client with the
reviewer's token, as the load bench sends them, running the on-commit work (the email task is
enqueued into `--redis`, then purged). Prints the CPU time per request (time.process_time: this
process only, not PostgreSQL's or Redis's), median and lowest over the requests, and the statements
of one request. `--orm` sets VERDICT_SQL = False: the ORM path, for a before/after in one tree.
Only 127.0.0.1 is contacted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", default="postgres://postgres@127.0.0.1:5432/fc_bench_archive")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/5")
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--spread", type=int, default=1, help="deal the claims over this many articles")
    parser.add_argument("--orm", action="store_true", help="the ORM path (VERDICT_SQL = False)")
    args = parser.parse_args()
    from bench.archive import prepare_database, setup_django

    prepare_database(args.database)
    os.environ["REDIS_URL"] = args.redis
    os.environ["DEBUG"] = "0"
    setup_django(args.database)
    from django.conf import settings
    from django.db import connection
    from rest_framework.test import APIClient

    from bench.api_load import prepare
    from factcheck.celery import app

    settings.VERDICT_SQL = not args.orm
    _, reviewer_token, ids, articles = prepare(args.count + 1, articles=args.spread)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {reviewer_token}")
    body = {"verdict": "unverifiable", "rationale": "No published figures to check against.", "version": 1}
    cpu = []
    statements: list[str] = []

    def record(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    profile = None
    if os.environ.get("VERDICT_PROFILE"):
        import cProfile

        profile = cProfile.Profile(time.process_time)
    try:
        with connection.execute_wrapper(record):
            assert client.post(f"/api/claims/{ids[0]}/verdict/", body, format="json").status_code == 200
        if profile:
            profile.enable()
        for pk in ids[1:]:
            c0 = time.process_time()
            response = client.post(f"/api/claims/{pk}/verdict/", body, format="json")
            cpu.append((time.process_time() - c0) * 1000)
            assert response.status_code == 200, response.content[:200]
    finally:
        if profile:
            profile.disable()
            profile.dump_stats(os.environ["VERDICT_PROFILE"])
        for article in articles:
            article.delete()
        app.control.purge()
    print(f"{'ORM path' if args.orm else 'one-statement path'}: {len(cpu)} verdicts, CPU ms per request "
          f"median {statistics.median(cpu):.2f}, lowest {min(cpu):.2f}; load average {os.getloadavg()[0]:.1f}")
    print(f"{len(statements)} statements in the first request:")
    for sql in statements:
        print("  ", sql[:110])


if __name__ == "__main__":
    main()
