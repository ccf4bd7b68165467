"""A real Celery worker process picks up work enqueued on commit."""

import pytest
from django.urls import reverse

from factcheck.claims.models import ClaimStatus, Notification
from tests.support.factories import make_claim
from tests.support.worker import wait_for


@pytest.mark.services
def test_assignment_email_is_sent_by_the_worker_after_commit(worker, client, editor, reviewer, article):
    # Through the page, as an editor does it: the view's service enqueues the email on commit.
    claim = make_claim(article, "14 survivors")
    client.force_login(editor)
    response = client.post(
        reverse("claim_assign", args=[claim.pk]), {"reviewer": reviewer.pk, "priority": 2, "version": claim.version}
    )
    assert response.status_code == 302
    claim.refresh_from_db()
    assert (claim.status, claim.assignee) == (ClaimStatus.ASSIGNED, reviewer)
    note = Notification.objects.get(recipient=reviewer, claim=claim)
    wait_for(lambda: Notification.objects.filter(pk=note.pk, emailed_at__isnull=False).exists(), what="email sent")
    assert f"To: {reviewer.email}" in wait_for(
        lambda: worker.output() if reviewer.email in worker.output() else "", what="email in worker log"
    )
