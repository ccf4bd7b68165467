"""A verdict on a claim with one copied source and one the URL guard refused: the report will leave the
refused one out, and the reviewer is told so (not that nothing was retrieved)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from factcheck.claims.models import Claim, ClaimStatus
from factcheck.claims.services import claim_assign
from factcheck.sources.models import Evidence, Lookup, LookupKind, LookupStatus, Snapshot, Source
from tests.support.factories import make_claim

pytestmark = pytest.mark.django_db

LEFT_OUT = "Sources at addresses that are not public (blocked) are left out of the public report."
NONE_RETRIEVED = "None of this claim's sources could be retrieved"


def _source(claim, reviewer, url, *, copied: bool, status: str) -> Source:
    source = Source.objects.create(url=url, added_by=reviewer, title=url, independent=True)
    Evidence.objects.create(claim=claim, source=source, added_by=reviewer, stance="supports")
    Lookup.objects.create(kind=LookupKind.FETCH, source=source, status=status)
    if copied:
        Snapshot.objects.create(source=source, fetched_at="2026-12-01T10:00:00Z", sha256="1" * 64,
                                text="The quake left at least 9 people dead.")
    return source


@pytest.mark.parametrize("blocked", [True, False])
def test_the_reviewer_is_told_a_blocked_source_is_left_out(client, article, editor, reviewer, blocked):
    claim = make_claim(article, "at least 9 people dead")
    claim_assign(actor=editor, claim_id=claim.pk, reviewer=reviewer)
    _source(claim, reviewer, "https://ministry.example.org/bulletin", copied=True, status=LookupStatus.DONE)
    _source(claim, reviewer, "http://10.20.30.40/ops/sheet", copied=False,
            status=LookupStatus.BLOCKED if blocked else LookupStatus.FAILED)
    client.force_login(reviewer)
    version = Claim.objects.get(pk=claim.pk).version
    page = client.post(reverse("claim_verdict", args=[claim.pk]),
                       {"verdict": "verified", "rationale": "The ministry's bulletin gives 9.", "version": version},
                       follow=True).content.decode()
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.RESOLVED
    assert "Verdict recorded." in page
    assert (LEFT_OUT in page) is blocked  # a fetch that merely failed is a public page: it stays in the report
    assert NONE_RETRIEVED not in page  # one source was copied
