"""Claims, reviews, the append-only audit trail, comments and notifications."""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy


class ClaimStatus(models.TextChoices):
    SUGGESTED = "suggested", gettext_lazy("Suggested")
    OPEN = "open", gettext_lazy("Open")
    ASSIGNED = "assigned", gettext_lazy("Assigned")
    IN_REVIEW = "in_review", gettext_lazy("In review")
    RESOLVED = "resolved", gettext_lazy("Resolved")
    REJECTED = "rejected", gettext_lazy("Rejected")


# The state sets, written once: the services' state checks (``_expect``), the selectors'
# filters, the API's filters and the templates' buttons all read these. They are set on
# the class after it is made because a tuple in an enum's body would become a member.
ClaimStatus.ACTIVE = (ClaimStatus.OPEN, ClaimStatus.ASSIGNED, ClaimStatus.IN_REVIEW)  # in the check, not finished
ClaimStatus.TRIAGE = (ClaimStatus.SUGGESTED, ClaimStatus.OPEN)  # still being sorted: reject, merge, split
ClaimStatus.EDITABLE = (ClaimStatus.SUGGESTED, *ClaimStatus.ACTIVE)
ClaimStatus.UNDER_REVIEW = (ClaimStatus.ASSIGNED, ClaimStatus.IN_REVIEW)  # a reviewer has it
ClaimStatus.COUNTED = (*ClaimStatus.ACTIVE, ClaimStatus.RESOLVED)  # what an article's progress counts
# Statuses in which someone has looked at (or is looking at) the quoted words.
ClaimStatus.REREVIEW = (ClaimStatus.ASSIGNED, ClaimStatus.IN_REVIEW, ClaimStatus.RESOLVED)

# Which states allow each action on a claim (the key is the service's verb).
ALLOWED_STATES: dict[str, tuple[str, ...]] = {
    "accept": (ClaimStatus.SUGGESTED,),
    "reject": ClaimStatus.TRIAGE,
    # A claim whose passage left the article (orphaned by an edit) may be rejected whatever its state:
    # it blocks the report until it is placed again or set aside.
    "reject_orphan": (ClaimStatus.SUGGESTED, *ClaimStatus.COUNTED),
    # An editor may take a claim out of the check while a reviewer has it ("not checking this one"),
    # with a reason its reviewers are told; before, the only way out was a verdict nobody gave.
    "reject_in_review": ClaimStatus.UNDER_REVIEW,
    # A rejected claim can come back into the check (a mistaken click, a change of plan).
    "restore": (ClaimStatus.REJECTED,),
    "edit": ClaimStatus.EDITABLE,
    "merge": ClaimStatus.TRIAGE,
    "split": ClaimStatus.TRIAGE,
    "assign": ClaimStatus.ACTIVE,
    "request_second_review": ClaimStatus.UNDER_REVIEW,
    "start": (ClaimStatus.ASSIGNED,),
    "record_verdict": ClaimStatus.UNDER_REVIEW,
    "reopen": (ClaimStatus.RESOLVED,),
    # A resolved claim whose quoted words an edit changed (needs_rereview): its verdict is confirmed or reopened.
    "confirm_verdict": (ClaimStatus.RESOLVED,),
    # An earlier check is worth naming for a claim in the check or finished; not for one set aside.
    "link": ClaimStatus.COUNTED,
    # Sources, passages and lookups change only while the claim is in the check.
    "attach_source": ClaimStatus.ACTIVE,
}


class Verdict(models.TextChoices):
    VERIFIED = "verified", gettext_lazy("Verified")
    DISPUTED = "disputed", gettext_lazy("Disputed")
    UNVERIFIABLE = "unverifiable", gettext_lazy("Unverifiable")


class ClaimType(models.TextChoices):
    QUANTITY = "quantity", gettext_lazy("Quantity")
    COMPARISON = "comparison", gettext_lazy("Comparison")
    SUPERLATIVE = "superlative", gettext_lazy("Superlative")
    TEMPORAL = "temporal", gettext_lazy("Temporal")
    ATTRIBUTION = "attribution", gettext_lazy("Attribution")
    CAUSAL = "causal", gettext_lazy("Causal")
    OTHER = "other", gettext_lazy("Other")
    PREDICTION = "prediction", gettext_lazy("Prediction")


class Priority(models.IntegerChoices):
    LOW = 1, gettext_lazy("Low")
    NORMAL = 2, gettext_lazy("Normal")
    HIGH = 3, gettext_lazy("High")
    URGENT = 4, gettext_lazy("Urgent")


class Claim(models.Model):
    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="claims")
    revision = models.ForeignKey("articles.ArticleRevision", on_delete=models.RESTRICT, related_name="claims")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    quote = models.TextField()
    prefix = models.CharField(max_length=64, blank=True)
    suffix = models.CharField(max_length=64, blank=True)
    text = models.TextField(help_text=gettext_lazy("The editor's wording of the claim."))
    types = models.JSONField(default=list, blank=True)
    quantities = models.JSONField(default=list, blank=True)
    attributed_to = models.CharField(max_length=300, blank=True)
    score = models.FloatField(default=0.0)
    suggested = models.BooleanField(default=False, help_text=gettext_lazy("Proposed by the suggestion engine."))

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
    needs_settlement = models.BooleanField(default=False, help_text=gettext_lazy("Two reviewers disagree; an editor decides."))
    same_as = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="repeats")
    related_note = models.CharField(max_length=300, blank=True)

    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    # Derived (PostgreSQL only): the wording as a tsvector, kept by the claim services, GIN-indexed,
    # rebuilt by `manage.py refresh_derived`. Empty on SQLite.
    search = SearchVectorField(null=True, editable=False)

    class Meta:
        ordering = ["article", "start", "id"]
        # Chosen for the pages of issue 16. The archive grows without end but the work in hand
        # does not: the queues index only the claims still being checked (partial indexes), so
        # they stay as fast with 200,000 claims as with 2,000.
        indexes = [
            models.Index(fields=["article", "start", "id"], name="claim_article_order"),
            models.Index(fields=["article", "status"]),
            # Covering the status too: the workload page counts each member's active claims by
            # status from this index alone (an index-only scan), not from 6,000 heap rows.
            models.Index(
                fields=["assignee", "due"], name="claim_active_assignee", include=["status"],
                condition=models.Q(status__in=ClaimStatus.ACTIVE),
            ),
            models.Index(
                fields=["second_reviewer"], name="claim_active_second",
                condition=models.Q(status__in=ClaimStatus.ACTIVE, second_reviewer__isnull=False),
            ),
            models.Index(
                fields=["due", "id"], name="claim_active_due",
                condition=models.Q(status__in=ClaimStatus.ACTIVE),
            ),
            models.Index(
                fields=["-priority", "created_at"], name="claim_unassigned",
                condition=models.Q(status=ClaimStatus.OPEN, assignee__isnull=True),
            ),
            models.Index(fields=["verdict", "-updated_at"], name="claim_verdict_updated"),
            # One day's claims, to recount its claims per type (derived.type_days_refresh).
            models.Index(fields=["created_at"], name="claim_created"),
            models.Index(fields=["-updated_at"], name="claim_updated"),
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
        return Claim.overdue(self.status, self.due)

    @staticmethod
    def overdue(status: str, due) -> bool:
        """Still being checked and past its due date (also for rows read with .values())."""
        return bool(due and status in ClaimStatus.ACTIVE and due < timezone.localdate())

    @property
    def is_active(self) -> bool:
        """Accepted into the check and not rejected (resolved claims count: they are the result)."""
        return self.status not in (ClaimStatus.REJECTED, ClaimStatus.SUGGESTED)

    # What the claim's state allows: the services check the same table (``_expect``),
    # so a button the page shows is a button the service accepts. Role checks are
    # separate (accounts.permissions), because they depend on who is looking.
    def allows(self, action: str) -> bool:
        return self.status in ALLOWED_STATES[action]

    @property
    def can_accept(self) -> bool:
        return self.allows("accept")

    @property
    def can_reject(self) -> bool:
        return self.allows("reject") or (self.orphaned and self.allows("reject_orphan"))

    @property
    def can_take_out(self) -> bool:
        """Rejected on the claim's page with a reason, while a reviewer has it (not the workspace's one click)."""
        return not self.can_reject and self.allows("reject_in_review")

    @property
    def can_restore(self) -> bool:
        return self.allows("restore")

    @property
    def can_edit(self) -> bool:
        return self.allows("edit")

    @property
    def can_merge(self) -> bool:
        return self.allows("merge") and not self.orphaned

    @property
    def can_split(self) -> bool:
        return self.allows("split") and not self.orphaned

    @property
    def can_assign(self) -> bool:
        # Two disagreeing reviewers are settled by an editor before anyone else is assigned.
        return self.allows("assign") and not self.needs_settlement

    @property
    def can_request_second_review(self) -> bool:
        return self.allows("request_second_review")

    @property
    def can_start(self) -> bool:
        return self.allows("start")

    @property
    def can_record_verdict(self) -> bool:
        return self.allows("record_verdict")

    @property
    def can_reopen(self) -> bool:
        return self.allows("reopen")

    @property
    def can_confirm_verdict(self) -> bool:
        return self.allows("confirm_verdict") and self.needs_rereview

    @property
    def can_link(self) -> bool:
        return self.allows("link")

    @property
    def can_attach_source(self) -> bool:
        return self.allows("attach_source")


class ArticleProgress(models.Model):
    """Derived summary of an article's claims, so lists never count all claims per request.

    Kept by the claim services (every audit event refreshes its article's row, see
    claims/derived.py) and rebuilt from the claims by `manage.py refresh_derived`.
    A separate table rather than columns on Article: refreshing it locks this row, not the
    article, so a verdict never waits on (or deadlocks with) an edit of the article text.
    """

    article = models.OneToOneField("articles.Article", on_delete=models.CASCADE, primary_key=True, related_name="progress")
    claims_total = models.PositiveIntegerField(default=0, help_text=gettext_lazy("Claims being checked or resolved."))
    claims_resolved = models.PositiveIntegerField(default=0)
    claims_suggested = models.PositiveIntegerField(default=0)
    claims_disputed = models.PositiveIntegerField(default=0)
    # Every claim of the article, whatever its status: a deep page of the claim list (ordered by
    # article) skips whole articles by these instead of walking every claim before it (api/deep_skip.py).
    claims_all = models.PositiveIntegerField(default=0)
    # True while some counted claim is not resolved, or nothing is counted yet: the dashboard's
    # "in progress" list, as one indexed column.
    in_progress = models.BooleanField(default=True)
    # The claims in each remaining status, and the resolved ones by verdict: the Insights page's
    # status and verdict figures are sums of these over the articles (10,000 rows), not counts of
    # every claim. Per article, so they ride on the row each claim change already writes (a
    # desk-wide counter row would queue every verdict of the desk behind one lock).
    claims_open = models.PositiveIntegerField(default=0)
    claims_assigned = models.PositiveIntegerField(default=0)
    claims_in_review = models.PositiveIntegerField(default=0)
    claims_rejected = models.PositiveIntegerField(default=0)
    resolved_verified = models.PositiveIntegerField(default=0)
    resolved_disputed = models.PositiveIntegerField(default=0)
    resolved_unverifiable = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"article {self.article_id}: {self.claims_resolved}/{self.claims_total}"


class TypeDay(models.Model):
    """Derived: the desk's counted claims of one type created on one day (local date).

    The Insights page's claims per type per week sums the window's rows (12 weeks × 8 types)
    instead of reading every claim of twelve weeks and matching its types. One row per day and
    type, not per article: an article's claims may be created over months, and the window then
    held as many rows as claims. Recounted from the day's claims (a few hundred, by
    ``claim_created``) by claims/derived.py after a change of a claim's status or types commits;
    rebuilt by `manage.py refresh_derived` (also after a change of TIME_ZONE, which decides the day).
    A verdict never writes it (a claim under review and a resolved one count alike).
    """

    day = models.DateField()
    type = models.CharField(max_length=16, choices=ClaimType.choices)
    claims = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "type"], name="type_day_unique")]

    def __str__(self) -> str:
        return f"{self.day} {self.type}: {self.claims}"


class DueDay(models.Model):
    """Derived: the desk's claims still being checked (ClaimStatus.ACTIVE) that are due on one day.

    The Insights page's overdue figure sums the rows before today (and its buckets by days late)
    instead of counting every unfinished claim past its date. Recounted for the day a claim leaves
    and the day it joins (lock_claim notes its due day as it was locked) by claims/derived.py after
    the change commits; rebuilt by `manage.py refresh_derived`. A row may stay at zero.
    """

    day = models.DateField(unique=True)
    claims = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"due {self.day}: {self.claims}"


class Review(models.Model):
    """One reviewer's verdict; with second review there are two per claim."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="reviews")
    verdict = models.CharField(max_length=16, choices=Verdict.choices)
    rating = models.CharField(max_length=64, blank=True)
    rationale = models.TextField()
    round = models.PositiveIntegerField(default=1, help_text=gettext_lazy("Increases each time the claim is reopened."))
    created_at = models.DateTimeField(auto_now_add=True)
    # Derived: when this reviewer was given the claim (the last assignment or second-review request
    # at or before the review), written with the review by the verdict services and rebuilt by
    # `manage.py refresh_derived`. The Insights page's time to verdict reads it instead of looking
    # up every review's assignment among the claim events.
    assigned_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "reviewer", "round"], name="one_review_per_reviewer_per_round")
        ]
        # The time to verdict of a window's reviews from this index alone. Partial: Insights reads only
        # reviews with an assignment time, and without the condition PostgreSQL read the whole table
        # (EXPLAIN on 75,000 reviews: a sequential scan of 11-16 ms, a bitmap scan of this one 6 ms).
        indexes = [models.Index(fields=["created_at"], include=["reviewer", "assigned_at"], name="review_assigned_created",
                                condition=models.Q(assigned_at__isnull=False))]

    def __str__(self) -> str:
        return f"{self.get_verdict_display()} by {self.reviewer_id} on claim {self.claim_id}"


class EventKind(models.TextChoices):
    CREATED = "created", gettext_lazy("Created")
    SUGGESTED = "suggested", gettext_lazy("Suggested")
    ACCEPTED = "accepted", gettext_lazy("Accepted")
    REJECTED = "rejected", gettext_lazy("Rejected")
    EDITED = "edited", gettext_lazy("Edited")
    MERGED = "merged", gettext_lazy("Merged")
    SPLIT = "split", gettext_lazy("Split")
    ASSIGNED = "assigned", gettext_lazy("Assigned")
    STARTED = "started", gettext_lazy("Review started")
    REVIEWED = "reviewed", gettext_lazy("Review recorded")
    RESOLVED = "resolved", gettext_lazy("Resolved")
    SETTLED = "settled", gettext_lazy("Settled by editor")
    REOPENED = "reopened", gettext_lazy("Reopened")
    SECOND_REVIEW = "second_review", gettext_lazy("Second review requested")
    REANCHORED = "reanchored", gettext_lazy("Re-anchored")
    ORPHANED = "orphaned", gettext_lazy("Orphaned")
    SOURCE_ATTACHED = "source_attached", gettext_lazy("Source attached")
    SOURCE_DETACHED = "source_detached", gettext_lazy("Source detached")
    PASSAGE_PINNED = "passage_pinned", gettext_lazy("Passage pinned")
    COMMENTED = "commented", gettext_lazy("Commented")
    LINKED = "linked", gettext_lazy("Linked to earlier claim")
    LOOKUP = "lookup", gettext_lazy("Lookup")
    PUBLISHED = "published", gettext_lazy("Published in the report")
    UNPUBLISHED = "unpublished", gettext_lazy("Withdrawn from the report")
    CORRECTED = "corrected", gettext_lazy("Correction published")
    CONFIRMED = "confirmed", gettext_lazy("Verdict confirmed for changed words")
    RESTORED = "restored", gettext_lazy("Restored to the check")


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
        indexes = [
            models.Index(fields=["article", "at"]),
            # The Insights page's published checks per week: the window's publications, not every event.
            models.Index(fields=["at"], include=["article"], name="event_published_at",
                         condition=models.Q(kind=EventKind.PUBLISHED)),
        ]

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
    # The article the notice is about: a burst of notices of one kind about one article is one row
    # (claims.services.common.notify), with how many claims it stands for.
    article = models.ForeignKey("articles.Article", null=True, blank=True, on_delete=models.CASCADE,
                                related_name="+")
    count = models.PositiveIntegerField(default=1)
    kind = models.CharField(max_length=32)
    message = models.CharField(max_length=500)
    # The same notice in each interface language ({"ar": …, "he": …, "en-gb": …}), written with it: a
    # member who switches language reads their notices in the new one, not in the one of the day
    # they came. `message` stays the text in the recipient's language of that day (the API's field).
    texts = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self) -> str:
        return self.message

    def text_in(self, language: str | None) -> str:
        """The notice in ``language`` when it was written in it ("ar", "en-gb", or "en" for any English)."""
        texts = self.texts or {}
        if language:
            found = texts.get(language) or next(
                (t for code, t in texts.items() if code.split("-")[0] == language.split("-")[0]), None)
            if found:
                return found
        return self.message

    @property
    def shown(self) -> str:
        """The notice in the active language (the reader's, on a page)."""
        return self.text_in(translation.get_language())
