"""Editing an article's text re-anchors every claim (article_revise + core.anchoring)."""

from __future__ import annotations

import pytest

from factcheck.articles.models import ArticleRevision
from factcheck.articles.services import article_revise
from factcheck.claims.models import Claim, ClaimEvent, ClaimStatus, EventKind
from factcheck.claims.services import claim_reanchor
from factcheck.core.errors import InvalidInput, StaleVersion
from tests.claims.conftest import kinds, last_event
from tests.support.factories import ArticleFactory, make_claim

pytestmark = pytest.mark.django_db

BODY = (
    "The harbour authority said cargo volumes grew by 7% last year. Port fees were unchanged. "
    "A spokesperson added that 212 ships docked in December, a record for the month.\n"
)
QUOTE = "212 ships docked in December"


@pytest.fixture
def doc(editor):
    return ArticleFactory(created_by=editor, text=BODY)


@pytest.fixture
def claim(doc):
    return make_claim(doc, QUOTE)


def revise(editor, doc, text, **kw):
    doc.refresh_from_db()
    return article_revise(actor=editor, article_id=doc.pk, text=text, version=doc.version, **kw)


def at(claim: Claim) -> str:
    claim.refresh_from_db()
    return claim.revision.text[claim.start : claim.end]


def test_insertion_before_claim_shifts_it(editor, doc, claim):
    inserted = "Officials met on Monday. "
    outcome = revise(editor, doc, inserted + BODY)
    claim.refresh_from_db()
    assert claim.revision == outcome.revision and outcome.revision.number == 2
    assert (claim.start, at(claim), claim.orphaned) == (BODY.index(QUOTE) + len(inserted), QUOTE, False)
    assert outcome.moved == [claim] and outcome.orphaned == [] and outcome.rereview == []
    event = last_event(claim)
    assert event.kind == EventKind.REANCHORED and event.actor == editor and event.data["method"] == "context"
    assert event.data["before"]["start"] == BODY.index(QUOTE)


def test_insertion_after_claim_leaves_it_and_logs_nothing(editor, doc, claim):
    outcome = revise(editor, doc, BODY + "More figures follow next week.\n")
    claim.refresh_from_db()
    assert (claim.start, at(claim), claim.revision_id) == (BODY.index(QUOTE), QUOTE, outcome.revision.pk)
    assert outcome.moved == [] and kinds(claim) == []


def test_deletion_before_claim_shifts_it_back(editor, doc, claim):
    outcome = revise(editor, doc, BODY.replace("Port fees were unchanged. ", ""))
    claim.refresh_from_db()
    assert at(claim) == QUOTE and claim.start == BODY.index(QUOTE) - len("Port fees were unchanged. ")
    assert outcome.moved == [claim]


def test_insertion_inside_claim_is_a_fuzzy_match_flagged_for_rereview(editor, reviewer, doc):
    claim = make_claim(doc, QUOTE, status=ClaimStatus.RESOLVED, verdict="verified", rationale="Logbook.",
                       assignee=reviewer)
    outcome = revise(editor, doc, BODY.replace("212 ships docked", "212 cargo ships docked"))
    claim.refresh_from_db()
    assert claim.quote == at(claim) == "212 cargo ships docked in December"
    assert claim.needs_rereview and not claim.orphaned
    assert (claim.status, claim.verdict, claim.rationale) == ("resolved", "verified", "Logbook.")
    assert outcome.rereview == [claim]
    event = last_event(claim)
    assert event.kind == EventKind.REANCHORED and event.data["method"] == "fuzzy"
    assert event.data["before"]["quote"] == QUOTE


def test_lightly_edited_open_claim_follows_its_words_and_is_flagged(editor, doc, claim):
    # Any change of a claim's own words is flagged (the tryout's 12 → 14 went unnoticed when only
    # claims a reviewer had seen were); its wording, the quote itself, follows.
    outcome = revise(editor, doc, BODY.replace("212 ships docked", "212 ships berthed"))
    claim.refresh_from_db()
    assert claim.quote == "212 ships berthed in December" and claim.needs_rereview and outcome.rereview == [claim]
    assert claim.text == "212 ships berthed in December"


def test_a_changed_suggestion_follows_its_words_without_a_flag(editor, doc):
    claim = make_claim(doc, QUOTE, status=ClaimStatus.SUGGESTED, suggested=True)
    outcome = revise(editor, doc, BODY.replace("212 ships docked", "215 ships docked"))
    claim.refresh_from_db()
    assert claim.text == "215 ships docked in December" and [q["value"] for q in claim.quantities] == [215]
    assert not claim.needs_rereview and outcome.rereview == []


def test_repeated_quote_context_picks_the_right_occurrence(editor):
    text = "In 2021 turnout was 61%. Officials expected more. In 2023 turnout was 61%. It was a record.\n"
    doc = ArticleFactory(created_by=editor, text=text)
    second = make_claim(doc, "turnout was 61%", occurrence=1)
    first = make_claim(doc, "turnout was 61%", occurrence=0)
    new = "Background: turnout was 61% nationally. " + text
    revise(editor, doc, new)
    for claim, marker in ((first, "In 2021 "), (second, "In 2023 ")):
        claim.refresh_from_db()
        assert new[claim.start - len(marker) : claim.start] == marker
        assert at(claim) == "turnout was 61%"


def test_rewritten_passage_orphans_the_claim_keeps_it_and_its_quote(editor, doc, claim):
    outcome = revise(editor, doc, BODY.replace("A spokesperson added that 212 ships docked in December, a record for the month.",
                                               "Shipping traffic in winter is discussed on page four."))
    claim.refresh_from_db()
    assert claim.orphaned and claim.quote == QUOTE and claim.status == ClaimStatus.OPEN
    assert outcome.orphaned == [claim]
    event = last_event(claim)
    assert (event.kind, event.actor, event.data["quote"]) == (EventKind.ORPHANED, editor, QUOTE)
    # A second edit does not log the orphan again, and restoring the text finds it back.
    revise(editor, doc, BODY.replace("Port fees", "All port fees").replace(QUOTE, "no figures"))
    assert ClaimEvent.objects.filter(claim=claim, kind=EventKind.ORPHANED).count() == 1
    revise(editor, doc, BODY)
    claim.refresh_from_db()
    assert not claim.orphaned and at(claim) == QUOTE


def test_same_text_makes_no_new_revision(editor, doc, claim):
    outcome = revise(editor, doc, BODY)
    assert outcome.revision.number == 1 and ArticleRevision.objects.filter(article=doc).count() == 1
    doc.refresh_from_db()
    assert doc.version == 1


def test_stale_article_version_is_refused(editor, doc, claim):
    revise(editor, doc, "Intro. " + BODY)
    with pytest.raises(StaleVersion, match="since you opened it"):
        article_revise(actor=editor, article_id=doc.pk, text="Another edit. " + BODY, version=1)
    doc.refresh_from_db()
    assert doc.version == 2 and doc.text == "Intro. " + BODY
    assert ArticleRevision.objects.filter(article=doc).count() == 2


def test_editor_re_places_an_orphan(editor, reviewer, doc):
    claim = make_claim(doc, QUOTE, status=ClaimStatus.IN_REVIEW, assignee=reviewer)
    revise(editor, doc, BODY.replace(QUOTE, "two hundred and twelve vessels arrived that month"))
    claim.refresh_from_db()
    assert claim.orphaned
    new = claim.article.text
    start = new.index("two hundred")
    end = start + len("two hundred and twelve vessels")
    claim_reanchor(actor=editor, claim_id=claim.pk, start=start, end=end, version=claim.version)
    claim.refresh_from_db()
    assert not claim.orphaned and claim.quote == "two hundred and twelve vessels" and claim.needs_rereview
    assert last_event(claim).data["method"] == "manual"
    with pytest.raises(InvalidInput):
        claim_reanchor(actor=editor, claim_id=claim.pk, start=start, end=start)
