"""An earlier check of the same claim in another language is found and flagged "in another
language": the figure and the names agree although no word is shared."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from factcheck.claims.models import ClaimStatus
from factcheck.claims.services import claim_create
from factcheck.claims.suggest.lang_script import detect
from factcheck.sources.crosslang import cross_language_similarity
from factcheck.sources.providers.similar import SimilarClaimsProvider
from tests.support.factories import ArticleFactory, make_claim

pytestmark = pytest.mark.django_db

ARABIC = "قتل ١٢ شخصا في قصف على خان يونس"
HEBREW = "נהרגו 12 בני אדם בהפגזה בחאן יונס"
ENGLISH = "Shelling killed 12 people in Khan Younis"


def _earlier(editor, text: str, language: str | None = None, **fields):
    # The article's stored language, as detection on paste would set it (or as given).
    article = ArticleFactory(created_by=editor, text=text + ".\n", language=language or detect(text))
    return make_claim(article, text, status=ClaimStatus.RESOLVED, verdict="verified", **fields)


def _matches(editor, text: str, language: str | None = None) -> dict[int, dict]:
    article = ArticleFactory(created_by=editor, text=text + ".\n", language=language or detect(text))
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


@pytest.mark.usefixtures("require_postgres")  # the stored quantities are matched by JSON containment
def test_a_figure_written_in_words_is_found_through_the_stored_quantities(editor):
    arabic = _earlier(editor, "قتل اثنا عشر شخصا في قصف على خان يونس",
                      quantities=[{"value": 12, "qualifier": "exact", "unit": "people", "text": "اثنا عشر شخصا"}])
    assert _matches(editor, ENGLISH)[arabic.pk]["other_language"] is True


def test_an_article_of_undetermined_language_is_searched_by_the_script_of_its_claims(editor):
    # "und": the desk could not tell the language; the claim's letters still say it is Arabic.
    arabic = _earlier(editor, ARABIC, language="und")
    english_und = _earlier(editor, "Shelling killed 12 people in Khan Younis on Saturday", language="und")
    matches = _matches(editor, ENGLISH)
    assert matches[arabic.pk]["other_language"] is True
    assert matches[english_und.pk]["other_language"] is False
    # And a claim of an undetermined article finds the check in an article stored as English.
    english = _earlier(editor, "Shelling killed 12 people in Khan Younis, officials said")
    assert _matches(editor, HEBREW, language="und")[english.pk]["other_language"] is True


def test_the_stored_language_of_the_articles_decides_which_are_searched_across_languages(editor):
    # Found by the figure alone, in an article stored as Hebrew: no word of it is shared.
    hebrew = _earlier(editor, HEBREW, language="he")
    assert _matches(editor, ARABIC, language="ar")[hebrew.pk]["other_language"] is True


def test_the_cross_language_score_needs_the_figure_and_a_name():
    assert cross_language_similarity(ENGLISH, ARABIC) >= 75
    assert cross_language_similarity(ENGLISH, HEBREW) >= 75
    assert cross_language_similarity(ENGLISH, "قتل 30 شخصا في قصف على خان يونس") == 0
    assert cross_language_similarity(ENGLISH, "وصلت 12 شاحنة إلى ميناء أشدود") < 75
