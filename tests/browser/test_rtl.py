"""Arabic and Hebrew articles in the browser (issue 17): paste, detected language, right-to-left text in an
English interface and in the Arabic one, a mouse selection that makes the right claim, suggestions,
assignment and a verdict; axe, a 390 px phone and screenshots of the workspace and the public report.

The steps find fields by id and test id, not by their (translated) labels, so the same journey runs in
every interface language."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from factcheck.articles.models import Article
from factcheck.articles.services import article_create
from factcheck.claims.models import Claim, ClaimStatus, Verdict
from factcheck.claims.services import claim_assign, claim_create, verdict_record
from factcheck.publishing.models import Report
from factcheck.publishing.services import article_publish
from tests.browser import scenario
from tests.browser.a11y import assert_accessible
from tests.browser.bidi import direction_of, page_overflow, select_with_mouse, starts_on_the_right
from tests.browser.conftest import TIMEOUT_MS
from tests.browser.helpers import login, login_by_id, shoot
from tests.support.texts import ARABIC_PHRASE, ARABIC_TEXT, HEBREW_PHRASE, HEBREW_TEXT

PHONE = {"width": 390, "height": 844}

ARTICLES = {
    "ar": {"title": "ترميم الجسر الشمالي يستغرق 14 شهرا", "text": ARABIC_TEXT, "phrase": ARABIC_PHRASE,
           "rationale": "لم تنشر البلدية بيانات عدد السيارات، ولم يرد المتحدث على أسئلتنا."},
    # The Hebrew passage has a left-to-right run of digits inside right-to-left text.
    "he": {"title": "שיפוץ הגשר הצפוני יימשך 14 חודשים", "text": HEBREW_TEXT, "phrase": HEBREW_PHRASE,
           "rationale": "העירייה לא פרסמה את נתוני התנועה, והדובר לא השיב לשאלותינו."},
}


def claim_item(page, claim_id: int):
    return page.locator(f"#claim-{claim_id}")


def highlighted(page, claim_id: int, where: str = "#article-text") -> str:
    """The words a claim's highlight covers (overlapping claims split it into several marks)."""
    return "".join(page.locator(f"{where} mark[data-claims~='{claim_id}']").all_text_contents())


def speaks(*members, language: str) -> None:
    """The members' interface language ("" = the browser's, English in these tests)."""
    for member in members:
        member.language = language
        member.save(update_fields=["language"])


def columns_mirror(page, interface_rtl: bool) -> None:
    """The workspace's text column starts on the interface's reading side, the claims beside it."""
    text = page.locator(".article-pane").bounding_box()
    claims = page.locator(".claims-pane").bounding_box()
    assert (text["x"] > claims["x"]) == interface_rtl, "the workspace's columns are on the wrong sides"


def paste_and_select(page, app: str, editor, code: str, interface: str) -> tuple[Article, int]:
    """Paste the article, see its language detected and its text right to left; make a claim with the mouse."""
    spec = ARTICLES[code]
    login(page, app, editor.username)
    page.goto(f"{app}{reverse('article_new')}")
    expect(page.locator("html")).to_have_attribute("lang", re.compile(rf"^{interface}"))
    expect(page.locator("#id_language")).to_have_value("")  # detect from the text
    page.locator("#id_title").fill(spec["title"])
    page.locator("#id_text").fill(spec["text"])
    # The text box follows the pasted text's direction while it is being pasted.
    assert direction_of(page, "#id_text") == "rtl"
    page.get_by_test_id("save-article").click()
    page.wait_for_url(re.compile(r"/articles/\d+/$"))
    article = Article.objects.get(title=spec["title"])
    assert article.language == code

    # The page reads in the interface's direction; the article's text and title right to left.
    interface_rtl = interface in ("ar", "he")
    assert direction_of(page, "body") == ("rtl" if interface_rtl else "ltr")
    columns_mirror(page, interface_rtl)
    text = page.locator("#article-text")
    expect(text).to_have_attribute("lang", code)
    expect(text).to_have_attribute("dir", "rtl")
    expect(text).to_have_text(spec["text"].strip("\n"))
    assert direction_of(page, "#article-text") == "rtl" and direction_of(page, "#article-title") == "rtl"
    assert starts_on_the_right(page, "#article-text"), "the article's first word is not at the right-hand edge"

    # Select the passage with the mouse: the claim's stored quote is exactly the selected words.
    phrase = spec["phrase"]
    select_with_mouse(page, "#article-text", phrase)
    assert page.evaluate("window.getSelection().toString()") == phrase
    expect(page.locator("#id_quote")).to_have_value(phrase)
    start = spec["text"].index(phrase)
    page.get_by_test_id("create-claim").click()
    made = page.locator(f".claim-item[data-start='{start}'][data-end='{start + len(phrase)}']")
    expect(made).to_have_attribute("data-status", "open")
    claim_id = int(made.get_attribute("data-claim-id"))
    claim = Claim.objects.get(pk=claim_id)
    assert (claim.quote, claim.start, claim.end) == (phrase, start, start + len(phrase))
    # Its highlight covers those words and no others, and its wording shows right to left.
    assert highlighted(page, claim_id) == phrase
    assert direction_of(page, f"#claim-text-{claim_id}") == "rtl"
    return article, claim_id


@pytest.mark.parametrize(("code", "interface"), [("ar", "en"), ("he", "en"), ("ar", "ar")],
                         ids=["arabic-article-english-interface", "hebrew-article-english-interface",
                              "arabic-article-arabic-interface"])
def test_paste_to_verdict_with_a_right_to_left_article(app, new_context, editor, reviewer, code, interface):
    speaks(editor, reviewer, language="" if interface == "en" else interface)
    desk = new_context().new_page()
    article, claim_id = paste_and_select(desk, app, editor, code, interface)

    # Suggestions: whatever the engine finds in this language arrives in the panel.
    with desk.expect_response(lambda r: r.url.endswith("/suggest/")):
        desk.get_by_test_id("suggest-claims").click()
    suggested = list(Claim.objects.filter(article=article, status=ClaimStatus.SUGGESTED).order_by("start"))
    expect(desk.locator(".claim-item[data-status=suggested]")).to_have_count(len(suggested))
    if suggested:
        first = suggested[0]
        claim_item(desk, first.pk).get_by_test_id("accept").click()
        expect(claim_item(desk, first.pk)).to_have_attribute("data-status", "open")

    # Assign the selected claim with a due date.
    due = dt.date.today() + dt.timedelta(days=2)
    claim_item(desk, claim_id).get_by_test_id("select-claim").check()
    desk.get_by_test_id("bulk-reviewer").select_option(str(reviewer.pk))
    desk.get_by_test_id("bulk-due").fill(due.isoformat())
    desk.locator("#bulk-form").get_by_test_id("assign").click()
    expect(claim_item(desk, claim_id)).to_have_attribute("data-status", "assigned")

    # The reviewer reads the claim in its paragraph, right to left, and records a verdict in the language.
    field = new_context().new_page()
    login(field, app, reviewer.username)
    field.get_by_test_id("queue").locator(f"tr[data-claim-id='{claim_id}'] th a").click()
    field.wait_for_url(f"**/claims/{claim_id}/")
    expect(field.locator("#claim-paragraph")).to_have_attribute("dir", "rtl")
    assert direction_of(field, "#claim-title") == "rtl"
    assert highlighted(field, claim_id, "#claim-paragraph") == ARTICLES[code]["phrase"]
    field.locator("input[name=verdict][value=unverifiable]").check()
    field.locator("#id_rationale").fill(ARTICLES[code]["rationale"])
    assert direction_of(field, "#id_rationale") == "rtl"
    field.get_by_test_id("record-verdict").click()
    expect(field.get_by_test_id("claim-verdict")).to_be_visible()
    claim = Claim.objects.get(pk=claim_id)
    assert (claim.status, claim.verdict, claim.rationale) == (
        ClaimStatus.RESOLVED, Verdict.UNVERIFIABLE, ARTICLES[code]["rationale"])

    # The editor's open workspace shows it resolved; the highlight is still on the same words.
    expect(claim_item(desk, claim_id)).to_have_attribute("data-status", "resolved", timeout=15_000)
    assert highlighted(desk, claim_id) == ARTICLES[code]["phrase"]


def test_an_english_article_reads_left_to_right_in_the_arabic_interface(app, page, editor):
    speaks(editor, language="ar")
    text = "The bridge carries about 12,000 cars a day, the city said, and repairs will take 14 months.\n"
    article = article_create(actor=editor, title="Bridge repairs", text=text)
    login(page, app, editor.username)
    page.goto(f"{app}{reverse('article_detail', args=[article.pk])}")
    assert direction_of(page, "body") == "rtl"
    columns_mirror(page, interface_rtl=True)
    expect(page.locator("#article-text")).to_have_attribute("dir", "ltr")
    assert direction_of(page, "#article-text") == "ltr" and not starts_on_the_right(page, "#article-text")
    phrase = "about 12,000 cars a day"
    select_with_mouse(page, "#article-text", phrase)
    page.get_by_test_id("create-claim").click()
    start = text.index(phrase)
    made = page.locator(f".claim-item[data-start='{start}'][data-end='{start + len(phrase)}']")
    expect(made).to_have_attribute("data-status", "open")
    assert Claim.objects.get(pk=int(made.get_attribute("data-claim-id"))).quote == phrase


def test_selecting_an_arabic_quote_inside_an_english_article_makes_that_claim(app, page, editor):
    quote = "مرحبا بكم في مدينة الواحة"
    text = (f"Visitors were greeted by a banner reading \u201c{quote}\u201d at the gate, where about 300 people "
            "waited for the bridge to reopen after 14 months.\n")
    article = article_create(actor=editor, title="Bridge reopens", text=text)
    assert article.language == "en"
    login(page, app, editor.username)
    page.goto(f"{app}{reverse('article_detail', args=[article.pk])}")
    assert direction_of(page, "#article-text") == "ltr"
    select_with_mouse(page, "#article-text", quote)
    expect(page.locator("#id_quote")).to_have_value(quote)
    page.get_by_test_id("create-claim").click()
    start = text.index(quote)
    made = page.locator(f".claim-item[data-start='{start}'][data-end='{start + len(quote)}']")
    expect(made).to_have_attribute("data-status", "open")
    assert Claim.objects.get(pk=int(made.get_attribute("data-claim-id"))).quote == quote


def test_a_selection_that_begins_on_a_run_of_digits_in_hebrew_stores_what_the_browser_selected(app, page, editor):
    """Where a left-to-right number meets right-to-left words, one point on screen is two places in the
    text, and the browser picks one; whichever it picks, the claim is the passage it highlighted."""
    article = article_create(actor=editor, title="Bridge", text=HEBREW_TEXT)
    login(page, app, editor.username)
    page.goto(f"{app}{reverse('article_detail', args=[article.pk])}")
    select_with_mouse(page, "#article-text", "12 אלף מכוניות חוצות את הגשר")
    selected = page.evaluate("window.getSelection().toString()").strip()
    assert selected.endswith("אלף מכוניות חוצות את הגשר") and selected in HEBREW_TEXT
    expect(page.locator("#id_quote")).to_have_value(selected)
    page.get_by_test_id("create-claim").click()
    start = HEBREW_TEXT.index(selected)
    made = page.locator(f".claim-item[data-start='{start}'][data-end='{start + len(selected)}']")
    expect(made).to_have_attribute("data-status", "open")
    assert Claim.objects.get(pk=int(made.get_attribute("data-claim-id"))).quote == selected


def _published(editor, reviewer, code: str) -> tuple[Article, Report]:
    spec = ARTICLES[code]
    article = article_create(actor=editor, title=spec["title"], text=spec["text"], outlet="Harbour Gazette")
    claim = claim_create(actor=editor, article_id=article.pk, quote=spec["phrase"])
    claim_assign(actor=editor, claim_id=claim.pk, reviewer=reviewer, due=dt.date.today() + dt.timedelta(days=3))
    verdict_record(actor=reviewer, claim_id=claim.pk, verdict=Verdict.UNVERIFIABLE, rationale=spec["rationale"])
    article_publish(actor=editor, article_id=article.pk)
    return article, Report.objects.get(article=article)


def _context(chromium, guard, interface: str, **options):
    """A browser whose language is the interface's (the public report follows Accept-Language)."""
    locale = {"en": "en-GB", "ar": "ar", "he": "he-IL"}[interface]
    context = chromium.new_context(locale=locale, timezone_id="UTC", extra_http_headers={"Accept-Language": locale},
                                   **options)
    context.set_default_timeout(TIMEOUT_MS)
    context.on("page", guard.watch)
    return context


# Screenshots: each article in its own interface language, and the Arabic one in the English interface.
@pytest.mark.parametrize(("code", "interface", "picture"), [
    ("ar", "ar", "{page}-ar"), ("he", "he", "{page}-he"), ("ar", "en", "{page}-ar-english-interface"),
], ids=["arabic-interface", "hebrew-interface", "arabic-article-english-interface"])
def test_rtl_workspace_and_report_are_accessible_fit_a_phone_and_are_pictured(app, chromium, guard, new_context,
                                                                             editor, reviewer, code, interface,
                                                                             picture):
    new_context()  # (its teardown is what fails the test on anything the guard saw)
    speaks(editor, language="" if interface == "en" else interface)
    article, report = _published(editor, reviewer, code)
    desk = _context(chromium, guard, interface, viewport={"width": 1280, "height": 800})
    try:
        page = desk.new_page()
        login_by_id(page, app, editor)
        page.goto(f"{app}{reverse('article_detail', args=[article.pk])}")
        page.wait_for_load_state("networkidle")
        expect(page.locator("html")).to_have_attribute("lang", re.compile(rf"^{interface}"))
        assert_accessible(page, f"workspace of the {code} article, {interface} interface")
        shoot(page, picture.format(page="workspace"))
    finally:
        desk.close()

    reader = _context(chromium, guard, interface, viewport=PHONE, is_mobile=True)
    try:
        public = reader.new_page()
        public.goto(f"{app}{report.get_absolute_url()}")
        expect(public.locator("html")).to_have_attribute("lang", re.compile(rf"^{interface}"))
        expect(public.locator("#report-title")).to_have_attribute("dir", "rtl")
        expect(public.get_by_test_id("report-text")).to_have_attribute("lang", code)
        assert direction_of(public, "[data-testid=report-text]") == "rtl"
        assert starts_on_the_right(public, "[data-testid=report-text]")
        assert direction_of(public, "[data-testid=entry] h3") == "rtl"
        assert page_overflow(public) == 0, f"the {code} report is wider than a 390 px phone"
        assert_accessible(public, f"public report of the {code} article, {interface} interface")
        public.set_viewport_size({"width": 1280, "height": 900})
        assert_accessible(public, f"public report of the {code} article (desktop)")
        shoot(public, picture.format(page="report"))
    finally:
        reader.close()

    phone = _context(chromium, guard, interface, viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        small = phone.new_page()
        login_by_id(small, app, editor)
        claim = article.claims.get()
        for url in (reverse("article_detail", args=[article.pk]), reverse("claim_detail", args=[claim.pk])):
            small.goto(f"{app}{url}")
            small.wait_for_load_state("networkidle")
            assert page_overflow(small) == 0, f"{url} with a {code} article is wider than a 390 px phone"
    finally:
        phone.close()


def test_an_editor_corrects_the_detected_language_on_the_details_page(app, page, editor):
    """Detection can miss (a short or mixed text): the editor sets the language by hand, the text turns
    to that language's direction, and the correction is in the article's history."""
    article = article_create(actor=editor, title="שיפוץ הגשר", text=HEBREW_TEXT, language="und")
    login(page, app, editor.username)
    page.goto(f"{app}{reverse('article_detail', args=[article.pk])}")
    expect(page.locator("#article-text")).to_have_attribute("lang", "und")
    page.get_by_test_id("edit-details").click()
    expect(page.locator("#id_language")).to_have_value("und")
    page.locator("#id_language").select_option("he")
    page.get_by_test_id("save-details").click()
    expect(page.locator("#article-text")).to_have_attribute("lang", "he")
    expect(page.locator("#article-text")).to_have_attribute("dir", "rtl")
    assert direction_of(page, "#article-text") == "rtl"
    article.refresh_from_db()
    assert article.language == "he"
    edit = article.events.filter(kind="edited").order_by("-at").first()
    assert edit is not None and "language" in str(edit.data), "the correction is in the article's history"


def test_english_figures_on_an_arabic_claim_page_each_keep_their_own_order(app, page, editor):
    # A figure list is "‎2,400 households؛ 14 months" in the Arabic interface: each figure is isolated,
    # so an English figure is not torn apart by the right-to-left line around it.
    speaks(editor, language="ar")
    text = "The bridge carries about 12,000 cars a day and repairs will take 14 months, the city said.\n"
    article = article_create(actor=editor, title="Bridge repairs", text=text)
    claim = claim_create(actor=editor, article_id=article.pk,
                         quote="The bridge carries about 12,000 cars a day and repairs will take 14 months")
    login(page, app, editor.username)
    page.goto(f"{app}{reverse('claim_detail', args=[claim.pk])}")
    assert direction_of(page, "body") == "rtl"
    line = page.locator(".claim-main p.muted", has_text="الأرقام")
    figures = line.locator(":scope > bdi")
    expect(figures).to_have_text([q["text"] for q in claim.quantities])
    # Each reading ("(read as 14 months)", with the English unit) is isolated too: its number stays beside its unit.
    expect(line.get_by_test_id("figure-reading").locator("bdi")).to_have_count(2)
    assert len(claim.quantities) == 2
    assert figures.first.evaluate("el => getComputedStyle(el).unicodeBidi") == "isolate"
    # Read left to right inside its isolate: "about" lies left of "cars".
    assert figures.first.evaluate(r"""el => {
      const t = el.firstChild, r = document.createRange();
      r.setStart(t, 0); r.setEnd(t, 1); const first = r.getBoundingClientRect().left;
      r.setStart(t, t.length - 1); r.setEnd(t, t.length); return first < r.getBoundingClientRect().left;
    }""")


# Whether the last occurrence of ``a`` lies left of the last occurrence of ``b`` inside the element.
LEFT_OF = r"""([el, a, b]) => {
  const at = word => { let left = null; const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let t = walk.nextNode(); t; t = walk.nextNode()) { const i = t.data.lastIndexOf(word);
      if (i >= 0) { const r = document.createRange(); r.setStart(t, i); r.setEnd(t, i + word.length);
                    left = r.getBoundingClientRect().left; } }
    return left; };
  const x = at(a), y = at(b);
  return x !== null && y !== null && x < y;
}"""


def test_a_figure_check_summary_keeps_an_english_figure_in_order_in_the_arabic_interface(
        app, page, editor, reviewer, source_site):
    # A tryout's reviewer read "dockers, 2.1 million 1,900 containers" on an Arabic claim page: the bidi
    # algorithm had reordered the English figures inside the Arabic sentence of the summary.
    speaks(reviewer, language="ar")
    _article, claims = scenario.assigned_claims(editor, reviewer)
    url = source_site.add_html("/utility/plant.html", "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
                               "<title>Plant capacity</title></head><body><article><p>The engineering study finds "
                               "that the planned plant would supply 1,500 households once both intake lines are "
                               "complete.</p></article></body></html>")
    login(page, app, reviewer.username)
    page.goto(f"{app}/claims/{claims[0].pk}/")
    page.get_by_test_id("source-url").fill(url)
    page.get_by_test_id("attach-source").click()
    source = page.get_by_test_id("source")
    expect(source.get_by_test_id("lookup-figure_check")).to_have_attribute("data-status", "done", timeout=30_000)
    summary = source.get_by_test_id("figure-check").locator("p").first
    expect(summary).to_contain_text("1,500 households")
    assert direction_of(page, "body") == "rtl"
    # The source's "1,500 households" (the last "households" of the sentence) reads left to right.
    assert page.evaluate(LEFT_OF, [summary.element_handle(), "1,500", "households"])
