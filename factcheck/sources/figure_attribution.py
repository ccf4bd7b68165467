"""Whose figure it is, for the figure check: "Police said 300 joined the march; organisers said 1,200".

A claim that names its speaker ("Organisers said 1,200 people marched") is stated by that speaker's
figure, not by the same number in another speaker's mouth: "police said 300" does not state that the
organisers said 300. The source's figure is read with the speaker of its own clause ("X said", "X put
the number at", "according to X,", "..., X said"); a figure of a clause naming nobody has no speaker
and is judged as before.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factcheck.sources.figure_refute import refuted

__all__ = ["by_speaker", "claim_speaker", "clause_end", "figure_speaker", "other_speaker"]

_VERB = r"(?:said|says|say|claimed|claims|claim|estimated|estimates|estimate|reported|reports|counted|counts|put|puts|told|gave)"
_WHO = r"(?P<who>(?:the\s+|an?\s+)?[A-Za-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,3}?)"
_ACCORDING = re.compile(r"\baccording\s+to\s+" + _WHO + r"\s*(?:,|$)", re.I)
_SAID_BEFORE = re.compile(_WHO + r"\s+(?:had\s+|have\s+|has\s+)?" + _VERB + r"\b", re.I)
_SAID_AFTER = re.compile(r",\s*" + _WHO + r"\s+" + _VERB + r"\b", re.I)
_SAID_INVERTED = re.compile(r",\s*" + _VERB + r"\s+" + _WHO, re.I)
# Where a clause that may name another speaker begins.
_CLAUSE = re.compile(r";|[.!?](?=\s)|,?\s(?:while|whereas|though|although|but)\s|,\s*and\s", re.I)
_NOT_WHO = frozenset(
    "it they he she we this that which who officials figures figure number people there the a an".split()  # noqa: SIM905
)
_DROP = frozenset(["the", "a", "an", "of"])


def _words(who: str) -> frozenset[str]:
    """The speaker's words, each cut to five letters so "organisers" and "organiser", "groups" and "group" meet."""
    words = [w.lower().strip("'’") for w in re.findall(r"[A-Za-z][\w'’-]*", who)]
    words = [w.removesuffix("'s").removesuffix("’s") for w in words if w.lower() not in _DROP]
    if not words or (len(words) == 1 and words[0] in _NOT_WHO):
        return frozenset()
    return frozenset(w[:5] for w in words)


@lru_cache(maxsize=8)
def _source_words(text: str) -> frozenset[str]:
    """Every word of a source, as _words cuts them: read once per source, not once per figure."""
    return _words(text)


def claim_speaker(claim_text: str) -> frozenset[str]:
    """The words naming who gives the claim's figure ("Organisers said ..." -> {"organ"}), or none."""
    m = _ACCORDING.search(claim_text) or _SAID_BEFORE.match(claim_text.strip()) or _SAID_AFTER.search(claim_text) \
        or _SAID_INVERTED.search(claim_text)  # "300 people marched, police said"
    return _words(m.group("who")) if m else frozenset()


def _clause_start(text: str, start: int, lo: int) -> int:
    cut = lo
    for m in _CLAUSE.finditer(text, lo, start):
        cut = m.end()
    return cut


def clause_end(text: str, end: int, hi: int) -> int:
    """Where the clause holding a figure ending at ``end`` stops (before "; organisers said 1,200")."""
    m = _CLAUSE.search(text, end, hi)
    return m.start() if m else hi


def figure_speaker(text: str, start: int, end: int, bounds: tuple[int, int]) -> frozenset[str]:
    """Who the source says gives the figure at ``text[start:end]``: the speaker of its own clause."""
    lo = _clause_start(text, start, bounds[0])
    hi = clause_end(text, end, bounds[1])
    before = text[lo:start]
    m = _ACCORDING.search(before)
    if m:
        return _words(m.group("who"))
    said = list(_SAID_BEFORE.finditer(before))
    if said:
        return _words(said[-1].group("who"))
    after = _SAID_AFTER.search(text, end, hi) or _SAID_INVERTED.search(text, end, hi)
    if after:
        return _words(after.group("who"))
    # "According to the union, 2,500 workers walked out": the frame opens the sentence, before the clause cut.
    m = _ACCORDING.search(text, bounds[0], start)
    return _words(m.group("who")) if m else frozenset()


def other_speaker(claim_words: frozenset[str], text: str, start: int, end: int, bounds: tuple[int, int]) -> bool:
    """Does the source give this figure in the mouth of someone other than the claim's speaker?"""
    if not claim_words:
        return False
    theirs = figure_speaker(text, start, end, bounds)
    if not theirs or claim_words & theirs:
        return False
    # Only a source that names the claim's speaker too sets one speaker's figure against another's: "Outreach
    # teams counted 1,215" may well be the charity's own count of "the charity said 1,215".
    return claim_words <= _source_words(text)


def by_speaker(text: str, q: dict, found: list[dict], bounds: tuple[int, int], near: tuple[int, int],
                speaker: frozenset[str], claim_stems: frozenset[str], label: str) -> str:
    """The label of a figure for a claim that names its speaker: another speaker's figure is a different one
    ("police said 300" for "organisers said 300"); the claim's speaker's figure, answered only by another's
    count in a later clause ("organisers said 5,000, though police estimated 2,000"), is stated."""
    if label == "states":
        # Another speaker refuting the claim's figure still contradicts it; only a stated one changes.
        return "different" if other_speaker(speaker, text, q["start"], q["end"], bounds) else label
    end = clause_end(text, q["end"], bounds[1])
    theirs = figure_speaker(text, q["start"], q["end"], bounds)
    if theirs and not speaker & theirs and any(
            speaker & figure_speaker(text, o["start"], o["end"], bounds) for o in found
            if bounds[0] <= o["start"] and o["end"] <= bounds[1] and o["start"] != q["start"]):
        return "different"  # "Organisers said 5,000, though police estimated 2,000" for "police said 5,000"
    # A refutation in the clauses after it, or the next sentence ("Police said the real number was closer to 20,000").
    if speaker & theirs and not _CALLED_WRONG.search(text, end, min(len(text), bounds[1] + 160)) \
            and not refuted(text[:end], q, (bounds[0], end), (near[0], min(near[1], end)), claim_stems):
        return "states"
    return label


# What turns another speaker's count into a refutation of the claim's speaker's ("closer to 20,000").
_CALLED_WRONG = re.compile(r"\b(?:not|never|no|false|wrong|untrue|exaggerat\w*|inflated|overstated|disput\w*|den(?:y|ied|ies)|"
                           r"reject\w*|closer\s+to|real|actual|true|only)\b", re.I)
