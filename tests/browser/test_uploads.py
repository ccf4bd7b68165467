"""A reviewer uploads a document as a source, reads its text, and downloads the file as it was uploaded.

The download is read from STORAGES["default"] (a shared MEDIA_ROOT or an S3 bucket), which is what lets
any web process on any host serve it (tests/test_multi_instance.py).
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import expect

from tests.browser import scenario
from tests.browser.helpers import login

NOTES = b"Council survey notes, 14 March.\nSurveyors counted 2,190 homes flooded in the river district.\n"


def test_reviewer_uploads_a_document_and_downloads_it_from_the_snapshot_page(app, page, editor, reviewer, tmp_path,
                                                                            settings):
    settings.MEDIA_ROOT = tmp_path
    _article, claims = scenario.assigned_claims(editor, reviewer)
    claim = claims[0]
    upload = tmp_path / "survey-notes.txt"
    upload.write_bytes(NOTES)

    login(page, app, reviewer.username)
    page.goto(f"{app}/claims/{claim.pk}/")
    page.get_by_test_id("source-file").set_input_files(str(upload))
    page.get_by_test_id("attach-source").click()
    source = page.get_by_test_id("source")
    expect(source).to_have_count(1)
    expect(source).to_contain_text("Council survey notes, 14 March.")  # its title: the first line

    source.get_by_test_id("read-snapshot").click()
    page.wait_for_url("**/snapshot/")
    expect(page.get_by_test_id("snapshot-text")).to_contain_text("Surveyors counted 2,190 homes flooded")
    link = page.get_by_test_id("source-original")
    expect(link).to_have_text("Download the original file (survey-notes.txt)")
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename == "survey-notes.txt"
    assert Path(download.path()).read_bytes() == NOTES
