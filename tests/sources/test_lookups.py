"""Lookups run in-process against loopback pages: what each kind finds and how the row ends."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from django.utils import timezone

from factcheck.claims.models import ClaimEvent, ClaimStatus, EventKind
from factcheck.claims.services import claim_accept, claim_create, claim_split, claims_merge
from factcheck.sources.models import Lookup, LookupKind, LookupStatus, Snapshot
from factcheck.sources.services import lookup_request, lookups_on_claim_open, lookups_requeue, source_attach
from factcheck.sources.tasks import run_lookup
from tests.sources.support import Page, html_page
from tests.support.factories import ArticleFactory, make_claim

FIXTURES = Path(__file__).parent / "fixtures"
REPORT = html_page(
    "River district flood count",
    [
        "The county council published its final count of flood damage on Monday after surveyors visited every street.",
        "In the river district 2,190 homes were flooded by the river, most of them on the ground floor only.",
        "A further 85 homes in the hill quarter reported water in cellars.",
    ],
    site="Tessbury County Council", author="Survey Office", date="2024-02-12",
)


def drain(published: list[int], capture) -> None:
    """Run queued lookups in this process, including the ones they queue, like a worker would."""
    while published:
        with capture(execute=True):
            run_lookup(published.pop(0))


def attach(loopback, claim, actor, path, page, django_capture_on_commit_callbacks):
    loopback.routes[path] = page
    with django_capture_on_commit_callbacks(execute=True):
        return source_attach(actor=actor, claim_id=claim.pk, url=loopback.url(path))


@pytest.mark.django_db
def test_fetch_makes_a_snapshot_with_metadata_then_checks_the_figure(
    loopback, flood_claim, reviewer, queued, django_capture_on_commit_callbacks
):
    evidence = attach(loopback, flood_claim, reviewer, "/count", Page(REPORT), django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        run_lookup(queued.pop(0))
    fetch = Lookup.objects.get(kind=LookupKind.FETCH)
    assert fetch.status == LookupStatus.DONE, fetch.error
    assert fetch.attempts == 1 and fetch.started_at and fetch.finished_at
    snap = Snapshot.objects.get(source=evidence.source)
    assert snap.final_url == loopback.url("/count") and snap.status_code == 200
    assert snap.title == "River district flood count" and snap.publisher == "Tessbury County Council"
    assert snap.author == "Survey Office" and snap.published == "2024-02-12"
    assert "2,190 homes were flooded" in snap.text and "Contact us" not in snap.text
    assert fetch.result["snapshot"] == snap.pk and fetch.result["sha256"] == snap.sha256
    evidence.source.refresh_from_db()
    assert evidence.source.independent is True and evidence.source.title == "River district flood count"
    # the fetch queued a figure check for the claim
    drain(queued, django_capture_on_commit_callbacks)
    check = Lookup.objects.get(kind=LookupKind.FIGURE_CHECK, claim=flood_claim)
    assert check.status == LookupStatus.DONE
    assert check.result["outcome"] == "consistent"
    passage = check.result["passages"][0]
    assert snap.text[passage["start"]:passage["end"]] == passage["quote"]
    assert "2,190 homes" in passage["quote"]
    kinds = list(ClaimEvent.objects.filter(claim=flood_claim, kind=EventKind.LOOKUP).values_list("data__action", flat=True))
    assert kinds.count("finished") == 2


@pytest.mark.django_db
def test_the_figure_check_a_fetch_queues_runs_in_the_same_task_without_a_broker_message(
    loopback, flood_claim, reviewer, queued, django_capture_on_commit_callbacks
):
    attach(loopback, flood_claim, reviewer, "/count", Page(REPORT), django_capture_on_commit_callbacks)
    fetch_id = queued.pop(0)
    with django_capture_on_commit_callbacks(execute=True):
        assert run_lookup(fetch_id) == "done"
    assert queued == []  # nothing went through the broker
    check = Lookup.objects.get(kind=LookupKind.FIGURE_CHECK, claim=flood_claim)
    assert (check.status, check.attempts, check.result["outcome"]) == (LookupStatus.DONE, 1, "consistent")
    actions = list(ClaimEvent.objects.filter(claim=flood_claim, kind=EventKind.LOOKUP, data__lookup=check.pk)
                   .values_list("data__action", flat=True))
    assert actions == ["queued", "finished"]


@pytest.mark.django_db
def test_a_figure_check_left_queued_by_a_dead_worker_is_requeued_after_its_deadline(
    loopback, flood_claim, reviewer, queued, django_capture_on_commit_callbacks
):
    from factcheck.sources import providers
    from factcheck.sources.services import follow_ups_inline, lookup_begin, lookup_complete

    attach(loopback, flood_claim, reviewer, "/count", Page(REPORT), django_capture_on_commit_callbacks)
    # The fetch commits, then the worker dies before it runs the figure check inline.
    with follow_ups_inline() as follow_ups:
        lookup = lookup_begin(queued.pop(0))
        provider = providers.get(lookup.kind)()
        assert lookup_complete(lookup, provider, provider.gather(lookup))
    check = Lookup.objects.get(kind=LookupKind.FIGURE_CHECK, claim=flood_claim)
    assert follow_ups == [check.pk] and check.status == LookupStatus.QUEUED and check.deadline > timezone.now()
    assert lookups_requeue()["requeued"] == 0  # its deadline has not passed
    Lookup.objects.filter(pk=check.pk).update(deadline=timezone.now() - dt.timedelta(seconds=1))
    assert lookups_requeue()["requeued"] == 1 and queued == [check.pk]
    assert run_lookup(check.pk) == "done"


@pytest.mark.django_db
def test_running_the_task_twice_leaves_one_snapshot_and_one_result(
    loopback, flood_claim, reviewer, queued, django_capture_on_commit_callbacks
):
    attach(loopback, flood_claim, reviewer, "/count", Page(REPORT), django_capture_on_commit_callbacks)
    lookup_id = queued[0]
    assert run_lookup(lookup_id) == "done"
    first = Lookup.objects.get(pk=lookup_id)
    assert run_lookup(lookup_id) == "skipped"
    again = Lookup.objects.get(pk=lookup_id)
    assert Snapshot.objects.count() == 1
    assert (again.attempts, again.finished_at, again.result) == (first.attempts, first.finished_at, first.result)
    assert loopback.requests.count("/count") == 1


@pytest.mark.django_db
def test_refetch_with_new_content_keeps_both_snapshots_and_says_changed(
    loopback, flood_claim, reviewer, editor, queued, django_capture_on_commit_callbacks
):
    evidence = attach(loopback, flood_claim, reviewer, "/count", Page(REPORT), django_capture_on_commit_callbacks)
    run_lookup(queued.pop(0))
    queued.clear()
    # same content again: no second snapshot
    with django_capture_on_commit_callbacks(execute=True):
        lookup_request(actor=editor, kind="fetch", source_id=evidence.source_id)
    run_lookup(queued.pop(0))
    assert Snapshot.objects.filter(source=evidence.source).count() == 1
    loopback.routes["/count"] = Page(REPORT.replace(b"2,190", b"2,240"))
    with django_capture_on_commit_callbacks(execute=True):
        again = lookup_request(actor=editor, kind="fetch", source_id=evidence.source_id)
    run_lookup(queued.pop(0))
    again.refresh_from_db()
    snaps = list(Snapshot.objects.filter(source=evidence.source).order_by("id"))
    assert len(snaps) == 2 and not snaps[0].changed and snaps[1].changed
    assert again.result["changed"] is True


@pytest.mark.django_db
def test_http_error_fails_with_a_readable_error_and_retry_creates_a_new_lookup(
    loopback, flood_claim, reviewer, queued, django_capture_on_commit_callbacks
):
    evidence = attach(loopback, flood_claim, reviewer, "/gone", Page(b"no", status=404),
                      django_capture_on_commit_callbacks)
    run_lookup(queued.pop(0))
    failed = Lookup.objects.get(kind=LookupKind.FETCH)
    assert failed.status == LookupStatus.FAILED
    assert "HTTP 404" in failed.error
    loopback.routes["/gone"] = Page(REPORT)
    with django_capture_on_commit_callbacks(execute=True):
        retry = lookup_request(actor=reviewer, kind="fetch", claim_id=flood_claim.pk, source_id=evidence.source_id)
    assert retry.pk != failed.pk
    run_lookup(queued.pop(0))
    retry.refresh_from_db()
    assert retry.status == LookupStatus.DONE


@pytest.mark.django_db
def test_fetch_of_a_private_address_ends_blocked(flood_claim, reviewer, queued, django_capture_on_commit_callbacks):
    # default settings: loopback is not allowed, and no connection is attempted for a literal address
    with django_capture_on_commit_callbacks(execute=True):
        source_attach(actor=reviewer, claim_id=flood_claim.pk, url="http://127.0.0.1:9/admin")
    run_lookup(queued.pop(0))
    lookup = Lookup.objects.get(kind=LookupKind.FETCH)
    assert lookup.status == LookupStatus.BLOCKED
    assert lookup.error.startswith("Blocked:")


@pytest.mark.django_db
def test_inconsistent_figure_is_reported_with_the_passage(
    loopback, flood_claim, reviewer, queued, django_capture_on_commit_callbacks
):
    page = html_page("Council statement", [
        "The council's surveyors finished counting on Monday.",
        "They found that 1,500 homes were flooded in the river district, fewer than first feared.",
    ])
    attach(loopback, flood_claim, reviewer, "/statement", Page(page), django_capture_on_commit_callbacks)
    drain(queued, django_capture_on_commit_callbacks)
    check = Lookup.objects.get(kind=LookupKind.FIGURE_CHECK)
    assert check.result["outcome"] == "inconsistent"
    assert "1,500 homes" in check.result["summary"]
    assert "river district" in check.result["passages"][0]["quote"]


@pytest.mark.django_db
def test_sweeper_requeues_stale_rows_and_gives_up_after_max_attempts(flood_claim, reviewer, queued, settings,
                                                                     django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        evidence = source_attach(actor=reviewer, claim_id=flood_claim.pk, url="https://council.example/report")
    queued.clear()
    lookup = Lookup.objects.get(kind=LookupKind.FETCH, source=evidence.source)
    assert lookups_requeue() == {"requeued": 0, "failed": 0, "broker_down": False}  # not stale yet
    past = timezone.now() - dt.timedelta(seconds=1)
    Lookup.objects.filter(pk=lookup.pk).update(status=LookupStatus.RUNNING, attempts=1, deadline=past)
    assert lookups_requeue()["requeued"] == 1 and queued == [lookup.pk]
    Lookup.objects.filter(pk=lookup.pk).update(attempts=settings.LOOKUP_MAX_ATTEMPTS, deadline=past)
    assert lookups_requeue()["failed"] == 1
    lookup.refresh_from_db()
    assert lookup.status == LookupStatus.FAILED and "Gave up after" in lookup.error


@pytest.mark.django_db
def test_a_running_row_whose_lease_ran_out_is_taken_over_but_not_a_slow_live_one(
    flood_claim, reviewer, queued, django_capture_on_commit_callbacks
):
    from factcheck.sources.services import lookup_begin

    with django_capture_on_commit_callbacks(execute=True):
        source_attach(actor=reviewer, claim_id=flood_claim.pk, url="https://council.example/report")
    lookup = lookup_begin(queued[0])
    assert lookup is not None and lookup.attempts == 1
    assert lookup_begin(lookup.pk) is None  # another worker: the row is taken
    # Past its deadline but its worker still renews the lease: slow, not dead, so it stays with it.
    Lookup.objects.filter(pk=lookup.pk).update(deadline=timezone.now() - dt.timedelta(seconds=1))
    assert lookup_begin(lookup.pk) is None
    assert lookups_requeue()["requeued"] == 0
    # The worker stopped renewing: the sweeper queues it again, saying why, and another worker takes it.
    Lookup.objects.filter(pk=lookup.pk).update(lease_until=timezone.now() - dt.timedelta(seconds=1))
    assert lookups_requeue()["requeued"] == 1
    lookup.refresh_from_db()
    assert lookup.status == LookupStatus.QUEUED and "worker running this lookup stopped" in lookup.error
    taken = lookup_begin(lookup.pk)
    assert taken is not None and taken.attempts == 2 and taken.error == ""


# --- similar claims -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_similar_claims_found_in_other_articles_with_figure_differs(flood_article, editor, queued,
                                                                    django_capture_on_commit_callbacks):
    earlier = ArticleFactory(created_by=editor, title="Last spring's flood",
                             text="About 1,500 homes were flooded in the river district in April, officials said.\n")
    old = make_claim(earlier, "About 1,500 homes were flooded in the river district", status=ClaimStatus.RESOLVED,
                     verdict="verified", rating="accurate")
    same = make_claim(earlier, "officials said", status=ClaimStatus.OPEN, text="Nearly 2,200 homes were flooded in the "
                      "river district")
    make_claim(earlier, "in April", status=ClaimStatus.OPEN, text="The budget for schools rose this year")
    same_article_claim = make_claim(flood_article, "40 families", status=ClaimStatus.OPEN,
                                    text="Nearly 2,200 homes were flooded in the river district")
    with django_capture_on_commit_callbacks(execute=True):
        claim = claim_create(actor=editor, article_id=flood_article.pk,
                             quote="Nearly 2,200 homes were flooded in the river district")
    lookup = Lookup.objects.get(kind=LookupKind.SIMILAR, claim=claim)
    assert queued == [lookup.pk]  # external is off without an API key
    run_lookup(lookup.pk)
    lookup.refresh_from_db()
    matches = {m["claim"]: m for m in lookup.result["matches"]}
    assert set(matches) == {old.pk, same.pk}
    assert same_article_claim.pk not in matches
    assert matches[old.pk]["figure_differs"] is True and matches[old.pk]["verdict"] == "verified"
    assert matches[same.pk]["figure_differs"] is False and matches[same.pk]["score"] >= 90


@pytest.mark.django_db
def test_accepting_a_suggested_claim_queues_the_similar_lookup(flood_article, editor, queued,
                                                               django_capture_on_commit_callbacks):
    claim = make_claim(flood_article, "40 families spent the night", status=ClaimStatus.SUGGESTED)
    with django_capture_on_commit_callbacks(execute=True):
        claim_accept(actor=editor, claim_id=claim.pk)
    assert Lookup.objects.filter(kind=LookupKind.SIMILAR, claim=claim, status=LookupStatus.QUEUED).count() == 1
    lookups_on_claim_open(claim=claim, actor=editor)  # called again: no duplicate
    assert Lookup.objects.filter(kind=LookupKind.SIMILAR, claim=claim).count() == 1


@pytest.mark.django_db
def test_claims_made_by_split_or_merge_look_for_earlier_checks(flood_article, editor, queued,
                                                               django_capture_on_commit_callbacks):
    passage = "Nearly 2,200 homes were flooded in the river district"
    whole = make_claim(flood_article, passage, status=ClaimStatus.SUGGESTED)
    with django_capture_on_commit_callbacks(execute=True):
        first, second = claim_split(actor=editor, claim_id=whole.pk, at=whole.start + passage.index("in the river"))
    for part in (first, second):
        assert Lookup.objects.filter(kind=LookupKind.SIMILAR, claim=part, status=LookupStatus.QUEUED).count() == 1
    Lookup.objects.filter(kind=LookupKind.SIMILAR).update(status=LookupStatus.DONE)
    with django_capture_on_commit_callbacks(execute=True):
        merged = claims_merge(actor=editor, claim_ids=[first.pk, second.pk])
    assert merged.text == passage
    assert Lookup.objects.filter(kind=LookupKind.SIMILAR, claim=merged, status=LookupStatus.QUEUED).count() == 1


# --- external fact-checks --------------------------------------------------------------------------


@pytest.mark.django_db
def test_external_search_lists_published_reviews_from_the_api(loopback, flood_article, editor, settings, queued,
                                                              django_capture_on_commit_callbacks):
    settings.FACTCHECK_TOOLS_API_KEY = "test-key-123"
    settings.FACTCHECK_TOOLS_BASE_URL = loopback.url("/v1alpha1/")
    fixture = (FIXTURES / "factchecktools_search.json").read_bytes()
    seen = {}

    def search(handler):
        seen.update({k: v[0] for k, v in handler.query.items()})
        return Page(fixture, content_type="application/json; charset=UTF-8")

    loopback.routes["/v1alpha1/claims:search"] = search
    with django_capture_on_commit_callbacks(execute=True):
        claim = claim_create(actor=editor, article_id=flood_article.pk,
                             quote="Nearly 2,200 homes were flooded in the river district")
    external = Lookup.objects.get(kind=LookupKind.EXTERNAL, claim=claim)
    run_lookup(external.pk)
    external.refresh_from_db()
    assert external.status == LookupStatus.DONE, external.error
    assert seen["key"] == "test-key-123" and "2,200 homes" in seen["query"]
    assert seen["languageCode"] == "en"  # the article's language
    reviews = external.result["reviews"]
    assert [r["publisher"] for r in reviews] == ["Harbour Check", "Valley Verify"]
    assert reviews[0]["rating"] == "Mostly true" and reviews[0]["url"].startswith("https://")
    assert "test-key-123" not in json.dumps(external.result)


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "fallback", "expected"), [("ar", "en", "ar"), ("he", "", "he"),
                                                                 ("und", "en", "en"), ("und", "", None)])
def test_external_search_asks_for_reviews_in_the_articles_language(loopback, flood_claim, editor, settings, queued,
                                                                   django_capture_on_commit_callbacks, language,
                                                                   fallback, expected):
    settings.FACTCHECK_TOOLS_API_KEY = "test-key-123"
    settings.FACTCHECK_TOOLS_BASE_URL = loopback.url("/v1alpha1/")
    settings.FACTCHECK_TOOLS_LANGUAGE = fallback
    flood_claim.article.language = language
    flood_claim.article.save()
    seen = {}

    def search(handler):
        seen.update({k: v[0] for k, v in handler.query.items()})
        return Page(b'{"claims": []}', content_type="application/json")

    loopback.routes["/v1alpha1/claims:search"] = search
    with django_capture_on_commit_callbacks(execute=True):
        lookup = lookup_request(actor=editor, kind="external", claim_id=flood_claim.pk)
    run_lookup(lookup.pk)
    lookup.refresh_from_db()
    assert lookup.status == LookupStatus.DONE, lookup.error
    assert seen.get("languageCode") == expected


@pytest.mark.django_db
def test_external_search_with_a_refused_key_fails_clearly(loopback, flood_claim, editor, settings, queued,
                                                          django_capture_on_commit_callbacks):
    settings.FACTCHECK_TOOLS_API_KEY = "wrong"
    settings.FACTCHECK_TOOLS_BASE_URL = loopback.url("/v1alpha1/")
    loopback.routes["/v1alpha1/claims:search"] = Page(b'{"error": {"code": 403}}', status=403,
                                                       content_type="application/json")
    with django_capture_on_commit_callbacks(execute=True):
        lookup = lookup_request(actor=editor, kind="external", claim_id=flood_claim.pk)
    run_lookup(lookup.pk)
    lookup.refresh_from_db()
    assert lookup.status == LookupStatus.FAILED and "refused the key" in lookup.error


@pytest.mark.django_db
def test_external_is_not_offered_without_a_key(flood_claim, editor):
    from factcheck.core.errors import WrongState

    with pytest.raises(WrongState, match="not enabled"):
        lookup_request(actor=editor, kind="external", claim_id=flood_claim.pk)


@pytest.mark.django_db
def test_the_heartbeat_renews_the_leases_of_this_process_s_lookups_only(flood_claim, reviewer, queued,
                                                                         django_capture_on_commit_callbacks):
    from factcheck.sources import workers
    from factcheck.sources.models import Worker
    from factcheck.sources.services import lookup_begin

    with django_capture_on_commit_callbacks(execute=True):
        source_attach(actor=reviewer, claim_id=flood_claim.pk, url="https://council.example/report")
    lookup = lookup_begin(queued[0])
    assert lookup.worker == workers.WORKER_NAME and lookup.pk in workers.running()
    expired = timezone.now() - dt.timedelta(seconds=1)
    Lookup.objects.filter(pk=lookup.pk).update(lease_until=expired)
    assert workers.beat("lookups") == 1
    lookup.refresh_from_db()
    assert lookup.lease_until > timezone.now()  # renewed: the sweeper leaves it alone
    assert lookups_requeue()["requeued"] == 0
    assert [w.name for w in workers.live_workers()] == [workers.WORKER_NAME]
    assert Worker.objects.get(name=workers.WORKER_NAME).running == 1
    # Once this process lets go (finished, or gave it back), its lease is no longer renewed.
    workers.release(lookup.pk)
    Lookup.objects.filter(pk=lookup.pk).update(lease_until=expired)
    assert workers.beat("lookups") == 0
    assert lookups_requeue()["requeued"] == 1
