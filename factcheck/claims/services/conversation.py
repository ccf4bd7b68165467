"""Comments on claims and members' notifications."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone

from factcheck.accounts.models import User
from factcheck.accounts.permissions import (
    can_comment,
    require,
)
from factcheck.claims.models import (
    Comment,
    EventKind,
    Notification,
)
from factcheck.claims.services.common import (
    _clean_text,
    _event,
    _lock,
)


@transaction.atomic
def comment_add(*, actor: User, claim_id: int, body: str) -> Comment:
    claim = _lock(claim_id)
    require(can_comment(actor, claim), "Only the claim's reviewers and editors can comment.")
    body = _clean_text(body, "body", limit=10000)
    comment = Comment.objects.create(claim=claim, author=actor, body=body)
    _event(claim, actor, EventKind.COMMENTED, from_status=claim.status, note=body[:500])
    return comment


@transaction.atomic
def notifications_mark_read(*, actor: User, ids: Sequence[int] | None = None) -> int:
    qs = Notification.objects.filter(recipient=actor, read_at__isnull=True)
    if ids is not None:
        qs = qs.filter(pk__in=list(ids))
    return qs.update(read_at=timezone.now())


