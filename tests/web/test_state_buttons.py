"""The buttons a page offers are the actions the services accept: both read one action→states table."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from factcheck.claims import services
from factcheck.claims.models import ClaimStatus
from factcheck.core.errors import InvalidInput, WrongState
from tests.claims.conftest import attach_source
from tests.support.factories import make_claim

pytestmark = pytest.mark.django_db


class _Undo(Exception):
    pass


def _accepted(call) -> bool:
    """Whether the service takes the action in this state (the change is rolled back either way)."""
    try:
        with transaction.atomic():
            call()
            raise _Undo
    except _Undo:
        return True
    except (WrongState, InvalidInput):  # InvalidInput: a claim in review is rejected only with a reason
        return False


CLAIM_PAGE = {  # action → the button that offers it on the claim page, and the service call
    "assign": ('data-testid="assign"', lambda e, r, c: services.claim_assign(actor=e, claim_id=c.pk, reviewer=r)),
    "start": ('data-testid="start-review"', lambda e, r, c: services.claim_start(actor=e, claim_id=c.pk)),
    "record_verdict": ('data-testid="record-verdict"', lambda e, r, c: services.verdict_record(
        actor=e, claim_id=c.pk, verdict="unverifiable", rationale="No record either way.")),
    "request_second_review": ('data-testid="request-second-review"',
                              lambda e, r, c: services.claim_request_second_review(actor=e, claim_id=c.pk, reviewer=r)),
    "reopen": ('data-testid="reopen"', lambda e, r, c: services.claim_reopen(actor=e, claim_id=c.pk, reason="Recheck.")),
}
WORKSPACE = {
    "accept": ('data-testid="accept"', lambda e, c: services.claim_accept(actor=e, claim_id=c.pk)),
    "reject": ('data-testid="reject"', lambda e, c: services.claim_reject(actor=e, claim_id=c.pk)),
    "edit": ('data-testid="edit-claim"', lambda e, c: services.claim_edit(actor=e, claim_id=c.pk, text="Reworded.")),
    "split": ('data-testid="split"', lambda e, c: services.claim_split(actor=e, claim_id=c.pk, at=c.start + 3)),
}
STATUSES = [ClaimStatus.SUGGESTED, ClaimStatus.OPEN, ClaimStatus.ASSIGNED, ClaimStatus.IN_REVIEW, ClaimStatus.RESOLVED]


@pytest.mark.parametrize("status", STATUSES)
def test_claim_page_offers_exactly_what_the_services_accept(status, editor, reviewer, other_reviewer, article):
    claim = make_claim(article, "14 survivors", status=status,
                       assignee=reviewer if status not in ClaimStatus.TRIAGE else None)
    attach_source(claim)
    page = Client()
    page.force_login(editor)
    html = page.get(reverse("claim_detail", args=[claim.pk])).content.decode()
    for action, (button, call) in CLAIM_PAGE.items():
        offered = button in html
        assert offered == claim.allows(action), (status, action)
        assert _accepted(lambda call=call: call(editor, other_reviewer, claim)) == offered, (status, action)


@pytest.mark.parametrize("status", [ClaimStatus.SUGGESTED, ClaimStatus.OPEN, ClaimStatus.ASSIGNED])
def test_workspace_offers_exactly_what_the_services_accept(status, editor, reviewer, article):
    claim = make_claim(article, "14 survivors", status=status, assignee=reviewer if status == "assigned" else None)
    page = Client()
    page.force_login(editor)
    html = page.get(reverse("article_detail", args=[article.pk])).content.decode()
    item = html[html.index(f'id="claim-{claim.pk}"'):]
    item = item[: item.index("</li>")]  # the claim's own entry in the side panel
    if 'data-testid="edit-claim"' in item:
        # Opening "Edit" fetches the claim's edit and split forms: what the entry then offers.
        item += page.get(reverse("claim_edit_forms", args=[claim.pk])).content.decode()
    for action, (button, call) in WORKSPACE.items():
        offered = button in item
        assert offered == claim.allows(action), (status, action)
        assert _accepted(lambda call=call: call(editor, claim)) == offered, (status, action)
