"""The unit after a figure: measures and durations ("12 km", "five days"), the counted noun
("2,200 people", "a 2,200-seat theatre") and the spelling editors and labellers write units in.

GUIDELINES.md: a count's unit is "a short lower-case noun", percent, currencies as ISO codes,
measures as symbols and durations as minutes, hours, days, weeks, months, years.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .numvocab import CURRENCY_PREFIX, GROUP_NOUNS, ISO, MEASURES, NOT_UNIT, PEOPLE, TIME_UNITS

__all__ = ["MONEY_WORD", "SCALE_AFTER", "SCALE_WORD_AFTER", "SUBUNITS", "WORD_AFTER", "is_plural", "normalise_unit",
           "noun_after", "people_unit", "unit_after"]

SCALE_AFTER = re.compile(
    r"(?P<sp>\s?-?\s?)(?P<s>thousand|million|billion|trillion|bn|bln|mn|mln|tn|trn|lakhs?|crores?|k|m)\b", re.IGNORECASE
)
SCALE_WORD_AFTER = re.compile(r"\s+(?:of\s+)?an?\s+(?P<s>hundred|thousand|million|billion|trillion|dozen)\b", re.IGNORECASE)

_TIME_RE = (
    r"(?P<time>seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|fortnights?|months?|years?|yrs?|decades?|"
    r"centuries|century)\b"
)
_UNIT_AFTER = re.compile(
    r"(?P<sep>\s?-?\s?)(?:"
    r"(?P<age>years?[\s-]old\b|-year-old\b)"
    r"|" + _TIME_RE
    + "".join(rf"|(?P<m{i}>{pattern})" for i, (pattern, _u, _k) in enumerate(MEASURES))
    + r"|(?:straight|consecutive|successive|full)\s+" + _TIME_RE.replace("?P<time>", "?P<time2>")
    + ")",
    re.IGNORECASE,
)
# A currency's hundredths, read as the currency itself: "27.9 pence" is 0.279 GBP.
SUBUNITS = {"GBp": ("GBP", Decimal("0.01"))}
_MEASURE_BY_GROUP = {f"m{i}": (unit, kind) for i, (_p, unit, kind) in enumerate(MEASURES)}
_YEAR_OLD = re.compile(r"-?\s?years?[\s-]old\b", re.IGNORECASE)
WORD_AFTER = re.compile(r"\s+([A-Za-z][a-z]+(?:-[a-z]+)?)")
MONEY_WORD = re.compile(
    "|".join(pattern for pattern, _unit, kind in MEASURES if kind == "money" and not pattern.startswith("(?-i")),
    re.IGNORECASE,
)
_GLUED_NOUN = re.compile(r"-([a-z]{3,})\b(?!-)")
# "a 4,000-strong crowd" counts the crowd, not a "strong".
_NOT_GLUED_NOUN = frozenset({"strong", "odd", "plus", "something", "long", "wide", "high", "deep", "old"})


def unit_after(text: str, pos: int, limit: int) -> tuple[str | None, str, int, Decimal]:
    """Unit that follows a number at ``pos``: (unit, kind, end, multiplier)."""
    m = _UNIT_AFTER.match(text, pos, limit)
    if m:
        if m.group("age"):
            return "years", "age", m.end(), Decimal(1)
        if m.group("time") or m.group("time2"):  # "five straight months" is a duration too
            word = (m.group("time") or m.group("time2")).lower()
            stem = word[:-1] if word.endswith("s") else word
            if stem == "centurie" or word == "centuries":
                stem = "century"
            unit, mult = TIME_UNITS.get(stem, ("years", 1))
            end = m.end()
            y = _YEAR_OLD.match(text, end, limit)
            if y and unit == "years":
                return "years", "age", y.end(), Decimal(1)
            return unit, "duration", end, Decimal(mult)
        name = m.lastgroup
        if name in _MEASURE_BY_GROUP:
            unit, kind = _MEASURE_BY_GROUP[name]
            got = m.group(name)
            sep = m.group("sep")
            # One-letter units (C, F, t, g, m) only count when glued to the number: "24C", not "24 C".
            if not ((len(got) == 1 or got.lower() == "nm") and sep and sep.strip(" ") == ""):
                if unit in SUBUNITS:  # "27.9p" is £0.279
                    code, mult = SUBUNITS[unit]
                    return code, kind, m.end(), mult
                return (unit or got), kind, m.end(), Decimal(1)
    return None, "count", pos, Decimal(1)


def noun_after(text: str, pos: int, limit: int) -> tuple[str | None, int]:
    """Counted noun after a figure: "2,200 people" -> people, "3,000 buildings" -> buildings.

    A hyphenated noun ("a 2,200-seat theatre") is what the figure measures, kept in the singular
    so that the figure check does not take a theatre's seats for 2,200 homes.
    """
    glued = _GLUED_NOUN.match(text, pos, limit)
    if glued and glued.group(1).lower() not in NOT_UNIT and glued.group(1).lower() not in _NOT_GLUED_NOUN:
        return glued.group(1).lower(), glued.end()
    m = WORD_AFTER.match(text, pos, limit)
    if not m:
        return None, pos
    w1 = m.group(1)
    low1 = w1.lower()
    if w1[0].isupper() and low1 not in PEOPLE:
        # "30,000 City supporters", "20 US states": a name before the counted noun. Not after a year
        # ("in 2019 Labour councils ..."), which is a date, not a count.
        m2 = WORD_AFTER.match(text, m.end(), limit) if not _YEAR_BEFORE.search(text, max(0, pos - 5), pos) else None
        if m2 and m2.group(1)[0].islower() and m2.group(1).lower() not in NOT_UNIT:
            low2 = m2.group(1).lower()
            if low2 in PEOPLE:
                return people_unit(low2), m2.end()
            if is_plural(low2):
                return low2, m2.end()
        return None, pos
    if low1 in PEOPLE:
        # "40 police vans" counts vans, not police: a people word can modify the counted noun.
        m2 = WORD_AFTER.match(text, m.end(), limit)
        low2 = m2.group(1).lower() if m2 and m2.group(1)[0].islower() else ""
        if low2 and is_plural(low2) and not low1.endswith("s"):  # "3 crew members", "40 police officers"
            return low2, m2.end()
        return people_unit(low1), m.end()
    if low1 in NOT_UNIT and low1 not in _BEFORE_NOUN:
        return None, pos
    if is_plural(low1) or (low1.endswith("men") and len(low1) > 5):  # "63 fishermen", "4 linesmen"
        m2 = WORD_AFTER.match(text, m.end(), limit)
        if m2 and m2.group(1).lower() in PEOPLE and m2.group(1)[0].islower():
            return "people", m2.end()
        # "two hazardous-materials teams", "three sports cars": a plural modifier before the counted noun.
        if m2 and m2.group(1)[0].islower() and is_plural(m2.group(1).lower()) and ("-" in low1 or low1 in _PLURAL_MODIFIERS):
            return m2.group(1).lower(), m2.end()
        return low1, m.end()
    # An adjective or noun modifier before the counted noun: "12 unvaccinated people", "37 shell companies".
    m2 = WORD_AFTER.match(text, m.end(), limit)
    if m2 and m2.group(1)[0].islower():
        low2 = m2.group(1).lower()
        if low2 in PEOPLE:
            return people_unit(low2), m2.end()
        # "312 drug-related arrests", "three suspected spies": a participle can modify the noun too.
        participle_ok = not low1.endswith("ed") or "-" in low1 or low1 in _PARTICIPLE_BEFORE
        m3 = WORD_AFTER.match(text, m2.end(), limit) if low2 in _PLURAL_MODIFIERS else None
        if m3 and m3.group(1)[0].islower() and is_plural(m3.group(1).lower()):
            return m3.group(1).lower(), m3.end()  # "4,100 new overseas students"
        if low2 not in NOT_UNIT and is_plural(low2) and participle_ok and (
                low1 not in NOT_UNIT or low1 in _BEFORE_NOUN):
            return low2, m2.end()
        # Two modifiers before the noun: "210 vacant nursing posts", "140 walk-in vaccination clinics".
        m3 = WORD_AFTER.match(text, m2.end(), limit)
        if m3 and m3.group(1)[0].islower() and low1 not in NOT_UNIT and low2 not in NOT_UNIT \
                and not is_plural(low2) and not low2.endswith("ed") and not low1.endswith("ly"):
            low3 = m3.group(1).lower()
            if low3 in PEOPLE:
                return people_unit(low3), m3.end()
            if is_plural(low3):
                return low3, m3.end()
    return None, pos


# People words that are no noun of their own ("12 dead", "34 wounded", "40 police"): counted as people.
_PEOPLE_AS_PEOPLE = frozenset({"dead", "injured", "wounded", "police", "persons", "individuals", "casualties"})


def people_unit(word: str) -> str:
    """GUIDELINES.md: a count's unit is "a short lower-case noun" ("people", "reservists", "troops"),
    the noun as written, which the labels give 3 times in 4 for "212 passengers" or "nine civilians".
    A singular ("one man") or an adjective ("12 dead") stays "people"; normalise_unit maps every
    people word back to "people" for the figure check, so matching a source is unchanged."""
    if word in GROUP_NOUNS or word in ("men", "women", "children", "staff", "crew", "personnel") or (
            word not in _PEOPLE_AS_PEOPLE and is_plural(word)):
        return word
    return "people"


# Words in NOT_UNIT that may stand before the counted noun: "1,100 new homes".
_BEFORE_NOUN = frozenset({"new", "more", "other", "fewer", "extra", "additional"})


_YEAR_BEFORE = re.compile(r"(?<![\d,.])(?:1[89]|20)\d\d$")
# Words that look plural but modify the counted noun after them: "three sports cars", "overseas students".
_PLURAL_MODIFIERS = frozenset({"sports", "overseas", "arms", "goods", "savings", "news", "customs", "sales", "operations",
                               "communications", "emergency", "emissions", "systems", "materials", "parts", "works"})
# Nouns whose plural is the singular: "96 aircraft", "1,150 personnel", "9,000 cattle".
_SAME_PLURAL = frozenset({"aircraft", "spacecraft", "personnel", "cattle", "sheep", "livestock", "deer", "salmon"})
# Participles that stand before a counted noun as adjectives ("three suspected spies", "40 armed officers").
_PARTICIPLE_BEFORE = frozenset({"suspected", "alleged", "armed", "registered", "licensed", "qualified", "trained",
                                "unaccompanied", "displaced", "detained", "reported", "confirmed", "recorded"})


def is_plural(word: str) -> bool:
    return word in _SAME_PLURAL or (
        len(word) > 3
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is", "ous"))
        and word not in NOT_UNIT
    )


_SYMBOL_UNITS = {symbol: code for symbol, code in CURRENCY_PREFIX.items()}


def normalise_unit(unit: str | None) -> str | None:
    """A unit as a labeller or an editor may write it ("per cent", "dollars", "$", "kilometres",
    "residents") in the form the reader gives figures ("percent", "USD", "km", "people")."""
    if not unit:
        return None
    word = unit.strip()
    low = word.lower()
    if low in _SYMBOL_UNITS:
        return _SYMBOL_UNITS[low]
    if low in PEOPLE and low not in GROUP_NOUNS:
        return "people"
    if re.fullmatch(ISO, word.upper()) and len(word) == 3:
        return word.upper()
    u, _kind, end, _mult = unit_after(word, 0, len(word))
    if u and end == len(word):
        return u
    return word
