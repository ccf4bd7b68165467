"""Security headers on real responses: strict CSP, nosniff, referrer policy, frame protection."""

from __future__ import annotations

import pytest

from tests.browser.helpers import login


def csp_directives(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = words[1:]
    return directives


def assert_protective_headers(raw_headers) -> None:
    """raw_headers: one response's headers (Django's mapping or Playwright's lower-cased dict)."""
    headers = {name.lower(): value for name, value in dict(raw_headers).items()}
    csp = headers.get("content-security-policy")
    assert csp, "no Content-Security-Policy header"
    directives = csp_directives(csp)
    for name in ("script-src", "style-src"):
        # Without its own directive the default-src applies.
        sources = directives.get(name, directives.get("default-src"))
        assert sources, f"CSP neither restricts {name} nor sets default-src: {csp}"
        assert "'unsafe-inline'" not in sources, f"{name} allows inline code: {csp}"
        assert "'unsafe-eval'" not in sources, f"{name} allows eval: {csp}"
        assert "*" not in sources, f"{name} allows any origin: {csp}"
    assert directives.get("object-src") == ["'none'"], csp
    assert "'self'" in directives.get("default-src", []) and len(directives["default-src"]) == 1, csp

    assert headers.get("x-content-type-options", "").lower() == "nosniff"
    assert headers.get("referrer-policy", "").lower() in {
        "no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin",
    }
    framing_denied = headers.get("x-frame-options", "").upper() == "DENY"
    assert framing_denied or directives.get("frame-ancestors") == ["'none'"], "pages can be framed"
    assert directives.get("frame-ancestors") == ["'none'"], csp


@pytest.mark.django_db
def test_login_page_carries_strict_security_headers(client):
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    assert_protective_headers(response.headers)


@pytest.mark.django_db
def test_dashboard_carries_strict_security_headers(client, editor):
    client.force_login(editor)
    response = client.get("/")
    assert response.status_code == 200
    assert_protective_headers(response.headers)


@pytest.mark.django_db
def test_error_pages_carry_the_same_headers(client, editor):
    client.force_login(editor)
    response = client.get("/articles/999999/")
    assert response.status_code == 404
    assert_protective_headers(response.headers)


def test_live_server_sends_the_headers_to_the_browser(app, page, editor):
    response = page.goto(f"{app}/accounts/login/")
    assert response.status == 200
    assert_protective_headers(response.headers)
    login(page, app, editor.username)
    response = page.goto(f"{app}/")
    assert response.status == 200
    assert_protective_headers(response.headers)
    # The page's own scripts run under that policy (htmx loaded, no CSP report in the console).
    assert page.evaluate("typeof window.htmx") == "object"
