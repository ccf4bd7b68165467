import io

import pytest
from django.core.management import call_command

from factcheck.accounts.models import User
from factcheck.articles.models import Article


@pytest.mark.django_db
def test_seed_demo_creates_members_and_an_article_once():
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    text = out.getvalue()
    editor = User.objects.get(username="editor")
    reviewer = User.objects.get(username="reviewer")
    for user in (editor, reviewer):
        password = text.split(f"  {user.username:<9} ")[1].split()[0]
        assert user.check_password(password)
    article = Article.objects.get()
    assert article.text.startswith("More than 1,400 residents")

    call_command("seed_demo", stdout=(again := io.StringIO()))
    assert "already seeded" in again.getvalue()
    assert Article.objects.count() == 1 and User.objects.count() == 2
    assert User.objects.get(username="editor").password == editor.password
