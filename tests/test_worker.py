"""A real Celery worker process picks up work enqueued on commit."""

import pytest
from django.core import mail  # noqa: F401 - the worker uses the console backend

from factcheck.claims.models import Notification
from factcheck.claims.services import claim_assign
from tests.support.factories import make_claim
from tests.support.worker import wait_for


@pytest.mark.services
def test_assignment_email_is_sent_by_the_worker_after_commit(worker, editor, reviewer, article):
    claim = make_claim(article, "14 survivors")
    claim_assign(actor=editor, claim_id=claim.pk, reviewer=reviewer.username)
    note = Notification.objects.get(recipient=reviewer, claim=claim)
    wait_for(lambda: Notification.objects.filter(pk=note.pk, emailed_at__isnull=False).exists(), what="email sent")
    assert f"To: {reviewer.email}" in wait_for(
        lambda: worker.output() if reviewer.email in worker.output() else "", what="email in worker log"
    )
