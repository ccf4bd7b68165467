"""The workspace and the reviewer's queue cost the same number of queries for 5 claims as for 200."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from factcheck.claims.models import Claim, ClaimStatus
from tests.support.factories import ArticleFactory

SENTENCE = "Officials counted {n} boats in harbour number {n}. "


def _article_with_claims(editor, reviewer, n: int):
    text = "".join(SENTENCE.format(n=i) for i in range(n)) + "\n"
    article = ArticleFactory(created_by=editor, text=text)
    claims, pos = [], 0
    statuses = [ClaimStatus.SUGGESTED, ClaimStatus.OPEN, ClaimStatus.ASSIGNED, ClaimStatus.IN_REVIEW, ClaimStatus.RESOLVED]
    for i in range(n):
        sentence = SENTENCE.format(n=i).strip()
        start = text.index(sentence, pos)
        pos = start + len(sentence)
        status = statuses[i % len(statuses)]
        claims.append(Claim(
            article=article, revision=article.current_revision, start=start, end=pos, quote=sentence, text=sentence,
            types=["quantity"], quantities=[{"value": i, "qualifier": "exact", "unit": None, "text": str(i)}],
            status=status, assignee=reviewer if status in (ClaimStatus.ASSIGNED, ClaimStatus.IN_REVIEW) else None,
            due=dt.date(2030, 1, 1) + dt.timedelta(days=i % 30), created_by=editor, updated_by=editor,
            verdict="unverifiable" if status == ClaimStatus.RESOLVED else "",
        ))
    Claim.objects.bulk_create(claims)
    return article


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("persona", ["editor", "reviewer"])
def test_workspace_queries_do_not_grow_with_claims(client, editor, reviewer, persona):
    small = _article_with_claims(editor, reviewer, 5)
    large = _article_with_claims(editor, reviewer, 200)
    client.force_login(editor if persona == "editor" else reviewer)
    _count(client, reverse("article_detail", args=[small.pk]))  # warm caches (content types, sessions)
    few = _count(client, reverse("article_detail", args=[small.pk]))
    many = _count(client, reverse("article_detail", args=[large.pk]))
    assert few == many, f"workspace: {few} queries for 5 claims, {many} for 200"


def test_reviewer_queue_queries_do_not_grow_with_claims(client, editor, reviewer, other_reviewer):
    _article_with_claims(editor, reviewer, 5)
    _article_with_claims(editor, other_reviewer, 200)
    client.force_login(reviewer)
    _count(client, reverse("dashboard"))
    few = _count(client, reverse("dashboard"))
    client.force_login(other_reviewer)
    _count(client, reverse("dashboard"))
    many = _count(client, reverse("dashboard"))
    queue = Claim.objects.filter(assignee=other_reviewer).count()
    assert queue == 80
    assert few == many, f"queue: {few} queries for 2 claims, {many} for {queue}"


def test_editor_dashboard_and_lists_stay_flat(client, editor, reviewer):
    client.force_login(editor)
    _article_with_claims(editor, reviewer, 5)
    counts = {}
    for url in (reverse("dashboard"), reverse("article_list"), reverse("workload")):
        _count(client, url)
        counts[url] = _count(client, url)
    _article_with_claims(editor, reviewer, 200)
    for url, few in counts.items():
        assert _count(client, url) == few, url


def test_claim_page_queries_do_not_grow_with_history(client, editor, reviewer):
    from factcheck.claims.services import comment_add

    article = _article_with_claims(editor, reviewer, 5)
    claim = Claim.objects.filter(article=article, status=ClaimStatus.ASSIGNED).first()
    client.force_login(editor)
    comment_add(actor=editor, claim_id=claim.pk, body="first")
    _count(client, reverse("claim_detail", args=[claim.pk]))
    few = _count(client, reverse("claim_detail", args=[claim.pk]))
    for i in range(30):
        comment_add(actor=reviewer, claim_id=claim.pk, body=f"note {i}")
    assert _count(client, reverse("claim_detail", args=[claim.pk])) == few


def test_progress_poll_queries_do_not_grow_with_claims(client, editor, reviewer):
    small = _article_with_claims(editor, reviewer, 5)
    large = _article_with_claims(editor, reviewer, 200)
    client.force_login(editor)
    _count(client, reverse("article_progress", args=[small.pk]))
    few = _count(client, reverse("article_progress", args=[small.pk]))
    many = _count(client, reverse("article_progress", args=[large.pk]))
    assert few == many, f"progress poll: {few} queries for 5 claims, {many} for 200"
