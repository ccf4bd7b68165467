"""Articles and their immutable text revisions."""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from factcheck.articles.language import Language, text_direction


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
    # The language of the text (BCP-47): detected when the article is pasted or imported, editable.
    # It sets lang/dir of the text on every page, ClaimReview's inLanguage and the suggestion engine.
    language = models.CharField(max_length=8, choices=Language.choices, default=Language.ENGLISH)
    # Derived (PostgreSQL only): title, outlet, author and current text as a tsvector, kept by the
    # article services, GIN-indexed, rebuilt by `manage.py refresh_derived`. Empty on SQLite.
    search = SearchVectorField(null=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        # The list's order (newest first) as one index, so a page is an index walk, not a sort.
        # By language: the similar-claims lookup reads the claims of articles in another language
        # than the claim's (sources/providers/similar.py), a few articles of many.
        indexes = [models.Index(fields=["outlet"]), models.Index(fields=["-created_at", "-id"], name="article_newest"),
                   models.Index(fields=["language"], name="article_language")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("article_detail", args=[self.pk])

    @property
    def text_dir(self) -> str:
        """dir="" of the article's own text (and its claims' quotes): rtl, ltr or auto."""
        return text_direction(self.language)

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


class ArticleEventKind(models.TextChoices):
    CREATED = "created", gettext_lazy("Created")
    EDITED = "edited", gettext_lazy("Details edited")
    REVISED = "revised", gettext_lazy("Text revised")


class ArticleEventQuerySet(models.QuerySet):
    """Bulk writes would bypass the row-level guard below (the same rule as ClaimEvent)."""

    def update(self, **kwargs):
        raise RuntimeError("ArticleEvent rows are append-only")

    def delete(self):
        raise RuntimeError("ArticleEvent rows are append-only")


class ArticleEvent(models.Model):
    """Append-only audit row of an article: who created it, changed its details or revised its text, and how."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    kind = models.CharField(max_length=16, choices=ArticleEventKind.choices)
    data = models.JSONField(default=dict, blank=True)

    objects = ArticleEventQuerySet.as_manager()

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["article", "at"])]

    def __str__(self) -> str:
        return f"{self.kind} on article {self.article_id} at {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise RuntimeError("ArticleEvent rows are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise RuntimeError("ArticleEvent rows are append-only")
