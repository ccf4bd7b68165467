"""Every endpoint × persona: the status each one gets, and that a refused call changes nothing."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from factcheck.articles.models import Article, ArticleRevision
from factcheck.claims.models import Claim, ClaimEvent, Notification, Review
from factcheck.sources.models import Evidence, Lookup, Source
from tests.api.conftest import token_client

ROLES = ("editor", "assigned", "other", "anon")

ART = "/api/articles/{article}/"
CLAIM = "/api/claims/{%s}/"


def claim_url(state: str, action: str = "") -> str:
    return (CLAIM % state) + (f"{action}/" if action else "")


# (name, method, path template, body builder or None, expected status per role in ROLES order)
CASES = [
    ("articles list", "get", "/api/articles/", None, (200, 200, 200, 401)),
    ("article create", "post", "/api/articles/", lambda w: {"title": "Dam report", "text": "The dam holds 4 million "
                                                              "cubic metres of water."}, (201, 403, 403, 401)),
    ("article read", "get", ART, None, (200, 200, 200, 401)),
    ("article edit details", "patch", ART, lambda w: {"title": "Quake in Varnhold, updated"}, (200, 403, 403, 401)),
    ("article revise text", "patch", ART, lambda w: {"text": "A wholly different text about 12 bridges.\n"},
     (200, 403, 403, 401)),
    ("article delete", "delete", ART, None, (204, 403, 403, 401)),
    ("article suggest", "post", ART + "suggest/", None, (200, 403, 403, 401)),
    ("suggest text", "post", "/api/suggest/", lambda w: {"text": "Unemployment fell to 4.1 percent in May."},
     (200, 200, 200, 401)),
    ("claims list", "get", "/api/claims/", None, (200, 200, 200, 401)),
    ("claim create", "post", "/api/claims/", lambda w: {"article": w["article"].pk, "quote": "in over 40 years"},
     (201, 403, 403, 401)),
    ("claim read", "get", claim_url("assigned"), None, (200, 200, 200, 401)),
    ("claim edit", "patch", claim_url("open"), lambda w: {"version": w["open"].version, "text": "Magnitude 6.1"},
     (200, 403, 403, 401)),
    ("claim accept", "post", claim_url("suggested", "accept"), lambda w: {}, (200, 403, 403, 401)),
    ("claim reject", "post", claim_url("open", "reject"), lambda w: {"reason": "Not checkable."}, (200, 403, 403, 401)),
    ("claim assign", "post", claim_url("open", "assign"), lambda w: {"reviewer": "oscar", "due": "2031-05-01"},
     (200, 403, 403, 401)),
    ("claim start", "post", claim_url("assigned", "start"), lambda w: {}, (200, 200, 403, 401)),
    ("claim verdict", "post", claim_url("in_review", "verdict"),
     lambda w: {"verdict": "unverifiable", "rationale": "No record either way.", "version": w["in_review"].version},
     (200, 200, 403, 401)),
    ("claim reopen", "post", claim_url("resolved", "reopen"), lambda w: {"reason": "New figures."},
     (200, 403, 403, 401)),
    ("claim second review", "post", claim_url("assigned", "second-review"), lambda w: {"reviewer": "oscar"},
     (200, 403, 403, 401)),
    ("claim events", "get", claim_url("assigned", "events"), None, (200, 200, 200, 401)),
    ("members", "get", "/api/members/", None, (200, 403, 403, 401)),
    ("claim sources list", "get", claim_url("assigned", "sources"), None, (200, 200, 200, 401)),
    ("claim source attach url", "post", claim_url("assigned", "sources"),
     lambda w: {"url": "https://statistics.example.org/quake-report", "stance": "supports", "note": "Official."},
     (201, 201, 403, 401)),
    ("claim source upload", "post-multipart", claim_url("assigned", "sources"),
     lambda w: {"file": SimpleUploadedFile("report.txt", b"The ministry counted 9 deaths.", "text/plain"),
                "stance": "supports"},
     (201, 201, 403, 401)),
    ("source read", "get", "/api/sources/{source}/", None, (200, 200, 200, 401)),
    ("claim lookups list", "get", claim_url("assigned", "lookups"), None, (200, 200, 200, 401)),
    ("claim lookup rerun", "post", claim_url("assigned", "lookups"), lambda w: {"kind": "similar"},
     (202, 202, 403, 401)),
    ("schema", "get", "/api/schema/", None, (200, 200, 200, 200)),
    ("docs", "get", "/api/docs/", None, (200, 200, 200, 200)),
]


# POSTs that store nothing (suggest text) or may find nothing new (suggest on an article).
READ_ONLY_POSTS = {"suggest text", "article suggest"}


def fingerprint() -> dict:
    """Everything a refused call could have touched."""
    return {
        "articles": list(Article.objects.order_by("pk").values_list("pk", "title", "version", "current_revision_id")),
        "revisions": ArticleRevision.objects.count(),
        "claims": list(
            Claim.objects.order_by("pk").values_list(
                "pk", "status", "version", "text", "assignee_id", "second_reviewer_id", "due", "verdict", "updated_at"
            )
        ),
        "events": ClaimEvent.objects.count(),
        "reviews": Review.objects.count(),
        "notifications": Notification.objects.count(),
        "sources": Source.objects.count(),
        "evidence": Evidence.objects.count(),
        "lookups": Lookup.objects.count(),
    }


@pytest.fixture
def world(desk, editor):
    source = Source.objects.create(url="https://archive.example.net/seismic-1980", added_by=editor, title="Archive")
    Evidence.objects.create(claim=desk["assigned"], source=source, added_by=editor)
    return {**desk, "source": source}


@pytest.fixture
def clients(editor, reviewer, other_reviewer):
    return {"editor": token_client(editor), "assigned": token_client(reviewer), "other": token_client(other_reviewer),
            "anon": token_client(None)}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "method", "path", "body", "expected"), CASES, ids=[c[0] for c in CASES])
def test_endpoint_status_by_role(world, clients, role, name, method, path, body, expected, no_broker):
    url = path.format(**{k: (v.pk if hasattr(v, "pk") else v) for k, v in world.items()})
    want = expected[ROLES.index(role)]
    before = fingerprint()
    client = clients[role]
    data = body(world) if body else None
    if method == "post-multipart":
        response = client.post(url, data, format="multipart")
    elif method == "get":
        response = client.get(url)
    else:
        response = getattr(client, method)(url, data, format="json")

    assert response.status_code == want, (name, role, response.content[:500])
    if want >= 400:
        assert fingerprint() == before, f"{name} refused for {role} but changed data"
        assert no_broker == [], "a refused call enqueued work"
        assert set(response.json()) == {"error"}
        assert {"code", "message"} <= set(response.json()["error"])
    elif method != "get" and name not in READ_ONLY_POSTS:
        assert fingerprint() != before, f"{name} succeeded for {role} but changed nothing"
