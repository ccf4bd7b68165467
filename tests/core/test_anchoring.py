"""Text anchors: make_anchor, valid_span and reanchor, with property tests."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from factcheck.core.anchoring import CONTEXT_CHARS, expected_position, make_anchor, reanchor, valid_span

TEXT = "Exports rose 4% in May. Imports fell 2% in May. Exports rose 4% in June, officials said."


def anchor_again(new_text: str, old_text: str, start: int, end: int, *, with_old_text: bool = True):
    a = make_anchor(old_text, start, end)
    return reanchor(new_text, a.quote, a.prefix, a.suffix, a.start, len(old_text),
                    old_text=old_text if with_old_text else None)


# --- make_anchor / valid_span -------------------------------------------------------------


def test_make_anchor_takes_context_on_both_sides():
    start = TEXT.index("Exports rose 4% in June")
    a = make_anchor(TEXT, start, start + 15)
    assert a.quote == "Exports rose 4%"
    assert a.prefix == TEXT[start - CONTEXT_CHARS : start] and len(a.prefix) == CONTEXT_CHARS
    assert a.suffix == TEXT[start + 15 : start + 15 + CONTEXT_CHARS]


def test_make_anchor_at_the_edges_has_short_context():
    a = make_anchor(TEXT, 0, 7)
    assert (a.prefix, a.quote) == ("", "Exports")
    b = make_anchor(TEXT, len(TEXT) - 5, len(TEXT))
    assert (b.quote, b.suffix) == ("said.", "")


@pytest.mark.parametrize(
    ("start", "end", "problem"),
    [
        (0, 7, None),
        (0, len(TEXT), None),
        (-1, 4, "outside"),
        (3, len(TEXT) + 1, "outside"),
        (5, 5, "empty"),
        (6, 5, "empty"),
        (1.0, 4, "whole numbers"),
        (0, "4", "whole numbers"),
        (False, 4, "whole numbers"),
        (None, 4, "whole numbers"),
        (TEXT.index(" "), TEXT.index(" ") + 1, "white space"),
    ],
)
def test_valid_span(start, end, problem):
    found = valid_span(TEXT, start, end)
    assert (found is None) if problem is None else (problem in found)


def test_valid_span_on_empty_text():
    assert "outside" in valid_span("", 0, 1)


# --- reanchor --------------------------------------------------------------------------------


def test_same_text_keeps_span_with_full_context():
    start = TEXT.index("Exports rose 4% in June")
    found = anchor_again(TEXT, TEXT, start, start + 15)
    assert (found.start, found.end, found.method, found.changed) == (start, start + 15, "context", False)


def test_repeat_with_different_context_is_told_apart_without_old_text():
    second = TEXT.index("Exports rose 4%", 5)
    new = "Trade figures. " + TEXT
    found = anchor_again(new, TEXT, second, second + 15, with_old_text=False)
    assert found.start == second + len("Trade figures. ")


def test_exact_match_when_context_changed():
    start = TEXT.index("Imports fell 2%")
    new = "Completely new opening. Imports fell 2%; nothing else survived."
    found = anchor_again(new, TEXT, start, start + 15)
    assert (found.method, found.quote, new[found.start : found.end]) == ("exact", "Imports fell 2%", "Imports fell 2%")


def test_identical_repeats_are_placed_by_the_old_text():
    # Every occurrence has the same context, so only the edit's position can decide.
    old = "ab " * 40
    new = "zz " + old
    start = 3 * 20
    found = anchor_again(new, old, start, start + 2)
    assert found.start == start + 3
    in_place = anchor_again(old + "zz", old, start, start + 2)
    assert in_place.start == start


def test_insertion_right_before_a_repeat_keeps_the_claims_own_characters():
    # The inserted text spoils the claim's prefix, and an earlier repeat matches
    # the prefix better; the untouched characters still win.
    old = "Rates: 5% and 5% and 5%."
    start = old.rindex("5%")
    new = old[:start] + "nearly " + old[start:]
    found = anchor_again(new, old, start, start + 2)
    assert found.start == start + len("nearly ")


def test_fuzzy_match_reports_changed_quote():
    old = "The mayor said unemployment fell to 4.2 percent in the second quarter of the year."
    new = "The mayor said that unemployment fell to 4.3 percent in the second quarter of the year."
    start = old.index("unemployment")
    end = old.index(" in the second")
    found = anchor_again(new, old, start, end)
    assert found.method == "fuzzy" and found.changed
    assert found.quote == "unemployment fell to 4.3 percent"


def test_fuzzy_span_never_cuts_a_word():
    old = "Inflation reached 9.1 percent, the highest level in four decades, the bureau said."
    new = "Inflation reached 9.1 per cent, the highest level in forty years, the bureau said."
    start = old.index("Inflation")
    end = old.index(", the bureau")
    found = anchor_again(new, old, start, end)
    assert found is not None
    assert found.start == 0 or not new[found.start - 1].isalnum()
    assert found.end == len(new) or not (new[found.end - 1].isalnum() and new[found.end].isalnum())


def test_rewritten_passage_is_an_orphan():
    old = "Officials counted 812 ballots in the northern district on Tuesday."
    new = "A completely different sentence about weather patterns over the ocean."
    assert anchor_again(new, old, 0, len(old)) is None


def test_empty_quote_and_empty_text_are_orphans():
    assert reanchor("some text", "", "", "", 0, 9) is None
    assert reanchor("", "quote", "", "", 0, 9) is None


def test_expected_position_maps_unchanged_ends():
    old, new = "0123456789", "0123XXXX456789"
    assert expected_position(2, len(old), new, old) == 2
    assert expected_position(7, len(old), new, old) == 11
    assert expected_position(5, len(old), "abc", None) == pytest.approx(1.5)


# --- properties ----------------------------------------------------------------------------------

texts = st.text(alphabet=st.sampled_from("ab cd.\n€é"), min_size=1, max_size=200)


@st.composite
def text_and_span(draw):
    text = draw(texts)
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    assume(valid_span(text, start, end) is None)
    return text, start, end


@settings(max_examples=300, suppress_health_check=[HealthCheck.filter_too_much])
@given(text_and_span())
def test_reanchoring_against_the_same_text_returns_the_same_span(case):
    text, start, end = case
    for with_old_text in (True, False):
        found = anchor_again(text, text, start, end, with_old_text=with_old_text)
        assert (found.start, found.end, found.changed) == (start, end, False)


# Inserted text uses characters the original never contains, so "where did the
# insertion go" has exactly one answer.
inserts = st.text(alphabet=st.sampled_from("XYZ 12"), min_size=1, max_size=60).filter(lambda s: s.strip(" ") != "")


@settings(max_examples=300, suppress_health_check=[HealthCheck.filter_too_much])
@given(text_and_span(), inserts, st.data())
def test_insertion_before_the_span_shifts_it(case, inserted, data):
    text, start, end = case
    at = data.draw(st.integers(0, start))
    new = text[:at] + inserted + text[at:]
    found = anchor_again(new, text, start, end)
    assert found is not None
    assert (found.start, found.end) == (start + len(inserted), end + len(inserted))
    assert new[found.start : found.end] == text[start:end]


@settings(max_examples=200, suppress_health_check=[HealthCheck.filter_too_much])
@given(text_and_span(), inserts, st.data())
def test_insertion_after_the_span_leaves_it(case, inserted, data):
    text, start, end = case
    at = data.draw(st.integers(end, len(text)))
    found = anchor_again(text[:at] + inserted + text[at:], text, start, end)
    assert (found.start, found.end) == (start, end)


@settings(max_examples=200)
@given(st.text(max_size=300), st.text(min_size=1, max_size=40), st.integers(0, 400), st.integers(0, 400))
def test_reanchor_never_crashes_and_returns_a_valid_span(new_text, quote, old_start, old_length):
    found = reanchor(new_text, quote, "", "", old_start, old_length)
    if found is not None:
        assert 0 <= found.start < found.end <= len(new_text)
        assert found.quote == new_text[found.start : found.end]
