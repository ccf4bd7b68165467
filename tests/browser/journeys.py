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

PINNED_PASSAGE = scenario.PINNED
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
    # Nothing is in the check yet, and the bar says so rather than "0 of 0 claims resolved".
    expect(page.get_by_test_id("progress-text")).to_have_text("No claims in the check yet")
    expect(page.get_by_test_id("progress-suggested")).to_have_text(f"({len(ids)} suggestions to accept or reject)")

    for claim_id in ids[:3]:
        claim_item(page, claim_id).get_by_test_id("accept").click()
        expect(claim_item(page, claim_id)).to_have_attribute("data-status", "open")
    done.accepted = ids[:3]
    expect(page.get_by_test_id("progress-text")).to_have_text("0 of 3 claims resolved")
    expect(page.get_by_test_id("progress-suggested")).to_contain_text(f"({len(ids) - 3} suggestion")
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


RATIONALE = (
    "The utility's capacity statement says the plant would supply about 1,500 households, not nearly 2,400, "
    "and not before 2029."
)


def reviewer_disputes_claim(page, app: str, reviewer, *, claim_id: int, queue_ids: list[int], source_url: str,
                            guard) -> None:
    """Journey 2: queue, claim page, attach a source, watch its lookups finish live, pin, record `disputed`;
    a stale second tab is refused with the conflict message."""
    login(page, app, reviewer.username)
    queue = page.get_by_test_id("queue")
    for queued in queue_ids:
        expect(queue.locator(f"tr[data-claim-id='{queued}']")).to_be_visible()
    shoot(page, "dashboard-reviewer")
    queue.locator(f"tr[data-claim-id='{claim_id}'] th a").click()
    page.wait_for_url(f"**/claims/{claim_id}/")

    # The same claim in a second tab, opened now and left alone: its verdict form goes stale.
    stale = page.context.new_page()
    stale.goto(page.url)

    # Attach the source; the fetch and the figure check run on the worker while the page stays put.
    page.evaluate("window.__sameDocument = true")
    page.get_by_test_id("source-url").fill(source_url)
    page.get_by_test_id("source-stance").select_option("refutes")
    page.get_by_test_id("source-note").fill("The utility's own capacity figures.")
    page.get_by_test_id("attach-source").click()
    source = page.get_by_test_id("source")
    expect(source).to_have_count(1)
    expect(source.get_by_test_id("lookup-fetch")).to_have_attribute("data-status", "done", timeout=30_000)
    expect(source.get_by_test_id("lookup-figure_check")).to_have_attribute("data-status", "done", timeout=30_000)
    figure = source.get_by_test_id("figure-check")
    expect(figure).to_have_attribute("data-outcome", "inconsistent")
    expect(figure).to_contain_text("1,500")
    assert page.evaluate("window.__sameDocument") is True, "the page reloaded while the lookups ran"
    expect(page.get_by_test_id("claim-sources")).to_have_attribute("data-polling", "no")
    shoot(page, "claim-lookups")

    # Pin the refuting passage, selected with the mouse in the snapshot reader.
    source.get_by_test_id("read-snapshot").click()
    page.wait_for_url("**/snapshot/")
    select_with_mouse(page, "[data-snapshot-text]", PINNED_PASSAGE)
    expect(page.get_by_test_id("pin-preview")).to_contain_text(PINNED_PASSAGE)
    page.get_by_test_id("pin-passage").click()
    page.wait_for_url(re.compile(rf"/claims/{claim_id}/(#.*)?$"))
    expect(page.get_by_test_id("pinned-passage")).to_contain_text(PINNED_PASSAGE)

    # Record the verdict.
    page.get_by_label("Disputed").check()
    page.get_by_label(re.compile(r"^Rationale")).fill(RATIONALE)
    page.get_by_test_id("record-verdict").click()
    expect(page.get_by_test_id("claim-status")).to_have_text("Resolved")
    expect(page.get_by_test_id("claim-verdict")).to_have_text("Disputed")

    # The stale tab tries to record another verdict and is told why it may not.
    guard.expect_status(409, rf"/claims/{claim_id}/verdict/$")
    stale.get_by_label("Unverifiable").check()
    stale.get_by_label(re.compile(r"^Rationale")).fill("Could not reach the utility.")
    stale.get_by_test_id("record-verdict").click()
    conflict = stale.get_by_role("alert")
    expect(conflict).to_contain_text(f"changed by {reviewer.display_name}")
    expect(conflict).to_contain_text("since you opened it")
    stale.close()


# The workspace polls its progress every 5 s (factcheck.web.views.common.PROGRESS_POLL_SECONDS): wait a little longer.
PROGRESS_WAIT_MS = 15_000


def expect_progress(page, resolved: int, total: int) -> None:
    bar = page.locator("#article-progress")
    expect(bar).to_have_attribute("value", str(resolved), timeout=PROGRESS_WAIT_MS)
    expect(bar).to_have_attribute("max", str(total), timeout=PROGRESS_WAIT_MS)
    expect(page.get_by_test_id("progress-text")).to_have_text(
        f"{resolved} of {total} claim{'s' if total != 1 else ''} resolved", timeout=PROGRESS_WAIT_MS
    )


def history_rows(page) -> list[tuple[str, str]]:
    """(event kind, actor shown) for every row of the article's history page."""
    return page.locator("#history li.event").evaluate_all(
        "els => els.map(e => [e.dataset.kind, e.querySelector('.actor').textContent.trim()])"
    )
