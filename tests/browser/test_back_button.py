"""The browser's Back button after a form was sent (tryout item 9), in Chromium.

What a person saw: after Reopen, Back showed the page as it was before (still "Resolved", the
error of a first, empty try, the reason typed in), as if the reopen had failed; after Save
article, Back and Save again silently made a second copy of the article.
"""

from __future__ import annotations

import re

from django.urls import reverse
from playwright.sync_api import expect

from factcheck.articles.models import Article
from factcheck.claims.models import ClaimStatus, Verdict
from factcheck.claims.services import verdict_record
from tests.browser import scenario
from tests.browser.helpers import login

REASON = "Police now say three children died; re-check."


def test_back_after_a_reopen_shows_the_claim_as_it_is_now(app, page, editor, reviewer, guard):
    _article, claims = scenario.assigned_claims(editor, reviewer)
    claim = verdict_record(actor=reviewer, claim_id=claims[0].pk, verdict=Verdict.UNVERIFIABLE,
                           rationale="No independent record before the deadline.")
    login(page, app, editor.username)
    page.goto(f"{app}{reverse('claim_detail', args=[claim.pk])}")
    expect(page.get_by_test_id("claim-status")).to_have_text("Resolved")
    # A first try without a reason is refused on the page ...
    guard.expect_status(400, rf"/claims/{claim.pk}/reopen/$")
    page.get_by_test_id("reopen").click()
    expect(page.get_by_role("alert").first).to_contain_text("required")
    # ... the second, with one, reopens the claim.
    page.get_by_label("Reason").fill(REASON)
    page.get_by_test_id("reopen").click()
    expect(page.get_by_test_id("claim-status")).to_have_text("Open")
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.OPEN

    # Back to the refused try may send it once more (a browser asks, Playwright's Chromium just does):
    # refused again, harmlessly; then the page reads its address afresh.
    guard.expect_status(400, rf"/claims/{claim.pk}/reopen/$")
    page.go_back()
    page.wait_for_load_state("load")
    guard.expected = [e for e in guard.expected if not e[1].search(f"/claims/{claim.pk}/reopen/")]
    # Whatever page Back lands on, it tells the truth: the claim is open, nothing was refused.
    expect(page.get_by_test_id("claim-status")).to_have_text("Open")
    expect(page.get_by_test_id("reopen")).to_have_count(0)
    expect(page.get_by_text("This field is required.")).to_have_count(0)


def test_back_and_save_again_does_not_make_a_second_copy_of_the_article(app, page, editor, guard):
    login(page, app, editor.username)
    page.goto(f"{app}{reverse('article_new')}")
    page.get_by_label("Title").fill(scenario.TITLE)
    page.get_by_label(re.compile(r"^Text")).fill(scenario.TEXT)
    page.get_by_test_id("save-article").click()
    page.wait_for_url(re.compile(r"/articles/\d+/$"))
    first = Article.objects.get(title=scenario.TITLE)

    page.go_back()
    page.wait_for_load_state("load")
    if page.get_by_test_id("save-article").count():
        # The form is back, filled in (as browsers restore it): saving it again is the slip.
        page.get_by_label("Title").fill(scenario.TITLE)
        page.get_by_label(re.compile(r"^Text")).fill(scenario.TEXT)
        guard.expect_status(409, r"/articles/new/$")
        page.get_by_test_id("save-article").click()
        expect(page.get_by_role("alert").first).to_contain_text("already saved")
        link = page.get_by_test_id("existing-article").get_by_role("link")
        expect(link).to_have_attribute("href", reverse("article_detail", args=[first.pk]))
        link.click()
        page.wait_for_url(re.compile(rf"/articles/{first.pk}/$"))
    assert Article.objects.filter(title=scenario.TITLE).count() == 1
