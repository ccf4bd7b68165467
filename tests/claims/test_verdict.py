"""verdict_record: the evidence gate, refusals, single and double (blind) review, settlement."""

from __future__ import annotations

import pytest

from factcheck.claims.models import Claim, ClaimEvent, ClaimStatus, EventKind, Notification, Review
from factcheck.claims.services import counting_evidence, verdict_record
from factcheck.core.errors import EvidenceMissing, InvalidInput, NotAllowed, StaleVersion, WrongState
from tests.claims.conftest import attach_source, kinds, last_event
from tests.support.factories import make_claim

pytestmark = pytest.mark.django_db

WHY = "The fire service log lists 14 people rescued."


def resolved_event(claim: Claim) -> ClaimEvent:
    return ClaimEvent.objects.get(claim=claim, kind=EventKind.RESOLVED)


# --- single review ----------------------------------------------------------------------


def test_reviewer_verifies_claim_with_independent_source(reviewer, editor, in_review_claim):
    attach_source(in_review_claim)
    verdict_record(
        actor=reviewer, claim_id=in_review_claim.pk, verdict="verified", rationale=WHY, rating="accurate", version=1
    )
    in_review_claim.refresh_from_db()
    assert in_review_claim.status == ClaimStatus.RESOLVED
    assert (in_review_claim.verdict, in_review_claim.rating, in_review_claim.rationale) == ("verified", "accurate", WHY)
    assert in_review_claim.resolved_at is not None and in_review_claim.version == 2
    event = resolved_event(in_review_claim)
    assert (event.actor, event.from_status, event.to_status, event.verdict) == (reviewer, "in_review", "resolved", "verified")
    assert Review.objects.get(claim=in_review_claim).verdict == "verified"
    note = Notification.objects.get(recipient=editor)
    assert note.kind == "resolved" and "marked a claim verified" in note.message


def test_verdict_on_assigned_claim_logs_the_implied_start(reviewer, assigned_claim):
    verdict_record(actor=reviewer, claim_id=assigned_claim.pk, verdict="unverifiable", rationale="No record exists.")
    assigned_claim.refresh_from_db()
    assert assigned_claim.status == ClaimStatus.RESOLVED
    assert kinds(assigned_claim) == ["started", "reviewed", "resolved"]
    started = ClaimEvent.objects.get(claim=assigned_claim, kind=EventKind.STARTED)
    assert (started.from_status, started.to_status) == ("assigned", "in_review")
    event = resolved_event(assigned_claim)
    # The audit trail chains: each row starts where the previous one ended.
    assert (event.from_status, event.to_status, event.verdict) == ("in_review", "resolved", "unverifiable")


def test_disputed_claim_notifies_editor_as_disputed(reviewer, editor, in_review_claim):
    attach_source(in_review_claim, "https://registry.example.org/deaths")
    verdict_record(actor=reviewer, claim_id=in_review_claim.pk, verdict="disputed", rationale="Registry says 11.")
    in_review_claim.refresh_from_db()
    assert in_review_claim.verdict == "disputed"
    assert Notification.objects.get(recipient=editor).kind == "disputed"


def test_unverifiable_needs_no_source(reviewer, in_review_claim):
    verdict_record(actor=reviewer, claim_id=in_review_claim.pk, verdict="unverifiable", rationale="Nothing public.")
    in_review_claim.refresh_from_db()
    assert in_review_claim.verdict == "unverifiable" and in_review_claim.status == ClaimStatus.RESOLVED


def test_resolution_by_editor_does_not_notify_themselves(editor, in_review_claim):
    verdict_record(actor=editor, claim_id=in_review_claim.pk, verdict="unverifiable", rationale="Checked myself.")
    in_review_claim.refresh_from_db()
    assert in_review_claim.status == ClaimStatus.RESOLVED and resolved_event(in_review_claim).actor == editor
    assert not Notification.objects.filter(recipient=editor).exists()


def test_the_reviewer_hears_when_an_editor_decides_their_claim(editor, reviewer, in_review_claim):
    verdict_record(actor=editor, claim_id=in_review_claim.pk, verdict="unverifiable", rationale="Checked myself.")
    told = Notification.objects.get(recipient=reviewer)
    assert told.kind == "resolved" and "recorded the verdict (unverifiable) on a claim you were reviewing" in told.message


def test_the_reviewer_is_not_told_of_their_own_verdict(reviewer, in_review_claim):
    verdict_record(actor=reviewer, claim_id=in_review_claim.pk, verdict="unverifiable", rationale=WHY)
    assert not Notification.objects.filter(recipient=reviewer).exists()


# --- the evidence gate --------------------------------------------------------------------


@pytest.mark.parametrize("verdict", ["verified", "disputed"])
def test_verified_and_disputed_need_a_source(reviewer, in_review_claim, verdict):
    with pytest.raises(EvidenceMissing, match="independent source"):
        verdict_record(actor=reviewer, claim_id=in_review_claim.pk, verdict=verdict, rationale=WHY)
    in_review_claim.refresh_from_db()
    assert in_review_claim.status == ClaimStatus.IN_REVIEW and in_review_claim.verdict == ""
    assert in_review_claim.version == 1
    assert not Review.objects.exists() and last_event(in_review_claim) is None


@pytest.mark.parametrize(
    "source_url",
    [
        "https://valleytribune.example.com/other-story",
        "https://www.valleytribune.example.com/other-story",
        "http://VALLEYTRIBUNE.example.com:8080/x",
    ],
)
def test_a_source_on_the_articles_own_site_does_not_count(reviewer, in_review_claim, source_url):
    article = in_review_claim.article
    article.url = "https://www.valleytribune.example.com/2024/quake"
    article.save()
    attach_source(in_review_claim, source_url)
    assert not counting_evidence(Claim.objects.get(pk=in_review_claim.pk)).exists()
    with pytest.raises(EvidenceMissing, match="own site"):
        verdict_record(actor=reviewer, claim_id=in_review_claim.pk, verdict="verified", rationale=WHY)
    in_review_claim.refresh_from_db()
    assert in_review_claim.status == ClaimStatus.IN_REVIEW


def test_source_marked_not_independent_does_not_count(reviewer, in_review_claim):
    attach_source(in_review_claim, "https://press.example.net/release", independent=False)
    with pytest.raises(EvidenceMissing):
        verdict_record(actor=reviewer, claim_id=in_review_claim.pk, verdict="disputed", rationale=WHY)


def test_independent_source_counts_beside_own_site_source(reviewer, in_review_claim):
    article = in_review_claim.article
    article.url = "https://valleytribune.example.com/2024/quake"
    article.save()
    attach_source(in_review_claim, "https://valleytribune.example.com/earlier")
    attach_source(in_review_claim, "https://seismic.example.org/events/61")
    attach_source(in_review_claim, "unjudged.example.org/no-scheme", independent=None)
    counted = counting_evidence(Claim.objects.get(pk=in_review_claim.pk))
    assert sorted(e.source.url for e in counted) == ["https://seismic.example.org/events/61", "unjudged.example.org/no-scheme"]
    verdict_record(actor=reviewer, claim_id=in_review_claim.pk, verdict="verified", rationale=WHY)
    in_review_claim.refresh_from_db()
    assert in_review_claim.verdict == "verified"


# --- refusals --------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [ClaimStatus.SUGGESTED, ClaimStatus.OPEN, ClaimStatus.RESOLVED, ClaimStatus.REJECTED])
def test_verdict_in_wrong_state_says_the_state(editor, reviewer, article, status):
    claim = make_claim(article, "14 survivors", status=status, assignee=reviewer)
    with pytest.raises(WrongState, match=f"the claim is {ClaimStatus(status).label.lower()}"):
        verdict_record(actor=reviewer, claim_id=claim.pk, verdict="unverifiable", rationale=WHY)
    claim.refresh_from_db()
    assert claim.status == status and claim.version == 1 and not Review.objects.exists()


@pytest.mark.parametrize("persona", ["other_reviewer", "outsider"])
def test_reviewer_cannot_record_verdict_on_claim_not_assigned_to_them(request, in_review_claim, persona):
    attach_source(in_review_claim)
    with pytest.raises(NotAllowed):
        verdict_record(actor=request.getfixturevalue(persona), claim_id=in_review_claim.pk, verdict="verified",
                       rationale=WHY)
    in_review_claim.refresh_from_db()
    assert in_review_claim.status == ClaimStatus.IN_REVIEW and in_review_claim.version == 1
    assert not Review.objects.exists() and last_event(in_review_claim) is None


def test_deactivated_assignee_cannot_record_verdict(reviewer, in_review_claim):
    reviewer.is_active = False
    reviewer.save()
    with pytest.raises(NotAllowed):
        verdict_record(actor=reviewer, claim_id=in_review_claim.pk, verdict="unverifiable", rationale=WHY)


@pytest.mark.parametrize("rationale", ["", "   ", None])
def test_rationale_is_required(reviewer, in_review_claim, rationale):
    with pytest.raises(InvalidInput, match="Rationale is required") as exc:
        verdict_record(actor=reviewer, claim_id=in_review_claim.pk, verdict="unverifiable", rationale=rationale)
    assert "rationale" in exc.value.fields
    in_review_claim.refresh_from_db()
    assert in_review_claim.status == ClaimStatus.IN_REVIEW


@pytest.mark.parametrize("verdict", ["true", "", "VERIFIED", None, ["verified"]])
def test_unknown_verdict_is_refused(reviewer, in_review_claim, verdict):
    with pytest.raises(InvalidInput, match="Unknown verdict") as exc:
        verdict_record(actor=reviewer, claim_id=in_review_claim.pk, verdict=verdict, rationale=WHY)
    assert "verdict" in exc.value.fields
    in_review_claim.refresh_from_db()
    assert in_review_claim.status == ClaimStatus.IN_REVIEW


@pytest.mark.parametrize("rating", ["pants on fire", 3])
def test_unknown_rating_is_refused(reviewer, in_review_claim, rating):
    with pytest.raises(InvalidInput, match="rating"):
        verdict_record(actor=reviewer, claim_id=in_review_claim.pk, verdict="unverifiable", rationale=WHY, rating=rating)
    in_review_claim.refresh_from_db()
    assert in_review_claim.rating == "" and in_review_claim.status == ClaimStatus.IN_REVIEW


def test_configured_rating_scale_is_used(settings, reviewer, in_review_claim):
    settings.RATING_SCALE = ["solid", "shaky"]
    with pytest.raises(InvalidInput):
        verdict_record(actor=reviewer, claim_id=in_review_claim.pk, verdict="unverifiable", rationale=WHY,
                       rating="accurate")
    verdict_record(actor=reviewer, claim_id=in_review_claim.pk, verdict="unverifiable", rationale=WHY, rating="shaky")
    in_review_claim.refresh_from_db()
    assert in_review_claim.rating == "shaky"


def test_stale_verdict_names_who_and_when_and_overwrites_nothing(editor, reviewer, in_review_claim):
    from factcheck.claims.services import claim_edit

    claim_edit(actor=editor, claim_id=in_review_claim.pk, text="Fourteen were rescued.", version=1)
    in_review_claim.refresh_from_db()
    with pytest.raises(StaleVersion) as exc:
        verdict_record(actor=reviewer, claim_id=in_review_claim.pk, verdict="unverifiable", rationale=WHY, version=1)
    stamp = in_review_claim.updated_at.strftime("%H:%M:%S on %d %b %Y")
    assert exc.value.message.startswith(f"This claim was changed by Edna Editor at {stamp} since you opened it.")
    assert exc.value.status == 409 and exc.value.as_dict()["error"]["code"] == "stale_version"
    after = type(in_review_claim).objects.get(pk=in_review_claim.pk)
    assert (after.status, after.verdict, after.version, after.text) == ("in_review", "", 2, "Fourteen were rescued.")
    assert not Review.objects.exists()


# --- double review ------------------------------------------------------------------------------


def test_agreeing_blind_reviews_resolve_the_claim(editor, reviewer, other_reviewer, double_claim):
    verdict_record(actor=reviewer, claim_id=double_claim.pk, verdict="verified", rationale="Log matches.")
    double_claim.refresh_from_db()
    assert double_claim.status == ClaimStatus.IN_REVIEW and double_claim.verdict == ""
    first = last_event(double_claim)
    assert (first.kind, first.actor, first.verdict) == ("reviewed", reviewer, "verified")
    assert not Notification.objects.filter(recipient=editor).exists()

    verdict_record(actor=other_reviewer, claim_id=double_claim.pk, verdict="verified", rationale="Registry agrees.")
    double_claim.refresh_from_db()
    assert double_claim.status == ClaimStatus.RESOLVED and double_claim.verdict == "verified"
    assert "Rita Reviewer: Log matches." in double_claim.rationale
    assert "Oscar Other: Registry agrees." in double_claim.rationale
    assert Review.objects.filter(claim=double_claim).count() == 2
    event = resolved_event(double_claim)
    assert (event.actor, event.from_status, event.to_status, event.verdict) == (
        other_reviewer, "in_review", "resolved", "verified"
    )
    assert Notification.objects.get(recipient=editor).kind == "resolved"


def test_reviewer_cannot_answer_twice_in_double_review(reviewer, double_claim):
    verdict_record(actor=reviewer, claim_id=double_claim.pk, verdict="verified", rationale="Log matches.")
    with pytest.raises(WrongState, match="already recorded"):
        verdict_record(actor=reviewer, claim_id=double_claim.pk, verdict="disputed", rationale="Changed my mind.")
    assert Review.objects.get(claim=double_claim, reviewer=reviewer).verdict == "verified"


def test_differing_reviews_wait_for_editor_who_settles(editor, reviewer, other_reviewer, double_claim):
    verdict_record(actor=reviewer, claim_id=double_claim.pk, verdict="verified", rationale="Log matches.")
    verdict_record(actor=other_reviewer, claim_id=double_claim.pk, verdict="disputed", rationale="Registry says 11.")
    double_claim.refresh_from_db()
    assert double_claim.status == ClaimStatus.IN_REVIEW and double_claim.needs_settlement
    assert double_claim.verdict == ""
    note = Notification.objects.get(recipient=editor)
    assert note.kind == "needs_settlement"

    verdict_record(actor=editor, claim_id=double_claim.pk, verdict="disputed", rationale="The registry is the record.")
    double_claim.refresh_from_db()
    assert double_claim.status == ClaimStatus.RESOLVED and double_claim.verdict == "disputed"
    assert not double_claim.needs_settlement
    assert double_claim.rationale == "The registry is the record."
    # Both reviewers' verdicts stay in the record beside the editor's decision.
    assert {(r.reviewer.username, r.verdict) for r in Review.objects.filter(claim=double_claim)} == {
        ("rita", "verified"), ("oscar", "disputed"), ("edna", "disputed")
    }
    settled = ClaimEvent.objects.get(claim=double_claim, kind=EventKind.SETTLED)
    assert (settled.actor, settled.verdict) == (editor, "disputed")
    assert resolved_event(double_claim).from_status == "in_review"


@pytest.mark.parametrize("who", ["reviewer", "other_reviewer"])
def test_reviewer_cannot_settle_a_disagreement(request, reviewer, other_reviewer, double_claim, who):
    verdict_record(actor=reviewer, claim_id=double_claim.pk, verdict="verified", rationale="Log matches.")
    verdict_record(actor=other_reviewer, claim_id=double_claim.pk, verdict="disputed", rationale="Registry says 11.")
    with pytest.raises(NotAllowed, match="only an editor"):
        verdict_record(actor=request.getfixturevalue(who), claim_id=double_claim.pk, verdict="disputed",
                       rationale="Overruling.")
    double_claim.refresh_from_db()
    assert double_claim.status == ClaimStatus.IN_REVIEW and double_claim.needs_settlement
    assert {(r.reviewer.username, r.verdict, r.rationale) for r in Review.objects.filter(claim=double_claim)} == {
        ("rita", "verified", "Log matches."), ("oscar", "disputed", "Registry says 11.")
    }


def test_settlement_by_an_editor_who_also_reviewed_keeps_their_review(editor, other_reviewer, article):
    claim = make_claim(article, "14 survivors", status=ClaimStatus.IN_REVIEW, assignee=editor,
                       second_reviewer=other_reviewer)
    attach_source(claim)
    verdict_record(actor=editor, claim_id=claim.pk, verdict="verified", rationale="Mine.")
    verdict_record(actor=other_reviewer, claim_id=claim.pk, verdict="disputed", rationale="Theirs.")
    verdict_record(actor=editor, claim_id=claim.pk, verdict="disputed", rationale="On reflection, theirs.")
    claim.refresh_from_db()
    assert claim.verdict == "disputed" and claim.status == ClaimStatus.RESOLVED
    assert Review.objects.get(claim=claim, reviewer=editor).verdict == "verified"


def test_assignment_is_refused_while_settlement_is_pending(editor, reviewer, other_reviewer, double_claim):
    from factcheck.claims.services import claim_assign
    from tests.support.factories import UserFactory

    verdict_record(actor=reviewer, claim_id=double_claim.pk, verdict="verified", rationale="Log matches.")
    verdict_record(actor=other_reviewer, claim_id=double_claim.pk, verdict="disputed", rationale="Registry says 11.")
    third = UserFactory(username="tess")
    with pytest.raises(WrongState, match="settle"):
        claim_assign(actor=editor, claim_id=double_claim.pk, reviewer=third)
    double_claim.refresh_from_db()
    assert double_claim.assignee == reviewer
