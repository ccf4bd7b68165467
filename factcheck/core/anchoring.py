"""Text anchors: where a claim sits in an article, and finding it again after edits.

A claim keeps its offsets, its exact quote and ~32 characters of context either
side (the W3C Web Annotation "TextQuoteSelector" idea). When the article text
changes we look for the quote again: exact quote with matching context first,
then the exact quote alone (context decides between repeats), then a fuzzy
match; a claim found nowhere is an orphan, never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

CONTEXT_CHARS = 32
# Below this similarity (0..100) a fuzzy match is more likely another sentence
# than an edited version of the claim's own.
FUZZY_MIN_SCORE = 75.0


@dataclass(frozen=True)
class Anchor:
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str


@dataclass(frozen=True)
class Reanchor:
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    method: str  # "context", "exact", "fuzzy"
    changed: bool  # the quoted text itself differs from the old quote


def make_anchor(text: str, start: int, end: int, context: int = CONTEXT_CHARS) -> Anchor:
    """Anchor text[start:end]; the caller has validated the span."""
    return Anchor(
        start=start,
        end=end,
        quote=text[start:end],
        prefix=text[max(0, start - context) : start],
        suffix=text[end : end + context],
    )


def valid_span(text: str, start: object, end: object) -> str | None:
    """Return why a span is unusable, or None when it is fine."""
    if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool) or isinstance(end, bool):
        return "start and end must be whole numbers"
    if start < 0 or end > len(text):
        return f"the span {start}..{end} lies outside the text (0..{len(text)})"
    if end <= start:
        return "the span is empty: end must be greater than start"
    if not text[start:end].strip():
        return "the span holds only white space"
    return None


def crosses_paragraph(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] runs over a line break: news copy puts one paragraph per line, and the
    workspace, the claim page and the suggestion engine all cut paragraphs there."""
    return "\n" in text[start:end]


# A passage offered to the editor as the likely new place of an orphan need only resemble the
# old quote this much (0..100): the editor confirms it, so a looser match than FUZZY_MIN_SCORE helps.
SUGGEST_MIN_SCORE = 50.0


def best_match(new_text: str, quote: str) -> Anchor | None:
    """The passage of new_text most like quote (whole words, one paragraph), or None: a suggestion only."""
    if not quote.strip() or not new_text.strip():
        return None
    result = fuzz.partial_ratio_alignment(quote, new_text, score_cutoff=SUGGEST_MIN_SCORE)
    if result is None:
        return None
    start, end = _snap_to_words(new_text, result.dest_start, result.dest_end)
    if end <= start:
        return None
    start, end = _refine(new_text, quote, start, end)
    # Never across paragraphs: keep the part of the match in the paragraph where most of it lies.
    lo = new_text.rfind("\n", 0, start) + 1
    cut = new_text.find("\n", start, end)
    if cut != -1:
        pieces, at = [], lo
        for line in new_text[lo:end].split("\n"):
            a, b = max(at, start), min(at + len(line), end)
            if b > a:
                pieces.append((b - a, a, b))
            at += len(line) + 1
        _n, start, end = max(pieces)
        start, end = _snap_to_words(new_text, start, end)
    if not new_text[start:end].strip():
        return None
    return make_anchor(new_text, start, end)


def _common_suffix_len(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_prefix_len(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


@lru_cache(maxsize=4)
def _unchanged_ends(old: str, new: str) -> tuple[int, int]:
    """Lengths of the common head and (non-overlapping) common tail of two texts.

    Cached because every claim of an article asks about the same pair of texts;
    a binary search over slice comparisons keeps the work in C on 200,000-character articles.
    """
    shortest = min(len(old), len(new))

    def longest(match) -> int:
        lo, hi = 0, shortest
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if match(mid):
                lo = mid
            else:
                hi = mid - 1
        return lo

    head = longest(lambda n: old[:n] == new[:n])
    tail = longest(lambda n: n <= shortest - head and old[len(old) - n :] == new[len(new) - n :])
    return head, tail


def _occurrences(text: str, quote: str) -> list[int]:
    found, i = [], text.find(quote)
    while i != -1:
        found.append(i)
        i = text.find(quote, i + 1)
    return found


def expected_position(old_start: int, old_length: int, new_text: str, old_text: str | None = None) -> float:
    """Where the claim "should" be in new_text, used to break ties between equally good matches.

    With the old text at hand, the unchanged head and tail of the two texts map
    offsets exactly (an edit before the claim shifts it by the edit's length,
    an edit after it leaves it in place); otherwise, or inside the edited
    region, assume the text grew or shrank evenly.
    """
    if old_text is not None:
        head, tail = _unchanged_ends(old_text, new_text)
        if old_start < head:
            return float(old_start)
        if old_start >= len(old_text) - tail:
            return float(old_start + len(new_text) - len(old_text))
    return old_start * len(new_text) / max(old_length, 1)


def reanchor(
    new_text: str,
    quote: str,
    prefix: str,
    suffix: str,
    old_start: int,
    old_length: int,
    *,
    old_text: str | None = None,
) -> Reanchor | None:
    """Find the quote in new_text; None when it cannot be found (an orphan).

    Pass old_text (the text the offsets refer to) when it is known: it places
    repeats whose context matches equally well far more reliably.
    """
    if not quote:
        return None
    hits = _occurrences(new_text, quote)
    expected = expected_position(old_start, old_length, new_text, old_text)
    if old_text is not None and old_text[old_start : old_start + len(quote)] == quote:
        head, tail = _unchanged_ends(old_text, new_text)
        # When the edit did not touch these very characters, they are the claim, whatever
        # happened to its context (an insertion right before it, say).
        if old_start + len(quote) <= head:
            hits = [old_start]
        elif old_start >= len(old_text) - tail:
            hits = [old_start + len(new_text) - len(old_text)]
    if hits:

        def context_score(i: int) -> int:
            before = new_text[max(0, i - len(prefix)) : i]
            after = new_text[i + len(quote) : i + len(quote) + len(suffix)]
            return _common_suffix_len(before, prefix) + _common_prefix_len(after, suffix)

        best = max(hits, key=lambda i: (context_score(i), -abs(i - expected)))
        full = context_score(best) == len(prefix) + len(suffix)
        anchor = make_anchor(new_text, best, best + len(quote))
        return Reanchor(**anchor.__dict__, method="context" if full else "exact", changed=False)
    return _fuzzy(new_text, quote, int(expected))


def _fuzzy(new_text: str, quote: str, expected: int) -> Reanchor | None:
    # Look near the old place first: cheaper on long articles and less likely to
    # latch on to a similar sentence elsewhere.
    margin = max(2000, len(quote) * 4)
    windows = [(max(0, expected - margin), min(len(new_text), expected + len(quote) + margin)), (0, len(new_text))]
    for lo, hi in windows:
        window = new_text[lo:hi]
        if not window:
            continue
        result = fuzz.partial_ratio_alignment(quote, window, score_cutoff=FUZZY_MIN_SCORE)
        if result is None:
            continue
        start, end = lo + result.dest_start, lo + result.dest_end
        start, end = _snap_to_words(new_text, start, end)
        if end <= start:
            continue
        start, end = _refine(new_text, quote, start, end)
        anchor = make_anchor(new_text, start, end)
        return Reanchor(**anchor.__dict__, method="fuzzy", changed=anchor.quote != quote)
    return None


# How far (characters) a fuzzy span's ends may move while refining it; bounds the work on long quotes.
REFINE_SLACK = 40


def _boundary(text: str, i: int) -> bool:
    return i == 0 or i == len(text) or text[i - 1].isalnum() != text[i].isalnum()


def _refine(text: str, quote: str, start: int, end: int) -> tuple[int, int]:
    """Move a fuzzy span's ends to the token boundaries that cover most of the quote, as tightly as possible.

    partial_ratio aligns a window as long as the old quote, so words inserted into
    the quote push its first or last words out of the window. Among nearby token
    boundaries, keep the span matching the most characters of the quote in order
    (Indel), and of those the shortest, then the one nearest the alignment.
    """
    slack = min(REFINE_SLACK, max(8, len(quote) // 2))
    starts = [
        i for i in range(max(0, start - slack), min(len(text) - 1, start + slack) + 1)
        if not text[i].isspace() and _boundary(text, i)
    ] or [start]
    ends = [
        j for j in range(max(1, end - slack), min(len(text), end + slack) + 1)
        if not text[j - 1].isspace() and _boundary(text, j)
    ] or [end]
    best: tuple | None = None
    for i in starts:
        for j in ends:
            if j <= i:
                continue
            matched = (len(quote) + (j - i) - Indel.distance(quote, text[i:j])) // 2
            key = (matched, -(j - i), -(abs(i - start) + abs(j - end)))
            if best is None or key > best[0]:
                best = (key, i, j)
    return (best[1], best[2]) if best else (start, end)


def _snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a fuzzy span to whole words, so a highlight never cuts a word."""
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and end > 0 and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
