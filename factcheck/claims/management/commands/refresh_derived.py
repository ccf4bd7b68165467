"""Rebuild everything derived from the rows: article progress counts and search vectors.

For bulk imports, restores and repairs. Idempotent: a second run writes nothing.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from factcheck.claims.derived import refresh_all


class Command(BaseCommand):
    help = "Rebuild article progress counts and full-text search vectors from the claims and articles."

    def handle(self, *args, **options) -> None:
        written = refresh_all()
        self.stdout.write(
            f"progress rows updated: {written['progress']}, article vectors: {written['article_vectors']}, "
            f"claim vectors: {written['claim_vectors']}"
        )
