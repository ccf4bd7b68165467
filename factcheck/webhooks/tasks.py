"""Celery tasks of webhooks: send one delivery (with retries and backoff), and the sweeper."""

from __future__ import annotations

from celery import shared_task

from factcheck.webhooks import services


@shared_task(name="factcheck.webhooks.tasks.webhook_deliver", bind=True, acks_late=True, max_retries=None,
             soft_time_limit=90, time_limit=120)
def webhook_deliver(self, delivery_id: int) -> None:
    """One attempt; a failure worth retrying comes back after the row's backoff (1×, 2×, 4× … the base)."""
    countdown = services.delivery_attempt(delivery_id)
    if countdown is not None:
        # The row already says "retrying" and when; the message only wakes the next attempt.
        raise self.retry(countdown=countdown)  # same queue as this message (Celery keeps its routing)


@shared_task(name="factcheck.webhooks.tasks.webhooks_sweep")
def webhooks_sweep() -> int:
    return services.deliveries_sweep()
