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
