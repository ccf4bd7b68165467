"""The public report of a check, its claims as published, and the dated events readers and integrations see."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext, gettext_lazy

from factcheck.claims.models import Verdict
from factcheck.claims.ratings import rating_label
from factcheck.core.text import join_list

# Lower-case letters and digits only: the token is the part after the last "-" of the report's path,
# so it must not contain one itself. 16 characters of 36 give 82 bits, far beyond guessing.
TOKEN_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"
TOKEN_LENGTH = 16


def new_token() -> str:
    return "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(TOKEN_LENGTH))


class ReportStatus(models.TextChoices):
    DRAFT = "draft", gettext_lazy("Not published")
    PUBLISHED = "published", gettext_lazy("Published")
    WITHDRAWN = "withdrawn", gettext_lazy("Withdrawn")


class Report(models.Model):
    """One per article, made when the article first becomes ready or is first published.

    Its URL (slug + token) never changes once made, so links shared before a
    withdrawal or a correction still lead to the same page.
    """

    article = models.OneToOneField("articles.Article", on_delete=models.CASCADE, related_name="report")
    slug = models.SlugField(max_length=80, allow_unicode=True)
    token = models.CharField(max_length=32, unique=True, default=new_token)
    status = models.CharField(max_length=16, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    first_published_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True, help_text=gettext_lazy("The latest publication."))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    modified_at = models.DateTimeField(null=True, blank=True, help_text=gettext_lazy("The latest correction."))
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    withdrawn_reason = models.TextField(blank=True)
    # Set when the assigning editor was told the article is ready; cleared when it stops being ready,
    # so the next time it becomes ready they hear again (once), not on every later change.
    ready_notified_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    def __str__(self) -> str:
        return f"report of article {self.article_id} ({self.status})"

    def get_absolute_url(self) -> str:
        return reverse("report_public", kwargs={"slug": self.slug or "report", "token": self.token})

    @property
    def is_public(self) -> bool:
        return self.status == ReportStatus.PUBLISHED


class ReportEntry(models.Model):
    """A claim as the report last published it: the verdict readers saw, kept when the claim is reopened."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="entries")
    claim = models.OneToOneField("claims.Claim", on_delete=models.CASCADE, related_name="report_entry")
    verdict = models.CharField(max_length=16)
    rating = models.CharField(max_length=64, blank=True)
    rationale = models.TextField(blank=True)
    published_at = models.DateTimeField()
    corrected_at = models.DateTimeField(null=True, blank=True)
    # While set, the claim was reopened after publication and the report says it is under review again.
    under_review_since = models.DateTimeField(null=True, blank=True)
    review_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["report", "claim__start", "claim_id"]

    def __str__(self) -> str:
        return f"claim {self.claim_id} in report {self.report_id}"


class PublishingEventKind(models.TextChoices):
    ARTICLE_READY = "article_ready", gettext_lazy("Ready to publish")
    REPORT_PUBLISHED = "report_published", gettext_lazy("Report published")
    REPORT_WITHDRAWN = "report_withdrawn", gettext_lazy("Report withdrawn")
    CLAIM_UNDER_REVIEW = "claim_under_review", gettext_lazy("Claim under review again")
    CLAIM_CORRECTED = "claim_corrected", gettext_lazy("Claim corrected")
    CLAIM_ADDED = "claim_added", gettext_lazy("Claim added to the report")


# The kinds a reader of the report sees as dated notes.
PUBLIC_NOTES = (
    PublishingEventKind.REPORT_PUBLISHED,
    PublishingEventKind.REPORT_WITHDRAWN,
    PublishingEventKind.CLAIM_CORRECTED,
    PublishingEventKind.CLAIM_ADDED,
)


class PublishingEvent(models.Model):
    """Append-only: what happened to a report, in order.

    The report page reads its dated notes (corrections, withdrawal) from here; webhooks
    are told through ``webhooks.emit`` when a row is written and keep their own delivery
    rows, so these rows carry no delivery state.
    """

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="events")
    claim = models.ForeignKey("claims.Claim", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    kind = models.CharField(max_length=32, choices=PublishingEventKind.choices)
    at = models.DateTimeField()
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    reason = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["report", "at"])]

    def __str__(self) -> str:
        return f"{self.kind} on report {self.report_id} at {self.at:%Y-%m-%d %H:%M}"

    @property
    def text(self) -> str:
        """The note a reader sees, without its date: "verdict changed from verified to disputed — reason"."""
        data = self.data or {}
        # Written at read time in the reader's language; the reason is the editor's own words.
        reason = f" — {self.reason}" if self.reason else ""
        if self.kind == PublishingEventKind.CLAIM_CORRECTED:
            before, after = data.get("from", {}), data.get("to", {})
            changes = []
            if before.get("verdict") != after.get("verdict"):
                changes.append(gettext("verdict changed from %(before)s to %(after)s")
                               % {"before": _word(before.get("verdict")), "after": _word(after.get("verdict"))})
            if (before.get("rating") or "") != (after.get("rating") or ""):
                if before.get("rating") and after.get("rating"):
                    changes.append(gettext("rating changed from %(before)s to %(after)s")
                                   % {"before": _rating_word(before["rating"]), "after": _rating_word(after["rating"])})
                elif after.get("rating"):
                    changes.append(gettext("rated %(rating)s") % {"rating": _rating_word(after["rating"])})
                else:
                    changes.append(gettext("rating %(rating)s removed") % {"rating": _rating_word(before["rating"])})
            if not changes:
                changes.append(gettext("checked again, verdict unchanged (%(verdict)s)")
                               % {"verdict": _word(after.get("verdict"))})
            return join_list(changes, semicolon=True) + reason
        if self.kind == PublishingEventKind.REPORT_WITHDRAWN:
            return gettext("this fact check was withdrawn") + reason
        if self.kind == PublishingEventKind.REPORT_PUBLISHED:
            return gettext("published again") if data.get("republished") else gettext("published")
        if self.kind == PublishingEventKind.CLAIM_ADDED:
            return gettext("claim added to this check, %(verdict)s") % {"verdict": _word(data.get("to", {}).get("verdict"))}
        if self.kind == PublishingEventKind.CLAIM_UNDER_REVIEW:
            if data.get("cause") == "text_changed":
                return gettext("under review again: the article's text changed after its verdict") + reason
            return gettext("under review again") + reason
        return self.get_kind_display().lower() + reason


def _word(verdict: str | None) -> str:
    return Verdict(verdict).label.lower() if verdict in Verdict.values else (verdict or gettext("none"))


def _rating_word(rating: str) -> str:
    """A rating inside a sentence, as _word does for verdicts: "rating changed from accurate to misleading"."""
    return rating_label(rating).lower()
