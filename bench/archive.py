"""Pages and lists at archive scale: 10,000 articles, 200,000 claims in PostgreSQL.

    .venv/bin/python bench/archive.py --database postgres://postgres@127.0.0.1:5432/fc_bench_archive

Creates the database if it does not exist, migrates it, generates the archive once (bulk
inserts, see bench/archive_data.py; `--regenerate` starts over), runs `refresh_derived`, then
requests each page and list of issue 16 through Django's test client as an editor and a
reviewer and prints the median and p95 of `--runs` requests (after one warm-up), the
queries each one made, and the similar-claims lookup for a few claims.

Only a database on this machine is accepted, and never the shared `factcheck` or `test` ones.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

REFUSED_NAMES = {"factcheck", "test", "postgres", "template0", "template1"}


def prepare_database(url: str) -> None:
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if parts.scheme not in ("postgres", "postgresql") or parts.hostname not in ("127.0.0.1", "localhost", "::1"):
        sys.exit("archive.py: give a PostgreSQL URL on 127.0.0.1")
    if not name or name in REFUSED_NAMES:
        sys.exit(f"archive.py: refusing to write the archive into database {name!r}; name one of your own")
    import psycopg

    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def setup_django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
    # The API's per-user throttle would start refusing a benchmark's requests.
    os.environ.setdefault("API_THROTTLE_USER", "1000000/min")
    os.environ.setdefault("FACTCHECK_VAR_DIR", str(ROOT / "var" / "bench-archive"))
    import django

    django.setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q * (len(ordered) - 1))))
    return ordered[k]


def timed(fn, runs: int) -> tuple[float, float, int, float]:
    """(median ms, p95 ms, queries of the last run, median CPU ms of this process).

    The CPU time leaves out the time spent waiting for a core (and the database's own work):
    on a shared, loaded machine it moves far less than the wall time.
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    fn()  # warm-up: templates compiled, caches filled
    times, cpu = [], []
    queries = 0
    for _ in range(runs):
        with CaptureQueriesContext(connection) as ctx:
            c0, t0 = time.process_time(), time.perf_counter()
            fn()
            times.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
        queries = len(ctx.captured_queries)
    return statistics.median(times), percentile(times, 0.95), queries, statistics.median(cpu)


def pages() -> list[tuple[str, str, str]]:
    """(label, who, url) of issue 16's table."""
    from factcheck.articles.models import Article

    article = Article.objects.order_by("-id").first()
    return [
        ("editor dashboard /", "editor", "/"),
        ("reviewer dashboard (queue)", "reviewer", "/"),
        ("article list /articles/", "editor", "/articles/"),
        ("article search ?q=", "editor", "/articles/?q=Elmbridge+floods"),
        ("article list ?page=150", "editor", "/articles/?page=150"),
        ("workload", "editor", "/workload/"),
        ("API claims ?verdict=…&ordering=-updated_at", "editor", "/api/claims/?verdict=disputed&ordering=-updated_at"),
        ("API claims ?type=quantity", "editor", "/api/claims/?type=quantity"),
        ("API claims ?article=…", "editor", f"/api/claims/?article={article.pk}"),
        ("API claims ?overdue=true", "editor", "/api/claims/?overdue=true"),
        ("API articles", "editor", "/api/articles/"),
        ("API claims ?page=2000", "editor", "/api/claims/?page=2000"),
        # The same depth by position: DRF's cursor is base64 of "p=<last id seen>".
        ("API claims ?cursor= (at claim 100,000)", "editor", "/api/claims/?cursor=" + _cursor(100_000)),
        ("API claims ?search=", "editor", "/api/claims/?search=hospital+floods"),
    ]


def _cursor(position: int) -> str:
    import base64

    return base64.urlsafe_b64encode(f"p={position}".encode()).decode()


def similar_claims(runs: int) -> tuple[float, float, int]:
    from types import SimpleNamespace

    from factcheck.claims.models import Claim, ClaimStatus
    from factcheck.sources.providers.similar import SimilarClaimsProvider

    provider = SimilarClaimsProvider()
    claims = list(Claim.objects.filter(status=ClaimStatus.OPEN).order_by("-id")[:runs + 1])
    it = iter(claims * 2)
    return timed(lambda: provider.gather(SimpleNamespace(claim=next(it))), runs)


def write_stamps(kind: str) -> frozenset[str]:
    """The change stamps a write of this kind replaces (core/stamps.py).

    ``any``: everything a list is kept under. ``verdict`` / ``claim``: read from the statements
    a real verdict on an assigned claim / a new claim makes, in a transaction rolled back after.
    """
    from django.db import connection, transaction

    from factcheck.accounts.models import User
    from factcheck.claims import services
    from factcheck.claims.models import Claim, ClaimStatus
    from factcheck.core import stamps

    if kind == "any":
        return frozenset({stamps.LISTS, *([stamps.ALL] if hasattr(stamps, "ALL") else [])})
    claim = Claim.objects.filter(status=ClaimStatus.ASSIGNED).select_related("assignee").order_by("-id").first()
    statements: list[str] = []

    def record(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    class Undo(Exception):
        pass

    try:
        with connection.execute_wrapper(record), transaction.atomic():
            if kind == "verdict":
                services.verdict_record(actor=claim.assignee, claim_id=claim.pk, verdict="unverifiable",
                                        rationale="bench", version=claim.version)
            else:
                services.claim_create(actor=User.objects.get(username="editor0"), article_id=claim.article_id,
                                      quote=claim.quote)
            raise Undo
    except Undo:
        pass
    return frozenset().union(*(stamps.stamps_of(sql) for sql in statements))


def measure(runs: int, only: str | None = None, cold: str | None = None) -> list[dict]:
    from django.test import Client

    from factcheck.accounts.models import User
    from factcheck.core import stamps

    editor = User.objects.get(username="editor0")
    reviewer = _busiest_reviewer()  # the worst queue
    replaced = write_stamps(cold) if cold else frozenset()
    if cold:
        print(f"before each request, replaced as after a write ({cold}): {', '.join(sorted(replaced))}\n", flush=True)
    clients = {}
    for who, user in (("editor", editor), ("reviewer", reviewer)):
        clients[who] = Client()
        clients[who].force_login(user)
    rows = []
    for label, who, url in pages():
        if only and only not in label:
            continue
        client = clients[who]

        def get(client=client, url=url):
            if cold:
                # As right after such a write: nothing kept under the stamps it replaced (whole
                # pages, counts, deep pages' first rows) is used. One cache write, inside the timing.
                stamps.replace(replaced)
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code, response.content[:300])
            return response

        median, p95, queries, cpu = timed(get, runs)
        rows.append({"what": label, "median_ms": median, "p95_ms": p95, "queries": queries, "cpu_ms": cpu})
        print(f"{label:<46} {median:8.1f} {p95:8.1f} {queries:5d} {cpu:8.1f}", flush=True)
    if only and only not in "similar-claims":
        return rows
    median, p95, queries, cpu = similar_claims(runs)
    rows.append({"what": "similar-claims lookup for one claim", "median_ms": median, "p95_ms": p95, "queries": queries,
                 "cpu_ms": cpu})
    print(f"{'similar-claims lookup for one claim':<46} {median:8.1f} {p95:8.1f} {queries:5d} {cpu:8.1f}", flush=True)
    return rows


def explain(only: str | None = None) -> None:
    """EXPLAIN ANALYZE of every query each page makes (the README's plans come from here)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from factcheck.accounts.models import User

    users = {"editor": User.objects.get(username="editor0"), "reviewer": _busiest_reviewer()}

    def show(queries) -> None:
        for q in queries:
            sql = q["sql"]
            if sql.startswith(("SAVEPOINT", "RELEASE", "ROLLBACK")) or "django_session" in sql or (
                'FROM "accounts_user" WHERE "accounts_user"."id" =' in sql
            ):
                continue
            if sql.startswith("SET "):
                # The page's own planner setting (api/page_index.serial): the next plans are made under it.
                with connection.cursor() as cur:
                    cur.execute(sql)
                print(f"\n```sql\n{sql}\n```")
                continue
            with connection.cursor() as cur:
                cur.execute("EXPLAIN (ANALYZE, COSTS OFF, BUFFERS OFF) " + sql)
                plan = [r[0] for r in cur.fetchall()]
            print(f"\n```sql\n{sql[:400]}{' …' if len(sql) > 400 else ''}\n```\n```\n" + "\n".join(plan) + "\n```")

    for label, who, url in pages():
        if only and only not in label:
            continue
        client = Client()
        client.force_login(users[who])
        client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            client.get(url)
        print(f"\n### {label}  (GET `{url}`)")
        show(ctx.captured_queries)
    if not only or only in "similar-claims":
        from types import SimpleNamespace

        from factcheck.claims.models import Claim, ClaimStatus
        from factcheck.sources.providers.similar import SimilarClaimsProvider

        claim = Claim.objects.filter(status=ClaimStatus.OPEN).order_by("-id").first()
        SimilarClaimsProvider().gather(SimpleNamespace(claim=claim))
        with CaptureQueriesContext(connection) as ctx:
            SimilarClaimsProvider().gather(SimpleNamespace(claim=claim))
        print(f"\n### similar-claims lookup for claim {claim.pk}: “{claim.text}”")
        show(ctx.captured_queries)


def _busiest_reviewer():
    from django.db.models import Count, Q

    from factcheck.accounts.models import User

    return (
        User.objects.filter(role="reviewer")
        .annotate(n=Count("assigned_claims", filter=Q(assigned_claims__status__in=["assigned", "in_review"])))
        .order_by("-n", "pk")
        .first()
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", default=os.environ.get("BENCH_ARCHIVE_URL",
                                                             "postgres://postgres@127.0.0.1:5432/fc_bench_archive"))
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--regenerate", action="store_true", help="drop the archive's rows and generate again")
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--explain", nargs="?", const="", metavar="PAGE",
                        help="print EXPLAIN ANALYZE of each query (of the pages whose label contains PAGE)")
    parser.add_argument("--only", metavar="PAGE", help="measure only the pages whose label contains PAGE")
    parser.add_argument("--no-refresh", action="store_true", help="skip refresh_derived before measuring")
    parser.add_argument("--cold", nargs="?", const="any", choices=("any", "verdict", "claim"),
                        help="before each request, replace the change stamps a write replaces: any write "
                        "(the default), a verdict or a new claim")
    args = parser.parse_args()

    prepare_database(args.database)
    setup_django(args.database)
    from django.core.management import call_command
    from django.db import connection

    from bench import archive_data
    from factcheck.articles.models import Article
    from factcheck.claims.models import Claim

    call_command("migrate", verbosity=0)
    if args.regenerate or not Article.objects.exists():
        with connection.cursor() as cur:
            cur.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'django_migrations'")
            tables = [r[0] for r in cur.fetchall() if not r[0].startswith(("django_content_type", "auth_permission"))]
            cur.execute("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE")
        t0 = time.monotonic()
        print(f"generating {args.articles:,} articles …", flush=True)
        archive_data.generate(articles=args.articles)
        print(f"generated in {time.monotonic() - t0:.0f} s", flush=True)
    if args.explain is not None:
        explain(args.explain or None)
        return
    try:
        if args.no_refresh:
            raise RuntimeError("skipped (--no-refresh)")
        t0 = time.monotonic()
        call_command("refresh_derived", verbosity=0)
        print(f"refresh_derived in {time.monotonic() - t0:.1f} s", flush=True)
    except Exception as exc:  # older code without the command: measure without it
        print(f"(no refresh_derived: {exc})", flush=True)
    with connection.cursor() as cur:
        # The steady state of a running site, where autovacuum keeps statistics and the
        # visibility map current (index-only scans need it) after the bulk load.
        cur.execute("VACUUM ANALYZE")
    print(f"{Article.objects.count():,} articles, {Claim.objects.count():,} claims; {args.runs} runs each\n")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; milliseconds")
    print(f"{'page / list':<46} {'median':>8} {'p95':>8} {'qrys':>5} {'CPU':>8}")
    rows = measure(args.runs, args.only, args.cold)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
