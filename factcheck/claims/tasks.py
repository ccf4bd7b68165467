"""Background work of the claims package: notification emails."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone

from factcheck.claims.models import Notification


@shared_task(name="factcheck.claims.tasks.notification_email", acks_late=True, max_retries=3,
             soft_time_limit=30, time_limit=60)
def notification_email(notification_id: int) -> bool:
    """Email one notification; safe to run twice (the row is claimed before sending)."""
    claimed = Notification.objects.filter(pk=notification_id, emailed_at__isnull=True).update(
        emailed_at=timezone.now()
    )
    if not claimed:
        return False
    note = Notification.objects.select_related("recipient", "claim").get(pk=notification_id)
    if not note.recipient.email:
        return False
    link = f"{settings.SITE_URL}{note.claim.get_absolute_url()}" if note.claim else settings.SITE_URL
    send_mail(
        subject=f"[{settings.NEWSROOM_NAME}] {note.message[:80]}",
        message=f"{note.message}\n\n{link}\n",
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[note.recipient.email],
    )
    return True
