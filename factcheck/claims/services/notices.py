"""Members' notifications, grouped: a burst of notices of one kind about one article is one row with a count.

An editor assigning 30 claims one by one (the claim page, the API) gave the reviewer 30 notifications
and 30 emails. Now a notice finds the recipient's unread notice of the same kind about the same article
from the last NOTIFICATION_GROUP_SECONDS and adds to it ("30 claims assigned to you on “…”"); the row
moves to the top and the window starts again from it. The bell counts rows, so it says 1.

Written in the transaction of the change it reports (the caller's service), like any notification: a
change rolled back leaves no notice and no count.
"""

from __future__ import annotations

import datetime as dt
import json
import logging

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone, translation
from django.utils.translation import ngettext

from factcheck.accounts.models import User
from factcheck.accounts.preferences import member_language
from factcheck.claims.models import Notification
from factcheck.core import broker_guard
from factcheck.core.text import embed

log = logging.getLogger(__name__)


def group_window() -> dt.timedelta:
    return dt.timedelta(seconds=getattr(settings, "NOTIFICATION_GROUP_SECONDS", 300))


def _title(title: str) -> str:
    # Cut at a word, so the title never ends mid-word (as the batch message does).
    return title if len(title) <= 60 else title[:60].rsplit(" ", 1)[0].rstrip(" :,;") + "…"


# Notices about claims, which come in bursts. "ready" is about the article as a whole: each one counts.
GROUPED_KINDS = frozenset({"assigned", "resolved", "disputed", "reopened", "rejected", "needs_settlement"})


def grouped_message(kind: str, count: int, title: str) -> str:
    """The text of a group of `count` notices of `kind` about one article, in the active language."""
    values = {"n": count, "title": embed(_title(title))}
    if kind == "assigned":
        return ngettext("%(n)s claim assigned to you on “%(title)s”",
                        "%(n)s claims assigned to you on “%(title)s”", count) % values
    if kind == "resolved":
        return ngettext("%(n)s claim resolved on “%(title)s”", "%(n)s claims resolved on “%(title)s”", count) % values
    if kind == "disputed":
        return ngettext("%(n)s claim disputed on “%(title)s”", "%(n)s claims disputed on “%(title)s”", count) % values
    if kind == "reopened":
        return ngettext("%(n)s claim reopened on “%(title)s”", "%(n)s claims reopened on “%(title)s”", count) % values
    if kind == "rejected":
        return ngettext("%(n)s claim rejected on “%(title)s”", "%(n)s claims rejected on “%(title)s”", count) % values
    return ngettext("%(n)s claim needs your settlement on “%(title)s”",
                    "%(n)s claims need your settlement on “%(title)s”", count) % values


def written_for(recipient: User, build) -> tuple[str, dict[str, str]]:
    """The notice ``build()`` writes: (in the recipient's language, in each interface language).

    Built once per interface language (Notification.texts); the recipient's text is one of them.
    """
    texts = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            texts[code] = str(build())[:500]
    language = member_language(recipient)
    if language not in texts:  # a language no longer offered: write it as before
        with translation.override(language):
            return str(build())[:500], texts
    return texts[language], texts


def notice_write(recipient: User, *, claim, article, kind: str, message: str, count: int = 1,
                 texts: dict[str, str] | None = None) -> tuple[Notification, bool, bool]:
    """Add to the recipient's open group of (article, kind) or start one; answers (row, grouped, email due).

    ``email due``: the group's email was already on its way (group_add), so none need be enqueued.

    Call inside the change's transaction; the group row is locked, so two changes adding to it at once
    both count.
    """
    article_id = article.pk if article is not None else (claim.article_id if claim is not None else None)
    now = timezone.now()
    group = None
    if article_id is not None and kind in GROUPED_KINDS:
        group = (Notification.objects.select_for_update(of=("self",))
                 .filter(recipient=recipient, article_id=article_id, kind=kind, read_at__isnull=True,
                         created_at__gte=now - group_window())
                 .order_by("-created_at", "-id").first())
    if group is None:
        note = Notification.objects.create(recipient=recipient, claim=claim, article_id=article_id, kind=kind,
                                           message=message[:500], count=count, texts=texts or {})
        return note, False, False
    due = group_add(group, recipient, claim=claim, article=article, kind=kind, count=count, now=now)
    return group, True, due


def group_add(group: Notification, recipient: User, *, claim, article, kind: str, count: int, now: dt.datetime) -> bool:
    """Add ``count`` notices to the recipient's open group row (locked by the caller) and save it.

    Answers whether the group's email is already due, so that no other need be enqueued: the row was
    not emailed since its last notice (``emailed_at`` empty), so the email of that notice (sent at once
    for a new row, or the follow-up of a grown one) has yet to run, and it reads the row as it is then;
    a follow-up that finds the group still growing waits again (tasks.notification_email). A burst of
    verdicts on one article enqueued one delayed task each, all but the last finding the group still
    growing; it is now one task per window. If that task never reached a worker, the sweeper
    (notifications_resend) sends the row once it has settled, as for any email lost at the broker.
    """
    due = group.emailed_at is None
    group.count += count
    if group.claim_id is not None and (claim is None or claim.pk != group.claim_id):
        group.claim = None  # about several claims: the notice leads to the article
    title = (article.title if article is not None else claim.article.title)
    group.message, group.texts = written_for(recipient, lambda: grouped_message(kind, group.count, title))
    # The group moves to the top and is news again: a digest or a follow-up email tells its total.
    group.created_at = now
    group.emailed_at = None
    # The UPDATE of group.save(update_fields=…) written out (a verdict's notice lands here nearly always).
    json_param = "%s::jsonb" if connection.vendor == "postgresql" else "%s"
    with connection.cursor() as cur:
        cur.execute(
            f'UPDATE "{Notification._meta.db_table}" SET count = %s, claim_id = %s, message = %s, '  # noqa: S608
            f"texts = {json_param}, created_at = %s, emailed_at = NULL WHERE id = %s",
            [group.count, group.claim_id, group.message, json.dumps(group.texts, ensure_ascii=False),
             group.created_at, group.pk],
        )
    return due


def email_later(task, notification_id: int, *, due: bool = False) -> None:
    """Enqueue the group's email once the burst has settled, unless one is ``due`` already (group_add)."""
    if due:
        return
    seconds = group_window().total_seconds()

    def send():
        broker_guard.publish(lambda: task.apply_async((notification_id,), {"grouped": True}, countdown=seconds),
                             f"{task.name}({notification_id})")

    transaction.on_commit(send)


def still_growing(note: Notification) -> bool:
    """A group whose last notice is younger than the window: a later notice's email will send the total."""
    return settles_in(note) > 0


def settles_in(note: Notification) -> float:
    """Seconds until the group's window has passed since its last notice (0 or less: settled)."""
    return (note.created_at + group_window() - timezone.now()).total_seconds()


# An email not sent within a day is not worth sending late (the in-app notice stays).
RESEND_WITHIN = dt.timedelta(days=1)
# Past the group window plus this, an email still unsent was never handed to a worker (or all of
# its retries failed): the normal path has had its chance.
RESEND_GRACE = dt.timedelta(minutes=2)


def unsent_emails(now: dt.datetime | None = None, limit: int = 200) -> list[int]:
    """Notifications whose email should have gone and did not (broker down at commit, retries spent)."""
    now = now or timezone.now()
    return list(
        Notification.objects.filter(
            emailed_at__isnull=True,
            created_at__gte=now - RESEND_WITHIN,
            created_at__lt=now - group_window() - RESEND_GRACE,
            recipient__is_active=True,
            recipient__email_notifications=True,
            recipient__daily_digest=False,
        )
        .exclude(recipient__email="")
        .order_by("created_at", "id")
        .values_list("pk", flat=True)[:limit]
    )
