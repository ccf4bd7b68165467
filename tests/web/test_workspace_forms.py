"""The workspace sends each claim's edit form only when its "Edit" is opened, not once per claim."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_workspace_leaves_the_edit_forms_out_and_serves_them_on_demand(client, editor, desk):
    client.force_login(editor)
    page = client.get(f"/articles/{desk.article.pk}/").content.decode()
    assert 'data-testid="claim-wording"' not in page
    assert f'hx-get="/claims/{desk.open.pk}/edit-forms/"' in page
    # Without JavaScript the slot links to the claim page, which has the full form.
    assert f'<a href="/claims/{desk.open.pk}/">Edit on the claim' in page

    forms = client.get(f"/claims/{desk.open.pk}/edit-forms/")
    assert forms.status_code == 200
    html = forms.content.decode()
    assert f'action="/claims/{desk.open.pk}/edit/"' in html and desk.open.text in html
    assert f'name="version" value="{desk.open.version}"' in html
    assert 'data-testid="split"' in html  # an open claim can be split


def test_only_editors_get_the_edit_forms(client, reviewer, desk):
    client.force_login(reviewer)
    assert client.get(f"/claims/{desk.open.pk}/edit-forms/").status_code == 403
