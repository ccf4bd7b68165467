"""The figure check's rules of round 10, with sentences written for this test (not taken from any pair
set): a refutation after the figure that points back at it without repeating it, in the same sentence
("..., but auditors say that figure was never accurate") or the next ("Court records show no such
payment."). Each rule has a twin that keeps the figure, so a rule that fires on any sentence fails here."""

from __future__ import annotations

import pytest

from tests.sources.support import check

NEVER_HELD = [
    (
        "The dam generates 400 megawatts",
        "The dam's output is usually quoted as 400 megawatts, but grid operators say that figure was never accurate.",
        400,
        "megawatts",
    ),
    (
        "The school has 900 pupils",
        "The prospectus lists 900 pupils. That number has not been correct for years.",
        900,
        "pupils",
    ),
]
NO_SUCH = [
    (
        "The firm paid a 2 million dollar bribe",
        "Prosecutors alleged a 2 million dollar bribe, but bank statements show no such transfer.",
        2_000_000,
        "dollars",
    ),
    (
        "The airline cancelled 60 flights",
        "Passengers' groups spoke of 60 cancelled flights. Airport logs show no such disruption that week.",
        60,
        "flights",
    ),
]
KEPT = [
    (
        "The dam generates 400 megawatts",
        "The dam generates 400 megawatts, but engineers say the turbines were never designed for floods.",
        400,
        "megawatts",
    ),
    (
        "The airline cancelled 60 flights",
        "The airline cancelled 60 flights on Tuesday. Airport logs show the runway reopened at noon.",
        60,
        "flights",
    ),
]


@pytest.mark.parametrize(("claim", "source", "value", "unit"), NEVER_HELD)
def test_the_figure_said_never_to_have_been_accurate_is_refuted(claim, source, value, unit):
    assert check(claim, source, value, unit).label == "contradicts"


@pytest.mark.parametrize(("claim", "source", "value", "unit"), NO_SUCH)
def test_no_such_thing_after_the_figure_refutes_it(claim, source, value, unit):
    assert check(claim, source, value, unit).label == "contradicts"


@pytest.mark.parametrize(("claim", "source", "value", "unit"), KEPT)
def test_a_later_clause_about_something_else_keeps_the_match(claim, source, value, unit):
    assert check(claim, source, value, unit).label == "states"


SAME_THING_WORDED_OTHERWISE = [
    # A walkout is the strike, a crossing the bridge, a price what it cost, lorries the trucks.
    ("The dock strike lasted 9 days", "Port workers ended a 9-day walkout on Thursday.", 9, "days", "states"),
    ("The tunnel cost $4bn", "Auditors put the final price of the tunnel at 4 billion dollars.", 4_000_000_000, "USD",
     "states"),
    ("The bridge took 6 years to build", "Work on the crossing took 6 years.", 6, "years", "states"),
    ("The convoy had 30 trucks", "A convoy of 45 lorries reached the camp.", 30, "trucks", "different"),
]


@pytest.mark.parametrize(("claim", "source", "value", "unit", "label"), SAME_THING_WORDED_OTHERWISE)
def test_a_word_for_the_same_thing_ties_the_figure_to_the_claim(claim, source, value, unit, label):
    assert check(claim, source, value, unit).label == label
