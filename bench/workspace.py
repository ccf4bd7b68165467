"""The article workspace with 10, 100 and 1,000 claims: time, queries and bytes of the page.

    .venv/bin/python bench/workspace.py [--database URL] [--runs 10]

Adds three articles to the archive database of bench/archive.py (default
postgres://postgres@127.0.0.1:5432/fc_bench_archive) inside a transaction that is rolled back,
each with N claims in a mix of states, and requests each workspace as an editor through Django's
test client. Goals of issue 16: 1,000 claims in under 10x the time of 10, under 300 KB for 100.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SENTENCE = "The council said {n} homes in Elmbridge were flooded after the storm on day {n}. "
STATES = ("suggested", "open", "assigned", "in_review", "resolved", "rejected")


def make_article(editor, reviewer, claims: int):
    from factcheck.articles.models import Article, ArticleRevision
    from factcheck.claims import derived
    from factcheck.claims.models import Claim
    from factcheck.core.anchoring import make_anchor

    parts, spans, pos = [], [], 0
    for i in range(claims):
        sentence = SENTENCE.format(n=i + 1)
        spans.append((pos, pos + len(sentence) - 2))
        parts.append(sentence)
        pos += len(sentence)
    text = "".join(parts) + "\n"
    article = Article.objects.create(title=f"Workspace with {claims} claims", created_by=editor)
    revision = ArticleRevision.objects.create(article=article, number=1, text=text, created_by=editor)
    Article.objects.filter(pk=article.pk).update(current_revision=revision)
    rows = []
    for i, (start, end) in enumerate(spans):
        anchor = make_anchor(text, start, end)
        status = STATES[i % len(STATES)]
        rows.append(Claim(
            article=article, revision=revision, start=start, end=end, quote=anchor.quote, prefix=anchor.prefix,
            suffix=anchor.suffix, text=anchor.quote, types=["quantity"], created_by=editor, status=status,
            assignee=reviewer if status in ("assigned", "in_review", "resolved") else None,
            verdict="verified" if status == "resolved" else "",
        ))
    Claim.objects.bulk_create(rows)
    derived.article_progress_refresh(article.pk)
    return article


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", default=os.environ.get("BENCH_ARCHIVE_URL",
                                                             "postgres://postgres@127.0.0.1:5432/fc_bench_archive"))
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    from bench.archive import percentile, prepare_database, setup_django

    prepare_database(args.database)
    setup_django(args.database)
    import time

    from django.db import connection, transaction
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from factcheck.accounts.models import User

    editor = User.objects.get(username="editor0")
    reviewer = User.objects.get(username="reviewer0")
    client = Client()
    client.force_login(editor)
    rows = []
    print(f"{'claims':>7} {'median ms':>10} {'p95 ms':>8} {'queries':>8} {'KB':>8} {'bytes/claim':>12}")
    with transaction.atomic():
        for size in (int(s) for s in args.sizes.split(",")):
            article = make_article(editor, reviewer, size)
            url = f"/articles/{article.pk}/"
            client.get(url)
            times = []
            for _ in range(args.runs):
                t0 = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - t0) * 1000)
            assert response.status_code == 200
            with CaptureQueriesContext(connection) as ctx:
                client.get(url)
            size_bytes = len(response.content)
            row = {"claims": size, "median_ms": statistics.median(times), "p95_ms": percentile(times, 0.95),
                   "queries": len(ctx.captured_queries), "bytes": size_bytes}
            rows.append(row)
            print(f"{size:>7} {row['median_ms']:>10.1f} {row['p95_ms']:>8.1f} {row['queries']:>8} "
                  f"{size_bytes / 1024:>8.0f} {size_bytes / size:>12.0f}", flush=True)
        transaction.set_rollback(True)
    if len(rows) >= 2:
        print(f"\n{rows[-1]['claims']} claims take {rows[-1]['median_ms'] / rows[0]['median_ms']:.1f}x the time of "
              f"{rows[0]['claims']} (goal < 10x)")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
