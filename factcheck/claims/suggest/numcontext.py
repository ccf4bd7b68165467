"""The second stage of the number reader: what the words around a figure make of it.

A qualifier before it ("nearly", "at least", "within" for a duration) or after it ("or more"), a
year, an identifier ("Unit 8200") or a reference ("the two sides") that is no figure at all, an age
after a name, and pairs of figures that make one range ("between 20 and 35") or ratio ("one in five").
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from decimal import Decimal

from .numunit import is_plural, people_unit
from .numvocab import AFTER_QUALIFIER_MAP, CAP_OK_BEFORE, NOT_UNIT, PEOPLE, QUALIFIER_PHRASES

_BEFORE_PHRASES = sorted(
    [*QUALIFIER_PHRASES, "between", "from", "aged", "magnitude", "of", "within", "by"], key=len, reverse=True
)

_BEFORE_REV = re.compile(
    r"\s*(?P<q>"
    + "|".join(r"\s+".join(re.escape(w) for w in phrase[::-1].split(" ")) for phrase in _BEFORE_PHRASES)
    + r")(?=$|[^\w$£€¥])",
    re.IGNORECASE,
)

_PREV_WORD_REV = re.compile(r"[\s-]*([A-Za-z'’]*[A-Za-z])")


def prev_word(text: str, pos: int, window: int = 30) -> tuple[str, int, int] | None:
    """The word ending just before ``pos`` (spaces and hyphens skipped): (word, start, end)."""
    rev = text[max(0, pos - window):pos][::-1]
    m = _PREV_WORD_REV.match(rev)
    if not m:
        return None
    return m.group(1)[::-1], pos - m.end(1), pos - m.start(1)

# "600 beds and over 1,300 people": an "over" before another figure qualifies that figure, not this one.
_NEXT_FIGURE = (r"(?!\s+(?:[$€£]?\d|(?:an?\s+(?:dozen|hundred|thousand|million)|"
                r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|half)\b))")
_AFTER_QUALIFIER = re.compile(
    r"(?P<q>(?:\s+or\s+(?:more|above|over)\b|\s+and\s+(?:above|over)\b)" + _NEXT_FIGURE + r"|-?plus\b|\+"
    r"|\s+or\s+(?:so|thereabouts)\b|\s+or\s+(?:fewer|less|under)\b)",
    re.IGNORECASE,
)

_OF_AFTER = re.compile(r"\s+of\b")
_DISTANCE_UNITS = frozenset({"km", "m", "miles", "metres", "meters", "kilometres", "kilometers"})
_ESTIMATED_NOUN_OF = re.compile(r"\b[Ee]stimated\s+(?:[a-z-]+\s+){1,2}$")
_VERB_NEXT = re.compile(
    r"\s+(?:[a-z]{2,}ed|took|were|was|had|have|has|are|is|will|would|said|made|went|got|say|says|lost|won|left|fell|rose)\b"
)
_NOUN_NEXT = re.compile(
    r"\s+(?!(?:of|as|more|less|fewer|higher|lower|up|down|smaller|larger|bigger|to|in|and|or|the|since|from|for|on|at|by|"
    r"this|last|per|over|than|between|off|its|their|his|her|a|an|with|after|before|during|compared|below|above|point|points|"
    r"percentage|century|mile|hour|day|week|month|year|decade)\b)[a-z]{3,}\b"
)

_NUMBER_SIGN_BEFORE = re.compile(r"(?:\b[Nn]os?\.|#)\s?$")

_SCORE_NEXT = re.compile(r"\s?[-–]\s?\d")

# "in over a decade" is more than ten years; "lost 20% over 72 weeks" is during them: a change

_CHANGE_BEFORE = re.compile(
    r"\b(?:los[et]|losing|gain\w*|r[io]se|rising|risen|f[ae]ll|falling|fallen|gr[eo]w|grown|growing|increas\w*|"
    r"decreas\w*|drop\w*|declin\w*|climb\w*|cut|reduc\w*|doubl\w*|halv\w*|tripl\w*|soar\w*|plung\w*|jump\w*|"
    r"surg\w*|slump\w*|shr[iau]nk\w*|averag\w*|spen[dt]\w*)\b(?:[^.;:!?]|\.\d)*$",
    re.IGNORECASE,
)

_OVER_MEANS_MORE = re.compile(
    r"\b(?:in|for|of|after|within|than|lasting|lasted|took|taken|taking|spanning|spent|is|was|were|been|be|just|well|now|by|"
    r"to|at|waited|waiting|wait|lasts|last|served|serving|aged|age|ages)"
    r"\s+(?:over|above)\s*$",
    re.IGNORECASE,
)

_VERB_BEFORE = re.compile(
    r"\b(?:[a-z]{2,}ed|took|taken|stole|stolen|paid|made|spent|grew|rose|fell|lost|won|sold|built|gave|given"
    r"|(?!(?:during|building|morning|evening|nothing|something|anything|everything|spring|string|ceiling)\b)[a-z]{3,}ing)\b",
    re.IGNORECASE,
)

_OTHER_NEXT = re.compile(r"\s+other\s+[A-Za-z]")
_VOTE_AFTER = re.compile(r"\s*(?:-|–|to)\s*\d")
_LATER_AFTER = re.compile(r"\s+later\b", re.IGNORECASE)  # "resigned a month later"; "a year earlier" only dates a comparison
_AGO_AFTER = re.compile(r"\s+(?:ago|earlier|later|before|previously)\b", re.IGNORECASE)

# "Piotr Lanek, 52,", "Donald MacRae, 71,", "The driver, 49,": an age after a name or a person.
_AGE_AFTER_NAME = re.compile(r"(?:\b[A-Z][a-z]+(?:[A-Z'’-][A-Za-z]+)?|\b[Tt]he\s+[a-z]{3,}),\s*$")
# "At 71, he is the oldest", "the youngest rope-maker, at 34, is": an age as the clause's setting.
_AT_AGE_BEFORE = re.compile(r"(?:^|[.!?;]\s+|,\s+)(?:[Aa]t)\s+$")
_AT_AGE_AFTER = re.compile(r",\s+(?:he|she|they|is|was|remains|became)\b")
# "children under five", "those who remain are over 65": an age bound, not a count.
_AGE_BOUND_BEFORE = re.compile(
    r"\b(?:is|are|was|were|aged|children|adults|people|patients|residents|those|anyone|everyone)\s+(?:over|under|above)\s+$",
    re.IGNORECASE,
)
_AGED_BETWEEN = re.compile(r"\baged\s+between\s+$", re.IGNORECASE)
# "Seven of the nine members": a count after "N of the" is a whole, not a reference like "the two sides".
_PART_OF_THE = re.compile(
    r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|all|both|none))\s+of\s+$",
    re.IGNORECASE,
)

_RATIO_AFTER = re.compile(r"\s+(?:in|out\s+of)\s+(?:every\s+)?"
                          r"(?:\d|ten|five|four|three|two|six|seven|eight|nine|twenty|a\s+hundred)", re.IGNORECASE)

_RANGE_GAP = re.compile(r"\s*(?:-|–|—|to)\s*$", re.IGNORECASE)

_AND_GAP = re.compile(r"\s+and\s+$", re.IGNORECASE)

# "one in five", "two in every three", "four out of every five"; a bare "out of" only before a small
# denominator ("nine out of ten"), since "91.2 out of 100" is a score.
_RATIO_GAP = re.compile(r"\s+(?:in\s+(?:every\s+)?|out\s+of\s+every\s+)$", re.IGNORECASE)
_OUT_OF_GAP = re.compile(r"\s+out\s+of\s+$", re.IGNORECASE)

_SCORE_BEFORE = re.compile(
    r"\b(?:voted?|votes|won|win|beat|lost|drew|defeated|trail(?:ed|ing)?|led|leading|score[ds]?)\s+"
    r"(?:[A-Z][\w'’.-]*\s+){0,3}$",
    re.IGNORECASE,
)

_SCORE_AFTER = re.compile(r"\s*(?:win|victory|defeat|draw|loss|lead|vote|majority|decision|verdict)\b", re.IGNORECASE)


@dataclass(slots=True)
class Atom:
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


def apply_context(text: str, atoms: list[Atom]) -> list[Atom]:
    kept: list[Atom] = []
    for a in atoms:
        before = text[max(0, a.start - 40):a.start]
        bm = _BEFORE_REV.match(before[::-1])
        word = ""
        if bm:
            word = " ".join(bm.group("q")[::-1].lower().split())
            if word in QUALIFIER_PHRASES:
                a.qualifier = QUALIFIER_PHRASES[word]
                a.q_start = a.start - bm.end("q")
                # "the bill passed 212 to 37", "passed 12 amendments": a vote or the things passed, no threshold.
                if word in ("passed", "passing") and (
                        (a.kind == "count" and a.unit is not None) or _VOTE_AFTER.match(text, a.end)):
                    a.qualifier, a.q_start = "exact", a.start
                # "stole $2 million over six years" is during them, as "lost 20% over 72 weeks" is;
                # "in over a decade", "for over 20 years" and "over 20 years ago" are more than.
                if a.kind == "duration" and word == "over" and not _OVER_MEANS_MORE.search(before) \
                        and not _AGO_AFTER.match(text, a.end) and _VERB_BEFORE.search(text, max(0, a.start - 90), a.start):
                    a.qualifier, a.q_start = "exact", a.start
            else:
                a.pre = word
                if word == "magnitude" and a.unit is None:
                    a.unit, a.kind = "magnitude", "measure"
                    a.q_start = a.start - bm.end("q")
                if word == "aged" and a.unit is None:
                    a.unit, a.kind = "years", "age"
                if word == "between" and a.unit is None and a.kind == "count" \
                        and _AGED_BETWEEN.search(text, max(0, a.start - 20), a.start):
                    a.unit, a.kind = "years", "age"  # "adults aged between 40 and 75": the range takes it
                if word == "within" and (a.kind in ("duration", "measure") or a.unit in _DISTANCE_UNITS):
                    # "within 20 minutes" bounds the time from above, "within 3 km of the beds" the
                    # distance (the labels mark both at most).
                    a.qualifier, a.q_start = "at_most", a.start - bm.end("q")
                if word == "of" and _ESTIMATED_NOUN_OF.search(before, 0, len(before) - bm.end("q")):
                    a.qualifier = "approx"  # "an estimated street value of 28 million pounds"
        after = _AFTER_QUALIFIER.match(text, a.end, min(len(text), a.end + 20))
        if after and a.qualifier == "exact":
            key = after.group("q").strip().lower().split()[-1].lstrip("-")
            a.qualifier = AFTER_QUALIFIER_MAP.get(key, "exact")
            a.end = after.end()
        if a.kind == "count" and a.unit is None and not a.has_scale and not a.is_word and isinstance(a.value, Decimal):
            digits = text[a.start:a.core_end]
            if len(digits) == 4 and digits.isdigit() and 1000 <= a.value <= 2100:
                continue  # a year, which the engine reads as a date
            if _NUMBER_SIGN_BEFORE.search(text, max(0, a.start - 8), a.start):
                continue  # "No. 10", "#1": a rank or a label
            prev = prev_word(text, a.start)
            if prev and prev[0][0].isupper() and prev[0].lower() not in CAP_OK_BEFORE \
                    and a.qualifier == "exact" and text[prev[2]:a.start].strip() == "" \
                    and not _SCORE_NEXT.match(text, a.core_end):
                continue  # an identifier: Unit 8200, Ariane 5, Boeing 737
        if a.kind == "count" and a.unit is not None and not a.has_scale and not a.is_word and a.qualifier == "exact" \
                and isinstance(a.value, Decimal) and 1800 <= a.value <= 2100 and text[a.start:a.core_end].isdigit():
            prev = prev_word(text, a.start)
            if prev and prev[0].lower() in ("the", "its", "their", "his", "her", "this", "that"):
                continue  # "its highest level since the 2008 floods": a year naming an event, not a count
        if a.kind == "count" and a.unit is None and text[a.end:a.end + 1] == "," and isinstance(a.value, Decimal) \
                and 0 < a.value < 120 and _AGE_AFTER_NAME.search(text, max(0, a.start - 40), a.start):
            a.unit, a.kind = "years", "age"  # "Piotr Lanek, 52, said": an age after a name
        if a.kind == "count" and a.unit is None and isinstance(a.value, Decimal) and 0 < a.value < 120 \
                and a.value == int(a.value) and not a.has_scale:
            at_age = _AT_AGE_BEFORE.search(text, max(0, a.start - 6), a.start) and _AT_AGE_AFTER.match(text, a.end)
            bound = a.qualifier in ("more_than", "less_than") and _AGE_BOUND_BEFORE.search(
                text, max(0, a.start - 24), a.start) and not _NOUN_NEXT.match(text, a.end)
            if at_age or bound:
                a.unit, a.kind = "years", "age"
        if a.is_word and a.kind == "count" and isinstance(a.value, Decimal) and a.value <= 10 and a.qualifier == "exact":
            prev = prev_word(text, a.start)
            if prev and prev[0].lower() in ("the", "these", "those", "both", "its", "their", "his", "her", "our") \
                    and not _PART_OF_THE.search(text, max(0, prev[1] - 12), prev[1]) \
                    and not _OTHER_NEXT.match(text, a.core_end):
                # "the two sides": a reference, not a figure to check; "its two other sites" counts the rest.
                continue
        noun = _NOUN_NEXT.match(text, a.end) if a.kind == "fraction" and text[a.start:a.start + 2].lower() == "a " else None
        if noun and not _VERB_NEXT.match(text, a.end):
            continue  # "A third library": an ordinal before its noun, not a share ("a quarter took fewer" is one)
        if a.bare_one and _RATIO_AFTER.match(text, a.end, min(len(text), a.end + 30)):
            kept.append(a)  # "one in five": merged into a ratio below
            continue
        if a.bare_one and a.qualifier == "exact" and a.unit in (None, "fraction") and a.pre not in ("by",):
            if a.kind == "fraction":
                prev = prev_word(text, a.start)
                after_by = prev and prev[0].lower() in ("by", "than")
                if not after_by and not _OF_AFTER.match(text, a.end, a.end + 4):
                    continue
            else:
                continue
        if a.bare_one and a.kind == "duration" and a.qualifier == "exact":
            prev = prev_word(text, a.start)
            # "resigned a month later", "a year ago": the span of time is the claim's figure.
            before_ok = prev and prev[0].lower() in ("for", "within", "lasting", "than", "of")
            if not before_ok and not _LATER_AFTER.match(text, a.end):
                continue
        kept.append(a)
    return kept


_BY_BEFORE = re.compile(r"\bby\s+$")


def merge_pairs(text: str, atoms: list[Atom]) -> list[Atom]:
    """Ranges ("between 20 and 35 metres", "12 to 18 people"), scores and ratios ("one in five")."""
    out: list[Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        if out and a.start < out[-1].end and a.start >= out[-1].start:
            # The scale word inside "$1.4 billion" is no figure of its own: pairing it with the next one
            # would make "by $1.4 billion to $6.8 billion" a range ending "at most $6.8 billion".
            out.append(a)
            i += 1
            continue
        j = i + 1
        while j < len(atoms) and atoms[j].start < a.end:
            j += 1  # "£18 million" also holds an atom for "million": pair with the next figure
        b = atoms[j] if j < len(atoms) else None
        if b is not None and b.start >= a.end:
            gap = text[a.end:b.start] + " "
            gap = gap[:-1]
            ratio = bool(_RATIO_GAP.fullmatch(gap) or (_OUT_OF_GAP.fullmatch(gap) and b.value <= 10
                                                         and a.value == int(a.value)))
            if len(gap) <= 8 or ratio:
                is_range_gap = bool(_RANGE_GAP.fullmatch(gap) or _RANGE_GAP.match(gap)) and gap.strip() in ("-", "–", "—", "to")
                if a.pre == "between" and _AND_GAP.fullmatch(gap):
                    _make_range(a, b)
                elif is_range_gap and (a.pre == "by" or _BY_BEFORE.search(text, max(0, a.q_start - 4), a.q_start)) and (
                        b.value > 2 * a.value or text[a.core_end:a.end].strip()):
                    # "fell by 12,000 to 61,000", "rose by nearly 9 feet to 17.2 feet": a change and
                    # where it ended, not a range ("rose by 5 to 7 percent" still is one).
                    pass
                elif is_range_gap and a.pre != "from":
                    before = text[max(0, a.q_start - 20):a.q_start]
                    if _SCORE_BEFORE.search(before) or _SCORE_AFTER.match(text, b.end):
                        pass
                    elif a.value >= b.value:
                        pass  # a range goes up: "3-1" is a score, "7 to 2" a vote
                    elif a.unit is None or a.unit == b.unit or (a.kind == "age" and b.unit is None):
                        _make_range(a, b)
                elif ratio and a.unit is None and a.kind == "count" and b.kind in ("count",) \
                        and a.value < b.value:
                    # "about one in 12 adults": the ratio keeps the qualifier in front of it.
                    merged = Atom(a.start, b.core_end, b.core_end, float(a.value) / float(b.value), "fraction", "fraction",
                                   a.qualifier, a.q_start, a.pre, False, a.is_word, False)
                    out.append(merged)
                    i = j + 1
                    continue
        out.append(a)
        i += 1
    return out


# A bare count that names its noun elsewhere: "22 of 30 drones", "17 of the city's 212 schools",
# "wounded 61 others", "2,300 of them", "up from 275", "voted 212 to 37". GUIDELINES.md gives a
# count the noun it counts; the labels write that noun, not null.
_SHARE_OF = re.compile(r"\s+of\s+(?:(?:the|its|their|his|her|these|those)\s+)?(?:[A-Za-z][\w'’-]*['’]s?\s+)?$")
_OF_THEM = re.compile(r"\s+of\s+(?:them|whom|those|these|the\s+(?:dead|wounded|injured|victims))\b")
_OTHERS = re.compile(r"\s+others\b")
_FROM_BEFORE = re.compile(
    r"(?:\b(?:up|down|rising|falling|rose|fell|increased|decreased|dropped)\s+(?:from|to)|\bfrom|\bto|\bof"
    r"|\bcompared\s+(?:with|to)|\bagainst|\bversus)"
    r"\s+(?:just\s+|only\s+)?$"
)
_VOTE_BEFORE = re.compile(r"\b(?:voted|defeated|passed|approved|rejected|carried|backed|adopted)\s+(?:by\s+)?$")
_VOTE_GAP = re.compile(r"\s*(?:-|–|to)\s*")
_COUNT_NOUN = re.compile(r"[a-z][a-z -]*")
# A bare count whose noun the sentence names before it or after it: "the number of homes without power
# has fallen to 176,000", "passenger numbers have fallen to 9,000", "a pre-war population of 84,000",
# "the death toll rose to 41", "wounding at least 34", "at least eight were still missing", "14 of the
# country's universities", "38 were unaccompanied minors".
_NUMBER_OF = re.compile(r"\bnumber\s+of\s+([a-z-]+)(?:\s+([a-z]+))?\b", re.IGNORECASE)
_GROUP_OF = re.compile(r"\b(staff|team|crew|workforce|squad|contingent|delegation|garrison)\s+of\s+$", re.IGNORECASE)
# A count's noun as the subject of the verb that moved it ("deaths ... fell by 8 percent last year, to 298").
_MOVED_COUNT = re.compile(
    r"\b([A-Za-z]{3,}s)\b(?:\s+[^,;:.]{0,50}?)?\s+(?:(?:has|have|had)\s+)?(?:rose|risen|fell|fallen|increased|decreased|"
    r"dropped|climbed|jumped|declined|grew|grown|doubled|halved)\b"
)
_TO_BEFORE = re.compile(r"\bto\s+$")
_EVENT_COUNTS = frozenset(
    """deaths cases arrests admissions infections complaints applications attacks incidents offences offenses crimes
    births fatalities injuries evictions bankruptcies closures convictions prosecutions referrals hospitalisations
    hospitalizations killings homicides murders burglaries thefts robberies assaults collisions crashes accidents
    fires outbreaks registrations enrolments enrollments seizures overdoses suicides divorces marriages""".split()  # noqa: SIM905
)
_NOUN_NUMBERS = re.compile(r"\b([a-z]{3,})\s+numbers\b", re.IGNORECASE)
_PEOPLE_CUE = re.compile(r"\b(?:population|toll|crowd|attendance|headcount)\b", re.IGNORECASE)
_CASUALTY_BEFORE = re.compile(
    r"\b(?:killing|killed|injuring|injured|wounding|wounded|hurting|rescuing|rescued|evacuating|evacuated)\s+$"
)
_CASUALTY_AFTER = re.compile(
    r"\s+(?:(?:were|are|was|is|have\s+been|had\s+been|remain(?:ed)?)\s+)?(?:still\s+)?(?:missing|killed|dead|died|"
    r"injured|wounded|hurt|unaccounted\s+for|in\s+hospital|in\s+(?:a\s+)?(?:critical|serious|stable)\s+condition|"
    r"in\s+intensive\s+care|hospitali[sz]ed|(?:(?:have|has|had)\s+)?(?:needed|need|required|received)\s+(?:hospital\s+)?treatment|treated\s+in\s+hospital)\b"
)
_WERE_NOUN = re.compile(r"\s+(?:were|are)\s+(?:[a-z]+\s+)?([a-z]+)\b")
_OF_THE_NOUN = re.compile(
    r"\s+of\s+(?:the|its|their|those|these)\s+(?:[A-Za-z]+['’]s?\s+)?([a-z]+(?:-[a-z]+)?)(?:\s+([a-z]+))?\b"
)
# "killed 9,000 cattle": a word after the figure that is not a preposition or a conjunction is what was
# killed, named or not in the unit tables; only "killing 12 in the blast" counts people by the verb alone.
_OWN_NOUN = re.compile(
    r"\s+(?!(?:in|on|at|and|or|as|when|after|before|during|across|near|since|while|with|including|of|by|"
    r"from|to|overnight|yesterday|today|last|this|so|but)\b)[a-z]", re.IGNORECASE)
_OF_THE_HURT = re.compile(r"\s+of\s+the\s+(?:dead|wounded|injured|displaced|missing|homeless|evacuated|unemployed)\b")
# "rose by 0.3 points to 5.2 percent": points of a rate are percentage points.
_POINTS_TO_RATE = re.compile(r"\s+(?:to|from)\s+(?:an?\s+(?:average|high|low)\s+of\s+)?$")
_SENTENCE_START = re.compile(r".*(?:[.!?]\s|\n)", re.DOTALL)


def _noun_unit(word: str) -> str | None:
    low = word.lower()
    if low in PEOPLE:
        return people_unit(low)
    return low if is_plural(low) and low not in NOT_UNIT else None


def _named_noun(text: str, atoms: list[Atom], i: int) -> str | None:
    """The noun a bare count's sentence names for it (see _NUMBER_OF); None when it names none."""
    a = atoms[i]
    of_the = _OF_THE_NOUN.match(text, a.end)
    # "Three of the dead were children": what they were names them.
    after = _WERE_NOUN.match(text, a.end) or (of_the and _WERE_NOUN.match(text, of_the.end(1)))
    if after and after.group(1) in PEOPLE:
        return people_unit(after.group(1))
    if of_the:
        noun = _noun_unit(of_the.group(1)) or (of_the.group(2) and _noun_unit(of_the.group(2)))
        if noun:
            return noun
    if _OF_THE_HURT.match(text, a.end) or _CASUALTY_AFTER.match(text, a.end) \
            or (_CASUALTY_BEFORE.search(text, max(0, a.q_start - 12), a.q_start) and not _OWN_NOUN.match(text, a.end)):
        return "people"
    group = _GROUP_OF.search(text, max(0, a.q_start - 24), a.q_start)
    if group:
        # "a staff of 60", "a team of four": the group's members are what is counted.
        word = group.group(1).lower()
        return word if word in ("staff", "crew") else "people"
    lo = max(0, a.q_start - 120)
    head = _SENTENCE_START.match(text, lo, a.q_start)
    lo = head.end() if head else lo
    # The cue must be nearer than any other counted figure: "homes" does not reach past "3,000 cars".
    for j in range(i - 1, -1, -1):  # nearest first; stop at the sentence start, so each look is bounded
        b = atoms[j]
        if b.end <= lo:
            break
        if b.end <= a.q_start and b.unit is not None and b.kind == "count":
            lo = b.end
            break
    window = text[lo:a.q_start]
    found: list[tuple[int, str]] = []
    for m in _NUMBER_OF.finditer(window):
        noun = _noun_unit(m.group(1)) or (m.group(2) and _noun_unit(m.group(2)))
        if noun:
            found.append((m.start(), noun))
    for m in _NOUN_NUMBERS.finditer(window):
        word = m.group(1).lower()
        # "passenger numbers fell to 9,000"; in "the workforce numbers 1,273" it is the verb.
        if word not in NOT_UNIT and not is_plural(word) and window[m.end():].strip():
            found.append((m.start(), word + "s"))
    for m in _PEOPLE_CUE.finditer(window):
        found.append((m.start(), "people"))
    if _TO_BEFORE.search(window):
        for m in _MOVED_COUNT.finditer(window):
            # "Drug-related deaths in the area rose by 17 percent to 143": the count moved to the figure.
            noun = m.group(1).lower()
            if noun in _EVENT_COUNTS or (noun in PEOPLE and is_plural(noun)):
                found.append((m.start(), people_unit(noun) if noun in PEOPLE else noun))
    return max(found)[1] if found else None


def _counted(a: Atom) -> bool:
    return a.kind == "count" and a.unit is not None and _COUNT_NOUN.fullmatch(a.unit) is not None


def carry_units(text: str, atoms: list[Atom]) -> list[Atom]:
    """Give a bare count the noun its neighbour counts (see _SHARE_OF); one pass, each look bounded."""
    for i, a in enumerate(atoms):
        if a.unit is not None or a.kind != "count" or not isinstance(a.value, Decimal):
            continue
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        prev = atoms[i - 1] if i else None
        if b is not None and _counted(b) and b.start - a.end <= 40 and _SHARE_OF.fullmatch(text, a.end, b.start):
            a.unit = b.unit  # "22 of 30 drones", "Seven of the nine board members"
        elif b is not None and b.start - a.end <= 4 and _VOTE_GAP.fullmatch(text, a.end, b.start) and (
                _VOTE_BEFORE.search(text, max(0, a.q_start - 14), a.q_start) or b.unit == "votes"):
            a.unit = "votes"  # "voted 212 to 37", "was defeated 30 to 25"
            if b.unit is None and b.kind == "count":
                b.unit = "votes"
        elif prev is not None and _counted(prev) and a.start - prev.end <= 120 and "." not in text[prev.end:a.start] \
                and "\n" not in text[prev.end:a.start]:
            if _OF_THEM.match(text, a.end) or _OTHERS.match(text, a.end):
                a.unit = prev.unit  # "killed 23 civilians and wounded 61 others", "2,300 of them"
            elif prev.unit == "votes" and _VOTE_GAP.fullmatch(text, prev.end, a.start):
                a.unit = "votes"  # "by 31 votes to 22"
            elif a.start - prev.end <= 60 and _FROM_BEFORE.search(text, max(0, a.q_start - 24), a.q_start):
                a.unit = prev.unit  # "rose to 412, up from 275", "16,820 finished, up from 15,100"
        if a.unit is None:
            a.unit = _named_noun(text, atoms, i)
    for a, b in itertools.pairwise(atoms):
        if a.unit == "points" and b.unit == "percent" and _POINTS_TO_RATE.fullmatch(text, a.end, b.q_start):
            a.unit, a.kind = "percentage_point", "percentage_point"
    return atoms


# A time written in two parts, as response-time tables and race results do: "9 min 12 s", "6 h 41 min",
# "2 hours and 15 minutes". Read apart, "48 min 3 s" gave 48 minutes and a stray count of 3.
_PART_GAP = re.compile(r"\s+(?:and\s+)?")
_HOURS_AFTER = re.compile(r"\s?(?:h|hrs?)\b")
_SECONDS_AFTER = re.compile(r"\s?(?:s|secs?)\b")
_MINUTES_AFTER = re.compile(r"\s?m\b")
_NEXT_PART = {"hours": ("minutes", _MINUTES_AFTER, 60), "minutes": ("seconds", _SECONDS_AFTER, 60)}


def _bare_whole(a: Atom) -> bool:
    return a.unit is None and a.kind == "count" and a.value == int(a.value) and not a.has_scale and not a.is_word


def compound_durations(text: str, atoms: list[Atom]) -> list[Atom]:
    """Two parts of one time ("48 min 3 s") as one duration in the first part's unit (48.05 minutes)."""
    out: list[Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        unit, end = a.unit, a.end
        if _bare_whole(a) and (hours := _HOURS_AFTER.match(text, a.core_end)):
            unit, end = "hours", hours.end()
        part = _NEXT_PART.get(unit or "") if a.kind in ("duration", "count") else None
        gap = _PART_GAP.fullmatch(text, end, b.start) if b is not None and part and b.start >= end else None
        if b is not None and part and gap and b.qualifier == "exact" and b.value < part[2]:
            smaller, bare_after, per = part
            tail = b.end if b.unit == smaller else None
            if tail is None and _bare_whole(b) and (m := bare_after.match(text, b.core_end)):
                tail = m.end()
            if tail is not None:
                value = Decimal(str(a.value)) + Decimal(str(b.value)) / per
                out.append(Atom(a.start, a.core_end, tail, value, unit, "duration", a.qualifier, a.q_start, a.pre,
                                False, a.is_word, False))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _make_range(a: Atom, b: Atom) -> None:
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


# "a man in his 70s", "residents in their early 80s": an age given by its decade is at least that age
# (the labels read "in her 70s" as 70, at least, in years). "the 1970s" is a period, not an age.
_AGE_DECADE = re.compile(r"\b(?:his|her|their)\s+(?:early\s+|mid-|late\s+)?(?P<n>[1-9]0)s\b")


def age_decades(low: str) -> list[tuple[int, int, int]]:
    """(start, end, years) of each age given by its decade in ``low`` (``text`` with A-Z lowered)."""
    if "0s" not in low:
        return []
    return [(m.start(), m.end(), int(m.group("n"))) for m in _AGE_DECADE.finditer(low)]
