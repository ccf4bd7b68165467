"""factcheck: a fact-checking desk for newsrooms."""

from factcheck.celery import app as celery_app

__all__ = ("celery_app",)
