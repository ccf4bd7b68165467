"""`sources_unretrieved`: the claim page warns when a verdict rests only on sources never retrieved."""

from __future__ import annotations

from factcheck.sources.models import Evidence, Snapshot, Source
from factcheck.sources.selectors import sources_unretrieved
from tests.publishing.conftest import RETRIEVED
from tests.support.factories import make_claim


def test_a_claim_is_unretrieved_only_when_it_has_sources_and_none_was_kept(article, reviewer):
    claim = make_claim(article, "more than 300 homes")
    assert not sources_unretrieved(claim.pk)  # no sources at all: nothing to warn about

    blocked = Source.objects.create(url="http://10.20.30.40/bulletin", added_by=reviewer)
    Evidence.objects.create(claim=claim, source=blocked, added_by=reviewer, stance="supports")
    assert sources_unretrieved(claim.pk)

    kept = Source.objects.create(url="https://council.example.org/minutes", added_by=reviewer)
    Evidence.objects.create(claim=claim, source=kept, added_by=reviewer, stance="supports")
    assert sources_unretrieved(claim.pk)
    Snapshot.objects.create(source=kept, fetched_at=RETRIEVED, sha256="a" * 64, text="more than 300 homes")
    assert not sources_unretrieved(claim.pk)
