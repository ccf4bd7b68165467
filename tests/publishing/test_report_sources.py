"""What readers are told about a source nobody could retrieve (tryout item 8).

A reviewer cited a page whose fetch failed: the report listed it as "(supports)" with no copy
behind it. Readers now see it was not retrieved, and no stance; ClaimReview cites no sources.
"""

from __future__ import annotations

import re

from factcheck.publishing.models import Report
from factcheck.publishing.services import article_publish
from factcheck.sources.models import Evidence, Source

DEAD_LINK = "https://www.nordbahn.example/press/2026-12-01-derailment"


def _entry(html: str, claim) -> str:
    start = html.index(f'id="claim-{claim.pk}"')
    end = html.find('class="to-top"', start)
    return html[start:end]


def test_a_source_never_retrieved_is_listed_as_not_retrieved_without_its_stance(client, finished, editor, reviewer):
    dead = finished["dead"]
    source = Source.objects.create(url=DEAD_LINK, added_by=reviewer, title=DEAD_LINK, independent=True)
    Evidence.objects.create(claim=dead, source=source, added_by=reviewer, stance="supports")
    article_publish(actor=editor, article_id=finished["article"].pk)
    report = Report.objects.get(article=finished["article"])

    entry = _entry(client.get(report.get_absolute_url()).content.decode(), dead)
    item = re.search(rf'<li>\s*<a href="{re.escape(DEAD_LINK)}".*?</li>', entry, re.S).group(0)
    assert "not retrieved: no copy of this source could be kept" in item
    assert "(supports)" not in item and "Copy retrieved" not in item
    # The source that was retrieved keeps its stance and the time of its copy.
    kept = re.search(r'<li>\s*<a href="https://ministry.example.org/bulletin".*?</li>', entry, re.S).group(0)
    assert "(refutes)" in kept and "Copy retrieved" in kept

    claimreview = client.get(f"{report.get_absolute_url()}claimreview.json").content.decode()
    assert DEAD_LINK not in claimreview


INTRANET = "http://10.20.30.40/ops/casualty-sheet"


def _fetched(source, status):
    from factcheck.sources.models import Lookup, LookupKind

    return Lookup.objects.create(kind=LookupKind.FETCH, source=source, status=status)


def test_a_source_the_guard_blocked_is_left_out_of_the_public_report(client, finished, editor, reviewer):
    """A tryout saw "http://127.0.0.1:…/report.html (not retrieved …)" in a published report: an address
    nobody outside the newsroom can open, and that is the newsroom's own business."""
    from factcheck.sources.models import LookupStatus

    dead = finished["dead"]
    source = Source.objects.create(url=INTRANET, added_by=reviewer, title="Ops casualty sheet")
    Evidence.objects.create(claim=dead, source=source, added_by=reviewer)
    _fetched(source, LookupStatus.BLOCKED)
    article_publish(actor=editor, article_id=finished["article"].pk)
    report = Report.objects.get(article=finished["article"])

    page = client.get(report.get_absolute_url()).content.decode()
    assert INTRANET not in page and "Ops casualty sheet" not in page
    entry = _entry(page, dead)
    assert "https://ministry.example.org/bulletin" in entry and "(refutes)" in entry  # the public source stays
    assert INTRANET not in client.get(f"{report.get_absolute_url()}claimreview.json").content.decode()


def test_blocked_means_the_latest_fetch_was_refused_and_no_copy_was_ever_kept(finished, reviewer):
    from factcheck.sources.models import LookupStatus, Snapshot
    from factcheck.sources.selectors import sources_blocked

    def source(url):
        return Source.objects.create(url=url, added_by=reviewer)

    refused, failed, copied, retried = (source(f"https://site{i}.example/p") for i in range(1, 5))
    _fetched(refused, LookupStatus.BLOCKED)
    _fetched(failed, LookupStatus.FAILED)  # a public page that timed out is still a reader's source
    _fetched(copied, LookupStatus.BLOCKED)
    Snapshot.objects.create(source=copied, fetched_at="2026-12-01T10:00:00Z", sha256="0" * 64, text="x")
    _fetched(retried, LookupStatus.BLOCKED)
    _fetched(retried, LookupStatus.FAILED)  # its address was resolved again and answered: no longer refused
    assert sources_blocked([refused.pk, failed.pk, copied.pk, retried.pk]) == {refused.pk}
    assert sources_blocked([]) == set()


def test_unretrieved_sources_cost_the_report_two_queries(client, finished, editor, reviewer):
    """Sources cited without a pinned copy cost the report their latest copies and then, for those with
    none, their fetches: two queries however many there are (the copies are not read a second time to
    find the blocked ones)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from factcheck.sources.models import LookupStatus

    article_publish(actor=editor, article_id=finished["article"].pk)
    report = Report.objects.get(article=finished["article"])

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(report.get_absolute_url()).status_code == 200
        return len(ctx.captured_queries)

    count()
    before = count()
    for n, status in enumerate((LookupStatus.BLOCKED, LookupStatus.FAILED, LookupStatus.BLOCKED)):
        source = Source.objects.create(url=f"http://10.0.0.{n + 1}/sheet", added_by=reviewer)
        Evidence.objects.create(claim=finished["dead"], source=source, added_by=reviewer)
        _fetched(source, status)
    assert count() == before + 2
