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
