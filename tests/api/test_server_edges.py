"""Edges of the HTTP layer: deep JSON, Django's own errors under /api/, private caching, chunked bodies."""

from __future__ import annotations

import json
import socket
from urllib.parse import urlsplit

import pytest
from django.test import Client

from factcheck.articles.models import Article
from tests.api.server import serve
from tests.api.test_errors import error_of

DEEP = "[" * 1000 + "]" * 1000


@pytest.mark.parametrize("path", ["/api/auth/token/", "/api/articles/", "/api/suggest/"])
def test_json_nested_a_thousand_levels_is_400_in_the_error_shape(as_editor, path):
    error = error_of(as_editor.post(path, DEEP, content_type="application/json"), 400)
    assert error["code"] == "malformed" and "nested more than 32 levels" in error["message"]


def test_deep_json_without_credentials_is_400_too(anon):
    body = '{"username": ' + "{\"a\": " * 500 + "1" + "}" * 500 + ', "password": "x"}'
    assert error_of(anon.post("/api/auth/token/", body, content_type="application/json"), 400)["code"] == "malformed"


def test_brackets_inside_text_do_not_count_as_nesting(as_editor):
    title = "[" * 100 + "Dam report" + "}" * 100
    response = as_editor.post("/api/articles/", {"title": title, "text": "The dam holds 4 million cubic metres.\n"},
                              format="json")
    assert response.status_code == 201, response.content[:300]
    assert Article.objects.get().title == title


def test_a_bug_under_api_answers_500_in_the_error_shape(editor, monkeypatch):
    from rest_framework.authtoken.models import Token

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    # The claim list reads claim_list_base; the claim page claims_base: a bug in either.
    monkeypatch.setattr("factcheck.api.views.claims.claims_base", broken)
    monkeypatch.setattr("factcheck.api.views.claims.claim_list_base", broken)
    token = Token.objects.create(user=editor)
    client = Client(raise_request_exception=False, HTTP_AUTHORIZATION=f"Token {token.key}")
    response = client.get("/api/claims/")
    assert response.status_code == 500 and response["Content-Type"] == "application/json"
    assert response.json()["error"]["code"] == "server_error" and "a bug" not in response.content.decode()


def test_a_bad_host_under_api_is_json_and_elsewhere_the_page(db):
    client = Client()
    response = client.get("/api/claims/", HTTP_HOST="evil.example.com")
    assert response.status_code == 400 and response["Content-Type"] == "application/json"
    assert response.json() == {"error": {"code": "bad_host", "message": "This server does not answer to that Host "
                                                                          "header."}}
    page = client.get("/accounts/login/", HTTP_HOST="evil.example.com")
    assert page.status_code == 400 and not page["Content-Type"].startswith("application/json")


def test_authenticated_json_is_private_and_not_stored(as_editor, anon, client, editor):
    assert as_editor.get("/api/claims/")["Cache-Control"] == "private, no-store"
    # Errors too: they may name the member's objects.
    assert as_editor.get("/api/claims/999999/")["Cache-Control"] == "private, no-store"
    client.force_login(editor)
    assert client.get("/api/notifications/")["Cache-Control"] == "private, no-store"
    assert "private" not in anon.get("/api/schema/").get("Cache-Control", "")


def _raw(base: str, request: bytes) -> tuple[int, dict, bytes]:
    host, port = urlsplit(base).hostname, urlsplit(base).port
    with socket.create_connection((host, port), timeout=30) as sock:
        sock.sendall(request)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    headers = dict(line.split(": ", 1) for line in head.decode("latin-1").split("\r\n")[1:] if ": " in line)
    return status, headers, body


@pytest.mark.django_db(transaction=True)
def test_a_chunked_body_is_refused_with_411_not_read_as_empty(editor):
    payload = json.dumps({"username": "edna", "password": "correct horse battery"}).encode()
    chunked = f"{len(payload):x}\r\n".encode() + payload + b"\r\n0\r\n\r\n"
    with serve() as base:
        request = (b"POST /api/auth/token/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                   b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + chunked)
        status, headers, body = _raw(base, request)
    assert headers["Content-Type"] == "application/json"
    assert status == 411
    assert json.loads(body)["error"]["code"] == "length_required"
