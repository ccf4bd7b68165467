"""Assignment, second-review requests and starting a review."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.claims.models import ClaimStatus, EventKind, Notification
from factcheck.claims.services import claim_assign, claim_request_second_review, claim_start, claims_assign_bulk
from factcheck.core.errors import InvalidInput, NotAllowed, StaleVersion, WrongState
from tests.claims.conftest import last_event
from tests.support.factories import make_claim

pytestmark = pytest.mark.django_db


@pytest.fixture
def eager_celery(settings):
    """Run the email task in-process when the on_commit callback fires."""
    from factcheck.celery import app

    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = False


def test_editor_assigns_open_claim_and_reviewer_is_notified(
    editor, reviewer, open_claim, django_capture_on_commit_callbacks, eager_celery, mailoutbox
):
    due = dt.date(2031, 3, 4)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        claim_assign(actor=editor, claim_id=open_claim.pk, reviewer=reviewer, due=due, priority=3, version=1)
    open_claim.refresh_from_db()
    assert open_claim.status == ClaimStatus.ASSIGNED
    assert (open_claim.assignee, open_claim.due, open_claim.priority, open_claim.version) == (reviewer, due, 3, 2)
    event = last_event(open_claim)
    assert (event.kind, event.actor, event.from_status, event.to_status) == ("assigned", editor, "open", "assigned")
    assert event.data == {"assignee": "rita", "previous": None, "due": "2031-03-04"}
    note = Notification.objects.get(recipient=reviewer)
    assert note.kind == "assigned" and note.claim == open_claim and "due 04 Mar 2031" in note.message
    assert len(callbacks) >= 1
    assert [m.to for m in mailoutbox] == [["rita@example.org"]]
    note.refresh_from_db()
    assert note.emailed_at is not None


def test_assignment_registers_email_after_commit_only(editor, reviewer, open_claim, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        claim_assign(actor=editor, claim_id=open_claim.pk, reviewer="rita")
    # Nothing is sent inside the transaction; one callback per notification waits for the commit.
    assert Notification.objects.get(recipient=reviewer).emailed_at is None
    assert len(callbacks) >= 1


def test_reassigning_records_previous_assignee(editor, reviewer, other_reviewer, assigned_claim):
    claim_assign(actor=editor, claim_id=assigned_claim.pk, reviewer=other_reviewer.pk)
    assigned_claim.refresh_from_db()
    assert assigned_claim.assignee == other_reviewer
    assert last_event(assigned_claim).data["previous"] == "rita"
    assert Notification.objects.filter(recipient=other_reviewer).count() == 1


@pytest.mark.parametrize("status", [ClaimStatus.SUGGESTED, ClaimStatus.RESOLVED, ClaimStatus.REJECTED])
def test_assigning_outside_the_active_states_says_the_state(editor, reviewer, article, status):
    claim = make_claim(article, "14 survivors", status=status)
    with pytest.raises(WrongState, match=f"the claim is {ClaimStatus(status).label.lower()}"):
        claim_assign(actor=editor, claim_id=claim.pk, reviewer=reviewer)
    claim.refresh_from_db()
    assert claim.assignee is None and claim.version == 1
    assert not Notification.objects.exists()


@pytest.mark.parametrize("persona", ["reviewer", "other_reviewer", "outsider"])
def test_only_editors_assign(request, reviewer, open_claim, persona):
    with pytest.raises(NotAllowed):
        claim_assign(actor=request.getfixturevalue(persona), claim_id=open_claim.pk, reviewer=reviewer)
    open_claim.refresh_from_db()
    assert open_claim.status == ClaimStatus.OPEN and last_event(open_claim) is None


@pytest.mark.parametrize("who", ["nobody", "olga"])
def test_assign_to_unknown_or_inactive_member_is_refused(editor, outsider, open_claim, who):
    with pytest.raises(InvalidInput):
        claim_assign(actor=editor, claim_id=open_claim.pk, reviewer=who)
    open_claim.refresh_from_db()
    assert open_claim.assignee is None


def test_assign_with_unknown_priority_is_refused(editor, reviewer, open_claim):
    with pytest.raises(InvalidInput, match="priority"):
        claim_assign(actor=editor, claim_id=open_claim.pk, reviewer=reviewer, priority=7)
    open_claim.refresh_from_db()
    assert open_claim.status == ClaimStatus.OPEN


def test_stale_assignment_changes_nothing(editor, reviewer, other_reviewer, open_claim):
    claim_assign(actor=editor, claim_id=open_claim.pk, reviewer=other_reviewer, version=1)
    with pytest.raises(StaleVersion, match="changed by Edna Editor at"):
        claim_assign(actor=editor, claim_id=open_claim.pk, reviewer=reviewer, version=1)
    open_claim.refresh_from_db()
    assert open_claim.assignee == other_reviewer and open_claim.version == 2


def test_non_integer_version_is_refused(editor, reviewer, open_claim):
    with pytest.raises(InvalidInput, match="version"):
        claim_assign(actor=editor, claim_id=open_claim.pk, reviewer=reviewer, version="1")


def test_bulk_assign_assigns_each_claim(editor, reviewer, article):
    claims = [make_claim(article, q) for q in ("14 survivors", "magnitude 6.1", "more than 300 homes")]
    done = claims_assign_bulk(actor=editor, claim_ids=[str(c.pk) for c in claims], reviewer=reviewer)
    assert [c.pk for c in done] == sorted(c.pk for c in claims)
    for claim in claims:
        claim.refresh_from_db()
        assert claim.assignee == reviewer and last_event(claim).kind == EventKind.ASSIGNED
    # One notification for the batch, not one per claim (issue 12: no floods).
    assert Notification.objects.filter(recipient=reviewer).count() == 1


def test_bulk_assign_is_all_or_nothing(editor, reviewer, article):
    good = make_claim(article, "14 survivors")
    done = make_claim(article, "magnitude 6.1", status=ClaimStatus.RESOLVED)
    with pytest.raises(WrongState):
        claims_assign_bulk(actor=editor, claim_ids=[good.pk, done.pk], reviewer=reviewer)
    good.refresh_from_db()
    assert good.status == ClaimStatus.OPEN and good.assignee is None
    assert last_event(good) is None and not Notification.objects.exists()


def test_bulk_assign_refuses_garbage_ids_and_non_editors(editor, reviewer, open_claim):
    with pytest.raises(InvalidInput):
        claims_assign_bulk(actor=editor, claim_ids=["x"], reviewer=reviewer)
    with pytest.raises(InvalidInput):
        claims_assign_bulk(actor=editor, claim_ids="12", reviewer=reviewer)
    with pytest.raises(NotAllowed):
        claims_assign_bulk(actor=reviewer, claim_ids=[], reviewer=reviewer)


# --- second review --------------------------------------------------------------------


def test_editor_requests_second_review(editor, other_reviewer, assigned_claim):
    claim_request_second_review(actor=editor, claim_id=assigned_claim.pk, reviewer=other_reviewer, version=1)
    assigned_claim.refresh_from_db()
    assert assigned_claim.second_reviewer == other_reviewer and assigned_claim.status == ClaimStatus.ASSIGNED
    event = last_event(assigned_claim)
    assert (event.kind, event.from_status, event.to_status) == ("second_review", "assigned", "assigned")
    assert Notification.objects.get(recipient=other_reviewer).kind == "assigned"


def test_second_reviewer_must_differ_from_first(editor, reviewer, assigned_claim):
    with pytest.raises(InvalidInput, match="someone other"):
        claim_request_second_review(actor=editor, claim_id=assigned_claim.pk, reviewer=reviewer)
    assigned_claim.refresh_from_db()
    assert assigned_claim.second_reviewer is None


def test_second_review_of_open_claim_is_refused(editor, other_reviewer, open_claim):
    with pytest.raises(WrongState, match="the claim is open"):
        claim_request_second_review(actor=editor, claim_id=open_claim.pk, reviewer=other_reviewer)


def test_reviewer_cannot_request_second_review(reviewer, other_reviewer, assigned_claim):
    with pytest.raises(NotAllowed):
        claim_request_second_review(actor=reviewer, claim_id=assigned_claim.pk, reviewer=other_reviewer)


def test_first_reviewer_cannot_also_become_second(editor, other_reviewer, double_claim):
    with pytest.raises(InvalidInput, match="already the second reviewer"):
        claim_assign(actor=editor, claim_id=double_claim.pk, reviewer=other_reviewer)


# --- start ------------------------------------------------------------------------------


def test_assigned_reviewer_starts_review(reviewer, assigned_claim):
    claim_start(actor=reviewer, claim_id=assigned_claim.pk, version=1)
    assigned_claim.refresh_from_db()
    assert assigned_claim.status == ClaimStatus.IN_REVIEW and assigned_claim.updated_by == reviewer
    event = last_event(assigned_claim)
    assert (event.kind, event.actor, event.from_status, event.to_status) == ("started", reviewer, "assigned", "in_review")


def test_other_reviewer_cannot_start_review(other_reviewer, assigned_claim):
    with pytest.raises(NotAllowed):
        claim_start(actor=other_reviewer, claim_id=assigned_claim.pk)
    assigned_claim.refresh_from_db()
    assert assigned_claim.status == ClaimStatus.ASSIGNED and last_event(assigned_claim) is None


def test_starting_twice_says_in_review(reviewer, in_review_claim):
    with pytest.raises(WrongState, match="the claim is in review, it must be assigned"):
        claim_start(actor=reviewer, claim_id=in_review_claim.pk)
