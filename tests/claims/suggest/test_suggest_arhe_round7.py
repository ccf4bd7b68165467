"""Arabic and Hebrew suggestions, round 7: units spelled as the labels spell them, counted nouns of
bread and aid stories, forecasts that are no claims (an analyst's, a "may"), and Hebrew clauses after
", ו" with a subject or verb of their own. The sentences are written for these tests, not taken from
any corpus."""

from __future__ import annotations

import pytest

from factcheck.claims.suggest import find_quantities, suggest


def _figures(text: str) -> list[tuple[object, str, object]]:
    return [(q.value, q.qualifier, q.unit) for q in find_quantities(text)]


def _suggested(text: str) -> list[str]:
    return [s.text for s in suggest(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("خفض المصرف المركزي الفائدة بمقدار نصف نقطة مئوية", (0.5, "exact", "percentage points")),
    ("رفع البنك الفائدة 150 نقطة أساس", (150, "exact", "basis points")),
    ("הבנק העלה את הריבית ברבע נקודת אחוז", (0.25, "exact", "percentage points")),
])
def test_points_are_spelled_as_the_labels_spell_them(text: str, expected: tuple) -> None:
    assert expected in _figures(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("أغلق ٩ أفران أبوابها في البلدة", (9, "exact", "bakeries")),
    ("وأغلقت 14 فرنا في الحي الشرقي", (14, "exact", "bakeries")),
    ("وصلت إلى الميناء شحنتين من الطحين", (2, "exact", "shipments")),
    ("دخلت 30 شحنة من المساعدات", (30, "exact", "shipments")),
    ("عبرت الحدود 5 قوافل إنسانية", (5, "exact", "convoys")),
    ("احترقت 12 سيارة في الموقف", (12, "exact", "cars")),
])
def test_arabic_counted_nouns_of_bread_and_aid_stories(text: str, expected: tuple) -> None:
    assert expected in _figures(text)


def test_an_analysts_forecast_is_no_claim_an_official_one_is() -> None:
    analyst = "وقال المحلل المالي كريم سعدي من شركة «الأفق للاستشارات» إن الأسعار سترتفع بنسبة 12% خلال الصيف."
    assert _suggested(analyst) == []
    official = "وقالت وزارة المالية إن العجز سينخفض إلى 4% من الناتج المحلي العام المقبل."
    assert len(_suggested(official)) == 1
    assert "prediction" in suggest(official)[0].types


def test_what_may_happen_is_no_claim_but_what_had_happened_is() -> None:
    assert _suggested("وأضاف أن كلفة ترميم المدرسة قد تصل إلى مليوني دولار.") == []
    had = "وكانت عاصفة مماثلة قد تسببت في مقتل 9 أشخاص عام 2019."
    assert len(_suggested(had)) == 1
    # a figure before the "may" is stated, and the guess after it is only its description
    stated = "وسجلت اللجنة 15 مخالفة قد تؤثر في سير الاقتراع."
    assert len(_suggested(stated)) == 1


@pytest.mark.parametrize(("text", "second"), [
    ("לפי דובר המשטרה, כ־30 מכוניות נגררו מהכביש, ומערכת הניטור איתרה 12 מהן כגנובות.",
     "ומערכת הניטור איתרה 12 מהן כגנובות"),
    ("הדיון נמשך שלוש שעות, ובסופו הצביעו 41 חברי מועצה בעד ההצעה.",
     "ובסופו הצביעו 41 חברי מועצה בעד ההצעה"),
])
def test_a_hebrew_clause_with_its_own_subject_after_comma_and_is_its_own_claim(text: str, second: str) -> None:
    got = _suggested(text)
    assert len(got) == 2
    assert got[1] == second


def test_a_short_hebrew_list_item_still_lists() -> None:
    got = _suggested("נרשמה טמפרטורה של 41 מעלות, ולחות של פחות מ־10%.")
    assert len(got) == 1


def test_a_hebrew_hope_after_a_comma_stays_out() -> None:
    got = _suggested("חוזהו של השחקן מסתיים בעוד שלושה חודשים, ובקבוצה מקווים להאריך אותו לשנה נוספת.")
    assert all("מקווים" not in g for g in got)


def test_hebrew_kiflayim_is_twice() -> None:
    assert (2, "exact", "times") in _figures("הנזק השנה גדול כפליים מהנזק אשתקד")


@pytest.mark.parametrize(("text", "expected"), [
    ("دمر القصف 40 منزلا و12 محلا تجاريا", (12, "exact", "shops")),  # the accusative of a second listed form
    ("انهارت ثلاث بنايات في الحي", (3, "exact", "buildings")),
    ("فقد 17 صيادا قبالة الساحل", (17, "exact", "fishermen")),
    ("הוצתו 7 מכוניות בשכונה", (7, "exact", "cars")),
])
def test_more_counted_nouns(text: str, expected: tuple) -> None:
    assert expected in _figures(text)


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("وسجلت اللجنة 180 شكوى، صنفت 9 منها على أنها خطيرة.", 9, "complaints"),
    ("לפי הצבא, כ־60 רקטות שוגרו בתוך 15 דקות, ומערכת ההגנה יירטה 44 מהן.", 44, "rockets"),
])
def test_a_count_of_them_takes_the_unit_of_the_whole_past_a_duration(text: str, value: int, unit: str) -> None:
    quantities = [q for s in suggest(text) for q in s.quantities]
    assert any(q["value"] == value and q["unit"] == unit for q in quantities)


def test_an_analyst_expecting_a_figure_is_no_claim() -> None:
    text = ("وقال الباحث الاقتصادي سامي عودة من مركز «الغد للدراسات» إن الخطة «طموحة لكنها متأخرة»، "
            "متوقعا أن ترتفع البطالة إلى 19% خلال الربع الثالث.")
    assert _suggested(text) == []


def test_the_first_quarter_ranks_nothing() -> None:
    got = suggest("ارتفع الناتج المحلي بنسبة 2.1% خلال الربع الأول، بحسب دائرة الإحصاء.")
    assert len(got) == 1
    assert "superlative" not in got[0].types


def test_the_three_missing_measure_no_forecast() -> None:
    assert _suggested("وأكد المحافظ أن البحث عن الصيادين الأربعة سيستمر حتى العثور عليهم.") == []


def test_the_nth_in_a_row_is_a_claim_of_its_own() -> None:
    got = _suggested("הוועדה אישרה היום את התקציב ברוב של 9 חברים, זו השנה הרביעית ברציפות שבה התקציב עובר.")
    assert len(got) == 2
    assert got[1].startswith("זו השנה הרביעית ברציפות")



@pytest.mark.parametrize("text", [
    "המשטרה עצרה שלושה חשודים בפריצה למחסן.",
    "اعتقلت الشرطة 5 أشخاص بتهمة الاحتيال.",
])
def test_an_arrest_with_its_count_is_a_quantity_not_other(text: str) -> None:
    got = suggest(text)
    assert got and "quantity" in got[0].types and "other" not in got[0].types


def test_a_declared_mourning_with_its_duration_stays_an_event() -> None:
    got = suggest("وأعلن رئيس الوزراء الحداد العام لمدة ثلاثة أيام.")
    assert got and "other" in got[0].types and "temporal" in got[0].types


@pytest.mark.parametrize(("text", "kind"), [
    ("ارتفعت الصادرات بنسبة 12% عن الفترة نفسها من العام الماضي.", "comparison"),
    ("אחוז האבטלה עומד על 5.1 – מעל היעד שקבעה הממשלה.", "comparison"),
    ("הפרויקט נמשך 14 חודשים במקום שמונה חודשים שתוכננו.", "comparison"),
    ("وكانت عاصفة مماثلة قد أودت بحياة 12 شخصا في المنطقة.", "causal"),
])
def test_comparisons_and_causes_of_wire_copy(text: str, kind: str) -> None:
    got = suggest(text)
    assert got and kind in got[0].types


def test_the_period_compared_with_is_no_time_of_the_claim() -> None:
    got = suggest("ارتفعت المبيعات بنسبة 9% عن الشهر الماضي.")
    assert got and "temporal" not in got[0].types


@pytest.mark.parametrize(("text", "expected"), [
    ("أصيب 300 طفل دون سن الخامسة بالكوليرا.", (5, "less_than", "years")),
    ("تلقى اللقاح 40% ممن تجاوزوا سن الستين.", (60, "more_than", "years")),
    ("חוסנו 300 ילדים מתחת לגיל חמש.", (5, "less_than", "years")),
])
def test_an_age_limit_is_in_years_under_or_over(text: str, expected: tuple) -> None:
    quantities = [(q["value"], q["qualifier"], q["unit"]) for s in suggest(text) for q in s.quantities]
    assert expected in quantities


def test_a_hebrew_event_set_for_a_day_is_a_claim() -> None:
    got = suggest("הדיון הבא בעתירה יתחיל ב־12 בינואר.")
    assert got and "temporal" in got[0].types
    assert _suggested("הדיון הבא יתקיים בקרוב.") == []


def test_the_nth_day_of_a_strike_is_that_many_days() -> None:
    got = suggest("שביתת הרופאים נמשכה היום זה היום ה־12 ברציפות, ולפי ההסתדרות משתתפים בה כ־9,000 רופאים.")
    assert len(got) == 2
    assert (12, "days") in [(q["value"], q["unit"]) for q in got[0].quantities]


def test_first_questioned_ranks_nothing_first_in_its_history_does() -> None:
    plain = suggest("ראש העירייה נחקר לראשונה באזהרה ב־3 במרץ 2021.")
    assert plain and "superlative" not in plain[0].types
    ranked = suggest("הקבוצה זכתה אמש באליפות לראשונה בתולדותיה.")
    assert ranked and "superlative" in ranked[0].types
