"""HTML sent as article text through the API is stored as its visible text, like the page's paste."""

from __future__ import annotations

import pytest

from factcheck.articles.models import Article

pytestmark = pytest.mark.django_db


def test_html_text_is_stored_plain_so_offsets_point_at_visible_words(as_editor):
    html = "<h1>Flood</h1><p>The river rose <b>4&nbsp;metres</b>.</p><script>steal()</script>"
    response = as_editor.post("/api/articles/", {"title": "Flood", "text": html}, format="json")
    assert response.status_code == 201, response.content
    article = Article.objects.get(pk=response.json()["id"])
    assert article.text == "Flood\n\nThe river rose 4 metres.\n"
    claim = as_editor.post("/api/claims/", {"article": article.pk, "start": article.text.index("4 metres"),
                                            "end": article.text.index("4 metres") + 8}, format="json")
    assert claim.status_code == 201, claim.content
    assert claim.json()["quote"] == "4 metres"


def test_plain_text_with_a_stray_angle_bracket_is_kept(as_editor):
    text = "Inflation stayed <3% and a<b.\n"
    response = as_editor.post("/api/articles/", {"title": "Plain", "text": text}, format="json")
    assert response.status_code == 201 and Article.objects.get().text == text
