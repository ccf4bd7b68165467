"""A finished check ready to publish: resolved claims with independent, pinned, snapshotted sources."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from factcheck.claims.models import ClaimStatus, Review, Verdict
from factcheck.sources.models import Evidence, Snapshot, Source
from tests.support.factories import make_claim

RETRIEVED = dt.datetime(2026, 11, 30, 9, 15, tzinfo=dt.UTC)


def back_with_source(claim, reviewer, *, url: str, passage: str, title: str = "", independent: bool | None = True):
    """An independent source for the claim, snapshotted at RETRIEVED, with passage pinned."""
    source = Source.objects.create(url=url, added_by=reviewer, title=title or url, independent=independent)
    text = f"Preamble. {passage} Afterword."
    snapshot = Snapshot.objects.create(source=source, fetched_at=RETRIEVED, sha256=f"{source.pk:064d}", text=text,
                                       final_url=url, status_code=200, content_type="text/html")
    start = text.index(passage)
    return Evidence.objects.create(claim=claim, source=source, added_by=reviewer, stance="refutes", snapshot=snapshot,
                                   passage_start=start, passage_end=start + len(passage), passage_quote=passage)


def resolve(claim, reviewer, verdict: str, rationale: str, rating: str = "") -> None:
    claim.status, claim.verdict, claim.rationale, claim.rating = ClaimStatus.RESOLVED, verdict, rationale, rating
    claim.assignee, claim.resolved_at = reviewer, timezone.now()
    claim.save()
    Review.objects.create(claim=claim, reviewer=reviewer, verdict=verdict, rating=rating, rationale=rationale)


@pytest.fixture
def finished(article, reviewer):
    """The sample article: 14 survivors disputed (sourced), 9 dead verified (sourced), 40 years unverifiable."""
    article.url = "https://valley-tribune.example/quake"
    article.author = "Petra Lind"
    article.save()
    survivors = make_claim(article, "14 survivors", attributed_to="the city fire service")
    resolve(survivors, reviewer, Verdict.DISPUTED, "The fire service log lists 11 <b>survivors</b>.", "inaccurate")
    back_with_source(survivors, reviewer, url="https://fire.example.org/log", passage="11 survivors were rescued",
                     title="Fire service incident log")
    dead = make_claim(article, "at least 9 people dead", attributed_to="the interior ministry")
    resolve(dead, reviewer, Verdict.VERIFIED, "The ministry's bulletin gives 9 deaths.", "accurate")
    back_with_source(dead, reviewer, url="https://ministry.example.org/bulletin", passage="nine people died")
    forty = make_claim(article, "in over 40 years")
    resolve(forty, reviewer, Verdict.UNVERIFIABLE, "No record of earlier tremors is public.", "unproven")
    make_claim(article, "magnitude 6.1", status=ClaimStatus.REJECTED)
    return {"article": article, "survivors": survivors, "dead": dead, "forty": forty}
