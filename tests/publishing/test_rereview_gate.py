"""A verdict given on words an edit later changed blocks the report until it is confirmed or reopened."""

from __future__ import annotations

import pytest

from factcheck.articles.services import article_revise
from factcheck.claims.models import Claim, ClaimEvent, ClaimStatus, EventKind, Notification, Verdict
from factcheck.claims.services import claim_confirm_verdict, claim_reject, claim_reopen, claim_start
from factcheck.claims.services.analysis import analysis_of_passage
from factcheck.core.errors import InvalidInput, NotAllowed, StaleVersion, WrongState
from factcheck.publishing.models import PublishingEvent, PublishingEventKind, Report, ReportStatus
from factcheck.publishing.selectors import article_readiness, report_page
from factcheck.publishing.services import article_publish, article_withdraw
from tests.api.conftest import token_client
from tests.support.factories import make_claim


def reword(editor, article, old: str, new: str) -> None:
    article.refresh_from_db()
    # The fixture's claims were written directly; give them the engine's reading, as the services do.
    for claim in Claim.objects.filter(article=article):
        reading = analysis_of_passage(article.current_revision.text, claim.start, claim.end, language="en")
        Claim.objects.filter(pk=claim.pk).update(quantities=reading["quantities"])
    text = article.current_revision.text.replace(old, new)
    article_revise(actor=editor, article_id=article.pk, text=text, version=article.version)


@pytest.fixture
def changed(finished, editor):
    """A copy edit of the verified claim's words ("9" spelt out): the figure is the same."""
    reword(editor, finished["article"], "at least 9 people dead", "at least nine people dead")
    dead = finished["dead"]
    dead.refresh_from_db()
    assert dead.needs_rereview and dead.verdict == Verdict.VERIFIED and "nine people" in dead.quote
    return finished


@pytest.fixture
def refigured(finished, editor):
    """The editor corrects the death toll itself: 9 → 11."""
    reword(editor, finished["article"], "at least 9 people dead", "at least 11 people dead")
    dead = finished["dead"]
    dead.refresh_from_db()
    assert dead.needs_rereview and "11 people" in dead.quote
    return finished


def test_a_verdict_on_changed_words_blocks_publishing(changed, editor):
    article, dead = changed["article"], changed["dead"]
    readiness = article_readiness(article)
    assert [(b.kind, b.claim.pk) for b in readiness.blockers] == [("rereview", dead.pk)]
    assert "changed after its verdict" in readiness.blockers[0].message
    with pytest.raises(WrongState) as refused:
        article_publish(actor=editor, article_id=article.pk)
    assert refused.value.message == "Cannot publish: 1 claim changed after its verdict."
    assert not Report.objects.filter(article=article, status=ReportStatus.PUBLISHED).exists()


def test_the_reviewer_confirms_the_verdict_and_the_report_can_go_out(changed, editor, reviewer):
    article, dead = changed["article"], changed["dead"]
    claim = claim_confirm_verdict(actor=reviewer, claim_id=dead.pk, version=dead.version,
                                  note="Only the spelling of the figure changed.")
    dead.refresh_from_db()
    assert not dead.needs_rereview and dead.verdict == Verdict.VERIFIED and dead.status == "resolved"
    assert claim.version == dead.version
    event = ClaimEvent.objects.filter(claim=dead).order_by("-id").first()
    assert (event.kind, event.actor, event.note) == (EventKind.CONFIRMED, reviewer,
                                                    "Only the spelling of the figure changed.")
    assert event.data == {"verdict": "verified", "quote": dead.quote}
    assert article_readiness(article).ready
    article_publish(actor=editor, article_id=article.pk)
    assert Report.objects.get(article=article).status == ReportStatus.PUBLISHED


def test_reopening_instead_keeps_it_blocked_until_a_new_verdict(changed, editor):
    dead = changed["dead"]
    claim_reopen(actor=editor, claim_id=dead.pk, reason="The toll changed; check it again.")
    kinds = [b.kind for b in article_readiness(changed["article"]).blockers]
    assert kinds == ["unresolved"]


def test_confirming_is_refused_when_nothing_changed_or_by_someone_else(changed, other_reviewer, reviewer):
    survivors, dead = changed["survivors"], changed["dead"]
    with pytest.raises(WrongState, match="have not changed since its verdict"):
        claim_confirm_verdict(actor=reviewer, claim_id=survivors.pk, note="Still right.")
    with pytest.raises(NotAllowed):
        claim_confirm_verdict(actor=other_reviewer, claim_id=dead.pk, note="Looks fine to me.")
    with pytest.raises(InvalidInput):
        claim_confirm_verdict(actor=reviewer, claim_id=dead.pk, note="   ")
    with pytest.raises(StaleVersion):
        claim_confirm_verdict(actor=reviewer, claim_id=dead.pk, note="Still right.", version=dead.version - 1)
    dead.refresh_from_db()
    assert dead.needs_rereview
    assert not ClaimEvent.objects.filter(claim=dead, kind=EventKind.CONFIRMED).exists()


def test_the_api_confirms_and_refuses_as_the_service_does(changed, reviewer):
    survivors, dead = changed["survivors"], changed["dead"]
    survivors.refresh_from_db()  # the edit re-anchored it too (a new version), without changing its words
    client = token_client(reviewer)
    missing = client.post(f"/api/claims/{dead.pk}/confirm/", {"version": dead.version}, format="json")
    assert missing.status_code == 400 and "note" in missing.json()["error"]["fields"]
    done = client.post(f"/api/claims/{dead.pk}/confirm/", {"note": "Spelling only.", "version": dead.version},
                       format="json")
    assert done.status_code == 200 and done.json()["needs_rereview"] is False
    again = client.post(f"/api/claims/{survivors.pk}/confirm/", {"note": "Fine.", "version": survivors.version},
                          format="json")
    assert again.status_code == 409 and "nothing to confirm" in again.json()["error"]["message"]


def test_a_new_figure_cannot_be_confirmed_only_reopened(refigured, client, editor, reviewer):
    article, dead = refigured["article"], refigured["dead"]
    with pytest.raises(WrongState) as refused:
        claim_confirm_verdict(actor=reviewer, claim_id=dead.pk, note="The bulletin says 11 now.")
    assert refused.value.message == (
        "Its figures changed after the verdict (at least 9 people → at least 11 people): its sources were checked "
        "against the old figure, so reopen it for a new review.")
    dead.refresh_from_db()
    assert dead.needs_rereview and [b.kind for b in article_readiness(article).blockers] == ["rereview"]
    # The claim page says so instead of offering a confirmation; the editor still has Reopen.
    client.force_login(reviewer)
    page = client.get(f"/claims/{dead.pk}/").content.decode()
    assert "its sources were checked against the old figure" in page and 'data-testid="confirm-verdict"' not in page
    client.force_login(editor)
    page = client.get(f"/claims/{dead.pk}/").content.decode()
    assert 'data-testid="confirm-refused"' in page and 'data-testid="reopen"' in page


# --- after publishing: the public report never shows an old verdict under new words -------------


@pytest.fixture
def published(finished, editor):
    article_publish(actor=editor, article_id=finished["article"].pk)
    return finished


def _entry(article, claim):
    page = report_page(article)
    return page, next(e for e in page.entries if e.claim.pk == claim.pk)


def test_an_edit_of_a_published_claims_words_puts_it_under_review_on_the_report(published, editor):
    article, dead = published["article"], published["dead"]
    reword(editor, article, "at least 9 people dead", "at least 11 people dead")
    page, entry = _entry(article, dead)
    assert entry.under_review and entry.text_changed and entry.published_label == "Verified"
    assert dead.pk not in [e.claim.pk for e in page.checked]
    # ClaimReview leaves it out until it stands again; the other verdicts stay published.
    reviewed = [r["claimReviewed"] for r in page.claim_reviews()]
    assert len(reviewed) == 2 and not any("11 people" in r for r in reviewed)
    event = PublishingEvent.objects.get(claim=dead, kind=PublishingEventKind.CLAIM_UNDER_REVIEW)
    assert event.text == "under review again: the article's text changed after its verdict"
    # The editor's panel says so while the report stays public.
    readiness = article_readiness(article)
    assert readiness.published and [b.claim.pk for b in readiness.changed_since_published] == [dead.pk]


def test_confirming_the_verdict_for_the_new_words_restores_it_with_a_dated_note(published, editor, reviewer):
    article, dead = published["article"], published["dead"]
    reword(editor, article, "at least 9 people dead", "at least nine people dead")
    dead.refresh_from_db()
    claim_confirm_verdict(actor=reviewer, claim_id=dead.pk, note="Spelt out; same figure.", version=dead.version)
    page, entry = _entry(article, dead)
    assert not entry.under_review and entry.verdict == Verdict.VERIFIED and entry.corrected_at is not None
    assert [e.claim.pk for e in page.checked].count(dead.pk) == 1
    assert [n.text for n in page.notes if n.claim_id == dead.pk][-1] == "checked again, verdict unchanged (verified)"
    review = next(r for r in page.claim_reviews() if "nine people" in r["claimReviewed"])
    assert review["dateModified"]
    assert article_readiness(article).changed_since_published == []


def test_moving_a_published_claim_without_changing_its_words_keeps_its_verdict(published, editor):
    article, dead = published["article"], published["dead"]
    article.refresh_from_db()
    text = "Update: rescuers are still searching.\n\n" + article.current_revision.text
    article_revise(actor=editor, article_id=article.pk, text=text, version=article.version)
    _page, entry = _entry(article, dead)
    assert not entry.under_review and entry.verdict == Verdict.VERIFIED


def test_words_changed_while_the_report_is_withdrawn_block_publishing_it_again(published, editor, reviewer):
    # A withdrawn report still has its entries: republishing must not put the old verdict back under new words.
    article, dead = published["article"], published["dead"]
    article_withdraw(actor=editor, article_id=article.pk, reason="Checking the toll again")
    reword(editor, article, "at least 9 people dead", "at least nine people dead")
    readiness = article_readiness(article)
    assert readiness.withdrawn and [(b.kind, b.claim.pk) for b in readiness.blockers] == [("rereview", dead.pk)]
    with pytest.raises(WrongState):
        article_publish(actor=editor, article_id=article.pk)
    assert Report.objects.get(article=article).status == ReportStatus.WITHDRAWN

    dead.refresh_from_db()
    claim_confirm_verdict(actor=reviewer, claim_id=dead.pk, note="Spelt out; same figure.", version=dead.version)
    article_publish(actor=editor, article_id=article.pk)
    page, entry = _entry(article, dead)
    assert page.report.status == ReportStatus.PUBLISHED
    assert not entry.under_review and entry.verdict == Verdict.VERIFIED
    assert any("nine people" in r["claimReviewed"] for r in page.claim_reviews())
    assert [n.text for n in page.notes if n.claim_id == dead.pk][-1] == "checked again, verdict unchanged (verified)"


def test_rejecting_an_orphan_in_review_tells_its_reviewer_why(finished, editor, reviewer):
    # An orphan leaves with one click whatever its state; its reviewer hears the passage is gone.
    article = finished["article"]
    claim = make_claim(article, "magnitude 6.1", status=ClaimStatus.ASSIGNED, assignee=reviewer)
    claim_start(actor=reviewer, claim_id=claim.pk)
    article.refresh_from_db()
    text = article.current_revision.text.replace("magnitude 6.1", "a strong")
    article_revise(actor=editor, article_id=article.pk, text=text, version=article.version)
    claim.refresh_from_db()
    assert claim.orphaned and claim.can_reject and not claim.can_take_out
    claim_reject(actor=editor, claim_id=claim.pk, version=claim.version)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.REJECTED
    notice = Notification.objects.filter(recipient=reviewer, claim=claim).latest("id")
    assert "its passage is no longer in the article" in notice.message
