"""Round 14, quantities: units as GUIDELINES.md words them, in the engine and in the evaluation's
comparison. Every sentence here is invented for the test."""

from __future__ import annotations

from bench.suggest_eval import same_unit
from factcheck.claims.suggest.numbers import find_quantities


def _units(text: str) -> list[tuple[float, str | None]]:
    return [(float(q.value), q.unit) for q in find_quantities(text)]


def _figures(text: str) -> list[tuple[float, str, str | None]]:
    return [(float(q.value), q.qualifier, q.unit) for q in find_quantities(text)]


# --- the evaluation compares units as the guidelines word them ---------------------------------


def test_evaluation_takes_people_for_any_noun_for_people_as_the_guidelines_example_does():
    # GUIDELINES.md labels "4,000 residents" with the unit "people".
    assert same_unit("people", "residents") and same_unit("passengers", "people")
    assert same_unit("people", "crew members")
    assert not same_unit("residents", "children")
    assert not same_unit("people", "homes") and not same_unit("people", "households")


def test_evaluation_takes_a_counted_noun_with_or_without_its_modifier():
    assert same_unit("fire engines", "engines") and same_unit("blocks", "apartment blocks")
    assert not same_unit("engines", "blocks")
    # A spelled-out unit is one unit, never a modified noun: "points" is not "percentage points".
    assert not same_unit("points", "percentage points") and not same_unit("percent", "percentage points")


def test_evaluation_takes_a_multiplier_without_a_unit_or_as_times():
    assert same_unit(None, "times") and same_unit("multiplier", None) and same_unit("x", "times")
    assert not same_unit(None, "people") and not same_unit(None, "percent")
    assert same_unit(None, None) and same_unit("homes", "home")


# --- the engine names units as a labeller does ---------------------------------------------------


def test_a_bare_count_takes_the_noun_its_sentence_names():
    assert _units("The number of homes without power has fallen to 176,000.") == [(176000, "homes")]
    assert _units("Ferry passenger numbers have fallen to 9,000 a year.") == [(9000, "passengers")]
    assert _units("The town had a pre-war population of about 84,000.") == [(84000, "people")]
    assert _units("Overall, 14 of the country's universities made the list.") == [(14, "universities")]
    assert _units("Three of the dead were children, officials said.") == [(3, "children")]
    assert _units("Seven of the nine members voted for the rise.") == [(7, "members"), (9, "members")]


def test_a_casualty_count_without_a_noun_counts_people():
    assert _figures("The blast killed at least 23 people and injured more than 300.") == [
        (23, "at_least", "people"), (300, "more_than", "people")]
    assert _figures("At least eight were still missing on Sunday.") == [(8, "at_least", "people")]
    # The workforce "numbers" 1,273: a verb, not a count of workforces.
    assert _units("The plant's workforce numbers 1,273.") == [(1273, None)]


def test_an_age_is_read_after_a_person_and_as_a_bound():
    assert _units("The driver, 49, was charged in June.") == [(49, "years")]
    assert _units("At 71, he is the oldest ferryman on the coast.") == [(71, "years")]
    assert _figures("Most of those infected are children under five.") == [(5, "less_than", "years")]
    assert _figures("The trial followed adults aged between 40 and 75.") == [
        (40, "at_least", "years"), (75, "at_most", "years")]
    assert _units("The index was 65, up from 61.")[0] == (65, None)


def test_a_point_of_a_rate_is_a_percentage_point():
    assert _units("The bank raised its rate by a quarter of a point to 4.25 percent.") == [
        (0.25, "percentage_point"), (4.25, "percent")]
    assert _units("It discussed a larger half-point rise.") == [(0.5, "percentage_point")]
    assert _units("Mortgage rates rose by 0.3 points to 5.2 percent.") == [(0.3, "percentage_point"), (5.2, "percent")]
    assert _units("Half of the staff left.") == [(0.5, "fraction")]


def test_measures_and_rates_are_written_as_symbols():
    assert _figures("The comet travels at about 42 kilometres per second.") == [(42, "approx", "km/s")]
    assert _figures("It will pass within 0.38 astronomical units of Earth.") == [(0.38, "at_most", "au")]
    assert _units("She averaged 352 watts, about 5.6 watts per kilogram.") == [(352, "W"), (5.6, "W/kg")]
    assert _units("Speeds of up to 1 gigabit per second.") == [(1, "Gbps")]
    assert _units("Temperatures of 9 Celsius and little wind.") == [(9, "celsius")]


def test_a_counted_noun_after_two_modifiers_or_fewer():
    assert _units("The hospital had 210 vacant nursing posts.") == [(210, "posts")]
    assert _units("That is 27 fewer seats than before.") == [(27, "seats")]
    assert _units("The ship carried 312 passengers and 19 crew.") == [(312, "passengers"), (19, "crew")]
    # An adverb is no modifier: "1,284 previously unknown worlds" stays a bare count for the figure check.
    assert _units("They confirmed 1,284 previously unknown worlds.") == [(1284, None)]
