"""Interface languages: a member switches to Arabic in the profile; the login page follows the browser (Hebrew)."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.a11y import assert_accessible
from tests.browser.conftest import TIMEOUT_MS, VIEWPORT
from tests.browser.helpers import PASSWORD, login, shoot


def test_member_switches_to_arabic_in_the_profile_and_every_page_turns_right_to_left(app, page, new_context, editor):
    login(page, app, editor.username)
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    page.get_by_test_id("profile-link").click()
    page.get_by_label("Interface language").select_option("ar")
    page.get_by_test_id("save-language").click()

    # The confirmation and the page after it are already Arabic, right to left.
    expect(page.get_by_role("status")).to_contain_text("حُفظت اللغة.")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.get_by_role("heading", name="الملف الشخصي", exact=True)).to_be_visible()
    page.get_by_role("link", name="لوحة المتابعة").click()
    expect(page.get_by_role("heading", name="لوحة المتابعة", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name="قائمتي")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert_accessible(page, "Arabic dashboard")
    shoot(page, "dashboard-ar")
    editor.refresh_from_db()
    assert editor.language == "ar"

    # The choice belongs to the member, not the browser: another browser (English) is Arabic after login.
    other = new_context().new_page()
    login(other, app, editor.username)
    expect(other.locator("html")).to_have_attribute("lang", "ar")
    expect(other.get_by_role("heading", name="لوحة المتابعة", exact=True)).to_be_visible()

    # And back: "Same as my browser" follows the English browser again.
    page.get_by_role("link", name="الملف الشخصي").click()
    page.get_by_label("لغة الواجهة").select_option("")
    page.get_by_test_id("save-language").click()
    expect(page.get_by_role("status")).to_contain_text("Language saved.")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")


def test_login_page_follows_the_browsers_hebrew(app, chromium, guard, new_context, reviewer):
    # new_context is what fails the test at teardown on anything the guard saw; this context is made
    # here, with the Hebrew browser's locale and Accept-Language, and watched by the same guard.
    context = chromium.new_context(viewport=VIEWPORT, locale="he-IL", timezone_id="UTC",
                                   extra_http_headers={"Accept-Language": "he-IL,he;q=0.9"})
    context.set_default_timeout(TIMEOUT_MS)
    context.on("page", guard.watch)
    try:
        page = context.new_page()
        page.goto(f"{app}/accounts/login/")
        expect(page.locator("html")).to_have_attribute("lang", "he")
        expect(page.locator("html")).to_have_attribute("dir", "rtl")
        expect(page.get_by_role("heading", level=1)).to_contain_text("התחברות ל־")
        assert_accessible(page, "Hebrew login page")
        shoot(page, "login-he")

        # A wrong password is refused in Hebrew, and nothing typed is lost.
        page.get_by_label("שם משתמש").fill(reviewer.username)
        page.get_by_label("סיסמה").fill("not the password")
        page.get_by_role("button", name="התחברות").click()
        expect(page.get_by_role("alert")).to_have_text("שם המשתמש והסיסמה אינם תואמים. נסה שוב.")
        expect(page.get_by_label("שם משתמש")).to_have_value(reviewer.username)

        # A member who chose no language keeps the browser's after logging in.
        page.get_by_label("סיסמה").fill(PASSWORD)
        page.get_by_role("button", name="התחברות").click()
        expect(page.get_by_role("heading", name="לוח בקרה", exact=True)).to_be_visible()
        expect(page.locator("html")).to_have_attribute("dir", "rtl")
    finally:
        context.close()


def test_notices_that_came_in_english_read_in_arabic_after_the_switch(app, page, editor, reviewer):
    # A tryout's member switched to Arabic and found every earlier notice still in English.
    from factcheck.claims.services import claim_assign
    from tests.browser import scenario

    _article, claims = scenario.article_with_claims(editor)
    claim_assign(actor=editor, claim_id=claims[0].pk, reviewer=reviewer)
    login(page, app, reviewer.username)
    page.goto(f"{app}/notifications/")
    expect(page.locator("main")).to_contain_text("assigned you a claim")
    page.get_by_test_id("profile-link").click()
    page.get_by_label("Interface language").select_option("ar")
    page.get_by_test_id("save-language").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    page.goto(f"{app}/notifications/")
    notices = page.locator("main")
    expect(notices).to_contain_text("أسند إليك")
    expect(notices).not_to_contain_text("assigned you a claim")
