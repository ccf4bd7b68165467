"""Decisions that used to live in the browser views, now in the services so the API follows them too."""

from __future__ import annotations

import pytest

from factcheck.claims.models import Claim, ClaimStatus
from factcheck.claims.services import claim_split, claims_merge, claims_suggest
from factcheck.core.errors import InvalidInput
from tests.api.conftest import token_client
from tests.support.factories import ArticleFactory, make_claim

pytestmark = pytest.mark.django_db


def test_api_offsets_that_no_longer_match_the_quote_fall_back_to_the_quote(editor, article):
    # A client that read the text, then the text was edited: its offsets point elsewhere.
    text = article.text
    wrong = text.index("magnitude 6.1") + 3
    response = token_client(editor).post(
        "/api/claims/", {"article": article.pk, "start": wrong, "end": wrong + 13, "quote": "magnitude 6.1"},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["quote"] == "magnitude 6.1"
    assert Claim.objects.get().start == text.index("magnitude 6.1")


def test_api_offsets_matching_the_quote_are_used_as_given(editor):
    article = ArticleFactory(created_by=editor, text="Rates rose 2 percent. Rates rose 2 percent again.")
    second = article.text.rindex("Rates rose 2 percent")
    response = token_client(editor).post(
        "/api/claims/", {"article": article.pk, "start": second, "end": second + 20, "quote": "Rates rose 2 percent"},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert Claim.objects.get().start == second


def test_merge_from_one_workspace_refuses_claims_of_another_article(editor, article):
    other = ArticleFactory(created_by=editor)
    mine = make_claim(article, "14 survivors")
    theirs = make_claim(other, "14 survivors")
    with pytest.raises(InvalidInput, match="Only claims of this article"):
        claims_merge(actor=editor, claim_ids=[mine.pk, theirs.pk], article_id=article.pk)
    mine.refresh_from_db()
    assert mine.status == ClaimStatus.OPEN and mine.version == 1


def test_split_where_typed_words_start_reads_the_locked_claim(editor, article):
    claim = make_claim(article, "damaged more than 300 homes")
    first, second = claim_split(actor=editor, claim_id=claim.pk, second_starts_with="more than")
    assert (first.quote, second.quote) == ("damaged ", "more than 300 homes")
    with pytest.raises(InvalidInput, match="Type words from inside the passage"):
        claim_split(actor=editor, claim_id=first.pk, second_starts_with="damaged")


def test_suggest_says_how_many_suggestions_are_new(editor, article):
    first = claims_suggest(actor=editor, article_id=article.pk)
    assert first.created == len(first) > 0
    again = claims_suggest(actor=editor, article_id=article.pk)
    assert again.created == 0 and list(again) == list(first)


def test_link_checks_the_version_and_the_state(editor, article):
    from factcheck.claims.services import claim_link
    from factcheck.core.errors import StaleVersion, WrongState

    earlier = make_claim(article, "14 survivors", status=ClaimStatus.RESOLVED, verdict="verified")
    claim = make_claim(article, "magnitude 6.1")
    with pytest.raises(StaleVersion):
        claim_link(actor=editor, claim_id=claim.pk, earlier_id=earlier.pk, version=claim.version + 1)
    rejected = make_claim(article, "more than 300 homes", status=ClaimStatus.REJECTED)
    with pytest.raises(WrongState, match="Cannot link the claim: the claim is rejected"):
        claim_link(actor=editor, claim_id=rejected.pk, earlier_id=earlier.pk)
    linked = claim_link(actor=editor, claim_id=claim.pk, earlier_id=earlier.pk, version=claim.version)
    assert linked.same_as_id == earlier.pk and linked.version == 2


def test_accept_all_takes_every_suggestion_or_none(editor, article):
    from factcheck.claims.services import claims_accept_all

    a = make_claim(article, "14 survivors", status=ClaimStatus.SUGGESTED, suggested=True)
    b = make_claim(article, "magnitude 6.1", status=ClaimStatus.SUGGESTED, suggested=True)
    assert claims_accept_all(actor=editor, article_id=article.pk) == 2
    assert set(Claim.objects.filter(pk__in=[a.pk, b.pk]).values_list("status", flat=True)) == {ClaimStatus.OPEN}
    assert claims_accept_all(actor=editor, article_id=article.pk) == 0
