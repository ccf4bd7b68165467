"""The claim list's cached rows (api/claim_pages.py): the same bytes, and never a stale or hidden claim."""

from __future__ import annotations

import json

import pytest
from django.core.cache import cache
from rest_framework.renderers import JSONRenderer

from factcheck.api.serializers import ClaimSerializer
from factcheck.claims.models import Claim, ClaimStatus
from factcheck.claims.selectors import claims_base
from tests.support.factories import ArticleFactory, make_claim

pytestmark = pytest.mark.django_db

TEXT = "Police said 2,200 homes were flooded in Elmbridge. The council spent 12.5 million pounds, the mayor said.\n"


@pytest.fixture
def article(editor, reviewer, other_reviewer):
    article = ArticleFactory(created_by=editor, text=TEXT)
    make_claim(article, "2,200 homes were flooded", status=ClaimStatus.ASSIGNED, assignee=reviewer)
    make_claim(article, "12.5 million pounds", status=ClaimStatus.IN_REVIEW, assignee=reviewer,
               second_reviewer=other_reviewer)
    cache.clear()
    return article


def _list(client, article) -> bytes:
    response = client.get(f"/api/claims/?article={article.pk}")
    assert response.status_code == 200
    return response.content


def test_a_cached_page_is_byte_for_byte_the_serializers_page(as_editor, article):
    cold, warm = _list(as_editor, article), _list(as_editor, article)
    assert cold == warm
    expected = ClaimSerializer(claims_base().filter(article=article).order_by("article", "start", "id"), many=True).data
    assert json.loads(warm)["results"] == json.loads(JSONRenderer().render(expected))
    assert JSONRenderer().render(json.loads(warm)) == warm  # same separators and escapes as DRF's renderer


def test_a_change_is_in_the_next_list(as_reviewer, reviewer, article):
    claim = Claim.objects.filter(article=article, status=ClaimStatus.ASSIGNED).get()
    _list(as_reviewer, article)  # now cached
    done = as_reviewer.post(f"/api/claims/{claim.pk}/verdict/", {"verdict": "unverifiable", "rationale": "No record.",
                                                                  "version": claim.version}, format="json")
    assert done.status_code == 200
    row = next(r for r in json.loads(_list(as_reviewer, article))["results"] if r["id"] == claim.pk)
    assert (row["status"], row["verdict"]) == ("resolved", "unverifiable") and row["version"] > claim.version


def test_a_reviewer_never_reads_the_other_reviewers_blind_verdict_through_the_cache(as_reviewer, as_other, article):
    claim = Claim.objects.filter(article=article, status=ClaimStatus.IN_REVIEW).get()
    done = as_reviewer.post(f"/api/claims/{claim.pk}/verdict/", {"verdict": "unverifiable", "rationale": "It was 11.",
                                                                  "version": claim.version}, format="json")
    assert done.status_code == 200
    for client in (as_reviewer, as_other, as_other):  # the second read comes from the cache
        body = _list(client, article)
        row = next(r for r in json.loads(body)["results"] if r["id"] == claim.pk)
        assert row["verdict"] is None and row["rationale"] == "" and b"It was 11." not in body


def test_a_deleted_claim_leaves_the_list_at_once(as_editor, editor, article):
    claim = Claim.objects.filter(article=article).first()
    _list(as_editor, article)
    Claim.objects.filter(pk=claim.pk).delete()
    assert claim.pk not in [r["id"] for r in json.loads(_list(as_editor, article))["results"]]
