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

__all__ = ["QUALIFIERS", "QuantityMatch", "find_quantities", "parse_number_words"]

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

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_SHORT_SCALES = {
    "k": 1000, "thousand": 1000, "m": 10**6, "mn": 10**6, "mln": 10**6, "million": 10**6,
    "bn": 10**9, "bln": 10**9, "billion": 10**9, "tn": 10**12, "trn": 10**12, "trillion": 10**12,
    "lakh": 10**5, "lakhs": 10**5, "crore": 10**7, "crores": 10**7,
}
_FRACTIONS = {
    "half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25,
    "fifth": 0.2, "fifths": 0.2, "tenth": 0.1, "tenths": 0.1,
}


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


def _alt(words: list[str] | dict[str, object]) -> str:
    # Longest first so that "seventeen" is tried before "seven" and "no more than" before "more than".
    return "|".join(sorted((w.replace(" ", r"\s+") for w in words), key=len, reverse=True))


_DIGIT_WORDS = [w for w in _SMALL if _SMALL[w] < 10]
_WORD = rf"(?:{_alt(list(_TENS))})(?:-(?:{_alt(_DIGIT_WORDS)}))?|{_alt(list(_SMALL))}|{_alt(list(_SCALES))}|dozen"

# Currency before the figure: symbols, prefixed dollars and ISO codes (codes are case-sensitive).
_CURRENCY_PREFIX = {
    "us$": "USD", "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD", "nz$": "NZD", "hk$": "HKD",
    "r$": "BRL", "s$": "SGD", "$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₩": "KRW",
    "₽": "RUB", "₺": "TRY", "₦": "NGN", "₴": "UAH",
}
_ISO = (
    "USD|EUR|GBP|JPY|CNY|CHF|INR|AUD|CAD|NZD|HKD|SGD|SEK|NOK|DKK|PLN|CZK|HUF|RUB|TRY|BRL|MXN|ZAR|NGN|KES|"
    "UAH|ILS|EGP|SAR|AED|KRW|IDR|THB|ARS|CLP|COP|PEN"
)

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
_CLOCK_AT = re.compile(r"\d{1,2}:\d{2}:\d{2}\b")  # race or flight times h:mm:ss
_CUR_BEFORE = re.compile(r"(?:(?:us|au?|ca?|nz|hk|r|s)?\$|[£€¥₹₩₽₺₦₴])\s?$")
_WORD_SCANS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("frac", re.compile(
        r"(?<![\w-])(?:(?:a|one|two|three|four|nine)[\s-](?:halves|half|thirds|third|quarters|quarter|fifths|fifth|"
        r"tenths|tenth)|half)\b"
    )),
    ("words", re.compile(
        rf"(?<![\w-])(?:(?:{_WORD})(?:(?:\s+|-)(?:{_WORD}))*|a\s+(?:dozen|hundred|thousand|million|billion|trillion))\b"
    )),
    ("twice", re.compile(r"(?<![\w-])(?:twice|thrice)\b(?!\s+(?:as|the|that|what|its|their|his|her|a|an|over)\b)")),
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
_ISO_BEFORE = re.compile(rf"(?:{_ISO})\s?$")

_QUALIFIER_PHRASES = {
    "about": "approx", "around": "approx", "roughly": "approx", "approximately": "approx", "approx.": "approx",
    "some": "approx", "an estimated": "approx", "estimated": "approx", "estimated at": "approx",
    "an approximate": "approx", "close to": "approx", "closer to": "approx", "circa": "approx",
    "in the region of": "approx", "of about": "approx", "of around": "approx", "of roughly": "approx",
    "nearly": "nearly", "almost": "nearly", "just under": "nearly", "just below": "nearly",
    "just short of": "nearly", "not quite": "nearly", "close on": "nearly",
    "more than": "more_than", "over": "more_than", "above": "more_than", "upwards of": "more_than",
    "in excess of": "more_than", "just over": "more_than", "just above": "more_than", "well over": "more_than",
    "well above": "more_than", "greater than": "more_than", "higher than": "more_than", "a little over": "more_than",
    "exceeding": "more_than", "nearly more than": "more_than",
    "less than": "less_than", "fewer than": "less_than", "under": "less_than", "below": "less_than",
    "lower than": "less_than", "well under": "less_than", "well below": "less_than", "a little under": "less_than",
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least", "not less than": "at_least",
    "a minimum of": "at_least", "as little as": "at_least", "as few as": "at_least", "as low as": "at_least",
    "at most": "at_most", "no more than": "at_most", "not more than": "at_most", "up to": "at_most",
    "as many as": "at_most", "as much as": "at_most", "a maximum of": "at_most",
    "as high as": "at_most",
}
# Words just before a figure are read from the reversed text with an anchored match: a search
# for a phrase at the end of a window would try every position of the window.
_BEFORE_PHRASES = sorted([*_QUALIFIER_PHRASES, "between", "from", "aged", "magnitude", "of"], key=len, reverse=True)
_BEFORE_REV = re.compile(
    r"\s*(?P<q>"
    + "|".join(r"\s+".join(re.escape(w) for w in phrase[::-1].split(" ")) for phrase in _BEFORE_PHRASES)
    + r")(?=$|[^\w$£€¥])",
    re.IGNORECASE,
)
_PREV_WORD_REV = re.compile(r"[\s-]*([A-Za-z'’]*[A-Za-z])")


def _prev_word(text: str, pos: int, window: int = 30) -> tuple[str, int, int] | None:
    """The word ending just before ``pos`` (spaces and hyphens skipped): (word, start, end)."""
    rev = text[max(0, pos - window):pos][::-1]
    m = _PREV_WORD_REV.match(rev)
    if not m:
        return None
    return m.group(1)[::-1], pos - m.end(1), pos - m.start(1)
_AFTER_QUALIFIER = re.compile(
    r"(?P<q>\s+or\s+(?:more|above|over)\b|\s+and\s+(?:above|over)\b|-?plus\b|\+"
    r"|\s+or\s+(?:so|thereabouts)\b|\s+or\s+(?:fewer|less|under)\b)",
    re.IGNORECASE,
)
_AFTER_QUALIFIER_MAP = {"more": "at_least", "above": "at_least", "over": "at_least", "plus": "more_than", "+": "more_than",
                        "so": "approx", "thereabouts": "approx", "fewer": "at_most", "less": "at_most", "under": "at_most"}

_SCALE_AFTER = re.compile(
    r"(?P<sp>\s?-?\s?)(?P<s>thousand|million|billion|trillion|bn|bln|mn|mln|tn|trn|lakhs?|crores?|k|m)\b", re.IGNORECASE
)
_SCALE_WORD_AFTER = re.compile(r"\s+(?:of\s+)?an?\s+(?P<s>hundred|thousand|million|billion|trillion|dozen)\b", re.IGNORECASE)

_TIME_UNITS = {
    "second": ("seconds", 1), "sec": ("seconds", 1), "minute": ("minutes", 1), "min": ("minutes", 1),
    "hour": ("hours", 1), "hr": ("hours", 1), "day": ("days", 1), "week": ("weeks", 1),
    "fortnight": ("weeks", 2), "month": ("months", 1), "year": ("years", 1), "yr": ("years", 1),
    "decade": ("years", 10), "century": ("years", 100), "centurie": ("years", 100),
}
# Measurement units: regex alternative -> (normalised unit, kind). Checked right after the number.
_MEASURES: list[tuple[str, str, str]] = [
    (r"percentage[\s-]points?|ppts?\b|pp\b", "percentage_point", "percentage_point"),
    (r"basis[\s-]points?|bps\b|bp\b", "basis_point", "percentage_point"),
    (r"per\s?cent\b|percent\b|pct\b|%", "percent", "percent"),
    (r"nautical\s+miles?|nm\b", "nautical_miles", "measure"),
    (r"square\s+kilomet(?:re|er)s?|sq\.?\s?km\b|km2\b|km²", "km2", "measure"),
    (r"square\s+(?:miles?|metres?|meters?)", "sq_units", "measure"),
    (r"kilomet(?:re|er)s?\s+(?:an|per)\s+hour|km/h\b|kph\b|kmh\b", "km/h", "measure"),
    (r"miles\s+(?:an|per)\s+hour|mph\b", "mph", "measure"),
    (r"kilomet(?:re|er)s?|km\b", "km", "measure"),
    (r"centimet(?:re|er)s?|cm\b", "cm", "measure"),
    (r"millimet(?:re|er)s?|mm\b", "mm", "measure"),
    (r"met(?:re|er)s?\b|m\b", "m", "measure"),
    (r"miles?\b", "miles", "measure"),
    (r"feet\b|foot\b|ft\b", "feet", "measure"),
    (r"inch(?:es)?\b", "inches", "measure"),
    (r"kilo(?:gram|gramme)?s?\b|kg\b", "kg", "measure"),
    (r"(?:metric\s+)?tonnes?\b|tons?\b|t\b", "tonnes", "measure"),
    (r"grams?\b|grammes?\b|g\b", "g", "measure"),
    (r"hectares?\b|ha\b", "hectares", "measure"),
    (r"acres?\b", "acres", "measure"),
    (r"lit(?:re|er)s?\b", "litres", "measure"),
    (r"barrels?\b", "barrels", "measure"),
    (r"terawatt[\s-]hours?|TWh\b", "TWh", "measure"),
    (r"gigawatt[\s-]hours?|GWh\b", "GWh", "measure"),
    (r"megawatt[\s-]hours?|MWh\b", "MWh", "measure"),
    (r"kilowatt[\s-]hours?|kWh\b", "kWh", "measure"),
    (r"gigawatts?|GW\b", "GW", "measure"),
    (r"megawatts?|MW\b", "MW", "measure"),
    (r"kilowatts?|kW\b", "kW", "measure"),
    (r"knots\b", "knots", "measure"),
    (r"°\s?C\b|degrees?\s+(?:Celsius|centigrade)|C\b", "celsius", "measure"),
    (r"°\s?F\b|degrees?\s+Fahrenheit|F\b", "fahrenheit", "measure"),
    (r"degrees?\b|°", "degrees", "measure"),
    (r"magnitude\b", "magnitude", "measure"),
    (r"times\b", "times", "multiplier"),
    (r"fold\b", "times", "multiplier"),
    (r"dollars?\b|bucks\b", "USD", "money"),
    (r"euros?\b", "EUR", "money"),
    (r"pounds?\s+sterling\b|pounds?\b|sterling\b|quid\b", "GBP", "money"),
    (r"yen\b", "JPY", "money"),
    (r"yuan\b|renminbi\b", "CNY", "money"),
    (r"rupees?\b", "INR", "money"),
    (r"roubles?\b|rubles?\b", "RUB", "money"),
    (r"liras?\b|lire\b", "TRY", "money"),
    (r"reais\b|reals?\b", "BRL", "money"),
    (r"rand\b", "ZAR", "money"),
    (r"naira\b", "NGN", "money"),
    (r"zloty(?:s)?\b", "PLN", "money"),
    (r"hryvnias?\b", "UAH", "money"),
    (r"swiss\s+francs?\b|francs?\b", "CHF", "money"),
    (r"pesos?\b", "pesos", "money"),
    (r"kron(?:e|er|a|or|ur)\b", "krone", "money"),
    (r"shillings?\b", "shillings", "money"),
    (r"dinars?\b", "dinars", "money"),
    (r"dirhams?\b", "dirhams", "money"),
    (r"(?-i:" + _ISO + r")\b", "", "money"),
]
_TIME_RE = (
    r"(?P<time>seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|fortnights?|months?|years?|yrs?|decades?|"
    r"centuries|century)\b"
)
_UNIT_AFTER = re.compile(
    r"(?P<sep>\s?-?\s?)(?:"
    r"(?P<age>years?[\s-]old\b|-year-old\b)"
    r"|" + _TIME_RE
    + "".join(rf"|(?P<m{i}>{pattern})" for i, (pattern, _u, _k) in enumerate(_MEASURES))
    + ")",
    re.IGNORECASE,
)
_MEASURE_BY_GROUP = {f"m{i}": (unit, kind) for i, (_p, unit, kind) in enumerate(_MEASURES)}
_LETTERS = re.compile(r"[A-Za-z]+")
_SPACE_OR_HYPHEN = re.compile(r"[\s-]")
_AND_A_HALF = re.compile(r"\s+and\s+a\s+half\b")
_OF_AFTER = re.compile(r"\s+of\b")
_NUMBER_SIGN_BEFORE = re.compile(r"(?:\b[Nn]os?\.|#)\s?$")
_SCORE_NEXT = re.compile(r"\s?[-–]\s?\d")
# "in over a decade" is more than ten years; "lost 20% over 72 weeks" is during them: a change
# verb earlier in the clause marks the second reading.
_CHANGE_BEFORE = re.compile(
    r"\b(?:los[et]|losing|gain\w*|r[io]se|rising|risen|f[ae]ll|falling|fallen|gr[eo]w|grown|growing|increas\w*|"
    r"decreas\w*|drop\w*|declin\w*|climb\w*|cut|reduc\w*|doubl\w*|halv\w*|tripl\w*|soar\w*|plung\w*|jump\w*|"
    r"surg\w*|slump\w*|shr[iau]nk\w*|averag\w*|spen[dt]\w*)\b(?:[^.;:!?]|\.\d)*$",
    re.IGNORECASE,
)
_OVER_MEANS_MORE = re.compile(
    r"\b(?:in|for|of|after|within|than|lasting|lasted|took|taken|taking|spanning|spent|is|was|were|been|be|just|well|now|by)"
    r"\s+(?:over|above)\s*$",
    re.IGNORECASE,
)
_AGO_AFTER = re.compile(r"\s+(?:ago|earlier|later|before|previously)\b", re.IGNORECASE)
_AGE_AFTER_NAME = re.compile(r"\b[A-Z][a-z]+,\s*$")
_RATIO_AFTER = re.compile(r"\s+in\s+(?:\d|ten|five|four|three|two|six|seven|eight|nine|twenty|a\s+hundred)", re.IGNORECASE)
_YEAR_OLD = re.compile(r"-?\s?years?[\s-]old\b", re.IGNORECASE)
_OF_A_UNIT = re.compile(r"\s+(?:of\s+)?an?\s+", re.IGNORECASE)

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_MONTH_AFTER = re.compile(rf"\s*(?:of\s+)?(?:{_MONTHS})\b\.?")
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s*$")
_AMPM_AFTER = re.compile(r"\s?[ap]\.?m\b\.?|\s?(?:GMT|BST|CET|UTC|EST|PST|local\s+time)\b|s\b|-s\b", re.IGNORECASE)
_WORD_AFTER = re.compile(r"\s+([A-Za-z][a-z]+(?:-[a-z]+)?)")
_RANGE_GAP = re.compile(r"\s*(?:-|–|—|to)\s*$", re.IGNORECASE)
_AND_GAP = re.compile(r"\s+and\s+$", re.IGNORECASE)
_RATIO_GAP = re.compile(r"\s+in\s+$", re.IGNORECASE)
_SCORE_BEFORE = re.compile(
    r"\b(?:voted?|votes|won|win|beat|lost|drew|defeated|trail(?:ed|ing)?|led|leading|score[ds]?)\s+"
    r"(?:[A-Z][\w'’.-]*\s+){0,3}$",
    re.IGNORECASE,
)
_SCORE_AFTER = re.compile(r"\s*(?:win|victory|defeat|draw|loss|lead|vote|majority|decision|verdict)\b", re.IGNORECASE)

_PEOPLE = _wordset(
    """people persons person individuals individual civilians civilian residents resident children child kids
    adults adult men man women woman boys girls babies infants patients patient soldiers soldier troops officers
    workers worker employees employee staff students pupils teachers doctors nurses voters migrants migrant
    refugees refugee passengers passenger survivors fans spectators runners athletes members inhabitants citizens
    protesters demonstrators participants customers users subscribers visitors tourists pilgrims prisoners
    detainees hostages inmates fighters militants rebels police policemen firefighters rescuers volunteers
    minors teenagers pensioners households families dead injured wounded casualties victims applicants
    candidates delegates lawmakers mps senators judges journalists reservists players"""
)
# Households and families count groups, not people; keep the noun itself for them.
_GROUP_NOUNS = frozenset({"households", "families"})
_NOT_UNIT = _wordset(
    """of to in on at by for from with and or but than as the a an its their his her this that these those
    was were is are has have had will would could can may might be been being said says per each
    more less fewer other others percent times s this what which who whom whose where when while if
    new old years year days months weeks hours minutes seconds because after before since until during
    also only just about around nearly almost over under again alone apiece short out up down off away back
    between among amid against across including included"""
)

_CAP_OK_BEFORE = _wordset(
    """about around roughly approximately some nearly almost over under more less fewer at up just only and but the a
    an with of in on to by for from since than all another another some those these its their his her our
    between after before until when while where estimated just another total exactly precisely another an
    some what every each only last next first this that however around also even nearly"""
)


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
            if w in _SMALL:
                if last in ("small", "tens_small") or (last == "tens" and _SMALL[w] >= 10):
                    break
                current += _SMALL[w]
                last = "tens_small" if last == "tens" else "small"
            elif w in _TENS:
                if last in ("small", "tens", "tens_small"):
                    break
                current += _TENS[w]
                last = "tens"
            elif w == "hundred":
                if last == "hundred":
                    break
                current = (current or 1) * 100
                last = "hundred"
            elif w == "dozen":
                current = (current or 1) * 12
                last = "hundred"
            elif w in _SCALES:
                if last == "scale" and current == 0:
                    break
                total += (current or 1) * _SCALES[w]
                current = 0
                last = "scale"
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


@dataclass(slots=True)
class _Atom:
    start: int  # including a currency prefix, excluding any qualifier
    core_end: int  # end of the number and its scale word
    end: int  # end of the unit text
    value: Decimal | float
    unit: str | None
    kind: str
    qualifier: str
    q_start: int
    pre: str  # the word before that is not a qualifier: between, from, aged...
    has_scale: bool
    is_word: bool
    bare_one: bool  # "one" or "a/an" with nothing that makes it a figure


def _unit_after(text: str, pos: int, limit: int) -> tuple[str | None, str, int, Decimal]:
    """Unit that follows a number at ``pos``: (unit, kind, end, multiplier)."""
    m = _UNIT_AFTER.match(text, pos, limit)
    if m:
        if m.group("age"):
            return "years", "age", m.end(), Decimal(1)
        if m.group("time"):
            word = m.group("time").lower()
            stem = word[:-1] if word.endswith("s") else word
            if stem == "centurie" or word == "centuries":
                stem = "century"
            unit, mult = _TIME_UNITS.get(stem, ("years", 1))
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
                return (unit or got), kind, m.end(), Decimal(1)
    return None, "count", pos, Decimal(1)


def _noun_after(text: str, pos: int, limit: int) -> tuple[str | None, int]:
    """Counted noun after a figure: "2,200 people" -> people, "3,000 buildings" -> buildings."""
    m = _WORD_AFTER.match(text, pos, limit)
    if not m:
        return None, pos
    w1 = m.group(1)
    low1 = w1.lower()
    if w1[0].isupper() and low1 not in _PEOPLE:
        return None, pos
    if low1 in _PEOPLE:
        return ("people" if low1 not in _GROUP_NOUNS else low1), m.end()
    if low1 in _NOT_UNIT:
        return None, pos
    if _is_plural(low1):
        m2 = _WORD_AFTER.match(text, m.end(), limit)
        if m2 and m2.group(1).lower() in _PEOPLE and m2.group(1)[0].islower():
            return "people", m2.end()
        return low1, m.end()
    # An adjective or noun modifier before the counted noun: "12 unvaccinated people", "37 shell companies".
    m2 = _WORD_AFTER.match(text, m.end(), limit)
    if m2 and m2.group(1)[0].islower():
        low2 = m2.group(1).lower()
        if low2 in _PEOPLE:
            return ("people" if low2 not in _GROUP_NOUNS else low2), m2.end()
        if low2 not in _NOT_UNIT and _is_plural(low2) and not low1.endswith("ed") and low1 not in _NOT_UNIT:
            return low2, m2.end()
    return None, pos


def _is_plural(word: str) -> bool:
    return (
        len(word) > 3
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is", "ous"))
        and word not in _NOT_UNIT
    )


def _decimal(num: str) -> Decimal:
    try:
        return Decimal("".join(num.split()).replace(",", "").replace("\u2009", "").replace("\u202f", ""))
    except InvalidOperation:
        return Decimal(0)


def _atoms(text: str, low: str) -> list[_Atom]:
    atoms: list[_Atom] = []
    n = len(text)
    for m in _candidates(low):
        start, core_end = m.start(), m.end()
        limit = min(n, core_end + 60)
        cur = text[m.start("cur"):m.end("cur")] if m.group("cur") else None
        if cur is None and m.group("num"):
            iso = _ISO_BEFORE.search(text, max(0, start - 4), start)
            if iso:
                cur, start = iso.group().strip(), iso.start()
        unit: str | None = None
        kind = "count"
        value: Decimal | float
        has_scale = False
        is_word = False
        bare_one = False
        if m.group("clock"):
            h, mi, s = (int(x) for x in m.group("clock").split(":"))
            value = Decimal(h * 3600 + mi * 60 + s)
            unit, kind = "seconds", "duration"
            end = core_end
        elif m.group("twice"):
            value = Decimal(2 if m.group("twice").lower() == "twice" else 3)
            unit, kind, end, is_word = "times", "multiplier", core_end, True
        elif m.group("aunit"):
            word = m.group("aunit").split()[-1].lower()
            unit, mult = _TIME_UNITS[word]
            value = Decimal(mult)
            kind = "duration"
            end = core_end
            bare_one = word not in ("decade", "century", "fortnight")
            is_word = True
        elif m.group("frac"):
            is_word = True
            parts = _SPACE_OR_HYPHEN.split(m.group("frac").lower())
            if len(parts) == 1:
                value = 0.5
                bare_one = True
            else:
                count = {"a": 1, "one": 1}.get(parts[0], _SMALL.get(parts[0], 1))
                value = count * _FRACTIONS[parts[1]]
            unit, kind, end = "fraction", "fraction", core_end
            sc = _SCALE_WORD_AFTER.match(text, core_end, limit)
            if sc:
                value = value * float(_SCALES.get(sc.group("s").lower(), 12))
                unit, kind, end, bare_one = None, "count", sc.end(), False
                core_end = end
            else:
                of_a = _OF_A_UNIT.match(text, core_end, limit)
                if of_a:
                    u, k, e, mult = _unit_after(text, of_a.end(), limit)
                    if u is not None:
                        value = value * float(mult)
                        unit, kind, end, bare_one = u, k, e, False
        else:
            if m.group("num"):
                value = _decimal(m.group("num"))
                sc = _SCALE_AFTER.match(text, core_end, limit)
                if sc:
                    s = sc.group("s").lower()
                    glued = sc.group("sp") == ""
                    ok = True
                    if s == "m" and not cur:
                        # "3.2m people" is millions, "a 30m wall" is metres.
                        nxt = _WORD_AFTER.match(text, sc.end(), limit)
                        ok = glued and bool(nxt) and (nxt.group(1).lower() in _PEOPLE or nxt.group(1).lower() == "of")
                    elif s in ("k", "m", "bn", "mn", "tn") and not glued and s in ("k", "m"):
                        ok = False
                    if ok:
                        value = value * _SHORT_SCALES[s]
                        core_end = sc.end()
                        has_scale = True
            else:
                is_word = True
                words = m.group("words")
                parsed = parse_number_words(words)
                if not parsed:
                    continue
                base = m.start("words")
                if len(parsed) > 1:
                    # Several numbers in one run ("one two"): keep each as its own atom, no unit.
                    for ps, pe, pv in parsed:
                        atoms.append(_Atom(base + ps, base + pe, base + pe, Decimal(pv), None, "count", "exact",
                                           base + ps, "", False, True, pv == 1))
                    continue
                ps, pe, pv = parsed[0]
                start = base + ps if not cur else start
                core_end = base + pe
                value = Decimal(pv)
                lw = words.lower()
                has_scale = any(s in lw for s in ("hundred", "thousand", "million", "billion", "trillion", "dozen"))
                bare_one = pv == 1 and not has_scale
                sc = _SCALE_AFTER.match(text, core_end, limit)
                if sc and sc.group("s").lower() in ("thousand", "million", "billion", "trillion"):
                    value = value * _SHORT_SCALES[sc.group("s").lower()]
                    core_end = sc.end()
                    has_scale = True
                # "two and a half million"
                half = _AND_A_HALF.match(low, core_end, limit)
                if half:
                    value = value + Decimal("0.5")
                    core_end = half.end()
                    sc = _SCALE_AFTER.match(text, core_end, limit)
                    if sc and sc.group("s").lower() in ("thousand", "million", "billion", "trillion"):
                        value = value * _SHORT_SCALES[sc.group("s").lower()]
                        core_end = sc.end()
                        has_scale = True
            end = core_end
            if m.group("num"):
                after = _AMPM_AFTER.match(text, core_end, limit)
                if after and not has_scale:
                    continue  # 10am, 10 GMT, the 1990s, 20s
                near_month = _MONTH_AFTER.match(text, core_end, limit) or _MONTH_BEFORE.search(
                    text, max(0, start - 12), start
                )
                if near_month and value <= 31 and value == int(value) and not cur:
                    continue  # a day of the month
            u, k, e, mult = _unit_after(text, core_end, limit)
            if u is not None:
                if k == "money" and cur:
                    pass
                else:
                    unit, kind, end = u, k, e
                    value = value * mult if isinstance(value, Decimal) else value * float(mult)
        if cur:
            code = cur.strip()
            unit = _CURRENCY_PREFIX.get(code.lower(), code.upper())
            kind = "money"
        if kind == "count" and unit is None and not m.group("clock"):
            noun, e = _noun_after(text, end, limit)
            if noun is not None:
                unit, end = noun, e
        atoms.append(_Atom(start, core_end, end, value, unit, kind, "exact", start, "", has_scale, is_word, bare_one))
    return atoms


def _apply_context(text: str, atoms: list[_Atom]) -> list[_Atom]:
    kept: list[_Atom] = []
    for a in atoms:
        before = text[max(0, a.start - 40):a.start]
        bm = _BEFORE_REV.match(before[::-1])
        word = ""
        if bm:
            word = " ".join(bm.group("q")[::-1].lower().split())
            if word in _QUALIFIER_PHRASES:
                a.qualifier = _QUALIFIER_PHRASES[word]
                a.q_start = a.start - bm.end("q")
                if a.kind == "duration" and word in ("over", "above") and not _OVER_MEANS_MORE.search(before) \
                        and not _AGO_AFTER.match(text, a.end) \
                        and _CHANGE_BEFORE.search(text, max(0, a.start - 90), a.start):
                    a.qualifier, a.q_start = "exact", a.start
            else:
                a.pre = word
                if word == "magnitude" and a.unit is None:
                    a.unit, a.kind = "magnitude", "measure"
                    a.q_start = a.start - bm.end("q")
                if word == "aged" and a.unit is None:
                    a.unit, a.kind = "years", "age"
        after = _AFTER_QUALIFIER.match(text, a.end, min(len(text), a.end + 20))
        if after and a.qualifier == "exact":
            key = after.group("q").strip().lower().split()[-1].lstrip("-")
            a.qualifier = _AFTER_QUALIFIER_MAP.get(key, "exact")
            a.end = after.end()
        if a.kind == "count" and a.unit is None and not a.has_scale and not a.is_word and isinstance(a.value, Decimal):
            digits = text[a.start:a.core_end]
            if len(digits) == 4 and digits.isdigit() and 1000 <= a.value <= 2100:
                continue  # a year, which the engine reads as a date
            if _NUMBER_SIGN_BEFORE.search(text, max(0, a.start - 8), a.start):
                continue  # "No. 10", "#1": a rank or a label
            prev = _prev_word(text, a.start)
            if prev and prev[0][0].isupper() and prev[0].lower() not in _CAP_OK_BEFORE \
                    and a.qualifier == "exact" and text[prev[2]:a.start].strip() == "" \
                    and not _SCORE_NEXT.match(text, a.core_end):
                continue  # an identifier: Unit 8200, Ariane 5, Boeing 737
        if a.kind == "count" and a.unit is None and text[a.end:a.end + 1] == "," and isinstance(a.value, Decimal) \
                and 0 < a.value < 120 and _AGE_AFTER_NAME.search(text, max(0, a.start - 40), a.start):
            a.unit, a.kind = "years", "age"  # "Piotr Lanek, 52, said": an age after a name
        if a.is_word and a.kind == "count" and isinstance(a.value, Decimal) and a.value <= 10 and a.qualifier == "exact":
            prev = _prev_word(text, a.start)
            if prev and prev[0].lower() in ("the", "these", "those", "both", "its", "their", "his", "her", "our"):
                continue  # "the two sides": a reference, not a figure to check
        if a.bare_one and _RATIO_AFTER.match(text, a.end, min(len(text), a.end + 30)):
            kept.append(a)  # "one in five": merged into a ratio below
            continue
        if a.bare_one and a.qualifier == "exact" and a.unit in (None, "fraction") and a.pre not in ("by",):
            if a.kind == "fraction":
                prev = _prev_word(text, a.start)
                after_by = prev and prev[0].lower() in ("by", "than")
                if not after_by and not _OF_AFTER.match(text, a.end, a.end + 4):
                    continue
            else:
                continue
        if a.bare_one and a.kind == "duration" and a.qualifier == "exact":
            prev = _prev_word(text, a.start)
            if not (prev and prev[0].lower() in ("for", "within", "lasting", "than", "of")):
                continue
        kept.append(a)
    return kept


def _merge_pairs(text: str, atoms: list[_Atom]) -> list[_Atom]:
    """Ranges ("between 20 and 35 metres", "12 to 18 people"), scores and ratios ("one in five")."""
    out: list[_Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        if b is not None and b.start >= a.end:
            gap = text[a.end:b.start] + " "
            gap = gap[:-1]
            if len(gap) <= 8:
                is_range_gap = bool(_RANGE_GAP.fullmatch(gap) or _RANGE_GAP.match(gap)) and gap.strip() in ("-", "–", "—", "to")
                if a.pre == "between" and _AND_GAP.fullmatch(gap):
                    _make_range(a, b)
                elif is_range_gap and a.pre != "from":
                    before = text[max(0, a.q_start - 20):a.q_start]
                    if _SCORE_BEFORE.search(before) or _SCORE_AFTER.match(text, b.end):
                        pass
                    elif a.value >= b.value:
                        pass  # a range goes up: "3-1" is a score, "7 to 2" a vote
                    elif a.unit is None or a.unit == b.unit or (a.kind == "age" and b.unit is None):
                        _make_range(a, b)
                elif _RATIO_GAP.fullmatch(gap) and a.unit is None and a.kind == "count" and b.kind in ("count",) \
                        and a.value < b.value and a.qualifier == "exact":
                    merged = _Atom(a.start, b.core_end, b.core_end, float(a.value) / float(b.value), "fraction", "fraction",
                                   "exact", a.q_start, a.pre, False, a.is_word, False)
                    out.append(merged)
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


def _make_range(a: _Atom, b: _Atom) -> None:
    if a.unit is None and b.unit is not None:
        a.unit, a.kind = b.unit, b.kind
    elif b.unit is None and a.unit is not None:
        b.unit, b.kind = a.unit, a.kind
    if b.has_scale and not a.has_scale and isinstance(a.value, Decimal) and isinstance(b.value, Decimal) and a.value < 1000:
        scale = Decimal(10) ** max(0, len(str(int(b.value))) - len(str(int(a.value))) - 1)
        for s in (Decimal(10**3), Decimal(10**6), Decimal(10**9), Decimal(10**12)):
            if a.value * s <= b.value < a.value * s * 1000:
                scale = s
                break
        a.value = a.value * scale
    if a.qualifier == "exact":
        a.qualifier = "at_least"
    if b.qualifier == "exact":
        b.qualifier = "at_most"


def find_quantities(text: str, lowered: str | None = None) -> list[QuantityMatch]:
    """Every figure in ``text`` with its normalised value, qualifier and unit, in text order.

    Years, clock times, days of the month, ordinals and identifiers ("Unit 8200") are left out.
    ``lowered`` may pass ``text`` with A-Z already lowered, to save the work when the caller has it.
    Never raises; offsets always lie inside ``text``.
    """
    if not isinstance(text, str) or not text:
        return []
    # Case-insensitive matching is several times slower in re; lowering only A-Z keeps every offset.
    low = lowered if lowered is not None and len(lowered) == len(text) else text.translate(_ASCII_LOWER)
    atoms = _merge_pairs(text, _apply_context(text, _atoms(text, low)))
    out: list[QuantityMatch] = []
    last_end = -1
    for a in atoms:
        start = max(0, min(a.q_start, a.start))
        end = min(len(text), max(a.end, a.core_end))
        if start < last_end or end <= start:
            continue
        out.append(QuantityMatch(start, end, _to_number(a.value), a.qualifier, a.unit, text[start:end], a.kind))
        last_end = end
    return out
