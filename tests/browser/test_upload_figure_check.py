"""A reviewer uploads a CSV as a claim's source through the claim page and reads the figure check's
verdict there (issue 15): the worker reads the uploaded file's figures with their rows, as it reads
a fetched page's sentences."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser import scenario
from tests.browser.helpers import login

# Written for this test: the harbour authority's job table, whose construction row says 290, not 350.
TABLE = (
    b"project,phase,local jobs,year\n"
    b"Port Ellery desalination plant,construction,290,2026\n"
    b"Port Ellery desalination plant,operation,35,2027\n"
)


def test_reviewer_uploads_a_csv_and_reads_the_figure_check_verdict(app, page, editor, reviewer, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    _article, claims = scenario.assigned_claims(editor, reviewer)
    jobs = claims[1]  # "construction would create 350 local jobs"
    upload = tmp_path / "harbour-jobs.csv"
    upload.write_bytes(TABLE)

    login(page, app, reviewer.username)
    page.goto(f"{app}/claims/{jobs.pk}/")
    page.get_by_test_id("source-file").set_input_files(str(upload))
    page.get_by_test_id("attach-source").click()
    source = page.get_by_test_id("source")
    expect(source).to_have_count(1)
    expect(source.get_by_test_id("lookup-figure_check")).to_have_attribute("data-status", "done", timeout=30_000)

    figure = source.get_by_test_id("figure-check")
    expect(figure).to_have_attribute("data-outcome", "inconsistent")
    expect(figure).to_contain_text("Figure differs")
    expect(figure).not_to_contain_text("Figure matches")
    expect(figure).to_contain_text("The claim says 350 local jobs; the source says 290.")
    passage = figure.get_by_test_id("figure-passage")
    expect(passage.first).to_have_attribute("data-label", "different")
    expect(passage.first).to_contain_text("construction")
