"""Sources, their snapshots, the evidence linking them to claims, and lookups."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy


class Source(models.Model):
    url = models.URLField(max_length=2000, blank=True)
    file = models.FileField(upload_to="sources/%Y/%m/", blank=True)
    filename = models.CharField(max_length=255, blank=True)
    title = models.CharField(max_length=500, blank=True)
    publisher = models.CharField(max_length=300, blank=True)
    author = models.CharField(max_length=300, blank=True)
    published = models.CharField(max_length=64, blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    # None until judged: a fetch (or upload) decides, against the article(s) it serves.
    independent = models.BooleanField(null=True, blank=True)
    independence_reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["url"])]

    def __str__(self) -> str:
        return self.title or self.url or self.filename or f"source {self.pk}"

    @property
    def latest_snapshot(self):
        return self.snapshots.order_by("-fetched_at", "-id").first()


class Snapshot(models.Model):
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="snapshots")
    fetched_at = models.DateTimeField()
    final_url = models.URLField(max_length=2000, blank=True)
    status_code = models.PositiveIntegerField(null=True, blank=True)
    content_type = models.CharField(max_length=200, blank=True)
    sha256 = models.CharField(max_length=64)
    title = models.CharField(max_length=500, blank=True)
    publisher = models.CharField(max_length=300, blank=True)
    author = models.CharField(max_length=300, blank=True)
    published = models.CharField(max_length=64, blank=True)
    text = models.TextField(blank=True)
    metadata = models.JSONField(default=dict, blank=True)
    changed = models.BooleanField(default=False, help_text=gettext_lazy("Content differs from the previous snapshot."))

    class Meta:
        ordering = ["-fetched_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["source", "sha256"], name="one_snapshot_per_content")]

    def __str__(self) -> str:
        return f"snapshot of source {self.source_id} at {self.fetched_at:%Y-%m-%d %H:%M}"


class Stance(models.TextChoices):
    SUPPORTS = "supports", gettext_lazy("Supports")
    REFUTES = "refutes", gettext_lazy("Refutes")
    CONTEXT = "context", gettext_lazy("Context")


class Evidence(models.Model):
    claim = models.ForeignKey("claims.Claim", on_delete=models.CASCADE, related_name="evidence")
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="evidence")
    stance = models.CharField(max_length=16, choices=Stance.choices, default=Stance.CONTEXT)
    note = models.TextField(blank=True)
    snapshot = models.ForeignKey(Snapshot, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    passage_start = models.PositiveIntegerField(null=True, blank=True)
    passage_end = models.PositiveIntegerField(null=True, blank=True)
    passage_quote = models.TextField(blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["claim", "source"], name="one_evidence_per_claim_source")]

    def __str__(self) -> str:
        return f"{self.stance}: source {self.source_id} for claim {self.claim_id}"


class LookupKind(models.TextChoices):
    FETCH = "fetch", gettext_lazy("Fetch and snapshot")
    FIGURE_CHECK = "figure_check", gettext_lazy("Figure check")
    SIMILAR = "similar", gettext_lazy("Similar claims")
    EXTERNAL = "external", gettext_lazy("External fact-checks")
    IMPORT = "import", gettext_lazy("Article import")


class LookupStatus(models.TextChoices):
    QUEUED = "queued", gettext_lazy("Queued")
    RUNNING = "running", gettext_lazy("Running")
    DONE = "done", gettext_lazy("Done")
    FAILED = "failed", gettext_lazy("Failed")
    BLOCKED = "blocked", gettext_lazy("Blocked")


class Lookup(models.Model):
    kind = models.CharField(max_length=16, choices=LookupKind.choices)
    claim = models.ForeignKey("claims.Claim", null=True, blank=True, on_delete=models.CASCADE, related_name="lookups")
    source = models.ForeignKey(Source, null=True, blank=True, on_delete=models.CASCADE, related_name="lookups")
    url = models.URLField(max_length=2000, blank=True, help_text=gettext_lazy("For imports: the page to read."))
    status = models.CharField(max_length=16, choices=LookupStatus.choices, default=LookupStatus.QUEUED)
    attempts = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    deadline = models.DateTimeField(null=True, blank=True)
    # While running: the worker process that took it, and until when it holds it (renewed by
    # that process's heartbeat; see sources/workers.py).
    worker = models.CharField(max_length=200, blank=True)
    lease_until = models.DateTimeField(null=True, blank=True)
    result = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "deadline"]), models.Index(fields=["claim", "kind"])]

    def __str__(self) -> str:
        return f"{self.kind} lookup {self.pk} ({self.status})"

    @property
    def is_finished(self) -> bool:
        return self.status in (LookupStatus.DONE, LookupStatus.FAILED, LookupStatus.BLOCKED)


class Worker(models.Model):
    """A lookup worker process, as its heartbeat last reported it (sources/workers.py)."""

    name = models.CharField(max_length=200, unique=True)
    queues = models.CharField(max_length=200, blank=True)
    started_at = models.DateTimeField()
    seen_at = models.DateTimeField()
    running = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"worker {self.name}"
