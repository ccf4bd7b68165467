"""A suggested claim is accepted or rejected from its own page, and a rejected suggestion says where it went
(a tryout found only Edit and Split on a suggestion's page, and a workspace reject that vanished without a word)."""

from __future__ import annotations

from django.urls import reverse
from playwright.sync_api import expect

from factcheck.claims.models import Claim, ClaimStatus
from tests.browser import scenario
from tests.browser.helpers import login
from tests.support.factories import ArticleFactory, make_claim


def _suggestions(editor):
    article = ArticleFactory(created_by=editor, title=scenario.TITLE, text=scenario.TEXT)
    return article, [make_claim(article, q, status=ClaimStatus.SUGGESTED, suggested=True)
                     for q in (scenario.HOUSEHOLDS, scenario.JOBS)]


def test_an_editor_accepts_and_rejects_suggestions_on_their_pages(app, page, editor):
    _article, (kept, dropped) = _suggestions(editor)
    login(page, app, editor.username)
    page.goto(f"{app}/claims/{kept.pk}/")
    page.get_by_test_id("suggestion-card").get_by_test_id("accept-suggestion").click()
    expect(page.locator("ul.messages")).to_contain_text("Suggestion accepted.")
    expect(page.get_by_test_id("suggestion-card")).to_have_count(0)
    assert Claim.objects.get(pk=kept.pk).status == ClaimStatus.OPEN

    page.goto(f"{app}/claims/{dropped.pk}/")
    page.get_by_test_id("suggestion-card").get_by_test_id("reject-suggestion").click()
    expect(page.locator("ul.messages")).to_contain_text("status filter “Rejected”")
    expect(page.get_by_test_id("restore-card")).to_be_visible()
    assert Claim.objects.get(pk=dropped.pk).status == ClaimStatus.REJECTED


def test_a_suggestion_rejected_in_the_workspace_is_found_again_under_its_filter(app, page, editor):
    article, (_kept, dropped) = _suggestions(editor)
    login(page, app, editor.username)
    page.goto(f"{app}{reverse('article_detail', args=[article.pk])}")
    page.locator(f"#claim-{dropped.pk} [data-testid='reject']").click()
    expect(page.locator(f"#claim-{dropped.pk}")).to_have_count(0)
    expect(page.locator("ul.messages")).to_contain_text("status filter “Rejected”")
    page.select_option("#f-status", "rejected")
    page.get_by_test_id("filter").click()
    expect(page.locator(f"#claim-{dropped.pk}")).to_be_visible()
    assert Claim.objects.get(pk=dropped.pk).status == ClaimStatus.REJECTED
