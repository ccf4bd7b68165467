"""Units and values for the figure check: which units name the same thing, how a figure converts to a
base unit ("1.5 km" and "1,500 metres", "106F" and "41C"), and when two values state the same figure.

Split from figures.py, which reads sentences; this module only compares figures.
"""

from __future__ import annotations

import re
from typing import Any

from factcheck.claims.suggest.numbers import normalise_unit
from factcheck.claims.suggest.numvocab import MEASURES, TIME_UNITS
from factcheck.sources.figure_words import SAME_THING as _SAME_THING

# How far two values may differ and still state "the same figure", by the claim's
# qualifier: an exact figure allows rounding to about two significant digits
# ("2.2 thousand" for 2,240), a hedged one ("nearly", "about") a tenth.
EXACT_TOLERANCE = 0.025
APPROX_TOLERANCE = 0.10
HEDGES = {"approx", "nearly", "almost", "about", "around", "roughly", "some", "estimated"}
# How far past a bound a figure may lie and still state it: "more than 300" is stated by 340, not by 2,000.
BOUND_REACH = 1.3
# Below a ceiling the reach is shorter: "up to 850 jobs" is stated by 800, not by "about 150" for 200.
CEILING_REACH = 1.15


def _stem(word: str) -> str:
    # Enough to let "homes" meet "home" and "flooded" meet "flooding" without a stemmer package.
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _get(obj: Any, name: str, default: Any = None) -> Any:
    return obj.get(name, default) if isinstance(obj, dict) else getattr(obj, name, default)


# Counted nouns that name the same things: "homes" in a claim, "houses" in a source.
_UNIT_SYNONYMS = {
    "house": "home", "dwelling": "home", "propertie": "home", "property": "home", "household": "home",
    "famil": "home", "famili": "home", "familie": "home", "family": "home",  # households, families, homes: one unit
    "apartment": "home", "flat": "home",  # "600 דירות" reads "apartments"; an English source says "homes"
    "cars": "vehicl", "car": "vehicl",  # "12 سيارة" reads "cars"; an English source says "vehicles"
}
# Measures converted to one base unit, so "1.5 km" meets "1,500 metres" and "two weeks" meets "14 days".
_BASE_UNITS: dict[str, tuple[str, float]] = {
    "km": ("m", 1000.0), "m": ("m", 1.0), "cm": ("m", 0.01), "mm": ("m", 0.001), "miles": ("m", 1609.344),
    "feet": ("m", 0.3048), "inches": ("m", 0.0254), "nautical_miles": ("m", 1852.0),
    "kg": ("g", 1000.0), "g": ("g", 1.0), "mg": ("g", 0.001), "tonnes": ("g", 1e6),
    "km2": ("m2", 1e6), "hectares": ("m2", 1e4), "acres": ("m2", 4046.856),
    "seconds": ("s", 1.0), "minutes": ("s", 60.0), "hours": ("s", 3600.0), "days": ("s", 86400.0),
    "weeks": ("s", 604800.0), "months": ("s", 2629800.0), "years": ("s", 31557600.0),
    "kWh": ("Wh", 1e3), "MWh": ("Wh", 1e6), "GWh": ("Wh", 1e9), "TWh": ("Wh", 1e12),
    "kW": ("W", 1e3), "MW": ("W", 1e6), "GW": ("W", 1e9),
    "basis_point": ("percentage_point", 0.01),
    "fahrenheit": ("celsius", 1.0), "celsius": ("celsius", 1.0),
    "km/h": ("km/h", 1.0), "kmh": ("km/h", 1.0), "kph": ("km/h", 1.0), "mph": ("km/h", 1.609344),
    # "two-thirds of voters" is stated by "67 percent of voters".
    "fraction": ("percent", 100.0), "percent": ("percent", 1.0),
}
# Physical measures: two sentences giving 41 °C or 2.4 km share that much of their subject; a count,
# a currency or a percentage could be about anything.
_MEASURE_KEYS = frozenset({"m", "g", "m2", "m3", "Wh", "W", "celsius", "fahrenheit", "km/h", "knots", "magnitude"})


# Units that measure something; any other lower-case word is a counted noun ("homes", "signatures").
_MEASURE_UNITS = frozenset({u for _p, u, _k in MEASURES if u} | {u for u, _m in TIME_UNITS.values()} | {"fraction"})


def _count_noun(unit: str) -> bool:
    """A plural counted noun: "people", "signatures" (not a measure, nor "seat" in "2,200-seat")."""
    return unit.isalpha() and unit.islower() and unit not in _MEASURE_UNITS and (unit == "people" or unit.endswith("s"))


# Units of two words that count what a one-word unit does: a housing plan's "1,350 יחידות דיור" (housing
# units) are its apartments.
_PHRASE_SYNONYMS = {"housing units": "home", "residential units": "home", "dwelling units": "home"}


def _unit_key(unit: Any) -> str:
    unit = normalise_unit(unit) or ""
    if unit in _BASE_UNITS:
        return _BASE_UNITS[unit][0]
    unit = unit.lower()
    if unit in _PHRASE_SYNONYMS:
        return _PHRASE_SYNONYMS[unit]
    if not unit.isalpha():
        return unit
    stem = _stem(unit)
    return _UNIT_SYNONYMS.get(stem, stem)


def _base_value(value: Any, unit: Any) -> float:
    if normalise_unit(unit) == "fahrenheit":
        return (float(value) - 32) * 5 / 9  # "106F" states "41C"
    return float(value) * _BASE_UNITS.get(normalise_unit(unit) or "", ("", 1.0))[1]


def in_unit(base: float, unit: Any) -> float:
    """A base value ("668 s") in ``unit`` (11.13 minutes): rounding is judged in the unit the claim writes."""
    if normalise_unit(unit) in ("fahrenheit", "celsius"):
        return base
    return base / _BASE_UNITS.get(normalise_unit(unit) or "", ("", 1.0))[1]


# Counted nouns that count people by what happened to them or what they did.
_PEOPLE_LIKE = frozenset({
    "signatures", "votes", "ballots", "deaths", "casualties", "fatalities", "injuries", "cases", "arrests",
    "evacuations", "evacuees", "lives", "bodies", "members", "jobs", "places", "seats", "tickets", "applications",
    "admissions", "infections", "hospitalisations", "hospitalizations", "attendances", "visits", "entries",
    "rescues", "captives", "abductees", "detentions", "killings", "murders", "drownings", "displacements", "layoffs",
    "redundancies",
})


# "marchers", "participants", "attendees": nouns for people doing something.
# "fishermen", "firemen", "servicewomen": people too, whatever the number reader called them.
_AGENT_ENDINGS = ("ers", "ists", "ants", "ents", "ees", "ians", "ors", "men")


def _other_things(a: Any, b: Any) -> bool:
    """Two counted nouns for different things: "homes" and "firefighters", not "homes" and "houses",
    nor "people" and anything people can be ("residents", "signatures")."""
    ua, ub = (normalise_unit(a) or "").lower(), (normalise_unit(b) or "").lower()
    if _unit_key(ua) == _unit_key(ub) or (" " in ua + ub and ua.split()[-1:] == ub.split()[-1:]):
        return False  # "polling stations" and the reader's "stations"
    other = ({ua, ub} - {"people"})
    if "people" in (ua, ub) and (other <= _PEOPLE_LIKE or all(o.endswith(_AGENT_ENDINGS) for o in other)):
        return False  # "212 people" killed and "212 deaths", "19,000 people" and "19,000 signatures"
    def forms(u: str) -> set[str]:
        own = {_stem(u), *_singular(u)}
        return {*own, *(k for f in own for k in _SAME_THING.get(f, ()))}

    return not forms(ua) & forms(ub)


# Nouns that count what happened to people, one for each person it happened to: "1,870 releases" counts the
# prisoners released, "1,132 arrivals" the migrants who arrived.
_EVENT_NOUNS = frozenset({
    "arrivals", "releases", "arrests", "evacuations", "deaths", "rescues", "deportations", "departures", "admissions",
    "detentions", "killings", "expulsions", "crossings", "infections", "hospitalisations", "hospitalizations",
    "abductions", "kidnappings", "repatriations", "resettlements",
})


_VERBAL_NOUN = re.compile(r"[a-z]{4}(?:tions|sions|ments|ures)$")


def event_of(source_unit: Any, claim_stems: frozenset[str]) -> bool:
    """Does the source's noun count an event the claim tells of its people ("1,870 releases" and "3,000 prisoners
    were released", "arrivals" and "migrants reached")? Then both count the same people."""
    noun = (normalise_unit(source_unit) or "").lower()
    # A noun made from a verb ("cancellations" for "cancelled 1,400 flights", "appointments" for "appointed")
    # names the claim's event whatever list it is missing from.
    if noun not in _EVENT_NOUNS and not _VERBAL_NOUN.search(noun):
        return False
    stem = _stem(noun)
    groups = set(_SAME_THING.get(stem, ()))
    return any((len(w) >= 5 and w[:6] == stem[:6]) or groups & set(_SAME_THING.get(w, ())) for w in claim_stems)


def _singular(word: str) -> set[str]:
    """"branches" -> {"branches", "branche", "branch"}: enough to meet "branch" in "branch closures"."""
    return {word, word[:-1] if word.endswith("s") else word, word[:-2] if word.endswith("es") else word}


def _countable(unit: str) -> bool:
    """A counted noun, plural or not ("aircraft", "staff", "jets"), as opposed to a measure or a currency."""
    return _count_noun(unit) or (unit.isalpha() and unit.islower() and unit not in _MEASURE_UNITS and len(unit) > 2)


# ", 27," right after a name or a noun: a person's age, not a count.
_AGE_APPOSITION = re.compile(r",\s\d{1,3}(?:,|\s*$|\.)")


def units_compatible(a: Any, b: Any) -> bool:
    ka, kb = _unit_key(a), _unit_key(b)
    if ka and kb and ka != kb and " " in f"{ka} {kb}".strip() and str(a).lower().split()[-1:] == str(b).lower().split()[-1:]:
        return True  # "polling stations" and the reader's "stations"
    return not ka or not kb or ka == kb


def values_agree(claim_value: float, claim_qualifier: str, source_value: float, source_qualifier: str = "exact") -> bool:
    """Does a source figure state the claim's figure? Qualifiers widen or bound the match.

    A bound ("more than 300", "at least 19") is stated by a figure at the bound or a little past
    it; a figure far past it ("about 2,000" for "more than 300") is a different figure.
    """
    if claim_value is None or source_value is None:
        return False
    cv, sv = float(claim_value), float(source_value)
    scale = max(abs(cv), abs(sv), 1e-9)
    tolerance = APPROX_TOLERANCE if (claim_qualifier in HEDGES or source_qualifier in HEDGES) else EXACT_TOLERANCE
    if claim_qualifier in ("nearly", "almost"):
        # "nearly 2,200" is below 2,200 but not far below.
        return cv * (1 - APPROX_TOLERANCE) <= sv <= cv * (1 + EXACT_TOLERANCE)
    # Past the bound is not "at the bound": 118 injured does not state "more than 120" (a new user's
    # check said "Figure matches" for it). Only converted units' rounding is allowed (SAME_TOLERANCE).
    if claim_qualifier in ("at_least", "more_than"):
        same_bound = source_qualifier in ("at_least", "more_than") and abs(cv - sv) <= APPROX_TOLERANCE * scale
        return same_bound or cv * (1 - SAME_TOLERANCE) <= sv <= cv * BOUND_REACH
    if claim_qualifier in ("at_most", "less_than"):
        same_bound = source_qualifier in ("at_most", "less_than") and abs(cv - sv) <= APPROX_TOLERANCE * scale
        return same_bound or cv / CEILING_REACH <= sv <= cv * (1 + SAME_TOLERANCE)
    if tolerance == EXACT_TOLERANCE and abs(cv - sv) > SAME_TOLERANCE * scale:
        # Two exact figures agree when equal (units converted) or when one rounds the other ("2.2
        # thousand" for 2,240); 63 seats is not 64.
        return abs(cv - sv) <= tolerance * scale and (_rounds(cv, sv) or _rounds(sv, cv))
    return abs(cv - sv) <= tolerance * scale


# Converted units ("1,500 metres" for 1.5 km, "26 weeks" for six months) agree this closely.
SAME_TOLERANCE = 0.005


_ESTIMATES = HEDGES - {"nearly", "almost"}


def near_miss(claim_value: float, claim_qualifier: str, source_value: float, source_qualifier: str) -> bool:
    """Two hedged figures each written to two or more significant digits, neither a rounding of the
    other: "about 96 million" and "about 101 million" are two estimates, not one ("about 4,000" and
    "roughly 4,100" still agree: 4,100 rounds to 4,000)."""
    if claim_qualifier not in _ESTIMATES or source_qualifier not in _ESTIMATES:
        return False  # "nearly" and "almost" bound the figure from below (values_agree)
    cv, sv = float(claim_value), float(source_value)
    if cv == sv or min(_significant(cv), _significant(sv)) < 2:
        return False
    return not (_rounds(cv, sv) or _rounds(sv, cv))


def _significant(value: float) -> int:
    digits = f"{abs(value):.6e}".split("e")[0].replace(".", "").rstrip("0") if value else ""
    return len(digits)


def _rounds(precise: float, rounded: float) -> bool:
    """Is ``rounded`` ``precise`` rounded to as many significant digits as ``rounded`` shows?"""
    digits = f"{abs(rounded):.6e}".split("e")[0].replace(".", "").rstrip("0") if rounded else ""
    sig = max(1, len(digits))
    return float(f"{precise:.{sig}g}") == float(f"{rounded:.{sig}g}")


_FLOORS = ("at_least", "more_than")
_CEILINGS = ("at_most", "less_than")


def bounds_conflict(claim_value: float, claim_qualifier: str, source_value: float, source_qualifier: str) -> bool:
    """A floor against a ceiling at the same value ("at least 40" and "fewer than 40", "up to 80" and "more
    than 80"): the source puts the count on the other side of the claim's bound, so it is never a match."""
    if claim_value is None or source_value is None:
        return False
    opposite = (claim_qualifier in _FLOORS and source_qualifier in _CEILINGS) or (
        claim_qualifier in _CEILINGS and source_qualifier in _FLOORS)
    cv, sv = float(claim_value), float(source_value)
    return opposite and abs(cv - sv) <= SAME_TOLERANCE * max(abs(cv), abs(sv), 1e-9)


_SCALED = re.compile(r"\d\.\d|\d\s?(?:k|m|mn|b|bn)\b|thousand|million|billion|trillion|hundred", re.I)


def finer_count(claim_q: Any, claim_qualifier: str, source_q: dict) -> bool:
    """A head count the claim writes in full digits ("2,200 people") against a finer, different count in the
    source ("about 2,150 people", "17,600 fans"): the claim's figure is not the source's rounded, so it is a
    different figure. A claim that hedges ("about 2,200") or abbreviates ("2.2k", "1.2 million") rounds."""
    if claim_qualifier != "exact" or source_q.get("kind") != "count":
        return False
    text = str(_get(claim_q, "text") or "")
    cv, sv = float(_get(claim_q, "value")), float(source_q["value"])
    if cv == sv or cv != int(cv) or sv != int(sv) or not re.search(r"\d", text) or _SCALED.search(text):
        return False
    # The source's figure rounded to the claim's precision would give the claim's: only then is the claim
    # the coarser of the two; a source as coarse as the claim that differs (230 for 240) differs too.
    return _significant(sv) >= _significant(cv) or not _rounds(cv, sv)
