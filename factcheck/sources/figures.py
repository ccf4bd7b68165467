"""Comparing texts: the figure check, the independence test and claim similarity.

Pure functions over strings (plus the suggestion engine's ``find_quantities``),
so they can be tested without a database and reused by any provider.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from rapidfuzz import fuzz

try:
    from factcheck.claims.suggest import find_quantities
except ImportError:  # the package may not re-export it yet
    from factcheck.claims.suggest.numbers import find_quantities

_STOPWORD_TEXT = """a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having he
    her here hers him his how i if in into is it its itself just me more most my no nor not now of off on once only
    or other our ours out over own said same says she should so some such than that the their them then there these
    they this those through to too under until up very was we were what when where which while who whom why will
    with would you your year years according told per cent percent people last first new one two three"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_WORD = re.compile(r"[^\W\d_][\w'-]*", re.UNICODE)

# How far two values may differ and still state "the same figure", by the claim's
# qualifier: an exact figure allows rounding to about two significant digits
# ("2.2 thousand" for 2,240), a hedged one ("nearly", "about") a tenth.
EXACT_TOLERANCE = 0.025
APPROX_TOLERANCE = 0.10
HEDGES = {"approx", "nearly", "almost", "about", "around", "roughly", "some", "estimated"}


# --- text helpers -----------------------------------------------------------------------------


def normalise(text: str, *, numbers: bool = True) -> str:
    """Lower-case words (and, unless told otherwise, the numbers) of a text, space-separated."""
    text = unicodedata.normalize("NFKC", text or "").lower().replace("’", "'").replace("‘", "'")
    tokens = [m.group(0) for m in re.finditer(r"[^\W_][\w'.,-]*[^\W_]|[^\W_]", text)]
    if not numbers:
        tokens = [t for t in tokens if not t[0].isdigit()]
    return " ".join(tokens)


def keywords(text: str) -> list[str]:
    """Content words of a text, in order, without duplicates: what a passage must share."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(unicodedata.normalize("NFKC", text or "").lower()):
        word = word.strip("'-")
        if len(word) > 2 and word not in STOPWORDS:
            seen.setdefault(_stem(word), None)
    return list(seen)


def _stem(word: str) -> str:
    # Enough to let "homes" meet "home" and "flooded" meet "flooding" without a stemmer package.
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def sentence_bounds(text: str, start: int, end: int, *, limit: int = 400) -> tuple[int, int]:
    """The sentence (or line) around text[start:end], capped so a passage stays readable."""
    left = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, text.rfind("? ", 0, start) + 2,
               text.rfind("! ", 0, start) + 2, 0)
    stops = [i for i in (text.find(". ", end), text.find("\n", end), text.find("? ", end), text.find("! ", end))
             if i != -1]
    right = min(stops) + 1 if stops else len(text)
    left = max(left, start - limit)
    right = min(right, end + limit, len(text))
    while left < start and text[left].isspace():
        left += 1
    while right > end and text[right - 1].isspace():
        right -= 1
    return left, right


def host(url: str) -> str:
    name = (urlsplit(url or "").hostname or "").lower().rstrip(".")
    return name[4:] if name.startswith("www.") else name


# --- quantities ---------------------------------------------------------------------------------


def _get(obj: Any, name: str, default: Any = None) -> Any:
    return obj.get(name, default) if isinstance(obj, dict) else getattr(obj, name, default)


def _unit_key(unit: Any) -> str:
    unit = (unit or "").lower()
    return _stem(unit) if unit.isalpha() else unit


def units_compatible(a: Any, b: Any) -> bool:
    ka, kb = _unit_key(a), _unit_key(b)
    return not ka or not kb or ka == kb


def values_agree(claim_value: float, claim_qualifier: str, source_value: float, source_qualifier: str = "exact") -> bool:
    """Does a source figure state the claim's figure? Qualifiers widen or bound the match."""
    if claim_value is None or source_value is None:
        return False
    cv, sv = float(claim_value), float(source_value)
    scale = max(abs(cv), abs(sv), 1e-9)
    tolerance = APPROX_TOLERANCE if (claim_qualifier in HEDGES or source_qualifier in HEDGES) else EXACT_TOLERANCE
    if claim_qualifier in ("nearly", "almost"):
        # "nearly 2,200" is below 2,200 but not far below.
        return cv * (1 - APPROX_TOLERANCE) <= sv <= cv * (1 + EXACT_TOLERANCE)
    if claim_qualifier in ("at_least", "more_than"):
        return sv >= cv * (1 - EXACT_TOLERANCE)
    if claim_qualifier in ("at_most", "less_than"):
        return sv <= cv * (1 + EXACT_TOLERANCE)
    return abs(cv - sv) <= tolerance * scale


def quantities_of(text: str) -> list[dict]:
    return [
        {"value": q.value, "qualifier": q.qualifier, "unit": q.unit, "text": q.text, "start": q.start, "end": q.end}
        for q in find_quantities(text or "")
    ]


# --- the figure check -------------------------------------------------------------------------


@dataclass
class FigureCheck:
    outcome: str  # consistent, inconsistent, not_found
    summary: str
    passages: list[dict] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"outcome": self.outcome, "summary": self.summary, "passages": self.passages, "figures": self.figures}


def _passage(text: str, q: dict, words: list[str], verdict: str, claim_figure: str) -> dict:
    start, end = sentence_bounds(text, q["start"], q["end"])
    sentence_words = set(keywords(text[start:end]))
    shared = [w for w in words if w in sentence_words]
    return {
        "start": start, "end": end, "quote": text[start:end],
        "figure_start": q["start"], "figure_end": q["end"], "figure": q["text"],
        "value": q["value"], "qualifier": q["qualifier"], "unit": q["unit"],
        "verdict": verdict, "claim_figure": claim_figure, "shared_words": shared,
    }


def figure_check(claim_text: str, source_text: str, claim_quantities: list[dict] | None = None) -> FigureCheck:
    """Compare the claim's figures with the source: consistent, inconsistent or not found.

    A source figure *matches* when its value agrees within the claim's qualifier and the units
    do not contradict each other. It *contradicts* when the units agree, the value does not,
    and its sentence shares at least two of the claim's key words (or all of them when the
    claim has fewer) - a bare different number elsewhere on the page proves nothing.
    """
    wanted = claim_quantities if claim_quantities else quantities_of(claim_text)
    words = keywords(re.sub(r"\d[\d.,]*", " ", claim_text))
    if not wanted:
        return FigureCheck("not_found", "The claim states no figure to compare.")
    found = quantities_of(source_text)
    need = min(2, len(words))
    figures: list[dict] = []
    passages: list[dict] = []
    for cq in wanted:
        value, qualifier, unit = _get(cq, "value"), _get(cq, "qualifier", "exact") or "exact", _get(cq, "unit")
        label = _get(cq, "text") or str(value)
        matches, conflicts = [], []
        for sq in found:
            if not units_compatible(unit, sq["unit"]):
                continue
            if values_agree(value, qualifier, sq["value"], sq["qualifier"] or "exact"):
                passage = _passage(source_text, sq, words, "matches", label)
                # The same number about something else (a different year, another town) is
                # only a match when the sentence also talks about the claim's subject.
                if not words or passage["shared_words"] or len(found) == 1:
                    matches.append(passage)
            elif unit and sq["unit"] and _unit_key(unit) == _unit_key(sq["unit"]):
                passage = _passage(source_text, sq, words, "differs", label)
                if need and len(passage["shared_words"]) >= need:
                    conflicts.append(passage)
        matches.sort(key=lambda p: -len(p["shared_words"]))
        conflicts.sort(key=lambda p: -len(p["shared_words"]))
        if matches:
            outcome = "consistent"
            chosen = matches[:3]
        elif conflicts:
            outcome = "inconsistent"
            chosen = conflicts[:3]
        else:
            outcome = "not_found"
            chosen = []
        figures.append({"figure": label, "value": value, "qualifier": qualifier, "unit": unit, "outcome": outcome,
                        "source_figures": [p["figure"] for p in chosen]})
        passages.extend(chosen)
    outcomes = {f["outcome"] for f in figures}
    if "inconsistent" in outcomes:
        outcome = "inconsistent"
        bad = next(f for f in figures if f["outcome"] == "inconsistent")
        summary = f"The claim says {bad['figure']}; the source says {', '.join(bad['source_figures'])}."
    elif "consistent" in outcomes:
        outcome = "consistent"
        good = [f for f in figures if f["outcome"] == "consistent"]
        summary = "The source states " + "; ".join(f"{f['figure']} (as {', '.join(f['source_figures'])})" for f in good)
        missing = [f["figure"] for f in figures if f["outcome"] == "not_found"]
        if missing:
            summary += f"; not found: {', '.join(missing)}"
        summary += "."
    else:
        outcome = "not_found"
        summary = "The source does not state " + ", ".join(f["figure"] for f in figures) + "."
    passages.sort(key=lambda p: p["start"])
    return FigureCheck(outcome, summary, passages, figures)


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
