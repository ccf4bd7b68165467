"""What a claim's bare figure counts, and which source figures are of its kind.

A merged claim ("... 41 container ships ..., up from 12") keeps each part's quantities as the
suggestion engine read that part alone: the "12" of "up from 12" has no unit. Compared bare, it met
every count of the source ("1,900 dockers", "2.1 million containers") and the claim page said
"Figure differs" for figures about other things. This module gives such a figure the unit the claim
itself gives it, and keeps a bare figure apart from source counts of things the claim does not count.
"""

from __future__ import annotations

import re
from typing import Any

from factcheck.claims.suggest.numbers import normalise_unit
from factcheck.sources.figure_units import _count_noun, _get, _other_things, _singular, _stem, _unit_key

# A yardstick right before a bare figure: "up from 12", "compared with 12 in 2019", "against 12 a year earlier".
_BASELINE_BEFORE = re.compile(
    r"(?:\bfrom|\bcompared\s+(?:with|to)|\bagainst|\bthan|\bversus|\bvs\.?|\b(?:up|down)\s+on)\s+"
    r"(?:(?:just|only|about|around|some|roughly|nearly|almost|a\s+mere)\s+)?$", re.I)
_SHARE_UNITS = ("percent", "percentage_point")
_CLAUSE_BREAK = re.compile(r"[.;:?!]\s")


def claim_units(claim_text: str, wanted: list[Any], read: list[dict]) -> list[Any]:
    """``wanted`` with each bare count given the unit the claim gives it: the number reader's unit when it
    reads the whole claim ("41 container ships, up from 12": ships), or, for a yardstick ("compared with 12
    in 2019", "up 4 percent from 12"), the unit of the claim's figure before it in the clause."""
    out = []
    for cq in wanted:
        unit = None
        if not _get(cq, "unit") and isinstance(cq, dict) and _get(cq, "kind", "count") in ("count", None):
            unit = _unit_in_claim(claim_text, cq, read)
        out.append(dict(cq, unit=unit) if unit else cq)
    return out


def _unit_in_claim(claim_text: str, cq: dict, read: list[dict]) -> str | None:
    text = _get(cq, "text") or ""
    value = float(_get(cq, "value"))
    here = next((r for r in read if float(r["value"]) == value and (not text or r["text"] == text)), None)
    if here is None:
        return None
    if here["unit"]:
        return here["unit"]
    before = claim_text[:here["start"]]
    if not _BASELINE_BEFORE.search(before[-40:]):
        return None
    for other in reversed([r for r in read if r["end"] <= here["start"] and r["unit"]]):
        gap = claim_text[other["end"]:here["start"]]
        if _CLAUSE_BREAK.search(gap):
            return None  # another sentence's figure counts something of its own
        if _unit_key(other["unit"]) in _SHARE_UNITS and len(gap.split()) <= 3:
            continue  # "up 4 percent from 12": the change, not what 12 counts
        return other["unit"]
    return None


def counts_other_things(claim_text: str, cq: Any, source_figure: dict, read: list[dict]) -> bool:
    """A claim figure without a unit and a source count of a noun the claim never counts ("1,900 dockers",
    "2.1 million containers" for the "12" of a claim about container ships): the source's figure is about
    something else, so it is no different figure. A noun the claim writes outside its other figures'
    words ("the port's dockers") is the same thing; "container" in "41 container ships" is not."""
    noun = (normalise_unit(source_figure["unit"]) or "").lower()
    if _get(cq, "unit") or not _count_noun(noun):
        return False
    others = [r for r in read if float(r["value"]) != float(_get(cq, "value"))]
    if any(r["unit"] and not _other_things(r["unit"], noun) for r in others):
        return False  # the claim's other figure counts the same things ("41 ships ... 12" and "15 ships")
    rest = claim_text
    for r in sorted(others, key=lambda r: -r["start"]):
        rest = rest[:r["start"]] + " " + rest[r["end"]:]
    forms = {_stem(noun), *_singular(noun)}
    words = {w for w in re.findall(r"[^\W\d_]+", rest.lower())}
    return not any(_stem(w) in forms or w in forms for w in words)


def same_kind(chosen: list[dict], claim_unit: Any) -> list[dict]:
    """The differing source figures the summary names: those of the claim's unit when some are, else those
    of the first one's kind ("1,900 dockers" and "2.1 million containers" are no one figure for "12")."""
    if len(chosen) < 2:
        return chosen
    if claim_unit:
        key = _unit_key(claim_unit)
        # A bare number beside a count of the claim's unit ("840 יחידות דיור ושני גנים") is no figure of it.
        return ([p for p in chosen if p["unit"] and _unit_key(p["unit"]) == key]
                or [p for p in chosen if not p["unit"]] or chosen)
    key = _unit_key(chosen[0]["unit"])
    return [p for p in chosen if _unit_key(p["unit"]) == key]
