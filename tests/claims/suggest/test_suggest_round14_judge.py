"""Round 14, the judging side: what is and is not a claim, and which types a claim gets.

Reactions and non-answers are not claims; a quoted verdict on a figure is the verdict, not the
figure; comparisons by a multiple, a size, a margin above or below another figure; an institution's
own forecast of what it will do; sources that an account, official figures, a team or a court give.
Every sentence is invented for the test (GUIDELINES.md: opinions, value judgements, feelings and
boilerplate are not claims; attribution is added when a claim is reported; an attributed forecast
with a figure from an official body is a prediction claim).
"""

from __future__ import annotations

import pytest

from factcheck.claims.suggest import suggest


def _one(text: str):
    got = suggest(text)
    assert len(got) == 1, [s.text for s in got]
    return got[0]


# --- what is not a claim ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Harbour traders welcomed the decision.",
    "Opposition councillors criticised the timing of the announcement.",
    "The mayor's widow wept in the public gallery.",
    "Mr Okonjo showed no reaction as the sentence was read.",
    "The transport union condemned the closures.",
    "Fans outside the ground appeared unconcerned.",
])
def test_a_reaction_without_a_figure_is_not_suggested(text):
    assert suggest(text) == []


def test_a_reaction_with_a_figure_of_its_own_is_still_a_claim():
    got = _one("The festival welcomed some 14,000 visitors over the weekend.")
    assert "quantity" in got.types and got.quantities[0]["value"] == 14000


@pytest.mark.parametrize("text", [
    "A spokeswoman for the port authority declined to comment further.",
    "The governor declined to say whether rates would rise again in March.",
    "The ministry did not say when the inquiry would report.",
])
def test_a_non_answer_is_boilerplate(text):
    assert suggest(text) == []


@pytest.mark.parametrize("text", [
    "The harbour board did not respond to questions about how many berths had been lost.",
    "The ministry has not confirmed the cause of the blast.",
    "Residents are asked to stay indoors and not to return to the valley until told it is safe.",
    "That is broadly correct.",
    "That is a significant rise, but it is not a doubling.",
    "Pundits were divided on whether the striker is worth the money.",
    "Kovac is due to give evidence.",
])
def test_silence_instructions_and_verdicts_on_claims_are_not_suggested(text):
    assert suggest(text) == [], [(s.text, s.types) for s in suggest(text)]


def test_a_delay_due_to_a_strike_is_still_a_cause():
    got = _one("Some 40 flights were cancelled due to a strike by baggage handlers.")
    assert "causal" in got.types


def test_a_quoted_verdict_on_a_figure_is_not_a_claim():
    text = '"Forty million for a goalkeeper who has never played abroad is madness," said the former coach.'
    assert suggest(text) == []


def test_a_figure_as_the_subject_of_a_quoted_verdict_is_not_a_claim():
    text = 'The rector said a fall of nine places was "statistically meaningless" for a university of that size.'
    assert suggest(text) == []


def test_a_quoted_verdict_after_the_figure_s_clause_leaves_the_figure_a_claim():
    text = 'The firm cut about 240 jobs in a restructuring that the union described as "savage".'
    got = _one(text)
    assert got.quantities[0]["value"] == 240 and "quantity" in got.types


def test_calling_plans_a_quoted_name_is_an_opinion():
    assert suggest('A former treasurer called the budget "a fairy tale written in spreadsheets".') == []


# --- comparison ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, figure", [
    ("The reservoir released almost three times its usual daily volume on Tuesday.", None),
    ("The new terminal handles more than four times Kelby's traffic, the operator said.", None),
    ("The crater is about the size of a football pitch, the survey team said.", None),
    ("Rainfall in the valley has been 40 percent below average since April.", 40),
    ("The new bridge cost £1.2 billion, 18 percent over its original budget.", 18),
    ("Nurses at the trust earn about a third of what agency staff are paid.", None),
    ("The fine falls short of the £2 million the regulator had sought.", 2_000_000),
    ("Turnout reached 61 percent against 54 percent at the last election.", 54),
])
def test_a_figure_set_against_another_is_a_comparison(text, figure):
    got = suggest(text)
    assert got and "comparison" in got[0].types, [(s.text, s.types) for s in got]
    if figure is not None:
        assert any(q["value"] == figure for s in got for q in s.quantities)


@pytest.mark.parametrize("text", [
    "A mobile library now visits the village twice a week.",
    "Crews cannot climb the pylons while gusts exceed 70 km/h, the operator said.",
    "Revenue grew by 4.1 percent over the same period.",
    "The Green Party fell short of a majority in the regional assembly.",
])
def test_a_frequency_a_threshold_or_a_period_compares_nothing(text):
    got = suggest(text)
    assert got and all("comparison" not in s.types for s in got), [(s.text, s.types) for s in got]


# --- prediction and attribution -----------------------------------------------------------------------

def test_an_institution_expecting_to_act_with_a_figure_is_an_attributed_prediction():
    got = _one("The health trust expects to recruit around 420 additional staff for the new wing.")
    assert {"prediction", "attribution", "quantity"} <= set(got.types)
    assert got.attributed_to == "The health trust"


def test_an_institution_expecting_to_act_within_a_period_is_an_attributed_prediction():
    got = _one("The utility expects to restore power to most homes within 48 hours.")
    assert {"prediction", "attribution", "temporal"} <= set(got.types)
    assert got.attributed_to == "The utility"


def test_a_person_expecting_something_is_not_an_institution_s_forecast():
    got = suggest("Okafor expects to score 15 goals this season.")
    assert all("prediction" not in s.types and s.attributed_to is None for s in got)


def test_an_institution_expecting_something_without_a_figure_is_not_a_claim():
    assert suggest("The operator expects disruption to continue until at least Friday.") == []


@pytest.mark.parametrize("text, source", [
    ("Household spending fell by 0.6 percent in the second quarter, official figures showed last month.",
     "official figures"),
    ("The county's latest statement of accounts puts its reserves at £18.2 million.",
     "The county's latest statement of accounts"),
    ("The asteroid last passed this close to Earth about 9,000 years ago, the team calculated.", "the team"),
    ("Invoices from the firm had risen by 300 percent in a single year, the court was told.", "the court"),
])
def test_a_figure_given_by_an_account_a_team_or_a_court_is_attributed(text, source):
    got = _one(text)
    assert "attribution" in got.types and got.attributed_to == source


def test_reporting_a_deficit_is_the_subject_s_own_act_not_a_source():
    got = _one("The college reported a deficit of £9 million in August.")
    assert "attribution" not in got.types and got.attributed_to is None


def test_putting_jobs_at_risk_is_no_estimate():
    got = _one("The closures put 300 jobs at risk.")
    assert got.attributed_to is None


def test_a_fragment_that_starts_with_an_auxiliary_has_no_source():
    text = "The observatory, which opened in 1961, has reported 14 new asteroids since January."
    got = suggest(text)
    assert got and all(s.attributed_to not in ("has", "have", "had") for s in got)


# --- suggest_eval's type table ----------------------------------------------------------------------

def test_the_type_table_counts_missed_and_spurious_types_without_naming_sentences(tmp_path, capsys):
    import json
    import sys
    from pathlib import Path

    bench = Path(__file__).resolve().parents[3] / "bench"
    sys.path.insert(0, str(bench))
    try:
        import suggest_eval
    finally:
        sys.path.remove(str(bench))
    text = "The storm killed 12 people on Monday, police said. Tenants welcomed the verdict."
    article = {"title": "t", "lang": "en", "text": text, "non_claims": ["Tenants welcomed the verdict"],
               "claims": [{"quote": "The storm killed 12 people on Monday, police said",
                           "types": ["quantity", "causal"], "quantities": [], "attributed_to": None}]}
    folder = tmp_path / "blind-test"
    folder.mkdir()
    (folder / "a.json").write_text(json.dumps(article), encoding="utf-8")
    assert suggest_eval.main(["--corpus", str(folder), "--types"]) == 0
    out = capsys.readouterr().out
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines() if line.split()[:1] and
            line.split()[0] in ("quantity", "causal", "temporal", "attribution")}
    got = suggest(text)[0]
    assert rows["quantity"] == ["1", "0", "0"]
    assert rows["causal"][1] == ("0" if "causal" in got.types else "1")
    assert rows["temporal"] == ["0", "0", "1"]  # the suggestion has a date the gold set lacks
    assert "storm" not in out and "Tenants" not in out  # a blind corpus prints aggregates only


def test_a_quoted_ranking_held_against_a_record_is_a_superlative_claim():
    # A tryout's "This is the deadliest flood this county has seen since records began in 1888" was
    # typed temporal only: a quoted ranking read as the speaker's verdict.
    from factcheck.claims.suggest import suggest

    for text in ('"This is the deadliest flood this county has seen since records began in 1888," Ashdown told reporters.',
                 '"This is the worst storm on record," the forecaster said.'):
        [claim] = suggest(text)
        assert "superlative" in claim.types, text
    # A quoted verdict with no record to hold it against stays testimony.
    assert suggest('"It was the worst night of my life," she said.') == []
