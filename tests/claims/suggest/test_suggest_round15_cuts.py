"""Round 15 (cuts and judgements tried on an independent dev set): a person's age set off before a
relative clause, clauses joined by "and" or "even as" that each carry their own figure, and what is
a plan or a reaction rather than an assertion. Every sentence is invented for the test
(GUIDELINES.md: one claim per checkable assertion; a relative clause with its own figure or date is
a claim of its own; promises and reactions are non-claims)."""

from __future__ import annotations

from factcheck.claims.suggest import suggest


def _texts(text: str) -> list[str]:
    return [s.text for s in suggest(text)]


def _by_text(text: str) -> dict[str, object]:
    return {s.text: s for s in suggest(text)}


# --- an age before a relative clause -------------------------------------------------------------


def test_an_age_before_a_relative_clause_is_its_own_claim():
    text = "Harbour master Ilse Brandvold, 64, who ran the port authority from 2009 to 2017, denies all nine charges of fraud."
    got = _by_text(text)
    assert list(got) == [
        "Harbour master Ilse Brandvold, 64",
        "who ran the port authority from 2009 to 2017",
        "denies all nine charges of fraud",
    ]
    age = got["Harbour master Ilse Brandvold, 64"]
    assert age.types == ["quantity"]
    assert [q["value"] for q in age.quantities] == [64]


def test_the_pieces_after_an_age_are_worded_with_the_name_alone():
    text = "Retired miner Osric Pellow, 77, whose cottage flooded in March, moved to Dunhallow in April."
    got = _by_text(text)
    assert got["Retired miner Osric Pellow, 77"].wording == "Retired miner Osric Pellow is 77."
    assert got["whose cottage flooded in March"].wording == "Retired miner Osric Pellow's cottage flooded in March."
    assert got["moved to Dunhallow in April"].wording == "Retired miner Osric Pellow moved to Dunhallow in April."


def test_an_age_without_a_relative_clause_stays_with_its_act():
    text = "Tamsin Roake, 52, has run the ferry for 19 years."
    assert _texts(text) == ["Tamsin Roake, 52, has run the ferry for 19 years"]


# --- clauses joined with their own subject and figure --------------------------------------------


def test_even_as_joins_two_assertions_with_their_own_figures():
    text = "Ticket sales fell 6 percent to £41 million, even as visitor numbers rose to about 2.3 million."
    assert _texts(text) == ["Ticket sales fell 6 percent to £41 million", "visitor numbers rose to about 2.3 million"]


def test_and_before_a_second_subject_with_its_own_verb_and_figure_cuts():
    text = "The Farmers' Party kept nine seats and the Greens lifted their tally to five."
    assert _texts(text) == ["The Farmers' Party kept nine seats", "the Greens lifted their tally to five"]


def test_and_before_a_counted_subject_whose_verb_follows_an_aside_cuts():
    text = (
        "Three dockers were arrested at the gate and a fourth, a 29-year-old crane driver, "
        "was detained on Friday at his home in Orsby."
    )
    got = _texts(text)
    assert got[0] == "Three dockers were arrested at the gate"
    # The appositive on "a fourth" says who was detained: it stays with the act.
    assert got[1:] == ["a fourth, a 29-year-old crane driver, was detained on Friday at his home in Orsby"]


def test_and_inside_a_list_of_figures_does_not_cut():
    text = "Some 300 volunteers, 12 boats and the coastguard helicopter were sent to the estuary."
    assert len(suggest(text)) == 1


def test_and_before_an_object_without_its_own_verb_does_not_cut():
    text = "The club sold 4,000 season tickets and the naming rights to its stand."
    assert len(suggest(text)) == 1


def test_while_with_a_short_gerund_and_its_figure_is_a_second_act():
    text = "The trust spent £1.9 million on consultants while closing four wards, the Weekly Lantern found."
    got = _by_text(text)
    assert list(got) == ["The trust spent £1.9 million on consultants", "closing four wards, the Weekly Lantern found"]
    second = got["closing four wards, the Weekly Lantern found"]
    assert second.wording.startswith("The trust spent £1.9 million on consultants while closing four wards")
    # The source at the end of the sentence reaches both acts.
    assert {s.attributed_to for s in got.values()} == {"the Weekly Lantern"}


# --- plans ---------------------------------------------------------------------------------------


def test_a_plan_with_a_figure_is_no_claim():
    for sentence in (
        "The charity plans to open three more shelters with 120 beds before the end of the year.",
        "The ministry intends to double the fleet to 40 ferries by 2030.",
        "Ruiz said her lab hoped to publish the full results within two years.",
    ):
        assert suggest(sentence) == [], sentence


def test_a_plan_in_a_relative_clause_does_not_drop_the_count_it_describes():
    text = "About 600 of the jobs are in catering, which the firm plans to outsource."
    assert [s.text for s in suggest(text)] == ["About 600 of the jobs are in catering, which the firm plans to outsource"]


def test_a_past_act_before_a_plan_is_still_a_claim():
    text = "The council closed 14 libraries in 2024 and now plans to sell six of the buildings."
    assert any(s.text.startswith("The council closed 14 libraries in 2024") for s in suggest(text))


# --- events without a figure ---------------------------------------------------------------------


def test_a_casualty_or_an_admission_is_an_event_of_type_other():
    for sentence, quote in (
        ("Nobody was hurt.", "Nobody was hurt"),
        ("Two climbers were injured.", "Two climbers were injured"),
        ("Pellow admits he did not lock the gate.", "Pellow admits he did not lock the gate"),
    ):
        got = suggest(sentence)
        assert [s.text for s in got] == [quote], sentence
    assert suggest("Nobody was hurt.")[0].types == ["other"]


def test_a_feeling_is_still_no_event():
    for sentence in ("Nobody was happy.", "She felt hurt by the remarks."):
        assert suggest(sentence) == [], sentence


def test_an_order_issued_for_a_stated_time_is_a_claim():
    text = "Shoppers were later advised to avoid the precinct for 36 hours."
    got = suggest(text)
    assert [s.text for s in got] == ["Shoppers were later advised to avoid the precinct for 36 hours"]
    assert "temporal" in got[0].types


def test_advice_to_readers_without_a_time_is_still_no_claim():
    assert suggest("Drivers are advised to avoid the ring road.") == []


def test_a_denial_and_what_the_subject_said_after_it_are_judged_apart():
    text = 'Kelmore Builders denied any wrongdoing on Friday and said the tender was "entirely proper".'
    # The denial is an event; the quoted verdict after "and said" is no claim.
    assert [s.text for s in suggest(text)] == ["Kelmore Builders denied any wrongdoing on Friday"]


# --- appeals, questions put, moods and promises --------------------------------------------------


def test_an_appeal_for_information_is_no_claim_though_it_gives_a_number():
    text = "Anyone with information is asked to call Dunhallow Police on 101, quoting incident 412."
    assert suggest(text) == []


def test_a_ranking_inside_a_question_put_to_someone_is_no_claim():
    assert suggest("Asked whether the port was the busiest in the region, he laughed.") == []


def test_a_mood_with_one_person_is_no_claim_but_a_count_of_mourners_is():
    assert suggest("One man is in tears.") == []
    assert suggest("One juror wept.") == []
    assert [s.text for s in suggest("Some 400 mourners attended the funeral on Friday.")] == [
        "Some 400 mourners attended the funeral on Friday"
    ]


def test_a_promise_without_a_figure_is_no_claim():
    text = 'When the ferry line opened in 2019, its founder promised a "new era" for the islands.'
    assert suggest(text) == []


def test_a_promise_with_a_figure_is_still_judged_on_its_figure():
    text = "The operator pledged a further £30 million for new carriages in March."
    assert [s.text for s in suggest(text)] == ["The operator pledged a further £30 million for new carriages in March"]


# --- "with" after a comparison, "after" a counted event ------------------------------------------


def test_with_after_a_comparison_is_a_second_assertion_with_its_figure():
    text = (
        "Glaciers in the range are shrinking faster than those in the Alps, "
        "with ice thickness falling by an average of 1.2 metres a year since 2001."
    )
    got = [s.text for s in suggest(text)]
    assert got == [
        "Glaciers in the range are shrinking faster than those in the Alps",
        "with ice thickness falling by an average of 1.2 metres a year since 2001",
    ]


def test_a_dated_act_after_a_counted_event_gives_two_claims():
    text = "The school board closed Hillcrest Primary on 4 May after 12 pupils were taken ill with food poisoning."
    got = [s.text for s in suggest(text)]
    assert got[0] == "The school board closed Hillcrest Primary on 4 May"
    assert got[1].startswith("12 pupils were taken ill")


def test_a_figure_explained_by_a_counted_event_stays_one_claim():
    text = "Water was cut off to about 9,000 homes after two mains burst, the utility said."
    assert len(suggest(text)) == 1


# --- a baseline after a present-tense verb -------------------------------------------------------


def test_up_from_after_a_plural_present_verb_is_its_own_claim():
    text = "Exports account for about 31 percent of the region's output, up from 24 percent in 2015."
    got = [s.text for s in suggest(text)]
    assert got == ["Exports account for about 31 percent of the region's output", "up from 24 percent in 2015"]


def test_compared_with_after_a_plural_present_verb_stays_with_its_clause():
    text = "Women now make up 44 percent of the force, compared with 30 percent in 2012, police records show."
    assert len(suggest(text)) == 1


# --- verdicts and a speaker's own account --------------------------------------------------------


def test_a_value_judgement_without_a_figure_is_no_claim():
    for sentence in (
        "Councillor Ana Brisk said the agency acted with too little urgency.",
        "Even so, the club has punched above its weight.",
    ):
        assert suggest(sentence) == [], sentence


def test_too_many_with_a_figure_is_still_judged_on_its_figure():
    text = "The audit found 41 contracts awarded without a tender, too many for a council of its size."
    assert suggest(text) != []


def test_a_defendant_telling_his_own_acts_in_the_present_is_testimony():
    for sentence in (
        "Pellow says he pushed Mr Arden away and that he tripped over a cable.",
        "She says she locked the office and went home.",
    ):
        assert suggest(sentence) == [], sentence


def test_a_defendant_telling_his_own_acts_with_a_time_is_still_a_claim():
    text = "Pellow says he called Mr Arden at 9.40pm on the night of the fire."
    assert suggest(text) != []


def test_a_quoted_statement_with_a_duration_is_a_claim():
    text = 'A school spokesman said: "The sports hall had not been repainted in over 40 years. It was time."'
    got = [s for s in suggest(text) if "40 years" in s.text]
    assert len(got) == 1 and "temporal" in got[0].types
    assert got[0].text.endswith("The sports hall had not been repainted in over 40 years")


def test_a_quoted_feeling_without_a_figure_is_still_no_claim():
    assert suggest('"The hall feels like home to us," the spokesman said.') == []


def test_a_when_clause_without_its_own_figure_stays_with_the_dated_act():
    text = "The leak began in early March, when a corroded valve at the Orsby depot gave way, engineers said."
    assert [s.text for s in suggest(text)] == [text.rstrip(".")]


def test_a_when_clause_with_its_own_count_is_still_cut():
    text = "It was the worst flood in the valley since 1998, when 140 homes were lost."
    got = [s.text for s in suggest(text)]
    assert got == ["It was the worst flood in the valley since 1998", "140 homes were lost"]


def test_an_age_appositive_closing_the_sentence_after_a_name_is_its_own_claim():
    text = "The mayor lost the ward by 112 votes to newcomer Ilse Varga, a 31-year-old paramedic."
    got = _by_text(text)
    assert list(got) == ["The mayor lost the ward by 112 votes to newcomer Ilse Varga", "a 31-year-old paramedic"]
    assert got["a 31-year-old paramedic"].wording == "Ilse Varga is a 31-year-old paramedic."


def test_an_age_appositive_before_more_of_the_clause_stays_in_it():
    text = "The comet was first seen by Ada Lomax, a 58-year-old teacher, using a small telescope in March."
    assert len(suggest(text)) == 1


def test_counsel_putting_an_allegation_to_a_witness_is_no_claim():
    assert suggest("Ms Orme puts it to Pellow that he planned the fire.") == []
    # With a time in it, what was put is still checkable against the record.
    assert suggest("Ms Orme puts it to Pellow that he left the depot at 9.40pm.") != []


def test_a_comparison_reported_as_believed_is_a_claim():
    text = "The Orsby plant employs about 900 people, and its rival's workforce is believed to be several times larger."
    got = [s.text for s in suggest(text)]
    assert got == ["The Orsby plant employs about 900 people", "its rival's workforce is believed to be several times larger"]


def test_a_belief_without_a_comparison_is_still_an_opinion():
    assert suggest("The new stand is believed to be a mistake.") == []


def test_a_court_timetable_told_to_the_jury_is_a_claim():
    text = "The judge tells jurors they will hear the defence's closing speech on Monday."
    got = suggest(text)
    assert len(got) == 1 and "temporal" in got[0].types


def test_a_hope_about_a_day_is_still_no_claim():
    assert suggest("The family hopes the jury will reach a verdict on Monday.") == []


def test_a_period_as_the_subject_of_a_quoted_verdict_is_no_claim():
    for sentence in ('"Twelve years is nothing," she said.', '"The next 72 hours will be decisive," the coach said.'):
        assert suggest(sentence) == [], sentence


def test_a_value_judgement_beside_a_count_of_its_own_is_still_judged():
    text = "A panel of five judges said the tribunal had given too little weight to the evidence."
    assert suggest(text) != []
