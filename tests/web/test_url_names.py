"""One name per action, and the old names and every path keep working (outside links depend on them)."""

from __future__ import annotations

import pytest
from django.urls import resolve, reverse

RENAMED = [
    ("claim_request_second_review", "claim_second_review", "/claims/7/second-review/"),
    ("verdict_record", "claim_verdict", "/claims/7/verdict/"),
    ("claim_link", "claim_link_earlier", "/claims/7/link/"),
]


@pytest.mark.parametrize(("name", "old", "path"), RENAMED)
def test_new_and_old_names_lead_to_the_same_page(name, old, path):
    assert reverse(name, args=[7]) == reverse(old, args=[7]) == path
    assert resolve(path).url_name == name


def test_service_names_match_the_url_names():
    from factcheck.claims import services
    from factcheck.sources import services as source_services

    for name in ("claim_request_second_review", "verdict_record", "claim_link", "claim_reanchor"):
        assert callable(getattr(services, name))
    assert reverse("claim_reanchor", args=[7]) == "/claims/7/place/"
    assert source_services.evidence_detach is source_services.source_detach
    assert reverse("evidence_detach", args=[7]) == "/evidence/7/detach/"
