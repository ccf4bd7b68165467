"""Publishing in the browser (issue 11): the readiness panel, Publish, the public report as a reader sees it,
reopen → "under review again" → correction, withdrawal; axe and screenshots of the report."""

from __future__ import annotations

import datetime as dt
import os
import re

from django.utils import timezone
from playwright.sync_api import expect

from factcheck.articles.services import article_create
from factcheck.claims.models import ClaimEvent, EventKind, Verdict
from factcheck.claims.services import claim_assign, claim_create, claim_edit, verdict_record
from factcheck.publishing.models import PublishingEventKind, Report, ReportStatus
from factcheck.sources.models import Evidence, Snapshot, Source
from tests.browser import scenario
from tests.browser.a11y import assert_accessible
from tests.browser.helpers import SCREENSHOTS, login

PHONE = {"width": 390, "height": 844}
REOPEN_REASON = "The council published revised job figures"


def _source(claim, reviewer, *, url: str, title: str, text: str, passage: str, stance: str) -> None:
    source = Source.objects.create(url=url, title=title, added_by=reviewer, independent=True,
                                   publisher="Port Ellery Water Utility")
    snapshot = Snapshot.objects.create(source=source, fetched_at=timezone.now() - dt.timedelta(hours=3),
                                       sha256=f"{source.pk:064x}", text=text, final_url=url, status_code=200,
                                       content_type="text/html")
    start = text.index(passage)
    Evidence.objects.create(claim=claim, source=source, added_by=reviewer, stance=stance, snapshot=snapshot,
                            passage_start=start, passage_end=start + len(passage), passage_quote=passage)


def checked_article(editor, reviewer):
    """The journeys' article with three claims: two resolved with pinned sources, the rainfall one still open."""
    article, claims = scenario.article_with_claims(editor)
    households, jobs, rainfall = claims
    claim_edit(actor=editor, claim_id=households.pk, attributed_to="Council leader Mara Voss")
    claim_edit(actor=editor, claim_id=jobs.pk, attributed_to="the harbour authority")
    for claim in claims:
        claim_assign(actor=editor, claim_id=claim.pk, reviewer=reviewer, due=dt.date.today() + dt.timedelta(days=3))
    _source(households, reviewer, url="https://utility.example.org/capacity-2024", title=scenario.SOURCE_TITLE,
            text="According to the engineering study, the planned desalination plant would supply about 1,500 "
                 "households once both intake lines are complete.", passage=scenario.PINNED, stance="refutes")
    _source(jobs, reviewer, url="https://harbour.example.org/plan", title="Harbour authority: construction plan",
            text="The construction plan foresees 350 local jobs over three years.", passage="350 local jobs", stance="supports")
    verdict_record(actor=reviewer, claim_id=households.pk, verdict=Verdict.DISPUTED, rating="inaccurate",
                   rationale="The utility's capacity statement says about 1,500 households, not nearly 2,400.")
    verdict_record(actor=reviewer, claim_id=jobs.pk, verdict=Verdict.VERIFIED, rating="accurate",
                   rationale="The harbour authority's construction plan lists 350 local jobs.")
    return article, households, jobs, rainfall


def save(page, name: str, *, full_page: bool = True) -> None:
    """A README screenshot at the page's current size and media (SAVE_SCREENSHOTS=1 only)."""
    if os.environ.get("SAVE_SCREENSHOTS") != "1":
        return
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=full_page, animations="disabled", caret="hide")


def reader_context(chromium, guard, **options):
    """An anonymous reader; JavaScript off by default: the report must read without it."""
    context = chromium.new_context(locale="en-GB", timezone_id="UTC", **options)
    context.set_default_timeout(10_000)
    context.on("page", guard.watch)
    return context


def test_editor_publishes_from_the_workspace_and_a_reader_follows_a_claim(app, page, editor, reviewer, chromium,
                                                                          guard):
    article, households, _jobs, rainfall = checked_article(editor, reviewer)
    login(page, app, editor.username)
    page.goto(f"{app}/articles/{article.pk}/")

    # Not ready: the panel names the open claim, as a link to it.
    panel = page.get_by_test_id("readiness")
    expect(panel.get_by_test_id("report-state")).to_have_text("Not ready")
    expect(panel.get_by_test_id("publish")).to_have_count(0)
    blocker = panel.get_by_test_id("blockers").get_by_role("link")
    expect(blocker).to_have_count(1)
    expect(blocker).to_contain_text("Rainfall in the region")
    expect(blocker).to_contain_text("is not resolved yet (assigned)")
    if os.environ.get("SAVE_SCREENSHOTS") == "1":
        panel.screenshot(path=str(SCREENSHOTS / "readiness-blocked.png"), animations="disabled")
    blocker.click()
    page.wait_for_url(f"**/claims/{rainfall.pk}/")

    # The editor settles it on the claim page, then publishes from the workspace.
    page.get_by_label("Unverifiable").check()
    page.get_by_label(re.compile(r"^Rating")).select_option("unproven")
    page.get_by_label(re.compile(r"^Rationale")).fill("The weather service has not published summer averages.")
    page.get_by_test_id("record-verdict").click()
    expect(page.get_by_test_id("claim-verdict")).to_have_text("Unverifiable")
    page.goto(f"{app}/articles/{article.pk}/")
    expect(panel.get_by_test_id("report-state")).to_have_text("Ready to publish")
    expect(panel.get_by_test_id("ready-text")).to_contain_text("All 3 claims resolved")
    # One click makes it public, so the panel says beforehand what readers will see.
    expect(panel.get_by_test_id("publish-summary")).to_contain_text(
        "public at once, with 1 verified, 1 disputed and 1 unverifiable")
    panel.get_by_test_id("publish").click()
    expect(page.locator("ul.messages")).to_contain_text("The report is published.")
    expect(panel.get_by_test_id("report-state")).to_have_text("Published")
    report = Report.objects.get(article=article)
    assert report.status == ReportStatus.PUBLISHED and report.published_by == editor
    assert ClaimEvent.objects.filter(claim=households, kind=EventKind.PUBLISHED, actor=editor).count() == 1
    view = panel.get_by_test_id("view-report")
    href = view.get_attribute("href")
    if os.environ.get("SAVE_SCREENSHOTS") == "1":
        panel.screenshot(path=str(SCREENSHOTS / "readiness-published.png"), animations="disabled")
    assert href == report.get_absolute_url() and re.fullmatch(r"/reports/council-backs-[-a-z]+-[a-z0-9]{16}/", href)

    # An anonymous reader, JavaScript off, opens the report from the link.
    context = reader_context(chromium, guard, viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    reader = context.new_page()
    reader.goto(f"{app}{href}")
    expect(reader.get_by_role("heading", level=1)).to_have_text(scenario.TITLE)
    expect(reader.get_by_test_id("byline")).to_contain_text(f"Checked by Harbour Gazette: {reviewer.display_name}")
    badges = reader.get_by_test_id("summary").locator(".verdict-counts .badge")
    expect(badges).to_have_text([re.compile("Verified"), re.compile("Disputed"), re.compile("Unverifiable")])
    looks = badges.evaluate_all("els => els.map(e => { const s = getComputedStyle(e);"
                                " return [s.backgroundColor, s.color, e.textContent.trim()]; })")
    assert len({bg for bg, _, _ in looks}) == 3 and len({fg for _, fg, _ in looks}) == 3, looks
    assert [text[0] for _, _, text in looks] == ["✓", "✗", "?"]  # a shape as well as a colour and a word

    # Follow the disputed claim from the article text to its entry.
    reader.locator(".report-text a.hl-disputed").click()
    expect(reader).to_have_url(re.compile(rf"#claim-{households.pk}$"))
    entry = reader.locator(f"#claim-{households.pk}")
    expect(entry).to_be_in_viewport()
    expect(entry.get_by_test_id("verdict-badge")).to_contain_text("Disputed")
    expect(entry).to_contain_text("Rating: Inaccurate")
    expect(entry.locator("blockquote.passage")).to_have_text(scenario.PINNED)
    expect(entry.locator(".retrieved")).to_contain_text("Copy retrieved")
    expect(entry.get_by_role("link", name=scenario.SOURCE_TITLE)).to_have_attribute(
        "href", "https://utility.example.org/capacity-2024")
    save(reader, "report", full_page=True)
    reader.emulate_media(media="print")
    reader.set_viewport_size({"width": 794, "height": 1123})  # an A4 page at 96 dpi
    save(reader, "report-print", full_page=True)
    context.close()

    # On a 390 px phone: nothing wider than the screen, and axe finds nothing serious (desktop too).
    for viewport, what in ((PHONE, "report at 390 px"), ({"width": 1280, "height": 900}, "report on a desktop")):
        context = reader_context(chromium, guard, viewport=viewport)
        reader = context.new_page()
        reader.goto(f"{app}{href}")
        overflow = reader.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{what}: {overflow}px of sideways scrolling"
        assert_accessible(reader, what)
        if viewport is PHONE:
            save(reader, "report-phone", full_page=True)
        context.close()


def test_reopen_shows_under_review_then_a_correction_then_withdrawal(app, page, editor, reviewer, chromium, guard):
    article, _households, jobs, rainfall = checked_article(editor, reviewer)
    verdict_record(actor=reviewer, claim_id=rainfall.pk, verdict=Verdict.UNVERIFIABLE, rating="unproven",
                   rationale="No summer averages are published.")
    login(page, app, editor.username)
    page.goto(f"{app}/articles/{article.pk}/")
    page.get_by_test_id("readiness").get_by_test_id("publish").click()
    expect(page.get_by_test_id("report-state")).to_have_text("Published")
    url = app + page.get_by_test_id("view-report").get_attribute("href")

    reader = reader_context(chromium, guard, viewport={"width": 1280, "height": 900},
                            java_script_enabled=False).new_page()

    # The editor reopens the verified jobs claim with a reason.
    page.goto(f"{app}/claims/{jobs.pk}/")
    page.get_by_label("Reason").fill(REOPEN_REASON)
    page.get_by_test_id("reopen").click()
    expect(page.get_by_test_id("claim-status")).to_have_text("Open")
    reader.goto(url)
    entry = reader.locator(f"#claim-{jobs.pk}")
    expect(entry.get_by_test_id("verdict-badge")).to_contain_text("Under review again")
    expect(entry.get_by_test_id("under-review")).to_contain_text(REOPEN_REASON)
    expect(entry.get_by_test_id("under-review")).to_contain_text("The verdict published before was Verified")
    expect(reader.get_by_test_id("summary")).to_contain_text("Under review again")

    # Assigned again and resolved the other way: a dated correction note.
    page.get_by_test_id("assign").click()
    expect(page.get_by_test_id("claim-status")).to_have_text("Assigned")
    page.get_by_label("Disputed").check()
    page.get_by_label(re.compile(r"^Rating")).select_option("misleading")
    page.get_by_label(re.compile(r"^Rationale")).fill("The revised plan counts 350 jobs in total, only 120 local.")
    page.get_by_test_id("record-verdict").click()
    expect(page.get_by_test_id("claim-verdict")).to_have_text("Disputed")
    reader.goto(url)
    entry = reader.locator(f"#claim-{jobs.pk}")
    expect(entry.get_by_test_id("verdict-badge")).to_contain_text("Disputed")
    today = timezone.now()
    note = entry.get_by_test_id("correction-note")
    expect(note).to_have_text(
        f"Updated {today.day} {today:%b %Y}: verdict changed from verified to disputed; rating changed from accurate "
        f"to misleading — {REOPEN_REASON}"
    )
    expect(reader.get_by_test_id("updates")).to_contain_text("verdict changed from verified to disputed")
    assert Report.objects.get(article=article).events.filter(kind=PublishingEventKind.CLAIM_CORRECTED).count() == 1
    assert ClaimEvent.objects.filter(claim=jobs, kind=EventKind.CORRECTED).exists()
    data = reader.locator('script[type="application/ld+json"]').text_content()
    assert '"dateModified"' in data

    # The editor withdraws the report from the workspace; the link now shows a dated note.
    page.goto(f"{app}/articles/{article.pk}/")
    page.get_by_test_id("withdraw-open").click()
    page.get_by_test_id("withdraw-reason").fill("The harbour figures are being re-examined")
    page.get_by_test_id("withdraw").click()
    expect(page.get_by_test_id("report-state")).to_have_text("Withdrawn")
    guard.expect_status(410, re.escape(url.split(app)[-1]) + "$")
    response = reader.goto(url)
    assert response.status == 410
    note = reader.get_by_test_id("withdrawn-note")
    expect(note).to_contain_text("This fact check was withdrawn")
    expect(note).to_contain_text(f"Withdrawn {today.day} {today:%b %Y}: The harbour figures are being re-examined")
    expect(reader.locator(".badge-verified")).to_have_count(0)
    save(reader, "report-withdrawn", full_page=False)
    reader.context.close()


def test_a_long_list_of_blockers_is_folded_so_the_text_stays_near_the_top(app, page, editor):
    # A tryout's twenty open claims pushed the article text 1,068 px down the workspace.
    article = article_create(actor=editor, title=scenario.TITLE, text=scenario.TEXT)
    for quote in ("84 million euros", "nearly 2,400 households", "18 percent", "350 local jobs", "11.2 percent"):
        claim_create(actor=editor, article_id=article.pk, quote=quote)
    login(page, app, editor.username)
    page.goto(f"{app}/articles/{article.pk}/")
    panel = page.get_by_test_id("readiness")
    expect(panel.get_by_test_id("blockers").get_by_role("link")).to_have_count(3)
    more = panel.get_by_test_id("more-blockers")
    # Two more open claims; "No claim has been resolved yet." is not a third item beside them (a tryout
    # counted the items against "0 of 5 claims resolved").
    expect(more.locator("summary")).to_have_text("2 more items")
    expect(more.get_by_role("link").first).to_be_hidden()
    more.locator("summary").click()
    expect(more.get_by_role("link")).to_have_count(2)
    expect(more.get_by_role("link").last).to_contain_text("11.2 percent")
    expect(more.get_by_role("link").last).to_be_visible()
    expect(more.locator("li")).to_have_count(2)
    expect(panel).not_to_contain_text("No claim has been resolved yet.")
