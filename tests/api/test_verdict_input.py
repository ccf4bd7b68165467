"""The verdict action's plain reading of a well-formed body (VerdictSerializer.plain_input) gives what the
serializer gives, and leaves every other body to the serializer (and its 400)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from factcheck.api.serializers import VerdictSerializer
from factcheck.api.serializers.common import MAX_INT

TEXTS = st.one_of(st.text(max_size=40), st.sampled_from(["", "  ", " Checked. ", "a\x00b", "\ud800", "x" * 20001,
                                                           " " + "y" * 20000 + " ", "ثبت", "\u3000done\u2029"]))
VALUES = st.one_of(st.none(), st.booleans(), st.integers(min_value=-3, max_value=MAX_INT + 2), st.floats(),
                   TEXTS, st.sampled_from(["verified", "disputed", "unverifiable", "false", "Verified", "5",
                                           "unproven", "misleading"]),
                   st.sampled_from([0, 1, 2, MAX_INT, MAX_INT + 1, 1.0, "3", [], {}]))
BODIES = st.dictionaries(st.sampled_from(["verdict", "rationale", "rating", "version", "other"]), VALUES)


def _serializer(data):
    serializer = VerdictSerializer(data=data)
    return dict(serializer.validated_data) if serializer.is_valid() else None


@hsettings(max_examples=600, deadline=None)
@given(body=st.one_of(BODIES, st.lists(st.integers()), st.text(), st.none()))
def test_the_plain_reading_agrees_with_the_serializer_or_leaves_it_the_body(body):
    plain = VerdictSerializer.plain_input(body)
    if plain is not None:
        assert plain == _serializer(body)


@pytest.mark.parametrize("body", [
    {"verdict": "unverifiable", "rationale": " No figures to check. ", "version": 3},
    {"verdict": "disputed", "rationale": "ثبت خلافه", "rating": "misleading", "version": 1, "extra": 1},
    {"verdict": "verified", "rationale": "x" * 20000, "rating": "", "version": MAX_INT},
])
def test_a_well_formed_body_is_read_without_the_serializer_and_reads_the_same(body, settings):
    settings.RATING_SCALE = ["misleading", "false"]
    plain = VerdictSerializer.plain_input(body)
    assert plain is not None and plain == _serializer(body)


@pytest.mark.parametrize("body", [
    {"verdict": "unverifiable", "rationale": "   ", "version": 3},       # blank
    {"verdict": "unverifiable", "rationale": "ok", "version": True},     # a boolean is no version
    {"verdict": "unverifiable", "rationale": "ok", "version": "3"},      # the serializer decides
    {"verdict": "unverifiable", "rationale": "ok", "rating": "nope", "version": 3},
    {"verdict": "Unverifiable", "rationale": "ok", "version": 3},
    {"rationale": "ok", "version": 3},
])
def test_anything_else_is_left_to_the_serializer(body):
    assert VerdictSerializer.plain_input(body) is None
