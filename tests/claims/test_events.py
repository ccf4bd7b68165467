"""The audit trail is append-only."""

from __future__ import annotations

import pytest

from factcheck.claims.models import ClaimEvent, EventKind
from factcheck.claims.services import claim_start
from tests.claims.conftest import last_event

pytestmark = pytest.mark.django_db


def test_saved_event_cannot_be_rewritten(reviewer, assigned_claim):
    claim_start(actor=reviewer, claim_id=assigned_claim.pk)
    event = last_event(assigned_claim)
    event.note = "edited later"
    with pytest.raises(RuntimeError, match="append-only"):
        event.save()
    event.refresh_from_db()
    assert event.note == "" and event.kind == EventKind.STARTED


def test_event_cannot_be_deleted(reviewer, assigned_claim):
    claim_start(actor=reviewer, claim_id=assigned_claim.pk)
    event = last_event(assigned_claim)
    with pytest.raises(RuntimeError, match="append-only"):
        event.delete()
    assert ClaimEvent.objects.filter(pk=event.pk).exists()


def test_bulk_update_and_bulk_delete_of_events_are_refused(reviewer, assigned_claim):
    claim_start(actor=reviewer, claim_id=assigned_claim.pk)
    events = ClaimEvent.objects.filter(claim=assigned_claim)
    count = events.count()
    with pytest.raises(RuntimeError, match="append-only"):
        events.update(note="rewritten")
    with pytest.raises(RuntimeError, match="append-only"):
        events.delete()
    assert ClaimEvent.objects.filter(claim=assigned_claim).count() == count
    assert not ClaimEvent.objects.filter(claim=assigned_claim, note="rewritten").exists()


def test_deleting_the_article_still_removes_its_claims_and_their_history(editor, assigned_claim):
    from factcheck.articles.services import article_delete

    article_id = assigned_claim.article_id
    claim_start(actor=editor, claim_id=assigned_claim.pk)
    assert ClaimEvent.objects.filter(article_id=article_id).exists()
    article_delete(actor=editor, article_id=article_id)
    assert not ClaimEvent.objects.filter(article_id=article_id).exists()
