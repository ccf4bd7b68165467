"""The figure check's rules of round 8, with sentences written for this test (not taken from any pair
set): the same number on another occasion (the hurt for the dead, what a place can hold, a standing
headcount, another year, place or event, a power cut), and dismissals worded as "brushed aside",
"nobody would stand behind", "suggest otherwise" or a next sentence's audit. Each rule has a twin
that states the figure, so a rule that fires on any sentence fails here."""

from __future__ import annotations

import pytest

from factcheck.sources.figures import figure_check
from tests.sources.support import check


@pytest.mark.parametrize(("claim", "source", "value", "unit"), [
    ("The landslide killed 23 people", "Twenty-three people were hurt when the landslide struck the village.", 23, "people"),
    ("The arena concert drew 18,000 fans", "The arena, opened last spring, holds 18,000 fans.", 18_000, "fans"),
    ("The ferry was carrying 450 passengers", "The ferry can carry up to 450 passengers.", 450, "passengers"),
    ("The bank cut 2,300 jobs", "The bank, which employs 2,300 people in the city, declined to comment.", 2_300, "jobs"),
    ("In 2025 the fair sold 70,000 tickets", "The 2022 fair sold 70,000 tickets.", 70_000, "tickets"),
    ("This year's fair sold 70,000 tickets", "Last year's fair sold 70,000 tickets.", 70_000, "tickets"),
    ("The blaze forced 900 residents of Harrowgate from their homes",
     "In neighbouring Elm Cross, 900 residents were told to leave their homes.", 900, "people"),
    ("The flood forced 900 residents from their homes", "In 2011 a similar flood forced 900 residents from their homes.",
     900, "people"),
    ("The gale damaged 5,000 homes", "Some 5,000 homes were left without power after the gale.", 5_000, "homes"),
    ("The tunnel cost $700 million", "The toll tunnel earns about $700 million a year.", 700_000_000, "USD"),
    ("The avalanche killed 14 skiers", "Fourteen skiers were treated for frostbite after the avalanche.", 14, "skiers"),
    ("Strikes cancelled 900 trains in 2025", "Strikes cancelled 900 trains in 2023, the operator said.", 900, "trains"),
])
def test_the_same_number_on_another_occasion_is_not_a_match(claim, source, value, unit):
    assert check(claim, source, value, unit).label == "absent"


@pytest.mark.parametrize(("claim", "source", "value", "unit"), [
    ("The landslide killed 23 people", "Twenty-three people were killed when the landslide struck the village.", 23, "people"),
    ("The arena concert drew 18,000 fans", "Some 18,000 fans packed the arena for the concert.", 18_000, "fans"),
    ("The arena can hold 18,000 fans", "The arena holds 18,000 fans.", 18_000, "fans"),
    ("The bank cut 2,300 jobs", "The bank said it would shed 2,300 jobs in the city.", 2_300, "jobs"),
    ("In 2025 the fair sold 70,000 tickets", "In 2025 the fair sold 70,000 tickets.", 70_000, "tickets"),
    ("This year's fair sold 70,000 tickets", "This year's fair sold 70,000 tickets, up from 52,000 last year.",
     70_000, "tickets"),
    ("The flood forced 900 residents from their homes", "Some 900 residents left their homes as the river rose.",
     900, "people"),
    ("The gale left 5,000 homes without power", "Some 5,000 homes were left without power after the gale.", 5_000, "homes"),
    ("The drought cost farmers $1.4 billion", "Farm losses from the drought reached $1.4bn.", 1_400_000_000, "USD"),
    ("Exports rose 9 percent", "Analysts questioned whether the 9 percent rise in exports could be sustained.", 9, "percent"),
    ("Strikes cancelled 900 trains in 2025", "Strikes cancelled 900 trains in 2025, the operator said.", 900, "trains"),
    ("The crash killed 7 people", "Police denied rumours of a higher toll, confirming that 7 people had died in the crash.",
     7, "people"),
])
def test_the_twin_sentences_still_state_the_figure(claim, source, value, unit):
    assert check(claim, source, value, unit).label == "states"


@pytest.mark.parametrize(("claim", "source", "value", "unit"), [
    ("The bank cut 2,300 jobs", "The bank brushed aside reports that it would cut 2,300 jobs.", 2_300, "jobs"),
    ("The rally drew 30,000 people", "Police laughed off the organisers' 30,000 estimate.", 30_000, "people"),
    ("The tunnel cost $700 million", "Nobody at the ministry would stand behind the $700 million figure.", 700_000_000, "USD"),
    ("The merger is worth $4 billion", "Bankers said the $4 billion valuation was never on the table.", 4_000_000_000, "USD"),
    ("The fair sold 70,000 tickets", "The organisers insist 70,000 tickets were sold. Gate records suggest otherwise.",
     70_000, "tickets"),
    ("The city planted 8,000 trees", "The city says it planted 8,000 trees. An audit found just 1,900 saplings.",
     8_000, "trees"),
    ("The rally drew 30,000 people", "Organisers put the crowd at 30,000. Police said the true number was nearer 9,000.",
     30_000, "people"),
    ("The strike involved 1,500 drivers", "The union says 1,500 drivers walked out. Managers say that is nonsense.",
     1_500, "drivers"),
    ("The storm destroyed 140 homes", "Inspectors said the 140 homes figure was a double count of sheds and garages.",
     140, "homes"),
    ("Growth reached 2.7 percent", "Critics say the 2.7 percent growth rate is a statistical artefact.", 2.7, "percent"),
])
def test_dismissals_are_refutations_never_matches(claim, source, value, unit):
    assert check(claim, source, value, unit).label == "contradicts"


def test_a_later_arabic_clause_denying_that_disputes_the_figure():
    result = check("250 families were displaced by the storm", "تحدثت تقارير عن نزوح 250 عائلة، لكن البلدية نفت ذلك.",
                   250, "families")
    assert result.label == "contradicts"
    twin = check("250 families were displaced by the storm", "نزحت 250 عائلة بسبب العاصفة، بحسب البلدية.", 250, "families")
    assert twin.label == "states"


def test_a_hebrew_rally_is_the_claims_rally():
    result = check("The rally drew 80,000 people", "לפי המשטרה השתתפו בעצרת כ-25,000 איש.", 80_000, "people")
    assert result.label == "different"


def test_another_year_beside_another_figure_is_the_same_thing_revised_not_another_occasion():
    # The claim's forecast and the study's: a different figure and a later year for the same supply. The
    # another-year rule (for the same number) had turned this into "not found" (a browser journey caught it).
    claim = "the plant would supply nearly 2,400 households by 2027"
    source = ("According to the engineering study, the planned plant would supply about 1,500 households once both "
              "intake lines are complete, and not before 2029.")
    result = figure_check(claim, source, [{"value": 2400, "qualifier": "nearly", "unit": "households"}])
    assert result.outcome == "inconsistent" and result.label == "different"
    # Its twin: the same number in another year is still another occasion.
    same = source.replace("about 1,500", "nearly 2,400")
    assert figure_check(claim, same, [{"value": 2400, "qualifier": "nearly", "unit": "households"}]).label == "absent"
