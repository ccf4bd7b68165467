"""Rebuild everything derived from the rows: article progress counts, claims per type and day, claims
being checked per due date, reviews' assignment times and search vectors.

For bulk imports, restores and repairs. Idempotent: a second run writes nothing.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from factcheck.claims.derived import refresh_all


class Command(BaseCommand):
    help = ("Rebuild article progress counts, claims per type and day, claims per due date, reviews' assignment "
            "times and full-text search vectors from the claims, articles and events.")

    def handle(self, *args, **options) -> None:
        written = refresh_all()
        self.stdout.write(
            f"progress rows updated: {written['progress']}, article vectors: {written['article_vectors']}, "
            f"claim vectors: {written['claim_vectors']}, type days: {written['type_days']}, "
            f"due days: {written['due_days']}, "
            f"review assignments: {written['review_assignments']}"
        )
