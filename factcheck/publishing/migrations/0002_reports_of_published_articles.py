"""Articles published before reports had their own rows get one (same verdicts, a fresh token)."""

import secrets

from django.db import migrations
from django.utils.text import slugify

ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"


def forwards(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    Claim = apps.get_model("claims", "Claim")
    Report = apps.get_model("publishing", "Report")
    ReportEntry = apps.get_model("publishing", "ReportEntry")
    for article in Article.objects.filter(published_report=True, report__isnull=True):
        report = Report.objects.create(
            article=article, slug=slugify(article.title)[:60].strip("-") or "report",
            token="".join(secrets.choice(ALPHABET) for _ in range(16)), status="published",
            first_published_at=article.updated_at, published_at=article.updated_at,
        )
        for claim in Claim.objects.filter(article=article, status="resolved"):
            ReportEntry.objects.create(report=report, claim=claim, verdict=claim.verdict, rating=claim.rating,
                                       rationale=claim.rationale, published_at=claim.resolved_at or article.updated_at)


class Migration(migrations.Migration):
    dependencies = [("publishing", "0001_initial"), ("claims", "0002_event_kinds_publishing")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
