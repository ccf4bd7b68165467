"""Webhook subscriptions, events and deliveries (the rows, not the messages, say what was sent)."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy


class EventKind(models.TextChoices):
    ARTICLE_READY = "article.ready", gettext_lazy("Article ready to publish")
    REPORT_PUBLISHED = "report.published", gettext_lazy("Report published")
    CLAIM_CORRECTED = "claim.corrected", gettext_lazy("Claim corrected")
    CLAIM_OVERDUE = "claim.overdue", gettext_lazy("Claim overdue")
    PING = "ping", gettext_lazy("Test event")


# What an editor can subscribe to; "ping" goes only to the webhook it is sent to.
SUBSCRIBABLE = [k for k in EventKind if k != EventKind.PING]


def new_secret() -> str:
    return secrets.token_urlsafe(32)


class Webhook(models.Model):
    url = models.URLField(max_length=2000)
    description = models.CharField(max_length=200, blank=True)
    secret = models.CharField(max_length=100, default=new_secret, help_text=gettext_lazy("Signs every body (HMAC-SHA256)."))
    events = models.JSONField(default=list, help_text=gettext_lazy("Event kinds this webhook receives."))
    active = models.BooleanField(default=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.description or self.url

    def receives(self, kind: str) -> bool:
        return self.active and kind in self.events

    @property
    def event_labels(self) -> list[str]:
        return [EventKind(k).label for k in self.events if k in EventKind.values]


class WebhookEvent(models.Model):
    """Something that happened, once: the body every delivery of it sends."""

    kind = models.CharField(max_length=32, choices=EventKind.choices)
    article = models.ForeignKey("articles.Article", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    claim = models.ForeignKey("claims.Claim", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    payload = models.JSONField(default=dict)
    # Events that must go out once (a claim becoming overdue) carry a key; the unique index makes
    # "once" hold even when two beat runs overlap.
    dedupe_key = models.CharField(max_length=200, null=True, blank=True, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["kind", "created_at"])]

    def __str__(self) -> str:
        return f"{self.kind} event {self.pk}"


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", gettext_lazy("Pending")
    SENDING = "sending", gettext_lazy("Sending")
    RETRYING = "retrying", gettext_lazy("Will retry")
    DELIVERED = "delivered", gettext_lazy("Delivered")
    FAILED = "failed", gettext_lazy("Failed")


class WebhookDelivery(models.Model):
    event = models.ForeignKey(WebhookEvent, on_delete=models.CASCADE, related_name="deliveries")
    webhook = models.ForeignKey(Webhook, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(max_length=16, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    response_status = models.PositiveIntegerField(null=True, blank=True)
    response_body = models.TextField(blank=True, help_text=gettext_lazy("The start of the receiver's last answer."))
    error = models.TextField(blank=True)
    log = models.JSONField(default=list, blank=True, help_text=gettext_lazy("One entry per attempt: at, status, error."))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["webhook", "created_at"]), models.Index(fields=["status", "next_attempt_at"])]
        constraints = [models.UniqueConstraint(fields=["event", "webhook"], name="one_delivery_per_event_webhook")]

    def __str__(self) -> str:
        return f"delivery {self.pk} of event {self.event_id} to webhook {self.webhook_id} ({self.status})"
