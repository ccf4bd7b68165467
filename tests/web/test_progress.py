"""The workspace keeps its progress bar and claim badges current by polling a small fragment."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from factcheck.claims import services
from factcheck.claims.models import ClaimStatus
from tests.support.factories import make_claim


def _fragment(html: str) -> str:
    match = re.search(r'<span id="article-progress-live".*?</span>\s*</span>', html, re.S)
    assert match, "no progress fragment in the page"
    return match.group(0)


def test_workspace_polls_only_the_progress_fragment(client, editor, desk):
    client.force_login(editor)
    html = client.get(reverse("article_detail", args=[desk.article.pk])).content.decode()
    fragment = _fragment(html)
    url = reverse("article_progress", args=[desk.article.pk])
    assert f'hx-get="{url}"' in fragment
    assert 'hx-trigger="every 5s"' in fragment
    # It swaps itself, never the workspace around it (which holds the editor's forms).
    assert 'hx-target="this"' in fragment and 'hx-select="#article-progress-live"' in fragment
    assert 'hx-swap="outerHTML"' in fragment
    assert html.count('id="article-progress-live"') == 1
    assert "{#" not in html and "{% comment" not in html and "Context: article" not in html  # comments stay comments


@pytest.mark.parametrize("persona", ["editor", "reviewer"])
def test_progress_fragment_follows_a_verdict_recorded_elsewhere(client, desk, reviewer, request, persona):
    client.force_login(request.getfixturevalue(persona))
    url = reverse("article_progress", args=[desk.article.pk])
    before = client.get(url)
    assert before.status_code == 200
    # Counted: open, open2, assigned, resolved (suggestions do not count).
    assert 'value="1" max="4"' in before.content.decode()
    assert "1 of 4 claims resolved" in before.content.decode()

    services.claim_start(actor=reviewer, claim_id=desk.assigned.pk)
    services.verdict_record(actor=reviewer, claim_id=desk.assigned.pk, verdict="unverifiable",
                            rationale="No public record of the tremor's ranking.")
    desk.assigned.refresh_from_db()
    assert desk.assigned.status == ClaimStatus.RESOLVED

    after = client.get(url).content.decode()
    assert 'value="2" max="4"' in after and "2 of 4 claims resolved" in after
    # Each claim's state rides along, so the side panel can follow without a reload (with its span, so the
    # highlights in the text can be recoloured the way the server colours them), packed in one attribute.
    packed = re.search(r'id="claim-states" data-states="([^"]*)"', after).group(1)
    states = {int(row.split()[0]): row.split()[1:] for row in packed.split(";")}
    assert states[desk.assigned.pk] == ["resolved", "unverifiable", str(desk.assigned.start), str(desk.assigned.end)]
    assert states[desk.open.pk][:2] == ["open", "-"]
    # The badge's label is listed once for each state and verdict.
    assert '<span class="badge badge-unverifiable">Unverifiable</span>' in after
    # The labels are hidden and carry no test id of their own: the panel's badges stay the only ones.
    assert 'id="claim-states"' in after and "hidden" in after
    assert 'data-testid="claim-status"' not in after


def test_progress_fragment_is_for_members_only(client, outsider, desk):
    url = reverse("article_progress", args=[desk.article.pk])
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    client.force_login(outsider)  # a deactivated member is logged out again
    assert client.get(url).status_code == 302
    assert b"article-progress" not in client.get(url, follow=True).content


def test_progress_fragment_of_a_missing_article_is_404(client, editor):
    client.force_login(editor)
    assert client.get(reverse("article_progress", args=[999_999])).status_code == 404


def test_progress_fragment_refuses_posts(client, editor, desk):
    client.force_login(editor)
    assert client.post(reverse("article_progress", args=[desk.article.pk])).status_code == 405


def test_progress_says_suggestions_wait_rather_than_an_empty_check(client, editor, article):
    # The tryout's editor read "0 of 0 claims resolved" beside twenty suggestions as "the check is empty".
    client.force_login(editor)
    url = reverse("article_progress", args=[article.pk])
    assert "No claims in the check yet" in client.get(url).content.decode()
    first = make_claim(article, "14 survivors", status=ClaimStatus.SUGGESTED, suggested=True)
    make_claim(article, "magnitude 6.1", status=ClaimStatus.SUGGESTED, suggested=True)
    html = _fragment(client.get(url).content.decode())
    assert "0 of 0" not in html
    assert "No claims in the check yet" in html and "(2 suggestions to accept or reject)" in html

    services.claim_accept(actor=editor, claim_id=first.pk)
    html = _fragment(client.get(url).content.decode())
    assert "0 of 1 claim resolved" in html and "(1 suggestion to accept or reject)" in html
