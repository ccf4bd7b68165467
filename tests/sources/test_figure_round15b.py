"""The figure check's readings of round 15b, as a reviewer meets them: a source that quotes the claim's figure and
rejects it nearby is "disputed", never "Figure matches". Passages are written for this test (not taken from any pair
set); each rule has a twin that keeps the other reading, so a rule that fires on any sentence fails here."""

from __future__ import annotations

from factcheck.sources.figures import figure_check


def check(claim: str, source: str, value: float, unit: str | None, qualifier: str = "exact"):
    return figure_check(claim, source, [{"value": value, "qualifier": qualifier, "unit": unit}])


# --- the figure as what its sentence is about ----------------------------------------------------------------


def test_a_figure_whose_sentence_goes_on_to_say_it_has_no_basis_is_disputed():
    result = check(
        "Four hundred sheep drowned in the Aldmoor flood",
        "The figure of 400 drowned sheep, shared widely by a farming forum over the weekend, has no basis in the "
        "council's carcass collection records, officials said. They have so far collected 37.",
        400,
        "sheep",
    )
    assert result.label == "contradicts"


def test_a_figure_whose_sentence_says_it_cannot_be_right_after_an_aside_is_disputed():
    result = check(
        "The Quillan ferry carries 9,000 passengers a day",
        "Port staff say the figure of 9,000 passengers a day printed in the ferry company's brochure cannot be right, "
        "since each boat seats 120.",
        9000,
        "passengers",
    )
    assert result.label == "contradicts"


def test_an_estimate_said_never_to_have_been_accurate_is_disputed_even_behind_did_not_deny():
    result = check(
        "The reservoir displaced 12,000 farmers",
        "The water board did not deny on Monday that its old estimate of twelve thousand farmers displaced by the "
        "reservoir, quoted in its leaflets for years, had never been accurate.",
        12000,
        "farmers",
    )
    assert result.label == "contradicts"


def test_a_figure_the_subject_of_a_sentence_that_confirms_it_is_stated():
    result = check(
        "Four hundred sheep drowned in the Aldmoor flood",
        "The figure of 400 drowned sheep, first given by a farming forum, was confirmed by the council on Monday.",
        400,
        "sheep",
    )
    assert result.label == "states"


# --- a figure asked back as a question -------------------------------------------------------------------------


def test_a_figure_asked_back_as_a_bare_question_is_disputed():
    result = check(
        "Twelve thousand runners took part in the Brenn marathon",
        "Twelve thousand runners? The organisers' own timing chips recorded 3,240 finishers and about 400 who dropped out.",
        12000,
        "runners",
    )
    assert result.label == "contradicts"


def test_a_figure_asked_back_and_then_confirmed_is_stated():
    result = check(
        "Twelve thousand runners took part in the Brenn marathon",
        "Twelve thousand runners? Yes: the timing chips recorded 12,000 starters, a record for the town.",
        12000,
        "runners",
    )
    assert result.label == "states"


# --- withheld support, the fact-checker's own rating ------------------------------------------------------------


def test_an_allegation_a_court_found_not_proven_is_disputed():
    result = check(
        "The treasurer took £40,000 from the choir's funds",
        "A jury cleared the former treasurer on Friday after the prosecution failed to establish its claim that she took "
        "£40,000 from the choir's funds.",
        40000,
        "GBP",
    )
    assert result.label == "contradicts"


def test_a_rating_without_a_colon_in_we_rate_the_claim_is_a_verdict():
    source = (
        "A candidate told voters the Pellow tram line had been suspended for 90 days this year. Operator logs show 6 days "
        "of suspension. We rate the claim Pants on Fire."
    )
    assert check("The Pellow tram line has been suspended for 90 days this year", source, 90, "days").label == "contradicts"


def test_a_verdict_of_true_outweighs_a_later_doubt_about_another_estimate():
    source = (
        "CLAIM: 'Bus ridership rose 7 per cent last year.' VERDICT: TRUE. The transport authority counted 51.2 million "
        "journeys last year, up 7 per cent. Some campaigners have questioned the earlier estimate, which was made during "
        "roadworks."
    )
    assert check("Bus ridership rose 7 percent last year", source, 7, "percent").label == "states"


# --- counts answered as too high; confirmed again; a near miss of a limit ---------------------------------------


def test_a_lower_count_set_against_the_claimed_one_as_far_fewer_than_claimed_is_disputed():
    result = check(
        "Some 60,000 people attended the Dunmere rally",
        "Organisers said some 60,000 people attended the Dunmere rally, but drone footage reviewed by the council "
        "suggests the crowd was far fewer than the organisers said, peaking at around 15,000.",
        60000,
        "people",
        "approx",
    )
    assert result.label == "contradicts"


def test_a_first_count_doubted_and_later_confirmed_is_stated():
    result = check(
        "The hailstorm damaged 520 cars",
        "When the insurer first said the hailstorm had damaged 520 cars, dealers called the number far too high. On "
        "Thursday, assessors who inspected every claim confirmed the figure: 520 cars damaged and another 61 written off.",
        520,
        "cars",
    )
    assert result.label == "states"


def test_a_figure_just_short_of_a_limit_is_a_yardstick_and_the_attendance_is_stated():
    result = check(
        "Some 18,000 fans watched the derby",
        "The idea that the derby was played to empty stands is a myth. Gate records show 18,140 spectators, just short "
        "of the 18,500 capacity.",
        18000,
        "fans",
        "approx",
    )
    assert result.label == "states"


# --- a quoted figure answered with a far smaller count; a noun made from the claim's verb -------------------


def test_a_figure_in_scare_quotes_answered_by_only_a_fraction_is_disputed():
    result = check(
        "The Green Roofs programme has planted 8,000 trees",
        "The council keeps advertising the '8,000 trees planted' by its Green Roofs programme. A survey by the parks "
        "trust, published on Monday, counted stumps and saplings on every site and found only about 1,900 living trees.",
        8000,
        "trees",
    )
    assert result.label == "contradicts"


def test_a_figure_in_quotes_followed_by_a_small_count_of_something_within_it_is_not_disputed_by_it():
    # 12 of 8,000 is no answer to the figure: a detail of it.
    result = check(
        "The Green Roofs programme has planted 8,000 trees",
        "The council's '8,000 trees planted' have all survived the summer, the parks trust confirmed; only 12 needed replacing.",
        8000,
        "trees",
    )
    assert result.label == "states"


def test_a_noun_made_from_the_claims_verb_counts_the_same_event_and_its_refutation_disputes_the_figure():
    result = check(
        "The rail operator cancelled 900 trains during the heatwave",
        "Contrary to claims of 900 cancellations made by the drivers' union, the operator said it cancelled 214 trains "
        "over the five days of the heatwave.",
        900,
        "trains",
    )
    assert result.label == "contradicts"


def test_a_noun_made_from_another_verb_is_another_thing():
    result = check(
        "The rail operator cancelled 900 trains during the heatwave",
        "The operator made 900 announcements about delays during the heatwave.",
        900,
        "trains",
    )
    assert result.label == "absent"


def test_medical_facilities_said_struck_are_the_claims_hospitals():
    result = check(
        "Two hospitals were hit in the night raid on Velmo",
        "Officials said no hospital in Velmo was hit overnight, contradicting claims by the rebel council that two "
        "medical facilities had been struck; the town's 5 hospitals were working normally.",
        2,
        "hospitals",
    )
    assert result.label == "contradicts"


# --- a figure someone gave, answered in the next sentences --------------------------------------------------


def test_a_reported_figure_answered_by_a_register_that_tells_a_different_tale_is_disputed():
    result = check(
        "The walkout closed 260 libraries",
        "Union officials said 260 libraries had closed. The culture ministry's own log tells a different tale: 31 "
        "libraries shut, most for a morning.",
        260,
        "libraries",
    )
    assert result.label == "contradicts"


def test_a_reported_figure_answered_that_is_simply_not_so_is_disputed():
    result = check(
        "The walkout closed 260 libraries",
        "Union officials said the walkout closed 260 libraries. That is simply not so, the ministry said on Tuesday.",
        260,
        "libraries",
    )
    assert result.label == "contradicts"


def test_a_boast_answered_by_data_that_suggest_nothing_of_the_kind_is_disputed():
    result = check(
        "The book fair drew 55,000 visitors",
        "The organisers boasted that 55,000 visitors came. Ticket scans suggest nothing of the kind: 13,870 badges were printed.",
        55000,
        "visitors",
    )
    assert result.label == "contradicts"


def test_a_figure_asked_about_and_answered_no_is_disputed():
    result = check(
        "The agency spent €600 million on advertising",
        "Did the agency really spend €600 million on advertising? No. Its accounts show €95 million over four years.",
        600e6,
        "EUR",
    )
    assert result.label == "contradicts"


def test_a_reported_figure_followed_by_a_dispute_about_something_else_is_stated():
    for source in (
        "The firm said it would cut 2,000 jobs. Unions dismissed its promise of retraining as a public relations exercise.",
        "The firm said it would cut 2,000 jobs. Claims that the plant would close altogether were false, it added.",
        "The firm said it would cut 2,000 jobs. The minister rejected criticism of the sale, saying the number was "
        "smaller than feared.",
    ):
        assert check("The firm will cut 2,000 jobs", source, 2000, "jobs").label == "states", source


def test_a_reported_figure_that_others_agree_with_is_stated_though_rumours_are_called_false():
    result = check(
        "The marathon drew 30,000 runners",
        "Organisers said 30,000 runners took part. Police agreed, and described rumours of a poor turnout as false.",
        30000,
        "runners",
    )
    assert result.label == "states"


# --- a saying judged, a figure named by its noun, things that never came to be, a conceded figure ------------


def test_a_figure_it_is_a_stretch_or_wrong_to_say_is_disputed():
    for source in (
        "It is a stretch to say 450 shops closed: the chamber of commerce counted 70.",
        "It would be wrong to suggest that 450 shops closed, the chamber of commerce said.",
    ):
        assert check("The recession closed 450 shops", source, 450, "shops").label == "contradicts", source


def test_a_figure_in_apposition_to_a_statement_found_to_be_false_is_disputed():
    result = check(
        "The programme trained 7,000 nurses",
        "The minister told the conference that 7,000 nurses had been trained, a statement the audit office found to be false.",
        7000,
        "nurses",
    )
    assert result.label == "contradicts"


def test_a_figure_named_by_the_noun_after_it_and_contradicted_is_disputed():
    result = check(
        "Recycling rates reached 65 percent",
        "The council's 65 per cent figure was contradicted on Monday by the waste agency, which measured 38 per cent.",
        65,
        "percent",
    )
    assert result.label == "contradicts"


def test_none_of_the_things_promised_having_come_to_be_disputes_the_count():
    result = check(
        "The port expansion created 250 jobs",
        "None of the 250 jobs promised for the port expansion has materialised, the union said.",
        250,
        "jobs",
    )
    assert result.label == "contradicts"


def test_none_of_the_things_counted_coming_to_harm_states_the_count():
    result = check(
        "The ferry carried 250 passengers",
        "None of the 250 passengers aboard the ferry was hurt, the coastguard said.",
        250,
        "passengers",
    )
    assert result.label == "states"


def test_a_conceded_figure_answered_by_the_main_clause_is_disputed():
    result = check(
        "The stadium will cost £700 million",
        "Although the club put the stadium's cost at £700 million, the true bill is closer to £1.1 billion, auditors said.",
        700e6,
        "GBP",
    )
    assert result.label == "contradicts"


def test_a_conceded_figure_the_main_clause_agrees_with_is_stated():
    result = check(
        "The stadium will cost £700 million",
        "Although the club put the stadium's cost at £700 million, auditors said the estimate was sound.",
        700e6,
        "GBP",
    )
    assert result.label == "states"


def test_a_verbless_question_of_the_figure_answered_by_another_count_is_disputed():
    result = check(
        "The diet cut weight by 20 percent",
        "A 20 per cent drop in weight? The trial's own tables show 4 per cent.",
        20,
        "percent",
    )
    assert result.label == "contradicts"


# --- words that reject what was just said by themselves -----------------------------------------------------


def test_a_reported_figure_whose_total_is_said_to_include_other_things_is_disputed():
    result = check(
        "The chain opened 300 stores",
        "The chain opened 300 stores last year, its founder told shareholders. Trade registers list 120 new outlets, and "
        "analysts said the founder's total included kiosks inside petrol stations.",
        300,
        "stores",
    )
    assert result.label == "contradicts"


def test_an_alleged_figure_the_jury_was_not_persuaded_of_is_disputed():
    result = check(
        "The scheme defrauded pensioners of £9 million",
        "Prosecutors alleged the scheme defrauded pensioners of £9 million. The jury, which deliberated for two days, "
        "was not persuaded.",
        9e6,
        "GBP",
    )
    assert result.label == "contradicts"


def test_a_reported_figure_that_no_record_supports_is_disputed():
    result = check(
        "Half a million tourists visited the island",
        "The tourism office says 500,000 tourists visited the island. No arrivals record supports that, and the ferry "
        "company carried 81,000 passengers.",
        500000,
        "tourists",
    )
    assert result.label == "contradicts"


def test_a_reported_figure_sceptics_now_say_they_are_convinced_of_is_stated():
    # No "not persuaded" here: the sceptics say they are convinced.
    result = check(
        "The chain opened 300 stores",
        "The chain opened 300 stores last year, its founder told shareholders. Analysts who had doubted the expansion "
        "said they were now convinced.",
        300,
        "stores",
    )
    assert result.label == "states"


# --- a record's far smaller count; "the true headcount" -------------------------------------------------------


def test_a_given_figure_answered_by_the_sources_own_records_far_smaller_count_is_disputed():
    result = check(
        "The food bank supported 60,000 households",
        "The food bank says it supported 60,000 households this year. Its own distribution logs record about 9,500 "
        "boxes handed out.",
        60000,
        "households",
    )
    assert result.label == "contradicts"


def test_a_given_figure_answered_by_imagery_consistent_with_no_more_than_a_fraction_is_disputed():
    result = check(
        "The rebels have 20,000 fighters near the city",
        "Government officials say 20,000 rebel fighters are near the city. Drone footage reviewed by independent analysts "
        "is consistent with no more than 3,000.",
        20000,
        "fighters",
    )
    assert result.label == "contradicts"


def test_a_smaller_count_of_a_detail_after_a_given_figure_does_not_dispute_it():
    # 45 charged is a detail of the 500 arrests; nothing sets it against them.
    result = check(
        "Police arrested 500 protesters",
        "Police said 500 protesters were arrested. Court records show 45 have been charged.",
        500,
        "protesters",
    )
    assert result.label != "contradicts"


def test_a_given_figure_answered_by_the_true_headcount_is_disputed():
    result = check(
        "The factory employs 4,000 people",
        "The factory employs 4,000 people, the owners' prospectus says. Payroll filings suggest the true headcount is "
        "little more than 1,300.",
        4000,
        "people",
    )
    assert result.label == "contradicts"


def test_a_given_figure_followed_by_the_true_cost_of_something_else_is_stated():
    for source in (
        "The company said the depot employs 900 drivers. The true cost of the tax break, critics say, has never been published.",
        "The company said the depot employs 900 drivers. The real test, it added, will come at Christmas.",
    ):
        assert check("The depot employs 900 drivers", source, 900, "drivers").label == "states", source


def test_a_given_figure_followed_by_a_few_things_of_another_kind_is_stated():
    result = check(
        "The surgery treated 1,500 patients",
        "The surgery said it treated 1,500 patients in the winter. Health board records list only 4 complaints.",
        1500,
        "patients",
    )
    assert result.label == "states"


def test_a_given_figure_called_absurd_two_sentences_on_is_disputed_and_an_absurd_route_is_not_about_it():
    claim = "90,000 people joined the rally"
    disputed = (
        "Organisers said 90,000 people joined the rally. It set off at noon from the old mill. Police called the "
        "organisers' figure absurd."
    )
    other = (
        "Organisers said 90,000 people joined the rally. It set off at noon from the old mill. Police called the route absurd."
    )
    assert check(claim, disputed, 90000, "people").label == "contradicts"
    assert check(claim, other, 90000, "people").label == "states"
