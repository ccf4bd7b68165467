"""The desk as editors and reviewers use it every day (issue 12), in Chromium.

Journeys: an over-long paste is refused with nothing lost and a live count; a stale edit in a
second tab keeps the typing beside the current version and re-applies it; the claims page
filters and assigns in bulk; five suggestions triaged with the keyboard alone; every page at
390 px wide without sideways scrolling.
"""

from __future__ import annotations

import re

from django.urls import reverse
from playwright.sync_api import expect

from factcheck.articles.models import Article
from factcheck.claims.models import Claim, ClaimStatus, Notification
from tests.browser import scenario
from tests.browser.conftest import TIMEOUT_MS
from tests.browser.helpers import login
from tests.support.factories import ArticleFactory, make_claim


def test_overlong_paste_is_refused_with_nothing_lost_and_a_live_count(app, page, editor, guard):
    login(page, app, editor.username)
    page.goto(f"{app}{reverse('article_new')}")
    words = "The river rose again overnight and the council counted the damage street by street. "
    text = (words * (300_000 // len(words) + 1))[:300_000]
    page.get_by_label("Title").fill("Flood diary")
    box = page.get_by_label(re.compile(r"^Text"))
    box.fill(text)
    count = page.get_by_test_id("char-count")
    expect(count).to_contain_text("300,000 of 200,000 characters")
    expect(count).to_contain_text("100,000 too many")
    expect(box).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_test_id("char-count-live")).to_contain_text("over the limit")
    # Nothing was cut in the browser.
    assert page.evaluate("() => document.getElementById('id_text').value.length") == 300_000

    guard.expect_status(413, r"/articles/new/$")
    page.get_by_test_id("save-article").click()
    expect(page.get_by_role("alert").first).to_contain_text("the limit is 200,000")
    assert page.evaluate("() => document.getElementById('id_text').value.length") == 300_000
    assert not Article.objects.filter(title="Flood diary").exists()

    # Shortened, it saves whole.
    box.fill(text[:150_000])
    expect(count).to_contain_text("150,000 of 200,000 characters")
    page.get_by_test_id("save-article").click()
    page.wait_for_url(re.compile(r"/articles/\d+/$"))
    assert len(Article.objects.get(title="Flood diary").text) == 150_000


def test_stale_edit_in_a_second_tab_keeps_the_typing_and_reapplies(app, page, editor, guard):
    article, claims = scenario.article_with_claims(editor)
    claim = claims[0]
    login(page, app, editor.username)
    url = f"{app}{reverse('article_detail', args=[article.pk])}"
    page.goto(url)
    other = page.context.new_page()
    other.goto(url)

    def open_editor(tab):
        # Both tabs open the editor first (its form, fetched on opening, carries the version read then).
        item = tab.locator(f"#claim-{claim.pk}")
        item.get_by_test_id("edit-claim").click()
        expect(item.get_by_test_id("claim-wording")).to_be_visible()

    def edit(tab, wording: str):
        item = tab.locator(f"#claim-{claim.pk}")
        item.get_by_test_id("claim-wording").fill(wording)
        item.get_by_test_id("save-claim").click()

    open_editor(page)
    open_editor(other)
    edit(page, "Tab A: the plant supplies 2,400 households")
    expect(page.locator(f"#claim-{claim.pk} a.claim-text")).to_have_text("Tab A: the plant supplies 2,400 households")

    guard.expect_status(409, rf"/claims/{claim.pk}/edit/$")
    mine = "Tab B: nearly 2,400 households will be supplied by 2027"
    edit(other, mine)
    item = other.locator(f"#claim-{claim.pk}")
    expect(item.get_by_role("alert")).to_contain_text("changed")
    expect(item.get_by_test_id("claim-wording")).to_have_value(mine)
    expect(item.get_by_test_id("current-version")).to_contain_text("Tab A: the plant supplies 2,400 households")
    item.get_by_role("button", name="Re-apply my edit").click()
    expect(other.locator(f"#claim-{claim.pk} a.claim-text")).to_have_text(mine)
    claim.refresh_from_db()
    assert claim.text == mine


def test_claims_page_filters_and_assigns_in_bulk(app, page, editor, reviewer):
    _article, claims = scenario.article_with_claims(editor)
    other = ArticleFactory(created_by=editor, title="Harbour dredging",
                           text="The port dredged 40,000 tonnes of silt this winter, the harbour master said.\n")
    silt = make_claim(other, "The port dredged 40,000 tonnes of silt this winter")
    make_claim(other, "the harbour master said", status=ClaimStatus.SUGGESTED)
    login(page, app, editor.username)
    page.get_by_role("link", name="Claims", exact=True).click()
    page.get_by_label("Status").select_option("open")
    page.get_by_test_id("apply-filters").click()
    # The filtered page, not the one it replaces (which may show the same four rows, and whose ticks
    # would be lost with it: the test clicked "Select all" on the page that was going away).
    page.wait_for_url(re.compile(r"status=open"))
    page.wait_for_load_state("load")
    rows = page.get_by_test_id("claim-rows").locator(".claim-item")
    expect(rows).to_have_count(4)
    expect(page.get_by_test_id("claim-rows")).not_to_contain_text("the harbour master said")
    page.get_by_test_id("select-all").click()
    expect(page.locator("[data-pick-count]").first).to_have_text("4 ticked")
    page.get_by_test_id("bulk-reviewer").select_option(str(reviewer.pk))
    page.get_by_test_id("assign").click()
    expect(page.get_by_role("status").first).to_contain_text("Assigned 4 claims")
    assert re.search(r"/claims/\?.*status=open", page.url)
    for c in [*claims, silt]:
        c.refresh_from_db()
        assert c.status == ClaimStatus.ASSIGNED and c.assignee == reviewer
    assert Notification.objects.filter(recipient=reviewer).count() == 1


def test_five_suggestions_triaged_with_the_keyboard_alone(app, page, editor):
    article = ArticleFactory(created_by=editor, title=scenario.TITLE, text=scenario.TEXT)
    quotes = ["Its backers say the project will cost 84 million euros", scenario.HOUSEHOLDS,
              "Water use in the district rose by 18 percent over the past decade", scenario.JOBS,
              "Unemployment in Port Ellery stands at 11.2 percent"]
    five = [make_claim(article, q, status=ClaimStatus.SUGGESTED, suggested=True) for q in quotes]
    login(page, app, editor.username)
    page.goto(f"{app}{reverse('article_detail', args=[article.pk])}")
    keys = page.get_by_test_id("triage-keys")
    keys.locator("summary").press("Enter")
    expect(keys).to_contain_text("next / previous claim")
    live = page.get_by_test_id("triage-live")
    page.locator("#main").focus()

    page.keyboard.press("j")
    expect(live).to_contain_text("Claim 1 of 5: Its backers say")
    for key, said in [("a", "Accepted. Claim 2 of 5"), ("a", "Accepted. Claim 3 of 5"),
                      ("r", "Rejected. Claim 3 of 4"), ("a", "Accepted. Claim 4 of 4"),
                      ("r", "Rejected. Claim 3 of 3")]:
        page.keyboard.press(key)
        expect(live).to_contain_text(said, timeout=TIMEOUT_MS)
    statuses = [Claim.objects.get(pk=c.pk).status for c in five]
    assert statuses == [ClaimStatus.OPEN, ClaimStatus.OPEN, ClaimStatus.REJECTED, ClaimStatus.OPEN,
                        ClaimStatus.REJECTED]
    page.keyboard.press("k")
    expect(live).to_contain_text("Claim 2 of 3")
    page.keyboard.press("o")
    page.wait_for_url(re.compile(rf"/claims/{five[1].pk}/$"))


def test_every_page_fits_a_390px_phone(chromium, guard, app, editor, reviewer):
    article, claims = scenario.assigned_claims(editor, reviewer)
    context = chromium.new_context(viewport={"width": 390, "height": 844}, locale="en-GB", timezone_id="UTC",
                                   is_mobile=True, has_touch=True)
    context.set_default_timeout(TIMEOUT_MS)
    context.on("page", guard.watch)
    try:
        page = context.new_page()
        pages = {
            "dashboard": reverse("dashboard"),
            "articles": reverse("article_list"),
            "new article": reverse("article_new"),
            "import": reverse("article_import"),
            "workspace": reverse("article_detail", args=[article.pk]),
            "history": reverse("article_history", args=[article.pk]),
            "edit text": reverse("article_edit", args=[article.pk]),
            "claim": reverse("claim_detail", args=[claims[0].pk]),
            "claims": reverse("claim_list"),
            "workload": reverse("workload"),
            "notifications": reverse("notifications"),
            "profile": reverse("profile"),
        }
        for who, visits in ((editor, pages), (reviewer, {k: pages[k] for k in ("dashboard", "claim", "claims")})):
            context.clear_cookies()
            login(page, app, who.username)
            for what, url in visits.items():
                response = page.goto(f"{app}{url}")
                assert response.status == 200, f"{what}: HTTP {response.status}"
                page.wait_for_load_state("networkidle")
                width = page.evaluate("() => document.documentElement.scrollWidth")
                assert width <= 390, f"{what} ({who.username}) is {width}px wide at 390px"
                header = page.locator(".site-header").bounding_box()["height"]
                assert header <= 110, f"{what}: the header takes {header}px"
        context.clear_cookies()
        page.goto(f"{app}{reverse('login')}")
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    finally:
        context.close()


def test_a_keyboard_user_skips_to_the_claims_and_accepts_the_first_in_a_few_tabs(app, page, editor):
    # Past the header, the text and the new-claim form: a tryout counted 26 Tabs to the first Accept.
    article = ArticleFactory(created_by=editor, title=scenario.TITLE, text=scenario.TEXT)
    first = make_claim(article, scenario.HOUSEHOLDS, status=ClaimStatus.SUGGESTED, suggested=True)
    make_claim(article, scenario.JOBS, status=ClaimStatus.SUGGESTED, suggested=True)
    login(page, app, editor.username)
    page.goto(f"{app}{reverse('article_detail', args=[article.pk])}")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    skip = page.get_by_test_id("skip-to-claims")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()  # a skip link shows itself when it has the focus
    page.keyboard.press("Enter")
    expect(page.locator("#claims")).to_be_focused()
    presses = 0
    accept = f"#claim-{first.pk} [data-testid='accept']"
    while not page.evaluate("s => document.activeElement.matches(s)", accept):
        presses += 1
        focused = page.evaluate("document.activeElement.outerHTML")[:120]
        assert presses <= 4, f"the first Accept is more than 4 Tabs past the skip link (focus: {focused})"
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator(f"#claim-{first.pk}")).to_have_attribute("data-status", "open")
    assert Claim.objects.get(pk=first.pk).status == ClaimStatus.OPEN
