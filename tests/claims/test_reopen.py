"""Reopening a resolved claim, and a new review round after it."""

from __future__ import annotations

import pytest

from factcheck.claims.models import ClaimEvent, ClaimStatus, EventKind, Notification, Review
from factcheck.claims.services import claim_assign, claim_reopen, claim_request_second_review, verdict_record
from factcheck.core.errors import InvalidInput, NotAllowed, WrongState
from tests.claims.conftest import last_event

pytestmark = pytest.mark.django_db


def test_editor_reopens_with_reason(editor, reviewer, resolved_claim):
    claim_reopen(actor=editor, claim_id=resolved_claim.pk, reason="A reader sent the official log.", version=1)
    resolved_claim.refresh_from_db()
    assert resolved_claim.status == ClaimStatus.OPEN
    assert (resolved_claim.verdict, resolved_claim.rationale, resolved_claim.resolved_at) == ("", "", None)
    event = last_event(resolved_claim)
    assert (event.kind, event.actor, event.from_status, event.to_status) == ("reopened", editor, "resolved", "open")
    assert event.note == "A reader sent the official log."
    assert event.data["previous"]["verdict"] == "unverifiable"
    assert Notification.objects.get(recipient=reviewer).kind == "reopened"


@pytest.mark.parametrize("reason", ["", "   ", None])
def test_reopen_needs_a_reason(editor, resolved_claim, reason):
    with pytest.raises(InvalidInput, match="Reason is required"):
        claim_reopen(actor=editor, claim_id=resolved_claim.pk, reason=reason)
    resolved_claim.refresh_from_db()
    assert resolved_claim.status == ClaimStatus.RESOLVED and resolved_claim.verdict == "unverifiable"
    assert last_event(resolved_claim) is None


def test_reopen_of_open_claim_says_it_is_open(editor, open_claim):
    with pytest.raises(WrongState, match="the claim is open, it must be resolved"):
        claim_reopen(actor=editor, claim_id=open_claim.pk, reason="Why not")


def test_reviewer_cannot_reopen(reviewer, resolved_claim):
    with pytest.raises(NotAllowed):
        claim_reopen(actor=reviewer, claim_id=resolved_claim.pk, reason="I disagree with myself")
    resolved_claim.refresh_from_db()
    assert resolved_claim.status == ClaimStatus.RESOLVED


def test_reopened_double_review_starts_a_new_round(editor, reviewer, other_reviewer, double_claim):
    for who in (reviewer, other_reviewer):
        verdict_record(actor=who, claim_id=double_claim.pk, verdict="verified", rationale="Round one.")
    claim_reopen(actor=editor, claim_id=double_claim.pk, reason="New figures published.")
    # Reopened, the claim is unassigned: the editor chooses its reviewers again.
    claim_assign(actor=editor, claim_id=double_claim.pk, reviewer=reviewer)
    claim_request_second_review(actor=editor, claim_id=double_claim.pk, reviewer=other_reviewer)
    for who in (reviewer, other_reviewer):
        verdict_record(actor=who, claim_id=double_claim.pk, verdict="disputed", rationale="Round two.")
    double_claim.refresh_from_db()
    assert double_claim.status == ClaimStatus.RESOLVED and double_claim.verdict == "disputed"
    rounds = sorted(Review.objects.filter(claim=double_claim).values_list("round", "reviewer__username", "verdict"))
    assert rounds == [(1, "oscar", "verified"), (1, "rita", "verified"), (2, "oscar", "disputed"), (2, "rita", "disputed")]
    assert ClaimEvent.objects.filter(claim=double_claim, kind=EventKind.RESOLVED).count() == 2


def test_single_reviewer_can_review_again_after_reopen(editor, reviewer, resolved_claim):
    Review.objects.create(claim=resolved_claim, reviewer=reviewer, verdict="unverifiable", rationale="First look.")
    claim_reopen(actor=editor, claim_id=resolved_claim.pk, reason="Documents surfaced.")
    claim_assign(actor=editor, claim_id=resolved_claim.pk, reviewer=reviewer)
    verdict_record(actor=reviewer, claim_id=resolved_claim.pk, verdict="unverifiable", rationale="Still nothing.")
    resolved_claim.refresh_from_db()
    assert resolved_claim.status == ClaimStatus.RESOLVED and resolved_claim.rationale == "Still nothing."
    assert list(Review.objects.filter(claim=resolved_claim).values_list("round", "rationale")) == [
        (1, "First look."), (2, "Still nothing.")
    ]
