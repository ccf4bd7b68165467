"""API tokens against lockouts, password changes, revocation and deactivation (accounts/services.py's rules)."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.support.factories import UserFactory

PASSWORD = "correct horse battery"


def api(token: str | Token) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {getattr(token, 'key', token)}")
    return client


def works(token) -> bool:
    status = api(token).get("/api/claims/").status_code
    assert status in (200, 401), status
    return status == 200


def test_member_revokes_their_own_token_on_the_profile_page(client, reviewer):
    token = Token.objects.create(user=reviewer)
    client.force_login(reviewer)
    page = client.get(reverse("profile")).content.decode()
    assert f"…{token.key[-4:]}" in page and token.key not in page
    response = client.post(reverse("profile_tokens_revoke"), follow=True)
    assert "API token revoked" in response.content.decode()
    assert not works(token)
    assert "You have no API token." in client.get(reverse("profile")).content.decode()


def test_editor_revokes_a_members_token(client, editor, reviewer):
    token = Token.objects.create(user=reviewer)
    client.force_login(editor)
    response = client.post(reverse("member_tokens_revoke", args=[reviewer.pk]))
    assert response.status_code == 302
    assert not works(token)


def test_reviewer_cannot_revoke_someone_elses_token_or_deactivate_them(client, reviewer, other_reviewer):
    token = Token.objects.create(user=other_reviewer)
    client.force_login(reviewer)
    assert client.get(reverse("members")).status_code == 403
    assert client.post(reverse("member_tokens_revoke", args=[other_reviewer.pk])).status_code == 403
    assert client.post(reverse("member_deactivate", args=[other_reviewer.pk])).status_code == 403
    other_reviewer.refresh_from_db()
    assert other_reviewer.is_active and works(token)


def test_deactivated_members_token_and_session_stop_at_once(client, editor, reviewer):
    token = Token.objects.create(user=reviewer)
    as_reviewer = type(client)()
    as_reviewer.force_login(reviewer)
    assert as_reviewer.get(reverse("dashboard")).status_code == 200
    client.force_login(editor)
    response = client.post(reverse("member_deactivate", args=[reviewer.pk]), follow=True)
    assert "is deactivated" in response.content.decode()
    reviewer.refresh_from_db()
    assert not reviewer.is_active
    assert not works(token) and not Token.objects.filter(user=reviewer).exists()
    # The open session is gone too: the next page asks for a login.
    assert as_reviewer.get(reverse("dashboard")).status_code == 302


@pytest.mark.parametrize("who", ["self", "admin"])
def test_editor_cannot_deactivate_themselves_or_an_admin(client, editor, who):
    target = editor if who == "self" else UserFactory(username="ada", role="admin")
    client.force_login(editor)
    assert client.post(reverse("member_deactivate", args=[target.pk])).status_code == 403
    target.refresh_from_db()
    assert target.is_active


def test_changing_a_password_revokes_the_members_tokens(reviewer, monkeypatch):
    token = Token.objects.create(user=reviewer)
    monkeypatch.setattr("sys.stdin", io.StringIO("a brand new long passphrase\n"))
    call_command("addmember", "rita", "--role", "reviewer", "--password-stdin", stdout=io.StringIO())
    assert not works(token)


def test_changing_a_password_in_the_admin_revokes_the_members_tokens(client, reviewer):
    admin = UserFactory(username="root", is_staff=True, is_superuser=True, role="admin")
    token = Token.objects.create(user=reviewer)
    client.force_login(admin)
    url = reverse("admin:auth_user_password_change", args=[reviewer.pk])
    response = client.post(url, {"password1": "a brand new long passphrase", "password2": "a brand new long passphrase",
                                 "usable_password": "true"})
    assert response.status_code == 302, response.content[:500]
    reviewer.refresh_from_db()
    assert reviewer.check_password("a brand new long passphrase")
    assert not works(token)


def test_a_lockout_blocks_password_logins_but_not_an_existing_token(editor, settings):
    settings.AXES_FAILURE_LIMIT = 2
    token = Token.objects.create(user=editor)
    anon = APIClient()
    for _ in range(2):
        anon.post("/api/auth/token/", {"username": "edna", "password": "guess"}, format="json")
    locked = anon.post("/api/auth/token/", {"username": "edna", "password": PASSWORD}, format="json")
    assert locked.status_code == 429
    # Documented rule: the token was not obtained by guessing; revoke it if it may have leaked.
    assert works(token)
