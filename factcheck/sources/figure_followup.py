"""What the sentences after a figure do with it: refute it ("That toll was later withdrawn") or revise it
("Officials initially said 27 died. The toll was later raised to 34").

A source often states a figure in one sentence and answers it in the next, referring back to it ("that
figure", "the toll", "the claim", "this number", "it") rather than repeating it. figure_refute.py reads
the figure's own sentence; these rules read the one or two after it, so a figure refuted there is never
reported as a match, and a figure overtaken by a later count for the same thing reads as a different one.
"""

from __future__ import annotations

import re

from factcheck.sources.figure_units import _base_value, _other_things, units_compatible

__all__ = [
    "answered_lower",
    "competing",
    "first_count",
    "refutation_end",
    "refuted_after",
    "revised_after",
    "revised_from",
    "revision",
    "said_wrong",
    "set_against",
]

# A noun standing for the figure given before ("that figure", "the toll", "the police account"), not one
# with content of its own ("the claim that arson was involved", "the toll from last year's flood", "the
# figure of 60").
_NOUN = (
    r"(?:figures?|numbers?|tolls?|counts?|estimates?|claims?|reports?|accounts?|tall(?:y|ies)|totals?|records|"
    r"statistics?|charges?|allegations?|accusations?|assertions?|versions?|assessments?|tallies|data|results?|findings?|"
    r"sums?|amounts?)"
)
_ANAPHOR = (
    rf"\b(?:that|this|these|those|the|its|their|his|her|such\s+an?)\s+(?:[\w'’-]+\s+){{0,2}}?{_NOUN}\b"
    r"(?!\s+(?:of|for|from|that|about|over|among|to)\b|\s+[\d$£€]|\s+(?:on|in|at)\s+(?!(?:mon|tues|wednes|thurs|fri|"
    r"satur|sun)day|the\s+(?:weekend|time|end|following)|first|last|\d))"
)
_PRONOUN = r"\b(?:it|this|that|these|those|them)\b(?!\s+(?:[a-z]+\s+)?(?:of|[\d$£€]))"
_LATER = r"(?:(?:later|since|now|also|quickly|promptly|widely|publicly|strongly|flatly|firmly|subsequently|quietly|swiftly)\s+)?"
# A verb that takes the figure back or denies it, with the figure as its object.
_REFUTING_VERB = (
    r"(?:withdr[ae]w|withdraws?|withdrawing|retract(?:ed|s|ing)?|den(?:y|ies|ied|ying)|disput(?:e|es|ed|ing)|"
    r"reject(?:s|ed|ing)?|refut(?:e|es|ed|ing)|debunk(?:s|ed|ing)?|contest(?:s|ed|ing)?|disown(?:s|ed|ing)?|"
    r"repudiat(?:e|es|ed|ing)|dismiss(?:es|ed|ing)?|rubbish(?:es|ed|ing)?|dropp(?:ed|ing)|drops?|"
    r"abandon(?:s|ed|ing)?|scrapp(?:ed|ing)|scraps?|walk(?:s|ed|ing)?\s+back|roll(?:s|ed|ing)?\s+back|"
    r"back(?:s|ed|ing)?\s+(?:away|down)\s+from|retreat(?:s|ed|ing)?\s+from|distanc(?:e|es|ed|ing)\s+"
    r"(?:itself|himself|herself|themselves)\s+from|no\s+longer\s+(?:stands?|stood)\s+(?:by|behind)|"
    r"(?:stopped|stops|ceased)\s+(?:citing|using|quoting|repeating)|corrected|called\s+into\s+question|"
    r"questioned|challenged|pour(?:s|ed)?\s+cold\s+water\s+on|cast\s+doubt\s+on|soften(?:s|ed|ing)?|"
    r"ton(?:e|es|ed|ing)\s+down|scal(?:e|es|ed|ing)\s+back|revis(?:e|es|ed|ing)\s+down)"
)
# What the figure is said to be: "... was wrong", "... turned out to be false", "... a gross exaggeration".
_REFUTING_STATE = (
    r"(?:wrong|false|incorrect|untrue|inaccurate|mistaken|erroneous|inflated|exaggerated|overstated|"
    r"misleading|baseless|unfounded|fabricated|bogus|made\s+up|not\s+(?:true|accurate|correct|right)|"
    r"an?\s+(?:\w+\s+)?(?:exaggeration|overestimate|overstatement|error|mistake|fabrication|invention|lie)|"
    r"(?:far\s+|much\s+|way\s+|wildly\s+)?too\s+(?:low|high)|double[- ]counted|counted\s+(?:twice|more\s+than\s+once|"
    r"several\s+times|many\s+times|multiple\s+times))"
)
_COPULA = (
    r"(?:is|was|were|are|had\s+been|has\s+been|have\s+been|proved|proves|proven|turned\s+out\s+to\s+be|"
    r"turns\s+out\s+to\s+be|appears\s+to\s+(?:be|have\s+been)|(?:may|might|could)\s+(?:also\s+)?have\s+been)"
)
_PASSIVE = (
    r"(?:withdrawn|retracted|denied|disputed|rejected|refuted|debunked|contested|disowned|repudiated|dismissed|"
    r"dropped|abandoned|scrapped|discredited|corrected|questioned|challenged|called\s+into\s+question|"
    r"walked\s+back|rolled\s+back|rubbished)"
)
_NOT_HOLDING = r"(?:cannot|can['’]t|could\s+not|couldn['’]t)\s+(?:possibly\s+)?be\s+(?:right|true|correct|accurate)|"
_NOT_HOLDING += r"(?:does|do|did)\s+not\s+(?:hold|stand|add)\s+up|(?:doesn|don|didn)['’]t\s+(?:hold|stand|add)\s+up"

# What a later sentence says of the figure (or of what gave it: "the memo", "the savings").
_REFUTING_STATE = _REFUTING_STATE[:-1] + (
    r"|padded|massaged|fiddled|doctored|cooked|unverified|unsubstantiated|unproven|an?\s+(?:\w+\s+)?(?:forgery|fake|hoax)"
    r"|propaganda|nonsense|rubbish|fiction|fantasy|premature|wide\s+of\s+the\s+mark|off\s+the\s+mark|(?:nowhere\s+near|far\s+from)\s+(?:the\s+truth|accurate|right|correct)"
    r"|not\s+(?:been\s+)?(?:verified|substantiated))"
)
_DOUBTING = r"(?:s[ck]eptical|doubtful|dubious|suspicious|unconvinced|wary)\s+(?:of|about)"
_NOT_BACKED = (
    r"(?:do|does|did|could|can)\s+not\s+(?:support|bear\s+out|back\s+up|corroborate|confirm|match|reflect|reproduce|"
    r"replicate)"
)
_NO_EVIDENCE = r"\bno\s+(?:evidence|proof|trace|record|sign)\s+(?:at\s+all\s+)?(?:for|of|to\s+support|behind)"
# "Independent analysts put the real figure at closer to 400,000."
_TRUER = (
    r"\b(?:put|puts|putting|estimat\w*|place[sd]?)\s+the\s+(?:real|true|actual|correct)\s+" + _NOUN + r"|\bthe\s+"
    # "Engineers say the real toll on housing is far lower."
    r"(?:real|true|actual|correct)\s+(?!estate\b)[\w\s]{0,30}?\b(?:is|was|are|were)\s+(?:likely\s+|probably\s+)?"
    r"(?:(?:far|much|considerably|well|a\s+lot|significantly|substantially)\s+)?(?:lower|higher|smaller|less|fewer|greater|larger)\b(?!\s+than)"
)
# "Ticket data, however, show fewer than 30,000 entries": a check that counted far fewer.
_CHECKED_FEWER = (
    r"\b(?:data|records|figures|images|footage|counts?|survey|audit|analysis|inspection|study|statistics|imagery)\b"
    r"[^.!?]{0,40}?\b(?:show|shows|showed|suggest\w*|indicat\w*|found|find|finds|puts?|reveal\w*|count\w*)\s+"
    r"(?:only|just|barely|merely|no\s+more\s+than|fewer\s+than|less\s+than|under|far\s+fewer|far\s+less|a\s+fraction)\b"
    # "Gauges later recorded just 140 mm": a measurement, not a remark ("staff said only 250 were in use").
    r"|\b(?:recorded|measured|counted|registered|logged|tallied)\s+(?:only|just|barely|merely|no\s+more\s+than)\s+[\d$£€]"
)


def _by_noun(anaphor: str) -> re.Pattern[str]:
    return re.compile(
        rf"{_REFUTING_VERB}\s+{anaphor}"
        rf"|{anaphor}\s+(?:\w+\s+){{0,1}}?(?:{_COPULA}\s+{_LATER}(?:\w+\s+)?(?:{_PASSIVE}|{_REFUTING_STATE})|{_NOT_HOLDING})"
        rf"|(?:call(?:s|ed|ing)?|describ(?:es|ed|ing)|brand(?:s|ed|ing)?|label(?:s|led|ed)?)\s+{anaphor}\s+(?:as\s+)?"
        rf"(?:an?\s+)?(?:\w+\s+)?{_REFUTING_STATE}"
        rf"|{anaphor}{_COUNTED_TWICE}|{_DOUBTING}\s+{anaphor}|{_NOT_BACKED}\s+{anaphor}|{_NO_EVIDENCE}\s+{anaphor}"
        rf"|{_TRUER}|{_CHECKED_FEWER}",
        re.I,
    )


# "The number had been counted several times over", "the figure may have included people counted twice".
_COUNTED_TWICE = (
    r"[^.!?]{0,60}?\b(?:double[- ]count\w*|counted\s+(?:twice|more\s+than\s+once|several\s+times|many\s+times|"
    r"multiple\s+times))"
)
_BY_NOUN = _by_noun(_ANAPHOR)
_CONTENT = re.compile(r"\b[a-z][a-z-]{3,}\b")
_NOT_NOUNS = frozenset(
    [
        "said",
        "says",
        "that",
        "this",
        "with",
        "from",
        "have",
        "been",
        "were",
        "will",
        "would",
        "could",
        "their",
        "there",
        "they",
        "them",
        "what",
        "when",
        "which",
        "about",
        "after",
        "before",
        "also",
        "into",
        "than",
        "then",
        "more",
        "most",
        "some",
        "such",
        "only",
        "over",
        "under",
        "last",
        "first",
        "year",
        "years",
        "told",
        "added",
    ]
)


# A thing of the figure's own sentence named again ("the memo", "the savings"): the noun is checked against
# that sentence's words after the match, so one pattern serves every sentence.
_BACK = (
    r"\b(?:the|that|this|these|those|its|their|any)\s+(?:[\w-]+\s+)?(?P<noun>[a-z][a-z-]{3,})"
    r"(?=\s*(?:[.,;:!?]|$)|\s+(?:was|were|is|are|had|has|have|been|could|may|might|turned|proved)\b)"
)
# Only what calls it false: a plan or a proposal "was withdrawn" or "rejected" says nothing of the figure.
_BY_BACK_NOUN = (
    re.compile(rf"{_BACK}\s+(?:\w+\s+){{0,1}}?{_COPULA}\s+{_LATER}(?:\w+\s+)?{_REFUTING_STATE}", re.I),
    re.compile(rf"(?:{_NO_EVIDENCE}|{_DOUBTING}|{_NOT_BACKED})\s+{_BACK}", re.I),
)


def _root(word: str) -> str:
    """A word without its inflection, so that "the savings" names what "saved" did."""
    for suffix in ("ings", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _refutes_back(sentence: str, nouns: frozenset[str]) -> bool:
    roots = {_root(n) for n in nouns}
    return any(
        (m.group("noun").lower() in nouns or _root(m.group("noun").lower()) in roots) and not _negated(sentence, m)
        for pattern in _BY_BACK_NOUN
        for m in pattern.finditer(sentence)
    )


# "Police denied this", "The commission rejected it", "That was later withdrawn": a pronoun, read only in the
# sentence right after one that reports the figure.
_BY_PRONOUN = re.compile(
    rf"{_REFUTING_VERB}\s+{_PRONOUN}"
    r"|\b(?:corrected|contradicted|rebutted|refuted|disputed|challenged)\s+(?:him|her|them)\b"
    rf"|{_DOUBTING}\s+{_PRONOUN}|{_NOT_BACKED}\s+{_PRONOUN}"
    r"|\bno\s+(?:evidence|proof|basis|support)\s+(?:for|of|to\s+support|behind)\s+(?:this|that|it|these|those)\b"
    rf"|^\s*(?:but\s+|however,?\s+)?(?:it|this|that)\s+{_COPULA}\s+{_LATER}(?:\w+\s+)?(?:{_PASSIVE}|{_REFUTING_STATE})"
    # "A police spokesman later said this was an error", "The ministry insisted it was wrong".
    r"|\b(?:said|says|say|insisted|insists|added|admitted|admits|conceded|concedes|acknowledged|stated|explained)\s+"
    rf"(?:that\s+)?(?:it|this|that)\s+{_COPULA}\s+{_LATER}(?:\w+\s+)?(?:{_PASSIVE}|{_REFUTING_STATE})"
    # "Independent monitors said it was much lower": the figure, said to be another size.
    r"|\b(?:said|says|say|insisted|insists|believe[sd]?|reckon(?:s|ed)?|estimated?|argued?|argues|think|thinks|thought)\s+"
    r"(?:that\s+)?(?:it|this|that|they)\s+(?:was|is|were|are|had\s+been|would\s+be)\s+(?:likely\s+|probably\s+)?"
    r"(?:far|much|considerably|well|a\s+lot|significantly|substantially)\s+(?:lower|higher|smaller|less|fewer|greater|larger)\b"
    r"(?!\s+than)"
    # "Auditors disagree.", "Economists beg to differ": a dispute with no object but the figure.
    r"|\b(?:disagree[sd]?|beg(?:s|ged)?\s+to\s+differ)(?=\s*(?:[.,;!?]|$)|\s+with\s+(?:it|this|that|him|her|them)\b)",
    re.I,
)
# A denial denied, or kept: "No party has challenged the figure", "The toll has not been disputed".
_NEGATED = re.compile(r"\b(?:no|not|nobody|none|never|neither|nor|without)\b|n['’]t\b", re.I)
# The figure's own sentence gives it as someone's statement ("officials said", "organisers claimed").
_REPORTED = re.compile(
    r"\b(?:said|says|say|claimed|claims|claim|announced|announces|reported|reports|told|alleged|alleges|allege|"
    r"spoke\s+of|speak\s+of|according\s+to|estimated|insisted|stated|put\s+(?:the|its)|posts?|rumou?rs?|published|"
    r"gave|given|cited|quoted)\b",
    re.I,
)
_SENTENCE = re.compile(r"(?:[^.!?]|[.!?](?!\s|$))*(?:[.!?]|$)")  # "1.5 tonnes" ends no sentence
_DIGIT = re.compile(r"\d")


def _sentences(text: str, start: int, count: int) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    at = start
    while len(out) < count and at < len(text):
        m = _SENTENCE.match(text, at)
        if not m or not m.group().strip():
            break
        out.append((m.start(), m.group()))
        at = m.end()
    return out


# Negations that are the refutation itself: "no longer stand by", "no evidence of", "does not support".
_SAYS_NO = re.compile(
    r"^(?:no\s+(?:longer|evidence|proof|basis|support|trace|record|sign)|(?:do|does|did|could|can)\s+not)\b", re.I
)


def _negated(sentence: str, m: re.Match[str]) -> bool:
    """Is the refutation denied in its own clause ("No party has challenged the figure")?"""
    clause = re.split(r"[;:,]\s|\s(?:and|but|while|which|who)\s", sentence[: m.start()])[-1]
    return bool(_NEGATED.search(clause) or _NEGATED.search(_SAYS_NO.sub("", m.group())[:12]))


def _refutes(sentence: str, pattern: re.Pattern[str]) -> bool:
    return any(not _negated(sentence, m) for m in pattern.finditer(sentence))


def refuted_after(text: str, bounds: tuple[int, int]) -> int:
    """Does one of the two sentences after the figure's refute it by referring back to it? The second only
    when the first holds no figure of its own (which "that figure" could then mean). Gives where the
    refuting words end (0 for no)."""
    sentence = text[bounds[0] : bounds[1]]
    # "...; they have quietly stopped repeating the figure": a clause of its own later in the sentence.
    later = re.search(r";\s|\s[-–—]\s", sentence)
    if later and not _DIGIT.search(sentence, later.end()) and _refutes(sentence[later.end() :], _BY_NOUN):
        return bounds[1]
    nouns = frozenset(w for w in _CONTENT.findall(sentence.lower()) if w not in _NOT_NOUNS)
    for n, (at, following) in enumerate(_sentences(text, bounds[1], 2)):
        if (
            _refutes(following, _BY_NOUN)
            or _refutes_back(following, nouns)
            or (n == 0 and _REPORTED.search(sentence) and _refutes(following, _BY_PRONOUN))
        ):
            return at + len(following.rstrip())
        if _DIGIT.search(following):
            return 0
    return 0


def refutation_end(text: str, bounds: tuple[int, int]) -> int:
    """Where the later sentence refuting the figure ends: the passage a reviewer reads must hold it."""
    end = refuted_after(text, bounds)
    if end:
        return end
    following = _sentences(text, bounds[1], 1)
    return following[0][0] + len(following[0][1].rstrip()) if following else bounds[1]


# A figure given as the first of two: "initially said 27", "first estimated at 2.4 percent", "an early count
# of 150" ("the first half", "its first 40 staff" are no first counts).
_FIRST = re.compile(
    r"\b(?:initially|originally|at\s+first|preliminary|provisional|"
    r"(?:first|earlier|early|initial)\s+(?:[\w'’-]+\s+)?(?:said|says|reported|put|estimated|estimates?|given|gave|spoke|"
    r"mapped|counted|announced|quoted|stated|count|toll|tally|figures?|reports?|accounts?|assessment))\b"
    r"|(?<![\u05d0-\u05ea\u0621-\u064a])(?:في\s+البداية|بداية|في\s+وقت\s+سابق|الاولية|الأولية|الاولي|الأولي|"
    r"בתחילה|בהתחלה|תחילה|לראשונה|ה?ראשונית|ה?ראשוני|ה?ראשוניים|ה?ראשוניות)(?![\u05d0-\u05ea\u0621-\u064a])",
    re.I,
)
# The later figure for the same thing: "was later raised to 34", "has risen to 17", "revised it down to 1.7".
_RAISED_TO = re.compile(
    r"\b(?:rais(?:e|es|ed|ing)|revis(?:e|es|ed|ing)|ris(?:e|es|ing)|rose|risen|climb(?:s|ed|ing)?|increas(?:e|es|ed|ing)|"
    r"upgrad(?:e|es|ed|ing)|downgrad(?:e|es|ed|ing)|lower(?:s|ed|ing)?|cut|jump(?:s|ed)?|grew|grown|expand(?:s|ed|ing)?|"
    r"lift(?:s|ed)?|updat(?:e|es|ed|ing)|correct(?:s|ed|ing)?|now\s+(?:stands?|stood|puts?))\b[^.;!?\d]{0,40}?"
    r"\b(?:to|at)\s+(?:about\s+|around\s+|some\s+|at\s+least\s+|more\s+than\s+|nearly\s+)?[\d$£€]"
    r"|(?:رفعت|رفع|ارتفعت|ارتفع|عدلت|عدل|عدله|عدلها|حدثت|تم\s+تحديث|خفضت|خفض|עודכן|עודכנה|עודכנו|עלה|עלתה|עלו|"
    r"הועלה|הועלתה|תוקן|תוקנה|הופחת|הופחתה)[^.;!?\d]{0,40}?(?:الى|إلى|ل-?|ל-?)\s*[\d]",
    re.I,
)
# "expanded the recall from 90,000 cars to 215,000", "revised from 420 to 780": a count revised, not a series
# ("the population grew from 40,000 to 52,000" says the first figure was true then).
_REVISED_FROM = re.compile(
    r"\b(?:revis\w*|expand\w*|updat\w*|upgrad\w*|extend\w*|correct\w*|rais(?:ed|es|ing)\s+(?:[\w'’-]+\s+){0,3}?)"
    r"[^.;!?\d]{0,40}?\bfrom\s*$|(?:הרחיב|הרחיבה|הרחיבו|עדכן|עדכנה|وسع|وسعت|عدل|عدلت)[^.;!?\d]{0,40}?(?:מ-?|من)\s*$",
    re.I,
)
_FIGURE_NOUN_OR_IT = re.compile(_ANAPHOR + r"|\b(?:it|that|them)\b|(?:الحصيلة|العدد|الرقم|המספר|מספר|הנתון)", re.I)


def _plain(text: str) -> str:
    """Arabic without its vowel marks and tatweel ("رُفعت" is "رفعت"), for the revision words."""
    return re.sub("[\u064b-\u0652\u0640]", "", text)


def _up_to_figure(after: str) -> str:
    """The words after a figure up to the next one: in "71 percent, not 64 percent as first reported" the
    first report is the 64's."""
    m = _DIGIT.search(after)
    return after[: m.start()] if m else after


# "112 ..., revising an earlier figure of 97", "23 dead, up from an earlier toll of 17": the first-count words
# after a figure name the figure they lead to, not this one.
_REPLACES = re.compile(r"\b(?:revis\w*|replac\w*|correct\w*|updat\w*|from|than|over)\s+(?:an?\s+|the\s+|its\s+|their\s+)?$", re.I)


def _first_after(after: str) -> bool:
    """Do the words after a figure, up to the next one, call it a first count ("27, as first reported")?"""
    words = _up_to_figure(after)
    m = _FIRST.search(words)
    return bool(m) and not _REPLACES.search(words[: m.start()])


def revised_after(text: str, q: dict, bounds: tuple[int, int]) -> bool:
    """Is this figure a first count the source then revises ("Officials initially said 27 people died. The
    toll was later raised to 34", "expanded the recall from 90,000 cars to 215,000")? The caller compares
    the later figure: one revised upwards was overtaken (a different figure), one revised down refuted."""
    before = _plain(text[max(bounds[0], q["start"] - 60) : q["start"]])
    own = _plain(text[q["end"] : bounds[1]])
    if _REVISED_FROM.search(before) and re.match(r"\s*(?:[^\W\d]+\s+){0,3}?(?:to|ל-?|الى|إلى)\s*[\d$£€]", own):
        return True
    if not _FIRST.search(before) and not _first_after(own[:40]):
        # "That estimate was later revised to 290": named again in the next sentence, no first-count word needed.
        following = _sentences(text, bounds[1], 1)
        if not following:
            return False
        m = _RAISED_TO.search(following[0][1])
        return bool(m and re.search(_ANAPHOR, following[0][1][: m.start() + 1], re.I))
    if _RAISED_TO.search(own):
        return True
    following = _sentences(text, bounds[1], 1)
    if following:
        sentence = _plain(following[0][1])
        m = _RAISED_TO.search(sentence)
        return bool(m and _FIGURE_NOUN_OR_IT.search(sentence[: m.end()]))
    return False


# "cut their estimate of the harvest to 31 million tonnes from 35 million", "the death toll rose to 63 from 48",
# "ارتفعت الحصيلة إلى 63 بعد أن كانت 48", "מספר ההרוגים עלה ל-63, לעומת 48": the figure after "from" is the
# count before the revision (a count or an estimate: "exports rose to $5bn from $4bn" is a series, and says
# nothing against the $4bn).
# "from an initial 500" names the count the revision started from, as "from 500" does.
_FROM = re.compile(r"(?:\bfrom(?:\s+(?:an?|the|its|their))?(?:\s+(?:initial|earlier|original|first|previous|provisional))?"
                   r"|\bup\s+from|\bdown\s+from|بعد\s+[اأ]ن\s+كانت?|مقابل|לעומת|(?<![\u05d0-\u05ea])מ-?)\s*$")
_COUNT_NOUN = re.compile(
    r"\b(?:tolls?|estimates?|forecasts?|projections?|counts?|tall(?:y|ies)|figures?|numbers?|recall|outlook|guidance)\b"
    r"|(?:حصيلة|الحصيلة|عدد|العدد|تقدير|التقدير|توقعات|מספר|הערכת|ההערכה|תחזית|התחזית)",
    re.I,
)
_TO_FIGURE = re.compile(r"(?:\bto|\bat|الى|إلى|(?<![\u05d0-\u05ea])ל-?)\s*(?:about\s+|around\s+|some\s+)?[\d$£€]", re.I)


def revised_from(text: str, q: dict, bounds: tuple[int, int]) -> bool:
    """Is the figure the count a revision started from ("... to 31 million tonnes from 35 million")?"""
    before = _plain(text[bounds[0] : q["start"]])
    if not _FROM.search(before[-30:]):
        return False
    return bool(_RAISED_TO.search(before) or _TO_FIGURE.search(before)) and bool(_COUNT_NOUN.search(before))


_CONTRARY = re.compile(r"\b(?:contrary\s+to|unlike|despite)\b|בניגוד\s+ל|خلافا\s+ل|على\s+عكس", re.I)


def first_count(text: str, q: dict, bounds: tuple[int, int]) -> bool:
    """Is the figure given as a first count ("Earlier reports had put the toll at 80", "Provisional results
    gave the party 44 percent", "initially said 27")?"""
    before = _plain(text[max(bounds[0], q["start"] - 60) : q["start"]])
    if _CONTRARY.search(before):
        return False  # "Contrary to first reports, 30 were killed": the figure is the correction
    return bool(_FIRST.search(before) or _first_after(_plain(text[q["end"] : min(bounds[1], q["end"] + 40)])))


# Words that call the first count wrong, not merely overtaken: it stays refuted whatever came after it.
_SAID_WRONG = re.compile(
    r"\b(?:wrong|mistaken|false|incorrect|inaccurate|untrue|exaggerat\w*|inflated|overstated|unfounded|baseless|"
    r"misreport\w*|double[- ]count\w*|erroneous|error|withdr[ae]wn?|retract\w*|denied|disputed|halved)\b",
    re.I,
)


def said_wrong(text: str, bounds: tuple[int, int]) -> bool:
    return _SAID_WRONG.search(text, bounds[0], bounds[1]) is not None


_SET_AGAINST = re.compile(r"\s*[,،]?\s*(?:not|and\s+not|rather\s+than|instead\s+of|from|ולא|לא|وليس|ليس|لا)\s*")


def _raised_to_here(between: str) -> bool:
    """Does the text between two figures end in a revision of the first to the second ("..., then revised the
    figure to 8")? Only within the sentence: the next one counts on its own."""
    m = _RAISED_TO.search(between)
    return bool(m and m.end() == len(between) and not re.search(r"[.!?]\s", between))


def set_against(text: str, found: list[dict]) -> list[dict]:
    """A bare number set against the figure before it takes its unit: "eight weeks, not 14" is 14 weeks, "to 31
    million tonnes from 35 million" 35 million tonnes, "120 shops ..., then revised the figure to 85" 85 shops."""
    out = list(found)
    for i in range(1, len(out)):
        q, before = out[i], out[i - 1]
        between = _plain(text[before["end"] : q["start"] + 1]).lstrip(" ,،")
        if (
            q["unit"] is None
            and before["unit"]
            and (
                _SET_AGAINST.fullmatch(text, before["end"], q["start"])
                or (q["kind"] == before["kind"] and _raised_to_here(between))
            )
        ):
            out[i] = dict(q, unit=before["unit"], kind=before["kind"])
    return out


# "not 64 percent as first reported": refuted where it stands, whatever count came later.
_NEGATED_HERE = re.compile(
    r"\b(?:not|rather\s+than|instead\s+of|nowhere\s+near)\s+(?:the\s+|an?\s+)?[^\s\d]{0,12}\s*$|n['’]t\s*$", re.I
)


def _same_things(a: str, b: str) -> bool:
    """Two units counting the same ("people" and "deaths", "houses" and "homes")."""
    return units_compatible(a, b) or not _other_things(a, b)


_REPLACING = re.compile(r"\b(?:revis\w*|updat\w*|final|later|correct\w*|confirm\w*|now|since|raised|lowered|amended|"
                        r"official\w*|actual|true|real|subsequent\w*|eventually|ultimately|turned\s+out|rose|risen|climbed|"
                        r"fell|dropped|stands|stood|count\w*|tally|total|toll)\b|[\u0590-\u06ff]", re.I)
_MARGIN = re.compile(r"\s*(?:short\s+of|below|above|under|over|more\s+than|less\s+than|fewer\s+than|higher\s+than|"
                     r"lower\s+than|ahead\s+of|behind|up\s+on|down\s+on|off)\s+(?:the|a|an|its|their|last|this)\b", re.I)


def margin(text: str, q: dict) -> bool:
    """Is ``q`` the gap between two values ("0.4°C short of the record", "3 points ahead of the rival")?"""
    return _MARGIN.match(text, q["end"]) is not None


def revision(text: str, found: list[dict], i: int, bounds: list[tuple[int, int]], label: str) -> tuple[str, int]:
    """For a figure the source gives as a first count, "different" when the count it then gives for the same
    thing is higher (overtaken), "contradicts" when lower (revised down: refuted), "" when it gives none or
    calls the first one wrong; and the later count's index. The later count is the nearest of a compatible unit in the figure's
    sentence or the next one (for "Earlier reports had put the toll at 80", the one before, too)."""
    sq, (lo, hi) = found[i], bounds[i]
    if label == "contradicts" and (
        said_wrong(text, bounds[i]) or _NEGATED_HERE.search(text, max(lo, sq["start"] - 25), sq["start"])
    ):
        return "", -1
    if revised_after(text, sq, bounds[i]):
        after = [j for j in range(i + 1, len(found)) if found[j]["start"] <= hi + 300]
        order = [j for j in after if bounds[j][0] <= _next_end(bounds, i)]
    elif revised_from(text, sq, bounds[i]):
        order = [j for j in range(i - 1, -1, -1) if bounds[j] == bounds[i]]
    elif first_count(text, sq, bounds[i]):
        near = [j for j in range(len(found)) if j != i and bounds[j][0] >= lo - 300 and bounds[j][1] <= _next_end(bounds, i)]
        order = sorted(near, key=lambda j: abs(found[j]["start"] - sq["start"]))
    else:
        return "", -1
    for j in order:
        later = found[j]
        if margin(text, later):
            continue  # "47.3°C, 0.4°C short of the national record": a gap between two values, no count
        if (bounds[j] != bounds[i] and later["start"] > sq["end"] and not revised_after(text, sq, bounds[i])
                and not revised_from(text, sq, bounds[i]) and not _REPLACING.search(text, bounds[j][0], later["start"])):
            # A first count is replaced by one the next sentence gives as such ("The final count was 6,300"), not by
            # any figure of it ("Overnight the minimum did not fall below 31°C" after a provisional maximum).
            continue
        if later["kind"] != sq["kind"] or (later["unit"] and sq["unit"] and not _same_things(sq["unit"], later["unit"])):
            continue  # "a week later" is no count of flights
        if first_count(text, later, bounds[j]) and j != i + 1:
            continue  # another first count, not the one that replaced it
        old, new = _base_value(sq["value"], sq["unit"]), _base_value(later["value"], later["unit"] or sq["unit"])
        if new != old:
            return ("different" if new > old else "contradicts"), j
    return "", -1


def _next_end(bounds: list[tuple[int, int]], i: int) -> int:
    """Where the sentence after figure ``i``'s ends (its own end when no figure lies beyond)."""
    hi = bounds[i][1]
    later = [b for b in bounds[i + 1 :] if b[0] > hi]
    return later[0][1] if later else hi


# Who gives a count: "police put the crowd at", "herders say", "the IMF's estimate is", "according to".
_GIVES = re.compile(
    # ("police-recorded burglaries", "recorded crime": an adjective, which gives no figure of its own.)
    # ("On count 2, theft, 3 years": a charge of an indictment, numbered, gives no count.)
    r"\b(?:say|says|said|claim|claims|claimed|put|puts|estimat\w*|counts?(?!\s+(?:\d|one|two|three|four|five|six)\b)|"
    r"counted|reports|report|"
    r"(?<!-)(?:recorded|reported)(?!\s+(?!(?:a|an|the|its|their|about|some|around|nearly|more|over|at|in|by|on|as|that|"
    r"only|just|almost|up|to|for|fewer|less|than|after|since|last|this|earlier|previously)\b)[a-z]{3,})|records|verified|spoke\s+of|speaks\s+of|according\s+to|tally|toll|figure)\b"
    r"|(?<![\u05d0-\u05ea\u0621-\u064a])(?:ו|ה|ש|و|ف)?(?:טען|טענה|טענו|אמר|אמרה|אמרו|מסר|מסרה|מסרו|העריך|העריכה|העריכו|ספרו|לפי|"
    r"قال|قالت|قالوا|ذكر|ذكرت|اعلن|أعلن|اعلنت|أعلنت|قدر|قدرت|بحسب|وفق|حسب)(?![\u05d0-\u05ea\u0621-\u064a])",
    re.I,
)
# (", a number its own annual report puts at 38,000": an appositive giving the figure another source gives.)
_CLAUSE_START = re.compile(r"[;:؛]\s*|,\s*(?=(?:a|the)\s+(?:number|figure|total|tally|count|claim)\b)|"
                           r"[,،]\s*(?:while|whereas|but|and)\s+|\s(?:while|whereas)\s+|[.!?]\s+|[,،]\s*(?=[וو]\S)")
_DENYING = re.compile(
    r"\b(?:not|no|never|den(?:y|ies|ied|ying)|false|wrong|reject\w*|dismiss\w*|disput\w*)\b"
    r"|(?<![\u05d0-\u05ea\u0621-\u064a])(?:ו|و)?(?:לא|אין|הכחיש\S*|لا|لم|ليس|نفى|نفت)(?![\u05d0-\u05ea\u0621-\u064a])",
    re.I,
)


def _clause_start(text: str, start: int, lo: int) -> int:
    cut = lo
    for m in _CLAUSE_START.finditer(text, lo, start):
        cut = m.end()
    return cut


_ONLY_BEFORE = re.compile(r"\b(?:only|just|barely|merely|fewer\s+than|less\s+than|no\s+more\s+than|at\s+most)\s*$", re.I)


def answered_lower(text: str, found: list[dict], i: int, j: int) -> bool:
    """Is the other side's count a smaller one set against this ("The bank said fewer than 40 shut")? Then it
    disputes the figure rather than merely differing."""
    other = found[j]
    if other["value"] >= found[i]["value"]:
        return False
    # "... suggest the crowd was far fewer than the organisers claimed, peaking at 20,000": the words between
    # the two counts set the second against the first.
    between = text[found[i]["end"] : other["start"]]
    return other["qualifier"] in ("less_than", "at_most") or bool(
        _ONLY_BEFORE.search(text[max(0, other["start"] - 20) : other["start"]]) or _FEWER_THAN_CLAIMED.search(between)
    )


# "far fewer than the organisers claimed", "much lower than officials said": a count answered as too high.
_FEWER_THAN_CLAIMED = re.compile(
    r"\b(?:(?:far|much|well|many|considerably|substantially)\s+(?:fewer|less|lower|smaller)|(?:fewer|less|lower|smaller))"
    r"\s+than\s+(?:the|what|its|their|his|her)\s+(?:[\w'’-]+\s+){0,3}?(?:claimed|said|announced|stated|reported|suggested|"
    r"estimated|put\s+it|gave|cited)\b", re.I)


_GIVEN_AFTER = re.compile(r"\s*,\s*(?:the\s+|its\s+|an?\s+)?(?:[\w'’-]+\s+){0,3}?(?:found|finds|showed|shows|said|says|"
                          r"concluded|reported|estimated|calculated)\s*[.!?]?\s*$")


def competing(text: str, found: list[dict], i: int, bounds: list[tuple[int, int]]) -> int:
    """The index of a count another source gives for the same thing, set against this one in a clause of
    its own ("Organisers said 10,000 marched; police put the crowd at 3,500"), or -1. The passage then
    holds two figures, and asserts neither: the claim's figure differs from one of them."""
    sq, lo = found[i], bounds[i][0]
    own = text[_clause_start(text, sq["start"], lo) : sq["start"]]
    if not _GIVES.search(own) or _DENYING.search(own):
        return -1
    reach = _next_end(bounds, i)
    for j in range(i + 1, len(found)):
        other = found[j]
        if bounds[j][0] > reach:
            break
        if other["kind"] != sq["kind"] or other["value"] == sq["value"] or margin(text, other):
            continue
        if other["unit"] and sq["unit"] and not _same_things(sq["unit"], other["unit"]):
            continue
        cut = _clause_start(text, other["start"], lo)
        theirs = text[cut : other["start"]]
        # "...; across all patients, the reduction was 12 percent, the regulator found": the source given after it.
        tail = _GIVEN_AFTER.match(text, other["end"], bounds[j][1])
        if cut < sq["end"] or not (_GIVES.search(theirs) or tail) or _DENYING.search(theirs):
            continue  # the other end of a range ("30 to 40 boats"), or a yardstick ("up from 187")
        return j
    return -1
