"""Journey 5: an editor creates and assigns a claim with the keyboard alone.

Selecting static text from the keyboard needs the browser's caret browsing
(F7 in Chrome and Firefox), so this test runs a Chromium of its own with
--enable-caret-browsing: Tab into the article text, arrows to the passage,
Shift+arrows to select it, Tab to "Create claim", Enter. No mouse event is sent.
"""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from factcheck.claims.models import Claim, ClaimEvent, ClaimStatus, EventKind
from tests.browser import scenario
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, TIMEOUT_MS, VIEWPORT
from tests.browser.helpers import PASSWORD

PASSAGE = "Its backers say the project will cost 84 million euros"

# Where the caret (the selection's focus) is, counted in characters of the article text.
CARET = """() => {
  const root = document.getElementById('article-text'), sel = getSelection();
  if (!sel.rangeCount || !root.contains(sel.focusNode)) return -1;
  const r = document.createRange(); r.selectNodeContents(root); r.setEnd(sel.focusNode, sel.focusOffset);
  return r.toString().length;
}"""


@pytest.fixture
def keyboard_page(chromium, guard):
    browser = chromium.browser_type.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, "--enable-caret-browsing"])
    context = browser.new_context(viewport=VIEWPORT, locale="en-GB", timezone_id="UTC")
    context.set_default_timeout(TIMEOUT_MS)
    context.on("page", guard.watch)
    page = context.new_page()
    # Any mouse event reaching the page would mean the journey cheated.
    page.add_init_script(
        "window.__mouse = 0; for (const t of ['mousedown', 'mouseup', 'click'])"
        " addEventListener(t, e => { if (e.isTrusted && e.detail > 0) window.__mouse += 1; }, true);"
    )
    yield page
    context.close()
    browser.close()


def same_day_and_month_after(day: dt.date) -> dt.date:
    """A future date like 12 December, typed the same in day-month and month-day fields
    (the field's order follows the browser's own locale, which a test cannot pin down)."""
    year = day.year
    while True:
        for month in range(1, 13):
            candidate = dt.date(year, month, month)
            if candidate > day:
                return candidate
        year += 1


def tab_to(page, selector: str, *, backwards: bool = False, limit: int = 60) -> None:
    """Press Tab (or Shift+Tab) until the element matching selector has the focus."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(limit):
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press(key)
    raise AssertionError(f"{selector} never got the focus after {limit} × {key}")


def test_editor_creates_and_assigns_a_claim_with_the_keyboard_only(app, keyboard_page, editor, reviewer, guard):
    page = keyboard_page
    article, _ = scenario.article_with_claims(editor, quotes=())
    start = scenario.TEXT.index(PASSAGE)

    page.goto(f"{app}/accounts/login/")
    tab_to(page, "#id_username")
    page.keyboard.type(editor.username)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{app}/")

    # Typing the address is keyboard use too.
    page.goto(f"{app}/articles/{article.pk}/")
    tab_to(page, "#article-text")
    for _ in range(start + 5):
        if page.evaluate(CARET) == start:
            break
        page.keyboard.press("ArrowRight")
    assert page.evaluate(CARET) == start, "the caret did not reach the passage"
    for _ in range(len(PASSAGE)):
        page.keyboard.press("Shift+ArrowRight")
    expect(page.locator("#selection-info")).to_contain_text(f"{start}–{start + len(PASSAGE)}")
    expect(page.get_by_label("Passage", exact=True)).to_have_value(PASSAGE)
    tab_to(page, "#create-from-selection")
    page.keyboard.press("Enter")

    item = page.locator(f".claim-item[data-start='{start}'][data-end='{start + len(PASSAGE)}']")
    expect(item).to_have_attribute("data-status", "open")
    claim = Claim.objects.get(article=article, start=start)

    # Tick it, then back up to the assignment fields above the list.
    tab_to(page, f"#pick-{claim.pk}")
    page.keyboard.press("Space")
    expect(page.locator(f"#pick-{claim.pk}")).to_be_checked()
    tab_to(page, "#bulk-reviewer", backwards=True)
    page.keyboard.type(reviewer.first_name)  # a closed <select> jumps to the option typed
    expect(page.locator("#bulk-reviewer")).to_have_value(str(reviewer.pk))
    page.keyboard.press("Tab")
    due = same_day_and_month_after(dt.date.today())
    page.keyboard.type(due.strftime("%d%m%Y"))
    expect(page.locator("#bulk-due")).to_have_value(due.isoformat())
    tab_to(page, "#bulk-form [data-testid=assign]")
    page.keyboard.press("Enter")
    expect(page.locator(f"#claim-{claim.pk}")).to_have_attribute("data-status", "assigned")

    assert page.evaluate("window.__mouse") == 0
    claim.refresh_from_db()
    assert (claim.quote, claim.status, claim.assignee, claim.due) == (PASSAGE, ClaimStatus.ASSIGNED, reviewer, due)
    steps = ClaimEvent.objects.filter(claim=claim, actor=editor).values_list("kind", flat=True)
    assert {EventKind.CREATED, EventKind.ASSIGNED} <= set(steps)
