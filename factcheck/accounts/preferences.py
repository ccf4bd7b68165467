"""A member's own choices: how notifications reach them (the password is accounts.services')."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from factcheck.accounts.models import User
from factcheck.core.errors import InvalidInput


def member_language(member: User) -> str:
    """The language to write to this member in (their profile's choice, else the site's default)."""
    return member.language or settings.LANGUAGE_CODE


@transaction.atomic
def member_preferences_set(*, actor: User, email_notifications: bool, daily_digest: bool) -> User:
    """A member sets their own notification choices (nobody sets another's)."""
    member = User.objects.select_for_update().get(pk=actor.pk)
    member.email_notifications = bool(email_notifications)
    member.daily_digest = bool(daily_digest)
    member.save(update_fields=["email_notifications", "daily_digest"])
    return member


@transaction.atomic
def member_language_set(*, actor: User, language: str) -> User:
    """A member chooses their interface language ("" follows the browser's Accept-Language)."""
    if language and language not in dict(settings.LANGUAGES):
        raise InvalidInput(_("Choose one of the offered languages."), fields={"language": [_("Unknown language.")]})
    member = User.objects.select_for_update().get(pk=actor.pk)
    member.language = language
    member.save(update_fields=["language"])
    return member
