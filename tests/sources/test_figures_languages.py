"""The figure check across English, Arabic and Hebrew: the claim's figure is found in a source in
any script and unit, denials in the source's own language make it "disputed", and the same number
about something else proves nothing."""

from __future__ import annotations

import pytest

from factcheck.sources.crosslang import concepts, other_language, shared_across, skeletons
from factcheck.sources.figures import figure_check

CLAIM = "Shelling killed 12 people in Khan Younis"


@pytest.mark.parametrize("passage", [
    "قتل ١٢ شخصا في قصف على خان يونس يوم السبت، بحسب وزارة الصحة.",  # Arabic-Indic digits
    "قُتل اثنا عشر شخصا في قصف مدفعي على خان يونس.",  # number words, vowel marks
    "נהרגו שנים עשר בני אדם בהפגזה בחאן יונס, לפי משרד הבריאות.",
    "נהרגו 12 בני אדם בהפגזה בחאן יונס.",
])
def test_an_english_claim_is_stated_by_an_arabic_or_hebrew_source(passage):
    result = figure_check(CLAIM, passage)
    assert result.label == "states"
    assert result.outcome == "consistent"
    assert result.passages[0]["other_language"] is True
    assert result.summary.startswith("The source states 12 people")


@pytest.mark.parametrize("passage", [
    "نفت وزارة الدفاع مقتل 12 شخصا في خان يونس، وقالت إن القصف أصاب مخزنا فارغا.",
    "أعلنت الوزارة مقتل 12 شخصا في خان يونس. لكن هذا الرقم غير صحيح بحسب الجيش.",
    "הצבא הכחיש כי 12 בני אדם נהרגו בחאן יונס.",
    "לפי הדיווח נהרגו 12 בני אדם בחאן יונס. המספר הזה אינו מדויק, מסר הצבא.",
])
def test_a_denial_in_arabic_or_hebrew_is_never_a_match(passage):
    result = figure_check(CLAIM, passage)
    assert result.label == "contradicts"
    assert result.outcome == "disputed"


def test_far_below_the_figure_disputes_it():
    result = figure_check("Shelling killed 4,000 people in Khan Younis", "לפי הצבא נהרגו בחאן יונס הרבה פחות מ-4,000 בני אדם.")
    assert result.label == "contradicts"


def test_a_different_figure_for_the_same_event_in_arabic():
    result = figure_check(CLAIM, "أعلنت وزارة الصحة مقتل 30 شخصا في القصف على خان يونس.")
    assert result.label == "different"
    assert "30 شخصا" in result.summary


def test_the_same_number_about_something_else_proves_nothing():
    assert figure_check(CLAIM, "وصل 12 شاحنة مساعدات إلى رفح صباح الأحد.").label == "absent"
    assert figure_check("About 3,000 residents were evacuated in the Carmel fire",
                        "בשריפה בכרמל נשרפו 3,000 דונם של יער.").label == "absent"


def test_an_arabic_still_is_not_a_denial():
    assert figure_check(CLAIM, "لا يزال 12 شخصا في عداد القتلى في خان يونس.").label == "states"


@pytest.mark.parametrize(("claim", "passage"), [
    ("The deficit reached 120 billion shekels", "לדברי שר האוצר, הגירעון הסתכם ב-120 מיליארד ש״ח."),
    ("The central bank raised its rate to 27.25 percent", "رفع البنك المركزي سعر الفائدة إلى ٢٧٫٢٥٪ يوم الخميس."),
    ("The storm caused $3.5 million in damage", "قدرت الغرفة التجارية خسائر العاصفة بنحو 3.5 مليون دولار."),
    ("הגירעון הסתכם ב-120 מיליארד ש״ח", "The deficit reached 120 billion shekels last year, the finance minister said."),
    ("قتل 12 شخصا في قصف على خان يونس", "Twelve people were killed in shelling in Khan Younis, officials said."),
])
def test_units_and_currencies_meet_across_languages(claim, passage):
    assert figure_check(claim, passage).label == "states"


def test_names_meet_by_their_consonant_skeleton_and_events_by_meaning():
    assert "knns" in skeletons("Khan Younis") & skeletons("خان يونس") & skeletons("חאן יונס")
    assert "ntn" in skeletons("Netanyahu") & skeletons("نتنياهو") & skeletons("נתניהו")
    assert concepts("killed") == concepts("قتلى") == concepts("נהרגו") == {"killed"}
    assert shared_across(CLAIM, "قتل 12 شخصا في خان يونس") == ["~knns", "killed"]
    assert other_language(CLAIM, "قتل 12 شخصا") and not other_language(CLAIM, "Twelve were killed")


@pytest.mark.parametrize("passage", [
    "הדיווחים על 12 הרוגים בחאן יונס התבררו כשגויים.",  # a plural adjective with its כ
    "ההערכה של 12 הרוגים בחאן יונס הופרכה על ידי הצבא.",  # a passive verb
    "דובר הצבא אמר כי המספר, 12 הרוגים בחאן יונס, מנופח.",  # the figure in apposition to "the number"
    "הצבא טען שהנתון על 12 הרוגים בחאן יונס חסר בסיס.",
])
def test_more_hebrew_denials_are_never_a_match(passage):
    result = figure_check(CLAIM, passage)
    assert result.label == "contradicts"
    assert result.outcome == "disputed"


@pytest.mark.parametrize("passage", [
    "בניגוד לדיווחים הראשונים, בהפגזה בחאן יונס נהרגו 12 בני אדם ולא 20.",
    "قتل 12 شخصا في قصف على خان يونس وليس 20 كما أشيع.",
])
def test_denying_another_number_states_the_claims_figure(passage):
    result = figure_check(CLAIM, passage)
    assert result.label == "states"
    assert result.outcome == "consistent"
