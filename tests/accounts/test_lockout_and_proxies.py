"""Failed logins and throttles count per client address, which X-Forwarded-For changes only through trusted proxies."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def clean_counts():
    cache.clear()
    yield
    cache.clear()


def login_rate(settings, rate: str) -> None:
    rates = {"anon": "100000/min", "user": "100000/min", "login": rate}
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": rates}


def token_attempt(client: APIClient, forwarded: str | None, username: str = "nobody") -> int:
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return client.post("/api/auth/token/", {"username": username, "password": "guess"}, format="json",
                       REMOTE_ADDR="10.0.0.1", **extra).status_code


def test_without_trusted_proxies_rotating_x_forwarded_for_is_still_throttled(db, settings):
    settings.TRUSTED_PROXIES = 0
    login_rate(settings, "5/min")
    client = APIClient()
    # A new username each time, so only the throttle (not the account lockout) can stop them.
    statuses = [token_attempt(client, f"203.0.113.{n}", username=f"nobody{n}") for n in range(26)]
    assert statuses[:5] == [400] * 5
    assert set(statuses[5:]) == {429}


def test_with_one_trusted_proxy_each_forwarded_client_has_its_own_count(db, settings):
    settings.TRUSTED_PROXIES = 1
    login_rate(settings, "2/min")
    client = APIClient()
    # Two different clients behind the proxy: each gets its own two attempts.
    assert [token_attempt(client, "203.0.113.7", username=f"u{n}") for n in range(3)] == [400, 400, 429]
    assert token_attempt(client, "203.0.113.8", username="u9") == 400
    # What the client itself wrote left of the proxy's entry does not make it someone new.
    assert token_attempt(client, "198.51.100.1, 203.0.113.7", username="u10") == 429


def test_lockout_without_trusted_proxies_ignores_the_forwarded_header(editor, settings):
    settings.TRUSTED_PROXIES = 0
    settings.AXES_FAILURE_LIMIT = 3
    client = APIClient()
    statuses = [token_attempt(client, f"203.0.113.{n}", username="edna") for n in range(4)]
    assert statuses == [400, 400, 429, 429]
    right = client.post("/api/auth/token/", {"username": "edna", "password": PASSWORD}, format="json",
                        REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.99")
    assert right.status_code == 429 and right.json()["error"]["code"] == "locked"


def test_lockout_with_a_trusted_proxy_counts_the_forwarded_client(editor, settings):
    settings.TRUSTED_PROXIES = 1
    settings.AXES_FAILURE_LIMIT = 3
    client = APIClient()
    assert [token_attempt(client, "203.0.113.7", username="edna") for _ in range(3)] == [400, 400, 429]
    # The same account from another client behind the proxy still logs in.
    other = client.post("/api/auth/token/", {"username": "edna", "password": PASSWORD}, format="json",
                        REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.8")
    assert other.status_code == 200 and other.json()["token"]


@pytest.mark.parametrize("path", ["/accounts/login/", "/admin/login/"])
def test_locked_out_login_page_answers_429_with_the_lockout_page(client, editor, settings, path):
    settings.AXES_FAILURE_LIMIT = 3
    for _ in range(2):
        response = client.post(path, {"username": "edna", "password": "guess"})
        assert response.status_code == 200  # the form again, with its error
    locked = client.post(path, {"username": "edna", "password": "guess"})
    assert locked.status_code == 429
    assert "Account locked" in locked.content.decode() and "Too many failed logins" in locked.content.decode()
    # The right password does not get past the lock either.
    right = client.post(path, {"username": "edna", "password": PASSWORD})
    assert right.status_code == 429 and "_auth_user_id" not in client.session


def test_admin_answers_at_the_configured_admin_url_only(tmp_path):
    script = (
        "import django; django.setup()\n"
        "from django.test import Client\n"
        "c = Client()\n"
        "h = {'HTTP_HOST': 'localhost'}\n"
        "print(c.get('/newsroom-desk/login/', **h).status_code, c.get('/admin/login/', **h).status_code)\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "factcheck.settings", "ADMIN_URL": "newsroom-desk/",
           "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}", "FACTCHECK_VAR_DIR": str(tmp_path)}
    env.pop("REDIS_URL", None)
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split()[-2:] == ["200", "404"]
