"""Suggestions and figures for Arabic and Hebrew articles: the same shape as for English, with the
English type and unit codes, offsets into the text as stored (whatever its digits or vowel marks)."""

from __future__ import annotations

import pytest

from factcheck.claims.suggest import analyse, find_quantities, suggest
from factcheck.claims.suggest.lang_script import detect, normalise, to_ascii_digits


def _figures(text: str) -> list[tuple[object, str, object]]:
    return [(q.value, q.qualifier, q.unit) for q in find_quantities(text)]


def _one(text: str):
    found = suggest(text)
    assert len(found) == 1, [s.text for s in found]
    return found[0]


# --- script and digits --------------------------------------------------------------------------


def test_language_is_told_by_script_unless_given():
    assert detect("قالت الوزارة إن 12 شخصا قتلوا") == "ar"
    assert detect("המשטרה מסרה כי 12 בני אדם נהרגו") == "he"
    assert detect("Police said 12 people died in Ramla (الرملة).") == "en"
    assert detect("Police said 12 people died.", "he") == "he"
    assert detect("المشهد", "und") == "ar"


def test_arabic_indic_and_persian_digits_keep_offsets():
    text = "أصيب ١٢٣ شخصا و۴۵ آخرون"
    assert len(to_ascii_digits(text)) == len(text)
    assert _figures(text) == [(123, "exact", "people"), (45, "exact", "people")]
    q = find_quantities(text)[0]
    assert text[q.start:q.end] == q.text == "١٢٣ شخصا"


def test_arabic_separators_and_percent_sign():
    assert _figures("ارتفع التضخم إلى ٥٫٢٪ وفقد ١٬٢٠٠ عامل وظائفهم") == [(5.2, "exact", "percent"), (1200, "exact", "workers")]


def test_vowel_marks_do_not_hide_a_figure_and_offsets_stay_on_the_original():
    text = "قُتِلَ ثلاثةُ أشخاصٍ"
    norm, index = normalise(text)
    assert len(norm) < len(text) and index[-1] == len(text)
    q = find_quantities(text)[0]
    assert (q.value, q.unit) == (3, "people")
    assert text[q.start:q.end] == q.text == "ثلاثةُ أشخاصٍ"


# --- number words, currencies, units, qualifiers -----------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("قتل خمسة وعشرون مدنيا", (25, "exact", "civilians")),
    ("نزح نحو ألفي شخص", (2000, "approx", "people")),
    ("وصل ثلاثة آلاف لاجئ", (3000, "exact", "refugees")),
    ("خسائر بقيمة 3.5 مليون دولار", (3500000, "exact", "USD")),
    ("قرض بقيمة ثمانية مليارات دولار", (8000000000, "exact", "USD")),
    ("غرامة 40 ألف شيكل", (40000, "exact", "ILS")),
    ("تراجع بنحو 40 بالمئة", (40, "approx", "percent")),
    ("ارتفع 6 في المائة", (6, "exact", "percent")),
    ("أصيب أكثر من 30 آخرين", (30, "more_than", "people")),
    ("قتل ما لا يقل عن 14 شخصا", (14, "at_least", "people")),
    ("حضر قرابة 200 شخص", (200, "nearly", "people")),
    ("سكان يقدر عددهم بحوالي 180 ألف نسمة", (180000, "approx", "people")),
    ("بلغ الدين زهاء مليون دينار", (1000000, "approx", "JOD")),
    ("أقل من عشرة أيام", (10, "less_than", "days")),
    ("قتل 14 شخصا على الأقل", (14, "at_least", "people")),
    ("يعيش نحو ثلث السكان", (0.3333, "approx", "fraction")),
])
def test_arabic_figures(text, expected):
    assert _figures(text)[0] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("נהרגו שלושה בני אדם", (3, "exact", "people")),
    ("עשרים וחמישה הרוגים", (25, "exact", "people")),
    ("כ־300 פצועים", (300, "approx", "people")),
    ("כ-1,200 תושבים", (1200, "approx", "residents")),
    ("יותר מ־40 חיילים", (40, "more_than", "soldiers")),
    ("פחות מ-5%", (5, "less_than", "percent")),
    ("לפחות 19 הרוגים", (19, "at_least", "people")),
    ("כמעט אלפיים מפגינים", (2000, "nearly", "protesters")),
    ("עד 30 ימים", (30, "at_most", "days")),
    ("מעל 500 בתים", (500, "more_than", "homes")),
    ("קרוב ל-600 דירות", (600, "nearly", "apartments")),
    ("נזק של 5 מיליון ש״ח", (5000000, "exact", "ILS")),
    ("תרומה של 2 מיליון דולר", (2000000, "exact", "USD")),
    ("עלייה של 12 אחוזים", (12, "exact", "percent")),
    ("מחצית מהמשקים", (0.5, "exact", "fraction")),
    ("לפני שנתיים", (2, "exact", "years")),
])
def test_hebrew_figures(text, expected):
    assert _figures(text)[0] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("قتل 14 فلسطينيا على الأقل", (14, "at_least", "people")),  # the qualifier after the counted noun
    ("بلغت الخسائر مليار و200 مليون دولار", (1200000000, "exact", "USD")),
    ("وصل 3 ملايين و500 ألف نسمة", (3500000, "exact", "people")),
    ("תרומה של מיליון ו-200 אלף שקל", (1200000, "exact", "ILS")),
    ("כמחצית מהתושבים", (0.5, "approx", "fraction")),
    ("יותר משלושת אלפים מפגינים", (3000, "more_than", "protesters")),
    ("שלושה רבעים מהתושבים", (0.75, "exact", "fraction")),
    ("قتل شخص واحد", (1, "exact", "people")),
    ("أصيب جنديين", (2, "exact", "soldiers")),
    ("خلال 24 ساعة", (24, "at_most", "hours")),
    ("בתוך שעתיים", (2, "at_most", "hours")),
    ("قرابة الـ100 شخص", (100, "nearly", "people")),
    ("خسائر بقيمة 3,5 مليون دولار", (3500000, "exact", "USD")),
    ("قتل ما يفوق 300 شخص", (300, "more_than", "people")),
    ("סביב 300 איש", (300, "approx", "people")),
    ("לכל הפחות 12 הרוגים", (12, "at_least", "people")),
])
def test_figures_in_two_parts_duals_and_qualifiers_after_the_noun(text, expected):
    assert _figures(text)[0] == expected


def test_years_days_of_the_month_and_weekdays_are_not_figures():
    assert _figures("وقع الهجوم في 6 مارس 2023") == []
    assert _figures("הפיגוע ב-7 באוקטובר 2023 ביום שני") == []
    assert _figures("منذ عام 1956") == []


def test_a_range_reads_as_its_two_bounds():
    assert _figures("قتل ما بين 20 و30 شخصا") == [(20, "at_least", "people"), (30, "at_most", "people")]


# --- sentences and clauses -----------------------------------------------------------------------


def test_gershayim_in_an_abbreviation_does_not_end_a_sentence():
    s = _one("צה״ל הודיע כי עצר שני חשודים בלילה.")
    assert s.text == "צה״ל הודיע כי עצר שני חשודים בלילה"
    assert s.attributed_to == "צה״ל"


def test_hebrew_quotation_marks_close_a_sentence_and_testimony_is_not_suggested():
    text = "״שמענו פיצוץ אדיר ורצנו החוצה״, אמרה תושבת. המשטרה עצרה שני חשודים."
    assert [s.text for s in suggest(text)] == ["המשטרה עצרה שני חשודים"]


def test_arabic_question_is_not_a_claim_and_arabic_comma_splits_clauses():
    text = "هل يغير الحكم شيئا؟ قُتل 12 شخصا يوم السبت، وأصيب أكثر من 30 آخرين، بحسب وزارة الصحة."
    found = suggest(text)
    assert [s.text for s in found] == ["قُتل 12 شخصا يوم السبت", "وأصيب أكثر من 30 آخرين، بحسب وزارة الصحة"]
    # the source at the end of the sentence covers both clauses
    assert [s.attributed_to for s in found] == ["وزارة الصحة", "وزارة الصحة"]
    assert found[0].types == ["quantity", "temporal", "attribution"]
    assert found[1].quantities[0] == {"value": 30, "qualifier": "more_than", "unit": "people", "text": "أكثر من 30 آخرين"}


def test_a_list_and_an_including_phrase_stay_with_their_figure():
    s = _one("قتل 14 شخصا، بينهم ستة أطفال، في قصف على السوق.")
    assert [q["value"] for q in s.quantities] == [14, 6]
    s = _one("כ־150 שוטרים ו-12 ניידות הוזעקו למקום.")
    assert [q["value"] for q in s.quantities] == [150, 12]


def test_arabic_semicolon_separates_statements():
    found = suggest("ارتفعت الأسعار 8 بالمئة في يناير؛ وتراجعت الصادرات 3 بالمئة في فبراير.")
    assert len(found) == 2


# --- cues: sources, rankings, comparisons, dates, predictions -----------------------------------


@pytest.mark.parametrize(("text", "source"), [
    ("قالت وزارة الصحة إن 12 شخصا قتلوا", "وزارة الصحة"),
    ("أصيب 30 شخصا، وفقاً لمدير المستشفى", "مدير المستشفى"),
    ("قتل 5 أشخاص بحسب الدفاع المدني", "الدفاع المدني"),
    ("أفادت وكالة الأنباء بمقتل 4 أشخاص", "وكالة الأنباء"),
    ("לדברי שר האוצר, הגירעון הסתכם ב-120 מיליארד ש״ח", "שר האוצר"),
    ("נהרגו 3 בני אדם, כך מסרה המשטרה", "המשטרה"),
    ("משרד הבריאות דיווח על 412 מקרים חדשים", "משרד הבריאות"),
    ("לפי הלשכה המרכזית לסטטיסטיקה, האינפלציה ירדה ל-3.1%", "הלשכה המרכזית לסטטיסטיקה"),
])
def test_attribution_names_the_source(text, source):
    s = _one(text)
    assert "attribution" in s.types
    assert s.attributed_to == source


@pytest.mark.parametrize("text", [
    "ويعد الهجوم الأعنف على المدينة منذ آذار 2023",
    "وهو أعلى مستوى للفائدة على الإطلاق",
    "זהו הפיגוע הקטלני ביותר בעיר מאז 2019",
    "זו הפעם הראשונה שהריבית יורדת מאז ינואר",
])
def test_superlatives(text):
    assert "superlative" in _one(text).types


def test_comparisons_and_multipliers():
    s = _one("ارتفع التضخم إلى 35.8 بالمئة، مقارنة بـ 29.8 بالمئة في يناير")
    assert "comparison" in s.types and [q["value"] for q in s.quantities] == [35.8, 29.8]
    s = _one("מספר המקרים גדול פי ארבעה לעומת אשתקד")
    assert "comparison" in s.types
    assert s.quantities[0]["unit"] == "times" and s.quantities[0]["value"] == 4


@pytest.mark.parametrize("text", [
    "وصل الوفد إلى القاهرة في 15 تشرين الأول الماضي",
    "وصل الوفد إلى القاهرة في 15 أكتوبر الماضي",
    "הסגן נעצר ב-3 בינואר בעיר",
])
def test_dates_in_levantine_egyptian_and_hebrew_months(text):
    s = _one(text)
    assert "temporal" in s.types
    assert s.quantities == []  # the day of the month is a date, not a figure
    assert "superlative" not in s.types  # "الأول" in a month's name ranks nothing


def test_predictions_opinions_and_first_person_are_not_suggested():
    assert suggest("ومن المتوقع أن تستأنف المحادثات الأسبوع المقبل.") == []
    assert suggest("הכלכלנים מעריכים כי הריבית תרד שוב ברבעון הבא.") == []
    assert suggest("ويرى محللون أن القرار جاء متأخرا.") == []
    assert suggest("אנחנו מתפללים לגשם כבר שבועיים.") == []


def test_analyse_types_a_marked_arabic_passage_with_its_sentences_source():
    text = "قُتل 12 شخصا يوم السبت، وأصيب أكثر من 30 آخرين، بحسب وزارة الصحة."
    start = text.index("وأصيب")
    got = analyse(text, start, start + len("وأصيب أكثر من 30 آخرين"))
    assert got.types == ["quantity", "attribution"]
    assert got.quantities == [{"value": 30, "qualifier": "more_than", "unit": "people", "text": "أكثر من 30 آخرين"}]
    assert got.attributed_to == "وزارة الصحة"


def test_every_suggestion_quotes_the_stored_text():
    text = "قُتِلَ ١٤ شخصاً على الأقل، بينهم ستة أطفال، بحسب الوزارة.\n\nנהרגו כ־300 בני אדם, לפי צה״ל."
    for s in suggest(text):
        assert text[s.start:s.end] == s.text
        for q in s.quantities:
            assert q["text"] in s.text


@pytest.mark.parametrize(("text", "expected"), [
    ("הנזק מוערך בכ־15 מיליון שקל", (15000000, "approx", "ILS")),  # ב glued before the "about" כ
    ("המחירים עלו בכ-7 אחוזים", (7, "approx", "percent")),
    ("בתאונה היו מעורבים 14 כלי רכב", (14, "exact", "vehicles")),  # a two-word counted noun
    ("גויסו עד 5,000 חיילי מילואים", (5000, "at_most", "reservists")),
    ("נפתחו 3 בתי ספר חדשים", (3, "exact", "schools")),
    ("נעצרו שני חשודים", (2, "exact", "suspects")),
    ("דווח על 412 מקרי חצבת", (412, "exact", "cases")),
    ("הוזעקו 40 צוותים", (40, "exact", "teams")),
    ("بسجن خمس سنوات", (5, "exact", "years")),  # five before an indefinite counted noun, not a fifth
    ("ويملك خمس السكان منازلهم", (0.2, "exact", "fraction")),
    ("تعويض قدره مليونا درهم", (2000000, "exact", "AED")),  # the dual in construct
    ("بلغ العدد أحد عشر مليونا", (11000000, "exact", None)),
    ("أدين ثلاثة متهمين", (3, "exact", "defendants")),
    ("نحو مئتي مستثمر", (200, "approx", "investors")),
])
def test_figures_units_prefixes_and_duals_from_dev_articles(text, expected):
    assert _figures(text)[0] == expected


def test_according_to_is_no_comparison_and_a_counted_subject_is_no_source():
    s = _one("לפחות 12 רקטות שוגרו לעבר הצפון במהלך הלילה, כך לפי צה\"ל")
    assert "comparison" not in s.types and s.attributed_to == 'צה"ל'
    survey = _one("יותר ממחצית העסקים הקטנים דיווחו על ירידה בהכנסות")
    assert "attribution" not in survey.types and survey.attributed_to is None


def test_wafq_names_the_source():
    s = _one("وأطلقت الفصائل أكثر من 60 صاروخا باتجاه البلدات الحدودية خلال 48 ساعة، وفق الجيش")
    assert "attribution" in s.types and s.attributed_to == "الجيش"


@pytest.mark.parametrize(("text", "expected"), [
    ("מחירי הדירות עלו בתוך שנה", [(1, "at_most", "years")]),  # within a year: one, at most
    ("ارتفعت الأسعار خلال أسبوع", [(1, "at_most", "weeks")]),
    ("خلال عام 2023 ارتفعت الأسعار", []),  # a date, not a duration
    ("התאונה אירעה בכביש 6 ליד חדרה", []),  # a road's number is its name
    ("وقع الحادث على الطريق 15", []),
])
def test_within_one_unit_and_numbered_names(text, expected):
    assert _figures(text) == expected


def test_a_vague_toll_after_a_figure_is_a_claim_of_its_own():
    found = suggest("שלושה בני אדם נהרגו ועשרות נפצעו בתאונת שרשרת בכביש 6 ביום ראשון, כך מסרה המשטרה.")
    assert [s.text for s in found] == ["שלושה בני אדם נהרגו", "ועשרות נפצעו בתאונת שרשרת בכביש 6 ביום ראשון, כך מסרה המשטרה"]
    # "עשרות" (tens of) is at least ten people, as the labels give a vague toll
    assert found[0].quantities[0]["value"] == 3
    assert [(q["value"], q["qualifier"], q["unit"]) for q in found[1].quantities] == [(10, "at_least", "people")]


@pytest.mark.parametrize(("text", "expected"), [
    ("وتجاوز عدد العاطلين عن العمل 400 ألف شخص", (400000, "more_than", "people")),
    ("تجاوزت حصيلة القتلى 100 شخص", (100, "more_than", "people")),
    ("بلغ عدد العاطلين 400 ألف شخص", (400000, "exact", "people")),
])
def test_a_count_that_passed_a_figure_is_more_than_it(text, expected):
    assert _figures(text)[0] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("ويتراوح السعر بين 15 و20 ألف جنيه", [(15000, "at_least", "EGP"), (20000, "at_most", "EGP")]),  # one scale
    ("בין 3 ל-4,000 איש", [(3, "at_least", "people"), (4000, "at_most", "people")]),  # digits carry no scale
    ("בין 10 ל־15 שריפות", [(10, "at_least", "fires"), (15, "at_most", "fires")]),
    ("נותרו ללא חשמל במשך כשבוע", [(1, "approx", "weeks")]),  # about a week
])
def test_a_scale_after_a_range_and_about_one_unit(text, expected):
    assert _figures(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("מספר הפצועים עלה ל־47, מהם שישה במצב קשה", [(47, "exact", "people"), (6, "exact", "people")]),
    ("وبلغ عدد المنازل المدمرة 300", [(300, "exact", "homes")]),
    ("נהרגו 5, כך נמסר", [(5, "exact", None)]),  # no counted noun in the clause: no unit guessed
])
def test_a_bare_count_takes_the_noun_its_clause_counts(text, expected):
    assert _figures(text) == expected


def test_a_dirham_in_a_moroccan_story_is_the_moroccan_one():
    assert _figures("الرباط - غرامة 500 درهم") == [(500, "exact", "MAD")]
    assert _figures("دبي - غرامة 500 درهم") == [(500, "exact", "AED")]


@pytest.mark.parametrize(("text", "expected"), [
    ("وصل مئتا شخص", [(200, "exact", "people")]),  # the nominative dual in construct
    ("ألف و500 شخص", [(1500, "exact", "people")]),  # thousands in words, then digits: one figure
    ("שלושת אלפים ו-200 עובדים", [(3200, "exact", "workers")]),
    ("قتل 1000 و500 أصيبوا", [(1000, "exact", None), (500, "exact", None)]),  # two figures in digits
    ("המחירים עלו פי 3", [(3, "exact", "times")]),
    ("לפי 3 עדים", [(3, "exact", "witnesses")]),  # "according to", not "times"
])
def test_duals_thousands_joined_and_times_in_digits(text, expected):
    assert _figures(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("ارتفعت الأسعار إلى أكثر من ضعف", [(2, "more_than", "times")]),
    ("המחירים עלו יותר מפי שניים", [(2, "more_than", "times")]),
    ("נמסר מפי שלושה עדים", [(3, "exact", "witnesses")]),  # "from the mouth of" three witnesses
])
def test_a_qualified_multiplier(text, expected):
    assert _figures(text) == expected


def test_approved_is_no_attribution_but_a_later_reporting_phrase_is():
    budget = _one("הממשלה אישרה תקציב של 5 מיליארד שקל")
    assert "attribution" not in budget.types and budget.attributed_to is None
    reported = _one("הממשלה אישרה אתמול תקציב של 580 מיליארד שקל, כך הודיע משרד האוצר")
    assert reported.attributed_to == "משרד האוצר"
    confirmed = _one("המשטרה אישרה כי 3 בני אדם נעצרו")
    assert confirmed.attributed_to == "המשטרה"


def test_families_are_counted_as_families():
    assert _figures("1,200 משפחות קיבלו סיוע") == [(1200, "exact", "families")]
    assert _figures("تلقت 300 أسرة مساعدات") == [(300, "exact", "families")]


@pytest.mark.parametrize(("text", "expected"), [
    ("أقر المجلس القانون بأغلبية 64 صوتا", [(64, "exact", "votes")]),
    ("سقطت 40 قذيفة على البلدة", [(40, "exact", "shells")]),
    ("נורו 40 פגזים לעבר העיר", [(40, "exact", "shells")]),
])
def test_votes_and_shells(text, expected):
    assert _figures(text) == expected
