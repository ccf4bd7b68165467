"""The editor's and reviewer's days in a real browser (issue 7, journeys 1–3)."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from factcheck.claims.models import Claim, ClaimEvent, ClaimStatus, EventKind, Review, Verdict
from factcheck.sources.models import Evidence, Lookup, LookupStatus, Snapshot
from tests.browser import scenario
from tests.browser.helpers import shoot
from tests.browser.journeys import (
    EDITED_WORDING,
    PROGRESS_WAIT_MS,
    RATIONALE,
    claim_item,
    editor_prepares_article,
    expect_progress,
    history_rows,
    reviewer_disputes_claim,
)
from tests.support.worker import wait_for


def test_editor_triages_suggestions_selects_a_claim_rewords_it_and_assigns_two(app, page, editor, reviewer):
    done = editor_prepares_article(page, app, editor, reviewer)

    claims = {c.pk: c for c in Claim.objects.filter(article_id=done.article_id)}
    assert [claims[i].status for i in done.accepted[1:]] == [ClaimStatus.OPEN, ClaimStatus.OPEN]
    assert claims[done.rejected].status == ClaimStatus.REJECTED
    selected = claims[done.selected]
    assert selected.quote == scenario.HOUSEHOLDS
    assert selected.text == EDITED_WORDING
    for claim_id in done.assigned:
        assert claims[claim_id].status == ClaimStatus.ASSIGNED
        assert claims[claim_id].assignee == reviewer
        assert claims[claim_id].due == done.due
    # Every step is in the audit trail, by the editor.
    # (Lookup events, written by the worker's similar-claims search, are not the editor's steps.)
    steps = ClaimEvent.objects.filter(claim_id=done.selected).exclude(kind=EventKind.LOOKUP).order_by("pk")
    kinds = list(steps.values_list("kind", "actor__username"))
    assert kinds == [(EventKind.CREATED, "edna"), (EventKind.EDITED, "edna"), (EventKind.ASSIGNED, "edna")]
    assert ClaimEvent.objects.filter(claim_id=done.rejected, kind=EventKind.REJECTED, actor=editor).exists()
    assert ClaimEvent.objects.filter(claim_id__in=done.accepted, kind=EventKind.ACCEPTED, actor=editor).count() == 3


def test_reviewer_attaches_a_source_watches_lookups_pins_and_disputes(app, page, editor, reviewer, source_site, guard):
    _article, claims = scenario.assigned_claims(editor, reviewer)
    households, jobs = claims[0], claims[1]
    url = source_site.add_html(scenario.SOURCE_PATH, scenario.SOURCE_HTML)

    reviewer_disputes_claim(page, app, reviewer, claim_id=households.pk, queue_ids=[households.pk, jobs.pk],
                            source_url=url, guard=guard)

    households.refresh_from_db()
    assert households.status == ClaimStatus.RESOLVED
    assert households.verdict == Verdict.DISPUTED
    assert households.rationale == RATIONALE
    review = Review.objects.get(claim=households)
    assert (review.reviewer, review.verdict) == (reviewer, Verdict.DISPUTED)
    evidence = Evidence.objects.get(claim=households)
    assert evidence.stance == "refutes"
    assert evidence.passage_quote == scenario.PINNED
    assert Snapshot.objects.filter(source=evidence.source).count() == 1
    assert source_site.hits.count(scenario.SOURCE_PATH) == 1
    assert set(Lookup.objects.filter(source=evidence.source).values_list("status", flat=True)) == {LookupStatus.DONE}
    kinds = set(ClaimEvent.objects.filter(claim=households, actor=reviewer).values_list("kind", flat=True))
    assert {EventKind.SOURCE_ATTACHED, EventKind.PASSAGE_PINNED, EventKind.RESOLVED} <= kinds
    # The stale tab changed nothing: one review, the first verdict stands.
    assert Review.objects.filter(claim=households).count() == 1


def test_editor_watches_progress_and_the_audit_history_of_both_journeys(
    app, new_context, editor, reviewer, source_site, guard
):
    """Journeys 1, 2 and 3 as one story, with the editor and the reviewer in separate browsers."""
    url = source_site.add_html(scenario.SOURCE_PATH, scenario.SOURCE_HTML)
    desk = new_context().new_page()
    done = editor_prepares_article(desk, app, editor, reviewer)
    total = 4  # three accepted suggestions and the selected claim; the rejected one does not count
    expect_progress(desk, 0, total)
    desk.goto(f"{app}/workload/")
    expect(desk.locator(f"#workload tr[data-username='{reviewer.username}'] td.num").first).to_have_text("2")
    shoot(desk, "workload")
    desk.go_back()
    # The editor leaves the workspace open, half-way through typing a new claim's passage.
    desk.evaluate("window.__sameDocument = true")
    draft = "Rainfall in the region"
    desk.get_by_label("Passage", exact=True).fill(draft)
    desk.get_by_label("Wording (optional)", exact=True).focus()

    # The reviewer's day, in a browser of their own.
    field = new_context().new_page()
    reviewer_disputes_claim(field, app, reviewer, claim_id=done.selected, queue_ids=done.assigned, source_url=url,
                            guard=guard)
    # The bar and the claim's badge move by themselves; the draft and the focus stay put.
    expect_progress(desk, 1, total)
    expect(claim_item(desk, done.selected)).to_have_attribute("data-status", "resolved", timeout=PROGRESS_WAIT_MS)
    expect(claim_item(desk, done.selected).get_by_test_id("claim-status")).to_have_text("Disputed")
    expect(claim_item(desk, done.selected)).to_have_class(re.compile(r"\bv-disputed\b"))
    expect(desk.locator(f"#article-text mark[data-claims~='{done.selected}']")).to_have_class(
        re.compile(r"\bhl-disputed\b"))
    assert desk.evaluate("window.__sameDocument") is True, "the workspace reloaded to show the progress"
    expect(desk.get_by_label("Passage", exact=True)).to_have_value(draft)
    expect(desk.get_by_label("Wording (optional)", exact=True)).to_be_focused()

    # The second assigned claim: no source could settle it.
    other = done.assigned[1]
    field.goto(f"{app}/claims/{other}/")
    field.get_by_label("Unverifiable").check()
    field.get_by_label(re.compile(r"^Rationale")).fill("The utility's report is not public; nobody would confirm it.")
    field.get_by_test_id("record-verdict").click()
    expect(field.get_by_test_id("claim-verdict")).to_have_text("Unverifiable")
    expect_progress(desk, 2, total)
    expect(claim_item(desk, other).get_by_test_id("claim-status")).to_have_text("Unverifiable",
                                                                                  timeout=PROGRESS_WAIT_MS)
    assert desk.evaluate("window.__sameDocument") is True
    expect(desk.get_by_label("Passage", exact=True)).to_have_value(draft)
    desk.get_by_label("Passage", exact=True).fill("")
    desk.evaluate("() => { document.activeElement.blur(); window.scrollTo(0, 0); }")  # for the screenshot
    shoot(desk, "workspace")
    desk.goto(f"{app}/")
    expect(desk.locator(f"#in-progress li[data-article-id='{done.article_id}'] progress")).to_have_attribute("value", "2")
    shoot(desk, "dashboard")
    desk.goto(f"{app}/articles/{done.article_id}/")

    # The history lists every step, each with the person who took it. Lookups still finishing (similar
    # claims on a busy machine) would add "system" rows between reading the page and the database.
    wait_for(lambda: not Lookup.objects.filter(claim__article_id=done.article_id,
                                               status__in=[LookupStatus.QUEUED, LookupStatus.RUNNING]).exists(),
             timeout=60, what="the article's lookups to finish")
    desk.get_by_test_id("history-link").click()
    expect(desk.locator("#article-changes li[data-kind='created']")).to_contain_text(editor.display_name)
    shown = [tuple(row) for row in history_rows(desk)]
    names = {editor.username: editor.display_name, reviewer.username: reviewer.display_name, None: "system"}
    recorded = [
        (kind, names[who])
        for kind, who in ClaimEvent.objects.filter(article_id=done.article_id).values_list("kind", "actor__username")
    ]
    assert sorted(shown) == sorted(recorded), "the history page does not show the audit trail as recorded"
    ed, rv = editor.display_name, reviewer.display_name
    steps = {
        (EventKind.SUGGESTED, ed): 4, (EventKind.ACCEPTED, ed): 3, (EventKind.REJECTED, ed): 1,
        (EventKind.CREATED, ed): 1, (EventKind.EDITED, ed): 1, (EventKind.ASSIGNED, ed): 2,
        (EventKind.SOURCE_ATTACHED, rv): 1, (EventKind.PASSAGE_PINNED, rv): 1, (EventKind.RESOLVED, rv): 2,
    }
    for step, count in steps.items():
        assert shown.count(step) >= count, f"history shows {shown.count(step)} × {step}, expected {count}"
    # Nobody else acted on the article.
    assert {who for _, who in shown} <= {ed, rv, "system"}
