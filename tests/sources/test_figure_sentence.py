"""The figure check reads the sentence around each occurrence (issue 15); passages written for these tests."""

from __future__ import annotations

from factcheck.sources.figures import figure_check


def _check(claim: str, source: str, value: float, unit: str | None, text: str | None = None):
    figure = {"value": value, "qualifier": "exact", "unit": unit}
    if text:
        figure["text"] = text
    return figure_check(claim, source, [figure])


def test_a_proportion_written_as_so_many_in_every_so_many_states_the_share():
    check = _check("Two-thirds of tenants rent from a private landlord",
                   "Two in every three tenants rent from a private landlord, the housing survey found.",
                   2 / 3, "fraction", "Two-thirds")
    assert check.label == "states"
    assert _check("Four out of every five pharmacies stock the drug",
                  "Some 80 percent of pharmacies stock the drug.", 0.8, "fraction").label == "states"
    assert _check("Seven out of ten farms lost money", "Nine out of ten farms lost money last year.",
                  0.7, "fraction").label == "different"


def test_a_multiplier_that_did_not_happen_contradicts_it():
    check = _check("Bus ridership doubled after the fare cut",
                   "Bus ridership did not double after the fare cut; it rose 35 percent.", 2, "times", "doubled")
    assert check.label == "contradicts"
    assert "matches" not in check.summary.lower()
    assert _check("Bus ridership doubled after the fare cut", "Bus ridership doubled after the fare cut, the operator said.",
                  2, "times", "doubled").label == "states"


def test_a_dispute_in_the_next_sentence_is_read_however_it_names_the_figure():
    said = "The water board said the new pipeline cost £64 million."
    for following, label in [
        ("Inspectors found no record of that sum.", "contradicts"),
        ("The regulator found no evidence of any savings.", "states"),  # nothing of the pipeline's cost
        ("Inspectors disagree.", "contradicts"),
        ("Independent engineers said it was much higher.", "contradicts"),
        ("Independent engineers said it was much higher than the old one.", "states"),
        ("The real cost is far higher, engineers say.", "contradicts"),
        ("Residents disagree about the route.", "states"),
    ]:
        check = _check("The new pipeline cost £64 million", f"{said} {following}", 64e6, "GBP", "£64 million")
        assert check.label == label, following
        if label == "contradicts":
            assert "matches" not in check.summary.lower()


def test_a_saving_denied_by_the_thing_it_names_contradicts_it():
    source = "The council said the merger saved £12 million. Auditors could find no evidence of the savings."
    assert _check("The merger saved £12 million", source, 12e6, "GBP", "£12 million").label == "contradicts"


def test_a_one_word_verdict_after_a_question_contradicts_it():
    source = "A £3 million payment to the adviser? False, says the treasury."
    assert _check("The treasury paid £3 million to the adviser", source, 3e6, "GBP", "£3 million").label == "contradicts"


def test_a_count_that_fell_short_of_the_figure_contradicts_it_and_one_just_short_states_nearly_it():
    assert _check("The rally drew 50,000 people", "The rally fell well short of 50,000, stewards said.",
                  50000, "people").label == "contradicts"
    nearly = figure_check("Nearly 50,000 people came to the rally", "The rally fell just short of 50,000, stewards said.",
                          [{"value": 50000, "qualifier": "nearly", "unit": "people"}])
    assert nearly.label == "states"


def test_an_appositive_that_disputes_the_figure_far_from_it_contradicts_it():
    source = ("The operator says the tunnel carries 30,000 cars a day, a figure that, according to two traffic surveys "
              "commissioned by the county and published in the spring, is greatly exaggerated.")
    assert _check("The tunnel carries 30,000 cars a day", source, 30000, "cars").label == "contradicts"


def test_a_figure_counting_another_kind_in_the_same_sentence_does_not_state_the_claim():
    source = "Stewards detained 18 fans; 25 stewards were hurt in the scuffles."
    assert _check("Stewards detained 25 fans", source, 25, "fans").label != "states"
    assert _check("25 stewards were hurt", "Stewards detained 25 fans; 18 stewards were hurt.", 25, "stewards").label != "states"
    clinic = "The clinic vaccinated 90 adults and 35 infants on Saturday."
    assert _check("The clinic vaccinated 90 infants", clinic, 90, "infants").label == "different"
    assert _check("The clinic vaccinated 35 infants", clinic, 35, "infants").label == "states"
    # Two objects of one verb: the second keeps the verb ("killed 12 workers and 30 passers-by").
    assert _check("The collapse killed 30 people", "The collapse killed 12 workers and 30 passers-by.",
                  30, "people").label == "states"
