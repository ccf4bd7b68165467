"""Table of who may do what (accounts.permissions), for every persona."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from factcheck.accounts import permissions as perm
from factcheck.accounts.models import Role
from factcheck.claims.models import ClaimStatus
from factcheck.core.errors import NotAllowed
from tests.support.factories import ArticleFactory, UserFactory, make_claim

PERSONAS = ["editor", "admin", "assigned", "second", "other", "inactive_editor", "inactive_reviewer", "anonymous"]

# rule -> personas allowed; rules taking a claim are asked about one assigned to "assigned", second review by "second".
TABLE = {
    "is_member": {"editor", "admin", "assigned", "second", "other"},
    "is_editor": {"editor", "admin"},
    "can_read_article": {"editor", "admin", "assigned", "second", "other"},
    "can_edit_article": {"editor", "admin"},
    "can_assign_claim": {"editor", "admin"},
    "is_assigned_reviewer": {"assigned", "second"},
    "can_review_claim": {"editor", "admin", "assigned", "second"},
    "can_comment": {"editor", "admin", "assigned", "second"},
    "can_settle_claim": {"editor", "admin"},
    # Rules about another member, asked about "other" (a reviewer): their own tokens, or an editor's say.
    "can_revoke_tokens": {"editor", "admin", "other"},
    "can_deactivate_member": {"editor", "admin"},
}
CLAIM_RULES = {"is_assigned_reviewer", "can_review_claim", "can_comment", "can_settle_claim"}
MEMBER_RULES = {"can_revoke_tokens", "can_deactivate_member"}



@pytest.fixture
def people(db):
    return {
        "editor": UserFactory(username="ed", role=Role.EDITOR),
        "admin": UserFactory(username="ad", role=Role.ADMIN),
        "assigned": UserFactory(username="as", role=Role.REVIEWER),
        "second": UserFactory(username="se", role=Role.REVIEWER),
        "other": UserFactory(username="ot", role=Role.REVIEWER),
        "inactive_editor": UserFactory(username="ie", role=Role.EDITOR, is_active=False),
        "inactive_reviewer": UserFactory(username="ir", role=Role.REVIEWER, is_active=False),
        "anonymous": AnonymousUser(),
    }


@pytest.fixture
def claim(people):
    article = ArticleFactory(created_by=people["editor"])
    return make_claim(article, "14 survivors", status=ClaimStatus.IN_REVIEW, assignee=people["assigned"],
                      second_reviewer=people["second"])


@pytest.mark.django_db
@pytest.mark.parametrize("rule", sorted(TABLE))
@pytest.mark.parametrize("persona", PERSONAS)
def test_permission_table(people, claim, rule, persona):
    check = getattr(perm, rule)
    user = people[persona]
    if rule in CLAIM_RULES:
        allowed = check(user, claim)
    elif rule in MEMBER_RULES:
        allowed = check(user, people["other"])
    else:
        allowed = check(user)
    assert allowed is (persona in TABLE[rule]), f"{rule} for {persona}"


@pytest.mark.django_db
def test_deactivated_assignee_loses_the_claim(people, claim):
    reviewer = people["assigned"]
    reviewer.is_active = False
    reviewer.save()
    assert not perm.can_review_claim(reviewer, claim)


@pytest.mark.django_db
def test_only_an_admin_may_deactivate_an_admin_and_nobody_themselves(people):
    assert not perm.can_deactivate_member(people["editor"], people["admin"])
    assert perm.can_deactivate_member(people["admin"], people["editor"])
    assert not perm.can_deactivate_member(people["editor"], people["editor"])


@pytest.mark.django_db
def test_superuser_without_role_is_editor(db):
    boss = UserFactory(username="root", role=Role.REVIEWER, is_superuser=True)
    assert perm.is_editor(boss) and perm.can_edit_article(boss)


def test_none_is_never_allowed():
    assert not perm.is_member(None) and not perm.is_editor(None)


def test_require_raises_not_allowed_with_message():
    perm.require(True)
    with pytest.raises(NotAllowed, match="Only editors") as exc:
        perm.require(False, "Only editors can do that.")
    assert exc.value.status == 403 and exc.value.as_dict() == {
        "error": {"code": "forbidden", "message": "Only editors can do that."}
    }


def test_every_rule_is_in_the_table():
    public = {name for name in dir(perm) if name.startswith(("can_", "is_")) and callable(getattr(perm, name))}
    assert public == set(TABLE)
