"""What the outside audit broke in the API's inputs: versionless state changes, lax filters and text fields."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request

import pytest
from rest_framework.authtoken.models import Token

from factcheck.claims.models import Claim, ClaimEvent, ClaimStatus, EventKind, Notification
from factcheck.claims.services import claim_accept
from tests.api.server import serve
from tests.api.test_errors import error_of
from tests.support.factories import UserFactory, make_claim

# (action, claim state, body without the version)
STATE_CHANGES = [
    ("accept", "suggested", {}),
    ("reject", "open", {"reason": "Opinion."}),
    ("assign", "open", {"reviewer": "oscar"}),
    ("start", "assigned", {}),
    ("reopen", "resolved", {"reason": "New figures."}),
    ("second-review", "assigned", {"reviewer": "oscar"}),
    ("split", "open", {"at": None}),
    ("reanchor", "open", {"start": 0, "end": 5}),
    ("link", "open", {"relation": "none"}),
]


def _body(desk, state: str, body: dict) -> dict:
    if "at" in body:
        return {"at": desk[state].start + 4}
    return body


@pytest.mark.parametrize(("action", "state", "body"), STATE_CHANGES, ids=[c[0] for c in STATE_CHANGES])
def test_state_change_without_a_version_is_400_and_changes_nothing(as_editor, as_reviewer, desk, action, state, body):
    claim = desk[state]
    client = as_reviewer if action == "start" else as_editor
    before = (claim.status, claim.version, claim.assignee_id, claim.second_reviewer_id, claim.start, claim.end)
    events = ClaimEvent.objects.count()

    error = error_of(client.post(f"/api/claims/{claim.pk}/{action}/", _body(desk, state, body), format="json"), 400)

    assert error["fields"] == {"version": ["This field is required."]}
    claim.refresh_from_db()
    assert (claim.status, claim.version, claim.assignee_id, claim.second_reviewer_id, claim.start, claim.end) == before
    assert ClaimEvent.objects.count() == events and not Notification.objects.exists()


@pytest.mark.parametrize(("action", "state", "body"), STATE_CHANGES, ids=[c[0] for c in STATE_CHANGES])
def test_schema_marks_version_required_on_every_state_change(as_editor, action, state, body):
    schema = as_editor.get("/api/schema/?format=json").json()
    operation = schema["paths"][f"/api/claims/{{id}}/{action}/"]["post"]
    ref = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
    assert "version" in schema["components"]["schemas"][ref]["required"]
    assert operation["requestBody"]["required"] is True


def test_schema_patch_of_a_claim_requires_version_and_lists_ratings(as_editor, settings):
    schema = as_editor.get("/api/schema/?format=json").json()
    components = schema["components"]["schemas"]
    assert components["PatchedClaimUpdateRequest"]["required"] == ["version"]
    rating = components["VerdictRequest"]["properties"]["rating"]
    enums = [components[option["$ref"].rsplit("/", 1)[-1]]["enum"] for option in rating["oneOf"]]
    assert sorted(enums) == sorted([[""], list(settings.RATING_SCALE)])


def test_a_number_for_a_text_field_is_400_not_turned_into_text(as_editor, desk):
    article = desk["article"]
    error = error_of(as_editor.patch(f"/api/articles/{article.pk}/", {"author": 0}, format="json"), 400)
    assert error["fields"] == {"author": ["Must be text (a JSON string)."]}
    article.refresh_from_db()
    assert article.author != "0"
    claim = desk["assigned"]
    error = error_of(as_editor.post(f"/api/claims/{claim.pk}/assign/", {"reviewer": 7, "version": claim.version},
                                    format="json"), 400)
    assert "reviewer" in error["fields"]


def test_overdue_filter_refuses_a_value_that_is_not_true_or_false(as_editor, desk):
    error = error_of(as_editor.get("/api/claims/?overdue=maybe"), 400)
    assert "overdue" in error["fields"]
    assert as_editor.get("/api/claims/?overdue=false").status_code == 200


@pytest.mark.parametrize("ordering", ["created_by__password", "nonsense", "start,-assignee__password"])
def test_ordering_by_an_unknown_or_sensitive_field_is_400_naming_the_allowed_ones(as_editor, desk, ordering):
    error = error_of(as_editor.get(f"/api/claims/?ordering={ordering}"), 400)
    assert "due" in error["fields"]["ordering"][0] and "start" in error["fields"]["ordering"][0]
    error = error_of(as_editor.get(f"/api/articles/?ordering={ordering}"), 400)
    assert "title" in error["fields"]["ordering"][0]


def test_ordering_by_an_offered_field_still_orders(as_editor, desk):
    response = as_editor.get(f"/api/claims/?article={desk['article'].pk}&ordering=-start")
    starts = [c["start"] for c in response.json()["results"]]
    assert starts == sorted(starts, reverse=True) and len(starts) == 5


def test_accept_all_counts_only_the_claims_it_changed(as_editor, desk, editor):
    article = desk["article"]
    second = make_claim(article, "in over 40 years", status=ClaimStatus.SUGGESTED, suggested=True)
    claim_accept(actor=editor, claim_id=second.pk, version=second.version)  # someone got there first
    response = as_editor.post(f"/api/articles/{article.pk}/accept-all/")
    assert response.json() == {"count": 1}
    assert as_editor.post(f"/api/articles/{article.pk}/accept-all/").json() == {"count": 0}
    assert not Claim.objects.filter(article=article, status=ClaimStatus.SUGGESTED).exists()


# --- twenty editors' clicks at once ------------------------------------------------------------------


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_assigns_of_one_version_end_with_one_assignment_and_one_notification(
    require_postgres, editor, article
):
    claim = make_claim(article, "in over 40 years", status=ClaimStatus.OPEN)
    reviewers = [UserFactory(username=f"rev{n:02d}") for n in range(20)]
    token = Token.objects.create(user=editor).key
    barrier = threading.Barrier(len(reviewers))
    statuses: list[int] = []

    def assign(base: str, username: str) -> None:
        body = json.dumps({"reviewer": username, "version": claim.version}).encode()
        request = urllib.request.Request(
            f"{base}/api/claims/{claim.pk}/assign/", data=body, method="POST",
            headers={"Authorization": f"Token {token}", "Content-Type": "application/json"},
        )
        barrier.wait(timeout=30)
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                statuses.append(response.status)
        except urllib.error.HTTPError as exc:
            statuses.append(exc.code)

    with serve() as base:
        threads = [threading.Thread(target=assign, args=(base, r.username)) for r in reviewers]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)

    assert sorted(statuses) == [200] + [409] * 19
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.ASSIGNED and claim.version == 2
    assert ClaimEvent.objects.filter(claim=claim, kind=EventKind.ASSIGNED).count() == 1
    notes = list(Notification.objects.filter(kind="assigned"))
    assert [n.recipient_id for n in notes] == [claim.assignee_id]


def test_a_verdict_takes_the_rating_scale_in_force_and_refuses_what_it_leaves_out(as_reviewer, desk, settings):
    # The verdict's input fields are made anew for every request (api/serializers/common.FreshFieldsSerializer):
    # a changed RATING_SCALE is what the next request is checked against.
    claim = desk["assigned"]
    body = {"verdict": "disputed", "rationale": "No records.", "version": claim.version}
    settings.RATING_SCALE = ["wrong", "right"]
    error = error_of(as_reviewer.post(f"/api/claims/{claim.pk}/verdict/", {**body, "rating": "false"}, format="json"),
                     400)
    assert list(error["fields"]) == ["rating"]
    settings.RATING_SCALE = ["false", "true"]
    response = as_reviewer.post(f"/api/claims/{claim.pk}/verdict/", {**body, "verdict": "unverifiable", "rating": "false"},
                                format="json")
    assert response.status_code == 200 and response.json()["rating"] == "false"
