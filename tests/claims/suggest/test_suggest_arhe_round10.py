"""Arabic and Hebrew suggestions, round 10: a clause never cut inside a compound number ("خمسة وعشرين ألف",
"ארבעים ותשעה"), a qualifier whose last letter is glued to the number word ("לפחות משלושים" is fewer than,
"تقدر بعشرين" an estimate), an ordinal day before its month ("الخامس من آذار") a date, "واحداً" before its
tens, a range's "من" only as a word ("عنصر أمن وستين آلية" is a list), and the Hebrew dating words of the
round. The sentences are written for these tests, not taken from any corpus."""

from __future__ import annotations

from factcheck.claims.suggest import Suggestion, suggest
from tests.claims.suggest.support import one as _one


def _figures(s: Suggestion) -> list[tuple[float, str]]:
    return [(q["value"], q["qualifier"]) for q in s.quantities]


def test_arabic_compound_number_word_is_one_claim_not_two() -> None:
    text = "وانقطعت الكهرباء عن نحو خمسة وعشرين ألف منزل في المدينة."
    assert [s.text for s in suggest(text)] == ["وانقطعت الكهرباء عن نحو خمسة وعشرين ألف منزل في المدينة"]
    assert _figures(suggest(text)[0]) == [(25000, "approx")]


def test_arabic_compound_with_thousands_and_hundreds_keeps_its_figure() -> None:
    s = _one("وقال رئيس الهيئة إن نحو مليون وثلاثمئة ألف ناخب أدلوا بأصواتهم.", "وقال رئيس الهيئة")
    assert _figures(s) == [(1300000, "approx")]


def test_hebrew_compound_number_word_is_one_claim_not_two() -> None:
    text = "שיעור ההצבעה בעיר עמד על ארבעים ותשעה אחוזים."
    found = suggest(text)
    assert [s.text for s in found] == ["שיעור ההצבעה בעיר עמד על ארבעים ותשעה אחוזים"]
    assert _figures(found[0]) == [(49, "exact")]


def test_hebrew_fewer_than_glued_to_a_number_word() -> None:
    s = _one("שיעור ההצבעה בירושלים ירד לפחות משלושים וחמישה אחוזים.", "שיעור ההצבעה")
    assert _figures(s) == [(35, "less_than")]


def test_hebrew_at_least_before_a_number_word_starting_with_mem_stays_at_least() -> None:
    s = _one("בסערה נפגעו לפחות מאה בתים בעמק.", "בסערה")
    assert _figures(s) == [(100, "at_least")]


def test_arabic_estimate_glued_to_a_number_word_is_approx() -> None:
    s = _one("وقال المحافظ إن الخسائر الأولية تقدر بعشرين مليون دولار.", "وقال المحافظ")
    assert _figures(s) == [(20000000, "approx")]


def test_arabic_ordinal_day_before_its_month_is_a_date_not_a_figure() -> None:
    found = suggest("ضربت العاصفة المحافظة فجر الثلاثاء الخامس من آذار، فقتل سبعة عشر شخصاً.")
    assert all(q["value"] != 5 for s in found for q in s.quantities)
    assert any(_figures(s) == [(17, "exact")] for s in found)


def test_arabic_accusative_one_before_its_tens() -> None:
    s = _one("وأطلقت الوزارة حملة تطعيم تستمر واحداً وعشرين يوماً.", "وأطلقت الوزارة")
    assert _figures(s) == [(21, "exact")]


def test_arabic_list_after_a_word_ending_in_min_is_no_range() -> None:
    s = _one("ونشرت السلطات ثمانمئة عنصر أمن وستين آلية وأربع مروحيات في المنطقة.", "ونشرت السلطات")
    assert _figures(s) == [(800, "exact"), (60, "exact"), (4, "exact")]


def test_arabic_range_opened_by_min_is_still_a_range() -> None:
    s = _one("ويتراوح عدد المفقودين من 30 إلى 40 شخصا بحسب الدفاع المدني.", "ويتراوح")
    assert _figures(s) == [(30, "at_least"), (40, "at_most")]


def test_hebrew_saturday_and_next_year_date_a_claim() -> None:
    s = _one("63 בני אדם נפצעו בהפגזה על השוק ביום שבת.", "63")
    assert "temporal" in s.types
    s = _one("לפי משרד האוצר, הגירעון יעמוד על 3.9% מהתוצר בשנה הבאה.", "לפי משרד האוצר")
    assert "temporal" in s.types


def test_hebrew_so_far_alone_dates_nothing() -> None:
    s = _one("הקרן השיבה עד כה 1.1 מיליון שקל לעמיתים.", "הקרן")
    assert "temporal" not in s.types


def test_arabic_explained_that_goes_on_with_the_speaker_named_before() -> None:
    text = ("وقال المتحدث باسم الدفاع المدني إن فرق الإنقاذ انتشلت 11 شخصاً من تحت الأنقاض. "
            "وأوضح أن 30 منزلاً دمرت بالكامل في القرية.")
    s = _one(text, "وأوضح")
    assert "attribution" in s.types
    assert s.attributed_to == "المتحدث باسم الدفاع المدني"
