"""Whole claim-list pages and token members from the cache (api/list_cache.py, api/authentication.py):
always what an uncached request would answer right after any change."""

from __future__ import annotations

import json

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from factcheck.accounts import services as accounts
from factcheck.accounts.models import Role
from factcheck.api import list_cache
from factcheck.claims import services
from factcheck.claims.models import Claim, ClaimStatus
from factcheck.core import stamps
from tests.support.factories import ArticleFactory, make_claim

pytestmark = pytest.mark.django_db
# Pages and members are kept only in a cache every web process shares (settings.CACHE_SHARED:
# Redis); without it every request is answered afresh, and these tests check what is kept.
needs_shared_cache = pytest.mark.usefixtures("require_redis")

TEXT = "Police said 2,200 homes were flooded in Elmbridge. The council spent 12.5 million pounds, the mayor said.\n"


@pytest.fixture
def article(editor, reviewer):
    article = ArticleFactory(created_by=editor, text=TEXT, title="Elmbridge floods")
    make_claim(article, "2,200 homes were flooded", status=ClaimStatus.ASSIGNED, assignee=reviewer)
    make_claim(article, "12.5 million pounds")
    return article


def get(client, path: str, **headers):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path, **headers)
    return response, len(ctx.captured_queries)


def rows(response) -> dict[int, dict]:
    assert response.status_code == 200, response.content[:300]
    return {r["id"]: r for r in json.loads(response.content)["results"]}


@needs_shared_cache
def test_a_repeated_page_comes_from_the_cache_with_the_same_bytes_and_headers(as_editor, article):
    path = f"/api/claims/?article={article.pk}"
    cold, cold_queries = get(as_editor, path)
    warm, warm_queries = get(as_editor, path)
    assert cold_queries > 0 and warm_queries == 0
    assert warm.content == cold.content
    assert dict(warm.items()) == dict(cold.items())


def test_a_change_through_a_service_is_in_the_next_page(as_reviewer, reviewer, article):
    path = f"/api/claims/?article={article.pk}"
    claim = Claim.objects.get(article=article, status=ClaimStatus.ASSIGNED)
    assert rows(get(as_reviewer, path)[0])[claim.pk]["status"] == "assigned"
    services.verdict_record(actor=reviewer, claim_id=claim.pk, verdict="unverifiable", rationale="No record.",
                            version=claim.version)
    row = rows(get(as_reviewer, path)[0])[claim.pk]
    assert (row["status"], row["verdict"]) == ("resolved", "unverifiable")


def test_a_bulk_update_and_a_renamed_reviewer_are_in_the_next_page(as_editor, reviewer, article):
    # Writes that bypass the services (and model signals) still replace the stamp: the database sees them.
    # (Whoever changes a claim's row bumps its version, as the services do: api/claim_pages.py reads it.)
    path = f"/api/claims/?article={article.pk}"
    get(as_editor, path)
    Claim.objects.filter(article=article).update(text="Rewritten in bulk", version=F("version") + 1)
    assert {r["text"] for r in rows(get(as_editor, path)[0]).values()} == {"Rewritten in bulk"}
    type(reviewer).objects.filter(pk=reviewer.pk).update(username="rita2")
    assert "rita2" in {r["assignee"] for r in rows(get(as_editor, path)[0]).values()}


def test_a_new_claim_is_in_a_filtered_page_at_once(as_editor, editor, article):
    path = "/api/claims/?status=open&ordering=-id"
    before = rows(get(as_editor, path)[0])
    claim = services.claim_create(actor=editor, article_id=article.pk, quote="in Elmbridge")
    after = rows(get(as_editor, path)[0])
    assert claim.pk not in before and set(after) == {*before, claim.pk}


def test_pages_differ_by_query_string_and_language(as_editor, editor, article):
    other = ArticleFactory(created_by=editor, text=TEXT)
    make_claim(other, "12.5 million pounds")
    first = rows(get(as_editor, f"/api/claims/?article={article.pk}")[0])
    second = rows(get(as_editor, f"/api/claims/?article={other.pk}")[0])
    assert first.keys().isdisjoint(second.keys())
    english, _ = get(as_editor, f"/api/claims/?article={article.pk}", HTTP_ACCEPT_LANGUAGE="en")
    hebrew, queries = get(as_editor, f"/api/claims/?article={article.pk}", HTTP_ACCEPT_LANGUAGE="he")
    assert queries > 0, "a page kept for English must not answer a Hebrew request"
    assert hebrew["Content-Language"] == "he" and english["Content-Language"] != "he"


@needs_shared_cache
def test_a_revoked_token_is_refused_at_once(as_reviewer, editor, reviewer, article):
    path = f"/api/claims/?article={article.pk}"
    assert get(as_reviewer, path)[0].status_code == 200
    assert get(as_reviewer, path)[1] == 0  # the page and the token's member both from the cache
    accounts.member_tokens_revoke(actor=editor, member=reviewer)
    assert get(as_reviewer, path)[0].status_code == 401
    assert as_reviewer.get("/api/members/").status_code == 401


def test_a_deactivated_member_is_refused_at_once(as_reviewer, editor, reviewer, article):
    assert as_reviewer.get("/api/notifications/").status_code == 200
    type(reviewer).objects.filter(pk=reviewer.pk).update(is_active=False)  # not even through the service
    assert as_reviewer.get("/api/notifications/").status_code == 401
    assert as_reviewer.get(f"/api/claims/?article={article.pk}").status_code == 401


def test_a_new_role_applies_at_once(as_editor, editor, article):
    claim = Claim.objects.get(article=article, status=ClaimStatus.OPEN)
    assert as_editor.get("/api/members/").status_code == 200  # the editor's member now cached
    editor.role = Role.REVIEWER
    editor.save(update_fields=["role"])
    response = as_editor.post(f"/api/claims/{claim.pk}/reject/", {"version": claim.version, "reason": "x"},
                              format="json")
    assert response.status_code == 403


@needs_shared_cache
def test_a_reviewer_never_gets_an_editors_page_when_their_lists_differ(as_editor, as_reviewer, article, monkeypatch):
    monkeypatch.setattr(list_cache, "audience", lambda user: user.role)
    path = f"/api/claims/?article={article.pk}"
    get(as_reviewer, "/api/notifications/")  # the reviewer's member cached, so only the page could be missing
    get(as_editor, path)
    assert get(as_editor, path)[1] == 0
    assert get(as_reviewer, path)[1] > 0, "the editor's page was answered to a reviewer"
    assert get(as_reviewer, path)[1] == 0


def test_the_throttle_counts_pages_from_the_cache(as_reviewer, article, settings):
    rates = {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "user": "2/min"}
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": rates}
    path = f"/api/claims/?article={article.pk}"
    assert [get(as_reviewer, path)[0].status_code for _ in range(3)] == [200, 200, 429]


def test_a_lost_stamp_is_never_mistaken_for_an_old_one(as_editor, article):
    from django.core.cache import cache

    path = f"/api/claims/?article={article.pk}"
    get(as_editor, path)
    cache.delete(stamps.KEYS[stamps.LISTS])  # evicted, or Redis restarted without its data
    Claim.objects.filter(article=article).update(text="Changed while the stamp was gone",
                                                   version=F("version") + 1)
    assert {r["text"] for r in rows(get(as_editor, path)[0]).values()} == {"Changed while the stamp was gone"}


def test_statements_and_their_stamps():
    rows, col = stamps.rows, stamps.column
    assert stamps.stamps_of('SELECT "claims_claim"."id" FROM "claims_claim" FOR UPDATE') == frozenset()
    assert stamps.stamps_of('(SELECT "id" FROM "claims_claim" LIMIT 3) UNION ALL (SELECT "id" FROM "claims_claim")') == (
        frozenset())
    assert stamps.stamps_of('UPDATE "claims_claim" SET "text" = %s') == {stamps.LISTS, col("claims_claim", "text")}
    assert stamps.stamps_of('DELETE FROM "authtoken_token" WHERE "user_id" = 1') == {stamps.AUTH}
    assert stamps.stamps_of('UPDATE "accounts_user" SET "role" = %s') == {
        stamps.AUTH, stamps.LISTS, col("accounts_user", "role")}
    assert stamps.stamps_of('INSERT INTO "django_session" VALUES (1)') == frozenset()
    assert stamps.stamps_of("WITH v AS (SELECT 1) UPDATE articles_article SET search = v.x") == {
        stamps.LISTS, col("articles_article", "search")}
    # The verdict's one statement (claims/services/verdict_sql.py): the claim's UPDATE inside a CTE
    # names its columns; an upsert's DO UPDATE SET is the INSERT's own table; an INSERT is new rows.
    assert stamps.stamps_of(
        "WITH upd AS (UPDATE claims_claim SET status = %s, verdict = (%s) WHERE id = %s RETURNING id), "
        "rev AS (INSERT INTO claims_review (claim_id) SELECT id FROM upd ON CONFLICT (claim_id) DO UPDATE SET "
        "verdict = EXCLUDED.verdict RETURNING id), p AS (UPDATE claims_articleprogress SET claims_open = 1) "
        "SELECT 1") == {stamps.LISTS, col("claims_claim", "status"), col("claims_claim", "verdict"),
                        rows("claims_review"), col("claims_articleprogress", "claims_open")}
    assert stamps.stamps_of("WITH u AS (UPDATE claims_claim SET (a, b) = (1, 2)) SELECT 1") == {
        stamps.LISTS, rows("claims_claim")}
    assert stamps.stamps_of("TRUNCATE claims_claim") == {stamps.AUTH, stamps.LISTS, stamps.ALL}


def test_an_update_names_the_columns_it_sets():
    rows, col = stamps.rows, stamps.column
    # A verdict's save(update_fields=...): a nested expression, then WHERE.
    assert stamps.stamps_of(
        'UPDATE "claims_claim" SET "status" = %s, "verdict" = %s, "version" = ("claims_claim"."version" + %s), '
        '"updated_at" = %s WHERE "claims_claim"."id" = %s'
    ) == {stamps.LISTS, *(col("claims_claim", c) for c in ("status", "verdict", "version", "updated_at"))}
    # bulk_update's CASE, a raw statement without quotes, text holding a comma and WHERE.
    assert stamps.stamps_of(
        'UPDATE "claims_claim" SET "types" = CASE WHEN ("claims_claim"."id" = %s) THEN %s ELSE NULL END '
        'WHERE "claims_claim"."id" IN (%s)'
    ) == {stamps.LISTS, col("claims_claim", "types")}
    assert stamps.stamps_of("UPDATE claims_claim SET note = 'a, WHERE b', search = to_tsvector(text) WHERE id = 1") == {
        stamps.LISTS, col("claims_claim", "note"), col("claims_claim", "search")}
    # What cannot be told counts as every column: the rows.
    assert stamps.stamps_of("UPDATE claims_claim SET (types, text) = (%s, %s)") == {stamps.LISTS, rows("claims_claim")}
    # New rows keyed by the sequence are ins:, apart from deletes and edits; an INSERT naming the
    # key (a restore), without a column list, or updating on a conflict is rows:.
    ins = stamps.inserted
    assert stamps.stamps_of('INSERT INTO "claims_claim" ("text") VALUES (%s)') == {stamps.LISTS, ins("claims_claim")}
    assert stamps.stamps_of('INSERT INTO "claims_claim" ("text", "types") VALUES (%s, %s), (%s, %s) '
                            'RETURNING "claims_claim"."id"') == {stamps.LISTS, ins("claims_claim")}
    assert stamps.stamps_of('INSERT INTO "claims_claim" ("id", "text") VALUES (%s, %s)') == {
        stamps.LISTS, rows("claims_claim")}
    assert stamps.stamps_of("INSERT INTO claims_claim VALUES (1, 'x')") == {stamps.LISTS, rows("claims_claim")}
    assert stamps.stamps_of('INSERT INTO "claims_claim" ("text") VALUES (%s) ON CONFLICT ("text") DO UPDATE '
                            'SET "types" = EXCLUDED."types"') == {stamps.LISTS, rows("claims_claim")}
    assert stamps.stamps_of('INSERT INTO "claims_claim" ("text") VALUES (%s) ON CONFLICT DO NOTHING') == {
        stamps.LISTS, ins("claims_claim")}
    # setval() moves the keys to come below what counts took as committed: everything.
    assert stamps.stamps_of("SELECT setval(pg_get_serial_sequence('claims_claim', 'id'), 5)") == frozenset(stamps.KEYS)
    assert stamps.stamps_of('DELETE FROM "claims_claim" WHERE "id" = 1') == {stamps.LISTS, rows("claims_claim")}
    # A table named otherwise than by its own name alone: taken as a change of everything.
    assert stamps.stamps_of('UPDATE public.claims_claim SET "status" = %s') == frozenset(stamps.KEYS)
    assert stamps.stamps_of("UPDATE ONLY claims_claim SET types = %s") == frozenset(stamps.KEYS)
    assert stamps.stamps_of("WITH d AS (DELETE FROM public.claims_claim RETURNING id) SELECT 1") == frozenset(stamps.KEYS)
    # A table no list reads replaces nothing, finely or broadly.
    assert stamps.stamps_of('UPDATE "sources_lookup" SET "state" = %s') == frozenset()


@pytest.mark.django_db(transaction=True)
def test_a_write_after_a_rolled_back_savepoint_still_replaces_the_stamp_on_commit():
    from django.core.cache import cache
    from django.db import transaction

    from tests.support.factories import UserFactory

    def stamp():
        return cache.get(stamps.KEYS[stamps.LISTS])

    member = UserFactory(username="sam")
    stamps.replace(stamps.KEYS)
    before = stamp()
    with transaction.atomic():
        with pytest.raises(RuntimeError), transaction.atomic():
            type(member).objects.filter(pk=member.pk).update(first_name="Rolled back")
            raise RuntimeError
        type(member).objects.filter(pk=member.pk).update(first_name="Kept")
        assert stamp() == before  # nothing cached meanwhile by this thread: replaced on commit only
    assert stamp() != before
