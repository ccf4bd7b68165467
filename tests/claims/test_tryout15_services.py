"""Tryout 15 through the services: selecting a quotation makes a claim that names its speaker (the
speaker's frame may close another sentence of the quotation), and suggested claims read as sentences.
Invented text."""

from __future__ import annotations

import pytest

from factcheck.claims.models import Claim
from factcheck.claims.services import claim_create, claims_merge, claims_suggest
from tests.support.factories import ArticleFactory

pytestmark = pytest.mark.django_db

FLOOD = (
    "The river Lenne topped its banks on Saturday.\n"
    "“The dyke stood for sixty years and it broke in ninety minutes. Nobody saw it coming,” "
    "Councillor Ivo Brandt said.\n"
)


def test_a_selected_quotation_is_the_speakers_claim(editor):
    article = ArticleFactory(created_by=editor, text=FLOOD)
    claim = claim_create(actor=editor, article_id=article.pk,
                         quote="The dyke stood for sixty years and it broke in ninety minutes")
    claim.refresh_from_db()
    assert claim.attributed_to == "Councillor Ivo Brandt"
    assert {"attribution", "temporal"} <= set(claim.types)
    assert claim.text == "Councillor Ivo Brandt said: “The dyke stood for sixty years and it broke in ninety minutes.”"


TOWN = "Rain fell for nine hours in Brenn on Friday. Four houses collapsed and 23 people were hurt, police said.\n"


def test_suggested_claims_read_as_sentences(editor):
    article = ArticleFactory(created_by=editor, text=TOWN)
    claims_suggest(actor=editor, article_id=article.pk)
    texts = list(Claim.objects.filter(article=article).order_by("start").values_list("text", flat=True))
    assert texts and "Rain fell for nine hours in Brenn on Friday." in texts
    for text in texts:
        assert not text[0].islower() and text.endswith(".") and not text.endswith(".."), text


def test_merging_suggested_parts_joined_by_and_keeps_the_merged_quote_as_one_sentence(editor):
    article = ArticleFactory(created_by=editor, text=TOWN)
    claims_suggest(actor=editor, article_id=article.pk)
    parts = list(Claim.objects.filter(article=article, start__gt=TOWN.index("Four") - 1).order_by("start"))
    if len(parts) < 2:
        pytest.skip("the engine keeps this sentence as one claim")
    merged = claims_merge(actor=editor, claim_ids=[p.pk for p in parts[:2]])
    merged.refresh_from_db()
    assert merged.text.endswith(".") and ". " not in merged.text.rstrip(".")
