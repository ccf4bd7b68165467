"""A new user's tryout (round 13): a merged claim's bare "12" was called different from the source's dockers.

The user merged "… 41 container ships …" and "… up from 12" into one claim; the "12" kept the quantity the
suggestion engine read in its own part, with no unit. The attached page states 41 container ships, never
12, but does count 1,900 dockers and 2.1 million containers: the claim page said "Figure differs: The claim
says 12; the source says 1,900 dockers, 2.1 million containers." instead of "Some figures match, not all".
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from factcheck.claims.models import ClaimStatus
from factcheck.sources.figure_messages import found_in_part
from factcheck.sources.figures import figure_check, quantities_of
from factcheck.sources.tasks import run_lookup
from tests.sources.support import Page, html_page
from tests.support.factories import ArticleFactory, make_claim

CLAIM = "Harbour officials said the port of Kelmar handled 41 container ships in October, up from 12"
SOURCE = ("The port of Kelmar handled 41 container ships in October, harbour officials said. "
          "The port employs 1,900 dockers and moved 2.1 million containers last year.")
PARTLY = "The source states 41 container ships (as “41 container ships”); it does not state 12."


def bare(value: int) -> dict:
    """A figure as a merged claim keeps it from the part it was read in: "up from 12" says no unit."""
    return {"value": value, "qualifier": "exact", "unit": None, "text": str(value)}


def ships(claim: str = CLAIM) -> dict:
    return next(q for q in quantities_of(claim) if q["value"] == 41)


def test_the_merged_claims_bare_figure_is_not_found_rather_than_different():
    check = figure_check(CLAIM, SOURCE, [ships(), bare(12)])
    assert (check.outcome, check.label) == ("consistent", "states")
    assert found_in_part(check.as_dict())  # the claim page's heading: "Some figures match, not all"
    assert check.summary == PARTLY
    assert "dockers" not in check.summary and "containers" not in check.summary


@pytest.mark.django_db
def test_the_claim_page_says_some_figures_match(client, reviewer, editor, loopback, queued,
                                                django_capture_on_commit_callbacks):
    article = ArticleFactory(created_by=editor, title="Kelmar port", text=f"{CLAIM}, the port authority said.\n")
    claim = make_claim(article, CLAIM, status=ClaimStatus.ASSIGNED, assignee=reviewer,
                       quantities=[ships(), bare(12)])
    loopback.routes["/port"] = Page(html_page("Kelmar port in October", SOURCE.split(". ")))
    client.force_login(reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("source_attach", args=[claim.pk]), {"url": loopback.url("/port"), "stance": "supports"})
    while queued:
        with django_capture_on_commit_callbacks(execute=True):
            run_lookup(queued.pop(0))
    page = client.get(reverse("claim_detail", args=[claim.pk])).content.decode()
    assert "Some figures match, not all" in page and "Figure differs" not in page
    assert "it does not state 12." in page
    assert "the source says 1,900 dockers" not in page


@pytest.mark.parametrize("claim", [
    "The port of Kelmar handled 41 container ships in October, compared with 12 in 2019",
    "The port of Kelmar handled 41 container ships in October, up from 12 a year earlier",
])
def test_a_baseline_counts_what_the_claims_other_figure_counts(claim):
    check = figure_check(claim, SOURCE, [ships(claim), bare(12)])
    assert check.label == "states" and found_in_part(check.as_dict())
    assert check.summary == PARTLY
    # Checked alone (as a pair file gives it), the "12" is still no different figure.
    assert figure_check(claim, SOURCE, [bare(12)]).summary == "The source does not state 12 (or any close figure)."


def test_a_percentage_change_is_not_what_its_baseline_counts():
    claim = "The port of Kelmar handled 41 container ships in October, up 4 percent from 12"
    check = figure_check(claim, SOURCE)
    assert check.label == "states" and found_in_part(check.as_dict())
    assert check.summary == ("The source states 41 container ships (as “41 container ships”); it does not state "
                             "4 percent, 12.")
    # The baseline counts ships: a source that gives another count of ships differs from it.
    other = figure_check(claim, f"{SOURCE} A year earlier the port of Kelmar handled 15 container ships.",
                         [ships(claim), bare(12)])
    assert other.label == "different"
    assert other.summary == "The claim says 12; the source says 15 container ships."


def test_a_claim_of_three_figures_with_one_not_found_matches_in_part():
    claim = "The port of Kelmar handled 41 container ships in October, up from 12, and employs 1,900 dockers"
    given = [ships(claim), bare(12), next(q for q in quantities_of(claim) if q["value"] == 1900)]
    check = figure_check(claim, SOURCE, given)
    assert check.label == "states" and found_in_part(check.as_dict())
    assert check.summary == ("The source states 41 container ships (as “41 container ships”); 1,900 dockers "
                             "(as “1,900 dockers”); it does not state 12.")
    assert [f["label"] for f in check.figures] == ["states", "absent", "states"]


def test_a_bare_figure_differs_only_from_counts_of_what_the_claim_names():
    source = ("Union officials said 40 dockers were on strike at the port of Kelmar and 9 ships were held "
              "at the port.")
    named = figure_check("Union officials said the number of striking dockers at the port of Kelmar rose to 12",
                         source, [bare(12)])
    # The summary names the dockers the claim is about, not the ships it never mentions.
    assert named.summary == "The claim says 12; the source says 40 dockers."
    unnamed = figure_check("Union officials said the strike at the port of Kelmar left 12 idle",
                           "Union officials said the strike at the port of Kelmar left 40 dockers idle.", [bare(12)])
    assert unnamed.label == "absent"
