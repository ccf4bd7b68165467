"""Arabic and Hebrew suggestions, round 8: each clause of a reported sentence keeps its source, the
people among a toll go with it, Arabic clause joins ("، حيث", "وحدها" is no "and"), sources that are
not sources ("نقل الجرحى إلى", "تقدر قيمتها ب"), and denials reported from whoever denies. The
sentences are written for these tests, not taken from any corpus."""

from __future__ import annotations

from factcheck.claims.suggest import Suggestion, suggest
from tests.claims.suggest.support import one as _one


def _by_text(text: str) -> dict[str, Suggestion]:
    return {s.text: s for s in suggest(text)}


def test_hebrew_source_named_mid_sentence_goes_on_to_the_next_clause() -> None:
    text = "מחירי הקמח עלו ב-7%, כך עולה מנתוני הלשכה, ומכירות הלחם ירדו ב-12% ברבעון השלישי."
    later = _one(text, "ומכירות הלחם")
    assert "attribution" in later.types
    assert later.attributed_to is not None and "הלשכה" in later.attributed_to


def test_hebrew_subject_cut_by_commas_before_its_verb_is_every_clause_source() -> None:
    text = 'מנכ"ל החברה, רון גל, אמר כי ההכנסות עלו ב-9%, וכי החברה גייסה 40 עובדים חדשים.'
    second = _one(text, "וכי החברה")
    assert "attribution" in second.types


def test_a_last_clause_that_reports_its_own_thing_lends_no_source_backwards() -> None:
    text = "התביעה ביקשה לגזור עליו שש שנות מאסר, ואילו הסנגור טען כי די בעבודות שירות."
    first = _one(text, "התביעה ביקשה")
    assert "attribution" not in first.types
    ar = "وطالبت النيابة بالسجن 9 أعوام، وقال المحامي خالد سعيد إن موكله سيستأنف الحكم."
    assert "attribution" not in _one(ar, "وطالبت النيابة").types


def test_arabic_added_opening_a_paragraph_keeps_the_speaker_of_the_one_before() -> None:
    text = ("وقال مدير الدفاع المدني، سليم عواد، إن الفرق انتشلت خمس جثث.\n\n"
            "وأضاف أن المبنى المؤلف من أربعة طوابق انهار بالكامل.")
    added = _one(text, "وأضاف أن")
    assert "attribution" in added.types


def test_arabic_where_clause_with_its_own_figure_is_its_own_claim() -> None:
    text = "ونقل المصابون إلى مستشفيين في البلدة، حيث أجريت تسع عمليات جراحية خلال الليل."
    got = _by_text(text)
    first = _one(text, "ونقل المصابون")
    assert (2, "hospitals") in [(q["value"], q["unit"]) for q in first.quantities]
    assert first.attributed_to is None  # carried to hospitals, not reported by anyone
    assert any(t.startswith("حيث أجريت تسع") for t in got)


def test_arabic_people_among_a_toll_go_with_it_but_deaths_among_cases_do_not() -> None:
    text = "وأوضح البيان أن عدد الوفيات بلغ 31 حالة، بينها 9 أطفال، وأن المحافظة سجلت وحدها 40% من الإصابات."
    got = list(_by_text(text))
    assert any("31 حالة، بينها 9 أطفال" in t for t in got), got
    assert any(t.startswith("وأن المحافظة سجلت وحدها 40%") for t in got), got  # "وحدها" is no "and"
    cases = "سجلت المنظمة 2,100 حالة اشتباه بالمرض خلال شهر، بينها 44 حالة وفاة."
    assert any(t.startswith("بينها 44 حالة") for t in _by_text(cases))


def test_arabic_passive_estimate_names_no_source() -> None:
    text = "وصادرت المحكمة أربع شقق يملكها المتهم، تقدّر قيمتها بنحو 700 ألف دينار."
    value = _one(text, "تقدّر قيمتها")
    assert "attribution" not in value.types


def test_arabic_denial_is_reported_from_whoever_denies() -> None:
    text = "ونفى المتحدث باسم الشرطة، الرائد وليد ناصر، أن تكون القوات قد أطلقت النار على المتظاهرين."
    denial = _one(text, "ونفى المتحدث")
    assert "attribution" in denial.types and "other" in denial.types
    assert denial.attributed_to is not None and "المتحدث" in denial.attributed_to


def test_a_crowd_in_a_scene_is_no_claim_but_a_toll_or_a_magnitude_is() -> None:
    assert suggest("وتجمع العشرات من الأهالي حول الركام في ساعات الصباح.") == []
    assert suggest("עשרות סקרנים התקהלו ליד הגשר וצילמו את המים.") == []
    assert suggest("ونزح الآلاف من سكان القرى الحدودية.") != []  # a toll, with its verb
    assert suggest("وتؤوي المخيمات عشرات الآلاف من الأسر.") != []  # tens of thousands is a magnitude
    assert suggest("מאות מתנדבים חילקו מזון למפונים.") != []  # an action done, not a crowd watching


def test_a_verb_and_its_day_cut_by_commas_lead_into_the_figure() -> None:
    text = "أعلنت وزارة الزراعة، في بيان صدر اليوم الاثنين، نفوق 1,200 رأس من الماشية خلال الأسبوع الماضي."
    got = suggest(text)
    assert len(got) == 1 and got[0].text.startswith("أعلنت وزارة الزراعة")
    assert (1200, "exact") in [(q["value"], q["qualifier"]) for q in got[0].quantities]
    assert all(q["unit"] != "days" for q in got[0].quantities)  # "اليوم الاثنين" is Monday, not two days
    court = "قضت محكمة الاستئناف في حلب، الخميس، بسجن موظف سابق في البلدية خمس سنوات."
    assert [s.text for s in suggest(court)] == [court.rstrip(".")]


def test_one_day_after_a_duration_word_is_still_a_figure() -> None:
    got = suggest("انهارت الهدنة بعد أقل من يوم واحد من إعلانها.")
    assert [(q["value"], q["qualifier"], q["unit"]) for s in got for q in s.quantities] == [(1, "less_than", "days")]


def test_arabic_then_and_as_well_as_open_clauses_of_their_own() -> None:
    got = [s.text for s in suggest("واعتقلت الشرطة 14 شخصا ثم أفرجت عن 6 منهم.")]
    assert got == ["واعتقلت الشرطة 14 شخصا", "ثم أفرجت عن 6 منهم"]
    got = [s.text for s in suggest("وأغلقت السلطات 35 مدرسة، كما علقت الرحلات الداخلية.")]
    assert got == ["وأغلقت السلطات 35 مدرسة", "كما علقت الرحلات الداخلية"]


def test_hebrew_figure_with_a_past_verb_after_comma_and_is_its_own_clause() -> None:
    text = "המשטרה סגרה את הכביש לתנועה בשני הכיוונים במשך שלוש שעות, ו-450 נהגים נתקעו בפקקים."
    assert [s.text for s in suggest(text)][-1] == "ו-450 נהגים נתקעו בפקקים"
    # "..., מהם שבעה נשרפו כליל": of them, it stays with its toll
    fire = "בשריפה 19 בתים נפגעו, מהם חמישה נשרפו כליל."
    assert len(suggest(fire)) == 1


def test_hebrew_subject_with_its_age_before_a_reporting_verb_is_no_claim_alone() -> None:
    text = "שר האוצר, בן 61, אמר כי הגירעון הגיע ל-4.2% מהתוצר."
    texts = [s.text for s in suggest(text)]
    assert "שר האוצר, בן 61" not in texts, texts
    said = _one(text, "שר האוצר")
    assert (4.2, "percent") in [(q["value"], q["unit"]) for q in said.quantities]
    assert "attribution" in said.types and said.attributed_to == "שר האוצר"


def test_hebrew_subject_with_its_age_before_a_thanks_is_not_offered() -> None:
    texts = [s.text for s in suggest('שרת החינוך, בת 54, הודתה למורים על "מסירות אין קץ".')]
    assert "שרת החינוך, בת 54" not in texts, texts


def test_hebrew_named_age_before_an_event_of_its_own_stays_a_claim_of_its_own() -> None:
    texts = [s.text for s in suggest("לוי, בן 52, הורשע בחודש מאי בארבעה אישומים של מרמה.")]
    assert texts == ["לוי, בן 52", "הורשע בחודש מאי בארבעה אישומים של מרמה"]


def test_hebrew_told_is_a_reporting_verb_but_the_number_of_is_not() -> None:
    told = _one("השכנה סיפרה כי 30 משפחות פונו מהבניין.", "השכנה סיפרה")
    assert "attribution" in told.types and told.attributed_to == "השכנה"
    number = _one("מספר הנפגעים עלה ל-14 מאז הבוקר.", "מספר הנפגעים")
    assert "attribution" not in number.types


def test_hebrew_vote_with_its_margin_is_one_claim() -> None:
    got = suggest("הצעת החוק אושרה ברוב של 62 חברי כנסת מול 55.")
    assert len(got) == 1
    assert [q["value"] for q in got[0].quantities] == [62, 55]


def test_ordinal_over_time_is_a_ranking_with_its_period() -> None:
    rank = _one("وهي الحادثة الرابعة منذ مطلع العام.", "وهي الحادثة")
    assert {"superlative", "temporal"} <= set(rank.types)


def test_arabic_gapped_change_after_a_comma_is_a_claim_of_its_own() -> None:
    got = [s.text for s in suggest("ارتفع عدد الوفيات إلى 52، والمصابين إلى 310.")]
    assert got == ["ارتفع عدد الوفيات إلى 52", "والمصابين إلى 310"]
    # a list with no "to" of its own stays one claim
    assert len(suggest("ارتفع عدد الوفيات إلى 52 حالة، والإصابات 310.")) == 1


def test_arabic_relative_clause_with_its_own_figure_and_no_comma_is_its_own_claim() -> None:
    got = suggest("العاصفة التي بلغت سرعة رياحها 120 كيلومترا في الساعة دمرت 300 منزل.")
    assert [s.text for s in got] == ["العاصفة التي بلغت سرعة رياحها 120 كيلومترا في الساعة", "دمرت 300 منزل"]
    assert [(q["value"], q["unit"]) for q in got[1].quantities] == [(300, "homes")]
    # a relative clause with no figure of its own stays in the clause
    assert len(suggest("الشركة التي تأسست في عمان سرحت 120 موظفا.")) == 1
