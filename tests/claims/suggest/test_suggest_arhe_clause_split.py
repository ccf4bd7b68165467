"""Arabic and Hebrew suggestions cut at clause level (issue 17): a change or comparison restated after
"أي"/"כלומר" is a claim of its own, while the same figure in other terms ("أي ما يعادل") stays with
its clause. The sentences are written for these tests, not taken from any corpus."""

from __future__ import annotations

from factcheck.claims.suggest import suggest


def _texts(text: str) -> list[str]:
    return [s.text for s in suggest(text)]


def test_arabic_increase_after_ai_is_its_own_claim() -> None:
    found = suggest("وبلغ عدد الزوار ١٢ ألفاً هذا العام، أي بزيادة تقارب ثلاثين في المئة عن العام الماضي.")
    assert [s.text for s in found] == ["وبلغ عدد الزوار ١٢ ألفاً هذا العام", "أي بزيادة تقارب ثلاثين في المئة عن العام الماضي"]
    assert "comparison" in found[1].types
    assert [(q["value"], q["qualifier"]) for q in found[1].quantities] == [(30, "approx")]


def test_arabic_more_than_double_after_ai_is_its_own_claim() -> None:
    assert _texts("وفازت الأحزاب الصغيرة بسبعة مقاعد، أي أكثر من ضعف ما حصلت عليه في الدورة السابقة.") == [
        "وفازت الأحزاب الصغيرة بسبعة مقاعد", "أي أكثر من ضعف ما حصلت عليه في الدورة السابقة"]


def test_hebrew_rise_after_klomar_is_its_own_claim() -> None:
    found = suggest("ארגון המורים מסר כי 300 מורים פוטרו השנה, כלומר עלייה של 20 אחוז.")
    assert [s.text for s in found] == ["ארגון המורים מסר כי 300 מורים פוטרו השנה", "כלומר עלייה של 20 אחוז"]
    assert found[1].attributed_to == "ארגון המורים"


def test_arabic_same_figure_in_other_terms_stays_with_its_clause() -> None:
    text = "وبلغت قيمة الصادرات ٤ مليارات دينار، أي ما يعادل ستة مليارات دولار."
    assert _texts(text) == ["وبلغت قيمة الصادرات ٤ مليارات دينار، أي ما يعادل ستة مليارات دولار"]


def test_arabic_response_to_an_attack_with_its_own_toll_is_its_own_claim() -> None:
    found = suggest("وأعلنت الشرطة أنها اعتقلت ١٢ شخصاً ردّاً على هجوم أسفر عن إصابة خمسة عناصر.")
    assert [s.text for s in found] == ["وأعلنت الشرطة أنها اعتقلت ١٢ شخصاً", "ردّاً على هجوم أسفر عن إصابة خمسة عناصر"]
    assert "causal" in found[1].types and "causal" not in found[0].types
    assert found[1].attributed_to == "الشرطة"


def test_hebrew_response_to_an_attack_with_its_own_toll_is_its_own_claim() -> None:
    found = suggest("המשטרה מסרה כי עצרה 12 חשודים בתגובה לפיגוע שבו נפצעו חמישה שוטרים.")
    assert [s.text for s in found] == ["המשטרה מסרה כי עצרה 12 חשודים", "בתגובה לפיגוע שבו נפצעו חמישה שוטרים"]
    assert "causal" in found[1].types


def test_response_with_no_figure_of_its_own_stays_with_its_clause() -> None:
    assert _texts("وأعلنت الشرطة أنها اعتقلت ١٢ شخصاً ردّاً على الهجوم.") == [
        "وأعلنت الشرطة أنها اعتقلت ١٢ شخصاً ردّاً على الهجوم"]


def test_arabic_trailing_relative_clause_with_its_own_figure_is_its_own_claim() -> None:
    found = suggest("وقال المتحدث إن ٣٠٠ متطوع سيشاركون في الحملة التي تبلغ كلفتها مليوني دولار.")
    assert [s.text for s in found] == ["وقال المتحدث إن ٣٠٠ متطوع سيشاركون في الحملة", "التي تبلغ كلفتها مليوني دولار"]
    assert [q["value"] for q in found[1].quantities] == [2000000]
    assert found[1].attributed_to == "المتحدث"


def test_arabic_trailing_relative_clause_with_no_figure_stays() -> None:
    assert _texts("وأصيب ٢٠ شخصاً في الانفجار الذي وقع في السوق.") == ["وأصيب ٢٠ شخصاً في الانفجار الذي وقع في السوق"]


def test_arabic_relative_clause_with_its_figure_before_a_received_toll() -> None:
    # "استقبل" (received) is the main verb after the relative clause, so the two assertions part there
    found = suggest("وأوضح أن المركز الطبي الذي يتسع لـ٨٠ سريراً استقبل ثلاثة أضعاف طاقته.")
    assert [s.text for s in found] == ["وأوضح أن المركز الطبي الذي يتسع لـ٨٠ سريراً", "استقبل ثلاثة أضعاف طاقته"]


def test_arabic_new_report_with_a_share_of_them_is_its_own_claim() -> None:
    found = suggest("وانقطعت الكهرباء عن نحو ٤٠ ألف مشترك، وقالت الشركة إنها أعادت التيار إلى ٧٠ في المئة منهم.")
    assert [s.text for s in found] == ["وانقطعت الكهرباء عن نحو ٤٠ ألف مشترك",
                                       "وقالت الشركة إنها أعادت التيار إلى ٧٠ في المئة منهم"]
    assert found[0].attributed_to is None and found[1].attributed_to == "الشركة"


def test_hebrew_conviction_in_a_relative_clause_after_the_sentence_is_its_own_claim() -> None:
    found = suggest("בית המשפט גזר 5 שנות מאסר על הנאשם, שהורשע בקבלת שוחד מקבלנים בעיר.")
    assert [s.text for s in found] == ["בית המשפט גזר 5 שנות מאסר על הנאשם", "שהורשע בקבלת שוחד מקבלנים בעיר"]
    assert found[1].types == ["other"]


def test_arabic_conviction_in_a_relative_clause_after_the_sentence_is_its_own_claim() -> None:
    assert _texts("قضت المحكمة بسجن المتهم خمس سنوات، الذي أدين بتلقي رشوة من مقاول.") == [
        "قضت المحكمة بسجن المتهم خمس سنوات", "الذي أدين بتلقي رشوة من مقاول"]


def test_relative_clause_with_no_conviction_stays_with_its_clause() -> None:
    assert _texts("המשטרה עצרה 3 חשודים, שנמלטו מהמקום ברכב גנוב.") == ["המשטרה עצרה 3 חשודים, שנמלטו מהמקום ברכב גנוב"]


def test_hebrew_level_not_seen_since_is_a_ranking_claim_of_its_own() -> None:
    found = suggest("ביממה האחרונה ירדו כ־120 מילימטר גשם, כמות שלא נמדדה מאז 1992.")
    assert [s.text for s in found] == ["ביממה האחרונה ירדו כ־120 מילימטר גשם", "כמות שלא נמדדה מאז 1992"]
    assert "superlative" in found[1].types


def test_arabic_level_not_seen_since_is_a_ranking_claim_of_its_own() -> None:
    found = suggest("وهطلت ١٢٠ ملم من الأمطار في المدينة، وهي كمية لم تسجل منذ عام ١٩٩٢.")
    assert [s.text for s in found] == ["وهطلت ١٢٠ ملم من الأمطار في المدينة", "وهي كمية لم تسجل منذ عام ١٩٩٢"]
    assert "superlative" in found[1].types


def test_arabic_trailing_first_time_is_a_ranking_claim_of_its_own() -> None:
    found = suggest("وحصلت المرشحة على ٤٧٬٣٠٠ صوت، وهي المرة الأولى التي يتصدر فيها مرشح مستقل الترتيب.")
    assert [s.text for s in found] == ["وحصلت المرشحة على ٤٧٬٣٠٠ صوت",
                                       "وهي المرة الأولى التي يتصدر فيها مرشح مستقل الترتيب"]
    assert found[1].types == ["superlative"]


def test_hebrew_two_word_toll_with_its_verb_is_a_claim() -> None:
    texts = _texts("סערה פקדה את העיר ביום שני, ונהרגו בה שלושה בני אדם, ועשרות נפצעו, כך לפי המשטרה.")
    assert "ועשרות נפצעו, כך לפי המשטרה" in texts


def test_arabic_two_word_toll_with_its_verb_is_a_claim() -> None:
    assert _texts("وقتل ثلاثة أشخاص في الانفجار، وأصيب ٤٠.") == ["وقتل ثلاثة أشخاص في الانفجار", "وأصيب ٤٠"]


def test_two_words_with_no_verb_are_no_claim() -> None:
    assert _texts("ועשרות מפגינים.") == []
