"""Two people acting on one claim at the same moment, on PostgreSQL (row locks are real there)."""

from __future__ import annotations

import threading

import pytest
from django.db import close_old_connections, connection

from factcheck.claims.models import ClaimEvent, ClaimStatus, EventKind, Review
from factcheck.claims.services import claim_assign, verdict_record
from factcheck.core.errors import StaleVersion, WrongState
from tests.claims.conftest import attach_source
from tests.support.factories import UserFactory, make_claim

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def race(*calls):
    """Run each call in its own thread and connection, released together; return result or exception."""
    barrier = threading.Barrier(len(calls))
    results: list[object] = [None] * len(calls)

    def run(i, call):
        try:
            barrier.wait(timeout=10)
            results[i] = call()
        except Exception as exc:  # the outcome is what the test checks
            results[i] = exc
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    return results


@pytest.mark.parametrize("with_version", [True, False])
def test_two_verdicts_at_once_resolve_exactly_once(require_postgres, editor, reviewer, article, with_version):
    claim = make_claim(article, "14 survivors", status=ClaimStatus.IN_REVIEW, assignee=reviewer)
    attach_source(claim)
    version = claim.version if with_version else None
    results = race(
        lambda: verdict_record(actor=reviewer, claim_id=claim.pk, verdict="verified", rationale="A", version=version),
        lambda: verdict_record(actor=editor, claim_id=claim.pk, verdict="disputed", rationale="B", version=version),
    )
    errors = [r for r in results if isinstance(r, Exception)]
    assert len(errors) == 1, results
    assert isinstance(errors[0], StaleVersion if with_version else WrongState)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.RESOLVED and claim.version == 2
    assert ClaimEvent.objects.filter(claim=claim, kind=EventKind.RESOLVED).count() == 1
    assert Review.objects.filter(claim=claim).count() == 1


def test_two_assignments_at_once_one_wins(require_postgres, editor, other_reviewer, reviewer, article):
    claim = make_claim(article, "14 survivors", status=ClaimStatus.OPEN)
    second_editor = UserFactory(username="eve", role="editor")
    results = race(
        lambda: claim_assign(actor=editor, claim_id=claim.pk, reviewer=reviewer, version=1),
        lambda: claim_assign(actor=second_editor, claim_id=claim.pk, reviewer=other_reviewer, version=1),
    )
    errors = [r for r in results if isinstance(r, Exception)]
    assert len(errors) == 1 and isinstance(errors[0], StaleVersion), results
    claim.refresh_from_db()
    winner = next(r for r in results if not isinstance(r, Exception))
    assert claim.assignee_id == winner.assignee_id and claim.version == 2
    assert ClaimEvent.objects.filter(claim=claim, kind=EventKind.ASSIGNED).count() == 1
