"""Splitting an article into paragraphs and sentences, and finding what is inside quotation marks.

A single left-to-right pass with precompiled patterns: no look-back beyond a few characters, so
it costs the same per character on a tidy article, a single huge paragraph or a text with no full
stops (which is cut into bounded pieces rather than handed whole to later stages).
"""

from __future__ import annotations

import re

__all__ = ["MAX_SENTENCE", "paragraphs", "quoted_spans", "sentences"]

# Later stages look at each sentence several times; bounding its length keeps the whole linear.
MAX_SENTENCE = 700

_PARAGRAPH = re.compile(r"[^\n\r\u2028\u2029]+")
_BOUNDARY = re.compile(r"[.!?…]+[”\"’')\]]*(?=\s+[“\"‘'(\[]?[A-Z0-9£$€])")
_PREV_TOKEN = re.compile(r"(\S+)$")
# "at 2 a.m. Rescue teams arrived": a clock time ends the sentence before a capital, unless the capital
# goes on dating it ("2 a.m. Tuesday", "4 p.m. GMT").
_CLOCK = frozenset(["a.m", "p.m"])
_CLOCK_GOES_ON = re.compile(
    r"\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|September|"
    r"October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?|[A-Z]{1,4}T|GMT|UTC)\b"
)
_ABBREVIATIONS = frozenset(
    str.split(
        """mr mrs ms dr prof st jr sr gen col lt sgt capt cpl maj rep sen gov pres rev hon inc ltd co corp plc no nos vol
    vs v etc e.g i.e approx est mt ft ave rd jan feb mar apr jun jul aug sep sept oct nov dec fig dept univ
    u.s u.k u.n e.u a.m p.m"""
    )
)
_SOFT_CUT = re.compile(r"[;,:]\s|\s")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each non-empty line: news copy puts one paragraph per line."""
    return [m.span() for m in _PARAGRAPH.finditer(text) if not m.group().isspace()]


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence in ``text[start:end]``, whitespace trimmed, in order.

    No sentence is longer than MAX_SENTENCE characters.
    """
    out: list[tuple[int, int]] = []
    end = len(text) if end is None else end
    for p_start, p_end in paragraphs(text) if (start, end) == (0, len(text)) else [(start, end)]:
        s = p_start
        for m in _BOUNDARY.finditer(text, p_start, p_end):
            if _is_abbreviation(text, s, m.start(), m.group()):
                continue
            _emit(text, s, m.end(), out)
            s = m.end()
        _emit(text, s, p_end, out)
    return out


def _is_abbreviation(text: str, start: int, dot: int, punct: str) -> bool:
    if not punct.startswith(".") or len(punct.rstrip("”\"’')]")) > 1:
        return False
    prev = _PREV_TOKEN.search(text, max(start, dot - 20), dot)
    if not prev:
        return False
    word = prev.group(1).lstrip("(“\"‘'").lower()
    if word in _CLOCK:
        return _CLOCK_GOES_ON.match(text, dot + len(punct)) is not None
    # Initials ("J. K. Rowling") and abbreviations ("Dr.", "U.S.") do not end a sentence.
    return (len(word) == 1 and word.isalpha()) or word in _ABBREVIATIONS


def _emit(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        # No usable full stop: cut at the last clause break (or space) before the limit.
        cut = start + MAX_SENTENCE
        best = -1
        for m in _SOFT_CUT.finditer(text, start + MAX_SENTENCE // 2, cut):
            best = m.end()
        cut = best if best > start else cut
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        if piece_end > start:
            out.append((start, piece_end))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append((start, end))


_QUOTE_CHAR = re.compile(r"[“”\"]")


def quoted_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans inside double quotation marks within ``text[start:end]`` (one paragraph or sentence).

    Curly quotes say which way they face; straight ones alternate. An unclosed quote runs to ``end``.
    """
    spans: list[tuple[int, int]] = []
    open_at = -1
    for m in _QUOTE_CHAR.finditer(text, start, end):
        ch = m.group()
        if ch == "“" or (ch == '"' and open_at < 0):
            if open_at < 0:
                open_at = m.start()
        elif open_at >= 0:
            spans.append((open_at, m.end()))
            open_at = -1
    if open_at >= 0:
        spans.append((open_at, end))
    return spans
