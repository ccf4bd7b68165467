"""Outgoing webhooks: editors' subscriptions, the events factcheck sends and every delivery attempt.

Events are written by ``factcheck.publishing.webhooks.emit`` inside the transaction of the change they
report; each subscribed webhook gets a delivery row, sent after commit by a Celery task through the
SSRF-safe client ``factcheck.sources.fetch`` (see services.py and tasks.py).
"""
