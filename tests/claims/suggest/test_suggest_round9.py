"""Round 9: asides set off by dashes, relative clauses and participles after a reporting frame, a
second clause with its own subject and date, and type fixes. Every sentence here is invented for
the test (GUIDELINES.md: an aside or relative clause with its own figure or date is a claim of its own)."""

from __future__ import annotations

from factcheck.claims.suggest import suggest


def _quotes(text: str) -> list[str]:
    return [s.text for s in suggest(text)]


def _by_quote(text: str) -> dict[str, object]:
    return {s.text: s for s in suggest(text)}


def test_a_dash_aside_with_its_own_figure_is_its_own_claim_and_the_act_after_it_another():
    text = ("The council will resurface 240 kilometres of roads — nearly a third of its network — and fit "
            "3,000 new street lights in Dunmore.")
    got = _by_quote(text)
    assert list(got) == ["The council will resurface 240 kilometres of roads", "nearly a third of its network",
                         "fit 3,000 new street lights in Dunmore"]
    assert got["fit 3,000 new street lights in Dunmore"].wording == (
        "The council will fit 3,000 new street lights in Dunmore.")


def test_a_trailing_dash_aside_with_a_date_or_a_ranking_is_its_own_claim():
    assert _quotes("The average response took 11.5 minutes — a target last met in March 2019.") == [
        "The average response took 11.5 minutes", "a target last met in March 2019"]
    got = _by_quote("Rents rose 9 per cent — the steepest climb in two decades.")
    assert "superlative" in got["the steepest climb in two decades"].types


def test_a_dash_without_checkable_content_on_its_side_does_not_cut():
    assert _quotes("The ferry carried 212 passengers — most of them tourists from the mainland.") == [
        "The ferry carried 212 passengers — most of them tourists from the mainland"]


def test_a_relative_clause_after_a_reporting_frame_keeps_the_frame_and_the_source():
    text = "The tribunal heard that Hale, who was paid £74,000 a year by the trust, bought a flat in Lisbon in 2019."
    got = suggest(text)
    assert [s.text for s in got] == ["The tribunal heard that Hale, who was paid £74,000 a year by the trust",
                                     "bought a flat in Lisbon in 2019"]
    assert all(s.attributed_to == "The tribunal" for s in got)
    assert got[1].wording == "The tribunal heard that Hale bought a flat in Lisbon in 2019."


def test_a_participle_aside_with_its_own_figure_is_split_from_the_predicate():
    text = "Unions say the pay offer, put at €900 million over two years, is 4 per cent below inflation."
    got = _by_quote(text)
    assert list(got) == ["Unions say the pay offer, put at €900 million over two years",
                         "is 4 per cent below inflation"]
    assert got["is 4 per cent below inflation"].attributed_to == "Unions"


def test_a_second_clause_with_its_own_subject_and_date_after_a_figure_is_its_own_claim():
    assert _quotes("Only 61 families live in the glen now, and the post office closed in 2011.") == [
        "Only 61 families live in the glen now", "the post office closed in 2011"]


def test_a_list_of_figures_joined_by_and_stays_one_claim():
    assert len(suggest("Some 300 firefighters, 40 engines, and the army's two helicopters were sent in.")) == 1


def test_a_trailing_noun_with_its_own_relative_clause_and_date_is_its_own_claim():
    assert _quotes("The agency pays Ferris £48,000 a year to run the depot, a lease that runs out in June.") == [
        "The agency pays Ferris £48,000 a year to run the depot", "a lease that runs out in June"]


def test_an_inverted_source_at_the_end_covers_every_clause_of_the_sentence():
    text = "Twelve shops were flooded and about 300 people were moved to a school, said Mira Dahl, the town's mayor."
    got = suggest(text)
    assert len(got) == 2
    assert [s.attributed_to for s in got] == ["Mira Dahl", "Mira Dahl"]
    assert all("attribution" in s.types for s in got)


def test_a_source_that_estimates_at_the_end_of_a_sentence_is_an_attribution():
    got = suggest("The herd has shrunk from about 900 to fewer than 200 animals, park rangers estimate.")
    assert got[0].attributed_to == "park rangers"


def test_a_participle_after_a_possessive_is_no_reporting_verb_and_a_possessive_first_ranks():
    got = suggest("She was the race's first confirmed winner.")
    assert got[0].attributed_to is None
    assert "superlative" in got[0].types


def test_today_dates_an_act_but_an_opening_today_and_an_adverbial_since_do_not():
    assert "temporal" in suggest("The port authority says 42 sailings were cancelled today.")[0].types
    assert "temporal" not in suggest("The mill employed 900 people. Today it has 40.")[1].types
    assert "temporal" not in suggest("The board has since replaced 3 of its 7 directors.")[0].types


def test_a_death_or_stoppage_after_an_event_is_put_down_to_it():
    got = suggest("A cyclist in her 60s died after a lorry struck her bike on the ring road.")
    assert len(got) == 1 and "causal" in got[0].types
    assert got[0].quantities[0]["value"] == 60 and got[0].quantities[0]["qualifier"] == "at_least"
    assert "causal" in suggest("The match was halted for 20 minutes after a floodlight failed.")[0].types


def test_an_interval_between_two_events_is_no_cause():
    assert "causal" not in suggest("The second blast came less than an hour after the first crews arrived.")[0].types


def test_pushing_people_or_cutting_power_states_a_cause():
    assert "causal" in suggest("The drought pushed about 4,000 herders south into Kelvar province.")[0].types
    assert "causal" in suggest("The shelling cut power to some 60,000 homes, the grid operator said.")[0].types


def test_a_decade_of_the_calendar_is_no_age():
    assert all(q["unit"] != "years" for s in suggest("Sales have fallen since the 1990s.") for q in s.quantities)


def test_a_change_on_a_baseline_and_a_yardstick_after_but_are_two_claims():
    got = _by_quote("That is up 2.5 per cent on May (41,200) but below the peak of 44,900 reached in June 2022.")
    assert list(got) == ["That is up 2.5 per cent on May (41,200)", "below the peak of 44,900 reached in June 2022"]
    assert "comparison" in got["That is up 2.5 per cent on May (41,200)"].types


def test_a_consequence_with_its_own_verb_and_count_is_its_own_claim():
    got = _quotes("Fares rose 9 per cent in March, meaning that season tickets went up for the fourth year in a row.")
    assert got == ["Fares rose 9 per cent in March", "meaning that season tickets went up for the fourth year in a row"]


def test_a_whose_aside_before_the_verb_is_its_own_claim_with_a_possessive_wording():
    got = suggest("Okafor, whose budget grew by a quarter in 2024, was replaced in May.")
    assert [s.text for s in got] == ["Okafor, whose budget grew by a quarter in 2024", "was replaced in May"]
    assert got[0].wording == "Okafor's budget grew by a quarter in 2024."
    assert got[1].wording == "Okafor was replaced in May."


def test_a_press_release_contact_line_is_no_claim():
    assert suggest("For further information, contact media@example.org or call 020 7946 0018.") == []


def test_an_age_in_years_is_a_quantity_not_a_period():
    got = suggest("The average age of a farmer in the county rose to 59.5 years.")[0]
    assert "quantity" in got.types and "temporal" not in got.types
    assert "temporal" in suggest("The ferry service ran for 59 years.")[0].types


def test_a_participle_tail_keeps_its_figures_past_an_and_inside_it():
    got = _quotes("The new bridge spans 1.2 kilometres, cutting the drive between the port and the town from "
                  "40 minutes to 15 minutes.")
    assert got == ["The new bridge spans 1.2 kilometres",
                   "cutting the drive between the port and the town from 40 minutes to 15 minutes"]


def test_a_present_tense_act_with_its_figure_then_a_second_act_after_and():
    assert _quotes("He cycles 300 kilometres a week and has not missed a session since March.") == [
        "He cycles 300 kilometres a week", "has not missed a session since March"]


def test_a_temperature_below_zero_keeps_its_sign():
    from factcheck.claims.suggest import find_quantities

    assert [q.value for q in find_quantities("The camp fell to minus 14 degrees Celsius, then -6C by noon.")] == [-14, -6]
    assert [q.value for q in find_quantities("Highs of 5-9C are expected.")] == [5, 9]


def test_another_or_a_further_figure_after_and_or_with_is_a_second_count():
    assert _quotes("Nine schools have closed and another 14 schools shortened the day, the council said.") == [
        "Nine schools have closed", "another 14 schools shortened the day, the council said"]
    assert _quotes("The city is paying £30 million, with a further £12 million coming from a lottery grant.") == [
        "The city is paying £30 million", "a further £12 million coming from a lottery grant"]


def test_an_irregular_past_verb_after_a_comma_starts_the_next_act_of_a_list():
    assert _quotes("The barrage lasted for almost three hours, struck two schools and a clinic, officials said.") == [
        "The barrage lasted for almost three hours", "struck two schools and a clinic, officials said"]


def test_a_record_before_its_noun_and_a_peak_of_a_figure_rank():
    assert "superlative" in suggest("Customs made a record seizure of 1.2 tonnes of heroin in May.")[0].types
    assert "superlative" in suggest("She holds the world sprint record.")[0].types
    assert "superlative" in suggest("Prices are now well below the peak of £9.20 reached in 2022.")[0].types
    assert "superlative" not in suggest("The river rose to 6.8 metres on Monday.")[0].types


def test_a_think_tank_is_no_opinion_and_a_named_main_reason_is_a_cause():
    got = suggest("The Hollis Institute think tank said rising rents were the main reason for the rise in evictions.")
    assert len(got) == 1 and "causal" in got[0].types and got[0].attributed_to
    assert suggest("I think the rents are far too high.") == []
