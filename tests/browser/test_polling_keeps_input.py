"""The claim page polls its sources panel while lookups run; what a reviewer types there survives each poll.

On a busy machine the similar-claims lookup of a freshly assigned claim runs for seconds, the
panel re-rendered itself (attach form included) every 2 s, and the URL a reviewer had typed
was gone when they pressed "Attach": the form posted an empty address and answered 400.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from playwright.sync_api import expect

from factcheck.claims.models import ClaimStatus
from factcheck.sources.models import Evidence, Lookup, LookupKind, LookupStatus
from tests.browser.helpers import login
from tests.support.factories import ArticleFactory, make_claim

TEXT = "Nearly 2,200 homes were flooded in the river district, the county council said on Thursday.\n"


def test_a_url_typed_while_the_panel_polls_is_attached_as_typed(app, page, editor, reviewer, source_site):
    article = ArticleFactory(created_by=editor, title="Tessbury flood", text=TEXT)
    claim = make_claim(article, "Nearly 2,200 homes were flooded in the river district",
                       status=ClaimStatus.ASSIGNED, assignee=reviewer)
    # A lookup still running, as the similar-claims search is on a loaded machine: the panel keeps polling.
    Lookup.objects.create(kind=LookupKind.SIMILAR, claim=claim, status=LookupStatus.RUNNING,
                          deadline=timezone.now() + dt.timedelta(hours=1),
                          lease_until=timezone.now() + dt.timedelta(hours=1))
    url = source_site.add_html("/report", "<html><head><title>Flood report</title></head><body><article><p>"
                               "The council counted 2,190 flooded homes in the river district.</p></article></body></html>")
    login(page, app, reviewer.username)
    page.goto(f"{app}/claims/{claim.pk}/")
    panel = page.get_by_test_id("claim-sources")
    expect(panel).to_have_attribute("data-polling", "yes")
    page.get_by_test_id("source-url").fill(url)
    page.get_by_test_id("source-note").fill("The council's own count.")
    # Two polls replace the panel while the reviewer is still deciding.
    for _ in range(2):
        with page.expect_response(lambda r: r.url.endswith(f"/claims/{claim.pk}/sources/") and r.request.method == "GET"):
            pass
    expect(page.get_by_test_id("source-url")).to_have_value(url)
    expect(page.get_by_test_id("source-note")).to_have_value("The council's own count.")
    expect(page.get_by_test_id("source-note")).to_be_focused()
    page.get_by_test_id("attach-source").click()
    expect(page.get_by_test_id("source")).to_have_count(1)
    expect(page.get_by_test_id("sources-error")).to_have_count(0)
    evidence = Evidence.objects.get(claim=claim)
    assert evidence.source.url == url and evidence.note == "The council's own count."
