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
