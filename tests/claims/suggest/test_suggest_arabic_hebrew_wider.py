"""Arabic and Hebrew figures and suggestions beyond the first articles: counted nouns by role, measures,
qualifiers the guidelines name ("just under", "an estimated", "at most"), rankings and scores, and
which clauses an editor is offered (an event, not an assessment; a date in the reporting frame is none).
The sentences are written for these tests, not taken from any corpus."""

from __future__ import annotations

import pytest

from factcheck.claims.suggest import find_quantities, suggest


def _figures(text: str) -> list[tuple[object, str, object]]:
    return [(q.value, q.qualifier, q.unit) for q in find_quantities(text)]


def _suggested(text: str) -> list[tuple[str, list[tuple[object, str, object]]]]:
    return [(s.text, [(q["value"], q["qualifier"], q["unit"]) for q in s.quantities]) for s in suggest(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("سجلت الشرطة أكثر من 1,200 شكوى", (1200, "more_than", "complaints")),
    ("وقع 312 حادثا مروريا", (312, "exact", "accidents")),
    ("وصل 12 قاربا إلى الشاطئ", (12, "exact", "boats")),
    ("انتشلت الفرق 23 جثة", (23, "exact", "bodies")),
    ("جرفت السيول 4 جسور", (4, "exact", "bridges")),
    ("انهار مبنى من أربعة طوابق", (4, "exact", "floors")),
    ("وزعت 3 آلاف سلة غذائية", (3000, "exact", "food baskets")),
    ("قتل ما لا يقل عن 14 مدنيا", (14, "at_least", "civilians")),
    ("بينهم خمسة أطفال", (5, "exact", "children")),
    ("أصيب 40 جنديا", (40, "exact", "soldiers")),
    ("نفوق أكثر من 15 ألف رأس من الماشية", (15000, "more_than", "livestock")),
    ("هطلت أمطار بلغت 180 مليمترا", (180, "exact", "mm")),
    ("بلغت سرعة الرياح 90 كيلومترا في الساعة", (90, "exact", "km/h")),
    ("عبرت الحدود شاحنتين", (2, "exact", "trucks")),
    ("أغلقت السلطات مدرستين", (2, "exact", "schools")),
    ("الدولتين", None),  # "the two states" (a policy), not a count
    ("ارتفع الدين ثلاثة أضعاف", (3, "exact", "times")),
])
def test_arabic_counted_nouns_measures_and_duals(text, expected):
    got = _figures(text)
    assert (got[0] if got else None) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("הוגשו יותר מ־1,200 תלונות", (1200, "more_than", "complaints")),
    ("בשנת 2023 נרשמו 312 תאונות", (312, "exact", "accidents")),
    ("כ-3,000 לוחמי מילואים גויסו", (3000, "approx", "reservists")),
    ("הכנסות של 3 מיליארד אירו", (3_000_000_000, "exact", "EUR")),
    ("פונו כ-4,200 תושבים", (4200, "approx", "residents")),
    ("שלושה כבאים נפצעו", (3, "exact", "firefighters")),
    ("נחקרו יותר מ-40 עדים", (40, "more_than", "witnesses")),
    ("הוגשו כתבי אישום נגד 9 ראשי רשויות", (9, "exact", "mayors")),
    ("אושרו כ-1,600 יחידות דיור", (1600, "approx", "housing units")),
    ("הורשע בשלושה אישומים", (3, "exact", "counts")),
    ("מאזן של 22 ניצחונות", (22, "exact", "wins")),
    ("הרוחות הגיעו למהירות של עד 60 קמ\"ש", (60, "at_most", "km/h")),
    ("נהרג הנער בן 17", (17, "exact", "years")),
    ("נידונו לפני כחצי שנה", (6, "approx", "months")),
])
def test_hebrew_counted_nouns_by_role_measures_and_ages(text, expected):
    assert _figures(text)[0] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("قتل أقل بقليل من 300 شخص", (300, "nearly", "people")),  # just under
    ("قتل أكثر بقليل من 300 شخص", (300, "more_than", "people")),  # just over
    ("نزح ما يقدر بـ 50 ألف شخص", (50000, "approx", "people")),  # an estimated
    ("غرامة 500 دينار كحد أقصى", (500, "at_most", "JOD")),
    ("قتل 40 شخصا على أقل تقدير", (40, "at_least", "people")),
    ("لا يتعدى 5 في المئة", (5, "at_most", "percent")),
    ("ارتفعت الحصيلة لتصل إلى 52 قتيلا", (52, "exact", "people")),  # rose to reach, not "up to"
    ("נהרגו קצת פחות מ-300 בני אדם", (300, "nearly", "people")),
    ("הנזק מוערך ב-20 מיליון שקל", (20_000_000, "approx", "ILS")),
    ("רשות המסים הגדילה את הגבייה כמעט פי שלושה", (3, "nearly", "times")),
    ("400 איש בקירוב", (400, "approx", "people")),
])
def test_qualifiers_of_the_guidelines(text, expected):
    assert _figures(text)[0] == expected


def test_a_range_is_two_bounds_but_a_change_is_two_exact_figures():
    assert _figures("יעד האינפלציה של 1% עד 3%") == [(1, "at_least", "percent"), (3, "at_most", "percent")]
    assert _figures("نزح من 20 إلى 30 ألف شخص") == [(20000, "at_least", "people"), (30000, "at_most", "people")]
    assert _figures("ارتفع التضخم من 2% إلى 3% هذا العام") == [(2, "exact", "percent"), (3, "exact", "percent")]
    assert _figures("השיעור עלה מ-2% ל-3%") == [(2, "exact", "percent"), (3, "exact", "percent")]


def test_names_with_numbers_are_no_figures():
    assert _figures("מדד תל אביב 35 נחלש ב-1.3%") == [(1.3, "exact", "percent")]


def test_rankings_and_scores_are_figures_of_a_suggestion():
    (s,) = suggest("وهذه هي الزيادة الرابعة في أسعار الوقود منذ مطلع العام.")
    assert [(q["value"], q["unit"]) for q in s.quantities] == [(4, None)]
    got = _suggested("הקבוצה זכתה אמש בתואר לאחר ניצחון 88:81 בגמר.")
    assert got[0][1] == [(88, "exact", "points"), (81, "exact", "points")]


def test_a_bare_count_takes_the_unit_of_its_figure():
    assert _suggested("מאז ינואר ניצחה הקבוצה ב-17 מתוך 19 משחקים.")[0][1] == [
        (17, "exact", "games"), (19, "exact", "games")]
    assert _suggested("23 בתים נפגעו בשריפה, מהם שבעה נשרפו כליל.")[0][1] == [
        (23, "exact", "homes"), (7, "exact", "homes")]
    assert _suggested("שלושה בני אדם נהרגו ו-14 נפצעו בתאונה, כך מסר מד\"א.")[1][1] == [(14, "exact", "people")]


def test_each_toll_with_its_own_verb_is_its_own_claim_but_of_them_stays():
    assert [t for t, _q in _suggested("قتل 12 شخصا وأصيب 30 آخرون في القصف، بحسب الوزارة.")] == [
        "قتل 12 شخصا", "وأصيب 30 آخرون في القصف، بحسب الوزارة"]
    assert len(suggest("23 בתים נפגעו בשריפה, מהם שבעה נשרפו כליל.")) == 1


def test_a_short_item_of_a_list_of_measures_stays_with_it():
    (s,) = suggest("השריפה פרצה ביום שבו נמדדה טמפרטורה של 41 מעלות ולחות של פחות מ-10%.")
    assert [(q["value"], q["unit"]) for q in s.quantities] == [(41, "celsius"), (10, "percent")]


def test_an_assessment_or_a_date_in_the_frame_is_not_offered_but_an_event_is():
    assert suggest("وتقول منظمات إغاثة إن الوضع الإنساني في شمال القطاع يزداد سوءا.") == []
    assert suggest("وقالت اللجنة في بيان مساء الخميس إن القرار جاء لاحتواء الضغوط على الأسعار.") == []
    assert [s.types for s in suggest("ونفى محامي الدفاع جميع التهم الموجهة إلى موكله.")] == [["other"]]
    assert [s.text for s in suggest("נהג המשאית נעצר לחקירה.")] == ["נהג המשאית נעצר לחקירה"]


def test_a_speakers_description_before_a_quote_is_no_claim():
    assert suggest('وقالت منى إبراهيم، وهي موظفة حكومية وأم لثلاثة أطفال: "لم يعد الراتب يكفي".') == []


def test_a_meeting_set_for_a_date_is_a_claim_a_forecast_needs_a_figure_and_its_source():
    (meeting,) = suggest("ومن المقرر أن تعقد اللجنة اجتماعها المقبل في 18 تموز.")
    assert meeting.types == ["temporal"]
    assert suggest("ومن المتوقع أن تستمر الأمطار حتى نهاية الأسبوع.") == []
    (imf,) = suggest("ويتوقع صندوق النقد الدولي أن يتباطأ النمو إلى 3.1 في المئة هذا العام.")
    assert "prediction" in imf.types and imf.attributed_to == "صندوق النقد الدولي"


def test_the_subject_before_kana_qad_is_the_source_and_a_declaration_is_an_event():
    (s,) = suggest("وكان الجيش قد أعلن الشهر الماضي أنه قتل 40 مسلحا في المنطقة.")
    assert s.attributed_to == "الجيش"
    (mourning,) = suggest("وأعلن رئيس الوزراء الحداد الوطني لمدة ثلاثة أيام.")
    assert mourning.attributed_to is None and "other" in mourning.types


def test_a_promise_or_advice_is_left_out_and_the_figure_after_it_keeps_its_source():
    text = "وقال وزير المالية إن الحكومة ستخفض الإنفاق العام، مضيفا أن العجز بلغ 6.1 بالمئة العام الماضي."
    (s,) = suggest(text)
    assert s.text.startswith("مضيفا أن العجز") and s.attributed_to == "وزير المالية"
    assert suggest("وقال رئيس المفوضية إن عمليات الفرز ستنتهي خلال أسبوع.") == []
    assert suggest("החוקרים ממליצים לישון בין שבע לתשע שעות בלילה.") == []


def test_words_ranges_out_of_and_polling_stations():
    assert _figures("ישנו בין שבע לתשע שעות") == [(7, "at_least", "hours"), (9, "at_most", "hours")]
    assert _suggested("وحصل الائتلاف على 38 مقعدا من أصل 329 في البرلمان.")[0][1] == [
        (38, "exact", "seats"), (329, "exact", "seats")]
    assert _figures("أدلى الناخبون بأصواتهم في 8,700 مركز اقتراع") == [(8700, "exact", "polling stations")]
    assert _figures("לקות בסוכרת מסוג 2") == []


def test_a_study_that_found_is_the_source():
    (s,) = suggest("מחקר של האוניברסיטה מצא כי שינה קצרה מעלה ב-30% את הסיכון לסוכרת.")
    assert "attribution" in s.types and s.attributed_to == "מחקר של האוניברסיטה"


@pytest.mark.parametrize("text", [
    "ودعت الأمم المتحدة جميع الأطراف إلى ضبط النفس.",  # "ضبط" a noun here, not "seized"
    "ويشكو التجار من تراجع حركة البيع.",
    "وأعرب الأهالي عن غضبهم من بطء عمليات الإغاثة.",
    "ويرى خبراء أن الأزمة قد تطول.",
    "ومن المتوقع أن ترتفع الأسعار مجددا الشهر المقبل.",
    "התושבים הביעו זעם על קצב הטיפול ברשויות.",
    "מומחים מעריכים כי המשבר עלול להימשך.",
    "הסוחרים מתלוננים על ירידה במכירות.",
    "המחירים צפויים לעלות שוב בחודש הבא.",
])
def test_feelings_assessments_and_forecasts_without_figures_are_not_offered(text):
    assert suggest(text) == []


def test_magnitude_of_them_and_over_the_past_days():
    assert _suggested("ضرب زلزال بقوة 5.8 درجات على مقياس ريختر شمال البلاد فجر الأحد.")[0][1] == [(5.8, "exact", "magnitude")]
    assert _suggested("רעידת אדמה בעוצמה של 5.8 בסולם ריכטר הורגשה הבוקר בצפון.")[0][1] == [(5.8, "exact", "magnitude")]
    got = _suggested("واضطر قرابة 7 آلاف شخص إلى مغادرة منازلهم، ولجأ نحو 2500 منهم إلى المدارس.")
    assert [q for _t, qs in got for q in qs][-1] == (2500, "approx", "people")
    assert _figures("وزعت خيام خلال اليومين الماضيين") == [(2, "exact", "days")]
    assert _figures("خلال 24 ساعة") == [(24, "at_most", "hours")]


def test_between_is_no_yen():
    assert _figures("أغلقت السلطات الطريق السريع رقم 4 بين المدينتين") == []


def test_a_forecast_is_left_out_and_the_event_after_it_kept():
    got = suggest("בשירות המטאורולוגי צופים כי גל החום יימשך עד סוף השבוע, ורשות הכבאות הכריזה על כוננות מוגברת בכל הארץ.")
    assert [s.text for s in got] == ["ורשות הכבאות הכריזה על כוננות מוגברת בכל הארץ"]
    assert _figures("המשחק נערך מול 11,200 צופים") == [(11200, "exact", "spectators")]


def test_and_a_half_of_a_scale_and_a_tenth():
    assert _figures("خصصت مليار ونصف المليار دولار") == [(1_500_000_000, "exact", "USD")]
    assert _figures("עשירית מהתקציב") == [(0.1, "exact", "fraction")]


def test_coordinated_assertions_split_after_a_comma_and_list_without_one():
    texts = [s.text for s in suggest("מאז תחילת השנה איבד השקל כ-4% מערכו מול הדולר, ומחירי הדלק עלו שלוש פעמים.")]
    assert texts == ["מאז תחילת השנה איבד השקל כ-4% מערכו מול הדולר", "ומחירי הדלק עלו שלוש פעמים"]
    assert len(suggest("מדד תל אביב 35 נחלש ב-1.3% ומדד הבנקים ירד ב-2.1%.")) == 1
    texts = [s.text for s in suggest("דהן כיהן כראש המועצה במשך 14 שנים ופרש מתפקידו בינואר 2022.")]
    assert texts == ["דהן כיהן כראש המועצה במשך 14 שנים", "ופרש מתפקידו בינואר 2022"]
    # the date and place of one strike stay with its toll
    assert len(suggest("قتل 14 شخصا على الأقل، بينهم ستة أطفال، في قصف استهدف سوقا يوم الثلاثاء، بحسب الوزارة.")) == 1


def test_a_company_plan_is_a_forecast_only_with_its_source():
    assert suggest("קבוצת נתיב תשקיע 1.2 מיליארד שקל בהקמת מרכז לוגיסטי בנגב") == []
    (s,) = suggest("קבוצת נתיב הודיעה היום כי תשקיע כ-1.2 מיליארד שקל בהקמת מרכז לוגיסטי.")
    assert "prediction" in s.types and s.attributed_to == "קבוצת נתיב"


def test_for_the_nth_time_ranks_and_lists_of_strikes_stay_together():
    (s,) = suggest("توج نادي السد بلقب الدوري للمرة السابعة عشرة في تاريخه.")
    assert [(q["value"], q["unit"]) for q in s.quantities] == [(17, None)] and "superlative" in s.types
    (s,) = suggest("בתגובה תקף חיל האוויר 12 מטרות בשעות האחרונות, ביניהן שני מחסני נשק.")
    assert [(q["value"], q["unit"]) for q in s.quantities] == [(12, "targets"), (2, "warehouses")]
    assert _figures("وحضر المباراة نحو 38 ألف متفرج") == [(38000, "approx", "spectators")]


def test_a_live_blog_time_stamp_is_no_part_of_the_claim():
    (s,) = suggest("10:45 - ارتفع عدد الوفيات إلى 17 شخصا، بحسب آخر حصيلة للدفاع المدني.")
    assert s.text.startswith("ارتفع عدد الوفيات")


def test_a_dateline_is_no_part_of_the_claim():
    assert [s.text for s in suggest("الرمادة (وكالة الأنباء المشرقية) - قُتل ما لا يقل عن 14 مدنيا في القصف.")] == [
        "قُتل ما لا يقل عن 14 مدنيا في القصف"]
    assert [s.text for s in suggest("ירושלים - שלושה בני אדם נפצעו הבוקר.")] == ["שלושה בני אדם נפצעו הבוקר"]


@pytest.mark.parametrize("text", [
    "ويقيم اللاجئون في مخيم عين الحلوة قرب صيدا.",  # "عين" a place, not "appointed"
    "وتقود حركة فتح المفاوضات مع الفصائل الأخرى.",  # "فتح" a movement, not "opened"
    "התושבים בפתח תקווה מתלוננים על הרעש.",
    "השביל עובר בתוך שמורת טבע יפהפייה.",
])
def test_names_that_spell_an_event_verb_are_no_event(text):
    assert suggest(text) == []


@pytest.mark.parametrize("text", [
    "המשפחות הגיעו למקום וביקשו מידע על יקיריהן.",
    "ووصل الوزير إلى المدينة والتقى بالأهالي.",
])
def test_arrivals_and_meetings_alone_are_scenes_not_claims(text):
    assert suggest(text) == []
