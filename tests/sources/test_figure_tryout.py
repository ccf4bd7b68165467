"""What a new user's first figure checks got wrong (tryout of 2 December 2026), in their shapes."""

from __future__ import annotations

from factcheck.sources.figures import figure_check, quantities_of

ROWS = "date,hospital,admitted,critical\n2026-12-01,Varnholm General Hospital,68,14\n"


def test_a_figure_below_the_claimed_bound_is_not_a_match():
    check = figure_check("More than 120 people were injured in the derailment",
                         "A total of 118 people were injured, the operator said in its report.")
    assert check.label == "different"
    assert "matches" not in check.summary.lower() and "states" not in check.summary
    # At the bound, or past it, still states it.
    assert figure_check("More than 120 people were injured", "Some 126 people were injured.").label == "states"
    assert figure_check("Up to 40 homes were flooded", "42 homes were flooded.").label == "different"


def test_a_name_is_no_denial():
    check = figure_check("Nordbahn will spend 310 million euros on the line",
                         "Nordbahn has invested EUR 310 million in the line since 2019.")
    assert check.label == "states"


def test_a_machine_date_is_no_figure():
    assert [q["value"] for q in quantities_of(ROWS)] == [68, 14]
    check = figure_check("68 patients were admitted to Varnholm General Hospital", ROWS)
    assert "12" not in check.summary and "01" not in check.summary
    assert check.label == "states"


def test_a_sentence_is_listed_once_however_many_figures_it_holds():
    source = "Police said at least 37 people were killed and 37 more are missing. Rescuers found 12 survivors."
    check = figure_check("At least 37 people were killed, police said", source)
    starts = [p["start"] for p in check.passages]
    assert len(starts) == len(set(starts)) == 1
