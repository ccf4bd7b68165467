"""An editor takes a claim a reviewer has out of the check (with a reason they are told), and brings a
rejected claim back. Before, an accepted claim could leave only through a verdict nobody gave: a tryout
marked 16 claims "unverifiable" to publish on time."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.claims.models import ClaimStatus, EventKind, Notification
from factcheck.claims.services import claim_reject, claim_restore
from factcheck.core.errors import InvalidInput, NotAllowed, StaleVersion, WrongState
from tests.api.conftest import token_client
from tests.claims.conftest import QUOTE, last_event
from tests.support.factories import make_claim

pytestmark = pytest.mark.django_db


def test_a_claim_in_review_leaves_the_check_with_a_reason_its_reviewer_hears(editor, reviewer, assigned_claim):
    claim = claim_reject(actor=editor, claim_id=assigned_claim.pk, version=assigned_claim.version,
                         reason="Not checking opinion figures today.")
    assert claim.status == ClaimStatus.REJECTED
    event = last_event(claim)
    assert (event.kind, event.from_status, event.note) == (EventKind.REJECTED, "assigned", "Not checking opinion figures today.")
    told = Notification.objects.get(recipient=reviewer, claim=claim)
    assert "out of the check" in told.message and "Not checking opinion figures today." in told.message


def test_without_a_reason_it_is_refused_and_nothing_changes(editor, assigned_claim):
    with pytest.raises(InvalidInput, match="Say why the claim leaves the check") as refused:
        claim_reject(actor=editor, claim_id=assigned_claim.pk, version=assigned_claim.version, reason="  ")
    assert "reason" in refused.value.fields
    assigned_claim.refresh_from_db()
    assert assigned_claim.status == ClaimStatus.ASSIGNED


def test_a_resolved_claim_is_reopened_not_rejected(editor, article, reviewer):
    resolved = make_claim(article, QUOTE, status=ClaimStatus.RESOLVED, assignee=reviewer, verdict="verified")
    with pytest.raises(WrongState):
        claim_reject(actor=editor, claim_id=resolved.pk, reason="Drop it")


def test_a_rejected_claim_is_restored_open_and_unassigned(editor, reviewer, article):
    claim = make_claim(article, QUOTE, status=ClaimStatus.ASSIGNED, assignee=reviewer,
                       due=dt.date.today() - dt.timedelta(days=1))
    claim = claim_reject(actor=editor, claim_id=claim.pk, version=claim.version, reason="By mistake")
    claim = claim_restore(actor=editor, claim_id=claim.pk, version=claim.version)
    claim.refresh_from_db()
    assert (claim.status, claim.assignee, claim.due) == (ClaimStatus.OPEN, None, None)
    event = last_event(claim)
    assert (event.kind, event.from_status, event.to_status) == (EventKind.RESTORED, "rejected", "open")
    assert event.data == {"previous_reviewers": [reviewer.username], "previous_due": str(dt.date.today() - dt.timedelta(days=1))}


def test_restoring_is_for_editors_rejected_claims_and_the_shown_version(editor, reviewer, open_claim):
    with pytest.raises(WrongState):
        claim_restore(actor=editor, claim_id=open_claim.pk)
    rejected = claim_reject(actor=editor, claim_id=open_claim.pk)
    with pytest.raises(NotAllowed):
        claim_restore(actor=reviewer, claim_id=rejected.pk)
    with pytest.raises(StaleVersion):
        claim_restore(actor=editor, claim_id=rejected.pk, version=rejected.version - 1)


def test_the_api_takes_out_and_restores_as_the_services_do(editor, assigned_claim):
    api = token_client(editor)
    refused = api.post(f"/api/claims/{assigned_claim.pk}/reject/", {"version": assigned_claim.version}, format="json")
    assert refused.status_code == 400 and "reason" in refused.json()["error"]["fields"]
    done = api.post(f"/api/claims/{assigned_claim.pk}/reject/", {"version": assigned_claim.version, "reason": "Out of scope"},
                    format="json")
    assert done.status_code == 200 and done.json()["status"] == "rejected"
    back = api.post(f"/api/claims/{assigned_claim.pk}/restore/", {"version": done.json()["version"]}, format="json")
    assert back.status_code == 200 and back.json()["status"] == "open" and back.json()["assignee"] is None
    again = api.post(f"/api/claims/{assigned_claim.pk}/restore/", {"version": back.json()["version"]}, format="json")
    assert again.status_code == 409
