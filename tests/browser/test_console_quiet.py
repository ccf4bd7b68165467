"""No console errors when htmx updates a page whose elements carry a style (tryout item 14), in Chromium.

What a person saw: about 21 console errors on each update of the workspace, "Applying inline
style violates the following Content Security Policy directive". A text box resized by hand
(or any element a browser tool styled) has a style attribute; htmx copied it onto the new
content when it settled a swap, and the CSP refuses every such copy. The guard of every browser
test fails on a console error, so this one only has to make an update happen over styled elements.
"""

from __future__ import annotations

from django.urls import reverse
from playwright.sync_api import expect

from factcheck.claims.models import ClaimStatus
from tests.browser import scenario
from tests.browser.helpers import login
from tests.support.factories import ArticleFactory, make_claim


def test_updating_the_workspace_over_a_resized_text_box_logs_no_error(app, page, editor):
    article = ArticleFactory(created_by=editor, title=scenario.TITLE, text=scenario.TEXT)
    make_claim(article, scenario.HOUSEHOLDS, status=ClaimStatus.SUGGESTED, suggested=True)
    make_claim(article, scenario.JOBS, status=ClaimStatus.SUGGESTED, suggested=True)
    login(page, app, editor.username)
    page.goto(f"{app}{reverse('article_detail', args=[article.pk])}")
    # As dragging a text box's corner does: the browser writes its size into its style attribute.
    styled = page.evaluate("""() => {
      document.getElementById('id_quote').style.height = '140px';
      const els = document.querySelectorAll('#workspace [id]');
      els.forEach(el => { el.style.scrollMarginTop = '1px'; });
      return els.length;
    }""")
    assert styled > 10
    page.get_by_test_id("accept").first.click()
    expect(page.locator(".claim-item[data-status='open']")).to_have_count(1)
    page.get_by_test_id("accept").first.click()
    expect(page.locator(".claim-item[data-status='open']")).to_have_count(2)
