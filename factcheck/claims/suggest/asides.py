"""Asides (between dashes, in brackets, ", which ...," before the main verb) that carry their own
figure, and the stretches of a sentence outside quotation marks."""

from __future__ import annotations

import re

from . import lexicon as lx
from .clauses import TAIL_TRIM
from .cues import Cues, any_in, count_words, overlaps, strong

# Asides: a clause set off by paired dashes, parentheses or ", which ... ," before the main verb.
# A spaced dash of any kind, or an unspaced em dash between words; an unspaced en dash is a range.
_DASH = re.compile(r"\s(?:--|—|–)\s|(?<=\w)—(?=\w)")
_PAREN = re.compile(r"\(([^()“”\"]{3,240})\)")
_REL_ASIDE = re.compile(r",\s+(?:which|who|whose)\s+(?:[^,;:()“”\"]|,(?=\d)){3,200}?,\s+(?=\S)")


def find_asides(
    text: str, s_start: int, s_end: int, quotes: list[tuple[int, int]], c: Cues
) -> list[tuple[int, int, int, int]]:
    """Asides outside quotation marks that carry their own figure, ranking, date or comparison.

    Each is ``(start, end, delimiter start, delimiter end)``: the clause itself, and the stretch
    (with its dashes, brackets or commas) that the rest of the sentence reads without.
    """
    found: list[tuple[int, int, int, int]] = []
    dashes = [m for m in _DASH.finditer(text, s_start, s_end) if not overlaps(quotes, m.start(), m.end())]
    for i in range(0, len(dashes) - 1, 2):
        found.append((dashes[i].end(), dashes[i + 1].start(), dashes[i].start(), dashes[i + 1].end()))
    if len(dashes) % 2 and quotes:
        # '..., said the union — the largest in the country.': a lone dash opens an aside that
        # runs to the end; only taken where the rest is a quote frame, as elsewhere it is usually
        # the same assertion going on ("Prices rose 4% — the fastest pace in a decade").
        last = dashes[-1]
        found.append((last.end(), s_end, last.start(), s_end))
    for m in _PAREN.finditer(text, s_start, s_end):
        if count_words(text, m.start(1), m.end(1)) >= 4:
            found.append((m.start(1), m.end(1), m.start(), m.end()))
    for m in _REL_ASIDE.finditer(text, s_start, s_end):
        # "The agency, which ..., said": a relative clause on the subject, before the main verb.
        host_start = max([s_start] + [e for _s, e in quotes if e <= m.start()])
        if lx.FINITE_VERB.search(text, host_start, m.start()) or overlaps(quotes, host_start, m.start()):
            continue
        if not (lx.VERB_START.match(text, m.end()) or lx.ATTRIB_VERB.match(text, m.end())):
            continue
        found.append((m.start() + 2, m.end() - 2, m.start(), m.end() - 1))
    out: list[tuple[int, int, int, int]] = []
    last_end = -1
    for a, b, da, db in sorted(found):
        tail = TAIL_TRIM.search(text, a, b)
        if tail:
            b = tail.start()
        if da < last_end or b <= a or overlaps(quotes, a, b):
            continue
        if not (strong(c, a, b) or any_in(c.comparisons, a, b)) or count_words(text, a, b) < 3:
            continue
        out.append((a, b, da, db))
        last_end = db
    return out


def outside_runs(text: str, a: int, b: int, quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stretches of ``[a, b)`` outside quotation marks, trimmed of punctuation."""
    runs: list[tuple[int, int]] = []
    s = a
    for qa, qb in quotes:
        if qb <= a or qa >= b:
            continue
        runs.append((s, max(s, qa)))
        s = max(s, qb)
    runs.append((s, b))
    out = []
    for ra, rb in runs:
        while ra < rb and (text[ra].isspace() or text[ra] in ",;:—–-"):  # _LEAD_TRIM's ^ only matches at 0
            ra += 1
        tail = TAIL_TRIM.search(text, ra, rb)
        if tail:
            rb = tail.start()
        if rb > ra:
            out.append((ra, rb))
    return out


