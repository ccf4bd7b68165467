"""A member's own choices: how notifications reach them (the password is accounts.services')."""

from __future__ import annotations

from django.db import transaction

from factcheck.accounts.models import User


@transaction.atomic
def member_preferences_set(*, actor: User, email_notifications: bool, daily_digest: bool) -> User:
    """A member sets their own notification choices (nobody sets another's)."""
    member = User.objects.select_for_update().get(pk=actor.pk)
    member.email_notifications = bool(email_notifications)
    member.daily_digest = bool(daily_digest)
    member.save(update_fields=["email_notifications", "daily_digest"])
    return member
