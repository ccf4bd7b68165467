"""The readiness panel says what the report will leave out (a new user's tryout, 6 December 2026).

The tryout's editor published with six suggestions nobody had looked at and was told nothing; a
suggestion accepted after publishing became a claim the published report does not hold, and the
panel still said only "Published".
"""

from __future__ import annotations

import re

from django.urls import reverse
from playwright.sync_api import expect

from factcheck.claims.models import ClaimStatus, Verdict
from factcheck.claims.services import verdict_record
from tests.browser.helpers import login
from tests.browser.test_publishing import checked_article
from tests.support.factories import make_claim

UNEMPLOYMENT = "Unemployment in Port Ellery stands at 11.2 percent"


def test_the_panel_warns_of_untouched_suggestions_and_later_of_a_claim_the_report_lacks(app, page, editor, reviewer):
    article, _households, _jobs, rainfall = checked_article(editor, reviewer)
    verdict_record(actor=reviewer, claim_id=rainfall.pk, verdict=Verdict.UNVERIFIABLE,
                   rationale="The weather service has not published the summer series.")
    late = make_claim(article, UNEMPLOYMENT, status=ClaimStatus.SUGGESTED, suggested=True)
    login(page, app, editor.username)
    page.goto(f"{app}{reverse('article_detail', args=[article.pk])}")
    panel = page.get_by_test_id("readiness")
    expect(panel.get_by_test_id("report-state")).to_have_text("Ready to publish")
    expect(panel.get_by_test_id("untouched-suggestions")).to_have_text(
        "1 suggestion was neither accepted nor rejected: the report leaves it out.")

    panel.get_by_test_id("publish").click()
    panel = page.get_by_test_id("readiness")
    expect(panel.get_by_test_id("report-state")).to_have_text("Published")
    expect(panel.get_by_test_id("untouched-suggestions")).to_have_count(0)
    expect(panel.get_by_test_id("not-in-report")).to_have_count(0)

    page.locator(f"#claim-{late.pk} [data-testid='accept']").click()
    warning = page.get_by_test_id("readiness").get_by_test_id("not-in-report")
    expect(warning).to_contain_text("1 claim is not in the published report: it was accepted after publishing.")
    link = page.get_by_test_id("readiness").locator("li[data-kind=not_in_report] a")
    expect(link).to_have_attribute("href", reverse("claim_detail", args=[late.pk]))


def test_the_ready_notice_leads_to_the_publish_button(app, page, editor, reviewer):
    # It used to link to the claim resolved last, one page away from Publish.
    article, _households, _jobs, rainfall = checked_article(editor, reviewer)
    verdict_record(actor=reviewer, claim_id=rainfall.pk, verdict=Verdict.UNVERIFIABLE,
                   rationale="The weather service has not published the summer series.")
    login(page, app, editor.username)
    page.goto(f"{app}{reverse('notifications')}")
    page.get_by_role("link", name=re.compile(r"^Ready to publish")).click()
    expect(page).to_have_url(re.compile(rf"/articles/{article.pk}/#readiness$"))
    page.get_by_test_id("readiness").get_by_test_id("publish").click()
    expect(page.get_by_test_id("readiness").get_by_test_id("report-state")).to_have_text("Published")
