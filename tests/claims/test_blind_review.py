"""Blind double review reads the same through every face: claim page, article history, API events, reviews.

One rule (claims.selectors.review_is_blind) decides; this walks every role through
each stage of a double review and checks that the page and the API agree on whether
the first reviewer's rationale can be read.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from factcheck.accounts.models import Role
from factcheck.claims.selectors import visible_reviews
from factcheck.claims.services import verdict_record
from tests.api.conftest import token_client
from tests.support.factories import UserFactory

pytestmark = pytest.mark.django_db

RITA_SAYS = "The seismic log matches the registry entry"


def _roles(editor, reviewer, other_reviewer, outsider) -> dict:
    return {
        "editor": editor,
        "admin": UserFactory(username="ada", role=Role.ADMIN),
        "first reviewer": reviewer,
        "second reviewer": other_reviewer,
        "uninvolved reviewer": UserFactory(username="uma", role=Role.REVIEWER),
        "outsider": outsider,
    }


def _faces(user, claim) -> dict[str, bool | None]:
    """Whether each face lets ``user`` read Rita's rationale (None: the face refuses the user)."""
    page = Client()
    page.force_login(user)
    out: dict[str, bool | None] = {}
    for name, url in (("claim page", reverse("claim_detail", args=[claim.pk])),
                      ("article history", reverse("article_history", args=[claim.article_id]))):
        response = page.get(url)
        out[name] = None if response.status_code in (302, 403) else RITA_SAYS in response.content.decode()
    response = token_client(user).get(f"/api/claims/{claim.pk}/events/")
    out["api events"] = None if response.status_code in (401, 403) else RITA_SAYS in response.content.decode()
    return out


STAGES = ["first verdict in", "reviewers disagree", "reviewers agree"]


@pytest.mark.parametrize("stage", STAGES)
def test_every_role_sees_the_same_through_page_and_api(stage, editor, reviewer, other_reviewer, outsider, double_claim):
    verdict_record(actor=reviewer, claim_id=double_claim.pk, verdict="verified", rationale=RITA_SAYS)
    if stage != "first verdict in":
        verdict = "disputed" if stage == "reviewers disagree" else "verified"
        verdict_record(actor=other_reviewer, claim_id=double_claim.pk, verdict=verdict, rationale="Checked again.")
    double_claim.refresh_from_db()
    blind = stage == "first verdict in"
    for role, user in _roles(editor, reviewer, other_reviewer, outsider).items():
        faces = _faces(user, double_claim)
        if role == "outsider":
            assert set(faces.values()) == {None}, faces
            continue
        expected = not (blind and role in ("second reviewer", "uninvolved reviewer"))
        assert faces == dict.fromkeys(faces, expected), (role, stage, faces)
        reviews = [r.rationale for r in visible_reviews(double_claim, user)]
        assert (RITA_SAYS in reviews) is expected, (role, stage)


def test_the_other_reviewers_answer_shows_as_hidden_not_missing(reviewer, other_reviewer, double_claim):
    verdict_record(actor=reviewer, claim_id=double_claim.pk, verdict="verified", rationale=RITA_SAYS)
    page = Client()
    page.force_login(other_reviewer)
    html = page.get(reverse("claim_detail", args=[double_claim.pk])).content.decode()
    assert "verdict hidden until both reviews are in" in html
    events = token_client(other_reviewer).get(f"/api/claims/{double_claim.pk}/events/").json()
    reviewed = [e for e in events if e["kind"] == "reviewed"]
    assert [(e["actor"], e["verdict"], e["note"]) for e in reviewed] == [("rita", None, "")]


def test_a_single_review_is_never_blind(editor, reviewer, other_reviewer, in_review_claim):
    from tests.claims.conftest import attach_source

    attach_source(in_review_claim)
    verdict_record(actor=reviewer, claim_id=in_review_claim.pk, verdict="verified", rationale=RITA_SAYS)
    in_review_claim.refresh_from_db()
    faces = _faces(other_reviewer, in_review_claim)
    assert faces == dict.fromkeys(faces, True)
