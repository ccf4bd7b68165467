"""Insights on a large archive: time newsroom_insights() and the export of one article over N claims.

Creates a scratch PostgreSQL database next to the one in --postgres (dropped afterwards), migrates it,
bulk-loads ARTICLES articles with CLAIMS claims spread over a year (statuses, verdicts, types, due
dates, assignment events, reviews, publications), then times the Insights queries (median of 5 runs).

    .venv/bin/python bench/insights_speed.py --postgres postgres://postgres@127.0.0.1:5432/x [--claims 200000]

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
    parser.add_argument("--keep", metavar="NAME", help="load into this database once and keep it")
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
        measure()
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


def measure() -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from factcheck.articles.models import Article
    from factcheck.publishing import insights
    from factcheck.publishing.exports import article_export_csv
    from factcheck.publishing.insights import newsroom_insights

    times = []
    for _ in range(5):
        with CaptureQueriesContext(connection) as ctx:
            t = time.perf_counter()
            newsroom_insights()
            times.append(time.perf_counter() - t)
    print(f"newsroom_insights(): {len(ctx.captured_queries)} queries, median {statistics.median(times) * 1000:.0f} ms "
          f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f})")
    for name in ("claims_by_status", "claims_by_verdict", "overdue_claims", "oldest_overdue", "median_time_to_verdict",
                 "claims_per_type_by_week", "published_by_week"):
        t = time.perf_counter()
        getattr(insights, name)()
        print(f"  {name}: {(time.perf_counter() - t) * 1000:.0f} ms")
    article = Article.objects.order_by("pk").last()
    t = time.perf_counter()
    article_export_csv(article, user=None)
    print(f"export of one {article.claims.count()}-claim article: {(time.perf_counter() - t) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
