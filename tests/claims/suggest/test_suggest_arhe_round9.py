"""Arabic and Hebrew suggestions, round 9: ranges opened by a unit alone or closed by a word glued to
"و" ("بين متر ومترين", "بين سنتين وخمس سنوات"), a change whose verb stands a subject away from "من ... إلى",
qualifier words only at the start of a word ("الوفاق" holds no "فاق"), and the other rules of the round.
The sentences are written for these tests, not taken from any corpus."""

from __future__ import annotations

from factcheck.claims.suggest import suggest
from tests.claims.suggest.support import figures as _figures
from tests.claims.suggest.support import one as _one


def test_arabic_range_opened_by_a_unit_alone_is_one_to_two() -> None:
    s = _one("وبلغ ارتفاع الأمواج قرب الميناء بين متر ومترين صباح الأحد.", "وبلغ ارتفاع")
    assert _figures(s) == [(1, "at_least", "m"), (2, "at_most", "m")]


def test_hebrew_range_opened_by_a_unit_alone_is_one_to_two() -> None:
    s = _one("ההמתנה לרופא במיון נמשכה בין שעה לשעתיים בכל בתי החולים.", "ההמתנה")
    assert _figures(s) == [(1, "at_least", "hours"), (2, "at_most", "hours")]


def test_arabic_range_whose_second_bound_is_a_word_glued_to_and() -> None:
    s = _one("وحكم على أربعة موظفين بالسجن مدداً تتراوح بين سنتين وسبع سنوات.", "وحكم على")
    assert (2, "at_least", "years") in _figures(s) and (7, "at_most", "years") in _figures(s)


def test_arabic_dual_of_a_measure_is_two_of_it() -> None:
    s = _one("وارتفع منسوب السد مترين خلال أسبوع واحد.", "وارتفع منسوب")
    assert (2, "exact", "m") in _figures(s)


def test_arabic_change_with_its_subject_between_verb_and_figures_is_no_range() -> None:
    s = _one("وارتفع عدد العيادات المتنقلة في الأرياف من ٣١٠ إلى ٤٢٥ عيادة.", "وارتفع عدد")
    assert [(v, q) for v, q, _u in _figures(s)] == [(310, "exact"), (425, "exact")]


def test_a_range_after_a_change_verb_in_another_clause_is_still_a_range() -> None:
    got = [f for s in suggest("وارتفعت أسعار الخبز، ويحتاج إصلاح الأفران من 3 إلى 5 أيام.") for f in _figures(s)]
    assert (3, "at_least", "days") in got and (5, "at_most", "days") in got


def test_a_name_ending_in_a_qualifier_word_qualifies_nothing() -> None:
    s = _one("وفاز حزب الوفاق 47 مقعداً في البرلمان الجديد.", "وفاز حزب")
    assert _figures(s) == [(47, "exact", "seats")]
    passed = _figures(_one("وقد فاق 300 مليون دينار حجم الخسائر.", "وقد فاق"))
    assert passed[0][:2] == (300000000, "more_than")


def test_arabic_second_verbal_noun_of_a_toll_stays_in_the_one_claim() -> None:
    s = _one("وأسفر انهيار الجسر عن مقتل ستة أشخاص وإصابة 41 آخرين، وفق الدفاع المدني.", "وأسفر انهيار")
    assert [v for v, _q, _u in _figures(s)] == [6, 41] and "causal" in s.types


def test_arabic_prison_term_and_fine_of_one_sentence_are_one_claim() -> None:
    s = _one("قضت محكمة الاستئناف بسجن المدير المالي خمس سنوات وتغريمه 250 ألف دينار.", "قضت محكمة")
    assert [v for v, _q, _u in _figures(s)] == [5, 250000] and "quantity" in s.types


def test_arabic_second_verb_of_its_own_is_still_a_claim_of_its_own() -> None:
    texts = [s.text for s in suggest("قتل 14 شخصا وأصيب 52 آخرون في انفجار صهريج وقود.")]
    assert len(texts) == 2


def test_hebrew_what_a_change_reached_after_a_comma_is_the_same_change() -> None:
    texts = [s.text for s in suggest("מספר המבקרים בתערוכה עלה ב־22% לעומת אשתקד, והגיע ל־18,500.")]
    assert texts == ["מספר המבקרים בתערוכה עלה ב־22% לעומת אשתקד, והגיע ל־18,500"]
    two = [s.text for s in suggest("מחירי החשמל עלו ב־4%, ושיעור האינפלציה הגיע ל־3.3%.")]
    assert len(two) == 2  # a subject of its own: a claim of its own


def test_one_noun_twice_joined_by_and_is_a_phrase_not_two_clauses() -> None:
    s = _one("בעקבות השיטפון נסגרו כביש 90 וכביש 31 לתנועה במשך כחמש שעות.", "בעקבות השיטפון")
    assert s.text.endswith("שעות") and "causal" in s.types
    assert [(v, q) for v, q, _u in _figures(s)] == [(5, "approx")]  # road numbers are names


def test_arabic_age_after_an_object_leads_into_the_rest_of_the_verb() -> None:
    s = _one("وأدانت المحكمة المحاسب، البالغ من العمر 47 عاماً، باختلاس 2.5 مليون درهم.", "وأدانت المحكمة")
    assert [v for v, _q, _u in _figures(s)] == [47, 2500000]


def test_a_speakers_age_with_nothing_reported_is_no_claim() -> None:
    assert suggest("وقال المتهم، البالغ من العمر 40 عاما، إنه بريء من جميع التهم.") == []
    assert suggest("שר האוצר, בן 61, אמר כי ההחלטה נכונה.") == []


def test_hebrew_first_of_a_sequence_ranks_nothing() -> None:
    s = _one("שיעור המתחסנים במנה הראשונה של החיסון עלה ל־88%.", "שיעור המתחסנים")
    assert "superlative" not in s.types
    assert "superlative" in _one("זו הפעם הראשונה שבה נסגר הנמל.", "זו הפעם").types
    assert "superlative" in _one("זו השביתה הראשונה של המורים מאז 2019.", "זו השביתה").types


def test_a_hotline_or_a_section_number_is_no_figure() -> None:
    assert suggest("לפרטים נוספים ניתן לפנות למוקד 106 של העירייה.") == []
    s = _one("לפי סעיף 40 לחוק, הקנס הגיע ל־50 אלף ש״ח.", "לפי סעיף")
    assert [v for v, _q, _u in _figures(s)] == [50000]


def test_the_year_compared_with_does_not_date_the_claim() -> None:
    s = _one("وارتفع عدد السياح الأجانب بنسبة 12 في المئة مقارنة بعام 2022.", "وارتفع عدد")
    assert "comparison" in s.types and "temporal" not in s.types
    he = _one("מספר התאונות עלה ב־14% לעומת 2021.", "מספר התאונות")
    assert "comparison" in he.types and "temporal" not in he.types
    assert "temporal" in _one("מספר התאונות עלה ב־14% ב־2024 לעומת 2021.", "מספר התאונות").types


def test_arabic_increase_over_the_year_before_is_a_comparison() -> None:
    s = _one("وبلغت الصادرات 4 مليارات دولار، بزيادة 9 في المئة عن العام الذي سبقه.", "بزيادة")
    assert "comparison" in s.types


def test_arabic_confirmed_as_an_adjective_names_no_source() -> None:
    s = _one("وسجلت الوزارة 85 إصابة مؤكدة بالكوليرا منذ مطلع الشهر.", "وسجلت")
    assert s.attributed_to is None or "بالكوليرا" not in s.attributed_to


def test_the_size_of_what_the_clause_named_stays_with_it() -> None:
    s = _one("הממשלה אישרה אמש תוכנית סיוע לחקלאים, בהיקף של 2.4 מיליארד ש\"ח.", "הממשלה אישרה")
    assert [(v, u) for v, _q, u in _figures(s)] == [(2400000000, "ILS")]
    ar = _one("وأقرت الحكومة خطة لدعم المزارعين، بقيمة 300 مليون دينار.", "وأقرت الحكومة")
    assert [v for v, _q, _u in _figures(ar)] == [300000000]


def test_hebrew_in_more_than_is_no_ranking_and_above_a_place_no_comparison() -> None:
    s = _one("בעקבות השיגור הופעלו אזעקות ביותר מ־150 יישובים בצפון.", "בעקבות השיגור")
    assert "superlative" not in s.types and (150, "more_than") in [(v, q) for v, q, _u in _figures(s)]
    s = _one("שני בני אדם נפצעו קל מרסיסים מעל חיפה, כך מסר מד\"א.", "שני בני אדם")
    assert "comparison" not in s.types
    assert "comparison" in _one("האינפלציה עומדת על 4.1%, מעל הגבול העליון של היעד.", "האינפלציה").types


def test_hebrew_second_count_with_an_adjective_and_its_own_verb_is_its_own_claim() -> None:
    texts = [s.text for s in suggest("בנמל התעופה עוכבו 12 טיסות, ושתי טיסות נכנסות הוסטו לאילת.")]
    assert len(texts) == 2 and texts[1].startswith("ושתי טיסות")


def test_a_term_of_one_unit_with_no_number_is_one_of_it() -> None:
    s = _one("הקבלן נידון אתמול לשנה מאסר בפועל בגין העבירות.", "הקבלן")
    assert (1, "exact", "years") in _figures(s)
    ar = _one("وقضت المحكمة بالسجن عاما على المتهم الثالث.", "وقضت المحكمة")
    assert (1, "exact", "years") in _figures(ar)


def test_a_sentence_with_its_term_is_temporal_not_other() -> None:
    s = _one("בית המשפט המחוזי בנצרת גזר היום 9 שנות מאסר על רואה החשבון.", "בית המשפט")
    assert s.types == ["temporal"]
    assert "other" in _one("השר לשעבר הורשע אתמול במרמה ובהפרת אמונים.", "השר לשעבר").types


def test_two_number_words_joined_by_and_are_two_bounds_not_one_sum() -> None:
    s = _one("وتستغرق الرحلة بين الميناءين ما بين ثلاثة وخمسة أيام.", "وتستغرق")
    assert [(v, q) for v, q, _u in _figures(s)] == [(3, "at_least"), (5, "at_most")]
    s = _one("وشارك في المسيرة بين عشرين وثلاثين ألف شخص.", "وشارك")
    assert [(v, q) for v, q, _u in _figures(s)] == [(20000, "at_least"), (30000, "at_most")]
    assert [v for v, _q, _u in _figures(_one("وأصيب خمسة وعشرون شخصا في الحادث.", "وأصيب"))] == [25]


def test_hebrew_hundreds_and_tens_with_no_and_are_one_number() -> None:
    s = _one("בטקס השתתפו שלוש מאות ארבעים ושניים חיילים.", "בטקס")
    assert [v for v, _q, _u in _figures(s)] == [342]


def test_arabic_a_billion_and_half_a_billion() -> None:
    s = _one("وبلغت الخسائر زهاء مليار ونصف مليار دولار.", "وبلغت")
    assert _figures(s) == [(1500000000, "approx", "USD")]


def test_hebrew_about_two_weeks_is_approximate() -> None:
    s = _one("עבודות התיקון בגשר נמשכו כשבועיים בלבד.", "עבודות")
    assert _figures(s) == [(2, "approx", "weeks")]


def test_arabic_in_return_compares_nothing() -> None:
    s = _one("وأطلقت الفصائل في المقابل 40 صاروخا على البلدات الحدودية.", "وأطلقت")
    assert "comparison" not in s.types
    assert "comparison" in _one("وارتفع التضخم إلى 5% مقابل 3% في الشهر السابق.", "وارتفع").types


def test_hebrew_an_age_is_qualified_before_the_word_age() -> None:
    s = _one("לפי המשרד, כמחצית מהנפגעים הם ילדים מתחת לגיל שש.", "לפי המשרד")
    assert (6, "less_than", "years") in _figures(s)
    s = _one("ההטבה תינתן לכ־200 אלף אזרחים מעל גיל 80 החל מינואר.", "ההטבה")
    assert (80, "more_than", "years") in _figures(s)


def test_hebrew_half_a_percent_is_a_percentage() -> None:
    s = _one("תשואת האג\"ח הממשלתי ירדה אתמול בחצי אחוז.", "תשואת")
    assert _figures(s) == [(0.5, "exact", "percent")]


def test_what_may_happen_or_would_have_is_no_claim() -> None:
    assert suggest("אם לא יינקטו צעדים, עלול מספר הנפגעים להגיע ל־120 בשנה.") == []


def test_a_sum_someone_called_names_is_a_value_judgement() -> None:
    assert suggest('ח"כ רונית לוי כינתה את העסקה "בזבוז של 3 מיליארד שקל".') == []
    assert suggest("ووصف النائب الصفقة بأنها «هدر لـ 200 مليون دولار».") == []


def test_each_one_of_them_is_no_count() -> None:
    s = _one('כל אחד מהנאשמים ישלם קנס של 12,000 ש"ח.', "כל אחד")
    assert _figures(s) == [(12000, "exact", "ILS")]


def test_measured_against_the_average_is_a_comparison() -> None:
    s = _one("בירושלים ירדו השבוע 95 מ\"מ גשם, כמעט מחצית מהממוצע השנתי בעיר.", "כמעט מחצית")
    assert "comparison" in s.types


def test_arabic_decades_after_a_qualifier_or_since_are_years() -> None:
    s = _one("وسجلت الصادرات أعلى مستوى لها منذ أكثر من عقد.", "وسجلت")
    assert (10, "more_than", "years") in _figures(s)
    s = _one("وهذه أسوأ موجة جفاف تضرب البلاد منذ عقدين.", "وهذه")
    assert (20, "exact", "years") in _figures(s)
    assert all(f[2] != "years" for s in suggest("ووقعت الشركة عقدين مع وزارة الكهرباء بقيمة 40 مليون دولار.")
               for f in _figures(s))


def test_a_fronted_place_with_its_relative_clause_leads_into_the_main_clause() -> None:
    texts = [s.text for s in suggest("בשריפה הקודמת, שפרצה לפני כשבועיים ליד הקיבוץ, נשרפו כ־600 דונם.")]
    assert texts == ["בשריפה הקודמת, שפרצה לפני כשבועיים ליד הקיבוץ, נשרפו כ־600 דונם"]


def test_the_tally_of_a_vote_after_a_comma_is_part_of_the_vote() -> None:
    s = _one("הכנסת אישרה הלילה את חוק ההסדרים, ברוב של 64 חברי כנסת מול 52.", "הכנסת אישרה")
    assert [v for v, _q, _u in _figures(s)] == [64, 52]
    ar = _one("وأقر البرلمان الموازنة، بأغلبية 88 نائبا من أصل 130.", "وأقر البرلمان")
    assert [v for v, _q, _u in _figures(ar)] == [88, 130]


def test_one_unit_of_time_with_its_preposition_and_its_one() -> None:
    s = _one('בתחנה בצפת נמדדו 96 מ"מ גשם ביממה אחת.', "בתחנה")
    assert (1, "exact", "days") in _figures(s)
    s = _one("وانهار السد خلال يوم واحد من بدء الأمطار.", "وانهار")
    assert _figures(s) == [(1, "at_most", "days")]


def test_arabic_insert_of_those_among_then_the_rest_of_the_verb() -> None:
    s = _one("وتنافس ٤٢٠٠ مرشح، بينهم نحو ٩٠٠ امرأة، على مقاعد المجالس في ١٢ محافظة.", "وتنافس")
    assert [v for v, _q, _u in _figures(s)] == [4200, 900, 12]
    texts = [s.text for s in suggest("وبلغت حصيلة القتلى ٣٠٠ شخص، بينهم ٤٠ طفلاً، في حين تجاوز عدد الجرحى ألفين.")]
    assert len(texts) == 2


def test_arabic_the_same_figure_in_other_terms_stays_with_it() -> None:
    s = _one("وارتفعت الاحتياطيات إلى 30 مليار دولار، وهو ما يغطي واردات نحو خمسة أشهر.", "وارتفعت")
    assert [v for v, _q, _u in _figures(s)] == [30000000000, 5]


def test_arabic_a_verb_before_its_counted_subject_of_them_is_a_clause_of_its_own() -> None:
    texts = [s.text for s in suggest("ونزح نحو ٥ آلاف شخص من منازلهم، ولجأ قرابة ١٢٠٠ منهم إلى المدارس.")]
    assert len(texts) == 2
    kept = [s.text for s in suggest("وأصيب 40 شخصا، 12 منهم في حالة خطيرة.")]
    assert len(kept) == 1


def test_hebrew_ages_listed_together_and_about_three_quarters() -> None:
    s = _one("ההרוגים הם אב ובנו, בני 52 ו־19.", "ההרוגים")
    assert [(v, u) for v, _q, u in _figures(s)] == [(52, "years"), (19, "years")]
    s = _one("לפי הסקר, כשלושת רבעי מהתושבים תומכים בתוכנית.", "לפי הסקר")
    assert _figures(s) == [(0.75, "approx", "fraction")]


def test_a_bonds_term_names_the_bond_and_is_no_duration() -> None:
    s = _one("תשואות האג\"ח הממשלתיות לעשר שנים עלו ל־4.6 אחוז.", "תשואות")
    assert _figures(s) == [(4.6, "exact", "percent")] and "temporal" not in s.types
    ar = _one("وارتفع عائد سندات الخزانة لأجل عشر سنوات إلى 5.2%.", "وارتفع")
    assert _figures(ar) == [(5.2, "exact", "percent")]


def test_what_lasted_one_unit_with_no_number_written() -> None:
    s = _one("במבצע, שנמשך שבוע, נעצרו 35 חשודים בסחר בנשק.", "במבצע")
    assert (1, "exact", "weeks") in _figures(s)
    assert _figures(_one("הדיון בוועדה נמשך שעה וחצי.", "הדיון")) == [(1.5, "exact", "hours")]
    assert _figures(_one("واستمر إضراب المعلمين شهرا كاملا.", "واستمر")) == [(1, "exact", "months")]
