"""The figure check reads what a figure is about and who disputes it (sentences written for these tests)."""

from __future__ import annotations

import pytest

from factcheck.claims.suggest.numbers import find_quantities
from factcheck.sources.figures import figure_check, values_agree


def check(claim: str, source: str, value: float, unit: str | None, qualifier: str = "exact", text: str | None = None):
    figure = {"value": value, "qualifier": qualifier, "unit": unit}
    if text:
        figure["text"] = text
    return figure_check(claim, source, [figure])


@pytest.mark.parametrize(("claim", "source", "value", "unit"), [
    # A negation inside a relative clause about the subject does not deny the figure.
    ("The Marlow Fire has burned 860 homes", "The Marlow Fire, which is still not under control, has burned 860 homes.",
     860, "homes"),
    # A denial of something else, then the speaker's own figure.
    ("The mayor said 2,300 tenants had been rehoused",
     "The mayor denied misleading the council, insisting that 2,300 tenants had been rehoused.", 2300, "people"),
    # "nor" inside a name is no negation.
    ("About 41 per cent of Northfield households rent", "Northfield's housing survey found 41 percent of households rent.",
     41, "percent"),
    # A range that holds the claim's figure states it.
    ("27 people were hurt in the pile-up", "Between 20 and 30 people were hurt in the motorway pile-up.", 27, "people"),
    # One exact figure rounding the other.
    ("The clinic treated 2,240 patients", "The clinic treated 2.2 thousand patients last winter.", 2240, "patients"),
    # A people word in front of the counted noun, and millions written "4.1m" before an adjective.
    ("About 3.6 million people are registered to vote", "The roll lists some 3.6m registered voters.", 3_600_000, "people"),
])
def test_the_figure_is_stated(claim, source, value, unit):
    result = check(claim, source, value, unit)
    assert result.label == "states", result.summary


@pytest.mark.parametrize(("claim", "source", "value", "unit"), [
    ("Officials said 75 percent of voters turned out",
     "The commission rebutted a post claiming that 75 percent of voters had turned out.", 75, "percent"),
    ("The flooding killed 26 people", "The agency played down reports of 26 deaths from the flooding.", 26, "people"),
    ("The ministry announced 310 new teachers", "The ministry walked back its announcement of 310 new teachers.", 310,
     "teachers"),
    ("800 troops were sent to the port", "It is absurd to suggest that 800 troops were sent to the port, the minister said.",
     800, "troops"),
    ("The club paid £60m for the forward", "Reports of a £60m fee for the forward were speculation, the club said.",
     60_000_000, "GBP"),
    ("The station recorded 44C", "The 44C reading at the station was an error, forecasters said.", 44, "celsius"),
    ("Organisers said 50,000 people joined the rally",
     "Police counted 12,000 at the rally, a quarter of the 50,000 claimed by organisers.", 50000, "people"),
])
def test_a_refuting_mention_is_never_a_match(claim, source, value, unit):
    result = check(claim, source, value, unit)
    assert result.label == "contradicts", result.summary
    assert result.outcome == "disputed"


@pytest.mark.parametrize(("claim", "source", "value", "unit"), [
    # The same number about another measure of the economy.
    ("Exports grew 5 percent in June", "Imports shrank 5 percent in June as demand cooled.", 5, "percent"),
    ("Rents rose 6.1 percent over the year", "Wages rose 6.1 percent over the year, the survey found.", 6.1, "percent"),
    # The speaker is not what the figure measures.
    ("The central bank raised its rate to 4.75 percent",
     "The bank's chief economist said unemployment would reach 4.75 percent next year.", 4.75, "percent"),
    # Another kind of people, or vans rather than officers.
    ("Some 1,500 residents left the island", "The island's college, with 1,500 students, reopened on Monday.", 1500,
     "residents"),
    ("Police detained 35 fans after the match", "About 35 police vans waited outside the ground after the match.", 35,
     "fans"),
])
def test_the_same_number_about_something_else_proves_nothing(claim, source, value, unit):
    result = check(claim, source, value, unit)
    assert result.label == "absent", result.summary
    assert result.outcome == "not_found"


@pytest.mark.parametrize(("claim", "source", "value", "unit"), [
    # Passengers on the bus are not its dead; the aircraft a fire service flies are not homes.
    ("Nine people died when the coach overturned", "The coach was carrying 52 passengers when it overturned.", 9, "people"),
    ("The Cedar Fire destroyed 640 homes", "Crews fighting the Cedar Fire are backed by 35 helicopters and 18 aircraft.",
     640, "homes"),
])
def test_a_count_of_other_things_is_no_different_figure(claim, source, value, unit):
    assert check(claim, source, value, unit).label == "absent"


@pytest.mark.parametrize(("claim", "source", "value", "unit", "qualifier"), [
    ("The Green List won 48 seats", "The Green List took 47 seats in the new chamber.", 48, "seats", "exact"),
    ("Repairs will cost up to $300 million", "Engineers put the cost of repairs at about $220 million.", 300_000_000,
     "USD", "at_most"),
])
def test_a_close_but_other_figure_differs(claim, source, value, unit, qualifier):
    result = check(claim, source, value, unit, qualifier)
    assert result.label == "different", result.summary
    assert "the source says" in result.summary


def test_exact_figures_agree_when_equal_or_rounded():
    assert values_agree(2240, "exact", 2200, "exact")
    assert values_agree(1.5, "exact", 1.5, "exact")
    assert not values_agree(64, "exact", 63, "exact")
    assert not values_agree(2240, "exact", 2300, "exact")


@pytest.mark.parametrize(("claim", "source", "value", "unit", "label"), [
    ("Shelling killed 21 people in Beit Lahia", "استبعدت مصادر طبية أن يكون عدد القتلى في بيت لاهيا 21.", 21, "people",
     "contradicts"),
    ("Shelling killed 21 people in Beit Lahia", "قللت السلطات من شأن الأنباء عن مقتل 21 شخصا في بيت لاهيا.", 21, "people",
     "contradicts"),
    ("About 2,000 residents were evacuated from Sderot", "ראש העיר ערער על הנתון של 2,000 מפונים משדרות.", 2000,
     "people", "contradicts"),
    ("About 2,000 residents were evacuated from Sderot", "ראש המועצה חלק על הדיווח כי 2,000 תושבים פונו משדרות.", 2000,
     "people", "contradicts"),
    # "percent" in both languages names no subject: another rate is no match.
    ("Unemployment stood at 6.2 per cent", "שיעור האינפלציה עמד על 6.2 אחוזים בחודש שעבר.", 6.2, "percent", "absent"),
    # A count of jeeps in the raid is not the raid's dead.
    ("The army said 30 gunmen were killed in the Tubas raid", "בפשיטה על טובאס השתתפו 30 ג'יפים של הצבא.", 30, "people",
     "absent"),
])
def test_across_languages(claim, source, value, unit, label):
    assert check(claim, source, value, unit).label == label


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("הבנק העלה את הריבית ברבע נקודת אחוז.", 0.25, "percentage points"),
    ("כשנים-עשר אלף דונם עלו באש.", 12000, "dunams"),
    ("Around 40 police vans were parked nearby.", 40, "vans"),
    ("The register lists 2.5m eligible voters.", 2_500_000, "voters"),
])
def test_the_number_reader_reads(text, value, unit):
    q = find_quantities(text)[0]
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize(("claim", "source", "value", "unit"), [
    # Emphasis and contrast that deny nothing.
    ("Turnout reached 64 percent", "It was not until 2020 that turnout reached 64 percent again.", 64, "percent"),
    ("The festival drew 90,000 visitors", "Never before had the festival drawn 90,000 visitors.", 90000, "visitors"),
    ("Imports rose 9 percent", "Far from shrinking, imports rose 9 percent in the quarter.", 9, "percent"),
    ("Prices rose 3.8 percent", "Contrary to forecasts, prices rose 3.8 percent in April.", 3.8, "percent"),
    ("1,900 residents were moved", "There is no doubt that 1,900 residents were moved, the fire chief said.", 1900, "people"),
    ("The lender will close 140 branches",
     "Although the lender did not say which towns were affected, it confirmed 140 branch closures.", 140, "branches"),
    ("The county approved 2,600 new homes", "Planners approved 2,600 new homes on the old airfield.", 2600, "homes"),
])
def test_emphasis_or_another_negation_is_no_denial(claim, source, value, unit):
    result = check(claim, source, value, unit)
    assert result.label == "states", result.summary


@pytest.mark.parametrize(("claim", "source", "value", "unit"), [
    ("The council spent $7.2 million on the stadium",
     "The council said the $7.2 million cited by critics included road works, and called the figure misleading.",
     7_200_000, "USD"),
    ("The agency said crime fell 15 percent",
     "The watchdog rebuked the agency for saying crime had fallen 15 percent.", 15, "percent"),
    ("The firm made a £40m profit", "The firm insisted there was no £40m profit to tax.", 40_000_000, "GBP"),
    ("The port will create 1,300 jobs", "Economists said the 1,300 jobs were unlikely to materialise.", 1300, "jobs"),
    ("Some 6,000 people attended the rally", "Some 6,000 people attended the rally, a figure the police dispute.", 6000,
     "people"),
    ("The storm killed 33 people", "The national data contradict the 33 deaths reported by the governor.", 33, "people"),
    ("The storm killed 33 people", "The toll of 33 from the storm has since been revised.", 33, "people"),
])
def test_a_figure_disputed_elsewhere_in_its_sentence_is_no_match(claim, source, value, unit):
    assert check(claim, source, value, unit).label == "contradicts"


@pytest.mark.parametrize(("claim", "source", "value", "unit"), [
    ("The insurer posted a profit of £2.6bn", "The insurer set aside £2.6bn to cover storm claims.", 2_600_000_000, "GBP"),
    ("The recall covers 2.1 million cars", "The carmaker sold 2.1 million cars in Europe last year.", 2_100_000, "cars"),
    ("The vaccine was 88 percent effective", "Some 88 percent of volunteers reported mild side-effects.", 88, "percent"),
])
def test_a_sum_or_share_of_another_measure_proves_nothing(claim, source, value, unit):
    assert check(claim, source, value, unit).label == "absent"


@pytest.mark.parametrize(("claim", "source", "value", "unit", "label"), [
    ("Some 45,000 people marched in Haifa", "המארגנים טענו ל-45 אלף משתתפים בחיפה, אך המשטרה דחתה את ההערכה.", 45000, "people",
     "contradicts"),
    ("The Bank of Israel kept its rate at 4.25 percent", "בנק ישראל הותיר את הריבית ללא שינוי ברמה של 4.25%.", 4.25, "percent",
     "states"),
    ("The minimum wage will rise to 6,400 shekels", "The ministry denied that the minimum wage would rise to NIS 6,400.", 6400,
     "ILS", "contradicts"),
    ("השקל נסחר סביב 3.71 שקלים לדולר", "The shekel traded at roughly 3.71 to the dollar on Monday.", 3.71, "ILS", "states"),
])
def test_across_languages_the_sentence_is_read_whole(claim, source, value, unit, label):
    assert check(claim, source, value, unit).label == label


def test_a_precise_count_met_exactly_states_the_claim_in_other_words():
    result = check("The charity said 1,215 people slept outdoors", "Outreach teams counted 1,215 rough sleepers in November.",
                   1215, "people")
    assert result.label == "states", result.summary
    # A round one in other words is no match: the same number may count anything.
    assert check("The charity said 1,200 people slept outdoors", "Outreach teams counted 1,200 volunteers in November.",
                 1200, "people").label == "absent"


def test_fahrenheit_meets_celsius():
    assert check("The thermometer in Cordoba hit 44C", "Cordoba baked at 111F on Monday.", 44, "celsius").label == "states"
    assert check("The thermometer in Cordoba hit 44C", "Cordoba baked at 99F on Monday.", 44, "celsius").label == "different"


@pytest.mark.parametrize(("claim", "source", "value", "unit", "label"), [
    # "تراجع" is "fell" and "قللت" "cut": a fall or a cut is no denial, "تراجع عن" and "قللت ... من شأن" are.
    ("The pound fell 9 percent against the dollar", "تراجع الجنيه بنسبة ٩٪ أمام الدولار.", 9, "percent", "states"),
    ("The government cut fuel subsidies by 15 percent", "قللت الحكومة دعم الوقود بنسبة 15 في المئة.", 15, "percent", "states"),
    ("The ministry said 33 people died in the fire", "قللت الوزارة من شأن التقارير عن مقتل 33 شخصا في الحريق.", 33, "people",
     "contradicts"),
    ("Rents rose 6.4 percent over the year", "כלכלנים הטילו ספק בנתון לפיו שכר הדירה עלה ב-6.4%.", 6.4, "percent", "contradicts"),
])
def test_arabic_and_hebrew_words_that_look_like_denials(claim, source, value, unit, label):
    assert check(claim, source, value, unit).label == label


@pytest.mark.parametrize(("source", "label"), [
    ("נהרגו 24 בני אדם בהפגזה על בית חאנון ואין נעדרים.", "states"),
    ("قتل 24 شخصا في القصف على بيت حانون ولم يصب أحد بجروح.", "states"),
    ("الرقم 24 قتيلا في بيت حانون مبالغ فيه ولا أساس له من الصحة.", "contradicts"),
])
def test_and_no_one_else_is_a_clause_of_its_own(source, label):
    assert check("Shelling killed 24 people in Beit Hanoun", source, 24, "people").label == label


@pytest.mark.parametrize(("claim", "source", "value", "unit", "label"), [
    ("The heatwave lasted six days", "Temperatures stayed above 38C for six consecutive days.", 6, "days", "states"),
    ("The museum said 7,000 trees would be planted",
     "Critics said the 7,000 trees promised by the museum would never be planted.", 7000, "trees", "contradicts"),
    ("The outbreak has sickened 260 people", "Officials said the 260 figure was an overcount.", 260, "people", "contradicts"),
    ("The campaign raised $6 million", "The campaign spent $6 million on advertising.", 6_000_000, "USD", "absent"),
])
def test_durations_promises_and_sums(claim, source, value, unit, label):
    assert check(claim, source, value, unit).label == label


def test_across_languages_the_same_count_of_the_same_things_states_it():
    # No event word of the small three-language table is shared; the count and the thing counted are.
    assert check("The storm cut power to 23 villages", "23 כפרים נותרו בחושך אחרי הסערה.", 23, "villages").label == "states"


@pytest.mark.parametrize(("claim", "source", "value", "unit", "label"), [
    ("The winger has scored 31 goals this season", "The winger, 31, signed from Lyon in 2021.", 31, "goals", "absent"),
    ("The carrier will buy 45 new aircraft", "The airline has ordered 45 jets from Boeing.", 45, "aircraft", "states"),
    ("Police recovered 120 stolen bikes", "Officers found a hundred and twenty stolen bicycles in a barn.", 120, "bikes",
     "states"),
    ("Police recovered 120 stolen bikes", "A viral post claiming 120 stolen bikes had been found was fake, police said.", 120,
     "bikes", "contradicts"),
    ("The storm damaged 7,000 homes", "Officials said the 7,000 estimate of damaged homes was premature and too high.", 7000,
     "homes", "contradicts"),
    ("The court jailed him for 12 years", "He was sentenced to twelve years at the high court.", 12, "years", "states"),
])
def test_ages_synonyms_and_fakes(claim, source, value, unit, label):
    assert check(claim, source, value, unit).label == label


@pytest.mark.parametrize(("claim", "source", "value", "unit", "label"), [
    ("The rally drew about 9,000 people", "Police said organisers' figure of 9,000 was a wild exaggeration.", 9000, "people",
     "contradicts"),
    ("The mill emits 2 million tonnes of CO2 a year",
     "Regulators said the claim that the mill emits only 2 million tonnes a year understated its emissions.", 2_000_000,
     "tonnes", "contradicts"),
    ("The mill emits 2 million tonnes of CO2 a year", "The mill imports 2 million tonnes of wood a year.", 2_000_000,
     "tonnes", "absent"),
    ("Rail fares rose by 8 percent", "Commuters will pay 8% more for rail fares from January.", 8, "percent", "states"),
    ("The food bank fed 3,000 families", "Volunteers delivered meals to three thousand households.", 3000, "families",
     "states"),
    ("The freighter carried 1,800 containers", "The freighter had about 1,800 boxes on deck.", 1800, "containers", "states"),
])
def test_refutations_and_paraphrases_of_this_round(claim, source, value, unit, label):
    assert check(claim, source, value, unit).label == label


def test_across_languages_a_percentage_of_another_measure_proves_nothing():
    assert check("Unemployment in Israel rose to 3.9 percent", "התוצר בישראל צמח ב-3.9% בשנה שעברה.", 3.9, "percent").label == (
        "absent")
    assert check("The strike cost the economy 1.5 billion shekels", "לפי הערכות, השביתה עלתה למשק 1.5 מיליארד שקל.",
                 1_500_000_000, "ILS").label == "states"


@pytest.mark.parametrize(("claim", "source", "value", "unit", "label"), [
    ("The quake flattened 52 houses", "The 52 flattened houses cited in early reports turned out to include garages.", 52,
     "houses", "contradicts"),
    ("Burglaries fell by 7 percent", "Campaigners said the claimed 7 per cent fall in burglaries was an illusion.", 7, "percent",
     "contradicts"),
    ("Crime in the city fell by 7 percent", "Recorded offences in the city dropped 7% last year.", 7, "percent", "states"),
])
def test_early_reports_claimed_figures_and_offences(claim, source, value, unit, label):
    assert check(claim, source, value, unit).label == label


@pytest.mark.parametrize(("claim", "source", "value", "unit"), [
    ("Inflation stands at 3.3 per cent", "The statistics office withdrew the 3.3 per cent inflation figure after an error.", 3.3,
     "percent"),
    ("Nearly 800 people were rescued", "Police said the figure of nearly 800 rescues was exaggerated.", 800, "people"),
])
def test_withdrawn_figures_and_rescues(claim, source, value, unit):
    assert check(claim, source, value, unit, "nearly" if "Nearly" in claim else "exact").label == "contradicts"


@pytest.mark.parametrize(("claim", "source", "value", "unit"), [
    ("The march drew 30,000 people", "Police put attendance at 8,000, far short of the 30,000 organisers announced.", 30000,
     "people"),
    ("The march drew 30,000 people", "Nobody who was there believes 30,000 people turned up, the mayor said.", 30000, "people"),
    ("The march drew 30,000 people", "Organisers have since admitted that the 30,000 estimate was a guess.", 30000, "people"),
    ("The storm displaced 9,000 people",
     "Officials stopped citing the 9,000 figure after it emerged many had been counted twice.", 9000, "people"),
    ("The firm said 97 percent of users were satisfied",
     "The 97 percent rate came from a survey of just 30 users, making it meaningless, experts said.", 97, "percent"),
])
def test_refutations_that_share_no_word_with_the_claim(claim, source, value, unit):
    assert check(claim, source, value, unit).label == "contradicts"


def test_hebrew_calling_a_figure_fiction_disputes_it():
    assert check("Police arrested 28 protesters in Haifa", 'גורמים במשטרה כינו את המספר 28 עצורים "בדיה".', 28,
                 "protesters").label == "contradicts"
