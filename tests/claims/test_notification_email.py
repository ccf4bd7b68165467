"""Notification emails: marked sent only once the mail server took them; a failed send is retried, not lost."""

from __future__ import annotations

import datetime as dt
import logging
import socket
import time

import pytest
from django.core import mail
from django.utils import timezone

from factcheck.claims.models import Notification
from factcheck.claims.services import notify
from factcheck.claims.services.conversation import notification_send
from factcheck.claims.services.notices import unsent_emails
from factcheck.claims.tasks import notification_email, notifications_resend

pytestmark = pytest.mark.django_db


def _closed_port() -> int:
    # A loopback port nobody listens on: connecting to it is refused at once.
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def note(reviewer, editor, article) -> Notification:
    notify(reviewer, None, "assigned", "Edna assigned you a claim.", actor=editor)
    return Notification.objects.get(recipient=reviewer)


@pytest.fixture
def smtp_down(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", _closed_port(), 2
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False


def test_a_failed_send_leaves_the_notification_unsent_and_the_task_retries(note, smtp_down, settings, caplog):
    with pytest.raises(OSError):
        notification_send(note.pk)
    note.refresh_from_db()
    assert note.emailed_at is None
    # Run in-process, Celery performs the retries at once: every one of them is tried.
    with caplog.at_level(logging.INFO, logger="celery.app.trace"):
        result = notification_email.apply(args=[note.pk])
    assert result.state == "FAILURE"
    assert sum("Retry in" in r.getMessage() for r in caplog.records) == notification_email.max_retries
    note.refresh_from_db()
    assert note.emailed_at is None
    # The mail server is back: the next run sends it.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert notification_email.apply(args=[note.pk]).get() is True
    assert len(mail.outbox) == 1


def test_a_send_marks_it_once(note, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert notification_email.apply(args=[note.pk]).get() is True
    note.refresh_from_db()
    assert note.emailed_at is not None
    assert [m.to for m in mail.outbox] == [["rita@example.org"]]
    assert notification_email.apply(args=[note.pk]).get() is False
    assert len(mail.outbox) == 1


def _lost(recipient, minutes_ago: float, message: str) -> Notification:
    # A notice whose email task never reached a worker (the broker was down at commit).
    note = Notification.objects.create(recipient=recipient, kind="assigned", message=message)
    Notification.objects.filter(pk=note.pk).update(created_at=timezone.now() - dt.timedelta(minutes=minutes_ago))
    return note


def test_emails_whose_send_was_lost_are_found_and_only_those(reviewer, other_reviewer, editor, settings):
    settings.NOTIFICATION_GROUP_SECONDS = 300
    lost = _lost(reviewer, 30, "Edna assigned you a claim.")
    _lost(reviewer, 2, "Still inside the group window: its own email is on its way.")
    _lost(reviewer, 60 * 30, "A day and more old: not worth sending late.")
    sent = _lost(reviewer, 30, "Already emailed.")
    Notification.objects.filter(pk=sent.pk).update(emailed_at=timezone.now())
    other_reviewer.daily_digest = True
    other_reviewer.save()
    _lost(other_reviewer, 30, "Read in the daily digest, not emailed.")
    editor.email_notifications = False
    editor.save()
    _lost(editor, 30, "Email turned off.")
    assert unsent_emails() == [lost.pk]


def test_the_resend_task_hands_the_lost_email_to_a_worker_which_sends_it(worker, reviewer):
    lost = _lost(reviewer, 30, "Edna assigned you a claim.")
    assert notifications_resend.apply().get() == 1
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        lost.refresh_from_db()
        if lost.emailed_at:
            break
        time.sleep(0.2)
    assert lost.emailed_at is not None  # the worker sent it and marked it
    assert notifications_resend.apply().get() == 0  # and it is not sent twice
