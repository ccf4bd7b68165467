"""Judging one clause: is it a checkable assertion, of which types, with which figures and source?"""

from __future__ import annotations

import re

from . import lexicon as lx
from .cues import Cues, any_in, count_words, quote_fraction
from .suggestion import Suggestion

_POSSESSIVE_NAME = re.compile(r"[A-Z][a-z]+['’]s\s")


def judge(
    text: str,
    low: str,
    a: int,
    b: int,
    c: Cues,
    quotes: list[tuple[int, int]],
    source: str | None,
    relative: bool = False,
    source_span: tuple[int, int] | None = None,
    frame: bool = False,
    wording: str | None = None,
) -> Suggestion | None:
    qs = [q for q in c.quantities if a <= q.start and q.end <= b]
    durations = [q for q in qs if q.kind == "duration"]
    figures = [q for q in qs if q.kind != "duration"]
    has_date = any_in(c.dates, a, b)
    has_sup = any_in(c.superlatives, a, b)
    # What is asserted, without the "X said" part: a speaker's age or name is not the claim.
    ca, cb = a, b
    if source_span is not None:
        sa, se = source_span
        if sa <= a + 3:  # "The agency said that ...": the assertion follows
            ca = min(b - 1, max(a, se))
        else:  # "..., the agency said" or "“...,” said the mayor": it comes first
            cb = max(a + 1, min(b, sa + 1))
    content_figures = [q for q in figures if ca <= q.start < cb]
    low_clause = low[a:b]
    if lx.PREDICTION.search(low, a, b, low_clause) or ("may" in low_clause and lx.MAY_MODAL.search(text, a, b)):
        return None
    if lx.FIRST_PERSON_SINGULAR.search(text, a, b):
        return None
    if not figures and lx.has_any(lx.ADVICE_KEYS, low_clause) and lx.ADVICE.search(low, a, b):
        return None
    opinion = lx.OPINION.search(low, a, b) or (
        lx.has_any(lx.SCARE_QUOTE_KEYS, low_clause) and lx.SCARE_QUOTE.search(low, a, b)
    )
    if opinion and not (content_figures or has_sup):
        return None
    if lx.FIRST_PERSON_PLURAL.search(text, a, b) and not content_figures:
        return None
    # Quoted speech is mostly testimony and verdicts: keep it only when it carries a figure or a ranking.
    in_quote = quote_fraction(quotes, ca, cb) > 0.5
    if in_quote and not (content_figures or any_in(c.superlatives, ca, cb)):
        return None
    types: list[str] = []
    vague_count = lx.VAGUE_COUNT.search(low, ca, cb) is not None
    if content_figures or vague_count:
        types.append("quantity")
    if any_in(c.comparisons, a, b):
        types.append("comparison")
    if has_sup:
        types.append("superlative")
    if durations or has_date or any_in(c.temporals, a, b):
        types.append("temporal")
    hedged = lx.has_any(lx.HEDGED_KEYS, low_clause) and lx.HEDGED_SOURCE.search(low, a, b) is not None
    if source or hedged:
        types.append("attribution")
    if any_in(c.causes, a, b):
        types.append("causal")
    strong = bool(figures or durations or has_date or has_sup) or "comparison" in types or "causal" in types
    strong = strong or any_in(c.temporals, a, b) or vague_count
    n_words = count_words(text, a, b)
    if not strong:
        # A bare event is worth checking when it names someone or something besides the speaker;
        # a relative clause that only describes someone ("who has lived there all her life") is colour.
        has_name = any(ca < s < cb for s, _e in c.names) or bool(_POSSESSIVE_NAME.match(text, ca, cb))
        if frame:
            pass  # a reporting frame naming its audience or document: see _frames
        elif n_words < 5 or not lx.FINITE_VERB.search(text, a, b) or not has_name or in_quote or relative:
            return None
    if n_words < 3:
        return None
    if not types:
        types.append("other")
    score = 0.3
    if figures:
        score += 0.25 + (0.05 if len(figures) > 1 else 0.0)
    if has_sup:
        score += 0.15
    if "comparison" in types:
        score += 0.1
    if "causal" in types:
        score += 0.1
    if "temporal" in types:
        score += 0.05
    if source:
        score += 0.05
    if in_quote:
        score -= 0.1
    if hedged:
        score -= 0.05
    score = round(min(0.99, max(0.05, score)), 3)
    return Suggestion(
        start=a,
        end=b,
        text=text[a:b],
        types=types,
        quantities=[q.to_dict() for q in qs],
        attributed_to=source,
        score=score,
        wording=wording,
    )


def frame_content(text: str, c: Cues, a: int, b: int) -> bool:
    """A figure, ranking, date or comparison in a frame, not counting the speaker's age ("Ana Ruiz, 54,")."""
    for q in c.quantities:
        age = q.text.isdigit() and text[q.start - 2:q.start] == ", " and (q.end >= b or text[q.end] == ",")
        if a <= q.start < b and not age:
            return True
    return any_in(c.superlatives, a, b) or any_in(c.dates, a, b) or any_in(c.comparisons, a, b)


