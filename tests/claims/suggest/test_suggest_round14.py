"""Round 14 (general rules from clause structure, tried on an independent dev set): short acts with
no figure, rankings of a measure inside quotation marks, clauses whose verb comes after an aside or
a coordinated subject, relative clauses opened by their own count, absolute "with" phrases and
consequences ("making it the ...") with their own figure, date or ranking. Every sentence is
invented for the test (GUIDELINES.md: one claim per checkable assertion; "other" is a checkable
event with no figure; quoted testimony is a claim when it carries a figure or a ranking)."""

from __future__ import annotations

from factcheck.claims.suggest import suggest

from .support import figures


def _texts(text: str) -> list[str]:
    return [s.text for s in suggest(text)]


def _by_text(text: str) -> dict[str, object]:
    return {s.text: s for s in suggest(text)}


# --- acts without a figure -----------------------------------------------------------------------


def test_a_three_word_act_is_a_claim_of_type_other():
    for sentence, quote in (("The minister resigned.", "The minister resigned"),
                            ("Both deny wrongdoing.", "Both deny wrongdoing"),
                            ("Pellham denies the allegations.", "Pellham denies the allegations")):
        got = suggest(sentence)
        assert [s.text for s in got] == [quote], sentence
        assert got[0].types == ["other"]


def test_a_three_word_state_or_mood_is_still_no_claim():
    for sentence in ("Islanders are divided.", "Economists were divided.", "Visitors seem pleased."):
        assert suggest(sentence) == [], sentence


def test_a_name_with_a_capital_inside_makes_a_named_act():
    got = suggest("Budget airline FlyNorra scrapped all of its winter routes.")
    assert [s.text for s in got] == ["Budget airline FlyNorra scrapped all of its winter routes"]
    assert got[0].types == ["other"]


# --- rankings inside quotation marks -------------------------------------------------------------


def test_a_quoted_ranking_of_a_measure_is_a_claim():
    text = 'Councillor Ivo Marsh said the town had "the highest parking charges in the county".'
    got = suggest(text)
    assert len(got) == 1 and got[0].text.startswith("Councillor Ivo Marsh said the town had")
    assert {"superlative", "attribution"} <= set(got[0].types)


def test_a_quoted_ranking_of_a_judgement_stays_testimony():
    assert suggest('Inspector Dana Hale said the inquiry was "one of the most complex" she had led.') == []
    assert suggest('The coach called it "the greatest night in the club\'s history".') == []


def test_in_what_someone_called_a_measured_ranking_is_their_claim():
    text = ("The council approved a £60 million flood scheme, in what its leader called the largest "
            "investment in the town in a generation.")
    got = _by_text(text)
    called = next(s for t, s in got.items() if t.startswith("in what its leader called"))
    assert "superlative" in called.types and called.attributed_to == "its leader"
    assert any(t.startswith("The council approved a £60 million flood scheme") for t in got)


def test_in_what_someone_called_a_verdict_is_left_out():
    text = ("The court jailed Perrin for six years, in what prosecutors called one of the worst abuses "
            "of trust they had seen.")
    assert _texts(text) == ["The court jailed Perrin for six years"]


# --- a clause's verb after an aside or a coordinated subject -------------------------------------


def test_and_one_of_them_named_then_their_act_is_a_second_claim():
    text = ("Five councillors voted against the plan, and one of them, Rhoda Vance, resigned from the "
            "cabinet before the vote.")
    got = _texts(text)
    assert got == ["Five councillors voted against the plan",
                   "one of them, Rhoda Vance, resigned from the cabinet before the vote"]


def test_while_a_and_b_did_something_is_a_second_claim():
    text = ("Marlow College kept first place for the fourth year running, while Deane University and "
            "the Royal Academy of Kent tied for third.")
    got = _texts(text)
    assert got[0] == "Marlow College kept first place for the fourth year running"
    assert got[1] == "Deane University and the Royal Academy of Kent tied for third"


def test_a_list_of_figures_before_and_stays_one_claim():
    text = "Some 600 firefighters, 40 engines, and three helicopters were sent to the blaze."
    assert _texts(text) == ["Some 600 firefighters, 40 engines, and three helicopters were sent to the blaze"]


def test_a_relative_clause_opened_by_its_own_count_is_a_claim():
    text = "The injured were taken to two hospitals in Corrin, where 14 remain in intensive care."
    got = _by_text(text)
    assert list(got) == ["The injured were taken to two hospitals in Corrin", "14 remain in intensive care"]
    assert figures(got["14 remain in intensive care"])[0][:2] == (14, "exact")


# --- trailing phrases with their own content -----------------------------------------------------


def test_including_a_member_with_its_own_sum_is_split_off():
    text = ("The appeal has raised £2.4 million from more than 9,000 donors, including a single gift of "
            "£500,000 from a local firm.")
    got = _by_text(text)
    member = next(s for t, s in got.items() if t.startswith("including a single gift"))
    assert figures(member) == [(500000, "exact", "GBP")]


def test_including_the_earmarked_part_of_a_sum_stays_with_it():
    text = "The ministry allocated 12 million euros, including 3 million euros for school meals."
    assert _texts(text) == ["The ministry allocated 12 million euros, including 3 million euros for school meals"]


def test_with_a_subject_and_its_own_act_is_a_second_claim():
    text = ("The trust said building work would take about two years, with the first patients arriving "
            "in autumn 2029.")
    got = _texts(text)
    assert got[-1] == "with the first patients arriving in autumn 2029"
    assert got[0].startswith("The trust said building work would take about two years")


def test_with_a_described_figure_stays_with_its_clause():
    for text in ("The storm cut a path 9 miles long, with gusts estimated at 110 mph.",
                 "The car park will reopen in May, with its 430 spaces."):
        assert len(suggest(text)) == 1, text


def test_making_it_a_ranking_is_a_claim_of_its_own():
    text = "The probe reached Saturn in 2031 after a journey of 7 years, making it the fastest mission to the planet."
    got = _by_text(text)
    ranked = next(s for t, s in got.items() if t.startswith("making it the fastest"))
    assert "superlative" in ranked.types


def test_overtaking_for_the_first_time_stays_with_its_figure():
    text = "Solar power supplied 31% of the grid's electricity in May, overtaking coal for the first time."
    assert len(suggest(text)) == 1


def test_her_first_is_a_ranking():
    text = "Mora has found 11 asteroids, but this is her first comet."
    got = _by_text(text)
    assert "superlative" in got["this is her first comet"].types


# --- comparisons and cuts between clauses --------------------------------------------------------


def test_roughly_the_size_of_a_yardstick_is_a_comparison_claim():
    text = "The lake covers some 60 square kilometres, roughly the size of the city itself."
    got = _by_text(text)
    assert list(got) == ["The lake covers some 60 square kilometres", "roughly the size of the city itself"]
    assert "comparison" in got["roughly the size of the city itself"].types


def test_a_semicolon_s_right_side_with_its_own_figure_is_a_claim():
    text = "The ministry says 420 homes were destroyed; the charity puts the figure at more than 900."
    got = _by_text(text)
    assert list(got) == ["The ministry says 420 homes were destroyed", "the charity puts the figure at more than 900"]
    assert figures(got["the charity puts the figure at more than 900"])[0][:2] == (900, "more_than")


def test_but_a_figure_and_its_verb_is_a_second_claim():
    text = "A survey found that 61 percent of tenants support the cap, but only 18 percent back the levy."
    got = _texts(text)
    assert got == ["A survey found that 61 percent of tenants support the cap", "only 18 percent back the levy"]


def test_a_dated_act_and_the_counted_event_after_it_are_two_claims():
    text = "Engineers shut the Marl Viaduct on Monday after inspectors found cracks in three of its piers."
    got = _texts(text)
    assert got == ["Engineers shut the Marl Viaduct on Monday", "inspectors found cracks in three of its piers"]


def test_after_a_journey_of_a_figure_stays_with_its_dated_act():
    text = "The probe Corva entered orbit around Mars on Friday after a journey of 480 million kilometres that took 7 months."
    assert len(suggest(text)) == 1


def test_a_relative_clause_is_worded_with_its_whole_antecedent_year_included():
    # A tryout's "...that of the 2019 floods, which killed 21 people" was worded "Floods killed 21 people
    # in the same valley.", a claim about this year's floods.
    from factcheck.claims.suggest import suggest

    text = "The death toll is more than double that of the 2019 floods, which killed 21 people in the same valley."
    worded = [s.wording for s in suggest(text) if "21 people" in text[s.start:s.end]]
    assert worded == ["The 2019 floods killed 21 people in the same valley."]
