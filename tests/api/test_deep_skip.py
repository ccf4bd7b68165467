"""A cold deep page of the claim list skips whole articles by their progress rows' claims_all
(api/deep_skip.py): the rows must be those the OFFSET walk finds, after every kind of write, and
a progress row that does not add up makes the page walk instead."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from factcheck.api import deep_skip, page_index
from factcheck.articles.models import Article
from factcheck.claims import derived, services
from factcheck.claims.models import ArticleProgress, Claim
from factcheck.claims.selectors import claim_list_base
from factcheck.core import stamps
from tests.support.factories import ArticleFactory, make_claim

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("require_postgres")]

TEXT = "Police said 2,200 homes were flooded. The council spent 12.5 million pounds. Unemployment rose to 7 percent.\n"
QUOTES = ("2,200 homes were flooded", "12.5 million pounds", "Unemployment rose to 7 percent")


def _seed(editor, articles: int = 5) -> list:
    made = []
    for n in range(articles):
        article = ArticleFactory(created_by=editor, text=TEXT)
        for quote in QUOTES[: 1 + n % 3]:  # 1, 2 or 3 claims: articles of different sizes
            make_claim(article, quote)
        made.append(article)
    return made


def _walked(qs, terms, bottom: int, size: int) -> list:
    return list(qs.values_list("pk", *[p for p, _ in terms])[bottom:bottom + size + 1])


def _every_page_as_walked(size: int = 2) -> None:
    qs = claim_list_base()
    terms = page_index.order_terms(qs)
    assert deep_skip.applies(qs, terms)
    count = qs.count()
    for bottom in range(count):
        assert deep_skip.page_rows(qs, terms, [p for p, _ in terms], bottom, size, count) == _walked(
            qs, terms, bottom, size), bottom


def test_every_position_gives_the_walked_rows(editor):
    _seed(editor)
    _every_page_as_walked()


def test_after_a_new_claim_a_split_and_a_rejection(editor):
    articles = _seed(editor)
    middle = articles[2]
    # Its own wording: the passage is already a claim of this article (the same words would be refused).
    services.claim_create(actor=editor, article_id=middle.pk, quote=QUOTES[2], text="Unemployment: 7 percent")
    split = Claim.objects.filter(article=articles[1]).order_by("pk").first()
    services.claim_split(actor=editor, claim_id=split.pk, at=split.start + 6, version=split.version)
    rejected = Claim.objects.filter(article=articles[3]).order_by("pk").first()
    services.claim_reject(actor=editor, claim_id=rejected.pk, reason="dup")
    assert ArticleProgress.objects.get(article=middle).claims_all == Claim.objects.filter(article=middle).count()
    _every_page_as_walked()


def test_progress_that_does_not_add_up_makes_the_page_walk(editor):
    _seed(editor)
    qs = claim_list_base()
    terms = page_index.order_terms(qs)
    fields = [p for p, _ in terms]
    ArticleProgress.objects.filter(claims_all=3).update(claims_all=2)  # as after a write around the services
    assert deep_skip.page_rows(qs, terms, fields, 4, 2, qs.count()) is None
    # refresh_derived puts it right, and the skip is used again.
    derived.refresh_all()
    assert deep_skip.page_rows(qs, terms, fields, 4, 2, qs.count()) == _walked(qs, terms, 4, 2)


def test_refresh_derived_rebuilds_claims_all(editor):
    _seed(editor)
    kept = dict(ArticleProgress.objects.values_list("article_id", "claims_all"))
    assert sorted(kept.values()) == [1, 1, 2, 2, 3]
    ArticleProgress.objects.update(claims_all=0)
    derived.refresh_all()
    assert dict(ArticleProgress.objects.values_list("article_id", "claims_all")) == kept


def test_a_cold_deep_page_through_the_api_skips_and_shows_the_walked_page(editor, monkeypatch, settings):
    if not settings.CACHE_SHARED:
        pytest.skip("deep pages are indexed only with a shared cache")
    _seed(editor)
    monkeypatch.setattr(page_index, "SEEK_FROM", 2)
    client = APIClient()
    client.force_login(editor)
    expected = list(Claim.objects.order_by("article", "start", "id").values_list("pk", flat=True))
    for page in (2, 3, 4, 5):
        stamps.replace({stamps.LISTS, stamps.ALL})  # as after any write
        with CaptureQueriesContext(connection) as ctx:
            body = client.get(f"/api/claims/?page_size=2&page={page}").json()
        assert [c["id"] for c in body["results"]] == expected[(page - 1) * 2:page * 2]
        assert body["count"] == len(expected)
        assert any("claims_articleprogress" in q["sql"] and "OVER" in q["sql"] for q in ctx.captured_queries)


def test_articles_made_at_the_same_moment_are_skipped_in_the_lists_order(editor):
    # Ties on created_at are broken by the article's id, newest first, in the skip's one statement too.
    articles = _seed(editor, articles=6)
    moment = articles[0].created_at
    Article.objects.filter(pk__in=[a.pk for a in articles[1:5]]).update(created_at=moment)
    _every_page_as_walked(size=3)


def test_an_article_counted_one_claim_too_many_makes_the_page_walk(editor):
    _seed(editor)
    qs = claim_list_base()
    terms = page_index.order_terms(qs)
    fields = [p for p, _ in terms]
    first, last = qs.first().article_id, qs.last().article_id
    has = Claim.objects.filter(article_id=first).count()
    # The total still adds up (one too many here, one too few there): the row past the first
    # article's claims would be in the next article, which only the claims themselves tell.
    ArticleProgress.objects.filter(article_id=first).update(claims_all=has + 1)
    ArticleProgress.objects.filter(article_id=last).update(claims_all=F("claims_all") - 1)
    assert deep_skip.page_rows(qs, terms, fields, has, 2, qs.count()) is None


def test_a_deep_page_of_the_whole_list_is_one_statement(editor):
    _seed(editor)
    qs = claim_list_base()
    terms = page_index.order_terms(qs)
    count = qs.count()
    with CaptureQueriesContext(connection) as ctx:
        rows = deep_skip.page_rows(qs, terms, [p for p, _ in terms], 3, 2, count)
    assert rows == _walked(qs, terms, 3, 2)
    assert len(ctx.captured_queries) == 1
