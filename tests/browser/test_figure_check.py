"""The figure check reads the sentence around the figure (issue 15): on the claim page, a source
that denies the claim's figure is shown as "Figure disputed" with its passage, never as a match."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser import scenario
from tests.browser.helpers import login

DENIAL_PATH = "/utility/denial.html"
DENIAL_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Utility statement on the plant</title></head>
<body><article><h1>Statement</h1>
<p>The utility denied that the plant would supply 2,400 households by 2027, saying the engineering study
had never been finished.</p>
<p>Questions can be sent to the press office.</p>
</article></body></html>
"""


def test_reviewer_sees_a_denied_figure_as_disputed_with_its_passage(app, page, editor, reviewer, source_site):
    _article, claims = scenario.assigned_claims(editor, reviewer)
    households = claims[0]
    url = source_site.add_html(DENIAL_PATH, DENIAL_HTML)

    login(page, app, reviewer.username)
    page.goto(f"{app}/claims/{households.pk}/")
    page.get_by_test_id("source-url").fill(url)
    page.get_by_test_id("attach-source").click()
    source = page.get_by_test_id("source")
    expect(source).to_have_count(1)
    expect(source.get_by_test_id("lookup-figure_check")).to_have_attribute("data-status", "done", timeout=30_000)

    figure = source.get_by_test_id("figure-check")
    expect(figure).to_have_attribute("data-outcome", "disputed")
    expect(figure).to_contain_text("Figure disputed")
    expect(figure).not_to_contain_text("Figure matches")
    expect(figure).to_contain_text("disputes or denies it")
    passage = figure.get_by_test_id("figure-passage")
    expect(passage).to_have_attribute("data-label", "contradicts")
    expect(passage).to_contain_text("The utility denied that the plant would supply 2,400 households by 2027")
