"""Round 8: count units as written (GUIDELINES.md: "a short lower-case noun for counts"), a bare
count given the noun its neighbour counts, and the evaluation's unit spelling normalisation.
Every sentence here is invented for the test."""

from __future__ import annotations

from bench.suggest_eval import unit_key
from factcheck.claims.suggest import suggest
from factcheck.claims.suggest.numbers import find_quantities, normalise_unit


def _units(text: str) -> list[tuple[float, str | None]]:
    return [(float(q.value), q.unit) for q in find_quantities(text)]


def test_a_count_of_people_keeps_the_noun_the_article_writes():
    assert _units("The bus was carrying 38 passengers and 3 crew members.") == [(38, "passengers"), (3, "members")]
    assert _units("Soldiers evacuated 240 residents and 19 children from the valley.") == [
        (240, "residents"), (19, "children")]


def test_a_singular_or_an_adjective_is_still_people():
    assert _units("The blast left 12 dead and 40 wounded in the market.") == [(12, "people"), (40, "people")]


def test_the_figure_check_still_reads_every_people_word_as_people():
    assert normalise_unit("passengers") == "people"
    assert normalise_unit("civilians") == "people"


def test_a_share_takes_the_noun_of_its_whole():
    assert _units("Air defences downed 17 of 25 missiles over the port.") == [(17, "missiles"), (25, "missiles")]
    assert _units("Nine of the county's 31 libraries will shut.") == [(9, "libraries"), (31, "libraries")]


def test_others_and_of_them_take_the_noun_counted_before():
    assert _units("The shelling killed 6 civilians and wounded 22 others in Oskar.") == [
        (6, "civilians"), (22, "civilians")]
    assert _units("Some 800 villagers fled, and 300 of them slept in a church.") == [(800, "villagers"), (300, "villagers")]


def test_a_baseline_after_up_from_takes_the_noun_of_the_figure():
    assert _units("The fair drew 41,000 visitors, up from 36,500 last year.") == [(41000, "visitors"), (36500, "visitors")]


def test_a_vote_tally_counts_votes():
    assert _units("The council voted 27 to 14 to close the pool.") == [(27, "votes"), (14, "votes")]
    assert _units("The bill passed by 210 votes to 98.") == [(210, "votes"), (98, "votes")]


def test_a_bare_count_far_from_a_noun_stays_without_unit():
    assert _units("The trust has 14 sites. It sold 3 last year.") == [(14, "sites"), (3, None)]


def test_evaluation_compares_unit_spellings_not_meanings():
    assert unit_key("percentage_point") == unit_key("percentage points") == unit_key("pp") == unit_key("percentage_points")
    assert unit_key("times") == unit_key("multiplier") == unit_key("x")
    assert unit_key("s") == unit_key("seconds") and unit_key("kph") == unit_key("km/h")
    assert unit_key("storey") == unit_key("storeys") and unit_key("counties") == unit_key("county")
    assert unit_key("percent") != unit_key("percentage_points")
    assert unit_key("residents") != unit_key("people")
    assert unit_key("GBP") != unit_key("EUR") and unit_key(None) is None


def test_a_suggestion_carries_the_written_noun():
    found = suggest("Rescuers pulled 63 fishermen from the sea on Tuesday, the coastguard said.")
    assert found and found[0].quantities[0]["unit"] == "fishermen"


def test_a_plan_with_only_a_date_is_no_claim():
    assert suggest("The choir will sing at the cathedral on Sunday.") == []
    assert suggest("Residents plan to hold a vigil outside the town hall on Friday.") == []


def test_a_plan_with_a_figure_is_still_a_claim():
    found = suggest("The council will close 14 libraries by March, its leader said.")
    assert [s.text for s in found] == ["The council will close 14 libraries by March, its leader said"]


def test_a_past_act_with_a_future_tail_keeps_its_date():
    found = suggest("Opened in 1971, the pool was condemned in 2019, meaning that swimmers will have to travel to Avonby.")
    assert found and "temporal" in found[0].types and found[0].start == 0


def test_a_belief_about_what_could_happen_is_speculation_even_with_a_figure():
    assert suggest("Villagers believe the number of missing could rise above 60 by the weekend.") == []


def test_should_with_a_change_is_a_guess_not_a_claim():
    assert suggest("Hoteliers say bookings should recover to 80 percent next summer.") == []


def test_a_trailing_narrowest_is_a_ranking_claim_of_its_own():
    texts = [s.text for s in suggest("The Greens held Eastfold by just 9 votes, the narrowest margin in the county.")]
    assert texts == ["The Greens held Eastfold by just 9 votes", "the narrowest margin in the county"]


def test_a_live_blog_present_result_is_split_from_its_ranking():
    found = suggest("Labour's Ines Moro wins Harrow Vale with a swing of 11.2 points, the biggest of the night so far.")
    assert [s.text for s in found] == ["Labour's Ines Moro wins Harrow Vale with a swing of 11.2 points",
                                       "the biggest of the night so far"]
    assert "superlative" in found[1].types


def test_a_possessive_first_in_a_span_of_years_is_a_ranking():
    found = suggest("The county opened Brookmere Bridge on Monday, the county's first new river crossing in 40 years.")
    assert [s.text for s in found][-1] == "the county's first new river crossing in 40 years"
    assert "superlative" in found[-1].types


def test_a_subject_relative_clause_with_two_figures_is_cut_at_the_main_verb():
    found = suggest("A bookkeeper who took £310,000 from the savings of 220 parish charities was jailed for "
                    "six years on Tuesday.")
    assert [s.text for s in found] == [
        "A bookkeeper who took £310,000 from the savings of 220 parish charities",
        "was jailed for six years on Tuesday",
    ]
    assert found[1].wording and found[1].wording.startswith("A bookkeeper was jailed")


def test_a_figure_then_its_earlier_value_after_a_comma_is_a_comparison():
    found = suggest("The average class size rose to 27.4 pupils, from 25.9.")
    assert found and "comparison" in found[0].types


def test_a_winning_margin_is_a_comparison():
    found = suggest("Okafor beat the defending champion by 3.2 seconds in Lyon on Sunday.")
    assert found and "comparison" in found[0].types and "temporal" in found[0].types


def test_a_margin_word_without_a_rival_is_no_comparison():
    found = suggest("Okafor was fined 500 euros by the federation on Sunday.")
    assert found and "comparison" not in found[0].types


def test_a_revised_forecast_is_its_subjects_prediction():
    found = suggest("The monetary authority held its rate at 3 percent on Tuesday and cut its forecast for "
                    "growth next year to 1.2 percent from 1.9 percent.")
    assert [s.text for s in found][-1] == "cut its forecast for growth next year to 1.2 percent from 1.9 percent"
    assert {"prediction", "attribution"} <= set(found[-1].types)
    assert found[-1].attributed_to == "The monetary authority"


def test_a_cut_budget_is_no_forecast():
    found = suggest("The council cut its budget for roads to 4 million euros from 6 million euros.")
    assert found and "prediction" not in found[0].types
