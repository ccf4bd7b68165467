"""What every page and the workspace show around the work: the brand, and the keyboard hint."""

from __future__ import annotations

import re

from django.urls import reverse


def _header_and_footer(html: str) -> tuple[str, str]:
    brand = re.search(r'<a class="brand"[^>]*>(.*?)</a>', html, re.S).group(1)
    footer = re.search(r'<footer class="site-footer">(.*?)</footer>', html, re.S).group(1)
    strip = lambda s: " ".join(re.sub(r"<[^>]+>", " ", s).split())  # noqa: E731
    return strip(brand), strip(footer)


def test_default_newsroom_name_shows_the_product_name_once(client, editor, settings):
    settings.NEWSROOM_NAME = "factcheck"
    client.force_login(editor)
    brand, footer = _header_and_footer(client.get(reverse("dashboard")).content.decode())
    assert brand == "factcheck"
    assert footer == "factcheck"


def test_a_newsroom_name_is_shown_beside_the_product_name(client, editor, settings):
    settings.NEWSROOM_NAME = "Harbour Gazette"
    client.force_login(editor)
    brand, footer = _header_and_footer(client.get(reverse("dashboard")).content.decode())
    assert brand == "Harbour Gazette factcheck"
    assert footer == "Harbour Gazette · factcheck"


def test_login_page_says_the_product_name_once_too(client, settings):
    settings.NEWSROOM_NAME = "factcheck"
    brand, footer = _header_and_footer(client.get(reverse("login")).content.decode())
    assert (brand, footer) == ("factcheck", "factcheck")


def test_workspace_tells_editors_how_to_make_a_claim_with_the_keyboard(client, editor, reviewer, desk):
    client.force_login(editor)
    html = client.get(reverse("article_detail", args=[desk.article.pk])).content.decode()
    hint = re.search(r'<p class="hint keyboard-hint" id="text-hint"[^>]*>(.*?)</p>', html, re.S)
    assert hint, "no keyboard hint near the article text"
    assert "“Passage” box" in hint.group(1) and "F7" in hint.group(1)
    # It sits before the text and describes it for screen readers.
    assert html.index('id="text-hint"') < html.index('id="article-text"')
    assert 'aria-describedby="text-hint"' in html
    # Reviewers cannot create claims, so they are not told how to.
    client.force_login(reviewer)
    assert 'id="text-hint"' not in client.get(reverse("article_detail", args=[desk.article.pk])).content.decode()
