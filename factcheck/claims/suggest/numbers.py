"""Finding figures in text and normalising them to a value, a qualifier and a unit.

Used by the suggestion engine to attach quantities to claims, and by the figure-check lookup to
find the same figure in a fetched source: "2,200", "2200", "2.2 thousand", "twenty-two hundred"
and "nearly 2,200" all come out as 2200. One precompiled regex finds candidate figures; each
candidate then looks at a few dozen characters on either side, so the cost is linear in the
length of the text whatever it contains.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .lang_numbers import find_quantities_rtl
from .lang_script import detect, has_rtl
from .numcontext import Atom, age_decades, apply_context, carry_units, merge_pairs
from .numvocab import (
    CURRENCY_PREFIX,
    FRACTIONS,
    GROUP_NOUNS,
    ISO,
    MEASURES,
    MONTHS,
    NOT_UNIT,
    PEOPLE,
    SCALES,
    SHORT_SCALES,
    SMALL,
    TENS,
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


# --- vocabulary -------------------------------------------------------------------------------


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


def _alt(words: list[str] | dict[str, object]) -> str:
    # Longest first so that "seventeen" is tried before "seven" and "no more than" before "more than".
    return "|".join(sorted((w.replace(" ", r"\s+") for w in words), key=len, reverse=True))


_DIGIT_WORDS = [w for w in SMALL if SMALL[w] < 10]
# "two hundred and thirty", "two thousand and ten": "and" joins number words only after a scale word.
_AND_TAIL = (
    r"(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))\s+and\s+"
    rf"(?:(?:{_alt(list(TENS))})(?:-(?:{_alt([w for w in SMALL if SMALL[w] < 10])}))?|{_alt(list(SMALL))})"
    r"(?![\w-]*\s+(?:and|or)\b)"
)
_WORD = rf"(?:{_alt(list(TENS))})(?:-(?:{_alt(_DIGIT_WORDS)}))?|{_alt(list(SMALL))}|{_alt(list(SCALES))}|dozen"

# Candidate figures. Each scan starts with a digit or a literal word so that ``re`` can skip ahead
# quickly; one combined alternation was ten times slower. All run on ascii-lowered text.
# Thousands may be grouped with commas, or with the thin and no-break spaces of typeset sources.
# A plain space groups thousands only between whole three-digit groups ("12 000"), never after a
# year ("in 2014 200 people").
_DIGITS = re.compile(
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[\u00a0\u2009\u202f]\d{3})+(?:\.\d+)?|\d{1,3}(?: \d{3})+(?![\d,.])|\d+(?:\.\d+)?"
)
_NOT_A_FIGURE_AT = re.compile(
    r"""\d{1,2}:\d{2}(?!:\d)(?:\s?[ap]\.?m\b\.?)?      # clock time 10:30, 10:30pm
      | \d{1,4}[/.]\d{1,2}[/.]\d{2,4}\b               # dates 12/09/2014
      | \d+(?:st|nd|rd|th)\b                          # ordinals
      | \d{1,2}(?:\.\d{2})?\s?[ap]\.?m\.?(?![a-z])    # 10am, 10.30 pm
    """,
    re.VERBOSE,
)
_MINUS_BEFORE = re.compile(r"(?:\bminus\s+|(?<![\w.])[-−])$")
_CLOCK_AT = re.compile(r"\d{1,2}:\d{2}:\d{2}\b")  # race or flight times h:mm:ss
_CUR_BEFORE = re.compile(r"(?:(?:us|au?|ca?|nz|hk|r|s)?\$|[£€¥₹₩₽₺₦₴])\s?$")
_WORD_SCANS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("frac", re.compile(
        r"(?<![\w-])(?:(?:a|one|two|three|four|nine)[\s-](?:halves|half|thirds|third|quarters|quarter|fifths|fifth|"
        r"tenths|tenth)|an[\s-]eighth(?!-)|(?:one|three|five|seven)[\s-]eighths|half)\b"
    )),
    ("words", re.compile(
        rf"(?<![\w-])(?:(?:{_WORD})(?:(?:\s+|-)(?:{_WORD})|{_AND_TAIL})*|a\s+(?:dozen|hundred|thousand|million|billion|trillion)(?:{_AND_TAIL})?)\b"
    )),
    # Multipliers (GUIDELINES.md: "twice as many" is a quantity): "nearly doubled", "more than double the ...".
    ("twice", re.compile(r"(?<![\w-])(?:twice|thrice|doubled|tripled|trebled|quadrupled|"
                         r"(?:two|three|four|five|six|seven|eight|nine|ten)fold|(?:double|triple)(?=\s+(?:the|its|"
                         r"their|his|her|that|what|last)\b)|"
                         # The verb after a negation or "to": "did not double", "is set to triple".
                         r"(?:(?<=not\s)|(?<=never\s)|(?<=n't\s)|(?<=to\s)|(?<=will\s)|(?<=would\s)|(?<=could\s))"
                         r"(?:double|triple|treble|quadruple)(?!\s+(?:down|up|back|as|check)\b))\b(?!\s+over\b)(?!-)")),
    ("aunit", re.compile(r"(?<![\w-])an?\s+(?:decade|century|fortnight|year|month|week|day|hour|minute)\b")),
)


class _Cand:
    """A candidate figure, read like a match of the old combined pattern by the code below."""

    __slots__ = ("cur_s", "e", "kind", "low", "s", "v")

    def __init__(self, kind: str, low: str, s: int, e: int, cur_s: int = -1) -> None:
        self.kind, self.low, self.s, self.e, self.cur_s = kind, low, s, e, cur_s
        self.v = s if cur_s < 0 else cur_s

    def group(self, name: str) -> str | None:
        if name == self.kind:
            return self.low[self.s:self.e]
        if name == "cur" and self.cur_s >= 0:
            return self.low[self.cur_s:self.s]
        return None

    def start(self, name: str | None = None) -> int:
        if name is None:
            return self.v
        return self.cur_s if name == "cur" else self.s

    def end(self, name: str | None = None) -> int:
        return self.s if name == "cur" else self.e


def _candidates(low: str) -> list[_Cand]:
    found: list[tuple[int, int, _Cand]] = []
    skip_until = -1
    for m in _DIGITS.finditer(low):
        s = m.start()
        if s < skip_until:
            continue
        before = low[max(0, s - 2):s]
        # Glued to letters or inside another number: G7, COVID-19, 3.2.1
        if before[-1:].isalpha() or before[-1:] in (".", ",") or (len(before) == 2 and before[1] == "-" and before[0].isalpha()):
            continue
        if not (before[-1:].isdigit()):
            clock = _CLOCK_AT.match(low, s)
            if clock:
                found.append((s, 0, _Cand("clock", low, s, clock.end())))
                skip_until = clock.end()
                continue
            skip = _NOT_A_FIGURE_AT.match(low, s)
            if skip:
                skip_until = skip.end()
                continue
        cur = _CUR_BEFORE.search(low, max(0, s - 4), s)
        found.append((s, 1, _Cand("num", low, s, m.end(), cur.start() if cur else -1)))
    for priority, (kind, pattern) in enumerate(_WORD_SCANS, start=2):
        found.extend((m.start(), priority, _Cand(kind, low, m.start(), m.end())) for m in pattern.finditer(low))
    found.sort(key=lambda f: (f[2].v, f[1]))
    out: list[_Cand] = []
    last_end = -1
    for _s, _p, cand in found:
        if cand.v >= last_end:
            out.append(cand)
            last_end = cand.e
    return out


# Runs on ascii-lowered text (see find_quantities); ISO codes before a figure are checked on the original.
_ISO_BEFORE = re.compile(rf"(?:{ISO}|NIS)\s?$")  # "NIS 2 billion": the shekel's usual English abbreviation

# Words just before a figure are read from the reversed text with an anchored match: a search
# for a phrase at the end of a window would try every position of the window.


_SCALE_AFTER = re.compile(
    r"(?P<sp>\s?-?\s?)(?P<s>thousand|million|billion|trillion|bn|bln|mn|mln|tn|trn|lakhs?|crores?|k|m)\b", re.IGNORECASE
)
_SCALE_WORD_AFTER = re.compile(r"\s+(?:of\s+)?an?\s+(?P<s>hundred|thousand|million|billion|trillion|dozen)\b", re.IGNORECASE)

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
_LETTERS = re.compile(r"[A-Za-z]+")
_SPACE_OR_HYPHEN = re.compile(r"[\s-]")
_AND_A_HALF = re.compile(r"(?:\s+|-)and(?:\s+|-)a(?:\s+|-)half\b")  # "two and a half", "five-and-a-half-year"
# verb earlier in the clause marks the second reading.
_YEAR_OLD = re.compile(r"-?\s?years?[\s-]old\b", re.IGNORECASE)
_OF_A_UNIT = re.compile(r"\s+(?:of\s+)?an?\s+", re.IGNORECASE)

_MONTH_AFTER = re.compile(rf"\s*(?:of\s+)?(?:{MONTHS})\b\.?")
_MONTH_BEFORE = re.compile(rf"\b(?:{MONTHS})\.?\s*$")
_AMPM_AFTER = re.compile(r"\s?[ap]\.?m\b\.?|\s?(?:GMT|BST|CET|UTC|EST|PST|local\s+time)\b|s\b|-s\b", re.IGNORECASE)
_WORD_AFTER = re.compile(r"\s+([A-Za-z][a-z]+(?:-[a-z]+)?)")
_MONEY_WORD = re.compile(
    "|".join(pattern for pattern, _unit, kind in MEASURES if kind == "money" and not pattern.startswith("(?-i")),
    re.IGNORECASE,
)
_GLUED_NOUN = re.compile(r"-([a-z]{3,})\b(?!-)")
# "a 4,000-strong crowd" counts the crowd, not a "strong".
_NOT_GLUED_NOUN = frozenset({"strong", "odd", "plus", "something", "long", "wide", "high", "deep", "old"})


def parse_number_words(words: str) -> list[tuple[int, int, int | float]]:
    """Parse a run of number words into numbers: ``[(start, end, value)]`` relative to ``words``.

    "twenty-two hundred" is one number (2200); "seven to two" never reaches here; "one two" is two
    numbers because a unit word cannot follow another unit word.
    """
    tokens = [(m.start(), m.end(), m.group().lower()) for m in _LETTERS.finditer(words)]
    out: list[tuple[int, int, int | float]] = []
    i = 0
    while i < len(tokens):
        start = tokens[i][0]
        total = 0
        current = 0
        last = ""  # kind of the previous token: small, tens, hundred, scale
        end = tokens[i][1]
        j = i
        while j < len(tokens):
            _s, e, w = tokens[j]
            if w in SMALL:
                if last in ("small", "tens_small") or (last == "tens" and SMALL[w] >= 10):
                    break
                current += SMALL[w]
                last = "tens_small" if last == "tens" else "small"
            elif w in TENS:
                if last in ("small", "tens", "tens_small"):
                    break
                current += TENS[w]
                last = "tens"
            elif w == "hundred":
                if last == "hundred":
                    break
                current = (current or 1) * 100
                last = "hundred"
            elif w == "dozen":
                current = (current or 1) * 12
                last = "hundred"
            elif w in SCALES:
                if last == "scale" and current == 0:
                    break
                total += (current or 1) * SCALES[w]
                current = 0
                last = "scale"
            elif w == "and" and last in ("hundred", "scale") and j + 1 < len(tokens) and (
                tokens[j + 1][2] in SMALL or tokens[j + 1][2] in TENS
            ):
                j += 1  # "two hundred and thirty": the "and" adds nothing
                continue
            elif w == "a" and j == i:
                current = 0
                last = "a"
            else:
                break
            end = e
            j += 1
        if j == i:
            i += 1
            continue
        value = total + current
        if last == "a":  # a lone "a": not a number
            i = j
            continue
        out.append((start, end, value))
        i = j
    return out


def _to_number(value: Decimal | float | int) -> int | float:
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return int(value)
        return float(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    return value


def _unit_after(text: str, pos: int, limit: int) -> tuple[str | None, str, int, Decimal]:
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


def _noun_after(text: str, pos: int, limit: int) -> tuple[str | None, int]:
    """Counted noun after a figure: "2,200 people" -> people, "3,000 buildings" -> buildings.

    A hyphenated noun ("a 2,200-seat theatre") is what the figure measures, kept in the singular
    so that the figure check does not take a theatre's seats for 2,200 homes.
    """
    glued = _GLUED_NOUN.match(text, pos, limit)
    if glued and glued.group(1).lower() not in NOT_UNIT and glued.group(1).lower() not in _NOT_GLUED_NOUN:
        return glued.group(1).lower(), glued.end()
    m = _WORD_AFTER.match(text, pos, limit)
    if not m:
        return None, pos
    w1 = m.group(1)
    low1 = w1.lower()
    if w1[0].isupper() and low1 not in PEOPLE:
        return None, pos
    if low1 in PEOPLE:
        # "40 police vans" counts vans, not police: a people word can modify the counted noun.
        m2 = _WORD_AFTER.match(text, m.end(), limit)
        low2 = m2.group(1).lower() if m2 and m2.group(1)[0].islower() else ""
        if low2 and low2 not in PEOPLE and _is_plural(low2) and not low1.endswith("s"):
            return low2, m2.end()
        return _people_unit(low1), m.end()
    if low1 in NOT_UNIT and low1 not in _BEFORE_NOUN:
        return None, pos
    if _is_plural(low1) or (low1.endswith("men") and len(low1) > 5):  # "63 fishermen", "4 linesmen"
        m2 = _WORD_AFTER.match(text, m.end(), limit)
        if m2 and m2.group(1).lower() in PEOPLE and m2.group(1)[0].islower():
            return "people", m2.end()
        return low1, m.end()
    # An adjective or noun modifier before the counted noun: "12 unvaccinated people", "37 shell companies".
    m2 = _WORD_AFTER.match(text, m.end(), limit)
    if m2 and m2.group(1)[0].islower():
        low2 = m2.group(1).lower()
        if low2 in PEOPLE:
            return _people_unit(low2), m2.end()
        if low2 not in NOT_UNIT and _is_plural(low2) and not low1.endswith("ed") and (
                low1 not in NOT_UNIT or low1 in _BEFORE_NOUN):
            return low2, m2.end()
    return None, pos


# People words that are no noun of their own ("12 dead", "34 wounded", "40 police"): counted as people.
_PEOPLE_AS_PEOPLE = frozenset({"dead", "injured", "wounded", "police", "persons", "individuals", "casualties"})


def _people_unit(word: str) -> str:
    """GUIDELINES.md: a count's unit is "a short lower-case noun" ("people", "reservists", "troops"),
    the noun as written, which the labels give 3 times in 4 for "212 passengers" or "nine civilians".
    A singular ("one man") or an adjective ("12 dead") stays "people"; normalise_unit maps every
    people word back to "people" for the figure check, so matching a source is unchanged."""
    if word in GROUP_NOUNS or word in ("men", "women", "children", "staff") or (
            word not in _PEOPLE_AS_PEOPLE and _is_plural(word)):
        return word
    return "people"


# Words in NOT_UNIT that may stand before the counted noun: "1,100 new homes".
_BEFORE_NOUN = frozenset({"new", "more", "other"})


def _is_plural(word: str) -> bool:
    return (
        len(word) > 3
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is", "ous"))
        and word not in NOT_UNIT
    )


def _decimal(num: str) -> Decimal:
    try:
        return Decimal("".join(num.split()).replace(",", "").replace("\u2009", "").replace("\u202f", ""))
    except InvalidOperation:
        return Decimal(0)


# Each reader turns one kind of candidate into an Atom (or None to drop it); _atoms then adds what
# every kind shares: a currency before the figure and the counted noun after it.
_SCALE_WORDS = ("thousand", "million", "billion", "trillion")


def _atom_clock(text: str, m: _Cand, start: int, core_end: int, limit: int, cur: str | None) -> Atom:
    h, mi, s = (int(x) for x in (m.group("clock") or "0:0:0").split(":"))
    return Atom(start, core_end, core_end, Decimal(h * 3600 + mi * 60 + s), "seconds", "duration", "exact", start,
                 "", False, False, False)


_FOLD = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _atom_twice(text: str, m: _Cand, start: int, core_end: int, limit: int, cur: str | None) -> Atom:
    word = (m.group("twice") or "").lower()
    if word.endswith("fold"):  # "a fivefold increase"
        value = Decimal(_FOLD.index(word[:-4]) + 2)
    else:
        value = Decimal(4 if word.startswith("quad") else 3 if word.startswith(("thr", "tri", "tre")) else 2)
    return Atom(start, core_end, core_end, value, "times", "multiplier", "exact", start, "", False, True, False)


def _atom_aunit(text: str, m: _Cand, start: int, core_end: int, limit: int, cur: str | None) -> Atom:
    word = (m.group("aunit") or "").split()[-1].lower()
    unit, mult = TIME_UNITS[word]
    half = _AND_A_HALF.match(m.low, core_end, limit)
    if half:  # "a year and a half"
        return Atom(start, half.end(), half.end(), Decimal(mult) * Decimal("1.5"), unit, "duration", "exact", start,
                    "", False, True, False)
    return Atom(start, core_end, core_end, Decimal(mult), unit, "duration", "exact", start, "", False, True,
                word not in ("decade", "century", "fortnight"))


def _atom_frac(text: str, m: _Cand, start: int, core_end: int, limit: int, cur: str | None) -> Atom:
    parts = _SPACE_OR_HYPHEN.split((m.group("frac") or "").lower())
    bare_one = len(parts) == 1
    if bare_one:
        value = 0.5
    else:
        count = {"a": 1, "an": 1, "one": 1}.get(parts[0], SMALL.get(parts[0], 1))
        value = count * FRACTIONS[parts[1]]
    unit: str | None = "fraction"
    kind, end = "fraction", core_end
    sc = _SCALE_WORD_AFTER.match(text, core_end, limit)
    if sc:  # "half a million"
        value = value * float(SCALES.get(sc.group("s").lower(), 12))
        unit, kind, end, bare_one = None, "count", sc.end(), False
        core_end = end
    else:
        of_a = _OF_A_UNIT.match(text, core_end, limit)
        if of_a:  # "a quarter of an hour"
            u, k, e, mult = _unit_after(text, of_a.end(), limit)
            if u is not None:
                value = value * float(mult)
                unit, kind, end, bare_one = u, k, e, False
    return Atom(start, core_end, end, value, unit, kind, "exact", start, "", False, True, bare_one)


def _atom_num(text: str, m: _Cand, start: int, core_end: int, limit: int, cur: str | None) -> Atom | None:
    value = _decimal(m.group("num") or "0")
    has_scale = False
    sc = _SCALE_AFTER.match(text, core_end, limit)
    if sc:
        s = sc.group("s").lower()
        glued = sc.group("sp") == ""
        ok = True
        if s == "m" and not cur:
            # "3.2m people" is millions, "a 30m wall" is metres.
            nxt = _WORD_AFTER.match(text, sc.end(), limit)
            ok = glued and bool(nxt) and (nxt.group(1).lower() in PEOPLE or nxt.group(1).lower() == "of"
                                          or _MONEY_WORD.fullmatch(nxt.group(1)) is not None)
            if glued and nxt and not ok:
                # "4.1m eligible voters", "2.5m households": millions of a counted noun, not metres.
                nxt2 = _WORD_AFTER.match(text, nxt.end(), limit)
                ok = (nxt2 is not None and nxt2.group(1).lower() in PEOPLE) or (
                    "." in (m.group("num") or "") and _is_plural(nxt.group(1).lower()))
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


def _atom_words(text: str, m: _Cand, start: int, core_end: int, limit: int, cur: str | None) -> list[Atom]:
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
    point = _POINT_AFTER.match(m.low, core_end, limit) if not has_scale else None
    if point:  # "two point nine per cent", "one point five million": the digits after "point" are decimals
        value += Decimal("0." + "".join(str(SMALL.get(d, 0)) for d in point.group("d").split()))
        core_end, bare_one = point.end(), False
    sc = _SCALE_AFTER.match(text, core_end, limit)
    if sc and sc.group("s").lower() in _SCALE_WORDS:
        value = value * SHORT_SCALES[sc.group("s").lower()]
        core_end = sc.end()
        has_scale = True
    half = _AND_A_HALF.match(m.low, core_end, limit)
    if half:  # "two and a half million"
        value = value + Decimal("0.5")
        core_end = half.end()
        sc = _SCALE_AFTER.match(text, core_end, limit)
        if sc and sc.group("s").lower() in _SCALE_WORDS:
            value = value * SHORT_SCALES[sc.group("s").lower()]
            core_end = sc.end()
            has_scale = True
    atom = Atom(start, core_end, core_end, value, None, "count", "exact", start, "", has_scale, True, bare_one)
    return [_with_unit(text, atom, limit, cur)]


_DECIMAL_DIGIT = _alt([*_DIGIT_WORDS, "zero"])
_POINT_AFTER = re.compile(rf"\s+point\s+(?P<d>(?:{_DECIMAL_DIGIT})(?:\s+(?:{_DECIMAL_DIGIT}))*)\b")
_DURATION_ADJ = re.compile(r"\s+(?:consecutive|straight|successive|full|whole|working|calendar)(?=\s)", re.IGNORECASE)


def _with_unit(text: str, atom: Atom, limit: int, cur: str | None) -> Atom:
    """The unit written after a number or number words ("12 km", "five days"); a currency prefix wins."""
    u, k, e, mult = _unit_after(text, atom.core_end, limit)
    adj = _DURATION_ADJ.match(text, atom.core_end, limit) if u is None else None
    if adj:  # "nine consecutive days", "three straight weeks"
        u, k, e, mult = _unit_after(text, adj.end(), limit)
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
    for m in _candidates(low):
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
            noun, e = _noun_after(text, atom.end, limit)
            if noun is not None:
                atom.unit, atom.end = noun, e
        atoms.append(atom)
    return atoms


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
    u, _kind, end, _mult = _unit_after(word, 0, len(word))
    if u and end == len(word):
        return u
    return word


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
    low = lowered if lowered is not None and len(lowered) == len(text) else text.translate(_ASCII_LOWER)
    atoms = carry_units(text, merge_pairs(text, apply_context(text, _atoms(text, low))))
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
