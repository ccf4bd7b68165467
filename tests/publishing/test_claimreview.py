"""ClaimReview that search engines accept: every required and recommended field, for every verdict and rating."""

from __future__ import annotations

import json
import re

import pytest
from django.test import override_settings

from factcheck.articles.models import Article
from factcheck.claims.models import ClaimStatus, Verdict
from factcheck.publishing.claimreview import Rating, attributed_author, rating_of
from factcheck.publishing.models import Report
from factcheck.publishing.selectors import report_page
from factcheck.publishing.services import article_publish, claim_review
from tests.publishing.conftest import back_with_source, resolve
from tests.support.factories import ArticleFactory, make_claim

# Google's fact-check guide: required (R) and recommended (r) properties.
REQUIRED = {"claimReviewed", "reviewRating", "url"}
RECOMMENDED = {"author", "datePublished", "itemReviewed"}
CLAIM_RECOMMENDED = {"appearance", "author", "datePublished"}
RATING_REQUIRED = {"alternateName"}
RATING_NUMERIC = {"ratingValue", "bestRating", "worstRating"}

# schema.org properties each type may carry (what a JSON-LD processor expands against https://schema.org/).
SCHEMA = {
    "ClaimReview": {"url", "claimReviewed", "datePublished", "dateModified", "author", "itemReviewed", "reviewRating",
                    "inLanguage"},
    "Claim": {"appearance", "author", "datePublished", "firstAppearance"},
    "CreativeWork": {"url", "headline", "datePublished", "publisher", "author", "inLanguage"},
    "Organization": {"name", "url"},
    "Person": {"name", "jobTitle"},
    "Rating": {"ratingValue", "bestRating", "worstRating", "alternateName", "name", "ratingExplanation"},
}
VOCAB = "https://schema.org/"


def expand(node: object, context: str | None = None) -> object:
    """JSON-LD expansion against the schema.org vocabulary, offline (the context is the vocabulary IRI).

    Every term must be a schema.org property of its node's type and every @type a schema.org type;
    anything else would be dropped by a JSON-LD processor, i.e. invisible to search engines.
    """
    if isinstance(node, list):
        return [expand(n, context) for n in node]
    if not isinstance(node, dict):
        return [{"@value": node}]
    ctx = node.get("@context", context)
    assert ctx == "https://schema.org", f"unknown @context {ctx!r}"
    kind = node["@type"]
    assert kind in SCHEMA, f"@type {kind} is not one we expect"
    out: dict = {"@type": [VOCAB + kind]}
    for key, value in node.items():
        if key in ("@context", "@type"):
            continue
        assert key in SCHEMA[kind], f"{key} is not a schema.org property of {kind}"
        out[VOCAB + key] = expand(value if isinstance(value, list) else [value], ctx)
    return out


def _resolved(article, reviewer, quote: str, verdict: str, rating: str = "", attributed_to: str = ""):
    claim = make_claim(article, quote, attributed_to=attributed_to)
    resolve(claim, reviewer, verdict, f"Rationale for {quote}.", rating)
    if verdict != Verdict.UNVERIFIABLE:
        back_with_source(claim, reviewer, url=f"https://source.example.org/{claim.pk}", passage=quote)
    return claim


CASES = [
    # (verdict, rating, name shown, number on the 4-point scale or None)
    (Verdict.VERIFIED, "accurate", "Accurate", 4),
    (Verdict.VERIFIED, "mostly accurate", "Mostly accurate", 3),
    (Verdict.DISPUTED, "misleading", "Misleading", 2),
    (Verdict.DISPUTED, "inaccurate", "Inaccurate", 1),
    (Verdict.UNVERIFIABLE, "unproven", "Unproven", None),
    (Verdict.VERIFIED, "", "Verified", 4),
    (Verdict.DISPUTED, "", "Disputed", 1),
    (Verdict.UNVERIFIABLE, "", "Unverifiable", None),
]


@pytest.mark.parametrize(("verdict", "rating", "name", "value"), CASES)
def test_every_verdict_has_every_required_and_recommended_field(article, editor, reviewer, verdict, rating, name,
                                                                value):
    article.url = "https://valley-tribune.example/quake"
    article.save()
    claim = _resolved(article, reviewer, "14 survivors", verdict, rating, attributed_to="the city fire service")
    article_publish(actor=editor, article_id=article.pk)
    report = Report.objects.get(article=article)
    [review] = report_page(article).claim_reviews()

    assert set(review) >= REQUIRED | RECOMMENDED
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert review["url"].endswith(f"{report.get_absolute_url()}#claim-{claim.pk}")
    assert review["claimReviewed"] == "14 survivors"
    assert review["datePublished"] == report.first_published_at.date().isoformat()
    assert "dateModified" not in review  # no correction yet
    assert review["author"]["@type"] == "Organization" and review["author"]["name"]
    item = review["itemReviewed"]
    assert item["@type"] == "Claim" and CLAIM_RECOMMENDED - {"datePublished"} <= set(item)
    assert item["author"] == {"@type": "Organization", "name": "the city fire service"}
    assert item["appearance"]["url"] == "https://valley-tribune.example/quake"

    rating_data = review["reviewRating"]
    assert set(rating_data) >= RATING_REQUIRED
    assert rating_data["alternateName"] == name
    if value is None:
        # Not a degree of truth: no number at all rather than a place below "inaccurate".
        assert not RATING_NUMERIC & set(rating_data)
    else:
        assert (rating_data["ratingValue"], rating_data["bestRating"], rating_data["worstRating"]) == (value, 4, 1)
    expand(review)


def test_the_embedded_block_is_the_same_data_and_parses_as_json_ld(client, finished, editor):
    article = finished["article"]
    article_publish(actor=editor, article_id=article.pk)
    report = Report.objects.get(article=article)
    html = client.get(report.get_absolute_url()).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(block)
    assert [r["claimReviewed"] for r in data] == ["14 survivors", "at least 9 people dead", "in over 40 years"]
    expanded = expand(data)
    assert all(VOCAB + "reviewRating" in node for node in expanded)
    assert client.get(f"{report.get_absolute_url()}claimreview.json").json() == data


@pytest.mark.parametrize(("language", "expected"), [("ar", "ar"), ("he", "he"), ("en", "en"), ("und", None)])
def test_claimreview_names_the_language_the_claim_was_made_in(article, editor, reviewer, language, expected):
    article.language = language
    article.save()
    _resolved(article, reviewer, "14 survivors", Verdict.VERIFIED, "accurate")
    article_publish(actor=editor, article_id=article.pk)
    [review] = report_page(article).claim_reviews()
    assert review.get("inLanguage") == expected
    assert review["itemReviewed"]["appearance"].get("inLanguage") == expected
    expand(review)


def test_the_scale_runs_best_to_worst_and_unproven_is_not_below_inaccurate():
    values = [rating_of(Verdict.VERIFIED, r).value for r in ("accurate", "mostly accurate", "misleading",
                                                              "inaccurate")]
    assert values == sorted(values, reverse=True) == [4, 3, 2, 1]
    assert rating_of(Verdict.UNVERIFIABLE, "unproven").value is None
    assert rating_of(Verdict.UNVERIFIABLE, "").value is None


@override_settings(RATING_SCALE=["true", "half true", "false", "no evidence"], RATING_UNSCORED=["no evidence"],
                   CLAIMREVIEW_VERDICT_RATINGS={"verified": "true", "disputed": "false"})
def test_the_mapping_is_the_newsrooms_own():
    assert rating_of(Verdict.VERIFIED, "true") == Rating("True", 3, 3, 1)
    assert rating_of(Verdict.VERIFIED, "") == Rating("Verified", 3, 3, 1)
    assert (rating_of(Verdict.VERIFIED, "half true").value, rating_of(Verdict.VERIFIED, "half true").best) == (2, 3)
    assert rating_of(Verdict.DISPUTED, "").value == 1
    assert rating_of(Verdict.UNVERIFIABLE, "no evidence").name == "No evidence"
    assert rating_of(Verdict.UNVERIFIABLE, "no evidence").value is None


@override_settings(RATING_SCALE=["true", "false"], RATING_UNSCORED=[])
def test_rating_follows_the_newsroom_scale(finished):
    claim = finished["survivors"]
    claim.rating = "true"
    review = claim_review(claim, report_url="https://example.org/r/1")
    assert review["reviewRating"]["ratingValue"] == 2 and review["reviewRating"]["worstRating"] == 1


@pytest.mark.parametrize(("who", "kind"), [
    ("Mara Voss", "Person"),
    ("Council leader Mara Voss", "Person"),
    ("the city fire service", "Organization"),
    ("Eurostat", "Organization"),
    ("Port Ellery Water Utility", "Organization"),
    ("the interior ministry", "Organization"),
    ("the UN Office for the Coordination of Humanitarian Affairs", "Organization"),  # not a Person "Humanitarian Affairs"
    ("the Ministry of Public Works", "Organization"),
])
def test_the_claimant_is_a_person_or_an_organization(who, kind):
    assert attributed_author(who)["@type"] == kind


def test_a_role_before_the_name_becomes_the_job_title():
    assert attributed_author("Council leader Mara Voss") == {
        "@type": "Person", "name": "Mara Voss", "jobTitle": "Council leader"
    }
    # An apposition (a new user's port article): the comma before the name is not part of the title.
    assert attributed_author("The authority's chief executive, Daniel Pryce") == {
        "@type": "Person", "name": "Daniel Pryce", "jobTitle": "The authority's chief executive"
    }


def test_a_claim_attributed_to_a_surname_names_the_person_in_full(editor, reviewer):
    # A tryout's claim was attributed to "Ashdown", the second mention of "Helen Ashdown": the report's
    # ClaimReview named an Organization "Ashdown".
    text = ("County emergency director Helen Ashdown said crews pulled 1,240 residents from homes. "
            "\"This is the deadliest flood since 1888,\" Ashdown told reporters. The Ashdown Trust gave 5,000 euros.\n")
    article = ArticleFactory(created_by=editor, text=text, title="Marlow floods")
    _resolved(article, reviewer, "This is the deadliest flood since 1888", Verdict.VERIFIED, attributed_to="Ashdown")
    article_publish(actor=editor, article_id=article.pk)
    [review] = report_page(article).claim_reviews()
    assert review["itemReviewed"]["author"] == {"@type": "Person", "name": "Helen Ashdown"}
    # The same when the caller loaded the article without its revision (a list's way): it is read for it.
    slim = Article.objects.get(pk=article.pk)
    [review] = report_page(slim).claim_reviews()
    assert review["itemReviewed"]["author"] == {"@type": "Person", "name": "Helen Ashdown"}


@pytest.mark.parametrize(("who", "text", "expected"), [
    ("Renner", "Governor Paul Renner declared an emergency.", "Paul Renner"),  # the title is no first name
    ("Renner", "Paul J. Renner said so.", "Paul J. Renner"),
    ("Pryce", "The Pryce Foundation said so.", None),  # a body named after someone
    ("Pryce", "The Pryce Foundation said so. Later Daniel Pryce denied it.", "Daniel Pryce"),
    ("Eurostat", "Eurostat said so.", None),
])
def test_a_surname_takes_the_first_full_name_it_ends(who, text, expected):
    author = attributed_author(who, text)
    assert author == ({"@type": "Person", "name": expected} if expected else {"@type": "Organization", "name": who})


def test_a_claim_text_cannot_break_out_of_the_jsonld_block(client, finished, editor):
    finished["survivors"].text = "</script><script>alert(1)</script>"
    finished["survivors"].save()
    article_publish(actor=editor, article_id=finished["article"].pk)
    html = client.get(Report.objects.get(article=finished["article"]).get_absolute_url()).content.decode()
    assert "</script><script>alert(1)" not in html
    assert "\\u003C/script\\u003E" in html


def test_unresolved_claims_are_not_in_the_preview(article, reviewer):
    make_claim(article, "14 survivors", status=ClaimStatus.IN_REVIEW)
    assert report_page(article).claim_reviews() == []


def test_a_resolved_claim_without_a_resolution_time_still_has_a_date(article, reviewer):
    # Rows from before resolved_at was kept (and the API preview of them) must carry a real date.
    make_claim(article, "14 survivors", status=ClaimStatus.RESOLVED, verdict=Verdict.UNVERIFIABLE,
               rationale="No log.", resolved_at=None)
    [review] = report_page(article).claim_reviews()
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", review["datePublished"])
