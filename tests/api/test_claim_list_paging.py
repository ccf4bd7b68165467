"""The claim list at archive scale: same representation, page numbers and cursors, word search."""

from __future__ import annotations

import datetime as dt

import pytest
from rest_framework import serializers

from factcheck.api.serializers import ClaimSerializer
from factcheck.api.serializers.claims import CLAIM_VALUES
from factcheck.claims.models import Claim, ClaimStatus
from factcheck.claims.selectors import claim_list_values, claims_base
from tests.support.factories import ArticleFactory, make_claim

pytestmark = pytest.mark.django_db

TEXT = (
    "Police said 2,200 homes were flooded in Elmbridge after the storm. "
    "The council spent 12.5 million pounds on new school buildings, the mayor said. "
    "Unemployment rose to 7 percent, the highest level since 1998.\n"
)


def test_fast_representation_is_exactly_what_the_declared_fields_give(editor, reviewer, other_reviewer):
    article = ArticleFactory(created_by=editor, text=TEXT)
    earlier = make_claim(article, "Unemployment rose to 7 percent", status=ClaimStatus.RESOLVED, verdict="disputed",
                         rating="misleading", rationale="It was 6.8.", resolved_at=dt.datetime(2030, 5, 1, 9, 30, tzinfo=dt.UTC))
    make_claim(article, "Police said 2,200 homes were flooded", status=ClaimStatus.IN_REVIEW, assignee=reviewer,
               second_reviewer=other_reviewer, due=dt.date(2020, 1, 2), priority=4, types=["quantity", "attribution"],
               quantities=[{"value": 2200, "qualifier": "exact", "unit": "homes", "text": "2,200 homes"},
                           {"value": None, "qualifier": "about", "unit": None, "text": "many"}],
               attributed_to="Police", score=0.75, suggested=True, needs_rereview=True, same_as=earlier,
               related_note="Other figure")
    make_claim(article, "12.5 million pounds", status=ClaimStatus.SUGGESTED)
    rows = {row["id"]: row for row in claim_list_values(CLAIM_VALUES)}
    for claim in claims_base():
        generic = serializers.Serializer.to_representation(ClaimSerializer(), claim)
        fast = ClaimSerializer(claim).data
        assert list(fast.items()) == list(generic.items())
        # The list reads .values() rows instead of instances: the same output again.
        assert list(ClaimSerializer(rows[claim.pk]).data.items()) == list(generic.items())


def _seed(editor, n: int) -> list[int]:
    ids = []
    for _ in range(n):
        article = ArticleFactory(created_by=editor, text=TEXT)
        ids.append(make_claim(article, "2,200 homes were flooded in Elmbridge", types=["quantity"]).pk)
        ids.append(make_claim(article, "Unemployment rose to 7 percent", types=["comparison"]).pk)
    return ids


def test_page_numbers_keep_their_contract(as_editor, editor):
    _seed(editor, 4)
    first = as_editor.get("/api/claims/?page_size=3").json()
    assert first["count"] == 8 and len(first["results"]) == 3 and first["previous"] is None
    assert first["next"].endswith("/api/claims/?page=2&page_size=3")
    last = as_editor.get("/api/claims/?page_size=3&page=3").json()
    assert len(last["results"]) == 2 and last["next"] is None
    seen = [c["id"] for p in (1, 2, 3) for c in as_editor.get(f"/api/claims/?page_size=3&page={p}").json()["results"]]
    # The default order (newest article first, then position in the text) survives the lean id query.
    assert seen == [c.pk for c in Claim.objects.order_by("article", "start", "id")]
    assert as_editor.get("/api/claims/?page=9").status_code == 404


def test_cursor_walks_every_claim_once_without_a_count(as_editor, editor):
    ids = _seed(editor, 5)
    seen, url = [], "/api/claims/?cursor=&page_size=4&type=quantity"
    while url:
        body = as_editor.get(url).json()
        assert "count" not in body
        seen += [c["id"] for c in body["results"]]
        url = body["next"]
    assert seen == sorted(ids[0::2])
    newest = as_editor.get("/api/claims/?cursor=&ordering=-updated_at&page_size=2").json()["results"]
    assert [c["id"] for c in newest] == list(Claim.objects.order_by("-updated_at", "-id").values_list("pk", flat=True)[:2])


def test_claims_are_searched_by_words_in_their_wording(as_editor, editor):
    article = ArticleFactory(created_by=editor, text=TEXT)
    flood = make_claim(article, "Police said 2,200 homes were flooded in Elmbridge")
    make_claim(article, "Unemployment rose to 7 percent")
    found = as_editor.get("/api/claims/?search=homes+Elmbridge").json()
    assert [c["id"] for c in found["results"]] == [flood.pk] and found["count"] == 1
    assert as_editor.get("/api/claims/?search=pipes").json()["count"] == 0
