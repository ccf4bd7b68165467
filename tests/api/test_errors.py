"""One error shape, the right status: malformed input, refusals, conflicts, limits, throttling, lockout."""

from __future__ import annotations

import pytest
from django.test import override_settings

from factcheck.articles.models import Article
from factcheck.claims.models import ClaimStatus


def error_of(response, status: int) -> dict:
    assert response.status_code == status, response.content[:400]
    body = response.json()
    assert set(body) == {"error"}
    assert isinstance(body["error"]["code"], str) and isinstance(body["error"]["message"], str)
    return body["error"]


def test_malformed_json_is_400(as_editor):
    error = error_of(as_editor.post("/api/articles/", '{"title": "x", ', content_type="application/json"), 400)
    assert error["code"] == "malformed" and "JSON" in error["message"]
    assert Article.objects.count() == 0


def test_missing_fields_are_named(as_editor):
    error = error_of(as_editor.post("/api/articles/", {"title": ""}, format="json"), 400)
    assert error["code"] == "invalid"
    assert set(error["fields"]) == {"title", "text"}


def test_unknown_verdict_is_400_with_the_field(as_reviewer, desk):
    claim = desk["in_review"]
    error = error_of(as_reviewer.post(f"/api/claims/{claim.pk}/verdict/",
                                      {"verdict": "mostly-true", "rationale": "x", "version": claim.version},
                                      format="json"), 400)
    assert "verdict" in error["fields"]
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.IN_REVIEW and claim.verdict == ""


def test_unknown_rating_is_400_from_the_service(as_reviewer, desk):
    claim = desk["in_review"]
    error = error_of(as_reviewer.post(f"/api/claims/{claim.pk}/verdict/",
                                      {"verdict": "unverifiable", "rationale": "x", "rating": "spicy",
                                       "version": claim.version}, format="json"), 400)
    assert "rating" in error["fields"]


def test_stale_version_is_409_and_says_the_current_state(as_editor, desk):
    claim = desk["assigned"]
    stale = claim.version
    as_editor.post(f"/api/claims/{claim.pk}/assign/", {"reviewer": "oscar", "version": stale}, format="json")
    error = error_of(as_editor.patch(f"/api/claims/{claim.pk}/", {"version": stale, "text": "Changed"}, format="json"),
                     409)
    assert error["code"] == "stale_version"
    assert f"now assigned, version {stale + 1}" in error["message"]
    claim.refresh_from_db()
    assert claim.text != "Changed"


def test_stale_article_version_is_409(as_editor, desk):
    article = desk["article"]
    error = error_of(as_editor.patch(f"/api/articles/{article.pk}/", {"version": article.version + 5, "title": "New"},
                                     format="json"), 409)
    assert error["code"] == "stale_version" and f"version {article.version}" in error["message"]


def test_wrong_state_is_409_and_names_the_state(as_editor, desk):
    claim = desk["resolved"]
    error = error_of(as_editor.post(f"/api/claims/{claim.pk}/accept/", {"version": claim.version}, format="json"), 409)
    assert error["code"] == "wrong_state"
    assert "the claim is resolved" in error["message"]


def test_evidence_gate_is_409(as_reviewer, desk):
    claim = desk["in_review"]
    error = error_of(as_reviewer.post(f"/api/claims/{claim.pk}/verdict/",
                                      {"verdict": "verified", "rationale": "Looks right.", "version": claim.version},
                                      format="json"), 409)
    assert error["code"] == "evidence_required"


@override_settings(ARTICLE_MAX_CHARS=500)
def test_oversized_article_is_413(as_editor):
    error = error_of(as_editor.post("/api/articles/", {"title": "Long", "text": "word " * 200}, format="json"), 413)
    assert error["code"] == "too_large" and "500" in error["message"]
    assert Article.objects.count() == 0


@override_settings(ARTICLE_MAX_CHARS=500)
def test_oversized_suggest_text_is_413(as_editor):
    error_of(as_editor.post("/api/suggest/", {"text": "word " * 200}, format="json"), 413)


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=2000)
def test_body_over_the_request_limit_is_413(as_editor):
    error = error_of(as_editor.post("/api/articles/", {"title": "Big", "text": "x" * 5000}, format="json"), 413)
    assert error["code"] == "too_large"
    assert Article.objects.count() == 0


def test_no_credentials_is_401_with_token_challenge(anon):
    response = anon.get("/api/claims/")
    error = error_of(response, 401)
    assert error["code"] == "not_authenticated"
    assert response["WWW-Authenticate"] == "Token"


def test_bad_token_is_401(anon):
    anon.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    response = anon.get("/api/claims/")
    assert error_of(response, 401)["code"] == "authentication_failed"
    assert response["WWW-Authenticate"] == "Token"


def test_not_allowed_is_403(as_other, desk):
    claim = desk["assigned"]
    error = error_of(as_other.post(f"/api/claims/{claim.pk}/start/", {"version": claim.version}, format="json"), 403)
    assert error["code"] == "forbidden"


@pytest.mark.parametrize("path", ["/api/claims/999999/", "/api/articles/999999/", "/api/sources/999999/",
                                  "/api/claims/999999/events/", "/api/no-such-endpoint/"])
def test_unknown_object_or_path_is_404(as_editor, path):
    assert error_of(as_editor.get(path), 404)["code"] == "not_found"


def test_unknown_claim_in_an_action_is_404(as_editor):
    assert error_of(as_editor.post("/api/claims/999999/accept/", {}, format="json"), 404)["code"] == "not_found"


def test_wrong_method_is_405_in_the_same_shape(as_editor):
    error_of(as_editor.put("/api/claims/", {}, format="json"), 405)


def test_throttled_requests_get_429_with_retry_after(as_reviewer, settings):
    rates = {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "user": "3/min"}
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": rates}
    for _ in range(3):
        assert as_reviewer.get("/api/claims/").status_code == 200
    response = as_reviewer.get("/api/claims/")
    assert error_of(response, 429)["code"] == "throttled"
    assert int(response["Retry-After"]) > 0


def test_anonymous_throttle_counts_per_address(anon, settings):
    # DRF answers 401 before throttling, so the anonymous rate shows on the public endpoints.
    rates = {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "anon": "2/min"}
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": rates}
    for _ in range(2):
        assert anon.get("/api/schema/").status_code == 200
    assert error_of(anon.get("/api/schema/"), 429)["code"] == "throttled"
    assert anon.get("/api/schema/", REMOTE_ADDR="127.0.0.9").status_code == 200


def test_login_attempts_are_rate_limited(anon, editor, settings):
    rates = {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "login": "2/min"}
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": rates}
    for name in ("nobody1", "nobody2"):
        assert anon.post("/api/auth/token/", {"username": name, "password": "x"}, format="json").status_code == 400
    response = anon.post("/api/auth/token/", {"username": "edna", "password": "correct horse battery"}, format="json")
    assert error_of(response, 429)["code"] == "throttled"


def test_repeated_failures_lock_the_account(anon, editor, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for _ in range(2):
        response = anon.post("/api/auth/token/", {"username": "edna", "password": "guess"}, format="json")
        assert error_of(response, 400)["code"] == "invalid_credentials"
    locked = anon.post("/api/auth/token/", {"username": "edna", "password": "guess"}, format="json")
    assert error_of(locked, 429)["code"] == "locked"
    # Now even the right password is refused for a while.
    right = anon.post("/api/auth/token/", {"username": "edna", "password": "correct horse battery"}, format="json")
    assert error_of(right, 429)["code"] == "locked"
    assert "token" not in right.json()
    # Another account from the same address is not locked.
    other = anon.post("/api/auth/token/", {"username": "rita", "password": "x"}, format="json")
    assert other.status_code == 400
