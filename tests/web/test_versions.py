"""Every state change posted from a page carries the version the page showed; a form without one changes nothing."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests.web.conftest import snapshot

# (url name, claim in the desk, form fields without the version)
ACTIONS = [
    ("claim_accept", "suggested", {}),
    ("claim_reject", "open", {}),
    ("claim_assign", "open", {"reviewer": "{oscar}", "priority": "2"}),
    ("claim_start", "assigned", {}),
    ("claim_reopen", "resolved", {"reason": "New figures."}),
    ("claim_second_review", "assigned", {"reviewer": "{oscar}"}),
    ("claim_split", "open", {"before": "300"}),
    ("claim_reanchor", "open", {"start": "0", "end": "5"}),
]


@pytest.mark.parametrize(("name", "state", "fields"), ACTIONS, ids=[a[0] for a in ACTIONS])
def test_form_without_a_version_is_refused_with_400_and_changes_nothing(client, desk, editor, other_reviewer, name,
                                                                         state, fields):
    client.force_login(editor)
    data = {k: (str(other_reviewer.pk) if v == "{oscar}" else v) for k, v in fields.items()}
    before = snapshot()
    response = client.post(reverse(name, args=[getattr(desk, state).pk]), data)
    assert response.status_code == 400
    assert before == snapshot()


def test_every_state_change_form_on_the_claim_page_carries_the_version(client, desk, editor):
    client.force_login(editor)
    claim = desk.assigned
    page = client.get(reverse("claim_detail", args=[claim.pk])).content.decode()
    for name in ("claim_start", "claim_verdict", "claim_assign", "claim_second_review"):
        action = re.escape(reverse(name, args=[claim.pk]))
        form = re.search(rf'<form[^>]*action="{action}"[^>]*>(.*?)</form>', page, re.S)
        assert form, name
        assert re.search(rf'type="hidden" name="version" value="{claim.version}"', form.group(1)), name
