"""A list's count and deep pages kept under the fine stamps of what they read (core/stamp_reads.py):
a verdict leaves the counts of ?type=, ?search= and the whole list in place (and right), while a
new claim, a type edit, a delete, a bulk or raw write, or an admin save has them counted again."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from factcheck.api import page_index
from factcheck.articles import services as articles
from factcheck.claims import services
from factcheck.claims.models import Claim, ClaimStatus
from factcheck.claims.selectors import claim_list_base, claims_of_type
from factcheck.core import stamps
from factcheck.core.stamp_reads import reads
from tests.support.factories import ArticleFactory, make_claim

# Counts are kept only where the cache is shared by every web process (api/page_index.enabled: Redis);
# without it every page counts afresh, which these tests would report as a kept count lost.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("require_redis")]

TEXT = "Police said 2,200 homes were flooded. The council spent 12.5 million pounds. Unemployment rose to 7 percent.\n"
SIZE = 2


@pytest.fixture
def session(editor):
    # A session, not a token: a token's repeated GET is answered whole by api/list_cache.py.
    client = APIClient()
    client.force_login(editor)
    return client


@pytest.fixture
def desk(editor, reviewer):
    """Four articles of three claims; the homes claims are quantities, assigned to the reviewer."""
    for _ in range(4):
        article = ArticleFactory(created_by=editor, text=TEXT)
        make_claim(article, "2,200 homes were flooded", types=["quantity"], status=ClaimStatus.ASSIGNED,
                   assignee=reviewer)
        make_claim(article, "12.5 million pounds", types=["quantity"])
        make_claim(article, "Unemployment rose to 7 percent")
    return Claim.objects.order_by("id")


def fetch(client, path: str) -> tuple[dict, bool, bool]:
    """(the page, whether it counted the list, whether it walked an OFFSET).

    Counting the list: a count of all its rows or of the rows above a mark (api/page_index.recount),
    not the few rows above a mark a deep page's first row is checked with."""
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    assert response.status_code == 200, response.content[:300]
    sql = [q["sql"] for q in ctx.captured_queries]
    counted = any(alias in s for s in sql for alias in ('AS "__count"', "SELECT (SELECT COUNT(*)", 'AS "above"'))
    return response.json(), counted, any("OFFSET" in s for s in sql)


def verdict(reviewer) -> Claim:
    claim = Claim.objects.filter(status=ClaimStatus.ASSIGNED).order_by("id").first()
    return services.verdict_record(actor=reviewer, claim_id=claim.pk, verdict="unverifiable",
                                   rationale="No record.", version=claim.version)


LISTS = {
    "?type=quantity": lambda: claims_of_type(Claim.objects.all(), "quantity").count(),
    "?search=homes": lambda: Claim.objects.filter(text__icontains="homes").count(),
    "": lambda: Claim.objects.count(),
}


@pytest.mark.parametrize("query", LISTS)
def test_a_verdict_keeps_the_count_and_it_is_still_right(session, desk, reviewer, query):
    path = f"/api/claims/{query}"
    first, counted, _ = fetch(session, path)
    assert counted and first["count"] == LISTS[query]()
    claim = verdict(reviewer)
    after, counted, _ = fetch(session, path)
    assert not counted, "a verdict changes no claim's existence, types or wording"
    assert after["count"] == first["count"] == LISTS[query]()
    shown = {c["id"]: c for c in after["results"]}
    if claim.pk in shown:  # the rows themselves are read fresh
        assert (shown[claim.pk]["status"], shown[claim.pk]["verdict"]) == ("resolved", "unverifiable")


@pytest.mark.parametrize("query,expected", [("?status=assigned", 3), ("?verdict=unverifiable", 1)])
def test_a_verdict_recounts_the_lists_filtered_by_what_it_changed(session, desk, reviewer, query, expected):
    fetch(session, f"/api/claims/{query}")
    verdict(reviewer)
    after, counted, _ = fetch(session, f"/api/claims/{query}")
    assert counted and after["count"] == expected


def _new_claim(editor):
    article = Claim.objects.order_by("id").first().article
    # A wording of its own each time: the same passage with no new wording is the claim already made.
    services.claim_create(actor=editor, article_id=article.pk, quote="Police said", types=["quantity"],
                          text=f"Police said ({Claim.objects.count()})")


def _type_edit(editor):
    claim = claims_of_type(Claim.objects.filter(status=ClaimStatus.OPEN), "quantity").order_by("id").first()
    services.claim_edit(actor=editor, claim_id=claim.pk, types=["comparison"], version=claim.version)


def _delete(editor):
    articles.article_delete(actor=editor, article_id=Claim.objects.order_by("id").first().article_id)


def _bulk(editor):
    Claim.objects.filter(status=ClaimStatus.OPEN).update(types=["quantity"], version=F("version") + 1)


def _raw(editor):
    with connection.cursor() as cur:
        cur.execute("UPDATE claims_claim SET types = '[]'::jsonb, version = version + 1 WHERE status = 'open'")


def _raw_cte(editor):
    with connection.cursor() as cur:
        cur.execute("WITH o AS (SELECT id FROM claims_claim WHERE status = 'open') "
                    "UPDATE claims_claim c SET types = '[]'::jsonb, version = version + 1 FROM o WHERE o.id = c.id")


def _admin_save(editor):
    # The admin saves every column (no update_fields): as good as a type edit.
    claim = claims_of_type(Claim.objects.all(), "quantity").order_by("id").first()
    claim.types = []
    claim.version += 1
    claim.save()


@pytest.mark.parametrize("write", [_new_claim, _type_edit, _delete, _bulk, _raw, _raw_cte, _admin_save])
def test_a_write_to_what_a_count_reads_has_it_counted_again(session, desk, editor, write):
    if write in (_raw, _raw_cte) and connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's SQL")
    path = "/api/claims/?type=quantity"
    before, _, _ = fetch(session, path)
    assert not fetch(session, path)[1]  # kept
    write(editor)
    after, counted, _ = fetch(session, path)
    assert counted, write.__name__
    assert after["count"] == LISTS["?type=quantity"]() != before["count"]


def test_a_deep_page_after_a_verdict_neither_counts_nor_walks(session, desk, editor, reviewer, monkeypatch):
    monkeypatch.setattr(page_index, "SEEK_FROM", SIZE)
    path = f"/api/claims/?page=4&page_size={SIZE}"
    first, counted, walked = fetch(session, path)
    assert counted and walked
    verdict(reviewer)
    again, counted, walked = fetch(session, path)
    assert not counted and not walked, "a verdict moves no claim in the list's order"
    order = list(Claim.objects.order_by("article", "start", "id").values_list("pk", flat=True))
    assert [c["id"] for c in again["results"]] == [c["id"] for c in first["results"]] == order[6:8]
    # A new claim (in the first article: before the page) moves the rows after it: the kept first
    # row is found that many rows back, not by walking (PostgreSQL: the mark reads its locks), and
    # the page is right.
    _new_claim(editor)
    moved, counted, walked = fetch(session, path)
    order = list(Claim.objects.order_by("article", "start", "id").values_list("pk", flat=True))
    assert counted and walked == (connection.vendor != "postgresql") and moved["count"] == len(order) == 13
    assert [c["id"] for c in moved["results"]] == order[6:8]
    # A delete: walked again.
    Claim.objects.filter(pk=order[0]).delete()
    gone, _, walked = fetch(session, path)
    order = list(Claim.objects.order_by("article", "start", "id").values_list("pk", flat=True))
    assert walked and [c["id"] for c in gone["results"]] == order[6:8]


def _page_ids(size: int, page: int) -> list[int]:
    order = list(Claim.objects.order_by("article", "start", "id").values_list("pk", flat=True))
    return order[(page - 1) * size:page * size]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the mark reads PostgreSQL's locks")
def test_deep_pages_after_new_claims_before_and_after_them_are_right(session, desk, editor, monkeypatch):
    monkeypatch.setattr(page_index, "SEEK_FROM", SIZE)
    # The list's articles in its order (newest first), each once.
    ordered = list(dict.fromkeys(Claim.objects.order_by("article", "start", "id").values_list("article", flat=True)))
    for page in (2, 3, 4, 5):
        fetch(session, f"/api/claims/?page={page}&page_size={SIZE}")
    # Before every page (the first article), after all of them (the last), in between, several at once.
    for targets in ([ordered[0]], [ordered[-1]], [ordered[1], ordered[0]], [ordered[2]] * 2):
        for article in targets:
            quote = "The council spent" if Claim.objects.filter(article_id=article, quote="Police said") else "Police said"
            services.claim_create(actor=editor, article_id=article, quote=quote, types=["quantity"])
        for page in (2, 3, 4, 5):
            got, _, walked = fetch(session, f"/api/claims/?page={page}&page_size={SIZE}")
            assert [c["id"] for c in got["results"]] == _page_ids(SIZE, page), (targets, page)
            assert not walked, (targets, page)


def test_what_a_query_reads():
    base = claim_list_base().order_by("article", "start", "id")
    assert reads(base) == (stamps.ALL, stamps.inserted("claims_claim"), stamps.rows("claims_claim"))
    assert stamps.column("claims_claim", "types") in reads(claims_of_type(base, "quantity"))
    by_reviewer = reads(base.filter(assignee__username="rita"))
    assert {stamps.rows("accounts_user"), stamps.column("accounts_user", "username"),
            stamps.column("claims_claim", "assignee_id")} <= set(by_reviewer)
    ordered = reads(base, page_index.order_terms(base))
    assert {stamps.rows("articles_article"), stamps.column("articles_article", "created_at"),
            stamps.column("claims_claim", "start")} <= set(ordered)
    # Unsure: the broad stamp instead.
    assert reads(base.filter(pk__in=Claim.objects.filter(status="open").values("pk"))) is None
    assert reads(base.extra(where=["1 = 1"])) is None
    assert reads(base.filter(notifications__read_at__isnull=True)) is None  # a table no stamp covers
    assert reads(base.distinct()) is None


@pytest.mark.django_db(transaction=True)
def test_a_transactions_writes_replace_their_fine_stamps_once_on_commit(editor, reviewer):
    article = ArticleFactory(created_by=editor, text=TEXT)
    claim = make_claim(article, "2,200 homes were flooded", status=ClaimStatus.ASSIGNED, assignee=reviewer)
    names = [stamps.column("claims_claim", "status"), stamps.column("claims_claim", "types"),
             stamps.rows("claims_claim"), stamps.LISTS]
    stamps.replace(names)
    stamps._read().clear()  # what earlier tests in this thread read: the premise is that it read none
    before = cache.get_many([stamps.key(n) for n in names])
    with transaction.atomic():
        Claim.objects.filter(pk=claim.pk).update(status=ClaimStatus.IN_REVIEW)
        Claim.objects.filter(pk=claim.pk).update(priority=2)
        assert cache.get_many([stamps.key(n) for n in names]) == before  # nothing this thread read: at commit
        hooks = [f for _, f, _ in connection.run_on_commit if isinstance(f, stamps._AfterCommit)]
        assert len(hooks) == 1  # one replacement (one round trip) for the whole transaction
    after = cache.get_many([stamps.key(n) for n in names])
    changed = {n for n in names if after[stamps.key(n)] != before[stamps.key(n)]}
    assert changed == {stamps.column("claims_claim", "status"), stamps.LISTS}


# After new claims only, a count is the kept one plus the rows above its mark (api/page_index.recount).


def grew(client, path: str) -> tuple[dict, bool]:
    """(the page, whether its count was grown from a kept one rather than counted whole)."""
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    assert response.status_code == 200, response.content[:300]
    sql = [q["sql"] for q in ctx.captured_queries if "COUNT(" in q["sql"]]
    return response.json(), bool(sql) and all('AS "above"' in s for s in sql)


def _other_new_claim(editor):
    article = Claim.objects.order_by("-id").first().article
    services.claim_create(actor=editor, article_id=article.pk, quote="Unemployment rose", types=["quantity"])


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the mark reads PostgreSQL's locks")
@pytest.mark.parametrize("query", LISTS)
def test_after_new_claims_the_count_is_grown_and_right(session, desk, editor, reviewer, query):
    path = f"/api/claims/{query}"
    fetch(session, path)
    # ?search= reads the search vector too: claim_create writes it with the INSERT, not after it.
    for write in (_new_claim, _other_new_claim, _new_claim):
        write(editor)
        page, grown = grew(session, path)
        assert grown, write.__name__
        assert page["count"] == LISTS[query]()
    # A verdict keeps the grown count; a delete, a type edit or a key given by hand count it whole.
    verdict(reviewer)
    again, counted, _ = fetch(session, path)
    assert not counted and again["count"] == LISTS[query]()
    for write in (_type_edit, _delete):
        write(editor)
        page, grown = grew(session, path)
        assert not grown, write.__name__
        assert page["count"] == LISTS[query](), write.__name__
        _new_claim(editor)
        page, grown = grew(session, path)
        assert grown and page["count"] == LISTS[query]()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the mark reads PostgreSQL's locks")
def test_a_claim_restored_under_its_old_key_is_counted(session, desk):
    # A row put back under a key below the kept count's mark (a restore, loaddata): its INSERT
    # names the key, so it replaces rows:, and the count is made whole again.
    path = "/api/claims/?type=quantity"
    claim = claims_of_type(Claim.objects.all(), "quantity").order_by("id").first()
    key = claim.pk
    claim.delete()
    assert fetch(session, path)[0]["count"] == LISTS["?type=quantity"]()
    claim.pk = key  # (delete() cleared it)
    claim.save(force_insert=True)
    page, grown = grew(session, path)
    assert not grown and page["count"] == LISTS["?type=quantity"]() == 8


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the mark reads PostgreSQL's locks")
@pytest.mark.django_db(transaction=True)
def test_a_lower_key_committed_after_a_higher_one_is_counted(editor, monkeypatch):
    """Two transactions add claims: the first draws the lower key and commits last. A count (and a
    deep page) taken between the two commits must not take the higher key as the mark of what is
    committed, or the lower one would never be counted."""
    import threading

    monkeypatch.setattr(page_index, "SEEK_FROM", SIZE)
    monkeypatch.setattr(page_index, "ADVANCE_AT", 0)  # the mark is moved up at every count
    client = APIClient()
    client.force_login(editor)
    articles_ = [ArticleFactory(created_by=editor, text=TEXT) for _ in range(2)]
    for article in articles_:
        make_claim(article, "2,200 homes were flooded", types=["quantity"])
        make_claim(article, "Unemployment rose to 7 percent")
    path, deep = "/api/claims/?type=quantity", f"/api/claims/?page=2&page_size={SIZE}"

    def deep_right() -> bool:
        page = fetch(client, deep)[0]
        return [c["id"] for c in page["results"]] == _page_ids(SIZE, 2) and page["count"] == Claim.objects.count()

    assert fetch(client, path)[0]["count"] == 2 and deep_right()
    drawn, commit = threading.Event(), threading.Event()
    keys = []

    def slow() -> None:
        try:
            with transaction.atomic():
                claim = services.claim_create(actor=editor, article_id=articles_[0].pk, quote="12.5 million pounds",
                                              types=["quantity"])
                keys.append(claim.pk)
                drawn.set()
                assert commit.wait(20)
        finally:
            connection.close()

    thread = threading.Thread(target=slow)
    thread.start()
    try:
        assert drawn.wait(20)
        higher = services.claim_create(actor=editor, article_id=articles_[1].pk, quote="12.5 million pounds",
                                       types=["quantity"])
        assert higher.pk > keys[0]
        during, grown = grew(client, path)
        assert grown and during["count"] == 3 == claims_of_type(Claim.objects.all(), "quantity").count()
        assert deep_right()
    finally:
        commit.set()
        thread.join(20)
    after, grown = grew(client, path)
    assert grown, "the lower key's commit replaced ins:, and only that"
    assert after["count"] == 4 == claims_of_type(Claim.objects.all(), "quantity").count()
    assert deep_right() and not fetch(client, deep)[2]
