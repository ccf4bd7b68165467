# ruff: noqa: E501  (label data: one claim a line reads better than wrapped strings)
"""Builds dev-ext8's article files from the texts and labels below, and checks them.

Run from the repository root: ``python3 bench/corpus/dev-ext8/build.py``. Each claim is written as
C(quote, types, quantities, attributed_to, text); a quantity is (value, qualifier, unit, text).
The checks: every quote and non-claim occurs in the text, every quantity's text occurs in its quote,
types and qualifiers come from GUIDELINES.md.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
TYPES = {"quantity", "temporal", "comparison", "superlative", "attribution", "causal", "other", "prediction"}
QUALS = {"exact", "approx", "more_than", "at_least", "nearly", "less_than", "at_most"}
ARTICLES: list[tuple[str, dict]] = []


def C(quote, types, qs=(), by=None, text=None):
    claim = {"quote": quote}
    if text:
        claim["text"] = text
    claim["types"] = list(types)
    claim["quantities"] = [{"value": v, "qualifier": q, "unit": u, "text": t} for v, q, u, t in qs]
    claim["attributed_to"] = by
    return claim


def article(slug, title, beat, style, paras, claims, non_claims):
    ARTICLES.append((slug, {"title": title, "beat": beat, "style": style, "lang": "en",
                            "text": "\n\n".join(paras), "claims": claims, "non_claims": non_claims}))


def check_and_write() -> None:
    total_c = total_n = 0
    for slug, data in ARTICLES:
        text = data["text"]
        for cl in data["claims"]:
            assert cl["quote"] in text, (slug, cl["quote"])
            assert not cl["quote"].endswith("."), (slug, cl["quote"])
            assert set(cl["types"]) <= TYPES and cl["types"], (slug, cl["quote"], cl["types"])
            assert ("attribution" in cl["types"]) == (cl["attributed_to"] is not None), (slug, cl["quote"])
            for q in cl["quantities"]:
                assert q["qualifier"] in QUALS, (slug, q)
                assert q["text"] in cl["quote"], (slug, cl["quote"], q["text"])
        for n in data["non_claims"]:
            assert n in text, (slug, n)
        total_c += len(data["claims"])
        total_n += len(data["non_claims"])
        (HERE / f"{slug}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(ARTICLES)} articles, {total_c} claims, {total_n} non-claims")


# ---------------------------------------------------------------------------------------------
article(
    "ext8_01_wire-ferry", "Ferry capsizes off Kestrel Point", "disasters", "wire",
    [
        "KESTREL POINT, Arnland (Reuters) — At least 27 people died when a passenger ferry capsized in a storm off the "
        "northern coast of Arnland on Sunday night, the coastguard said on Monday.",
        "The Maren Star, which was carrying 212 passengers and 14 crew, overturned about 6 km from the harbour at Kestrel "
        "Point shortly after 9 p.m. as winds gusted to 110 km/h, according to the national weather office.",
        "Rescuers pulled 171 people from the water overnight. Another 28 are still missing, coastguard spokesman Piet Orlan "
        "told reporters.",
        "Three helicopters, 11 lifeboats and a navy frigate took part in the search, which was suspended for four hours "
        "before dawn because of high waves.",
        "The ferry was built in 1988 and was last inspected in March, the transport ministry said in a statement. It was "
        "licensed to carry no more than 250 people.",
        "Survivors described chaotic scenes on deck. \"People were screaming and there were not enough life jackets,\" said "
        "Lena Broek, 34, who swam for nearly an hour before she was picked up.",
        "The disaster is the deadliest on Arnland's waters since 1994, when a fishing boat sank with 41 men aboard.",
        "Prime Minister Jorun Vaal declared three days of national mourning and ordered an inquiry. She promised that "
        "those responsible would be held to account.",
        "The operator, Nordsund Lines, suspended all sailings on the route. Its shares fell 18 percent in Oslo trading on "
        "Monday.",
        "Local fishermen believe the death toll could rise above 40 once divers reach the hull.",
        "The weather office said the storm had brought the strongest winds recorded at Kestrel Point in a decade.",
        "Nordsund Lines did not respond to a request for comment.",
    ],
    [
        C("At least 27 people died when a passenger ferry capsized in a storm off the northern coast of Arnland on Sunday "
          "night, the coastguard said on Monday", ["quantity", "temporal", "attribution"],
          [(27, "at_least", "people", "At least 27 people")], "the coastguard"),
        C("The Maren Star, which was carrying 212 passengers and 14 crew", ["quantity"],
          [(212, "exact", "passengers", "212 passengers"), (14, "exact", "crew", "14 crew")]),
        C("overturned about 6 km from the harbour at Kestrel Point shortly after 9 p.m", ["quantity", "temporal"],
          [(6, "approx", "km", "about 6 km")], text="The Maren Star overturned about 6 km from the harbour at Kestrel Point shortly after 9 p.m."),
        C("as winds gusted to 110 km/h, according to the national weather office", ["quantity", "attribution"],
          [(110, "exact", "km/h", "110 km/h")], "the national weather office",
          text="Winds gusted to 110 km/h off Kestrel Point."),
        C("Rescuers pulled 171 people from the water overnight", ["quantity", "temporal"], [(171, "exact", "people", "171 people")]),
        C("Another 28 are still missing, coastguard spokesman Piet Orlan told reporters", ["quantity", "attribution"],
          [(28, "exact", "people", "28")], "coastguard spokesman Piet Orlan"),
        C("Three helicopters, 11 lifeboats and a navy frigate took part in the search", ["quantity"],
          [(3, "exact", "helicopters", "Three helicopters"), (11, "exact", "lifeboats", "11 lifeboats"),
           (1, "exact", "frigates", "a navy frigate")]),
        C("which was suspended for four hours before dawn because of high waves", ["temporal", "causal"],
          [(4, "exact", "hours", "four hours")], text="The search was suspended for four hours before dawn because of high waves."),
        C("The ferry was built in 1988", ["temporal", "attribution"], [], "the transport ministry"),
        C("was last inspected in March, the transport ministry said in a statement", ["temporal", "attribution"], [],
          "the transport ministry", text="The ferry was last inspected in March."),
        C("It was licensed to carry no more than 250 people", ["quantity"], [(250, "at_most", "people", "no more than 250 people")],
          text="The Maren Star was licensed to carry no more than 250 people."),
        C("said Lena Broek, 34, who swam for nearly an hour before she was picked up", ["quantity", "temporal"],
          [(34, "exact", "years", "34"), (1, "nearly", "hours", "nearly an hour")],
          text="Lena Broek, 34, swam for nearly an hour before she was picked up."),
        C("The disaster is the deadliest on Arnland's waters since 1994", ["superlative", "temporal"]),
        C("when a fishing boat sank with 41 men aboard", ["quantity"], [(41, "exact", "men", "41 men")],
          text="In 1994 a fishing boat sank off Arnland with 41 men aboard."),
        C("Prime Minister Jorun Vaal declared three days of national mourning", ["temporal", "other"],
          [(3, "exact", "days", "three days")]),
        C("ordered an inquiry", ["other"], text="Prime Minister Jorun Vaal ordered an inquiry into the ferry disaster."),
        C("The operator, Nordsund Lines, suspended all sailings on the route", ["other"]),
        C("Its shares fell 18 percent in Oslo trading on Monday", ["quantity", "temporal"], [(18, "exact", "percent", "18 percent")],
          text="Nordsund Lines' shares fell 18 percent in Oslo trading on Monday."),
        C("The weather office said the storm had brought the strongest winds recorded at Kestrel Point in a decade",
          ["superlative", "attribution", "temporal"], [], "The weather office"),
    ],
    [
        "\"People were screaming and there were not enough life jackets,\"",
        "She promised that those responsible would be held to account",
        "Local fishermen believe the death toll could rise above 40 once divers reach the hull",
        "Nordsund Lines did not respond to a request for comment",
        "Survivors described chaotic scenes on deck",
    ],
)

# ---------------------------------------------------------------------------------------------
article(
    "ext8_02_liveblog-election", "Tarrow regional election: results as they come in", "politics", "liveblog",
    [
        "23:05 — Turnout across the Tarrow region was 61.4 percent, the electoral commission says, up 3.2 percentage points "
        "from the last regional vote in 2021.",
        "23:18 — First result: the Green Alliance holds Ashby North with 14,208 votes, a majority of 2,915 over Labour.",
        "23:31 — A big swing in Corran West. The Liberal candidate, Dana Mirek, wins the seat from the Conservatives with a "
        "swing of 9.6 percentage points, the largest of the night so far.",
        "23:40 — Conservative leader Hugo Strand says he is \"disappointed but not downhearted\".",
        "23:52 — Police say a count in Millbrook was halted for 45 minutes after a fire alarm went off at the leisure centre. "
        "Counting has resumed.",
        "00:07 — Labour has now won 11 of the 19 seats declared, and its vote share is up 4 percentage points on average.",
        "00:15 — The Greens' Ashby North winner, Tom Ferrer, is 23 and will be the youngest member in the assembly's history.",
        "00:26 — Our analyst expects Labour to end the night with about 40 seats.",
        "00:34 — Postal votes made up 38 percent of all ballots cast, more than double the share in 2017, the commission "
        "says.",
        "00:48 — In Dunmere the recount is over: the Conservatives hold on by just 17 votes, the narrowest margin in the "
        "region.",
        "01:02 — Reform Tarrow, contesting its first regional election, has taken 12 percent of the vote in the seats "
        "declared so far but has won none of them.",
        "01:15 — Labour leader Anika Rowe thanks voters. \"Tonight Tarrow chose change,\" she says. She pledges to freeze "
        "bus fares if her party forms the next administration.",
        "01:30 — With 52 of 70 seats declared, Labour has 29, the Conservatives 14, the Greens 6 and the Liberals 3.",
        "01:44 — Strand concedes defeat and says he will stay on as party leader.",
        "01:58 — The electoral commission says the final results should be known by 4 a.m.",
    ],
    [
        C("Turnout across the Tarrow region was 61.4 percent, the electoral commission says, up 3.2 percentage points from "
          "the last regional vote in 2021", ["quantity", "comparison", "attribution", "temporal"],
          [(61.4, "exact", "percent", "61.4 percent"), (3.2, "exact", "percentage_points", "3.2 percentage points")],
          "the electoral commission"),
        C("First result: the Green Alliance holds Ashby North with 14,208 votes, a majority of 2,915 over Labour",
          ["quantity", "comparison"], [(14208, "exact", "votes", "14,208 votes"), (2915, "exact", "votes", "2,915")]),
        C("The Liberal candidate, Dana Mirek, wins the seat from the Conservatives with a swing of 9.6 percentage points",
          ["quantity"], [(9.6, "exact", "percentage_points", "9.6 percentage points")]),
        C("the largest of the night so far", ["superlative"],
          text="The 9.6-point swing in Corran West was the largest of the night so far."),
        C("Police say a count in Millbrook was halted for 45 minutes after a fire alarm went off at the leisure centre",
          ["temporal", "attribution", "causal"], [(45, "exact", "minutes", "45 minutes")], "Police"),
        C("Counting has resumed", ["other"], text="Counting in Millbrook has resumed."),
        C("Labour has now won 11 of the 19 seats declared", ["quantity"],
          [(11, "exact", "seats", "11"), (19, "exact", "seats", "19 seats")]),
        C("its vote share is up 4 percentage points on average", ["quantity", "comparison"],
          [(4, "exact", "percentage_points", "4 percentage points")], text="Labour's vote share is up 4 percentage points on average."),
        C("The Greens' Ashby North winner, Tom Ferrer, is 23", ["quantity"], [(23, "exact", "years", "23")]),
        C("will be the youngest member in the assembly's history", ["superlative"],
          text="Tom Ferrer will be the youngest member in the Tarrow assembly's history."),
        C("Postal votes made up 38 percent of all ballots cast, more than double the share in 2017, the commission says",
          ["quantity", "comparison", "temporal", "attribution"],
          [(38, "exact", "percent", "38 percent"), (2, "more_than", "multiplier", "more than double")], "the commission"),
        C("the Conservatives hold on by just 17 votes", ["quantity"], [(17, "exact", "votes", "17 votes")],
          text="In Dunmere the Conservatives held on by just 17 votes after a recount."),
        C("the narrowest margin in the region", ["superlative"],
          text="The Conservatives' 17-vote margin in Dunmere was the narrowest in the region."),
        C("Reform Tarrow, contesting its first regional election, has taken 12 percent of the vote in the seats declared so "
          "far but has won none of them", ["quantity"], [(12, "exact", "percent", "12 percent")]),
        C("With 52 of 70 seats declared, Labour has 29, the Conservatives 14, the Greens 6 and the Liberals 3",
          ["quantity"], [(52, "exact", "seats", "52"), (70, "exact", "seats", "70 seats"), (29, "exact", "seats", "29"),
                         (14, "exact", "seats", "14"), (6, "exact", "seats", "6"), (3, "exact", "seats", "3")]),
        C("Strand concedes defeat", ["other"]),
    ],
    [
        "Conservative leader Hugo Strand says he is \"disappointed but not downhearted\"",
        "Our analyst expects Labour to end the night with about 40 seats",
        "\"Tonight Tarrow chose change,\" she says",
        "She pledges to freeze bus fares if her party forms the next administration",
        "The electoral commission says the final results should be known by 4 a.m",
    ],
)

# ---------------------------------------------------------------------------------------------
article(
    "ext8_03_court-pension-fraud", "Former pension fund manager jailed for nine years", "courts", "court",
    [
        "A former pension fund manager who stole £6.8 million from the savings of 1,400 council workers was jailed for nine "
        "years at Castlegate Crown Court on Friday.",
        "Gerald Ashworth, 61, of Wexley, had pleaded guilty in June to fraud by abuse of position and two counts of money "
        "laundering.",
        "The court heard that between 2015 and 2022 Ashworth moved money from the Wexley Council Pension Scheme into 37 "
        "accounts he controlled, spending it on a villa in Portugal, three racehorses and a collection of classic cars.",
        "Prosecutor Helen Marsh said the losses were three times the sum first identified by auditors in 2022.",
        "The fraud came to light when a junior accountant noticed that payments to a supplier had risen by 400 percent in a "
        "single year, the court was told.",
        "Judge Robert Kane said Ashworth had shown \"breathtaking arrogance\" and had betrayed people who trusted him.",
        "\"Many of the victims are in their seventies and eighties,\" the judge said. \"They deserved better.\"",
        "Ashworth was also disqualified from acting as a company director for 12 years. A confiscation hearing will be held "
        "next year.",
        "Investigators from the Serious Fraud Office spent 19 months tracing the money, which passed through banks in four "
        "countries, the office said.",
        "So far £2.1 million has been recovered, about 31 percent of the total.",
        "It was the largest fraud against a local-government pension scheme ever prosecuted in England, according to the "
        "Local Government Association.",
        "The council has repaid every affected member in full from its reserves, at a cost of £4.9 million, a spokesperson "
        "said.",
        "One victim, retired bin-lorry driver Alan Pike, 74, said outside court: \"I worked 40 years for that pension. Nine "
        "years is nothing.\"",
        "Ashworth's barrister, Simon Tate, said his client was \"deeply ashamed\".",
        "Ashworth will serve half his sentence in prison before being released on licence.",
    ],
    [
        C("A former pension fund manager who stole £6.8 million from the savings of 1,400 council workers",
          ["quantity"], [(6800000, "exact", "GBP", "£6.8 million"), (1400, "exact", "workers", "1,400 council workers")]),
        C("was jailed for nine years at Castlegate Crown Court on Friday", ["temporal", "other"],
          [(9, "exact", "years", "nine years")], text="A former pension fund manager was jailed for nine years at Castlegate Crown Court on Friday."),
        C("Gerald Ashworth, 61, of Wexley, had pleaded guilty in June to fraud by abuse of position and two counts of money "
          "laundering", ["quantity", "temporal", "other"],
          [(61, "exact", "years", "61"), (2, "exact", "counts", "two counts")]),
        C("The court heard that between 2015 and 2022 Ashworth moved money from the Wexley Council Pension Scheme into 37 "
          "accounts he controlled", ["quantity", "temporal", "attribution"], [(37, "exact", "accounts", "37 accounts")], "The court"),
        C("spending it on a villa in Portugal, three racehorses and a collection of classic cars", ["quantity"],
          [(3, "exact", "racehorses", "three racehorses")],
          text="Ashworth spent the money on a villa in Portugal, three racehorses and a collection of classic cars."),
        C("Prosecutor Helen Marsh said the losses were three times the sum first identified by auditors in 2022",
          ["quantity", "comparison", "attribution", "temporal"], [(3, "exact", "multiplier", "three times")],
          "Prosecutor Helen Marsh"),
        C("The fraud came to light when a junior accountant noticed that payments to a supplier had risen by 400 percent in a "
          "single year, the court was told", ["quantity", "temporal", "attribution"],
          [(400, "exact", "percent", "400 percent")], "the court"),
        C("Ashworth was also disqualified from acting as a company director for 12 years", ["temporal", "other"],
          [(12, "exact", "years", "12 years")]),
        C("Investigators from the Serious Fraud Office spent 19 months tracing the money", ["temporal", "attribution"],
          [(19, "exact", "months", "19 months")], "the office"),
        C("which passed through banks in four countries, the office said", ["quantity", "attribution"],
          [(4, "exact", "countries", "four countries")], "the office",
          text="The money passed through banks in four countries, the Serious Fraud Office said."),
        C("So far £2.1 million has been recovered, about 31 percent of the total", ["quantity"],
          [(2100000, "exact", "GBP", "£2.1 million"), (31, "approx", "percent", "about 31 percent")]),
        C("It was the largest fraud against a local-government pension scheme ever prosecuted in England, according to the "
          "Local Government Association", ["superlative", "attribution"], [], "the Local Government Association",
          text="Ashworth's was the largest fraud against a local-government pension scheme ever prosecuted in England."),
        C("The council has repaid every affected member in full from its reserves, at a cost of £4.9 million, a spokesperson "
          "said", ["quantity", "attribution"], [(4900000, "exact", "GBP", "£4.9 million")], "a spokesperson"),
        C("One victim, retired bin-lorry driver Alan Pike, 74, said outside court", ["quantity"], [(74, "exact", "years", "74")],
          text="One victim, Alan Pike, is a 74-year-old retired bin-lorry driver."),
        C("Ashworth will serve half his sentence in prison before being released on licence", ["quantity"],
          [(0.5, "exact", "fraction", "half")]),
    ],
    [
        "Judge Robert Kane said Ashworth had shown \"breathtaking arrogance\" and had betrayed people who trusted him",
        "\"Many of the victims are in their seventies and eighties,\" the judge said",
        "\"They deserved better.\"",
        "Ashworth's barrister, Simon Tate, said his client was \"deeply ashamed\"",
        "A confiscation hearing will be held next year",
    ],
)

# ---------------------------------------------------------------------------------------------
article(
    "ext8_04_conflict-drones", "Drone attack on Velin kills nine, officials say", "conflict", "conflict",
    [
        "A wave of drones struck the city of Velin overnight, killing nine civilians and wounding at least 34, the regional "
        "governor said on Wednesday.",
        "Governor Marek Hollis said air defences shot down 41 of the 56 drones launched at the region, the largest attack on "
        "Velin since the war began.",
        "One drone hit a nine-storey apartment block in the Zarechny district, where rescuers were still searching the "
        "rubble on Wednesday afternoon. Two children were among the dead, the emergency service said.",
        "The strikes cut power to about 120,000 homes, according to the grid operator Velenergo, which said supply would be "
        "restored within 48 hours.",
        "The claims could not be independently verified.",
        "The defence ministry in Darsk said its forces had hit \"military-industrial targets\" in Velin and denied "
        "targeting civilians.",
        "Velin, a city of about 900,000 people 40 km from the front line, has been attacked almost nightly since August. The "
        "city council says 212 civilians have been killed there this year, nearly twice as many as in the whole of last "
        "year.",
        "\"We heard the buzzing and then the whole building shook,\" said Irina Sokol, 52, whose flat on the sixth floor was "
        "destroyed.",
        "The United Nations human rights mission said in a report last week that civilian casualties in the region had risen "
        "by 37 percent in the third quarter compared with the second.",
        "Military analysts say the attacks are likely to intensify as winter approaches.",
        "Schools in Velin will teach online for the rest of the week, the city's mayor, Olena Brand, said. She vowed to "
        "rebuild every damaged home.",
        "Foreign Minister Tomas Reil called the attack \"a war crime\" and summoned Darsk's ambassador.",
    ],
    [
        C("A wave of drones struck the city of Velin overnight, killing nine civilians", ["quantity", "temporal", "attribution", "causal"],
          [(9, "exact", "civilians", "nine civilians")], "the regional governor"),
        C("wounding at least 34, the regional governor said on Wednesday", ["quantity", "attribution", "causal"],
          [(34, "at_least", "people", "at least 34")], "the regional governor",
          text="The drone attack on Velin wounded at least 34 people, the regional governor said on Wednesday."),
        C("Governor Marek Hollis said air defences shot down 41 of the 56 drones launched at the region",
          ["quantity", "attribution"], [(41, "exact", "drones", "41"), (56, "exact", "drones", "56 drones")],
          "Governor Marek Hollis"),
        C("the largest attack on Velin since the war began", ["superlative", "attribution", "temporal"], [],
          "Governor Marek Hollis", text="The attack was the largest on Velin since the war began."),
        C("One drone hit a nine-storey apartment block in the Zarechny district", ["quantity"],
          [(9, "exact", "storeys", "nine-storey")]),
        C("Two children were among the dead, the emergency service said", ["quantity", "attribution"],
          [(2, "exact", "children", "Two children")], "the emergency service"),
        C("The strikes cut power to about 120,000 homes, according to the grid operator Velenergo",
          ["quantity", "attribution", "causal"], [(120000, "approx", "homes", "about 120,000 homes")], "the grid operator Velenergo"),
        C("The defence ministry in Darsk said its forces had hit \"military-industrial targets\" in Velin and denied "
          "targeting civilians", ["other", "attribution"], [], "The defence ministry in Darsk"),
        C("Velin, a city of about 900,000 people 40 km from the front line", ["quantity"],
          [(900000, "approx", "people", "about 900,000 people"), (40, "exact", "km", "40 km")]),
        C("has been attacked almost nightly since August", ["temporal"], [],
          text="Velin has been attacked almost nightly since August."),
        C("The city council says 212 civilians have been killed there this year, nearly twice as many as in the whole of "
          "last year", ["quantity", "comparison", "temporal", "attribution"],
          [(212, "exact", "civilians", "212 civilians"), (2, "nearly", "multiplier", "nearly twice")], "The city council"),
        C("said Irina Sokol, 52, whose flat on the sixth floor was destroyed", ["quantity"], [(52, "exact", "years", "52")],
          text="Irina Sokol, 52, had her flat on the sixth floor destroyed."),
        C("The United Nations human rights mission said in a report last week that civilian casualties in the region had "
          "risen by 37 percent in the third quarter compared with the second", ["quantity", "comparison", "temporal", "attribution"],
          [(37, "exact", "percent", "37 percent")], "The United Nations human rights mission"),
        C("Schools in Velin will teach online for the rest of the week, the city's mayor, Olena Brand, said",
          ["temporal", "attribution"], [], "the city's mayor, Olena Brand"),
        C("summoned Darsk's ambassador", ["other"], text="Foreign Minister Tomas Reil summoned Darsk's ambassador."),
    ],
    [
        "The claims could not be independently verified",
        "\"We heard the buzzing and then the whole building shook,\"",
        "Military analysts say the attacks are likely to intensify as winter approaches",
        "She vowed to rebuild every damaged home",
        "Foreign Minister Tomas Reil called the attack \"a war crime\"",
    ],
)

# ---------------------------------------------------------------------------------------------
article(
    "ext8_05_data-rail-punctuality", "Late again: what a year of train data says about Norland's railways", "other", "data",
    [
        "Fewer than two-thirds of trains in Norland arrived on time last year, the worst performance since the rail "
        "regulator began publishing figures in 2008.",
        "An analysis of 1.9 million services by this newspaper found that 64.2 percent reached their final station within "
        "one minute of the timetable, down from 71.5 percent in 2023 — a fall of 7.3 percentage points.",
        "The average delay for a late train was 6 minutes 40 seconds, and 3.1 percent of services were cancelled "
        "outright.",
        "The Eastern Main Line fared worst. Only 48 percent of its trains ran on time, and cancellations there were four "
        "times the national rate.",
        "The best-performing operator, Lakeside Rail, ran 88 percent of its services on time.",
        "Signal failures caused about a fifth of all delays, according to the regulator's own breakdown, while staff "
        "shortages accounted for 14 percent.",
        "Delays were worst in November, when storms and fallen leaves pushed the on-time figure down to 51 percent.",
        "Rush hour is especially bad. Between 7 a.m. and 9 a.m., a commuter into Brenholm had a one-in-three chance of "
        "arriving late.",
        "The numbers matter for passengers' pockets too. Compensation claims rose to 2.4 million in 2024, more than double "
        "the figure two years earlier, and operators paid out £31 million.",
        "Top speeds have not changed the picture. The new Brenholm-Harwick express, which can reach 200 km/h, still "
        "averaged just 93 km/h over the whole journey because of congestion at Harwick.",
        "It is a frustrating experience, says Priya Nandra, who commutes from Ostley every day. \"You just stop planning "
        "anything for the evening.\"",
        "The Department for Transport said it had invested £1.2 billion in signalling since 2020.",
        "Industry body Rail Norland says punctuality should return to 70 percent within two years.",
        "Our analysis covers every passenger service that was timetabled between 1 January and 31 December 2024.",
    ],
    [
        C("Fewer than two-thirds of trains in Norland arrived on time last year", ["quantity", "temporal"],
          [(0.6667, "less_than", "fraction", "Fewer than two-thirds")]),
        C("the worst performance since the rail regulator began publishing figures in 2008", ["superlative", "temporal"], [],
          text="Norland's rail punctuality last year was the worst since the rail regulator began publishing figures in 2008."),
        C("An analysis of 1.9 million services by this newspaper found that 64.2 percent reached their final station within "
          "one minute of the timetable, down from 71.5 percent in 2023", ["quantity", "comparison", "temporal"],
          [(1900000, "exact", "services", "1.9 million services"), (64.2, "exact", "percent", "64.2 percent"),
           (1, "at_most", "minutes", "within one minute"), (71.5, "exact", "percent", "71.5 percent")]),
        C("a fall of 7.3 percentage points", ["quantity", "comparison"],
          [(7.3, "exact", "percentage_points", "7.3 percentage points")],
          text="Norland's on-time rate fell by 7.3 percentage points in 2024."),
        C("The average delay for a late train was 6 minutes 40 seconds", ["temporal"],
          [(6, "exact", "minutes", "6 minutes"), (40, "exact", "seconds", "40 seconds")]),
        C("3.1 percent of services were cancelled outright", ["quantity"], [(3.1, "exact", "percent", "3.1 percent")]),
        C("The Eastern Main Line fared worst", ["superlative"]),
        C("Only 48 percent of its trains ran on time", ["quantity"], [(48, "exact", "percent", "48 percent")],
          text="Only 48 percent of the Eastern Main Line's trains ran on time."),
        C("cancellations there were four times the national rate", ["quantity", "comparison"],
          [(4, "exact", "multiplier", "four times")], text="Cancellations on the Eastern Main Line were four times the national rate."),
        C("The best-performing operator, Lakeside Rail, ran 88 percent of its services on time", ["quantity", "superlative"],
          [(88, "exact", "percent", "88 percent")]),
        C("Signal failures caused about a fifth of all delays, according to the regulator's own breakdown",
          ["quantity", "causal", "attribution"], [(0.2, "approx", "fraction", "about a fifth")], "the regulator"),
        C("staff shortages accounted for 14 percent", ["quantity", "causal", "attribution"], [(14, "exact", "percent", "14 percent")],
          "the regulator",
          text="Staff shortages accounted for 14 percent of delays."),
        C("Delays were worst in November, when storms and fallen leaves pushed the on-time figure down to 51 percent",
          ["superlative", "temporal", "causal", "quantity"], [(51, "exact", "percent", "51 percent")]),
        C("Between 7 a.m. and 9 a.m., a commuter into Brenholm had a one-in-three chance of arriving late",
          ["quantity", "temporal"], [(0.3333, "exact", "fraction", "one-in-three")]),
        C("Compensation claims rose to 2.4 million in 2024, more than double the figure two years earlier",
          ["quantity", "comparison", "temporal"],
          [(2400000, "exact", "claims", "2.4 million"), (2, "more_than", "multiplier", "more than double")]),
        C("operators paid out £31 million", ["quantity"], [(31000000, "exact", "GBP", "£31 million")],
          text="Norland's rail operators paid out £31 million in compensation in 2024."),
        C("The new Brenholm-Harwick express, which can reach 200 km/h", ["quantity"], [(200, "exact", "km/h", "200 km/h")]),
        C("still averaged just 93 km/h over the whole journey because of congestion at Harwick", ["quantity", "causal"],
          [(93, "exact", "km/h", "93 km/h")],
          text="The Brenholm-Harwick express averaged just 93 km/h over the whole journey because of congestion at Harwick."),
        C("The Department for Transport said it had invested £1.2 billion in signalling since 2020",
          ["quantity", "temporal", "attribution"], [(1200000000, "exact", "GBP", "£1.2 billion")], "The Department for Transport"),
    ],
    [
        "It is a frustrating experience, says Priya Nandra, who commutes from Ostley every day",
        "\"You just stop planning anything for the evening.\"",
        "Industry body Rail Norland says punctuality should return to 70 percent within two years",
        "The numbers matter for passengers' pockets too",
        "Top speeds have not changed the picture",
    ],
)

# ---------------------------------------------------------------------------------------------
article(
    "ext8_06_release-metro-line", "Halden Metro opens Line 4", "other", "press-release",
    [
        "HALDEN, 2 December 2026 — Halden Transport Authority (HTA) today opened Line 4 of the Halden Metro, the city's "
        "first new underground line in 30 years.",
        "The 14.5-kilometre line links Nordhavn and the airport with 11 stations, cutting the journey time between the "
        "city centre and the airport from 48 minutes to 19 minutes.",
        "Driverless trains will run every 90 seconds at peak times and reach a top speed of 80 km/h.",
        "The line cost 2.3 billion euros, 12 percent over its original budget of 2.05 billion euros, and was completed 14 "
        "months behind schedule.",
        "Construction began in 2019 and employed up to 3,200 workers at its peak.",
        "HTA forecasts that Line 4 will carry 160,000 passengers a day by 2028.",
        "\"Today is a proud day for Halden,\" said HTA chief executive Sofie Lund. \"Line 4 will transform the way people "
        "move around our city.\"",
        "The authority is committed to making the metro carbon-neutral and will work with partners to improve access for "
        "everyone.",
        "All 11 stations have step-free access, and the tunnels were bored by two machines named after local scientists.",
        "The European Investment Bank lent 900 million euros towards the project, the largest loan it has made to a Nordic "
        "transport scheme.",
        "Fares will be the same as on the rest of the network. A single ticket costs 3.40 euros.",
        "Local businesses hope the line will bring more visitors to Nordhavn.",
        "Line 5, a 9-kilometre extension to the university, is due to open in 2031.",
        "For media enquiries, please contact the HTA press office.",
        "About HTA: Halden Transport Authority runs buses, trams and metro services for 1.1 million residents.",
    ],
    [
        C("Halden Transport Authority (HTA) today opened Line 4 of the Halden Metro", ["other", "temporal"]),
        C("the city's first new underground line in 30 years", ["superlative", "temporal"], [(30, "exact", "years", "30 years")],
          text="Line 4 is Halden's first new underground line in 30 years."),
        C("The 14.5-kilometre line links Nordhavn and the airport with 11 stations", ["quantity"],
          [(14.5, "exact", "km", "14.5-kilometre"), (11, "exact", "stations", "11 stations")]),
        C("cutting the journey time between the city centre and the airport from 48 minutes to 19 minutes",
          ["temporal", "comparison", "causal"], [(48, "exact", "minutes", "48 minutes"), (19, "exact", "minutes", "19 minutes")],
          text="Line 4 cuts the journey time between the city centre and Halden airport from 48 minutes to 19 minutes."),
        C("Driverless trains will run every 90 seconds at peak times", ["temporal"], [(90, "exact", "seconds", "90 seconds")]),
        C("reach a top speed of 80 km/h", ["quantity"], [(80, "exact", "km/h", "80 km/h")],
          text="Line 4's driverless trains reach a top speed of 80 km/h."),
        C("The line cost 2.3 billion euros, 12 percent over its original budget of 2.05 billion euros",
          ["quantity", "comparison"], [(2300000000, "exact", "EUR", "2.3 billion euros"), (12, "exact", "percent", "12 percent"),
                                       (2050000000, "exact", "EUR", "2.05 billion euros")]),
        C("was completed 14 months behind schedule", ["temporal", "comparison"], [(14, "exact", "months", "14 months")],
          text="Line 4 was completed 14 months behind schedule."),
        C("Construction began in 2019", ["temporal"]),
        C("employed up to 3,200 workers at its peak", ["quantity"], [(3200, "at_most", "workers", "up to 3,200 workers")],
          text="Construction of Line 4 employed up to 3,200 workers at its peak."),
        C("HTA forecasts that Line 4 will carry 160,000 passengers a day by 2028",
          ["quantity", "temporal", "attribution", "prediction"], [(160000, "exact", "passengers", "160,000 passengers")], "HTA"),
        C("All 11 stations have step-free access", ["quantity"], [(11, "exact", "stations", "All 11 stations")]),
        C("the tunnels were bored by two machines named after local scientists", ["quantity"],
          [(2, "exact", "machines", "two machines")]),
        C("The European Investment Bank lent 900 million euros towards the project", ["quantity"],
          [(900000000, "exact", "EUR", "900 million euros")]),
        C("the largest loan it has made to a Nordic transport scheme", ["superlative"],
          text="The European Investment Bank's 900-million-euro loan is the largest it has made to a Nordic transport scheme."),
        C("A single ticket costs 3.40 euros", ["quantity"], [(3.4, "exact", "EUR", "3.40 euros")]),
        C("Halden Transport Authority runs buses, trams and metro services for 1.1 million residents", ["quantity"],
          [(1100000, "exact", "residents", "1.1 million residents")]),
        C("Line 5, a 9-kilometre extension to the university", ["quantity"], [(9, "exact", "km", "9-kilometre")],
          text="Line 5 is a 9-kilometre extension of the Halden Metro to the university."),
        C("is due to open in 2031", ["temporal"], text="Line 5 of the Halden Metro is due to open in 2031."),
    ],
    [
        "\"Today is a proud day for Halden,\" said HTA chief executive Sofie Lund",
        "\"Line 4 will transform the way people move around our city.\"",
        "The authority is committed to making the metro carbon-neutral and will work with partners to improve access for "
        "everyone",
        "Local businesses hope the line will bring more visitors to Nordhavn",
        "For media enquiries, please contact the HTA press office",
    ],
)

# ---------------------------------------------------------------------------------------------
article(
    "ext8_07_feature-cyclist", "The long climb of Mira Tolvanen", "sport", "feature",
    [
        "Mira Tolvanen was 31 when she first sat on a racing bike. Six years later she holds the world hour record.",
        "On a wet evening in Grenoble in September, Tolvanen rode 50.122 kilometres in 60 minutes, beating the previous "
        "mark by 387 metres. She is the first woman to ride more than 50 km in an hour.",
        "\"I didn't feel my legs for the last ten minutes,\" she says, laughing. \"I just counted the laps.\"",
        "It is an unlikely story. Tolvanen spent 11 years as a nurse in Turku, working night shifts in an intensive care "
        "unit, before a knee injury ended her running career.",
        "Her coach, Ari Lehto, spotted her at a local time trial in 2020, where she beat the national champion by 42 "
        "seconds.",
        "By 2022 she had turned professional with the Dutch team Veloform, which pays her about 90,000 euros a year, "
        "according to people familiar with the contract.",
        "Her power numbers are extraordinary. During the hour she averaged 352 watts, about 5.6 watts per kilogram of body "
        "weight, Lehto says.",
        "She trains 25 hours a week and has not taken a day off since June.",
        "Her record ride averaged 50.1 km/h, on a track where the temperature was kept at 28 degrees Celsius to thin the air.",
        "Not everyone is convinced the mark will last. Some rivals think it will fall within a year.",
        "Tolvanen is the only Finnish cyclist, man or woman, to have held a world record on the track.",
        "She will attempt to defend her world time-trial title in Zurich next year.",
        "Does she miss nursing? \"Every day,\" she says. \"But this is the most beautiful pain I know.\"",
    ],
    [
        C("Mira Tolvanen was 31 when she first sat on a racing bike", ["quantity"], [(31, "exact", "years", "31")]),
        C("Six years later she holds the world hour record", ["superlative", "temporal"], [(6, "exact", "years", "Six years")],
          text="Six years after first sitting on a racing bike, Mira Tolvanen holds the world hour record."),
        C("On a wet evening in Grenoble in September, Tolvanen rode 50.122 kilometres in 60 minutes",
          ["quantity", "temporal"], [(50.122, "exact", "km", "50.122 kilometres"), (60, "exact", "minutes", "60 minutes")]),
        C("beating the previous mark by 387 metres", ["quantity", "comparison"], [(387, "exact", "m", "387 metres")],
          text="Tolvanen beat the previous hour record by 387 metres."),
        C("She is the first woman to ride more than 50 km in an hour", ["superlative", "quantity"],
          [(50, "more_than", "km", "more than 50 km")], text="Mira Tolvanen is the first woman to ride more than 50 km in an hour."),
        C("Tolvanen spent 11 years as a nurse in Turku, working night shifts in an intensive care unit", ["temporal"],
          [(11, "exact", "years", "11 years")]),
        C("before a knee injury ended her running career", ["causal", "other"],
          text="A knee injury ended Mira Tolvanen's running career."),
        C("Her coach, Ari Lehto, spotted her at a local time trial in 2020", ["temporal"]),
        C("where she beat the national champion by 42 seconds", ["temporal", "comparison"], [(42, "exact", "seconds", "42 seconds")],
          text="At a local time trial in 2020, Tolvanen beat the national champion by 42 seconds."),
        C("By 2022 she had turned professional with the Dutch team Veloform", ["temporal", "other"]),
        C("which pays her about 90,000 euros a year, according to people familiar with the contract",
          ["quantity", "attribution"], [(90000, "approx", "EUR", "about 90,000 euros")], "people familiar with the contract",
          text="Veloform pays Mira Tolvanen about 90,000 euros a year."),
        C("During the hour she averaged 352 watts, about 5.6 watts per kilogram of body weight, Lehto says",
          ["quantity", "attribution"], [(352, "exact", "W", "352 watts"), (5.6, "approx", "W/kg", "about 5.6 watts per kilogram")],
          "Lehto"),
        C("She trains 25 hours a week", ["temporal"], [(25, "exact", "hours", "25 hours")],
          text="Mira Tolvanen trains 25 hours a week."),
        C("has not taken a day off since June", ["temporal"], text="Mira Tolvanen has not taken a day off since June."),
        C("Her record ride averaged 50.1 km/h, on a track where the temperature was kept at 28 degrees Celsius to thin the air",
          ["quantity"], [(50.1, "exact", "km/h", "50.1 km/h"), (28, "exact", "celsius", "28 degrees Celsius")],
          text="Mira Tolvanen's record ride averaged 50.1 km/h, on a track kept at 28 degrees Celsius."),
        C("Tolvanen is the only Finnish cyclist, man or woman, to have held a world record on the track", ["superlative"]),
    ],
    [
        "\"I didn't feel my legs for the last ten minutes,\" she says, laughing",
        "\"I just counted the laps.\"",
        "It is an unlikely story",
        "Her power numbers are extraordinary",
        "Some rivals think it will fall within a year",
        "\"But this is the most beautiful pain I know.\"",
    ],
)

# ---------------------------------------------------------------------------------------------
article(
    "ext8_08_wire-central-bank", "Ostrava central bank holds rates, cuts growth forecast", "economy", "wire",
    [
        "VESNA, Ostrava (AP) — Ostrava's central bank kept its main interest rate at 4.25 percent on Thursday for the fourth "
        "meeting in a row and cut its forecast for economic growth this year to 0.6 percent from 1.1 percent.",
        "The bank's board voted 5-2 to hold, with two members favouring a cut of a quarter of a percentage point, minutes "
        "released with the decision showed.",
        "Inflation fell to 3.8 percent in October from 4.4 percent in September, the statistics office said last week, the "
        "lowest reading since March 2022.",
        "The bank now expects inflation to return to its 2 percent target in the second half of 2027, about six months "
        "later than it predicted in July.",
        "Governor Lidia Varga told a news conference that energy prices had risen by 14 percent since the summer and were "
        "keeping inflation high.",
        "\"We are not in a hurry,\" Varga said. \"The last mile is always the hardest.\"",
        "Most economists polled by Reuters had expected the bank to hold. Several said they now expect the first cut in "
        "March.",
        "The koruna weakened 0.4 percent against the euro after the decision, to 25.31 per euro.",
        "Unemployment stands at 5.9 percent, 1.2 percentage points higher than a year ago, and the economy shrank by 0.2 "
        "percent in the third quarter.",
        "The finance ministry forecasts a budget deficit of 3.1 percent of gross domestic product next year.",
        "Varga said the bank was ready to act if the outlook changed.",
        "Since 2023 the bank has raised rates seven times, taking borrowing costs to their highest level in 15 years.",
        "Mortgage lending fell by a third in the first nine months of the year, according to the banking association.",
        "The bank's next decision is due on 18 December.",
    ],
    [
        C("Ostrava's central bank kept its main interest rate at 4.25 percent on Thursday for the fourth meeting in a row",
          ["quantity", "temporal"], [(4.25, "exact", "percent", "4.25 percent")]),
        C("cut its forecast for economic growth this year to 0.6 percent from 1.1 percent",
          ["quantity", "comparison", "prediction", "attribution", "temporal"],
          [(0.6, "exact", "percent", "0.6 percent"), (1.1, "exact", "percent", "1.1 percent")], "Ostrava's central bank",
          text="Ostrava's central bank cut its forecast for economic growth this year to 0.6 percent from 1.1 percent."),
        C("The bank's board voted 5-2 to hold", ["quantity", "other"], [(5, "exact", "votes", "5"), (2, "exact", "votes", "2")]),
        C("with two members favouring a cut of a quarter of a percentage point, minutes released with the decision showed",
          ["quantity", "attribution"], [(2, "exact", "members", "two members"),
                                        (0.25, "exact", "percentage_points", "a quarter of a percentage point")],
          "minutes released with the decision",
          text="Two members of the bank's board favoured a cut of a quarter of a percentage point."),
        C("Inflation fell to 3.8 percent in October from 4.4 percent in September, the statistics office said last week",
          ["quantity", "comparison", "temporal", "attribution"],
          [(3.8, "exact", "percent", "3.8 percent"), (4.4, "exact", "percent", "4.4 percent")], "the statistics office"),
        C("the lowest reading since March 2022", ["superlative", "temporal", "attribution"], [], "the statistics office",
          text="October's inflation rate of 3.8 percent was the lowest reading since March 2022."),
        C("The bank now expects inflation to return to its 2 percent target in the second half of 2027, about six months "
          "later than it predicted in July", ["quantity", "temporal", "prediction", "comparison", "attribution"],
          [(2, "exact", "percent", "2 percent"), (6, "approx", "months", "about six months")], "The bank"),
        C("Governor Lidia Varga told a news conference that energy prices had risen by 14 percent since the summer and were "
          "keeping inflation high", ["quantity", "temporal", "causal", "attribution"],
          [(14, "exact", "percent", "14 percent")], "Governor Lidia Varga"),
        C("Most economists polled by Reuters had expected the bank to hold", ["attribution", "other"], [], "Reuters"),
        C("The koruna weakened 0.4 percent against the euro after the decision, to 25.31 per euro",
          ["quantity", "causal"], [(0.4, "exact", "percent", "0.4 percent"), (25.31, "exact", None, "25.31")]),
        C("Unemployment stands at 5.9 percent, 1.2 percentage points higher than a year ago", ["quantity", "comparison"],
          [(5.9, "exact", "percent", "5.9 percent"), (1.2, "exact", "percentage_points", "1.2 percentage points")]),
        C("the economy shrank by 0.2 percent in the third quarter", ["quantity", "temporal"],
          [(0.2, "exact", "percent", "0.2 percent")]),
        C("The finance ministry forecasts a budget deficit of 3.1 percent of gross domestic product next year",
          ["quantity", "temporal", "prediction", "attribution"], [(3.1, "exact", "percent", "3.1 percent")], "The finance ministry"),
        C("Since 2023 the bank has raised rates seven times", ["quantity", "temporal"], [(7, "exact", "times", "seven times")]),
        C("taking borrowing costs to their highest level in 15 years", ["superlative", "temporal"],
          [(15, "exact", "years", "15 years")], text="Ostrava's borrowing costs are at their highest level in 15 years."),
        C("Mortgage lending fell by a third in the first nine months of the year, according to the banking association",
          ["quantity", "temporal", "attribution"],
          [(0.3333, "exact", "fraction", "a third"), (9, "exact", "months", "nine months")], "the banking association"),
        C("The bank's next decision is due on 18 December", ["temporal"]),
    ],
    [
        "\"We are not in a hurry,\" Varga said",
        "\"The last mile is always the hardest.\"",
        "Several said they now expect the first cut in March",
        "Varga said the bank was ready to act if the outlook changed",
    ],
)

if __name__ == "__main__":
    check_and_write()
