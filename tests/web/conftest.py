"""Shared set-up for page tests: one article with a claim in every state the pages care about."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from factcheck.articles.models import Article
from factcheck.claims.models import Claim, ClaimEvent, ClaimStatus, Comment, Notification, Verdict
from tests.support.factories import make_claim


@dataclass
class Desk:
    article: Article
    suggested: Claim
    suggested2: Claim
    open: Claim
    open2: Claim
    assigned: Claim
    resolved: Claim


@pytest.fixture
def desk(editor, reviewer, other_reviewer, article) -> Desk:
    """Claims on the sample article; `assigned` and `resolved` belong to rita (the reviewer persona)."""
    return Desk(
        article=article,
        suggested=make_claim(article, "14 survivors", status=ClaimStatus.SUGGESTED, suggested=True),
        suggested2=make_claim(article, "magnitude 6.1", status=ClaimStatus.SUGGESTED, suggested=True),
        open=make_claim(article, "more than 300 homes"),
        open2=make_claim(article, "at least 9 people dead"),
        assigned=make_claim(article, "the strongest tremor to hit the province", status=ClaimStatus.ASSIGNED,
                            assignee=reviewer),
        resolved=make_claim(article, "in over 40 years", status=ClaimStatus.RESOLVED, assignee=reviewer,
                            verdict=Verdict.UNVERIFIABLE, rationale="No records before 1990."),
    )


def snapshot() -> dict:
    """Everything a refused request must leave untouched."""
    return {
        "claims": sorted(
            Claim.objects.values_list(
                "pk", "status", "version", "text", "assignee_id", "second_reviewer_id", "verdict", "start", "end", "due",
            )
        ),
        "articles": sorted(Article.objects.values_list("pk", "version", "current_revision_id", "title")),
        "events": ClaimEvent.objects.count(),
        "comments": Comment.objects.count(),
        "unread": Notification.objects.filter(read_at__isnull=True).count(),
    }

