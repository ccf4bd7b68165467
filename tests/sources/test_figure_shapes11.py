"""The figure check's shapes of round 11, as a reviewer meets them on the claim page: the outcome
("consistent", "inconsistent", "disputed", "not_found"), the sentence above the passages and the
passage quoted. Sentences are written for this test (not taken from any pair set); each shape has a
twin that keeps the match, so a rule that fires on any sentence fails here."""

from __future__ import annotations

from factcheck.sources.figures import figure_check


def check(claim: str, source: str, value: float, unit: str | None, qualifier: str = "exact"):
    return figure_check(claim, source, [{"value": value, "qualifier": qualifier, "unit": unit}])


# --- close head counts ---------------------------------------------------------------------------

def test_a_close_but_finer_head_count_is_a_different_figure():
    result = check("The landslide forced 3,800 villagers out", "About 3,760 villagers were forced out by the landslide.",
                   3800, "villagers")
    assert result.outcome == "inconsistent"
    assert "3,760" in result.summary


def test_a_claim_that_hedges_its_head_count_is_stated_by_the_close_count():
    result = check("About 3,800 villagers were forced out", "Some 3,760 villagers were forced out by the landslide.",
                   3800, "villagers", "approx")
    assert result.outcome == "consistent"


def test_a_rounded_count_in_the_source_still_states_the_precise_claim():
    result = check("The landslide forced 3,790 villagers out", "About 3,800 villagers were forced out by the landslide.",
                   3790, "villagers")
    assert result.outcome == "consistent"


# --- tables ---------------------------------------------------------------------------------------

TABLE = (
    "Storm damage by parish:\n\n"
    "| Parish | Homes flooded | Roads closed |\n"
    "|---|---|---|\n"
    "| Wendle | 84 | 6 |\n"
    "| Oster | 31 | 14 |\n"
)


def test_a_table_figure_is_read_in_the_row_the_claim_names():
    result = check("Storm flooding hit 31 homes in Oster", TABLE, 31, "homes")
    assert result.outcome == "consistent"
    assert result.passages[0]["quote"].strip() == "| Oster | 31 | 14 |"


def test_the_same_number_in_another_row_is_no_match_but_the_row_gives_the_figure():
    result = check("Storm flooding hit 31 homes in Wendle", TABLE, 31, "homes")
    assert result.outcome == "inconsistent"
    assert "84" in result.summary


def test_a_comma_separated_table_is_read_by_column_too():
    table = "depot,buses,drivers\nKellow Road,42,61\nMarsh Lane,18,42\n"
    assert check("Marsh Lane depot has 42 drivers", table, 42, "drivers").outcome == "consistent"
    assert check("Marsh Lane depot has 42 buses", table, 42, "buses").outcome == "inconsistent"


def test_a_four_digit_count_in_a_table_is_a_count_not_a_year():
    table = "district,households connected\nEastbrook,1450\nRiverside,980\n"
    assert check("Eastbrook connected 1,450 households", table, 1450, "households").outcome == "consistent"


def test_a_bare_cell_takes_the_unit_its_column_header_names():
    table = "| Route | Buses | Wait (minutes) |\n| :--- | ---: | ---: |\n| Harbour | 12 | 25 |\n| Uplands | 9 | 40 |\n"
    assert check("The wait on the Uplands route is 40 minutes", table, 40, "minutes").outcome == "consistent"
    assert check("The wait on the Harbour route is 40 minutes", table, 40, "minutes").outcome == "inconsistent"


# --- qualifier conflicts --------------------------------------------------------------------------

def test_a_ceiling_never_matches_a_floor_at_the_same_figure():
    result = check("At least 25 clinics closed", "The health board said fewer than 25 clinics had closed.",
                   25, "clinics", "at_least")
    assert result.outcome == "disputed"
    assert "fewer than 25 clinics" in result.summary


def test_the_same_bound_still_matches():
    result = check("At least 25 clinics closed", "At least 25 clinics have closed, the health board said.",
                   25, "clinics", "at_least")
    assert result.outcome == "consistent"


# --- a share of a population ----------------------------------------------------------------------

def test_a_share_of_a_population_states_the_count_it_comes_to():
    source = "One in five of the council's 1,500 employees will move to the new offices."
    assert check("300 employees will move to the new offices", source, 300, "employees").outcome == "consistent"
    assert check("400 employees will move to the new offices", source, 400, "employees").outcome == "inconsistent"


def test_a_part_of_a_population_states_the_share_it_is():
    source = "Of the 120 ferries inspected, 30 failed, the maritime agency said."
    assert check("A quarter of ferries failed inspection", source, 0.25, "fraction").outcome == "consistent"


# --- competing attributed figures -----------------------------------------------------------------

VIGIL = "Police said 900 people attended the vigil; its organisers said 2,500."


def test_each_speaker_states_their_own_figure():
    assert check("Police said 900 people attended the vigil", VIGIL, 900, "people").outcome == "consistent"
    assert check("Organisers said 2,500 people attended the vigil", VIGIL, 2500, "people").outcome == "consistent"


def test_the_other_speakers_figure_is_different_and_the_summary_says_whose():
    result = check("Organisers said 900 people attended the vigil", VIGIL, 900, "people")
    assert result.outcome == "inconsistent"
    assert "someone else's figure" in result.summary


def test_a_claim_naming_its_speaker_at_the_end_is_read_the_same_way():
    result = check("900 people attended the vigil, its organisers said", VIGIL, 900, "people")
    assert result.outcome == "inconsistent"


def test_a_source_that_names_only_another_counter_is_no_competing_speaker():
    result = check("The charity said 1,340 families were fed", "Volunteers counted 1,340 families fed at the hall.",
                   1340, "families")
    assert result.outcome == "consistent"


# --- a revised toll -------------------------------------------------------------------------------

REVISED = "Officials said 73 people had died in the flooding, revising an earlier toll of 58."


def test_the_earlier_toll_is_superseded():
    assert check("The flooding killed 58 people", REVISED, 58, "people").outcome == "inconsistent"


def test_the_new_toll_is_stated():
    assert check("The flooding killed 73 people", REVISED, 73, "people").outcome == "consistent"


def test_a_toll_revised_down_disputes_the_first_count():
    source = "The agency revised its count of damaged bridges down to 12, from an initial 19."
    assert check("19 bridges were damaged", source, 19, "bridges").outcome == "disputed"


# --- number words mid-sentence --------------------------------------------------------------------

def test_lower_case_number_words_mid_sentence_are_read():
    source = "Rangers said some three hundred and forty seals were counted on the sandbank, and the storm left dozens stranded."
    assert check("Rangers counted 340 seals on the sandbank", source, 340, "seals").outcome == "consistent"
    assert check("Rangers counted 360 seals on the sandbank", source, 360, "seals").outcome == "inconsistent"
