"""Selecting a quotation makes a claim that names its speaker (tryout 15): the speaker's frame may
close another sentence of the quotation. Invented text."""

from __future__ import annotations

import pytest

from factcheck.claims.services import claim_create
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
