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


@pytest.mark.parametrize(
    "source",
    [
        "The agency's estimate of 2,500 displaced families has been criticised as too high.",
        "Auditors said the 2,500 tally of displaced families was an overestimate.",
        "The agency said 2,500 families were displaced, a figure aid groups dispute.",
        "While the agency claimed 2,500 families were displaced, camp registers show only 700.",
        "It was first reported that 2,500 families were displaced, but the agency said the true figure was 640.",
        "The agency has revised the number of displaced families down from 2,500 to 1,900.",
    ],
)
def test_a_figure_the_sentence_goes_on_to_dispute_is_never_a_match(source):
    result = figure_check("The floods displaced 2,500 families", source,
                          [{"value": 2500, "qualifier": "exact", "unit": "families", "text": "2,500 families"}])
    assert result.label == "contradicts", result.summary
    assert result.outcome != "consistent"


def test_a_crowd_stated_in_other_words_for_a_match_is_stated():
    result = figure_check("The final drew 38,000 fans", "A crowd of 38,000 watched the final in the rain.",
                          [{"value": 38000, "qualifier": "exact", "unit": "fans", "text": "38,000 fans"}])
    assert result.label == "states", result.summary


@pytest.mark.parametrize(
    ("claim", "figure", "source"),
    [
        ("The fire destroyed 300 homes in Alder County", {"value": 300, "qualifier": "exact", "unit": "homes"},
         "Alder County has sent 300 firefighters to the blaze."),
        ("The storm left 12,000 households without power in Marlow",
         {"value": 12000, "qualifier": "exact", "unit": "households"},
         "Marlow's 12,000 students returned to school on Monday after the storm."),
    ],
)
def test_the_same_number_counting_other_things_is_absent(claim, figure, source):
    assert figure_check(claim, source, [figure]).label == "absent"


def test_people_counted_by_what_happened_to_them_are_still_people():
    result = figure_check("The crash killed 57 people", "The crash caused 57 deaths, the ministry said.",
                          [{"value": 57, "qualifier": "exact", "unit": "people", "text": "57 people"}])
    assert result.label == "states", result.summary


@pytest.mark.parametrize(
    "source",
    [
        "The 90 figure for the Ostrava mine collapse has been questioned by the miners' union.",
        "The company withdrew its earlier statement that 90 miners had died in the Ostrava collapse.",
        "The union called the figure of 90 deaths at the Ostrava mine wildly inflated.",
        "Far fewer than 90 miners died at Ostrava, according to the hospital.",
        "Hospital records show 38 deaths at the Ostrava mine, less than half the 90 claimed.",
        "The mayor said reports of 90 dead at the Ostrava mine were a lie.",
    ],
)
def test_a_questioned_withdrawn_or_inflated_figure_is_disputed(source):
    result = figure_check("The Ostrava mine collapse killed 90 miners", source,
                          [{"value": 90, "qualifier": "exact", "unit": "people", "text": "90 miners"}])
    assert result.label == "contradicts", result.summary


def test_people_named_by_what_they_do_are_people():
    result = figure_check("The march drew 70,000 people", "Organisers counted 70,000 marchers in the city centre.",
                          [{"value": 70000, "qualifier": "exact", "unit": "people", "text": "70,000 people"}])
    assert result.label == "states", result.summary


@pytest.mark.parametrize(
    ("claim", "figure", "source"),
    [
        ("Unemployment rose to 6.1 percent", {"value": 6.1, "qualifier": "exact", "unit": "percent"},
         "The jobless rate climbed to 5.7 percent, the agency said."),
        ("The ferry carried 420 migrants", {"value": 420, "qualifier": "exact", "unit": "migrants"},
         "The boat had 260 people on board when it capsized."),
    ],
)
def test_a_different_figure_named_in_other_words_is_different(claim, figure, source):
    assert figure_check(claim, source, [figure]).label == "different"
