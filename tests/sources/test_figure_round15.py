"""The figure check's readings of round 15, as a reviewer meets them: the label, and the sentence above the
passages. Passages are written for this test (not taken from any pair set); most rules have a twin that keeps
the other reading, so a rule that fires on any sentence fails here."""

from __future__ import annotations

from factcheck.claims.suggest.numbers import find_quantities
from factcheck.sources.figures import figure_check


def check(claim: str, source: str, value: float, unit: str | None, qualifier: str = "exact"):
    return figure_check(claim, source, [{"value": value, "qualifier": qualifier, "unit": unit}])


def disputed(result, figure: str) -> bool:
    return result.label == "contradicts" and f"mentions {figure} but disputes" in result.summary


def read(text: str) -> list[tuple[str, float, str | None]]:
    return [(q.text, q.value, q.unit) for q in find_quantities(text)]


# --- the number reader ------------------------------------------------------------------------------


def test_a_shekel_sign_before_an_abbreviated_million_reads_as_shekels_not_metres():
    assert read("The lease was worth ₪4.2m a year.") == [("₪4.2m", 4_200_000, "ILS")]


def test_a_glued_m_before_a_noun_never_measured_in_metres_is_millions():
    assert read("Campaigners said 2m signatures had been collected.")[0] == ("2m signatures", 2_000_000, "signatures")
    assert read("Officials counted 1.4m valid votes.")[0] == ("1.4m valid votes", 1_400_000, "votes")
    assert read("The harbour has a 12m wall.")[0] == ("12m", 12, "m")


def test_a_dose_in_milligrams_is_no_count_of_the_patients_given_it():
    assert read("Each volunteer took 400 mg a day.")[0] == ("400 mg", 400, "mg")


def test_a_time_in_two_parts_reads_as_one_duration():
    assert read("Mean response: 11 min 40 s.") == [("11 min 40 s", 11 + 40 / 60, "minutes")]
    assert read("The climb took 3 h 15 min.")[0][1:] == (3.25, "hours")
    assert read("It took 2 hours and 30 minutes.")[0][1:] == (2.5, "hours")
