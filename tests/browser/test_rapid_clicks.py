"""Accept and reject pressed in quick succession: every press is done, in order (static/js/app.js).

The buttons submit one shared form through htmx, which drops a second request from a form
that still has one in flight: an editor accepting down a list a click every half second saw
some clicks do nothing, with the buttons still enabled (a new user's tryout, 6 December 2026).
"""

from __future__ import annotations

from django.urls import reverse
from playwright.sync_api import expect

from factcheck.claims.models import Claim, ClaimStatus
from tests.browser import scenario
from tests.browser.conftest import TIMEOUT_MS
from tests.browser.helpers import login
from tests.support.factories import ArticleFactory, make_claim


def test_three_presses_while_the_first_is_saving_are_all_done(app, page, editor):
    article = ArticleFactory(created_by=editor, title=scenario.TITLE, text=scenario.TEXT)
    quotes = [scenario.HOUSEHOLDS, scenario.JOBS, "Unemployment in Port Ellery stands at 11.2 percent"]
    first, second, third = (make_claim(article, q, status=ClaimStatus.SUGGESTED, suggested=True) for q in quotes)
    login(page, app, editor.username)
    page.goto(f"{app}{reverse('article_detail', args=[article.pk])}")
    # Hold each request back a little, as a slow connection does, so the later presses land mid-request.
    page.evaluate("""() => { const send = XMLHttpRequest.prototype.send;
        XMLHttpRequest.prototype.send = function (body) { setTimeout(() => send.call(this, body), 400); }; }""")
    page.locator(f"#claim-{first.pk} [data-testid='accept']").click()
    page.locator(f"#claim-{second.pk} [data-testid='accept']").click()
    page.locator(f"#claim-{third.pk} [data-testid='reject']").click()
    expect(page.locator(f"#claim-{third.pk}")).to_have_count(0, timeout=TIMEOUT_MS)  # rejected claims leave the list
    for claim in (first, second):
        expect(page.locator(f"#claim-{claim.pk} [data-testid='accept']")).to_have_count(0, timeout=TIMEOUT_MS)
    statuses = [Claim.objects.get(pk=c.pk).status for c in (first, second, third)]
    assert statuses == [ClaimStatus.OPEN, ClaimStatus.OPEN, ClaimStatus.REJECTED]
