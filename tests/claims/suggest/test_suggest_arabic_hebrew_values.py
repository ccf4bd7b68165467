"""Arabic and Hebrew figures, round 6: the values read off invented sentences (a percent sign typed before
the digits, one million in the accusative, a quarter of the year, a change whose first figure has no unit)."""

from __future__ import annotations

from factcheck.claims.suggest import suggest


def _figs(text: str, lang: str) -> list[list[tuple[object, str, object]]]:
    return [[(q["value"], q["qualifier"], q["unit"]) for q in s.quantities] for s in suggest(text, lang)]


def test_percent_sign_before_the_digits_is_a_percentage():
    assert _figs("ارتفعت الصادرات بنسبة ٪٢٠ مقارنة بالعام الماضي.", "ar") == [[(20, "exact", "percent")]]
    assert _figs("تراجعت البطالة بنحو ٪٦٫٥ خلال العام الماضي، بحسب مكتب الإحصاء.", "ar") == [[(6.5, "approx", "percent")]]
    # a sign after one figure and before the next stays with the first
    found = _figs("قالت الوزارة إن النسبة بلغت ١٢٪ ٣٠ مدرسة أغلقت.", "ar")
    assert (12, "exact", "percent") in found[0]
    assert all(f != (30, "exact", "percent") for s in found for f in s)


def test_accusative_million_before_a_half_is_one_million():
    assert _figs("بلغت الخسائر مليونا ونصف المليون دولار.", "ar") == [[(1500000, "exact", "USD")]]
    assert _figs("قالت الوزارة إن عدد الزوار تجاوز مليونا من السياح هذا العام.", "ar")[0][0][0] == 1000000
    # the dual construct, its noun right after it, is still two million
    assert _figs("بلغت قيمة التعويضات مليونا درهم، وفقا للمحكمة.", "ar") == [[(2000000, "exact", "AED")]]


def test_a_quarter_or_half_of_the_year_is_a_period_not_a_rank():
    found = suggest("تراجع الإنتاج بنحو ٢٥ في المائة خلال الربع الثالث.", "ar")
    assert [(q["value"], q["unit"]) for q in found[0].quantities] == [(25, "percent")]
    assert "superlative" not in found[0].types and "temporal" in found[0].types
    found = suggest("הרווח עלה ב־12% ברבעון השלישי, כך מסרה החברה.", "he")
    assert [(q["value"], q["unit"]) for q in found[0].quantities] == [(12, "percent")]
    assert "superlative" not in found[0].types
    found = suggest("الأجور ارتفعت ٤٪ في النصف الثاني من العام، بحسب البنك المركزي.", "ar")
    assert [(q["value"], q["unit"]) for q in found[0].quantities] == [(4, "percent")]


def test_a_change_first_figure_counts_what_the_second_counts():
    assert _figs("ارتفع سعر الخبز من ٥ إلى ٨ جنيهات.", "ar") == [[(5, "exact", "EGP"), (8, "exact", "EGP")]]
    assert _figs("מחיר הלחם עלה מ־5 ל־8 שקלים.", "he") == [[(5, "exact", "ILS"), (8, "exact", "ILS")]]
    # a range keeps its bounds
    assert _figs("قال المتحدث إن ما بين ١٠ و١٥ شخصا اعتقلوا.", "ar")[0] == [
        (10, "at_least", "people"), (15, "at_most", "people")]


def test_a_reported_change_between_two_durations_is_a_forecast_on_record():
    text = ("أعلنت هيئة النقل أن القطار نقل ٢ مليون راكب هذا العام.\n\n"
            "وأضافت الهيئة أن مدة الرحلة ستنخفض من خمس ساعات إلى أقل من أربع ساعات بعد افتتاح الخط في الربع الثاني من ٢٠٢٧.")
    found = [s for s in suggest(text, "ar") if "مدة الرحلة" in s.text]
    assert len(found) == 1
    assert "prediction" in found[0].types
    assert [(q["value"], q["qualifier"], q["unit"]) for q in found[0].quantities] == [
        (5, "exact", "hours"), (4, "less_than", "hours")]
    # an unsourced duration forecast is still no claim
    assert not suggest("ستنخفض مدة الرحلة إلى أقل من أربع ساعات في العام المقبل.", "ar")


def _texts(text: str, lang: str) -> list[str]:
    return [s.text for s in suggest(text, lang)]


def test_after_a_comma_a_figure_with_its_own_verb_is_its_own_claim():
    assert _texts("הגשם גרם להצפות ב־20 יישובים, ו־300 משפחות פונו מבתיהן.", "he") == [
        "הגשם גרם להצפות ב־20 יישובים", "ו־300 משפחות פונו מבתיהן"]
    assert len(_texts("הסערה גרמה נזק ל־40 בתים, ו־12 תושבים נפצעו קל.", "he")) == 2
    # a list of figures with no verb of their own stays one claim
    assert len(_texts("בשריפה נשרפו 20 בתים, 30 מכוניות ו־5 מבני ציבור.", "he")) == 1


def test_after_a_comma_a_subject_that_reached_a_figure_is_its_own_claim():
    found = suggest("ביום שלישי נפתחו 40 קלפיות חדשות, ושיעור ההצבעה הגיע ל־62%, כך מסרה ועדת הבחירות.", "he")
    assert [[q["value"] for q in s.quantities] for s in found] == [[40], [62]]
    assert all(s.attributed_to for s in found)
    found = suggest("המדד עלה ב־0.4% בחודש מאי, והאינפלציה השנתית עמדה על 3.1%, לפי הלמ״ס.", "he")
    assert [[q["value"] for q in s.quantities] for s in found] == [[0.4], [3.1]]
    # without a comma, two figures of one subject list ("... ולחות של פחות מ־10%")
    assert len(_texts("נמדדה טמפרטורה של 41 מעלות ולחות של פחות מ־10%.", "he")) == 1


def test_a_place_in_a_ranking_is_a_claim():
    found = suggest("לפי הדוח, ישראל דורגה במקום השלישי בעולם במדד החדשנות.", "he")
    assert len(found) == 1 and found[0].quantities[0]["value"] == 3 and found[0].quantities[0]["unit"] is None
    assert "attribution" in found[0].types
    found = suggest("جاءت مصر في المرتبة الثالثة عالميا في إنتاج التمور، بحسب التقرير.", "ar")
    assert len(found) == 1 and found[0].quantities[0]["value"] == 3
    assert suggest("حلت المدينة بالمركز الخامس بين المدن الأغلى معيشة في المنطقة.", "ar")
    # an ordinal with no ranking word before it is no claim alone
    assert not suggest("הוא גר בקומה השלישית של הבניין.", "he")


def test_a_figure_restated_after_that_is_goes_with_its_claim():
    found = suggest("بلغت كلفة المشروع ٩٠ مليار دينار، أي ما يعادل نحو ٦٢ مليون دولار، بحسب الوزارة.", "ar")
    assert len(found) == 1
    assert [q["value"] for q in found[0].quantities] == [90000000000, 62000000]
    assert found[0].quantities[1]["unit"] == "USD"
    assert len(suggest("ارتفع سعر الكيلو إلى ٩ دنانير، أي ضعف سعره قبل عام.", "ar")) == 1
    assert len(suggest("שולמו פיצויים של 30 אלף ₪ לכל משפחה, כלומר כ־2 מיליון ₪ בסך הכול.", "he")) == 1
    # a share of a whole restated is checked on its own
    found = suggest("بلغ عدد العاطلين ٤٠٠ ألف شخص، أي نحو ١٨ في المئة من القوة العاملة.", "ar")
    assert len(found) == 2


def test_a_time_of_day_dates_a_hebrew_claim():
    found = suggest("הביקוש לחשמל הגיע ל־16,210 מגה־ואט בשעה 14:00, לפי חברת החשמל.", "he")
    assert found[0].types == ["quantity", "temporal", "attribution"]
    found = suggest("התחנה ייצרה 300 מגה־ואט בשעות השיא, לפי חברת החשמל.", "he")
    assert "temporal" not in found[0].types  # peak hours are no time of day


def test_first_place_is_a_ranking():
    found = suggest("احتلت الجامعة المرتبة الأولى عربيا في التصنيف، بحسب التقرير.", "ar")
    assert len(found) == 1 and "superlative" in found[0].types
    assert "superlative" in suggest("تصدر الفريق الدوري وحل في المركز الأول برصيد ٤٠ نقطة.", "ar")[0].types
