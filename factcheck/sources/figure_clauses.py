"""Which clause of a source's sentence a figure belongs to, for the figure check.

A sentence can hold two assertions: "Imports grew by 4 percent, while exports were flat" says
nothing of exports growing 4 percent, and "Delta hired 500 workers; Norcorp froze recruitment"
nothing of Norcorp hiring. The claim's subject is in the sentence, but in the other clause, and
the figure's own clause names something else before it. And a verb the number reader took for a
figure ("have not doubled to $8bn") leaves its clause, and its negation, to the figure after it.
"""

from __future__ import annotations

import itertools
import re

from factcheck.sources.figure_subject import after_frame, strip_numbers, subject_text

__all__ = ["scope_start", "subject_elsewhere"]


def scope_start(found: list[dict], i: int) -> int:
    """Where figure ``i``'s clause may begin: after the figure before it, unless that one is a verb the
    reader took for a figure ("have not doubled to $8bn"), whose clause (and its "not") is this one's."""
    j = i - 1
    while j >= 0 and found[j]["kind"] == "multiplier" and not any(ch.isdigit() for ch in found[j]["text"]):
        j -= 1
    return found[j]["end"] if j >= 0 else 0


# Breaks between two assertions set against each other (not "and", which often joins two objects of
# one verb, nor a comma, which sets off asides).
# (A semicolon before a numbered item, "(2) Imposes on the respondent a fine", lists parts of one decision.)
_CONTRAST = re.compile(r";(?!\s*(?:\(?\w{1,3}\)|and\b|or\b))|,\s*(?:while|whereas|but|although|though)\b"
                       r"|\s(?:whereas|while)\s|\sbut\s")
_PRONOUN_ONLY = re.compile(r"^\W*(?:(?:it|they|this|that|these|those|which|who|its|their|the\s+\w+)\W+)?$", re.I)
_ANAPHOR = re.compile(r"^\W*(?:it|they|this|that|these|those)\b|\b(?:them|figure|count|total|toll|tally|number|estimate|"
                     r"final|revis\w*|later|updated|corrected|true|actual|real)\b", re.I)
_NAME = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-z]{2,}")


def _segments(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    cuts = [lo, *(m.start() for m in _CONTRAST.finditer(text, lo, hi)), hi]
    return list(itertools.pairwise(cuts))


def subject_elsewhere(text: str, start: int, end: int, bounds: tuple[int, int], subject: list[str],
                      names: set[str], words_of) -> bool:
    """Is the claim's subject (its words, or its names) in another clause of the figure's sentence than the
    figure's own, which names something else before the figure? ``words_of`` is the check's keywords()."""
    parts = _segments(text, *bounds)
    if len(parts) < 2:
        return False
    lo, hi = next(((a, b) for a, b in parts if a <= start < b), parts[-1])
    own = f"{text[lo:start]} {text[end:hi]}"
    rest = f"{text[bounds[0]:lo]} {text[hi:bounds[1]]}"
    lead = text[after_frame(text, start, (lo, hi)):start]
    lead = re.sub(r"^\W*(?:while|whereas|but|although|though)\b", "", lead, flags=re.I)
    if _PRONOUN_ONLY.match(strip_numbers(lead)) or _ANAPHOR.search(lead):
        # "..., but it grew 4 percent", "...; the final count was 6,300": the clause goes on about the sentence's subject.
        return False
    if subject:
        mine = set(words_of(subject_text(strip_numbers(own))))
        there = set(words_of(subject_text(strip_numbers(rest))))
        lead_words = words_of(subject_text(strip_numbers(lead)))
        if lead_words and not _shares(subject, mine) and _shares(subject, there):
            return True
    if names:
        head = re.sub(r"^[\W\d_]*[\w'’-]+", "", text[lo:start])  # a clause's first word is capitalised anyway
        own_names = {n.lower() for n in _NAME.findall(f" {head}")}
        if (own_names - names and not names & set(words_of(own, expand=False))
                and names & set(words_of(rest, expand=False))):
            return True
    return False


def _shares(words: list[str], pool: set[str]) -> bool:
    return any(w in pool or (len(w) >= 5 and any(len(o) >= 5 and (w in o or o in w) for o in pool)) for w in words)
