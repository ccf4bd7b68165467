"""The Django admin lists and opens every model; the audit trail cannot be edited there."""

from __future__ import annotations

import pytest
from django.urls import reverse

from factcheck.accounts.models import Role
from factcheck.claims.models import ClaimEvent
from factcheck.claims.services import comment_add
from tests.support.factories import UserFactory

MODELS = [
    "accounts/user", "articles/article", "articles/articlerevision", "claims/claim", "claims/review",
    "claims/claimevent", "claims/comment", "claims/notification", "sources/source", "sources/snapshot",
    "sources/evidence", "sources/lookup",
]


@pytest.fixture
def admin_client(client, db):
    root = UserFactory(username="root", role=Role.ADMIN, is_staff=True, is_superuser=True)
    client.force_login(root)
    return client


@pytest.mark.parametrize("model", MODELS)
def test_admin_changelist_renders_with_search(admin_client, desk, model):
    response = admin_client.get(f"/admin/{model}/", {"q": "quake"})
    assert response.status_code == 200


def test_admin_manages_roles(admin_client, reviewer):
    page = admin_client.get(reverse("admin:accounts_user_change", args=[reviewer.pk])).content.decode()
    assert 'name="role"' in page
    listing = admin_client.get(reverse("admin:accounts_user_changelist"), {"role__exact": "reviewer"}).content.decode()
    assert "rita" in listing


def test_audit_events_are_read_only_in_the_admin(admin_client, desk, editor):
    comment_add(actor=editor, claim_id=desk.open.pk, body="Check the ministry list.")
    event = ClaimEvent.objects.latest("id")
    change = reverse("admin:claims_claimevent_change", args=[event.pk])
    assert admin_client.get(change).status_code == 200  # viewable
    response = admin_client.post(change, {"note": "rewritten"})
    assert response.status_code == 403
    assert admin_client.post(reverse("admin:claims_claimevent_delete", args=[event.pk]), {"post": "yes"}).status_code == 403
    event.refresh_from_db()
    assert event.note == "Check the ministry list."


def test_workflow_rows_are_read_only_in_the_admin(admin_client, desk, editor):
    """Edits that would skip the services' version check and audit row are refused."""
    from factcheck.claims.models import Comment
    from factcheck.sources.models import Evidence, Source

    comment = comment_add(actor=editor, claim_id=desk.open.pk, body="Check the ministry list.")
    source = Source.objects.create(url="https://stats.example.net/q", title="Stats", added_by=editor, independent=True)
    evidence = Evidence.objects.create(claim=desk.open, source=source, added_by=editor)
    rows = [
        ("articles_article", desk.article, {"title": "Renamed", "published_report": "on"}),
        ("claims_claim", desk.open, {"text": "Reworded", "types": '["other"]'}),
        ("claims_comment", comment, {"body": "rewritten"}),
        ("sources_source", source, {"url": source.url, "independent": ""}),
        ("sources_evidence", evidence, {"note": "rewritten"}),
    ]
    for name, row, data in rows:
        change = reverse(f"admin:{name}_change", args=[row.pk])
        page = admin_client.get(change)
        assert page.status_code == 200 and 'name="_save"' not in page.content.decode(), name
        assert admin_client.post(change, data).status_code == 403, name
        assert admin_client.get(reverse(f"admin:{name}_add")).status_code == 403, name
    desk.article.refresh_from_db()
    desk.open.refresh_from_db()
    source.refresh_from_db()
    assert (desk.article.title, desk.article.published_report) != ("Renamed", True)
    assert desk.open.text != "Reworded" and source.independent is True
    assert Comment.objects.get(pk=comment.pk).body == "Check the ministry list."
