"""Round 11 (English types): a poll, data set or study that shows something is the claim's source,
relative periods that time an assertion, and the other type rules of this round. Every sentence here is
invented for the test (GUIDELINES.md: attribution is added to a claim's types when it is reported from a
named or described source)."""

from __future__ import annotations

from factcheck.claims.suggest import analyse, suggest


def _one(text: str):
    got = suggest(text)
    assert len(got) == 1, [s.text for s in got]
    return got[0]


def test_a_poll_or_data_set_that_shows_a_figure_is_its_source():
    got = _one("Polling by Brightline Surveys, published on Friday, suggests 58 percent of tenants back the cap.")
    assert "attribution" in got.types and got.attributed_to == "Polling by Brightline Surveys"
    got = _one("Figures from the harbour authority show cargo volumes at 12 percent below last spring.")
    assert "attribution" in got.types and got.attributed_to == "Figures from the harbour authority"
    got = _one("Air quality monitoring shows nitrogen dioxide levels have fallen by a quarter since 2019.")
    assert "attribution" in got.types and got.attributed_to == "Air quality monitoring"


def test_a_studys_own_sample_and_date_stay_part_of_the_claim():
    got = _one("An analysis of 22 trials, published in 2021, found a similar effect in older patients.")
    assert {"attribution", "quantity", "temporal"} <= set(got.types)


def test_evidence_named_after_another_subject_and_verb_is_not_the_source():
    # The mayor speaks of the research; nothing reports it as the source of the figure.
    got = _one("The mayor hailed research that found 30 percent of wards are short of nurses.")
    assert "attribution" not in got.types and got.attributed_to is None
    assert analyse("Survey results suggest 30 percent of staff work from home.").attributed_to == "Survey results"


def test_a_period_the_assertion_is_held_to_makes_it_temporal():
    for text in ("Engineers restored supply to about 8,000 homes in the past hour.",
                 "Ticket sales rose by 14 percent over the last two quarters.",
                 "Volunteers had filled 3,000 sandbags by nightfall.",
                 "The charity raised £2 million in a single year.",
                 "Rail fares rose 1.8 per cent in the month."):
        assert "temporal" in _one(text).types, text


def test_a_period_that_only_names_a_thing_is_not_temporal():
    # "the past" as a noun, and "the month of" naming a month, time nothing.
    assert "temporal" not in _one("The museum holds 4,000 objects from the past.").types


def test_a_plea_a_hearing_or_an_announced_plan_is_an_act_not_an_attribution():
    for text in ("The former treasurer had denied all the charges.",
                 "The board heard from 31 witnesses over nine days.",
                 "The county announced a £4 million fund for flooded farms."):
        got = _one(text)
        assert "attribution" not in got.types and got.attributed_to is None, text


def test_a_denial_or_an_announcement_of_what_happened_is_still_reported_speech():
    got = _one("The ministry denied that 300 soldiers had crossed the border.")
    assert "attribution" in got.types and got.attributed_to == "The ministry"
    got = _one("The council announced that 1,200 homes had been reconnected.")
    assert "attribution" in got.types and got.attributed_to == "The council"


def _by_quote(text: str) -> dict[str, object]:
    return {s.text: s for s in suggest(text)}


def test_a_relative_clause_on_a_noun_is_background_the_source_does_not_reach():
    got = _by_quote("The barge, which was carrying 310 tonnes of grain, sank 4 km off the pier, the harbour master said.")
    rel = next(s for q, s in got.items() if "310 tonnes" in q and "sank" not in q)
    assert "attribution" not in rel.types and rel.attributed_to is None
    act = next(s for q, s in got.items() if "sank" in q)
    assert act.attributed_to == "the harbour master"


def test_the_writers_inference_after_a_sourced_figure_is_not_the_sources():
    got = _by_quote("Average wages rose 3.1 percent in the three months to May, the bureau said, meaning real pay "
                    "grew for the fifth consecutive month.")
    inference = next(s for q, s in got.items() if q.startswith("meaning"))
    assert inference.attributed_to is None


def test_a_relative_clause_with_its_own_subject_keeps_the_source():
    # "which the county's 900 tenants were asked to cover": the speaker's account, not background.
    got = _by_quote("The auditor said the scheme left a gap of £3 million, which the county's 900 tenants "
                    "were asked to cover.")
    assert all(s.attributed_to == "The auditor" for s in got.values()), {q: s.attributed_to for q, s in got.items()}


def test_a_move_between_two_stated_figures_is_a_comparison():
    for text in ("Bus fares rose to £2.40 in June from £2.10 in January.",
                 "The herd has grown from about 300 in 2015 to more than 900 this spring."):
        assert "comparison" in _one(text).types, text


def test_a_range_of_dates_or_a_bare_move_is_not_a_comparison():
    assert "comparison" not in _one("The ferry runs from 1 May to 30 September.").types
    assert "comparison" not in _one("Output fell to 4,000 tonnes in March.").types
