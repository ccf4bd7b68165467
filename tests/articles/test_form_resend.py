"""A New article form sent twice makes one article (tryout item 9): the service refuses the second send."""

from __future__ import annotations

import pytest

from factcheck.accounts.models import Role
from factcheck.articles.models import Article
from factcheck.articles.services import article_create
from factcheck.core.errors import AlreadyDone
from tests.support.factories import UserFactory

TEXT = "The council approved a new desalination plant on Tuesday. It will cost 84 million euros.\n"


def test_the_same_form_token_twice_is_refused_naming_the_first_article(editor):
    first = article_create(actor=editor, title="Plant approved", text=TEXT, form_token="tok-1")
    with pytest.raises(AlreadyDone) as refused:
        article_create(actor=editor, title="Plant approved, edited title", text=TEXT + "More.\n", form_token="tok-1")
    assert refused.value.existing == first and "Plant approved" in refused.value.message
    assert Article.objects.count() == 1


def test_the_same_paste_sent_again_from_a_fresh_form_is_refused_too(editor):
    # Back can make the browser read the form again (a new token) while it restores what was typed.
    first = article_create(actor=editor, title="Plant approved", text=TEXT, form_token="tok-1")
    with pytest.raises(AlreadyDone) as refused:
        article_create(actor=editor, title="Plant approved", text=TEXT, form_token="tok-2")
    assert refused.value.existing == first


def test_another_member_or_another_text_or_no_token_is_a_new_article(editor):
    other_editor = UserFactory(username="ed2", role=Role.EDITOR)
    article_create(actor=editor, title="Plant approved", text=TEXT, form_token="tok-1")
    article_create(actor=other_editor, title="Plant approved", text=TEXT, form_token="tok-9")
    article_create(actor=editor, title="Plant approved", text=TEXT.replace("84", "85"), form_token="tok-3")
    # Scripts (the API, imports) send no token: they decide for themselves.
    article_create(actor=editor, title="Plant approved", text=TEXT)
    assert Article.objects.count() == 4


def test_the_page_sends_a_second_send_to_the_article_the_first_made(editor, client):
    """A double click without JavaScript (or Back and Save): the browser ends on the article, told why."""
    client.force_login(editor)
    form = {"title": "Plant approved", "text": TEXT, "form_token": "tok-page", "language": ""}
    first = client.post("/articles/new/", form)
    article = Article.objects.get()
    assert first.status_code == 302 and first["Location"] == article.get_absolute_url()
    second = client.post("/articles/new/", form, follow=True)
    assert second.redirect_chain == [(article.get_absolute_url(), 302)]
    assert "it was not saved a second time" in second.content.decode()
    assert Article.objects.count() == 1
