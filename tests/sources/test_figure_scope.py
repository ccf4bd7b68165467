"""The figure check's rules of round 5, each with sentences written for this test (not taken from
any pair set): what the figure's own clause does with it, what a CSV column says it counts, and
two hedged estimates that are not one figure."""

from __future__ import annotations

import pytest

from factcheck.sources.figure_table import column_headers
from factcheck.sources.figure_units import near_miss
from factcheck.sources.figures import figure_check, quantities_of


def check(claim: str, source: str, value: float, unit: str | None, qualifier: str = "exact"):
    return figure_check(claim, source, [{"value": value, "qualifier": qualifier, "unit": unit}])


@pytest.mark.parametrize(("claim", "source", "value", "unit"), [
    # A finding that undercuts, belies or rules out the figure.
    ("Bus fares have doubled since 2020", "Ticket data undercut claims that bus fares have doubled: the rise is 18 percent.",
     2, "times"),
    ("The marina cost €30 million", "The harbour board's accounts belie the €30 million figure quoted by the mayor.",
     30_000_000, "EUR"),
    ("The transfer fee was 45 million pounds", "The club's filing rules out the 45m pounds fee reported abroad.",
     45_000_000, "GBP"),
    # A figure later called a misreading, misreported or given in error.
    ("The gale felled 700 trees", "The 700 trees counted as felled were misreported by the parks office.", 700, "trees"),
    ("The gale felled 700 trees", "The parks office said the 700 felled trees it listed had been a miscount.", 700, "trees"),
    ("The gale felled 700 trees", "A tally of 700 felled trees was published in error on Monday.", 700, "trees"),
    # A verb after the figure that says it overstates; "nowhere close to" read as the figure's qualifier.
    ("Exports grew 11 percent", "The agency's claim of an 11 percent rise in exports exaggerates the gain, traders said.",
     11, "percent"),
    ("The festival drew 80,000 visitors", "Attendance was nowhere close to 80,000, the organisers conceded.", 80_000, "visitors"),
])
def test_a_refuting_clause_is_never_a_match(claim, source, value, unit):
    result = check(claim, source, value, unit)
    assert result.label == "contradicts", result.summary


def test_a_statement_that_the_figure_is_no_misreading_still_needs_its_own_words():
    # "misreading" about something else, in another clause, does not touch the figure.
    result = check("The gale felled 700 trees", "The gale felled 700 trees; a misreading of the forecast delayed the warning.",
                   700, "trees")
    assert result.label == "states", result.summary


@pytest.mark.parametrize(("claim", "source", "value", "unit"), [
    # Money given to an appeal is money raised.
    ("The hospice raised £1.8 million", "Donors gave £1.8m to the hospice appeal.",
     1_800_000, "GBP"),
    # "lives" the verb is no casualty word: the claim about where people live is not about deaths.
    ("Nearly a third of the region's population lives on the coast",
     "About 32 percent of the region's inhabitants are found on the coast, the census shows.", 0.3333, "fraction"),
])
def test_paraphrased_statements_state_the_figure(claim, source, value, unit):
    qualifier = "nearly" if claim.startswith("Nearly") else "exact"
    result = check(claim, source, value, unit, qualifier)
    assert result.label == "states", result.summary


def test_people_treated_in_hospital_are_the_hurt_of_a_differing_toll():
    result = check("The pile-up injured 31 people", "Two hospitals treated 38 motorists after the pile-up on the ring road.",
                   31, "people")
    assert result.label == "different", result.summary


def test_a_claim_about_admissions_is_no_casualty_claim():
    # The source's "treated" is evidence of the hurt, but the claim's "hospitalised" alone does not make
    # every source about injuries.
    result = check("900 pupils were hospitalised with flu", "Some 900 pupils have been admitted to hospital with flu.",
                   900, "pupils")
    assert result.label == "states", result.summary


def test_a_share_price_is_not_a_profit():
    result = check("The bank's profit rose 9 percent", "The bank's shares rose 9 percent in early trading.", 9, "percent")
    assert result.label == "absent", result.summary


def test_men_are_people_when_the_claim_counts_fishermen():
    result = check("Four fishermen drowned off the cape", "Four men drowned when their boat capsized off the cape.",
                   4, "fishermen")
    assert result.label == "states", result.summary


@pytest.mark.parametrize(("claim_value", "source_value", "missed"), [
    (96, 101, True),     # two estimates
    (230, 250, True),
    (4000, 4100, False),  # 4,100 rounds to 4,000
    (2.5, 2.5, False),
    (3, 4, False),       # one significant digit: the hedge's tolerance decides
])
def test_two_hedged_estimates_near_each_other_are_two_figures(claim_value, source_value, missed):
    assert near_miss(claim_value, "approx", source_value, "approx") is missed
    assert near_miss(claim_value, "exact", source_value, "approx") is False  # one hedge: its tolerance decides


def test_an_estimate_in_the_claims_own_currency_beside_a_conversion_differs():
    result = check("Resurfacing the runway cost about 52 million koruna",
                   "The airport put the cost of resurfacing the runway at roughly 2 million euros, or about 49 million koruna.",
                   52_000_000, "CZK", "approx")
    assert result.label == "different", result.summary


TABLE = "district,flooded homes,shelters\nRiverside,2190,4\nOld Town,310,2\n"


def test_a_csv_figure_is_read_with_its_column_header():
    found = quantities_of(TABLE)
    assert [h for h in column_headers(TABLE, found)] == ["flooded homes", "shelters", "flooded homes", "shelters"]
    result = check("The river flooded 2,190 homes in Riverside", TABLE, 2190, "homes")
    assert result.label == "states", result.summary
    result = figure_check("The river flooded 2,400 homes in Riverside", TABLE,
                          [{"value": 2400, "qualifier": "exact", "unit": "homes", "text": "2,400 homes"}])
    assert result.label == "different", result.summary
    assert result.summary == "The claim says 2,400 homes; the source says 2190."


def test_prose_with_commas_has_no_column_headers():
    text = "In March, the council said, 2,190 homes flooded.\nBy April, 310 had been repaired, it added.\n"
    assert column_headers(text, quantities_of(text)) == ["", ""]
