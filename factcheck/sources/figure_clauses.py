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


_COMPOUND = re.compile(r"[\d.,]+-[a-z]+")  # "24-bed", "60,000-capacity": an adjective, sizing the noun after it
_NOUN_PHRASE = re.compile(r"((?:\s+[a-z][\w'-]*){1,4})")
_SHARE_OF = re.compile(r"\s+of\s+(?:the|all|its|their|our|a)?\s*((?:[a-z][\w'-]*\s*){1,3})")


def _segments(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    cuts = [lo, *(m.start() for m in _CONTRAST.finditer(text, lo, hi)), hi]
    return list(itertools.pairwise(cuts))


def subject_elsewhere(text: str, start: int, end: int, bounds: tuple[int, int], subject: list[str],
                      names: set[str], words_of, label: str = "states", kind: str = "count", claim_of: str = "") -> bool:
    """Is the claim's subject (its words, or its names) in another clause of the figure's sentence than the
    figure's own, which names something else before the figure? Or is the figure the size of another thing
    ("a 24-bed unit"), or (when it differs) a share of another whole than the claim's (``claim_of``, the whole
    the claim's own figure is a share of, if any)? ``words_of`` is the check's keywords()."""
    of = _COMPOUND.fullmatch(text, start, end) and _NOUN_PHRASE.match(text, end)
    if of and subject and not _shares(subject, set(words_of(of.group(1)))):
        return True  # "a 24-bed intensive care unit" is the unit's size, not the hospital's 600 beds
    share = _SHARE_OF.match(text, end)
    if (label == "different" and kind == "fraction" and share and not claim_of
            and not _shares(subject, set(words_of(share.group(1))))):
        return True  # "about a third of the basket" is a share of something else than the claim's rate
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


# A fact-check's own rating of the claim ("RATING: False.", "Our verdict: misleading."): every mention of the
# claim's figure in it is the figure rated, so none states it.
_RATED_FALSE = re.compile(
    # "We rate the claim Pants on Fire": the fact-checker's own rating needs no colon.
    r"\b(?:(?:verdict|rating|ruling|conclusion|assessment|rated)\s*(?:[:\-–—]|\bas\b|\bis\b)|"
    r"we\s+(?:rate|rated|find|found)\s+(?:this|it|the\s+(?:claim|statement|post|figure))(?:\s*[:\-–—]|\s+as\b|\s+to\s+be\b)?)\s*"
    r"['‘\"“]?(?:mostly\s+|largely\s+|partly\s+)?(?:false|misleading|inaccurate|incorrect|wrong|untrue|unsupported|unproven|"
    r"exaggerated|fake|fabricated|baseless|not\s+true|no\s+evidence|pants\s+on\s+fire|fiction)\b", re.I)
# "rejected as 'false and defamatory' an allegation in the documentary that the firm had paid $1.5m": a denial of
# a reported claim, whose "that" clause holds the figure however long the words between.
_DENIED_REPORT = re.compile(
    r"\b(?:den(?:y|ied|ies|ying)|reject\w*|dismiss\w*|disput\w*|refut\w*|rebut\w*|contest\w*|repudiat\w*)\b[^.;!?]{0,80}?"
    r"\b(?:allegations?|claims?|reports?|suggestions?|assertions?|accusations?|rumou?rs?|charges?)(?:\s+[\w'’-]+){0,4}?\s+that\b"
    # (Not when the sentence goes on to its own assertion, "..., confirming that 19 people had died", or the
    # reported claim held a figure of its own: "denying reports that 300 had been arrested, said 74 ...".)
    r"(?![^.;!?]*(?:\b(?:but|however|yet|although|confirm\w*|said|says|insist\w*|adding|added|saying|stating|"
    r"acknowledg\w*|admitt\w*)\b|\d))[^.;!?]*$", re.I)


# A fact-check that opens on its rating alone, as a headline-verdict: "MISLEADING. The minister's ...", "Mostly
# false: ...". (The stop right after the word tells it from a sentence: "False alarms rose 20 percent".)
_OPENING_RATING = re.compile(
    r"\s*['‘\"“]?(?:(?:mostly|largely|partly|half)\s+)?(?:false|misleading|inaccurate|incorrect|wrong|untrue|unsupported|"
    r"unproven|exaggerated|fake|fabricated|baseless|not\s+true|no\s+evidence)['’\"”]?\s*[.:!—–]", re.I)


# The source's own verdict that the claim holds: "VERDICT: TRUE", "We rate the claim True".
_RATED_TRUE = re.compile(
    r"\b(?:(?:verdict|rating|ruling)\s*(?:[:\-–—]|\bis\b)|we\s+(?:rate|rated|find|found)\s+(?:this|it|the\s+(?:claim|statement)))"
    r"\s*['‘\"“]?(?:mostly\s+)?(?:true|correct|accurate)\b(?!\s+(?:that|to|of)\b)", re.I)


def rated_true(text: str) -> bool:
    """Does the source give its own verdict that the claim is true?"""
    return _RATED_TRUE.search(text) is not None and not rated_false(text)


def rated_false(text: str) -> bool:
    """Does the source give its own verdict that the claim is false or misleading?"""
    return _RATED_FALSE.search(text) is not None or _OPENING_RATING.match(text) is not None


# A correction notice: "An earlier version of this article said Ridgeway would hire 1,200 workers." The figure
# is what the text said wrongly, however far into the sentence.
_EARLIER_VERSION = re.compile(r"\b(?:earlier|previous|original|prior|first)\s+(?:version|edition|draft)\s+of\s+"
                              r"(?:this|the)\s+(?:article|report|story|piece|page|post|release|statement)\b"
                              r"(?![^.;!?]*\b(?:correctly|rightly|accurately)\b)[^.;!?]*$", re.I)


def earlier_version(text: str, start: int, bounds: tuple[int, int]) -> bool:
    """Is the figure at ``start`` what an earlier version of the text said, in a correction notice?"""
    return _EARLIER_VERSION.search(text, bounds[0], start) is not None


def denied_report(text: str, start: int, bounds: tuple[int, int]) -> bool:
    """Is the figure at ``start`` inside a reported claim its sentence denies ("denied reports that ...")?"""
    return _DENIED_REPORT.search(text, bounds[0], start) is not None
