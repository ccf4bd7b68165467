"""Publishing a finished check as a report with schema.org ClaimReview."""

import json
import re

import pytest
from django.test import override_settings

from factcheck.claims.models import ClaimEvent, ClaimStatus, Verdict
from factcheck.core.errors import NotAllowed, WrongState
from factcheck.publishing.services import article_publish, claim_review
from tests.support.factories import make_claim


@pytest.fixture
def finished(article, reviewer):
    article.url = "https://valley-tribune.example/quake"
    article.save()
    resolved = make_claim(
        article, "14 survivors", status=ClaimStatus.RESOLVED, verdict=Verdict.DISPUTED, rating="inaccurate",
        rationale="The fire service log lists 11 <b>survivors</b>.", assignee=reviewer,
        attributed_to="the city fire service",
    )
    make_claim(article, "magnitude 6.1", status=ClaimStatus.REJECTED)
    return resolved


def test_publishing_needs_every_accepted_claim_resolved(article, editor):
    make_claim(article, "14 survivors", status=ClaimStatus.IN_REVIEW)
    with pytest.raises(WrongState, match="1 claim"):
        article_publish(actor=editor, article_id=article.pk)
    article.refresh_from_db()
    assert article.published_report is False


def test_only_editors_publish(finished, reviewer):
    with pytest.raises(NotAllowed):
        article_publish(actor=reviewer, article_id=finished.article_id)


def test_published_report_is_public_and_carries_claimreview(client, finished, editor):
    article = finished.article
    assert client.get(f"/reports/{article.pk}/").status_code == 404

    article_publish(actor=editor, article_id=article.pk)
    assert ClaimEvent.objects.filter(claim=finished, data__published=True).exists()

    page = client.get(f"/reports/{article.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    # The rationale's HTML is shown as text.
    assert "&lt;b&gt;survivors&lt;/b&gt;" in html
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(block)
    assert len(data) == 1  # the rejected claim is not reported
    review = data[0]
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == "14 survivors"
    assert review["itemReviewed"]["appearance"]["url"] == "https://valley-tribune.example/quake"
    assert review["itemReviewed"]["author"]["name"] == "the city fire service"
    assert review["reviewRating"]["alternateName"] == "inaccurate"
    assert review["reviewRating"]["ratingValue"] == 2 and review["reviewRating"]["bestRating"] == 5

    as_json = client.get(f"/reports/{article.pk}/claimreview.json").json()
    assert as_json == data


@override_settings(RATING_SCALE=["true", "false"])
def test_rating_follows_the_newsroom_scale(finished):
    finished.rating = "true"
    review = claim_review(finished, report_url="https://example.org/r/1")
    assert review["reviewRating"]["ratingValue"] == 2 and review["reviewRating"]["worstRating"] == 1


def test_a_claim_text_cannot_break_out_of_the_jsonld_block(client, finished, editor):
    finished.text = "</script><script>alert(1)</script>"
    finished.save()
    article_publish(actor=editor, article_id=finished.article_id)
    html = client.get(f"/reports/{finished.article_id}/").content.decode()
    assert "</script><script>alert(1)" not in html
    assert "\\u003C/script\\u003E" in html


def test_publish_and_withdraw_write_their_own_audit_events_once(finished, editor):
    from factcheck.publishing.services import article_unpublish

    article_publish(actor=editor, article_id=finished.article_id)
    article_publish(actor=editor, article_id=finished.article_id)  # already public: nothing new
    events = ClaimEvent.objects.filter(claim=finished)
    assert events.filter(kind="published", actor=editor).count() == 1
    assert not events.filter(kind="resolved").exists()  # publishing is not a second resolution

    article_unpublish(actor=editor, article_id=finished.article_id)
    article_unpublish(actor=editor, article_id=finished.article_id)
    assert events.filter(kind="unpublished", actor=editor).count() == 1
    finished.article.refresh_from_db()
    assert finished.article.published_report is False
