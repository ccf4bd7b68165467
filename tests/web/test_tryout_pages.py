"""Smaller things a new user met on the pages (tryout items 13 and 14), as the pages show them.

History names the reviewer and dates the due day as people read dates; a reason inside a sentence
keeps one full stop; the Arabic menu says "Webhooks" in Arabic; "Edit on the claim's page" leads
to an edit form that works; messages that quote a claim cut it at a word, with an ellipsis.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from factcheck.claims.models import Claim
from factcheck.claims.services import claim_assign, claim_reopen
from factcheck.publishing.models import Report
from factcheck.publishing.services import article_publish
from tests.publishing.conftest import finished  # noqa: F401 - the published check, as a fixture
from tests.support.factories import ArticleFactory, make_claim


@pytest.fixture
def as_editor(client, editor):
    client.force_login(editor)
    return client


def test_history_names_the_reviewer_and_dates_the_due_day(as_editor, article, editor, reviewer):
    claim = make_claim(article, "14 survivors")
    claim_assign(actor=editor, claim_id=claim.pk, reviewer=reviewer, due=dt.date(2026, 12, 4))
    for url in (reverse("claim_detail", args=[claim.pk]), reverse("article_history", args=[article.pk])):
        html = as_editor.get(url).content.decode()
        detail = re.search(r'data-testid="event-assignee">(.*?)</span>', html).group(1)
        assert detail == "to Rita Reviewer, due 4 Dec 2026", url
        assert "2026-12-04" not in detail and "rita" not in detail


def test_history_dates_the_due_day_in_the_interface_language(client, article, editor, reviewer):
    editor.language = "ar"
    editor.save(update_fields=["language"])
    client.force_login(editor)
    claim = make_claim(article, "14 survivors")
    claim_assign(actor=editor, claim_id=claim.pk, reviewer=reviewer, due=dt.date(2026, 12, 4))
    html = client.get(reverse("claim_detail", args=[claim.pk])).content.decode()
    detail = re.search(r'data-testid="event-assignee">(.*?)</span>', html).group(1)
    assert "Rita Reviewer" in detail and "2026-12-04" not in detail and "Dec" not in detail


def test_the_arabic_menu_names_webhooks_in_arabic(client, editor):
    editor.language = "ar"
    editor.save(update_fields=["language"])
    client.force_login(editor)
    html = client.get(reverse("dashboard")).content.decode()
    link = re.search(rf'<a href="{reverse("webhook_list")}"[^>]*>([^<]*)</a>', html).group(1)
    assert link == "خطافات الويب"


def test_a_reopen_reason_ending_with_a_full_stop_reads_with_one(client, finished, editor):  # noqa: F811
    article_publish(actor=editor, article_id=finished["article"].pk)
    claim = finished["dead"]
    claim_reopen(actor=editor, claim_id=claim.pk, reason="Police now say three children died; re-check.",
                 version=Claim.objects.get(pk=claim.pk).version)
    report = Report.objects.get(article=finished["article"])
    html = client.get(report.get_absolute_url()).content.decode()
    assert "re-check</span>. The verdict published before" in html
    assert "re-check." + "</span>." not in html and "re-check.." not in html


def test_edit_on_the_claims_page_leads_to_an_edit_form_that_saves(as_editor, article):
    claim = make_claim(article, "14 survivors")
    workspace = as_editor.get(reverse("article_detail", args=[article.pk])).content.decode()
    href = re.search(r'<a class="edit-slot" href="([^"]+)">Edit on the claim&#x27;s page</a>', workspace).group(1)
    assert href == f"{reverse('claim_detail', args=[claim.pk])}#edit"
    page = as_editor.get(href.split("#")[0]).content.decode()
    assert 'id="edit"' in page and f'id="edit-text-{claim.pk}"' in page
    form = re.search(r'<section class="card" id="edit".*?</section>', page, re.S).group(0)
    assert "return_to" not in form and "hx-post" not in form
    answer = as_editor.post(reverse("claim_edit", args=[claim.pk]), {
        "version": claim.version, "text": "Rescuers pulled 14 survivors from the block", "attributed_to": "the fire service",
        "figures": "14 survivors", "types": ["quantity"],
    })
    assert answer.status_code == 302 and answer["Location"] == reverse("claim_detail", args=[claim.pk])
    claim.refresh_from_db()
    assert claim.text == "Rescuers pulled 14 survivors from the block" and claim.attributed_to == "the fire service"


def test_a_refused_edit_on_the_claims_page_keeps_what_was_typed(as_editor, article):
    claim = make_claim(article, "14 survivors")
    answer = as_editor.post(reverse("claim_edit", args=[claim.pk]), {
        "version": claim.version - 1 if claim.version > 1 else 999, "text": "My own wording of it",
        "attributed_to": "", "figures": "14 survivors",
    })
    assert answer.status_code in (400, 409)
    assert "My own wording of it</textarea>" in answer.content.decode()


def test_the_created_claim_message_cuts_the_wording_at_a_word(as_editor, editor):
    text = ("Replacement buses will run every 15 minutes between the two stations while the line is closed, "
            "the city council said on Tuesday.\n")
    article = ArticleFactory(created_by=editor, text=text)
    quote = text.strip()
    answer = as_editor.post(reverse("claim_create", args=[article.pk]),
                            {"quote": quote, "start": 0, "end": len(quote), "text": ""}, follow=True)
    said = [str(m) for m in answer.context["messages"]]
    assert len(said) == 1
    shown = re.search(r"“(.*)”", said[0]).group(1)
    assert shown.endswith("…") and quote.startswith(shown[:-1])
    # The cut falls between words: what is left ends with a whole word of the claim.
    assert quote[len(shown) - 1] == " "
