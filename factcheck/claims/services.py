"""Every state change of a claim, one function each.

Each function runs in a transaction, locks the claim row, checks the state it
expects, the actor's role and (when given) the version the client read, writes
the change, appends a ClaimEvent, and enqueues follow-up work on commit. Pages,
API views, admin actions and tasks all call these.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from factcheck.accounts.models import User
from factcheck.accounts.permissions import (
    can_assign_claim,
    can_comment,
    can_edit_article,
    can_review_claim,
    can_settle_claim,
    is_assigned_reviewer,
    is_editor,
    require,
)
from factcheck.articles.models import Article, ArticleRevision
from factcheck.articles.services import stale_message
from factcheck.claims.models import (
    Claim,
    ClaimEvent,
    ClaimStatus,
    ClaimType,
    Comment,
    EventKind,
    Notification,
    Priority,
    Review,
    Verdict,
)
from factcheck.core.anchoring import make_anchor, reanchor, valid_span
from factcheck.core.errors import EvidenceMissing, InvalidInput, NotFound, StaleVersion, WrongState

ACTIVE = (ClaimStatus.OPEN, ClaimStatus.ASSIGNED, ClaimStatus.IN_REVIEW)
MAX_CLAIM_TEXT = 5000
# Statuses in which someone has looked at (or is looking at) the quoted words.
REREVIEW = (ClaimStatus.ASSIGNED, ClaimStatus.IN_REVIEW, ClaimStatus.RESOLVED)


# --- helpers ----------------------------------------------------------------------


def _lock(claim_id: int) -> Claim:
    try:
        return Claim.objects.select_for_update().select_related("article").get(pk=claim_id)
    except (Claim.DoesNotExist, ValueError, TypeError):
        raise NotFound(f"Claim {claim_id} does not exist.") from None


def _check_version(claim: Claim, version: int | None) -> None:
    if version is None:
        return
    if not isinstance(version, int) or isinstance(version, bool):
        raise InvalidInput("version must be a whole number.", fields={"version": ["Must be a whole number."]})
    if version != claim.version:
        raise StaleVersion(stale_message("claim", claim.updated_by, claim.updated_at))


def _expect(claim: Claim, allowed: Iterable[str], action: str) -> None:
    allowed = tuple(allowed)
    if claim.status not in allowed:
        wanted = " or ".join(ClaimStatus(s).label.lower() for s in allowed)
        raise WrongState(
            f"Cannot {action}: the claim is {ClaimStatus(claim.status).label.lower()}, it must be {wanted}."
        )


def _save(claim: Claim, actor: User | None, *fields: str) -> None:
    claim.version += 1
    claim.updated_by = actor
    claim.save(update_fields=[*fields, "version", "updated_by", "updated_at"])


def _event(
    claim: Claim,
    actor: User | None,
    kind: str,
    *,
    from_status: str = "",
    to_status: str = "",
    verdict: str = "",
    note: str = "",
    data: dict | None = None,
) -> ClaimEvent:
    return ClaimEvent.objects.create(
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


# --- creating claims ------------------------------------------------------------------


@transaction.atomic
def claim_create(
    *,
    actor: User,
    article_id: int,
    start: int | None = None,
    end: int | None = None,
    quote: str | None = None,
    text: str | None = None,
    types: list[str] | None = None,
    quantities: list[dict] | None = None,
    attributed_to: str = "",
) -> Claim:
    """An editor marks a passage of the current revision as a claim (status open)."""
    require(can_edit_article(actor), "Only editors can create claims.")
    article = Article.objects.select_for_update(of=("self",)).select_related("current_revision").filter(pk=article_id).first()
    if article is None or article.current_revision is None:
        raise InvalidInput(f"Article {article_id} does not exist.", fields={"article": ["Unknown article."]})
    body = article.current_revision.text
    if start is None and end is None and quote:
        if not isinstance(quote, str):
            raise InvalidInput("quote must be text.", fields={"quote": ["Must be text."]})
        first = body.find(quote)
        if first == -1:
            raise InvalidInput("The quote does not occur in the article.", fields={"quote": ["Not found in the text."]})
        if body.find(quote, first + 1) != -1:
            raise InvalidInput(
                "The quote occurs more than once; give start and end instead.",
                fields={"quote": ["Occurs more than once."]},
            )
        start, end = first, first + len(quote)
    problem = valid_span(body, start, end)
    if problem:
        raise InvalidInput(f"Bad claim span: {problem}.", fields={"start": [problem]})
    anchor = make_anchor(body, start, end)
    claim = Claim.objects.create(
        article=article,
        revision=article.current_revision,
        start=anchor.start,
        end=anchor.end,
        quote=anchor.quote,
        prefix=anchor.prefix,
        suffix=anchor.suffix,
        text=_clean_text(text, "text") if text else " ".join(anchor.quote.split())[:MAX_CLAIM_TEXT],
        types=_clean_types(types),
        quantities=_clean_quantities(quantities),
        attributed_to=_clean_text(attributed_to, "attributed_to", required=False, limit=300),
        status=ClaimStatus.OPEN,
        created_by=actor,
        updated_by=actor,
    )
    _event(claim, actor, EventKind.CREATED, to_status=claim.status, data={"start": start, "end": end})
    _after_open(claim, actor)
    return claim


def _after_open(claim: Claim, actor: User | None) -> None:
    """A claim that enters the check looks for earlier checks of the same claim."""
    try:
        from factcheck.sources.services import lookups_on_claim_open
    except ImportError:  # the sources package may not offer it yet
        return
    lookups_on_claim_open(claim=claim, actor=actor)


@transaction.atomic
def claims_suggest(*, actor: User, article_id: int) -> list[Claim]:
    """Run the suggestion engine and store new suggestions; existing spans are not repeated."""
    from factcheck.claims.suggest import suggest

    require(can_edit_article(actor), "Only editors can ask for suggestions.")
    article = Article.objects.select_for_update(of=("self",)).select_related("current_revision").filter(pk=article_id).first()
    if article is None or article.current_revision is None:
        raise NotFound(f"Article {article_id} does not exist.")
    revision = article.current_revision
    taken = set(
        Claim.objects.filter(article=article, revision=revision).values_list("start", "end")
    ) | set(Claim.objects.filter(article=article, revision=revision).values_list("quote", flat=True))
    created: list[Claim] = []
    for s in suggest(revision.text):
        # The engine is another package: a span it gets wrong must not become a claim.
        if valid_span(revision.text, s.start, s.end) is not None:
            continue
        anchor = make_anchor(revision.text, s.start, s.end)
        if (s.start, s.end) in taken or anchor.quote in taken:
            continue
        claim = Claim(
            article=article,
            revision=revision,
            start=anchor.start,
            end=anchor.end,
            quote=anchor.quote,
            prefix=anchor.prefix,
            suffix=anchor.suffix,
            text=" ".join((s.text or anchor.quote).split())[:MAX_CLAIM_TEXT],
            types=[t for t in s.types if t in ClaimType.values],
            quantities=[dict(q) for q in s.quantities],
            attributed_to=(s.attributed_to or "")[:300],
            score=float(s.score),
            suggested=True,
            status=ClaimStatus.SUGGESTED,
            created_by=actor,
            updated_by=actor,
        )
        created.append(claim)
        taken.add((s.start, s.end))
        taken.add(anchor.quote)
    Claim.objects.bulk_create(created)
    ClaimEvent.objects.bulk_create(
        [
            ClaimEvent(claim=c, article=article, actor=actor, kind=EventKind.SUGGESTED, to_status=c.status)
            for c in created
        ]
    )
    return list(
        Claim.objects.filter(article=article, revision=revision, status=ClaimStatus.SUGGESTED).order_by("start", "id")
    )


@transaction.atomic
def claim_accept(*, actor: User, claim_id: int, version: int | None = None) -> Claim:
    require(can_edit_article(actor), "Only editors can accept suggestions.")
    claim = _lock(claim_id)
    _check_version(claim, version)
    _expect(claim, [ClaimStatus.SUGGESTED], "accept")
    claim.status = ClaimStatus.OPEN
    _save(claim, actor, "status")
    _event(claim, actor, EventKind.ACCEPTED, from_status=ClaimStatus.SUGGESTED, to_status=ClaimStatus.OPEN)
    _after_open(claim, actor)
    return claim


def claims_accept_all(*, actor: User, article_id: int) -> int:
    # Checked here too: with no suggestions left, the per-claim check would never run.
    require(can_edit_article(actor), "Only editors can accept suggestions.")
    ids = list(
        Claim.objects.filter(article_id=article_id, status=ClaimStatus.SUGGESTED).values_list("pk", flat=True)
    )
    with transaction.atomic():
        for pk in ids:
            claim_accept(actor=actor, claim_id=pk)
    return len(ids)


@transaction.atomic
def claim_reject(*, actor: User, claim_id: int, version: int | None = None, reason: str = "") -> Claim:
    require(can_edit_article(actor), "Only editors can reject claims.")
    claim = _lock(claim_id)
    _check_version(claim, version)
    _expect(claim, [ClaimStatus.SUGGESTED, ClaimStatus.OPEN], "reject")
    before = claim.status
    claim.status = ClaimStatus.REJECTED
    _save(claim, actor, "status")
    _event(claim, actor, EventKind.REJECTED, from_status=before, to_status=claim.status, note=reason or "")
    return claim


def claims_reject_all(*, actor: User, article_id: int) -> int:
    require(can_edit_article(actor), "Only editors can reject claims.")
    ids = list(
        Claim.objects.filter(article_id=article_id, status=ClaimStatus.SUGGESTED).values_list("pk", flat=True)
    )
    with transaction.atomic():
        for pk in ids:
            claim_reject(actor=actor, claim_id=pk)
    return len(ids)


@transaction.atomic
def claim_edit(
    *,
    actor: User,
    claim_id: int,
    version: int | None = None,
    text: str | None = None,
    types: list[str] | None = None,
    quantities: list[dict] | None = None,
    attributed_to: str | None = None,
    priority: int | None = None,
    due: dt.date | None = None,
) -> Claim:
    """Change the editor's wording and metadata; the anchor in the text stays."""
    require(can_edit_article(actor), "Only editors can edit claims.")
    claim = _lock(claim_id)
    _check_version(claim, version)
    _expect(claim, [ClaimStatus.SUGGESTED, *ACTIVE], "edit")
    changed: dict[str, object] = {}
    if text is not None:
        changed["text"] = _clean_text(text, "text")
    if types is not None:
        changed["types"] = _clean_types(types)
    if quantities is not None:
        changed["quantities"] = _clean_quantities(quantities)
    if attributed_to is not None:
        changed["attributed_to"] = _clean_text(attributed_to, "attributed_to", required=False, limit=300)
    if priority is not None:
        if priority not in Priority.values:
            raise InvalidInput("Unknown priority.", fields={"priority": [f"Choose from {Priority.values}."]})
        changed["priority"] = priority
    if due is not None:
        changed["due"] = due
    changed = {k: v for k, v in changed.items() if getattr(claim, k) != v}
    if not changed:
        return claim
    before = {k: _jsonable(getattr(claim, k)) for k in changed}
    for k, v in changed.items():
        setattr(claim, k, v)
    _save(claim, actor, *changed)
    _event(
        claim,
        actor,
        EventKind.EDITED,
        from_status=claim.status,
        data={"before": before, "after": {k: _jsonable(v) for k, v in changed.items()}},
    )
    return claim


def _jsonable(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


@transaction.atomic
def claims_merge(*, actor: User, claim_ids: Sequence[int], text: str | None = None) -> Claim:
    """Merge claims of one article into the first; the others are closed as merged."""
    require(can_edit_article(actor), "Only editors can merge claims.")
    ids = _ids(claim_ids)
    if len(ids) < 2:
        raise InvalidInput("Choose at least two claims to merge.", fields={"claims": ["At least two."]})
    claims = list(Claim.objects.select_for_update().filter(pk__in=ids).order_by("start", "id"))
    if len(claims) != len(ids):
        raise NotFound("One of the claims to merge does not exist.")
    if len({c.article_id for c in claims}) != 1 or len({c.revision_id for c in claims}) != 1:
        raise InvalidInput("Only claims of the same article text can be merged.")
    for c in claims:
        _expect(c, [ClaimStatus.SUGGESTED, ClaimStatus.OPEN], "merge")
        _not_orphaned(c, "merge")
    keep, rest = claims[0], claims[1:]
    body = keep.revision.text
    start, end = min(c.start for c in claims), max(c.end for c in claims)
    anchor = make_anchor(body, start, end)
    keep.start, keep.end, keep.quote, keep.prefix, keep.suffix = (
        anchor.start, anchor.end, anchor.quote, anchor.prefix, anchor.suffix,
    )
    keep.text = _clean_text(text, "text") if text else " ".join(" ".join(c.text for c in claims).split())[:MAX_CLAIM_TEXT]
    keep.types = list(dict.fromkeys(t for c in claims for t in c.types))
    keep.quantities = [q for c in claims for q in c.quantities]
    keep.attributed_to = next((c.attributed_to for c in claims if c.attributed_to), "")
    before = keep.status
    keep.status = ClaimStatus.OPEN
    _save(keep, actor, "start", "end", "quote", "prefix", "suffix", "text", "types", "quantities", "attributed_to", "status")
    _event(keep, actor, EventKind.MERGED, from_status=before, to_status=keep.status, data={"merged": [c.pk for c in rest]})
    for c in rest:
        was = c.status
        c.status = ClaimStatus.REJECTED
        _save(c, actor, "status")
        _event(c, actor, EventKind.MERGED, from_status=was, to_status=c.status, note=f"Merged into claim {keep.pk}.",
               data={"into": keep.pk})
    return keep


@transaction.atomic
def claim_split(*, actor: User, claim_id: int, at: int, version: int | None = None) -> tuple[Claim, Claim]:
    """Split a claim at an offset of the article text into two open claims."""
    require(can_edit_article(actor), "Only editors can split claims.")
    claim = _lock(claim_id)
    _check_version(claim, version)
    _expect(claim, [ClaimStatus.SUGGESTED, ClaimStatus.OPEN], "split")
    _not_orphaned(claim, "split")
    if not isinstance(at, int) or isinstance(at, bool) or not (claim.start < at < claim.end):
        raise InvalidInput(
            f"Split point must lie inside the claim ({claim.start + 1}..{claim.end - 1}).", fields={"at": ["Outside."]}
        )
    body = claim.revision.text
    first, second = make_anchor(body, claim.start, at), make_anchor(body, at, claim.end)
    if not first.quote.strip() or not second.quote.strip():
        raise InvalidInput("Both parts of a split need some text.", fields={"at": ["Empty part."]})
    before = claim.status
    claim.start, claim.end, claim.quote, claim.prefix, claim.suffix = (
        first.start, first.end, first.quote, first.prefix, first.suffix,
    )
    claim.text = " ".join(first.quote.split())
    claim.status = ClaimStatus.OPEN
    _save(claim, actor, "start", "end", "quote", "prefix", "suffix", "text", "status")
    other = Claim.objects.create(
        article_id=claim.article_id,
        revision_id=claim.revision_id,
        start=second.start,
        end=second.end,
        quote=second.quote,
        prefix=second.prefix,
        suffix=second.suffix,
        text=" ".join(second.quote.split()),
        types=list(claim.types),
        attributed_to=claim.attributed_to,
        status=ClaimStatus.OPEN,
        created_by=actor,
        updated_by=actor,
    )
    _event(claim, actor, EventKind.SPLIT, from_status=before, to_status=claim.status, data={"new": other.pk, "at": at})
    _event(other, actor, EventKind.CREATED, to_status=other.status, note=f"Split from claim {claim.pk}.")
    return claim, other


# --- assignment and review ---------------------------------------------------------------


@transaction.atomic
def claim_assign(
    *,
    actor: User,
    claim_id: int,
    reviewer: User | str | int,
    due: dt.date | None = None,
    priority: int | None = None,
    version: int | None = None,
) -> Claim:
    require(can_assign_claim(actor), "Only editors can assign claims.")
    claim = _lock(claim_id)
    _check_version(claim, version)
    _expect(claim, ACTIVE, "assign")
    if claim.needs_settlement:
        raise WrongState("Cannot assign: the two reviewers disagree and an editor must settle the claim first.")
    person = _reviewer(reviewer)
    if claim.second_reviewer_id == person.pk:
        raise InvalidInput(f"{person.username} is already the second reviewer.", fields={"reviewer": ["Taken."]})
    if priority is not None and priority not in Priority.values:
        raise InvalidInput("Unknown priority.", fields={"priority": [f"Choose from {Priority.values}."]})
    before = claim.status
    previous = claim.assignee
    claim.assignee = person
    claim.due = due if due is not None else claim.due
    claim.priority = priority if priority is not None else claim.priority
    claim.status = ClaimStatus.ASSIGNED
    _save(claim, actor, "assignee", "due", "priority", "status")
    _event(
        claim,
        actor,
        EventKind.ASSIGNED,
        from_status=before,
        to_status=claim.status,
        data={
            "assignee": person.username,
            "previous": previous.username if previous else None,
            "due": due.isoformat() if due else None,
        },
    )
    due_text = f", due {claim.due:%d %b %Y}" if claim.due else ""
    notify(person, claim, "assigned", f"{actor.display_name} assigned you a claim{due_text}: {claim.text[:200]}", actor=actor)
    return claim


def claims_assign_bulk(
    *, actor: User, claim_ids: Sequence[int], reviewer: User | str | int, due: dt.date | None = None,
    priority: int | None = None,
) -> list[Claim]:
    require(can_assign_claim(actor), "Only editors can assign claims.")
    with transaction.atomic():
        return [
            claim_assign(actor=actor, claim_id=pk, reviewer=reviewer, due=due, priority=priority)
            for pk in _ids(claim_ids)
        ]


@transaction.atomic
def claim_request_second_review(
    *, actor: User, claim_id: int, reviewer: User | str | int, version: int | None = None
) -> Claim:
    require(can_assign_claim(actor), "Only editors can request a second review.")
    claim = _lock(claim_id)
    _check_version(claim, version)
    _expect(claim, [ClaimStatus.ASSIGNED, ClaimStatus.IN_REVIEW], "request a second review")
    person = _reviewer(reviewer)
    if claim.assignee_id == person.pk:
        raise InvalidInput("The second reviewer must be someone other than the first.", fields={"reviewer": ["Same person."]})
    claim.second_reviewer = person
    _save(claim, actor, "second_reviewer")
    _event(claim, actor, EventKind.SECOND_REVIEW, from_status=claim.status, data={"reviewer": person.username})
    notify(person, claim, "assigned", f"{actor.display_name} asked you for a second review: {claim.text[:200]}", actor=actor)
    return claim


@transaction.atomic
def claim_start(*, actor: User, claim_id: int, version: int | None = None) -> Claim:
    claim = _lock(claim_id)
    require(can_review_claim(actor, claim), "Only the assigned reviewer can start this review.")
    _check_version(claim, version)
    _expect(claim, [ClaimStatus.ASSIGNED], "start the review")
    claim.status = ClaimStatus.IN_REVIEW
    _save(claim, actor, "status")
    _event(claim, actor, EventKind.STARTED, from_status=ClaimStatus.ASSIGNED, to_status=claim.status)
    return claim


def counting_evidence(claim: Claim) -> QuerySet:
    """Evidence that satisfies the gate: independent, and not the article's own site."""
    from factcheck.sources.models import Evidence

    qs = Evidence.objects.filter(claim=claim).exclude(source__independent=False).select_related("source")
    own = _host(claim.article.url) if claim.article.url else ""
    if not own:
        return qs
    keep = [e.pk for e in qs if not (e.source.url and _host(e.source.url) == own)]
    return Evidence.objects.filter(pk__in=keep)


def _current_round(claim: Claim) -> int:
    return 1 + ClaimEvent.objects.filter(claim=claim, kind=EventKind.REOPENED).count()


@transaction.atomic
def verdict_record(
    *,
    actor: User,
    claim_id: int,
    verdict: str,
    rationale: str,
    rating: str = "",
    version: int | None = None,
) -> Claim:
    """A reviewer's verdict; resolves the claim, or waits for the second reviewer / the editor."""
    claim = _lock(claim_id)
    require(can_review_claim(actor, claim), "Only the assigned reviewer can record a verdict on this claim.")
    if claim.needs_settlement:
        # Both reviewers have spoken and disagree: only an editor decides now.
        require(can_settle_claim(actor, claim), "The reviewers disagree on this claim; only an editor can settle it.")
    _check_version(claim, version)
    if not isinstance(verdict, str) or verdict not in Verdict.values:
        raise InvalidInput(
            f"Unknown verdict {verdict!r}.", fields={"verdict": [f"Choose from {', '.join(Verdict.values)}."]}
        )
    rationale = _clean_text(rationale, "rationale", limit=20000)
    if rating is not None and not isinstance(rating, str):
        raise InvalidInput("rating must be text.", fields={"rating": ["Must be text."]})
    rating = (rating or "").strip()
    if rating and rating not in settings.RATING_SCALE:
        raise InvalidInput(
            f"Unknown rating {rating!r}.", fields={"rating": [f"Choose from {', '.join(settings.RATING_SCALE)}."]}
        )
    _expect(claim, [ClaimStatus.ASSIGNED, ClaimStatus.IN_REVIEW], "record a verdict")
    if verdict in (Verdict.VERIFIED, Verdict.DISPUTED) and not counting_evidence(claim).exists():
        raise EvidenceMissing(
            f"A {verdict} verdict needs at least one independent source attached; "
            "a source on the article's own site does not count."
        )
    if claim.status == ClaimStatus.ASSIGNED:
        claim.status = ClaimStatus.IN_REVIEW
        _event(claim, actor, EventKind.STARTED, from_status=ClaimStatus.ASSIGNED, to_status=claim.status)
    round_ = _current_round(claim)
    as_reviewer = is_assigned_reviewer(actor, claim)
    double = claim.second_reviewer_id is not None

    if claim.needs_settlement:
        # The editor's decision is a record of its own; the two reviews it settles stay untouched.
        Review.objects.get_or_create(
            claim=claim, reviewer=actor, round=round_,
            defaults={"verdict": verdict, "rating": rating, "rationale": rationale},
        )
        _event(claim, actor, EventKind.SETTLED, from_status=claim.status, verdict=verdict, note=rationale)
        return _resolve(claim, actor, verdict, rationale, rating)

    if as_reviewer and double:
        if Review.objects.filter(claim=claim, reviewer=actor, round=round_).exists():
            raise WrongState("You have already recorded your verdict on this claim; the other reviewer's is awaited.")
        Review.objects.create(claim=claim, reviewer=actor, verdict=verdict, rating=rating, rationale=rationale, round=round_)
        _event(claim, actor, EventKind.REVIEWED, from_status=claim.status, verdict=verdict, note=rationale)
        reviews = list(Review.objects.filter(claim=claim, round=round_).select_related("reviewer"))
        if len(reviews) < 2:
            _save(claim, actor, "status")
            return claim
        if len({r.verdict for r in reviews}) == 1:
            combined = "\n\n".join(f"{r.reviewer.display_name}: {r.rationale}" for r in reviews)
            return _resolve(claim, actor, verdict, combined, rating)
        claim.needs_settlement = True
        _save(claim, actor, "status", "needs_settlement")
        editor = claim.article.created_by
        notify(editor, claim, "needs_settlement", f"Reviewers disagree on a claim; please settle it: {claim.text[:200]}")
        return claim

    # A single review, or an editor checking the claim themselves.
    Review.objects.update_or_create(
        claim=claim, reviewer=actor, round=round_,
        defaults={"verdict": verdict, "rating": rating, "rationale": rationale},
    )
    _event(claim, actor, EventKind.REVIEWED, from_status=claim.status, verdict=verdict, note=rationale)
    return _resolve(claim, actor, verdict, rationale, rating)


def _resolve(claim: Claim, actor: User, verdict: str, rationale: str, rating: str) -> Claim:
    # Always entered from in_review: a verdict on an assigned claim first logs the start.
    from_status = claim.status
    claim.status = ClaimStatus.RESOLVED
    claim.verdict = verdict
    claim.rationale = rationale
    claim.rating = rating
    claim.needs_settlement = False
    claim.needs_rereview = False
    claim.resolved_at = timezone.now()
    _save(claim, actor, "status", "verdict", "rationale", "rating", "needs_settlement", "needs_rereview", "resolved_at")
    _event(claim, actor, EventKind.RESOLVED, from_status=from_status, to_status=claim.status, verdict=verdict,
           note=rationale)
    label = Verdict(verdict).label.lower()
    notify(claim.article.created_by, claim, verdict if verdict == Verdict.DISPUTED else "resolved",
           f"{actor.display_name} marked a claim {label}: {claim.text[:200]}", actor=actor)
    return claim


@transaction.atomic
def claim_reopen(*, actor: User, claim_id: int, reason: str, version: int | None = None) -> Claim:
    require(can_assign_claim(actor), "Only editors can reopen claims.")
    claim = _lock(claim_id)
    _check_version(claim, version)
    reason = _clean_text(reason, "reason", limit=2000)
    _expect(claim, [ClaimStatus.RESOLVED], "reopen")
    old = {"verdict": claim.verdict, "rating": claim.rating, "rationale": claim.rationale}
    claim.status = ClaimStatus.OPEN
    claim.verdict = ""
    claim.rating = ""
    claim.rationale = ""
    claim.resolved_at = None
    claim.needs_settlement = False
    _save(claim, actor, "status", "verdict", "rating", "rationale", "resolved_at", "needs_settlement")
    _event(claim, actor, EventKind.REOPENED, from_status=ClaimStatus.RESOLVED, to_status=claim.status, note=reason,
           data={"previous": old})
    if claim.assignee:
        notify(claim.assignee, claim, "reopened", f"{actor.display_name} reopened a claim: {reason[:200]}", actor=actor)
    return claim


@transaction.atomic
def claim_link(*, actor: User, claim_id: int, earlier_id: int | None, relation: str = "same", note: str = "") -> Claim:
    """Link a claim to an earlier check of the same claim, or note a related one whose figure differs."""
    require(is_editor(actor), "Only editors can link claims.")
    claim = _lock(claim_id)
    if relation not in ("same", "related", "none"):
        raise InvalidInput("relation must be same, related or none.", fields={"relation": ["Unknown."]})
    earlier = None
    if relation != "none":
        earlier = Claim.objects.filter(pk=earlier_id).first()
        if earlier is None or earlier.pk == claim.pk:
            raise InvalidInput("Choose an earlier claim.", fields={"earlier": ["Unknown claim."]})
    claim.same_as = earlier if relation == "same" else None
    claim.related_note = _clean_text(note, "note", required=False, limit=300) if relation == "related" else ""
    if relation == "related" and not claim.related_note:
        claim.related_note = f"Related to claim {earlier.pk}; figure differs."
    _save(claim, actor, "same_as", "related_note")
    _event(claim, actor, EventKind.LINKED, from_status=claim.status,
           data={"relation": relation, "earlier": earlier.pk if earlier else None}, note=note or "")
    return claim


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


# --- re-anchoring after an article edit -------------------------------------------------


def claims_reanchor(
    *, actor: User, article: Article, old_revision: ArticleRevision | None, new_revision: ArticleRevision
) -> dict[str, list[Claim]]:
    """Move every claim of the article into the new revision (called inside article_revise)."""
    old_length = len(old_revision.text) if old_revision else len(new_revision.text)
    orphaned, rereview, moved = [], [], []
    claims = list(Claim.objects.select_for_update().filter(article=article).exclude(revision=new_revision))
    for claim in claims:
        # An orphan's offsets refer to an older text than old_revision, so only a
        # claim anchored in old_revision can use it to place repeats.
        old_text = old_revision.text if old_revision and claim.revision_id == old_revision.pk and not claim.orphaned else None
        found = reanchor(
            new_revision.text, claim.quote, claim.prefix, claim.suffix, claim.start, old_length, old_text=old_text
        )
        before = {"start": claim.start, "end": claim.end, "quote": claim.quote}
        claim.revision = new_revision
        if found is None:
            # Never dropped: keep the old quote so the editor can re-place it.
            was_orphan = claim.orphaned
            claim.orphaned = True
            _save(claim, actor, "revision", "orphaned")
            if not was_orphan:
                _event(claim, actor, EventKind.ORPHANED, from_status=claim.status, data=before)
            orphaned.append(claim)
            continue
        claim.start, claim.end, claim.prefix, claim.suffix = found.start, found.end, found.prefix, found.suffix
        claim.orphaned = False
        fields = ["revision", "start", "end", "prefix", "suffix", "orphaned"]
        if found.changed:
            claim.quote = found.quote
            fields.append("quote")
            # A verdict on words that changed must be looked at again.
            if claim.status in REREVIEW:
                claim.needs_rereview = True
                fields.append("needs_rereview")
                rereview.append(claim)
        _save(claim, actor, *fields)
        if found.changed or (found.start, found.end) != (before["start"], before["end"]):
            _event(claim, actor, EventKind.REANCHORED, from_status=claim.status,
                   data={"before": before, "after": {"start": found.start, "end": found.end, "quote": found.quote},
                         "method": found.method})
            moved.append(claim)
    return {"orphaned": orphaned, "rereview": rereview, "moved": moved}


@transaction.atomic
def claim_reanchor_manual(*, actor: User, claim_id: int, start: int, end: int, version: int | None = None) -> Claim:
    """The editor re-places an orphaned (or misplaced) claim on the current text."""
    require(can_edit_article(actor), "Only editors can move claims.")
    claim = _lock(claim_id)
    _check_version(claim, version)
    revision = claim.article.current_revision
    problem = valid_span(revision.text, start, end)
    if problem:
        raise InvalidInput(f"Bad claim span: {problem}.", fields={"start": [problem]})
    anchor = make_anchor(revision.text, start, end)
    before = {"start": claim.start, "end": claim.end, "quote": claim.quote}
    claim.revision = revision
    claim.start, claim.end, claim.quote, claim.prefix, claim.suffix = (
        anchor.start, anchor.end, anchor.quote, anchor.prefix, anchor.suffix,
    )
    claim.orphaned = False
    if before["quote"] != anchor.quote and claim.status in REREVIEW:
        claim.needs_rereview = True
    _save(claim, actor, "revision", "start", "end", "quote", "prefix", "suffix", "orphaned", "needs_rereview")
    _event(claim, actor, EventKind.REANCHORED, from_status=claim.status,
           data={"before": before, "after": {"start": start, "end": end, "quote": anchor.quote}, "method": "manual"})
    return claim
