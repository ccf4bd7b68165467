"""The report pages as readers and members meet them, and the workspace's readiness panel."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from factcheck.claims.models import ClaimStatus
from factcheck.claims.services import claim_assign, claim_reopen, verdict_record
from factcheck.publishing.models import Report
from factcheck.publishing.services import article_publish, article_withdraw
from factcheck.sources.models import Source
from tests.publishing.conftest import back_with_source, resolve
from tests.support.factories import ArticleFactory, make_claim


def published(finished, editor) -> Report:
    article_publish(actor=editor, article_id=finished["article"].pk)
    return Report.objects.get(article=finished["article"])


def test_the_public_finds_a_report_only_at_its_token_url(client, finished, editor, reviewer):
    article = finished["article"]
    assert client.get(f"/reports/{article.pk}/").status_code == 404  # not published, and not for the public
    report = published(finished, editor)
    assert client.get(f"/reports/{article.pk}/").status_code == 404  # ids are for members only
    assert client.get(f"/reports/{article.pk}/claimreview.json").status_code == 404
    assert client.get(report.get_absolute_url()).status_code == 200
    # A wrong token is nothing; a changed slug leads to the one address.
    assert client.get(f"/reports/{report.slug}-{'x' * 16}/").status_code == 404
    moved = client.get(f"/reports/old-title-{report.token}/")
    assert moved.status_code == 301 and moved["Location"] == report.get_absolute_url()

    client.force_login(reviewer)
    old = client.get(f"/reports/{article.pk}/")
    assert old.status_code == 302 and old["Location"] == report.get_absolute_url()
    old_json = client.get(f"/reports/{article.pk}/claimreview.json")
    assert old_json.status_code == 302 and old_json["Location"] == f"{report.get_absolute_url()}claimreview.json"


def test_members_preview_an_unpublished_report(client, finished, reviewer):
    client.force_login(reviewer)
    page = client.get(f"/reports/{finished['article'].pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Preview, not published" in html and 'name="robots" content="noindex"' in html


def test_the_report_shows_summary_byline_text_entries_and_sources(client, finished, editor, reviewer):
    report = published(finished, editor)
    html = client.get(report.get_absolute_url()).content.decode()
    # Summary: counts per verdict with their badges, one line per claim.
    counts = re.findall(r'<li><span class="badge badge-(\w+)">.*?</span> <span class="n">(\d+) claim', html)
    assert counts == [("verified", "1"), ("disputed", "1"), ("unverifiable", "1")]
    assert html.count('class="summary-list"') == 1
    # Byline: newsroom, reviewer, date of the check.
    byline = re.search(r'data-testid="byline">(.*?)</p>', html, re.S).group(1)
    assert "Rita Reviewer" in byline and re.search(r"Checked <time datetime=\"[^\"]+\">\d+ \w+ \d{4}", byline)
    # The article text, each checked passage a link to its entry in its verdict's colour.
    survivors, dead = finished["survivors"], finished["dead"]
    assert f'<a class="hl hl-disputed" href="#claim-{survivors.pk}">14 survivors</a>' in html
    assert f'<a class="hl hl-verified" href="#claim-{dead.pk}">at least 9 people dead</a>' in html
    assert f'id="claim-{survivors.pk}"' in html
    # Entries: badge, rating, rationale escaped, source with pinned passage and retrieval time.
    entry = html[html.index(f'id="claim-{survivors.pk}"'):html.index(f'id="claim-{dead.pk}"')]
    assert 'class="badge badge-disputed" data-testid="verdict-badge"' in entry and "Rating: Inaccurate" in entry
    assert "&lt;b&gt;survivors&lt;/b&gt;" in entry
    assert 'href="https://fire.example.org/log"' in entry and "Fire service incident log" in entry
    assert "<blockquote class=\"passage\" dir=\"auto\">11 survivors were rescued</blockquote>" in entry
    assert "Copy retrieved <time datetime=\"2026-11-30T09:15:00+00:00\">30 Nov 2026, 09:15 UTC</time>" in entry
    # Printable, no script needed to read.
    assert "css/report.css" in html


@override_settings(REPORT_SHOW_REVIEWERS=False)
def test_the_newsroom_can_keep_reviewers_names_off_the_report(client, finished, editor):
    html = client.get(published(finished, editor).get_absolute_url()).content.decode()
    assert "Rita Reviewer" not in html and "Checked by" in html


def test_under_review_then_corrected_then_withdrawn_as_the_reader_sees_it(client, finished, editor, reviewer):
    report = published(finished, editor)
    dead = finished["dead"]
    claim_reopen(actor=editor, claim_id=dead.pk, reason="The ministry revised its count")
    html = client.get(report.get_absolute_url()).content.decode()
    entry = html[html.index(f'id="claim-{dead.pk}"'):]
    assert "This claim is under review again since" in entry and "The ministry revised its count" in entry
    assert f'<a class="hl hl-review" href="#claim-{dead.pk}">' in html

    claim_assign(actor=editor, claim_id=dead.pk, reviewer=reviewer)
    verdict_record(actor=reviewer, claim_id=dead.pk, verdict="disputed", rationale="The revised bulletin: 12 dead.")
    html = client.get(report.get_absolute_url()).content.decode()
    note = re.search(r'data-testid="correction-note"><strong>Updated <time[^>]*>(.*?)</time>:</strong> (.*?)</p>',
                     html).groups()
    assert re.fullmatch(r"\d{1,2} \w{3} \d{4}", note[0])
    assert note[1] == "verdict changed from verified to disputed; rating accurate removed — The ministry revised its count"
    assert "Corrections and updates" in html

    article_withdraw(actor=editor, article_id=finished["article"].pk, reason="The casualty figures are disputed")
    gone = client.get(report.get_absolute_url())
    assert gone.status_code == 410
    html = gone.content.decode()
    assert "This fact check was withdrawn" in html and "The casualty figures are disputed" in html
    assert "application/ld+json" not in html and "badge-verified" not in html
    assert client.get(f"{report.get_absolute_url()}claimreview.json").status_code == 410
    # Readers' browsers check again each time, so publishing again is seen at once (a kept 410 was not).
    assert "no-cache" in gone["Cache-Control"] and "max-age=0" in gone["Cache-Control"]
    assert "no-cache" in client.get(f"{report.get_absolute_url()}claimreview.json")["Cache-Control"]
    article_publish(actor=editor, article_id=finished["article"].pk)
    again = client.get(report.get_absolute_url())
    assert again.status_code == 200 and "no-cache" in again["Cache-Control"]


def test_report_queries_do_not_grow_with_claims(client, editor, reviewer):
    def build(n: int) -> Report:
        text = "".join(f"Officials counted {i} boats in harbour {i}. " for i in range(n)) + "\n"
        article = ArticleFactory(created_by=editor, text=text)
        for i in range(n):
            claim = make_claim(article, f"counted {i} boats in harbour {i}.")
            resolve(claim, reviewer, "verified", "Harbour log.")
            back_with_source(claim, reviewer, url=f"https://harbour.example.org/{i}", passage=f"{i} boats")
        article_publish(actor=editor, article_id=article.pk)
        return Report.objects.get(article=article)

    small, large = build(3), build(30)

    def count(report: Report) -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(report.get_absolute_url()).status_code == 200
        return len(ctx.captured_queries)

    count(small)
    assert count(small) == count(large)


# --- the workspace -------------------------------------------------------------------------------------


def test_the_readiness_panel_lists_what_blocks_publishing_as_links(client, finished, editor, reviewer):
    waiting = make_claim(finished["article"], "damaged more than 300 homes", status=ClaimStatus.ASSIGNED,
                         assignee=reviewer)
    client.force_login(editor)
    html = client.get(reverse("article_detail", args=[finished["article"].pk])).content.decode()
    panel = html[html.index('id="readiness"'):html.index("</section>", html.index('id="readiness"'))]
    assert "Not ready" in panel
    assert f'<li data-kind="unresolved"><a href="/claims/{waiting.pk}/">“damaged more than 300 homes” is not resolved ' \
           "yet (assigned).</a></li>" in panel
    assert 'data-testid="publish"' not in panel


@pytest.mark.parametrize("persona", ["editor", "reviewer"])
def test_only_editors_see_publish_and_withdraw(client, finished, editor, reviewer, persona):
    client.force_login(editor if persona == "editor" else reviewer)
    url = reverse("article_detail", args=[finished["article"].pk])
    html = client.get(url).content.decode()
    assert "Ready to publish" in html
    assert ('data-testid="publish"' in html) is (persona == "editor")
    article_publish(actor=editor, article_id=finished["article"].pk)
    html = client.get(url).content.decode()
    report = Report.objects.get(article=finished["article"])
    assert f'href="{report.get_absolute_url()}" data-testid="view-report"' in html
    assert ('data-testid="withdraw"' in html) is (persona == "editor")


def test_the_workspace_buttons_publish_and_withdraw(client, finished, editor):
    client.force_login(editor)
    pk = finished["article"].pk
    done = client.post(reverse("report_publish", args=[pk]), follow=True)
    assert "The report is published." in done.content.decode()
    assert Report.objects.get(article_id=pk).status == "published"

    refused = client.post(reverse("report_publish", args=[pk]), {"action": "withdraw", "reason": ""}, follow=True)
    assert "Give a reason" in refused.content.decode()
    assert Report.objects.get(article_id=pk).status == "published"
    client.post(reverse("report_publish", args=[pk]), {"action": "withdraw", "reason": "Draft log"})
    assert Report.objects.get(article_id=pk).withdrawn_reason == "Draft log"


def test_hostile_urls_and_text_stay_inert_on_the_report(client, finished, editor):
    article = finished["article"]
    article.title = '<img src=x onerror="alert(1)">'
    article.save()
    Source.objects.filter(evidence__claim=finished["dead"]).update(url="javascript:alert(1)", title="<b>Bulletin</b>")
    html = client.get(published(finished, editor).get_absolute_url()).content.decode()
    assert "javascript:" not in html
    assert "<img src=x" not in html and "&lt;img src=x" in html
    assert "<b>Bulletin</b>" not in html and "&lt;b&gt;Bulletin&lt;/b&gt;" in html
