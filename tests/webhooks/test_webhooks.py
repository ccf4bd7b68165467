"""Webhooks: editors register URLs behind the fetcher's guard; events arrive signed on a loopback receiver."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json

import pytest
from django.db import transaction
from django.utils import timezone

from factcheck.claims.models import ClaimStatus, Verdict
from factcheck.claims.services import claim_assign, claim_reopen, verdict_record
from factcheck.core.errors import InvalidInput, NotAllowed
from factcheck.publishing.models import Report
from factcheck.publishing.services import article_publish
from factcheck.publishing.webhooks import claims_overdue_emit, emit
from factcheck.webhooks import services
from factcheck.webhooks.models import DeliveryStatus, EventKind, Webhook, WebhookDelivery, WebhookEvent
from tests.support.factories import ArticleFactory, make_claim
from tests.support.worker import wait_for

ALL = [k.value for k in EventKind if k != EventKind.PING]


def _signed(received, secret: str) -> bool:
    expected = "sha256=" + hmac.new(secret.encode(), received.body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(received.headers.get("X-Factcheck-Signature", ""), expected)


def _delivered(delivery_id: int, status: str = DeliveryStatus.DELIVERED):
    def check():
        d = WebhookDelivery.objects.get(pk=delivery_id)
        return d if d.status == status else None
    return check


# --- registration -------------------------------------------------------------------------------


@pytest.mark.parametrize("url, reason", [
    ("http://127.0.0.1:8000/hook", "loopback"),
    ("http://10.1.2.3/hook", "private"),
    ("http://169.254.169.254/latest/meta-data/", "cloud metadata"),
    ("http://[::1]/hook", "loopback"),
    ("ftp://hooks.example.org/x", "only http and https"),
    ("http://user:pw@8.8.8.8/hook", "user names or passwords"),
    ("http://8.8.8.8:25/hook", "port 25 is not allowed"),
])
def test_webhook_urls_pass_the_same_guard_as_sources(editor, settings, url, reason):
    settings.FETCH_ALLOW_HOSTS = []
    with pytest.raises(InvalidInput, match=reason):
        services.webhook_create(actor=editor, url=url, events=ALL)
    assert not Webhook.objects.exists()


def test_only_editors_register_webhooks(reviewer, hook_settings, receiver):
    with pytest.raises(NotAllowed):
        services.webhook_create(actor=reviewer, url=receiver.url("/hook"), events=ALL)


def test_events_must_be_known(editor, hook_settings, receiver):
    with pytest.raises(InvalidInput, match="Unknown event"):
        services.webhook_create(actor=editor, url=receiver.url("/hook"), events=["claim.deleted"])
    with pytest.raises(InvalidInput, match="at least one"):
        services.webhook_create(actor=editor, url=receiver.url("/hook"), events=[])


def test_the_webhook_page_registers_and_refuses(client, editor, reviewer, hook_settings, receiver):
    client.force_login(reviewer)
    assert client.get("/webhooks/").status_code == 403
    client.force_login(editor)
    refused = client.post("/webhooks/", {"url": "http://10.0.0.5/hook", "events": ALL, "active": "on"})
    assert refused.status_code == 400
    assert "a private address" in refused.content.decode()
    created = client.post("/webhooks/", {"url": receiver.url("/page"), "description": "Desk Slack",
                                         "events": ["report.published"], "active": "on"})
    hook = Webhook.objects.get()
    assert created.status_code == 302 and created["Location"] == f"/webhooks/{hook.pk}/"
    assert (hook.events, hook.active, hook.description) == (["report.published"], True, "Desk Slack")
    page = client.get(f"/webhooks/{hook.pk}/").content.decode()
    assert hook.secret in page and "Nothing sent yet." in page


# --- events without a worker: what is recorded ----------------------------------------------------


def test_a_rolled_back_change_sends_nothing(editor, article, hook_settings, receiver):
    services.webhook_create(actor=editor, url=receiver.url("/hook"), events=ALL)
    with pytest.raises(RuntimeError), transaction.atomic():
        emit("report.published", article=article)
        raise RuntimeError("publishing failed after the event was written")
    assert not WebhookEvent.objects.exists() and not WebhookDelivery.objects.exists()


def test_events_go_only_to_active_subscribers(editor, article, hook_settings, receiver):
    wanted = services.webhook_create(actor=editor, url=receiver.url("/a"), events=["report.published"])
    services.webhook_create(actor=editor, url=receiver.url("/b"), events=["claim.overdue"])
    services.webhook_create(actor=editor, url=receiver.url("/c"), events=ALL, active=False)
    event = emit("report.published", article=article)
    assert [d.webhook_id for d in event.deliveries.all()] == [wanted.pk]
    assert emit("no.such.event", article=article) is None  # logged, never raised into the caller


def test_overdue_is_emitted_once_per_claim(editor, reviewer, hook_settings, receiver):
    services.webhook_create(actor=editor, url=receiver.url("/overdue"), events=["claim.overdue"])
    article = ArticleFactory(created_by=editor)
    late = make_claim(article, "14 survivors", status=ClaimStatus.ASSIGNED, assignee=reviewer,
                      due=timezone.localdate() - dt.timedelta(days=2))
    make_claim(article, "magnitude 6.1", status=ClaimStatus.ASSIGNED, assignee=reviewer,
               due=timezone.localdate() + dt.timedelta(days=2))
    make_claim(article, "more than 300 homes", status=ClaimStatus.RESOLVED, due=timezone.localdate() - dt.timedelta(days=9))
    assert claims_overdue_emit() == 1
    assert claims_overdue_emit() == 0
    event = WebhookEvent.objects.get(kind="claim.overdue")
    assert event.claim_id == late.pk
    assert "Overdue:" in event.payload["text"] and "Rita Reviewer" in event.payload["text"]
    # Told a week ago; since then the due date was moved and has passed again: that is news again.
    WebhookEvent.objects.filter(pk=event.pk).update(created_at=timezone.now() - dt.timedelta(days=7))
    late.due = timezone.localdate() - dt.timedelta(days=1)
    late.save()
    assert claims_overdue_emit() == 1
    assert claims_overdue_emit() == 0


# --- with a real worker and a loopback receiver -----------------------------------------------------


@pytest.mark.services
def test_published_report_arrives_signed_with_slack_text(hook_worker, editor, receiver):
    hook = services.webhook_create(actor=editor, url=receiver.url("/slack"), events=ALL)
    article = ArticleFactory(created_by=editor, title="Ørsted <water> & pipes")
    with transaction.atomic():
        event = emit("report.published", article=article)
    delivery = wait_for(_delivered(event.deliveries.get().pk), what="the delivery")
    [got] = receiver.at("/slack")
    assert _signed(got, hook.secret)
    assert got.headers["Content-Type"] == "application/json"
    assert got.headers["X-Factcheck-Event"] == "report.published"
    body = json.loads(got.body)
    assert body["event"] == "report.published" and body["id"] == event.pk
    # No report row (emitted directly): the link goes to the workspace.
    assert body["text"].startswith(f"Report published: <https://desk.example.org/articles/{article.pk}/|")
    assert "Ørsted &lt;water&gt; &amp; pipes" in body["text"]  # Slack's escaping
    assert body["article"]["title"] == "Ørsted <water> & pipes"
    assert (delivery.attempts, delivery.response_status, delivery.response_body) == (1, 200, "ok")


@pytest.mark.services
def test_a_failing_receiver_is_retried_with_backoff_until_it_answers(hook_worker, editor, receiver, article):
    receiver.plans["/flaky"] = [503, 500]
    hook = services.webhook_create(actor=editor, url=receiver.url("/flaky"), events=ALL)
    with transaction.atomic():
        event = emit("claim.corrected", article=article, claim=make_claim(article, "14 survivors"),
                     data={"from": {"verdict": "verified"}, "to": {"verdict": "disputed"}, "reason": "New log"})
    delivery = wait_for(_delivered(event.deliveries.get().pk), timeout=40, what="the third attempt")
    assert delivery.attempts == 3
    assert [e["status"] for e in delivery.log] == [503, 500, 200]
    attempts = receiver.at("/flaky")
    assert len(attempts) == 3 and all(_signed(a, hook.secret) for a in attempts)
    assert len({a.body for a in attempts}) == 1  # the same signed body each time
    text = json.loads(attempts[0].body)["text"]
    assert "verdict changed from verified to disputed. Claim: “14 survivors” — New log" in text


@pytest.mark.services
def test_a_receiver_that_refuses_is_not_retried_and_the_editor_sees_why(hook_worker, client, editor, receiver, article):
    receiver.plans["/gone"] = [404]
    hook = services.webhook_create(actor=editor, url=receiver.url("/gone"), events=ALL)
    with transaction.atomic():
        event = emit("article.ready", article=article, data={"resolved": 3})
    delivery = wait_for(_delivered(event.deliveries.get().pk, DeliveryStatus.FAILED), what="the failure")
    assert (delivery.attempts, delivery.response_status, delivery.error) == (1, 404, "HTTP 404")
    client.force_login(editor)
    page = client.get(f"/webhooks/{hook.pk}/").content.decode()
    assert "Article ready to publish" in page and "HTTP 404" in page and "Failed" in page


@pytest.mark.services
def test_the_test_button_sends_a_ping_listed_as_delivered(hook_worker, client, editor, receiver):
    hook = services.webhook_create(actor=editor, url=receiver.url("/ping"), events=["claim.overdue"])
    client.force_login(editor)
    assert client.post(f"/webhooks/{hook.pk}/ping/").status_code == 302
    delivery = wait_for(_delivered(WebhookDelivery.objects.get(webhook=hook).pk), what="the ping")
    assert json.loads(receiver.at("/ping")[0].body)["event"] == "ping"
    page = client.get(f"/webhooks/{hook.pk}/").content.decode()
    assert f'data-delivery="{delivery.pk}" data-status="delivered"' in page and "HTTP 200" in page


@pytest.mark.services
def test_the_publishing_loop_reaches_the_webhook(hook_worker, editor, reviewer, receiver):
    """Ready to publish, published, corrected: each told once, in order, by the publishing services themselves."""
    hook = services.webhook_create(actor=editor, url=receiver.url("/loop"), events=ALL)
    article = ArticleFactory(created_by=editor, title="Varnhold tremor")
    claim = make_claim(article, "in over 40 years")
    claim_assign(actor=editor, claim_id=claim.pk, reviewer=reviewer)
    verdict_record(actor=reviewer, claim_id=claim.pk, verdict=Verdict.UNVERIFIABLE, rationale="No records.")
    wait_for(lambda: len(receiver.at("/loop")) == 1, what="the ready event")
    article_publish(actor=editor, article_id=article.pk)
    wait_for(lambda: len(receiver.at("/loop")) == 2, what="the published event")
    claim_reopen(actor=editor, claim_id=claim.pk, reason="A 1979 record turned up")
    claim_assign(actor=editor, claim_id=claim.pk, reviewer=reviewer)
    verdict_record(actor=reviewer, claim_id=claim.pk, verdict=Verdict.UNVERIFIABLE, rationale="Still none.")
    got = wait_for(lambda: (r := receiver.at("/loop")) and len(r) >= 3 and r, what="the correction")
    bodies = [json.loads(r.body) for r in got]
    assert [b["event"] for b in bodies] == ["article.ready", "report.published", "claim.corrected"]
    assert all(_signed(r, hook.secret) for r in got)
    public = f"https://desk.example.org{Report.objects.get(article=article).get_absolute_url()}"
    assert bodies[0]["text"].startswith(f"Ready to publish: <https://desk.example.org/articles/{article.pk}/|")
    assert bodies[1]["text"] == f"Report published: <{public}|“Varnhold tremor”>."
    assert bodies[1]["article"]["report_url"] == public
    assert bodies[2]["claim"]["id"] == claim.pk and "A 1979 record turned up" in bodies[2]["text"]
    assert WebhookDelivery.objects.filter(webhook=hook, status="delivered").count() == 3


def test_the_sweeper_resends_lost_deliveries_and_frees_stuck_ones(editor, article, hook_settings, receiver, monkeypatch):
    sent: list[int] = []
    monkeypatch.setattr(services, "enqueue", lambda pk, countdown=None: sent.append(pk) or True)
    services.webhook_create(actor=editor, url=receiver.url("/sweep"), events=ALL)
    lost, fresh, stuck = (emit("report.published", article=article).deliveries.get() for _ in range(3))
    long_ago = timezone.now() - dt.timedelta(minutes=30)
    WebhookDelivery.objects.filter(pk=lost.pk).update(next_attempt_at=long_ago)
    WebhookDelivery.objects.filter(pk=stuck.pk).update(status=DeliveryStatus.SENDING, last_attempt_at=long_ago)
    sent.clear()
    services.deliveries_sweep()
    assert lost.pk in sent and fresh.pk not in sent  # a just-written delivery still has its own message
    stuck.refresh_from_db()
    assert stuck.status == DeliveryStatus.RETRYING  # a worker died mid-send: it may be tried again


def test_backoff_doubles_up_to_an_hour(settings):
    settings.WEBHOOK_RETRY_BACKOFF = 30
    assert [services.backoff(n) for n in (1, 2, 3, 4, 9)] == [30, 60, 120, 240, 3600]
