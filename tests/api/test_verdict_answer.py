"""The verdict action answers with the claim as the service left it (no second read): exactly what a
GET of the claim shows right after, on every path of the review; and a missing claim is still a 404
before any other refusal, though the action no longer asks first."""

from __future__ import annotations

import pytest

from factcheck.claims import services
from factcheck.claims.models import ClaimStatus
from factcheck.sources.models import Evidence, Source

pytestmark = pytest.mark.django_db

RATIONALE = {"rationale": "No published records to check against."}


def verdict(client, claim_id: int, version: int, value: str = "unverifiable", **extra):
    return client.post(f"/api/claims/{claim_id}/verdict/", {"verdict": value, "version": version, **RATIONALE,
                                                            **extra}, format="json")


def same_as_read(client, response) -> dict:
    assert response.status_code == 200, response.content[:300]
    body = response.json()
    assert body == client.get(f"/api/claims/{body['id']}/").json()
    return body


def test_a_single_review_answers_the_resolved_claim(as_reviewer, desk):
    for name in ("assigned", "in_review"):  # an assigned claim is started on the way
        claim = desk[name]
        body = same_as_read(as_reviewer, verdict(as_reviewer, claim.pk, claim.version, rating=""))
        assert body["status"] == ClaimStatus.RESOLVED and body["verdict"] == "unverifiable"
        assert body["version"] == claim.version + 1 and body["assignee"] == claim.assignee.username


def test_a_double_review_answers_each_step(as_reviewer, as_other, as_editor, editor, reviewer, other_reviewer, desk):
    claim = desk["in_review"]
    source = Source.objects.create(url="https://harbour.example.org/quake", added_by=editor)
    Evidence.objects.create(claim=claim, source=source, added_by=reviewer)
    services.claim_request_second_review(actor=editor, claim_id=claim.pk, reviewer=other_reviewer.username)
    claim.refresh_from_db()
    first = same_as_read(as_reviewer, verdict(as_reviewer, claim.pk, claim.version))
    assert first["status"] == ClaimStatus.IN_REVIEW and first["second_reviewer"] == other_reviewer.username
    # The second reviewer disagrees: the claim waits for an editor, who settles it.
    waiting = same_as_read(as_other, verdict(as_other, claim.pk, first["version"], "verified"))
    assert waiting["status"] == ClaimStatus.IN_REVIEW and waiting["needs_settlement"] is True
    settled = same_as_read(as_editor, verdict(as_editor, claim.pk, waiting["version"], "verified"))
    assert settled["status"] == ClaimStatus.RESOLVED and settled["verdict"] == "verified"
    assert settled["needs_settlement"] is False


def test_agreeing_reviewers_resolve_the_claim(as_reviewer, as_other, as_editor, editor, other_reviewer, desk):
    claim = desk["in_review"]
    services.claim_request_second_review(actor=editor, claim_id=claim.pk, reviewer=other_reviewer.username)
    claim.refresh_from_db()
    first = same_as_read(as_reviewer, verdict(as_reviewer, claim.pk, claim.version))
    # Agreement resolves the claim with both rationales.
    agreed = same_as_read(as_other, verdict(as_other, claim.pk, first["version"]))
    assert agreed["status"] == ClaimStatus.RESOLVED and agreed["needs_settlement"] is False


def test_an_editor_deciding_answers_the_claim(as_editor, desk):
    claim = desk["assigned"]
    body = same_as_read(as_editor, verdict(as_editor, claim.pk, claim.version))
    assert body["status"] == ClaimStatus.RESOLVED


def test_a_missing_claim_is_a_404_before_any_other_refusal(as_reviewer, as_other, desk):
    missing = desk["resolved"].pk + 1000
    assert verdict(as_reviewer, missing, 1).status_code == 404
    assert as_reviewer.post(f"/api/claims/{missing}/verdict/", {"verdict": "nonsense"}, format="json").status_code == 404
    assert verdict(as_other, missing, 1).status_code == 404
    # The same refusals on a claim that exists keep their own codes.
    claim = desk["assigned"]
    assert as_reviewer.post(f"/api/claims/{claim.pk}/verdict/", {"verdict": "nonsense"}, format="json").status_code == 400
    assert verdict(as_other, claim.pk, claim.version).status_code == 403
    assert verdict(as_reviewer, claim.pk, claim.version + 5).status_code == 409
