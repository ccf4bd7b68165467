"""A share of a population read both ways, for the figure check.

"One in four of the company's 2,000 staff" states that 500 staff are concerned, and "some 500 of the
2,000 staff" (or "of the 250 drivers tested, 100 failed") that a quarter are: the source writes one
figure, the claim the other. For each such figure the other reading is derived, so the check compares
the claim's figure with it as with any written figure.
"""

from __future__ import annotations

import re

__all__ = ["population_shares"]

# Between a share and the population it is of: "of the", "of its", "of the company's", "of the 1,500".
_OF_POPULATION = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|all\s+|these\s+|those\s+)?(?:[\w'’-]+(?:'s|’s)\s+)?"
                            r"(?:[a-z]+\s+)?$", re.I)
# "Of the 250 drivers tested, 100 failed": the population first, then the part, in the same clause.
_OF_BEFORE = re.compile(r"(?:^|[.;:]\s*|,\s*)of\s+(?:the\s+|its\s+|their\s+|all\s+)?(?:[\w'’-]+(?:'s|’s)\s+)?$", re.I)
_THEN_PART = re.compile(r"^[^.;:\d]{0,40},\s*(?:some\s+|about\s+|around\s+|only\s+|just\s+)?$", re.I)
_SHARES = ("fraction", "percent")


def _share(q: dict) -> float | None:
    unit = (q.get("unit") or "").lower()
    if q.get("kind") == "fraction" or unit == "fraction":
        return float(q["value"])
    if unit in ("percent", "%"):
        return float(q["value"]) / 100
    return None


def _count(q: dict) -> bool:
    return q.get("kind") == "count" and float(q["value"]) > 0


def population_shares(text: str, found: list[dict]) -> dict[int, dict]:
    """For figure ``i`` of ``found`` that is a share of a population written after it, the count it comes
    to ("one in four of the 2,000 staff" -> 500 staff); for a part of a population, the share it is
    ("500 of the 2,000 staff" -> a quarter). Keyed by the index of the share or the part."""
    out: dict[int, dict] = {}
    for i in range(len(found) - 1):
        a, b = found[i], found[i + 1]
        if not _count(b) or b["start"] - a["end"] > 60 or not _OF_POPULATION.match(" " + text[a["end"]:b["start"]]):
            continue
        whole = float(b["value"])
        share = _share(a)
        if share is not None and 0 < share < 1:
            out[i] = dict(a, value=round(share * whole, 6), unit=b["unit"], kind="count")
        elif _count(a) and float(a["value"]) < whole and (a["unit"] is None or a["unit"] == b["unit"]):
            out[i] = dict(a, value=round(float(a["value"]) / whole, 6), unit="fraction", kind="fraction")
    for i in range(1, len(found)):
        whole, part = found[i - 1], found[i]
        if i in out or not _count(whole) or not _count(part) or float(part["value"]) >= float(whole["value"]):
            continue
        lo = max(0, whole["start"] - 40)
        if _OF_BEFORE.search(text[lo:whole["start"]]) and _THEN_PART.match(text[whole["end"]:part["start"]]):
            out[i] = dict(part, value=round(float(part["value"]) / float(whole["value"]), 6), unit="fraction",
                          kind="fraction")
    return out
