"""Who may open which page and post which action, for every persona (issue 3's permission table).

Each row names a page or action and the status each persona gets. A refused
POST (403, or the login redirect for anonymous) must leave every row as it was.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.web.conftest import snapshot

E, R, OR, A = "editor", "reviewer", "other_reviewer", "anonymous"
MEMBERS_READ = {E: 200, R: 200, OR: 200, A: 302}
EDITOR_ONLY_PAGE = {E: 200, R: 403, OR: 403, A: 302}
EDITOR_ONLY_POST = {E: 302, R: 403, OR: 403, A: 302}
ASSIGNED_POST = {E: 302, R: 302, OR: 403, A: 302}

SAMPLE = (
    "Harbour officials said 120 boats were moored in the marina on Friday. The new breakwater cost "
    "8 million euros, twice the first estimate.\n"
)

# (name, method, url(desk), data(desk, users), expected status per persona)
ROWS = [
    ("dashboard", "get", lambda d: reverse("dashboard"), None, MEMBERS_READ),
    ("article list", "get", lambda d: reverse("article_list"), None, MEMBERS_READ),
    ("article list filtered", "get", lambda d: reverse("article_list") + "?status=in_progress&q=quake", None, MEMBERS_READ),
    ("workspace", "get", lambda d: reverse("article_detail", args=[d.article.pk]), None, MEMBERS_READ),
    ("article history", "get", lambda d: reverse("article_history", args=[d.article.pk]), None, MEMBERS_READ),
    ("claim page", "get", lambda d: reverse("claim_detail", args=[d.assigned.pk]), None, MEMBERS_READ),
    ("notifications", "get", lambda d: reverse("notifications"), None, MEMBERS_READ),
    ("new article form", "get", lambda d: reverse("article_new"), None, EDITOR_ONLY_PAGE),
    ("edit text form", "get", lambda d: reverse("article_edit", args=[d.article.pk]), None, EDITOR_ONLY_PAGE),
    ("workload", "get", lambda d: reverse("workload"), None, EDITOR_ONLY_PAGE),
    ("profile", "get", lambda d: reverse("profile"), None, MEMBERS_READ),
    ("members", "get", lambda d: reverse("members"), None, EDITOR_ONLY_PAGE),
    ("create article", "post", lambda d: reverse("article_new"),
     lambda d, u: {"title": "Harbour works", "text": SAMPLE}, EDITOR_ONLY_POST),
    ("edit text", "post", lambda d: reverse("article_edit", args=[d.article.pk]),
     lambda d, u: {"text": d.article.text.replace("Sunday", "Monday"), "version": d.article.version}, EDITOR_ONLY_POST),
    ("suggest claims", "post", lambda d: reverse("article_suggest", args=[d.article.pk]), lambda d, u: {}, EDITOR_ONLY_POST),
    ("accept all", "post", lambda d: reverse("article_accept_all", args=[d.article.pk]), lambda d, u: {}, EDITOR_ONLY_POST),
    ("reject all", "post", lambda d: reverse("article_reject_all", args=[d.article.pk]), lambda d, u: {}, EDITOR_ONLY_POST),
    ("create claim from span", "post", lambda d: reverse("claim_create", args=[d.article.pk]),
     lambda d, u: {"start": 0, "end": 12, "quote": d.article.text[0:12]}, EDITOR_ONLY_POST),
    ("merge", "post", lambda d: reverse("claims_merge", args=[d.article.pk]),
     lambda d, u: {"claim_ids": [d.open.pk, d.open2.pk]}, EDITOR_ONLY_POST),
    ("bulk assign", "post", lambda d: reverse("claims_assign_bulk", args=[d.article.pk]),
     lambda d, u: {"claim_ids": [d.open.pk, d.open2.pk], "reviewer": u[R].pk, "priority": 3, "due": "2030-01-31"},
     EDITOR_ONLY_POST),
    ("accept", "post", lambda d: reverse("claim_accept", args=[d.suggested.pk]),
     lambda d, u: {"version": d.suggested.version, "return_to": "workspace"}, EDITOR_ONLY_POST),
    ("reject", "post", lambda d: reverse("claim_reject", args=[d.open.pk]),
     lambda d, u: {"version": d.open.version, "return_to": "workspace"}, EDITOR_ONLY_POST),
    ("edit wording", "post", lambda d: reverse("claim_edit", args=[d.open.pk]),
     lambda d, u: {"version": d.open.version, "text": "Over 300 homes were damaged", "return_to": "workspace"},
     EDITOR_ONLY_POST),
    ("split", "post", lambda d: reverse("claim_split", args=[d.open.pk]),
     lambda d, u: {"version": d.open.version, "before": "300 homes"}, EDITOR_ONLY_POST),
    ("place claim", "post", lambda d: reverse("claim_reanchor", args=[d.open.pk]),
     lambda d, u: {"version": d.open.version, "start": 0, "end": 12}, EDITOR_ONLY_POST),
    ("assign", "post", lambda d: reverse("claim_assign", args=[d.open.pk]),
     lambda d, u: {"version": d.open.version, "reviewer": u[OR].pk, "priority": 2}, EDITOR_ONLY_POST),
    ("second review", "post", lambda d: reverse("claim_second_review", args=[d.assigned.pk]),
     lambda d, u: {"version": d.assigned.version, "reviewer": u[OR].pk}, EDITOR_ONLY_POST),
    ("reopen", "post", lambda d: reverse("claim_reopen", args=[d.resolved.pk]),
     lambda d, u: {"version": d.resolved.version, "reason": "New figures came out."}, EDITOR_ONLY_POST),
    ("start review", "post", lambda d: reverse("claim_start", args=[d.assigned.pk]),
     lambda d, u: {"version": d.assigned.version}, ASSIGNED_POST),
    ("record verdict", "post", lambda d: reverse("claim_verdict", args=[d.assigned.pk]),
     lambda d, u: {"version": d.assigned.version, "verdict": "unverifiable", "rationale": "No records exist."},
     ASSIGNED_POST),
    ("comment", "post", lambda d: reverse("claim_comment", args=[d.assigned.pk]),
     lambda d, u: {"body": "Checking the ministry's list."}, ASSIGNED_POST),
]


def _ids(row) -> str:
    return row[0].replace(" ", "-")


@pytest.mark.parametrize("persona", [E, R, OR, A])
@pytest.mark.parametrize("row", ROWS, ids=_ids)
def test_permission_table(client, desk, editor, reviewer, other_reviewer, row, persona):
    name, method, url_of, data_of, expected = row
    users = {E: editor, R: reviewer, OR: other_reviewer}
    if persona != A:
        client.force_login(users[persona])
    url = url_of(desk)
    before = snapshot()
    response = client.get(url) if method == "get" else client.post(url, data_of(desk, users))
    want = expected[persona]
    assert response.status_code == want, (name, persona, response.content[:1500])
    if persona == A:
        assert response["Location"].startswith(reverse("login")), "anonymous visitors go to the login page"
    if method == "post":
        after = snapshot()
        if want in (403, 302) and (persona == A or want == 403):
            assert after == before, f"refused {name} by {persona} changed something"
        else:
            assert after != before, f"allowed {name} by {persona} changed nothing"


@pytest.mark.parametrize("persona", [R, OR, A])
def test_refused_verdict_leaves_the_claim_and_its_history_alone(client, desk, reviewer, other_reviewer, persona):
    """The case issue 3 names: a reviewer posting to a claim not assigned to them gets 403 and nothing changes."""
    claim = desk.open  # assigned to nobody
    if persona != A:
        client.force_login({R: reviewer, OR: other_reviewer}[persona])
    events = claim.events.count()
    response = client.post(
        reverse("claim_verdict", args=[claim.pk]),
        {"version": claim.version, "verdict": "unverifiable", "rationale": "Trying anyway."},
    )
    assert response.status_code == (302 if persona == A else 403)
    claim.refresh_from_db()
    assert (claim.status, claim.verdict, claim.version) == ("open", "", 1)
    assert claim.events.count() == events


def test_only_the_login_page_is_visible_to_anonymous(client, desk):
    assert client.get(reverse("login")).status_code == 200
    response = client.get(reverse("article_detail", args=[desk.article.pk]))
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next=/articles/{desk.article.pk}/"
