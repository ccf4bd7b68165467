"""Making a claim by selecting text (tryout item 13), in Chromium.

What a person saw: a selection across two paragraphs was accepted without a word (a claim ending
"…Emergency crews worked"), and a selection that began or ended inside a word was kept as it
was. Now a selection takes whole words, and one across a paragraph break is warned about at once
and refused on Create, with the passage kept in the box.
"""

from __future__ import annotations

from django.urls import reverse
from playwright.sync_api import expect

from factcheck.articles.services import article_create
from factcheck.claims.models import Claim
from tests.browser import scenario
from tests.browser.helpers import login, select_with_mouse


def _workspace(page, app, editor):
    article = article_create(actor=editor, title=scenario.TITLE, text=scenario.TEXT)
    login(page, app, editor.username)
    page.goto(f"{app}{reverse('article_detail', args=[article.pk])}")
    return article


def test_a_selection_inside_words_takes_the_whole_words(app, page, editor):
    article = _workspace(page, app, editor)
    select_with_mouse(page, "#article-text", "ouncil leader Mara Voss said the plant would supply nearly 2,4")
    whole = "Council leader Mara Voss said the plant would supply nearly 2,400"
    expect(page.locator("#id_quote")).to_have_value(whole)
    expect(page.locator("#selection-info")).to_contain_text("Widened to whole words")
    expect(page.get_by_test_id("selection-warning")).to_be_hidden()
    page.get_by_test_id("create-claim").click()
    start = scenario.TEXT.index(whole)
    made = page.locator(f".claim-item[data-start='{start}'][data-end='{start + len(whole)}']")
    expect(made).to_have_attribute("data-status", "open")
    assert Claim.objects.get(article=article).quote == whole


def test_a_selection_across_a_paragraph_break_is_warned_about_and_refused(app, page, editor, guard):
    article = _workspace(page, app, editor)
    passage = "will cost 84 million euros.\n\nCouncil leader"
    select_with_mouse(page, "#article-text", passage)
    expect(page.locator("#id_quote")).to_have_value(passage)
    warning = page.get_by_test_id("selection-warning")
    expect(warning).to_be_visible()
    expect(warning).to_contain_text("runs across a paragraph break")

    guard.expect_status(400, rf"/articles/{article.pk}/claims/$")
    page.get_by_test_id("create-claim").click()
    expect(page.locator("#create-claim-form")).to_contain_text(
        "runs across a paragraph break (after “will cost 84 million euros.”)")
    # Nothing lost: the passage is still in the box, to shorten; nothing was created.
    expect(page.locator("#id_quote")).to_have_value(passage)
    assert not Claim.objects.filter(article=article).exists()

    # Within one paragraph it goes through.
    select_with_mouse(page, "#article-text", "will cost 84 million euros")
    expect(warning).to_be_hidden()
    page.get_by_test_id("create-claim").click()
    expect(page.locator(".claim-item[data-status='open']")).to_have_count(1)
    assert Claim.objects.get(article=article).quote == "will cost 84 million euros"


def test_a_selected_fragment_is_listed_in_a_wording_that_names_its_subject(app, page, editor):
    # The quote stays the selected words (the highlight); the claim reads as a sentence a reviewer
    # and the report can use, with the sentence's source attributed.
    article = _workspace(page, app, editor)
    select_with_mouse(page, "#article-text", "stands at 11.2 percent")
    page.get_by_test_id("create-claim").click()
    start = scenario.TEXT.index("stands at 11.2 percent")
    made = page.locator(f".claim-item[data-start='{start}']")
    expect(made).to_have_attribute("data-status", "open")
    expect(made.locator(".claim-text")).to_have_text("Unemployment in Port Ellery stands at 11.2 percent.")
    claim = Claim.objects.get(article=article)
    assert (claim.quote, claim.attributed_to) == ("stands at 11.2 percent", "the statistics office")


def test_selecting_a_suggested_passage_accepts_it_and_selecting_a_claim_names_it(app, page, editor):
    # Tryout: selecting the words of a suggestion made a second claim beside it, checked and counted twice.
    from factcheck.claims.services import claims_suggest

    article = article_create(actor=editor, title=scenario.TITLE, text=scenario.TEXT)
    suggestion = next(c for c in claims_suggest(actor=editor, article_id=article.pk) if len(c.quote.split()) > 2)
    login(page, app, editor.username)
    page.goto(f"{app}{reverse('article_detail', args=[article.pk])}")
    before = Claim.objects.filter(article=article).count()

    select_with_mouse(page, "#article-text", suggestion.quote)
    expect(page.locator("#id_quote")).to_have_value(suggestion.quote)
    page.get_by_test_id("create-claim").click()
    expect(page.get_by_text("That passage was already suggested: the suggestion is accepted")).to_be_visible()
    item = page.locator(f".claim-item[data-start='{suggestion.start}'][data-end='{suggestion.end}']")
    expect(item).to_have_count(1)
    expect(item).to_have_attribute("data-status", "open")
    assert Claim.objects.filter(article=article).count() == before

    select_with_mouse(page, "#article-text", suggestion.quote)
    page.get_by_test_id("create-claim").click()
    expect(page.get_by_text("This passage is already a claim:")).to_be_visible()
    expect(item).to_have_count(1)
    assert Claim.objects.filter(article=article).count() == before


def test_a_selected_relative_clause_is_listed_with_the_noun_it_describes(app, page, editor):
    text = ("The county will move its family court into the old Harwick courthouse, which shut in 2018 and has "
            "stood empty for six years, the board said on Monday.\n")
    article = article_create(actor=editor, title="Court move", text=text)
    login(page, app, editor.username)
    page.goto(f"{app}{reverse('article_detail', args=[article.pk])}")
    select_with_mouse(page, "#article-text", "which shut in 2018 and has stood empty for six years")
    page.get_by_test_id("create-claim").click()
    made = page.locator(f".claim-item[data-start='{text.index('which shut')}']")
    expect(made.locator(".claim-text")).to_have_text(
        "The old Harwick courthouse shut in 2018 and has stood empty for six years.")


def test_a_selection_ending_before_a_possessive_keeps_its_own_words(app, page, editor):
    # A tryout selected "the costliest natural disaster in the region" and got a claim ending "region's".
    text = ("Insurers said the Marlow floods were the costliest natural disaster in the region's history, "
            "with claims of 310 million euros.\n")
    article = article_create(actor=editor, title="Marlow floods", text=text)
    login(page, app, editor.username)
    page.goto(f"{app}{reverse('article_detail', args=[article.pk])}")
    select_with_mouse(page, "#article-text", "the costliest natural disaster in the region")
    expect(page.locator("#id_quote")).to_have_value("the costliest natural disaster in the region")
    # Inside a word the selection takes the whole word, up to its possessive. (A drag that starts
    # inside a selection would move the selected text instead: start afresh.)
    page.evaluate("() => getSelection().removeAllRanges()")
    select_with_mouse(page, "#article-text", "ostliest natural disaster in the regio")
    expect(page.locator("#id_quote")).to_have_value("costliest natural disaster in the region")
    expect(page.locator("#selection-info")).to_contain_text("Widened to whole words")
