"""A burst of assignments reaches the reviewer as one notification with a count (tryout: an editor
assigning claims one after another gave the reviewer one notification, and one more on the bell, each).
"""

from __future__ import annotations

import re

from django.urls import reverse
from playwright.sync_api import expect

from factcheck.claims.models import Notification
from tests.browser import scenario
from tests.browser.helpers import login


def test_claims_assigned_one_after_another_are_one_notification(app, new_context, editor, reviewer):
    article, claims = scenario.article_with_claims(editor)
    desk = new_context().new_page()
    login(desk, app, editor.username)
    # The editor assigns each claim from its own page: three changes, three transactions.
    for claim in claims:
        desk.goto(f"{app}{reverse('claim_detail', args=[claim.pk])}")
        desk.get_by_label("Reviewer").select_option(value=str(reviewer.pk))
        desk.get_by_test_id("assign").click()
        expect(desk.get_by_test_id("assignee")).to_have_text(reviewer.display_name)

    page = new_context().new_page()
    login(page, app, reviewer.username)
    # The bell says one, not three.
    expect(page.get_by_test_id("unread-count")).to_have_text("1")
    page.get_by_test_id("notifications-link").click()
    items = page.locator("#notifications li.unread")
    expect(items).to_have_count(1)
    expect(items.first).to_contain_text(f"{len(claims)} claims assigned to you on “\u2068{article.title}\u2069”")
    # Each notice names the story it is about.
    expect(items.first.get_by_test_id("note-article")).to_have_text(article.title)
    # It leads to the article, where the claims are.
    items.first.get_by_role("link").click()
    page.wait_for_url(re.compile(rf"/articles/{article.pk}/$"))
    assert Notification.objects.filter(recipient=reviewer).count() == 1


def test_the_reviewer_hears_when_the_editor_records_the_verdict_on_their_claim(app, new_context, editor, reviewer):
    # A tryout's editor settled sixteen of a reviewer's claims; they left his queue without a word.
    _article, claims = scenario.assigned_claims(editor, reviewer)
    desk = new_context().new_page()
    login(desk, app, editor.username)
    desk.goto(f"{app}{reverse('claim_detail', args=[claims[0].pk])}")
    desk.get_by_label("Unverifiable").check()
    desk.get_by_label(re.compile(r"^Rationale")).fill("No public record; decided on deadline.")
    desk.get_by_test_id("record-verdict").click()
    expect(desk.get_by_test_id("claim-verdict")).to_have_text("Unverifiable")

    page = new_context().new_page()
    login(page, app, reviewer.username)
    expect(page.get_by_test_id("unread-count")).to_have_text("2")  # the assignments (one notice) and this
    page.get_by_test_id("notifications-link").click()
    item = page.locator("#notifications li.unread", has_text="recorded the verdict")
    expect(item).to_have_count(1)
    named = f"\u2068{editor.display_name}\u2069"  # names are isolated in the notice's text
    expect(item).to_contain_text(f"{named} recorded the verdict (unverifiable) on a claim you were reviewing")
