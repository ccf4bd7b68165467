"""Sentences and quotes of an Arabic or Hebrew paragraph, on the normalised copy (split from lang_engine).

A sentence ends at . ! ? ؟ … before a space (not after an initial); a quote is a span inside « » or
double quotes, where a " between two letters is Hebrew gershayim (צה"ל), not a quote. ``Sent`` holds a
sentence with its figures and quotes and answers, once per sentence, where the language's cues match.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .lang_cues import LangCues
from .lang_numbers import Figure

__all__ = ["PARAGRAPH", "QUESTION", "WORD", "Sent", "quote_spans", "sentence_spans", "share_inside", "word_count"]

MAX_SENTENCE = 700
PARAGRAPH = re.compile(r"[^\n\r\u2028\u2029]+")
# A sentence ends at . ! ? ؟ … (and any closing quotes) before a space; a lone letter before a full
# stop is an initial or an abbreviation ("د.", "פרופ'"), not an end.
_BOUNDARY = re.compile(r"(?<![\s.][^\W\d_])[.!?؟…]+[\"'»”)\]]*(?=\s+\S)")
QUESTION = re.compile(r"[?؟][\"'»”)\]]*\s*$")
_L = r"\u0621-\u064a\u0671-\u06d3\u05d0-\u05ea"
WORD = re.compile(rf"[{_L}\w\"']+")


@dataclass(slots=True)
class Sent:
    a: int
    b: int
    figures: list[Figure]
    quotes: list[tuple[int, int]]
    cues: LangCues | None = None
    found: dict = field(default_factory=dict)  # pattern -> where it matches in the paragraph, found once
    scan: tuple[int, int] | None = None  # the stretch ``found`` covers (its paragraph); the sentence by default

    def has(self, pattern: re.Pattern[str], norm: str, a: int, b: int) -> bool:
        """Does ``pattern`` match in ``norm[a:b]`` (a clause of this sentence)? The cues are searched
        for once per sentence, however many clauses and merges ask."""
        starts = self.found.get(pattern)
        if starts is None:
            name = self.cues.member.get(pattern) if self.cues is not None else None
            lo, hi = self.scan or (self.a, self.b)
            if name is None:
                starts = self.found[pattern] = [m.start() for m in pattern.finditer(norm, lo, hi)]
            else:
                by_name: dict[str, list[int]] = {n: [] for n in self.cues.member.values()}
                for m in self.cues.combined.finditer(norm, lo, hi):
                    by_name[m.lastgroup].append(m.start())
                for p, n in self.cues.member.items():
                    self.found[p] = by_name[n]
                starts = self.found[pattern]
        # most cues are absent from most sentences: the empty list answers at once; the rest by bisection
        if not starts:
            return False
        i = bisect.bisect_left(starts, a)
        return i < len(starts) and starts[i] < b


def quote_spans(norm: str, a: int, b: int) -> list[tuple[int, int]]:
    """Spans inside « » or double quotes; a " between two letters is gershayim (צה"ל), not a quote."""
    spans: list[tuple[int, int]] = []
    open_at = -1
    for i in range(a, b):
        ch = norm[i]
        if ch == "«":
            open_at = i
        elif ch == "»" and open_at >= 0:
            spans.append((open_at, i + 1))
            open_at = -1
        elif ch == '"':
            if i > a and i + 1 < b and norm[i - 1].isalpha() and norm[i + 1].isalpha():
                continue
            if open_at < 0:
                open_at = i
            else:
                spans.append((open_at, i + 1))
                open_at = -1
    if open_at >= 0 and b - open_at < 400:
        spans.append((open_at, b))
    return spans


def sentence_spans(norm: str, a: int, b: int) -> list[tuple[int, int]]:
    out = []
    s = a
    for m in _BOUNDARY.finditer(norm, a, b):
        out.append((s, m.end()))
        s = m.end()
    out.append((s, b))
    trimmed = []
    for x, y in out:
        while x < y and norm[x].isspace():
            x += 1
        while y > x and norm[y - 1].isspace():
            y -= 1
        while y - x > MAX_SENTENCE:
            cut = norm.rfind(" ", x + MAX_SENTENCE // 2, x + MAX_SENTENCE)
            cut = cut if cut > x else x + MAX_SENTENCE
            trimmed.append((x, cut))
            x = cut + 1
        if y > x:
            trimmed.append((x, y))
    return trimmed


def share_inside(spans: list[tuple[int, int]], a: int, b: int) -> float:
    inside = sum(max(0, min(e, b) - max(s, a)) for s, e in spans)
    return inside / max(1, b - a)


def word_count(norm: str, a: int, b: int) -> int:
    return len(WORD.findall(norm, a, b))
