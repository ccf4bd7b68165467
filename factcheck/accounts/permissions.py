"""Who may do what: one rule per action, used by the pages, the API and the services.

Each rule answers for an actor and (where it matters) a claim. Services call
`require()` so that a rule cannot be skipped by a surface that forgot it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext

from factcheck.core.errors import NotAllowed

if TYPE_CHECKING:  # pragma: no cover
    from factcheck.accounts.models import User


def is_member(user: User) -> bool:
    return bool(user and user.is_authenticated and user.is_member)


def is_editor(user: User) -> bool:
    return bool(user and user.is_authenticated and user.is_editor)


def can_read_article(user: User) -> bool:
    # Every newsroom member reads every article: reviewers need context.
    return is_member(user)


def can_edit_article(user: User) -> bool:
    return is_editor(user)


def is_assigned_reviewer(user: User, claim) -> bool:
    if not is_member(user):
        return False
    return claim.assignee_id == user.pk or claim.second_reviewer_id == user.pk


def can_review_claim(user: User, claim) -> bool:
    """Start a review, record a verdict, attach sources, pin passages."""
    return is_editor(user) or is_assigned_reviewer(user, claim)


def can_settle_claim(user: User, claim) -> bool:
    """Decide a claim on which the two reviewers disagree."""
    return is_editor(user)


def can_assign_claim(user: User) -> bool:
    """Assign, re-assign, ask for a second review, reopen."""
    return is_editor(user)


def can_comment(user: User, claim) -> bool:
    return can_review_claim(user, claim)


def can_revoke_tokens(user: User, member: User) -> bool:
    """A member revokes their own API tokens; an editor anyone's (a lost laptop, a leaked script)."""
    return is_member(user) and (user.pk == member.pk or is_editor(user))


def can_deactivate_member(user: User, member: User) -> bool:
    """Editors switch off reviewers and editors; never themselves, and only an admin touches an admin."""
    if not is_editor(user) or user.pk == member.pk:
        return False
    protected = member.is_superuser or member.role == "admin"
    return not protected or user.is_superuser or user.role == "admin"


def require(allowed: bool, message: str | None = None) -> None:
    if not allowed:
        raise NotAllowed(message or gettext("You are not allowed to do that."))
