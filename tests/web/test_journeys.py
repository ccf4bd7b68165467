"""The editor's and reviewer's journeys through the pages, one step per test.

Each test asserts what the user sees (status, message), then the rows after
refresh_from_db(), then the audit event.
"""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from factcheck.articles.models import Article
from factcheck.articles.services import article_revise
from factcheck.claims import services
from factcheck.claims.models import Claim, ClaimEvent, ClaimStatus, EventKind, Notification
from tests.support.factories import ArticleFactory, make_claim

ARTICLE = (
    "The ferry company carried 2.4 million passengers last year, its annual report says. "
    "Ticket prices rose by 12 per cent in January, the largest rise since 2011.\n\n"
    "The port authority said the new terminal would open in 2027."
)


@pytest.fixture
def as_editor(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def as_reviewer(client, reviewer):
    client.force_login(reviewer)
    return client


def workspace(pk: int) -> str:
    return reverse("article_detail", args=[pk])


# --- creating articles -----------------------------------------------------------------


def test_editor_creates_an_article_and_lands_in_its_workspace(as_editor, editor):
    response = as_editor.post(
        reverse("article_new"),
        {"title": "Ferry traffic up", "text": ARTICLE, "outlet": "Coast Herald", "author": "M. Lind",
         "published_at": "2026-03-02", "url": "https://coast.example/ferry"},
    )
    article = Article.objects.get()
    assert response.status_code == 302 and response["Location"] == workspace(article.pk)
    assert (article.title, article.outlet, article.published_at) == ("Ferry traffic up", "Coast Herald", dt.date(2026, 3, 2))
    assert article.text == ARTICLE and article.created_by == editor
    page = as_editor.get(response["Location"]).content.decode()
    assert "Article saved" in page and "2.4 million passengers" in page


def test_empty_article_is_refused_with_a_form_error_and_nothing_saved(as_editor):
    response = as_editor.post(reverse("article_new"), {"title": "Nothing here", "text": "   \n  "})
    assert response.status_code == 400
    page = response.content.decode()
    assert "The article text is empty." in page
    assert 'value="Nothing here"' in page, "the user's input stays in the form"
    assert Article.objects.count() == 0


def test_oversized_article_is_refused_with_413_and_the_input_kept(as_editor, settings):
    settings.ARTICLE_MAX_CHARS = 100
    response = as_editor.post(reverse("article_new"), {"title": "Too long", "text": "Figures. " * 20})
    assert response.status_code == 413
    page = response.content.decode()
    assert "the limit is 100" in page
    assert 'value="Too long"' in page and "Figures. Figures." in page
    assert Article.objects.count() == 0


# --- suggestions -----------------------------------------------------------------------------


def test_suggest_then_accept_one_reject_one_accept_the_rest(as_editor, editor):
    article = ArticleFactory(created_by=editor, text=ARTICLE)
    response = as_editor.post(reverse("article_suggest", args=[article.pk]))
    assert response.status_code == 302
    suggested = list(Claim.objects.filter(article=article, status=ClaimStatus.SUGGESTED).order_by("start"))
    assert len(suggested) >= 2, "the engine finds the figures of the sample"
    page = as_editor.get(workspace(article.pk)).content.decode()
    assert page.count('data-testid="accept"') == len(suggested)
    assert "Accept all" in page

    first, second, *_ = suggested
    assert as_editor.post(reverse("claim_accept", args=[first.pk]),
                          {"version": first.version, "return_to": "workspace"}).status_code == 302
    assert as_editor.post(reverse("claim_reject", args=[second.pk]),
                          {"version": second.version, "return_to": "workspace"}).status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (ClaimStatus.OPEN, ClaimStatus.REJECTED)
    assert ClaimEvent.objects.filter(claim=first, kind=EventKind.ACCEPTED, actor=editor).exists()

    assert as_editor.post(reverse("article_accept_all", args=[article.pk])).status_code == 302
    assert not Claim.objects.filter(article=article, status=ClaimStatus.SUGGESTED).exists()
    # Suggesting again does not repeat spans already there.
    count = Claim.objects.filter(article=article).count()
    as_editor.post(reverse("article_suggest", args=[article.pk]))
    assert Claim.objects.filter(article=article).count() == count


def test_accept_with_a_stale_version_over_htmx_returns_the_workspace_partial(as_editor, desk):
    claim = desk.suggested
    services.claim_edit(actor=desk.article.created_by, claim_id=claim.pk, text="Fourteen survivors were rescued")
    response = as_editor.post(
        reverse("claim_accept", args=[claim.pk]), {"version": 1, "return_to": "workspace"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert page.lstrip().startswith('<div id="workspace"') and "<html" not in page
    assert "since you opened it" in page and "Edna Editor" in page
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUGGESTED


# --- claims from the text ---------------------------------------------------------------------


def test_create_claim_from_a_selected_span(as_editor, editor):
    article = ArticleFactory(created_by=editor, text=ARTICLE)
    start = ARTICLE.index("Ticket prices rose by 12 per cent")
    end = start + len("Ticket prices rose by 12 per cent")
    response = as_editor.post(reverse("claim_create", args=[article.pk]),
                              {"start": start, "end": end, "quote": ARTICLE[start:end]})
    assert response.status_code == 302
    claim = Claim.objects.get(article=article)
    assert (claim.start, claim.end, claim.quote, claim.status) == (start, end, ARTICLE[start:end], ClaimStatus.OPEN)
    assert ClaimEvent.objects.get(claim=claim, kind=EventKind.CREATED).actor == editor


def test_create_claim_from_a_typed_passage_for_keyboard_users(as_editor, editor):
    article = ArticleFactory(created_by=editor, text=ARTICLE)
    response = as_editor.post(reverse("claim_create", args=[article.pk]),
                              {"quote": "the new terminal would open in 2027", "start": "", "end": ""})
    assert response.status_code == 302
    claim = Claim.objects.get(article=article)
    assert ARTICLE[claim.start:claim.end] == "the new terminal would open in 2027"


def test_offsets_that_no_longer_match_the_typed_passage_give_way_to_it(as_editor, editor):
    article = ArticleFactory(created_by=editor, text=ARTICLE)
    as_editor.post(reverse("claim_create", args=[article.pk]),
                   {"quote": "2.4 million passengers", "start": 0, "end": 5})
    claim = Claim.objects.get(article=article)
    assert claim.quote == "2.4 million passengers"


@pytest.mark.parametrize("start,end,message", [
    (10, 10, "span is empty"),
    (0, 10_000, "outside the text"),
])
def test_bad_spans_are_refused_and_nothing_is_created(as_editor, editor, start, end, message):
    article = ArticleFactory(created_by=editor, text=ARTICLE)
    response = as_editor.post(reverse("claim_create", args=[article.pk]), {"start": start, "end": end, "quote": ""})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Claim.objects.exists()


def test_edit_wording_merge_and_split(as_editor, desk):
    c = desk.open
    response = as_editor.post(reverse("claim_edit", args=[c.pk]),
                              {"version": c.version, "text": "Over 300 homes were damaged", "types": ["quantity"],
                               "return_to": "workspace"})
    assert response.status_code == 302
    c.refresh_from_db()
    assert (c.text, c.types, c.version) == ("Over 300 homes were damaged", ["quantity"], 2)

    response = as_editor.post(reverse("claims_merge", args=[desk.article.pk]), {"claim_ids": [c.pk, desk.open2.pk]})
    assert response.status_code == 302
    c.refresh_from_db()
    desk.open2.refresh_from_db()
    assert c.quote.startswith("more than 300 homes") and c.quote.endswith("at least 9 people dead")
    assert desk.open2.status == ClaimStatus.REJECTED

    response = as_editor.post(reverse("claim_split", args=[c.pk]), {"version": c.version, "before": "at least 9"})
    assert response.status_code == 302
    c.refresh_from_db()
    assert c.quote.startswith("more than 300 homes") and "9 people" not in c.quote
    other = Claim.objects.get(events__kind=EventKind.CREATED, events__note__contains=f"Split from claim {c.pk}")
    assert other.quote == "at least 9 people dead"


# --- assignment --------------------------------------------------------------------------------


def test_bulk_assign_sets_reviewer_due_date_and_priority_and_notifies(as_editor, desk, reviewer, editor):
    ids = [desk.open.pk, desk.open2.pk]
    response = as_editor.post(reverse("claims_assign_bulk", args=[desk.article.pk]),
                              {"claim_ids": ids, "reviewer": reviewer.pk, "due": "2031-05-01", "priority": 3})
    assert response.status_code == 302
    for claim in Claim.objects.filter(pk__in=ids):
        assert (claim.status, claim.assignee, claim.due, claim.priority) == (
            ClaimStatus.ASSIGNED, reviewer, dt.date(2031, 5, 1), 3)
        assert ClaimEvent.objects.get(claim=claim, kind=EventKind.ASSIGNED).actor == editor
    # One notification for the batch of two (issue 12: no floods), naming the count.
    note = Notification.objects.get(recipient=reviewer)
    assert note.message.startswith("\u2068Edna Editor\u2069 assigned you 2 claims in ")
    page = as_editor.get(workspace(desk.article.pk)).content.decode()
    assert "Assigned 2 claims to Rita Reviewer" in page


def test_bulk_assign_without_a_reviewer_is_refused_with_the_form_error(as_editor, desk):
    response = as_editor.post(reverse("claims_assign_bulk", args=[desk.article.pk]), {"claim_ids": [desk.open.pk]})
    assert response.status_code == 400
    desk.open.refresh_from_db()
    assert desk.open.status == ClaimStatus.OPEN and desk.open.assignee is None


def test_reviewer_queue_lists_overdue_first(as_reviewer, desk, reviewer):
    today = dt.date.today()
    late = make_claim(desk.article, "Rescue teams", status=ClaimStatus.ASSIGNED, assignee=reviewer,
                      due=today - dt.timedelta(days=2))
    soon = desk.assigned
    Claim.objects.filter(pk=soon.pk).update(due=today + dt.timedelta(days=3))
    page = as_reviewer.get(reverse("dashboard")).content.decode()
    queue = page[page.index('id="queue"'):]
    assert queue.index(f'data-claim-id="{late.pk}"') < queue.index(f'data-claim-id="{soon.pk}"')
    assert "overdue" in queue


# --- reviewing ----------------------------------------------------------------------------------


def test_reviewer_starts_and_records_a_verdict(as_reviewer, desk, reviewer):
    claim = desk.assigned
    assert as_reviewer.post(reverse("claim_start", args=[claim.pk]), {"version": claim.version}).status_code == 302
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.IN_REVIEW
    response = as_reviewer.post(reverse("claim_verdict", args=[claim.pk]),
                                {"version": claim.version, "verdict": "unverifiable", "rating": "unproven",
                                 "rationale": "The province keeps no records before 1990."})
    assert response.status_code == 302
    claim.refresh_from_db()
    assert (claim.status, claim.verdict, claim.rating) == (ClaimStatus.RESOLVED, "unverifiable", "unproven")
    assert ClaimEvent.objects.get(claim=claim, kind=EventKind.RESOLVED).actor == reviewer
    page = as_reviewer.get(reverse("claim_detail", args=[claim.pk])).content.decode()
    assert "Verdict recorded." in page and "The province keeps no records before 1990." in page


def test_stale_verdict_form_shows_who_changed_the_claim_and_overwrites_nothing(as_reviewer, desk, editor):
    claim = desk.assigned
    opened_version = claim.version
    services.claim_edit(actor=editor, claim_id=claim.pk, text="Strongest tremor in the province in 40 years")
    response = as_reviewer.post(reverse("claim_verdict", args=[claim.pk]),
                                {"version": opened_version, "verdict": "unverifiable", "rationale": "My reasons."})
    assert response.status_code == 409
    page = response.content.decode()
    assert re.search(r"changed by Edna Editor at \d\d:\d\d:\d\d on .* since you opened it", page)
    assert "My reasons." in page, "what the reviewer typed is still in the form"
    claim.refresh_from_db()
    assert (claim.status, claim.verdict, claim.rationale) == (ClaimStatus.ASSIGNED, "", "")
    assert not ClaimEvent.objects.filter(claim=claim, kind__in=[EventKind.REVIEWED, EventKind.RESOLVED]).exists()
    # The re-rendered form carries the version the reviewer now sees, so a deliberate resubmit works.
    assert f'name="version" value="{claim.version}"' in page


def test_unknown_verdict_is_refused(as_reviewer, desk):
    claim = desk.assigned
    response = as_reviewer.post(reverse("claim_verdict", args=[claim.pk]),
                                {"version": claim.version, "verdict": "true-ish", "rationale": "x"})
    assert response.status_code == 400
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.ASSIGNED


def test_verified_without_a_source_is_refused_by_the_evidence_gate(as_reviewer, desk):
    claim = desk.assigned
    response = as_reviewer.post(reverse("claim_verdict", args=[claim.pk]),
                                {"version": claim.version, "verdict": "verified", "rationale": "Looks right."})
    assert response.status_code == 409
    assert "needs at least one independent source" in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.ASSIGNED


def test_editor_reopens_with_a_reason(as_editor, desk, editor):
    claim = desk.resolved
    assert as_editor.post(reverse("claim_reopen", args=[claim.pk]), {"version": claim.version, "reason": ""}).status_code == 400
    response = as_editor.post(reverse("claim_reopen", args=[claim.pk]),
                              {"version": claim.version, "reason": "A 1962 quake was stronger."})
    assert response.status_code == 302
    claim.refresh_from_db()
    assert (claim.status, claim.verdict) == (ClaimStatus.OPEN, "")
    assert ClaimEvent.objects.get(claim=claim, kind=EventKind.REOPENED).note == "A 1962 quake was stronger."


def test_second_review_is_blind_until_both_verdicts_are_in(client, desk, editor, reviewer, other_reviewer):
    claim = desk.assigned
    services.claim_request_second_review(actor=editor, claim_id=claim.pk, reviewer=other_reviewer)
    services.verdict_record(actor=reviewer, claim_id=claim.pk, verdict="unverifiable", rationale="Rita's reasoning.")
    client.force_login(other_reviewer)
    page = client.get(reverse("claim_detail", args=[claim.pk])).content.decode()
    assert "Rita&#x27;s reasoning." not in page and "Rita's reasoning." not in page
    assert 'data-testid="second-review-state"' in page
    history = client.get(reverse("article_history", args=[desk.article.pk])).content.decode()
    assert "Rita&#x27;s reasoning." not in history and "verdict hidden until both reviews are in" in history
    client.force_login(editor)
    assert "Rita&#x27;s reasoning." in client.get(reverse("claim_detail", args=[claim.pk])).content.decode()


def test_comment_and_history_name_the_actor(as_reviewer, desk, reviewer):
    claim = desk.assigned
    as_reviewer.post(reverse("claim_comment", args=[claim.pk]), {"body": "Asked the seismology office."})
    page = as_reviewer.get(reverse("claim_detail", args=[claim.pk])).content.decode()
    assert "Asked the seismology office." in page
    history = as_reviewer.get(reverse("article_history", args=[desk.article.pk])).content.decode()
    events = ClaimEvent.objects.filter(article=desk.article)
    assert history.count('class="event ') == events.count() > 0
    assert "Rita Reviewer" in history and "Commented" in history


# --- editing the text -------------------------------------------------------------------------------


def test_editing_the_text_shows_orphans_with_their_old_quote_and_rereview_flags(as_editor, desk, editor):
    article = desk.article
    text = article.text.replace("in over 40 years", "since records began").replace("14 survivors", "15 survivors")
    response = as_editor.post(reverse("article_edit", args=[article.pk]), {"text": text, "version": article.version})
    assert response.status_code == 302
    desk.resolved.refresh_from_db()
    assert desk.resolved.orphaned
    page = as_editor.get(workspace(article.pk)).content.decode()
    assert "Saved revision 2" in page and "1 orphaned" in page
    # The orphan is in the claims list itself, first and marked, with its old quote and its two ways out.
    listed = page[page.index('id="claims"'):]
    item = listed[listed.index(f'id="claim-{desk.resolved.pk}"'):]
    item = item[:item.index("</li>")]
    assert listed.index('<li id="claim-') == listed.index(f'<li id="claim-{desk.resolved.pk}"')  # listed first
    assert "in over 40 years" in item and 'data-testid="orphaned"' in item
    assert 'data-testid="place-at-selection"' in item and 'data-testid="reject"' in item
    assert 'data-testid="orphans-hint"' in page


def test_stale_text_edit_is_refused(as_editor, desk, editor):
    article = desk.article
    article_revise(actor=editor, article_id=article.pk, text=article.text + "\nA late update.\n")
    response = as_editor.post(reverse("article_edit", args=[article.pk]), {"text": "Replaced.", "version": 1})
    assert response.status_code == 409
    article.refresh_from_db()
    assert "A late update." in article.text


# --- text is shown as text --------------------------------------------------------------------------

HOSTILE = (
    'Officials said <script>alert(1)</script> the toll was 12. '
    'A photo <img src=x onerror=alert(1)> showed 40 trucks. '
    'See <a href="javascript:alert(1)">this</a> report on 3 bridges.\n'
)


def test_html_and_script_in_article_and_claims_are_rendered_as_text(as_editor, editor):
    article = ArticleFactory(created_by=editor, text=HOSTILE, title="<b>Toll</b> <script>alert(2)</script>",
                             url="javascript:alert(3)")
    claim = make_claim(article, "<img src=x onerror=alert(1)>", text="<script>alert(4)</script>")
    for url in (workspace(article.pk), reverse("claim_detail", args=[claim.pk]), reverse("article_list"),
                reverse("article_history", args=[article.pk])):
        page = as_editor.get(url).content.decode()
        assert "<script>alert" not in page, url
        assert "<img src=x" not in page, url
        assert 'href="javascript:' not in page, url
    page = as_editor.get(workspace(article.pk)).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;Toll&lt;/b&gt;" in page


class _TextCollector(HTMLParser):
    """The text and data-start of each direct child of #article-text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.segments: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.depth == 0 and attrs.get("id") == "article-text":
            self.depth = 1
            return
        if self.depth == 1:
            self.segments.append({"start": int(attrs["data-start"]), "text": "", "claims": attrs.get("data-claims", "")})
        if self.depth:
            self.depth += 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth == 2:
            self.segments[-1]["text"] += data


def test_highlights_map_back_to_the_stored_text_exactly_with_overlaps(as_editor, editor):
    text = "Prices rose 12 per cent — the biggest rise 🚀 since 2011.\n\nIt <b>was</b> a record.\n"
    article = ArticleFactory(created_by=editor, text=text)
    a = make_claim(article, "Prices rose 12 per cent")
    b = make_claim(article, "12 per cent — the biggest rise 🚀 since 2011")
    c = make_claim(article, "<b>was</b>", status=ClaimStatus.SUGGESTED)
    page = as_editor.get(workspace(article.pk)).content.decode()
    parser = _TextCollector()
    parser.feed(page)
    segments = parser.segments
    assert "".join(s["text"] for s in segments) == text
    for s in segments:
        assert text[s["start"]:s["start"] + len(s["text"])] == s["text"]
    overlap = next(s for s in segments if s["text"] == "12 per cent")
    assert overlap["claims"] == f"{a.pk} {b.pk}"
    assert any(s["claims"] == str(c.pk) and s["text"] == "<b>was</b>" for s in segments)


# --- lists and filters ---------------------------------------------------------------------------


def test_article_list_filters_by_status_outlet_date_and_search(as_editor, editor, reviewer):
    done = ArticleFactory(created_by=editor, title="Dam report", outlet="River Post", text=ARTICLE)
    busy = ArticleFactory(created_by=editor, title="Ferry report", outlet="Coast Herald", text=ARTICLE)
    Article.objects.filter(pk=done.pk).update(published_at=dt.date(2026, 1, 10))
    make_claim(done, "2.4 million passengers", status=ClaimStatus.RESOLVED, verdict="unverifiable")
    make_claim(busy, "2.4 million passengers", status=ClaimStatus.ASSIGNED, assignee=reviewer)

    def titles(**query):
        page = as_editor.get(reverse("article_list"), query).content.decode()
        return {t for t in ("Dam report", "Ferry report") if t in page}

    assert titles() == {"Dam report", "Ferry report"}
    assert titles(status="done") == {"Dam report"}
    assert titles(status="in_progress") == {"Ferry report"}
    assert titles(outlet="Coast Herald") == {"Ferry report"}
    assert titles(published_after="2026-01-01", published_before="2026-01-31") == {"Dam report"}
    assert titles(q="river post") == {"Dam report"}
    assert titles(q="terminal would open") == {"Dam report", "Ferry report"}, "search reaches the text"


def test_workspace_filters_claims_by_type_and_status(as_editor, desk):
    Claim.objects.filter(pk=desk.open.pk).update(types=["quantity"])
    page = as_editor.get(workspace(desk.article.pk), {"type": "quantity"}).content.decode()
    claims = page[page.index('id="claims"'):]
    assert f'data-claim-id="{desk.open.pk}"' in claims and f'data-claim-id="{desk.open2.pk}"' not in claims
    page = as_editor.get(workspace(desk.article.pk), {"status": "suggested"}).content.decode()
    claims = page[page.index('id="claims"'):]
    assert f'data-claim-id="{desk.suggested.pk}"' in claims and f'data-claim-id="{desk.open.pk}"' not in claims


def test_notifications_are_listed_and_marked_read(client, desk, editor, reviewer):
    services.claim_assign(actor=editor, claim_id=desk.open.pk, reviewer=reviewer)
    client.force_login(reviewer)
    page = client.get(reverse("dashboard")).content.decode()
    assert 'data-testid="unread-count">1<' in page and "assigned you a claim" in page
    note = Notification.objects.get(recipient=reviewer)
    response = client.post(reverse("notifications_read"), {"ids": note.pk}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and 'id="notifications-panel"' in response.content.decode()
    note.refresh_from_db()
    assert note.read_at is not None
    assert 'data-testid="unread-count"' not in client.get(reverse("notifications")).content.decode()


def test_an_orphans_page_offers_the_closest_passage_a_selection_and_reject(as_editor, desk, editor):
    article = desk.article
    text = article.text.replace("in over 40 years", "in more than four decades")
    as_editor.post(reverse("article_edit", args=[article.pk]), {"text": text, "version": article.version})
    desk.resolved.refresh_from_db()
    assert desk.resolved.orphaned
    page = as_editor.get(reverse("claim_detail", args=[desk.resolved.pk])).content.decode()
    card = page[page.index('data-testid="place-again"'):]
    assert 'data-testid="best-match"' in card and "in more than four decades" in card
    assert 'id="article-text"' in card and 'class="place-form"' in card and 'data-testid="reject-claim"' in card
    # Placing without a selection says what to do.
    response = as_editor.post(reverse("claim_reanchor", args=[desk.resolved.pk]), {"version": desk.resolved.version})
    assert "Select the claim&#x27;s passage in the article text first." in response.content.decode()


def test_reopen_says_the_claim_waits_for_a_reviewer(as_editor, desk, reviewer):
    claim = desk.resolved
    response = as_editor.post(reverse("claim_reopen", args=[claim.pk]),
                              {"reason": "New figures.", "version": claim.version}, follow=True)
    page = response.content.decode()
    assert "Nobody is assigned to review it: choose a reviewer." in page
    assert 'data-testid="claim-status">Open' in page
