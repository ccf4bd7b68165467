"""Webhook subscriptions (editors), events, and sending one delivery.

A delivery is sent by a Celery task (tasks.py) that calls :func:`delivery_attempt`: the row is
claimed with a conditional update (pending/retrying and due → sending, attempts + 1), so a
duplicate message, the sweeper and a retry can never send the same attempt twice. The POST goes
through ``factcheck.sources.fetch`` — the project's one outbound client — so a webhook URL gets
the same SSRF guard as a source: public addresses only (plus ``FETCH_ALLOW_HOSTS``), allowed
ports, a pinned address, a time budget and a size cap; a POST never follows a redirect.

Each body is signed with the webhook's secret: ``X-Factcheck-Signature: sha256=<hex>`` is
HMAC-SHA256 of the exact bytes sent, as GitHub and Stripe do, so a receiver verifies it with
its copy of the secret before trusting the event.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext

from factcheck.accounts.models import User
from factcheck.accounts.permissions import is_editor, require
from factcheck.celery import app
from factcheck.core import broker_guard
from factcheck.core.errors import InvalidInput, NotFound, StaleVersion
from factcheck.sources.fetch import FetchBlocked, FetchFailed, FetchPolicy, check_url, fetch
from factcheck.webhooks.models import (
    SUBSCRIBABLE,
    DeliveryStatus,
    EventKind,
    Webhook,
    WebhookDelivery,
    WebhookEvent,
)

log = logging.getLogger(__name__)

TASK = "factcheck.webhooks.tasks.webhook_deliver"
SIGNATURE_HEADER = "X-Factcheck-Signature"
RESPONSE_KEEP = 1000  # characters of the receiver's answer shown to editors
RESPONSE_MAX_BYTES = 256 * 1024  # a receiver has nothing long to say; a bigger answer is cut off as a failure
# Answers worth another try: the receiver is down, overloaded or asked us to slow down.
RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
MAX_BACKOFF = 3600


def _require_editor(actor: User) -> None:
    require(is_editor(actor), gettext("Only editors can manage webhooks."))


def _policy() -> FetchPolicy:
    return FetchPolicy.from_settings(max_bytes=RESPONSE_MAX_BYTES, user_agent="factcheck-webhooks/1.0")


def check_webhook_url(url: str) -> str:
    """The URL, if the fetcher would send to it; else InvalidInput saying why (the same guard as sources)."""
    url = (url or "").strip()
    if not url:
        raise InvalidInput(gettext("Give the webhook's URL."), fields={"url": [gettext("This field is required.")]})
    if len(url) > 2000:
        raise InvalidInput(gettext("The URL is too long."), fields={"url": [gettext("At most 2000 characters.")]})
    try:
        check_url(url, _policy())
    except FetchBlocked as exc:
        raise InvalidInput(gettext("This URL cannot receive webhooks. %(message)s.") % {"message": exc.message},
            fields={"url": [exc.message]}) from None
    except FetchFailed as exc:
        raise InvalidInput(gettext("This URL cannot receive webhooks: %(message)s.") % {"message": exc.message},
            fields={"url": [exc.message]}) from None
    return url


def _clean_events(events: list[str] | None) -> list[str]:
    chosen = [str(e) for e in (events or [])]
    unknown = sorted(set(chosen) - set(SUBSCRIBABLE))
    if unknown:
        raise InvalidInput(gettext("Unknown event kind(s): %(unknown)s.") % {"unknown": ', '.join(unknown)},
            fields={"events": [gettext("Unknown event kind.")]})
    if not chosen:
        raise InvalidInput(gettext("Choose at least one event."), fields={"events": [gettext("Choose at least one event.")]})
    return [k.value for k in SUBSCRIBABLE if k in chosen]  # stable order


@transaction.atomic
def webhook_create(*, actor: User, url: str, events: list[str], description: str = "", active: bool = True) -> Webhook:
    _require_editor(actor)
    return Webhook.objects.create(url=check_webhook_url(url), events=_clean_events(events),
                                  description=(description or "").strip()[:200], active=active, created_by=actor)


def _lock(webhook_id: int) -> Webhook:
    webhook = Webhook.objects.select_for_update().filter(pk=webhook_id).first()
    if webhook is None:
        raise NotFound(gettext("Webhook %(webhook_id)s does not exist.") % {"webhook_id": webhook_id})
    return webhook


@transaction.atomic
def webhook_update(*, actor: User, webhook_id: int, version: int, url: str, events: list[str],
                   description: str = "", active: bool = True) -> Webhook:
    _require_editor(actor)
    webhook = _lock(webhook_id)
    if webhook.version != version:
        raise StaleVersion(gettext("This webhook was changed since you opened it; reload and try again."))
    webhook.url = check_webhook_url(url)
    webhook.events = _clean_events(events)
    webhook.description = (description or "").strip()[:200]
    webhook.active = active
    webhook.version += 1
    webhook.save()
    return webhook


@transaction.atomic
def webhook_delete(*, actor: User, webhook_id: int) -> None:
    _require_editor(actor)
    _lock(webhook_id).delete()


@transaction.atomic
def webhook_ping(*, actor: User, webhook_id: int) -> WebhookDelivery:
    """Send a test event to this webhook only, so an editor sees the receiver answer."""
    _require_editor(actor)
    webhook = _lock(webhook_id)
    payload = {
        "event": EventKind.PING.value,
        "text": f"Test event from {settings.NEWSROOM_NAME}: this webhook works.",
        "sent_by": actor.username,
    }
    event = event_record(EventKind.PING, payload, only=webhook)
    return event.deliveries.get()


# --- events and deliveries ---------------------------------------------------------------------------


def event_record(kind: str, payload: dict, *, article_id: int | None = None, claim_id: int | None = None,
                 dedupe_key: str | None = None, only: Webhook | None = None) -> WebhookEvent | None:
    """Write the event and one delivery per subscribed active webhook; send them after commit.

    With a ``dedupe_key`` already used, nothing is written and None is returned (the event went
    out before). Runs in the caller's transaction: a rolled-back change sends nothing.
    """
    with transaction.atomic():
        if dedupe_key and WebhookEvent.objects.filter(dedupe_key=dedupe_key).exists():
            return None
        try:
            with transaction.atomic():  # a racing beat run inserted the same key: that one sends it
                event = WebhookEvent.objects.create(kind=kind, payload={}, article_id=article_id, claim_id=claim_id,
                                                    dedupe_key=dedupe_key)
        except IntegrityError:
            return None
        event.payload = {"id": event.pk, "event": kind, "created_at": event.created_at.isoformat(), **payload}
        event.save(update_fields=["payload"])
        hooks = [only] if only is not None else [h for h in Webhook.objects.filter(active=True) if h.receives(kind)]
        deliveries = WebhookDelivery.objects.bulk_create(
            [WebhookDelivery(event=event, webhook=h, next_attempt_at=event.created_at) for h in hooks]
        )
        ids = [d.pk for d in deliveries]
        if ids:
            transaction.on_commit(lambda: [enqueue(i) for i in ids], robust=True)
        return event


def enqueue(delivery_id: int, countdown: float | None = None) -> bool:
    """Hand one delivery to a worker; if the broker is down the row waits for the sweeper."""
    # The broker being away must never fail the change that caused the event, nor make it wait
    # on the broker's timeouts once another send has failed (core/broker_guard.py).
    return broker_guard.publish(
        lambda: app.send_task(TASK, args=[delivery_id], queue=settings.WEBHOOK_QUEUE, countdown=countdown),
        f"webhook delivery {delivery_id}")


def body_of(event: WebhookEvent) -> bytes:
    # The exact bytes signed and sent; compact and key-sorted, so the same event is the same body.
    return json.dumps(event.payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def backoff(attempts: int) -> float:
    """Seconds before attempt ``attempts + 1``: base, 2×base, 4×base … capped at an hour."""
    return min(settings.WEBHOOK_RETRY_BACKOFF * 2 ** max(attempts - 1, 0), MAX_BACKOFF)


def _claim(delivery_id: int) -> bool:
    now = timezone.now()
    return bool(
        WebhookDelivery.objects.filter(
            Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now + timedelta(seconds=1)),
            pk=delivery_id, status__in=(DeliveryStatus.PENDING, DeliveryStatus.RETRYING),
        ).update(status=DeliveryStatus.SENDING, attempts=F("attempts") + 1, last_attempt_at=now)
    )


def delivery_attempt(delivery_id: int) -> float | None:
    """Send one attempt of a delivery; returns the countdown of the next attempt, or None when done.

    No transaction is open while the request is in flight.
    """
    if not _claim(delivery_id):
        return None  # another worker has it, it is done, or its retry is not due yet
    delivery = WebhookDelivery.objects.select_related("event", "webhook").get(pk=delivery_id)
    webhook, event = delivery.webhook, delivery.event
    body = body_of(event)
    headers = {
        "Content-Type": "application/json",
        SIGNATURE_HEADER: sign(webhook.secret, body),
        "X-Factcheck-Event": event.kind,
        "X-Factcheck-Delivery": str(delivery.pk),
    }
    started = timezone.now()
    status_code: int | None = None
    answer, error, retry = "", "", False
    if not webhook.active and event.kind != EventKind.PING:
        error = "The webhook was switched off before this was sent."
    else:
        try:
            result = fetch(webhook.url, policy=_policy(), method="POST", body=body, headers=headers)
            status_code = result.status
            answer = result.body[:RESPONSE_KEEP * 4].decode("utf-8", "replace")[:RESPONSE_KEEP]
            if 300 <= result.status < 400:
                error = f"HTTP {result.status}: webhooks do not follow redirects; register the final URL."
            elif not result.ok:
                error = f"HTTP {result.status}"
                retry = result.status in RETRY_STATUSES
        except FetchBlocked as exc:
            error = exc.message  # the address turned private or forbidden: retrying cannot help
        except FetchFailed as exc:
            error, retry = exc.message, True
        except Exception as exc:  # never leave the row in "sending" because of a bug in a receiver's answer
            log.exception("webhook delivery %s failed unexpectedly", delivery_id)
            error, retry = f"Unexpected error: {type(exc).__name__}", True
    return _finish(delivery, status_code=status_code, answer=answer, error=error, retry=retry, started=started)


def _finish(delivery: WebhookDelivery, *, status_code: int | None, answer: str, error: str, retry: bool,
            started) -> float | None:
    now = timezone.now()
    entry = {"at": started.isoformat(), "status": status_code, "error": error,
             "ms": int((now - started).total_seconds() * 1000)}
    delivery.log = [*delivery.log, entry]
    delivery.response_status, delivery.response_body, delivery.error = status_code, answer, error
    countdown = None
    if not error:
        delivery.status, delivery.delivered_at, delivery.next_attempt_at = DeliveryStatus.DELIVERED, now, None
    elif retry and delivery.attempts < settings.WEBHOOK_MAX_ATTEMPTS:
        countdown = backoff(delivery.attempts)
        delivery.status, delivery.next_attempt_at = DeliveryStatus.RETRYING, now + timedelta(seconds=countdown)
    else:
        delivery.status, delivery.next_attempt_at = DeliveryStatus.FAILED, None
    delivery.save(update_fields=["status", "delivered_at", "next_attempt_at", "response_status", "response_body",
                                 "error", "log"])
    return countdown


def deliveries_sweep() -> int:
    """Re-send deliveries whose message was lost (broker down at commit, worker killed mid-send)."""
    now = timezone.now()
    stale = now - timedelta(seconds=settings.FETCH_TIMEOUT * 2 + 120)
    WebhookDelivery.objects.filter(status=DeliveryStatus.SENDING, last_attempt_at__lt=stale).update(
        status=DeliveryStatus.RETRYING, next_attempt_at=now)
    due = list(
        WebhookDelivery.objects.filter(status__in=(DeliveryStatus.PENDING, DeliveryStatus.RETRYING),
                                       next_attempt_at__lt=now - timedelta(seconds=60))
        .order_by("next_attempt_at").values_list("pk", flat=True)[:500]
    )
    for pk in due:
        enqueue(pk)
    return len(due)


def webhook_deliveries(webhook: Webhook, limit: int = 100) -> list[WebhookDelivery]:
    return list(webhook.deliveries.select_related("event").order_by("-created_at", "-id")[:limit])
