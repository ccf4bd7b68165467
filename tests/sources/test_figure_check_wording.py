"""The figure check reads a source as a newsroom writes it: other words for the same things ("houses"
for homes, "death toll" for killed), a fraction against a percentage, a measure in another unit, and
a bare count that differs from the claim's."""

from __future__ import annotations

import pytest

from factcheck.sources.figures import figure_check


@pytest.mark.parametrize(
    ("claim", "figure", "source"),
    [
        ("The storm destroyed 1,318 homes", {"value": 1318, "qualifier": "exact", "unit": "homes"},
         "Inspectors counted 1,318 houses lost along the coast road."),
        ("Two-thirds of members backed the merger", {"value": 0.6667, "qualifier": "exact", "unit": "fraction"},
         "Sixty-seven percent of members voted for the merger on Friday."),
        ("The city recorded 43C on Monday", {"value": 43, "qualifier": "exact", "unit": "celsius"},
         "Thermometers in the old town showed 43 degrees Celsius."),
        ("The plant will shed 900 jobs", {"value": 900, "qualifier": "exact", "unit": "jobs"},
         "The owner said it would cut nine hundred positions by the summer."),
    ],
)
def test_the_same_figure_in_other_words_is_stated(claim, figure, source):
    result = figure_check(claim, source, [figure])
    assert result.label == "states", result.summary


def test_a_bare_count_about_the_same_event_is_a_different_figure():
    result = figure_check("The landslide killed 74 people", "The death toll from the landslide rose to 91 on Sunday.",
                          [{"value": 74, "qualifier": "exact", "unit": "people", "text": "74 people"}])
    assert result.label == "different"
    assert result.summary == "The claim says 74 people; the source says 91."


def test_a_crowd_estimate_the_police_reject_is_never_a_match():
    result = figure_check("The rally drew 30,000 people", "Police said the crowd was nowhere near 30,000.",
                          [{"value": 30000, "qualifier": "exact", "unit": "people", "text": "30,000 people"}])
    assert result.label == "contradicts"
    assert result.outcome == "disputed"


def test_the_same_number_about_something_else_is_absent():
    result = figure_check("The flood destroyed 450 homes", "About 450 volunteers helped clear the streets.",
                          [{"value": 450, "qualifier": "exact", "unit": "homes", "text": "450 homes"}])
    assert result.label == "absent"
    assert result.summary == "The source does not state 450 homes (or any close figure)."
