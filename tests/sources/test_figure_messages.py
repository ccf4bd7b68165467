"""The figure check's sentence is said in the reader's language, from what the worker stored."""

from __future__ import annotations

import pytest
from django.utils import translation

from factcheck.sources.figure_messages import summary_of
from factcheck.sources.figures import figure_check

CLAIM = "The flood forced 4,000 residents from their homes"


def _stored(source: str) -> dict:
    with translation.override("en-gb"):  # the worker writes in the site's language
        return figure_check(CLAIM, source).as_dict()


@pytest.mark.parametrize(("lang", "source", "words"), [
    ("ar", "Officials said 2,500 residents left their homes.", "المصدر"),
    ("he", "Officials said 2,500 residents left their homes.", "המקור"),
    ("ar", "The council said no resident was moved from any home that week.", "المصدر"),
])
def test_the_summary_on_the_page_follows_the_readers_language(lang, source, words):
    result = _stored(source)
    assert result["summary"].startswith("The ")  # stored and served by the API in English
    with translation.override(lang):
        said = summary_of(result)
    assert words in said, said
    assert "The source" not in said and "The claim" not in said


def test_english_readers_get_the_same_sentence_the_worker_stored():
    for source in ("Some 4,000 residents left their homes, the council said.",
                   "About 2,500 residents left their homes.", "The bridge reopened on Monday."):
        result = _stored(source)
        with translation.override("en-gb"):
            assert summary_of(result) == result["summary"]


def test_a_result_stored_before_labels_keeps_its_own_sentence():
    assert summary_of({"outcome": "not_found", "summary": "The source does not state 4,000."}) == (
        "The source does not state 4,000.")
