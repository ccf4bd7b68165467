"""A claim's life through the pages, as the tryout of 2 Dec 2026 walked it: merging, a changed figure in the
text, an orphan placed again or rejected, a reopened claim open, unassigned and given back in one click."""

from __future__ import annotations

from playwright.sync_api import expect

from factcheck.articles.services import article_create, article_revise
from factcheck.claims.models import Claim, ClaimStatus
from factcheck.claims.services import claim_assign, claim_create, verdict_record
from tests.browser.helpers import edit_article_text, login, select_with_mouse
from tests.browser.journeys import claim_item

TEXT = (
    "At least 37 people were killed when a train derailed near Varnholm on Tuesday, the emergency service said.\n\n"
    "The train was carrying about 640 passengers. Hospital director Jonas Teller said 68 patients were treated. "
    "Rescuers had freed 212 people from the carriages by noon.\n"
)
KILLED = "At least 37 people were killed"
CARRYING = "The train was carrying about 640 passengers"
FREED = "Rescuers had freed 212 people from the carriages"


def _article(editor, quotes):
    article = article_create(actor=editor, title="Train derails near Varnholm", text=TEXT, language="en")
    return article, [claim_create(actor=editor, article_id=article.pk, quote=q) for q in quotes]


def _tick(page, claim_id: int) -> None:
    claim_item(page, claim_id).get_by_test_id("select-claim").check()


def test_editor_merges_only_within_a_paragraph_and_the_merged_claim_reads_its_own_words(app, page, editor, guard):
    article, (killed, carrying, freed) = _article(editor, [KILLED, CARRYING, FREED])
    login(page, app, editor.username)
    page.goto(f"{app}/articles/{article.pk}/")

    # Two claims paragraphs apart: refused, with why and what to do.
    guard.expect_status(400, rf"/articles/{article.pk}/merge/$")
    _tick(page, killed.pk)
    _tick(page, freed.pk)
    page.get_by_test_id("merge").click()
    alert = page.get_by_role("alert").filter(has_text="different paragraphs")
    expect(alert).to_contain_text("keep these as separate claims")
    killed.refresh_from_db()
    assert killed.status == ClaimStatus.OPEN and killed.quote == KILLED

    # Two claims of one paragraph: merged, with their figures only.
    page.goto(f"{app}/articles/{article.pk}/")
    _tick(page, carrying.pk)
    _tick(page, freed.pk)
    page.get_by_test_id("merge").click()
    expect(page.locator("ul.messages")).to_contain_text("Merged into claim")
    claim_item(page, carrying.pk).locator("a.claim-text").click()
    page.wait_for_url(f"**/claims/{carrying.pk}/")
    figures = page.locator("#claim-paragraph ~ p.muted", has_text="Figures:")
    expect(figures).to_contain_text("about 640 passengers")
    expect(figures).to_contain_text("212 people")
    expect(figures).not_to_contain_text("68")
    # How each figure was read, beside the words (what the figure check will look for in sources).
    expect(page.get_by_test_id("figure-reading")).to_have_text(["(read as about 640 passengers)", "(read as 212 people)"])
    expect(page.locator(".claim-main")).not_to_contain_text("Attributed to: Hospital director Jonas Teller")


def test_a_changed_figure_flags_the_claim_and_its_page_reads_the_new_figure(app, page, editor):
    article, (freed,) = _article(editor, [FREED])
    login(page, app, editor.username)
    page.goto(f"{app}/articles/{article.pk}/")
    edit_article_text(page, article, "212 people", "214 people")
    expect(page.locator("ul.messages")).to_contain_text("1 needs re-review")
    item = claim_item(page, freed.pk)
    expect(item.get_by_test_id("needs-rereview")).to_be_visible()
    expect(item.locator("a.claim-text")).to_have_text("Rescuers had freed 214 people from the carriages")

    item.locator("a.claim-text").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Rescuers had freed 214 people from the carriages")
    expect(page.get_by_test_id("needs-rereview")).to_be_visible()
    expect(page.locator(".claim-main p.muted", has_text="Figures:")).to_have_text("Figures: 214 people (read as 214 people)")
    changes = page.locator("#history").get_by_test_id("reanchor-change")
    expect(changes.filter(has_text="Figures:")).to_have_text("Figures: 212 people → 214 people")


def test_an_orphan_is_listed_and_placed_again_or_rejected_from_its_page(app, page, editor, reviewer):
    article, (carrying, freed) = _article(editor, [CARRYING, FREED])
    claim_assign(actor=editor, claim_id=freed.pk, reviewer=reviewer)
    text = TEXT.replace("The train was carrying about 640 passengers.", "On board were some six hundred travellers.")
    text = text.replace("Rescuers had freed 212 people from the carriages by noon.",
                        "By noon, the fire brigade said, rescue crews had got two hundred people out.")
    article.refresh_from_db()
    article_revise(actor=editor, article_id=article.pk, text=text, version=article.version)
    assert Claim.objects.filter(pk__in=[carrying.pk, freed.pk], orphaned=True).count() == 2

    login(page, app, editor.username)
    page.goto(f"{app}/articles/{article.pk}/")
    # Both orphans are in the list without any filter, marked.
    expect(page.get_by_test_id("orphans-hint")).to_contain_text("2 claims lost their place")
    for claim in (carrying, freed):
        expect(claim_item(page, claim.pk).get_by_test_id("orphaned")).to_be_visible()

    # The assigned one: its page offers the closest passage; placing it there re-reads its figure.
    claim_item(page, freed.pk).locator("a.claim-text").click()
    card = page.get_by_test_id("place-again")
    expect(card.get_by_test_id("best-match")).to_contain_text("rescue crews had got two hundred people out")
    card.get_by_test_id("place-best-match").click()
    expect(page.locator("ul.messages")).to_contain_text("needs re-review")
    expect(page.get_by_test_id("place-again")).to_have_count(0)
    expect(page.locator(".claim-main p.muted", has_text="Figures:")).to_contain_text("two hundred people")

    # The other: placed by selecting its new words in the current text on its page...
    page.goto(f"{app}/claims/{carrying.pk}/")
    select_with_mouse(page, "#article-text", "some six hundred travellers")
    page.get_by_test_id("place-at-selection").click()
    expect(page.locator("ul.messages")).to_contain_text("Claim placed on the current text")
    carrying.refresh_from_db()
    assert not carrying.orphaned and carrying.quote == "some six hundred travellers"

    # ...and once more orphaned, rejected from its page.
    article.refresh_from_db()
    article_revise(actor=editor, article_id=article.pk, text=text.replace("On board were some six hundred travellers. ", ""),
                   version=article.version)
    page.goto(f"{app}/claims/{carrying.pk}/")
    page.get_by_test_id("reject-claim").click()
    expect(page.get_by_test_id("claim-status")).to_have_text("Rejected")
    page.goto(f"{app}/articles/{article.pk}/")
    expect(page.get_by_test_id("orphans-hint")).to_have_count(0)


def test_a_reopened_claim_is_open_unassigned_said_so_and_given_back_in_one_click(app, page, editor, reviewer,
                                                                                  new_context):
    _article_row, (freed,) = _article(editor, [FREED])
    claim_assign(actor=editor, claim_id=freed.pk, reviewer=reviewer)
    verdict_record(actor=reviewer, claim_id=freed.pk, verdict="unverifiable", rationale="No record yet.")
    login(page, app, editor.username)
    page.goto(f"{app}/claims/{freed.pk}/")
    page.get_by_label("Reason").fill("The operator published its rescue log.")
    page.get_by_test_id("reopen").click()
    # Open again (the lifecycle's resolved -> open), and it says so: no reviewer shown that does not have it.
    expect(page.locator("ul.messages")).to_contain_text("Nobody is assigned to review it")
    expect(page.get_by_test_id("claim-status")).to_have_text("Open")
    expect(page.get_by_test_id("assignee")).to_have_count(0)

    other = new_context().new_page()
    login(other, app, reviewer.username)
    other.goto(f"{app}/notifications/")
    expect(other.locator("main")).to_contain_text("reopened a claim you reviewed")
    expect(other.locator("main")).to_contain_text("The operator published its rescue log.")

    # The assign form offers the reviewer who had it: one click gives it back.
    page.get_by_test_id("assign").click()
    expect(page.get_by_test_id("claim-status")).to_have_text("Assigned")
    expect(page.get_by_test_id("assignee")).to_have_text(reviewer.display_name)
    other.goto(f"{app}/")
    expect(other.get_by_test_id("queue").locator(f"tr[data-claim-id='{freed.pk}']")).to_be_visible()
    other.goto(f"{app}/claims/{freed.pk}/")
    expect(other.get_by_test_id("record-verdict")).to_be_visible()
