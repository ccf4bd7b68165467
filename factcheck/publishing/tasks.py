"""Beat tasks of publishing: tell webhooks about claims that became overdue (once each)."""

from __future__ import annotations

from celery import shared_task

from factcheck.publishing.webhooks import claims_overdue_emit


@shared_task(name="factcheck.publishing.tasks.claims_overdue_emit")
def claims_overdue_emit_task() -> int:
    return claims_overdue_emit()
