"""Is a figure someone gave answered, in the next sentences, by a source that rejects it?

Copy that reports a figure ("Union leaders said 340 schools had shut", "Organisers boasted that 75,000 came",
"'100,000 people,' the organisers tweeted") and then rejects it rarely repeats the figure or uses one fixed
phrase: "The education department's register tells a different tale: 58 schools closed", "That is simply not
so", "Ticket sales suggest nothing of the kind", "The statistics office begs to differ". What these share is
their shape, not their words: the figure is given by someone (a reporting verb or quotation marks), and a
sentence right after it holds a word of dispute *and* is about the figure (it refers back to it, names the
thing it counts, or gives another count of that thing). Such a figure is disputed, never a match: a false
"matches" costs a newsroom far more than a false doubt.
"""

from __future__ import annotations

import bisect
import re

from factcheck.sources.figure_followup import _ANAPHOR
from factcheck.sources.figure_units import _stem, units_compatible

__all__ = ["answered_later"]

# Someone gives the figure: "said", "boasted that", "spoke of", "allege", "tweeted", "according to".
_GIVEN_BY = re.compile(
    r"\b(?:say|says|said|saying|claim\w*|boast\w*|alleg\w*|insist\w*|assert\w*|spoke\s+of|spoken\s+of|speak\w*\s+of|"
    r"tweet\w*|post(?:ed|s)|wrote|told|announc\w*|cite[sd]?|citing|quot\w*|tout\w*|trumpet\w*|according\s+to|"
    r"suggest(?:ed|s)|estimat\w*|put\s+the|puts\s+the)\b",
    re.I,
)
_QUOTED = re.compile(r"(?<![\w'’])['‘\"“](?:[\w'’-]+\s+){0,3}$")
# A word of dispute in a later sentence. (Not "only" or "however" alone: "Only 12 stayed open" may be a detail.)
_DISPUTE = re.compile(
    r"\b(?:false|untrue|not\s+(?:true|so|the\s+case|accurate|correct|right)|wrong|incorrect|inaccurate|mistaken|"
    r"misleading|exaggerat\w*|overstat\w*|inflated|overblown|invent\w*|fabricat\w*|fiction|fantasy|myth|"
    r"absurd|ridiculous|preposterous|laughable|nonsense|rubbish|implausible|not\s+(?:credible|plausible|believable)|"
    r"far-fetched|fanciful|unrealistic|dubious|unreliable|"
    r"baseless|unfounded|groundless|no\s+(?:evidence|basis|sign|record|trace)|nothing\s+(?:of\s+the\s+kind|like|of\s+the\s+sort)|"
    r"no\s+such|not\s+borne\s+out|(?:did|does|do)\s+not\s+(?:survive|hold\s+up|add\s+up|stand\s+up)|"
    r"(?:has|have|had)\s+not\s+(?:held|stood)\s+up|double[- ]count\w*|counted\s+twice|"
    r"differ(?:s|ed)?\b|a\s+different\s+(?:tale|story|picture|account)|begs?\s+to\s+differ|"
    r"(?:removed|deleted|taken\s+down|withdrawn|retracted)|"
    r"(?:the|a)\s+(?:true|real|actual|correct)\s+(?!estate\b|terms\b)[a-z]{3,}(?:\s+[a-z]+){0,3}?\s+(?:is|was|were|are|"
    r"stood|stands|lies|lay)\b[^.!?\d]{0,30}\d[\d,]*|"
    r"(?:the|a)\s+(?:lower|smaller|more\s+modest)\s+(?:estimate|figure|number|count)|"
    r"never\s+more\s+than\s+a\s+guess|a\s+guess|a\s+projection|(?:far|much|well)\s+(?:fewer|less|lower|smaller))\b",
    re.I,
)
# A verb of dispute counts only with the figure as its object ("strongly disputes this", "rejected the union's
# number"), not another ("Lawyers rejected the charges", "denied that the warning system had failed").
_VERB_OF_DISPUTE = (
    r"\b(?:disput\w*|den(?:y|ies|ied|ying)|reject\w*|dismiss\w*|contradict\w*|refut\w*|debunk\w*|rebut\w*|"
    r"challeng\w*|question(?:s|ed|ing)|doubt(?:s|ed|ing))\s+(?:(?:strongly|flatly|firmly)\s+)?"
)
_DISPUTING_VERB = re.compile(
    _VERB_OF_DISPUTE + r"(?:(?:it|this|them)\b(?!\s+(?:was|were|is|are|had|has|have|would|could|will)\b)|that(?=\s*[,.;:!?])|"
    r"(?:that|this|the|their|its|his|her|such\s+an?)\s+(?:[\w'’-]+\s+){0,2}?(?:figure|number|estimate|claim|count|total|"
    r"tally|toll|statistic|assertion)s?\b(?!\s+(?:of|for|from|that|about|over|among|to)\b|\s+[\d$£€]))",
    re.I,
)
# Words that reject what was just said all by themselves: "No poll supports that", "The jury ... was not
# persuaded", "the union's figure counted contractors", "the company's total included vehicles still in its yards".
_SELF_DISPUTE = re.compile(
    r"\b(?:no|nothing|none)\s+(?:[\w'’-]+\s+){0,2}?(?:supports?|backs?\s+up|bears?\s+out|corroborates?|confirms?)\s+"
    r"(?:that|this|it|them|the\s+(?:figure|claim|number|estimate|total))\b|"
    r"\b(?:was|were|is|are|remains?|remained)\s+(?:(?:still|clearly|plainly)\s+)?(?:not\s+(?:persuaded|convinced)|"
    r"unconvinced|unpersuaded)\b|\bacquitt(?:ed|al)\b|"
    r"\b(?:that|this|the|their|its|his|her)\s+(?:[\w'’-]+\s+){0,2}?(?:figure|number|estimate|claim|count|total|tally|toll)s?\s+"
    r"(?:also\s+|wrongly\s+)?(?:counted|included|includes|lumped\s+in|mixed|double[- ]counted|conflated)\b",
    re.I,
)
# A record that counts: "Its own delivery logs record about 14,000 parcels", "Satellite imagery ... is consistent
# with no more than 8,000". A far smaller count from one, right after a figure someone gave, answers it.
_RECORD = re.compile(
    r"\b(?:data|records?|logs?|registers?|accounts|inventory|imagery|images|footage|census|survey|audit|filings?|"
    r"statistics|figures|counts?|tallies|ledgers?|invoices|payroll|returns)\b",
    re.I,
)
_FAR_SMALLER = 0.5
_FAR_SMALLER_FLOOR = 0.02
_PART_OF = re.compile(r"\s+of\s+(?:them|those|these|the|its|their)\b", re.I)
# ... set against the figure: "its own logs", "no more than 8,000" ("Court records show 45 have been charged" is a
# detail of the arrests, no answer to them).
_OWN = re.compile(r"\bown\s+(?:[\w'’-]+\s+){0,2}$", re.I)
_LIMITED = re.compile(
    r"\b(?:only|just|merely|barely|no\s+more\s+than|at\s+most|fewer\s+than|less\s+than|under|little(?:\s+more\s+than)?)\s*"
    r"(?:about\s+|around\s+|some\s+|roughly\s+)?$",
    re.I,
)
# A dispute that itself points back at what was said: "Ticket sales suggest nothing of the kind", "The
# statistics office begs to differ", "the true peak was 48,000".
_POINTS_BACK = re.compile(
    r"\b(?:nothing\s+(?:of\s+the\s+kind|of\s+the\s+sort|like\s+(?:it|that|this))|no\s+such|not\s+so|otherwise|"
    r"a\s+different\s+(?:tale|story|picture|account)|begs?\s+to\s+differ|"
    r"(?:the|a)\s+(?:true|real|actual|correct)\s+(?!estate\b|terms\b)[a-z]{3,}(?:\s+[a-z]+){0,3}?\s+(?:is|was|were|are|"
    r"stood|stands|lies|lay)\b[^.!?\d]{0,30}\d[\d,]*|"
    r"(?:the|a)\s+(?:lower|smaller|more\s+modest)\s+(?:estimate|figure|number|count))\b",
    re.I,
)
# The dispute denied ("nobody disputes", "did not deny", "no one has questioned"): the figure stands.
_DISPUTE_DENIED = re.compile(
    r"\b(?:no|not|nobody|none|never|neither|nor)\s+(?:[\w'’-]+\s+){0,2}?$|n['’]t\s+(?:[\w'’-]+\s+){0,1}?$", re.I
)
# The later sentence agrees: "police agreed", "confirmed the count", "in line with".
_AGREES = re.compile(
    r"\b(?:confirm\w*|agree[sd]?|corroborat\w*|bears?\s+(?:it\s+)?out|bore\s+(?:it\s+)?out|in\s+line\s+with|"
    r"consistent\s+with|match(?:es|ed)\s+(?:it|that|the)|verif(?:y|ies|ied))\b",
    re.I,
)
# It refers back to the figure: "That is not so", "the activists' number", "puts it at" (not a noun with content
# of its own: "the claim that the warning came late", "its report on emissions").
_BACK = re.compile(
    r"^\W*(?:that|this|it)(?:['’]s|\s+is|\s+was)\b|"
    + _ANAPHOR
    + r"|\b(?:put|puts|putting|place[sd]?)\s+(?:it|them|the\s+(?:number|figure|total|count))\s+at\b",
    re.I,
)
_SENTENCE = re.compile(r"(?:[^.!?\n]|[.!?](?![\s'’\"”]|$))*(?:[.!?]['’\"”]?|\n|$)")
_WORD = re.compile(r"[a-z][a-z'-]{3,}")
# A question the figure's sentence asks, answered "No." ("Was €900 million really spent on consultants? No.").
_ANSWER_NO = re.compile(r"\s*['‘\"“]?(?:no|hardly|not\s+(?:quite|even\s+close|really|so))\b\s*[,.!;:—–-]", re.I)


_CONCEDED = re.compile(r"\s*['‘\"“]?(?:although|though|while|whereas|even\s+though)\b[^,;.!?]*$", re.I)
_ANSWER_YES = re.compile(r"\s*['‘\"“]?(?:yes|yep|indeed|correct|right|true|that['’]s\s+(?:right|correct|true))\b", re.I)
# A yes-no question ("Was €900 million really spent?") or one without a verb ("A 40 per cent cut in deaths?").
_YES_NO = re.compile(
    r"\s*['‘\"“]?(?:(?:is|was|were|are|did|does|do|has|have|had|can|could|will|would)\b|(?:an?|the)?\s*[^\s?]*\d"
    r"(?:[^?.!]{0,40})\?)",
    re.I,
)


def _next_sentences(text: str, start: int, count: int) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    at = start
    while len(out) < count and at < len(text):
        while at < len(text) and text[at] in " \t":
            at += 1
        if at < len(text) and text[at] == "\n":
            break  # a new paragraph is another matter
        m = _SENTENCE.match(text, at)
        if not m or not m.group().strip():
            break
        out.append((m.start(), m.group()))
        at = m.end()
    return out


def _given_by_someone(text: str, q: dict, bounds: tuple[int, int]) -> bool:
    before = text[bounds[0] : q["start"]]
    after = text[q["end"] : bounds[1]]
    return bool(_GIVEN_BY.search(before) or _GIVEN_BY.search(after[:60]) or _QUOTED.search(before[-40:]))


def _undenied(pattern: re.Pattern[str], sentence: str) -> bool:
    """Does ``pattern`` occur in ``sentence`` without a negation just before it ("nobody disputes ...")?"""
    return any(not _DISPUTE_DENIED.search(sentence[max(0, m.start() - 30) : m.start()]) for m in pattern.finditer(sentence))


def answered_later(text: str, found: list[dict], i: int, bounds: list[tuple[int, int]]) -> bool:
    """Is figure ``i`` given by someone, and rejected by one of the two sentences after its own?"""
    sq = found[i]
    asked = text[bounds[i][0] : bounds[i][1]].rstrip().endswith("?")
    if not asked and not _given_by_someone(text, sq, bounds[i]):
        return False
    noun = _stem(str(sq.get("unit") or "").lower()) if sq.get("unit") else ""
    following = _next_sentences(text, bounds[i][1], 2)
    # "Although the minister put the cost at £3 billion, the true bill is nearer £800 million": the main clause
    # after a conceded figure answers it as a next sentence would.
    main = _CONCEDED.match(text, bounds[i][0], sq["start"])
    if main:
        comma = text.find(",", sq["end"], bounds[i][1])
        if comma > 0:
            following = [(comma + 1, text[comma + 1 : bounds[i][1]])]
    for n, (at, sentence) in enumerate(following):
        end = at + len(sentence)
        if n == 0 and asked and _ANSWER_NO.match(sentence):
            return True
        if asked and n == 0 and (_ANSWER_YES.match(sentence) or not _YES_NO.match(text, bounds[i][0])):
            return False  # "Yes: ...", or a question of another kind ("Who were the 300 victims?")
        # (found is in text order: a bisection keeps a long source linear.)
        lo = bisect.bisect_left(found, at, key=lambda o: o["start"])
        others = found[lo : bisect.bisect_left(found, end, lo=lo, key=lambda o: o["start"])]
        # Another count of the same thing, in a named unit ("58 schools", "48,000 customers"): a bare number
        # or a head count ("120 were injured") may count something else.
        competing = any(
            o["kind"] == sq["kind"]
            and sq["unit"]
            and o["unit"]
            and units_compatible(sq["unit"], o["unit"])
            and abs(float(o["value"]) - float(sq["value"])) > 0.1 * abs(float(sq["value"]))
            for o in others
        )
        about = (
            competing
            or _BACK.search(sentence) is not None
            or _undenied(_POINTS_BACK, sentence)
            or (len(noun) > 3 and noun in {_stem(w) for w in _WORD.findall(sentence.lower())})
        )
        record = _RECORD.search(sentence)
        own = record is not None and _OWN.search(sentence[: record.start()]) is not None
        # (Not a few things of another kind, "only 3 complaints", nor a part of the things, "only 40 of them".)
        checked_fewer = record is not None and any(
            o["kind"] == sq["kind"]
            and o["start"] >= at + record.end()
            and _FAR_SMALLER_FLOOR * float(sq["value"]) <= float(o["value"]) <= _FAR_SMALLER * float(sq["value"])
            and not _PART_OF.match(text, o["end"])
            and (
                own
                or (
                    (not o["unit"] or not sq["unit"] or units_compatible(sq["unit"], o["unit"]))
                    and (
                        o["qualifier"] in ("at_most", "less_than")
                        or _LIMITED.search(text, max(at, o["start"] - 25), o["start"]) is not None
                    )
                )
            )
            for o in others
        )
        if _undenied(_DISPUTING_VERB, sentence) or _undenied(_SELF_DISPUTE, sentence) or (asked and competing) or checked_fewer:
            return True  # (a figure asked about and answered with another count: "A 40 per cent cut? The data show 12")
        if about and _undenied(_DISPUTE, sentence) and not (_AGREES.search(sentence) and not competing):
            return True
        if others:
            return False  # a sentence with figures of its own ends what "that figure" could mean
    return False
