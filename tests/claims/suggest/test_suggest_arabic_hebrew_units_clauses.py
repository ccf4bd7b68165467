"""Arabic and Hebrew units and clause cuts added in round 5: counted nouns labellers name ("districts",
"apartments", "subscribers"), towns whose names hold a number word, a Hebrew noun after a number that
carries a preposition, a definite number after its noun, one unit of time after a qualifier, ranges and
changes, the circumstances after split tolls, quoted remarks tacked on, and a subject cut from its
clause by a comma. The sentences are written for these tests, not taken from any corpus."""

from __future__ import annotations

import pytest

from factcheck.claims.suggest import find_quantities, suggest


def _figures(text: str) -> list[tuple[object, str, object]]:
    return [(q.value, q.qualifier, q.unit) for q in find_quantities(text)]


def _texts(text: str) -> list[str]:
    return [s.text for s in suggest(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("أعلنت الحكومة الطوارئ في أربع مديريات", (4, "exact", "districts")),
    ("تعمل 9 مراكز صحية في المدينة", (9, "exact", "centres")),
    ("ركّبت الشركة أكثر من مليوني لوح شمسي", (2_000_000, "more_than", "panels")),
    ("انقطعت المياه عن 15 ألف مشترك", (15_000, "exact", "subscribers")),
    ("بلغ سعر الكيس 12 ألف ريال يمني", (12_000, "exact", "YER")),
    ("دمّرت الغارة منصتين للصواريخ", (2, "exact", "launchers")),
    ("تقدم 40 ألف مرشح لشراء 900 شقة", (900, "exact", "apartments")),
    ("הוצבו בגבול ארבע חטיבות", (4, "exact", "brigades")),
    ("נבנו שני מגדלים בני 40 קומות", (40, "exact", "floors")),
    ("הוגרלו 3,200 דירות", (3200, "exact", "apartments")),
    ("הצריכה הגיעה ל־9,400 מגה־ואט", (9400, "exact", "MW")),
    ("הגירעון הגיע ל־4.6 אחוזי תוצר", (4.6, "exact", "percent")),
])
def test_counted_nouns_and_units(text, expected):
    assert expected in _figures(text)


def test_a_town_named_with_a_number_word_is_no_figure():
    assert _figures("התושבים בבאר שבע ובקריית שמונה התכוננו") == []
    assert _figures("وصلت القافلة إلى بئر السبع") == []
    assert _figures("שבע רקטות נורו") == [(7, "exact", "rockets")]


def test_a_hebrew_noun_after_a_number_takes_no_preposition():
    # "ו־80 במבנה": 80 in a building, not 80 buildings; "שלושה מהפצועים" is partitive
    assert _figures("הוגבלו ל־20 איש בחוץ ו־80 במבנה")[-1][2] is None
    assert _figures("שלושה מהפצועים שוחררו") == [(3, "exact", "people")]
    assert _figures("הורשע ובאישום אחד של מרמה") == [(1, "exact", "counts")]


@pytest.mark.parametrize(("text", "expected"), [
    ("خلال الأسابيع الأربعة الماضية", (4, "exact", "weeks")),
    ("في الساعات الست التي تلت الانفجار", (6, "exact", "hours")),
    ("تتواصل عمليات البحث عن المفقودين الخمسة", (5, "exact", "people")),
])
def test_a_definite_number_after_its_noun(text, expected):
    assert _figures(text) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("انهار السد بعد أقل من شهر على افتتاحه", (1, "less_than", "months")),
    ("توقفت المفاوضات منذ أكثر من عام", (1, "more_than", "years")),
    ("وصلت النجدة بعد أقل من يوم واحد", (1, "less_than", "days")),
    ("הכביש סגור כבר יותר משנה", (1, "more_than", "years")),
    ("הפרויקט הושלם בפחות משבוע", (1, "less_than", "weeks")),
])
def test_one_unit_of_time_after_a_qualifier(text, expected):
    assert _figures(text) == [expected]


def test_one_unit_of_time_needs_a_qualifier_and_no_year():
    assert _figures("منذ أكثر من عام 2019") == []
    assert _figures("השנה נפתח הקו") == []


def test_hebrew_ranges_and_changes():
    assert _figures("התביעה ביקשה 6 עד 8 שנות מאסר") == [(6, "at_least", "years"), (8, "at_most", "years")]
    assert _figures("זמן ההמתנה קוצר מ־40 דקות ל־25 דקות") == [(40, "exact", "minutes"), (25, "exact", "minutes")]
    assert _figures("המחיר נע בין 30 ל־40 שקל")[0][1] == "at_least"


def test_weakness_is_no_double():
    assert _figures("انتقد النواب ضعف الاستعداد") == []
    assert _figures("بلغ عدد النازحين ضعف العدد المسجل") == [(2, "exact", "times")]


def test_circumstances_after_split_tolls_are_no_part_of_either_toll():
    got = suggest("قُتل 9 أشخاص وأصيب 25 آخرون، مساء الأحد، في قصف استهدف حيا سكنيا، بحسب وزارة الصحة.")
    assert [s.text for s in got] == ["قُتل 9 أشخاص", "وأصيب 25 آخرون"]
    assert all(s.attributed_to == "وزارة الصحة" for s in got)
    got = suggest("שני בני אדם נהרגו ו־15 נפצעו, שלושה מהם קשה, בפיצוץ במוסך ביום חמישי, כך מסרה המשטרה.")
    assert [s.text for s in got] == ["שני בני אדם נהרגו", "ו־15 נפצעו, שלושה מהם קשה"]
    assert all(s.attributed_to == "המשטרה" for s in got)


def test_a_single_toll_keeps_its_circumstances():
    assert _texts("قتل 14 شخصا على الأقل، بينهم ستة أطفال، في قصف استهدف سوقا يوم الثلاثاء، بحسب الوزارة.") == [
        "قتل 14 شخصا على الأقل، بينهم ستة أطفال، في قصف استهدف سوقا يوم الثلاثاء، بحسب الوزارة"]


def test_a_cause_after_a_comma_stays_with_its_clause():
    got = _texts("השביתה גרמה לנזק של כ־200 מיליון ₪, בעיקר בשל היעדרות עובדים.")
    assert got == ["השביתה גרמה לנזק של כ־200 מיליון ₪, בעיקר בשל היעדרות עובדים"]


def test_an_event_with_a_subject_of_its_own_is_its_own_claim():
    got = _texts("وأعلنت البلدية الحداد يومين، وأغلقت المدارس أبوابها حتى إشعار آخر.")
    assert got == ["وأعلنت البلدية الحداد يومين", "وأغلقت المدارس أبوابها حتى إشعار آخر"]
    got = _texts("בשעות הבוקר נרשם ביקוש של 15 אלף מגה־ואט, ולא נרשמו הפסקות חשמל יזומות.")
    assert got[-1] == "ולא נרשמו הפסקות חשמל יזומות"
    # the same subject goes on: one claim
    assert len(suggest("ארבעה פועלים נפצעו באורח קל ופונו לבית החולים בעפולה.")) == 1


def test_a_quoted_remark_tacked_on_is_left_out():
    got = _texts("سجلت الوزارة 310 إصابات جديدة، محذّرة من أن الوضع «يزداد سوءا».")
    assert got == ["سجلت الوزارة 310 إصابات جديدة"]


def test_a_subject_and_a_day_cut_by_commas_stay_with_the_clause():
    assert _texts("خفض البنك المركزي، الأربعاء، سعر الفائدة بمقدار 50 نقطة أساس.") == [
        "خفض البنك المركزي، الأربعاء، سعر الفائدة بمقدار 50 نقطة أساس"]
    assert _texts("לפי נתוני הלשכה שפורסמו בינואר, שיעור האבטלה ירד ל־3.2 אחוז.") == [
        "לפי נתוני הלשכה שפורסמו בינואר, שיעור האבטלה ירד ל־3.2 אחוז"]


def test_so_decided_names_the_source():
    got = suggest("מחיר הלחם יעלה ב־1 במרץ ב־4 אחוז, כך החליטה ועדת המחירים.")
    assert len(got) == 1 and "attribution" in got[0].types


def test_an_age_after_a_name_goes_with_its_clause():
    got = _texts("״הבית שלנו נהרס,״ אמר משה לוי, בן 74, שביתו נפגע.")
    assert len(got) <= 1 and "בן 74, שביתו נפגע" not in got


def test_a_vague_list_item_lists_with_the_clause_before():
    got = _texts("تسببت العاصفة في نفوق مئات المواشي وانجراف عشرات السيارات.")
    assert got == ["تسببت العاصفة في نفوق مئات المواشي وانجراف عشرات السيارات"]


def _quantities(text: str) -> list[tuple[object, str, object]]:
    return [(q["value"], q["qualifier"], q["unit"]) for s in suggest(text) for q in s.quantities]


def test_a_vague_count_is_at_least_its_scale_in_a_suggestion():
    assert _quantities("جرفت السيول مئات الأغنام في الوادي.") == [(100, "at_least", "sheep")]
    assert _quantities("يصدّر الميناء مئات آلاف البراميل يوميا.") == [(100_000, "at_least", "barrels")]
    assert (10, "at_least", "people") in _quantities("שניים נהרגו ועשרות נפצעו בתאונה בכביש 90.")
    # the figure check's reader leaves a vague count alone
    assert _figures("جرفت السيول مئات الأغنام") == []


def test_a_vague_count_does_not_make_a_forecast_or_a_quote_a_claim():
    assert suggest("בצבא מעריכים כי בידי הארגון עדיין עשרות אלפי רקטות.") == []
    assert suggest("ראש המועצה אמר כי השכונה ״תביא לעיר אלפי משפחות״.") == []


def test_a_figure_describing_the_speaker_of_a_quote_is_no_claim():
    assert suggest("״המחירים פשוט לא עוצרים,״ אמרה דנה, אם לארבעה מחולון.") == []
    assert len(suggest("״שילמנו 900 שקל על החשמל,״ אמרה דנה.")) == 1


def test_a_quoted_ranking_over_time_is_a_claim_and_a_quoted_adjective_is_not():
    got = suggest("״זו הבצורת הקשה ביותר מאז 1999,״ אמר ראש השירות.")
    assert len(got) == 1 and "superlative" in got[0].types and got[0].attributed_to == "ראש השירות"
    assert suggest("وقال الوزير إن الحكومة «ملتزمة بحماية الفئات الأكثر ضعفا».") == []


def test_he_added_carries_the_source_of_the_sentence_before():
    got = suggest("قال مدير المستشفى إن الطواقم أجرت 11 عملية. وأضاف أن المستشفى يعمل بطاقة 150%.")
    assert [s.attributed_to for s in got] == ["مدير المستشفى", "مدير المستشفى"]


def test_sources_without_their_frame():
    got = suggest("בבנק ישראל ציינו כי היתרות הגיעו ל־210 מיליארד דולר.")
    assert got[0].attributed_to == "בנק ישראל"
    got = suggest("הפרקליטות ביקשה 5 שנות מאסר, ואילו ההגנה טענה כי די בשנתיים.")
    assert got[-1].attributed_to == "ההגנה"
    assert suggest("قتل 8 أشخاص، بحسب ما أعلنت وزارة الصحة.")[0].attributed_to == "وزارة الصحة"


@pytest.mark.parametrize(("text", "expected"), [
    ("تجاوز عدد المشتركين 8 ملايين مشترك", (8_000_000, "more_than", "subscribers")),
    ("تخطت المبيعات 40 مليون دولار", (40_000_000, "more_than", "USD")),
    ("تجاوزت درجات الحرارة 47 درجة", (47, "more_than", "celsius")),
    ("سيسمح بدخول 200 شخص كحد أقصى", (200, "at_most", "people")),
    ("האירועים יוגבלו ל־50 איש", (50, "at_most", "people")),
])
def test_passed_and_limited_to(text, expected):
    assert expected in _figures(text)


def test_one_in_n_is_a_share():
    assert _quantities("כמעט אחד מכל ארבעה עובדים פוטר.") == [(0.25, "nearly", "fraction")]
    assert _quantities("يعاني طفل من كل خمسة من فقر الدم.") == [(0.2, "exact", "fraction")]


def test_a_decade_is_ten_years():
    assert _figures("זו הפעם הראשונה מזה עשור") == [(10, "exact", "years")]
    assert _figures("המשא ומתן נמשך יותר מעשור") == [(10, "more_than", "years")]
    assert _figures("בעשור האחרון נבנו שכונות") == []


def test_the_baseline_of_a_comparison_dates_nothing():
    got = suggest("מספר התאונות עלה ב־14 אחוז לעומת השנה הקודמת.")
    assert got[0].types == ["quantity", "comparison"]
    assert "temporal" in suggest("מספר התאונות עלה ב־14 אחוז בשנה האחרונה.")[0].types
    assert _figures("במערכת חסרים כיום כ־900 רופאים") == [(900, "approx", "doctors")]


def test_lower_by_is_a_comparison_and_peak_hours_rank_nothing():
    got = suggest("הדירות יוצעו במחיר הנמוך בכ־15 אחוז ממחיר השוק.")
    assert "comparison" in got[0].types and "superlative" not in got[0].types
    assert "superlative" not in suggest("בשעות השיא נרשם ביקוש של 14 אלף מגה־ואט.")[0].types
    assert "superlative" in suggest("זה המחיר הנמוך ביותר מאז 2019.")[0].types


def test_a_number_in_a_quoted_name_is_part_of_the_name():
    assert suggest("ארגון ״20 שנה״ מתח ביקורת על ההחלטה.") == []
    assert _quantities("וقالت مؤسسة «رؤية 2030» إن 40% من الأسر تضررت.") == [(40, "exact", "percent")]


def test_added_before_a_figure_lists_and_reports_nothing():
    got = suggest("השחקן קלע 31 נקודות, מתוכן 11 ברבע האחרון, והוסיף 7 אסיסטים.")
    assert len(got) == 1 and got[0].attributed_to is None
    assert [q["value"] for q in got[0].quantities] == [31, 11, 7]


def test_a_place_before_a_dash_leads_into_its_figure_and_a_source_ends_a_list():
    got = _texts("נהרגו 5 בני אדם, לפי משרד הבריאות, ובסוריה – לפחות 12, לפי ארגון זכויות אדם.")
    assert got == ["נהרגו 5 בני אדם, לפי משרד הבריאות", "ובסוריה – לפחות 12, לפי ארגון זכויות אדם"]


def test_how_news_was_received_is_a_mood():
    assert suggest("בקרב הסוחרים ההחלטה התקבלה באכזבה.") == []
    assert suggest("وقوبل القرار بخيبة أمل في أوساط التجار.") == []


def test_a_second_report_with_its_own_figure_is_its_own_claim():
    got = _texts("وأوضحت المنظمة أن فرقها عالجت 700 مريض منذ مطلع الشهر، وأن نحو 20% منهم وصلوا في حالة حرجة.")
    assert got == ["وأوضحت المنظمة أن فرقها عالجت 700 مريض منذ مطلع الشهر", "وأن نحو 20% منهم وصلوا في حالة حرجة"]
    got = _texts("قتل 3 أشخاص في انهيار الجسر، ما تسبب في إغلاق الطريق لمسافة 30 كيلومترا.")
    assert got == ["قتل 3 أشخاص في انهيار الجسر", "ما تسبب في إغلاق الطريق لمسافة 30 كيلومترا"]


def test_criticism_without_a_figure_is_an_opinion():
    assert suggest("תנועת המחאה מתחה ביקורת חריפה על החלטת הממשלה.") == []
    assert suggest("وانتقد نواب المعارضة أداء الحكومة في إدارة الأزمة.") == []


def test_a_forecast_needs_a_measured_figure():
    assert suggest("כלכלנים ציינו כי השוק מתמחר הפחתה אחת או שתיים במהלך השנה הקרובה.") == []
    got = suggest("כלכלנים בבנק ציינו כי האינפלציה צפויה לרדת ל־2.5 אחוז בשנה הקרובה.")
    assert len(got) == 1 and "prediction" in got[0].types


def test_deaths_are_counted_as_deaths():
    assert _figures("سجلت 40 حالة وفاة") == [(40, "exact", "deaths")]
    assert _figures("נרשמו 12 מקרי מוות") == [(12, "exact", "deaths")]


def test_according_to_him_is_the_speaker_named_before():
    got = suggest("לפי דובר המשטרה, 30 חשודים נעצרו. המשטרה החרימה לדבריו יותר מ־200 כלי נשק.")
    assert [s.attributed_to for s in got] == ["דובר המשטרה", "דובר המשטרה"]
