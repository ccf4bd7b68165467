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



def _settle(page) -> None:
    """Wait out a history step: a page restored from the back-forward cache reads itself again
    (static/js/app.js), and a second step taken during that re-read is aborted by the browser
    (net::ERR_ABORTED), as a real user's impatient click would be."""
    page.wait_for_load_state("load")
    page.wait_for_load_state("networkidle")

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

    # Back to the refused try sends nothing (its history entry became a plain read of its address,
    # which leads to the claim); an unannounced 400 would fail the guard.
    posts = Posts(page)
    page.go_back()
    page.wait_for_load_state("load")
    assert posts.paths == [], f"Back sent a form again: {posts.paths}"
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
        page.get_by_test_id("save-article").click()
        # Refused, not duplicated: the browser lands on the first copy, told why.
        page.wait_for_url(re.compile(rf"/articles/{first.pk}/$"))
        expect(page.locator("ul.messages")).to_contain_text("already saved")
    assert Article.objects.filter(title=scenario.TITLE).count() == 1


class Posts:
    """Every form the page sends to the server (method POST), by path: what Back must never send again."""

    def __init__(self, page):
        self.paths: list[str] = []
        page.on("request", lambda r: self.paths.append(r.url.split("?")[0].split("://", 1)[1].split("/", 1)[1])
                if r.method == "POST" else None)

    def to(self, fragment: str) -> int:
        return sum(1 for p in self.paths if fragment in f"/{p}")


def test_back_to_a_refused_verdict_does_not_send_it_again(app, page, editor, reviewer, guard):
    _article, claims = scenario.assigned_claims(editor, reviewer)
    claim = claims[0]
    login(page, app, reviewer.username)
    page.goto(f"{app}{reverse('claim_detail', args=[claim.pk])}")
    posts = Posts(page)
    verdict_url = reverse("verdict_record", args=[claim.pk])
    # A verdict without a rationale is refused; the choice stays made and the error is on the page.
    page.get_by_label("Unverifiable").check()
    guard.expect_status(400, rf"{verdict_url}$")
    page.get_by_test_id("record-verdict").click()
    expect(page.locator("#verdict-form [role=alert]").first).to_be_visible()
    expect(page.get_by_label("Unverifiable")).to_be_checked()
    assert posts.to(verdict_url) == 1
    # The second try, with one, records it.
    page.get_by_label("Rationale").fill("No independent record before the deadline.")
    page.get_by_test_id("record-verdict").click()
    expect(page.get_by_test_id("claim-status")).to_have_text("Resolved")
    assert posts.to(verdict_url) == 2

    # Back to the refused try: nothing is sent again (no "Confirm form resubmission", no silent re-post),
    # and the page says what is true now.
    page.go_back()
    _settle(page)
    expect(page.get_by_test_id("claim-status")).to_have_text("Resolved")
    assert posts.to(verdict_url) == 2, f"Back sent the form again: {posts.paths}"
    # Nor does Forward, nor reading the page again.
    page.go_forward()
    _settle(page)
    page.reload()
    expect(page.get_by_test_id("claim-status")).to_have_text("Resolved")
    assert posts.to(verdict_url) == 2, f"a history step sent the form again: {posts.paths}"


def test_back_and_forward_over_a_refused_claim_edit_send_nothing(app, page, editor, reviewer, guard):
    _article, claims = scenario.assigned_claims(editor, reviewer)
    claim = claims[2]
    login(page, app, editor.username)
    page.goto(f"{app}{reverse('claim_detail', args=[claim.pk])}")
    posts = Posts(page)
    edit_url = reverse("claim_edit", args=[claim.pk])
    card = page.get_by_test_id("claim-edit-card")
    card.get_by_test_id("claim-figures").fill("about a lot")
    guard.expect_status(400, rf"{edit_url}$")
    card.get_by_test_id("save-claim").click()
    card = page.get_by_test_id("claim-edit-card")
    expect(card.get_by_role("alert")).to_contain_text("No figure found")
    # What the editor typed is still there to correct.
    expect(card.get_by_test_id("claim-figures")).to_have_value("about a lot")
    assert posts.to(edit_url) == 1

    page.go_back()
    _settle(page)
    page.go_forward()
    _settle(page)
    assert posts.to(edit_url) == 1, f"a history step sent the refused edit again: {posts.paths}"
    # The page is read afresh: the claim as saved, not the refused try.
    expect(page.get_by_text("No figure found")).to_have_count(0)
    expect(page.get_by_test_id("claim-figures")).not_to_have_value("about a lot")
