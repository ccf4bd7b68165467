"""The figure check's rules of round 7, with sentences written for this test (not taken from any pair
set): a refuting cue outside the figure's clause (a later clause, the next or the previous sentence),
verbs and predicates of dismissal, hedges a few words before the figure, scare quotes, and Arabic and
Hebrew sentences that estimate the count again, lower. Each refuting rule has a twin that states the
figure, so a rule that fires on any sentence fails here."""

from __future__ import annotations

import pytest

from factcheck.sources.figures import figure_check


def check(claim: str, source: str, value: float, unit: str | None):
    return figure_check(claim, source, [{"value": value, "qualifier": "exact", "unit": unit}])


@pytest.mark.parametrize(("claim", "source", "value", "unit"), [
    # The next sentence rejects "that tally" without repeating the figure.
    ("The march drew 6,000 people", "Unions said 6,000 people took part. The interior ministry disputed that tally.",
     6_000, "people"),
    # The next sentence calls the crowd a fraction of it.
    ("The march drew 6,000 people", "Unions said 6,000 people took part. Footage shows half that at most, "
     "and probably a fraction of that.", 6_000, "people"),
    # The previous sentence calls false the thing this one reports.
    ("310 cattle died in the floods", "Farmers' groups denied a widely shared message. The message claimed that "
     "310 cattle had died in the floods.", 310, "cattle"),
    # A disputing clause naming "a figure ... cannot verify".
    ("The charity fed 9,500 families", "The charity says it fed 9,500 families, a number the regulator says it could "
     "not independently verify.", 9_500, "families"),
    # A later correction: "the real number was".
    ("The airport handled 2,100 flights", "The operator first put flights at 2,100; a week later it said the actual "
     "figure was nearer 1,600.", 2_100, "flights"),
    # A hedge ("boasted of") answered by a smaller count in the same sentence.
    ("The council planted 12,000 trees", "The council boasted of 12,000 new trees, yet volunteers counted only 4,300 "
     "saplings.", 12_000, "trees"),
    # A re-estimate of the same count in a contrasting clause.
    ("The march drew 6,000 people", "Unions said 6,000 people took part, although police estimated the crowd at "
     "roughly 2,000.", 6_000, "people"),
    # Verbs and predicates of dismissal.
    ("The scheme created 700 jobs", "The 700 jobs figure was rubbished by local employers.", 700, "jobs"),
    ("The scheme created 700 jobs", "The minister's claim of 700 jobs bears no relation to payroll data.", 700, "jobs"),
    ("The scheme created 700 jobs", "Economists said the 700 jobs figure was simply not credible.", 700, "jobs"),
    ("The scheme created 700 jobs", "Officials called the 700 figure 'an invention' of the campaign.", 700, "jobs"),
    ("The scheme created 700 jobs", "The 700 figure, widely shared online, came from a misprinted leaflet.", 700, "jobs"),
    ("The scheme cost £45 million", "The auditors said the £45 million could not be traced in the accounts.",
     45_000_000, "GBP"),
    # A hedge a few words before the figure.
    ("The scheme saved £45 million", "The watchdog questioned nothing else, but the touted savings of £45 million "
     "appear nowhere in the accounts.", 45_000_000, "GBP"),
    # Scare quotes around the figure.
    ("The scheme created 700 jobs", "Reporters went looking for the '700' figure at the site.", 700, "jobs"),
])
def test_a_refuted_figure_is_never_a_match(claim, source, value, unit):
    result = check(claim, source, value, unit)
    assert result.label == "contradicts", result.summary


@pytest.mark.parametrize(("claim", "source", "value", "unit"), [
    # The next sentence rejects something else ("the claim that police used force"): the figure stands.
    ("The march drew 6,000 people", "Police said 6,000 people took part in the march. Organisers rejected the claim that "
     "the route had been changed.", 6_000, "people"),
    # The previous sentence is false about something else; this one is no report of it.
    ("310 cattle died in the floods", "Officials denied that the dam had failed. Vets said 310 cattle had died in "
     "the floods.", 310, "cattle"),
    # A later "but only N" about other things, with no hedge before the figure.
    ("The charity fed 9,500 families", "The charity fed 9,500 families this winter, but only 12 volunteers stayed "
     "all season.", 9_500, "families"),
    # "the figure of N" after a rejection in the next sentence is another figure rejected.
    ("The march drew 6,000 people", "Police said 6,000 people took part in the march. They rejected the figure of 20,000 "
     "given by the organisers.", 6_000, "people"),
    # A quoted figure without a figure noun after it is a quotation, not scare quotes.
    ("The scheme created 700 jobs", "\"We created 700 jobs,\" the manager said.", 700, "jobs"),
])
def test_a_stated_figure_is_still_a_match(claim, source, value, unit):
    result = check(claim, source, value, unit)
    assert result.label == "states", result.summary


def test_sales_state_a_claims_revenue():
    result = check("The firm reported revenue of $2.3 billion", "Sales reached about $2.3bn last year.",
                   2_300_000_000, "USD")
    assert result.label == "states", result.summary


@pytest.mark.parametrize(("source", "label"), [
    # Hebrew: the organisers' figure, then the police's lower estimate of "their number".
    ("לדברי המארגנים השתתפו בעצרת 6,000 איש, אך המשטרה העריכה את מספרם ב-2,000 בלבד.", "contradicts"),
    # Arabic: the same, "estimated the number at about 2,000 only".
    ("قال المنظمون إن 6,000 شخص شاركوا في المسيرة، لكن الشرطة قدرت العدد بنحو 2,000 فقط.", "contradicts"),
    # Hebrew: a later estimate of something else ("5 more missing") leaves the figure stated.
    ("6,000 איש השתתפו בעצרת, אך המשטרה העריכה כי 5 נוספים נעצרו.", "states"),
])
def test_rtl_later_estimate(source, label):
    result = check("The march drew 6,000 people", source, 6_000, "people")
    assert result.label == label, result.summary
