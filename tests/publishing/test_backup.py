"""export_newsroom / import_newsroom: a whole newsroom round-trips, on PostgreSQL and SQLite, and between them."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from factcheck.articles.models import ArticleRevision
from factcheck.claims.models import ClaimEvent, ClaimStatus, Comment, EventKind, Notification, Review, Verdict
from factcheck.publishing.backup import ImportRefused, newsroom_export, newsroom_import, newsroom_models
from factcheck.sources.models import Evidence, Lookup, LookupKind, Snapshot, Source, Stance
from factcheck.webhooks.models import Webhook, WebhookDelivery, WebhookEvent
from tests.support import services
from tests.support.factories import ArticleFactory, make_claim

ROOT = Path(__file__).resolve().parents[2]


def manage(*args: str, database_url: str, timeout: int = 240) -> subprocess.CompletedProcess:
    env = dict(os.environ, DATABASE_URL=database_url)
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=timeout)


@pytest.fixture
def newsroom(editor, reviewer, other_reviewer):
    article = ArticleFactory(created_by=editor, title="Ørsted «pipes»", url="https://echo.example/p",
                             published_at=dt.date(2026, 11, 3))
    second = ArticleRevision.objects.create(article=article, number=2, created_by=editor, note="typo",
                                            text=article.text.replace("Sunday", "Monday"))
    article.current_revision = second
    article.save()
    first = make_claim(article, "14 survivors", status=ClaimStatus.RESOLVED, verdict=Verdict.DISPUTED,
                       rating="inaccurate", rationale="Log says 11.", assignee=reviewer, types=["quantity"],
                       quantities=[{"value": 14, "unit": "survivors", "qualifier": "", "text": "14 survivors"}],
                       due=dt.date(2026, 12, 1), resolved_at=timezone.now(), score=0.875)
    repeat = make_claim(article, "magnitude 6.1", same_as=first, second_reviewer=other_reviewer)
    Review.objects.create(claim=first, reviewer=reviewer, verdict=Verdict.DISPUTED, rationale="Log says 11.")
    ClaimEvent.objects.create(claim=first, article=article, actor=reviewer, kind=EventKind.RESOLVED,
                              from_status="in_review", to_status="resolved", verdict="disputed", data={"z": 1, "a": [2]})
    ClaimEvent.objects.create(claim=repeat, article=article, actor=None, kind=EventKind.LOOKUP, note="similar")
    Comment.objects.create(claim=first, author=editor, body="Check the 2019 log too — ça va?")
    Notification.objects.create(recipient=reviewer, claim=first, kind="assigned", message="You have a claim")
    source = Source.objects.create(url="https://board.example/log", title="Log", added_by=reviewer, independent=True)
    snap = Snapshot.objects.create(source=source, fetched_at=timezone.now(), sha256="cd" * 32, text="11 survivors",
                                   metadata={"lang": "en"})
    Evidence.objects.create(claim=first, source=source, stance=Stance.REFUTES, snapshot=snap, passage_start=0,
                            passage_end=12, passage_quote="11 survivors", added_by=reviewer)
    Lookup.objects.create(kind=LookupKind.FETCH, source=source, status="done", result={"sha": "cd"}, attempts=1)
    hook = Webhook.objects.create(url="https://hooks.example.org/x", events=["report.published"], created_by=editor)
    event = WebhookEvent.objects.create(kind="report.published", article=article, payload={"text": "hi"})
    WebhookDelivery.objects.create(event=event, webhook=hook, status="delivered", attempts=1, log=[{"status": 200}])
    return article


def _export(tmp_path: Path, *flags: str) -> bytes:
    path = tmp_path / f"export{'-'.join(flags)}.json"
    call_command("export_newsroom", str(path), *flags)
    return path.read_bytes()


def _round_trip(database_url: str, document: Path, tmp_path: Path, *flags: str) -> bytes:
    migrated = manage("migrate", "--noinput", database_url=database_url)
    assert migrated.returncode == 0, migrated.stderr
    loaded = manage("import_newsroom", str(document), database_url=database_url)
    assert loaded.returncode == 0, loaded.stderr
    again = tmp_path / "again.json"
    exported = manage("export_newsroom", str(again), *flags, database_url=database_url)
    assert exported.returncode == 0, exported.stderr
    refused = manage("import_newsroom", str(document), database_url=database_url)
    assert refused.returncode != 0 and "not empty" in refused.stderr
    return again.read_bytes()


def test_the_document_has_every_table_and_no_secrets_by_default(newsroom, tmp_path, editor):
    doc = json.loads(_export(tmp_path))
    assert doc["format"] == "factcheck-newsroom" and doc["with_secrets"] is False
    tables = doc["tables"]
    for key in ("accounts.user", "articles.article", "articles.articlerevision", "claims.claim", "claims.review",
                "claims.claimevent", "claims.comment", "claims.notification", "sources.source", "sources.snapshot",
                "sources.evidence", "sources.lookup", "webhooks.webhook", "webhooks.webhookevent",
                "webhooks.webhookdelivery"):
        assert tables[key], key
    assert set(tables) == {m._meta.label_lower for m in newsroom_models()}
    assert all("password" not in u for u in tables["accounts.user"])
    assert all("secret" not in h for h in tables["webhooks.webhook"])
    article = tables["articles.article"][0]
    assert article["current_revision_id"] == tables["articles.articlerevision"][1]["id"]
    assert tables["claims.comment"][0]["body"] == "Check the 2019 log too — ça va?"


@pytest.mark.services
def test_round_trip_through_an_empty_postgresql_database(newsroom, tmp_path):
    url = services.require_postgres()
    original = _export(tmp_path)
    import psycopg

    base = url.rsplit("/", 1)[0]
    name = f"fc_loop_backup_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        document = tmp_path / "original.json"
        document.write_bytes(original)
        assert _round_trip(f"{base}/{name}", document, tmp_path) == original
        # Ids were kept and the sequences moved past them: a new row does not collide.
        with psycopg.connect(f"{base}/{name}") as conn:
            conn.execute("INSERT INTO claims_comment (claim_id, author_id, body, created_at) "
                         "SELECT claim_id, author_id, 'new', now() FROM claims_comment LIMIT 1")
    finally:
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_round_trip_through_sqlite_with_secrets(newsroom, tmp_path, editor):
    plain = _export(tmp_path)
    secret = _export(tmp_path, "--with-secrets")
    doc = json.loads(secret)
    assert doc["tables"]["accounts.user"][0]["password"] == editor.password
    document = tmp_path / "secret.json"
    document.write_bytes(secret)
    db = tmp_path / "moved.sqlite3"
    assert _round_trip(f"sqlite:///{db}", document, tmp_path, "--with-secrets") == secret
    # and the plain document moves too: members arrive without a usable password, webhooks with a new secret
    db2 = tmp_path / "plain.sqlite3"
    document.write_bytes(plain)
    assert _round_trip(f"sqlite:///{db2}", document, tmp_path) == plain
    with sqlite3.connect(db2) as conn:
        passwords = [r[0] for r in conn.execute("SELECT password FROM accounts_user")]
        secrets_ = [r[0] for r in conn.execute("SELECT secret FROM webhooks_webhook")]
    assert passwords and all(p.startswith("!") for p in passwords)
    assert secrets_ and secrets_[0] and secrets_[0] != Webhook.objects.get().secret


def test_import_refuses_a_non_empty_database_and_foreign_documents(newsroom):
    with pytest.raises(ImportRefused, match="not empty"):
        newsroom_import(newsroom_export())
    with pytest.raises(ImportRefused, match="Not a factcheck newsroom"):
        newsroom_import({"format": "something else"})
    with pytest.raises(ImportRefused, match=r"does not know: claims\.widget"):
        newsroom_import({"format": "factcheck-newsroom", "version": 1, "tables": {"claims.widget": []}})
