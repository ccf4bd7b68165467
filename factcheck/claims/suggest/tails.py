"""Trailing phrases that hold an assertion of their own after a clause with a figure.

GUIDELINES.md: one claim per checkable assertion. After "Revenue rose 9 percent to 612 million
pounds" an editor checks separately that the rise was "driven by a new shirt sponsorship" (a cause),
that the "$5.6 billion purchase" was among three acquisitions (a member with its own figure), that "nine of them" had serious
injuries, and that 6,200 megawatts is "roughly an eighth of national demand" (a share). Each is
split off; the clause before keeps its own figure.
"""

from __future__ import annotations

import re

from . import lexicon as lx
from .cues import Cues, any_in, count_words, has_content, has_quantity, strong
from .wording import sentence

# ", driven mainly by food and energy prices": a cause stated as a participle.
_CAUSE_WORDS = r"(?:driven|fuelled|fueled|caused|prompted|triggered|spurred|boosted|hit|dragged\s+down)\s+(?:[a-z]+ly\s+)?by\s"
# One comma-led alternative in the clause splitter for all three, so the splitter tries one more
# branch per character, not three: ", driven mainly by food and energy prices" (a cause), ", including
# the $5.6 billion purchase of ..." (a member), ", nine of them with serious injuries" (a subset).
TAIL = (rf",\s+(?=(?P<cause>{_CAUSE_WORDS})|(?P<including>including\s)"
        r"|(?!(?:and|but|while|although|though|yet|whereas)\s)(?P<of_them>(?:[\w.,%-]+\s+){1,4}?of\s+(?:them|whom|those|these)\b))")
_OF_THEM = re.compile(r"\s*(?:[\w.,%-]+\s+){0,3}?of\s+(?:them|whom|those|these)\b")
# "it raises the minimum retirement age ... and requires 43 years": a present-tense verb after a
# pronoun or a short subject makes the left side a clause the verb list does not know.
_PRESENT_AFTER_SUBJECT = re.compile(r"(?:\b(?:it|he|she|this|that)|[A-Z][\w'’-]+)\s+(?:also\s+|now\s+)?[a-z]{3,}(?<!ss)s\b")
_LIST_ITEM = re.compile(r",\s+")
_TO_BREAK = re.compile(r"[^,.;:!?]{0,120}")
_ADVERB_ONLY = re.compile(r"\s+[a-z]+ly\b(?!\s+[a-z]+(?:ed|en)\b)")
_PHRASE_GOES_ON = re.compile(r",\s+(?:in|on|at|from|across|during|since|for|by|near|outside|inside|over)\s")
WORDING_START = re.compile(rf"{_CAUSE_WORDS}|including\s")


def tail_ok(kind: str, text: str, seg_start: int, a: int, b: int, r_end: int, c: Cues) -> bool:
    """Whether the trailing phrase ``[b, r_end)`` of kind ``kind`` is cut off the clause before it."""
    left_figure = has_quantity(c, seg_start, a)
    left_verb = lx.FINITE_VERB.search(text, seg_start, a) is not None
    if kind == "cause":
        # "Revenue rose 9 percent to 612 million pounds, driven by ...": the figure is one fact, what
        # drove it another; without a figure or date on the left the cause explains nothing checkable.
        return strong(c, seg_start, a) and (left_verb or left_figure) and count_words(text, b, r_end) >= 4
    if kind == "including":
        # A member with a figure of its own ("three acquisitions ..., including the $5.6 billion
        # purchase") is checked on its own; "including Paris and Lyon" stays with its clause.
        # "killed 11 civilians, including four children, in the eastern city of ...": a subset set off
        # inside the clause, which goes on after it, is part of the one claim.
        q = next((q for q in c.quantities if b <= q.start < r_end), None)
        inside = _PHRASE_GOES_ON.search(text, b, r_end) is not None
        # "allocated 18.5 million euros, including 4 million euros for nursing staff": a sum and the part
        # of it earmarked for something are one allocation, checked in one document.
        last = [p for p in c.quantities if seg_start <= p.start and p.end <= a]
        # "raised £6.3 million ..., including a single gift of £1 million" names a member (a gift, a
        # purchase) with its own figure; the figure straight after "including" is the earmarked part.
        inside = inside or (q is not None and bool(last) and q.kind == "money" and last[-1].kind == "money"
                            and count_words(text, b, q.start) <= 3)
        # "including about 210,000 citizens living abroad" is a subset of the count, one claim with it;
        # "including a target of 20,000 social homes" is a member with a figure of its own.
        return (q is not None and 2 <= count_words(text, b, q.start) <= 5 and left_figure and left_verb and not inside
                and count_words(text, b, r_end) >= 3)
    if kind == "of_them":
        q = next((q for q in c.quantities if b <= q.start < r_end), None)
        # "injured 47, nine of them seriously", "3,000 of them online": one word qualifies the count, it
        # asserts nothing new; "nine of them with serious injuries" does.
        # "the last 30 of them in the Morven Lass": a determiner may come before the figure.
        of = _OF_THEM.match(text, q.end) if q is not None and count_words(text, b, q.start) <= 2 else None
        if of is None:
            return False
        # The words after "of them" up to the next break: the splitter's next candidate (" as ") may
        # come sooner, so r_end is not the phrase's end.
        rest = _TO_BREAK.match(text, of.end())
        return (left_figure and left_verb and count_words(text, of.end(), rest.end()) >= 2
                and count_words(text, b, rest.end()) >= 4 and not _ADVERB_ONLY.match(text, of.end()))
    return False


def present_left(text: str, seg_start: int, a: int) -> bool:
    """A present-tense verb after a short subject on the left of " and ": "it raises ... and requires ..."."""
    m = _PRESENT_AFTER_SUBJECT.search(text, seg_start, a)
    return m is not None and count_words(text, seg_start, m.start()) <= 4


def coordinated_figure(text: str, seg_start: int, a: int, b: int, r_end: int, c: Cues) -> bool:
    """", and about 1.3 million people live in its catchment": a figure opening a new clause after a
    clause with a figure of its own. A list of figures ("900 officers, 30 vans, and four helicopters
    were deployed") has short items between its commas; a clause is longer."""
    if not any(q.start == b for q in c.quantities) or count_words(text, b, r_end) < 4:
        return False
    if not (has_quantity(c, seg_start, a) or strong(c, seg_start, a)):
        return False
    last_comma = None
    for m in _LIST_ITEM.finditer(text, seg_start, a):
        last_comma = m
    item_start = last_comma.end() if last_comma else seg_start
    if count_words(text, item_start, a) <= 5:
        return False
    left_verb = lx.FINITE_VERB.search(text, seg_start, a) is not None or present_left(text, seg_start, a)
    return left_verb


# ", roughly 12 percent of its nursing establishment", ", the equivalent of 480 twelve-hour shifts":
# the clause's figure restated as a share of a whole or an equivalent, which is checked against
# that whole, not against the figure's own source. ", or 66 percent of turnover" stays: the
# labels keep an "or" restatement with its figure.
_APPOSITIVE_COMMA = re.compile(r",\s+(?!or\s|and\s|but\s)")
_EQUIVALENT = re.compile(r"(?:the\s+)?equivalent\s+(?:of|to)\s+$")
_OF_AFTER = re.compile(r"\s+of\s")


def split_share(text: str, a: int, b: int, c: Cues) -> list[tuple[int, int, str, int | None]] | None:
    """(start, end, wording, end of the aside) of the clause and its share appositive, or None."""
    if not any(a <= q.start < b and q.unit in ("percent", "fraction") for q in c.quantities) \
            and "equivalent" not in text[a:b]:
        return None
    for m in _APPOSITIVE_COMMA.finditer(text, a, b):
        app_end = text.find(",", m.end(), b)
        while app_end >= 0 and any(q.start < app_end < q.end for q in c.quantities):
            app_end = text.find(",", app_end + 1, b)
        app_end = b if app_end < 0 else app_end
        q = next((q for q in c.quantities if m.end() <= q.start < app_end), None)
        if q is None or q.start - m.end() > 20:
            continue
        lead = text[m.end():q.start]
        share = q.unit in ("percent", "fraction") and lead == "" and _OF_AFTER.match(text, q.end) is not None
        if not (share or _EQUIVALENT.search(lead)):
            continue
        figures = [p for p in c.quantities if a <= p.start and p.end <= m.start()]
        if not figures or not lx.FINITE_VERB.search(text, a, m.start()) or lx.FINITE_VERB.search(text, m.end(), app_end):
            continue
        said = f"{figures[-1].text} is {text[m.end():app_end]}."
        return [(a, m.start(), "", None), (m.end(), b, said[:1].upper() + said[1:], app_end)]
    return None


def figure_list(text: str, a: int, b: int, c: Cues) -> bool:
    """"Some 900 police officers, 30 vans": the stretch ends in a list whose last item opens with a figure."""
    last = None
    for m in _LIST_ITEM.finditer(text, a, b):
        last = m
    return last is not None and any(q.start == last.end() for q in c.quantities)


_AFTER_WORD = re.compile(r"[,\s]*(?:after|following)\s+$")
_SUBJECT_START = re.compile(r"(?:the|a|an|its|their|his|her|[A-Z][\w'’.-]*)\s")


def after_event(text: str, joint: str, seg_start: int, a: int, b: int, r_end: int, c: Cues,
                left_verb: bool, right_verb: bool) -> bool:
    """"23 people were arrested in central Varenna after a group of masked demonstrators smashed shop
    windows": a dated or counted act, and the event it followed, told as a clause with its own subject
    and verb, are two things to check (the labels split them, whatever the figures)."""
    if not _AFTER_WORD.fullmatch(joint) or not left_verb or not right_verb or count_words(text, b, r_end) < 5:
        return False
    if not strong(c, seg_start, a) or any(q.start < b < q.end for q in c.quantities):
        return False
    left = [q for q in c.quantities if seg_start <= q.start < a]
    ranked_or_dated = any_in(c.dates, seg_start, a) or any_in(c.superlatives, seg_start, a)
    if left and all(q.kind == "age" for q in left) and not ranked_or_dated:
        return False  # "a man in his 70s died after a tree fell on his car": an age counts nothing, one claim
    if count_words(text, seg_start, a) < 6:
        return False  # "14 others remain trapped after a tunnel collapsed ...": a bare state leans on its cause
    if not has_content(c, b, r_end):
        return False  # "was cut after a main failed under the bridge": the event only explains the figure
    if any(q.kind == "duration" and 0 <= a - q.end <= 1 for q in c.quantities):
        return False  # "came two days after ...": the duration dates the act, one claim
    if _SUBJECT_START.match(text, b, r_end) is None:
        return False
    verb = lx.FINITE_VERB.search(text, b, r_end)
    return verb is not None and 1 <= count_words(text, b, verb.start()) <= 6


# ", a figure that will peak at around 1,700 next year", ", a number the union disputes": a remark about
# the clause's figure, judged on its own (a forecast or a dispute), so the figure before it stands.
_FIGURE_REMARK = re.compile(
    r",\s+(?=(?:a|an|the)\s+(?:figure|number|total|sum|tally|estimate|count)\s+"
    r"(?:that|which|expected|set|due|likely|(?:the|its|some|many|critics|officials|unions?|[A-Z][\w'’-]*)\s+[a-z]+))"
)


def split_figure_remark(text: str, a: int, b: int, c: Cues) -> int | None:
    """Where a remark about the clause's figure starts, or None."""
    m = _FIGURE_REMARK.search(text, a, b)
    if m is None or not has_quantity(c, a, m.start()) or count_words(text, a, m.start()) < 4:
        return None
    return m.end()


# "... were each jailed for three years in a case that lasted 11 weeks", "... to buy the harbour from the
# estate that had owned it since 1820": a relative clause closing the sentence with its own figure or date.
_TRAILING_RELATIVE = re.compile(
    r"\s(?P<np>(?:in|from|after|during|at|by)\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+)\s+(?:that|which)\s+"
)


def split_trailing_relative(text: str, a: int, b: int, c: Cues) -> tuple[int, int, str] | None:
    """(end of the clause, start of the trailing relative phrase, its wording), or None."""
    if "that " not in text[a:b] and "which " not in text[a:b]:
        return None
    for m in _TRAILING_RELATIVE.finditer(text, a, b):
        rel = m.end()
        if not lx.VERB_START.match(text, rel) or not strong(c, rel, b) or count_words(text, a, m.start()) < 5:
            continue
        if not strong(c, a, m.start()) or not lx.FINITE_VERB.search(text, a, m.start()):
            continue
        if "," in text[m.start():b] or any(q.start < m.start() < q.end for q in c.quantities):
            continue
        # "in a case that lasted 11 weeks" -> "The case lasted 11 weeks."
        noun = m.group("np").split(None, 2)[2]
        return m.start(), m.start("np"), f"The {noun} {text[rel:b]}."
    return None


_DASH = re.compile(r"\s(?:—|–|--)\s")
_QUOTE_MARK = re.compile(r"[“”\"]")


def dash_cut(text: str, start: int, end: int, seg_start: int, a: int, b: int, c: Cues, closing: bool) -> bool:
    """A dash that opens an aside with its own figure, date or ranking ("... 1,800 km of mains — roughly
    a fifth of the network — and ...", "... 14.2 weeks — a standard last met in 2016"), or closes one.

    GUIDELINES.md gives an aside with its own checkable content a claim of its own; a sentence with
    quotation marks is left to the aside rules that know where the quotes are."""
    if closing:
        return count_words(text, b, end) >= 2
    if _QUOTE_MARK.search(text, start, end):
        return False
    close = _DASH.search(text, b, end)
    aside_end = close.start() if close else end
    return (lx.FINITE_VERB.search(text, seg_start, a) is not None and strong(c, seg_start, a)
            and (strong(c, b, aside_end) or any_in(c.comparisons, b, aside_end))
            and count_words(text, b, aside_end) >= 3 and "ccording to" not in text[b:aside_end])


# ", a contract that comes up for renewal in April", ", a move that took effect on 1 May": a noun set
# beside the clause, with a relative clause of its own holding a date or figure.
_NOUN_RELATIVE = re.compile(r",\s+(?=(?:a|an)\s+(?:[a-z-]+\s+){0,2}?(?:that|which)\s+[a-z])")


def split_noun_relative(text: str, a: int, b: int, c: Cues) -> tuple[int, int] | None:
    """A trailing noun with its own relative clause and date or figure is a second assertion
    (GUIDELINES.md: a relative clause that holds its own figure is a claim of its own)."""
    for m in _NOUN_RELATIVE.finditer(text, a, b):
        # The clause before needs its own figure or date (its verb may be a present the verb list lacks).
        # "The council today published its plan, a ten-year programme that will create ...": a past act
        # is checkable without a date of its own.
        before = strong(c, a, m.start()) or lx.PAST_VERB.search(text, a, m.start()) is not None
        if not (before and count_words(text, a, m.start()) >= 4 and strong(c, m.end(), b)):
            continue
        if count_words(text, m.end(), b) < 5:
            continue
        return m.start(), m.end()
    return None


# "... around 38,000 households, each of which pays an average of £2,140 in council tax": a relative
# clause on every one of a counted noun, with a figure of its own, is a second assertion.
_PRESENT_S = re.compile(r"[a-z]{3,}s\s")
_EACH_OF_WHICH = re.compile(r",\s+(?P<det>each|all|most|both|many|some)\s+of\s+(?:which|whom)\s+(?=[a-z])")


def split_each_of_which(text: str, a: int, b: int, c: Cues) -> tuple[int, int, str] | None:
    """(end of the clause, start of ", each of which ...", its wording), or None."""
    if " of wh" not in text[a:b]:
        return None
    m = _EACH_OF_WHICH.search(text, a, b)
    if m is None or not has_quantity(c, a, m.start()) or not has_quantity(c, m.end(), b):
        return None
    noun = re.search(r"([A-Za-z'’-]+)\s*$", text[a:m.start()])
    # "each of which pays ...": the relative clause needs a verb of its own, past or present.
    verb = lx.FINITE_VERB.search(text, m.end(), b) or _PRESENT_S.match(text, m.end(), b)
    if noun is None or verb is None:
        return None
    det = m.group("det").capitalize()
    return m.start(), m.start("det"), sentence(f"{det} of the {noun.group(1)}", text[m.end():b])
