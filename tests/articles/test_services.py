"""Article services: create, revise (refusals; re-anchoring is in tests/claims/test_reanchor.py), details, delete."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.articles.models import Article, ArticleRevision
from factcheck.articles.services import (
    article_create,
    article_delete,
    article_revise,
    article_update_details,
    clean_article_text,
)
from factcheck.core.errors import InvalidInput, NotAllowed, NotFound, StaleVersion, TooLarge

pytestmark = pytest.mark.django_db

BODY = "The bridge reopened after 14 months of repairs costing 3.2 million euros, the city said.\n"



def test_editor_creates_article_with_first_revision(editor):
    article = article_create(
        actor=editor, title="  Bridge   reopens ", text=BODY, outlet=" Valley Tribune ",
        url="https://valleytribune.example.com/bridge", author="J. Doe", published_at=dt.date(2024, 5, 2),
    )
    article.refresh_from_db()
    assert (article.title, article.outlet, article.url) == (
        "Bridge reopens", "Valley Tribune", "https://valleytribune.example.com/bridge"
    )
    assert article.text == BODY and article.version == 1 and article.created_by == editor
    revision = article.current_revision
    assert (revision.number, revision.created_by) == (1, editor)


def test_text_is_normalised_to_one_newline_convention():
    assert clean_article_text("One.\r\nTwo.\rThree.\x00") == "One.\nTwo.\nThree."


def test_html_text_is_stored_as_the_visible_text_and_the_audit_says_so(editor):
    body = '<p onclick="steal()">Prices <b>rose</b> 4%</p><p>In &euro;: 12</p><script>alert(1)</script>'
    article = article_create(actor=editor, title="<i>Markup</i>", text=body)
    article.refresh_from_db()
    assert article.text == "Prices rose 4%\n\nIn €: 12\n" and article.title == "Markup"
    assert article.events.get().data["converted_from_html"] is True


@pytest.mark.parametrize(("title", "stored"), [
    ("<script>alert(1)</script> Shelling <b>hits</b> market", "Shelling hits market"),  # a tryout's paste
    ("Profits < costs at a<b firm", "Profits < costs at a<b firm"),  # no markup: as written
])
def test_a_title_keeps_only_its_words(editor, title, stored):
    assert article_create(actor=editor, title=title, text="Twelve homes flooded.\n").title == stored


def test_a_title_of_markup_alone_is_refused(editor):
    with pytest.raises(InvalidInput, match="needs a title"):
        article_create(actor=editor, title="<script>alert(1)</script>", text="Twelve homes flooded.\n")


def test_plain_text_with_a_stray_angle_bracket_is_kept_as_written(editor):
    body = "Inflation stayed <3% while costs rose 5 > 4 and a<b.\n"
    article = article_create(actor=editor, title="Plain", text=body)
    assert article.text == body and article.events.get().data["converted_from_html"] is False


def test_html_with_nothing_visible_is_refused_as_empty(editor):
    with pytest.raises(InvalidInput, match="empty"):
        article_create(actor=editor, title="Only code", text="<script>alert(1)</script><style>p{}</style>")
    assert not Article.objects.exists()


@pytest.mark.parametrize("text", ["", "   \n\t ", "\r\n\x00"])
def test_empty_article_is_refused_and_nothing_saved(editor, text):
    with pytest.raises(InvalidInput, match="empty") as exc:
        article_create(actor=editor, title="Nothing", text=text)
    assert "text" in exc.value.fields
    assert not Article.objects.exists() and not ArticleRevision.objects.exists()


def test_oversized_article_is_too_large_and_nothing_saved(editor, settings):
    settings.ARTICLE_MAX_CHARS = 50
    with pytest.raises(TooLarge, match="the limit is 50") as exc:
        article_create(actor=editor, title="Long", text="x" * 51)
    assert exc.value.status == 413
    assert not Article.objects.exists()
    # Exactly at the limit is fine; \r\n counts once, after normalisation.
    article_create(actor=editor, title="Fits", text="y" * 48 + "\r\n")


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"title": "   "}, "title"),
        ({"title": "t" * 301}, "title"),
        ({"url": "javascript:alert(1)"}, "url"),
        ({"url": "not a url"}, "url"),
        ({"text": 42}, "text"),
        ({"published_at": "2024-05-02"}, "published_at"),
        ({"outlet": ["x"]}, "outlet"),
    ],
)
def test_bad_fields_are_refused(editor, fields, field):
    kwargs = {"title": "Bridge", "text": BODY, **fields}
    with pytest.raises(InvalidInput) as exc:
        article_create(actor=editor, **kwargs)
    assert field in exc.value.fields
    assert not Article.objects.exists()


@pytest.mark.parametrize("persona", ["reviewer", "outsider"])
def test_only_editors_create_articles(request, persona):
    with pytest.raises(NotAllowed):
        article_create(actor=request.getfixturevalue(persona), title="Bridge", text=BODY)
    assert not Article.objects.exists()


def test_revise_makes_new_revision_and_bumps_version(editor, article):
    outcome = article_revise(actor=editor, article_id=article.pk, text=article.text + "Update: more.\n", version=1)
    article.refresh_from_db()
    assert article.version == 2 and article.current_revision == outcome.revision
    assert list(article.revisions.values_list("number", flat=True)) == [1, 2]


def test_revise_refusals_change_nothing(editor, reviewer, article, settings):
    settings.ARTICLE_MAX_CHARS = 100
    with pytest.raises(NotAllowed):
        article_revise(actor=reviewer, article_id=article.pk, text="Short.")
    with pytest.raises(InvalidInput):
        article_revise(actor=editor, article_id=article.pk, text="  ")
    with pytest.raises(TooLarge):
        article_revise(actor=editor, article_id=article.pk, text="z" * 101)
    with pytest.raises(StaleVersion, match="changed by someone at"):
        article_revise(actor=editor, article_id=article.pk, text="Short.", version=7)
    with pytest.raises(InvalidInput, match="version"):
        article_revise(actor=editor, article_id=article.pk, text="Short.", version="1")
    with pytest.raises(NotFound):
        article_revise(actor=editor, article_id=987654, text="Short.")
    article.refresh_from_db()
    assert article.version == 1 and article.revisions.count() == 1


def test_update_details_cleans_fields_and_checks_version(editor, article):
    article_update_details(actor=editor, article_id=article.pk, version=1, outlet="  Daily  Post ",
                           url="https://dailypost.example.org/a")
    article.refresh_from_db()
    assert (article.outlet, article.url, article.version) == ("Daily Post", "https://dailypost.example.org/a", 2)
    with pytest.raises(StaleVersion):
        article_update_details(actor=editor, article_id=article.pk, version=1, title="Old form")
    with pytest.raises(InvalidInput):
        article_update_details(actor=editor, article_id=article.pk, url="javascript:void(0)")
    with pytest.raises(InvalidInput, match="Unknown article fields"):
        article_update_details(actor=editor, article_id=article.pk, created_by=None)
    article.refresh_from_db()
    assert article.title != "Old form" and article.url == "https://dailypost.example.org/a"


def test_delete(editor, reviewer, article):
    with pytest.raises(NotAllowed):
        article_delete(actor=reviewer, article_id=article.pk)
    article_delete(actor=editor, article_id=article.pk)
    assert not Article.objects.filter(pk=article.pk).exists()
    with pytest.raises(NotFound):
        article_delete(actor=editor, article_id=article.pk)
