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
