"""Articles and their immutable text revisions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse


class Article(models.Model):
    title = models.CharField(max_length=300)
    outlet = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=2000, blank=True)
    author = models.CharField(max_length=200, blank=True)
    published_at = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    current_revision = models.ForeignKey(
        "articles.ArticleRevision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Bumped by every change through a service; a stale edit form is refused.
    version = models.PositiveIntegerField(default=1)
    published_report = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["outlet"]), models.Index(fields=["created_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("article_detail", args=[self.pk])

    @property
    def text(self) -> str:
        return self.current_revision.text if self.current_revision_id else ""


class ArticleRevision(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    text = models.TextField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["article", "number"]
        constraints = [models.UniqueConstraint(fields=["article", "number"], name="unique_revision_number")]

    def __str__(self) -> str:
        return f"{self.article_id} r{self.number}"


class ArticleChange(models.Model):
    """Append-only audit row of an edit to an article's details (title, outlet, author, date, URL).

    Text edits are audited by their ArticleRevision; details have no revision, so this row
    keeps who changed what from what.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="changes")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(help_text="The article's version after the change.")
    before = models.JSONField(default=dict)
    after = models.JSONField(default=dict)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"details of article {self.article_id} changed at {self.at:%Y-%m-%d %H:%M}"
