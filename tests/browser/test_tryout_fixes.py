"""A new user's tryout, fixed: Hebrew and Arabic leftovers, HTML pasted as text, attach errors, double Save.

1. A Hebrew desk: the claim page's earlier checks, a verdict recorded with a rating, and the published
   report (its address in Hebrew letters, its ClaimReview naming the rating in Hebrew); Arabic lists.
2. An article pasted as HTML is saved as the text a reader sees, and the editor is told.
3. A refused source keeps the typed address and note, with the error beside the field (htmx and no JS).
4. A double click on Save makes one article and ends on its page.
"""

from __future__ import annotations

import json
import re
import time
from urllib.parse import unquote

from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from factcheck.articles.models import Article
from factcheck.claims.models import Claim, ClaimStatus, Verdict
from factcheck.claims.services import claim_assign
from factcheck.publishing.models import Report
from factcheck.sources.models import Evidence, Lookup, LookupKind, LookupStatus
from tests.browser import scenario
from tests.browser.helpers import login
from tests.publishing.conftest import back_with_source, resolve
from tests.support.factories import ArticleFactory, make_claim

HE_TITLE = "תקציב העירייה: 40 מיליון"
HE_TEXT = "העירייה אישרה תקציב של 40 מיליון שקל לשיקום הגשר.\n\nלדברי ראש העירייה, העבודות יסתיימו בתוך שנה.\n"
ENGLISH_RATINGS = re.compile(r"\b(Accurate|Mostly accurate|Misleading|Inaccurate|Unproven|Disputed|Verified)\b")


def _hebrew_desk(editor, reviewer):
    """A Hebrew article whose claim (assigned to reviewer) has an earlier, rated check of a similar claim."""
    for member in (editor, reviewer):
        member.language = "he"
        member.save(update_fields=["language"])
    earlier_article = ArticleFactory(title="דיווח קודם", created_by=editor, language="he",
                                     text="נטען כי התקציב יעמוד על 40 מיליון שקל.\n")
    earlier = make_claim(earlier_article, "התקציב יעמוד על 40 מיליון שקל")
    resolve(earlier, reviewer, Verdict.DISPUTED, "הפרוטוקול מראה סכום אחר.", rating="misleading")
    article = ArticleFactory(title=HE_TITLE, created_by=editor, language="he", text=HE_TEXT)
    claim = make_claim(article, "תקציב של 40 מיליון שקל", attributed_to="Mayor Dana Levi")
    claim = claim_assign(actor=editor, claim_id=claim.pk, reviewer=reviewer)
    Lookup.objects.create(kind=LookupKind.SIMILAR, claim=claim, status=LookupStatus.DONE, finished_at=timezone.now(),
                          result={"matches": [{
                              "claim": earlier.pk, "article": earlier_article.pk, "article_title": earlier_article.title,
                              "text": earlier.text, "status": "resolved", "verdict": "disputed", "rating": "misleading",
                              "score": 80.0, "figure_differs": False, "other_language": False,
                              "sources": [{"title": "פרוטוקול", "url": "https://qv.zz/a"},
                                          {"title": "הודעה", "url": "https://qv.zz/b"}]}], "searched": 1})
    back_with_source(claim, reviewer, url="https://qv.zz/he-source", passage="40 מיליון", title="פרוטוקול המועצה")
    return article, claim


def test_a_hebrew_desk_reads_hebrew_from_earlier_checks_to_the_public_report(app, page, new_context, editor, reviewer):
    article, claim = _hebrew_desk(editor, reviewer)
    login(page, app, reviewer.username)
    page.goto(f"{app}{reverse('claim_detail', args=[claim.pk])}")
    expect(page.locator("html")).to_have_attribute("lang", "he")

    # The earlier check: its lookup line, the match's verdict and rating, its sources joined in Hebrew.
    background = page.locator("section.background")
    expect(background.get_by_test_id("lookup-similar")).to_contain_text("בדיקות קודמות של טענות דומות")
    match = background.get_by_test_id("similar-claim")
    expect(match).to_contain_text("שנויה במחלוקת")
    expect(match).to_contain_text("(מטעה)")
    expect(match).to_contain_text("פרוטוקול; הודעה")
    assert not ENGLISH_RATINGS.search(background.inner_text()), background.inner_text()
    # "Attributed to" stands before the English name, which keeps its own direction.
    attribution = page.locator(".claim-main p.muted", has=page.locator("bdi"))
    expect(attribution).to_have_text("ייחוס: Mayor Dana Levi")

    # A verdict with a rating, chosen by its Hebrew name.
    page.locator("#id_verdict_0").check()  # verified
    rating = page.locator("#id_rating")
    expect(rating.locator("option[value='mostly accurate']")).to_have_text("מדויק ברובו")
    rating.select_option("mostly accurate")
    page.locator("#id_rationale").fill("פרוטוקול המועצה מאשר 40 מיליון שקל.")
    page.get_by_test_id("record-verdict").click()
    expect(page.get_by_test_id("claim-status")).to_have_text("הוכרעה")
    expect(page.locator(".claim-meta .rating")).to_have_text("דירוג: מדויק ברובו")
    assert Claim.objects.get(pk=claim.pk).rating == "mostly accurate"

    # The editor publishes; the report's address keeps the Hebrew title, its rating is Hebrew.
    desk = new_context().new_page()
    login(desk, app, editor.username)
    desk.goto(f"{app}{reverse('article_detail', args=[article.pk])}")
    desk.get_by_test_id("publish").click()
    desk.get_by_test_id("view-report").click()
    desk.wait_for_url(re.compile(r"/reports/"))
    assert "תקציב-העירייה-40-מיליון-" in unquote(desk.url), desk.url
    report = Report.objects.get(article=article)
    assert report.slug == "תקציב-העירייה-40-מיליון"
    expect(desk.locator(".rating").first).to_have_text("דירוג: מדויק ברובו")
    assert not ENGLISH_RATINGS.search(desk.locator("main").inner_text())
    reviews = json.loads(desk.locator("script[type='application/ld+json']").first.text_content())
    rating_data = (reviews if isinstance(reviews, list) else [reviews])[0]["reviewRating"]
    assert rating_data["alternateName"] == "מדויק ברובו"


def test_arabic_lists_use_the_arabic_comma(app, page, editor, reviewer):
    _article, claims = scenario.assigned_claims(editor, reviewer)
    claim = claims[0]
    Claim.objects.filter(pk=claim.pk).update(types=["quantity", "prediction"])
    editor.language = "ar"
    editor.save(update_fields=["language"])
    login(page, app, editor.username)
    page.goto(f"{app}{reverse('article_detail', args=[claim.article_id])}")
    types = page.locator(f"#claim-{claim.pk} .types")
    expect(types).to_contain_text("، ")
    assert ", " not in types.inner_text()


HTML_PASTE = (
    "<html><head><title>Harbour Gazette</title><style>p { color: red }</style></head><body>"
    "<h1>Council backs desalination plant</h1>"
    "<p>The regional council approved the plant on Tuesday. It will cost <b>84&nbsp;million</b> euros &amp; more.</p>"
    "<script>window.__pasted = 1</script>"
    "<p>Its backers say it would supply nearly 2,400 households.</p></body></html>"
)
HTML_AS_TEXT = ("Council backs desalination plant\n\nThe regional council approved the plant on Tuesday. It will cost "
                "84 million euros & more.\n\nIts backers say it would supply nearly 2,400 households.\n")


def test_an_article_pasted_as_html_is_saved_as_its_visible_text(app, page, editor):
    login(page, app, editor.username)
    page.goto(f"{app}{reverse('article_new')}")
    page.get_by_label("Title").fill("Pasted from the web")
    page.get_by_label(re.compile(r"^Text")).fill(HTML_PASTE)
    page.get_by_test_id("save-article").click()
    page.wait_for_url(re.compile(r"/articles/\d+/$"))
    expect(page.locator("ul.messages")).to_contain_text("The pasted text was HTML")
    article = Article.objects.get(title="Pasted from the web")
    assert article.text == HTML_AS_TEXT
    shown = page.locator("#article-text")
    expect(shown).to_contain_text("It will cost 84 million euros & more.")
    assert "<p>" not in shown.inner_text() and "__pasted" not in shown.inner_text()

    # Offsets point at the visible words: a claim on "84 million euros" quotes exactly those words.
    page.get_by_label("Passage", exact=True).fill("84 million euros")
    page.get_by_test_id("create-claim").click()
    expect(page.locator(".claim-item")).to_have_count(1)
    claim = Claim.objects.get(article=article)
    assert article.text[claim.start:claim.end] == "84 million euros"


def _attach_refused(page, guard, claim, status: int) -> None:
    guard.expect_status(status, rf"/claims/{claim.pk}/sources/attach/$")
    page.get_by_test_id("attach-source").click()


def test_a_refused_source_keeps_what_was_typed_with_the_error_beside_the_field(app, page, new_context, guard, editor,
                                                                               reviewer, settings, tmp_path):
    _article, claims = scenario.assigned_claims(editor, reviewer)
    claim = claims[0]
    login(page, app, reviewer.username)
    page.goto(f"{app}{reverse('claim_detail', args=[claim.pk])}")
    attach_path = reverse("source_attach", args=[claim.pk])
    assert attach_path == f"/claims/{claim.pk}/sources/attach/", attach_path

    # A hostile address (htmx): refused beside the field; the address, note and stance stay.
    page.get_by_test_id("source-url").fill("javascript:alert(1)")
    page.get_by_test_id("source-note").fill("The ministry's bulletin of 3 March.")
    page.get_by_test_id("source-stance").select_option("refutes")
    _attach_refused(page, guard, claim, 400)
    errors = page.get_by_test_id("source-url-errors")
    expect(errors).to_contain_text("Not a valid URL.")
    expect(page.get_by_test_id("source-url")).to_have_value("javascript:alert(1)")
    expect(page.get_by_test_id("source-url")).to_have_attribute("aria-invalid", "true")
    # The pressed button was swapped away: focus is on the field in error, so the user types the fix at once.
    expect(page.get_by_test_id("source-url")).to_be_focused()
    expect(page.get_by_test_id("source-note")).to_have_value("The ministry's bulletin of 3 March.")
    expect(page.get_by_test_id("source-stance")).to_have_value("refutes")

    # A file over the limit: named beside the file field, the note kept.
    settings.UPLOAD_MAX_BYTES = 16
    big = tmp_path / "minutes.txt"
    big.write_text("Council minutes, 14 March: 2,190 homes flooded.\n")
    page.get_by_test_id("source-url").fill("")
    page.get_by_test_id("source-file").set_input_files(str(big))
    _attach_refused(page, guard, claim, 413)
    expect(page.get_by_test_id("source-file-errors")).to_contain_text("minutes.txt")
    expect(page.get_by_test_id("source-file-errors")).to_contain_text("Too large.")
    expect(page.get_by_test_id("source-file")).to_be_focused()
    expect(page.get_by_test_id("source-note")).to_have_value("The ministry's bulletin of 3 March.")
    assert not Evidence.objects.filter(claim=claim).exists()

    # The same without JavaScript: the claim page again, the error at the top and beside the field.
    plain = new_context(javascript=False).new_page()
    login(plain, app, reviewer.username)
    plain.goto(f"{app}{reverse('claim_detail', args=[claim.pk])}")
    plain.get_by_test_id("source-url").fill("ftp://files.example/report.pdf")
    plain.get_by_test_id("source-note").fill("Annex 2")
    _attach_refused(plain, guard, claim, 400)
    expect(plain.get_by_test_id("error")).to_contain_text("Only http and https URLs can be attached.")
    expect(plain.get_by_test_id("source-url-errors")).to_have_text("Use http or https.")
    expect(plain.get_by_test_id("source-url")).to_have_value("ftp://files.example/report.pdf")
    expect(plain.get_by_test_id("source-note")).to_have_value("Annex 2")
    expect(plain.get_by_role("heading", level=1)).to_have_text(claim.text)
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.ASSIGNED


def _slow_first_save(monkeypatch) -> None:
    """A double click on a real desk: the first send has saved the article (committed) but its page has
    not come back when the second click sends the form again. The first answer is held back a moment."""
    from factcheck.articles import services as article_services

    create, calls = article_services.article_create, []

    def held_back(**kwargs):
        article = create(**kwargs)
        calls.append(article.pk)
        if len(calls) == 1:
            time.sleep(1.0)
        return article

    monkeypatch.setattr(article_services, "article_create", held_back)


def _double_click(page, button) -> None:
    # The mouse, not the locator: a locator's click waits for the first send's page before clicking again.
    button.scroll_into_view_if_needed()
    box = button.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.click(x, y)
    page.wait_for_timeout(250)
    page.mouse.click(x, y)


def test_a_double_click_on_save_makes_one_article_and_shows_it(app, page, new_context, guard, editor, monkeypatch):
    _slow_first_save(monkeypatch)
    login(page, app, editor.username)
    page.goto(f"{app}{reverse('article_new')}")
    page.get_by_label("Title").fill(scenario.TITLE)
    page.get_by_label(re.compile(r"^Text")).fill(scenario.TEXT)
    _double_click(page, page.get_by_test_id("save-article"))
    expect(page).to_have_url(re.compile(r"/articles/\d+/$"))
    first = Article.objects.get(title=scenario.TITLE)
    assert page.url.endswith(reverse("article_detail", args=[first.pk]))
    expect(page.get_by_role("heading", level=1)).to_contain_text(scenario.TITLE)

    # Without JavaScript both clicks reach the server: the second lands on the article the first made.
    _slow_first_save(monkeypatch)
    plain = new_context(javascript=False).new_page()
    login(plain, app, editor.username)
    plain.goto(f"{app}{reverse('article_new')}")
    plain.get_by_label("Title").fill("A second article")
    plain.get_by_label(re.compile(r"^Text")).fill("Another text of 12 lines.\n")
    _double_click(plain, plain.get_by_test_id("save-article"))
    # The second send cancels the first navigation (net::ERR_ABORTED), so poll the address
    # rather than wait for one navigation's load event.
    expect(plain).to_have_url(re.compile(r"/articles/\d+/$"))
    second = Article.objects.get(title="A second article")
    assert plain.url.endswith(reverse("article_detail", args=[second.pk]))
    expect(plain.get_by_role("heading", level=1)).to_contain_text("A second article")
    assert Article.objects.count() == 2
