"""An editor takes an assigned claim out of the check from its page, and restores it (a tryout had to mark
claims "unverifiable" to publish: an accepted claim had no way out)."""

from __future__ import annotations

from playwright.sync_api import expect

from factcheck.claims.models import Claim, ClaimStatus
from tests.browser import scenario
from tests.browser.helpers import login


def test_an_editor_takes_an_assigned_claim_out_and_restores_it(app, page, editor, reviewer, guard):
    _article, claims = scenario.assigned_claims(editor, reviewer)
    claim = claims[0]
    login(page, app, editor.username)
    page.goto(f"{app}/claims/{claim.pk}/")
    card = page.get_by_test_id("take-out-card")
    guard.expect_status(400, rf"/claims/{claim.pk}/reject/$")
    card.get_by_test_id("take-out").click()
    expect(page.get_by_test_id("take-out-card")).to_contain_text("This field is required.")
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.ASSIGNED

    page.get_by_label("Why it leaves the check (its reviewer is told)").fill("The plant's figure is out of scope today.")
    page.get_by_test_id("take-out-card").get_by_test_id("take-out").click()
    expect(page.locator("ul.messages")).to_contain_text("Claim rejected.")
    expect(page.locator("#history")).to_contain_text("The plant's figure is out of scope today.")
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.REJECTED

    # The reviewer hears why, in their notifications.
    assert reviewer.notifications.filter(claim=claim, message__contains="out of the check").exists()

    page.get_by_test_id("restore-claim").click()
    expect(page.locator("ul.messages")).to_contain_text("Claim restored to the check.")
    expect(page.get_by_test_id("restore-card")).to_have_count(0)
    restored = Claim.objects.get(pk=claim.pk)
    assert (restored.status, restored.assignee) == (ClaimStatus.OPEN, None)
