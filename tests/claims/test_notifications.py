"""Notifications without floods: one per batch, the member's email choice, the daily digest."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.claims.models import ClaimStatus, Notification
from factcheck.claims.services import claim_assign, claims_assign_bulk
from factcheck.claims.tasks import notification_digest
from tests.support.factories import ArticleFactory, make_claim

pytestmark = pytest.mark.django_db

TEXT = " ".join(f"Crews counted {n} burned homes in sector {n}." for n in range(1, 25)) + "\n"


@pytest.fixture
def eager_celery():
    from factcheck.celery import app

    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = False


@pytest.fixture
def fire(editor):
    editor.first_name, editor.last_name = "Elena", ""
    editor.save()
    article = ArticleFactory(created_by=editor, title="Ridgeline fire: what the county knew and when", text=TEXT)
    claims = [make_claim(article, f"Crews counted {n} burned homes in sector {n}.") for n in range(1, 23)]
    return article, claims


def test_assigning_22_claims_sends_one_notification_and_one_email(
    editor, reviewer, fire, django_capture_on_commit_callbacks, eager_celery, mailoutbox
):
    claims = fire[1]
    with django_capture_on_commit_callbacks(execute=True):
        done = claims_assign_bulk(actor=editor, claim_ids=[c.pk for c in claims], reviewer=reviewer,
                                  due=dt.date(2031, 12, 5))
    assert len(done) == 22 and all(c.status == ClaimStatus.ASSIGNED for c in done)
    notes = list(Notification.objects.filter(recipient=reviewer))
    assert [n.message for n in notes] == ["Elena assigned you 22 claims in “Ridgeline fire: what the county knew…”, due 5 Dec"]
    assert len(mailoutbox) == 1 and "22 claims" in mailoutbox[0].subject


def test_member_with_email_off_gets_the_notification_but_no_email(
    editor, reviewer, fire, django_capture_on_commit_callbacks, eager_celery, mailoutbox
):
    reviewer.email_notifications = False
    reviewer.save()
    with django_capture_on_commit_callbacks(execute=True):
        claim_assign(actor=editor, claim_id=fire[1][0].pk, reviewer=reviewer)
    assert Notification.objects.filter(recipient=reviewer).count() == 1
    assert mailoutbox == []
    assert notification_digest() == 0


def test_digest_reader_gets_one_email_a_day_with_everything(
    editor, reviewer, other_reviewer, fire, django_capture_on_commit_callbacks, eager_celery, mailoutbox
):
    reviewer.daily_digest = True
    reviewer.save()
    claims = fire[1]
    with django_capture_on_commit_callbacks(execute=True):
        claim_assign(actor=editor, claim_id=claims[0].pk, reviewer=reviewer)
        claim_assign(actor=editor, claim_id=claims[1].pk, reviewer=reviewer)
        claim_assign(actor=editor, claim_id=claims[2].pk, reviewer=other_reviewer)
    # Instant emails go only to the member who did not choose the digest.
    assert [m.to for m in mailoutbox] == [["oscar@example.org"]]
    assert notification_digest() == 1
    digest = mailoutbox[-1]
    assert digest.to == ["rita@example.org"] and "2 notification" in digest.subject
    assert digest.body.count("assigned you a claim") == 2
    # Run again (a second beat, a redelivery): nothing is sent twice.
    assert notification_digest() == 0 and len(mailoutbox) == 2
