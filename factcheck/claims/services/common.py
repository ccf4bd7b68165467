"""Helpers every claim service shares: the row lock, version and state checks, the audit row, input cleaning."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from django.db import transaction

from factcheck.accounts.models import User
from factcheck.claims.models import (
    ALLOWED_STATES,
    Claim,
    ClaimEvent,
    ClaimStatus,
    ClaimType,
    Notification,
)
from factcheck.core.errors import InvalidInput, NotFound, StaleVersion, WrongState, stale_message

# Kept as names for callers that imported them from here; the sets live on ClaimStatus.
ACTIVE = ClaimStatus.ACTIVE
REREVIEW = ClaimStatus.REREVIEW
MAX_CLAIM_TEXT = 5000

# Called with every audit event, inside its transaction. Packages above claims (publishing: corrections,
# "ready to publish") register here from their AppConfig.ready(), so claims never imports them
# (DESIGN.md: a call up the package order goes through a function the lower package receives).
EVENT_HOOKS: list[Callable[[ClaimEvent], None]] = []


# --- helpers ----------------------------------------------------------------------


def lock_claim(claim_id: object) -> Claim:
    """The claim row, locked for the rest of the transaction (every claim and sources service starts here).

    Only the claim's row: the article is read, not locked, so work on two claims of
    one article does not queue behind each other (article_revise locks the article itself).
    """
    try:
        return Claim.objects.select_for_update(of=("self",)).select_related("article").get(pk=claim_id)
    except (Claim.DoesNotExist, ValueError, TypeError):
        raise NotFound(f"Claim {claim_id} does not exist.") from None


def _check_version(claim: Claim, version: int | None) -> None:
    if version is None:
        return
    if not isinstance(version, int) or isinstance(version, bool):
        raise InvalidInput("version must be a whole number.", fields={"version": ["Must be a whole number."]})
    if version != claim.version:
        raise StaleVersion(stale_message("claim", claim.updated_by, claim.updated_at))


def _expect(claim: Claim, action: str, doing: str | None = None) -> None:
    """Refuse unless the claim's state allows ``action`` (the table templates read too: models.ALLOWED_STATES)."""
    if not claim.allows(action):
        allowed = ALLOWED_STATES[action]
        action = doing or action
        wanted = " or ".join(ClaimStatus(s).label.lower() for s in allowed)
        raise WrongState(
            f"Cannot {action}: the claim is {ClaimStatus(claim.status).label.lower()}, it must be {wanted}."
        )


def _save(claim: Claim, actor: User | None, *fields: str) -> None:
    claim.version += 1
    claim.updated_by = actor
    claim.save(update_fields=[*fields, "version", "updated_by", "updated_at"])


def claim_event(
    claim: Claim,
    actor: User | None,
    kind: str,
    data: dict | None = None,
    *,
    from_status: str | None = None,
    to_status: str = "",
    verdict: str = "",
    note: str = "",
) -> ClaimEvent:
    """Append the audit row. Without ``from_status`` the claim stays in its state (a source, a lookup, a comment)."""
    if from_status is None:
        from_status = claim.status
    event = ClaimEvent.objects.create(
        claim=claim,
        article_id=claim.article_id,
        actor=actor,
        kind=kind,
        from_status=from_status,
        to_status=to_status or from_status,
        verdict=verdict,
        note=note,
        data=data or {},
    )
    for hook in EVENT_HOOKS:
        hook(event)
    return event


def _clean_text(value: object, field: str, *, required: bool = True, limit: int = MAX_CLAIM_TEXT) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise InvalidInput(f"{field} must be text.", fields={field: ["Must be text."]})
    value = value.strip()
    if required and not value:
        raise InvalidInput(f"{field.capitalize()} is required.", fields={field: ["This field is required."]})
    if len(value) > limit:
        raise InvalidInput(f"{field.capitalize()} is too long.", fields={field: [f"At most {limit} characters."]})
    return value


def _clean_types(types: object) -> list[str]:
    if types is None:
        return []
    if not isinstance(types, list | tuple) or not all(isinstance(t, str) for t in types):
        raise InvalidInput("types must be a list of type names.", fields={"types": ["Must be a list."]})
    unknown = [t for t in types if t not in ClaimType.values]
    if unknown:
        raise InvalidInput(
            f"Unknown claim type: {', '.join(unknown)}.",
            fields={"types": [f"Choose from {', '.join(ClaimType.values)}."]},
        )
    return list(dict.fromkeys(types))


def _clean_quantities(quantities: object) -> list[dict]:
    if quantities is None:
        return []
    if not isinstance(quantities, list) or not all(isinstance(q, dict) for q in quantities):
        raise InvalidInput("quantities must be a list of objects.", fields={"quantities": ["Must be a list."]})
    cleaned = []
    for q in quantities[:50]:
        value = q.get("value")
        if value is not None and (not isinstance(value, int | float) or isinstance(value, bool)):
            raise InvalidInput("A quantity value must be a number.", fields={"quantities": ["value must be a number."]})
        cleaned.append(
            {
                "value": value,
                "qualifier": str(q.get("qualifier") or "exact")[:20],
                "unit": (str(q["unit"])[:40] if q.get("unit") else None),
                "text": str(q.get("text") or "")[:200],
            }
        )
    return cleaned


def _reviewer(value: User | str | int) -> User:
    if isinstance(value, User):
        user = value
    else:
        lookup = {"pk": value} if isinstance(value, int) else {"username": value}
        user = User.objects.filter(**lookup).first()
        if user is None:
            raise InvalidInput(f"No member called {value!r}.", fields={"reviewer": ["Unknown member."]})
    if not user.is_active or not (user.is_reviewer or user.is_editor):
        raise InvalidInput(
            f"{user.username} cannot review claims.", fields={"reviewer": ["Choose an active reviewer or editor."]}
        )
    return user


def _ids(values: object, field: str = "claims") -> list[int]:
    """Distinct claim ids in ascending order (one lock order for every bulk action, so two never deadlock)."""
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise InvalidInput("Give a list of claim ids.", fields={field: ["Must be a list of ids."]})
    try:
        return sorted({int(v) for v in values if not isinstance(v, bool)})
    except (TypeError, ValueError):
        raise InvalidInput("Claim ids must be whole numbers.", fields={field: ["Must be whole numbers."]}) from None


def _not_orphaned(claim: Claim, action: str) -> None:
    # An orphan's offsets point into an older text: acting on them would cut the wrong words.
    if claim.orphaned:
        raise WrongState(f"Cannot {action}: the claim lost its place in the edited text; re-place it first.")


def _host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def notify(recipient: User | None, claim: Claim | None, kind: str, message: str, *, actor: User | None = None) -> None:
    """In-app notification plus an email sent by a task after commit."""
    if recipient is None or (actor is not None and recipient.pk == actor.pk) or not recipient.is_active:
        return
    note = Notification.objects.create(recipient=recipient, claim=claim, kind=kind, message=message[:500])
    from factcheck.claims.tasks import notification_email

    transaction.on_commit(lambda: _enqueue(notification_email, note.pk))


def _enqueue(task, *args) -> None:
    # The row is saved either way; a broker outage must not turn a saved
    # change into an error page. Notifications are best-effort.
    try:
        task.delay(*args)
    except Exception:
        import logging

        logging.getLogger(__name__).warning("could not enqueue %s%r; broker unreachable", task.name, args)


