"""Candidate figures in ascii-lowered text: digits, number words, fractions, multipliers, "a year".

numbers.py reads each candidate into a value, a qualifier and a unit; this module only finds where
figures may stand, with one precompiled scan per kind so that ``re`` can skip ahead quickly, and
parses runs of number words ("two hundred and thirty") into numbers.
"""

from __future__ import annotations

import re

from .numvocab import SCALES, SMALL, TENS

__all__ = ["ASCII_LOWER", "Cand", "candidates", "parse_number_words"]

ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _alt(words: list[str] | dict[str, object]) -> str:
    # Longest first so that "seventeen" is tried before "seven" and "no more than" before "more than".
    return "|".join(sorted((w.replace(" ", r"\s+") for w in words), key=len, reverse=True))


_DIGIT_WORDS = [w for w in SMALL if SMALL[w] < 10]
_DECIMAL_DIGIT = _alt([*_DIGIT_WORDS, "zero"])
# "two point nine per cent": the digit words after "point" are the decimals of the number before it.
POINT_AFTER = re.compile(rf"\s+point\s+(?P<d>(?:{_DECIMAL_DIGIT})(?:\s+(?:{_DECIMAL_DIGIT}))*)\b")
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
_CLOCK_AT = re.compile(r"\d{1,2}:\d{2}:\d{2}\b")  # race or flight times h:mm:ss
_CUR_BEFORE = re.compile(r"(?:(?:us|au?|ca?|nz|hk|r|s)?\$|[£€¥₹₩₽₺₦₴₪])\s?$")
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


class Cand:
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


def candidates(low: str) -> list[Cand]:
    found: list[tuple[int, int, Cand]] = []
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
                found.append((s, 0, Cand("clock", low, s, clock.end())))
                skip_until = clock.end()
                continue
            skip = _NOT_A_FIGURE_AT.match(low, s)
            if skip:
                skip_until = skip.end()
                continue
        cur = _CUR_BEFORE.search(low, max(0, s - 4), s)
        found.append((s, 1, Cand("num", low, s, m.end(), cur.start() if cur else -1)))
    for priority, (kind, pattern) in enumerate(_WORD_SCANS, start=2):
        found.extend((m.start(), priority, Cand(kind, low, m.start(), m.end())) for m in pattern.finditer(low))
    found.sort(key=lambda f: (f[2].v, f[1]))
    out: list[Cand] = []
    last_end = -1
    for _s, _p, cand in found:
        if cand.v >= last_end:
            out.append(cand)
            last_end = cand.e
    return out


_LETTERS = re.compile(r"[A-Za-z]+")


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
