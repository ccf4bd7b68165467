"""List endpoints keep a flat query count: 40 rows cost what 5 do."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from factcheck.claims.models import Claim, ClaimStatus, Comment, Notification
from factcheck.core import stamps
from factcheck.sources.models import Evidence, Lookup, LookupKind, Source
from tests.support.factories import ArticleFactory, make_claim

SENTENCE = "In {n} the port handled {n}0 ships and {n}00 tonnes of grain, the harbour office said. "


def seed(editor, reviewer, n: int):
    """n articles, each with one claim in review by rita, with a source and a lookup."""
    for i in range(n):
        article = ArticleFactory(created_by=editor, text=SENTENCE.format(n=1900 + i) * 2)
        claim = make_claim(article, f"the port handled {1900 + i}0 ships", status=ClaimStatus.IN_REVIEW,
                           assignee=reviewer, second_reviewer=editor, due=dt.date(2031, 1, 1), types=["quantity"])
        source = Source.objects.create(url=f"https://harbour.example.org/{i}", added_by=editor)
        Evidence.objects.create(claim=claim, source=source, added_by=reviewer)
        Lookup.objects.create(kind=LookupKind.FETCH, source=source, requested_by=reviewer)
        Notification.objects.create(recipient=editor, claim=claim, kind="verdict", message=f"Claim {i} reviewed.")


def warm(client) -> None:
    """The first request reads the token's member from the database, the later ones from the cache."""
    assert client.get("/api/members/").status_code == 200


def count(client, path: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    assert response.status_code == 200, response.content[:300]
    return len(ctx.captured_queries)


@pytest.mark.parametrize("path", ["/api/claims/", "/api/articles/", "/api/members/",
                                  "/api/claims/?type=quantity&overdue=false&ordering=-due",
                                  "/api/notifications/", "/api/notifications/?unread=true"])
def test_list_query_count_does_not_grow_with_rows(as_editor, editor, reviewer, path):
    # Both measured uncached: after inserts alone a kept count only grows by the new rows (one query
    # fewer than counting afresh), which is the cache at work, not the rows.
    seed(editor, reviewer, 5)
    stamps.replace([stamps.ALL])
    warm(as_editor)
    small = count(as_editor, path)
    seed(editor, reviewer, 35)
    stamps.replace([stamps.ALL])
    warm(as_editor)
    large = count(as_editor, path)
    assert large == small, f"{path}: {small} queries for 5 rows, {large} for 40"


def test_claim_sublists_are_flat(as_editor, editor, reviewer):
    seed(editor, reviewer, 1)
    claim = editor.second_review_claims.get()
    parts = ("sources", "lookups", "events", "comments")
    warm(as_editor)
    small = {p: count(as_editor, f"/api/claims/{claim.pk}/{p}/") for p in parts}
    for i in range(20):
        source = Source.objects.create(url=f"https://archive.example.org/{i}", added_by=editor)
        Evidence.objects.create(claim=claim, source=source, added_by=reviewer if i % 2 else editor)
        Lookup.objects.create(kind=LookupKind.FETCH, source=source, requested_by=reviewer)
        Comment.objects.create(claim=claim, author=reviewer if i % 2 else editor, body=f"Note {i}.")
    large = {p: count(as_editor, f"/api/claims/{claim.pk}/{p}/") for p in parts}
    assert large == small


def test_claimreview_is_flat(as_editor, editor, reviewer):
    article = ArticleFactory(created_by=editor, text=SENTENCE.format(n=1950) * 30)
    text = article.current_revision.text

    def resolve(n: int) -> None:
        for occurrence in range(n):
            make_claim(article, "the port handled 19500 ships", occurrence=occurrence, status=ClaimStatus.RESOLVED,
                       assignee=reviewer, verdict="verified", rationale="Harbour log.")

    resolve(3)
    warm(as_editor)
    small = count(as_editor, f"/api/articles/{article.pk}/claimreview/")
    Claim.objects.filter(article=article).delete()
    resolve(25)
    assert text.count("the port handled 19500 ships") >= 25
    assert count(as_editor, f"/api/articles/{article.pk}/claimreview/") == small
