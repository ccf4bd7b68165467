"""An earlier check of the same claim in another language is found and flagged "in another
language": the figure and the names agree although no word is shared."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from factcheck.claims.models import ClaimStatus
from factcheck.claims.services import claim_create
from factcheck.sources.crosslang import cross_language_similarity
from factcheck.sources.providers.similar import SimilarClaimsProvider
from tests.support.factories import ArticleFactory, make_claim

pytestmark = pytest.mark.django_db

ARABIC = "قتل ١٢ شخصا في قصف على خان يونس"
HEBREW = "נהרגו 12 בני אדם בהפגזה בחאן יונס"
ENGLISH = "Shelling killed 12 people in Khan Younis"


def _earlier(editor, text: str, **fields):
    article = ArticleFactory(created_by=editor, text=text + ".\n")
    return make_claim(article, text, status=ClaimStatus.RESOLVED, verdict="verified", **fields)


def _matches(editor, text: str) -> dict[int, dict]:
    article = ArticleFactory(created_by=editor, text=text + ".\n")
    claim = claim_create(actor=editor, article_id=article.pk, quote=text)
    return {m["claim"]: m for m in SimilarClaimsProvider().gather(SimpleNamespace(claim=claim))["matches"]}


def test_an_arabic_check_of_the_same_figure_and_place_is_listed_for_an_english_claim(editor):
    arabic = _earlier(editor, ARABIC)
    other_place = _earlier(editor, "قتل 12 شخصا في غارة على بيت لاهيا")
    other_figure = _earlier(editor, "قتل 30 شخصا في قصف على خان يونس")
    matches = _matches(editor, ENGLISH)
    assert arabic.pk in matches
    assert matches[arabic.pk]["other_language"] is True
    assert matches[arabic.pk]["figure_differs"] is False
    assert matches[arabic.pk]["verdict"] == "verified"
    assert other_place.pk not in matches and other_figure.pk not in matches


def test_an_english_check_is_listed_for_a_hebrew_claim_and_same_language_matches_are_not_flagged(editor):
    english = _earlier(editor, ENGLISH)
    hebrew = _earlier(editor, "נהרגו 12 בני אדם בהפגזה בחאן יונס ביום שבת")
    matches = _matches(editor, HEBREW)
    assert matches[english.pk]["other_language"] is True
    assert matches[hebrew.pk]["other_language"] is False


def test_a_figure_written_in_words_is_found_through_the_stored_quantities(editor):
    arabic = _earlier(editor, "قتل اثنا عشر شخصا في قصف على خان يونس",
                      quantities=[{"value": 12, "qualifier": "exact", "unit": "people", "text": "اثنا عشر شخصا"}])
    assert _matches(editor, ENGLISH)[arabic.pk]["other_language"] is True


def test_the_cross_language_score_needs_the_figure_and_a_name():
    assert cross_language_similarity(ENGLISH, ARABIC) >= 75
    assert cross_language_similarity(ENGLISH, HEBREW) >= 75
    assert cross_language_similarity(ENGLISH, "قتل 30 شخصا في قصف على خان يونس") == 0
    assert cross_language_similarity(ENGLISH, "وصلت 12 شاحنة إلى ميناء أشدود") < 75
