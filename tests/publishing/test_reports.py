"""Publishing a finished check: readiness, publish, freeze, reopen → under review → correction, withdraw."""

from __future__ import annotations

import pytest

from factcheck.claims.models import ClaimEvent, ClaimStatus, EventKind, Notification, Verdict
from factcheck.claims.services import claim_assign, claim_edit, claim_reopen, verdict_record
from factcheck.core.errors import InvalidInput, NotAllowed, WrongState
from factcheck.publishing.models import PublishingEvent, PublishingEventKind, Report, ReportStatus, new_token
from factcheck.publishing.selectors import article_readiness, report_page
from factcheck.publishing.services import article_publish, article_withdraw
from factcheck.sources.models import Source
from tests.publishing.conftest import back_with_source
from tests.support.factories import make_claim


def kinds(report: Report) -> list[str]:
    return list(PublishingEvent.objects.filter(report=report).order_by("at", "id").values_list("kind", flat=True))


def test_publishing_needs_every_accepted_claim_resolved(article, editor):
    make_claim(article, "14 survivors", status=ClaimStatus.IN_REVIEW)
    with pytest.raises(WrongState, match="1 claim"):
        article_publish(actor=editor, article_id=article.pk)
    article.refresh_from_db()
    assert article.published_report is False
    assert not Report.objects.filter(article=article, status=ReportStatus.PUBLISHED).exists()


def test_only_editors_publish(finished, reviewer):
    with pytest.raises(NotAllowed):
        article_publish(actor=reviewer, article_id=finished["article"].pk)


def test_readiness_names_each_blocking_claim_with_a_link(finished, editor, reviewer):
    article = finished["article"]
    waiting = make_claim(article, "damaged more than 300 homes", status=ClaimStatus.ASSIGNED, assignee=reviewer)
    orphan = make_claim(article, "Rescue teams pulled", status=ClaimStatus.OPEN, orphaned=True)
    # The disputed claim's only source turns out to be dependent; the verified one's is on the article's own site.
    Source.objects.filter(evidence__claim=finished["survivors"]).update(independent=False)
    Source.objects.filter(evidence__claim=finished["dead"]).update(url="https://valley-tribune.example/figures")

    readiness = article_readiness(article)
    assert not readiness.ready
    found = [(b.kind, b.claim.pk, b.url) for b in readiness.blockers]
    assert found == [
        ("orphaned", orphan.pk, f"/claims/{orphan.pk}/"),
        ("no_source", finished["survivors"].pk, f"/claims/{finished['survivors'].pk}/"),
        ("unresolved", waiting.pk, f"/claims/{waiting.pk}/"),
        ("no_source", finished["dead"].pk, f"/claims/{finished['dead'].pk}/"),
    ]
    assert "is disputed without an independent source" in readiness.blockers[1].message
    with pytest.raises(WrongState) as refused:
        article_publish(actor=editor, article_id=article.pk)
    assert refused.value.message == (
        "Cannot publish: 1 claim is not resolved yet; 2 verified or disputed claims have no independent "
        "source; 1 claim lost its place in the edited text."
    )


def test_an_unverifiable_claim_needs_no_source_and_an_empty_check_cannot_publish(article, editor, reviewer):
    assert [b.kind for b in article_readiness(article).blockers] == ["empty"]
    # Open claims are the blockers themselves: "nothing resolved yet" is not one item more beside them.
    opened = make_claim(article, "14 survivors")
    assert [b.kind for b in article_readiness(article).blockers] == ["unresolved"]
    opened.delete()
    with pytest.raises(WrongState, match="no claim has been resolved"):
        article_publish(actor=editor, article_id=article.pk)
    make_claim(article, "in over 40 years", status=ClaimStatus.RESOLVED, verdict=Verdict.UNVERIFIABLE,
               rationale="No records.")
    assert article_readiness(article).ready


def test_publish_makes_one_stable_unguessable_report_and_records_it_once(finished, editor):
    article = finished["article"]
    article_publish(actor=editor, article_id=article.pk)
    article_publish(actor=editor, article_id=article.pk)  # already public: nothing new

    report = Report.objects.get(article=article)
    assert report.status == ReportStatus.PUBLISHED
    assert len(report.token) == 16 and report.token.isalnum()
    assert report.get_absolute_url() == f"/reports/sample-article-{article.title.split()[-1]}-{report.token}/"
    # Drawn at random, not made from the id (a one-digit id is in a random token one time in three).
    assert report.token != new_token() and not report.token.isdigit()
    assert report.entries.count() == 3  # the rejected claim is not reported
    assert kinds(report) == [PublishingEventKind.REPORT_PUBLISHED]
    events = ClaimEvent.objects.filter(claim=finished["survivors"])
    assert events.filter(kind=EventKind.PUBLISHED, actor=editor).count() == 1
    assert not events.filter(kind=EventKind.RESOLVED).exists()  # publishing is not a second resolution
    article.refresh_from_db()
    assert article.published_report is True


def test_published_verdicts_are_frozen(finished, editor, reviewer):
    article_publish(actor=editor, article_id=finished["article"].pk)
    claim = finished["dead"]
    with pytest.raises(WrongState, match="resolved"):
        verdict_record(actor=editor, claim_id=claim.pk, verdict=Verdict.DISPUTED, rationale="Changed my mind.")
    with pytest.raises(WrongState):
        claim_edit(actor=editor, claim_id=claim.pk, text="Nine dead")
    claim.refresh_from_db()
    assert (claim.verdict, claim.rating, claim.text) == (Verdict.VERIFIED, "accurate", "at least 9 people dead")


def test_reopen_shows_under_review_and_the_new_verdict_comes_with_a_dated_correction(finished, editor, reviewer):
    article = finished["article"]
    article_publish(actor=editor, article_id=article.pk)
    claim = finished["dead"]

    claim_reopen(actor=editor, claim_id=claim.pk, reason="The ministry revised its count")
    page = report_page(article)
    entry = next(e for e in page.entries if e.claim.pk == claim.pk)
    assert entry.under_review and entry.badge == "review" and entry.verdict_label == "Under review again"
    assert entry.review_reason == "The ministry revised its count"
    assert entry.published_label == "Verified"  # what readers saw before
    # A claim under review is not in the ClaimReview data (its verdict no longer stands).
    assert [r["claimReviewed"] for r in page.claim_reviews()] == ["14 survivors", "in over 40 years"]

    claim_assign(actor=editor, claim_id=claim.pk, reviewer=reviewer)
    verdict_record(actor=reviewer, claim_id=claim.pk, verdict=Verdict.DISPUTED, rating="inaccurate",
                   rationale="The revised bulletin gives 12 deaths.")

    report = Report.objects.get(article=article)
    assert kinds(report) == [PublishingEventKind.REPORT_PUBLISHED, PublishingEventKind.CLAIM_UNDER_REVIEW,
                             PublishingEventKind.CLAIM_CORRECTED]
    correction = report.events.get(kind=PublishingEventKind.CLAIM_CORRECTED)
    assert correction.text == ("verdict changed from verified to disputed; rating changed from accurate to inaccurate"
                               " — The ministry revised its count")
    assert report.modified_at == correction.at
    audit = ClaimEvent.objects.get(claim=claim, kind=EventKind.CORRECTED)
    assert audit.actor == reviewer and audit.data["from"] == {"verdict": "verified", "rating": "accurate"}

    page = report_page(article)
    entry = next(e for e in page.entries if e.claim.pk == claim.pk)
    assert not entry.under_review and entry.verdict == Verdict.DISPUTED
    assert [n.text for n in entry.notes] == [correction.text]
    review = next(r for r in page.claim_reviews() if r["claimReviewed"] == "at least 9 people dead")
    assert review["reviewRating"]["alternateName"] == "Inaccurate"
    assert review["dateModified"] == correction.at.date().isoformat()


def test_withdraw_needs_a_reason_and_leaves_a_dated_note(finished, editor, reviewer):
    article = finished["article"]
    article_publish(actor=editor, article_id=article.pk)
    with pytest.raises(NotAllowed):
        article_withdraw(actor=reviewer, article_id=article.pk, reason="No.")
    with pytest.raises(InvalidInput) as missing:
        article_withdraw(actor=editor, article_id=article.pk, reason="   ")
    assert missing.value.fields == {"reason": ["This field is required."]}

    article_withdraw(actor=editor, article_id=article.pk, reason="The survivors figure came from a draft log")
    article_withdraw(actor=editor, article_id=article.pk, reason="Again")  # not public any more: nothing new
    report = Report.objects.get(article=article)
    assert report.status == ReportStatus.WITHDRAWN
    assert report.withdrawn_reason == "The survivors figure came from a draft log" and report.withdrawn_by == editor
    assert kinds(report) == [PublishingEventKind.REPORT_PUBLISHED, PublishingEventKind.REPORT_WITHDRAWN]
    events = ClaimEvent.objects.filter(claim=finished["survivors"], kind=EventKind.UNPUBLISHED)
    assert list(events.values_list("actor__username", "note")) == [
        ("edna", "The survivors figure came from a draft log")
    ]
    assert report_page(article).claim_reviews() == []
    article.refresh_from_db()
    assert article.published_report is False


def test_publishing_again_keeps_the_address_and_notes_the_history(finished, editor):
    article = finished["article"]
    article_publish(actor=editor, article_id=article.pk)
    first = Report.objects.get(article=article).get_absolute_url()
    article_withdraw(actor=editor, article_id=article.pk, reason="Checking the log")
    article_publish(actor=editor, article_id=article.pk)
    report = Report.objects.get(article=article)
    assert report.get_absolute_url() == first and report.status == ReportStatus.PUBLISHED
    assert [n.text for n in report_page(article).notes] == [
        "published", "this fact check was withdrawn — Checking the log", "published again",
    ]


def test_the_assigning_editor_hears_once_when_the_article_becomes_ready(
    article, editor, reviewer, django_capture_on_commit_callbacks
):
    first = make_claim(article, "14 survivors")
    second = make_claim(article, "in over 40 years")
    with django_capture_on_commit_callbacks(execute=True):
        for claim in (first, second):
            claim_assign(actor=editor, claim_id=claim.pk, reviewer=reviewer)
        back_with_source(first, reviewer, url="https://fire.example.org/log", passage="14 survivors were rescued")
        verdict_record(actor=reviewer, claim_id=first.pk, verdict=Verdict.VERIFIED, rationale="The log says 14.")
    assert not Notification.objects.filter(recipient=editor, kind="ready").exists()  # one claim still open

    with django_capture_on_commit_callbacks(execute=True):
        verdict_record(actor=reviewer, claim_id=second.pk, verdict=Verdict.UNVERIFIABLE, rationale="No records.")
    ready = Notification.objects.filter(recipient=editor, kind="ready")
    assert [n.message for n in ready] == [
        f"Ready to publish: “\u2068{article.title}\u2069” — all 2 claims are resolved and sourced."
    ]
    # It is about the article (its link is the readiness panel), not about the claim resolved last.
    assert [(n.claim_id, n.article_id) for n in ready] == [(None, article.pk)]
    report = Report.objects.get(article=article)
    assert kinds(report) == [PublishingEventKind.ARTICLE_READY] and report.status == ReportStatus.DRAFT

    # Nothing new while it stays ready; reopened and resolved again, it is news again (once).
    from factcheck.publishing.services import readiness_check

    assert readiness_check(article_id=article.pk, actor_id=reviewer.pk) is False
    with django_capture_on_commit_callbacks(execute=True):
        claim_reopen(actor=editor, claim_id=second.pk, reason="A 1979 record turned up")
        claim_assign(actor=editor, claim_id=second.pk, reviewer=reviewer)
        verdict_record(actor=reviewer, claim_id=second.pk, verdict=Verdict.UNVERIFIABLE, rationale="Still none.")
    assert Notification.objects.filter(recipient=editor, kind="ready").count() == 2



def test_a_claim_checked_after_publication_joins_the_report_with_a_note(finished, editor, reviewer):
    article = finished["article"]
    article_publish(actor=editor, article_id=article.pk)
    homes = make_claim(article, "damaged more than 300 homes")
    claim_assign(actor=editor, claim_id=homes.pk, reviewer=reviewer)
    verdict_record(actor=reviewer, claim_id=homes.pk, verdict=Verdict.UNVERIFIABLE, rationale="No housing survey yet.")
    page = report_page(article)
    # In text order: the homes claim sits between the survivors and the dead.
    assert [e.claim.pk for e in page.entries] == [finished["survivors"].pk, homes.pk, finished["dead"].pk,
                                                  finished["forty"].pk]
    added = Report.objects.get(article=article).events.get(kind=PublishingEventKind.CLAIM_ADDED)
    assert added.claim == homes and added.text == "claim added to this check, unverifiable"
    assert "damaged more than 300 homes" in [r["claimReviewed"] for r in page.claim_reviews()]
