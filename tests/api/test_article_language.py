"""The article's `language` in the API: detected on create, given or corrected by editors, validated."""

from __future__ import annotations

import pytest

from factcheck.articles.models import Article, ArticleEvent, ArticleEventKind
from tests.api.test_actions import error_of
from tests.support.texts import ARABIC_TEXT, HEBREW_TEXT

pytestmark = pytest.mark.django_db


def test_created_article_reports_its_detected_language(as_editor):
    response = as_editor.post("/api/articles/", {"title": "Bridge", "text": ARABIC_TEXT}, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["language"] == "ar"
    listed = as_editor.get("/api/articles/").json()["results"][0]
    assert (listed["id"], listed["language"]) == (body["id"], "ar")


def test_given_language_wins_over_detection(as_editor):
    response = as_editor.post("/api/articles/", {"title": "Bridge", "text": HEBREW_TEXT, "language": "und"},
                              format="json")
    assert response.status_code == 201 and response.json()["language"] == "und"


def test_unsupported_language_is_400_naming_the_field_and_nothing_is_saved(as_editor):
    response = as_editor.post("/api/articles/", {"title": "Bridge", "text": HEBREW_TEXT, "language": "fr"},
                              format="json")
    error = error_of(response, 400)
    assert "language" in error["fields"]
    assert not Article.objects.exists()


def test_patch_corrects_the_language_with_an_audit_row(as_editor):
    created = as_editor.post("/api/articles/", {"title": "Bridge", "text": HEBREW_TEXT, "language": "en"},
                             format="json").json()
    response = as_editor.patch(f"/api/articles/{created['id']}/", {"language": "he", "version": 1}, format="json")
    assert response.status_code == 200, response.content
    assert (response.json()["language"], response.json()["version"]) == ("he", 2)
    edited = ArticleEvent.objects.get(article_id=created["id"], kind=ArticleEventKind.EDITED)
    assert edited.data["after"] == {"language": "he"}
    refused = as_editor.patch(f"/api/articles/{created['id']}/", {"language": "xx", "version": 2}, format="json")
    assert "language" in error_of(refused, 400)["fields"]
    assert Article.objects.get(pk=created["id"]).language == "he"
