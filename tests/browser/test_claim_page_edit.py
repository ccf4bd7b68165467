"""The claim page has the claim's edit form (tryout item 14), in Chromium.

What a person saw: the workspace's "Edit on the claim's page" link (for a browser without
JavaScript, or before the inline editor loads) led to a claim page with no edit form at all.
"""

from __future__ import annotations

import re

from django.urls import reverse
from playwright.sync_api import expect

from factcheck.claims.models import Claim
from tests.browser import scenario
from tests.browser.helpers import login


def test_an_editor_edits_the_wording_on_the_claims_page(app, page, editor):
    _article, claims = scenario.article_with_claims(editor)
    claim = claims[0]
    login(page, app, editor.username)
    page.goto(f"{app}{reverse('claim_detail', args=[claim.pk])}#edit")
    card = page.get_by_test_id("claim-edit-card")
    expect(card).to_be_visible()
    card.get_by_test_id("claim-wording").fill("The plant would supply nearly 2,400 households by 2027")
    card.get_by_label("Attributed to").fill("Council leader Mara Voss")
    card.get_by_test_id("save-claim").click()
    page.wait_for_url(re.compile(rf"/claims/{claim.pk}/$"))
    expect(page.locator("#claim-title")).to_have_text("The plant would supply nearly 2,400 households by 2027")
    expect(page.get_by_role("status").first).to_contain_text("Claim saved")
    claim = Claim.objects.get(pk=claim.pk)
    assert claim.text == "The plant would supply nearly 2,400 households by 2027"
    assert claim.attributed_to == "Council leader Mara Voss"


def test_after_an_edit_the_history_shows_each_step_with_the_wording_of_its_time(app, page, editor):
    """A tryout's finding: the article's "Every step" showed the 14:59 rewording on the 14:58 row."""
    article, claims = scenario.article_with_claims(editor)
    claim = claims[0]
    old = claim.text
    login(page, app, editor.username)
    page.goto(f"{app}{reverse('claim_detail', args=[claim.pk])}#edit")
    card = page.get_by_test_id("claim-edit-card")
    card.get_by_test_id("claim-wording").fill("The council's plant would supply nearly 2,400 households")
    card.get_by_test_id("save-claim").click()
    page.wait_for_url(re.compile(rf"/claims/{claim.pk}/$"))
    # The claim's own history says what the wording was and what it became.
    expect(page.get_by_test_id("edit-change").first).to_have_text(
        f"Wording: “{old}” → “The council's plant would supply nearly 2,400 households”")
    page.goto(f"{app}{reverse('article_history', args=[article.pk])}")
    rows = page.get_by_test_id("history").locator(f"li.event:has(a[href$='/claims/{claim.pk}/'])")
    expect(rows.first.locator(".event-claim")).to_have_text(old[:87] + "…" if len(old) > 90 else old)
    expect(rows.last.locator(".event-claim")).to_have_text("The council's plant would supply nearly 2,400 households")
