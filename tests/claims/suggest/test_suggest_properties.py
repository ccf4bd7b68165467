"""Properties that hold for any input: no exception, offsets inside the text, no overlaps, determinism."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.claims.suggest import find_quantities, suggest

NEWSY = st.sampled_from(
    [
        "At least 90 people died", " and ", "more than 3,000 buildings", ", officials said", ". ", "\n\n", "“", "”",
        "according to a BBC report", "nearly 2,200", "£3.8 billion", " which led to ", "the first ever", ";", ":",
        "twenty-two hundred", "over a decade", " will probably ", "?", "Unit 8200", "3-1", "between 5 and", " 10:30",
        "May", "Mr.", "U.S.", "—", "%", "$", "a quarter of a", "percentage point", "-", ",", "one in five",
    ]
)
ANY_TEXT = st.text(max_size=600)
NEWS_TEXT = st.lists(NEWSY | st.text(max_size=12), max_size=60).map("".join)


def check_invariants(text: str) -> None:
    found = suggest(text)
    last_end = -1
    for s in found:
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start:s.end] == s.text
        assert s.start >= last_end, "suggestions overlap or are out of order"
        last_end = s.end
        assert 0.0 <= s.score <= 1.0
        assert s.types and all(isinstance(t, str) for t in s.types)
        d = s.to_dict()
        assert set(d) == {"start", "end", "text", "types", "quantities", "attributed_to", "score", "wording"}
        for q in s.quantities:
            assert set(q) == {"value", "qualifier", "unit", "text"}
            assert q["text"] in s.text
    assert suggest(text) == found  # deterministic
    for q in find_quantities(text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.text


@given(ANY_TEXT)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_unicode_text(text):
    check_invariants(text)


@given(NEWS_TEXT)
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_news_like_fragments(text):
    check_invariants(text)


def test_empty_and_blank_text():
    assert suggest("") == []
    assert suggest("   \n\n\t ") == []
    assert find_quantities("") == []


def test_non_string_input_gives_nothing_rather_than_an_error():
    assert suggest(None) == []  # type: ignore[arg-type]
    assert find_quantities(None) == []  # type: ignore[arg-type]


def test_single_huge_paragraph():
    sentence = "Officials said at least 90 people died and more than 3,000 buildings collapsed in the region on Tuesday. "
    text = sentence * 1000
    found = suggest(text)
    assert len(found) >= 1000
    check_invariants(text[:20000])


def test_text_without_full_stops_is_cut_into_bounded_pieces():
    text = " ".join(f"officials said {i} people were hurt and {i * 3} homes were damaged in Karvan" for i in range(1, 3000))
    found = suggest(text)
    assert found
    assert max(s.end - s.start for s in found) <= 700
    for s in found[:50]:
        assert text[s.start:s.end] == s.text


def test_pathological_inputs_stay_fast():
    # Inputs that make backtracking regexes explode; each takes a fraction of a second, the bound is generous.
    for text in ["1" * 50_000, "," * 50_000, "a " * 25_000, "one " * 12_000, "“" * 50_000, "said " * 10_000,
                 "the first " * 5_000, "1,000," * 8_000, "$" * 50_000, "twenty-" * 7_000, "“a” " * 12_000]:
        t0 = time.process_time()
        suggest(text)
        find_quantities(text)
        assert time.process_time() - t0 < 5.0, text[:20]
