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
    result = check(
        "The council paid 4.2 million shekels for the lease",
        "The council's lease was worth ₪4.2m, the tender documents show.",
        4.2e6,
        "ILS",
    )
    assert result.label == "states" and result.summary == "The source states 4.2 million shekels (as “₪4.2m”)."


def test_a_glued_m_before_a_noun_never_measured_in_metres_is_millions():
    assert read("Campaigners said 2m signatures had been collected.")[0] == ("2m signatures", 2_000_000, "signatures")
    assert read("Officials counted 1.4m valid votes.")[0] == ("1.4m valid votes", 1_400_000, "votes")
    assert read("The harbour has a 12m wall.")[0] == ("12m", 12, "m")


def test_a_dose_in_milligrams_is_no_count_of_the_patients_given_it():
    assert read("Each volunteer took 400 mg a day.")[0] == ("400 mg", 400, "mg")
    claim = "The study followed 400 patients"
    source = "The study of Tavrin followed 612 patients for a year. Each took 400 mg of the drug daily."
    result = check(claim, source, 400, "patients")
    assert result.label == "different"
    assert result.summary == "The claim says 400 patients; the source says 612 patients."


def test_a_time_in_two_parts_reads_as_one_duration():
    assert read("Mean response: 11 min 40 s.") == [("11 min 40 s", 11 + 40 / 60, "minutes")]
    assert read("The climb took 3 h 15 min.")[0][1:] == (3.25, "hours")
    assert read("It took 2 hours and 30 minutes.")[0][1:] == (2.5, "hours")
    claim = "Fire crews took an average of 11 minutes to reach rural callers"
    table = "Fire response, rural callers: mean 11 min 8 s, target 10 min. Urban callers: mean 7 min 2 s."
    result = check(claim, table, 11, "minutes")
    assert result.label == "states" and result.summary == "The source states 11 minutes (as “11 min 8 s”)."
    far = "Fire response, rural callers: mean 11 min 50 s, target 10 min."
    assert check(claim, far, 11, "minutes").label == "different"


# --- who gives a count ------------------------------------------------------------------------------


def test_a_numbered_charge_of_an_indictment_gives_no_competing_count():
    claim = "Maren Oste was sentenced to nine years in prison"
    source = (
        "On count 1, fraud, Maren Oste is sentenced to 9 years' imprisonment. On count 2, forgery, 4 years, to run concurrently."
    )
    result = check(claim, source, 9, "years")
    assert result.label == "states" and result.summary == "The source states nine years (as “9 years”)."
    rival = "Prosecutors said Maren Oste would serve 9 years; her lawyers said 4 years."
    assert check(claim, rival, 9, "years").label == "different"


# --- what is counted -------------------------------------------------------------------------------


def test_people_put_up_in_shelters_are_the_evacuated():
    claim = "About 1,500 people were evacuated from Tresk"
    source = "Some 1,500 residents of Tresk spent the night in two shelters after the dam gave way, officials said."
    assert check(claim, source, 1500, "people", "approx").label == "states"


def test_the_unaccounted_for_are_the_missing():
    claim = "Twelve people are missing after the Orlan mudslide"
    source = "Rescuers in Orlan said 30 people were still unaccounted for on Friday, two days after the slope gave way."
    result = check(claim, source, 12, "people")
    assert result.label == "different"
    assert result.summary == "The claim says twelve people; the source says 30 people."


def test_a_count_of_releases_or_arrivals_counts_the_people_released_or_arrived():
    released = check(
        "The junta says 900 detainees were released",
        "A monitoring group counted 640 releases in the first week of the pardon.",
        900,
        "detainees",
    )
    assert released.label == "different"
    assert released.summary == "The claim says 900 detainees; the source says 640 releases."
    freed = check(
        "The junta says 900 detainees were freed",
        "A monitoring group counted 640 releases in the first week of the pardon.",
        900,
        "detainees",
    )
    assert freed.label == "different"
    arrived = check(
        "About 300 migrants reached Pelos this week",
        "Port officials registered 470 arrivals on Pelos since Monday.",
        300,
        "migrants",
        "approx",
    )
    assert arrived.label == "different"
    other = check(
        "About 300 migrants reached Pelos this week",
        "The Pelos museum logged 470 visits since Monday.",
        300,
        "migrants",
        "approx",
    )
    assert other.label == "absent"


def test_a_range_of_the_claims_thing_is_named_as_the_source_writes_it():
    result = check(
        "Eight people are missing after the Dovra flood",
        "Police in Dovra said between 15 and 20 people were still unaccounted for.",
        8,
        "people",
    )
    assert result.label == "different"
    assert result.summary == "The claim says eight people; the source says between 15 and 20 people."


def test_a_source_figure_starting_its_sentence_is_written_lower_case_in_the_summary():
    result = check("Police said 57 people were hurt", "Sixty-three people were hurt in the crush, police said.", 57, "people")
    assert result.summary == "The claim says 57 people; the source says sixty-three people."


def test_a_bare_number_counts_what_the_reader_carried_to_it():
    claim = "About 57 soldiers were sent to the island"
    source = "The assembly approved sending soldiers to the island by 212 votes to 57 on Monday."
    assert check(claim, source, 57, "soldiers", "approx").label == "absent"


def test_durations_far_apart_time_different_things():
    claim = "Oren Vale was sentenced to six years in prison"
    jury = "The jury deliberated for six hours before finding Oren Vale guilty of arson."
    result = check(claim, jury, 6, "years")
    assert result.label == "absent"
    assert result.summary == "The source does not state six years (or any close figure)."
    shorter = "Oren Vale was sentenced to six months in prison for arson."
    assert check(claim, shorter, 6, "years").label == "different"


# --- what a figure measures ---------------------------------------------------------------------------


def test_attendance_is_no_ticket_price():
    claim = "Ticket prices at the Harrow fair rose 15 percent"
    source = "Attendance at the Harrow fair rose 15 percent to 40,000, organisers said."
    assert check(claim, source, 15, "percent").label == "absent"
    visitors = check("Attendance at the Harrow fair rose 15 percent", source, 15, "percent")
    assert visitors.label == "states"


def test_the_figures_own_phrase_says_what_it_measures():
    claim = "Orlow Bank paid a $3bn fine to regulators"
    profit = check(
        claim, "Orlow Bank said legal costs would be met from its reserves, cutting quarterly profit to $420m.", 3e9, "USD"
    )
    assert profit.label == "absent" and profit.summary == "The source does not state $3bn (or any close figure)."
    fine = check(claim, "Orlow Bank paid a $1.2bn fine to regulators in March.", 3e9, "USD")
    assert fine.label == "different"
    costs = check(
        "Bread prices in Valt have risen 30 percent",
        "Bakers in Valt said on Monday that flour costs had risen 30 percent and that they expected bread prices to follow.",
        30,
        "percent",
    )
    assert costs.label == "absent"
    prices = check(
        "Bread prices in Valt have risen 30 percent",
        "Bakers in Valt said on Monday that bread prices had risen 30 percent since spring.",
        30,
        "percent",
    )
    assert prices.label == "states"


# --- what disputes a figure ----------------------------------------------------------------------------


def test_a_fact_check_opening_on_its_rating_in_capitals_disputes_the_figure():
    claim = "School spending rose by 40 percent"
    result = check(
        claim,
        "FALSE. The mayor's claim that school spending rose by 40 percent counts a one-off grant; the budget rose 6 percent.",
        40,
        "percent",
    )
    assert disputed(result, "40 percent")
    true = check(claim, "TRUE. Accounts show school spending rose by 40 percent between 2020 and 2024.", 40, "percent")
    assert true.label == "states"
    mostly = check(claim, "Mostly false: school spending rose by 40 percent only in the mayor's own district.", 40, "percent")
    assert disputed(mostly, "40 percent")
    seized = check(
        "Seizures at the port rose 40 percent",
        "Fake goods made up most of the haul. Seizures at the port rose 40 percent last year, customs said.",
        40,
        "percent",
    )
    assert seized.label == "states"  # a rating word opening a sentence, not a verdict


def test_not_what_the_figures_show_disputes_the_figure_said_before():
    claim = "A third of trains run late"
    source = (
        "The transport minister said on Monday that a third of trains ran late. That is not what the "
        "operator's figures show: 12% of trains arrived more than five minutes late."
    )
    result = check(claim, source, 1 / 3, "fraction")
    assert result.label == "contradicts"
    assert result.summary.startswith("The source gives a third (“a third”), then a later sentence disputes")


def test_a_reading_to_be_disregarded_is_disputed():
    claim = "Temperatures reached 47 degrees Celsius in Sarn"
    source = (
        "The weather service said the 47C reading shared online came from a faulty gauge and should be "
        "disregarded. The highest official reading in Sarn was 43.1C."
    )
    assert disputed(check(claim, source, 47, "celsius"), "47 degrees Celsius")
    kept = "The weather service said the 47C reading in Sarn should not be ignored."
    assert check(claim, kept, 47, "celsius").label == "states"


# --- across languages -----------------------------------------------------------------------------------


def test_housing_units_are_the_apartments_of_a_plan():
    claim = "The Har Tavor plan includes 600 apartments"
    source = "הוועדה אישרה את תוכנית הר תבור, הכוללת 840 יחידות דיור ושני גנים ציבוריים."
    result = check(claim, source, 600, "apartments")
    assert result.label == "different"
    assert result.summary == "The claim says 600 apartments; the source says 840 יחידות דיור."


def test_a_crowd_dispersed_is_no_count_of_arrests():
    claim = "اعتقلت الشرطة 30 متظاهراً"
    source = (
        "Police dispersed about 200 protesters outside the ministry on Monday. Officials said 30 officers "
        "were hurt but gave no figure for arrests."
    )
    assert check(claim, source, 30, "protesters").label == "absent"
    arrests = "Police arrested 30 protesters outside the ministry on Monday."
    assert check(claim, arrests, 30, "protesters").label == "states"


def test_a_clinics_visitors_are_no_budget():
    claim = "התקציב לבריאות הנפש גדל ב-15%"
    source = "قالت وزارة الصحة إن عدد المراجعين لعيادات الصحة النفسية ارتفع بنسبة 15% خلال العام الماضي."
    assert check(claim, source, 15, "percent").label == "absent"
