"""Each article and claim renders in its own direction: lang/dir from the article's language, dir="auto" for
what people type; one stylesheet of logical properties serves both page directions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.urls import reverse

from factcheck.articles.services import article_create
from factcheck.claims.models import ClaimStatus
from tests.support.factories import make_claim
from tests.support.texts import ARABIC_PHRASE, ARABIC_TEXT, HEBREW_PHRASE, HEBREW_TEXT

CSS = Path(__file__).resolve().parents[2] / "static" / "css"


def test_stylesheets_use_logical_properties_only():
    physical = re.compile(
        r"(?<![\w-])(margin|padding|border)-(left|right)\b|(?<![\w-])(left|right)\s*:|text-align:\s*(left|right)"
        r"|float:\s*(left|right)"
    )
    found = [f"{p.name}:{n}: {line.strip()}" for p in sorted(CSS.glob("*.css"))
             for n, line in enumerate(p.read_text().splitlines(), 1) if physical.search(line)]
    assert found == []


@pytest.fixture
def as_editor(client, editor):
    client.force_login(editor)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(("text", "phrase", "code"), [(ARABIC_TEXT, ARABIC_PHRASE, "ar"),
                                                      (HEBREW_TEXT, HEBREW_PHRASE, "he")])
def test_workspace_and_claim_page_show_the_article_right_to_left(as_editor, editor, text, phrase, code):
    article = article_create(actor=editor, title="Bridge", text=text)
    claim = make_claim(article, phrase, status=ClaimStatus.OPEN, text="A wording typed in English")
    html = as_editor.get(reverse("article_detail", args=[article.pk])).content.decode()
    assert re.search(rf'<div id="article-text" class="article-text" lang="{code}" dir="rtl"', html)
    assert re.search(rf'<h1 id="article-title" lang="{code}" dir="rtl">Bridge</h1>', html)
    # The wording is whatever the reviewer typed: the browser takes its direction from it.
    assert f'id="claim-text-{claim.pk}" dir="auto">A wording typed in English</a>' in html
    assert re.search(rf'<blockquote class="quote" lang="{code}" dir="rtl">.*{phrase}', html)
    page = as_editor.get(reverse("claim_detail", args=[claim.pk])).content.decode()
    assert f'class="article-text paragraph" lang="{code}" dir="rtl">' in page
    assert '<h1 id="claim-title" dir="auto">' in page
    listed = as_editor.get(reverse("article_list")).content.decode()
    assert f'lang="{code}" dir="rtl">Bridge</a>' in listed


@pytest.mark.django_db
def test_english_article_stays_left_to_right_and_an_undetermined_one_lets_the_browser_decide(as_editor, editor):
    english = article_create(actor=editor, title="Bridge", text="The bridge carries 7,500 vehicles a day.")
    other = article_create(actor=editor, title="Pont", text="Le pont a rouvert après 14 mois de travaux, dit la mairie.")
    assert 'lang="en" dir="ltr" data-length' in as_editor.get(reverse("article_detail", args=[english.pk])).content.decode()
    assert 'lang="und" dir="auto" data-length' in as_editor.get(reverse("article_detail", args=[other.pk])).content.decode()


@pytest.mark.django_db
def test_new_article_form_offers_detection_and_the_supported_languages(as_editor):
    html = as_editor.get(reverse("article_new")).content.decode()
    assert re.search(r'<select name="language"[^>]*>\s*<option value="" selected>Detect from the text</option>', html)
    assert [v for v in re.findall(r'<option value="(\w*)"', html)] == ["", "en", "ar", "he", "und"]
    # The text box follows what is pasted into it.
    assert re.search(r'<textarea name="text"[^>]*dir="auto"', html)


@pytest.mark.django_db
def test_editor_corrects_the_language_on_the_details_page(as_editor, editor):
    article = article_create(actor=editor, title="Bridge", text=HEBREW_TEXT, language="en")
    url = reverse("article_details", args=[article.pk])
    assert re.search(r'<option value="en" selected>', as_editor.get(url).content.decode())
    response = as_editor.post(url, {"title": "Bridge", "language": "he", "version": article.version})
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.language == "he"
    history = as_editor.get(reverse("article_history", args=[article.pk])).content.decode()
    assert "language" in history
