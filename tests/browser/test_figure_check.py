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


def _attach_and_check(page, app, reviewer, claim, url: str):
    """As the reviewer, attach the page at ``url`` to the claim and wait for its figure check."""
    login(page, app, reviewer.username)
    page.goto(f"{app}/claims/{claim.pk}/")
    page.get_by_test_id("source-url").fill(url)
    page.get_by_test_id("attach-source").click()
    source = page.get_by_test_id("source")
    expect(source).to_have_count(1)
    expect(source.get_by_test_id("lookup-figure_check")).to_have_attribute("data-status", "done", timeout=30_000)
    return source


def test_reviewer_sees_a_denied_figure_as_disputed_with_its_passage(app, page, editor, reviewer, source_site):
    _article, claims = scenario.assigned_claims(editor, reviewer)
    households = claims[0]
    url = source_site.add_html(DENIAL_PATH, DENIAL_HTML)

    source = _attach_and_check(page, app, reviewer, households, url)

    figure = source.get_by_test_id("figure-check")
    expect(figure).to_have_attribute("data-outcome", "disputed")
    expect(figure).to_contain_text("Figure disputed")
    expect(figure).not_to_contain_text("Figure matches")
    expect(figure).to_contain_text("disputes or denies it")
    passage = figure.get_by_test_id("figure-passage")
    expect(passage).to_have_attribute("data-label", "contradicts")
    expect(passage).to_contain_text("The utility denied that the plant would supply 2,400 households by 2027")


PARTLY_PATH = "/council/plant-budget.html"
PARTLY_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Council minutes: the plant's budget</title></head>
<body><article><h1>Minutes</h1>
<p>Members approved a budget of 84 million euros for the desalination plant.</p>
<p>The minutes record no estimate of how many homes it would serve.</p>
</article></body></html>
"""


def test_a_source_stating_one_of_two_figures_is_not_shown_as_a_plain_match(app, page, editor, reviewer, source_site):
    # Tryout: one figure found and another not was headed "Figure matches", in green.
    from factcheck.claims.services import claim_assign, claim_create

    article, _claims = scenario.article_with_claims(editor, quotes=())
    claim = claim_create(actor=editor, article_id=article.pk, quote="project will cost 84 million euros",
                         text="The plant will cost 84 million euros and supply nearly 2,400 households.",
                         quantities=[{"value": 84_000_000, "qualifier": "exact", "unit": "EUR", "text": "84 million euros"},
                                     {"value": 2400, "qualifier": "nearly", "unit": "households",
                                      "text": "nearly 2,400 households"}])
    claim_assign(actor=editor, claim_id=claim.pk, reviewer=reviewer)
    url = source_site.add_html(PARTLY_PATH, PARTLY_HTML)

    source = _attach_and_check(page, app, reviewer, claim, url)
    figure = source.get_by_test_id("figure-check")
    expect(figure).to_contain_text("Some figures match, not all")
    expect(figure).not_to_contain_text("Figure matches")
    expect(figure).to_contain_text("it does not state nearly 2,400 households")
    # The claim's history says so too, not "the source states the figure".
    page.reload()
    expect(page.get_by_text("Figure check done: the source states some of the figures, not all")).to_be_visible()
