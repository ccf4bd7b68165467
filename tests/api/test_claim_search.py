"""The claims list's due range and search: the same filters as the all-claims page."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.claims.models import Claim

pytestmark = pytest.mark.django_db


def test_claims_filter_by_due_range_and_search(as_editor, desk):
    claims = list(Claim.objects.exclude(status="rejected").order_by("pk"))
    early, late = claims[0], claims[1]
    Claim.objects.filter(pk=early.pk).update(due=dt.date(2031, 1, 10))
    Claim.objects.filter(pk=late.pk).update(due=dt.date(2031, 3, 10))
    body = as_editor.get("/api/claims/", {"due_after": "2031-02-01", "due_before": "2031-12-31"}).json()
    assert [c["id"] for c in body["results"]] == [late.pk]
    word = late.text.split()[-1].upper()
    found = {c["id"] for c in as_editor.get("/api/claims/", {"q": word}).json()["results"]}
    assert late.pk in found and all(word.lower() in Claim.objects.get(pk=i).text.lower()
                                    or word.lower() in Claim.objects.get(pk=i).quote.lower()
                                    or word.lower() in Claim.objects.get(pk=i).article.title.lower() for i in found)
    assert as_editor.get("/api/claims/", {"due_after": "soon"}).status_code == 400
