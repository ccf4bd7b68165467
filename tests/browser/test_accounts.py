"""Account journeys: a member revokes their own API token; an editor deactivates a member."""

from __future__ import annotations

import urllib.error
import urllib.request

from playwright.sync_api import expect
from rest_framework.authtoken.models import Token

from tests.browser.a11y import assert_accessible
from tests.browser.helpers import login, shoot


def api_status(app: str, token: str) -> int:
    request = urllib.request.Request(f"{app}/api/claims/", headers={"Authorization": f"Token {token}"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_member_revokes_their_api_token_on_the_profile_page(app, page, reviewer):
    token = Token.objects.create(user=reviewer).key
    assert api_status(app, token) == 200
    login(page, app, reviewer.username)
    page.get_by_test_id("profile-link").click()
    expect(page.get_by_role("heading", name="Profile")).to_be_visible()
    rows = page.get_by_test_id("token-row")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(token[-4:])
    expect(page.get_by_test_id("tokens")).not_to_contain_text(token)  # never the whole key
    assert_accessible(page, "profile page")
    shoot(page, "profile")

    page.get_by_test_id("revoke-my-tokens").click()
    expect(page.get_by_role("status")).to_contain_text("API token revoked")
    expect(page.get_by_test_id("no-tokens")).to_be_visible()
    assert api_status(app, token) == 401
    assert not Token.objects.filter(user=reviewer).exists()


def test_editor_deactivates_a_member_whose_session_and_token_stop_at_once(app, new_context, editor, reviewer):
    token = Token.objects.create(user=reviewer).key
    member = new_context().new_page()
    login(member, app, reviewer.username)
    expect(member.get_by_role("heading", name="Dashboard")).to_be_visible()

    desk = new_context().new_page()
    login(desk, app, editor.username)
    desk.get_by_role("link", name="Members").click()
    row = desk.locator("tr[data-username='rita']")
    expect(row.get_by_test_id("member-status")).to_have_text("Active")
    expect(row.get_by_test_id("member-token")).to_have_text("Yes")
    # The editor's own row offers no way to lock themselves out.
    expect(desk.locator("tr[data-username='edna']").get_by_test_id("deactivate")).to_have_count(0)
    assert_accessible(desk, "members page")
    shoot(desk, "members")

    row.get_by_role("button", name="Deactivate Rita Reviewer").click()
    expect(desk.get_by_role("status")).to_contain_text("Rita Reviewer is deactivated")
    row = desk.locator("tr[data-username='rita']")
    expect(row.get_by_test_id("member-status")).to_have_text("Deactivated")
    expect(row.get_by_test_id("member-token")).to_have_text("None")
    expect(row.get_by_test_id("deactivate")).to_have_count(0)

    assert api_status(app, token) == 401
    # The member's open browser is logged out at their next click.
    member.reload()
    expect(member).to_have_url(f"{app}/accounts/login/?next=/")
    reviewer.refresh_from_db()
    assert not reviewer.is_active
