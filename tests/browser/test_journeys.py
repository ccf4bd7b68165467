"""The editor's and reviewer's days in a real browser (issue 7, journeys 1–3)."""

from __future__ import annotations

from factcheck.claims.models import Claim, ClaimEvent, ClaimStatus, EventKind
from tests.browser import scenario
from tests.browser.journeys import EDITED_WORDING, editor_prepares_article


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
