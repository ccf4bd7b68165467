"""Helpers every claim service shares: the row lock, version and state checks, the audit row, input cleaning."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterable
from typing import TypeVar

from django.db import OperationalError, connection, transaction
from django.db.models import QuerySet
from django.utils.translation import gettext

from factcheck.accounts.models import User
from factcheck.claims import derived
from factcheck.claims.models import (
    ALLOWED_STATES,
    Claim,
    ClaimEvent,
    ClaimStatus,
    ClaimType,
    EventKind,
)
from factcheck.core import broker_guard
from factcheck.core.errors import InvalidInput, NotFound, StaleVersion, WrongState, stale_message

# Kept as names for callers that imported them from here; the sets live on ClaimStatus.
ACTIVE = ClaimStatus.ACTIVE
REREVIEW = ClaimStatus.REREVIEW
MAX_CLAIM_TEXT = 5000
# Events after which the claim's wording may differ: its search vector is recomputed.
# REANCHORED: a re-anchored claim whose words changed takes the new words as its wording (placement.py).
TEXT_EVENTS = frozenset({EventKind.CREATED, EventKind.EDITED, EventKind.MERGED, EventKind.SPLIT, EventKind.REANCHORED})
# Events that never change what the article's progress counts (derived.MEMBERSHIP: by status and
# verdict): it stays as it is. A reviewer's verdict is a Review row until the claim resolves
# (RESOLVED moves the counts); a verdict recorded on an assigned claim recounted three times, each
# over all the article's claims. Starting a review moves the claim from assigned to in review,
# which the Insights page counts apart: its services pass ``moved_from`` (one UPDATE, no recount).
PROGRESS_UNCHANGED = frozenset({
    EventKind.LOOKUP, EventKind.COMMENTED, EventKind.SOURCE_ATTACHED, EventKind.SOURCE_DETACHED,
    EventKind.PASSAGE_PINNED, EventKind.LINKED, EventKind.PUBLISHED, EventKind.UNPUBLISHED,
    EventKind.REVIEWED,
})
# Events that never change whether a claim is counted nor its types: TypeDay (the claims per type and
# day) stays as it is. Everything else recounts the claim's day (a few hundred claims).
TYPES_UNCHANGED = PROGRESS_UNCHANGED | {
    EventKind.ASSIGNED, EventKind.STARTED, EventKind.RESOLVED, EventKind.SETTLED, EventKind.REOPENED,
    EventKind.SECOND_REVIEW, EventKind.CORRECTED, EventKind.CONFIRMED,
}
# Events that follow a review row's write: its assignment time (Review.assigned_at) is written then.
REVIEW_WRITTEN = frozenset({EventKind.REVIEWED, EventKind.SETTLED})

# Called with every audit event, inside its transaction. Packages above claims (publishing: corrections,
# "ready to publish") register here from their AppConfig.ready(), so claims never imports them
# (DESIGN.md: a call up the package order goes through a function the lower package receives).
EVENT_HOOKS: list[Callable[[ClaimEvent], None]] = []


logger = logging.getLogger(__name__)
F = TypeVar("F", bound=Callable)
# PostgreSQL's SQLSTATE for "deadlock detected".
DEADLOCK = "40P01"


# --- helpers ----------------------------------------------------------------------
#
# Lock order (so two transitions never wait on each other in a circle): an article row
# before any of its claims (article_revise, claim_create), claims in ascending id order
# (bulk actions, merge, re-anchoring), and a claim transition locks only its claim row.


def _is_deadlock(exc: BaseException) -> bool:
    cause = exc.__cause__ or exc
    return getattr(cause, "sqlstate", None) == DEADLOCK or "deadlock detected" in str(exc)


def atomic_retrying(func: F) -> F:
    """`transaction.atomic`, retried once when PostgreSQL picks this transaction as a deadlock's victim.

    The lock order above makes deadlocks unlikely, not impossible (a foreign-key check takes
    a share lock on the referenced row). The loser's work was rolled back whole, so running
    it again is safe. Inside an outer transaction there is nothing to retry: the outer one
    decides, so the function then runs as a plain atomic block.
    """

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        if transaction.get_connection().in_atomic_block:
            with transaction.atomic():
                return func(*args, **kwargs)
        try:
            with transaction.atomic():
                return func(*args, **kwargs)
        except OperationalError as exc:
            if not _is_deadlock(exc):
                raise
            logger.warning("%s lost a deadlock; retrying once", func.__name__)
        with transaction.atomic():
            return func(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def lock_claim(claim_id: object) -> Claim:
    """The claim row, locked for the rest of the transaction (every claim and sources service starts here).

    Its due day as locked is noted (derived.due_seen), for the recount of the day it may leave.
    Only the claim's row: the article is read, not locked, so work on two claims of
    one article does not queue behind each other (article_revise locks the article itself).
    """
    try:
        if connection.vendor == "postgresql":
            claim = _lock_written_out(Claim._meta.pk.get_prep_value(claim_id))
            if claim is None:
                raise Claim.DoesNotExist
            return derived.due_seen(claim)
        # The article's creator comes along: most transitions notify them (one query fewer); and
        # the two reviewers, so the API can answer with the claim as the service left it.
        return derived.due_seen(Claim.objects.select_for_update(of=("self",)).select_related(
            "article__created_by", "assignee", "second_reviewer"
        ).get(pk=claim_id))
    except (Claim.DoesNotExist, ValueError, TypeError):
        raise NotFound(gettext("Claim %(claim_id)s does not exist.") % {"claim_id": claim_id}) from None


# The rows lock_claim loads, in the order of its statement: (model, alias, the foreign key that leads
# to it from the row before in the join, or None for the claim itself).
_LOCK_JOINS = (
    ("claim", "c", None), ("article", "a", ("claim", "article")), ("created_by", "u", ("article", "created_by")),
    ("assignee", "ra", ("claim", "assignee")), ("second_reviewer", "rs", ("claim", "second_reviewer")),
)
_lock_plan: tuple | None = None


def _lock_layout() -> tuple:
    """lock_claim's statement written out once, with each row's fields and the converters of their columns.

    The ORM's select_for_update().select_related(...) rebuilt this statement on every call, about
    2 ms of CPU per claim transition (a verdict's largest single cost after the writes were one
    statement): this is the same SELECT, the same instances, the same related caches.
    """
    global _lock_plan
    if _lock_plan is not None:
        return _lock_plan
    models = {"claim": Claim}
    columns, rows, joins = [], [], []
    for name, alias, via in _LOCK_JOINS:
        if via is not None:
            field = models[via[0]]._meta.get_field(via[1])
            models[name] = field.related_model
            kind = "LEFT JOIN" if field.null else "JOIN"
            parent = next(a for n, a, _ in _LOCK_JOINS if n == via[0])
            joins.append(f'{kind} "{field.related_model._meta.db_table}" {alias} '
                         f'ON {alias}."{field.target_field.column}" = {parent}."{field.column}"')
        model = models[name]
        fields = model._meta.concrete_fields
        converters = []
        for f in fields:
            col = f.get_col(alias)
            found = connection.ops.get_db_converters(col) + col.get_db_converters(connection)
            converters.append((col, found))
        start = len(columns)
        columns += [f'{alias}."{f.column}"' for f in fields]
        rows.append((name, model, [f.attname for f in fields], list(fields).index(model._meta.pk), start,
                     len(columns), converters,
                     models[via[0]]._meta.get_field(via[1]) if via else None, via[0] if via else None))
    # Only the models' own table and column names in the text; the id is a parameter.
    sql = (f'SELECT {", ".join(columns)} FROM "{Claim._meta.db_table}" c {" ".join(joins)} '  # noqa: S608
           f'WHERE c."{Claim._meta.pk.column}" = %s FOR UPDATE OF c')
    _lock_plan = (sql, rows)
    return _lock_plan


def _lock_written_out(pk: int) -> Claim | None:
    if not -(2**63) <= pk < 2**63:
        return None  # beyond the column's range: no such claim (what the ORM's lookup answers)
    sql, rows = _lock_layout()
    with connection.cursor() as cur:
        cur.execute(sql, [pk])
        found = cur.fetchone()
    if found is None:
        return None
    made: dict[str, object] = {}
    for name, model, attnames, pk_at, start, end, converters, field, parent in rows:
        values = list(found[start:end])
        for i, (col, funcs) in enumerate(converters):
            for func in funcs:
                values[i] = func(values[i], col, connection)
        instance = model.from_db(connection.alias, attnames, values) if values[pk_at] is not None else None
        made[name] = instance
        if field is not None and made[parent] is not None:
            field.set_cached_value(made[parent], instance)
    return made["claim"]  # type: ignore[return-value]


def _check_version(claim: Claim, version: int | None) -> None:
    # The browser forms and the API always send the version they read (a request without
    # one is refused at that boundary, 400). None is for callers inside the project that
    # act on what they find under the lock (bulk actions, admin, seed data): they check
    # the state with _expect instead.
    if version is None:
        return
    if not isinstance(version, int) or isinstance(version, bool):
        raise InvalidInput(gettext("version must be a whole number."), fields={"version": [gettext("Must be a whole number.")]})
    if version != claim.version:
        raise StaleVersion(stale_message("claim", claim.updated_by, claim.updated_at))


def _expect(claim: Claim, action: str, doing: str | None = None) -> None:
    """Refuse unless the claim's state allows ``action`` (the table templates read too: models.ALLOWED_STATES)."""
    if not claim.allows(action):
        allowed = ALLOWED_STATES[action]
        action = doing or action
        wanted = (" " + gettext("or") + " ").join(ClaimStatus(s).label.lower() for s in allowed)
        raise WrongState(
            gettext("Cannot %(action)s: the claim is %(lower)s, it must be %(wanted)s.") % {"action": action,
                "lower": ClaimStatus(claim.status).label.lower(), "wanted": wanted}
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
    moved_from: tuple[str, str] | None = None,
    vector_written: bool = False,
) -> ClaimEvent:
    """Append the audit row, and bring what is derived from the claim up to date with it.

    Without ``from_status`` the claim stays in its state (a source, a lookup, a comment).
    Every claim service records its change here, so this is the one place that keeps the
    article's progress counts and (for kinds that change the wording) the search vector, and
    that hands the event to every EVENT_HOOKS function (publishing's corrections and readiness).
    ``moved_from`` is the claim's (status, verdict) before this change, when the caller knows it:
    the article's counts then move by this one claim instead of being recounted.
    ``vector_written``: the claim's search vector was written with its row (``derived.claim_vector``).
    """
    if from_status is None:
        from_status = claim.status
    if kind in TEXT_EVENTS and not vector_written:  # written with the row itself (claim_create)
        derived.claims_search_refresh([claim.pk])
    if kind in REVIEW_WRITTEN:
        derived.review_assignment_refresh([claim.pk])
    if kind not in TYPES_UNCHANGED:
        derived.type_days_refresh_later([derived.claim_day(claim)])
    # Whatever the kind: only a change of the claim's due day (being checked, and by when) recounts.
    derived.due_day_moved(claim, from_status)
    counts = None
    if kind not in PROGRESS_UNCHANGED:
        if moved_from is not None:
            counts = derived.article_progress_moved(claim.article_id, moved_from, (claim.status, claim.verdict))
        else:
            derived.article_progress_refresh(claim.article_id)
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
    if counts is not None:
        # The article's (claims_total, claims_resolved) as this change left them, for the hooks
        # (publishing's readiness check need not read them again after commit).
        event.progress_after = counts
    for hook in EVENT_HOOKS:
        hook(event)
    return event


def _clean_text(value: object, field: str, *, required: bool = True, limit: int = MAX_CLAIM_TEXT) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise InvalidInput(gettext("%(field)s must be text.") % {"field": field}, fields={field: [gettext("Must be text.")]})
    value = value.strip()
    if required and not value:
        raise InvalidInput(gettext("%(capitalize)s is required.") % {"capitalize": field.capitalize()},
            fields={field: [gettext("This field is required.")]})
    if len(value) > limit:
        raise InvalidInput(gettext("%(capitalize)s is too long.") % {"capitalize": field.capitalize()},
            fields={field: [gettext("At most %(limit)s characters.") % {"limit": limit}]})
    return value


def _clean_types(types: object) -> list[str]:
    if types is None:
        return []
    if not isinstance(types, list | tuple) or not all(isinstance(t, str) for t in types):
        raise InvalidInput(gettext("types must be a list of type names."), fields={"types": [gettext("Must be a list.")]})
    unknown = [t for t in types if t not in ClaimType.values]
    if unknown:
        raise InvalidInput(
            gettext("Unknown claim type: %(unknown)s.") % {"unknown": ', '.join(unknown)},
            fields={"types": [gettext("Choose from %(values)s.") % {"values": ', '.join(ClaimType.values)}]},
        )
    return list(dict.fromkeys(types))


def _clean_quantities(quantities: object) -> list[dict]:
    if quantities is None:
        return []
    if not isinstance(quantities, list) or not all(isinstance(q, dict) for q in quantities):
        raise InvalidInput(gettext("quantities must be a list of objects."), fields={"quantities": [gettext("Must be a list.")]})
    cleaned = []
    for q in quantities[:50]:
        value = q.get("value")
        if value is not None and (not isinstance(value, int | float) or isinstance(value, bool)):
            raise InvalidInput(gettext("A quantity value must be a number."),
                fields={"quantities": [gettext("value must be a number.")]})
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
            raise InvalidInput(gettext("No member called %(value)s.") % {"value": repr(value)},
                fields={"reviewer": [gettext("Unknown member.")]})
    if not user.is_active or not (user.is_reviewer or user.is_editor):
        raise InvalidInput(
            gettext("%(username)s cannot review claims.") % {"username": user.username},
            fields={"reviewer": [gettext("Choose an active reviewer or editor.")]}
        )
    return user


def _ids(values: object, field: str = "claims") -> list[int]:
    """Distinct claim ids in ascending order (one lock order for every bulk action, so two never deadlock)."""
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise InvalidInput(gettext("Give a list of claim ids."), fields={field: [gettext("Must be a list of ids.")]})
    try:
        return sorted({int(v) for v in values if not isinstance(v, bool)})
    except (TypeError, ValueError):
        raise InvalidInput(gettext("Claim ids must be whole numbers."),
            fields={field: [gettext("Must be whole numbers.")]}) from None


def _not_orphaned(claim: Claim, action: str) -> None:
    # An orphan's offsets point into an older text: acting on them would cut the wrong words.
    if claim.orphaned:
        raise WrongState(gettext("Cannot %(action)s: the claim lost its place in the edited text; re-place it first.")
        % {"action": action})


# --- what the sources package hands over ------------------------------------------------
# Sources sit above claims (their rows point at claims), so the claims services never
# import them: SourcesConfig.ready() hands over the two things claims need from there.
_claim_opened: list[Callable[..., object]] = []
_counting_evidence: Callable[[Claim], QuerySet] | None = None


def receive_claim_opened(fn: Callable[..., object]) -> None:
    """Take a function called as ``fn(claim=..., actor=...)`` whenever a claim enters the check."""
    if fn not in _claim_opened:
        _claim_opened.append(fn)


def receive_event_hook(fn: Callable[[ClaimEvent], None]) -> None:
    """Take a function called with every audit event, inside its transaction (publishing's corrections)."""
    if fn not in EVENT_HOOKS:
        EVENT_HOOKS.append(fn)


def receive_evidence_counter(fn: Callable[[Claim], QuerySet]) -> None:
    """Take the function that says which of a claim's evidence satisfies the verdict gate."""
    global _counting_evidence
    _counting_evidence = fn


def claim_opened(claim: Claim, actor: User | None) -> None:
    """A claim entered the check (created, accepted): e.g. look for earlier checks of the same claim."""
    for fn in _claim_opened:
        fn(claim=claim, actor=actor)


def counting_evidence(claim: Claim) -> QuerySet:
    """Evidence that satisfies the gate (the sources package decides: sources.selectors.counting_evidence)."""
    if _counting_evidence is None:
        # Refuse rather than let verdicts through without the gate.
        raise RuntimeError("No evidence counter was handed to the claims services (is the sources app installed?)")
    return _counting_evidence(claim)


def notify(recipient: User | None, claim: Claim | None, kind: str, message: str | Callable[[], str], *,
           actor: User | None = None, article=None, count: int = 1) -> None:
    """In-app notification plus an email sent by a task after commit; call it inside the change's transaction.

    The text is kept as written, so it is written in the recipient's language: pass a function that
    builds it (with gettext), and it runs with that language active. A burst of one kind about one
    article (claim's, or `article` for a notice about several claims, `count` of them) is one row
    with a count (services.notices); its email waits until the burst has settled.
    """
    if recipient is None or (actor is not None and recipient.pk == actor.pk) or not recipient.is_active:
        return
    from factcheck.claims.services.notices import email_later, notice_write, written_for
    from factcheck.claims.tasks import notification_email

    texts = None
    if callable(message):
        message, texts = written_for(recipient, message)
    note, grouped, due = notice_write(recipient, claim=claim, article=article, kind=kind, message=message,
                                      count=count, texts=texts)
    if grouped:
        email_later(notification_email, note.pk, due=due)
    else:
        transaction.on_commit(lambda: _enqueue(notification_email, note.pk))


def _enqueue(task, *args) -> None:
    # The row is saved either way; a broker outage must not turn a saved change into an error
    # page, nor each change into a wait on the broker's timeouts (core/broker_guard.py). An
    # email not sent now is sent by the notification sweeper (emailed_at stays empty).
    broker_guard.publish(lambda: task.delay(*args), f"{task.name}{args!r}")


