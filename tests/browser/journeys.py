"""The steps of the editor and reviewer journeys, written once and used by the single-journey tests
and by the combined journey (1 → 2 → 3 in one story)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from playwright.sync_api import expect

from factcheck.articles.models import Article
from tests.browser import scenario
from tests.browser.helpers import login, select_with_mouse, shoot

EDITED_WORDING = "Mara Voss: the desalination plant will supply nearly 2,400 households by 2027"


@dataclass
class Prepared:
    article_id: int
    accepted: list[int] = field(default_factory=list)
    rejected: int | None = None
    selected: int | None = None  # the claim made by selecting text with the mouse
    assigned: list[int] = field(default_factory=list)
    due: dt.date | None = None


def claim_item(page, claim_id: int):
    return page.locator(f"#claim-{claim_id}")


def editor_prepares_article(page, app: str, editor, reviewer) -> Prepared:
    """Journey 1: paste an article, triage suggestions, select a claim, reword it, assign two claims."""
    login(page, app, editor.username)
    page.get_by_test_id("new-article").click()
    page.get_by_label("Title").fill(scenario.TITLE)
    page.get_by_label("Outlet").fill("Harbour Gazette")
    page.get_by_label(re.compile(r"^Text")).fill(scenario.TEXT)
    page.get_by_test_id("save-article").click()
    page.wait_for_url(re.compile(r"/articles/\d+/$"))
    article = Article.objects.get(title=scenario.TITLE)
    done = Prepared(article_id=article.pk)
    expect(page.locator("#article-text")).to_have_text(scenario.TEXT.strip("\n"))

    # Suggestions arrive in the side panel without a page load.
    page.get_by_test_id("suggest-claims").click()
    suggested = page.locator(".claim-item[data-status=suggested]")
    expect(suggested.first).to_be_visible()
    ids = [int(i) for i in suggested.evaluate_all("els => els.map(e => e.dataset.claimId)")]
    assert len(ids) >= 4, f"the engine suggested only {len(ids)} claims for the journey's article"

    for claim_id in ids[:3]:
        claim_item(page, claim_id).get_by_test_id("accept").click()
        expect(claim_item(page, claim_id)).to_have_attribute("data-status", "open")
    done.accepted = ids[:3]
    done.rejected = ids[3]
    claim_item(page, ids[3]).get_by_test_id("reject").click()
    expect(claim_item(page, ids[3])).to_have_count(0)

    # A claim from a passage selected with the mouse.
    select_with_mouse(page, "#article-text", scenario.HOUSEHOLDS)
    expect(page.get_by_label("Passage", exact=True)).to_have_value(scenario.HOUSEHOLDS)
    start = scenario.TEXT.index(scenario.HOUSEHOLDS)
    expect(page.locator("#selection-info")).to_contain_text(f"{start}–{start + len(scenario.HOUSEHOLDS)}")
    page.get_by_test_id("create-claim").click()
    made = page.locator(f".claim-item[data-start='{start}'][data-end='{start + len(scenario.HOUSEHOLDS)}']")
    expect(made).to_have_attribute("data-status", "open")
    done.selected = int(made.get_attribute("data-claim-id"))
    shoot(page, "workspace")

    # Reword it.
    item = claim_item(page, done.selected)
    item.get_by_test_id("edit-claim").click()
    item.get_by_test_id("claim-wording").fill(EDITED_WORDING)
    item.get_by_test_id("save-claim").click()
    expect(claim_item(page, done.selected).locator("a.claim-text")).to_have_text(EDITED_WORDING)

    # Assign the reworded claim and the first accepted suggestion to the reviewer, with a due date.
    done.assigned = [done.selected, done.accepted[0]]
    done.due = dt.date.today() + dt.timedelta(days=2)
    for claim_id in done.assigned:
        claim_item(page, claim_id).get_by_test_id("select-claim").check()
    page.get_by_test_id("bulk-reviewer").select_option(label=f"{reviewer.display_name} (reviewer)")
    page.get_by_test_id("bulk-due").fill(done.due.isoformat())
    page.locator("#bulk-form").get_by_test_id("assign").click()
    for claim_id in done.assigned:
        expect(claim_item(page, claim_id)).to_have_attribute("data-status", "assigned")
        expect(claim_item(page, claim_id).locator(".assignee")).to_contain_text(reviewer.display_name)
    return done
