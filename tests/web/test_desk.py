"""The desk as editors and reviewers use it every day (issue 12): what a first real check showed.

Each test names what the user saw go wrong and asserts what they see now.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from factcheck.claims.models import ClaimStatus


@pytest.fixture
def as_editor(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def as_reviewer(client, reviewer):
    client.force_login(reviewer)
    return client


# --- a GET of an action URL goes back to the page ---------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["claim_verdict", "claim_assign", "claim_edit", "claim_accept", "claim_reopen",
                                    "claim_comment", "source_attach"])
def test_revisiting_a_claim_action_url_goes_back_to_the_claim(as_reviewer, desk, action):
    response = as_reviewer.get(reverse(action, args=[desk.assigned.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("claim_detail", args=[desk.assigned.pk])
    assert as_reviewer.get(response["Location"]).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["article_suggest", "claims_assign_bulk", "claims_merge", "claim_create"])
def test_revisiting_an_article_action_url_goes_back_to_the_workspace(as_editor, desk, action):
    response = as_editor.get(reverse(action, args=[desk.article.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("article_detail", args=[desk.article.pk])


@pytest.mark.django_db
def test_refused_verdict_then_reload_shows_the_claim(as_reviewer, desk):
    url = reverse("claim_verdict", args=[desk.assigned.pk])
    refused = as_reviewer.post(url, {"verdict": "verified", "rationale": "Seen it.", "version": desk.assigned.version})
    assert refused.status_code >= 400
    again = as_reviewer.get(url, follow=True)
    assert again.status_code == 200
    assert desk.assigned.text in again.content.decode()
    desk.assigned.refresh_from_db()
    assert desk.assigned.status == ClaimStatus.ASSIGNED


# --- a past due date asks for confirmation ----------------------------------------------------


def _yesterday():
    import datetime as dt

    from django.utils import timezone

    return timezone.localdate() - dt.timedelta(days=1)


@pytest.mark.django_db
def test_past_due_date_is_refused_with_a_warning_until_confirmed(as_editor, desk, reviewer):
    url = reverse("claim_assign", args=[desk.open.pk])
    data = {"reviewer": reviewer.pk, "due": _yesterday().isoformat(), "priority": 2, "version": desk.open.version}
    warned = as_editor.post(url, data)
    assert warned.status_code == 400
    page = warned.content.decode()
    assert "is in the past" in page and 'data-testid="confirm-past-due"' in page
    desk.open.refresh_from_db()
    assert desk.open.status == ClaimStatus.OPEN and desk.open.assignee is None

    confirmed = as_editor.post(url, {**data, "confirm_past_due": "on"})
    assert confirmed.status_code == 302
    desk.open.refresh_from_db()
    assert desk.open.status == ClaimStatus.ASSIGNED and desk.open.due == _yesterday()


@pytest.mark.django_db
def test_bulk_assign_with_past_due_date_keeps_the_ticks_and_asks(as_editor, desk, reviewer):
    url = reverse("claims_assign_bulk", args=[desk.article.pk])
    data = {"claim_ids": [desk.open.pk, desk.open2.pk], "reviewer": reviewer.pk, "due": _yesterday().isoformat(),
            "priority": 2}
    warned = as_editor.post(url, data)
    assert warned.status_code == 400
    page = warned.content.decode()
    assert "is in the past" in page and 'data-testid="confirm-past-due"' in page
    assert f'id="pick-{desk.open.pk}" data-testid="select-claim" checked' in page
    desk.open.refresh_from_db()
    assert desk.open.assignee is None
    assert as_editor.post(url, {**data, "confirm_past_due": "on"}).status_code == 302
    desk.open.refresh_from_db()
    desk.open2.refresh_from_db()
    assert desk.open.assignee == reviewer and desk.open2.assignee == reviewer


# --- the claim page: rationale once, lookups named in the history -------------------------------


@pytest.mark.django_db
def test_claim_page_shows_the_rationale_once(as_editor, desk, reviewer):
    from factcheck.claims.services import claim_start, verdict_record

    claim = desk.assigned
    claim_start(actor=reviewer, claim_id=claim.pk)
    rationale = "The ministry archive has no records of tremors before 1990."
    verdict_record(actor=reviewer, claim_id=claim.pk, verdict="unverifiable", rationale=rationale)
    page = as_editor.get(reverse("claim_detail", args=[claim.pk])).content.decode()
    body = page.split('id="history-h"')[0]  # the history keeps its own audit copy
    assert body.count(rationale) == 1


@pytest.mark.django_db
def test_lookup_history_rows_say_which_lookup_and_its_outcome(as_reviewer, desk, reviewer):
    from factcheck.claims.models import ClaimEvent, EventKind

    claim = desk.assigned
    for data in (
        {"lookup": 1, "kind": "similar", "action": "queued"},
        {"lookup": 2, "kind": "figure_check", "action": "finished", "status": "done", "outcome": "inconsistent"},
        {"lookup": 3, "kind": "fetch", "action": "finished", "status": "failed"},
        {"lookup": 4, "kind": "figure_check", "action": "finished", "status": "done", "outcome": "disputed"},
        {"lookup": 5, "kind": "figure_check", "action": "finished", "status": "done", "outcome": "consistent",
         "in_part": True},
    ):
        ClaimEvent.objects.create(claim=claim, article=claim.article, kind=EventKind.LOOKUP, data=data)
    page = as_reviewer.get(reverse("claim_detail", args=[claim.pk])).content.decode()
    assert "Similar claims queued" in page
    assert "Figure check done: the source gives a different figure" in page
    assert "Fetch and snapshot failed" in page
    assert "Figure check done: the source mentions the figure but disputes it" in page
    # One figure found and another not: not "states the figure" (tryout, round 11).
    assert "Figure check done: the source states some of the figures, not all" in page
    assert "the source states the figure<" not in page and "the source states the figure\n" not in page
    assert '<span class="kind">Lookup</span>' not in page


# --- a stale edit keeps the typing; figures are editable ------------------------------------------


@pytest.mark.django_db
def test_stale_edit_keeps_what_was_typed_beside_the_current_version(as_editor, desk, editor):
    from factcheck.claims.services import claim_edit

    claim = desk.open
    read = claim.version
    claim_edit(actor=editor, claim_id=claim.pk, version=read, text="Tab A saved this wording first")
    url = reverse("claim_edit", args=[claim.pk])
    mine = "Tab B wording that must not be lost"
    refused = as_editor.post(url, {"text": mine, "attributed_to": "the mayor", "types": ["quantity"],
                                   "figures": "", "version": read, "return_to": "workspace"})
    assert refused.status_code == 409
    page = refused.content.decode()
    assert f">{mine}</textarea>" in page
    assert 'data-testid="current-version"' in page and "Tab A saved this wording first" in page
    assert "Re-apply my edit" in page
    claim.refresh_from_db()
    assert claim.text == "Tab A saved this wording first"
    # Re-applying sends the version now shown, and wins.
    again = as_editor.post(url, {"text": mine, "attributed_to": "the mayor", "types": ["quantity"], "figures": "",
                                 "version": claim.version, "return_to": "workspace"})
    assert again.status_code == 302
    claim.refresh_from_db()
    assert claim.text == mine and claim.attributed_to == "the mayor" and claim.types == ["quantity"]


@pytest.mark.django_db
def test_hand_made_claim_figures_types_and_attribution_are_editable(as_editor, desk):
    from factcheck.claims.models import ClaimEvent, EventKind

    claim = desk.open
    response = as_editor.post(reverse("claim_edit", args=[claim.pk]), {
        "text": claim.text, "attributed_to": "the fire service", "types": ["quantity", "attribution"],
        "figures": "more than 300 homes\n", "version": claim.version,
    })
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.quantities == [{"value": 300, "qualifier": "more_than", "unit": "homes", "text": "more than 300 homes"}]
    assert claim.types == ["quantity", "attribution"] and claim.attributed_to == "the fire service"
    event = ClaimEvent.objects.filter(claim=claim, kind=EventKind.EDITED).last()
    assert event.data["after"]["quantities"][0]["value"] == 300 and event.data["before"]["quantities"] == []
    bad = as_editor.post(reverse("claim_edit", args=[claim.pk]), {
        "text": claim.text, "figures": "lots of homes", "version": claim.version, "return_to": "workspace"})
    assert bad.status_code == 400 and "No figure found in" in bad.content.decode()


# --- the profile page: notification preferences and password ----------------------------------


@pytest.mark.django_db
def test_member_sets_notification_preferences_and_changes_password(client, reviewer):
    from tests.browser.helpers import PASSWORD

    client.force_login(reviewer)
    page = client.get(reverse("profile"))
    assert page.status_code == 200 and "Email me my notifications" in page.content.decode()
    assert client.post(reverse("profile_preferences"), {"daily_digest": "on"}).status_code == 302
    reviewer.refresh_from_db()
    assert (reviewer.email_notifications, reviewer.daily_digest) == (False, True)

    wrong = client.post(reverse("profile_password"), {"old_password": "nope", "new_password1": "a new long phrase 42",
                                                      "new_password2": "a new long phrase 42"})
    assert wrong.status_code == 400 and "incorrectly" in wrong.content.decode()
    done = client.post(reverse("profile_password"), {"old_password": PASSWORD, "new_password1": "a new long phrase 42",
                                                     "new_password2": "a new long phrase 42"})
    assert done.status_code == 302
    reviewer.refresh_from_db()
    assert reviewer.check_password("a new long phrase 42")
    assert client.get(reverse("dashboard")).status_code == 200  # still logged in here


# --- all claims across articles ---------------------------------------------------------------


@pytest.mark.django_db
def test_claims_page_filters_searches_and_bulk_assigns_across_articles(as_editor, desk, editor, reviewer,
                                                                       other_reviewer):
    from tests.support.factories import ArticleFactory, make_claim

    other = ArticleFactory(created_by=editor, title="Harbour dredging",
                           text="The port dredged 40,000 tonnes of silt this winter.\n")
    far = make_claim(other, "40,000 tonnes of silt")
    page = as_editor.get(reverse("claim_list"), {"status": "open"}).content.decode()
    assert desk.open.text in page and far.text in page and desk.assigned.text not in page
    found = as_editor.get(reverse("claim_list"), {"q": "SILT"}).content.decode()
    assert far.text in found and desk.open.text not in found
    mine = as_editor.get(reverse("claim_list"), {"assignee": reviewer.username}).content.decode()
    assert desk.assigned.text in mine and desk.open.text not in mine

    back = reverse("claim_list") + "?status=open"
    done = as_editor.post(reverse("claim_list_assign"), {
        "claim_ids": [desk.open.pk, far.pk], "reviewer": other_reviewer.pk, "priority": 2, "next": back})
    assert done.status_code == 302 and done["Location"] == back
    desk.open.refresh_from_db()
    far.refresh_from_db()
    assert desk.open.assignee == other_reviewer and far.assignee == other_reviewer
    from factcheck.claims.models import Notification

    assert [n.message for n in Notification.objects.filter(recipient=other_reviewer)] == [
        "\u2068Edna Editor\u2069 assigned you 2 claims in 2 articles"]


@pytest.mark.django_db
def test_claims_page_pages_without_counting(as_editor, editor, django_assert_max_num_queries):
    from tests.support.factories import ArticleFactory, make_claim

    text = " ".join(f"Claim number {n} here." for n in range(60)) + "\n"
    article = ArticleFactory(created_by=editor, title="Many", text=text)
    for n in range(55):
        make_claim(article, f"Claim number {n} here.")
    first = as_editor.get(reverse("claim_list"), {"sort": "article"}).content.decode()
    assert 'data-testid="next-page"' in first and first.count('class="claim-item') == 50
    second = as_editor.get(reverse("claim_list"), {"sort": "article", "page": 2}).content.decode()
    assert second.count('class="claim-item') == 5 and 'data-testid="next-page"' not in second
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as seen:
        as_editor.get(reverse("claim_list"))
    # (The header's unread-notifications badge counts a member's own rows; no count of claims.)
    assert not any("COUNT(" in q["sql"].upper() and 'FROM "claims_claim"' in q["sql"] for q in seen.captured_queries)


# --- editing an article's details ---------------------------------------------------------------


@pytest.mark.django_db
def test_editor_edits_article_details_versioned_and_audited(as_editor, desk, editor):
    from factcheck.articles.models import ArticleEvent, ArticleEventKind

    article = desk.article
    url = reverse("article_details", args=[article.pk])
    assert 'value="' + article.title in as_editor.get(url).content.decode()
    data = {"title": "Quake: the count revised", "outlet": "Valley Times", "author": "Ana Ruiz",
            "published_at": "2024-05-02", "url": "https://valley.example/quake", "version": article.version}
    assert as_editor.post(url, data).status_code == 302
    article.refresh_from_db()
    assert (article.title, article.outlet, article.author, str(article.published_at), article.url) == (
        "Quake: the count revised", "Valley Times", "Ana Ruiz", "2024-05-02", "https://valley.example/quake")
    change = ArticleEvent.objects.get(article=article, kind=ArticleEventKind.EDITED)
    assert change.actor == editor and change.data["after"]["outlet"] == "Valley Times"
    history = as_editor.get(reverse("article_history", args=[article.pk])).content.decode()
    assert "→ “Valley Times”" in history and "outlet “" in history
    # A second tab with the old version is refused, keeping what it typed.
    stale = as_editor.post(url, {**data, "title": "Typed in the old tab", "version": data["version"]})
    assert stale.status_code == 409 and 'value="Typed in the old tab"' in stale.content.decode()
    article.refresh_from_db()
    assert article.title == "Quake: the count revised"


@pytest.mark.django_db
def test_reviewer_cannot_edit_article_details(as_reviewer, desk):
    response = as_reviewer.post(reverse("article_details", args=[desk.article.pk]),
                                {"title": "Nope", "version": desk.article.version})
    assert response.status_code == 403
    desk.article.refresh_from_db()
    assert desk.article.title != "Nope"
