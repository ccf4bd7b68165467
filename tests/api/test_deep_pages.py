"""Deep pages of the claim list (api/page_index.py): what a client sees on ?page=N is the same
whether the count and the page's first row come from the cache or from the database."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from factcheck.api import page_index
from factcheck.claims import services
from factcheck.claims.models import Claim, ClaimStatus
from tests.support.factories import ArticleFactory, make_claim

pytestmark = pytest.mark.django_db

TEXT = "Police said 2,200 homes were flooded. The council spent 12.5 million pounds. Unemployment rose to 7 percent.\n"
QUOTES = ("2,200 homes were flooded", "12.5 million pounds", "Unemployment rose to 7 percent")
SIZE = 2


@pytest.fixture
def session(editor):
    # A session, not a token: a token's repeated GET is answered whole by api/list_cache.py, and
    # these tests are about the pages the view itself builds.
    client = APIClient()
    client.force_login(editor)
    return client


@pytest.fixture
def shallow(monkeypatch):
    """Pages from the second on count as deep, so a few claims show what 100,000 would."""
    monkeypatch.setattr(page_index, "SEEK_FROM", SIZE)


def _seed(editor, articles: int = 4) -> None:
    for _ in range(articles):
        article = ArticleFactory(created_by=editor, text=TEXT)
        for quote in QUOTES:
            make_claim(article, quote, types=["quantity"] if "homes" in quote else [])


def _expected(order=("article", "start", "id"), **filters) -> list[int]:
    return list(Claim.objects.filter(**filters).order_by(*order).values_list("pk", flat=True))


def _with_type(kind: str) -> list[int]:
    # In Python: SQLite has no JSON containment lookup, and the list's answer is what is checked.
    rows = Claim.objects.order_by("article", "start", "id").values_list("pk", "types")
    return [pk for pk, types in rows if kind in types]


def _walk(client, query: str = "") -> tuple[list[dict], list[int]]:
    """Every page by following `next` from page 1: the bodies and the ids in order."""
    bodies, url = [], f"/api/claims/?page_size={SIZE}{query}"
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.content[:300]
        bodies.append(response.json())
        url = bodies[-1]["next"]
    return bodies, [c["id"] for body in bodies for c in body["results"]]


def _counts(sql: str) -> bool:
    """Whether a query counts the list (not the few rows above a mark a kept first row is checked by)."""
    return any(alias in sql for alias in ('AS "__count"', "SELECT (SELECT COUNT(*)", 'AS "above"'))


def _queries(client, path: str) -> list[str]:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200
    return [q["sql"] for q in ctx.captured_queries]


def test_every_deep_page_shows_what_the_offset_shows(session, editor, shallow, settings):
    _seed(editor)
    walked, ids = _walk(session)
    assert ids == _expected() and len(ids) == 12
    # Walked again, now from the cached first rows: the same pages, links and count.
    assert _walk(session)[0] == walked
    # And with nothing cached at all (the cache not shared): the same once more.
    settings.CACHE_SHARED = False
    assert _walk(session)[0] == walked
    assert {body["count"] for body in walked} == {12}
    assert walked[3]["previous"].endswith(f"/api/claims/?page=3&page_size={SIZE}")


# The count and the next page's first row are kept only in a cache every web process shares
# (page_index.enabled: Redis); without it each page is found afresh.
def test_a_repeated_deep_page_neither_counts_nor_walks_the_offset(require_redis, session, editor, shallow):
    _seed(editor)
    path = f"/api/claims/?page=4&page_size={SIZE}"
    first = _queries(session, path)
    # Found by the walk, or (the default order, api/deep_skip.py) by the articles' claim counts.
    assert any(_counts(sql) for sql in first) and any(
        "OFFSET 6" in sql or "claims_articleprogress" in sql for sql in first)
    again = _queries(session, path)
    assert not any(_counts(sql) for sql in again)
    assert not any("OFFSET" in sql for sql in again)
    # The next page was noted with this one (its first row read as one extra): no walk either.
    following = _queries(session, f"/api/claims/?page=5&page_size={SIZE}")
    assert not any("OFFSET" in sql or _counts(sql) for sql in following)


def test_a_change_is_on_the_next_deep_page(session, editor, reviewer, shallow):
    _seed(editor)
    before = session.get(f"/api/claims/?page=4&page_size={SIZE}").json()
    session.get(f"/api/claims/?page=5&page_size={SIZE}")
    # A claim added to the newest article moves every later claim one place down the list.
    newest = Claim.objects.order_by("article").first().article
    services.claim_create(actor=editor, article_id=newest.pk, quote="Police said")
    after = session.get(f"/api/claims/?page=4&page_size={SIZE}").json()
    assert after["count"] == before["count"] + 1 == 13
    assert [c["id"] for c in after["results"]] == _expected()[6:8]
    assert [c["id"] for c in after["results"]] != [c["id"] for c in before["results"]]
    # A state change (no row moves) is in the rows of the page as well.
    claim_id = after["results"][0]["id"]
    services.claim_assign(actor=editor, claim_id=claim_id, reviewer=reviewer.username, due=None)
    page = session.get(f"/api/claims/?page=4&page_size={SIZE}").json()
    assert page["results"][0]["status"] == ClaimStatus.ASSIGNED


def test_filters_and_orderings_page_alike(session, editor, shallow):
    _seed(editor, 6)
    for query, expected in (
        ("&type=quantity", _with_type("quantity")),
        ("&ordering=-id", _expected(("-id",))),
        ("&ordering=start", _expected(("start",))),  # not ending in id: walked by OFFSET every time
        ("&ordering=-due", None),  # a column that may be NULL: walked by OFFSET every time
    ):
        first, ids = _walk(session, query)
        again, _ = _walk(session, query)
        assert again == first, query
        assert first[0]["count"] == len(ids), query
        if expected is not None and query != "&ordering=start":
            assert ids == expected, query


def test_a_page_past_the_end_is_still_a_404(session, editor, shallow):
    _seed(editor, 2)
    assert session.get(f"/api/claims/?page=3&page_size={SIZE}").status_code == 200
    session.get(f"/api/claims/?page=3&page_size={SIZE}")  # count now cached
    assert session.get(f"/api/claims/?page=4&page_size={SIZE}").status_code == 404
    assert session.get(f"/api/claims/?page=last&page_size={SIZE}").json()["results"][-1]["id"] == _expected()[-1]


def test_order_terms_expand_the_article_to_its_own_ordering():
    qs = Claim.objects.order_by("article", "start", "id")
    assert page_index.order_terms(qs) == [
        ("article__created_at", True), ("article__id", True), ("start", False), ("id", False),
    ]
    assert page_index.order_terms(Claim.objects.order_by("-due", "id")) is None  # due may be NULL
    assert page_index.order_terms(Claim.objects.order_by("priority")) is None  # no unique last column
    assert page_index.order_terms(Claim.objects.order_by("-updated_at", "-id")) == [
        ("updated_at", True), ("id", True),
    ]
