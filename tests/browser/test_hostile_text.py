"""Journey 4: markup and script in an article never run; in a title or a claim's wording they are shown as text.

Article text pasted with markup in it is stored as the text a reader sees (articles/html_text.py):
the script and the image are gone, the link keeps its words.
"""

from __future__ import annotations

import re

from django.urls import reverse
from playwright.sync_api import expect

from factcheck.articles.models import Article
from factcheck.claims.models import Claim
from tests.browser.helpers import login

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
LINK = '<a href="javascript:alert(1)">read the full report</a>'
# What the article's text becomes: the markup dropped, the link's words kept.
HOSTILE_AS_TEXT = (
    "The mayor's office published a statement about the bridge repairs, which it said cost 3 million euros.\n\n"
    "A photo caption in the draft read and nobody noticed before publication.\n\n"
    "Readers were told to read the full report for the details, which list 12 contractors.\n"
)
HOSTILE_TEXT = (
    f"The mayor's office published a statement about the bridge repairs, which it said cost 3 million euros. {SCRIPT}\n\n"
    f"A photo caption in the draft read {IMG} and nobody noticed before publication.\n\n"
    f"Readers were told to {LINK} for the details, which list 12 contractors.\n"
)


def test_markup_in_an_article_is_shown_as_text_and_never_runs(app, page, editor, guard):
    # Any dialog is a failure (the guard records it); the counter shows no alert() call was even attempted.
    page.add_init_script(
        "window.__alerts = 0; const nativeAlert = window.alert;"
        "window.alert = function (...args) { window.__alerts += 1; return nativeAlert.apply(this, args); };"
    )
    login(page, app, editor.username)
    page.goto(f"{app}{reverse('article_new')}")
    page.get_by_label("Title").fill(f"Bridge repairs {SCRIPT}")
    page.get_by_label(re.compile(r"^Text")).fill(HOSTILE_TEXT)
    page.get_by_test_id("save-article").click()
    page.wait_for_url("**/articles/*/")
    article = Article.objects.get()
    assert article.current_revision.text == HOSTILE_AS_TEXT
    expect(page.locator("ul.messages")).to_contain_text("The pasted text was HTML")

    text = page.locator("#article-text")
    assert "read the full report" in text.inner_text() and "<" not in text.inner_text()
    # The title keeps only its words too (a title pasted with markup showed it literally in every list).
    expect(page.get_by_role("heading", level=1)).to_have_text("Bridge repairs")
    assert article.title == "Bridge repairs"
    # The markup exists only as text nodes: no element was created from it.
    assert page.locator("#main script").count() == 0
    assert page.locator("#main img").count() == 0
    assert page.locator("a[href^='javascript' i]").count() == 0
    assert page.locator("[onerror]").count() == 0

    # Turn the link's words into a claim with hostile wording; the wording is escaped on the claim page.
    page.get_by_label("Passage", exact=True).fill("read the full report")
    page.get_by_label("Wording (optional)", exact=True).fill(f"Readers were sent to {IMG}")
    page.get_by_test_id("create-claim").click()
    claim = _wait_for_claim(article)
    page.goto(f"{app}{reverse('claim_detail', args=[claim.pk])}")
    assert f"Readers were sent to {IMG}" in page.locator("#main").inner_text()
    assert "read the full report" in page.locator("#main").inner_text()
    assert page.locator("#main img").count() == 0
    assert page.locator("a[href^='javascript' i]").count() == 0

    # Give any deferred handler (onerror fires asynchronously) time to run, then check nothing did.
    page.wait_for_timeout(300)
    assert page.evaluate("window.__alerts") == 0
    assert not guard.dialogs, guard.dialogs


def _wait_for_claim(article):
    from tests.support.worker import wait_for

    return wait_for(lambda: Claim.objects.filter(article=article).first(), timeout=10, what="the claim")
