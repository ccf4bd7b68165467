"""Helpers the suggestion tests share: the one suggestion starting with given words, and its figures."""

from __future__ import annotations

from factcheck.claims.suggest import Suggestion, suggest


def one(text: str, starts: str) -> Suggestion:
    """The only suggestion of ``text`` whose wording starts with ``starts`` (fails listing them all otherwise)."""
    found = [s for s in suggest(text) if s.text.startswith(starts)]
    assert len(found) == 1, [s.text for s in suggest(text)]
    return found[0]


def figures(s: Suggestion) -> list[tuple[float, str, str | None]]:
    """Each figure as (value, qualifier, unit)."""
    return [(q["value"], q["qualifier"], q["unit"]) for q in s.quantities]
