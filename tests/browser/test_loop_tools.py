"""Browser journeys of issue 11's second half: download an export from the workspace, read Insights,
register a webhook and see its delivery listed."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import hmac
import io
import json
from pathlib import Path

from playwright.sync_api import expect

from factcheck.claims.models import Verdict
from factcheck.claims.services import verdict_record
from factcheck.webhooks.models import Webhook
from tests.browser import scenario
from tests.browser.a11y import assert_accessible
from tests.browser.helpers import login, shoot
from tests.support.worker import wait_for


def test_reviewer_downloads_the_claims_as_csv_and_json_from_the_workspace(app, page, editor, reviewer):
    article, claims = scenario.assigned_claims(editor, reviewer)
    verdict_record(actor=reviewer, claim_id=claims[1].pk, verdict=Verdict.UNVERIFIABLE, rationale="=1+1 not public",
                   rating="unproven")
    login(page, app, reviewer.username)
    page.goto(f"{app}/articles/{article.pk}/")

    with page.expect_download() as info:
        page.get_by_test_id("export-csv").click()
    download = info.value
    assert download.suggested_filename.startswith(f"claims-{article.pk}-") and download.suggested_filename.endswith(".csv")
    raw = Path(download.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert [r["quote"] for r in rows] == [scenario.HOUSEHOLDS, scenario.JOBS, scenario.RAINFALL]
    jobs = rows[1]
    assert (jobs["status"], jobs["verdict"], jobs["rating"]) == ("resolved", "unverifiable", "unproven")
    assert jobs["rationale"] == "'=1+1 not public"  # a spreadsheet shows it as text, never runs it
    assert jobs["assignee"] == reviewer.username

    with page.expect_download() as info:
        page.get_by_test_id("export-json").click()
    data = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert data["article"]["title"] == scenario.TITLE
    assert [c["status"] for c in data["claims"]] == ["assigned", "resolved", "open"]


def test_an_arabic_articles_download_is_saved_under_its_arabic_title(app, page, editor):
    article, _claims = scenario.article_with_claims(editor, title="محطة تحلية المياه في الميناء")
    login(page, app, editor.username)
    page.goto(f"{app}/articles/{article.pk}/")
    with page.expect_download() as info:
        page.get_by_test_id("export-csv").click()
    assert info.value.suggested_filename == f"claims-{article.pk}-محطة-تحلية-المياه-في-الميناء.csv"


def test_editor_opens_insights_and_reads_charts_with_their_numbers(app, page, editor, reviewer):
    _article, claims = scenario.assigned_claims(editor, reviewer, due=dt.date.today() - dt.timedelta(days=2))
    verdict_record(actor=reviewer, claim_id=claims[0].pk, verdict=Verdict.UNVERIFIABLE, rationale="Not public.")
    login(page, app, editor.username)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Insights").click()
    expect(page.get_by_role("heading", name="Insights", level=1)).to_be_visible()

    for figure in ("status", "verdict", "overdue", "reviewers", "types", "published"):
        section = page.get_by_test_id(f"figure-{figure}")
        expect(section.locator("svg[role=img]").first).to_be_visible()
        expect(section.locator("table")).to_have_count(1)
    status = page.get_by_test_id("figure-status")
    expect(status.locator("tr[data-key=resolved] td")).to_have_text("1")
    expect(status.locator("tr[data-key=assigned] td")).to_have_text("1")
    expect(page.get_by_test_id("overdue-total")).to_have_text("1")  # the second claim, two days late
    expect(page.get_by_test_id("figure-verdict").locator("svg title").first).to_have_text("Resolved claims by verdict")
    expect(page.get_by_test_id("figure-reviewers").locator(f"tr[data-username={reviewer.username}] th")).to_have_text(
        reviewer.display_name)
    assert_accessible(page, "Insights page")
    shoot(page, "insights")


def test_editor_registers_a_webhook_and_sees_the_test_delivery(app, page, editor, source_site, guard):
    login(page, app, editor.username)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Webhooks").click()
    expect(page.get_by_text("No webhooks yet.")).to_be_visible()

    # A private address is refused by the same guard as sources, and the form says why.
    page.get_by_label("URL").fill("http://10.20.30.40/hook")
    page.get_by_label("Description").fill("Desk channel")
    page.get_by_label("Report published").check()
    page.get_by_label("Claim overdue").uncheck()
    # (The loopback test site is allow-listed for this run, as FETCH_ALLOW_HOSTS would allow an intranet.)
    guard.expect_status(400, r"/webhooks/$")
    page.get_by_test_id("register-webhook").click()
    expect(page.locator(".field-errors")).to_contain_text("a private address")

    page.get_by_label("URL").fill(source_site.url("/hooks/desk"))
    page.get_by_test_id("register-webhook").click()
    expect(page.get_by_role("heading", name="Desk channel", level=1)).to_be_visible()
    hook = Webhook.objects.get()
    assert "claim.overdue" not in hook.events and "report.published" in hook.events
    expect(page.get_by_test_id("webhook-secret")).to_have_value(hook.secret)
    expect(page.get_by_test_id("deliveries")).to_contain_text("Nothing sent yet.")

    page.get_by_test_id("send-test").click()
    # The form posts and redirects back: reloading before that navigation ends detaches the page.
    expect(page.get_by_text("Test event queued")).to_be_visible()
    wait_for(lambda: source_site.posts, what="the test event at the receiver")
    path, headers, body = source_site.posts[0]
    assert path == "/hooks/desk"
    signature = "sha256=" + hmac.new(hook.secret.encode(), body, hashlib.sha256).hexdigest()
    assert headers["X-Factcheck-Signature"] == signature
    assert json.loads(body)["text"].startswith("Test event from")

    def listed():
        page.reload()
        return page.locator("tr[data-status=delivered]").count() == 1

    wait_for(listed, timeout=20, what="the delivery listed as delivered")
    row = page.locator("tr[data-status=delivered]")
    expect(row).to_contain_text("Test event")
    expect(row).to_contain_text("HTTP 200")
    expect(row).to_contain_text("ok")
    assert_accessible(page, "webhook page")
    shoot(page, "webhook")
