"""Round 7 clause shapes: a stated cause, a member with its own figure, "N of them", a share or
equivalent of the clause's figure, a dated act and a figure joined by "and", a coordinated clause
opened by a figure, a count and a ranking joined by "and", a baseline after "against", and the
noun "mine". Every sentence here is invented for the test."""

from __future__ import annotations

from factcheck.claims.suggest import suggest


def _texts(text: str) -> list[str]:
    return [s.text for s in suggest(text)]


def test_a_cause_stated_as_a_participle_is_its_own_claim_and_keeps_the_source():
    found = suggest("Exports rose 6 percent to 48 billion dollars, driven mainly by demand for fertiliser, "
                    "the customs office said.")
    assert [s.text for s in found] == [
        "Exports rose 6 percent to 48 billion dollars",
        "driven mainly by demand for fertiliser, the customs office said",
    ]
    assert "causal" in found[1].types and "quantity" not in found[1].types
    assert all(s.attributed_to == "the customs office" for s in found)
    assert found[1].wording and found[1].wording.startswith("Exports rose 6 percent")


def test_a_clause_after_the_cause_is_still_cut_off():
    texts = _texts("Sales climbed 4 percent to 80 million pounds, fuelled by online orders from abroad, "
                   "but costs rose to 71 million pounds.")
    assert texts == ["Sales climbed 4 percent to 80 million pounds", "fuelled by online orders from abroad",
                     "costs rose to 71 million pounds"]


def test_a_cause_without_a_figure_on_the_left_stays_with_its_clause():
    assert _texts("The road was closed, caused by a landslip near the quarry on Tuesday.") == [
        "The road was closed, caused by a landslip near the quarry on Tuesday"]


def test_a_member_with_its_own_figure_is_split_but_a_subset_count_is_not():
    assert _texts("The panel made 9 proposals, including a cap of 3 percent on annual rent rises.") == [
        "The panel made 9 proposals", "including a cap of 3 percent on annual rent rises"]
    assert _texts("Some 2.3 million people were registered, including about 80,000 voters living abroad.") == [
        "Some 2.3 million people were registered, including about 80,000 voters living abroad"]
    # A sum and the part of it earmarked for something are one allocation.
    assert len(_texts("The council set aside 9 million euros, including 2 million euros for new buses.")) == 1
    # A subset inside the clause, which goes on after it, is part of the one claim.
    assert len(_texts("The rebel shelling killed 14 civilians, including three children, in the town of Orsk.")) == 1


def test_n_of_them_with_a_predicate_is_its_own_claim_but_an_adverb_alone_is_not():
    found = suggest("The blaze forced 320 families from their homes, about 90 of them from the Lindel estate.")
    assert [s.text for s in found] == ["The blaze forced 320 families from their homes",
                                      "about 90 of them from the Lindel estate"]
    assert found[1].quantities[0]["value"] == 90
    assert _texts("The bus crash injured 31 passengers, six of them seriously.") == [
        "The bus crash injured 31 passengers, six of them seriously"]
    # "and 40 of them ..." is a coordinated clause, not an aside.
    texts = _texts("Around 900 pupils were sent home, and about 40 of them spent the night at a sports hall.")
    assert texts[0] == "Around 900 pupils were sent home"


def test_a_share_or_equivalent_of_the_figure_is_its_own_claim():
    found = suggest("The strike cut output at the plant by 1,400 tonnes a day, roughly an eighth of national "
                    "production, the company said.")
    assert [s.text for s in found] == ["The strike cut output at the plant by 1,400 tonnes a day",
                                      "roughly an eighth of national production, the company said"]
    assert found[1].quantities[0]["value"] == 0.125 and found[1].attributed_to == "the company"
    assert _texts("Drivers lost 2,300 hours in queues last month, the equivalent of 96 full days.") == [
        "Drivers lost 2,300 hours in queues last month", "the equivalent of 96 full days"]
    # "or 40 percent of ..." restates the figure in the same claim.
    assert len(_texts("Her firm employs 85 people, or 40 percent of the town's workforce.")) == 1


def test_an_eighth_is_a_fraction_but_an_eighth_floor_is_not():
    found = suggest("Roughly an eighth of the land was flooded, the survey found.")
    assert any(q["value"] == 0.125 and q["unit"] == "fraction" for s in found for q in s.quantities)
    assert not any(q["value"] == 0.125 for s in suggest("She rents an eighth-floor flat for 900 euros a month.")
                   for q in s.quantities)


def test_a_dated_act_and_a_figure_joined_by_and_are_two_claims_with_one_source():
    found = suggest("Digging began in June 2021 and about 60 percent of the tunnel has been dug, the builder said.")
    assert [s.text for s in found] == ["Digging began in June 2021",
                                      "about 60 percent of the tunnel has been dug, the builder said"]
    assert all(s.attributed_to == "the builder" for s in found)
    assert "temporal" in found[0].types


def test_a_coordinated_clause_opened_by_a_figure_is_its_own_claim_but_a_list_is_not():
    assert _texts("The Orel runs 310 kilometres to the sea, and about 800,000 people live along its banks.") == [
        "The Orel runs 310 kilometres to the sea", "about 800,000 people live along its banks"]
    assert _texts("Some 700 soldiers, 25 trucks, and six drones were sent to the border.") == [
        "Some 700 soldiers, 25 trucks, and six drones were sent to the border"]


def test_a_present_tense_clause_and_a_second_act_with_a_figure_are_two_claims():
    texts = _texts("The plan in brief: it lifts the speed limit from 50 to 60 km/h by 2028 and requires "
                   "12 new cameras on the ring road.")
    assert len(texts) == 2 and texts[1].startswith("requires 12 new cameras")


def test_a_count_and_a_ranking_joined_by_and_are_two_claims():
    found = suggest("It was the council's third tax rise in two years and the largest since 1998.")
    assert [s.text for s in found] == ["It was the council's third tax rise in two years", "the largest since 1998"]
    assert "superlative" in found[1].types


def test_a_baseline_after_against_is_its_own_claim_with_the_source():
    found = suggest("According to the union, 38 percent of nurses joined the walkout, against 29 percent in the spring.")
    assert [s.text for s in found] == ["According to the union, 38 percent of nurses joined the walkout",
                                      "against 29 percent in the spring"]
    assert found[1].attributed_to == "the union"


def test_a_coal_mine_is_not_first_person_but_a_friend_of_mine_is():
    assert _texts("The collapse at the coal mine killed 6 workers, police said.") == [
        "The collapse at the coal mine killed 6 workers, police said"]
    assert _texts('"A friend of mine lost 40 sheep in one night," she said.') == []


def test_an_ordinal_before_a_noun_counts_occurrences_it_does_not_rank():
    found = suggest("The walkout was the union's fifth strike this year.")
    assert "quantity" in found[0].types and "superlative" not in found[0].types
    found = suggest("Fans protested against a 9 percent rise in prices, the third increase in five years.")
    tail = next(s for s in found if s.text.startswith("the third increase"))
    assert "quantity" in tail.types and "superlative" not in tail.types
    # "the second in the region", "the seventh such ...": a rank all the same.
    found = suggest("The closure was the seventh such shutdown since the war began.")
    assert "superlative" in found[0].types


def test_a_bond_maturity_does_not_make_a_claim_temporal():
    found = suggest("Yields on ten-year government bonds rose 12 basis points to 3.9 percent.")
    assert found[0].types == ["quantity"]
    assert "temporal" in suggest("The drought has lasted two years, the agency said.")[0].types


def test_a_body_that_counted_or_recorded_a_figure_is_its_source():
    found = suggest("The interior ministry counted some 52,000 marchers in 40 towns.")
    assert found[0].attributed_to == "The interior ministry"
    assert set(found[0].types) == {"quantity", "attribution"}
    found = suggest("Police put the number of people detained in the capital at 310.")
    assert found[0].attributed_to == "Police" and "quantity" in found[0].types


def test_an_act_and_the_event_it_followed_told_as_a_clause_are_two_claims():
    found = suggest("Police said 14 people were detained in the old town after a crowd of fans set fire to "
                    "two buses on Quay Street.")
    assert [s.text for s in found] == ["Police said 14 people were detained in the old town",
                                      "a crowd of fans set fire to two buses on Quay Street"]
    assert all(s.attributed_to == "Police" for s in found)
    # A bare state leans on its cause, and a duration before "after" dates the act: one claim each.
    assert len(suggest("Nine climbers remain missing after an avalanche struck the north face.")) == 1
    assert len(suggest("The strike began three days after the union rejected a pay offer of 4 percent.")) == 1


def test_an_aside_with_its_own_figure_before_a_present_tense_verb_is_its_own_claim():
    texts = _texts("The contract, which could rise to 40 million euros with bonuses, exceeds the 25 million "
                   "euros the club paid in 2021.")
    assert texts == ["The contract, which could rise to 40 million euros with bonuses",
                     "exceeds the 25 million euros the club paid in 2021"]


def test_a_trailing_ranking_after_in_or_close_to_is_its_own_claim_with_the_source():
    found = suggest("Rockets killed 9 people in the port overnight, the governor said on Monday, in the deadliest "
                    "strike on the port since the war began.")
    assert found[-1].text == "in the deadliest strike on the port since the war began"
    assert "superlative" in found[-1].types and found[-1].attributed_to == "the governor"
    found = suggest("Inflation has stayed at 2.1 percent for four months, close to its lowest level on record.")
    assert [s.text for s in found] == ["Inflation has stayed at 2.1 percent for four months",
                                      "close to its lowest level on record"]
    # "in a personal best of ..." is how the figure was reached, part of its claim.
    assert len(suggest("She won the race in 2:24:10, in a personal best by almost a minute.")) == 1


def test_a_multiplier_is_a_quantity_as_well_as_a_comparison():
    found = suggest("Rents in the city are nearly three times the national average, the survey found.")
    assert {"quantity", "comparison"} <= set(found[0].types)


def test_a_forecast_about_the_figure_does_not_sink_the_figure():
    # The remark is a prediction, not suggested; the figure before it is a fact.
    assert _texts("About 800 staff now work at the depot, a figure that will rise to around 1,100 next year.") == [
        "About 800 staff now work at the depot"]


def test_a_relative_clause_closing_the_sentence_with_its_own_figure_is_its_own_claim():
    found = suggest("The two directors were each jailed for four years at Hallam Crown Court in a trial that "
                    "lasted 9 weeks.")
    assert [s.text for s in found] == ["The two directors were each jailed for four years at Hallam Crown Court",
                                      "in a trial that lasted 9 weeks"]
    assert found[1].wording == "The trial lasted 9 weeks." and "temporal" in found[1].types
    # Without a figure or date of its own, the relative clause stays with the act.
    assert len(suggest("Police arrested 40 people in a raid that began at dawn.")) == 1


def test_a_club_record_is_a_ranking_of_its_own_and_a_ranked_clause_can_be_ranked_again():
    found = suggest("Northgate signed the striker for a fee of 31 million pounds, a club record, on a "
                    "four-year contract.")
    assert "a club record" in [s.text for s in found]
    assert "superlative" in next(s for s in found if s.text == "a club record").types
    found = suggest("The school topped the league tables for the fifth consecutive year, a record for the county.")
    assert [s.text for s in found][-1] == "a record for the county"
    # An act and its rank, with no figure, date or ranking before: one claim.
    assert len(suggest("The governor declared an emergency, its highest level of alarm.")) <= 1


def test_n_of_them_after_a_determiner_is_its_own_claim():
    assert _texts("She has taught at the school for 31 years, the last 12 of them as its head.") == [
        "She has taught at the school for 31 years", "the last 12 of them as its head"]


def test_a_hyphenated_and_a_half_is_read_whole():
    found = suggest("The striker signed a five-and-a-half-year contract with Northgate in January.")
    assert any(q["value"] == 5.5 and q["unit"] == "years" for s in found for q in s.quantities)
