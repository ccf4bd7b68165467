"""The figure check's readings of round 14, as a reviewer meets them: the label, and the sentence above the
passages. Passages are written for this test (not taken from any pair set); most rules have a twin that keeps
the match, so a rule that fires on any sentence fails here."""

from __future__ import annotations

from factcheck.claims.suggest.numbers import find_quantities
from factcheck.sources.figures import figure_check


def check(claim: str, source: str, value: float, unit: str | None, qualifier: str = "exact"):
    return figure_check(claim, source, [{"value": value, "qualifier": qualifier, "unit": unit}])


def disputed(result, figure: str) -> bool:
    return result.label == "contradicts" and result.summary.startswith(f"The source mentions {figure} but disputes")


def test_a_negation_before_a_verb_read_as_a_figure_reaches_the_figure():
    claim = "Grain exports doubled to $6 billion"
    result = check(claim, "Grain exports have not doubled to $6bn, as the minister said; they rose to $4.2bn.", 6e9, "USD")
    assert disputed(result, "$6 billion")
    twin = check(claim, "Grain exports doubled to $6bn last year, the ministry said.", 6e9, "USD")
    assert twin.label == "states" and twin.summary == "The source states $6 billion (as “$6bn”)."


def test_nothing_close_to_the_figure_disputes_it():
    result = check("The clinic saw 400 patients", "Clinic logs show nothing close to the 400 patients the mayor cited.",
                   400, "patients")
    assert disputed(result, "400 patients")


def test_what_a_subject_has_does_not_state_what_was_done_to_it():
    claim = "The strike shut 150 post offices"
    assert check(claim, "The postal service has 150 post offices and 4,000 staff.", 150, "post offices").label == "absent"
    assert check(claim, "The strike shut 150 post offices on Monday.", 150, "post offices").label == "states"


def test_a_figure_in_the_other_clause_of_the_claims_subject_states_nothing():
    claim = "Exports of timber grew by 6 percent"
    result = check(claim, "Imports of steel grew by 6 percent, while timber exports were flat.", 6, "percent")
    assert result.label == "absent"
    assert result.summary == "The source does not state 6 percent (or any close figure)."
    assert check(claim, "Timber exports grew by 6 percent, while steel imports were flat.", 6, "percent").label == "states"


def test_another_company_named_in_the_figures_clause_states_nothing_for_the_claims():
    claim = "Rival firm Valmora hired 300 engineers"
    source = "Its rival Castellan hired 300 engineers this year; Valmora froze recruitment."
    assert check(claim, source, 300, "engineers").label == "absent"


def test_a_fact_checks_false_rating_disputes_the_figure_it_repeats():
    claim = "The council spent £2.4 million on consultants"
    source = ("CLAIM: The council spent £2.4m on consultants. RATING: Mostly false. Accounts show £0.9m; the £2.4m "
              "figure includes agency staff.")
    result = check(claim, source, 2.4e6, "GBP")
    assert result.label == "contradicts" and "£2.4 million" in result.summary and "disputes" in result.summary
    true = "Verdict: True. The council's accounts confirm it spent £2.4 million on consultants."
    assert check(claim, true, 2.4e6, "GBP").label == "states"


def test_a_denied_allegation_holding_the_figure_is_disputed_but_a_confirmation_after_a_denial_states():
    claim = "Tarrow Foods paid $2m in fines"
    denied = 'Tarrow Foods rejected as "baseless and malicious" an allegation in the film that it had paid $2m in fines.'
    assert disputed(check(claim, denied, 2e6, "USD"), "$2m")
    confirmed = "Tarrow Foods denied rumours of larger penalties, confirming that it had paid $2m in fines."
    assert check(claim, confirmed, 2e6, "USD").label == "states"


def test_a_correction_notice_disputes_what_the_earlier_version_said():
    claim = "Ridgeway Mining will hire 1,200 workers"
    source = "CORRECTION: An earlier version of this article said Ridgeway Mining would hire 1,200 workers. It plans to hire 700."
    assert disputed(check(claim, source, 1200, "workers"), "1,200 workers")


def test_a_gap_between_two_values_is_no_revised_count():
    claim = "Temperatures reached 44.1C in Dorran"
    source = "The provisional maximum at Dorran was 44.1°C, 0.6°C short of the record. Overnight it did not fall below 29°C."
    result = check(claim, source, 44.1, "celsius")
    # (The gap itself is still read as a differing reading of the same measure: a known limit.)
    assert result.label != "contradicts" and "revised" not in result.summary


def test_a_number_said_in_words_with_a_point_is_a_decimal():
    assert [(q.value, q.unit) for q in find_quantities("Inflation eased to three point four per cent.")] == [(3.4, "percent")]
    assert [q.value for q in find_quantities("one point five million people")] == [1500000]
    result = check("Inflation fell to 3.4% in June", "Inflation eased to three point four per cent in June.", 3.4, "percent")
    assert result.label == "states"


def test_a_label_value_line_is_read_under_the_caption():
    claim = "Cardell plc reported a profit of £30 million"
    source = "Cardell plc - results for the year to March. Pre-tax profit: £41.5m (2025: £28.0m). Dividend: 9.1p."
    result = check(claim, source, 3e7, "GBP")
    assert result.label == "different"
    assert result.summary == "The claim says £30 million; the source says £41.5m."


def test_a_compound_size_sizes_the_noun_after_it():
    claim = "The hospital has 500 beds"
    assert check(claim, "The hospital opened a new wing with a 20-bed ward.", 500, "beds").label == "absent"
    assert check(claim, "The 500-bed hospital opened in 1998.", 500, "beds").label == "states"


def test_a_forecast_is_a_yardstick_and_a_hope_no_count():
    assert check("Profits rose to £55 million", "Profits rose to £61m, beating forecasts of £55m.", 5.5e7,
                 "GBP").label == "different"
    assert check("The concert drew 30,000 people", "Organisers had hoped for 30,000 people at the concert.", 30000,
                 "people").label == "absent"


def test_a_figure_another_source_gives_after_it_competes_with_a_reported_claim():
    claim = "The vaccine cut admissions by 50 percent"
    source = ("The maker's claim that the vaccine cut admissions by 50 percent rests on one region; across the country, "
              "the reduction was 18 percent, the agency found.")
    assert check(claim, source, 50, "percent").label in ("contradicts", "different")


def test_hebrew_the_circulated_figure_called_wrong_and_arabic_the_correct_one_follows():
    he = "הלשכה הבהירה כי הנתון שהופץ ברשת, שלפיו שיעור האבטלה במחוז הגיע ל-35%, שגוי. השיעור עמד על 11%."
    assert check("Unemployment in the district reached 35 percent", he, 35, "percent").label == "contradicts"
    ar = "تصحيح: ورد في نسخة سابقة أن كلفة الجسر بلغت ٩٠ مليون دولار، والصحيح أنها ٩ ملايين دولار."
    assert check("The bridge cost $90 million", ar, 9e7, "USD").label == "contradicts"
