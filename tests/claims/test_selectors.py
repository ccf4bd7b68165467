"""Selectors the workflow depends on: the reviewer's queue and the blind history."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from factcheck.claims.models import ClaimStatus, EventKind
from factcheck.claims.selectors import claim_history, reviewer_queue, visible_reviews
from factcheck.claims.services import claim_assign, claim_reopen, claim_request_second_review, verdict_record
from tests.support.factories import make_claim

pytestmark = pytest.mark.django_db


def test_queue_lists_overdue_first_then_due_date(reviewer, other_reviewer, article):
    today = timezone.localdate()
    later = make_claim(article, "14 survivors", status=ClaimStatus.ASSIGNED, assignee=reviewer,
                       due=today + dt.timedelta(days=5))
    overdue = make_claim(article, "magnitude 6.1", status=ClaimStatus.IN_REVIEW, assignee=reviewer,
                         due=today - dt.timedelta(days=1))
    undated = make_claim(article, "more than 300 homes", status=ClaimStatus.ASSIGNED, assignee=reviewer)
    make_claim(article, "at least 9 people dead", status=ClaimStatus.ASSIGNED, assignee=other_reviewer)
    make_claim(article, "interior ministry", status=ClaimStatus.RESOLVED, assignee=reviewer)
    assert list(reviewer_queue(reviewer)) == [overdue, later, undated]


def test_answered_double_review_leaves_the_queue_until_reopened(editor, reviewer, other_reviewer, double_claim):
    assert list(reviewer_queue(other_reviewer)) == [double_claim]
    verdict_record(actor=other_reviewer, claim_id=double_claim.pk, verdict="verified", rationale="Matches.")
    assert list(reviewer_queue(other_reviewer)) == []
    assert list(reviewer_queue(reviewer)) == [double_claim]
    verdict_record(actor=reviewer, claim_id=double_claim.pk, verdict="verified", rationale="Agreed.")
    claim_reopen(actor=editor, claim_id=double_claim.pk, reason="Correction published.")
    assert list(reviewer_queue(other_reviewer)) == [] == list(reviewer_queue(reviewer))  # unassigned until chosen
    claim_assign(actor=editor, claim_id=double_claim.pk, reviewer=reviewer)
    claim_request_second_review(actor=editor, claim_id=double_claim.pk, reviewer=other_reviewer)
    assert list(reviewer_queue(other_reviewer)) == [double_claim]


def test_double_review_stays_blind_in_history_and_reviews(editor, reviewer, other_reviewer, double_claim):
    verdict_record(actor=reviewer, claim_id=double_claim.pk, verdict="verified", rationale="Log matches.")
    double_claim.refresh_from_db()
    # The other reviewer sees that a review came in, not what it says.
    seen_by_other = [(e.kind, e.verdict, e.note) for e in claim_history(double_claim, other_reviewer)]
    assert (EventKind.REVIEWED, "", "") in seen_by_other
    assert "Log matches." not in [note for _, _, note in seen_by_other]
    assert visible_reviews(double_claim, other_reviewer) == []
    assert EventKind.REVIEWED in [e.kind for e in claim_history(double_claim, reviewer)]
    assert EventKind.REVIEWED in [e.kind for e in claim_history(double_claim, editor)]
    assert EventKind.REVIEWED in [e.kind for e in claim_history(double_claim)]

    verdict_record(actor=other_reviewer, claim_id=double_claim.pk, verdict="disputed", rationale="Registry says 11.")
    double_claim.refresh_from_db()
    # Once both have spoken, both see both.
    assert [e.kind for e in claim_history(double_claim, other_reviewer)].count(EventKind.REVIEWED) == 2
    assert len(visible_reviews(double_claim, reviewer)) == 2
