"""Shared pieces of the claim service tests: claims in each state, sources, the last audit row."""

from __future__ import annotations

import pytest

from factcheck.claims.models import Claim, ClaimEvent, ClaimStatus, EventKind
from factcheck.sources.models import Evidence, Source
from tests.support.factories import make_claim

QUOTE = "14 survivors"
OTHER_QUOTE = "more than 300 homes"


def attach_source(claim: Claim, url: str = "https://stats.example.net/quake-2024", *, independent=True) -> Evidence:
    """Attach a source the way the sources service would, without its lookups."""
    source = Source.objects.create(url=url, title="A report", added_by=claim.article.created_by, independent=independent)
    return Evidence.objects.create(claim=claim, source=source, added_by=claim.article.created_by)


def workflow_events(claim: Claim):
    # Lookups the sources package starts when a claim opens log events of their own;
    # these tests look at the workflow's.
    return ClaimEvent.objects.filter(claim=claim).exclude(kind=EventKind.LOOKUP)


def last_event(claim: Claim) -> ClaimEvent:
    return workflow_events(claim).order_by("-at", "-id").first()


def kinds(claim: Claim) -> list[str]:
    return list(workflow_events(claim).order_by("at", "id").values_list("kind", flat=True))


@pytest.fixture
def open_claim(article) -> Claim:
    return make_claim(article, QUOTE, status=ClaimStatus.OPEN)


@pytest.fixture
def suggested_claim(article) -> Claim:
    return make_claim(article, OTHER_QUOTE, status=ClaimStatus.SUGGESTED, suggested=True)


@pytest.fixture
def assigned_claim(article, reviewer) -> Claim:
    return make_claim(article, QUOTE, status=ClaimStatus.ASSIGNED, assignee=reviewer)


@pytest.fixture
def in_review_claim(article, reviewer) -> Claim:
    return make_claim(article, QUOTE, status=ClaimStatus.IN_REVIEW, assignee=reviewer)


@pytest.fixture
def double_claim(article, reviewer, other_reviewer) -> Claim:
    """In review by rita, with oscar as the second reviewer and an independent source attached."""
    claim = make_claim(
        article, QUOTE, status=ClaimStatus.IN_REVIEW, assignee=reviewer, second_reviewer=other_reviewer
    )
    attach_source(claim)
    return claim


@pytest.fixture
def resolved_claim(article, reviewer) -> Claim:
    return make_claim(
        article, QUOTE, status=ClaimStatus.RESOLVED, assignee=reviewer, verdict="unverifiable",
        rationale="No public record exists.",
    )

