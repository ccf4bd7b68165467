"""A verdict resting only on sources nobody could retrieve is recorded, and the reviewer is told so.

A tryout's reviewer recorded "verified" on two sources the URL guard had blocked (a private address and
a cloud metadata address) and the page said only "Verdict recorded.". A reviewer may have read a source
elsewhere, so the verdict stands, but the page says the report will mark its sources "not retrieved".
"""

from __future__ import annotations

import re

from playwright.sync_api import expect

from factcheck.claims.models import Claim, ClaimStatus, Verdict
from factcheck.claims.services import claim_assign
from tests.browser import scenario
from tests.browser.helpers import login
from tests.support.factories import ArticleFactory, make_claim

# Refused by the guard from the address alone: nothing is ever connected to.
BLOCKED_URL = "http://10.20.30.40/bulletin"
WARNING = "None of this claim's sources could be retrieved"


def test_a_verdict_on_blocked_sources_only_says_they_were_not_retrieved(app, page, editor, reviewer):
    article = ArticleFactory(title=scenario.TITLE, created_by=editor, text=scenario.TEXT)
    claim = make_claim(article, scenario.HOUSEHOLDS)
    claim_assign(actor=editor, claim_id=claim.pk, reviewer=reviewer)

    login(page, app, reviewer.username)
    page.goto(f"{app}/claims/{claim.pk}/")
    page.get_by_test_id("source-url").fill(BLOCKED_URL)
    page.get_by_test_id("source-stance").select_option("supports")
    page.get_by_test_id("attach-source").click()
    source = page.get_by_test_id("source")
    expect(source.get_by_test_id("lookup-fetch")).to_have_attribute("data-status", "blocked", timeout=30_000)

    page.get_by_label("Verified").check()
    page.get_by_label(re.compile(r"^Rationale")).fill("The utility's bulletin, read on the desk's intranet, gives the figure.")
    page.get_by_test_id("record-verdict").click()
    expect(page.get_by_test_id("claim-status")).to_have_text("Resolved")
    messages = page.locator("ul.messages")
    expect(messages).to_contain_text("Verdict recorded.")
    expect(messages).to_contain_text(WARNING)
    expect(messages).to_contain_text("“not retrieved”")
    # A blocked address is no public page: the report leaves it out, and the reviewer is told.
    expect(messages).to_contain_text("Sources at addresses that are not public (blocked) are left out of the public report.")
    fresh = Claim.objects.get(pk=claim.pk)
    assert fresh.status == ClaimStatus.RESOLVED and fresh.verdict == Verdict.VERIFIED


def test_a_blocked_address_offers_a_file_instead_of_a_retry_that_cannot_work(app, page, editor, reviewer, tmp_path):
    article = ArticleFactory(title=scenario.TITLE, created_by=editor, text=scenario.TEXT)
    claim = make_claim(article, scenario.HOUSEHOLDS)
    claim_assign(actor=editor, claim_id=claim.pk, reviewer=reviewer)
    saved = tmp_path / "bulletin.html"
    saved.write_text("<html><head><title>Utility bulletin</title></head><body><p>The plant would supply nearly "
                     "2,400 households by 2027, the utility said in its bulletin.</p></body></html>", encoding="utf-8")

    login(page, app, reviewer.username)
    page.goto(f"{app}/claims/{claim.pk}/")
    page.get_by_test_id("source-url").fill(BLOCKED_URL)
    page.get_by_test_id("attach-source").click()
    fetch = page.get_by_test_id("source").get_by_test_id("lookup-fetch")
    expect(fetch).to_have_attribute("data-status", "blocked", timeout=30_000)
    expect(fetch.get_by_test_id("retry")).to_have_count(0)  # the guard refuses the address: retrying cannot help
    expect(fetch.get_by_test_id("blocked-hint")).to_contain_text("save the page and attach the file instead")
    fetch.get_by_test_id("attach-file-instead").click()
    expect(page).to_have_url(re.compile(r"#source-file$"))
    page.get_by_test_id("source-file").set_input_files(str(saved))
    page.get_by_test_id("attach-source").click()
    expect(page.get_by_test_id("source")).to_have_count(2)
    expect(page.get_by_test_id("snapshot-state")).to_have_count(1, timeout=30_000)


def test_the_published_report_lists_the_copied_source_and_leaves_the_blocked_one_out(
        app, page, new_context, editor, reviewer, tmp_path):
    """The whole way through the pages: the reviewer cites a blocked address and a saved copy, the editor
    publishes from the workspace, and a reader of the report sees the copy and never the address."""
    article, (claim,) = scenario.article_with_claims(editor, quotes=(scenario.HOUSEHOLDS,))
    claim_assign(actor=editor, claim_id=claim.pk, reviewer=reviewer)
    saved = tmp_path / "utility-bulletin.html"
    saved.write_text("<html><head><title>Utility bulletin</title></head><body><p>The plant would supply nearly "
                     "2,400 households by 2027, the utility said in its bulletin.</p></body></html>", encoding="utf-8")

    login(page, app, reviewer.username)
    page.goto(f"{app}/claims/{claim.pk}/")
    page.get_by_test_id("source-url").fill(BLOCKED_URL)
    page.get_by_test_id("attach-source").click()
    expect(page.get_by_test_id("source").get_by_test_id("lookup-fetch")).to_have_attribute(
        "data-status", "blocked", timeout=30_000)
    page.get_by_test_id("source-file").set_input_files(str(saved))
    page.get_by_test_id("source-stance").select_option("supports")
    page.get_by_test_id("attach-source").click()
    expect(page.get_by_test_id("source")).to_have_count(2)
    expect(page.get_by_test_id("snapshot-state")).to_have_count(1, timeout=30_000)
    page.get_by_label("Verified").check()
    page.get_by_label(re.compile(r"^Rationale")).fill("The utility's bulletin gives nearly 2,400 households.")
    page.get_by_test_id("record-verdict").click()
    expect(page.get_by_test_id("claim-status")).to_have_text("Resolved")

    desk = new_context().new_page()
    login(desk, app, editor.username)
    desk.goto(f"{app}/articles/{article.pk}/")
    panel = desk.get_by_test_id("readiness")
    expect(panel.get_by_test_id("report-state")).to_have_text("Ready to publish")
    panel.get_by_test_id("publish").click()
    expect(panel.get_by_test_id("report-state")).to_have_text("Published")
    href = panel.get_by_test_id("view-report").get_attribute("href")

    reader = new_context(javascript=False).new_page()
    reader.goto(f"{app}{href}")
    entry = reader.locator(f"#claim-{claim.pk}")
    expect(entry.get_by_test_id("verdict-badge")).to_contain_text("Verified")
    expect(entry.get_by_role("listitem")).to_have_count(1)
    expect(entry.get_by_role("listitem")).to_contain_text("Utility bulletin (supports)")
    expect(entry.locator("a[href*='10.20.30.40']")).to_have_count(0)
    assert "10.20.30.40" not in reader.content()
