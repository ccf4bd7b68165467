"""Background work of the claims package: notification emails, one at a time or as a daily digest."""

from __future__ import annotations

import datetime as dt

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from factcheck.claims.models import Notification


def _link(note: Notification) -> str:
    return f"{settings.SITE_URL}{note.claim.get_absolute_url()}" if note.claim else f"{settings.SITE_URL}/"


@shared_task(name="factcheck.claims.tasks.notification_email", acks_late=True, max_retries=3,
             soft_time_limit=30, time_limit=60)
def notification_email(notification_id: int) -> bool:
    """Email one notification; safe to run twice (the row is claimed before sending).

    A member who turned email off, or who reads the daily digest instead, gets none
    here: the first keeps the in-app notification only, the digest picks up the rest.
    """
    note = Notification.objects.select_related("recipient").filter(pk=notification_id).first()
    if note is None or not note.recipient.email_notifications or note.recipient.daily_digest:
        return False
    claimed = Notification.objects.filter(pk=notification_id, emailed_at__isnull=True).update(
        emailed_at=timezone.now()
    )
    if not claimed:
        return False
    note = Notification.objects.select_related("recipient", "claim").get(pk=notification_id)
    if not note.recipient.email:
        return False
    send_mail(
        subject=f"[{settings.NEWSROOM_NAME}] {note.message[:80]}",
        message=f"{note.message}\n\n{_link(note)}\n",
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[note.recipient.email],
    )
    return True


@shared_task(name="factcheck.claims.tasks.notification_digest", acks_late=True, soft_time_limit=300, time_limit=360)
def notification_digest() -> int:
    """One email per digest reader with the notifications not yet emailed (of the last week at most).

    Rows are claimed (emailed_at set) in the same transaction that reads them, so two
    beat runs never mail the same notification twice. Returns the number of emails sent.
    """
    from factcheck.accounts.models import User

    since = timezone.now() - dt.timedelta(days=7)
    sent = 0
    readers = User.objects.filter(is_active=True, email_notifications=True, daily_digest=True).exclude(email="")
    for user in readers:
        with transaction.atomic():
            notes = list(
                Notification.objects.select_for_update(skip_locked=True, of=("self",))
                .filter(recipient=user, emailed_at__isnull=True, created_at__gte=since)
                .select_related("claim").order_by("created_at", "id")
            )
            if not notes:
                continue
            Notification.objects.filter(pk__in=[n.pk for n in notes]).update(emailed_at=timezone.now())
        lines = [f"- {n.message}\n  {_link(n)}" for n in notes]
        send_mail(
            subject=f"[{settings.NEWSROOM_NAME}] Your daily digest: {len(notes)} notification(s)",
            message="\n".join(lines) + f"\n\nAll notifications: {settings.SITE_URL}{reverse('notifications')}\n",
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[user.email],
        )
        sent += 1
    return sent
