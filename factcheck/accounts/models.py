"""Newsroom members: a Django user with one role."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    EDITOR = "editor", _("Editor")
    REVIEWER = "reviewer", _("Reviewer")
    ADMIN = "admin", _("Admin")


class User(AbstractUser):
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.REVIEWER)
    # Each member's choice of how notifications reach them (the profile page sets both).
    email_notifications = models.BooleanField(default=True, help_text=_("Send notifications by email too."))
    daily_digest = models.BooleanField(
        default=False, help_text=_("One email a day with the day's notifications instead of one email each.")
    )
    # The interface language chosen in the profile; blank follows the browser (accounts.middleware).
    language = models.CharField(max_length=8, choices=settings.LANGUAGES, blank=True, default="",
                                help_text=_("Interface language; blank follows the browser."))

    class Meta:
        ordering = ["username"]

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_editor(self) -> bool:
        # Admins can do everything an editor can.
        return self.is_active and (self.role in (Role.EDITOR, Role.ADMIN) or self.is_superuser)

    @property
    def is_reviewer(self) -> bool:
        return self.is_active and self.role == Role.REVIEWER

    @property
    def is_member(self) -> bool:
        return self.is_active and (self.role in Role.values or self.is_superuser)
