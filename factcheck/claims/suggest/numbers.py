"""Finding figures in text and normalising them to a value, a qualifier and a unit.

Used by the suggestion engine to attach quantities to claims, and by the figure-check lookup to
find the same figure in a fetched source: "2,200", "2200", "2.2 thousand", "twenty-two hundred"
and "nearly 2,200" all come out as 2200. Precompiled scans find candidate
figures (numscan.py); each candidate then looks at a few dozen characters on either side for its
scale, currency and unit (numunit.py), so the cost is linear in the length of the text whatever
it contains.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .lang_numbers import find_quantities_rtl
from .lang_script import detect, has_rtl
from .numcontext import Atom, age_decades, apply_context, carry_units, compound_durations, merge_pairs
from .numscan import ASCII_LOWER, POINT_AFTER, Cand, candidates, parse_number_words
from .numunit import (
    MONEY_WORD,
    SCALE_AFTER,
    SCALE_WORD_AFTER,
    WORD_AFTER,
    is_plural,
    normalise_unit,
    noun_after,
    unit_after,
)
from .numvocab import (
    CURRENCY_PREFIX,
    FRACTIONS,
    ISO,
    MONTHS,
    NEVER_MEASURED,
    PEOPLE,
    SCALES,
    SHORT_SCALES,
    SMALL,
    TIME_UNITS,
)

__all__ = ["QUALIFIERS", "QuantityMatch", "find_quantities", "normalise_unit", "parse_number_words"]

QUALIFIERS = ("exact", "approx", "nearly", "more_than", "less_than", "at_least", "at_most")


@dataclass(frozen=True, slots=True)
class QuantityMatch:
    """One figure found in a text; ``text`` is ``source[start:end]``, qualifier and unit included.

    ``kind`` tells what the figure measures (count, money, percent, percentage_point, duration,
    age, measure, fraction, multiplier) so that callers can tell a duration from a head count
    without re-reading the unit.
    """

    start: int
    end: int
    value: int | float
    qualifier: str
    unit: str | None
    text: str
    kind: str = "count"

    def to_dict(self) -> dict[str, object]:
        return {"value": self.value, "qualifier": self.qualifier, "unit": self.unit, "text": self.text}


# Runs on ascii-lowered text (see find_quantities); ISO codes before a figure are checked on the original.
_ISO_BEFORE = re.compile(rf"(?:{ISO}|NIS)\s?$")  # "NIS 2 billion": the shekel's usual English abbreviation

# After a glued "m", the nouns that make it millions ("3.2m people", "3m signatures"), not metres ("a 30m wall").
_MILLIONS_OF = PEOPLE | NEVER_MEASURED

_MINUS_BEFORE = re.compile(r"(?:\bminus\s+|(?<![\w.])[-−])$")
_SPACE_OR_HYPHEN = re.compile(r"[\s-]")
_AND_A_HALF = re.compile(r"(?:\s+|-)and(?:\s+|-)a(?:\s+|-)half\b")  # "two and a half", "five-and-a-half-year"
_OF_A_UNIT = re.compile(r"\s+(?:of\s+)?an?\s+", re.IGNORECASE)
# "a quarter of a point", "a half-point rise", "a quarter-percentage-point cut": a rate's points.
_OF_A_POINT = re.compile(r"(?:\s+of\s+a\s+|-)(?:percentage[\s-])?point\b(?!s)", re.IGNORECASE)

_MONTH_AFTER = re.compile(rf"\s*(?:of\s+)?(?:{MONTHS})\b\.?")
_MONTH_BEFORE = re.compile(rf"\b(?:{MONTHS})\.?\s*$")
_AMPM_AFTER = re.compile(r"\s?[ap]\.?m\b\.?|\s?(?:GMT|BST|CET|UTC|EST|PST|local\s+time)\b|s\b|-s\b", re.IGNORECASE)


def _to_number(value: Decimal | float | int) -> int | float:
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return int(value)
        return float(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    return value


def _decimal(num: str) -> Decimal:
    try:
        return Decimal("".join(num.split()).replace(",", "").replace("\u2009", "").replace("\u202f", ""))
    except InvalidOperation:
        return Decimal(0)


# Each reader turns one kind of candidate into an Atom (or None to drop it); _atoms then adds what
# every kind shares: a currency before the figure and the counted noun after it.
_SCALE_WORDS = ("thousand", "million", "billion", "trillion")


def _atom_clock(text: str, m: Cand, start: int, core_end: int, limit: int, cur: str | None) -> Atom:
    h, mi, s = (int(x) for x in (m.group("clock") or "0:0:0").split(":"))
    return Atom(start, core_end, core_end, Decimal(h * 3600 + mi * 60 + s), "seconds", "duration", "exact", start,
                 "", False, False, False)


_FOLD = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _atom_twice(text: str, m: Cand, start: int, core_end: int, limit: int, cur: str | None) -> Atom:
    word = (m.group("twice") or "").lower()
    if word.endswith("fold"):  # "a fivefold increase"
        value = Decimal(_FOLD.index(word[:-4]) + 2)
    else:
        value = Decimal(4 if word.startswith("quad") else 3 if word.startswith(("thr", "tri", "tre")) else 2)
    return Atom(start, core_end, core_end, value, "times", "multiplier", "exact", start, "", False, True, False)


def _atom_aunit(text: str, m: Cand, start: int, core_end: int, limit: int, cur: str | None) -> Atom:
    word = (m.group("aunit") or "").split()[-1].lower()
    unit, mult = TIME_UNITS[word]
    half = _AND_A_HALF.match(m.low, core_end, limit)
    if half:  # "a year and a half"
        return Atom(start, half.end(), half.end(), Decimal(mult) * Decimal("1.5"), unit, "duration", "exact", start,
                    "", False, True, False)
    return Atom(start, core_end, core_end, Decimal(mult), unit, "duration", "exact", start, "", False, True,
                word not in ("decade", "century", "fortnight"))


def _atom_frac(text: str, m: Cand, start: int, core_end: int, limit: int, cur: str | None) -> Atom:
    parts = _SPACE_OR_HYPHEN.split((m.group("frac") or "").lower())
    bare_one = len(parts) == 1
    if bare_one:
        value = 0.5
    else:
        count = {"a": 1, "an": 1, "one": 1}.get(parts[0], SMALL.get(parts[0], 1))
        value = count * FRACTIONS[parts[1]]
    unit: str | None = "fraction"
    kind, end = "fraction", core_end
    sc = SCALE_WORD_AFTER.match(text, core_end, limit)
    point = _OF_A_POINT.match(text, core_end, limit)
    if point:
        return Atom(start, core_end, point.end(), value, "percentage_point", "percentage_point", "exact", start, "",
                    False, True, False)
    if sc:  # "half a million"
        value = value * float(SCALES.get(sc.group("s").lower(), 12))
        unit, kind, end, bare_one = None, "count", sc.end(), False
        core_end = end
    else:
        of_a = _OF_A_UNIT.match(text, core_end, limit)
        if of_a:  # "a quarter of an hour"
            u, k, e, mult = unit_after(text, of_a.end(), limit)
            if u is not None:
                value = value * float(mult)
                unit, kind, end, bare_one = u, k, e, False
    return Atom(start, core_end, end, value, unit, kind, "exact", start, "", False, True, bare_one)


def _atom_num(text: str, m: Cand, start: int, core_end: int, limit: int, cur: str | None) -> Atom | None:
    value = _decimal(m.group("num") or "0")
    has_scale = False
    sc = SCALE_AFTER.match(text, core_end, limit)
    if sc:
        s = sc.group("s").lower()
        glued = sc.group("sp") == ""
        ok = True
        if s == "m" and not cur:
            # "3.2m people" is millions, "a 30m wall" is metres.
            nxt = WORD_AFTER.match(text, sc.end(), limit)
            ok = glued and bool(nxt) and (nxt.group(1).lower() in _MILLIONS_OF or nxt.group(1).lower() == "of"
                                          or MONEY_WORD.fullmatch(nxt.group(1)) is not None)
            if glued and nxt and not ok:
                # "4.1m eligible voters", "2.5m households": millions of a counted noun, not metres.
                nxt2 = WORD_AFTER.match(text, nxt.end(), limit)
                ok = (nxt2 is not None and nxt2.group(1).lower() in _MILLIONS_OF) or (
                    "." in (m.group("num") or "") and is_plural(nxt.group(1).lower()))
        elif s in ("k", "m") and not glued:
            ok = False
        if ok:
            value = value * SHORT_SCALES[s]
            core_end = sc.end()
            has_scale = True
    if _AMPM_AFTER.match(text, core_end, limit) and not has_scale:
        return None  # 10am, 10 GMT, the 1990s, 20s
    near_month = _MONTH_AFTER.match(text, core_end, limit) or _MONTH_BEFORE.search(text, max(0, start - 12), start)
    if near_month and value <= 31 and value == int(value) and not cur:
        return None  # a day of the month
    return _with_unit(text, Atom(start, core_end, core_end, value, None, "count", "exact", start, "", has_scale,
                                  False, False), limit, cur)


def _atom_words(text: str, m: Cand, start: int, core_end: int, limit: int, cur: str | None) -> list[Atom]:
    words = m.group("words") or ""
    parsed = parse_number_words(words)
    if not parsed:
        return []
    base = m.start("words")
    if len(parsed) > 1:
        # Several numbers in one run ("one two"): keep each as its own atom, no unit.
        return [Atom(base + ps, base + pe, base + pe, Decimal(pv), None, "count", "exact", base + ps, "", False, True,
                      pv == 1) for ps, pe, pv in parsed]
    ps, pe, pv = parsed[0]
    start = base + ps if not cur else start
    core_end = base + pe
    value = Decimal(pv)
    lw = words.lower()
    has_scale = any(s in lw for s in ("hundred", "dozen", *_SCALE_WORDS))
    bare_one = pv == 1 and not has_scale
    point = POINT_AFTER.match(m.low, core_end, limit) if not has_scale else None
    if point:  # "two point nine per cent", "one point five million": the digits after "point" are decimals
        value += Decimal("0." + "".join(str(SMALL.get(d, 0)) for d in point.group("d").split()))
        core_end, bare_one = point.end(), False
    sc = SCALE_AFTER.match(text, core_end, limit)
    if sc and sc.group("s").lower() in _SCALE_WORDS:
        value = value * SHORT_SCALES[sc.group("s").lower()]
        core_end = sc.end()
        has_scale = True
    half = _AND_A_HALF.match(m.low, core_end, limit)
    if half:  # "two and a half million"
        value = value + Decimal("0.5")
        core_end = half.end()
        sc = SCALE_AFTER.match(text, core_end, limit)
        if sc and sc.group("s").lower() in _SCALE_WORDS:
            value = value * SHORT_SCALES[sc.group("s").lower()]
            core_end = sc.end()
            has_scale = True
    atom = Atom(start, core_end, core_end, value, None, "count", "exact", start, "", has_scale, True, bare_one)
    return [_with_unit(text, atom, limit, cur)]


_DURATION_ADJ = re.compile(r"\s+(?:consecutive|straight|successive|full|whole|working|calendar)(?=\s)", re.IGNORECASE)


def _with_unit(text: str, atom: Atom, limit: int, cur: str | None) -> Atom:
    """The unit written after a number or number words ("12 km", "five days"); a currency prefix wins."""
    u, k, e, mult = unit_after(text, atom.core_end, limit)
    adj = _DURATION_ADJ.match(text, atom.core_end, limit) if u is None else None
    if adj:  # "nine consecutive days", "three straight weeks"
        u, k, e, mult = unit_after(text, adj.end(), limit)
        if k != "duration":
            u = None
    if u is not None and not (k == "money" and cur):
        atom.unit, atom.kind, atom.end = u, k, e
        atom.value = atom.value * mult if isinstance(atom.value, Decimal) else atom.value * float(mult)
    return atom


_READERS = {"clock": _atom_clock, "twice": _atom_twice, "aunit": _atom_aunit, "frac": _atom_frac, "num": _atom_num}


def _atoms(text: str, low: str) -> list[Atom]:
    atoms: list[Atom] = []
    n = len(text)
    for m in candidates(low):
        start, core_end = m.start(), m.end()
        limit = min(n, core_end + 60)
        cur = text[m.start("cur"):m.end("cur")] if m.group("cur") else None
        if cur is None and m.kind == "num":
            iso = _ISO_BEFORE.search(text, max(0, start - 4), start)
            if iso:
                cur, start = iso.group().strip(), iso.start()
        if m.kind == "words":
            found = _atom_words(text, m, start, core_end, limit, cur)
            if len(found) != 1:
                atoms.extend(found)
                continue
            atom: Atom | None = found[0]
        else:
            atom = _READERS[m.kind](text, m, start, core_end, limit, cur)
        if atom is None:
            continue
        if cur:
            code = cur.strip()
            atom.unit = CURRENCY_PREFIX.get(code.lower(), "ILS" if code == "NIS" else code.upper())
            atom.kind = "money"
        if atom.kind == "count" and atom.unit is None and m.kind != "clock":
            noun, e = noun_after(text, atom.end, limit)
            if noun is not None:
                atom.unit, atom.end = noun, e
        atoms.append(atom)
    return atoms


def find_quantities(text: str, lowered: str | None = None) -> list[QuantityMatch]:
    """Every figure in ``text`` with its normalised value, qualifier and unit, in text order.

    Years, clock times, days of the month, ordinals and identifiers ("Unit 8200") are left out.
    ``lowered`` may pass ``text`` with A-Z already lowered, to save the work when the caller has it.
    Never raises; offsets always lie inside ``text``.
    """
    if not isinstance(text, str) or not text:
        return []
    if has_rtl(text):
        lang = detect(text)
        if lang != "en":
            return find_quantities_rtl(text, lang)
    # Case-insensitive matching is several times slower in re; lowering only A-Z keeps every offset.
    low = lowered if lowered is not None and len(lowered) == len(text) else text.translate(ASCII_LOWER)
    atoms = carry_units(text, merge_pairs(text, compound_durations(text, apply_context(text, _atoms(text, low)))))
    out: list[QuantityMatch] = []
    last_end = -1
    for a in atoms:
        start = max(0, min(a.q_start, a.start))
        end = min(len(text), max(a.end, a.core_end))
        if start < last_end or end <= start:
            continue
        value = _to_number(a.value)
        if a.unit in ("celsius", "fahrenheit"):  # "minus 11 degrees Celsius", "-4C": below zero
            sign = _MINUS_BEFORE.search(low, max(0, start - 6), start)
            if sign and sign.start() >= last_end:
                value, start = -value, sign.start()
        out.append(QuantityMatch(start, end, value, a.qualifier, a.unit, text[start:end], a.kind))
        last_end = end
    ages = [QuantityMatch(s, e, n, "at_least", "years", text[s:e], "age") for s, e, n in age_decades(low)
            if not any(q.start < e and s < q.end for q in out)]
    return sorted(out + ages, key=lambda q: q.start) if ages else out
