"""The workspace sends each claim's edit form only when its "Edit" is opened, not once per claim."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from factcheck.claims.models import Claim, ClaimStatus

pytestmark = pytest.mark.django_db


def test_workspace_leaves_the_edit_forms_out_and_serves_them_on_demand(client, editor, desk):
    client.force_login(editor)
    page = client.get(f"/articles/{desk.article.pk}/").content.decode()
    assert 'data-testid="claim-wording"' not in page
    assert f'data-edit-forms="/claims/{desk.open.pk}/edit-forms/"' in page
    # Without JavaScript the slot links to the claim page, which has the full form.
    assert f'<a class="edit-slot" href="/claims/{desk.open.pk}/#edit">Edit on the claim' in page

    forms = client.get(f"/claims/{desk.open.pk}/edit-forms/")
    assert forms.status_code == 200
    html = forms.content.decode()
    assert f'action="/claims/{desk.open.pk}/edit/"' in html and desk.open.text in html
    assert f'name="version" value="{desk.open.version}"' in html
    assert 'data-testid="split"' in html  # an open claim can be split


def test_only_editors_get_the_edit_forms(client, reviewer, desk):
    client.force_login(reviewer)
    assert client.get(f"/claims/{desk.open.pk}/edit-forms/").status_code == 403


def test_accept_and_reject_submit_the_one_shared_form_to_their_own_address(editor, desk):
    """No form per claim: each button names its action and version; the shared form carries the token."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    page = client.get(f"/articles/{desk.article.pk}/").content.decode()
    shared = re.search(r'<form id="claim-act" [^>]*>(.*?)</form>', page, re.S).group(1)
    assert page.count('<form id="claim-act"') == 1 and 'name="return_to" value="workspace"' in shared
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', shared).group(1)
    button = re.search(rf'<button type="submit" form="claim-act" formaction="([^"]+)" name="version" value="(\d+)"'
                       rf'[^>]*data-testid="accept" aria-describedby="claim-text-{desk.suggested.pk}"', page)
    assert button.group(1) == f"/claims/{desk.suggested.pk}/accept/"
    # What the browser sends when that button is pressed: the shared form's fields and the button's own.
    done = client.post(button.group(1), {"csrfmiddlewaretoken": token, "return_to": "workspace",
                                         "version": button.group(2)})
    assert done.status_code == 302 and done["Location"] == f"/articles/{desk.article.pk}/#claim-{desk.suggested.pk}"
    desk.suggested.refresh_from_db()
    assert desk.suggested.status == ClaimStatus.OPEN
    assert f'formaction="/claims/{desk.suggested.pk}/accept/"' not in client.get(done["Location"]).content.decode()


def test_a_claims_own_words_are_escaped_in_its_entry(client, editor, desk):
    Claim.objects.filter(pk=desk.open.pk).update(text='<img src=x onerror="alert(1)"> & co', attributed_to="")
    client.force_login(editor)
    page = client.get(f"/articles/{desk.article.pk}/").content.decode()
    entry = page[page.index(f'<li id="claim-{desk.open.pk}"'):]
    entry = entry[:entry.index("</li>")]
    assert "<img" not in entry and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; co" in entry


def test_reviewers_get_the_entries_without_editing_controls(client, reviewer, desk):
    client.force_login(reviewer)
    page = client.get(f"/articles/{desk.article.pk}/").content.decode()
    assert f'id="claim-{desk.open.pk}"' in page and desk.open.text in page
    for control in ('id="claim-act"', 'data-testid="accept"', 'data-testid="edit-claim"', 'name="claim_ids"'):
        assert control not in page
