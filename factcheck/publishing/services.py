"""Publishing a finished check: publish, withdraw, and what a published report does when a claim changes.

One function per transition (transaction, row lock, state and role check, audit rows):

- article_publish      the report goes public (or public again) with every resolved claim;
- article_withdraw     it comes down with a reason; its URL then shows a dated withdrawal note;
- on_claim_event       called by claims.services with every audit event (registered in apps.py):
                       a reopened claim of a published report is shown "under review again", and
                       when it is resolved again a dated correction is recorded;
- readiness_check      after commit of a change that may have finished the check: the assigning
                       editor hears once that the article is ready to publish.

Every step appends a PublishingEvent (``_record``): the report's dated notes come from those rows,
and "ready", "published" and "corrected" are emitted to the webhooks from there (publishing/webhooks.py).
"""

from __future__ import annotations

import logging

from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext, ngettext

from factcheck.accounts.models import User
from factcheck.accounts.permissions import is_editor, require
from factcheck.articles.models import Article
from factcheck.claims.models import ArticleProgress, Claim, ClaimEvent, ClaimStatus, EventKind
from factcheck.claims.services import notify
from factcheck.core.errors import InvalidInput, NotFound, WrongState
from factcheck.core.text import embed
from factcheck.publishing.claimreview import claim_review as _claim_review
from factcheck.publishing.models import (
    PublishingEvent,
    PublishingEventKind,
    Report,
    ReportEntry,
    ReportStatus,
)
from factcheck.publishing.selectors import article_readiness, report_page
from factcheck.publishing.webhooks import emit

log = logging.getLogger(__name__)

# Claim events after which an article may have become ready (the last claim resolved, the last
# open one rejected, an orphan placed again); the readiness check runs after their commit.
MAY_FINISH = (EventKind.RESOLVED, EventKind.REJECTED, EventKind.REANCHORED, EventKind.CONFIRMED)
# Claim events that make a ready article unready again, so that the next "ready" is news again.
UNREADIES = (EventKind.REOPENED, EventKind.ACCEPTED, EventKind.CREATED, EventKind.SPLIT, EventKind.ORPHANED)
MAX_REASON = 2000
# The publishing moments webhooks hear about ("claim overdue" comes from the beat, publishing/tasks.py).
WEBHOOK_KINDS = (PublishingEventKind.ARTICLE_READY, PublishingEventKind.REPORT_PUBLISHED,
                 PublishingEventKind.CLAIM_CORRECTED)


# --- helpers ---------------------------------------------------------------------------------------


def _lock_article(article_id: int) -> Article:
    article = Article.objects.select_for_update().filter(pk=article_id).first()
    if article is None:
        raise NotFound(gettext("Article %(article_id)s does not exist.") % {"article_id": article_id})
    return article


def _report_for(article: Article) -> Report:
    """The article's report row, locked; made (as a draft with its token) the first time.

    Callers hold the article's row lock, so two of them never both create one.
    """
    report = Report.objects.select_for_update().filter(article=article).first()
    if report is None:
        report = Report.objects.create(article=article, slug=report_slug(article.title))
    return report


def report_slug(title: str) -> str:
    """The readable part of the report's address, in the title's own letters.

    An ASCII-only slug left nothing of an Arabic or Hebrew title ("report"), or only its digits
    ("40"), so letters of every script are kept (browsers show them, and send them percent-encoded).
    A title with no letter or digit at all gives "report".
    """
    slug = slugify(title or "", allow_unicode=True)[:60].strip("-_")
    return slug if any(ch.isalnum() for ch in slug) else "report"


def _record(report: Report, kind: str, *, actor: User | None, claim: Claim | None = None, reason: str = "",
            data: dict | None = None, at=None) -> PublishingEvent:
    # The one place a publishing event is written: the report's notes read these rows, and the
    # moments integrations care about go to the webhooks in the same transaction (sent after commit).
    event = PublishingEvent.objects.create(
        report=report, claim=claim, kind=kind, actor=actor, reason=reason, data=data or {}, at=at or timezone.now()
    )
    if kind in WEBHOOK_KINDS:
        emit(kind, article=report.article, claim=claim, data={**(data or {}), "reason": reason} if reason else data)
    return event


def _clean_reason(reason: object) -> str:
    if not isinstance(reason, str) or not reason.strip():
        raise InvalidInput(gettext("Give a reason: readers see it in the note on the report."),
                           fields={"reason": [gettext("This field is required.")]})
    reason = " ".join(reason.split())
    if len(reason) > MAX_REASON:
        raise InvalidInput(gettext("The reason is too long."),
            fields={"reason": [gettext("At most %(MAX_REASON)s characters.") % {"MAX_REASON": MAX_REASON}]})
    return reason


def _state(claim: Claim) -> dict:
    return {"verdict": claim.verdict, "rating": claim.rating}


def _claim_events(article: Article, actor: User, kind: str, note: str, data: dict) -> None:
    ClaimEvent.objects.bulk_create(
        [
            ClaimEvent(claim=c, article=article, actor=actor, kind=kind, from_status=c.status, to_status=c.status,
                       verdict=c.verdict, note=note, data=data)
            for c in Claim.objects.filter(article=article, status=ClaimStatus.RESOLVED)
        ]
    )


def _set_flag(article: Article, published: bool) -> None:
    # Article.published_report mirrors the report's status for the API and the article list.
    article.published_report = published
    article.version += 1
    article.save(update_fields=["published_report", "version", "updated_at"])


def _correct(entry: ReportEntry, claim: Claim, *, actor: User | None, reason: str, now) -> None:
    """The report takes the claim's new verdict, with a dated correction note (and its audit row)."""
    before = {"verdict": entry.verdict, "rating": entry.rating}
    after = _state(claim)
    entry.verdict, entry.rating, entry.rationale = claim.verdict, claim.rating, claim.rationale
    entry.corrected_at = now
    entry.under_review_since = None
    entry.review_reason = ""
    entry.save(update_fields=["verdict", "rating", "rationale", "corrected_at", "under_review_since",
                              "review_reason"])
    report = entry.report
    report.modified_at = now
    report.version += 1
    report.save(update_fields=["modified_at", "version"])
    event = _record(report, PublishingEventKind.CLAIM_CORRECTED, actor=actor, claim=claim, reason=reason,
                    data={"from": before, "to": after}, at=now)
    ClaimEvent.objects.create(
        claim=claim, article_id=claim.article_id, actor=actor, kind=EventKind.CORRECTED,
        from_status=claim.status, to_status=claim.status, verdict=claim.verdict, note=event.text,
        data={"from": before, "to": after, "report": report.pk},
    )


# --- transitions -----------------------------------------------------------------------------------


@transaction.atomic
def article_publish(*, actor: User, article_id: int) -> Article:
    """Publish the report: every accepted claim resolved, each verified/disputed one with an independent source."""
    require(is_editor(actor), gettext("Only editors can publish reports."))
    article = _lock_article(article_id)
    if article.published_report:
        return article  # already public: publishing again changes nothing and records nothing
    readiness = article_readiness(article)
    if not readiness.ready:
        raise WrongState(readiness.refusal())
    report = _report_for(article)
    now = timezone.now()
    republished = report.first_published_at is not None
    existing = {e.claim_id: e for e in ReportEntry.objects.select_for_update().filter(report=report)}
    for claim in Claim.objects.filter(article=article, status=ClaimStatus.RESOLVED).order_by("start", "id"):
        entry = existing.pop(claim.pk, None)
        if entry is None:
            ReportEntry.objects.create(report=report, claim=claim, verdict=claim.verdict, rating=claim.rating,
                                       rationale=claim.rationale, published_at=now)
            if republished:
                _record(report, PublishingEventKind.CLAIM_ADDED, actor=actor, claim=claim,
                        data={"to": _state(claim)}, at=now)
        elif entry.under_review_since or _state(claim) != {"verdict": entry.verdict, "rating": entry.rating}:
            entry.report = report
            _correct(entry, claim, actor=actor, reason=entry.review_reason, now=now)
    # Claims reported before and rejected since are no longer part of the check.
    ReportEntry.objects.filter(pk__in=[e.pk for e in existing.values()]).delete()
    report.status = ReportStatus.PUBLISHED
    report.first_published_at = report.first_published_at or now
    report.published_at = now
    report.published_by = actor
    report.version += 1
    report.save()
    _record(report, PublishingEventKind.REPORT_PUBLISHED, actor=actor, data={"republished": republished}, at=now)
    _set_flag(article, True)
    _claim_events(article, actor, EventKind.PUBLISHED, "Published in the report.", {"published": True})
    return article


@transaction.atomic
def article_withdraw(*, actor: User, article_id: int, reason: str) -> Article:
    """Take the report down; its URL then says when and why (a dated note), instead of vanishing."""
    require(is_editor(actor), gettext("Only editors can withdraw reports."))
    reason = _clean_reason(reason)
    article = _lock_article(article_id)
    if not article.published_report:
        return article  # not public: nothing to withdraw, nothing recorded
    report = _report_for(article)
    now = timezone.now()
    report.status = ReportStatus.WITHDRAWN
    report.withdrawn_at = now
    report.withdrawn_by = actor
    report.withdrawn_reason = reason
    report.version += 1
    report.save()
    _record(report, PublishingEventKind.REPORT_WITHDRAWN, actor=actor, reason=reason, at=now)
    _set_flag(article, False)
    _claim_events(article, actor, EventKind.UNPUBLISHED, reason, {"published": False})
    return article


def article_unpublish(*, actor: User, article_id: int, reason: str) -> Article:
    """The API's name for withdrawing (``POST /api/articles/{id}/unpublish/``)."""
    return article_withdraw(actor=actor, article_id=article_id, reason=reason)


# --- reacting to claim events (inside the claim's transaction) ---------------------------------------


def on_claim_event(event: ClaimEvent) -> None:
    """Handed to claims.services (receive_event_hook); runs inside the claim service's transaction.

    The readiness check runs after commit in this process rather than as a Celery task: it is a
    few queries, idempotent (the report row's lock and ready_notified_at), and the email it may
    cause is itself a task.
    """
    if event.kind == EventKind.REOPENED:
        _claim_reopened(event)
    elif event.kind == EventKind.REANCHORED and event.claim.needs_rereview and event.claim.status == ClaimStatus.RESOLVED:
        _claim_rewritten(event)
    elif event.kind in (EventKind.RESOLVED, EventKind.CONFIRMED):
        _claim_resolved(event)
    if event.kind in MAY_FINISH and not (event.kind == EventKind.REJECTED and event.from_status == ClaimStatus.SUGGESTED):
        counts = getattr(event, "progress_after", None)  # set by the verdict's single statement (verdict_sql)
        if counts is not None and counts[0] != counts[1]:
            # Claims still being checked, as readiness_check would read first: its answer is False. A change
            # that finishes the article counts after this one under the progress row's lock, and checks.
            return
        article_id, actor_id = event.article_id, event.actor_id
        transaction.on_commit(lambda: readiness_check(article_id=article_id, actor_id=actor_id), robust=True)


def _locked_entry(claim: Claim) -> tuple[Report | None, ReportEntry | None]:
    # Report row before entry rows, the order article_publish takes them in, so the two never deadlock.
    # The lock and the status first, in a statement written out: most articles have no report or a
    # draft one, and the ORM's build of the whole row's SELECT was a verdict's largest cost after its
    # writes (bench/verdict_cpu.py). The row is loaded only when there is something to correct.
    with connection.cursor() as cur:
        lock = " FOR UPDATE" if connection.features.has_select_for_update else ""  # SQLite locks the whole file
        cur.execute(f'SELECT id, status FROM "{Report._meta.db_table}" WHERE article_id = %s{lock}',  # noqa: S608
                    [claim.article_id])
        found = cur.fetchone()
    if found is None or found[1] == ReportStatus.DRAFT:
        return None, None
    report = Report.objects.get(pk=found[0])  # locked above
    entry = ReportEntry.objects.select_for_update().filter(report=report, claim_id=claim.pk).first()
    if entry is not None:
        entry.report = report
    return report, entry


def _claim_reopened(event: ClaimEvent) -> None:
    report, entry = _locked_entry(event.claim)
    if entry is None:
        return
    entry.under_review_since = event.at
    entry.review_reason = event.note
    entry.save(update_fields=["under_review_since", "review_reason"])
    _record(report, PublishingEventKind.CLAIM_UNDER_REVIEW, actor=event.actor, claim=event.claim,
            reason=event.note, at=event.at)


def _claim_rewritten(event: ClaimEvent) -> None:
    """An edit changed the words of a published claim: its verdict was given on other words ("killed 312"
    is now "killed 213"), so readers see it under review again, not the old verdict under the new words,
    until the verdict is confirmed for them (CONFIRMED, a dated note) or the claim is reviewed again."""
    report, entry = _locked_entry(event.claim)
    if entry is None or entry.under_review_since is not None:
        return
    entry.under_review_since = event.at
    entry.review_reason = ""  # the report says why, in the reader's language (EntryView.text_changed)
    entry.save(update_fields=["under_review_since", "review_reason"])
    report.modified_at = event.at
    report.version += 1
    report.save(update_fields=["modified_at", "version"])
    _record(report, PublishingEventKind.CLAIM_UNDER_REVIEW, actor=event.actor, claim=event.claim,
            data={"cause": "text_changed"}, at=event.at)


def _claim_resolved(event: ClaimEvent) -> None:
    claim = event.claim
    report, entry = _locked_entry(claim)
    if entry is not None:
        _correct(entry, claim, actor=event.actor, reason=entry.review_reason, now=event.at)
        return
    # A claim added to an article whose report is public joins the report, with a dated note.
    if report is not None and report.status == ReportStatus.PUBLISHED:
        ReportEntry.objects.create(report=report, claim=claim, verdict=claim.verdict, rating=claim.rating,
                                   rationale=claim.rationale, published_at=event.at)
        report.modified_at = event.at
        report.save(update_fields=["modified_at"])
        _record(report, PublishingEventKind.CLAIM_ADDED, actor=event.actor, claim=claim,
                data={"to": _state(claim)}, at=event.at)


def _assigning_editors(article: Article) -> list[User]:
    ids = set(
        ClaimEvent.objects.filter(article=article, kind=EventKind.ASSIGNED).exclude(actor=None)
        .values_list("actor_id", flat=True)
    )
    editors = [u for u in User.objects.filter(pk__in=ids).order_by("pk") if is_editor(u)]
    return editors or [article.created_by]


def readiness_check(*, article_id: int, actor_id: int | None) -> bool:
    """After a claim change commits: if the article has just become ready, tell the assigning editor(s), once.

    Safe to run twice: the report row's ready_notified_at, set under its lock, says it was done.
    Returns whether a notice went out.
    """
    # Most changes leave claims still being checked, which the article's progress row (kept by every claim
    # service) says without loading its claims under the article's lock: that load made each verdict on a
    # long article take most of a second and wait for the one before (bench/api_load.py). A change that
    # does finish the check commits counts that pass this, and its own check goes on.
    with connection.cursor() as cur:  # written out: this runs after every claim change (bench/verdict_cpu.py)
        cur.execute(f'SELECT claims_total, claims_resolved FROM "{ArticleProgress._meta.db_table}" '  # noqa: S608
                    "WHERE article_id = %s", [article_id])
        counts = cur.fetchone()
    if counts is not None and counts[0] != counts[1]:
        return False
    try:
        with transaction.atomic():
            article = Article.objects.select_for_update().select_related("created_by").filter(pk=article_id).first()
            if article is None or article.published_report:
                return False
            readiness = article_readiness(article)
            if not readiness.ready:
                return False
            report = _report_for(article)
            if report.ready_notified_at and not ClaimEvent.objects.filter(
                article=article, kind__in=UNREADIES, at__gt=report.ready_notified_at
            ).exists():
                return False
            now = timezone.now()
            report.ready_notified_at = now
            report.save(update_fields=["ready_notified_at"])
            _record(report, PublishingEventKind.ARTICLE_READY, actor=None, data={"resolved": readiness.resolved},
                    at=now)
            actor = User.objects.filter(pk=actor_id).first() if actor_id else None
            def message() -> str:
                return ngettext("Ready to publish: “%(title)s” — its %(n)s claim is resolved and sourced.",
                                "Ready to publish: “%(title)s” — all %(n)s claims are resolved and sourced.",
                                readiness.resolved) % {"title": embed(article.title[:150]), "n": readiness.resolved}

            # About the article, not its last claim: the notice leads to the readiness panel's Publish button.
            for editor in _assigning_editors(article):
                notify(editor, None, "ready", message, actor=actor, article=article)
            return True
    except Exception:  # a failed notice must never turn a saved verdict into an error page
        log.exception("readiness check of article %s failed", article_id)
        return False


# --- reads kept here for existing callers -----------------------------------------------------------


def claim_reviews(article: Article) -> list[dict]:
    """The ClaimReview JSON-LD of the article: the public report's when published, else a members' preview."""
    return report_page(article).claim_reviews()


def claim_review(claim: Claim, *, report_url: str) -> dict:
    """ClaimReview of one resolved claim as it stands now (a preview; the report uses its published entries)."""
    return _claim_review(claim=claim, verdict=claim.verdict, rating=claim.rating, rationale=claim.rationale,
                         url=f"{report_url}#claim-{claim.pk}", date_published=claim.resolved_at or timezone.now(),
                         text=claim.article.text)
