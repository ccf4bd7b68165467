"""The shapes external clients rely on (issue 6): paths, payloads and response fields."""

from __future__ import annotations

import datetime as dt
import io
import json
import re

import pytest
from django.core.management import call_command
from django.test import override_settings
from rest_framework.test import APIClient

from factcheck.articles.models import Article
from factcheck.claims.models import Claim, ClaimEvent, ClaimStatus, EventKind
from tests.support.factories import ArticleFactory, make_claim

CLAIM_FIELDS = {
    "id", "article", "start", "end", "quote", "text", "types", "quantities", "status", "verdict", "rating",
    "rationale", "assignee", "due", "version", "orphaned",
    "attributed_to", "score", "priority", "needs_rereview", "second_reviewer", "created_at", "updated_at", "url",
}

STORY = (
    "The regional transport board said on Tuesday that 2.4 million passengers used the new tram line in its "
    "first year, up 18 percent on the forecast. Ticket revenue reached 31 million euros, according to the "
    "board's annual report.\n\nThe mayor called it the busiest tram line in the country.\n"
)


def test_token_then_token_header_authenticates(editor, anon):
    response = anon.post("/api/auth/token/", {"username": "edna", "password": "correct horse battery"}, format="json")
    assert response.status_code == 200
    assert set(response.json()) == {"token"}
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {response.json()['token']}")
    assert client.get("/api/articles/").status_code == 200
    # The same token on a second login.
    again = anon.post("/api/auth/token/", {"username": "edna", "password": "correct horse battery"}, format="json")
    assert again.json() == response.json()


def test_wrong_password_is_refused_without_saying_which_part_was_wrong(editor, anon):
    response = anon.post("/api/auth/token/", {"username": "edna", "password": "nope"}, format="json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_credentials"


def test_session_auth_needs_csrf_token(editor, article):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.get("/api/articles/").status_code == 200
    body = {"title": "Harbour wall", "text": "The harbour wall is 900 metres long.\n"}
    refused = client.post("/api/articles/", body, format="json")
    assert refused.status_code == 403
    assert "CSRF" in refused.json()["error"]["message"]
    assert not Article.objects.filter(title="Harbour wall").exists()
    token = "k" * 32  # a CSRF secret, as the csrftoken cookie of a page would carry it
    client.cookies["csrftoken"] = token
    accepted = client.post("/api/articles/", body, format="json", HTTP_X_CSRFTOKEN=token)
    assert accepted.status_code == 201, accepted.content


def test_article_create_read_and_list(as_editor, as_reviewer):
    created = as_editor.post(
        "/api/articles/",
        {"title": "Tram figures", "text": STORY, "outlet": "City Post", "url": "https://citypost.example/tram",
         "published_at": "2026-03-02"},
        format="json",
    )
    assert created.status_code == 201
    body = created.json()
    assert body["text"] == STORY
    assert body["revision"] == 1 and body["version"] == 1 and body["created_by"] == "edna"
    assert body["claims"] == {"total": 0, "resolved": 0, "suggested": 0, "disputed": 0}
    article = Article.objects.get(pk=body["id"])
    assert article.text == STORY and article.outlet == "City Post"

    assert as_reviewer.get(f"/api/articles/{article.pk}/").json()["title"] == "Tram figures"
    listing = as_reviewer.get("/api/articles/").json()
    assert listing["count"] == 1 and "text" not in listing["results"][0]


def test_article_patch_of_text_lists_orphaned_claims(as_editor, desk):
    article = desk["article"]
    gone, kept = desk["open"], desk["assigned"]
    new_text = article.text.replace("The quake, measured at magnitude 6.1, damaged", "The quake damaged")
    response = as_editor.patch(f"/api/articles/{article.pk}/", {"text": new_text, "version": article.version},
                               format="json")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["revision"] == 2 and body["version"] == article.version + 1
    assert [c["id"] for c in body["orphaned_claims"]] == [gone.pk]
    assert body["orphaned_claims"][0]["orphaned"] is True
    gone.refresh_from_db()
    kept.refresh_from_db()
    assert gone.orphaned and not kept.orphaned
    assert new_text[kept.start:kept.end] == kept.quote
    assert ClaimEvent.objects.filter(claim=gone, kind=EventKind.ORPHANED).exists()


def test_article_patch_details_and_text_together(as_editor, desk):
    article = desk["article"]
    response = as_editor.patch(
        f"/api/articles/{article.pk}/",
        {"title": "Quake: the count", "text": article.text + "More later.\n", "version": article.version},
        format="json",
    )
    assert response.status_code == 200, response.content
    article.refresh_from_db()
    assert article.title == "Quake: the count" and article.text.endswith("More later.\n")
    assert response.json()["orphaned_claims"] == []


def test_article_delete(as_editor, desk):
    article = desk["article"]
    assert as_editor.delete(f"/api/articles/{article.pk}/").status_code == 204
    assert not Article.objects.filter(pk=article.pk).exists()
    assert not Claim.objects.filter(article_id=article.pk).exists()
    assert as_editor.get(f"/api/articles/{article.pk}/").status_code == 404


def test_article_suggest_stores_suggestions_once(as_editor, editor):
    article = ArticleFactory(created_by=editor, text=STORY)
    first = as_editor.post(f"/api/articles/{article.pk}/suggest/")
    assert first.status_code == 200
    claims = first.json()
    assert claims, "the engine finds the figures of the tram story"
    assert all(c["status"] == "suggested" and c["suggested"] for c in claims)
    assert all(STORY[c["start"]:c["end"]] == c["quote"] for c in claims)
    stored = Claim.objects.filter(article=article, status=ClaimStatus.SUGGESTED).count()
    assert stored == len(claims)
    second = as_editor.post(f"/api/articles/{article.pk}/suggest/")
    assert second.json() == claims
    assert Claim.objects.filter(article=article).count() == stored


def test_suggest_text_matches_the_cli_json(as_reviewer, tmp_path):
    text = STORY + "Crime fell by a third in 2025, police said, the lowest level since 1990.\r\nPrices rose 3%.\n"
    path = tmp_path / "story.txt"
    path.write_bytes(text.encode("utf-8"))
    out = io.StringIO()
    call_command("suggest_claims", str(path), "--json", stdout=out)
    cli = json.loads(out.getvalue())
    assert cli, "the CLI finds claims in this text"

    response = as_reviewer.post("/api/suggest/", {"text": text}, format="json")
    assert response.status_code == 200
    assert response.json() == cli
    assert Claim.objects.count() == 0


def test_suggest_text_of_empty_text_is_an_empty_array(as_reviewer):
    response = as_reviewer.post("/api/suggest/", {"text": ""}, format="json")
    assert response.status_code == 200 and response.json() == []


def test_claim_object_fields(as_reviewer, desk):
    body = as_reviewer.get(f"/api/claims/{desk['in_review'].pk}/").json()
    assert set(body) >= CLAIM_FIELDS
    assert body["assignee"] == "rita"
    assert body["status"] == "in_review"
    assert body["types"] == ["quantity", "attribution"]
    assert body["due"] == desk["in_review"].due.isoformat()
    assert body["url"].endswith(f"/claims/{desk['in_review'].pk}/")


def test_claim_create_by_offsets_and_by_quote(as_editor, desk):
    article = desk["article"]
    text = article.text
    start = text.index("in over 40 years")
    by_span = as_editor.post("/api/claims/", {"article": article.pk, "start": start, "end": start + 16}, format="json")
    assert by_span.status_code == 201, by_span.content
    assert by_span.json()["status"] == "open" and by_span.json()["quote"] == "in over 40 years"

    by_quote = as_editor.post("/api/claims/", {"article": article.pk, "quote": "the city fire service said"},
                              format="json")
    assert by_quote.status_code == 201
    claim = Claim.objects.get(pk=by_quote.json()["id"])
    assert text[claim.start:claim.end] == "the city fire service said"
    assert claim.events.filter(kind=EventKind.CREATED).exists()


def test_claim_create_with_ambiguous_quote_is_400(as_editor, desk):
    response = as_editor.post("/api/claims/", {"article": desk["article"].pk, "quote": "the"}, format="json")
    assert response.status_code == 400
    assert "quote" in response.json()["error"]["fields"]


def test_claim_create_across_a_paragraph_break_is_400_like_the_page(as_editor):
    text = "The dam held back 40 million cubic metres, the agency said.\n\nFour villages were evacuated on Friday.\n"
    article = as_editor.post("/api/articles/", {"title": "Dam", "text": text}, format="json").json()
    start = text.index("the agency said")
    response = as_editor.post("/api/claims/", {"article": article["id"], "start": start,
                                               "end": text.index("were evacuated")}, format="json")
    assert response.status_code == 400
    assert "paragraph break" in response.json()["error"]["fields"]["quote"][0]
    assert as_editor.get(f"/api/claims/?article={article['id']}").json()["count"] == 0


def test_claim_patch_edits_with_version(as_editor, desk):
    claim = desk["open"]
    response = as_editor.patch(
        f"/api/claims/{claim.pk}/",
        {"version": claim.version, "text": "The quake measured 6.1", "types": ["quantity", "superlative"],
         "priority": 3, "due": "2031-01-31", "attributed_to": "seismic institute",
         "quantities": [{"value": 6.1, "qualifier": "exact", "unit": "magnitude", "text": "6.1"}]},
        format="json",
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["version"] == claim.version + 1
    assert body["quantities"] == [{"value": 6.1, "qualifier": "exact", "unit": "magnitude", "text": "6.1"}]
    claim.refresh_from_db()
    assert (claim.text, claim.priority, claim.due) == ("The quake measured 6.1", 3, dt.date(2031, 1, 31))
    assert claim.events.filter(kind=EventKind.EDITED).exists()


def test_claim_workflow_through_the_api(as_editor, as_reviewer, desk):
    claim = desk["suggested"]
    accepted = as_editor.post(f"/api/claims/{claim.pk}/accept/", {"version": claim.version}, format="json")
    assert accepted.status_code == 200 and accepted.json()["status"] == "open"

    assigned = as_editor.post(f"/api/claims/{claim.pk}/assign/", {"reviewer": "rita", "due": "2031-02-03",
                              "version": accepted.json()["version"]}, format="json").json()
    assert (assigned["status"], assigned["assignee"], assigned["due"]) == ("assigned", "rita", "2031-02-03")

    started = as_reviewer.post(f"/api/claims/{claim.pk}/start/", {"version": assigned["version"]},
                               format="json").json()
    assert started["status"] == "in_review"

    verdict = as_reviewer.post(
        f"/api/claims/{claim.pk}/verdict/",
        {"verdict": "unverifiable", "rationale": "The fire service keeps no public log.", "rating": "unproven",
         "version": started["version"]},
        format="json",
    )
    assert verdict.status_code == 200, verdict.content
    body = verdict.json()
    assert (body["status"], body["verdict"], body["rating"]) == ("resolved", "unverifiable", "unproven")

    reopened = as_editor.post(f"/api/claims/{claim.pk}/reopen/", {"reason": "The log was published.",
                                                                 "version": body["version"]}, format="json")
    assert reopened.json()["status"] == "open" and reopened.json()["verdict"] is None

    events = as_reviewer.get(f"/api/claims/{claim.pk}/events/").json()
    events = [e for e in events if e["kind"] != "lookup"]  # lookups queued when the claim opened
    kinds = [e["kind"] for e in events]
    assert kinds == ["accepted", "assigned", "started", "reviewed", "resolved", "reopened"]
    assert events[1]["actor"] == "edna" and events[1]["data"]["assignee"] == "rita"
    assert events[-1]["from_status"] == "resolved" and events[-1]["to_status"] == "open"


def test_reject_and_second_review(as_editor, desk, other_reviewer):
    rejected = as_editor.post(f"/api/claims/{desk['open'].pk}/reject/", {"reason": "Opinion.",
                                                                          "version": desk["open"].version},
                              format="json")
    assert rejected.json()["status"] == "rejected"
    second = as_editor.post(f"/api/claims/{desk['assigned'].pk}/second-review/",
                            {"reviewer": "oscar", "version": desk["assigned"].version}, format="json")
    assert second.status_code == 200 and second.json()["second_reviewer"] == "oscar"
    desk["assigned"].refresh_from_db()
    assert desk["assigned"].second_reviewer == other_reviewer


def test_blind_double_review_hides_the_other_verdict_in_events(as_editor, desk, reviewer, other_reviewer):
    from tests.api.conftest import token_client

    claim = desk["in_review"]
    as_editor.post(f"/api/claims/{claim.pk}/second-review/", {"reviewer": "oscar", "version": claim.version},
                   format="json")
    claim.refresh_from_db()
    as_oscar = token_client(other_reviewer)
    as_oscar.post(f"/api/claims/{claim.pk}/verdict/",
                  {"verdict": "unverifiable", "rationale": "Oscar's reasons.", "version": claim.version}, format="json")
    seen_by_rita = token_client(reviewer).get(f"/api/claims/{claim.pk}/events/").json()
    reviewed = [e for e in seen_by_rita if e["kind"] == "reviewed"]
    assert reviewed and reviewed[0]["verdict"] is None and "Oscar" not in reviewed[0]["note"]
    seen_by_editor = as_editor.get(f"/api/claims/{claim.pk}/events/").json()
    assert [e["verdict"] for e in seen_by_editor if e["kind"] == "reviewed"] == ["unverifiable"]


def test_members_lists_username_name_role(as_editor, desk):
    body = as_editor.get("/api/members/").json()
    assert {"username": "rita", "name": "Rita Reviewer", "role": "reviewer"} in body["results"]
    assert all(set(m) == {"username", "name", "role"} for m in body["results"])


class TestClaimFilters:
    @pytest.fixture
    def claims(self, desk, editor, other_reviewer):
        other = ArticleFactory(created_by=editor, text="Exports rose 7 percent in March, the ministry said.\n")
        late = make_claim(other, "Exports rose 7 percent", status=ClaimStatus.ASSIGNED, assignee=other_reviewer,
                          due=dt.date.today() - dt.timedelta(days=2), types=["quantity", "temporal"])
        make_claim(other, "the ministry said", status=ClaimStatus.RESOLVED, verdict="disputed",
                   due=dt.date.today() - dt.timedelta(days=9), types=["attribution"])
        return {**desk, "other": other, "late": late}

    def ids(self, client, query: str) -> set[int]:
        response = client.get(f"/api/claims/?{query}")
        assert response.status_code == 200, response.content
        return {c["id"] for c in response.json()["results"]}

    def test_by_article(self, as_reviewer, claims):
        assert self.ids(as_reviewer, f"article={claims['other'].pk}") == set(
            Claim.objects.filter(article=claims["other"]).values_list("pk", flat=True)
        )

    def test_by_status_verdict_assignee(self, as_reviewer, claims):
        assert self.ids(as_reviewer, "status=in_review") == {claims["in_review"].pk}
        assert self.ids(as_reviewer, "verdict=unverifiable") == {claims["resolved"].pk}
        assert self.ids(as_reviewer, "assignee=oscar") == {claims["late"].pk}
        assert self.ids(as_reviewer, "assignee=rita&status=assigned") == {claims["assigned"].pk}

    def test_by_type(self, as_reviewer, claims):
        assert self.ids(as_reviewer, "type=attribution") == {
            claims["in_review"].pk, *Claim.objects.filter(types__icontains='"attribution"').values_list("pk", flat=True)
        }
        assert self.ids(as_reviewer, "type=temporal") == {claims["late"].pk}
        assert self.ids(as_reviewer, "type=superlative") == {claims["resolved"].pk}

    def test_overdue(self, as_reviewer, claims):
        # The resolved claim is past its due date but finished: not overdue.
        assert self.ids(as_reviewer, "overdue=true") == {claims["late"].pk}
        assert claims["late"].pk not in self.ids(as_reviewer, "overdue=false")
        assert len(self.ids(as_reviewer, "overdue=false")) == Claim.objects.count() - 1

    def test_unknown_filter_value_is_400(self, as_reviewer, claims):
        response = as_reviewer.get("/api/claims/?status=pondering")
        assert response.status_code == 400
        assert "status" in response.json()["error"]["fields"]

    def test_ordering_and_pagination(self, as_reviewer, claims):
        page = as_reviewer.get("/api/claims/?ordering=-id&page_size=2").json()
        assert page["count"] == Claim.objects.count()
        assert [c["id"] for c in page["results"]] == list(Claim.objects.order_by("-id").values_list("pk", flat=True)[:2])
        assert page["next"] and "page=2" in page["next"]
        assert as_reviewer.get("/api/claims/?page=99").status_code == 404


def test_sources_attach_list_and_read(as_reviewer, desk, no_broker):
    claim = desk["assigned"]
    created = as_reviewer.post(f"/api/claims/{claim.pk}/sources/",
                               {"url": "https://data.example.org/quake", "note": "Survey.", "stance": "supports"},
                               format="json")
    assert created.status_code == 201, created.content
    evidence = created.json()
    assert evidence["stance"] == "supports" and evidence["source"]["url"].startswith("https://data.example.org/quake")
    listed = as_reviewer.get(f"/api/claims/{claim.pk}/sources/").json()
    assert [e["id"] for e in listed] == [evidence["id"]]
    source = as_reviewer.get(f"/api/sources/{evidence['source']['id']}/").json()
    assert source["snapshot"] is None
    assert source["fetch"]["status"] == "queued" and source["fetch"]["kind"] == "fetch"
    lookups = as_reviewer.get(f"/api/claims/{claim.pk}/lookups/").json()
    assert source["fetch"]["id"] in [lookup["id"] for lookup in lookups]


def test_lookup_rerun_answers_202(as_reviewer, desk):
    response = as_reviewer.post(f"/api/claims/{desk['assigned'].pk}/lookups/", {"kind": "similar"}, format="json")
    assert response.status_code == 202, response.content
    assert response.json()["kind"] == "similar" and response.json()["status"] == "queued"


def test_schema_documents_every_contract_path_and_its_errors(anon):
    import yaml

    response = anon.get("/api/schema/")
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    paths = schema["paths"]
    for path in [
        "/api/auth/token/", "/api/articles/", "/api/articles/{id}/", "/api/articles/{id}/suggest/", "/api/suggest/",
        "/api/claims/", "/api/claims/{id}/", "/api/claims/{id}/accept/", "/api/claims/{id}/reject/",
        "/api/claims/{id}/assign/", "/api/claims/{id}/start/", "/api/claims/{id}/verdict/",
        "/api/claims/{id}/reopen/", "/api/claims/{id}/second-review/", "/api/claims/{id}/events/",
        "/api/members/", "/api/claims/{id}/sources/", "/api/sources/{id}/", "/api/claims/{id}/lookups/",
    ]:
        assert path in paths, path
    for path, ops in paths.items():
        for method, op in ops.items():
            errors = {code: r for code, r in op["responses"].items() if code >= "400"}
            assert "429" in errors, (method, path)
            for code, r in errors.items():
                assert r["content"]["application/json"]["schema"]["$ref"] == "#/components/schemas/Error", (path, code)
    assert paths["/api/suggest/"]["post"]["responses"]["200"]["content"]["application/json"]["schema"]["type"] == "array"
    for code in ("400", "401", "403", "404", "409", "413", "429"):
        assert code in paths["/api/claims/{id}/verdict/"]["post"]["responses"]


@override_settings(STORAGES={"staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
                             "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}})
def test_docs_page_loads_only_local_external_scripts(anon):
    response = anon.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", html, re.S)
    assert scripts
    for attrs, body in scripts:
        assert body.strip() == "", "inline script"
        src = re.search(r'src="([^"]+)"', attrs).group(1)
        assert src.startswith(("/static/", "/api/docs/?")), src
    assert "<style" not in html and "style=" not in html
    for href in re.findall(r'(?:href|src)="([^"]+)"', html):
        assert href.startswith("/"), href
    init = anon.get("/api/docs/?script=")
    assert init.status_code == 200 and init["Content-Type"].startswith("application/javascript")
    assert "/api/schema/" in init.content.decode()
    for src in re.findall(r'src="(/static/[^"]+)"', html):
        assert anon.get(src).status_code == 200, src


def test_api_answers_while_the_cache_redis_is_down(as_reviewer, desk, settings):
    """DRF's throttles read the cache on every request; a dead Redis used to make each one a 500."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    settings.CACHES = {"default": {"BACKEND": "factcheck.core.cache.FailOpenRedisCache",
                                   "LOCATION": f"redis://127.0.0.1:{port}/0",
                                   "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}}}
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {
        "anon": "5/min", "user": "5/min", "login": "5/min"}}
    # More requests than the 5/min rate: throttling is off while its store is away, nothing answers 500.
    assert [as_reviewer.get(path).status_code for path in ["/api/claims/", "/api/articles/"] * 4] == [200] * 8


def test_claim_create_on_a_passage_already_claimed_is_409_naming_it(as_editor, desk):
    article = desk["article"]
    first = as_editor.post("/api/claims/", {"article": article.pk, "quote": "in over 40 years"}, format="json")
    assert first.status_code == 201
    again = as_editor.post("/api/claims/", {"article": article.pk, "quote": "in over 40 years"}, format="json")
    assert again.status_code == 409
    error = again.json()["error"]
    assert error["code"] == "already_done" and "already a claim: “in over 40 years” (Open)" in error["message"]
    assert Claim.objects.filter(article=article, quote="in over 40 years").count() == 1
    # A client generated from the schema knows this answer (schemathesis found it undocumented).
    responses = as_editor.get("/api/schema/?format=json").json()["paths"]["/api/claims/"]
    assert "409" in responses["post"]["responses"] and "409" not in responses["get"]["responses"]


def test_claim_create_on_a_suggested_passage_accepts_the_suggestion(as_editor, desk):
    suggestion = desk["suggested"]
    response = as_editor.post("/api/claims/", {"article": desk["article"].pk, "start": suggestion.start,
                                               "end": suggestion.end}, format="json")
    assert response.status_code == 201, response.content
    assert (response.json()["id"], response.json()["status"]) == (suggestion.pk, "open")
    assert Claim.objects.filter(article=desk["article"], start=suggestion.start, end=suggestion.end).count() == 1
