"""The article's language: detected on create, chosen or corrected by an editor, audited, migrated."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys

import pytest
from django.apps import apps
from django.conf import settings

from factcheck.articles.language import Language, detect_language, text_direction
from factcheck.articles.models import Article, ArticleEvent, ArticleEventKind
from factcheck.articles.services import article_create, article_update_details
from factcheck.core.errors import InvalidInput
from tests.support.factories import ArticleFactory
from tests.support.texts import ARABIC_TEXT, ENGLISH_TEXT, HEBREW_TEXT


@pytest.mark.parametrize(("text", "code"), [
    (ARABIC_TEXT, "ar"), (HEBREW_TEXT, "he"), (ENGLISH_TEXT, "en"),
    ("Le pont a rouvert après 14 mois de travaux, a indiqué la mairie jeudi.", "und"),
    # Persian is written in Arabic script: another language, not Arabic.
    ("وزارت بهداشت اعلام کرد که ۴۲ نفر در این حادثه کشته شدند و بیش از صد نفر زخمی شدند.", "und"),
    ("2024 — 14 / 3.2", "und"), ("", "und"),
])
def test_detection_names_the_supported_language_or_undetermined(text, code):
    assert detect_language(text) == code


def test_direction_follows_the_language():
    assert [text_direction(c) for c in ("ar", "he", "en", "und")] == ["rtl", "rtl", "ltr", "auto"]


@pytest.mark.django_db
@pytest.mark.parametrize(("text", "code"), [(ARABIC_TEXT, "ar"), (HEBREW_TEXT, "he"), (ENGLISH_TEXT, "en")])
def test_pasted_article_gets_its_detected_language_and_the_audit_says_so(editor, text, code):
    article = article_create(actor=editor, title="Bridge", text=text)
    article.refresh_from_db()
    assert article.language == code
    created = ArticleEvent.objects.get(article=article, kind=ArticleEventKind.CREATED)
    assert created.data["language"] == code and created.data["language_detected"] is True


@pytest.mark.django_db
def test_editor_may_state_the_language_instead_of_detecting(editor):
    article = article_create(actor=editor, title="Mixed", text=ENGLISH_TEXT, language="AR")
    article.refresh_from_db()
    assert article.language == "ar"
    assert ArticleEvent.objects.get(article=article).data["language_detected"] is False


@pytest.mark.django_db
def test_unknown_language_is_refused_and_nothing_saved(editor):
    with pytest.raises(InvalidInput, match="use one of en, ar, he, und") as exc:
        article_create(actor=editor, title="Bridge", text=ENGLISH_TEXT, language="klingon")
    assert "language" in exc.value.fields
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_correcting_the_language_is_a_versioned_audited_detail_edit(editor):
    article = article_create(actor=editor, title="Bridge", text=HEBREW_TEXT, language="en")
    article_update_details(actor=editor, article_id=article.pk, version=1, language="he")
    article.refresh_from_db()
    assert (article.language, article.version, article.text_dir) == ("he", 2, "rtl")
    edited = ArticleEvent.objects.get(article=article, kind=ArticleEventKind.EDITED)
    assert edited.data == {"before": {"language": "en"}, "after": {"language": "he"}}
    with pytest.raises(InvalidInput):
        article_update_details(actor=editor, article_id=article.pk, version=2, language="xx")
    article.refresh_from_db()
    assert (article.language, article.version) == ("he", 2)


@pytest.mark.django_db
def test_data_migration_detects_the_language_of_existing_articles(editor):
    arabic = ArticleFactory(created_by=editor, text=ARABIC_TEXT)
    english = ArticleFactory(created_by=editor, text=ENGLISH_TEXT)
    assert {arabic.language, english.language} == {Language.ENGLISH}  # the column's default
    migration = importlib.import_module("factcheck.articles.migrations.0004_article_language")
    migration.detect_existing(apps, None)
    arabic.refresh_from_db()
    english.refresh_from_db()
    assert (arabic.language, english.language) == ("ar", "en")


def test_a_web_process_loads_the_model_at_start_not_inside_the_first_paste():
    # What gunicorn imports: the model is loading before any request, so no paste waits for it.
    code = ("import threading, factcheck.wsgi\n"
            "[t.join(30) for t in threading.enumerate() if t.name == 'language-model']\n"
            "from factcheck.articles import language\n"
            "print('loaded' if language._identifier is not None else 'not loaded')\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          cwd=settings.BASE_DIR, env=os.environ.copy())
    assert done.stdout.strip() == "loaded", done.stderr[-2000:]
