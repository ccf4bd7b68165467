"""Every endpoint × persona: the status each one gets, and that a refused call changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from factcheck.articles.models import Article, ArticleRevision
from factcheck.claims.models import Claim, ClaimEvent, ClaimStatus, Comment, Notification, Review
from factcheck.sources.models import Evidence, Lookup, LookupKind, Snapshot, Source
from tests.api.conftest import token_client
from tests.support.factories import ArticleFactory, make_claim

ROLES = ("editor", "assigned", "other", "anon")

ART = "/api/articles/{article}/"
CLAIM = "/api/claims/{%s}/"


def versioned(state: str, **fields):
    """A state change's body: the fields plus the version of the claim read (required on every state change)."""
    return lambda w: {**fields, "version": w[state].version}


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
    ("claim accept", "post", claim_url("suggested", "accept"), versioned("suggested"), (200, 403, 403, 401)),
    ("claim reject", "post", claim_url("open", "reject"), versioned("open", reason="Not checkable."),
     (200, 403, 403, 401)),
    ("claim assign", "post", claim_url("open", "assign"), lambda w: {"reviewer": "oscar", "due": "2031-05-01",
                                                                    "version": w["open"].version},
     (200, 403, 403, 401)),
    ("claim start", "post", claim_url("assigned", "start"), versioned("assigned"), (200, 200, 403, 401)),
    ("claim verdict", "post", claim_url("in_review", "verdict"),
     lambda w: {"verdict": "unverifiable", "rationale": "No record either way.", "version": w["in_review"].version},
     (200, 200, 403, 401)),
    ("claim reopen", "post", claim_url("resolved", "reopen"), versioned("resolved", reason="New figures."),
     (200, 403, 403, 401)),
    ("claim second review", "post", claim_url("assigned", "second-review"), versioned("assigned", reviewer="oscar"),
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
    # The actions added after the contract paths: everything else the browser can do.
    ("article accept all", "post", ART + "accept-all/", None, (200, 403, 403, 401)),
    ("article reject all", "post", ART + "reject-all/", None, (200, 403, 403, 401)),
    ("report publish", "post", "/api/articles/{finished}/publish/", None, (200, 403, 403, 401)),
    ("report unpublish", "post", "/api/articles/{report}/unpublish/",
     lambda w: {"reason": "The gauge readings were misread."}, (200, 403, 403, 401)),
    ("report claimreview", "get", "/api/articles/{report}/claimreview/", None, (200, 200, 200, 401)),
    ("article import", "post", "/api/articles/import/", lambda w: {"url": "https://news.example.org/varnhold-quake"},
     (202, 403, 403, 401)),
    ("lookup read", "get", "/api/lookups/{lookup}/", None, (200, 200, 200, 401)),
    ("claims merge", "post", "/api/claims/merge/", lambda w: {"claims": [w["suggested"].pk, w["open"].pk]},
     (200, 403, 403, 401)),
    ("claim split", "post", claim_url("open", "split"), lambda w: {"at": w["open"].start + len("measured "),
                                                        "version": w["open"].version},
     (200, 403, 403, 401)),
    ("claims bulk assign", "post", "/api/claims/bulk-assign/",
     lambda w: {"claims": [w["open"].pk, w["assigned"].pk], "reviewer": "oscar", "due": "2031-05-01"},
     (200, 403, 403, 401)),
    ("claim comments list", "get", claim_url("assigned", "comments"), None, (200, 200, 200, 401)),
    ("claim comment add", "post", claim_url("assigned", "comments"),
     lambda w: {"body": "The ministry's count differs from the fire service's."}, (201, 201, 403, 401)),
    ("claim link", "post", claim_url("open", "link"),
     lambda w: {"earlier": w["resolved"].pk, "relation": "same", "version": w["open"].version},
     (200, 403, 403, 401)),
    ("claim reanchor", "post", claim_url("orphan", "reanchor"),
     lambda w: {"start": w["orphan_span"][0], "end": w["orphan_span"][1], "version": w["orphan"].version},
     (200, 403, 403, 401)),
    ("claim source detach", "delete", claim_url("assigned", "sources") + "{source}/", None, (204, 204, 403, 401)),
    ("claim source pin", "post", claim_url("assigned", "sources") + "{source}/pin/", lambda w: {"start": 4, "end": 22},
     (200, 200, 403, 401)),
    ("notifications list", "get", "/api/notifications/", None, (200, 200, 200, 401)),
    ("notifications read", "post", "/api/notifications/read/", None, (200, 200, 200, 401)),
    ("schema", "get", "/api/schema/", None, (200, 200, 200, 200)),
    ("docs", "get", "/api/docs/", None, (200, 200, 200, 200)),
]


# POSTs that store nothing (suggest text) or may find nothing new (suggest on an article).
READ_ONLY_POSTS = {"suggest text", "article suggest"}


def fingerprint() -> dict:
    """Everything a refused call could have touched."""
    return {
        "articles": list(
            Article.objects.order_by("pk").values_list("pk", "title", "version", "current_revision_id", "published_report")
        ),
        "revisions": ArticleRevision.objects.count(),
        "claims": list(
            Claim.objects.order_by("pk").values_list(
                "pk", "status", "version", "text", "assignee_id", "second_reviewer_id", "due", "verdict", "updated_at",
                "start", "end", "orphaned", "same_as_id",
            )
        ),
        "events": ClaimEvent.objects.count(),
        "reviews": Review.objects.count(),
        "comments": Comment.objects.count(),
        "notifications": list(Notification.objects.order_by("pk").values_list("pk", "read_at")),
        "sources": Source.objects.count(),
        "evidence": list(Evidence.objects.order_by("pk").values_list("pk", "passage_start", "passage_end")),
        "lookups": Lookup.objects.count(),
    }


@pytest.fixture
def world(desk, editor, reviewer, other_reviewer):
    source = Source.objects.create(url="https://archive.example.net/seismic-1980", added_by=editor, title="Archive")
    Evidence.objects.create(claim=desk["assigned"], source=source, added_by=editor)
    Snapshot.objects.create(source=source, fetched_at=dt.datetime.now(dt.UTC), final_url=source.url, status_code=200,
                            content_type="text/plain", sha256="0" * 64,
                            text="The 1980 tremor measured 6.4 and was the strongest in a century.")
    lookup = Lookup.objects.create(kind=LookupKind.SIMILAR, claim=desk["assigned"], requested_by=reviewer,
                                   status="done", result={"claims": []})
    # An edit of the text lost this claim's words; the editor places it again.
    orphan = make_claim(desk["article"], "the city fire service said", orphaned=True)
    text = desk["article"].current_revision.text
    start = text.index("from a collapsed apartment block")
    # Two finished checks: one not yet published (publish changes it), one whose report is out
    # (withdraw changes it).
    finished = ArticleFactory(created_by=editor, title="Canal tolls", text="Tolls rose by 12 percent in May.\n")
    tolls = make_claim(finished, "rose by 12 percent", status=ClaimStatus.RESOLVED, assignee=reviewer,
                       verdict="verified", rationale="Canal authority tariff sheet.", types=["quantity"])
    # A verified claim is published only with an independent source behind it.
    tariffs = Source.objects.create(url="https://canal-authority.example.org/tariffs", added_by=editor,
                                    title="Tariff sheet", independent=True)
    Evidence.objects.create(claim=tolls, source=tariffs, added_by=reviewer, stance="supports")
    report = ArticleFactory(created_by=editor, title="Dam levels", text="The reservoir is 82 percent full.\n")
    report.published_report = True
    report.save(update_fields=["published_report"])
    make_claim(report, "82 percent full", status=ClaimStatus.RESOLVED, assignee=reviewer, verdict="verified",
               rationale="Water board gauge readings.", types=["quantity"])
    for user in (editor, reviewer, other_reviewer):
        Notification.objects.create(recipient=user, claim=desk["assigned"], kind="assigned", message="A claim for you.")
    return {**desk, "source": source, "lookup": lookup, "orphan": orphan,
            "orphan_span": (start, start + len("from a collapsed apartment block")), "report": report,
            "finished": finished}


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
