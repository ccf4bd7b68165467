"""People's words inside our sentences: one full stop, and cuts at a word."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factcheck.core.text import ELLIPSIS, shorten, without_final_stop


def test_a_closing_full_stop_goes_and_other_endings_stay():
    assert without_final_stop("Police now say three died; re-check.") == "Police now say three died; re-check"
    assert without_final_stop("Toll rose to 37.  ") == "Toll rose to 37"
    assert without_final_stop("Is that right?") == "Is that right?"
    assert without_final_stop("and so on...") == "and so on..."
    assert without_final_stop("") == ""


def test_a_long_message_is_cut_between_words_with_an_ellipsis():
    text = "Replacement buses will run every 15 minutes between the two stations while the line is closed"
    cut = shorten(text, 40)
    assert cut == "Replacement buses will run every 15" + ELLIPSIS
    assert shorten("short enough", 40) == "short enough"
    assert shorten("x" * 100, 10) == "x" * 10 + ELLIPSIS


@given(st.text(max_size=300), st.integers(min_value=4, max_value=120))
def test_shorten_never_grows_past_its_limit_and_keeps_the_start(text, limit):
    cut = shorten(text, limit)
    flat = " ".join(text.split())
    assert len(cut) <= limit + 1
    assert flat.startswith(cut.removesuffix(ELLIPSIS).rstrip(" ,;:–—-")) or cut == flat
