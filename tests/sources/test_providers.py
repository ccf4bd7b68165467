"""The provider registry: a newsroom adds its own lookup kind, or switches one off, by settings."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from factcheck.claims.models import ClaimStatus
from factcheck.claims.services import claim_accept
from factcheck.sources import providers
from factcheck.sources.models import Lookup, LookupKind, LookupStatus, Snapshot
from factcheck.sources.services import source_attach
from factcheck.sources.tasks import run_lookup
from tests.sources.test_extract import tiny_pdf
from tests.support.factories import make_claim

pytestmark = pytest.mark.django_db


class ArchiveSearch(providers.Provider):
    """What a newsroom might add: search its own archive when a claim opens (no network here)."""

    kind = "archive"
    label = "Newsroom archive"
    triggers = frozenset({"claim_open"})
    needs_claim = True

    def gather(self, lookup) -> dict:
        return {"hits": [{"title": "Flood of 2019", "words": len(lookup.claim.text.split())}]}


def test_a_provider_added_in_settings_runs_when_a_claim_opens(settings, client, flood_article, editor, queued,
                                                              django_capture_on_commit_callbacks):
    settings.LOOKUP_PROVIDERS = {"archive": f"{__name__}.ArchiveSearch"}
    claim = make_claim(flood_article, "40 families spent the night", status=ClaimStatus.SUGGESTED)
    with django_capture_on_commit_callbacks(execute=True):
        claim_accept(actor=editor, claim_id=claim.pk)
    archive = Lookup.objects.get(kind="archive", claim=claim)
    assert Lookup.objects.filter(kind=LookupKind.SIMILAR, claim=claim).exists()
    run_lookup(archive.pk)
    archive.refresh_from_db()
    assert archive.status == LookupStatus.DONE and archive.result["hits"][0]["title"] == "Flood of 2019"
    client.force_login(editor)
    html = client.get(reverse("claim_sources", args=[claim.pk])).content.decode()
    assert "Newsroom archive:" in html and "1 result" in html


def test_a_disabled_kind_is_not_queued(settings, flood_article, editor, queued, django_capture_on_commit_callbacks):
    settings.LOOKUP_DISABLED = ["similar"]
    claim = make_claim(flood_article, "40 families spent the night", status=ClaimStatus.SUGGESTED)
    with django_capture_on_commit_callbacks(execute=True):
        claim_accept(actor=editor, claim_id=claim.pk)
    assert not Lookup.objects.filter(claim=claim).exists() and queued == []


def test_a_queued_lookup_whose_kind_was_switched_off_fails_with_a_reason(settings, flood_claim, editor, queued,
                                                                         django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        source_attach(actor=editor, claim_id=flood_claim.pk, url="https://council.example/report")
    settings.LOOKUP_DISABLED = ["fetch"]
    run_lookup(queued[0])
    lookup = Lookup.objects.get(pk=queued[0])
    assert lookup.status == LookupStatus.FAILED and "not enabled" in lookup.error


def test_uploaded_pdf_becomes_a_snapshot_and_is_figure_checked(flood_claim, reviewer, queued,
                                                               django_capture_on_commit_callbacks):
    pdf = tiny_pdf(["County flood survey", "Nearly 2,200 homes were flooded in the river district"])
    with django_capture_on_commit_callbacks(execute=True):
        evidence = source_attach(actor=reviewer, claim_id=flood_claim.pk, stance="supports",
                                 upload=SimpleUploadedFile("survey.pdf", pdf, content_type="application/pdf"))
    snapshot = Snapshot.objects.get(source=evidence.source)
    assert snapshot.content_type == "application/pdf" and "2,200 homes were flooded" in snapshot.text
    assert evidence.source.title == "Flood survey"
    run_lookup(queued.pop(0))
    check = Lookup.objects.get(kind=LookupKind.FIGURE_CHECK, claim=flood_claim)
    assert check.result["outcome"] == "consistent"
