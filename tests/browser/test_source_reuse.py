"""A source of one claim attached to another claim of the same article, from the claim page.

A new user's tryout (6 December 2026) uploaded the same statement three times, once per claim it backed.
"""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser import scenario
from tests.browser.helpers import login


def test_a_reviewer_attaches_the_statement_of_one_claim_to_the_next(app, page, editor, reviewer, tmp_path):
    _article, claims = scenario.assigned_claims(editor, reviewer)
    households, jobs = claims[0], claims[1]
    statement = tmp_path / "council-statement.html"
    statement.write_text("<html><head><title>Council statement on the plant</title></head><body><p>The plant would "
                         "supply nearly 2,400 households by 2027, and construction would create 350 local jobs, the "
                         "council said.</p></body></html>", encoding="utf-8")
    login(page, app, reviewer.username)
    page.goto(f"{app}/claims/{households.pk}/")
    page.get_by_test_id("source-file").set_input_files(str(statement))
    page.get_by_test_id("attach-source").click()
    expect(page.get_by_test_id("source")).to_have_count(1)
    expect(page.get_by_test_id("reuse-sources")).to_have_count(0)  # nothing else of the article to offer yet

    page.goto(f"{app}/claims/{jobs.pk}/")
    offer = page.get_by_test_id("reuse-sources")
    expect(offer.get_by_test_id("reuse-source")).to_have_text(["Council statement on the plant"])
    page.get_by_test_id("source-stance").select_option("supports")
    offer.get_by_test_id("reuse-source").click()
    source = page.get_by_test_id("source")
    expect(source).to_have_count(1)
    expect(source).to_contain_text("Council statement on the plant")
    expect(source.get_by_test_id("snapshot-state")).to_have_count(1)  # the copy kept at upload, not read again
    expect(page.get_by_test_id("reuse-sources")).to_have_count(0)  # attached here now: not offered again
