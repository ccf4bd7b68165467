"""Arabic suggestions, round 12 (issue 17): duals in both cases ("جنديان", "طوافتين", "فريقي إطفاء"), compound
number words ("مئة وسبعاً وثلاثين", "مئتين وأربعة عشر", "ألفاً ومئتي", "خمس وعشرين", "سبعة ونصف", "اثنين فاصلة
ستة"), fractions ("عُشر", "ثلثها"), units read from the counted noun (إصابة, طوافة, طلعة, فاتورة, شاهد,
اتفاقية), "أعلنت الوزارة تسجيل ..." naming the ministry as the source, and a two-word toll opening its
sentence. The sentences are written for these tests, not taken from any corpus."""

from __future__ import annotations

from factcheck.claims.suggest import suggest
from tests.claims.suggest.support import figures as _figures
from tests.claims.suggest.support import one as _one

# -- duals: the noun alone says "two", and its unit is the noun's


def test_nominative_dual_of_a_role_is_two_soldiers() -> None:
    s = _one("قُتل جنديان في هجوم على نقطة تفتيش قرب الحدود ليل السبت.", "قُتل جنديان")
    assert _figures(s) == [(2, "exact", "soldiers")]


def test_genitive_dual_of_a_second_singular_is_two_helicopters() -> None:
    s = _one("وأرسل الدفاع المدني طوافتين إلى موقع الحريق.", "وأرسل الدفاع المدني")
    assert _figures(s) == [(2, "exact", "helicopters")]


def test_duals_of_witnesses_in_both_cases() -> None:
    assert _figures(_one("واستمعت المحكمة إلى شاهدين من سكان الحي.", "واستمعت"))[0][::2] == (2, "witnesses")
    assert _figures(_one("وأدلى شاهدان بإفادتيهما أمام القاضي يوم الاثنين.", "وأدلى"))[0][::2] == (2, "witnesses")


def test_dual_of_agreements_is_two_agreements() -> None:
    s = _one("ووقّع الوزيران اتفاقيتين للتعاون في مجال المياه.", "ووقّع")
    assert (2, "exact", "agreements") in _figures(s)


def test_construct_dual_before_its_noun_counts_two_teams() -> None:
    s = _one("وأرسلت البلدية فريقي إنقاذ إلى القرية المنكوبة.", "وأرسلت البلدية")
    assert _figures(s) == [(2, "exact", "teams")]


def test_a_dual_and_its_agreeing_adjective_are_one_figure() -> None:
    s = _one("وأسقطت الدفاعات الجوية طائرتين مسيّرتين فوق المدينة.", "وأسقطت")
    assert _figures(s) == [(2, "exact", "drones")]


def test_a_noun_then_two_is_one_figure_with_the_nouns_unit() -> None:
    s = _one("وبرّأت المحكمة متهمَين اثنين لعدم كفاية الأدلة.", "وبرّأت")
    assert _figures(s) == [(2, "exact", "defendants")]


def test_a_nisba_adjective_is_no_construct_dual() -> None:
    # "المركزي" (central) has the letters of "two centres" in the construct: no figure
    found = suggest("وقال البنك المركزي في بيان إن التضخم تراجع إلى ثلاثة في المئة.")
    assert [q["value"] for s in found for q in s.quantities] == [3]


# -- compound number words


def test_hundred_with_an_accusative_unit_and_its_tens_is_137_sorties() -> None:
    s = _one("ونفذت الطائرات مئة وسبعاً وثلاثين طلعة جوية خلال أسبوع.", "ونفذت")
    assert (137, "exact", "sorties") in _figures(s)


def test_a_teen_after_hundreds_is_one_number() -> None:
    s = _one("وارتفع عدد الضحايا إلى مئتين وأربعة عشر قتيلاً.", "وارتفع")
    assert _figures(s) == [(214, "exact", "people")]


def test_a_feminine_teen_after_hundreds_counts_invoices() -> None:
    s = _one("وضبط المفتشون ثلاثمئة وخمس عشرة فاتورة مزورة.", "وضبط")
    assert _figures(s) == [(315, "exact", "invoices")]


def test_accusative_thousand_and_two_hundred_is_1200_not_2200() -> None:
    s = _one("وسجلت الوزارة ألفاً ومئتي إصابة جديدة بالحصبة.", "وسجلت")
    assert _figures(s) == [(1200, "exact", "cases")]


def test_five_before_its_tens_is_five_not_a_fifth() -> None:
    s = _one("وارتفعت حصيلة الوفيات إلى خمس وعشرين حالة وفاة.", "وارتفعت")
    assert _figures(s) == [(25, "exact", "deaths")]


def test_a_number_and_a_half_before_percent() -> None:
    s = _one("وأبقى البنك المركزي سعر الفائدة عند ستة ونصف في المئة.", "وأبقى")
    assert _figures(s) == [(6.5, "exact", "percent")]


def test_a_decimal_written_with_the_word_for_point() -> None:
    s = _one("ونما الاقتصاد بنسبة ثلاثة فاصلة أربعة في المئة في الربع الأول.", "ونما")
    assert _figures(s) == [(3.4, "exact", "percent")]


def test_hours_and_a_half_are_one_duration() -> None:
    s = _one("واستمرت المفاوضات أربع ساعات ونصف في مقر الوزارة.", "واستمرت")
    assert _figures(s) == [(4.5, "exact", "hours")]


# -- fractions


def test_a_tenth_before_a_definite_noun_is_a_fraction_not_ten() -> None:
    s = _one("وقال الطبيب إن عُشر المرضى احتاجوا إلى العناية المركزة.", "وقال الطبيب")
    assert _figures(s) == [(0.1, "exact", "fraction")]


def test_ten_before_an_indefinite_noun_stays_ten() -> None:
    s = _one("وقضت المحكمة بسجنه عشر سنوات.", "وقضت")
    assert _figures(s) == [(10, "exact", "years")]


def test_a_share_with_its_pronoun_is_a_fraction() -> None:
    s = _one("وجمعت الجمعية مليون دينار، أنفقت ربعها على الإغاثة.", "أنفقت")
    assert _figures(s) == [(0.25, "exact", "fraction")]


# -- sources and tolls


def test_announced_recording_names_the_ministry_as_source() -> None:
    s = _one("أعلنت وزارة الصحة تسجيل ثلاثمئة إصابة جديدة بالكوليرا يوم الأحد.", "أعلنت وزارة الصحة")
    assert "attribution" in s.types
    assert s.attributed_to == "وزارة الصحة"
    assert _figures(s) == [(300, "exact", "cases")]


def test_a_declared_mourning_is_no_report() -> None:
    s = _one("وأعلن رئيس الوزراء الحداد ثلاثة أيام.", "وأعلن")
    assert "attribution" not in s.types


def test_a_two_word_toll_opening_the_sentence_is_a_claim_of_its_own() -> None:
    found = suggest("قُتل شخصان، وأصيب سبعة آخرون في انفجار بالسوق، بحسب الشرطة.")
    assert found[0].text == "قُتل شخصان"
    assert _figures(found[0]) == [(2, "exact", "people")]
    assert found[0].attributed_to == "الشرطة"


def test_a_toll_rising_takes_the_unit_of_the_dead() -> None:
    s = _one("ارتفعت حصيلة القتلى إلى أربعين، بحسب الهلال الأحمر.", "ارتفعت حصيلة")
    assert _figures(s) == [(40, "exact", "people")]
    assert s.attributed_to == "الهلال الأحمر"


def test_a_source_named_before_a_weekday_ends_before_it() -> None:
    s = _one("وارتفع عدد المصابين إلى ٦٠، بحسب ما أعلنت وزارة الصحة الثلاثاء.", "وارتفع")
    assert s.attributed_to == "وزارة الصحة"


def test_more_than_opening_a_list_item_qualifies_only_that_item() -> None:
    s = _one("وأُخليت خمس قرى وأكثر من ألف عائلة من منازلها.", "وأُخليت")
    assert _figures(s) == [(5, "exact", "villages"), (1000, "more_than", "families")]
    assert "comparison" not in s.types


def test_male_and_female_nouns_of_one_count_are_one_claim() -> None:
    found = suggest("وتطوع ثمانون طبيباً وطبيبة في المستشفى الميداني.")
    assert len(found) == 1
    assert _figures(found[0]) == [(80, "exact", "doctors")]


def test_one_of_the_feminine_before_its_tens_is_twenty_one() -> None:
    s = _one("وقضت المحكمة بسجنه إحدى وعشرين سنة.", "وقضت")
    assert _figures(s) == [(21, "exact", "years")]


def test_nominative_dual_of_shells_is_two_shells() -> None:
    s = _one("وسقطت قذيفتان على سوق البلدة مساء الخميس.", "وسقطت")
    assert _figures(s) == [(2, "exact", "shells")]


def test_kilometres_per_hour_are_a_speed_not_a_time() -> None:
    s = _one("وبلغت سرعة الرياح تسعين كيلومتراً في الساعة.", "وبلغت")
    assert _figures(s) == [(90, "exact", "km/h")]
    assert "temporal" not in s.types


def test_the_first_half_of_the_year_dates_a_claim_and_ranks_nothing() -> None:
    s = _one("وسجلت الموازنة عجزاً قدره مئتا مليون دينار في النصف الأول من العام.", "وسجلت")
    assert "temporal" in s.types
    assert "superlative" not in s.types


def test_which_drove_is_a_cause() -> None:
    found = suggest("وارتفعت أسعار الوقود بنسبة عشرين في المئة، مما دفع أربع شركات إلى وقف الإنتاج.")
    assert any("causal" in s.types and _figures(s) == [(4, "exact", "companies")] for s in found)


def test_the_speaker_who_went_on_is_the_source_of_the_whole_sentence() -> None:
    text = ("وقال وزير المالية إن الدين العام بلغ أربعين مليار دينار. "
            "وأضاف أن الحكومة سددت خمسة مليارات منها، دُفع ثلثها نقداً.")
    last = suggest(text)[-1]
    assert _figures(last) == [(0.3333, "exact", "fraction")]
    assert last.attributed_to == "وزير المالية"


def test_a_dual_verb_whose_root_starts_with_waw_cuts_no_clause() -> None:
    found = suggest("وافتتح في المدينة مصنعان وفّرا ثلاثمئة فرصة عمل.")
    assert len(found) == 1
    assert _figures(found[0]) == [(2, "exact", "factories"), (300, "exact", "jobs")]


def test_who_announced_is_named_without_what_was_announced() -> None:
    assert _one("وأعلنت الحكومة خطة لبناء ألف منزل.", "وأعلنت").attributed_to == "الحكومة"
    s = _one("وأعلنت مفوضية الأمم المتحدة لشؤون اللاجئين تسجيل ألف لاجئ.", "وأعلنت")
    assert s.attributed_to == "مفوضية الأمم المتحدة لشؤون اللاجئين"


def test_the_definite_ten_before_its_noun_stays_ten() -> None:
    s = _one("وارتفعت الأسعار خلال العشر سنوات الماضية بنسبة الثلث.", "وارتفعت")
    assert (10, "exact", "years") in _figures(s)


def test_accusative_billion_then_digits_is_one_sum_not_two_billion() -> None:
    s = _one("وبلغت قيمة الصادرات ملياراً و٢٠٠ مليون دولار.", "وبلغت")
    assert _figures(s) == [(1200000000, "exact", "USD")]


def test_a_definite_number_after_a_construct_counts_its_head() -> None:
    s = _one("وعمل المتطوعون في مراكز الإيواء الأربعة منذ يوم الأحد.", "وعمل")
    assert (4, "exact", "centres") in _figures(s)


def test_words_with_the_letters_of_a_dual_that_count_nothing() -> None:
    assert all(not s.quantities for s in suggest("وسيطرت حركة طالبان على المدينة بعد معارك عنيفة."))
    assert all(not s.quantities for s in suggest("وأشار التقرير إلى عاملان أساسيان وراء الأزمة."))


def test_my_family_and_an_audio_recording_are_no_construct_duals() -> None:
    assert all(not s.quantities for s in suggest("وقال أحد السكان: فقدت عائلتي في القصف."))
    assert all(not s.quantities for s in suggest("ونشرت الشرطة تسجيلاً صوتياً للمتهم، وتسجيل صوتي آخر لشريكه."))


def test_a_number_and_a_half_before_its_scale_is_one_sum() -> None:
    s = _one("وبلغت الخسائر خمسة ونصف مليون دولار.", "وبلغت")
    assert _figures(s) == [(5500000, "exact", "USD")]


def test_millimetres_spelt_with_a_double_lam_and_two_organisations() -> None:
    s = _one("وهطل ما يقارب مئة وعشرين ملليمتراً من الأمطار خلال ست ساعات.", "وهطل")
    assert (120, "approx", "mm") in _figures(s)
    s = _one("وشارك في الاجتماع ممثلو خمس عشرة دولة ومنظمتين دوليتين.", "وشارك")
    assert _figures(s) == [(15, "exact", "countries"), (2, "exact", "organisations")]
