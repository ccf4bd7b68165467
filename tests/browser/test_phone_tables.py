"""Dashboard tables and the menu read on a 390 px phone and on a desktop (tryout item 6), in Chromium.

What a person saw: the reviewer's queue wrapped the claim one or two letters a line, headers broke
mid-word ("CL AI M", "STATU S"), and the editor's menu was cut off at "Insight" with nothing to
say it scrolled. Measured here as line counts of rendered text and boxes against the viewport.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token

from factcheck.claims.services import claim_assign
from factcheck.webhooks.models import (
    SUBSCRIBABLE,
    DeliveryStatus,
    EventKind,
    Webhook,
    WebhookDelivery,
    WebhookEvent,
)
from tests.browser import scenario
from tests.browser.conftest import TIMEOUT_MS
from tests.browser.helpers import login, login_by_id

# How many lines the text of an element takes on screen (distinct tops of its text's line boxes).
LINES = """(el) => {
  const r = document.createRange(); r.selectNodeContents(el);
  const tops = new Set(Array.from(r.getClientRects()).filter(b => b.width > 0).map(b => Math.round(b.top)));
  return tops.size;
}"""


def _phone(chromium, guard, **extra):
    context = chromium.new_context(viewport={"width": 390, "height": 844}, locale="en-GB", timezone_id="UTC",
                                   is_mobile=True, has_touch=True, **extra)
    context.set_default_timeout(TIMEOUT_MS)
    context.on("page", guard.watch)
    return context


LONG = ("Water use in the district rose by 18 percent over the past decade, according to the utility's annual "
        "report")


def _queue(editor, reviewer, quotes=(scenario.HOUSEHOLDS, scenario.JOBS, scenario.RAINFALL)):
    article, claims = scenario.article_with_claims(editor, quotes=quotes)
    due = dt.date.today() + dt.timedelta(days=3)
    for c in claims:
        claim_assign(actor=editor, claim_id=c.pk, reviewer=reviewer, due=due)
    return article, claims


def test_reviewer_queue_reads_as_one_card_per_claim_on_a_phone(chromium, guard, app, editor, reviewer):
    _article, claims = _queue(editor, reviewer)
    context = _phone(chromium, guard)
    try:
        page = context.new_page()
        login(page, app, reviewer.username)
        page.goto(f"{app}{reverse('dashboard')}")
        row = page.locator(f"#queue tr[data-claim-id='{claims[0].pk}']")
        link = row.locator("th a")
        # "the plant would supply nearly 2,400 households by 2027" (53 characters) fits in two lines
        # of a phone; squeezed into a column it took twenty.
        assert link.evaluate(LINES) <= 3, f"the claim takes {link.evaluate(LINES)} lines"
        title = row.locator("td a").first
        assert title.evaluate(LINES) <= 3, f"the article's title takes {title.evaluate(LINES)} lines"
        # Each cell says what it is, the way the column header did.
        for label in ("Article", "Status", "Due", "Priority"):
            cell = row.locator(f"td[data-label='{label}']")
            assert cell.evaluate("el => getComputedStyle(el, '::before').content").strip('"').startswith(label)
            assert cell.evaluate(LINES) <= 3
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    finally:
        context.close()


def test_editor_menu_shows_every_link_on_a_phone(chromium, guard, app, editor):
    context = _phone(chromium, guard)
    try:
        page = context.new_page()
        login(page, app, editor.username)
        page.goto(f"{app}{reverse('dashboard')}")
        links = page.locator(".site-header nav a")
        assert links.count() >= 8
        for i in range(links.count()):
            box = links.nth(i).bounding_box()
            name = links.nth(i).inner_text()
            # Every link lies on the screen whole: none cut off at the edge or hidden in a scroller.
            assert box["x"] >= 0 and box["x"] + box["width"] <= 390, f"{name!r} lies outside the screen: {box}"
            assert links.nth(i).evaluate(LINES) == 1, f"{name!r} breaks over lines"
        header = page.locator(".site-header").bounding_box()["height"]
        assert header <= 110, f"the header takes {header}px"
    finally:
        context.close()


def test_table_headers_never_break_inside_a_word(page, app, editor, reviewer):
    _queue(editor, reviewer, quotes=(LONG, scenario.RAINFALL, scenario.HOUSEHOLDS))
    page.set_viewport_size({"width": 1024, "height": 768})
    for who, url, table in ((reviewer, reverse("dashboard"), "#queue"), (reviewer, reverse("article_list"), "#articles"),
                            (editor, reverse("dashboard"), "#overdue"), (editor, reverse("workload"), "#workload")):
        page.context.clear_cookies()
        login(page, app, who.username)
        page.goto(f"{app}{url}")
        heads = page.locator(f"{table} thead th")
        for i in range(heads.count()):
            words = len(heads.nth(i).inner_text().split())
            lines = heads.nth(i).evaluate(LINES)
            assert lines <= words, f"{url} {table}: header {heads.nth(i).inner_text()!r} takes {lines} lines"


def test_editor_dashboard_tables_on_a_phone_in_arabic(chromium, guard, app, editor, reviewer):
    editor.language = "ar"
    editor.save(update_fields=["language"])
    _queue(editor, reviewer)
    context = _phone(chromium, guard)
    try:
        page = context.new_page()
        login(page, app, editor.username)
        page.goto(f"{app}{reverse('workload')}")
        assert page.evaluate("() => document.documentElement.dir") == "rtl"
        row = page.locator(f"#workload tr[data-username='{reviewer.username}']")
        cell = row.locator("td").nth(1)
        # The card mirrors: its label starts at the right-hand edge of the screen.
        box, card = cell.bounding_box(), row.bounding_box()
        assert abs((box["x"] + box["width"]) - (card["x"] + card["width"])) < 2
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    finally:
        context.close()


# The members and webhooks tables (tryout: they scrolled sideways on a phone while the dashboard's
# tables had become cards). A table that scrolls inside its own box hides columns just as a page
# that is too wide does, so both widths are measured.
WIDE = """(el) => ({table: el.scrollWidth - el.clientWidth, page: document.documentElement.scrollWidth - 390})"""


@pytest.mark.parametrize("language", ["en", "ar", "he"])
def test_members_and_webhook_tables_fit_a_phone(chromium, guard, app, editor, reviewer, language):
    editor.language = language
    editor.save(update_fields=["language"])
    hook = Webhook.objects.create(
        url="https://hooks.example.org/services/T0123456789/B0123456789/abcdefghijklmnopqrstuvwxyz0123456789",
        description="Desk channel for corrections and published reports", created_by=editor,
        events=[k.value for k in SUBSCRIBABLE])
    event = WebhookEvent.objects.create(kind=EventKind.PING, payload={"text": "Test event from the desk"})
    # Failed, so no sweep picks it up while the page is read.
    WebhookDelivery.objects.create(event=event, webhook=hook, status=DeliveryStatus.FAILED, attempts=5,
                                   response_status=502, error="Bad gateway from the receiver",
                                   response_body="<html><body>upstream_connect_error_or_disconnect</body></html>")
    Token.objects.create(user=reviewer)
    context = _phone(chromium, guard)
    try:
        page = context.new_page()
        login_by_id(page, app, editor)
        for url, table, row_selector in ((reverse("members"), "#members", f"tr[data-username='{reviewer.username}']"),
                                         (reverse("webhook_list"), "[data-testid=webhooks]", "tbody tr"),
                                         (reverse("webhook_detail", args=[hook.pk]), "[data-testid=deliveries]",
                                          "tbody tr")):
            page.goto(f"{app}{url}")
            assert page.evaluate("() => document.documentElement.dir") == ("ltr" if language == "en" else "rtl")
            overflow = page.locator(table).evaluate(WIDE)
            assert overflow["table"] <= 0 and overflow["page"] <= 0, f"{url} is too wide on a phone: {overflow}"
            row = page.locator(f"{table} {row_selector}").first
            # Each cell says what it is, the way the (now hidden) column header did.
            cells = row.locator("td")
            assert cells.count() >= 3
            for i in range(cells.count()):
                label = cells.nth(i).get_attribute("data-label")
                assert label, f"{url}: cell {i} has no label"
                before = cells.nth(i).evaluate("el => getComputedStyle(el, '::before').content")
                assert before.strip('"').startswith(label)
                box = cells.nth(i).bounding_box()
                assert box["x"] >= 0 and box["x"] + box["width"] <= 390, f"{url}: cell {label!r} lies off screen"
            # The buttons of a row are on the screen, whole, and big enough to tap.
            for button in row.locator("button").all():
                b = button.bounding_box()
                assert b["x"] >= 0 and b["x"] + b["width"] <= 390, f"{url}: a button lies off screen: {b}"
    finally:
        context.close()
