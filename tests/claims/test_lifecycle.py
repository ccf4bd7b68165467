"""A claim's life as a desk lives it (the tryout of 2 Dec 2026): merging only what belongs together, a changed
figure in the text flagging the claim, an orphan placed again or rejected, a reopened claim open, unassigned and said so."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.accounts.models import Role
from factcheck.articles.services import article_create, article_revise
from factcheck.claims.models import Claim, ClaimStatus, EventKind, Notification
from factcheck.claims.selectors import reviewer_queue
from factcheck.claims.services import (
    claim_assign,
    claim_create,
    claim_edit,
    claim_reanchor,
    claim_reject,
    claim_reopen,
    claims_merge,
    verdict_record,
)
from factcheck.claims.services.placement import best_placement
from factcheck.core.errors import InvalidInput
from tests.claims.conftest import attach_source, last_event
from tests.support.factories import UserFactory

pytestmark = pytest.mark.django_db

TEXT = (
    "At least 37 people were killed when a train derailed near Varnholm on Tuesday, the emergency service said.\n\n"
    "The train was carrying about 640 passengers. Hospital director Jonas Teller said 68 patients were treated. "
    "Rescuers had freed 212 people from the carriages by noon.\n"
)


def _claim(editor, article, quote):
    return claim_create(actor=editor, article_id=article.pk, quote=quote)


@pytest.fixture
def train(editor):
    return article_create(actor=editor, title="Train derails near Varnholm", text=TEXT, language="en")


# --- 1. merge ----------------------------------------------------------------------------------


def test_merge_of_claims_in_different_paragraphs_is_refused_and_says_what_to_do(editor, train):
    killed = _claim(editor, train, "At least 37 people were killed")
    freed = _claim(editor, train, "Rescuers had freed 212 people from the carriages")
    with pytest.raises(InvalidInput) as refused:
        claims_merge(actor=editor, claim_ids=[killed.pk, freed.pk], article_id=train.pk)
    message = refused.value.message
    assert "different paragraphs" in message and "At least 37 people" in message and "Rescuers had freed" in message
    assert "separate claims" in message  # what to do instead
    for c in (killed, freed):
        before = (c.quote, c.status)
        c.refresh_from_db()
        assert (c.quote, c.status) == before
    assert last_event(killed).kind == EventKind.CREATED


def test_a_new_claim_across_a_paragraph_break_is_refused_and_nothing_is_saved(editor, train):
    # The rule lives in claim_create, so the page and the API refuse alike (it was the web form's only).
    start = TEXT.index("the emergency service said")
    end = TEXT.index("about 640 passengers") + len("about 640 passengers")
    with pytest.raises(InvalidInput) as refused:
        claim_create(actor=editor, article_id=train.pk, start=start, end=end)
    assert "runs across a paragraph break (after “the emergency service said.”)" in refused.value.message
    assert refused.value.fields == {"quote": [refused.value.message]}
    assert not train.claims.exists()
    # A selection that only ends on the line break is within its paragraph.
    sentence_end = TEXT.index("\n")
    claim = claim_create(actor=editor, article_id=train.pk, start=0, end=sentence_end + 1)
    assert claim.quote.startswith("At least 37 people") and claim.quote.rstrip().endswith("service said.")


def test_merged_claim_reads_only_the_merged_claims_own_text(editor, train):
    carrying = _claim(editor, train, "The train was carrying about 640 passengers")
    freed = _claim(editor, train, "Rescuers had freed 212 people from the carriages")
    merged = claims_merge(actor=editor, claim_ids=[carrying.pk, freed.pk], article_id=train.pk)
    merged.refresh_from_db()
    # The passage runs from the first to the last claim, one paragraph, the sentence between included...
    assert merged.quote.startswith("The train was") and merged.quote.endswith("from the carriages")
    # ...but what it asserts is what the two claims assert: not the 68 patients, not Jonas Teller.
    assert sorted(q["value"] for q in merged.quantities) == [212, 640]
    assert "Teller" not in merged.attributed_to
    # The sentence between them is not theirs, so the wording joins the two (it ran them together before).
    assert merged.text == "The train was carrying about 640 passengers; Rescuers had freed 212 people from the carriages"


def test_merged_claim_keeps_a_part_s_own_attribution(editor, train):
    killed = _claim(editor, train, "At least 37 people were killed")
    derailed = _claim(editor, train, "a train derailed near Varnholm on Tuesday")
    merged = claims_merge(actor=editor, claim_ids=[killed.pk, derailed.pk], article_id=train.pk)
    merged.refresh_from_db()
    assert merged.attributed_to == "the emergency service"
    assert [q["value"] for q in merged.quantities] == [37]


# --- 3. a changed figure in the text ----------------------------------------------------------------


def _revise(editor, article, old, new):
    article.refresh_from_db()
    return article_revise(actor=editor, article_id=article.pk, text=article.text.replace(old, new),
                          version=article.version)


def test_a_changed_figure_flags_the_open_claim_and_rewrites_its_quote_wording_and_figures(editor, train):
    claim = _claim(editor, train, "Rescuers had freed 212 people from the carriages")
    assert [q["value"] for q in claim.quantities] == [212]
    outcome = _revise(editor, train, "212 people", "214 people")
    claim.refresh_from_db()
    assert outcome.rereview == [claim] and claim.needs_rereview
    assert claim.quote == "Rescuers had freed 214 people from the carriages"
    assert claim.text == "Rescuers had freed 214 people from the carriages"
    assert [q["value"] for q in claim.quantities] == [214]
    event = last_event(claim)
    assert event.kind == EventKind.REANCHORED
    assert event.data["before"]["quote"].endswith("212 people from the carriages")
    assert event.data["after"]["quote"].endswith("214 people from the carriages")
    assert event.data["changed"]["quantities"]["before"][0]["value"] == 212
    assert event.data["changed"]["quantities"]["after"][0]["value"] == 214
    assert event.data["changed"]["text"]["after"] == claim.text


def test_an_editors_own_wording_gets_the_new_figure_where_it_names_the_old_one(editor, train):
    claim = _claim(editor, train, "Rescuers had freed 212 people from the carriages")
    claim_edit(actor=editor, claim_id=claim.pk, text="Rescuers freed 212 people from the derailed train by noon")
    _revise(editor, train, "212 people", "214 people")
    claim.refresh_from_db()
    assert claim.text == "Rescuers freed 214 people from the derailed train by noon" and claim.needs_rereview


def test_an_editors_figure_correction_is_kept_and_the_conflict_recorded(editor, train):
    claim = _claim(editor, train, "Rescuers had freed 212 people from the carriages")
    claim_edit(actor=editor, claim_id=claim.pk,
               quantities=[{"value": 212, "qualifier": "at least", "unit": "people", "text": "212 people"}])
    _revise(editor, train, "212 people", "214 people")
    claim.refresh_from_db()
    assert claim.needs_rereview and [q["value"] for q in claim.quantities] == [212]
    event = last_event(claim)
    assert event.data["kept"] == ["quantities"]
    assert event.data["conflicts"]["quantities"][0]["value"] == 214


def test_a_changed_figure_under_a_resolved_verdict_flags_it(editor, reviewer, train):
    claim = _claim(editor, train, "Rescuers had freed 212 people from the carriages")
    claim_assign(actor=editor, claim_id=claim.pk, reviewer=reviewer)
    verdict_record(actor=reviewer, claim_id=claim.pk, verdict="unverifiable", rationale="No record yet.")
    outcome = _revise(editor, train, "212 people", "214 people")
    claim.refresh_from_db()
    assert claim in outcome.rereview and claim.needs_rereview and claim.status == ClaimStatus.RESOLVED


# --- 7. an orphan: placed again or rejected -------------------------------------------------------


def _orphan(editor, reviewer, train, *, status):
    claim = _claim(editor, train, "Rescuers had freed 212 people from the carriages")
    if status != ClaimStatus.OPEN:
        claim_assign(actor=editor, claim_id=claim.pk, reviewer=reviewer)
    if status == ClaimStatus.RESOLVED:
        verdict_record(actor=reviewer, claim_id=claim.pk, verdict="unverifiable", rationale="No record yet.")
    _revise(editor, train, "Rescuers had freed 212 people from the carriages by noon.",
            "By noon, the fire brigade said, rescue crews had got two hundred people out.")
    claim.refresh_from_db()
    assert claim.orphaned
    return claim


def test_an_orphan_gets_a_suggested_place_and_placing_it_rereads_its_figures(editor, reviewer, train):
    claim = _orphan(editor, reviewer, train, status=ClaimStatus.OPEN)
    place = best_placement(claim)
    assert place is not None and "rescue crews had got two hundred people out" in place.quote
    claim_reanchor(actor=editor, claim_id=claim.pk, start=place.start, end=place.end, version=claim.version)
    claim.refresh_from_db()
    assert not claim.orphaned and claim.quote == place.quote and claim.text == " ".join(place.quote.split())
    assert [q["value"] for q in claim.quantities] == [200] and claim.needs_rereview


@pytest.mark.parametrize("status", [ClaimStatus.OPEN, ClaimStatus.ASSIGNED, ClaimStatus.RESOLVED])
def test_an_orphan_can_be_rejected_in_any_state_and_its_reviewer_hears(editor, reviewer, train, status):
    claim = _orphan(editor, reviewer, train, status=status)
    Notification.objects.all().delete()
    claim_reject(actor=editor, claim_id=claim.pk, version=claim.version, reason="The passage was cut.")
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.REJECTED
    event = last_event(claim)
    assert (event.kind, event.from_status, event.note) == (EventKind.REJECTED, status, "The passage was cut.")
    if status == ClaimStatus.ASSIGNED:
        assert Notification.objects.get(recipient=reviewer).kind == "rejected"


def test_a_placed_claim_in_review_is_rejected_only_with_a_reason_for_its_reviewer(editor, reviewer, train):
    # An orphan may be set aside in one click; a claim a reviewer is working on needs a reason.
    claim = _claim(editor, train, "Rescuers had freed 212 people from the carriages")
    claim_assign(actor=editor, claim_id=claim.pk, reviewer=reviewer)
    with pytest.raises(InvalidInput):
        claim_reject(actor=editor, claim_id=claim.pk)
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.ASSIGNED


# --- 10. reopen ----------------------------------------------------------------------------------


def test_a_reopened_claim_is_open_visibly_unassigned_and_its_reviewer_and_editor_are_told(editor, reviewer, train):
    # The documented lifecycle (resolved -> open on reopen), without the tryout's trap: the claim kept
    # showing "Reviewer: X" while it had left X's queue, and nobody was told.
    other_editor = UserFactory(username="eve", role=Role.EDITOR)
    claim = _claim(editor, train, "Rescuers had freed 212 people from the carriages")
    claim_assign(actor=editor, claim_id=claim.pk, reviewer=reviewer)
    verdict_record(actor=reviewer, claim_id=claim.pk, verdict="unverifiable", rationale="No record yet.")
    Notification.objects.all().delete()
    claim_reopen(actor=other_editor, claim_id=claim.pk, reason="The operator published its log.")
    claim.refresh_from_db()
    assert (claim.status, claim.assignee, claim.verdict) == (ClaimStatus.OPEN, None, "")
    note = Notification.objects.get(recipient=reviewer)
    assert note.kind == "reopened" and "The operator published its log." in note.message
    assert "Rescuers had freed 212 people" in note.message and "open again" in note.message
    assert "nobody is assigned" in Notification.objects.get(recipient=editor).message
    event = last_event(claim)
    assert (event.from_status, event.to_status, event.data["previous_assignee"]) == ("resolved", "open",
                                                                                     reviewer.username)
    # Assigned again (to the same reviewer, one click), it is checked anew.
    claim_assign(actor=editor, claim_id=claim.pk, reviewer=reviewer)
    assert claim.pk in [c.pk for c in reviewer_queue(reviewer)]
    attach_source(claim)
    verdict_record(actor=reviewer, claim_id=claim.pk, verdict="verified", rationale="The log confirms it.")
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.RESOLVED and claim.verdict == "verified"


def test_a_reopened_double_review_tells_both_reviewers(editor, reviewer, other_reviewer, double_claim):
    for who in (reviewer, other_reviewer):
        verdict_record(actor=who, claim_id=double_claim.pk, verdict="verified", rationale="Round one.")
    Notification.objects.all().delete()
    claim_reopen(actor=editor, claim_id=double_claim.pk, reason="New figures published.")
    double_claim.refresh_from_db()
    assert (double_claim.status, double_claim.assignee, double_claim.second_reviewer) == (ClaimStatus.OPEN, None, None)
    assert last_event(double_claim).data["previous_reviewers"] == [reviewer.username, other_reviewer.username]
    for who in (reviewer, other_reviewer):
        assert Notification.objects.get(recipient=who).kind == "reopened"


def test_a_reopened_claim_whose_reviewer_left_is_visibly_unassigned_and_the_editor_told(editor, reviewer, train):
    other_editor = UserFactory(username="eve", role=Role.EDITOR)
    claim = _claim(editor, train, "Rescuers had freed 212 people from the carriages")
    claim_assign(actor=editor, claim_id=claim.pk, reviewer=reviewer)
    verdict_record(actor=reviewer, claim_id=claim.pk, verdict="unverifiable", rationale="No record yet.")
    reviewer.is_active = False
    reviewer.save()
    Notification.objects.all().delete()
    claim_reopen(actor=other_editor, claim_id=claim.pk, reason="The operator published its log.")
    claim.refresh_from_db()
    assert (claim.status, claim.assignee) == (ClaimStatus.OPEN, None)
    assert last_event(claim).data["previous_assignee"] == reviewer.username
    note = Notification.objects.get(recipient=editor)
    assert note.kind == "reopened" and "nobody is assigned" in note.message


def test_a_reopened_claim_does_not_start_its_new_round_overdue(editor, reviewer, train):
    claim = _claim(editor, train, "Rescuers had freed 212 people from the carriages")
    claim_assign(actor=editor, claim_id=claim.pk, reviewer=reviewer, due=dt.date.today() + dt.timedelta(days=1))
    verdict_record(actor=reviewer, claim_id=claim.pk, verdict="unverifiable", rationale="No record yet.")
    type(claim).objects.filter(pk=claim.pk).update(due=dt.date.today() - dt.timedelta(days=3))
    claim_reopen(actor=editor, claim_id=claim.pk, reason="The operator published its log.")
    claim.refresh_from_db()
    assert claim.due is None and not claim.is_overdue
    assert last_event(claim).data["previous_due"] == (dt.date.today() - dt.timedelta(days=3)).isoformat()


def test_the_tryouts_hebrew_claim_follows_12_to_14(editor):
    # The tryout's claim 45: the article said 14 after the edit, the claim still 12 and "0 need re-review".
    sentence = ("לפחות 12 בני אדם נהרגו ו-45 נפצעו בשריפה שפרצה ביום שני במפעל טקסטיל באזור התעשייה של קריית נוף, "
                "כך מסרה כבאות והצלה.")
    article = article_create(actor=editor, title="שריפה במפעל בקריית נוף", text=sentence + "\n", language="he")
    claim = _claim(editor, article, sentence)
    assert 12 in [q["value"] for q in claim.quantities]
    outcome = _revise(editor, article, "לפחות 12", "לפחות 14")
    claim.refresh_from_db()
    assert outcome.rereview == [claim] and claim.needs_rereview
    assert "לפחות 14" in claim.quote and "לפחות 14" in claim.text
    values = [q["value"] for q in claim.quantities]
    assert 14 in values and 12 not in values
