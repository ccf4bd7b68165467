"""Triage of claims by editors: accept, reject (one or all), edit, merge, split."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.claims.models import Claim, ClaimEvent, ClaimStatus, EventKind
from factcheck.claims.services import (
    claim_accept,
    claim_edit,
    claim_reject,
    claim_split,
    claims_accept_all,
    claims_merge,
    claims_reject_all,
)
from factcheck.core.errors import InvalidInput, NotAllowed, NotFound, StaleVersion, WrongState
from tests.claims.conftest import QUOTE, kinds, last_event
from tests.support.factories import ArticleFactory, make_claim

pytestmark = pytest.mark.django_db


# --- accept / reject ---------------------------------------------------------------


def test_editor_accepts_suggestion(editor, suggested_claim):
    claim_accept(actor=editor, claim_id=suggested_claim.pk, version=1)
    suggested_claim.refresh_from_db()
    assert suggested_claim.status == ClaimStatus.OPEN
    assert suggested_claim.version == 2 and suggested_claim.updated_by == editor
    event = last_event(suggested_claim)
    assert (event.kind, event.actor, event.from_status, event.to_status) == ("accepted", editor, "suggested", "open")


def test_accepting_an_open_claim_says_it_is_open(editor, open_claim):
    with pytest.raises(WrongState, match="the claim is open, it must be suggested"):
        claim_accept(actor=editor, claim_id=open_claim.pk)
    open_claim.refresh_from_db()
    assert open_claim.version == 1 and not ClaimEvent.objects.exists()


def test_reviewer_cannot_accept(reviewer, suggested_claim):
    with pytest.raises(NotAllowed):
        claim_accept(actor=reviewer, claim_id=suggested_claim.pk)
    suggested_claim.refresh_from_db()
    assert suggested_claim.status == ClaimStatus.SUGGESTED


def test_accept_unknown_claim_is_not_found(editor):
    with pytest.raises(NotFound):
        claim_accept(actor=editor, claim_id=424242)


def test_editor_rejects_with_reason(editor, suggested_claim):
    claim_reject(actor=editor, claim_id=suggested_claim.pk, reason="Opinion, not a checkable claim.")
    suggested_claim.refresh_from_db()
    assert suggested_claim.status == ClaimStatus.REJECTED
    event = last_event(suggested_claim)
    assert (event.kind, event.from_status, event.to_status) == ("rejected", "suggested", "rejected")
    assert event.note == "Opinion, not a checkable claim."


def test_rejecting_a_claim_under_review_without_a_reason_is_refused(editor, in_review_claim):
    # One click in the workspace must not drop a claim a reviewer is working on (test_take_out_restore).
    with pytest.raises(InvalidInput, match="its reviewer is told"):
        claim_reject(actor=editor, claim_id=in_review_claim.pk)
    in_review_claim.refresh_from_db()
    assert in_review_claim.status == ClaimStatus.IN_REVIEW


def test_stale_reject_names_who_changed_it(editor, suggested_claim, other_reviewer):
    Claim.objects.filter(pk=suggested_claim.pk).update(version=5, updated_by=other_reviewer)
    with pytest.raises(StaleVersion, match=r"changed by Oscar Other at .* since you opened it"):
        claim_reject(actor=editor, claim_id=suggested_claim.pk, version=4)
    suggested_claim.refresh_from_db()
    assert suggested_claim.status == ClaimStatus.SUGGESTED and suggested_claim.version == 5


def test_accept_all_and_reject_all_touch_only_suggestions(editor, article):
    suggestions = [make_claim(article, q, status=ClaimStatus.SUGGESTED) for q in ("14 survivors", "magnitude 6.1")]
    opened = make_claim(article, "more than 300 homes", status=ClaimStatus.OPEN)
    assert claims_accept_all(actor=editor, article_id=article.pk) == 2
    for claim in suggestions:
        claim.refresh_from_db()
        assert claim.status == ClaimStatus.OPEN
        assert last_event(claim).kind == EventKind.ACCEPTED
    opened.refresh_from_db()
    assert opened.version == 1
    assert claims_accept_all(actor=editor, article_id=article.pk) == 0


def test_reject_all(editor, article):
    suggestions = [make_claim(article, q, status=ClaimStatus.SUGGESTED) for q in ("14 survivors", "magnitude 6.1")]
    assert claims_reject_all(actor=editor, article_id=article.pk) == 2
    assert {c.status for c in Claim.objects.filter(pk__in=[s.pk for s in suggestions])} == {ClaimStatus.REJECTED}
    assert ClaimEvent.objects.filter(kind=EventKind.REJECTED, actor=editor).count() == 2


@pytest.mark.parametrize("service", [claims_accept_all, claims_reject_all])
def test_reviewer_cannot_bulk_triage_even_with_nothing_to_do(reviewer, article, service):
    with pytest.raises(NotAllowed):
        service(actor=reviewer, article_id=article.pk)


def test_reviewer_cannot_accept_all(reviewer, suggested_claim):
    with pytest.raises(NotAllowed):
        claims_accept_all(actor=reviewer, article_id=suggested_claim.article_id)
    suggested_claim.refresh_from_db()
    assert suggested_claim.status == ClaimStatus.SUGGESTED


# --- edit ---------------------------------------------------------------------------


def test_editor_rewords_claim_and_sets_due_and_priority(editor, open_claim):
    due = dt.date(2031, 5, 1)
    claim_edit(actor=editor, claim_id=open_claim.pk, version=1, text="Fourteen rescued.", priority=3, due=due)
    open_claim.refresh_from_db()
    assert (open_claim.text, open_claim.priority, open_claim.due) == ("Fourteen rescued.", 3, due)
    assert open_claim.quote == QUOTE  # the anchor stays
    event = last_event(open_claim)
    assert event.kind == EventKind.EDITED and event.actor == editor
    assert event.data["before"]["text"] == QUOTE and event.data["after"]["due"] == "2031-05-01"


def test_edit_without_change_writes_nothing(editor, open_claim):
    claim_edit(actor=editor, claim_id=open_claim.pk, text=QUOTE)
    open_claim.refresh_from_db()
    assert open_claim.version == 1 and not ClaimEvent.objects.exists()


@pytest.mark.parametrize(
    "fields", [{"text": "   "}, {"priority": 9}, {"types": ["rumour"]}, {"quantities": [{"value": "many"}]}]
)
def test_edit_refuses_bad_values(editor, open_claim, fields):
    with pytest.raises(InvalidInput):
        claim_edit(actor=editor, claim_id=open_claim.pk, **fields)
    open_claim.refresh_from_db()
    assert open_claim.version == 1


def test_edit_of_resolved_claim_is_refused(editor, resolved_claim):
    with pytest.raises(WrongState, match="resolved"):
        claim_edit(actor=editor, claim_id=resolved_claim.pk, text="New words")


# --- merge ---------------------------------------------------------------------------


def test_merge_keeps_first_claim_spanning_both(editor, article):
    first = make_claim(article, "magnitude 6.1", types=["quantity"])
    second = make_claim(article, "more than 300 homes", status=ClaimStatus.SUGGESTED, types=["comparison"])
    wording_before = first.text
    kept = claims_merge(actor=editor, claim_ids=[second.pk, first.pk], text="Quake size and damage")
    kept.refresh_from_db()
    second.refresh_from_db()
    assert kept.pk == first.pk
    assert kept.quote == article.text[first.start : second.end]
    # The parts' types first, then what the engine reads in the merged passage ("according to the interior ministry").
    assert kept.text == "Quake size and damage" and kept.types == ["quantity", "comparison", "attribution"]
    assert kept.attributed_to == "the interior ministry"
    assert [q["value"] for q in kept.quantities] == [6.1, 300]
    assert second.status == ClaimStatus.REJECTED
    assert last_event(kept).kind == EventKind.MERGED
    assert last_event(kept).data == {"merged": [second.pk], "wording_before": wording_before}
    gone = last_event(second)
    assert (gone.kind, gone.from_status, gone.to_status, gone.data) == ("merged", "suggested", "rejected", {"into": first.pk})


def test_merge_needs_two_claims_of_one_article(editor, article):
    first = make_claim(article, "magnitude 6.1")
    elsewhere = make_claim(ArticleFactory(created_by=editor), "14 survivors")
    with pytest.raises(InvalidInput):
        claims_merge(actor=editor, claim_ids=[first.pk])
    with pytest.raises(InvalidInput, match="same article"):
        claims_merge(actor=editor, claim_ids=[first.pk, elsewhere.pk])
    with pytest.raises(InvalidInput):
        claims_merge(actor=editor, claim_ids=[first.pk, "abc"])
    with pytest.raises(NotFound):
        claims_merge(actor=editor, claim_ids=[first.pk, 98765])
    assert not ClaimEvent.objects.exists()


def test_merge_refuses_claims_in_review(editor, article, reviewer):
    first = make_claim(article, "magnitude 6.1")
    busy = make_claim(article, "14 survivors", status=ClaimStatus.IN_REVIEW, assignee=reviewer)
    with pytest.raises(WrongState, match="in review"):
        claims_merge(actor=editor, claim_ids=[first.pk, busy.pk])
    busy.refresh_from_db()
    assert busy.status == ClaimStatus.IN_REVIEW


def test_merge_refuses_orphans(editor, article):
    first = make_claim(article, "magnitude 6.1")
    lost = make_claim(article, "14 survivors", orphaned=True)
    with pytest.raises(WrongState, match="re-place it first"):
        claims_merge(actor=editor, claim_ids=[first.pk, lost.pk])


def test_reviewer_cannot_merge(reviewer, article):
    ids = [make_claim(article, q).pk for q in ("magnitude 6.1", "14 survivors")]
    with pytest.raises(NotAllowed):
        claims_merge(actor=reviewer, claim_ids=ids)


# --- split ----------------------------------------------------------------------------


def test_split_makes_two_open_claims(editor, article):
    claim = make_claim(article, "damaged more than 300 homes and left at least 9 people dead", status="suggested")
    at = article.text.index(" and left")
    wording_before = claim.text
    first, second = claim_split(actor=editor, claim_id=claim.pk, at=at, version=1)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.quote == "damaged more than 300 homes"
    assert second.quote == " and left at least 9 people dead"
    assert second.text == "and left at least 9 people dead"
    assert first.status == second.status == ClaimStatus.OPEN
    assert kinds(first) == ["split"] and last_event(first).data == {"new": second.pk, "at": at, "wording_before": wording_before}
    assert kinds(second) == ["created"]


@pytest.mark.parametrize("offset", [0, len(QUOTE), -3, 100])
def test_split_point_must_lie_inside(editor, open_claim, offset):
    with pytest.raises(InvalidInput, match="inside the claim"):
        claim_split(actor=editor, claim_id=open_claim.pk, at=open_claim.start + offset)
    assert Claim.objects.count() == 1


def test_split_with_empty_part_is_refused(editor):
    article = ArticleFactory(created_by=editor, text="It rose by 4%   and fell again.")
    claim = make_claim(article, "   and fell")
    with pytest.raises(InvalidInput, match="need some text"):
        claim_split(actor=editor, claim_id=claim.pk, at=claim.start + 2)
    claim.refresh_from_db()
    assert claim.quote == "   and fell" and Claim.objects.count() == 1


def test_split_of_assigned_claim_is_refused(editor, assigned_claim):
    with pytest.raises(WrongState, match="assigned"):
        claim_split(actor=editor, claim_id=assigned_claim.pk, at=assigned_claim.start + 2)


def test_merged_wording_reads_as_the_text_when_the_parts_are_joined_by_a_few_words(editor, article):
    # SAMPLE_TEXT: "... damaged more than 300 homes and left at least 9 people dead, according to ..."
    homes = make_claim(article, "damaged more than 300 homes")
    dead = make_claim(article, "left at least 9 people dead")
    kept = claims_merge(actor=editor, claim_ids=[dead.pk, homes.pk])
    # Joining the parts dropped the "and": "damaged more than 300 homes left at least 9 people dead".
    assert kept.text == "damaged more than 300 homes and left at least 9 people dead"


def test_merged_wording_joins_own_wordings_or_parts_far_apart_as_sentences(editor, article):
    # Parts sentences apart: the words between them are not the claim's, so the parts are joined.
    survivors = make_claim(article, "14 survivors")
    homes = make_claim(article, "damaged more than 300 homes")
    kept = claims_merge(actor=editor, claim_ids=[survivors.pk, homes.pk])
    assert kept.text == "14 survivors; damaged more than 300 homes"
    # A part with a self-contained wording of its own: joined as sentences.
    size = make_claim(article, "magnitude 6.1", text="The quake measured magnitude 6.1.")
    dead = make_claim(article, "at least 9 people dead")
    kept = claims_merge(actor=editor, claim_ids=[size.pk, dead.pk])
    assert kept.text == "The quake measured magnitude 6.1. At least 9 people dead"
