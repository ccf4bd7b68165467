"""Rules learnt from the independent writers' labels (bench/corpus/dev-ext4, dev-ext5; GUIDELINES.md).

Every sentence here is invented for the test. Each test names the rule it holds and fails when the
engine falls back to the behaviour before it.
"""

from __future__ import annotations

from factcheck.claims.suggest import suggest


def _one(text: str):
    found = suggest(text)
    assert len(found) == 1, [s.text for s in found]
    return found[0]


def _texts(text: str) -> list[str]:
    return [s.text for s in suggest(text)]


# --- engine: live-blog stamps -------------------------------------------------------------------

def test_a_bare_live_blog_stamp_is_cut_off_and_the_source_after_it_is_found():
    s = _one("10:42 The harbour authority says 310 boats have been moved to the inner basin.")
    assert s.text == "The harbour authority says 310 boats have been moved to the inner basin"
    assert "temporal" not in s.types and s.attributed_to == "The harbour authority"
    # A stamp with a one-word headline leaves nothing to check.
    assert suggest("16:05 Roads") == []
    # A clock time inside the sentence is still a time of the claim.
    assert "temporal" in _one("The ferry left the quay at 16:05 with 212 passengers.").types


# --- lexicon: what dates a claim ----------------------------------------------------------------

def test_after_or_before_an_event_orders_the_claim_but_is_no_date():
    s = _one("The mill cut 140 jobs after the merger with its rival.")
    assert "temporal" not in s.types
    assert "temporal" not in _one("Marlow had about 6,500 residents before the war.").types
    # With a duration or a named time beside it, the claim is dated.
    assert "temporal" in _one("The mill cut 140 jobs two weeks after the merger.").types
    assert "temporal" in _one("The mill cut 140 jobs a day after the merger.").types
    assert "temporal" in _one("The mill cut 140 jobs shortly after 9am.").types
    # An order of events is still checkable on its own.
    assert _texts("The effect remained after the researchers adjusted for income and age.") != []


def test_vague_past_adverbs_do_not_date_a_claim():
    assert "temporal" not in _one("The village once had a school with 120 pupils.").types
    assert "temporal" not in _one("All 14 faults have since been repaired, the operator said.").types


def test_tomorrow_and_abbreviated_months_are_dates():
    s = _one("The talks are due to resume on Jan. 14, according to the mediators.")
    assert "temporal" in s.types and s.attributed_to == "the mediators"
    assert "temporal" in _one("All 40 schools in the district will stay shut tomorrow, the council said.").types


def test_a_relative_period_in_the_baseline_does_not_date_the_comparison():
    s = suggest("Visitor numbers reached 8,400, up from 6,100 a year earlier.")[-1]
    assert s.text == "up from 6,100 a year earlier"
    assert "comparison" in s.types and "temporal" not in s.types
    assert "temporal" not in _one("The clinic saw 96 patients, two more than last month.").types
    # A named year in the baseline is a date all the same.
    assert "temporal" in suggest("Turnout was 61 per cent, down from 67 per cent in 2019.")[-1].types


# --- clauses: splits ----------------------------------------------------------------------------

def test_a_trailing_baseline_or_yardstick_with_its_own_figure_is_its_own_claim():
    assert _texts("The port handled 2.1 million containers, compared with 1.8 million in 2022.") == [
        "The port handled 2.1 million containers", "compared with 1.8 million in 2022"]
    found = suggest("The deficit reached 4.1 per cent of output, above the 3 per cent limit set by the treaty.")
    assert [s.text for s in found] == ["The deficit reached 4.1 per cent of output",
                                       "above the 3 per cent limit set by the treaty"]
    assert "comparison" in found[1].types
    found = suggest("Only 900 nurses were hired, against a stated target of 2,500.")
    assert found[1].text == "against a stated target of 2,500"
    assert "comparison" in found[1].types
    assert found[1].wording == "Only 900 nurses were hired, against a stated target of 2,500."
    # A baseline without a figure of its own stays with the clause.
    assert len(suggest("The port handled 2.1 million containers, up from the previous record.")) == 1


def test_a_change_noun_with_its_figure_is_a_comparison_and_a_ranking_after_it_splits_again():
    found = suggest("The council approved a budget of 412 million pounds on Tuesday, a rise of 6 per cent that "
                    "will pay for 90 new teachers, its largest increase since 2008.")
    assert [s.text for s in found] == [
        "The council approved a budget of 412 million pounds on Tuesday",
        "a rise of 6 per cent that will pay for 90 new teachers",
        "its largest increase since 2008",
    ]
    assert "comparison" in found[1].types and "superlative" in found[2].types
    s = suggest("Each holder will receive 1.4 new shares, a premium of 18 per cent to Monday's close.")[-1]
    assert s.text == "a premium of 18 per cent to Monday's close" and "comparison" in s.types


def test_a_ranking_between_an_act_and_a_phrase_with_its_own_figure_splits_three_ways():
    assert _texts("In May the trust approved a £3.1 million grant, the biggest in its history, to restore "
                  "14 listed cottages.") == [
        "In May the trust approved a £3.1 million grant", "the biggest in its history", "to restore 14 listed cottages"]
    # The ranking inside a subject is not cut from its verb's clause that way.
    assert "slid by a quarter" in " ".join(_texts(
        "Sales rose 4% to 91,000 cars, while exports to Norway, its largest market, slid by a quarter."))


def test_a_participle_aside_with_its_own_date_is_its_own_claim():
    found = suggest("The Ardley Trust, founded in 1952, owns 3,400 acres of moorland.")
    assert [s.text for s in found] == ["The Ardley Trust, founded in 1952", "owns 3,400 acres of moorland"]
    assert found[0].wording == "The Ardley Trust was founded in 1952." and "temporal" in found[0].types
    assert found[1].wording == "The Ardley Trust owns 3,400 acres of moorland."


def test_by_which_time_opens_a_clause_of_its_own():
    found = suggest("The pilot cut the engines about 90 seconds before landing, by which time the aircraft had "
                    "descended to 800 metres, according to the flight recorder.")
    assert [s.text for s in found] == [
        "The pilot cut the engines about 90 seconds before landing",
        "the aircraft had descended to 800 metres, according to the flight recorder",
    ]
    assert all(s.attributed_to == "the flight recorder" for s in found)


def test_a_second_act_keeps_the_date_in_its_own_subordinate_phrase():
    assert _texts("The board first offered a rise of 3 per cent in June but raised it after the July strike.") == [
        "The board first offered a rise of 3 per cent in June", "raised it after the July strike"]


def test_an_opening_adverb_is_not_a_subject_with_an_aside():
    s = _one("Regionally, the deepest snowfall remains the 2.4 metres measured at Kell in 1998, according to the "
             "met office.")
    assert s.attributed_to == "the met office" and "superlative" in s.types


# --- attribution ---------------------------------------------------------------------------------

def test_reports_before_a_figure_and_trailing_concluded_or_show_name_a_source():
    assert _one("Eastgrid reports 54,000 homes without heating.").attributed_to == "Eastgrid"
    assert _one("The brakes were never serviced, the inquiry concluded.").attributed_to == "the inquiry"
    found = suggest("Fares rose by 9.5 per cent in the year, the steepest rise since 1990, council figures show.")
    assert [s.attributed_to for s in found] == ["council figures", "council figures"]


def test_by_someones_count_is_an_attribution():
    s = _one("Two in five shops on the high street are empty, by the chamber of commerce's count.")
    assert s.attributed_to == "the chamber of commerce" and "attribution" in s.types


def test_it_as_a_source_is_the_body_the_sentence_before_named():
    found = suggest("The Lowmoor audit office published its review on Monday. It estimates the repairs would "
                    "cost 48 million euros.")
    assert found[-1].attributed_to == "The Lowmoor audit office"
    assert "attribution" in found[-1].types


def test_estimates_two_words_before_a_modal_is_a_reporting_verb():
    s = _one("The growers' federation estimates crop losses could exceed 30 million euros.")
    assert s.attributed_to == "The growers' federation"


# --- judge: types ---------------------------------------------------------------------------------

def test_a_figure_that_moved_after_another_event_is_causal():
    assert "causal" in _one("Water to about 8,000 homes was cut after a main failed under the bridge.").types
    assert "causal" in _one("Bookings fell by 20 per cent after the tariffs were raised.").types
    # A duration or a time after "after" dates the claim; it causes nothing.
    assert "causal" not in _one("The bridge reopened after 40 days with 2 lanes.").types
    assert "causal" not in _one("The shop sold 300 loaves shortly after 7am.").types


def test_a_run_of_periods_is_a_count():
    s = _one("The club finished top of the table for the sixth consecutive season.")
    assert "quantity" in s.types and {"value": 6, "qualifier": "exact", "unit": None, "text": "sixth"} in s.quantities
    assert "quantity" in _one("It is the third year in a row that the mill has made a loss.").types


def test_would_have_is_a_past_counterfactual_not_a_prediction():
    s = _one("The merged group would have had sales of about $12 billion last year.")
    assert "quantity" in s.types
    assert suggest("Analysts said the merged group would have sales of about $12 billion.") == []


def test_has_forecast_is_an_official_forecast():
    s = _one("The national audit office has forecast that debt will reach 92 per cent of output next year.")
    assert "prediction" in s.types and s.attributed_to == "The national audit office"


def test_a_copula_before_the_first_is_a_ranking():
    assert "superlative" in _one("The survey was the first carried out entirely by post in 40 years.").types
    assert "superlative" not in _one("Its launch was the first of 3 planned for 2027.").types


def test_scene_setting_dawn_and_a_bare_since_do_not_date_a_claim():
    assert suggest("As dawn breaks the crew hauls in the nets, the winch groaning.") == []
    assert "temporal" in _one("Police raided 12 addresses at dawn on the estate.").types


def test_a_figure_on_the_left_lets_a_present_tense_clause_split_at_and():
    found = suggest("About a third of the staff now works from home, and the Leeds office alone cut 240 desks.")
    assert [s.text for s in found] == ["About a third of the staff now works from home",
                                       "the Leeds office alone cut 240 desks"]


def test_two_yardsticks_joined_by_but_or_and_are_two_claims():
    found = suggest("Copper traded at 9,100 dollars a tonne on Monday, more than double the 2015 average of 4,400 "
                    "dollars but well below the peak of 11,000 dollars reached in 2022.")
    assert [s.text for s in found][1:] == ["more than double the 2015 average of 4,400 dollars",
                                           "well below the peak of 11,000 dollars reached in 2022"]
    assert all("comparison" in s.types for s in found[1:])


def test_a_relative_clause_after_which_the_main_verb_came_first_is_not_cut_at_a_participle():
    s = _one("A lorry that crashed near Kelby in May was carrying 22 tonnes on a bridge rated to 18 tonnes.")
    assert s.text.endswith("rated to 18 tonnes")


def test_a_verbless_scrap_with_only_a_date_is_no_claim():
    assert suggest("NEWS RELEASE - 14 March 2027") == []
    # A short phrase with a duration of its own still stands ("after a four-hour meeting").
    assert _texts("The board voted 7-2 to close the depot, after a six-hour meeting.") != []


def test_a_weekend_as_an_adjective_does_not_date_a_claim():
    s = _one("The square was chosen because it was full of stalls for a weekend market.")
    assert "temporal" not in s.types
    assert "temporal" in _one("Police made 31 arrests over the weekend.").types


# --- number reader: qualifiers ---------------------------------------------------------------------

def _qualifiers(text: str) -> list[tuple[float, str]]:
    return [(float(q["value"]), q["qualifier"]) for s in suggest(text) for q in s.quantities]


def test_within_a_distance_is_at_most_and_an_estimated_noun_of_is_approximate():
    assert (4.0, "at_most") in _qualifiers("The new runway would end within 4 km of the nature reserve.")
    assert (4.0, "exact") in _qualifiers("The new runway would end 4 km from the nature reserve.")
    assert (60000000.0, "approx") in _qualifiers(
        "Customs seized 200 kg of heroin with an estimated resale value of 60 million pounds.")
    assert (60000000.0, "exact") in _qualifiers("Customs seized 200 kg of heroin with a resale value of 60 million pounds.")


def test_following_an_event_with_its_own_figure_is_a_clause_and_a_participle_after_in_quotes_nobody():
    assert _texts("The mayor was fined 400 euros following a hearing that lasted 6 hours.") == [
        "The mayor was fined 400 euros", "a hearing that lasted 6 hours"]
    s = _one("Schools closed for 2 weeks after a rise in confirmed cases.")
    assert s.attributed_to is None and "attribution" not in s.types


def test_a_fold_word_is_a_multiplier():
    assert (4.0, "exact") in _qualifiers("Complaints rose fourfold in the year to March.")
    s = suggest("Complaints reached 900, a sevenfold increase on 2021.")[-1]
    assert {"value": 7, "qualifier": "exact", "unit": "times", "text": "sevenfold"} in s.quantities
    assert "comparison" in s.types


def test_a_superlative_naming_a_thing_inside_a_phrase_ranks_nothing():
    assert "superlative" not in _one("Patients on the highest dose lost about 9 kilograms.").types
    assert "superlative" not in _one("A third of the staff work in the two largest offices.").types
    # A ranking the clause asserts stays one.
    assert "superlative" in _one("It is one of the largest reservoirs in Europe, with 2 billion cubic metres.").types
    assert "superlative" in _one("Inflation rose to its highest level since 2011.").types


def test_which_said_is_attributed_to_the_noun_it_hangs_on():
    found = suggest("The storm cut power to 9,000 farms served by Northline, which said it had reconnected all but 700.")
    assert found[-1].attributed_to == "Northline" and "attribution" in found[-1].types


def test_a_charge_a_vote_a_deal_or_a_closure_is_an_act_beside_its_figure():
    assert "other" in _one("The driver, 52, was charged in May with dangerous driving.").types
    assert "other" in _one("Four members of the ruling party broke ranks in the vote.").types
    assert "other" in _one("The bill passed the 200-seat chamber by 120 votes to 64.").types
    assert "other" not in _one("Rescuers searched 14 collapsed buildings overnight.").types
