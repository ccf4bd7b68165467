"""Comments on claims and members' notifications (marking them read, emailing them)."""

from __future__ import annotations

from collections.abc import Sequence

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext

from factcheck.accounts.models import User
from factcheck.accounts.permissions import (
    can_comment,
    require,
)
from factcheck.accounts.preferences import member_language
from factcheck.claims.models import (
    Comment,
    EventKind,
    Notification,
)
from factcheck.claims.services.common import (
    _clean_text,
    claim_event,
    lock_claim,
)


@transaction.atomic
def comment_add(*, actor: User, claim_id: int, body: str) -> Comment:
    claim = lock_claim(claim_id)
    require(can_comment(actor, claim), gettext("Only the claim's reviewers and editors can comment."))
    body = _clean_text(body, "body", limit=10000)
    comment = Comment.objects.create(claim=claim, author=actor, body=body)
    claim_event(claim, actor, EventKind.COMMENTED, from_status=claim.status, note=body[:500])
    return comment


@transaction.atomic
def notifications_mark_read(*, actor: User, ids: Sequence[int] | None = None) -> int:
    qs = Notification.objects.filter(recipient=actor, read_at__isnull=True)
    if ids is not None:
        qs = qs.filter(pk__in=list(ids))
    return qs.update(read_at=timezone.now())




def notification_send(notification_id: int, *, grouped: bool = False) -> bool:
    """Email one notification, then mark it emailed; False when there is nothing to send.

    Sending comes first and the mark after, so a failure leaves the row unmarked for a
    retry (the task's job). The mark is conditional: of two runs that both sent, one
    records it. No transaction is held while the mail server is talked to.
    """
    note = _unsent(notification_id)
    if note is None:
        return False
    # The email of a grouped notice (sent a window after it) waits if the group grew again since: its
    # task waits for the rest of the window (notification_wait) and then sends the total.
    from factcheck.claims.services.notices import still_growing

    if grouped and still_growing(note):
        return False
    link = _link(note)
    text = note.text_in(member_language(note.recipient))  # the language they read in now
    send_mail(
        subject=f"[{settings.NEWSROOM_NAME}] {text[:80]}",
        message=f"{text}\n\n{link}\n",
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[note.recipient.email],
    )
    return bool(
        Notification.objects.filter(pk=notification_id, emailed_at__isnull=True).update(emailed_at=timezone.now())
    )


def _unsent(notification_id: int) -> Notification | None:
    """The notification if it is still to be emailed on its own, else None."""
    note = Notification.objects.select_related("recipient", "claim").filter(
        pk=notification_id, emailed_at__isnull=True
    ).first()
    if note is None or not note.recipient.email:
        return None
    # A member who turned email off keeps the in-app notification only; one who reads the
    # daily digest gets it there (notifications_digest_send), not one email each.
    if not note.recipient.email_notifications or note.recipient.daily_digest:
        return None
    return note


def notification_wait(notification_id: int) -> float | None:
    """Seconds a grouped notice's email must still wait for its group to settle; None when it need not.

    A notice joining a group whose email is already due enqueues none of its own (notices.group_add),
    so the task that finds the group still growing is the one to send its total later.
    """
    from factcheck.claims.services.notices import settles_in

    note = _unsent(notification_id)
    if note is None:
        return None
    wait = settles_in(note)
    return wait if wait > 0 else None


def _link(note: Notification) -> str:
    if note.claim:
        return f"{settings.SITE_URL}{note.claim.get_absolute_url()}"
    if note.article_id:
        from django.urls import reverse

        anchor = "#readiness" if note.kind == "ready" else ""  # the panel with the Publish button
        return f"{settings.SITE_URL}{reverse('article_detail', args=[note.article_id])}{anchor}"
    return f"{settings.SITE_URL}/"


def notifications_digest_send() -> int:
    """One email per digest reader with the notifications not yet emailed (of the last week at most).

    Rows are claimed (emailed_at set) in the transaction that reads them, so two beat runs
    never mail the same notification twice. Answers the number of emails sent.
    """
    import datetime as dt

    from django.urls import reverse

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
        lines = [f"- {n.text_in(member_language(user))}\n  {_link(n)}" for n in notes]
        # The digest's own words are in the reader's language, like the notifications it lists.
        with translation.override(member_language(user)):
            subject = ngettext("Your daily digest: %(n)s notification", "Your daily digest: %(n)s notifications",
                               len(notes)) % {"n": len(notes)}
            footer = gettext("All notifications: %(url)s") % {"url": f"{settings.SITE_URL}{reverse('notifications')}"}
        send_mail(
            subject=f"[{settings.NEWSROOM_NAME}] {subject}",
            message="\n".join(lines) + f"\n\n{footer}\n",
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[user.email],
        )
        sent += 1
    return sent
