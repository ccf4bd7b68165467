"""Background work of the claims package: notification emails."""

from __future__ import annotations

import logging

from celery import shared_task

from factcheck.claims.services.conversation import notification_send, notification_wait, notifications_digest_send
from factcheck.claims.services.notices import unsent_emails
from factcheck.core import broker_guard

log = logging.getLogger(__name__)

# Seconds before the first retry of a failed send; each retry waits twice as long.
RETRY_BASE_SECONDS = 60


@shared_task(bind=True, name="factcheck.claims.tasks.notification_email", acks_late=True, max_retries=5,
             soft_time_limit=30, time_limit=60)
def notification_email(self, notification_id: int, grouped: bool = False) -> bool:
    """Email one notification; safe to run twice (a row already emailed is skipped).

    The row is marked emailed only after the mail server took the message, so a
    failed send (server down, refused) is retried with a growing wait, not lost.
    """
    try:
        sent = notification_send(notification_id, grouped=grouped)
    except Exception as exc:  # smtplib, socket and backend errors share no base class
        log.warning("notification %s: email failed (%s); retry %s", notification_id, exc, self.request.retries + 1)
        raise self.retry(exc=exc, countdown=RETRY_BASE_SECONDS * 2**self.request.retries) from exc
    # A group still growing: later notices enqueued no email of their own (notices.group_add), so this
    # one waits for the rest of the window. Not when run eagerly (tests): there is no later there.
    wait = None if sent or not grouped or self.request.is_eager else notification_wait(notification_id)
    if wait is not None:
        broker_guard.publish(lambda: notification_email.apply_async((notification_id,), {"grouped": True},
                                                                   countdown=wait),
                             f"notification email {notification_id} (group still growing)")
    return sent


@shared_task(name="factcheck.claims.tasks.notification_digest", acks_late=True, soft_time_limit=300, time_limit=360)
def notification_digest() -> int:
    """The daily digest (beat): one email per member who chose it; safe to run twice."""
    return notifications_digest_send()


@shared_task(name="factcheck.claims.tasks.notifications_resend", acks_late=True, soft_time_limit=120, time_limit=180)
def notifications_resend() -> int:
    """(beat) Send the emails whose task never reached a worker; stops at the first failed send."""
    sent = 0
    for pk in unsent_emails():
        if not broker_guard.publish(lambda pk=pk: notification_email.delay(pk), f"notification email {pk}"):
            break
        sent += 1
    return sent
