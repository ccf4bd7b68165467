"""Article changes leave audit rows, and article_edit changes details and text together or not at all."""

from __future__ import annotations

import pytest

from factcheck.articles.models import Article, ArticleEvent, ArticleEventKind
from factcheck.articles.services import article_create, article_edit, article_revise, article_update_details
from factcheck.core.errors import InvalidInput
from tests.api.conftest import token_client
from tests.support.factories import make_claim

pytestmark = pytest.mark.django_db

BODY = "The bridge reopened after 14 months of repairs costing 3.2 million euros, the city said.\n"


def _events(article: Article) -> list[tuple[str, object]]:
    return [(e.kind, e.actor) for e in ArticleEvent.objects.filter(article=article)]


def test_create_edit_and_revise_each_leave_a_row(editor):
    article = article_create(actor=editor, title="Bridge reopens", text=BODY)
    article_update_details(actor=editor, article_id=article.pk, outlet="Valley Tribune")
    claim = make_claim(article, "14 months")
    article_revise(actor=editor, article_id=article.pk, text=BODY.replace("14 months", "a year"))
    assert _events(article) == [
        (ArticleEventKind.CREATED, editor), (ArticleEventKind.EDITED, editor), (ArticleEventKind.REVISED, editor),
    ]
    edited, revised = ArticleEvent.objects.filter(article=article).order_by("id")[1:]
    assert edited.data == {"before": {"outlet": ""}, "after": {"outlet": "Valley Tribune"}}
    assert revised.data["revision"] == 2 and revised.data["orphaned"] == [claim.pk]


def test_audit_rows_cannot_be_rewritten(editor):
    article = article_create(actor=editor, title="Bridge reopens", text=BODY)
    event = ArticleEvent.objects.get(article=article)
    with pytest.raises(RuntimeError):
        event.save()
    with pytest.raises(RuntimeError):
        ArticleEvent.objects.filter(pk=event.pk).update(kind="edited")


def test_article_edit_changes_details_and_text_together_or_not_at_all(editor):
    article = article_create(actor=editor, title="Bridge reopens", text=BODY)
    with pytest.raises(InvalidInput):
        article_edit(actor=editor, article_id=article.pk, version=1, title="Renamed", text="   ")
    article.refresh_from_db()
    assert (article.title, article.version, article.revisions.count()) == ("Bridge reopens", 1, 1)
    assert _events(article) == [(ArticleEventKind.CREATED, editor)]
    outcome = article_edit(actor=editor, article_id=article.pk, version=1, title="Renamed", text=BODY + "More.\n")
    article.refresh_from_db()
    assert (article.title, outcome.revision.number, article.version) == ("Renamed", 2, 3)


def test_api_patch_with_details_and_text_is_one_service_call(editor):
    article = article_create(actor=editor, title="Bridge reopens", text=BODY)
    response = token_client(editor).patch(
        f"/api/articles/{article.pk}/", {"version": 1, "author": "J. Doe", "text": BODY + "Update.\n"}, format="json"
    )
    assert response.status_code == 200, response.content
    assert [k for k, _ in _events(article)] == ["created", "edited", "revised"]
    stale = token_client(editor).patch(f"/api/articles/{article.pk}/", {"version": 1, "author": "X"}, format="json")
    assert stale.status_code == 409
    article.refresh_from_db()
    assert article.author == "J. Doe"


def test_history_page_lists_the_article_changes(client, editor):
    from django.urls import reverse

    article = article_create(actor=editor, title="Bridge reopens", text=BODY)
    article_update_details(actor=editor, article_id=article.pk, author="J. Doe")
    client.force_login(editor)
    page = client.get(reverse("article_history", args=[article.pk])).content.decode()
    changes = page[page.index('id="article-changes"'):]
    changes = changes[: changes.index("</ol>")]
    assert changes.count('class="article-change"') == 2
    assert "Created" in changes and "Details edited" in changes and "author" in changes and "Edna Editor" in changes
