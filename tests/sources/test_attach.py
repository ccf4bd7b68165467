"""Attaching sources, pinning passages, detaching: the services and what they record."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from factcheck.claims.models import ClaimEvent, ClaimStatus, EventKind
from factcheck.core.errors import InvalidInput, NotAllowed, NotFound, TooLarge, WrongState
from factcheck.sources.models import Evidence, Lookup, LookupKind, LookupStatus, Snapshot, Source
from factcheck.sources.services import (
    evidence_detach,
    evidence_pin_passage,
    normalise_url,
    source_attach,
)
from tests.sources.conftest import ARTICLE_TEXT
from tests.support.factories import ArticleFactory, make_claim

pytestmark = pytest.mark.django_db(transaction=False)


def test_attaching_a_url_saves_the_source_and_queues_a_fetch_after_commit(
    flood_claim, reviewer, django_capture_on_commit_callbacks, monkeypatch
):
    published = []
    monkeypatch.setattr("factcheck.sources.services.enqueue", published.append)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        evidence = source_attach(actor=reviewer, claim_id=flood_claim.pk, url="HTTPS://Council.example/Report?utm_source=x#p2",
                                 note="County figures", stance="supports")
        assert published == []  # nothing leaves before commit
    assert len(callbacks) == 1
    assert evidence.source.url == "https://council.example/Report"
    assert evidence.stance == "supports" and evidence.note == "County figures"
    lookup = Lookup.objects.get(kind=LookupKind.FETCH, source=evidence.source)
    assert lookup.status == LookupStatus.QUEUED and lookup.deadline is not None
    assert published == [lookup.pk]
    event = ClaimEvent.objects.filter(claim=flood_claim, kind=EventKind.SOURCE_ATTACHED).get()
    assert event.actor == reviewer and event.data["source"] == evidence.source_id


def test_one_source_serves_several_claims_and_is_fetched_once(flood_claim, flood_article, editor, reviewer, monkeypatch):
    monkeypatch.setattr("factcheck.sources.services.enqueue", lambda pk: None)
    other = make_claim(flood_article, "40 families spent the night in the sports hall", status=ClaimStatus.OPEN)
    first = source_attach(actor=reviewer, claim_id=flood_claim.pk, url="https://council.example/report")
    second = source_attach(actor=editor, claim_id=other.pk, url="https://council.example/report/")
    assert second.source_id != first.source_id  # another path is another page
    third = source_attach(actor=editor, claim_id=other.pk, url="council.example/report#top")
    assert third.source_id == first.source_id
    assert Source.objects.filter(url="https://council.example/report").count() == 1
    assert Lookup.objects.filter(kind=LookupKind.FETCH, source=first.source).count() == 1


def test_same_source_twice_on_one_claim_is_refused(flood_claim, reviewer, monkeypatch):
    monkeypatch.setattr("factcheck.sources.services.enqueue", lambda pk: None)
    source_attach(actor=reviewer, claim_id=flood_claim.pk, url="https://council.example/report")
    with pytest.raises(InvalidInput, match="already attached"):
        source_attach(actor=reviewer, claim_id=flood_claim.pk, url="https://council.example/report")


@pytest.mark.parametrize("url", ["ftp://files.example/x", "javascript:alert(1)", "http://", "not a url at all"])
def test_bad_urls_are_refused_before_anything_is_saved(flood_claim, reviewer, url):
    with pytest.raises(InvalidInput):
        source_attach(actor=reviewer, claim_id=flood_claim.pk, url=url)
    assert not Source.objects.exists()


def test_reviewer_not_assigned_cannot_attach(flood_claim, other_reviewer):
    with pytest.raises(NotAllowed):
        source_attach(actor=other_reviewer, claim_id=flood_claim.pk, url="https://council.example/report")
    assert not Evidence.objects.exists()


def test_resolved_claim_takes_no_new_sources(flood_article, editor):
    claim = make_claim(flood_article, "40 families spent the night", status=ClaimStatus.RESOLVED)
    with pytest.raises(WrongState, match="Reopen"):
        source_attach(actor=editor, claim_id=claim.pk, url="https://council.example/report")


def test_own_site_source_is_marked_not_independent_at_once(flood_claim, reviewer, monkeypatch):
    monkeypatch.setattr("factcheck.sources.services.enqueue", lambda pk: None)
    evidence = source_attach(actor=reviewer, claim_id=flood_claim.pk, url="https://tessbury-courier.example/other-story")
    evidence.source.refresh_from_db()
    assert evidence.source.independent is False
    assert "own site" in evidence.source.independence_reason


def test_uploaded_csv_is_read_into_a_snapshot_right_away(flood_claim, reviewer, django_capture_on_commit_callbacks,
                                                         monkeypatch):
    monkeypatch.setattr("factcheck.sources.services.enqueue", lambda pk: None)
    upload = SimpleUploadedFile("flooded.csv", b"district,homes flooded\nriver district,2190\nhill quarter,85\n",
                                content_type="text/csv")
    with django_capture_on_commit_callbacks(execute=True):
        evidence = source_attach(actor=reviewer, claim_id=flood_claim.pk, upload=upload, stance="supports")
    snapshot = Snapshot.objects.get(source=evidence.source)
    assert "river district,2190" in snapshot.text
    assert snapshot.content_type == "text/csv" and len(snapshot.sha256) == 64
    assert evidence.source.filename == "flooded.csv" and evidence.source.file.name
    assert not Lookup.objects.filter(kind=LookupKind.FETCH).exists()
    assert Lookup.objects.filter(kind=LookupKind.FIGURE_CHECK, claim=flood_claim, source=evidence.source).exists()


def test_upload_over_the_size_cap_is_refused(flood_claim, reviewer, settings):
    settings.UPLOAD_MAX_BYTES = 100
    upload = SimpleUploadedFile("big.txt", b"x" * 101, content_type="text/plain")
    with pytest.raises(TooLarge):
        source_attach(actor=reviewer, claim_id=flood_claim.pk, upload=upload)
    assert not Source.objects.exists()


def test_upload_of_an_unreadable_kind_is_refused(flood_claim, reviewer):
    upload = SimpleUploadedFile("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, content_type="image/png")
    with pytest.raises(InvalidInput, match="PDF, HTML, text and CSV"):
        source_attach(actor=reviewer, claim_id=flood_claim.pk, upload=upload)


def test_pinning_a_passage_stores_offsets_and_quote(flood_claim, reviewer, monkeypatch):
    monkeypatch.setattr("factcheck.sources.services.enqueue", lambda pk: None)
    text = "Council update.\nIn the river district 2,190 homes were flooded, officials counted."
    upload = SimpleUploadedFile("update.txt", text.encode(), content_type="text/plain")
    evidence = source_attach(actor=reviewer, claim_id=flood_claim.pk, upload=upload)
    start = text.index("In the river")
    pinned = evidence_pin_passage(actor=reviewer, evidence_id=evidence.pk, start=start - 1, end=len(text))
    pinned.refresh_from_db()
    assert pinned.passage_quote == text[start:]  # leading newline trimmed
    assert (pinned.passage_start, pinned.passage_end) == (start, len(text))
    assert pinned.snapshot.source_id == evidence.source_id
    event = ClaimEvent.objects.get(claim=flood_claim, kind=EventKind.PASSAGE_PINNED)
    assert event.data["quote"].startswith("In the river") and event.actor == reviewer


def test_pin_outside_the_text_or_before_a_snapshot_is_refused(flood_claim, reviewer, monkeypatch):
    monkeypatch.setattr("factcheck.sources.services.enqueue", lambda pk: None)
    evidence = source_attach(actor=reviewer, claim_id=flood_claim.pk, url="https://council.example/report")
    with pytest.raises(WrongState, match="no snapshot"):
        evidence_pin_passage(actor=reviewer, evidence_id=evidence.pk, start=0, end=5)
    upload = SimpleUploadedFile("short.txt", b"Only a few words.", content_type="text/plain")
    other = source_attach(actor=reviewer, claim_id=flood_claim.pk, upload=upload)
    with pytest.raises(InvalidInput):
        evidence_pin_passage(actor=reviewer, evidence_id=other.pk, start=3, end=500)


def test_detaching_keeps_the_source_and_records_it(flood_claim, reviewer, monkeypatch):
    monkeypatch.setattr("factcheck.sources.services.enqueue", lambda pk: None)
    evidence = source_attach(actor=reviewer, claim_id=flood_claim.pk, url="https://council.example/report")
    evidence_detach(actor=reviewer, evidence_id=evidence.pk)
    assert not Evidence.objects.filter(pk=evidence.pk).exists()
    assert Source.objects.filter(pk=evidence.source_id).exists()
    assert ClaimEvent.objects.filter(claim=flood_claim, kind=EventKind.SOURCE_DETACHED).count() == 1


def test_syndicated_copy_is_not_independent(flood_claim, reviewer, editor, monkeypatch):
    monkeypatch.setattr("factcheck.sources.services.enqueue", lambda pk: None)
    copy = "Reposted from our partners.\n" + ARTICLE_TEXT
    upload = SimpleUploadedFile("copy.html", f"<html><body><article><p>{copy}</p></article></body></html>".encode(),
                                content_type="text/html")
    evidence = source_attach(actor=reviewer, claim_id=flood_claim.pk, upload=upload)
    evidence.source.refresh_from_db()
    assert evidence.source.independent is False
    assert "syndicated" in evidence.source.independence_reason
    unrelated = ArticleFactory(created_by=editor, text="A different story about the budget of the water agency.\n")
    assert unrelated  # sources are judged only against the articles they serve


def test_normalise_url_keeps_meaningful_parts():
    assert normalise_url("https://Example.ORG:443/a/b?id=3&utm_medium=x") == "https://example.org/a/b?id=3"
    assert normalise_url("http://example.org:8080") == "http://example.org:8080/"


def _upload() -> SimpleUploadedFile:
    return SimpleUploadedFile("flooded.csv", b"district,homes flooded\nriver district,2190\n", content_type="text/csv")


def test_a_known_file_on_one_more_claim_checks_only_that_claim(flood_claim, flood_article, reviewer, editor,
                                                               monkeypatch):
    monkeypatch.setattr("factcheck.sources.services.enqueue", lambda pk: None)
    first = source_attach(actor=reviewer, claim_id=flood_claim.pk, upload=_upload())
    # The first claim's check is still queued (a busy worker) when the same file is attached elsewhere.
    other = make_claim(flood_article, "40 families spent the night in the sports hall", status=ClaimStatus.OPEN)
    second = source_attach(actor=editor, claim_id=other.pk, upload=_upload())
    assert second.source_id == first.source_id
    checks = Lookup.objects.filter(kind=LookupKind.FIGURE_CHECK, source=first.source)
    assert sorted(checks.values_list("claim_id", flat=True)) == sorted([flood_claim.pk, other.pk])


def test_a_check_finished_meanwhile_is_reused_not_made_again(flood_claim, reviewer, monkeypatch):
    """The race bench/multi_instance.py once hit: the check finished while a refetch waited for its lock."""
    from factcheck.sources import services

    monkeypatch.setattr(services, "enqueue", lambda pk: None)
    evidence = source_attach(actor=reviewer, claim_id=flood_claim.pk, upload=_upload())
    check = Lookup.objects.get(kind=LookupKind.FIGURE_CHECK, claim=flood_claim)
    snapshot = Snapshot.objects.get(source=evidence.source)
    real_lock = services.lock_name

    def worker_finishes_while_we_wait(name: str) -> None:
        # Another process commits the check (running -> done) while this one waits for the lock.
        Lookup.objects.filter(pk=check.pk).update(status=LookupStatus.DONE, result={"snapshot": snapshot.pk})
        real_lock(name)

    monkeypatch.setattr(services, "lock_name", worker_finishes_while_we_wait)
    services.after_snapshot(evidence.source, snapshot, created=False, actor=reviewer)  # a refetch, same bytes
    assert list(Lookup.objects.filter(kind=LookupKind.FIGURE_CHECK, claim=flood_claim)) == [check]
    # A check of other bytes does not count: this snapshot is checked again.
    monkeypatch.setattr(services, "lock_name", real_lock)
    Lookup.objects.filter(pk=check.pk).update(result={"snapshot": snapshot.pk + 1000})
    services.after_snapshot(evidence.source, snapshot, created=False, actor=reviewer)
    assert Lookup.objects.filter(kind=LookupKind.FIGURE_CHECK, claim=flood_claim).count() == 2


def test_an_uploaded_source_of_one_claim_is_attached_to_another_without_uploading_it_again(
    flood_claim, flood_article, editor, reviewer, monkeypatch
):
    # A tryout's reviewer uploaded the same statement three times, once per claim it backed.
    monkeypatch.setattr("factcheck.sources.services.enqueue", lambda pk: None)
    other = make_claim(flood_article, "40 families spent the night in the sports hall", status=ClaimStatus.OPEN)
    upload = SimpleUploadedFile("statement.txt", b"The council said 40 families spent the night in the sports hall.",
                                content_type="text/plain")
    first = source_attach(actor=reviewer, claim_id=flood_claim.pk, upload=upload)
    again = source_attach(actor=editor, claim_id=other.pk, source_id=first.source_id, stance="supports", note="Same statement")
    assert again.source_id == first.source_id and again.claim_id == other.pk
    assert again.stance == "supports" and again.note == "Same statement"
    assert Snapshot.objects.filter(source=first.source).count() == 1  # nothing read or stored twice
    # The figure check runs for the claim it was attached to.
    assert Lookup.objects.filter(kind=LookupKind.FIGURE_CHECK, claim=other, source=first.source).exists()
    event = ClaimEvent.objects.filter(claim=other, kind=EventKind.SOURCE_ATTACHED).get()
    assert event.data["source"] == first.source_id


def test_only_a_source_of_the_same_article_can_be_attached_again(flood_claim, editor, reviewer, monkeypatch):
    monkeypatch.setattr("factcheck.sources.services.enqueue", lambda pk: None)
    elsewhere = make_claim(ArticleFactory(created_by=editor, text=ARTICLE_TEXT), "Nearly 2,200 homes were flooded",
                           status=ClaimStatus.OPEN)
    foreign = source_attach(actor=editor, claim_id=elsewhere.pk, url="https://council.example/other")
    for bad in (foreign.source_id, 10**9, "1 OR 1=1", -1):
        with pytest.raises(NotFound, match="not attached to another claim of this article"):
            source_attach(actor=reviewer, claim_id=flood_claim.pk, source_id=bad)
    assert not Evidence.objects.filter(claim=flood_claim).exists()
    with pytest.raises(InvalidInput, match="Give either a URL or a file"):
        source_attach(actor=reviewer, claim_id=flood_claim.pk, url="https://council.example/x", source_id=foreign.source_id)


def test_attaching_a_source_again_follows_the_attach_rules(flood_claim, flood_article, editor, other_reviewer,
                                                          monkeypatch):
    monkeypatch.setattr("factcheck.sources.services.enqueue", lambda pk: None)
    other = make_claim(flood_article, "40 families spent the night in the sports hall", status=ClaimStatus.OPEN)
    first = source_attach(actor=editor, claim_id=other.pk, url="https://council.example/report")
    with pytest.raises(NotAllowed):  # not this claim's reviewer
        source_attach(actor=other_reviewer, claim_id=flood_claim.pk, source_id=first.source_id)
    resolved = make_claim(flood_article, "The river peaked at 5.8 metres", status=ClaimStatus.RESOLVED)
    with pytest.raises(WrongState, match="Reopen"):
        source_attach(actor=editor, claim_id=resolved.pk, source_id=first.source_id)
    with pytest.raises(InvalidInput, match="already attached"):
        source_attach(actor=editor, claim_id=other.pk, source_id=first.source_id)
    assert list(Evidence.objects.values_list("claim_id", flat=True)) == [other.pk]
