"""The claim page lists an earlier check of the same claim written in another language, flagged
"In another language" (issue 17): an English claim about 12 killed in Khan Younis finds the Arabic
check of the same figure and place although the two share no word."""

from __future__ import annotations

from playwright.sync_api import expect

from factcheck.articles.services import article_create
from factcheck.claims.models import Claim, ClaimStatus
from factcheck.claims.services import claim_create
from tests.browser.helpers import login

ARABIC_TEXT = "قتل ١٢ شخصا في قصف على خان يونس، بحسب وزارة الصحة.\n"
ARABIC_CLAIM = "قتل ١٢ شخصا في قصف على خان يونس"
ENGLISH_TEXT = "Shelling killed 12 people in Khan Younis on Saturday, the health ministry said.\n"
ENGLISH_CLAIM = "Shelling killed 12 people in Khan Younis"


def test_an_earlier_check_in_arabic_is_listed_and_flagged_in_another_language(app, page, editor):
    earlier = article_create(actor=editor, title="قصف خان يونس", text=ARABIC_TEXT, outlet="Gaza Desk")
    checked = claim_create(actor=editor, article_id=earlier.pk, quote=ARABIC_CLAIM)
    Claim.objects.filter(pk=checked.pk).update(status=ClaimStatus.RESOLVED, verdict="verified")
    today = article_create(actor=editor, title="Khan Younis shelling", text=ENGLISH_TEXT, outlet="Harbour Gazette")
    claim = claim_create(actor=editor, article_id=today.pk, quote=ENGLISH_CLAIM)

    login(page, app, editor.username)
    page.goto(f"{app}/claims/{claim.pk}/")
    expect(page.get_by_test_id("lookup-similar")).to_have_attribute("data-status", "done", timeout=30_000)
    match = page.get_by_test_id("similar-claim").filter(has_text="خان يونس")
    expect(match).to_have_count(1)
    expect(match.get_by_test_id("other-language")).to_be_visible()
    expect(match.get_by_test_id("other-language")).to_have_text("In another language")
    expect(match).to_contain_text("Verified")
    expect(match.get_by_test_id("figure-differs")).to_have_count(0)
