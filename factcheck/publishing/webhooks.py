"""What factcheck tells webhooks, and when: ``emit`` is called by the publishing services and the beat.

``emit(kind, article=..., claim=..., data=...)`` runs inside the caller's transaction: the event
row and its deliveries commit with the change they report (a rolled-back publish sends nothing)
and the deliveries go out after commit (webhooks/services.py). It never raises: a webhook must
never stop an editor from publishing.

Every body has a Slack-compatible ``text`` (Slack's mrkdwn: ``<url|label>`` links, ``& < >``
escaped), so a Slack "incoming webhook" URL can be registered as it is, plus structured fields:
``event``, ``id``, ``created_at``, ``article``, ``claim`` and ``data``.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, F, OuterRef
from django.urls import reverse
from django.utils import timezone

from factcheck.articles.models import Article
from factcheck.claims.models import Claim, ClaimStatus
from factcheck.webhooks.models import EventKind, WebhookEvent
from factcheck.webhooks.services import event_record

log = logging.getLogger(__name__)

ARTICLE_READY = EventKind.ARTICLE_READY.value
REPORT_PUBLISHED = EventKind.REPORT_PUBLISHED.value
CLAIM_CORRECTED = EventKind.CLAIM_CORRECTED.value
CLAIM_OVERDUE = EventKind.CLAIM_OVERDUE.value
# The publishing services' own names for the same moments.
ALIASES = {"ready": ARTICLE_READY, "article_ready": ARTICLE_READY, "published": REPORT_PUBLISHED,
           "report_published": REPORT_PUBLISHED, "corrected": CLAIM_CORRECTED, "claim_corrected": CLAIM_CORRECTED,
           "overdue": CLAIM_OVERDUE, "claim_overdue": CLAIM_OVERDUE}
OVERDUE_BATCH = 500


def _abs(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def slack_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _link(url: str, label: str) -> str:
    return f"<{url}|{slack_escape(label)}>"


def _short(text: str, n: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def report_url(article: Article) -> str | None:
    """The public report's address (slug + token), once the article has a report."""
    from factcheck.publishing.models import Report
    from factcheck.publishing.selectors import public_url

    report = Report.objects.filter(article=article).first()
    return public_url(report) if report is not None else None


def _article(article: Article) -> dict[str, Any]:
    return {"id": article.pk, "title": article.title, "outlet": article.outlet, "url": article.url,
            "workspace_url": _abs(article.get_absolute_url()), "report_url": report_url(article)}


def _claim(claim: Claim) -> dict[str, Any]:
    return {"id": claim.pk, "text": claim.text, "quote": claim.quote, "status": claim.status,
            "verdict": claim.verdict or None, "rating": claim.rating or None,
            "due": claim.due.isoformat() if claim.due else None,
            "assignee": claim.assignee.username if claim.assignee_id else None,
            "url": _abs(reverse("claim_detail", args=[claim.pk]))}


def _text(kind: str, article: Article, claim: Claim | None, data: dict) -> str:
    title = f"“{_short(article.title, 100)}”"
    if kind == ARTICLE_READY:
        count = data.get("resolved")
        claims = f"all {count} claims are resolved" if count else "every claim is resolved"
        return f"Ready to publish: {_link(_abs(article.get_absolute_url()), title)} — {claims}."
    report = report_url(article) or _abs(article.get_absolute_url())
    if kind == REPORT_PUBLISHED:
        return f"Report published: {_link(report, title)}."
    if kind == CLAIM_CORRECTED and claim is not None:
        before, after = data.get("from") or {}, data.get("to") or {}
        change = ""
        if before.get("verdict") and after.get("verdict"):
            change = f": verdict changed from {before['verdict']} to {after['verdict']}"
        reason = f" — {slack_escape(_short(str(data['reason']), 200))}" if data.get("reason") else ""
        return (f"Correction on {_link(report, title)}{change}. Claim: "
                f"“{slack_escape(_short(claim.text))}”{reason}")
    if kind == CLAIM_OVERDUE and claim is not None:
        who = f", assigned to {slack_escape(claim.assignee.display_name)}" if claim.assignee_id else ", not assigned"
        due = f"{claim.due:%-d %b %Y}" if claim.due else "?"
        return (f"Overdue: {_link(_abs(reverse('claim_detail', args=[claim.pk])), '“' + _short(claim.text) + '”')} "
                f"on {slack_escape(title)} was due {due}{who}.")
    return f"{kind}: {slack_escape(title)}"


def emit(kind: str, *, article: Article, claim: Claim | None = None, data: dict | None = None) -> WebhookEvent | None:
    """Record one event for every subscribed webhook; delivered after the caller's commit. Never raises."""
    kind = ALIASES.get(kind, kind)
    data = dict(data or {})
    try:
        if kind not in EventKind.values:
            raise ValueError(f"unknown webhook event {kind!r}")
        payload = {"text": _text(kind, article, claim, data), "newsroom": settings.NEWSROOM_NAME,
                   "article": _article(article), "claim": _claim(claim) if claim is not None else None, "data": data}
        key = f"{CLAIM_OVERDUE}:{claim.pk}:{claim.due}" if kind == CLAIM_OVERDUE and claim is not None else None
        with transaction.atomic():  # a savepoint: a failure here leaves the caller's transaction usable
            return event_record(kind, payload, article_id=article.pk, claim_id=claim.pk if claim else None,
                                dedupe_key=key)
    except Exception:
        log.exception("webhook event %s for article %s not recorded", kind, getattr(article, "pk", None))
        return None


def claims_overdue_emit(*, limit: int = OVERDUE_BATCH) -> int:
    """Emit "claim overdue" once per claim and due date (the beat runs this every few minutes).

    A claim counts as told when an overdue event for it was written after its due date; if the
    due date moves and passes again, it is told again. Bounded per run, oldest due first.
    """
    today = timezone.localdate()
    told = WebhookEvent.objects.filter(kind=CLAIM_OVERDUE, claim=OuterRef("pk"), created_at__date__gt=OuterRef("due"))
    claims = list(
        Claim.objects.filter(status__in=ClaimStatus.ACTIVE, due__lt=today)
        .filter(~Exists(told))
        .select_related("article", "assignee")
        .order_by(F("due").asc(), "id")[:limit]
    )
    sent = 0
    for claim in claims:
        with transaction.atomic():
            if emit(CLAIM_OVERDUE, article=claim.article, claim=claim) is not None:
                sent += 1
    return sent
