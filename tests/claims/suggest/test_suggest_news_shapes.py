"""Shapes of news copy written by people who never saw the engine: reported statements without a
figure, two statements joined by "and that", an act ranked by a trailing superlative, and the other
clause-level rules of GUIDELINES.md. Every sentence here was written for this file."""

from __future__ import annotations

from factcheck.claims.suggest import find_quantities, suggest


def _texts(text: str) -> list[str]:
    return [s.text for s in suggest(text)]


def test_a_reported_act_without_a_figure_is_an_attributed_claim():
    found = suggest("The harbour authority said it had closed the northern pier to ferries.")
    assert [s.text for s in found] == ["The harbour authority said it had closed the northern pier to ferries"]
    assert found[0].attributed_to == "The harbour authority"
    assert "attribution" in found[0].types


def test_a_reported_act_with_the_source_after_it_is_a_claim():
    found = suggest("The outbreak started in a boarding school near the lake, health officials said.")
    assert found and found[0].attributed_to == "health officials"


def test_a_reported_view_or_state_is_not_a_claim():
    assert suggest("Critics said the council's handling of the storm had been chaotic.") == []
    assert suggest("The mayor said she was confident in the plan.") == []
    assert suggest("The operator said it was cooperating with the inquiry.") == []


def test_two_statements_joined_by_and_that_are_two_claims_with_one_source():
    found = suggest("The interior minister said a criminal inquiry had been opened and that the pilot had been arrested.")
    assert [s.text for s in found] == [
        "The interior minister said a criminal inquiry had been opened",
        "that the pilot had been arrested",
    ]
    assert all(s.attributed_to == "The interior minister" for s in found)


def test_a_dated_act_and_its_trailing_ranking_are_two_claims():
    texts = _texts("The agency raised its flood warning to red on Friday, its highest level of alert.")
    assert texts == ["The agency raised its flood warning to red on Friday", "its highest level of alert"]


def test_over_a_period_after_an_ing_verb_is_the_period_itself():
    q = next(q for q in find_quantities("was convicted of embezzling £1.4 million over five years") if q.unit == "years")
    assert (q.value, q.qualifier) == (5, "exact")
    q = next(q for q in find_quantities("a career spanning over 30 years") if q.unit == "years")
    assert q.qualifier == "more_than"


def test_a_list_of_acts_each_with_its_own_figure_is_one_claim_per_act():
    found = suggest("The cyclone killed 23 people, injured more than 70 and left 9,000 without shelter.")
    assert [s.text for s in found] == [
        "The cyclone killed 23 people", "injured more than 70", "left 9,000 without shelter",
    ]
    assert [s.wording for s in found[1:]] == ["The cyclone injured more than 70.", "The cyclone left 9,000 without shelter."]


def test_an_aside_before_the_verb_is_not_an_act_of_the_list():
    texts = _texts("The village, which has about 2,000 residents, lost 80 homes in the landslide.")
    assert texts == ["The village, which has about 2,000 residents", "lost 80 homes in the landslide"]


def test_a_passive_second_act_keeps_its_auxiliary_in_the_wording():
    found = suggest("She was jailed for six years and fined £80,000.")
    assert [s.text for s in found] == ["She was jailed for six years", "fined £80,000"]
    assert found[1].wording == "She was fined £80,000."


def test_a_present_tense_act_with_its_own_figure_after_and_is_a_claim_with_its_subject():
    found = suggest("The dairy employs 14 people and ships about 9,000 litres a day.")
    assert [s.text for s in found] == ["The dairy employs 14 people", "ships about 9,000 litres a day"]
    assert found[1].wording == "The dairy ships about 9,000 litres a day."


def test_a_wire_dateline_with_a_day_is_not_part_of_the_claim():
    found = suggest("OSLO, June 9 (Reuters) - Norwegian salmon exports rose 11 percent in May, the seafood council said.")
    assert found[0].text.startswith("Norwegian salmon exports rose 11 percent")


def test_figures_showed_on_a_day_names_the_figures_as_source_and_a_time_word_is_not_the_source():
    found = suggest("Factory output fell sharply in April, official figures showed on Tuesday.")
    assert found and found[0].attributed_to == "official figures"
    found = suggest("Brightwell Foods today announced the closure of its plant in Derby, cutting 210 jobs.")
    assert [s.attributed_to for s in found] == ["Brightwell Foods", "Brightwell Foods"]


def test_a_statement_introduced_by_its_venue_keeps_its_figures_in_the_claim():
    found = suggest("In a statement, the coastguard said its crews had rescued 41 migrants off the island.")
    assert found and "quantity" in found[0].types
    assert found[0].attributed_to == "the coastguard"


def test_a_present_tense_denial_of_the_charges_is_a_claim():
    found = suggest("Varga, of Pellston, denies the charges.")
    assert [s.text for s in found] == ["Varga, of Pellston, denies the charges"]
    # Denying the charges is the defendant's plea, an act (the labels type it "other"), not words
    # handed on from a source; "denies that ..." is reported speech (test_suggest_round11).
    assert found[0].types == ["other"]


def test_a_subordinate_clause_with_its_own_verb_and_figure_is_a_claim_of_its_own():
    texts = _texts("The lira fell 3 percent after the central bank cut its main rate by two points.")
    assert texts == ["The lira fell 3 percent", "the central bank cut its main rate by two points"]


def test_a_duration_before_after_dates_the_claim_and_is_not_cut_off():
    texts = _texts("The strike began three days after the company announced 450 job cuts.")
    assert len(texts) == 1


def test_an_announced_plan_with_a_figure_or_a_date_is_a_claim():
    found = suggest("The carmaker said on Monday it would close two plants and cut about 1,800 jobs.")
    assert found and found[0].attributed_to == "The carmaker"
    assert "quantity" in found[0].types
    assert _texts("A second hearing is scheduled for April 14.") == ["A second hearing is scheduled for April 14"]


def test_a_guess_a_hedge_or_a_commentators_forecast_is_still_not_a_claim():
    assert suggest("Analysts expect the bank to cut rates to 3 percent by June.") == []
    assert suggest("The first residents could move in by early 2031, the agency says.") == []
    assert suggest("She said she had not decided whether she would stand again in May.") == []
    assert suggest("The ministry said it would review its procedures.") == []


def test_a_plan_by_a_date_is_a_claim_but_an_unsourced_forecast_of_a_change_is_not():
    assert _texts("The airline will retire 14 ageing jets by 2028.") == ["The airline will retire 14 ageing jets by 2028"]
    assert suggest("Fuel prices will rise by 6 percent next year.") == []


def test_a_trailing_comparison_of_the_figure_is_a_claim_of_its_own():
    found = suggest("Ticket sales reached 48,000 on Friday, more than double the usual weekend total.")
    assert [s.text for s in found] == ["Ticket sales reached 48,000 on Friday", "more than double the usual weekend total"]
    assert "comparison" in found[1].types
    # A baseline with its own figure is checked against another period's record: a claim of its own.
    found = suggest("Ticket sales reached 48,000 on Friday, up from 31,000 a year earlier.")
    assert [s.text for s in found] == ["Ticket sales reached 48,000 on Friday", "up from 31,000 a year earlier"]
    assert "comparison" in found[1].types and found[1].wording == (
        "Ticket sales reached 48,000 on Friday, up from 31,000 a year earlier.")
    # "more than 3,000" after a comma is a qualifier, not a comparison to split off.
    assert len(suggest("Ticket sales reached 48,000 on Friday, more than 3,000 of them online.")) == 1


def test_an_appositive_with_its_own_figure_or_ranking_is_a_claim_and_the_verb_keeps_the_subject():
    found = suggest("Halden Dairies, the region's third-largest employer, said on Monday it would shut 9 depots.")
    assert [s.text for s in found] == ["Halden Dairies, the region's third-largest employer",
                                       "said on Monday it would shut 9 depots"]
    assert found[0].wording == "Halden Dairies is the region's third-largest employer."
    assert found[1].attributed_to == "Halden Dairies"
    texts = _texts("Vellin, a village of about 600 people, lost its last bus route in 2021.")
    assert texts == ["Vellin, a village of about 600 people", "lost its last bus route in 2021"]


def test_one_modal_governing_two_acts_is_one_plan():
    texts = _texts("The chain said it would close 31 branches and cut about 700 jobs.")
    assert texts == ["The chain said it would close 31 branches and cut about 700 jobs"]


def test_more_than_any_other_is_a_comparison_and_a_ranking():
    found = suggest("The port handled 4.1 million containers, more than any rival on the coast.")
    assert {"comparison", "superlative"} <= set(found[-1].types)


def test_an_ordinal_rank_after_a_dated_act_is_a_ranking_claim_of_its_own():
    texts = _texts("The governor declared a drought emergency on Monday, the third in the province in five years.")
    assert texts == ["The governor declared a drought emergency on Monday", "the third in the province in five years"]
    found = suggest("The bank posted a loss of €80 million, its first annual loss in its 140-year history.")
    assert "superlative" in found[-1].types and found[-1].text.startswith("its first annual loss")


def test_a_ranking_appositive_may_hold_its_own_verb():
    texts = _texts("The appeal drew 3,400 letters, the highest number the tribunal has ever received.")
    assert texts == ["The appeal drew 3,400 letters", "the highest number the tribunal has ever received"]


def test_of_whom_and_whose_clauses_with_their_own_figure_are_claims():
    texts = _texts("Some 2.3 million people were eligible, of whom around 80,000 voted by post.")
    assert texts[-1] == "around 80,000 voted by post"
    texts = _texts("The effect was largest among smokers, whose risk fell by nearly a third.")
    assert texts[-1] == "whose risk fell by nearly a third"


def test_a_later_act_with_a_time_is_its_own_claim_and_taking_it_stays_with_its_figure():
    assert _texts("Marsh was suspended that June and resigned a month later.") == [
        "Marsh was suspended that June", "resigned a month later"]
    assert len(suggest("The rise will add about £60 a year to the average bill, taking it to £1,710.")) == 1


def test_acts_after_a_relative_aside_are_split_at_each_verb_with_its_figure():
    texts = _texts("The fire, which began shortly after 2 a.m., burned for nearly six hours, destroyed 14 homes "
                   "and damaged 30 more, officials said.")
    assert "destroyed 14 homes" in texts


def test_an_ordinal_rank_is_a_figure_without_a_unit_but_not_a_quantity_claim():
    (found,) = suggest("It was the seventh such postponement since the talks began.")
    assert [(q["value"], q["unit"]) for q in found.quantities] == [(7, None)]
    assert "quantity" not in found.types and "superlative" in found.types
    assert suggest("A second round of talks is scheduled for June 3.")[0].quantities == []


def test_a_figure_moved_from_another_is_a_comparison():
    for text in ("Net profit rose to €3.4 billion from €2.9 billion a year earlier.",
                 "The party will hold 38 seats, down from 51.",
                 "Exports reached $41 billion, up 6 percent.",
                 "The coalition has 70 seats, 6 short of the 76 needed for a majority.",
                 "She ran the final lap 4 seconds slower."):
        assert "comparison" in suggest(text)[-1].types, text  # ", down from 51" is a claim of its own


def test_a_court_or_political_act_is_an_event_besides_its_date_or_figure():
    (found,) = suggest("A former hospital manager was jailed for four years on Thursday.")
    assert set(found.types) == {"temporal", "other"}
    (found,) = suggest("The mayor resigned on Monday.")
    assert "other" in found.types
    (found,) = suggest("Air defences intercepted 11 of 14 drones fired at the port, the army said.")
    assert "other" not in found.types


def test_a_dateline_with_region_and_day_and_a_reporting_day_after_a_fragment():
    found = suggest("ORLIN, Vestmark, May 2 (Meridian) - Floods killed 9 people, and 40 of the 120 homes in the valley "
                    "were destroyed, the agency said early on Monday.")
    assert found[0].text.startswith("Floods killed 9 people")
    assert "temporal" not in found[-1].types


def test_a_speaker_named_with_an_appositive_after_the_clause_is_the_source():
    (found,) = suggest("Among the injured were four firefighters, the county's fire chief, Ana Lund, told reporters.")
    assert found.attributed_to == "the county's fire chief, Ana Lund"


def test_all_but_is_no_conjunction_and_a_relative_clause_after_a_source_keeps_its_figure():
    texts = _texts("Power was cut to about 30,000 homes, according to the utility Nordgrid, which said it had "
                   "restored supply to all but 2,000 by Tuesday.")
    assert texts[-1] == "said it had restored supply to all but 2,000 by Tuesday"


def test_an_act_after_which_a_figure_was_reported_is_its_own_claim():
    texts = _texts("The chain said it would shut 40 shops after reporting a loss of €95 million for the year.")
    assert texts == ["The chain said it would shut 40 shops", "reporting a loss of €95 million for the year"]


def test_a_named_subject_in_a_state_or_mood_is_colour_but_a_named_act_is_a_claim():
    assert suggest("On the quay, as the lights of Orbury come into view, Fenwick is cautiously hopeful.") == []
    assert suggest("Harbour master Ellen Voss keeps a list of boats waiting for a berth.") == []
    assert _texts("Harbour master Ellen Voss closed the outer basin to yachts.") == [
        "Harbour master Ellen Voss closed the outer basin to yachts"]
    assert _texts("Okafor's header was his 12th of the season.") == ["Okafor's header was his 12th of the season"]


def test_a_relative_clause_whose_figure_is_followed_by_more_words_before_the_main_verb():
    texts = _texts("Storms that hit the coast after three days of heavy rain have killed at least 11 people.")
    assert texts == ["Storms that hit the coast after three days of heavy rain", "have killed at least 11 people"]


def test_as_with_a_subject_and_verb_of_its_own_starts_a_claim():
    texts = _texts("The index fell 3 percent on Friday, as investors sold shares for five days in a row.")
    assert texts == ["The index fell 3 percent on Friday", "investors sold shares for five days in a row"]


def test_a_second_reported_act_is_cut_from_a_dated_first_act():
    texts = _texts("Marr conceded defeat shortly after midnight and announced that he would leave politics.")
    assert texts == ["Marr conceded defeat shortly after midnight"]


def test_a_vote_set_off_between_subject_and_verb_is_a_claim_of_its_own():
    found = suggest("The levy, approved by 40 votes to 19, will raise about £3 million a year.")
    assert [s.text for s in found] == ["The levy, approved by 40 votes to 19", "will raise about £3 million a year"]
    assert found[0].wording == "The levy was approved by 40 votes to 19."


def test_a_list_of_figures_set_off_before_its_verb_stays_one_claim():
    texts = _texts("Rescue teams, some 200 volunteers backed by 30 boats and four helicopters, were searching the delta.")
    assert len(texts) == 1


def test_a_list_of_figures_with_one_verb_after_it_is_one_claim():
    assert len(suggest("The army said 300 troops, 12 boats and 6 helicopters had been sent to the coast.")) == 1
    assert len(suggest("Auditors examined more than 9,000 invoices and 40 bank accounts.")) == 1
    assert len(suggest("Nine people died and 1,200 were evacuated.")) == 2
    assert _texts("Thanks for following along.") == []


def test_a_plan_told_to_investors_is_a_claim_and_a_day_before_may_is_a_date():
    found = suggest("The group will shut 9 plants by the end of the year, chief executive Rui Sousa told investors.")
    assert found and found[0].attributed_to == "chief executive Rui Sousa"
    found = suggest("Dorn was charged with fraud, and he will appear before magistrates on 14 May.")
    assert [s.text for s in found] == ["Dorn was charged with fraud", "he will appear before magistrates on 14 May"]
    texts = _texts("At least 12 people were killed and more than 40 injured when a bus overturned near Kell, police said.")
    assert texts[0] == "At least 12 people were killed"


def test_an_official_bodys_plan_is_not_a_forecast_and_a_verdict_is_not_a_claim():
    (found,) = suggest("The ministry announced that it would cut the levy by 15 percent from April.")
    assert "prediction" not in found.types and "attribution" in found.types
    (found,) = suggest("Prices are expected to rise by 7 percent next year, according to the regulator.")
    assert "prediction" in found.types
    assert suggest("Farmers' unions called the decision a betrayal.") == []


def test_a_label_before_a_colon_is_dropped_and_told_us_is_no_first_person():
    texts = _texts("Background from our science desk: the last eruption, in 1947, lasted for nine days.")
    assert texts == ["the last eruption, in 1947, lasted for nine days"]
    found = suggest("Commuter Ivo Dark told us he had waited for 40 minutes.")
    assert found and "temporal" in found[0].types


def test_estimates_put_losses_at_and_a_firm_reporting_its_own_results():
    (found,) = suggest("The trust estimates repairs would cost another £2.4 million.")
    assert found.attributed_to == "The trust"
    (found,) = suggest("Early estimates from the insurers' association put insured losses at $300 million.")
    assert "attribution" in found.types
    (found,) = suggest("The group reported revenue of 11.2 billion francs last year.")
    assert "attribution" not in found.types


def test_straight_months_are_a_duration_and_a_third_library_is_no_share():
    q = find_quantities("orders had fallen for five straight months")[0]
    assert (q.value, q.unit, q.kind) == (5, "months", "duration")
    assert find_quantities("A third library will move into the town hall.") == []
    assert find_quantities("The town has lost roughly a third of its people.")[0].qualifier == "approx"


def test_a_short_act_after_a_ranked_one_and_a_fact_cut_from_its_use():
    texts = _texts("The governor declared an emergency on Friday, the third this year, and requested army help.")
    assert texts[-1] == "requested army help"
    texts = _texts("Inflation is close to its lowest level on record, which the bank cited as evidence that rates could rise.")
    assert texts == ["Inflation is close to its lowest level on record"]


def test_an_attributed_figure_for_a_year_ahead_is_a_prediction_but_a_plan_is_not():
    (found,) = suggest("The company said the new line would save €40 million a year by 2029.")
    assert "prediction" in found.types
    (found,) = suggest("The company said it would close 12 depots.")
    assert "prediction" not in found.types


def test_considering_a_step_in_a_year_is_not_a_plan():
    assert suggest("He said he would consider running for governor in 2030.") == []
    assert _texts("The union said it would ballot its 3,000 members next month.") == [
        "The union said it would ballot its 3,000 members next month"]


def test_a_hedged_quote_is_a_guess_even_with_figures():
    assert suggest('"Maybe 20 or 30 of them will stay," she says.') == []
