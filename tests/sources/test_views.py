"""Browser endpoints of the sources UI: attach, poll, retry, pin, link, import."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from factcheck.articles.models import Article
from factcheck.claims.models import Claim, ClaimStatus
from factcheck.sources.models import Evidence, Lookup, LookupKind, LookupStatus
from factcheck.sources.services import source_attach
from factcheck.sources.tasks import run_lookup
from tests.sources.support import Page, html_page
from tests.support.factories import ArticleFactory, make_claim

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def test_attach_form_saves_the_source_and_the_panel_polls_until_lookups_finish(
    client, reviewer, flood_claim, loopback, queued, django_capture_on_commit_callbacks
):
    loopback.routes["/count"] = Page(html_page("Flood count", ["Surveyors say 2,190 homes were flooded in the river "
                                                               "district after the storm, the council reported."]))
    client.force_login(reviewer)
    page = client.get(reverse("claim_detail", args=[flood_claim.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'data-testid="attach-source"' in html and ">Attach source<" in html
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("source_attach", args=[flood_claim.pk]),
                               {"url": loopback.url("/count"), "stance": "supports", "note": "Council count"}, **HTMX)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Source attached; fetching it now." in body
    assert 'hx-trigger="every 2s"' in body and 'data-status="queued"' in body
    evidence = Evidence.objects.get(claim=flood_claim)
    assert evidence.stance == "supports" and evidence.note == "Council count"
    # the worker runs the fetch, then the figure check it queues
    while queued:
        with django_capture_on_commit_callbacks(execute=True):
            run_lookup(queued.pop(0))
    done = client.get(reverse("claim_sources", args=[flood_claim.pk]), **HTMX).content.decode()
    assert "hx-trigger" not in done  # nothing left running: the partial stops polling
    assert 'data-outcome="consistent"' in done and "2,190 homes" in done
    assert 'data-testid="pin-figure-passage"' in done and 'data-testid="read-snapshot"' in done


def test_plain_form_post_redirects_back_to_the_claim(client, reviewer, flood_claim, queued):
    client.force_login(reviewer)
    response = client.post(reverse("source_attach", args=[flood_claim.pk]), {"url": "https://council.example/r"})
    assert response.status_code == 302 and response["Location"].endswith(f"/claims/{flood_claim.pk}/#claim-sources")


def test_refusal_keeps_its_status_and_message(client, other_reviewer, flood_claim):
    client.force_login(other_reviewer)
    response = client.post(reverse("source_attach", args=[flood_claim.pk]), {"url": "https://council.example/r"}, **HTMX)
    assert response.status_code == 403
    assert "Only an editor or the claim&#x27;s reviewer can attach sources." in response.content.decode()
    assert not Evidence.objects.exists()


def test_failed_lookup_shows_its_error_and_a_retry_button_that_requeues(
    client, reviewer, flood_claim, loopback, queued, django_capture_on_commit_callbacks
):
    loopback.routes["/down"] = Page(b"oops", status=503)
    with django_capture_on_commit_callbacks(execute=True):
        source_attach(actor=reviewer, claim_id=flood_claim.pk, url=loopback.url("/down"))
    run_lookup(queued.pop(0))
    client.force_login(reviewer)
    html = client.get(reverse("claim_sources", args=[flood_claim.pk]), **HTMX).content.decode()
    assert "HTTP 503" in html and 'data-testid="retry"' in html and ">Retry<" in html
    failed = Lookup.objects.get(kind=LookupKind.FETCH)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("lookup_retry", args=[failed.pk]), {"claim": flood_claim.pk}, **HTMX)
    assert response.status_code == 200 and 'hx-trigger="every 2s"' in response.content.decode()
    assert Lookup.objects.filter(kind=LookupKind.FETCH, status=LookupStatus.QUEUED).count() == 1


def test_snapshot_page_marks_passages_and_pins_a_selection(client, reviewer, flood_claim, queued,
                                                           django_capture_on_commit_callbacks):
    text = "County survey.\nIn the river district 2,190 homes were flooded, the survey found.\nRoads reopened."
    with django_capture_on_commit_callbacks(execute=True):
        evidence = source_attach(actor=reviewer, claim_id=flood_claim.pk,
                                 upload=SimpleUploadedFile("s.txt", text.encode(), content_type="text/plain"))
    while queued:
        run_lookup(queued.pop(0))
    client.force_login(reviewer)
    page = client.get(reverse("evidence_snapshot", args=[evidence.pk])).content.decode()
    assert '<mark class="passage passage-match"' in page and 'data-testid="pin-passage"' in page
    assert "<script>" not in page and " style=" not in page and "onclick" not in page
    shown = re.search(r'data-testid="snapshot-text"[^>]*>(.*?)</div>', page, re.S).group(1)
    assert re.sub(r"<[^>]+>", "", shown) == text  # the marked-up text has exactly the snapshot's characters
    start = text.index("In the river")
    end = text.index(", the survey")
    response = client.post(reverse("evidence_pin", args=[evidence.pk]), {"start": start, "end": end})
    assert response.status_code == 302
    evidence.refresh_from_db()
    assert evidence.passage_quote == "In the river district 2,190 homes were flooded"
    panel = client.get(reverse("claim_sources", args=[flood_claim.pk])).content.decode()
    assert 'data-testid="pinned-passage"' in panel


def test_similar_claim_can_be_linked_by_an_editor(client, editor, flood_article, queued,
                                                  django_capture_on_commit_callbacks):
    earlier = ArticleFactory(created_by=editor, text="About 1,500 homes were flooded in the river district.\n")
    old = make_claim(earlier, "About 1,500 homes were flooded in the river district", status=ClaimStatus.RESOLVED,
                     verdict="verified")
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("claim_create", args=[flood_article.pk]),
                    {"quote": "Nearly 2,200 homes were flooded in the river district"})
    claim = Claim.objects.get(article=flood_article)
    run_lookup(Lookup.objects.get(kind=LookupKind.SIMILAR, claim=claim).pk)
    html = client.get(reverse("claim_sources", args=[claim.pk])).content.decode()
    assert 'data-testid="similar-claim"' in html and 'data-testid="figure-differs"' in html
    assert f'name="version" value="{claim.version}"' in html  # the link form sends the version it read
    response = client.post(reverse("claim_link_earlier", args=[claim.pk]),
                           {"earlier": old.pk, "relation": "related", "version": claim.version}, **HTMX)
    assert response.status_code == 200
    claim.refresh_from_db()
    assert claim.same_as_id is None and str(old.pk) in claim.related_note


def test_link_form_without_its_version_is_refused_and_links_nothing(client, editor, flood_article):
    client.force_login(editor)
    earlier_article = ArticleFactory(created_by=editor, text="Officials said 40 homes were flooded.")
    old = make_claim(earlier_article, "40 homes were flooded", status=ClaimStatus.RESOLVED)
    claim = make_claim(flood_article, flood_article.current_revision.text.split(".")[0])
    response = client.post(reverse("claim_link", args=[claim.pk]), {"earlier": old.pk, "relation": "same"}, **HTMX)
    assert "reload the page" in response.content.decode()
    claim.refresh_from_db()
    assert claim.same_as_id is None


def test_article_workspace_counts_running_lookups(client, editor, flood_claim, flood_article, queued,
                                                  django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        source_attach(actor=editor, claim_id=flood_claim.pk, url="https://council.example/a")
        source_attach(actor=editor, claim_id=flood_claim.pk, url="https://council.example/b")
    client.force_login(editor)
    html = client.get(reverse("article_lookups", args=[flood_article.pk])).content.decode()
    assert "2 lookups running" in html and 'hx-trigger="every 2s"' in html
    Lookup.objects.update(status=LookupStatus.FAILED)
    html = client.get(reverse("article_lookups", args=[flood_article.pk])).content.decode()
    assert "No lookups running" in html and "hx-trigger" not in html
    assert 'data-testid="article-lookups"' in client.get(reverse("article_detail", args=[flood_article.pk])).content.decode()


def test_article_import_from_a_loopback_page(client, editor, loopback, queued, django_capture_on_commit_callbacks):
    loopback.routes["/story"] = Page(html_page(
        "Ferry service cut to three sailings a day",
        ["The island ferry will run three sailings a day from March, down from five, the operator said on Monday.",
         "Residents of the island said the cut would make commuting to the mainland almost impossible for workers."],
        site="Island Herald", author="Pia Lund", date="2024-02-26"))
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("article_import"), {"url": loopback.url("/story")})
    assert response.status_code == 302
    lookup = Lookup.objects.get(kind=LookupKind.IMPORT)
    waiting = client.get(response["Location"]).content.decode()
    assert 'data-status="queued"' in waiting and 'hx-trigger="every 2s"' in waiting
    run_lookup(queued.pop(0))
    draft = client.get(response["Location"]).content.decode()
    assert 'value="Ferry service cut to three sailings a day"' in draft and 'value="Island Herald"' in draft
    assert 'value="Pia Lund"' in draft and 'value="2024-02-26"' in draft and "hx-trigger" not in draft
    lookup.refresh_from_db()
    form = {"title": lookup.result["title"], "outlet": "Island Herald", "author": "Pia Lund",
            "published_at": "2024-02-26", "url": lookup.result["url"], "text": lookup.result["text"]}
    created = client.post(response["Location"], form)
    article = Article.objects.get(title="Ferry service cut to three sailings a day")
    assert created.status_code == 302 and created["Location"] == article.get_absolute_url()
    assert "three sailings a day from March" in article.text and article.outlet == "Island Herald"


def test_reviewers_cannot_import_articles(client, reviewer):
    client.force_login(reviewer)
    assert client.post(reverse("article_import"), {"url": "https://news.example/a"}).status_code == 403
    assert not Lookup.objects.exists()


def test_sources_panel_query_count_does_not_grow_with_sources(client, reviewer, flood_claim, queued,
                                                              django_capture_on_commit_callbacks):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(reviewer)

    def attach_text(n: int) -> None:
        upload = SimpleUploadedFile(f"note{n}.txt", f"Survey note {n}: 2,190 homes flooded.".encode(),
                                    content_type="text/plain")
        with django_capture_on_commit_callbacks(execute=True):
            source_attach(actor=reviewer, claim_id=flood_claim.pk, upload=upload)
        while queued:
            run_lookup(queued.pop(0))

    attach_text(0)
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("claim_sources", args=[flood_claim.pk]))
    for n in range(1, 6):
        attach_text(n)
    with CaptureQueriesContext(connection) as six:
        response = client.get(reverse("claim_sources", args=[flood_claim.pk]))
    assert response.content.decode().count('data-testid="source"') == 6
    assert len(six.captured_queries) == len(one.captured_queries)


def test_sources_stylesheet_is_in_the_claim_page_head_not_in_the_polled_panel(client, reviewer, flood_claim):
    client.force_login(reviewer)
    page = client.get(reverse("claim_detail", args=[flood_claim.pk])).content.decode()
    head = page.split("</head>", 1)[0]
    assert head.count("css/sources.css") == 1
    assert page.count("css/sources.css") == 1
    # The panel htmx swaps every 2 s while lookups run must not carry it (re-inserted on each swap).
    panel = client.get(reverse("claim_sources", args=[flood_claim.pk]), **HTMX).content.decode()
    assert "<link" not in panel and "sources.css" not in panel
