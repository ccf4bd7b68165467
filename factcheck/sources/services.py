"""Every state change of sources, evidence and lookups, one function each.

Like the claims services: keyword-only, run in a transaction, lock the claim,
check role and state, write, append a ClaimEvent, and enqueue lookups only after
commit. Sending to the broker (``enqueue``) may fail (Redis down): the lookup row is saved
anyway, marked for the sweeper, and the user is told it will run later.
The task side (taking a lookup, finishing it) is here too so that
``tasks.py`` stays a thin shell around these functions.
"""

from __future__ import annotations

import datetime as dt
import logging
import posixpath
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext

from factcheck.accounts.models import User
from factcheck.accounts.permissions import can_review_claim, is_editor, require
from factcheck.articles.models import Article
from factcheck.celery import app
from factcheck.claims.models import Claim, ClaimStatus, EventKind
from factcheck.claims.services.common import claim_event as _event
from factcheck.claims.services.common import lock_claim as _lock_claim
from factcheck.core import broker_guard
from factcheck.core.errors import InvalidInput, NotFound, TooLarge, WrongState
from factcheck.core.locks import lock_name
from factcheck.sources import figure_messages, providers, workers
from factcheck.sources.addresses import TRACKING_PARAMS, normalise_url  # noqa: F401 (the services' names)
from factcheck.sources.extract import Extracted, ExtractError, extract, sha256
from factcheck.sources.figure_text import host
from factcheck.sources.models import Evidence, Lookup, LookupKind, LookupStatus, Snapshot, Source, Stance
from factcheck.sources.text_likeness import independence

log = logging.getLogger(__name__)

ACTIVE = ClaimStatus.ACTIVE
UNFINISHED = (LookupStatus.QUEUED, LookupStatus.RUNNING)
MAX_NOTE = 2000
BROKER_DOWN = "The task queue is unreachable; this lookup will run as soon as it is back."


# --- helpers ----------------------------------------------------------------------------------


def _expect_active(claim: Claim, action: str) -> None:
    if claim.status not in ACTIVE:
        hint = " " + gettext("Reopen it first.") if claim.status == ClaimStatus.RESOLVED else ""
        label = ClaimStatus(claim.status).label.lower()
        raise WrongState(gettext("Cannot %(action)s: the claim is %(label)s.") % {"action": action, "label": label} + hint)


def _clean_note(note: object) -> str:
    if note is None:
        return ""
    if not isinstance(note, str):
        raise InvalidInput(gettext("note must be text."), fields={"note": [gettext("Must be text.")]})
    if len(note.strip()) > MAX_NOTE:
        raise InvalidInput(gettext("The note is too long."),
            fields={"note": [gettext("At most %(MAX_NOTE)s characters.") % {"MAX_NOTE": MAX_NOTE}]})
    return note.strip()


def _clean_stance(stance: object) -> str:
    if stance not in Stance.values:
        raise InvalidInput(gettext("stance must be supports, refutes or context."),
            fields={"stance": [gettext("Unknown stance.")]})
    return stance


def _deadline(now: dt.datetime | None = None) -> dt.datetime:
    return (now or timezone.now()) + dt.timedelta(seconds=settings.LOOKUP_DEADLINE_SECONDS)


# Sent by name so the services need not import tasks.py (which imports them).
LOOKUP_TASK = "factcheck.sources.tasks.lookup_run"


def enqueue(lookup_id: int) -> bool:
    """Hand a lookup to the broker; on failure leave the row for the sweeper and say so on it."""
    # The process-wide back-off (core/broker_guard.py): after any failed send, lookups are not
    # sent for a few seconds, since each attempt costs the broker's connect + read timeouts.
    if broker_guard.publish(lambda: app.send_task(LOOKUP_TASK, args=(lookup_id,), queue=settings.LOOKUP_QUEUE),
                            f"lookup {lookup_id}"):
        return True
    # deadline=now: the next sweep re-enqueues it instead of waiting a full deadline.
    Lookup.objects.filter(pk=lookup_id, status=LookupStatus.QUEUED).update(error=BROKER_DOWN, deadline=timezone.now())
    return False


_follow_ups = threading.local()


@contextmanager
def follow_ups_inline() -> Iterator[list[int]]:
    """Collect the figure checks queued while a worker runs a lookup, for it to run right after commit.

    A fetch that makes a new snapshot queues one figure check per claim using the source. Each is
    a few milliseconds of work, about what a broker round trip and a task of its own add on top;
    the rows are still created (queued, with a deadline), so they are visible, audited,
    and re-enqueued by the sweeper if this worker stops before running them.
    """
    previous = getattr(_follow_ups, "ids", None)
    _follow_ups.ids = ids = []
    try:
        yield ids
    finally:
        _follow_ups.ids = previous


def _queue(kind: str, *, claim: Claim | None = None, source: Source | None = None, url: str = "",
           actor: User | None = None, snapshot: Snapshot | None = None) -> Lookup:
    """A queued lookup published after commit; an unfinished one for the same thing is reused.

    With ``snapshot``, a finished check of that very snapshot is reused too. Both are looked for in
    one statement after the lock: asked separately, a check that finished between the two questions
    was neither done nor unfinished, and a second row was made (seen once in five runs of
    bench/multi_instance.py).
    """
    pending = Q(status__in=UNFINISHED)
    if snapshot is not None:
        pending |= Q(status=LookupStatus.DONE, result__snapshot=snapshot.pk)
    same = Lookup.objects.filter(pending, kind=kind)
    if kind == LookupKind.FETCH:
        same, key = same.filter(source=source), f"{source.pk}"
    elif kind == LookupKind.IMPORT:
        same, key = same.filter(url=url, requested_by=actor), f"{url}:{actor.pk if actor else ''}"
    else:
        same, key = same.filter(claim=claim, source=source), f"{claim.pk if claim else ''}:{source.pk if source else ''}"
    # Two web processes may queue the same thing at once (each holds only its own claim's lock):
    # the second waits here for the first to commit, then finds its lookup.
    lock_name(f"lookup:{kind}:{key}")
    existing = same.order_by("-id").first()
    if existing:
        return existing
    lookup = Lookup.objects.create(kind=kind, claim=claim, source=source, url=url, requested_by=actor,
                                   deadline=_deadline())
    if claim is not None:
        _event(claim, actor, EventKind.LOOKUP, {"lookup": lookup.pk, "kind": kind, "action": "queued",
                                                "source": source.pk if source else None})
    inline = getattr(_follow_ups, "ids", None)
    if inline is not None and kind == LookupKind.FIGURE_CHECK:
        inline.append(lookup.pk)
    else:
        transaction.on_commit(lambda: enqueue(lookup.pk))
    return lookup


def _articles_served(source: Source) -> list[tuple[str, str, str]]:
    # Only the three columns the judgement reads: this runs in every fetch's transaction.
    rows = (Article.objects.filter(claims__evidence__source=source)
            .values_list("pk", "title", "url", "current_revision__text").distinct())
    return [(title, url, text or "") for _pk, title, url, text in rows]


def save_snapshot(source: Source, *, digest: str, doc: Extracted, final_url: str = "", status: int | None = None,
                  content_type: str = "") -> tuple[Snapshot, bool]:
    """One snapshot per distinct content of a source; returns (snapshot, created).

    A second fetch of the same bytes finds the existing row (the unique constraint settles a
    race between two workers); different bytes make a new row marked ``changed``.
    """
    known = set(Snapshot.objects.filter(source=source).values_list("sha256", flat=True))
    if digest in known:
        return Snapshot.objects.get(source=source, sha256=digest), False
    had_previous = bool(known)
    try:
        with transaction.atomic():
            snapshot = Snapshot.objects.create(
                source=source, fetched_at=timezone.now(), final_url=final_url[:2000], status_code=status,
                content_type=content_type, sha256=digest, title=doc.title, publisher=doc.publisher,
                author=doc.author, published=doc.published, text=doc.text,
                metadata={"kind": doc.kind, **doc.metadata}, changed=had_previous,
            )
    except IntegrityError:
        return Snapshot.objects.get(source=source, sha256=digest), False
    fields = []
    for name in ("title", "publisher", "author", "published"):
        value = getattr(doc, name)
        if value and (not getattr(source, name) or had_previous):
            setattr(source, name, value)
            fields.append(name)
    if fields:
        source.save(update_fields=fields)
    return snapshot, True


def judge_independence(source: Source, snapshot: Snapshot | None = None) -> None:
    """Set ``independent`` against every article the source serves (own site, syndicated copy)."""
    articles = _articles_served(source)
    text = snapshot.text if snapshot else ""
    independent, reason = independence(snapshot.final_url if snapshot and snapshot.final_url else source.url,
                                       text, articles)
    if independent and snapshot and snapshot.final_url and source.url and host(snapshot.final_url) != host(source.url):
        independent, reason = independence(source.url, text, articles)
    if snapshot is None and independent:
        independent, reason = None, ""  # nothing read yet: undecided, not "independent"
    if (source.independent, source.independence_reason) != (independent, reason[:300]):
        source.independent, source.independence_reason = independent, reason[:300]
        source.save(update_fields=["independent", "independence_reason"])


def after_snapshot(source: Source, snapshot: Snapshot, *, created: bool, actor: User | None = None,
                   claim: Claim | None = None) -> None:
    """A source has (new) content: judge its independence and check each claim's figures against it.

    ``claim``: only that claim's check (a known source attached to one more claim; the others were
    checked when the snapshot was made).
    """
    judge_independence(source, snapshot)
    kinds = [cls.kind for cls in providers.triggered_by("snapshot")]
    if not kinds:
        return
    # The claim columns _queue and _event use (an evidence row is unique per claim and source).
    claims = Claim.objects.filter(evidence__source=source, status__in=ACTIVE).only("article_id", "status")
    if claim is not None:
        claims = claims.filter(pk=claim.pk)
    for each in claims:
        for kind in kinds:
            # A snapshot already checked for this claim (a second attach of a known page, a refetch
            # of the same bytes) is not redone.
            _queue(kind, claim=each, source=source, actor=actor, snapshot=None if created else snapshot)


# --- sources and evidence ---------------------------------------------------------------------


def _read_upload(upload) -> tuple[bytes, str]:
    name = posixpath.basename(str(getattr(upload, "name", "") or "upload"))[:200] or "upload"
    size = getattr(upload, "size", None)
    cap = settings.UPLOAD_MAX_BYTES
    if size is not None and size > cap:
        raise TooLarge(gettext("The file is larger than %(mb)s MB.") % {"mb": cap // (1024 * 1024) or 1},
            fields={"file": [gettext("Too large.")]})
    body = upload.read(cap + 1)
    if len(body) > cap:
        raise TooLarge(gettext("The file is larger than %(mb)s MB.") % {"mb": cap // (1024 * 1024) or 1},
            fields={"file": [gettext("Too large.")]})
    if not body:
        raise InvalidInput(gettext("The file is empty."), fields={"file": [gettext("Empty file.")]})
    return body, name


def source_attach(
    *,
    actor: User,
    claim_id: int,
    url: str | None = None,
    upload=None,
    source_id: int | None = None,
    note: str = "",
    stance: str = Stance.CONTEXT,
) -> Evidence:
    """Attach a URL (fetched later by a lookup), an uploaded file (read now), or a source already on
    another claim of the same article (one statement often backs several claims) to a claim."""
    if sum(1 for given in (url, upload, source_id) if given) != 1:
        raise InvalidInput(gettext("Give either a URL or a file."), fields={"url": [gettext("Give a URL or a file, not both.")]})
    note, stance = _clean_note(note), _clean_stance(stance)
    if source_id:
        return _attach_again(actor, claim_id, source_id, note, stance)
    doc = body = name = None
    if upload is not None:
        # Reading a PDF is CPU work: done before the transaction so the claim is not locked meanwhile.
        body, name = _read_upload(upload)
        try:
            doc = extract(body, getattr(upload, "content_type", "") or "", filename=name)
        except ExtractError as exc:
            raise InvalidInput(exc.message, fields={"file": [exc.message]}) from None
    else:
        url = normalise_url(url)
    with transaction.atomic():
        if upload is None:
            # One Source and fetch per URL across web processes; the fetch's store() takes it too, so the attach
            # sees the snapshot or is seen by it. Before the claim's lock, which that worker may be waiting for.
            lock_name(f"source-url:{url}")
        claim = _lock_claim(claim_id)
        require(can_review_claim(actor, claim), gettext("Only an editor or the claim's reviewer can attach sources."))
        _expect_active(claim, gettext("attach a source"))
        if upload is not None:
            return _attach_upload(actor, claim, body, name, doc, note, stance)
        return _attach_url(actor, claim, url, note, stance)


def _attach_again(actor: User, claim_id: int, source_id: object, note: str, stance: str) -> Evidence:
    claim_article = Claim.objects.filter(pk=claim_id).values_list("article_id", flat=True).first()
    source = Source.objects.filter(pk=source_id if str(source_id).isdigit() else None,
                                   evidence__claim__article_id=claim_article).distinct().first()
    if source is None:
        raise NotFound(gettext("That source is not attached to another claim of this article."))
    with transaction.atomic():
        if source.url:
            lock_name(f"source-url:{source.url}")  # as a URL attach: the fetch's store() takes it too
        claim = _lock_claim(claim_id)
        require(can_review_claim(actor, claim), gettext("Only an editor or the claim's reviewer can attach sources."))
        _expect_active(claim, gettext("attach a source"))
        return _attach_url(actor, claim, source.url, note, stance, source=source)


def _attach_url(actor: User, claim: Claim, url: str, note: str, stance: str, source: Source | None = None) -> Evidence:
    source = source or Source.objects.filter(url=url).order_by("id").first()
    if source is None:
        source = Source.objects.create(url=url, added_by=actor)
    evidence = _new_evidence(actor, claim, source, note, stance)
    snapshot = source.latest_snapshot
    if snapshot is None:
        judge_independence(source)
        for cls in providers.triggered_by("source_attached"):
            # A source whose last lookup of this kind succeeded is not queued again.
            last = Lookup.objects.filter(kind=cls.kind, source=source).order_by("-id").first()
            if last is None or last.status != LookupStatus.DONE:
                _queue(cls.kind, claim=claim, source=source, actor=actor)
    else:
        after_snapshot(source, snapshot, created=False, actor=actor, claim=claim)
    return evidence


def _attach_upload(actor: User, claim: Claim, body: bytes, name: str, doc, note: str, stance: str) -> Evidence:
    digest = sha256(body)
    lock_name(f"source-upload:{digest}")  # the same file uploaded twice at once makes one source
    same = Snapshot.objects.filter(sha256=digest, source__url="").select_related("source").order_by("id").first()
    if same is not None:
        source = same.source
    else:
        source = Source(added_by=actor, filename=name, title=doc.title or name)
        source.file.save(name, ContentFile(body), save=False)
        source.save()
    evidence = _new_evidence(actor, claim, source, note, stance)
    content_type = {"pdf": "application/pdf", "html": "text/html", "csv": "text/csv"}.get(doc.kind, "text/plain")
    snapshot, created = save_snapshot(source, digest=digest, doc=doc, content_type=content_type)
    # A file uploaded before is one more claim's source: only that claim needs a check.
    after_snapshot(source, snapshot, created=created, actor=actor, claim=None if created else claim)
    return evidence


def _new_evidence(actor: User, claim: Claim, source: Source, note: str, stance: str) -> Evidence:
    if Evidence.objects.filter(claim=claim, source=source).exists():
        raise InvalidInput(gettext("This source is already attached to the claim."),
            fields={"url": [gettext("Already attached.")]})
    evidence = Evidence.objects.create(claim=claim, source=source, stance=stance, note=note, added_by=actor)
    _event(claim, actor, EventKind.SOURCE_ATTACHED,
           {"evidence": evidence.pk, "source": source.pk, "url": source.url, "file": source.filename,
            "stance": stance}, note=note)
    return evidence


def _lock_evidence(evidence_id: object) -> tuple[Evidence, Claim]:
    try:
        claim_id = Evidence.objects.values_list("claim_id", flat=True).get(pk=evidence_id)
    except (Evidence.DoesNotExist, ValueError, TypeError):
        raise NotFound(gettext("Evidence %(evidence_id)s does not exist.") % {"evidence_id": evidence_id}) from None
    claim = _lock_claim(claim_id)
    evidence = Evidence.objects.select_related("source").filter(pk=evidence_id, claim=claim).first()
    if evidence is None:
        raise NotFound(gettext("Evidence %(evidence_id)s does not exist.") % {"evidence_id": evidence_id})
    return evidence, claim


@transaction.atomic
def evidence_detach(*, actor: User, evidence_id: int) -> Claim:
    """Remove a source from a claim; the Source and its snapshots stay for other claims."""
    evidence, claim = _lock_evidence(evidence_id)
    require(can_review_claim(actor, claim), gettext("Only an editor or the claim's reviewer can detach sources."))
    _expect_active(claim, gettext("detach a source"))
    data = {"evidence": evidence.pk, "source": evidence.source_id, "url": evidence.source.url,
            "stance": evidence.stance, "passage": evidence.passage_quote[:300]}
    evidence.delete()
    _event(claim, actor, EventKind.SOURCE_DETACHED, data)
    return claim


# The old name: it takes an evidence id, so it is evidence_detach now.
source_detach = evidence_detach


@transaction.atomic
def evidence_pin_passage(*, actor: User, evidence_id: int, start: int, end: int,
                         snapshot_id: int | None = None) -> Evidence:
    """Pin text[start:end] of the source's snapshot (the latest unless given) as the claim's evidence."""
    evidence, claim = _lock_evidence(evidence_id)
    require(can_review_claim(actor, claim), gettext("Only an editor or the claim's reviewer can pin passages."))
    _expect_active(claim, gettext("pin a passage"))
    snapshots = Snapshot.objects.filter(source_id=evidence.source_id)
    snapshot = snapshots.filter(pk=snapshot_id).first() if snapshot_id else snapshots.order_by("-fetched_at", "-id").first()
    if snapshot is None:
        raise WrongState(gettext("The source has no snapshot yet; wait for the fetch to finish."))
    try:
        start, end = int(start), int(end)
    except (TypeError, ValueError):
        raise InvalidInput(gettext("start and end must be whole numbers."),
            fields={"start": [gettext("Must be a number.")]}) from None
    text = snapshot.text
    if not (0 <= start < end <= len(text)):
        raise InvalidInput(gettext("The passage lies outside the snapshot text."), fields={"start": [gettext("Out of range.")]})
    # Trim surrounding whitespace so a sloppy mouse selection stores a clean quote.
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        raise InvalidInput(gettext("Select some text to pin."), fields={"start": [gettext("Empty passage.")]})
    if end - start > 5000:
        raise InvalidInput(gettext("The passage is too long; pin at most 5000 characters."),
            fields={"end": [gettext("Too long.")]})
    previous = evidence.passage_quote
    evidence.snapshot, evidence.passage_start, evidence.passage_end = snapshot, start, end
    evidence.passage_quote = text[start:end]
    evidence.save(update_fields=["snapshot", "passage_start", "passage_end", "passage_quote"])
    _event(claim, actor, EventKind.PASSAGE_PINNED,
           {"evidence": evidence.pk, "snapshot": snapshot.pk, "start": start, "end": end,
            "quote": evidence.passage_quote[:500], "previous": previous[:500]})
    return evidence


# --- lookups --------------------------------------------------------------------------------------


@transaction.atomic
def lookup_request(*, actor: User, kind: str, claim_id: int | None = None, source_id: int | None = None) -> Lookup:
    """Run (again) a lookup for a claim and/or source - the Retry button and the "search again" links."""
    cls = providers.get(kind)
    if cls is None:
        raise InvalidInput(gettext("Unknown lookup kind %(kind)s.") % {"kind": repr(kind)},
            fields={"kind": [gettext("Unknown kind.")]})
    if not cls.enabled():
        raise WrongState(gettext("%(kind)s is not enabled in this newsroom.") % {"kind": providers.label(kind)})
    if kind == LookupKind.IMPORT:
        raise InvalidInput(gettext("Use the article import to import an article."), fields={"kind": [gettext("Not here.")]})
    claim = _lock_claim(claim_id) if claim_id is not None else None
    source = Source.objects.filter(pk=source_id).first() if source_id is not None else None
    if source_id is not None and source is None:
        raise NotFound(gettext("Source %(source_id)s does not exist.") % {"source_id": source_id})
    if (cls.needs_claim and claim is None) or (cls.needs_source and source is None):
        raise InvalidInput(gettext("%(kind)s needs a claim and a source.")
        % {"kind": providers.label(kind)} if cls.needs_source and cls.needs_claim
                           else gettext("%(kind)s needs a %(source)s.") % {"kind": providers.label(kind),
                               "source": 'claim' if cls.needs_claim else 'source'})
    if claim is not None:
        require(can_review_claim(actor, claim), gettext("Only an editor or the claim's reviewer can run lookups."))
        _expect_active(claim, gettext("run a lookup"))
        if source is not None and not Evidence.objects.filter(claim=claim, source=source).exists():
            raise InvalidInput(gettext("That source is not attached to the claim."), fields={"source": [gettext("Not attached.")]})  # noqa: E501
    else:
        serves = Claim.objects.filter(evidence__source=source)
        require(is_editor(actor) or any(can_review_claim(actor, c) for c in serves),
                gettext("Only an editor or a reviewer of a claim using this source can re-fetch it."))
    return _queue(kind, claim=claim, source=source, actor=actor)


def lookups_on_claim_open(*, claim: Claim, actor: User | None) -> list[Lookup]:
    """Called by the claims services inside their transaction when a claim enters the check."""
    return [_queue(cls.kind, claim=claim, actor=actor) for cls in providers.triggered_by("claim_open")]


@transaction.atomic
def article_import_request(*, actor: User, url: str) -> Lookup:
    """An editor asks to read an article page; the import lookup fills in a draft to confirm."""
    require(is_editor(actor), gettext("Only editors can import articles."))
    if not providers.enabled(LookupKind.IMPORT):
        raise WrongState(gettext("Article import is not enabled in this newsroom."))
    return _queue(LookupKind.IMPORT, url=normalise_url(url), actor=actor)


def _abandoned(now: dt.datetime) -> Q:
    """Running rows whose worker stopped renewing the lease (rows from before leases: past the deadline)."""
    return Q(status=LookupStatus.RUNNING) & (
        Q(lease_until__lt=now) | Q(lease_until__isnull=True, deadline__lt=now))


def lookup_begin(lookup_id: int) -> Lookup | None:
    """Take a lookup for this worker, or None if it is finished, taken, or out of attempts.

    A conditional UPDATE is the lock: of two workers holding the same message (a redelivery
    after a crash, a sweeper re-enqueue), exactly one changes the row. A ``running`` row whose
    lease ran out belongs to a worker that died, and may be taken over; a live worker keeps
    renewing its leases (sources/workers.py), so its lookups are never taken from it.
    """
    now = timezone.now()
    takeable = Q(status=LookupStatus.QUEUED) | _abandoned(now)
    taken = Lookup.objects.filter(takeable, pk=lookup_id, attempts__lt=settings.LOOKUP_MAX_ATTEMPTS).update(
        status=LookupStatus.RUNNING, attempts=F("attempts") + 1, started_at=now, finished_at=None,
        deadline=_deadline(now), error="", worker=workers.WORKER_NAME, lease_until=workers.lease_until(now),
    )
    if not taken:
        return None
    workers.hold(lookup_id)
    return Lookup.objects.select_related("claim", "source", "requested_by").get(pk=lookup_id)


def lookup_release(lookup: Lookup, message: str) -> bool:
    """Give a running lookup back to the queue (its result could not be saved); the sweeper re-enqueues it.

    The attempt is not counted: the lookup itself did not fail, the database did.
    """
    released = Lookup.objects.filter(pk=lookup.pk, status=LookupStatus.RUNNING, attempts=lookup.attempts).update(
        status=LookupStatus.QUEUED, attempts=F("attempts") - 1, error=message[:2000], deadline=timezone.now(),
        worker="", lease_until=None,
    )
    workers.release(lookup.pk)
    return bool(released)


def _owned(lookup: Lookup) -> bool:
    """Lock the row if this worker still owns it (same attempt, still running)."""
    return Lookup.objects.select_for_update().filter(pk=lookup.pk, status=LookupStatus.RUNNING,
                                                     attempts=lookup.attempts).exists()


def _finish(lookup: Lookup, *, status: str, result: dict | None = None, error: str = "") -> None:
    """Write the outcome on the row locked by _owned (an UPDATE: nothing on it is read back)."""
    changes = {"status": status, "error": error[:2000], "finished_at": timezone.now(), "lease_until": None}
    if result is not None:
        changes["result"] = result
    Lookup.objects.filter(pk=lookup.pk).update(**changes)
    if lookup.claim_id:
        data = {"lookup": lookup.pk, "kind": lookup.kind, "action": "finished", "status": status,
                "source": lookup.source_id}
        if result and "outcome" in result:
            data["outcome"] = result["outcome"]
            if figure_messages.found_in_part(result):
                data["in_part"] = True  # the history row must not say plainly that the figure matches
        _event(lookup.claim, None, EventKind.LOOKUP, data, note=error[:300])


def lookup_complete(lookup: Lookup, provider, data) -> bool:
    """Store a provider's findings and mark the lookup done, in one transaction."""
    with transaction.atomic():
        if not _owned(lookup):
            return False  # another worker took it over after our deadline; its result counts
        _finish(lookup, status=LookupStatus.DONE, result=provider.store(lookup, data))
        return True


def lookup_fail(lookup: Lookup, message: str, *, blocked: bool = False) -> bool:
    with transaction.atomic():
        if not _owned(lookup):
            return False
        _finish(lookup, status=LookupStatus.BLOCKED if blocked else LookupStatus.FAILED, error=message)
        return True


STOPPED = ("The worker running this lookup stopped (no heartbeat for {lease} s); it has been queued again.")


def lookups_requeue(*, limit: int = 500) -> dict:
    """The sweeper: re-enqueue lookups left queued past their deadline or abandoned by a dead worker.

    A running lookup is abandoned when its lease ran out (its worker stopped renewing it), not
    when it is merely slow. Rows out of attempts are failed with an explanation instead, so
    nothing spins forever. Stops at the first enqueue failure: the broker is still down, the
    next sweep retries.
    """
    now = timezone.now()
    stale = Lookup.objects.filter(
        (Q(status=LookupStatus.QUEUED) & (Q(deadline__lte=now) | Q(deadline__isnull=True))) | _abandoned(now)
    ).order_by("deadline", "id")[:limit]
    counts = {"requeued": 0, "failed": 0, "broker_down": False}
    lease = settings.LOOKUP_LEASE_SECONDS
    for lookup in stale:
        same = Lookup.objects.filter(pk=lookup.pk, status=lookup.status, attempts=lookup.attempts)
        if lookup.attempts >= settings.LOOKUP_MAX_ATTEMPTS:
            if lookup.status == LookupStatus.RUNNING:
                message = (f"Gave up after {lookup.attempts} attempts: the worker running it stopped each time "
                           f"(no heartbeat for {lease} s).")
            else:
                message = f"Gave up after {lookup.attempts} attempts; " + (
                    f"the last: {lookup.error}" if lookup.error else "no worker took it again before its deadline.")
            with transaction.atomic():
                gone = same.update(status=LookupStatus.FAILED, error=message, finished_at=now, lease_until=None)
                if gone and lookup.claim_id:
                    claim = Claim.objects.get(pk=lookup.claim_id)
                    _event(claim, None, EventKind.LOOKUP, {"lookup": lookup.pk, "kind": lookup.kind,
                                                            "action": "gave_up"}, note=message)
            counts["failed"] += gone
            continue
        # Pushed back one deadline so a slow queue is not flooded with duplicates each sweep.
        if lookup.status == LookupStatus.RUNNING:
            moved = same.update(status=LookupStatus.QUEUED, error=STOPPED.format(lease=lease), worker="",
                                lease_until=None, deadline=_deadline(now))
        else:
            moved = same.update(deadline=_deadline(now))
        if not moved:
            continue  # taken or finished meanwhile
        if not enqueue(lookup.pk):
            counts["broker_down"] = True
            break
        counts["requeued"] += 1
    return counts
