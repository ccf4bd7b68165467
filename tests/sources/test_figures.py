"""The figure check, the independence test and claim similarity, as pure functions."""

from __future__ import annotations

import pytest

from factcheck.sources.figures import figure_check, values_agree
from factcheck.sources.text_likeness import claim_similarity, figures_differ, independence

CLAIM = "Nearly 2,200 homes were flooded in the river district"


@pytest.mark.parametrize(
    "source",
    [
        "Surveyors say 2,200 homes were flooded in the river district.",
        "Surveyors say 2200 homes were flooded in the river district.",
        "Surveyors say 2.2 thousand homes were flooded in the river district.",
        "Surveyors say twenty-two hundred homes were flooded in the river district.",
        "Surveyors say about 2,150 homes in the river district were flooded.",
    ],
)
def test_same_figure_in_any_written_form_is_consistent(source):
    result = figure_check(CLAIM, source)
    assert result.outcome == "consistent", result.summary
    passage = result.passages[0]
    assert source[passage["start"]:passage["end"]] == passage["quote"]
    assert source[passage["figure_start"]:passage["figure_end"]] == passage["figure"]


def test_different_figure_in_a_passage_about_the_same_thing_is_inconsistent():
    source = "Storm report.\nThe council counted 1,500 homes flooded in the river district. Roads reopened on Friday."
    result = figure_check(CLAIM, source)
    assert result.outcome == "inconsistent"
    assert result.summary == "The claim says nearly 2,200 homes; the source says 1,500 homes."
    assert result.passages[0]["quote"] == "The council counted 1,500 homes flooded in the river district."


def test_different_figure_about_something_else_is_not_a_contradiction():
    source = "The club sold 1,500 season tickets. The district league starts in May."
    assert figure_check(CLAIM, source).outcome == "not_found"


def test_source_without_the_figure_is_not_found():
    result = figure_check(CLAIM, "The river rose quickly overnight and the bridge was closed.")
    assert result.outcome == "not_found" and result.passages == []


def test_claim_without_a_figure_says_so():
    result = figure_check("The mayor visited the river district", "The mayor visited on Tuesday.")
    assert result.outcome == "not_found" and "no figure" in result.summary


@pytest.mark.parametrize(
    ("claim", "qualifier", "source", "agree"),
    [
        (2200, "nearly", 2150, True),
        (2200, "nearly", 2300, False),
        (2200, "exact", 2210, True),
        (2200, "exact", 2400, False),
        (300, "more_than", 340, True),
        (300, "more_than", 200, False),
        (50, "less_than", 45, True),
        (1000, "approx", 1080, True),
    ],
)
def test_qualifiers_set_the_tolerance(claim, qualifier, source, agree):
    assert values_agree(claim, qualifier, source) is agree


def test_percentages_are_not_compared_with_counts():
    result = figure_check("Unemployment in the district rose to 12%", "In the district 12 people registered.")
    assert result.outcome == "not_found"


ARTICLE = (
    "Floodwater reached the old mill quarter of Tessbury on Thursday night. Nearly 2,200 homes were flooded in the "
    "river district, the county council said, and 40 families spent the night in the sports hall."
)


def test_source_on_the_articles_own_site_is_not_independent():
    ok, reason = independence("https://tessbury-courier.example/data", "Anything.",
                              [("Flood", "https://www.tessbury-courier.example/flood", ARTICLE)])
    assert ok is False and "own site" in reason


def test_syndicated_copy_is_not_independent_but_an_original_report_is():
    copy = "Partner content. " + ARTICLE.replace("Thursday", "Thursday") + " More at our site."
    ok, reason = independence("https://aggregator.example/x", copy, [("Flood", "https://courier.example/f", ARTICLE)])
    assert ok is False and "syndicated" in reason
    own_words = ("The county council's survey office counted flooded properties street by street and reported 2,190 "
                 "damaged homes in the river district by Monday evening.")
    assert independence("https://council.example/survey", own_words, [("Flood", "", ARTICLE)]) == (True, "")


def test_similarity_ignores_word_order_and_figures_but_reports_a_differing_figure():
    other = "In the river district, about 1,500 homes were flooded"
    assert claim_similarity(CLAIM, other) >= 85
    assert figures_differ(CLAIM, other) is True
    assert figures_differ(CLAIM, "Roughly 2,150 homes were flooded in the river district") is False
    assert claim_similarity(CLAIM, "The school budget rose by a tenth this year") < 50


# --- reading the sentence around the figure (issue 15) ------------------------------------------

DAMAGE = "Storm damage reached $410 million"


def test_a_figure_the_source_calls_too_high_is_disputed_never_a_match():
    source = ("The insurers' association put the damage at $290 million, well below the $410 million figure "
              "circulated by some officials.")
    result = figure_check(DAMAGE, source)
    assert (result.outcome, result.label) == ("disputed", "contradicts")
    assert "disputes or denies" in result.summary and "$410 million" in result.summary
    assert [p["label"] for p in result.passages] == ["contradicts"]
    assert result.passages[0]["verdict"] == "disputes" and result.passages[0]["quote"] == source


@pytest.mark.parametrize(
    "source",
    [
        "The council denied that 4,000 residents had been forced from their homes.",
        "The claim that 4,000 residents were forced from their homes is false, the governor said.",
        "It was not 4,000 residents but about 900 who left their homes.",
        "Posts said 4,000 residents had been forced from their homes. That figure is wrong, the council said.",
    ],
)
def test_denials_and_refutations_of_the_figure_are_disputed(source):
    result = figure_check("Flooding forced 4,000 residents from their homes", source)
    assert result.outcome == "disputed", result.summary


def test_figure_written_in_words_with_and_is_stated_and_the_message_reads_as_a_sentence():
    claim = "About 230 firefighters were sent to the blaze"
    stated = figure_check(claim, "Approximately two hundred and thirty firefighters were sent to the hills.")
    assert stated.outcome == "consistent" and "two hundred and thirty" in stated.summary
    missing = figure_check(claim, "The blaze spread towards the ridge overnight.")
    assert missing.summary == "The source does not state about 230 firefighters (or any close figure)."


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        ("Turnout reached 71 per cent", "Official figures put turnout at 71% of registered voters."),
        ("The campaign raised 2.2k pounds for the shelter", "The walk raised £2,200 for the shelter."),
        ("The bridge is 1.2 km long", "The new bridge spans 1,200 metres across the estuary."),
        ("The strike lasted two weeks", "The strike at the port ended after 14 days."),
        ("Nearly 19,000 people signed the petition", "The petition has close to 19,000 signatures."),
    ],
)
def test_percent_shorthand_currency_and_unit_conversions_state_the_figure(claim, source):
    assert figure_check(claim, source).label == "states"


def test_the_same_number_about_something_else_is_absent():
    result = figure_check("The storm left 2,200 homes without power",
                          "The storm brought down trees; the 2,200-seat theatre cancelled its show.")
    assert (result.outcome, result.label) == ("not_found", "absent")


def test_a_bound_is_not_stated_by_a_figure_far_past_it():
    assert values_agree(300, "more_than", 340) is True
    assert values_agree(300, "more_than", 2000) is False
    assert values_agree(50, "less_than", 45) is True and values_agree(50, "less_than", 5) is False


@pytest.mark.parametrize(
    ("source", "label"),
    [
        ("Officials now say 2,500 residents left their homes, down from an earlier estimate of 4,000.", "contradicts"),
        ("Some 4,000 residents who had not been warned left their homes.", "states"),
        ("Not only 4,000 residents left their homes: shops closed too.", "states"),
        ("A 4,000-strong crowd of residents left their homes.", "states"),
    ],
)
def test_the_scope_of_a_denial_is_the_figures_own_clause(source, label):
    assert figure_check("Flooding forced 4,000 residents from their homes", source).label == label
