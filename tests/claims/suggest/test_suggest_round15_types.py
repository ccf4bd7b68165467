"""Round 15, types and quantities: thresholds crossed and comparative bounds as qualifiers, the
counted noun behind a participle, a hyphenated modifier or a group ("a crew of 12"), nouns whose
plural is the singular, and the count a sentence's subject names. Every sentence here is invented
for the test (GUIDELINES.md: a count's unit is "a short lower-case noun" for what is counted;
"more than", "over", "upwards of" are more_than; attribution is added when the claim is reported
from a named or described source, a document or data set included)."""

from __future__ import annotations

from factcheck.claims.suggest import suggest
from factcheck.claims.suggest.numbers import find_quantities


def _figures(text: str) -> list[tuple[float, str, str | None]]:
    return [(float(q.value), q.qualifier, q.unit) for q in find_quantities(text)]


# --- qualifiers ----------------------------------------------------------------------------------


def test_a_threshold_crossed_is_more_than_the_figure():
    assert _figures("Sales of the album have now passed 2.5 million.") == [(2_500_000, "more_than", None)]
    assert _figures("Wind speeds exceeded 90 km/h on the ridge.") == [(90, "more_than", "km/h")]
    assert _figures("Afternoon temperatures topped 38C in the valley.") == [(38, "more_than", "celsius")]
    assert _figures("Its debt surpassed $4 billion in June.") == [(4_000_000_000, "more_than", "USD")]


def test_passed_before_a_vote_or_a_counted_noun_is_no_threshold():
    assert [q[1] for q in _figures("The assembly passed the motion 41 to 12.")] == ["exact", "exact"]
    assert _figures("The senate passed 14 amendments on Friday.") == [(14, "exact", "amendments")]


def test_several_before_a_scale_word_is_more_than_it():
    assert _figures("The garrison holds several thousand troops.") == [(1000, "more_than", "troops")]


def test_a_comparative_before_a_figure_bounds_it():
    assert _figures("Wells deeper than 40 metres were sealed.") == [(40, "more_than", "m")]
    assert _figures("Stays longer than 90 days need a visa.") == [(90, "more_than", "days")]
    assert _figures("Children younger than 12 travel free.")[0][:2] == (12, "less_than")


# --- the counted noun ---------------------------------------------------------------------------


def test_a_noun_whose_plural_is_the_singular_is_the_unit():
    assert _figures("The carrier flies 61 aircraft.") == [(61, "exact", "aircraft")]
    assert _figures("The base now has about 2,400 personnel.") == [(2400, "approx", "personnel")]
    assert _figures("Floods drowned 3,000 cattle.") == [(3000, "exact", "cattle")]


def test_a_share_of_a_fleet_takes_the_fleet_noun():
    assert _figures("Up to 9 of its 40 aircraft stood idle.") == [(9, "at_most", "aircraft"), (40, "exact", "aircraft")]


def test_a_participle_or_a_hyphenated_modifier_before_the_noun_does_not_hide_it():
    assert _figures("Officers made 85 alcohol-related arrests.") == [(85, "exact", "arrests")]
    assert _figures("Guards held four suspected smugglers.") == [(4, "exact", "smugglers")]
    assert _figures("The region sent six fire-fighting aircraft.") == [(6, "exact", "aircraft")]
    assert _figures("It deployed five flood-defences crews and more.")[0] == (5, "exact", "crews")


def test_a_plural_looking_modifier_or_a_name_before_the_noun_does_not_hide_it():
    assert _figures("The school admitted 620 new overseas pupils.") == [(620, "exact", "pupils")]
    assert _figures("Thieves took five sports cars.") == [(5, "exact", "cars")]
    assert _figures("About 8,000 United fans travelled.") == [(8000, "approx", "fans")]
    assert _figures("The chain shut 40 Tesco-branded stores.")[0] == (40, "exact", "stores")


def test_a_year_before_a_name_is_no_count_of_what_follows():
    assert _figures("In 2018 Labour councils raised taxes.") == []


def test_people_in_hospital_or_treated_are_counted_as_people():
    assert _figures("Nine remain in serious condition.") == [(9, "exact", "people")]
    assert _figures("Of the passengers, 33 have needed hospital treatment.") == [(33, "exact", "people")]


def test_a_group_of_people_counts_its_members():
    assert _figures("The charity opened with a staff of 14.") == [(14, "exact", "staff")]
    assert _figures("A team of six reached the summit.") == [(6, "exact", "people")]


def test_a_share_of_the_displaced_or_missing_counts_people():
    assert _figures("About 40,000 of the displaced have returned.") == [(40_000, "approx", "people")]
    assert _figures("Nine of the missing were found alive.") == [(9, "exact", "people")]


def test_a_figure_compared_with_a_count_takes_its_noun():
    got = _figures("The clinic treated 418 patients in May, compared with 352 a year earlier.")
    assert got[:2] == [(418, "exact", "patients"), (352, "exact", "patients")]


def test_a_count_that_moved_to_the_figure_takes_the_subject_noun():
    assert _figures("Burglaries in the district fell by 12 percent to 730 last year.") == [
        (12, "exact", "percent"),
        (730, "exact", "burglaries"),
    ]
    assert _figures("Road deaths across the county rose to 41.") == [(41, "exact", "deaths")]


def test_a_price_that_moved_to_the_figure_keeps_no_noun():
    # Only counts of events or people take the subject: "prices" is not what the 140 counts.
    assert _figures("Prices in the index rose by 3 percent to 140.")[1] == (140, "exact", None)


# --- attribution ---------------------------------------------------------------------------------


def _sources(text: str) -> list[tuple[str, str | None, bool]]:
    return [(s.text, s.attributed_to, "attribution" in s.types) for s in suggest(text)]


def test_papers_and_invoices_that_show_something_are_the_source():
    got = suggest("The trust's own board papers show it spent £2.4 million on agency nurses last year.")
    assert got[0].attributed_to == "The trust's own board papers" and "attribution" in got[0].types
    got = suggest("The new wing cost £9 million and opened a year late, the contracts reveal.")
    assert got and all(s.attributed_to == "the contracts" for s in got)
    got = suggest("The alarm sounded at 2.14am, hospital logs seen by the inquiry confirm.")
    assert got[0].attributed_to and "logs" in got[0].attributed_to


def test_a_finding_dated_before_its_that_clause_is_attributed():
    got = suggest("An independent audit panel found last year that 31 contracts had been signed without a tender.")
    assert got[0].attributed_to == "An independent audit panel"


def test_a_plural_subject_that_argues_is_the_source():
    got = suggest("The operators argue that fares have fallen by 4 percent since 2015.")
    assert got[0].attributed_to == "The operators" and "attribution" in got[0].types


def test_a_witness_heard_in_court_is_the_source_of_the_whole_sentence():
    got = suggest(
        "The jury heard from forensic accountant Lena Park that £1.3 million had left the account "
        "and that the transfers took eleven days."
    )
    assert got and all(s.attributed_to == "forensic accountant Lena Park" for s in got)


def test_what_a_defendant_accepts_or_agrees_is_attributed_to_them():
    assert suggest("Holt accepts he had taken £48,000 from the charity.")[0].attributed_to == "Holt"
    assert suggest("Marren agrees the firm owed its suppliers £95,000 in 2022.")[0].attributed_to == "Marren"


def test_agreeing_a_deal_or_conceding_defeat_is_no_attribution():
    assert not suggest("The council agreed a £3 million budget on Monday.")[0].attributed_to
    assert not suggest("Pryce conceded defeat shortly after 2am.")[0].attributed_to


def test_a_plea_to_the_charges_is_an_act_not_a_statement():
    for sentence in (
        "Corran denies murder.",
        "Bell denies all nine counts of fraud.",
        "Both deny causing death by dangerous driving.",
    ):
        got = suggest(sentence)
        assert got and got[0].attributed_to is None and "attribution" not in got[0].types, sentence
    assert suggest("Corran denied that he had met the buyer on 4 May.")[0].attributed_to == "Corran"


def test_a_cause_given_in_a_relative_clause_is_its_subjects():
    got = {s.text: s for s in suggest("Exports rose 9 percent, which the ministry attributed mainly to a weaker currency.")}
    part = next(s for t, s in got.items() if "attributed" in t)
    assert part.attributed_to == "the ministry" and {"attribution", "causal"} <= set(part.types)


def test_a_participle_attributed_to_a_cause_names_nobody():
    got = suggest("Deaths attributed to the cold rose to 57.")
    assert got[0].attributed_to is None


def test_a_rating_is_the_raters():
    got = suggest("The dam was rated unsafe by the Regional Water Authority in March.")
    assert got[0].attributed_to == "the Regional Water Authority"
    got = suggest("The hospital was ranked the worst in the country in a patient survey last year.")
    assert got[0].attributed_to == "a patient survey"


# --- comparison -----------------------------------------------------------------------------------


def test_more_than_an_hour_or_a_tenth_bounds_a_figure_and_compares_nothing():
    got = suggest("Crews arrived more than an hour after the alarm.")
    assert "comparison" not in got[0].types and got[0].quantities[0]["qualifier"] == "more_than"
    got = suggest("Catches fell by more than a tenth in 2023.")
    assert "comparison" not in got[0].types


def test_a_comparative_with_still_compares_with_the_figure_before():
    got = suggest("In the north the rate is higher still, at 18 percent.")
    assert "comparison" in got[0].types and "quantity" in got[0].types


def test_a_change_by_an_amount_with_a_scale_word_to_a_level_is_no_range():
    assert _figures("Its debt rose by $2.1 billion to $9.4 billion.") == [
        (2_100_000_000, "exact", "USD"),
        (9_400_000_000, "exact", "USD"),
    ]
    # A range with scale words stays one.
    assert [q[1] for q in _figures("The repairs will cost between £3 million and £4 million.")] == ["at_least", "at_most"]


def test_a_paper_that_can_reveal_is_its_own_source():
    got = suggest("Town hall chiefs spent £41,000 on a sculpture, the Weekly Herald can reveal.")
    assert got[0].attributed_to is None and "attribution" not in got[0].types


def test_a_rating_in_an_aside_on_the_subject_does_not_source_the_clause():
    got = suggest("The largest storm, rated category 4 by the Met Bureau, flattened 300 homes.")
    assert got[0].attributed_to is None


def test_a_weekday_in_a_papers_name_dates_nothing():
    got = suggest("Ministers spent £90,000 on flights, the Sunday Courier has found.")
    assert "temporal" not in got[0].types
    assert "temporal" in suggest("Ministers spent £90,000 on flights on Sunday.")[0].types


def test_more_than_any_other_ranks_first_and_compares_with_no_one_thing():
    got = suggest("The club has won 31 titles, more than any other side in the league.")
    types = {t for s in got for t in s.types}
    assert "superlative" in types and "comparison" not in types
    assert "comparison" in suggest("The club has won more titles than its rivals.")[0].types


# --- superlative ----------------------------------------------------------------------------------


def test_a_top_scorer_is_ranked_first():
    got = suggest("Okafor was the tournament's top scorer with seven goals.")
    assert "superlative" in got[0].types and "quantity" in got[0].types


def test_the_only_crossing_within_a_distance_is_a_ranking():
    got = suggest("The ferry is the only passenger service across the estuary within 40 km of the port.")
    assert "superlative" in got[0].types


def test_its_two_other_sites_is_a_count_but_the_two_sides_a_reference():
    assert [q[:2] for q in _figures("The firm closed its three other depots.")] == [(3, "exact")]
    assert _figures("The two sides met in Geneva.") == []


# --- causal ---------------------------------------------------------------------------------------


def test_an_event_after_which_something_happened_is_its_cause():
    got = suggest("The line was closed for six weeks after a freight derailment near Arnley.")
    assert "causal" in got[0].types and "temporal" in got[0].types
    got = suggest("The inquiry opened in 2023 after an anonymous tip-off to the regulator.")
    assert "causal" in got[0].types


def test_a_goal_after_a_strike_from_a_player_names_no_cause():
    got = suggest("Ravel levelled in the 71st minute after a 20-yard strike from Doku.")
    assert all("causal" not in s.types for s in got)
