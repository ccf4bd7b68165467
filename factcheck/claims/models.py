"""Claims, reviews, the append-only audit trail, comments and notifications."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone


class ClaimStatus(models.TextChoices):
    SUGGESTED = "suggested", "Suggested"
    OPEN = "open", "Open"
    ASSIGNED = "assigned", "Assigned"
    IN_REVIEW = "in_review", "In review"
    RESOLVED = "resolved", "Resolved"
    REJECTED = "rejected", "Rejected"


class Verdict(models.TextChoices):
    VERIFIED = "verified", "Verified"
    DISPUTED = "disputed", "Disputed"
    UNVERIFIABLE = "unverifiable", "Unverifiable"


class ClaimType(models.TextChoices):
    QUANTITY = "quantity", "Quantity"
    COMPARISON = "comparison", "Comparison"
    SUPERLATIVE = "superlative", "Superlative"
    TEMPORAL = "temporal", "Temporal"
    ATTRIBUTION = "attribution", "Attribution"
    CAUSAL = "causal", "Causal"
    OTHER = "other", "Other"
    PREDICTION = "prediction", "Prediction"


class Priority(models.IntegerChoices):
    LOW = 1, "Low"
    NORMAL = 2, "Normal"
    HIGH = 3, "High"
    URGENT = 4, "Urgent"


class Claim(models.Model):
    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="claims")
    revision = models.ForeignKey("articles.ArticleRevision", on_delete=models.RESTRICT, related_name="claims")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    quote = models.TextField()
    prefix = models.CharField(max_length=64, blank=True)
    suffix = models.CharField(max_length=64, blank=True)
    text = models.TextField(help_text="The editor's wording of the claim.")
    types = models.JSONField(default=list, blank=True)
    quantities = models.JSONField(default=list, blank=True)
    attributed_to = models.CharField(max_length=300, blank=True)
    score = models.FloatField(default=0.0)
    suggested = models.BooleanField(default=False, help_text="Proposed by the suggestion engine.")

    status = models.CharField(max_length=16, choices=ClaimStatus.choices, default=ClaimStatus.OPEN)
    verdict = models.CharField(max_length=16, choices=Verdict.choices, blank=True)
    rating = models.CharField(max_length=64, blank=True)
    rationale = models.TextField(blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="assigned_claims"
    )
    second_reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="second_review_claims"
    )
    due = models.DateField(null=True, blank=True)
    priority = models.PositiveSmallIntegerField(choices=Priority.choices, default=Priority.NORMAL)
    version = models.PositiveIntegerField(default=1)
    orphaned = models.BooleanField(default=False)
    needs_rereview = models.BooleanField(default=False)
    needs_settlement = models.BooleanField(default=False, help_text="Two reviewers disagree; an editor decides.")
    same_as = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="repeats")
    related_note = models.CharField(max_length=300, blank=True)

    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["article", "start", "id"]
        indexes = [
            models.Index(fields=["article", "status"]),
            models.Index(fields=["assignee", "status", "due"]),
            models.Index(fields=["status", "due"]),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(end__gt=models.F("start")), name="claim_span_not_empty"),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    def get_absolute_url(self) -> str:
        return reverse("claim_detail", args=[self.pk])

    @property
    def is_overdue(self) -> bool:
        return bool(
            self.due
            and self.status in (ClaimStatus.OPEN, ClaimStatus.ASSIGNED, ClaimStatus.IN_REVIEW)
            and self.due < timezone.localdate()
        )

    @property
    def is_active(self) -> bool:
        return self.status not in (ClaimStatus.REJECTED, ClaimStatus.SUGGESTED)


class Review(models.Model):
    """One reviewer's verdict; with second review there are two per claim."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="reviews")
    verdict = models.CharField(max_length=16, choices=Verdict.choices)
    rating = models.CharField(max_length=64, blank=True)
    rationale = models.TextField()
    round = models.PositiveIntegerField(default=1, help_text="Increases each time the claim is reopened.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "reviewer", "round"], name="one_review_per_reviewer_per_round")
        ]

    def __str__(self) -> str:
        return f"{self.get_verdict_display()} by {self.reviewer_id} on claim {self.claim_id}"


class EventKind(models.TextChoices):
    CREATED = "created", "Created"
    SUGGESTED = "suggested", "Suggested"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Rejected"
    EDITED = "edited", "Edited"
    MERGED = "merged", "Merged"
    SPLIT = "split", "Split"
    ASSIGNED = "assigned", "Assigned"
    STARTED = "started", "Review started"
    REVIEWED = "reviewed", "Review recorded"
    RESOLVED = "resolved", "Resolved"
    SETTLED = "settled", "Settled by editor"
    REOPENED = "reopened", "Reopened"
    SECOND_REVIEW = "second_review", "Second review requested"
    REANCHORED = "reanchored", "Re-anchored"
    ORPHANED = "orphaned", "Orphaned"
    SOURCE_ATTACHED = "source_attached", "Source attached"
    SOURCE_DETACHED = "source_detached", "Source detached"
    PASSAGE_PINNED = "passage_pinned", "Passage pinned"
    COMMENTED = "commented", "Commented"
    LINKED = "linked", "Linked to earlier claim"
    LOOKUP = "lookup", "Lookup"
    PUBLISHED = "published", "Published in the report"
    UNPUBLISHED = "unpublished", "Withdrawn from the report"
    CORRECTED = "corrected", "Correction published"


class ClaimEventQuerySet(models.QuerySet):
    """Bulk writes would bypass the row-level guard below, so they are refused here too.

    Deleting an article or claim still removes its events: Django's cascade deletes
    them with a raw delete, not through this queryset.
    """

    def update(self, **kwargs):
        raise RuntimeError("ClaimEvent rows are append-only")

    def delete(self):
        raise RuntimeError("ClaimEvent rows are append-only")


class ClaimEvent(models.Model):
    """Append-only audit row: who did what to a claim, when, from which state to which."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="events")
    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="claim_events")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    kind = models.CharField(max_length=32, choices=EventKind.choices)
    from_status = models.CharField(max_length=16, blank=True)
    to_status = models.CharField(max_length=16, blank=True)
    verdict = models.CharField(max_length=16, blank=True)
    note = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)

    objects = ClaimEventQuerySet.as_manager()

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["article", "at"])]

    def __str__(self) -> str:
        return f"{self.kind} on claim {self.claim_id} at {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        # Events are history: a row once written is never rewritten.
        if self.pk is not None:
            raise RuntimeError("ClaimEvent rows are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise RuntimeError("ClaimEvent rows are append-only")


class Comment(models.Model):
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"comment on claim {self.claim_id}"


class Notification(models.Model):
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    claim = models.ForeignKey(Claim, null=True, blank=True, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=32)
    message = models.CharField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self) -> str:
        return self.message
