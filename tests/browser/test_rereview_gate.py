"""A verdict on words the editor later changed: the readiness panel blocks the report, the reviewer confirms
the verdict on the claim's page, and the editor publishes — all through the pages."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from factcheck.claims.models import ClaimEvent, EventKind, Verdict
from factcheck.claims.services import verdict_record
from factcheck.publishing.models import Report, ReportStatus
from tests.browser.helpers import edit_article_text, login
from tests.browser.test_publishing import checked_article

NOTE = "Only the wording changed; the plan attached still states 350 local jobs."


def test_changed_words_block_the_report_until_the_reviewer_confirms(app, page, editor, reviewer, new_context, guard):
    article, _households, jobs, rainfall = checked_article(editor, reviewer)
    verdict_record(actor=reviewer, claim_id=rainfall.pk, verdict=Verdict.UNVERIFIABLE, rating="unproven",
                   rationale="No published averages.")

    # The editor rewords the jobs claim's sentence (its figure stays 350): a verdict was given on other words.
    login(page, app, editor.username)
    page.goto(f"{app}/articles/{article.pk}/")
    expect(page.get_by_test_id("readiness").get_by_test_id("report-state")).to_have_text("Ready to publish")
    edit_article_text(page, article, "construction would create 350", "the works would create 350")
    panel = page.get_by_test_id("readiness")
    expect(panel.get_by_test_id("report-state")).to_have_text("Not ready")
    expect(panel.get_by_test_id("publish")).to_have_count(0)
    blocker = panel.locator('[data-kind="rereview"] a')
    expect(blocker).to_contain_text("the works would create 350 local jobs")
    expect(blocker).to_contain_text("changed after its verdict")

    # The reviewer opens the claim from their side and confirms the verdict with a note.
    reviewer_page = new_context().new_page()
    login(reviewer_page, app, reviewer.username)
    reviewer_page.goto(f"{app}{blocker.get_attribute('href')}")
    card = reviewer_page.get_by_test_id("confirm-card")
    expect(card).to_contain_text("changed this claim's words after its verdict (verified)")
    guard.expect_status(400, rf"/claims/{jobs.pk}/confirm/$")
    card.get_by_test_id("confirm-verdict").click()
    expect(card.locator(".field-errors")).to_be_visible()  # a confirmation says why: the note is required
    card.get_by_label(re.compile(r"^Why the verdict still holds")).fill(NOTE)
    card.get_by_test_id("confirm-verdict").click()
    expect(reviewer_page.locator("ul.messages")).to_contain_text("Verdict confirmed for the new words.")
    expect(reviewer_page.get_by_test_id("confirm-card")).to_have_count(0)
    expect(reviewer_page.locator("#history")).to_contain_text(NOTE)
    event = ClaimEvent.objects.get(claim=jobs, kind=EventKind.CONFIRMED)
    assert event.actor == reviewer and "the works would create 350" in event.data["quote"]

    # Back in the workspace the editor can publish.
    page.reload()
    expect(panel.get_by_test_id("report-state")).to_have_text("Ready to publish")
    panel.get_by_test_id("publish").click()
    expect(page.locator("ul.messages")).to_contain_text("The report is published.")
    assert Report.objects.get(article=article).status == ReportStatus.PUBLISHED


def test_a_changed_figure_cannot_be_confirmed_and_the_editor_reopens_it(app, page, editor, reviewer, new_context):
    article, _households, jobs, rainfall = checked_article(editor, reviewer)
    verdict_record(actor=reviewer, claim_id=rainfall.pk, verdict=Verdict.UNVERIFIABLE, rating="unproven",
                   rationale="No published averages.")

    # The edit changes the figure the verdict was given on: 350 jobs become 380.
    login(page, app, editor.username)
    page.goto(f"{app}/articles/{article.pk}/")
    edit_article_text(page, article, "would create 350 local jobs", "would create 380 local jobs")
    panel = page.get_by_test_id("readiness")
    blocker = panel.locator('[data-kind="rereview"] a')
    expect(blocker).to_contain_text("380 local jobs")
    expect(panel.get_by_test_id("publish")).to_have_count(0)

    # The reviewer is told why confirming is not offered: the sources were checked against 350.
    reviewer_page = new_context().new_page()
    login(reviewer_page, app, reviewer.username)
    reviewer_page.goto(f"{app}{blocker.get_attribute('href')}")
    card = reviewer_page.get_by_test_id("confirm-card")
    expect(card.get_by_test_id("confirm-refused")).to_contain_text("Its figures changed after the verdict (350")
    expect(card.get_by_test_id("confirm-refused")).to_contain_text("380")
    expect(card.get_by_test_id("confirm-verdict")).to_have_count(0)

    # The editor reopens it from the same link; the claim goes back for a new review.
    page.goto(f"{app}{blocker.get_attribute('href')}")
    page.get_by_label("Reason").fill("The figure changed to 380; check the plan again.")
    page.get_by_test_id("reopen").click()
    expect(page.locator("ul.messages")).to_be_visible()
    jobs.refresh_from_db()
    assert jobs.status == "open" and not ClaimEvent.objects.filter(claim=jobs, kind=EventKind.CONFIRMED).exists()
    page.goto(f"{app}/articles/{article.pk}/")
    expect(panel.locator('[data-kind="rereview"]')).to_have_count(0)
    expect(panel.get_by_test_id("report-state")).to_have_text("Not ready")


def test_editing_a_published_article_never_shows_the_old_verdict_under_new_words(app, page, editor, reviewer,
                                                                                   new_context):
    # A tryout corrected "killed 312" to "213" after publishing: the live report called the corrected
    # sentence false. Now the report shows it under review again until the verdict is confirmed.
    article, _households, jobs, rainfall = checked_article(editor, reviewer)
    verdict_record(actor=reviewer, claim_id=rainfall.pk, verdict=Verdict.UNVERIFIABLE, rating="unproven",
                   rationale="No published averages.")
    login(page, app, editor.username)
    page.goto(f"{app}/articles/{article.pk}/")
    panel = page.get_by_test_id("readiness")
    panel.get_by_test_id("publish").click()
    expect(panel.get_by_test_id("report-state")).to_have_text("Published")
    report_url = f"{app}{Report.objects.get(article=article).get_absolute_url()}"

    edit_article_text(page, article, "construction would create 350", "the works would create 350")
    expect(panel.get_by_test_id("report-state")).to_have_text("Published")
    warning = panel.get_by_test_id("changed-since-published")
    expect(warning).to_contain_text("the report shows it as under review again")
    expect(panel.locator('[data-kind="rereview"] a')).to_contain_text("the works would create 350 local jobs")

    reader = new_context().new_page()
    reader.goto(report_url)
    entry = reader.locator(f"#claim-{jobs.pk}")
    expect(entry.get_by_test_id("under-review")).to_contain_text("the article's text changed after its verdict")
    expect(entry.get_by_test_id("under-review")).to_contain_text("The verdict published before was Verified")

    # The reviewer confirms it for the new words; readers see it verified again, with a dated note.
    reviewer_page = new_context().new_page()
    login(reviewer_page, app, reviewer.username)
    reviewer_page.goto(f"{app}/claims/{jobs.pk}/")
    card = reviewer_page.get_by_test_id("confirm-card")
    card.get_by_label(re.compile(r"^Why the verdict still holds")).fill(NOTE)
    card.get_by_test_id("confirm-verdict").click()
    expect(reviewer_page.locator("ul.messages")).to_contain_text("Verdict confirmed for the new words.")
    reader.reload()
    expect(entry.get_by_test_id("under-review")).to_have_count(0)
    expect(entry).to_contain_text("checked again, verdict unchanged (verified)")
    page.reload()
    expect(panel.get_by_test_id("changed-since-published")).to_have_count(0)
