"""axe-core on the main pages: no serious or critical accessibility violations."""

from __future__ import annotations

from django.urls import reverse

from tests.browser.a11y import assert_accessible
from tests.browser.helpers import login, shoot
from tests.browser.scenario import assigned_claims


def test_login_page_is_accessible(app, page):
    page.goto(f"{app}{reverse('login')}")
    shoot(page, "login")
    assert_accessible(page, "login page")
    # A failed attempt shows an error; that state must be accessible too.
    page.get_by_label("Username").fill("nobody")
    page.get_by_label("Password").fill("wrong password")
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("alert").wait_for()
    assert_accessible(page, "login page with an error")


def test_editor_pages_are_accessible(app, page, editor, reviewer):
    article, claims = assigned_claims(editor, reviewer)
    login(page, app, editor.username)
    for what, url in [
        ("dashboard", reverse("dashboard")),
        ("article list", reverse("article_list")),
        ("article workspace", reverse("article_detail", args=[article.pk])),
        ("claim page", reverse("claim_detail", args=[claims[0].pk])),
        ("workload page", reverse("workload")),
        ("all claims", reverse("claim_list")),
        ("article details", reverse("article_details", args=[article.pk])),
        ("new article", reverse("article_new")),
        ("profile", reverse("profile")),
    ]:
        response = page.goto(f"{app}{url}")
        assert response.status == 200, f"{what}: HTTP {response.status}"
        page.wait_for_load_state("networkidle")
        assert_accessible(page, what)


def test_reviewer_pages_are_accessible(app, page, editor, reviewer):
    _article, claims = assigned_claims(editor, reviewer)
    login(page, app, reviewer.username)
    for what, url in [
        ("reviewer dashboard", reverse("dashboard")),
        ("claim page (reviewer)", reverse("claim_detail", args=[claims[0].pk])),
    ]:
        response = page.goto(f"{app}{url}")
        assert response.status == 200, f"{what}: HTTP {response.status}"
        page.wait_for_load_state("networkidle")
        assert_accessible(page, what)
