"""The figure check's refutation rules of round 6, with sentences written for this test (not taken
from any pair set): a refuting predicate after a relative clause, a shortfall or a truer figure
right after the figure, and a later count in a following clause."""

from __future__ import annotations

import pytest

from tests.sources.support import check


@pytest.mark.parametrize(("claim", "source", "value", "unit"), [
    # The figure's subject refuted after a relative clause describing it.
    ("The blaze destroyed 430 homes", "The 430 homes that were listed on the council website were later disputed "
     "by the fire service.",
     430, "homes"),
    # A shortfall named after the figure.
    ("The museum cost £60 million", "The £60 million budget announced by the trust fell well short of the real cost.",
     60_000_000, "GBP"),
    # A truer figure given right after it, which the number reader takes as "closer to N".
    ("The rally drew 20,000 people", "The 20,000 the party announced was closer to 7,000, police said.", 20_000, "people"),
    # A later count in the next clause correcting it.
    ("The drought killed 9,000 cattle", "The drought killed 9,000 cattle, farmers said, though a subsequent census found 6,100.",
     9_000, "cattle"),
])
def test_a_refuted_figure_is_never_a_match(claim, source, value, unit):
    result = check(claim, source, value, unit)
    assert result.label == "contradicts", result.summary


@pytest.mark.parametrize(("claim", "source", "value", "unit"), [
    # A relative clause that denies something else, before the figure, leaves the figure stated.
    ("The blaze destroyed 430 homes", "The fire service, which rejected criticism of its response, said "
     "the blaze destroyed 430 homes.",
     430, "homes"),
    # A figure given plainly, with its source named after it.
    ("The rally drew 20,000 people", "The rally drew 20,000 people, police said.", 20_000, "people"),
])
def test_a_figure_stated_plainly_still_matches(claim, source, value, unit):
    result = check(claim, source, value, unit)
    assert result.label == "states", result.summary


@pytest.mark.parametrize(("passage", "label"), [
    # "لقوا حتفهم" (met their death), the plural of "لقي حتفه", names the dead.
    ("أعلن الدفاع المدني أن 640 شخصا لقوا حتفهم في الانهيار.", "states"),
    ("أعلن الدفاع المدني أن 590 شخصا لقوا حتفهم في الانهيار.", "different"),
])
def test_arabic_met_their_death_counts_the_dead(passage, label):
    result = check("The collapse killed 640 people", passage, 640, "people")
    assert result.label == label, result.summary


@pytest.mark.parametrize("source", [
    "Reports that 1,800 tenants were evicted have been called into question by the housing charity.",
    "The landlord group's 1,800 figure for evicted tenants could not be verified.",
    "Inspectors found no trace of the 1,800 evicted tenants the charity had listed.",
    "The charity said 1,800 tenants were evicted, a number that landlords say is wildly inflated.",
    "The 1,800 tenants said to have been evicted turned out to be a data-entry error.",
    "Councillors greeted the charity's claim of 1,800 evicted tenants with scepticism.",
    "The charity said 1,800 tenants had been evicted, though the council has contested that.",
    "Some 1,800 tenants were evicted, according to a survey the charity later disowned.",
])
def test_a_doubted_or_unverified_figure_is_never_a_match(source):
    result = check("Landlords evicted 1,800 tenants", source, 1_800, "tenants")
    assert result.label == "contradicts", result.summary


@pytest.mark.parametrize("source", [
    # A dispute about something else after the figure ("disputed that more had left") leaves it stated.
    "The charity said 1,800 tenants had been evicted, though the council disputed that more had left.",
    "Landlords evicted 1,800 tenants; the council said it could not yet confirm how many had been rehoused.",
])
def test_a_doubt_about_something_else_leaves_the_figure_stated(source):
    result = check("Landlords evicted 1,800 tenants", source, 1_800, "tenants")
    assert result.label == "states", result.summary


@pytest.mark.parametrize("source", [
    "The fund saved 400 shops, its backers said, but inspectors could find only 150.",
    "Inspectors said the 400 shops the fund saved were largely imaginary.",
    "The fund is credited with saving 400 shops, a total inspectors have since revised down.",
    "Inspectors say the fund's 400 shops claim is unsupported.",
])
def test_a_figure_found_unsupported_or_revised_later_is_never_a_match(source):
    result = check("The fund saved 400 shops", source, 400, "shops")
    assert result.label == "contradicts", result.summary
