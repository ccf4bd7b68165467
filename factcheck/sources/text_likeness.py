"""Comparing texts beyond their figures: the independence test (a syndicated copy is no second source)
and claim similarity (the similar-claims pool). Split out of figures.py, which holds the figure check.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from factcheck.sources.figure_text import host, normalise
from factcheck.sources.figure_units import units_compatible, values_agree
from factcheck.sources.figures import quantities_of

# --- independence ------------------------------------------------------------------------------

SYNDICATION_THRESHOLD = 0.5  # share of the article's 5-word shingles found in the source
SHINGLE = 5


def shingles(text: str, size: int = SHINGLE) -> set[tuple[str, ...]]:
    words = normalise(text).split()
    return {tuple(words[i : i + size]) for i in range(max(0, len(words) - size + 1))}


def repeated_share(article_text: str, source_text: str) -> float:
    """Share of the article's word 5-grams that also occur in the source (1.0 = fully copied)."""
    article = shingles(article_text)
    if len(article) < 10:
        return 0.0
    return len(article & shingles(source_text)) / len(article)


def independence(source_url: str, source_text: str, articles: list[tuple[str, str, str]]) -> tuple[bool, str]:
    """Judge a source against the articles it serves, given as (title, url, text) triples."""
    source_host = host(source_url)
    for title, url, text in articles:
        if source_host and url and host(url) == source_host:
            return False, f"Published on the article's own site ({source_host})."
        share = repeated_share(text, source_text)
        if share >= SYNDICATION_THRESHOLD:
            return False, f"Repeats {share:.0%} of the article '{title[:80]}' (syndicated copy)."
    return True, ""


# --- similar claims ---------------------------------------------------------------------------


def claim_similarity(a: str, b: str) -> float:
    """0-100; token-based so word order and filler words matter little."""
    # Figures are left out: "2,200 homes flooded" and "1,500 homes flooded" are the same claim
    # with a different figure, which figures_differ() reports separately.
    na, nb = normalise(a, numbers=False), normalise(b, numbers=False)
    if not na or not nb:
        return 0.0
    return min(fuzz.token_set_ratio(na, nb), fuzz.token_sort_ratio(na, nb) + 15)


def claim_similarities(text: str, others: list[str]) -> list[float]:
    """claim_similarity(text, o) for each o, normalising text once (the similar-claims pool)."""
    na = normalise(text, numbers=False)
    scores = []
    for other in others:
        nb = normalise(other, numbers=False)
        scores.append(0.0 if not na or not nb else min(fuzz.token_set_ratio(na, nb), fuzz.token_sort_ratio(na, nb) + 15))
    return scores


def figures_differ(a: str, b: str) -> bool:
    """Both claims state figures of the same unit and none of them agree."""
    qa, qb = quantities_of(a), quantities_of(b)
    if not qa or not qb:
        return False
    comparable = False
    for x in qa:
        for y in qb:
            if not units_compatible(x["unit"], y["unit"]):
                continue
            comparable = True
            if values_agree(x["value"], x["qualifier"], y["value"], y["qualifier"]) or values_agree(
                y["value"], y["qualifier"], x["value"], x["qualifier"]
            ):
                return False
    return comparable
