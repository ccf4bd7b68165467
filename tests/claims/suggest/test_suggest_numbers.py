"""Figures: values, qualifiers and units as the figure-check lookup and the engine read them."""

from __future__ import annotations

import pytest

from factcheck.claims.suggest import QuantityMatch, find_quantities
from factcheck.claims.suggest.numbers import normalise_unit, parse_number_words


def one(text: str) -> QuantityMatch:
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "unit"),
    [
        ("Forty-three reservists signed", 43, "exact", "reservists"),
        ("2,200", 2200, "exact", None),
        ("2200", 2200, "exact", None),
        ("2.2 thousand", 2200, "exact", None),
        ("twenty-two hundred", 2200, "exact", None),
        ("nearly 2,200 people", 2200, "nearly", "people"),
        ("£3.8 billion", 3_800_000_000, "exact", "GBP"),
        ("$5m", 5_000_000, "exact", "USD"),
        ("US$3bn", 3_000_000_000, "exact", "USD"),
        ("€1.2 billion", 1_200_000_000, "exact", "EUR"),
        ("EUR 40 million", 40_000_000, "exact", "EUR"),
        ("4.2 million euros", 4_200_000, "exact", "EUR"),
        ("a quarter of a percentage point", 0.25, "exact", "percentage_point"),
        ("7.5 million", 7_500_000, "exact", None),
        ("nine months", 9, "exact", "months"),
        ("over a decade", 10, "more_than", "years"),
        ("less than three weeks", 3, "less_than", "weeks"),
        ("about 12 kilometres", 12, "approx", "km"),
        ("around 300", 300, "approx", None),
        ("roughly 420,000 people", 420_000, "approx", "people"),
        ("some 200 homes", 200, "approx", "homes"),
        ("an estimated 7.5 million", 7_500_000, "approx", None),
        ("close to 40%", 40, "nearly", "percent"),  # GUIDELINES.md: "close to" is nearly
        ("closer to 60 per cent", 60, "approx", "percent"),
        ("almost 48 hours", 48, "nearly", "hours"),
        ("just under 1,000", 1000, "nearly", None),
        ("more than 3,000 buildings", 3000, "more_than", "buildings"),
        ("above 93%", 93, "more_than", "percent"),
        ("fewer than 4,000", 4000, "less_than", None),
        ("under 18 months", 18, "less_than", "months"),
        ("at least 90 people", 90, "at_least", "people"),
        ("at most 12", 12, "at_most", None),
        ("no more than 5 people", 5, "at_most", "people"),
        ("up to 9 km", 9, "at_most", "km"),
        ("90 or more", 90, "at_least", None),
        ("a 29-year-old", 29, "exact", "years"),
        ("magnitude 6.4", 6.4, "exact", "magnitude"),
        ("24C", 24, "exact", "celsius"),
        ("180 mm", 180, "exact", "mm"),
        ("3.6 gigawatts", 3.6, "exact", "GW"),
        ("half a million", 500_000, "exact", None),
        ("two-thirds of voters", 2 / 3, "exact", "fraction"),
        ("one in five adults", 0.2, "exact", "fraction"),
        ("two in every three tenants", 2 / 3, "exact", "fraction"),
        ("one in every four drivers", 0.25, "exact", "fraction"),
        ("four out of every five pharmacists", 0.8, "exact", "fraction"),
        ("seven out of ten farms", 0.7, "exact", "fraction"),
        ("more than three times", 3, "more_than", "times"),
        ("2:14:02", 8042, "exact", "seconds"),
        ("a dozen", 12, "exact", None),
    ],
)
def test_values_qualifiers_and_units(text, value, qualifier, unit):
    q = one(text)
    assert q.value == pytest.approx(value)
    assert q.qualifier == qualifier
    assert q.unit == unit


def test_integral_values_are_ints_and_money_has_no_float_error():
    q = one("£3.8 billion")
    assert q.value == 3_800_000_000
    assert isinstance(q.value, int)
    assert isinstance(one("6.1%").value, float)


@pytest.mark.parametrize(
    "text",
    [
        "in 2014",
        "on September 12, 2014",
        "at 10am on 3 March",
        "at 10:30pm",
        "the 1990s",
        "his 15th goal",
        "Unit 8200",
        "an Ariane 5 rocket",
        "COVID-19",
        "the G7 summit",
        "the two sides agreed",
        "one of the biggest",
        "the second half",
        "12/09/2014",
        "outside the No. 10 gate",
        "ranked #3",
    ],
)
def test_dates_times_ordinals_identifiers_and_pronoun_numbers_are_not_figures(text):
    assert find_quantities(text) == []


def test_the_same_figure_written_four_ways_has_one_value():
    texts = ["2,200", "2200", "2.2 thousand", "twenty-two hundred", "nearly 2,200"]
    assert {one(t).value for t in texts} == {2200}


def test_ranges_give_lower_and_upper_bounds():
    low, high = find_quantities("in waters between 20 and 35 metres deep")
    assert (low.value, low.qualifier, low.unit) == (20, "at_least", "m")
    assert (high.value, high.qualifier, high.unit) == (35, "at_most", "m")
    low, high = find_quantities("voters aged 18 to 24")
    assert (low.value, low.qualifier, low.unit, high.value, high.qualifier) == (18, "at_least", "years", 24, "at_most")


def test_scores_and_votes_are_not_ranges():
    assert [(q.value, q.qualifier) for q in find_quantities("City beat Arsenal 3-1 on Sunday")] == [
        (3, "exact"), (1, "exact")
    ]
    assert [(q.value, q.qualifier) for q in find_quantities("they voted seven to two")] == [(7, "exact"), (2, "exact")]


def test_over_a_duration_after_a_change_means_during():
    q = find_quantities("patients lost 22.5% of their weight over 72 weeks")[-1]
    assert (q.value, q.qualifier, q.unit) == (72, "exact", "weeks")
    q = one("the most significant incident in over a decade")
    assert (q.value, q.qualifier) == (10, "more_than")


def test_match_text_is_the_source_slice_with_qualifier_and_unit():
    text = "the offensive led to the deaths of nearly 2,200 people, many of them civilians"
    q = one(text)
    assert text[q.start:q.end] == q.text == "nearly 2,200 people"
    assert q.to_dict() == {"value": 2200, "qualifier": "nearly", "unit": "people", "text": "nearly 2,200 people"}


def test_durations_are_marked_as_such():
    assert one("for nine months").kind == "duration"
    assert one("2,200 people").kind == "count"
    assert one("a 29-year-old").kind == "age"


@pytest.mark.parametrize(
    ("words", "values"),
    [
        ("forty-three", [43]),
        ("twenty-two hundred", [2200]),
        ("two thousand five hundred", [2500]),
        ("seven million", [7_000_000]),
        ("one two", [1, 2]),
        ("a", []),
    ],
)
def test_parse_number_words(words, values):
    assert [v for _s, _e, v in parse_number_words(words)] == values


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2\u202f200 personnes", 2200),  # thin-space grouping of typeset sources
        ("2\u00a0200 people", 2200),
        ("12 000 people", 12_000),
        ("₹500 crore", 5_000_000_000),
        ("2.2k", 2200),
    ],
)
def test_figures_as_fetched_sources_write_them(text, value):
    assert one(text).value == value


def test_a_year_next_to_a_figure_is_not_read_as_thousands():
    assert [q.value for q in find_quantities("in 2014 200 people died")] == [200]


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "unit"),
    [
        ("approximately two hundred and thirty people", 230, "approx", "people"),
        ("two thousand and ten people", 2010, "exact", "people"),
        ("a hundred and fifty homes", 150, "exact", "homes"),
        ("within 20 minutes", 20, "at_most", "minutes"),
        ("45m euros", 45_000_000, "exact", "EUR"),
        ("3 million cubic metres", 3_000_000, "exact", "m3"),
    ],
)
def test_words_with_and_scales_before_currency_words_and_within(text, value, qualifier, unit):
    (q,) = find_quantities(text)
    assert (q.value, q.qualifier, q.unit) == (value, qualifier, unit)


def test_a_change_by_x_to_y_is_not_a_range():
    assert [(q.value, q.qualifier) for q in find_quantities("vacancies fell by 12,000 to 61,000")] == [
        (12000, "exact"), (61000, "exact")]
    assert [q.qualifier for q in find_quantities("cut by 10 to 15 percent")] == ["at_least", "at_most"]


@pytest.mark.parametrize(
    ("unit", "normal"),
    [("per cent", "percent"), ("%", "percent"), ("dollars", "USD"), ("$", "USD"), ("kilometres", "km"),
     ("residents", "people"), ("homes", "homes"), (None, None)],
)
def test_units_written_any_way_are_normalised_as_the_reader_gives_them(unit, normal):
    assert normalise_unit(unit) == normal


def test_multipliers_and_ranges_of_money_and_ratios_with_a_qualifier():
    # GUIDELINES.md: multipliers are quantities; "between X and Y" is at_least X and at_most Y.
    got = [(q.value, q.qualifier, q.unit) for q in find_quantities("sales nearly doubled and costs more than tripled")]
    assert got == [(2, "nearly", "times"), (3, "more_than", "times")]
    assert [(q.value, q.qualifier) for q in find_quantities("between £18 million and £25 million")] == [
        (18000000, "at_least"), (25000000, "at_most")]
    q = one("about one in 12 adults")
    assert (round(q.value, 4), q.qualifier, q.unit) == (0.0833, "approx", "fraction")
    assert find_quantities("a double shift at the hospital") == []
    # The bare verb after a negation or "to" is a multiplier too; the idioms are not.
    assert [(q.value, q.unit) for q in find_quantities("Ridership did not double last year")] == [(2, "times")]
    assert [(q.value, q.unit) for q in find_quantities("Rents are expected to triple")] == [(3, "times")]
    assert find_quantities("The minister chose to double down") == find_quantities("it will double as a shelter") == []
    # A score out of a hundred is no share ("91.2 out of 100" keeps its 91.2).
    assert [q.value for q in find_quantities("the school scored 73.5 out of 100")] == [73.5, 100]


def test_a_bare_span_of_time_before_later_or_ago_is_a_duration():
    q = one("she resigned a month later")  # "a year earlier" only dates a comparison
    assert (q.value, q.unit, q.kind) == (1, "months", "duration")
    assert find_quantities("once a week") == []
