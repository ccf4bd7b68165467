"""A new user's flood article (tryout): forecasts reported through a modal, an inverted attribution
followed by a relative clause, a "that" clause cut from its reporting frame, an appositive that ranks
a place. Every sentence here is invented for the test, in the shapes the user met."""

from __future__ import annotations

from factcheck.claims.suggest import analyse, suggest


def _one(text: str):
    got = suggest(text)
    assert len(got) == 1, [s.text for s in got]
    return got[0]


def test_an_official_bodys_modal_forecast_with_a_figure_is_a_prediction():
    got = _one("Forecasters warned that the canal could rise again by up to 60 centimetres.")
    assert {"prediction", "quantity", "attribution"} <= set(got.types)
    got = _one("Repairs to the viaduct could take 14 months, the ministry said.")
    assert {"prediction", "temporal", "attribution"} <= set(got.types)


def test_a_persons_modal_guess_is_not_typed_as_an_official_forecast():
    got = suggest("The bill could reach £2 million, one shopkeeper said.")
    assert all("prediction" not in s.types for s in got)


def test_a_that_clause_cut_from_its_frame_is_worded_with_the_frame():
    text = "Rain fell all day. Forecasters warned that the canal could rise again by up to 60 centimetres."
    at = text.index("that ")
    got = analyse(text, at, len(text) - 1)
    assert got.wording == "Forecasters warned that the canal could rise again by up to 60 centimetres."
    assert "prediction" in got.types and got.attributed_to == "Forecasters"


def test_a_relative_clause_after_an_inverted_attribution_is_worded_without_the_verb():
    text = ("“Nobody here has seen water like it,” said Governor Paul Rennick, who ordered the evacuation of "
            "three villages overnight.")
    got = [s for s in suggest(text) if "ordered" in s.text]
    assert got and got[0].wording == "Governor Paul Rennick ordered the evacuation of three villages overnight."


def test_the_only_one_within_an_area_is_a_ranking():
    got = suggest("Patients were moved to Greyfield General, the only hospital in the district.")
    ranked = [s for s in got if s.text.startswith("the only")]
    assert ranked and "superlative" in ranked[0].types
    assert ranked[0].wording == "Greyfield General is the only hospital in the district."
    # In mid-sentence the appositive stays with the act, whose date follows it; the ranking types it.
    got = _one("Water reached the ground floor of St Anne's, the only clinic in the valley, on Wednesday.")
    assert "superlative" in got.types
    # Not a ranking: "the only person in the car" names nobody's standing within an area.
    assert all("superlative" not in s.types for s in suggest("She was the only person in the car when it flooded on Monday."))


def test_an_evaluation_in_what_someone_called_is_its_own_claim_and_theirs():
    text = ("Rising water drove almost 1,800 people out of their houses in Millford on Monday, police said, "
            "in what meteorologists called the heaviest rainfall the county has recorded since 1994.")
    got = suggest(text)
    assert [s.attributed_to for s in got] == ["police", "meteorologists"]
    main, evaluation = got
    assert main.text.endswith("police said") and evaluation.text.startswith("in what meteorologists")
    assert {"superlative", "temporal", "attribution"} <= set(evaluation.types)
    # Worded with the clause it reads, less that clause's own source.
    assert evaluation.wording == ("Rising water drove almost 1,800 people out of their houses in Millford on Monday, "
                                  "in what meteorologists called the heaviest rainfall the county has recorded since 1994.")
    # An editor's split at the same place gets the same reading.
    at = text.index("in what")
    part = analyse(text, at, len(text) - 1)
    assert part.attributed_to == "meteorologists" and part.wording == evaluation.wording
    assert analyse(text, 0, text.index(", in what")).attributed_to == "police"


def test_an_evaluation_with_no_date_or_figure_is_a_verdict_left_out():
    text = "The storm cut power to 9,000 homes, the utility said, in what residents called a disgrace."
    got = suggest(text)
    assert len(got) == 1 and "disgrace" not in got[0].text and got[0].attributed_to == "the utility"
    # Selected by an editor all the same, it is the residents' word.
    assert analyse(text, text.index("in what"), len(text) - 1).attributed_to == "residents"


def test_a_day_opening_the_sentence_is_not_part_of_the_source():
    got = _one("On Thursday forecasters warned that the lake could climb again by up to 40 centimetres.")
    assert got.attributed_to == "forecasters" and "prediction" in got.types
    assert _one("Yesterday the agency said 40 homes were flooded.").attributed_to == "the agency"
