"""The writes of a single-review verdict in one PostgreSQL statement (a CTE), for verdict_record.

A verdict resolving a claim reviewed by one person is most of the desk's writes: the claim's
UPDATE, the review's upsert, two or three audit rows, the article's progress and the editor's
notification. Built by the ORM one by one they cost some 10 ms of CPU a verdict, most of it Django
building statements; written out as one statement they cost one round trip.

Only the writes move here: verdict_record has locked the claim (lock_claim) and checked the
actor, the version, the input, the state and the evidence on it before calling
:func:`single_review`, in its transaction, exactly as for the ORM path. The statement still
repeats the version in the claim's UPDATE (``WHERE version = …``): nothing is written unless the
row is the one that was checked. After it, in the same transaction: the audit events go through
every EVENT_HOOKS function (publishing's corrections and readiness check), the editor's notice joins
an open group (services.notices.group_add) or was inserted by the statement, its email is enqueued
on commit, and the change stamps are replaced by the execute wrapper (core/stamps.py reads the
tables a WITH statement writes). Two reviewers, an editor settling, and SQLite keep the ORM path
in review.py; tests/api/test_verdict_sql.py runs the same verdicts through both and compares
every row written and the API's answer.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from factcheck.accounts.models import User
from factcheck.claims import derived
from factcheck.claims.models import Claim, ClaimEvent, ClaimStatus, EventKind, Notification
from factcheck.claims.services import common
from factcheck.claims.services.notices import GROUPED_KINDS, email_later, group_add, group_window, written_for
from factcheck.core.errors import StaleVersion, stale_message


def available() -> bool:
    """Whether verdicts take the one-statement path (PostgreSQL, unless settings.VERDICT_SQL is False)."""
    return connection.vendor == "postgresql" and getattr(settings, "VERDICT_SQL", True)


def _recipient(claim: Claim, actor: User) -> User | None:
    # notify()'s rule: nobody is told of their own change, nor an inactive member.
    person = claim.article.created_by
    if person is None or person.pk == actor.pk or not person.is_active:
        return None
    return person


def single_review(claim: Claim, actor: User, *, verdict: str, rationale: str, rating: str,
                  notice: tuple[str, Callable[[], str]]) -> Claim:
    """Resolve the locked, checked claim with this one review; answers the claim as written.

    ``notice`` is (kind, text builder) of the editor's notification (review.resolved_notice).
    """
    from factcheck.claims.tasks import notification_email

    now = timezone.now()
    started = claim.status == ClaimStatus.ASSIGNED
    before = (claim.status, claim.verdict)  # an assigned claim is started on the way: one move to resolved
    after = (ClaimStatus.RESOLVED, verdict)
    events = ([(EventKind.STARTED, ClaimStatus.ASSIGNED, ClaimStatus.IN_REVIEW, "", "")] if started else []) + [
        (EventKind.REVIEWED, ClaimStatus.IN_REVIEW, ClaimStatus.IN_REVIEW, verdict, rationale),
        (EventKind.RESOLVED, ClaimStatus.IN_REVIEW, ClaimStatus.RESOLVED, verdict, rationale),
    ]
    # Named parameters, each value once: psycopg caches a statement's parsing only under 50 of them.
    params: dict = {"resolved": ClaimStatus.RESOLVED, "verdict": verdict, "rationale": rationale, "rating": rating,
                    "now": now, "actor": actor.pk, "claim": claim.pk, "version": claim.version,
                    "reopened": EventKind.REOPENED, "article": claim.article_id, "empty": "",
                    "assigned": derived.ASSIGNING[0], "second": derived.ASSIGNING[1]}
    sql = [
        "WITH upd AS (UPDATE claims_claim SET status = %(resolved)s, verdict = %(verdict)s, "
        "rationale = %(rationale)s, rating = %(rating)s, needs_settlement = false, needs_rereview = false, "
        "resolved_at = %(now)s, version = version + 1, updated_by_id = %(actor)s, updated_at = %(now)s "
        "WHERE id = %(claim)s AND version = %(version)s RETURNING id, version)",
        # The round: 1 + the times the claim was reopened (review._current_round).
        ", rev AS (INSERT INTO claims_review (claim_id, reviewer_id, round, verdict, rating, rationale, created_at, "
        "assigned_at) "
        "SELECT upd.id, %(actor)s, 1 + (SELECT count(*) FROM claims_claimevent WHERE claim_id = %(claim)s "
        "AND kind = %(reopened)s), %(verdict)s, %(rating)s, %(rationale)s, %(now)s, "
        # derived.review_assignment_refresh's value: the last assignment before the review. An
        # update of the round's review keeps its time, and so its assignment.
        "(SELECT at FROM claims_claimevent WHERE claim_id = %(claim)s AND kind IN (%(assigned)s, %(second)s) "
        "AND at <= %(now)s ORDER BY at DESC, id DESC LIMIT 1) FROM upd "
        "ON CONFLICT (claim_id, reviewer_id, round) DO UPDATE SET "
        "verdict = EXCLUDED.verdict, rating = EXCLUDED.rating, rationale = EXCLUDED.rationale RETURNING id)",
    ]
    values = []
    for n, (event_kind, from_status, to_status, event_verdict, note) in enumerate(events):
        params.update({f"kind{n}": event_kind, f"from{n}": from_status, f"to{n}": to_status})
        values.append(f"({n}, %(kind{n})s, %(from{n})s, %(to{n})s, %({'verdict' if event_verdict else 'empty'})s, "
                      f"%({'rationale' if note else 'empty'})s)")
    sql.append(
        ", ev AS (INSERT INTO claims_claimevent (claim_id, article_id, actor_id, at, kind, from_status, to_status, "  # noqa: S608
        "verdict, note, data) SELECT upd.id, %(article)s, %(actor)s, %(now)s, e.kind, e.from_status, e.to_status, "
        f"e.verdict, e.note, '{{}}'::jsonb FROM upd, (VALUES {', '.join(values)}) "
        "AS e(n, kind, from_status, to_status, verdict, note) ORDER BY e.n RETURNING id)"
    )
    progress = derived.progress_moved_sql(claim.article_id, before, after)
    if progress is not None:
        sql.append(f", prog AS ({progress[0]} AND EXISTS (SELECT 1 FROM upd) "  # noqa: S608
                   "RETURNING claims_total, claims_resolved)")
        params.update(progress[1])
    recipient = _recipient(claim, actor)
    kind, text = notice
    if recipient is not None:
        message, texts = written_for(recipient, text)
        # services.notices.notice_write: the recipient's open group of this kind about the article, locked.
        sql.append(
            ", grp AS (SELECT id, count, claim_id, emailed_at FROM claims_notification WHERE recipient_id = %(recipient)s "
            "AND article_id = %(article)s AND kind = %(note_kind)s AND read_at IS NULL AND created_at >= %(since)s "
            "AND %(grouped)s AND EXISTS (SELECT 1 FROM upd) ORDER BY created_at DESC, id DESC LIMIT 1 FOR UPDATE)"
            ", note AS (INSERT INTO claims_notification (recipient_id, claim_id, article_id, count, kind, message, "
            "texts, created_at) SELECT %(recipient)s, upd.id, %(article)s, 1, %(note_kind)s, %(message)s, "
            "%(texts)s::jsonb, %(now)s FROM upd "
            "WHERE NOT EXISTS (SELECT 1 FROM grp) RETURNING id)"
        )
        params.update({"recipient": recipient.pk, "note_kind": kind, "since": now - group_window(),
                       "grouped": kind in GROUPED_KINDS, "message": message[:500],
                       "texts": json.dumps(texts, ensure_ascii=False)})
    sql.append(
        " SELECT upd.version, (SELECT array_agg(id ORDER BY id) FROM ev), "  # noqa: S608
        + ("(SELECT ARRAY[claims_total, claims_resolved] FROM prog), " if progress is not None else "NULL, ")
        + ("(SELECT id FROM note), (SELECT id FROM grp), (SELECT count FROM grp), (SELECT claim_id FROM grp), "
           "(SELECT emailed_at FROM grp) " if recipient is not None else "NULL, NULL, NULL, NULL, NULL ")
        + "FROM upd"
    )
    with connection.cursor() as cur:
        cur.execute("".join(sql), params)
        row = cur.fetchone()
    if row is None:
        # Not the row verdict_record checked (it holds the lock, so this does not happen): write nothing.
        raise StaleVersion(stale_message("claim", claim.updated_by, claim.updated_at))
    version, event_ids, counts, note_id, group_id, group_count, group_claim, group_emailed = row

    claim.status, claim.verdict, claim.rationale, claim.rating = ClaimStatus.RESOLVED, verdict, rationale, rating
    claim.needs_settlement = claim.needs_rereview = False
    claim.resolved_at = claim.updated_at = now
    claim.version, claim.updated_by = version, actor
    derived.due_day_moved(claim, before[0])  # resolved: the claim leaves its due day's count
    if progress is not None and counts is None:
        counts = derived.article_progress_refresh(claim.article_id)  # an article without its progress row yet
    for pk, (event_kind, from_status, to_status, event_verdict, note) in zip(event_ids, events, strict=True):
        event = ClaimEvent(pk=pk, claim=claim, article_id=claim.article_id, actor=actor, at=now, kind=event_kind,
                           from_status=from_status, to_status=to_status, verdict=event_verdict, note=note, data={})
        event._state.adding, event._state.db = False, connection.alias
        if counts is not None and event_kind == EventKind.RESOLVED:
            # The article's (claims_total, claims_resolved) as this statement left them, for the hooks
            # (publishing's readiness check need not read them again after commit).
            event.progress_after = tuple(counts)
        for hook in common.EVENT_HOOKS:
            hook(event)
    if recipient is None:
        return claim
    if group_id is not None:
        group = Notification(pk=group_id, recipient=recipient, count=group_count, claim_id=group_claim,
                             article_id=claim.article_id, kind=kind, emailed_at=group_emailed)
        group._state.adding, group._state.db = False, connection.alias
        due = group_add(group, recipient, claim=claim, article=None, kind=kind, count=1, now=now)
        email_later(notification_email, group_id, due=due)
    else:
        transaction.on_commit(lambda: common._enqueue(notification_email, note_id))
    return claim
