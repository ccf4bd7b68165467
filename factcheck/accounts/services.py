"""Member account changes: API tokens, passwords, deactivation.

How tokens and lockouts relate (the rule, written once here and in the README):
- a lockout (django-axes) blocks password logins, on the web, the admin and
  `POST /api/auth/token/`; a token issued before it keeps working, because the
  token proves nothing about the password being guessed now;
- changing a member's password revokes their API tokens (whoever guessed or leaked
  the old one may have taken a token with it);
- a member can revoke their own tokens on their profile page, an editor anyone's;
- deactivating a member revokes their tokens and logs their sessions out at once.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils.translation import gettext
from rest_framework.authtoken.models import Token

from factcheck.accounts.models import User
from factcheck.accounts.permissions import can_deactivate_member, can_revoke_tokens, require
from factcheck.core.errors import NotFound, WrongState

logger = logging.getLogger(__name__)


def member_tokens(member: User) -> list[Token]:
    """The member's API tokens (rest_framework.authtoken keeps at most one per member)."""
    return list(Token.objects.filter(user=member))


def _revoke(member: User) -> int:
    count, _ = Token.objects.filter(user=member).delete()
    return count


@transaction.atomic
def member_tokens_revoke(*, actor: User, member: User) -> int:
    """Revoke the member's API tokens; answers how many there were. Scripts must log in again."""
    require(can_revoke_tokens(actor, member), gettext("Only editors can revoke another member's API tokens."))
    count = _revoke(member)
    logger.info("%s revoked %d API token(s) of %s", actor.username, count, member.username)
    return count


@transaction.atomic
def member_password_set(*, actor: User | None, member: User, password: str) -> int:
    """Set a new password and revoke the member's API tokens; answers how many were revoked.

    `actor` is None for the command line and the admin's own password form (already
    restricted to staff). Validation of the password is the caller's form's job.
    """
    member = User.objects.select_for_update().get(pk=member.pk)
    member.set_password(password)
    member.save(update_fields=["password"])
    return member_password_changed(member=member, actor=actor)


def member_password_changed(*, member: User, actor: User | None = None) -> int:
    """What follows any password change (set here, or by Django's own password forms): tokens revoked."""
    count = _revoke(member)
    logger.info("password of %s changed by %s; %d API token(s) revoked", member.username,
                actor.username if actor else "an administrator", count)
    return count


@transaction.atomic
def member_deactivate(*, actor: User, member_id: int) -> User:
    """An editor switches a member off: no login, no session, no API token from now on."""
    member = User.objects.select_for_update().filter(pk=member_id).first()
    if member is None:
        raise NotFound(gettext("Member %(member_id)s does not exist.") % {"member_id": member_id})
    require(can_deactivate_member(actor, member), gettext("Editors can deactivate reviewers and other editors, not themselves "
            "or administrators."))
    if not member.is_active:
        raise WrongState(gettext("%(username)s is already deactivated.") % {"username": member.username})
    member.is_active = False
    member.save(update_fields=["is_active"])
    # The token would be refused anyway (DRF checks is_active); deleting it means reactivating
    # someone does not bring an old token back to life. Sessions end because Django's backend
    # does not load an inactive user.
    count = _revoke(member)
    logger.info("%s deactivated %s (%d API token(s) revoked)", actor.username, member.username, count)
    return member
