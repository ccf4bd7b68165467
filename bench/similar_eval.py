"""Quality of the similar-claims lookup on hand-labelled claim pairs, before and after issue 16.

    .venv/bin/python bench/similar_eval.py                      # the scorer alone, no database
    .venv/bin/python bench/similar_eval.py --archive postgres://postgres@127.0.0.1:5432/fc_bench_archive

bench/corpus/similar_pairs.tsv holds pairs (earlier claim, new claim) labelled `same` (reworded),
`figure` (the same claim with another figure) or `different` (another claim on the same topic).
"Same claim" means: listed by the lookup with no differing figure.

Without a database, each pair is scored directly (what the lookup does once it has a candidate).
With --archive (the database bench/archive.py fills), the earlier claims are added to the
200,000-claim archive as old checks, each new claim is looked up, and the lookup must find its
pair among everything else: once with the earlier candidate search ("before": the 500 most
recent claims sharing one of five long words) and once with the current one ("after": rare
lexemes through the GIN index). Everything added is rolled back at the end.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
PAIRS = ROOT / "bench" / "corpus" / "similar_pairs.tsv"


def load_pairs() -> list[tuple[str, str, str]]:
    with PAIRS.open() as f:
        rows = [r for r in csv.reader(f, delimiter="\t") if r and not r[0].startswith("#")]
    return [(label, earlier, new) for label, earlier, new in rows]


def summarise(name: str, outcomes: list[tuple[str, bool, bool]]) -> dict:
    """outcomes: (label, listed, listed as the same claim)."""
    same = [o for o in outcomes if o[0] == "same"]
    predicted_same = [o for o in outcomes if o[2]]
    tp = sum(1 for o in same if o[2])
    figure = [o for o in outcomes if o[0] == "figure"]
    different = [o for o in outcomes if o[0] == "different"]
    row = {
        "method": name,
        "precision": tp / len(predicted_same) if predicted_same else 1.0,
        "recall": tp / len(same) if same else 0.0,
        "figure_flagged": sum(1 for o in figure if o[1] and not o[2]) / len(figure),
        "different_listed": sum(1 for o in different if o[1]) / len(different),
    }
    print(f"{name:<34} {row['precision']:9.3f} {row['recall']:7.3f} {row['figure_flagged']:14.3f} "
          f"{row['different_listed']:16.3f}")
    return row


HEADER = f"{'':<34} {'precision':>9} {'recall':>7} {'figure flagged':>14} {'different listed':>16}"


def scorer_only(threshold: float) -> list[dict]:
    from factcheck.sources.text_likeness import claim_similarity, figures_differ

    outcomes = []
    for label, earlier, new in load_pairs():
        listed = claim_similarity(new, earlier) >= threshold
        outcomes.append((label, listed, listed and not figures_differ(new, earlier)))
    print(f"\n{len(outcomes)} labelled pairs, threshold {threshold:g}: the scorer alone\n{HEADER}")
    return [summarise("rapidfuzz scorer on the pair", outcomes)]


def in_archive(url: str, threshold: float) -> list[dict]:
    from bench.archive import prepare_database, setup_django

    prepare_database(url)
    setup_django(url)
    from datetime import timedelta
    from types import SimpleNamespace

    from django.db import transaction
    from django.utils import timezone

    from factcheck.accounts.models import User
    from factcheck.articles.models import Article, ArticleRevision
    from factcheck.claims import derived
    from factcheck.claims.models import Claim, ClaimStatus
    from factcheck.sources.providers.similar import SimilarClaimsProvider

    pairs = load_pairs()
    editor = User.objects.filter(role="editor").order_by("pk").first()
    total = Claim.objects.count()

    def add(text: str, *, status: str, when) -> Claim:
        article = Article.objects.create(title=text[:60], created_by=editor)
        body = text + "\n"
        revision = ArticleRevision.objects.create(article=article, number=1, text=body, created_by=editor)
        Article.objects.filter(pk=article.pk).update(current_revision=revision)
        claim = Claim.objects.create(article=article, revision=revision, start=0, end=len(text), quote=text, text=text,
                                     status=status, verdict="verified" if status == "resolved" else "",
                                     created_by=editor)
        Claim.objects.filter(pk=claim.pk).update(created_at=when)
        derived.claims_search_refresh([claim.pk])
        claim.refresh_from_db()
        return claim

    rows = []
    with transaction.atomic():
        old = timezone.now() - timedelta(days=600)
        earlier = {text: add(text, status=ClaimStatus.RESOLVED, when=old) for text in {p[1] for p in pairs}}
        news = [(label, earlier[e], add(n, status=ClaimStatus.OPEN, when=timezone.now())) for label, e, n in pairs]
        print(f"\n{len(pairs)} labelled pairs added to an archive of {total:,} claims, threshold {threshold:g}\n{HEADER}")
        for name, method in (("before: 500 recent sharing a word", "recent_candidates"),
                             ("after: rare lexemes, GIN, rapidfuzz", "rare_word_candidates")):
            provider = SimilarClaimsProvider()
            provider.candidates = getattr(provider, method)
            outcomes, times = [], []
            for label, target, claim in news:
                t0 = time.perf_counter()
                matches = {m["claim"]: m for m in provider.gather(SimpleNamespace(claim=claim))["matches"]}
                times.append((time.perf_counter() - t0) * 1000)
                hit = matches.get(target.pk)
                outcomes.append((label, hit is not None, hit is not None and not hit["figure_differs"]))
            row = summarise(name, outcomes)
            times.sort()
            row["median_ms"] = times[len(times) // 2]
            row["p95_ms"] = times[int(0.95 * (len(times) - 1))]
            rows.append(row)
        print("\nlookup time: " + ", ".join(f"{r['method'].split(':')[0]} median {r['median_ms']:.0f} ms, "
                                         f"p95 {r['p95_ms']:.0f} ms" for r in rows))
        transaction.set_rollback(True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--archive", help="PostgreSQL URL of the bench/archive.py database")
    parser.add_argument("--threshold", type=float, default=None, help="default: SIMILAR_CLAIMS_MIN_SCORE (75)")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    if args.archive:
        os.environ["DATABASE_URL"] = args.archive
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
    if not args.archive:
        import django

        django.setup()
    from django.conf import settings

    threshold = args.threshold
    if args.archive:
        rows = in_archive(args.archive, threshold or 75)
    else:
        rows = scorer_only(threshold or getattr(settings, "SIMILAR_CLAIMS_MIN_SCORE", 75))
    if args.json:
        import json

        Path(args.json).write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
