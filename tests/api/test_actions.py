"""The browser's other actions over the API: what each answers, the row afterwards, and its audit row."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from factcheck.articles.models import Article
from factcheck.claims.models import Claim, ClaimEvent, ClaimStatus, Comment, EventKind, Notification
from factcheck.publishing.models import Report
from factcheck.sources.models import Evidence, Lookup, LookupKind, LookupStatus, Snapshot, Source
from tests.api.conftest import token_client
from tests.support.factories import ArticleFactory, make_claim


def error_of(response, status: int) -> dict:
    assert response.status_code == status, response.content[:400]
    assert set(response.json()) == {"error"}
    return response.json()["error"]


def last_event(claim: Claim) -> ClaimEvent:
    return ClaimEvent.objects.filter(claim=claim).order_by("-at", "-id").first()


# --- suggestions in bulk -------------------------------------------------------------------------


def test_accept_all_opens_every_suggestion_once(as_editor, desk, editor):
    article = desk["article"]
    response = as_editor.post(f"/api/articles/{article.pk}/accept-all/")
    assert response.status_code == 200 and response.json() == {"count": 1}
    desk["suggested"].refresh_from_db()
    assert desk["suggested"].status == ClaimStatus.OPEN
    assert last_event(desk["suggested"]).kind in (EventKind.ACCEPTED, EventKind.LOOKUP)
    assert ClaimEvent.objects.filter(claim=desk["suggested"], kind=EventKind.ACCEPTED, actor=editor).exists()
    # Nothing left to accept: a second call changes nothing.
    assert as_editor.post(f"/api/articles/{article.pk}/accept-all/").json() == {"count": 0}


def test_reject_all_leaves_accepted_claims_alone(as_editor, desk):
    response = as_editor.post(f"/api/articles/{desk['article'].pk}/reject-all/")
    assert response.json() == {"count": 1}
    desk["suggested"].refresh_from_db()
    desk["open"].refresh_from_db()
    assert desk["suggested"].status == ClaimStatus.REJECTED
    assert desk["open"].status == ClaimStatus.OPEN


def test_accept_all_of_a_missing_article_is_404(as_editor, db):
    error_of(as_editor.post("/api/articles/999999/accept-all/"), 404)


# --- merge, split, bulk assign ----------------------------------------------------------------------


def test_merge_keeps_the_first_claim_widened_and_closes_the_others(as_editor, desk):
    first, second = desk["suggested"], desk["open"]
    response = as_editor.post("/api/claims/merge/", {"claims": [second.pk, first.pk], "text": "Survivors and quake"},
                              format="json")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["id"] == first.pk and body["status"] == "open" and body["text"] == "Survivors and quake"
    assert body["start"] == first.start and body["end"] == second.end
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.end == second.end and second.status == ClaimStatus.REJECTED
    assert last_event(second).kind == EventKind.MERGED and last_event(second).data == {"into": first.pk}


def test_merge_refuses_a_claim_under_review_and_changes_nothing(as_editor, desk):
    open_claim, assigned = desk["open"], desk["assigned"]
    before = (open_claim.version, assigned.version)
    error = error_of(as_editor.post("/api/claims/merge/", {"claims": [open_claim.pk, assigned.pk]}, format="json"),
                     409)
    assert "assigned" in error["message"]
    open_claim.refresh_from_db()
    assigned.refresh_from_db()
    assert (open_claim.version, assigned.version) == before


def test_merge_needs_two_claims(as_editor, desk):
    error = error_of(as_editor.post("/api/claims/merge/", {"claims": [desk["open"].pk]}, format="json"), 400)
    assert "claims" in error["fields"]


def test_split_answers_both_parts_in_text_order(as_editor, desk, editor):
    claim = desk["open"]
    at = claim.start + len("measured ")
    response = as_editor.post(f"/api/claims/{claim.pk}/split/", {"at": at, "version": claim.version}, format="json")
    assert response.status_code == 200, response.content
    first, second = response.json()
    assert first["id"] == claim.pk and first["text"] == "measured" and second["quote"] == "at magnitude 6.1"
    claim.refresh_from_db()
    assert claim.end == at
    new = Claim.objects.get(pk=second["id"])
    assert new.status == ClaimStatus.OPEN and new.created_by == editor
    split = claim.events.filter(kind=EventKind.SPLIT).get()
    assert split.data["new"] == new.pk
    # Then each part looks for earlier checks of itself (its own lookup row in the history).
    assert last_event(claim).kind == EventKind.LOOKUP and last_event(new).kind == EventKind.LOOKUP


def test_split_outside_the_claim_is_400_naming_the_offset(as_editor, desk):
    claim = desk["open"]
    error = error_of(as_editor.post(f"/api/claims/{claim.pk}/split/", {"at": claim.end + 5, "version": claim.version},
                                format="json"), 400)
    assert "at" in error["fields"]
    assert Claim.objects.count() == 5


def test_split_with_a_stale_version_says_where_the_claim_is(as_editor, desk):
    claim = desk["open"]
    error = error_of(as_editor.post(f"/api/claims/{claim.pk}/split/", {"at": claim.start + 9, "version": 99},
                                    format="json"), 409)
    assert f"now open, version {claim.version}" in error["message"]


def test_bulk_assign_assigns_all(as_editor, desk, other_reviewer):
    ids = [desk["open"].pk, desk["assigned"].pk]
    response = as_editor.post("/api/claims/bulk-assign/",
                              {"claims": ids, "reviewer": "oscar", "due": "2031-05-01", "priority": 1}, format="json")
    assert response.status_code == 200, response.content
    assert [c["id"] for c in response.json()] == sorted(ids)
    for claim in (desk["open"], desk["assigned"]):
        claim.refresh_from_db()
        assert claim.assignee == other_reviewer and claim.due == dt.date(2031, 5, 1)
        assert claim.status == ClaimStatus.ASSIGNED
        assert last_event(claim).kind == EventKind.ASSIGNED


def test_bulk_assign_is_all_or_nothing(as_editor, desk, reviewer):
    resolved = desk["resolved"]
    error_of(as_editor.post("/api/claims/bulk-assign/",
                            {"claims": [desk["open"].pk, resolved.pk], "reviewer": "oscar"}, format="json"), 409)
    desk["open"].refresh_from_db()
    assert desk["open"].assignee is None and desk["open"].status == ClaimStatus.OPEN


def test_bulk_assign_to_an_unknown_member_is_400(as_editor, desk):
    error = error_of(as_editor.post("/api/claims/bulk-assign/", {"claims": [desk["open"].pk], "reviewer": "nobody"},
                                    format="json"), 400)
    assert "reviewer" in error["fields"]


# --- comments, links, re-anchoring --------------------------------------------------------------------


def test_assigned_reviewer_comments_and_everyone_reads_it(as_reviewer, as_other, desk, reviewer):
    claim = desk["assigned"]
    response = as_reviewer.post(f"/api/claims/{claim.pk}/comments/", {"body": "Asked the ministry for its list."},
                                format="json")
    assert response.status_code == 201, response.content
    assert response.json()["author"] == "rita" and response.json()["claim"] == claim.pk
    comment = Comment.objects.get()
    assert comment.author == reviewer and comment.body == "Asked the ministry for its list."
    assert last_event(claim).kind == EventKind.COMMENTED
    listed = as_other.get(f"/api/claims/{claim.pk}/comments/").json()
    assert [c["body"] for c in listed] == ["Asked the ministry for its list."]


def test_blank_comment_is_400(as_editor, desk):
    error = error_of(as_editor.post(f"/api/claims/{desk['open'].pk}/comments/", {"body": ""}, format="json"), 400)
    assert "body" in error["fields"]
    assert not Comment.objects.exists()


def test_link_same_related_and_none(as_editor, desk):
    claim, earlier = desk["open"], desk["resolved"]
    url = f"/api/claims/{claim.pk}/link/"
    response = as_editor.post(url, {"earlier": earlier.pk, "relation": "same", "version": claim.version},
                              format="json")
    assert response.status_code == 200 and response.json()["same_as"] == earlier.pk
    claim.refresh_from_db()
    assert claim.same_as == earlier and last_event(claim).kind == EventKind.LINKED

    body = as_editor.post(url, {"earlier": earlier.pk, "relation": "related", "note": "Counted 5.9 then.",
                                "version": response.json()["version"]}, format="json").json()
    assert body["same_as"] is None and body["related_note"] == "Counted 5.9 then."

    body = as_editor.post(url, {"relation": "none", "version": body["version"]}, format="json").json()
    claim.refresh_from_db()
    assert body["same_as"] is None and claim.related_note == "" and claim.same_as is None


def test_link_to_itself_is_400(as_editor, desk):
    claim = desk["open"]
    error = error_of(as_editor.post(f"/api/claims/{claim.pk}/link/", {"earlier": claim.pk, "version": claim.version},
                                    format="json"), 400)
    assert "earlier" in error["fields"]


def test_reanchor_places_an_orphan_on_the_current_text(as_editor, desk):
    article = desk["article"]
    orphan = make_claim(article, "the city fire service said", orphaned=True)
    text = article.current_revision.text
    start = text.index("the interior ministry")
    end = start + len("the interior ministry")
    response = as_editor.post(f"/api/claims/{orphan.pk}/reanchor/",
                              {"start": start, "end": end, "version": orphan.version}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["orphaned"] is False and response.json()["quote"] == "the interior ministry"
    orphan.refresh_from_db()
    assert (orphan.start, orphan.end, orphan.orphaned) == (start, end, False)
    event = last_event(orphan)
    assert event.kind == EventKind.REANCHORED and event.data["method"] == "manual"


def test_reanchor_outside_the_text_is_400(as_editor, desk):
    claim = desk["open"]
    error = error_of(as_editor.post(f"/api/claims/{claim.pk}/reanchor/", {"start": 5, "end": 100000, "version": claim.version},
                                format="json"),
                     400)
    assert "start" in error["fields"]
    claim.refresh_from_db()
    assert claim.version == 1


# --- sources: detach, pin ---------------------------------------------------------------------------


@pytest.fixture
def attached(desk, editor):
    source = Source.objects.create(url="https://seismic.example.org/varnhold", added_by=editor, title="Survey")
    evidence = Evidence.objects.create(claim=desk["in_review"], source=source, added_by=editor)
    return desk["in_review"], source, evidence


def test_detach_removes_the_evidence_and_keeps_the_source(as_reviewer, attached):
    claim, source, evidence = attached
    response = as_reviewer.delete(f"/api/claims/{claim.pk}/sources/{source.pk}/")
    assert response.status_code == 204
    assert not Evidence.objects.filter(pk=evidence.pk).exists() and Source.objects.filter(pk=source.pk).exists()
    event = last_event(claim)
    assert event.kind == EventKind.SOURCE_DETACHED and event.data["source"] == source.pk


def test_detach_of_a_source_the_claim_does_not_use_is_404(as_editor, attached, desk):
    _, source, evidence = attached
    error_of(as_editor.delete(f"/api/claims/{desk['assigned'].pk}/sources/{source.pk}/"), 404)
    assert Evidence.objects.filter(pk=evidence.pk).exists()


def test_detach_from_a_resolved_claim_is_409(as_editor, desk, editor):
    source = Source.objects.create(url="https://records.example.org/tremors", added_by=editor)
    evidence = Evidence.objects.create(claim=desk["resolved"], source=source, added_by=editor)
    error_of(as_editor.delete(f"/api/claims/{desk['resolved'].pk}/sources/{source.pk}/"), 409)
    assert Evidence.objects.filter(pk=evidence.pk).exists()


def test_pin_stores_the_passage_of_the_latest_snapshot(as_reviewer, attached):
    claim, source, evidence = attached
    snapshot = Snapshot.objects.create(source=source, fetched_at=dt.datetime.now(dt.UTC), final_url=source.url,
                                       status_code=200, content_type="text/plain", sha256="1" * 64,
                                       text="Survey: 9 deaths were confirmed by the ministry on Monday.")
    response = as_reviewer.post(f"/api/claims/{claim.pk}/sources/{source.pk}/pin/", {"start": 7, "end": 47},
                                format="json")
    assert response.status_code == 200, response.content
    # The selection's leading space is trimmed off.
    assert response.json()["passage"] == {"start": 8, "end": 47, "quote": "9 deaths were confirmed by the ministry",
                                          "snapshot": snapshot.pk}
    evidence.refresh_from_db()
    assert evidence.passage_quote == "9 deaths were confirmed by the ministry" and evidence.snapshot == snapshot
    assert last_event(claim).kind == EventKind.PASSAGE_PINNED


def test_pin_before_any_snapshot_is_409(as_reviewer, attached):
    claim, source, evidence = attached
    error = error_of(as_reviewer.post(f"/api/claims/{claim.pk}/sources/{source.pk}/pin/", {"start": 0, "end": 4},
                                      format="json"), 409)
    assert "snapshot" in error["message"]
    evidence.refresh_from_db()
    assert evidence.passage_start is None


# --- article import and lookups -------------------------------------------------------------------------


def test_import_queues_a_lookup_the_editor_can_poll(as_editor, editor, no_broker, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = as_editor.post("/api/articles/import/", {"url": "News.Example.org/varnhold?utm_source=x"},
                                  format="json")
    assert response.status_code == 202, response.content
    body = response.json()
    assert body["kind"] == "import" and body["status"] == "queued"
    assert body["url"] == "https://news.example.org/varnhold"
    lookup = Lookup.objects.get(pk=body["id"])
    assert lookup.requested_by == editor and lookup.kind == LookupKind.IMPORT
    assert [args for _, args in no_broker] == [(lookup.pk,)]
    # The draft arrives later; the client reads it from the lookup.
    Lookup.objects.filter(pk=lookup.pk).update(status=LookupStatus.DONE, result={"title": "Quake", "text": "..."})
    polled = as_editor.get(f"/api/lookups/{lookup.pk}/").json()
    assert polled["status"] == "done" and polled["result"]["title"] == "Quake"


def test_import_of_a_non_web_url_is_400(as_editor, db):
    error = error_of(as_editor.post("/api/articles/import/", {"url": "ftp://files.example.org/a"}, format="json"), 400)
    assert "url" in error["fields"]
    assert not Lookup.objects.exists()


def test_import_disabled_in_the_newsroom_is_409(as_editor, settings):
    settings.LOOKUP_DISABLED = ["import"]
    error_of(as_editor.post("/api/articles/import/", {"url": "https://news.example.org/a"}, format="json"), 409)
    assert not Lookup.objects.exists()


def test_a_reviewer_cannot_read_an_editors_import(as_reviewer, editor):
    lookup = Lookup.objects.create(kind=LookupKind.IMPORT, url="https://news.example.org/a", requested_by=editor)
    error_of(as_reviewer.get(f"/api/lookups/{lookup.pk}/"), 403)


# --- notifications ------------------------------------------------------------------------------------


def test_notifications_are_only_mine_and_mark_read(as_reviewer, desk, reviewer, other_reviewer):
    mine = [Notification.objects.create(recipient=reviewer, claim=desk["assigned"], kind="assigned",
                                        message=f"Claim {n} for you.") for n in range(3)]
    theirs = Notification.objects.create(recipient=other_reviewer, kind="assigned", message="Not for rita.")
    listed = as_reviewer.get("/api/notifications/").json()
    assert listed["count"] == 3 and {n["id"] for n in listed["results"]} == {n.pk for n in mine}

    response = as_reviewer.post("/api/notifications/read/", {"ids": [mine[0].pk, theirs.pk]}, format="json")
    assert response.json() == {"count": 1}
    theirs.refresh_from_db()
    mine[0].refresh_from_db()
    assert mine[0].read_at is not None and theirs.read_at is None
    assert as_reviewer.get("/api/notifications/?unread=true").json()["count"] == 2

    assert as_reviewer.post("/api/notifications/read/", {}, format="json").json() == {"count": 2}
    assert not reviewer.notifications.filter(read_at__isnull=True).exists()


# --- the report ---------------------------------------------------------------------------------------


def test_publish_waits_for_every_claim_then_serves_claimreview(as_editor, editor, reviewer):
    article = ArticleFactory(created_by=editor, title="Dam levels", outlet="Valley Tribune",
                             text="The reservoir is 82 percent full, the water board said.\n")
    claim = make_claim(article, "The reservoir is 82 percent full", status=ClaimStatus.ASSIGNED, assignee=reviewer)
    error = error_of(as_editor.post(f"/api/articles/{article.pk}/publish/"), 409)
    assert "1 claim is not resolved" in error["message"]
    article.refresh_from_db()
    assert article.published_report is False

    Claim.objects.filter(pk=claim.pk).update(status=ClaimStatus.RESOLVED, verdict="verified",
                                             resolved_at=dt.datetime.now(dt.UTC))
    error = error_of(as_editor.post(f"/api/articles/{article.pk}/publish/"), 409)
    assert "1 verified or disputed claim has no independent source" in error["message"]
    gauges = Source.objects.create(url="https://water-board.example.org/gauges", added_by=editor, independent=True)
    Evidence.objects.create(claim=claim, source=gauges, added_by=reviewer, stance="supports")
    response = as_editor.post(f"/api/articles/{article.pk}/publish/")
    assert response.status_code == 200 and response.json()["report_published"] is True
    report_url = response.json()["report_url"]
    assert re.fullmatch(r"https?://[^/]+/reports/dam-levels-[a-z0-9]{16}/", report_url)
    article.refresh_from_db()
    assert article.published_report is True
    assert ClaimEvent.objects.filter(claim=claim, data__published=True).exists()

    reviews = as_editor.get(f"/api/articles/{article.pk}/claimreview/").json()
    assert [r["@type"] for r in reviews] == ["ClaimReview"]
    assert reviews[0]["claimReviewed"] == "The reservoir is 82 percent full"

    error = error_of(as_editor.post(f"/api/articles/{article.pk}/unpublish/", {"reason": "  "}, format="json"), 400)
    assert error["fields"]["reason"]
    assert Article.objects.get(pk=article.pk).published_report is True
    # Without a body (the call as clients made it before withdrawals had reasons) it still withdraws.
    response = as_editor.post(f"/api/articles/{article.pk}/unpublish/")
    assert response.status_code == 200 and response.json()["report_published"] is False
    assert "without giving a reason" in Report.objects.get(article_id=article.pk).withdrawn_reason
    assert as_editor.post(f"/api/articles/{article.pk}/publish/").status_code == 200
    response = as_editor.post(f"/api/articles/{article.pk}/unpublish/", {"reason": "Gauge misread."}, format="json")
    assert response.json()["report_published"] is False
    assert Article.objects.get(pk=article.pk).published_report is False
    assert Report.objects.get(article_id=article.pk).withdrawn_reason == "Gauge misread."


def test_reviewer_cannot_publish(desk, reviewer):
    article = desk["article"]
    error_of(token_client(reviewer).post(f"/api/articles/{article.pk}/publish/"), 403)
    article.refresh_from_db()
    assert article.published_report is False
