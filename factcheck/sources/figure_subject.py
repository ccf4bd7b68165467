"""What a figure is about, for the figure check: the words of its own clause and the noun it counts.

The same number about something else proves nothing: "Imports fell 7 percent" does not state that
exports rose 7 percent, a school "built for 4,000 pupils" does not state that 4,000 residents left,
and "the governor said inflation would fall to 3.5 percent" does not state the bank's rate. So a
source figure states the claim's only when its own clause (not merely its sentence) shares a word
naming what the claim measures, and when the people it counts are not another kind of people.
Dates, places of the reporting frame ("the council said"), and verbs of change ("rose", "fell")
name nothing measured and are left out of that comparison.
"""

from __future__ import annotations

import re

from factcheck.claims.suggest.numvocab import FRACTIONS, SCALES, SMALL, TENS
from factcheck.sources.figure_words import ALSO_MEASURES, CASUALTY, CASUALTY_EVIDENCE, MEASURE_OF, ROLE_OF

__all__ = [
    "GENERIC", "after_frame", "blank", "casualty_mismatch", "harm_conflict", "measure_conflict", "other_occasion", "own_phrase",
    "population_of", "role_conflict", "strip_numbers",
    "subject_text", "written_noun",
]

# Words that say how a figure moved or when, not what it measures: sharing them shows nothing.
_GENERIC_TEXT = """
    rose rise rises rising risen fell fall falls falling fallen grew grow grows growing grown surge
    jump jumped drop dropped reach reached hit hits
    stood stand stands total totalled totaled came come comes higher lower record year month week day period
    quarter region country nation city state area province today yesterday week weekend morning evening night
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday earlier later latest previous compared annual
    officials official figures figure data statement spokesman spokeswoman spokesperson reported report
    number numbers estimate estimated put show showed shows
"""
GENERIC = frozenset(_GENERIC_TEXT.split())

# The reporting frame before a figure ("the bank's governor said", "according to the council,"):
# what the figure measures starts after it.
_FRAME = re.compile(
    r"\b(?:said|says|told\s+[\w-]+(?:\s+[\w-]+)?|announced|reported|insisted|claimed|"
    r"according\s+to\s+[^,]{1,60},)(?:\s+that)?\s"
)
_REACH = 110
# "The jobless rate was first reported as 5.6 percent": a passive frame, whose subject comes before it.
_PASSIVE_FRAME = re.compile(r"\b(?:was|were|is|are|been|be|being)\s+(?:\w+ly\s+|first\s+)?$")


def strip_numbers(text: str) -> str:
    """``text`` with its numbers and number words blanked out (offsets kept), so "two-thirds",
    "million" or "nearly" is no word a claim and a source share; the nouns they count stay."""
    return _NUMBERISH.sub(lambda m: " " * len(m.group()), text)


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the given spans (its figures) blanked out, offsets kept."""
    out = list(text)
    for s, e in spans:
        out[max(0, s):max(0, e)] = " " * (min(len(out), e) - max(0, s))
    return "".join(out)


def after_frame(text: str, start: int, bounds: tuple[int, int]) -> int:
    """Where what the figure at ``start`` is about begins: after the reporting frame before it in its
    sentence ("The bank's governor said inflation would fall to 3.5 percent": not the bank's rate)."""
    cut = bounds[0]
    lo = max(bounds[0], start - _REACH)
    window = text[lo:start].lower()  # only the few words before the figure: a long source stays linear
    for m in _FRAME.finditer(window):
        if not _PASSIVE_FRAME.search(window, 0, m.start()):
            cut = lo + m.end()
    return cut


def written_noun(figure_text: str) -> str:
    """The last word of a figure as written ("4,000 pupils" -> "pupils"), lower-case; none when the
    figure ends in a number word ("two-thirds", "1.2 million")."""
    words = re.findall(r"[A-Za-z]+", figure_text or "")
    last = words[-1].lower() if words else ""
    return "" if last in _NUMBER_WORDS or last.rstrip("s") in _NUMBER_WORDS else last


_NUMBER_WORDS = frozenset({*SMALL, *TENS, *SCALES, *FRACTIONS, "dozen", "percent", "cent", "k", "m", "bn", "pc"})
_QUALIFIER_WORDS = ("approximately", "roughly", "nearly", "almost", "around", "about", "some", "estimated", "least",
                    "fewer", "less", "more", "over", "under", "upwards", "just", "percentage", "points?", "basis")
_NUMBERISH = re.compile(
    r"\d[\d.,]*(?:bn|m|k|pc)?|[$£€¥₪]|(?<![^\W\d_])(?:"
    + "|".join(sorted((*_NUMBER_WORDS, *_QUALIFIER_WORDS, *(w + "s" for w in FRACTIONS)), key=len, reverse=True))
    + r")(?![^\W\d_])",
    re.IGNORECASE,
)


_OF_WHOM = re.compile(r"\s+of\s+(?:the\s+|all\s+|its\s+|their\s+|those\s+)?(?:[a-z-]+\s+)?([a-z]+)\b")


def population_of(text: str, end: int) -> str:
    """The noun a share is of: "62 percent of nurses" -> "nurses" (the word after "of", or the one
    after an adjective), or "" when none follows."""
    m = _OF_WHOM.match(text, end)
    if not m:
        return ""
    first = re.match(r"\s+of\s+(?:the\s+|all\s+|its\s+|their\s+|those\s+)?([a-z]+)", text[end:m.end()])
    for word in (first.group(1) if first else "", m.group(1)):
        if word in ROLE_OF:
            return word
    return m.group(1)


def role_conflict(claim_noun: str, source_noun: str) -> bool:
    """Two nouns for different kinds of people or things: "residents" and "pupils", "passengers"
    and "residents"; not "people" and anything, nor "troops" and "soldiers"."""
    a, b = ROLE_OF.get(claim_noun), ROLE_OF.get(source_noun)
    return a is not None and b is not None and a != b


_TOKEN = re.compile(r"[^\W\d_][\w'-]*")


def subject_text(text: str) -> str:
    """``text`` without the words that name nothing measured (GENERIC), for keywords()."""
    def keep(m: re.Match[str]) -> str:
        word = m.group().lower()
        if word in _MONTHS and m.group()[0].islower():
            return m.group()  # "the march", "may": not a month
        generic = word in GENERIC or word.rstrip("s") in GENERIC or word.startswith(_GENERIC_STEMS)
        return " " if generic else m.group()

    return _TOKEN.sub(keep, text)


_MONTHS = frozenset({"march", "may"})
_GENERIC_STEMS = ("increas", "decreas", "declin", "climb", "plung", "slump", "surging", "surged")


_ANY_PEOPLE = frozenset({"people", "persons", "individuals", "civilians", "men", "women", "children", "adults"})


# "lives" is a casualty word only as lives lost or taken ("lost their lives", "claimed 19 lives"), not the
# verb ("two-thirds of the population lives in cities").
_LIVES_LOST = re.compile(r"\b(?:lost|lose|losing|their|claimed|claiming|cost|costing|took|taken|saved|\d[\d,]*)\s+lives\b")


def _has_casualty(text: str, words_for: frozenset[str] = CASUALTY) -> bool:
    low = text.lower()
    words = re.findall(r"[a-z]+", low)
    if any(w != "lives" and (w in words_for or w.rstrip("s") in words_for) for w in words):
        return True
    return "lives" in words and _LIVES_LOST.search(low) is not None


def casualty_mismatch(claim_text: str, window: str, source_noun: str) -> bool:
    """The claim counts the dead or hurt and the source figure's clause counts something else."""
    return (_has_casualty(claim_text) and not _has_casualty(window, CASUALTY_EVIDENCE)
            and not _has_casualty(source_noun))


def _measures(text: str) -> set[str]:
    found = {MEASURE_OF[w] for w in re.findall(r"[a-z]+(?:-[a-z]+)?", text.lower()) if w in MEASURE_OF}
    return found.union(*(ALSO_MEASURES.get(m, ()) for m in found))


def measure_conflict(claim_text: str, about: str, own: str = "") -> bool:
    """The claim's figure measures one thing (a profit, turnout, exports) and the source sentence
    names another and not the claim's. ``own``, the figure's own phrase, decides when it names a
    measure: "set aside $2bn to cover costs, cutting quarterly profit to $310m" gives a profit, and
    "feed costs had risen 40 percent ... and shelf prices would follow" a cost, whatever else the
    sentence names."""
    mine = _measures(claim_text)
    theirs = _measures(own) or _measures(about)
    return bool(mine and theirs and not mine & theirs)


def own_phrase(text: str, start: int, end: int, bounds: tuple[int, int]) -> str:
    """The figure's clause from the last comma before it ("..., cutting quarterly profit to $310m"), its own
    words blanked."""
    lo = max(bounds[0], start - _CLAUSE_REACH)
    for m in _CLAUSE_BEFORE.finditer(text, lo, start):
        lo = m.end()
    lo = max(lo, text.rfind(",", lo, start) + 1)
    stop = _CLAUSE_AFTER.search(text, end, min(bounds[1], end + _CLAUSE_REACH))
    hi = stop.start() if stop else min(bounds[1], end + _CLAUSE_REACH)
    return f"{text[lo:start]} {text[end:hi]}"


# --- the same number about another occasion -------------------------------------------------------
# A figure can agree with the claim's and name the same kind of thing, yet be about something else:
# the dead against the hurt ("Nineteen people were injured" for "killed 19"), what a place can hold
# against what happened there ("The stadium holds 50,000 people"), a standing number against an
# event ("employs 1,200 people" for "cut 1,200 jobs"), another year, place or event ("In 2019 a
# similar flood forced 4,000 residents to leave"), or a power cut counted in the same homes.

_KILLED = re.compile(r"\b(?:kill\w*|dead|deaths?|die[sd]?|dying|fatalit\w+|bodies|murder\w*|drown\w*|perish\w*|"
                     r"lost\s+their\s+lives|death\s+toll)\b")
_HURT = re.compile(r"\b(?:injur\w*|wound\w*|hurt|treated\s+for|hospitali[sz]ed)\b")
_CAPACITY_BEFORE = re.compile(
    r"\b(?:holds?|seats?|accommodates?|(?:can|could|will|would)\s+(?:hold|carry|seat|accommodate|take|house|handle|fit)|"
    r"(?:designed|built|licensed)\s+(?:to\s+(?:hold|carry|take|house|seat)|for)|capacity\s+(?:of|for)|room\s+for|"
    # What was hoped for or built to be, not what happened: "had hoped for 25,000", "designed to produce 300,000 cars".
    r"(?:had\s+)?hop(?:ed|es|ing)\s+(?:for|to\s+\w+)|aim(?:ed|s|ing)?\s+(?:for|to\s+\w+)|designed\s+to\s+\w+|"
    r"(?:was|were|is|are)\s+meant\s+to\s+\w+)\s*"
    r"(?:up\s+to\s+|as\s+many\s+as\s+)?$")
# A claim about what may be (a forecast, a capacity) is stated by what a place can hold.
_CAPACITY_CLAIM = re.compile(r"\b(?:holds?|seats?|beds|places|spaces|berths|has|have|capacity|accommodat\w*|can|could|"
                             r"will|would|expected|up\s+to|designed|"
                             r"room\s+for|built\s+for)\b")
# A number the subject has, not one that happened to it: "the company, which employs 1,200 people".
_STANDING_BEFORE = re.compile(r"\b(?:employs?|employing|is\s+home\s+to|home\s+to|(?:a\s+)?(?:workforce|population|staff|"
                              r"headcount|membership)\s+of)\s*$")
_STANDING_CLAIM = re.compile(r"\b(?:employ\w*|workforce|population|staff|headcount|membership|home\s+to|workers|"
                             r"employees|inhabitants|residents|has|have)\b")
# A claim that something happened to the people counted ("laid off 800 workers", "hired 500 staff") is no
# standing number, whatever its noun: "The firm employs 800 engineers" does not state it.
_EVENT_CLAIM = re.compile(r"\b(?:laid|lay(?:s|ing)?\s+off|cut|cuts|shed|sheds|axed?|axes|fired|sacked|hired|hires|recruit\w*|"
                          r"dismiss\w*|lost|lose|loses|added|adds|created|creates|furlough\w*|struck|strike|walked\s+out|"
                          r"evacuated|arrested|killed|injured|rescued|displaced|made\s+redundant)\b")
_OTHER_EVENT = re.compile(
    r"\b(?:a|an)\s+(?:similar|previous|earlier|separate|prior)\s+(?!years?\b|months?\b|weeks?\b|days?\b|"
    # "revising an earlier toll of 48": the same event's first count, which revision() reads
    r"(?:death\s+)?(?:toll|figure|count|tally|total|estimate|report|number|statement|assessment)s?\b)[a-z]+|"
    r"\bin\s+the\s+same\s+(?:province|region|county|city|town|area|district|state|country|village|valley)\b|"
    r"\belsewhere\b")
_NEIGHBOUR = re.compile(r"\b(?i:in|at|of|from)\s+(?i:the\s+)?(?i:neighbou?ring|nearby|adjacent)\s+([A-Z][\w'-]+)")
_LAST_YEAR = re.compile(r"\b(?:last|previous|the\s+previous)\s+year(?:'s|’s)?\b|\ba\s+year\s+(?:earlier|before|ago)\b", re.I)
_THIS_YEAR = re.compile(r"\bthis\s+year(?:'s|’s)?\b", re.I)
_YEAR = re.compile(r"(?<![\d,.])(?:19|20)\d\d(?!\d|,\d)")
_OUTAGE = re.compile(r"\bwithout\s+(?:[a-z]+\s+)?(?:power|electricity|water|heating|gas|internet|phone\s+signal)\b|"
                     r"\bpower\s+cuts?\b|\blost\s+power\b|\boutages?\b|\bblackouts?\b|\bcut\s+off\b")
_OUTAGE_CLAIM = re.compile(r"\b(?:power|electricity|water|heating|gas|internet|outages?|blackouts?|cut\s+off)\b", re.I)
_CLAUSE_START = re.compile(r"[;:]\s*")
_AND_ANOTHER = re.compile(r",?\s(?:and|but)\s+(?:also\s+)?(?:left|cut|knocked|forced|caused|brought|destroyed|damaged|"
                          r"injured|wounded|displaced|stranded)\b")


# What a subject has ("The bank has 200 branches", "a fleet of 40 aircraft") against what was done to them
# ("The strike closed 200 branches"): a verb of the claim's own, just before its figure.
# (Present tense only: "The ferry had 212 passengers aboard when it ran aground" tells of the event.)
_HAS_BEFORE = re.compile(r"\b(?:has|have|operates|operate|owns|own|runs|boasts|"
                         r"(?:a\s+)?(?:fleet|network|chain|stock)\s+of)\s+"
                         r"(?:(?:about|some|around|nearly|almost|roughly|over|more\s+than|just\s+over|just\s+under)\s+)?$")
_EVENT_BEFORE_FIGURE = re.compile(
    r"\b(?:[a-z]{3,}ed|cut|shut|lost|shed|sold|paid|laid\s+off|hit|won|built|made|struck|took|brought)\s+"
    r"(?:(?:about|some|around|nearly|almost|roughly|more\s+than|over|at\s+least|up\s+to|an\s+estimated|a\s+further|"
    r"another)\s+)?(?:[\d$£€]|(?:" + "|".join(sorted((*SMALL, *TENS), key=len, reverse=True)) + r")\b)")
_STANDING_BEFORE_CLAIM = re.compile(r"\b(?:has|have|had|owns?|operates?|runs?|employs?|holds?|with)\s+"
                                    r"(?:(?:about|some|around|nearly|almost|more\s+than|over)\s+)?[\d$£€]")


def harm_conflict(claim_text: str, window: str) -> bool:
    """The claim counts the dead and the source sentence only the hurt, or the other way round."""
    low, window = claim_text.lower(), window.lower()
    killed, hurt = bool(_KILLED.search(low)), bool(_HURT.search(low))
    if killed == hurt:
        return False
    if killed:
        return bool(_HURT.search(window)) and not _KILLED.search(window)
    return bool(_KILLED.search(window)) and not _HURT.search(window)


def other_occasion(claim_text: str, text: str, start: int, end: int, bounds: tuple[int, int], *,
                   same_figure: bool = True) -> bool:
    """Is the source figure ``text[start:end]`` about another occasion than the claim's (see above)?

    ``same_figure``: the source figure agrees with the claim's. Another year alone only says so then: a
    different figure with another year is often the same thing revised ("would supply about 1,500
    households …, and not before 2029" against "nearly 2,400 households by 2027").
    """
    lo, hi = bounds
    for m in _CLAUSE_START.finditer(text, lo, start):
        lo = m.end()
    stop = re.compile(r"[;:]").search(text, end, hi)
    clause = text[lo:stop.start() if stop else hi]
    before = text[max(lo, start - 60):start].lower()
    if _CAPACITY_BEFORE.search(before) and not _CAPACITY_CLAIM.search(claim_text.lower()):
        return True
    low = claim_text.lower()
    standing = _STANDING_CLAIM.search(low) and not (_EVENT_CLAIM.search(low) and not re.search(r"\bemploy", low))
    if _STANDING_BEFORE.search(before) and not standing:
        return True
    if _HAS_BEFORE.search(before) and _EVENT_BEFORE_FIGURE.search(low) and not _STANDING_BEFORE_CLAIM.search(low):
        return True
    if _THIS_YEAR.search(claim_text) and _LAST_YEAR.search(clause) and not _THIS_YEAR.search(text[lo:start]):
        return True
    claim_years = set(_YEAR.findall(claim_text))
    years = set(_YEAR.findall(clause))
    if same_figure and claim_years and years and not claim_years & years:
        return True
    sentence = text[bounds[0]:bounds[1]]
    event = _OTHER_EVENT.search(sentence)
    if event and event.group().lower() not in claim_text.lower():
        return True
    place = _NEIGHBOUR.search(sentence)
    if place and place.group(1) not in claim_text:
        return True
    # "killed fourteen people and left thousands without power": the outage is the next assertion's.
    joined = _AND_ANOTHER.search(clause, end - lo)
    return bool(_OUTAGE.search(clause[: joined.start() if joined else None].lower())) and not _OUTAGE_CLAIM.search(claim_text)


# --- another kind of thing counted in the same sentence ------------------------------------------
# "Police arrested 12 people; 40 officers were injured" does not state that 40 people were arrested:
# a figure whose noun is not the claim's is read with its own clause, which must say what the claim
# says of it. The clause runs between breaks that start another assertion.
# "and" before another count joins two objects of one verb ("treated 60 adults and 12 children").
_AND = (r"and(?!\s+(?:about\s+|some\s+|around\s+|nearly\s+|almost\s+)?(?:[\d$£€]|(?:"
        + "|".join(sorted((*SMALL, *TENS), key=len, reverse=True)) + r")\b))")
_CLAUSE_BEFORE = re.compile(rf"[;:]|\s[-–—]\s|,\s*(?:which|who|while|whereas|but)\b|\s(?:{_AND}|but|after|while|as)\s", re.I)
_CLAUSE_AFTER = re.compile(rf"[;:]|\s[-–—]\s|,\s*(?:which|who|while|whereas|but|{_AND})\b|\s(?:{_AND}|but|after|while|as)\s"
                           r"|,\s*(?:[\w'’-]+\s+){0,4}?(?:said|says|reported|told|confirmed|announced)\b", re.I)
_CLAUSE_REACH = 160


def figure_clause(text: str, start: int, end: int, bounds: tuple[int, int]) -> str:
    """The words of the clause holding ``text[start:end]``, the figure's own words blanked."""
    lo = max(bounds[0], start - _CLAUSE_REACH)
    for m in _CLAUSE_BEFORE.finditer(text, lo, start):
        lo = m.end()
    stop = _CLAUSE_AFTER.search(text, end, min(bounds[1], end + _CLAUSE_REACH))
    hi = stop.start() if stop else min(bounds[1], end + _CLAUSE_REACH)
    return f"{text[lo:start]} {text[end:hi]}"


def noun_elsewhere(claim_noun: str, source_noun: str, nouns_in_sentence: list[str]) -> bool:
    """The claim's noun is counted by another figure of the sentence, so this one, with another
    noun, counts other people or things ("60 adults and 12 children" for "60 children")."""
    if not claim_noun or not source_noun or claim_noun in ("people", "persons") or claim_noun == source_noun:
        return False
    return claim_noun in nouns_in_sentence
