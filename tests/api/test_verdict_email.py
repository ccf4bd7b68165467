"""A burst of verdicts on one article: the editor's grouped notice is emailed once with its total, and
the burst enqueues one delayed email task, not one per verdict (each was a Celery publish, a tenth of
a verdict's CPU); the task that finds the group still growing waits for the rest of the window."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail

from factcheck.claims.models import Claim, ClaimStatus, Notification
from factcheck.claims.services.notices import group_window
from factcheck.claims.tasks import notification_email
from tests.support.factories import ArticleFactory, make_claim

pytestmark = pytest.mark.django_db

QUOTES = ["pulled 14 survivors", "magnitude 6.1", "more than 300 homes", "at least 9 people", "two bridges",
          "40 aftershocks"]
TEXT = ("Rescue teams pulled 14 survivors from the rubble. The quake measured magnitude 6.1. It damaged more than "
        "300 homes and left at least 9 people dead. It closed two bridges. Seismologists counted 40 aftershocks.\n")


def _verdicts(client, claims) -> None:
    for claim in claims:
        claim = Claim.objects.get(pk=claim.pk)
        response = client.post(f"/api/claims/{claim.pk}/verdict/", {
            "verdict": "unverifiable", "rationale": "No published figures.", "version": claim.version}, format="json")
        assert response.status_code == 200, response.content[:300]


@pytest.mark.parametrize("one_statement", [True, False], ids=["one-statement", "orm"])
def test_a_burst_of_verdicts_enqueues_one_follow_up_email_and_sends_the_total_once(
        settings, editor, reviewer, as_reviewer, no_broker, django_capture_on_commit_callbacks, one_statement):
    settings.VERDICT_SQL = one_statement
    editor.email, editor.email_notifications, editor.daily_digest = "edna@desk.example", True, False
    editor.save(update_fields=["email", "email_notifications", "daily_digest"])
    article = ArticleFactory(created_by=editor, title="Quake in Varnhold", text=TEXT)
    claims = [make_claim(article, q, status=ClaimStatus.ASSIGNED, assignee=reviewer) for q in QUOTES]
    make_claim(article, "Seismologists counted")  # still open: the article is not ready (no "ready" notice)
    with django_capture_on_commit_callbacks(execute=True):
        _verdicts(as_reviewer, claims[:1])
    note = Notification.objects.get(recipient=editor, kind="resolved")
    assert no_broker == [("factcheck.claims.tasks.notification_email", (note.pk,))]  # its email, at once
    notification_email(note.pk)  # the worker sends it
    assert len(mail.outbox) == 1
    no_broker.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _verdicts(as_reviewer, claims[1:])
    note.refresh_from_db()
    assert (note.count, note.emailed_at) == (6, None)
    # One follow-up for the five verdicts (each enqueued its own before).
    assert no_broker == [("factcheck.claims.tasks.notification_email", (note.pk,))]
    # Run a window after the second verdict, the group grew since: it waits, and sends nothing yet.
    Notification.objects.filter(pk=note.pk).update(created_at=note.created_at - group_window() / 2)
    no_broker.clear()
    assert notification_email(note.pk, grouped=True) is False
    assert no_broker == [("factcheck.claims.tasks.notification_email", (note.pk,))]
    assert len(mail.outbox) == 1
    # Run again once the group has settled: the editor's one follow-up email tells the total.
    Notification.objects.filter(pk=note.pk).update(created_at=note.created_at - group_window() - dt.timedelta(seconds=1))
    no_broker.clear()
    assert notification_email(note.pk, grouped=True) is True
    assert no_broker == []
    assert len(mail.outbox) == 2 and "6 claims resolved on" in mail.outbox[1].subject
    assert notification_email(note.pk, grouped=True) is False and len(mail.outbox) == 2  # once


def test_a_follow_up_waits_only_as_long_as_the_window_has_left(editor, reviewer, no_broker, monkeypatch):
    editor.email, editor.email_notifications, editor.daily_digest = "edna@desk.example", True, False
    editor.save(update_fields=["email", "email_notifications", "daily_digest"])
    article = ArticleFactory(created_by=editor, title="Quake in Varnhold")
    from django.utils import timezone

    note = Notification.objects.create(recipient=editor, article=article, kind="resolved", count=3,
                                       message="3 claims resolved")
    Notification.objects.filter(pk=note.pk).update(created_at=timezone.now() - dt.timedelta(seconds=100))
    waits = []
    monkeypatch.setattr("celery.app.task.Task.apply_async",
                        lambda self, args=None, kwargs=None, **options: waits.append((args, kwargs, options)))
    assert notification_email(note.pk, grouped=True) is False
    [(args, kwargs, options)] = waits
    assert args == (note.pk,) and kwargs == {"grouped": True}
    assert group_window().total_seconds() - 100 - 5 < options["countdown"] <= group_window().total_seconds() - 100
    # A member who reads the digest (or turned email off) is not emailed: no waiting either.
    editor.daily_digest = True
    editor.save(update_fields=["daily_digest"])
    waits.clear()
    assert notification_email(note.pk, grouped=True) is False and waits == []
