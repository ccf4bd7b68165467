"""The checkable content a sentence holds (figures, dates, rankings, comparisons, causes, names) and
small span helpers that every stage of the engine shares."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon as lx
from .numbers import QuantityMatch

_WORD = re.compile(r"[\w'’-]+(?:[.,]\d+)*")


@dataclass(slots=True)
class Cues:
    quantities: list[QuantityMatch]
    dates: list[tuple[int, int]]
    superlatives: list[tuple[int, int]]
    comparisons: list[tuple[int, int]]
    causes: list[tuple[int, int]]
    temporals: list[tuple[int, int]]
    names: list[tuple[int, int]]


def spans_of(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text, start, end)]


def any_in(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    return any(a <= s < b for s, _e in spans)


def find_cues(text: str, low: str, start: int, end: int, qs: list[QuantityMatch]) -> Cues:
    piece = text[start:end]
    low_piece = low[start:end]
    names = [
        m.span() for m in lx.PROPER_NOUN.finditer(text, start, end)
        if m.group().split("'")[0].split("’")[0] not in lx.NON_NAME_CAPS
    ]
    return Cues(
        quantities=qs,
        dates=lx.DATE.spans(text, start, end, piece),
        superlatives=lx.SUPERLATIVE.spans(low, start, end, low_piece),
        comparisons=lx.COMPARISON.spans(low, start, end, low_piece),
        causes=spans_of(lx.CAUSAL, low, start, end),
        temporals=spans_of(lx.TEMPORAL, low, start, end),
        names=names,
    )


def has_quantity(c: Cues, a: int, b: int) -> bool:
    return any(a <= q.start < b for q in c.quantities)


def strong(c: Cues, a: int, b: int) -> bool:
    return has_quantity(c, a, b) or any_in(c.superlatives, a, b) or any_in(c.dates, a, b)


def has_content(c: Cues, a: int, b: int) -> bool:
    return strong(c, a, b) or any(a < s < b for s, _e in c.names) or any_in(c.causes, a, b)


def count_words(text: str, a: int, b: int) -> int:
    return len(_WORD.findall(text, a, b))


def quote_fraction(spans: list[tuple[int, int]], a: int, b: int) -> float:
    inside = 0
    for s, e in spans:
        if e <= a or s >= b:
            continue
        inside += min(e, b) - max(s, a)
    return inside / max(1, b - a)


def overlaps(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    """True when ``[a, b)`` overlaps one of ``spans``."""
    return any(s < b and a < e for s, e in spans)


