"""Insights on a large archive: time newsroom_insights(), GET /insights/ and the export of one article over N claims.

Creates a scratch PostgreSQL database (named fc_bench_insights_…) next to the one in --postgres (dropped
afterwards), migrates it, bulk-loads ARTICLES articles with CLAIMS claims spread over a year (statuses,
verdicts, types, due dates, assignment events, reviews, publications), then times the Insights
queries, each figure's function and the whole page as an editor requests it (Django's test client:
middleware, view, template), --runs times each after one warm-up call, and prints median and p95.

    .venv/bin/python bench/insights_speed.py --postgres postgres://postgres@127.0.0.1:5432/x [--claims 200000] [--runs 20]

`--keep NAME` loads into database NAME instead and keeps it; a second run with the same NAME migrates
it, skips the load and measures again (the 200,000-claim load is the slow part). Derived data is
rebuilt (`refresh_derived`, as after any bulk import) before measuring.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", required=True)
    parser.add_argument("--claims", type=int, default=200_000)
    parser.add_argument("--per-article", type=int, default=20)
    parser.add_argument("--keep", metavar="NAME", help="load into this database (fc_bench_…) once and keep it")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each measurement (default 5)")
    args = parser.parse_args()

    import psycopg

    base = args.postgres.rsplit("/", 1)[0]
    name = args.keep or f"fc_bench_insights_{uuid.uuid4().hex[:8]}"
    if args.keep and not args.keep.startswith("fc_bench_"):
        sys.exit("insights_speed.py: --keep takes a name starting with fc_bench_ (it is written to)")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
    url = f"{base}/{name}"
    try:
        env = dict(os.environ, DATABASE_URL=url)
        subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
        os.environ["DATABASE_URL"] = url
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from django.core.management import call_command

        from factcheck.claims.models import Claim

        if not Claim.objects.exists():
            load(args.claims, args.per_article)
        call_command("refresh_derived")
        measure(max(args.runs, 1))
    finally:
        try:
            from django.db import connections

            connections.close_all()
        except Exception:  # settings never loaded: nothing to close, the database still goes
            pass
        if not args.keep:
            with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def load(n_claims: int, per_article: int) -> None:
    import datetime as dt

    from django.db import connection
    from django.utils import timezone

    from factcheck.accounts.models import Role, User
    from factcheck.articles.models import Article, ArticleRevision
    from factcheck.claims.models import Claim, ClaimEvent, ClaimType, EventKind, Review

    rng = random.Random(11)
    started = time.monotonic()
    editor = User.objects.create(username="ed", role=Role.EDITOR)
    reviewers = User.objects.bulk_create([User(username=f"rev{i}", role=Role.REVIEWER) for i in range(40)])
    n_articles = n_claims // per_article
    now = timezone.now()
    text = "A claim of twenty characters. " * per_article
    articles = Article.objects.bulk_create([Article(title=f"a{i}", created_by=editor) for i in range(n_articles)],
                                           batch_size=5000)
    revisions = ArticleRevision.objects.bulk_create(
        [ArticleRevision(article=a, number=1, text=text, created_by=editor) for a in articles], batch_size=5000)
    statuses = ["suggested", "open", "assigned", "in_review", "resolved", "resolved", "resolved", "rejected"]
    types = [t.value for t in ClaimType]
    claims = []
    for a, r in zip(articles, revisions, strict=True):
        for j in range(per_article):
            status = rng.choice(statuses)
            claims.append(Claim(
                article=a, revision=r, start=j * 30, end=j * 30 + 20, quote="x" * 20, text="x", created_by=editor,
                types=rng.sample(types, rng.choice((1, 1, 2))), status=status,
                verdict=rng.choice(("verified", "disputed", "unverifiable")) if status == "resolved" else "",
                assignee=rng.choice(reviewers) if status in ("assigned", "in_review", "resolved") else None,
                due=(now - dt.timedelta(days=rng.randint(-20, 300))).date() if status != "suggested" else None,
            ))
    Claim.objects.bulk_create(claims, batch_size=5000)
    with connection.cursor() as cursor:  # spread creation times over the last year
        cursor.execute("UPDATE claims_claim SET created_at = now() - (random() * interval '365 days')")
    resolved = [c for c in claims if c.status == "resolved"]
    events, reviews = [], []
    for c in resolved:
        done = now - dt.timedelta(days=rng.random() * 365)
        events.append(ClaimEvent(claim=c, article_id=c.article_id, actor=editor, kind=EventKind.ASSIGNED,
                                 at=done - dt.timedelta(hours=rng.random() * 96)))
        reviews.append(Review(claim=c, reviewer=c.assignee, verdict=c.verdict, rationale="r"))
    for i, a in enumerate(articles[: n_articles // 2]):  # half the articles published, some time this year
        events.append(ClaimEvent(claim=claims[i * per_article], article=a, actor=editor,
                                 kind=EventKind.PUBLISHED, at=now - dt.timedelta(days=rng.random() * 365)))
    ClaimEvent.objects.bulk_create(events, batch_size=5000)
    Review.objects.bulk_create(reviews, batch_size=5000)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE claims_review SET created_at = now() - (random() * interval '365 days')")
        cursor.execute("ANALYZE")
    print(f"loaded {n_articles} articles, {len(claims)} claims, {len(events)} events, {len(reviews)} reviews "
          f"in {time.monotonic() - started:.0f} s")


def _summary(times: list[float]) -> str:
    """'median 12.3 ms, p95 15.0 ms' (p95: the nearest rank, so 20 runs give the 19th fastest)."""
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, max(0, -(-95 * len(ordered) // 100) - 1))]
    return f"median {statistics.median(ordered) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms"


def _timed(func, runs: int) -> tuple[list[float], int]:
    """``runs`` timings of func() after one warm-up call, and the queries of the last run."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    func()
    times, queries = [], 0
    for _ in range(runs):
        with CaptureQueriesContext(connection) as ctx:
            t = time.perf_counter()
            func()
            times.append(time.perf_counter() - t)
        queries = len(ctx.captured_queries)
    return times, queries


def measure(runs: int) -> None:
    from django.test import Client
    from django.test.utils import setup_test_environment

    from factcheck.accounts.models import Role, User
    from factcheck.articles.models import Article
    from factcheck.publishing import insights
    from factcheck.publishing.exports import article_export_csv
    from factcheck.publishing.insights import newsroom_insights

    times, queries = _timed(newsroom_insights, runs)
    print(f"newsroom_insights(): {queries} queries, {_summary(times)} over {runs} runs")
    for name in ("claims_by_status", "claims_by_verdict", "overdue_claims", "oldest_overdue", "median_time_to_verdict",
                 "claims_per_type_by_week", "published_by_week"):
        times, queries = _timed(getattr(insights, name), runs)
        print(f"  {name}: {queries} queries, {_summary(times)}")
    setup_test_environment()  # the test client's host ("testserver") is allowed
    client = Client()
    client.force_login(User.objects.filter(role=Role.EDITOR).order_by("pk").first())

    def page() -> None:
        response = client.get("/insights/")
        if response.status_code != 200:
            raise SystemExit(f"GET /insights/ answered {response.status_code}")

    times, queries = _timed(page, runs)
    print(f"GET /insights/: {queries} queries, {_summary(times)}")
    article = Article.objects.order_by("pk").last()
    times, _ = _timed(lambda: article_export_csv(article, user=None), runs)
    print(f"export of one {article.claims.count()}-claim article: {_summary(times)}")


if __name__ == "__main__":
    main()
