"""What the engine proposes: one claim per checkable assertion, typed, sourced, and nothing else."""

from __future__ import annotations

import json

import pytest

from factcheck.claims.suggest import Suggestion, suggest


def only(text: str) -> Suggestion:
    found = suggest(text)
    assert len(found) == 1, [s.text for s in found]
    return found[0]


def test_two_assertions_joined_by_and_are_two_claims():
    text = "The earthquake left at least 90 people dead and destroyed more than 3,000 buildings, officials said."
    first, second = suggest(text)
    assert first.text == "The earthquake left at least 90 people dead"
    assert second.text == "destroyed more than 3,000 buildings, officials said"
    assert [(q["value"], q["qualifier"]) for q in first.quantities] == [(90, "at_least")]
    assert [(q["value"], q["qualifier"]) for q in second.quantities] == [(3000, "more_than")]
    assert first.attributed_to == second.attributed_to == "officials"


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("Police arrested 83 people on Saturday, while organisers said 50,000 marched.", 2),
        ("The river rose to 5.3 metres; more than 45,000 people left their homes.", 2),
        ("The strike began in 2020 and cost about £9 billion.", 2),
        ("Shares fell 11% in Frankfurt, wiping €1.2 billion off its value.", 2),
        ("It was the largest protest since 2019, when unrest led to the deaths of 34 people.", 2),
        # Not split: lists, ranges, and a second verb with nothing of its own to check.
        ("France, Germany and Italy pledged 5 million euros each.", 1),
        ("The reef lies in waters between 20 and 35 metres deep.", 1),
        ("The study was funded by the Swedish Research Council and did not receive money from industry.", 1),
        ("Winners received $50,000 in prize money and a bonus of $30,000 for the record.", 1),
    ],
)
def test_clause_splitting(text, pieces):
    assert len(suggest(text)) == pieces


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Inflation fell to 6.1% in March, the statistics office said.", {"quantity", "temporal", "attribution"}),
        ("The unit is comparable to the United States' National Security Agency.", {"comparison"}),
        # The multiplier is listed with the figures, but what the claim does is compare.
        ("Turnout was double the level recorded in the last election in 2019.", {"comparison", "quantity", "temporal"}),
        ("It is the biggest data breach in the country's history.", {"superlative"}),
        ("Lena Vogt finished third highest among the European runners in Berlin.", {"superlative"}),
        ("The offensive led to the deaths of 2,200 people.", {"quantity", "causal"}),
        ("The letter was published less than three weeks after the end of the offensive against Hamas.", {"temporal"}),
        ("A hacking group calling itself Nightcrawl claimed responsibility on a dark web forum.", {"other"}),
        ("Dozens of people were injured.", {"quantity"}),
        ("Volta is the No. 1 seller of electric vans in Texas.", {"superlative"}),
    ],
)
def test_types(text, expected):
    assert set(only(text).types) == expected


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Forty-three reservists signed the letter, according to media reports.", "media reports"),
        ("A Kremlin spokesman dismissed the allegations, according to a BBC report.", "a BBC report"),
        ("The coast guard said it rescued 212 people on Wednesday.", "The coast guard"),
        ("At least 20 people are still missing, a military spokesperson said.", "a military spokesperson"),
        ("“We rescued 212 people in six hours,” said the captain, Marco Rossi.", "the captain"),
        ("The bank's governor, Ilse Marten, said policymakers had voted seven to two.", "The bank's governor, Ilse Marten"),
        ("Mr. Smith, 45, a former Marine, told reporters that 300 protesters had gathered.", "Mr. Smith, 45, a former Marine"),
        ("The vaccine is 95% effective, a study of 40,000 volunteers found.", "a study of 40,000 volunteers"),
    ],
)
def test_attribution(text, source):
    s = only(text)
    assert s.attributed_to == source
    assert "attribution" in s.types


@pytest.mark.parametrize(
    "text",
    [
        "Critics called the decision “a disgrace to the profession”.",
        "The opposition leader said the response was a disgrace to the profession.",
        "The death toll will probably rise as crews reach remote villages.",
        "Should the government make vaccination compulsory?",
        "“I have never felt so abandoned,” she said.",
        "Residents said they felt abandoned by the authorities.",
        "Health officials urged parents to check their children's records.",
        "Analysts say the talks could take months.",
        "The protests were peaceful and good-humoured for most of the afternoon.",
    ],
)
def test_opinions_predictions_questions_and_feelings_are_not_suggested(text):
    assert suggest(text) == []


def test_to_dict_has_exactly_the_interface_keys_and_is_json_serialisable():
    s = only("About 1.2 million spectators lined the route, according to the tourism office.")
    d = s.to_dict()
    assert set(d) == {"start", "end", "text", "types", "quantities", "attributed_to", "score", "wording"}
    assert json.loads(json.dumps(d)) == d
    assert d["quantities"] == [
        {"value": 1_200_000, "qualifier": "approx", "unit": "spectators", "text": "About 1.2 million spectators"}
    ]
    assert 0 <= d["score"] <= 1


def test_offsets_point_into_the_article_and_results_are_sorted():
    text = (
        "Heavy rain dumped 180 mm of water on the city in 24 hours, the institute said.\n\n"
        "Flooding forced more than 45,000 people from their homes, and the river rose to 5.3 metres, "
        "its highest level since records began in 1941.\n"
    )
    found = suggest(text)
    assert len(found) == 4  # the trailing "its highest level since ..." is a claim of its own
    assert [s.start for s in found] == sorted(s.start for s in found)
    for s in found:
        assert text[s.start:s.end] == s.text


def test_figures_score_higher_than_bare_events():
    figure = only("Police arrested 83 people in Santiago on Saturday, the ministry said.")
    event = only("A hacking group calling itself Nightcrawl claimed responsibility on a dark web forum.")
    assert figure.score > event.score


def test_suggestions_are_frozen():
    s = only("Police arrested 83 people in Santiago on Saturday.")
    with pytest.raises(AttributeError):
        s.start = 3  # type: ignore[misc]
    assert hash(s) == hash(only("Police arrested 83 people in Santiago on Saturday."))


@pytest.mark.parametrize("dash", [" -- ", " — ", " – "])
def test_aside_in_a_quote_frame_is_its_own_claim_and_the_quote_is_not(dash):
    text = (f"“We will not close the depot,” said the haulage firm{dash}a carrier twice the size of its nearest "
            f"rival{dash}in a letter addressed to the transport committee.")
    aside, frame = suggest(text)
    assert aside.text == "a carrier twice the size of its nearest rival"
    assert "comparison" in aside.types and aside.attributed_to is None
    assert frame.text == "in a letter addressed to the transport committee"
    assert frame.types == ["attribution"] and frame.attributed_to == "the haulage firm"
    assert all("“" not in s.text for s in (aside, frame))


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ('"Nothing has changed," the ministry, which employs 41,000 civil servants, said in a statement to parliament.',
         "which employs 41,000 civil servants"),
        ("The museum (which drew more visitors last year than any other in the region) declined to comment.",
         "which drew more visitors last year than any other in the region"),
        ("Ms Adeyemi, who won the seat by 212 votes in 2019, said she was “humbled” by the result.",
         "who won the seat by 212 votes in 2019"),
    ],
)
def test_aside_with_a_figure_or_comparison_survives_a_dropped_host(text, claim):
    assert claim in [s.text for s in suggest(text)]


def test_relative_clause_with_its_own_figure_is_a_claim_of_its_own_and_each_gets_a_wording():
    text = "The town, which has about 9,000 residents, lost 120 homes in the fire."
    found = suggest(text)
    assert [s.text for s in found] == ["The town, which has about 9,000 residents", "lost 120 homes in the fire"]
    assert [s.wording for s in found] == ["The town has about 9,000 residents.", "The town lost 120 homes in the fire."]


def test_apostrophes_are_not_quotation_marks():
    text = "The agency is comparable to the United State’s National Security Agency, the council’s report said."
    found = only(text)
    assert "comparison" in found.types


def test_quote_carried_into_the_next_paragraph_stays_testimony():
    text = ("“We saw the water rise in minutes,” said Ana Ruiz, whose bakery has stood on the square since 1962. "
            "“Then the power went.\n\n“We waited on the roof all night. Nobody came,” she said.")
    found = suggest(text)
    assert [s.text for s in found] == ["said Ana Ruiz, whose bakery has stood on the square since 1962"]
    assert found[0].types == ["temporal"]


# --- one suggestion per checkable assertion (issue 15) -----------------------------------------

def _claims(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(s.text, s.attributed_to, s.wording) for s in suggest(text)]


def test_trailing_ranking_is_its_own_claim_and_keeps_the_sentences_source():
    text = ("The central bank raised its main rate by a quarter of a point to 3.5 percent, its highest level "
            "since 2009, the bank said on Thursday.")
    change, ranking = suggest(text)
    assert change.text == "The central bank raised its main rate by a quarter of a point to 3.5 percent"
    assert [q["value"] for q in change.quantities] == [0.25, 3.5]
    assert ranking.text.startswith("its highest level since 2009") and "superlative" in ranking.types
    assert change.attributed_to == ranking.attributed_to == "the bank"
    assert ranking.wording == (
        "The central bank raised its main rate by a quarter of a point to 3.5 percent, its highest level since 2009.")


def test_relative_clause_with_its_own_figure_inside_the_subject_is_split():
    text = "Flooding after a week of storms that killed at least 19 people forced 4,000 residents from their homes."
    assert _claims(text) == [
        ("storms that killed at least 19 people", None, None),
        ("forced 4,000 residents from their homes", None,
         "Flooding after a week of storms forced 4,000 residents from their homes."),
    ]


def test_a_verdict_tacked_on_by_critics_is_not_part_of_the_claim():
    text = "The ministry has promised a fund of €150 million, a sum critics called 'an insult'."
    assert [s.text for s in suggest(text)] == ["The ministry has promised a fund of €150 million"]


def test_a_list_of_figures_about_one_event_stays_one_claim():
    found = suggest("Some 900 police officers, 30 vans and four helicopters were deployed.")
    assert len(found) == 1 and [q["value"] for q in found[0].quantities] == [900, 30, 4]


def test_a_fragment_gets_its_subject_back_in_the_wording_and_a_pronoun_its_noun():
    text = ("The Ridge Fire started on Monday near Alder Creek. It destroyed 1,237 homes and caused $145 million "
            "in losses, fire officials said.")
    found = {s.text: s for s in suggest(text)}
    assert found["It destroyed 1,237 homes"].wording == "The Ridge Fire destroyed 1,237 homes."
    fragment = found["caused $145 million in losses, fire officials said"]
    assert fragment.wording == "The Ridge Fire caused $145 million in losses, fire officials said."
    assert fragment.attributed_to == found["It destroyed 1,237 homes"].attributed_to == "fire officials"
    assert text[fragment.start:fragment.end] == fragment.text  # the quote is still the article's words


def test_within_a_duration_is_at_most():
    found = suggest("Ambulances reached the scene within 20 minutes, the county said.")
    assert [(q["value"], q["qualifier"], q["unit"]) for q in found[0].quantities] == [(20, "at_most", "minutes")]


def test_an_official_forecast_with_a_figure_is_a_prediction_claim_but_an_opinion_poll_is_not():
    found = suggest("The International Monetary Fund forecast growth of 1.2 percent for Valmark next year.")
    assert len(found) == 1 and "prediction" in found[0].types
    assert found[0].attributed_to == "The International Monetary Fund"
    assert suggest("Most economists polled by the Herald expect one more rise before the summer.") == []
    assert suggest("Prices will rise by 4 percent next year.") == []


def test_a_wire_dateline_is_not_part_of_the_claim():
    found = suggest("KHARVIK, Norland (Reuters) - At least 43 people were killed on Tuesday, the ministry said.")
    assert [s.text for s in found] == ["At least 43 people were killed on Tuesday, the ministry said"]


def test_a_forecast_attributed_to_an_official_body_is_a_prediction_claim_but_a_banks_economists_are_not():
    (found,) = suggest("Energy prices are expected to rise by 12 percent next winter, according to the regulator.")
    assert "prediction" in found.types and found.attributed_to == "the regulator"
    assert suggest("Economists at Halden Bank said the rate increase would add about 140 krone a month.") == []


def test_a_relative_aside_after_a_reporting_verb_keeps_the_source_in_both_wordings():
    (found,) = suggest("Police said the protest, which drew about 20,000 people, was peaceful.")
    assert found.text == "Police said the protest, which drew about 20,000 people"
    assert found.wording == "Police said the protest drew about 20,000 people."


def test_a_persons_forecast_is_not_an_official_one_even_with_an_institution_in_their_title():
    # What she said is checkable against her words, but it is not an official body's forecast.
    found = suggest("Council leader Mara Voss said the plant would supply nearly 2,400 households by 2027.")
    assert all("prediction" not in s.types for s in found)
