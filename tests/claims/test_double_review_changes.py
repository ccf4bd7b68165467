"""Double review when the people on it change: a reviewer taken off no longer decides, and an editor may settle early."""

from __future__ import annotations

from factcheck.claims.models import ClaimEvent, ClaimStatus, EventKind, Review
from factcheck.claims.services import claim_assign, verdict_record
from tests.claims.conftest import attach_source
from tests.support.factories import UserFactory, make_claim


def test_review_by_a_reviewer_taken_off_the_claim_does_not_count(editor, reviewer, other_reviewer, article):
    # The audit's sequence: rita first, oscar second; rita records; the editor hands rita's part to tess; oscar records.
    claim = make_claim(article, "14 survivors", status=ClaimStatus.ASSIGNED, assignee=reviewer,
                       second_reviewer=other_reviewer)
    attach_source(claim)
    tess = UserFactory(username="tess", first_name="Tess")
    verdict_record(actor=reviewer, claim_id=claim.pk, verdict="verified", rationale="Log matches.")
    claim.refresh_from_db()
    claim_assign(actor=editor, claim_id=claim.pk, reviewer=tess, version=claim.version)
    claim.refresh_from_db()
    verdict_record(actor=other_reviewer, claim_id=claim.pk, verdict="verified", rationale="Registry agrees.",
                   version=claim.version)

    claim.refresh_from_db()
    # Not resolved on rita's and oscar's reviews: tess has not reviewed yet.
    assert claim.status == ClaimStatus.IN_REVIEW and claim.verdict == ""
    assert not ClaimEvent.objects.filter(claim=claim, kind=EventKind.RESOLVED).exists()
    # Rita's review stays on record all the same.
    assert Review.objects.filter(claim=claim, reviewer=reviewer).exists()

    verdict_record(actor=tess, claim_id=claim.pk, verdict="verified", rationale="Council minutes agree.",
                   version=claim.version)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.RESOLVED and claim.verdict == "verified"
    assert "Tess" in claim.rationale and "Oscar Other" in claim.rationale and "Rita" not in claim.rationale


def test_disagreement_with_a_removed_reviewer_does_not_ask_for_settlement(editor, reviewer, other_reviewer, article):
    claim = make_claim(article, "14 survivors", status=ClaimStatus.IN_REVIEW, assignee=reviewer,
                       second_reviewer=other_reviewer)
    attach_source(claim)
    tess = UserFactory(username="tess")
    verdict_record(actor=reviewer, claim_id=claim.pk, verdict="disputed", rationale="Says 11.")
    claim_assign(actor=editor, claim_id=claim.pk, reviewer=tess)
    verdict_record(actor=other_reviewer, claim_id=claim.pk, verdict="verified", rationale="Says 14.")
    claim.refresh_from_db()
    assert not claim.needs_settlement and claim.status == ClaimStatus.IN_REVIEW


def test_editor_verdict_on_an_unfinished_double_review_settles_it_and_keeps_the_review(
    editor, reviewer, other_reviewer, double_claim
):
    verdict_record(actor=reviewer, claim_id=double_claim.pk, verdict="verified", rationale="Log matches.")
    double_claim.refresh_from_db()
    verdict_record(actor=editor, claim_id=double_claim.pk, verdict="disputed", rationale="The registry decides.",
                   version=double_claim.version)

    double_claim.refresh_from_db()
    assert double_claim.status == ClaimStatus.RESOLVED and double_claim.verdict == "disputed"
    assert double_claim.rationale == "The registry decides."
    settled = ClaimEvent.objects.get(claim=double_claim, kind=EventKind.SETTLED)
    assert settled.actor == editor and settled.verdict == "disputed"
    # The record says the double review was cut short, and whose verdict was in by then.
    assert settled.data == {"unfinished": True, "reviews": ["rita"]}
    assert {(r.reviewer.username, r.verdict) for r in Review.objects.filter(claim=double_claim)} == {
        ("rita", "verified"), ("edna", "disputed")
    }
