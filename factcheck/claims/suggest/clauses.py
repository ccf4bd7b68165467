"""Cutting a sentence into clauses where each side carries its own checkable content."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon as lx
from . import tails, wording
from .cues import Cues, any_in, count_words, has_content, has_quantity, strong

# Every cut starts at a comma, semicolon, colon or space: the look-ahead lets the scan skip every
# other character with one test instead of trying each branch (a third of the scan's time).
_SPLIT = re.compile(
    r"(?=[,;:\s])(?:"
    rf"(?P<tail>{tails.TAIL})"
    r"|(?P<further>,?\s+(?:and|with)\s+(?=(?:another|a\s+further)\s+(?:[a-z]+\s+)?[$£€]?\d))"
    r"|(?P<semi>;\s+)"
    r"|(?P<colon>:\s+)"
    r"|(?P<dash>\s(?:—|–|--)\s+(?:(?:and|but)\s+)?)"
    r"|(?P<cconj>,\s+(?:and|but|while|whereas|although|though|yet|so(?!\s+(?:far|that|much|many|long|called|too|it)\b))\s+)"
    r"|(?P<rel>,\s+(?:which|who|where|when)\s+)"
    r"|(?P<whose>,\s+(?=whose\s))"
    r"|(?P<prel>,?\s+(?:in|during|after|at|of)\s+(?:which|whom)\s+|,\s+by\s+which\s+(?:time|point)\s+)"
    r"|(?P<ing>,\s+(?![a-z]+ing\s+(?:it|them)\s)(?!(?:including|according|excluding|regarding|concerning|following|during|notwithstanding|"
    r"pending|barring|considering|something|nothing|anything|everything)\b)(?=[a-z]{3,}ing\b))"
    r"|(?P<that>,?\s+and\s+(?=that\s))"
    r"|(?P<sub>,?\s+(?:after|as|while|when|because|following)\s+(?=(?:the|a|an|its|their|his|her|[A-Z]|[a-z]{3,}ing\s|"
    r"[a-z]+\s+(?:[a-z]+ed|was|were|had|has|have|is|are|sold|made|took|left|lost|won|fell|rose|hit|cut|paid|spent|grew)\b)))"
    r"|(?P<vlist>,\s+(?=(?!(?:compared|based|measured|adjusted|backed|led|aged|used|called|named|described|located|"
    r"estimated|expected|scheduled|owned|run|valued|priced|ranked|rated|set)\s)[a-z]{2,}ed\s|(?:left|hit|cut|lost|won|sold|spent|paid|took|made|drew|put|sent|struck|tore|swept|shot|brought)\s))"
    r"|(?P<conj>(?<!\ball)\s+(?:and|but)\s+)"  # not "all but 8,000"
    r")"
)
PRESENT_VERB = re.compile(
    r"(?!(?:less|plus|minus|thus|across|towards|upwards|perhaps|always|sometimes|besides|whereas|unless|its|this|his|"
    r"was|has|is|does|as|us|yes|news|series|species|means|times|hours|years|days|weeks|months|percent)\b)[a-z]{3,}s\s+"
)
_MODAL = re.compile(r"\b(?:will|would|could|can|may|might|must|should|shall)\s+(?:[a-z]+ly\s+)?[a-z]+\b")
_PAST_START = re.compile(
    r"(?:[a-z]+ly\s+)?(?:[a-z]{2,}ed|was|were|has|had|is|are|will|would|said|told|left|took|made|gave|rose|fell|grew|won|"
    r"lost|sold|paid|spent|built|began|brought|held|kept|met|ran|sent|stood|fought|flew|drew|drove|broke|chose|wrote)\b"
)
_MEANING = re.compile(r"meaning\s+(?:that\s+)?")
_GERUND = re.compile(r"[a-z]{3,}ing\s")
_REL_FRAME = re.compile(
    r"(?:the|a|an|its|their|some|many)\s+(?:[\w'’-]+\s+){0,4}?(?:cited|described|called|saw|sees|took|used|uses)\b"
)
_COMMA = re.compile(r",\s")
_ASIDE_CLOSED = re.compile(r",\s+(?=[a-z])")
_DETERMINER_START = re.compile(r"(?:the|its|their|his|her|a|an|this|that)\s", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"\bbetween\b", re.IGNORECASE)
_LEAD_TRIM = re.compile(r"^[\s,;:—–-]+")
TAIL_TRIM = re.compile(r"[\s,;:.—–-]+$")


def _verb_after_aside(text: str, a: int, b: int) -> bool:
    """No aside in ``[a, b)``, or the stretch after the last one opens with the clause's verb ("The
    shelling, which began at 1 a.m., lasted four hours"), so an act after ``b`` is a new one."""
    commas = list(_COMMA.finditer(text, a, b))
    return not commas or lx.VERB_START.match(text, commas[-1].end()) is not None


def split_clauses(text: str, start: int, end: int, c: Cues) -> list[tuple[int, int]]:
    """Cut a sentence where each side has its own checkable content; returns clause spans."""
    cands = list(_SPLIT.finditer(text, start, end))
    cuts: list[tuple[int, int]] = []  # (end of left clause, start of right clause)
    seg_start = start
    open_dash = False  # the last cut opened a dash aside: the next dash closes it
    for i, m in enumerate(cands):
        kind = m.lastgroup
        if kind == "tail":
            kind = "cause" if m.group("cause") else "including" if m.group("including") else "of_them"
        a, b = m.start(), m.end()
        r_end = cands[i + 1].start() if i + 1 < len(cands) else end
        if b >= r_end or a <= seg_start:
            continue
        # A trailing phrase cut off before (", driven by ...") stands in for a clause of its own.
        left_verb = lx.FINITE_VERB.search(text, seg_start, a) is not None or (
            seg_start > start and tails.WORDING_START.match(text, seg_start) is not None)
        right_verb = lx.FINITE_VERB.search(text, b, r_end) is not None
        ok = False
        if kind in ("cause", "including", "of_them"):
            ok = tails.tail_ok(kind, text, seg_start, a, b, r_end, c)
        elif kind == "further":
            # "27 homes have been destroyed and another 15 homes damaged", "is contributing €740 million,
            # with a further €410 million coming from ...": a second count of its own.
            ok = left_verb and has_quantity(c, seg_start, a) and has_quantity(c, b, r_end)
        elif kind == "semi":
            ok = right_verb and count_words(text, seg_start, a) >= 3
        elif kind == "dash":
            ok = tails.dash_cut(text, start, end, seg_start, a, b, c, open_dash)
            if open_dash:
                open_dash = False
            elif ok:
                open_dash = True
        elif kind == "colon":
            ok = left_verb and right_verb and not lx.ATTRIB_VERB.search(text, max(seg_start, a - 12), a)
            # "Some context from our correspondent: the last strike lasted six days": a label, then the claim.
            ok = ok or (not left_verb and lx.FINITE_VERB.search(text, b, end) is not None
                        and count_words(text, seg_start, a) <= 8)
        elif kind == "cconj":
            # ", and the third largest in its history" has no verb but its own checkable content.
            own_subject = _DETERMINER_START.match(text, b) is not None
            # "About two-thirds now lives in ..., and Holmstad alone grew by 9.3 per cent": a figure on
            # the left stands in for a verb the verb list does not know (present tenses).
            # "Some 900 police officers, 30 vans, and four helicopters were deployed": with no verb on the
            # left, commas there make it a list whose last item the verb after "and" governs.
            # "Just 38 people live there, and the school closed in 2009": a right side with its own
            # subject, verb and date is a second assertion beside a figure the verb list missed.
            left_ok = left_verb or (has_quantity(c, seg_start, a) and right_verb
                                    and (has_quantity(c, b, r_end) or (own_subject and strong(c, b, r_end)))
                                    and not tails.figure_list(text, seg_start, a, c))
            ok = left_ok and (right_verb or (own_subject and strong(c, b, r_end))) and count_words(text, b, r_end) >= 3
            ok = ok or (m.group().strip(", ") == "and" and tails.coordinated_figure(text, seg_start, a, b, r_end, c))
        elif kind == "rel":
            n_right = count_words(text, b, r_end)
            ok = left_verb and (right_verb or any_in(c.causes, b, r_end)) and has_content(c, b, r_end) and (
                n_right >= 5 or (n_right >= 3 and has_quantity(c, b, r_end))
            )
            # "Police said the protest, which drew 20,000 people, was peaceful": the relative clause is
            # an aside on the subject, closed before the main verb; inner_splits takes it.
            closed = _ASIDE_CLOSED.search(text, b, r_end)
            ok = ok and not (closed and lx.FINITE_VERB.match(text, closed.end()))
            # The same when the comma that closes the aside is the next cut's (", spent much of ...").
            # After a reporting verb ("The court heard that Crewe, who earned ..., spent ...") only.
            ok = ok and not (text.startswith(", ", r_end) and lx.FINITE_VERB.match(text, r_end + 2)
                             and lx.ATTRIB_VERB.search(text, seg_start, a) is not None)
            # "..., remains close to its lowest level on record, which the bank cited as evidence that
            # ...": the relative clause is someone's use of the fact, cut off the fact itself.
            ok = ok or (left_verb and strong(c, seg_start, a) and _REL_FRAME.match(text, b) is not None)
        elif kind == "whose":
            # "..., whose risk fell by nearly half": its own figure about the people or things just
            # named; after a speaker ("said Ana Ruiz, whose bakery ...") it is the frame's, see engine.
            ok = (left_verb and right_verb and has_quantity(c, b, r_end) and strong(c, seg_start, a)
                  and not lx.ATTRIB_VERB.search(text, seg_start, a))
        elif kind == "prel":
            # "after clashes in which 14 officers were injured": the relative clause is its own count.
            ok = left_verb and right_verb and has_quantity(c, b, r_end) and count_words(text, b, r_end) >= 3
        elif kind == "ing":
            # "Heavy rain led to the collapse of a bridge, cutting off around 3,000 people": the left
            # side needs checkable content of its own, a figure or a stated cause or event.
            left_content = strong(c, seg_start, a) or any_in(c.causes, seg_start, a) or (
                lx.EVENT_VERB.search(text, seg_start, a) is not None)
            # ", meaning that real pay fell for the sixth month in a row": a consequence told as a clause
            # with its own verb and date or count is an assertion of its own, figure or not.
            meaning = _MEANING.match(text, b) is not None and lx.FINITE_VERB.search(text, b, r_end) is not None and (
                strong(c, b, r_end) or any_in(c.temporals, b, r_end))
            # The phrase runs to its comma: "cutting the journey time between the centre and the airport
            # from 48 minutes to 19" holds its figures past the "and" the next cut candidate is.
            stop = text.find(",", b, end)
            ing_end = end if stop < 0 else stop
            ok = (has_quantity(c, b, max(r_end, ing_end)) or meaning) and (left_verb or strong(c, seg_start, a)) \
                and left_content
        elif kind == "that":
            # "The minister said an inquiry had been opened and that the driver had been detained":
            # two reported statements; the source at the start of the sentence reaches both.
            ok = right_verb and left_verb and lx.ATTRIB_VERB.search(text, seg_start, a) is not None and (
                count_words(text, b, r_end) >= 4)
        elif kind == "sub":
            # "The index fell 2 percent after the bank raised rates by half a point": each side is an
            # assertion with its own verb and figure.
            gerund = _GERUND.match(text, b) is not None  # "after reporting a loss of €412 million"
            ok = (left_verb and (right_verb or gerund) and has_quantity(c, seg_start, a) and has_quantity(c, b, r_end)
                  and not any(q.start < b < q.end or (q.kind == "duration" and 0 <= a - q.end <= 1) for q in c.quantities)
                  and count_words(text, b, r_end) >= 5)  # not "came two days after ...": a duration dates it
            ok = ok or tails.after_event(text, m.group(), seg_start, a, b, r_end, c, left_verb, right_verb)
        elif kind == "vlist":
            # "The storm killed 19 people, injured more than 40 and left 3,000 without power": a list
            # of acts of one subject, each with its own figure, is one assertion per act.
            q = next((q for q in c.quantities if b <= q.start < r_end), None)
            last = [p for p in c.quantities if seg_start <= p.start and p.end <= a]
            ok = (q is not None and count_words(text, b, q.start) <= 4 and bool(last) and count_words(text, last[-1].end, a) <= 3
                  and left_verb and lx.VERB_START.match(text, b) is not None
                  and _verb_after_aside(text, seg_start, a))  # "The town, which has 9,000 people, lost": an aside
        elif kind == "conj":
            if _BETWEEN_BEFORE.search(text, max(seg_start, a - 30), a):
                ok = False
            elif any(q.start == b for q in c.quantities):
                # "19 died and 4,000 were evacuated" is two assertions; "Some 900 officers, 30 vans
                # and four helicopters were deployed" or "destroyed 300 homes and 40 shops" is one list.
                rv = lx.FINITE_VERB.search(text, b, r_end)
                # "some 340 rescuers backed by 45 fire engines and two cranes, were searching": the verb
                # after a comma belongs to the whole list, not to its last item.
                # "600 soldiers, 14 helicopters and 40 vehicles had been deployed", "examined 40,000
                # documents and 12 bank accounts": one list, when the left figure has no verb after it.
                lq = next((q for q in c.quantities if seg_start <= q.start < a), None)
                # "Work began in March 2023 and about 28 percent ... has been completed": with no figure on
                # the left there is no list to continue, a dated act is the first assertion.
                ok = strong(c, seg_start, a) and has_quantity(c, b, r_end) and left_verb and right_verb and (
                    rv is not None and _COMMA.search(text, b, rv.start()) is None
                    and (text[rv.end():r_end].strip() != "" or rv.group().endswith("ed"))  # not "12 bank accounts"
                    and ((lq is None and count_words(text, seg_start, a) >= 4)
                         or (lq is not None and (lx.FINITE_VERB.search(text, lq.end, a) is not None
                                                 or m.group().strip() == "but"))))
            elif lx.VERB_START.match(text, b):
                # "left 90 dead and destroyed 3,000 buildings", "killing 74 and injuring 600"
                # "She trains 25 hours a week and has not taken a day off since June": a present
                # tense with its figure on the left is an act too.
                left_ok = left_verb or lx.VERB_START.match(text, seg_start) is not None or (
                    has_quantity(c, seg_start, a) and tails.present_left(text, seg_start, a))
                # "was charged with murder and will appear in court on Monday": an event is content too.
                left_content = has_content(c, seg_start, a) or lx.EVENT_VERB.search(text, seg_start, a) is not None
                # "and resigned a month later": a date or time is content too.
                # "conceded defeat shortly before midnight and announced that he would step down": a
                # second act, reported or done, after a clause with content of its own.
                said_act = (lx.ATTRIB_VERB.match(text, b) is not None or lx.EVENT_VERB.match(text, b) is not None) and (
                    strong(c, seg_start, a) and count_words(text, b, r_end) >= 3)
                # "but raised it after the October summit": a subordinate phrase is part of the act's content.
                act_end = next((n.start() for n in cands[i + 1:] if n.lastgroup not in ("sub", "ing", "prel")), end)
                ok = left_ok and left_content and (has_content(c, b, act_end) or any_in(c.temporals, b, act_end) or said_act)
                # "it would close 64 stores and cut 3,200 jobs": one modal governs both, one plan.
                ok = ok and not (_MODAL.search(text, seg_start, a) and not _PAST_START.match(text, b))
            elif _COMPARISON_START.match(text, b) and has_quantity(c, b, r_end) and has_quantity(c, seg_start, a) and (
                    any_in(c.comparisons, seg_start, a) or any_in(c.superlatives, seg_start, a)):
                # "more than double the average of 50p but well below the peak of 600p", "the lowest rate
                # since 1999 and well below the 95 per cent level": two yardsticks, two claims.
                ok = True
            elif (pv := PRESENT_VERB.match(text, b)) and any(
                    pv.end() <= q.start < r_end and count_words(text, pv.end(), q.start) <= 2 for q in c.quantities):
                # "employs six people and bakes about 1,500 loaves a week": a present-tense act with its figure.
                ok = has_quantity(c, seg_start, a) and (left_verb or tails.present_left(text, seg_start, a))
            elif (_RANK_OPENING.match(text, b) and any_in(c.superlatives, b, r_end) and count_words(text, b, r_end) >= 3
                  and left_verb and (strong(c, seg_start, a) or any_in(c.temporals, seg_start, a))):
                # "It was the bank's fourth rate rise this year and the largest single increase since
                # October 2022": the count is one claim, the ranking another.
                ok = True
        if ok:
            cuts.append((a, b))
            seg_start = b
    spans = []
    s = start
    for a, b in cuts:
        spans.append((s, a))
        s = b
    spans.append((s, end))
    out = []
    for a, b in spans:
        lead = _LEAD_TRIM.match(text, a, b)
        if lead:
            a = lead.end()
        tail = TAIL_TRIM.search(text, a, b)
        if tail:
            b = tail.start()
        if b > a:
            out.append((a, b))
    return out




# --- splits inside a clause ---------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Clause:
    """A clause to judge, and the wording to give it when its quote does not stand alone."""

    start: int
    end: int
    wording: str | None = None
    speaker: str | None = None  # "Brightwater, the largest chain, | said ...": who the verb's subject is
    # An aside on the clause before it (", the deadliest week since ...", ", up from 15"): (the main
    # clause's start, its end, the aside's end). Its wording is the main clause's with the aside, since
    # "1,400 wounded were the deadliest week" put the ranking on the wrong subject (a tryout's list).
    aside_of: tuple[int, int, int] | None = None


# ", which employs 2,300 people," or ", worth £12 million," between a subject and its verb.
_NONRESTRICTIVE = re.compile(
    r",\s+(?P<kind>which|who|whose|worth|valued\s+at|costing|home\s+to|at|(?:now\s+)?(?:a|an|the|its|their)|"
    r"(?:approved|backed|passed|elected|rejected|supported|opposed|bought|acquired|owned|founded|built)\s+by|"
    # ", founded in 1987,", ", bought by a consortium in 2021,": a participle with its own date or figure.
    r"(?:founded|established|built|opened|formed|created|launched|set\s+up|bought|acquired|completed)\s+in|"
    # ", set at $410 million for this year,", ", capped at 2 per cent,": a participle with its own figure.
    r"(?:set|put|estimated|priced|capped|fixed|pegged|valued)\s+at)"
    r"\s+(?P<body>(?:[^,;:()“”\"]|,(?=\d)){2,200}?),\s+(?=[a-z])"
)
# "Police said (that) ...": a reporting frame before the subject of a clause.
_SAID_THAT = re.compile(
    r"(?:(?:The|A|An)\s+[a-z]+\s+|(?:[A-Z][\w'’.-]*\s+){0,4}?)(?:said|says|say|told\s+reporters|reported|announced|confirmed|heard)"
    r"\s+(?:that\s+)?(?=[A-Za-z])"
)
# "storms that killed at least 19 people forced ...": a relative clause with its own figure inside the subject.
_RESTRICTIVE = re.compile(r"\b(?:that|which|who)\s+")
_NOT_ANTECEDENT = lx.wordset(
    "so such now given except provided said says say told showed shows found finds reported reports noted "
    "claimed claims warned argued added believe believes believed think thinks thought hope hopes know knows "
    "knew is was are were be been the a an and or but of in on at by for from with"
)
_ANTECEDENT_STOP = lx.wordset("of in on at by for from with after before during amid over under to into than as")
_DETERMINERS = lx.wordset("the a an its their his her these those this that our")
# ", its highest level since 2009" or ", the steepest drop in three years" after a clause with a figure.
# A trailing comparison without a determiner (", more than double last year's total") stays with its
# figure, as the corpus labels it: it compares that very figure.
# ", in the deadliest attack on the town since April", ", close to its lowest on record": the same
# (GUIDELINES.md: a trailing ranking is a claim of its own); "in a personal best of ..." stays.
_NAME_BEFORE = re.compile(r"(?<![\w'’-])(?:[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+$")
_APPOSITIVE = re.compile(
    r",\s+(?=(?:in\s+(?:its|the|their)|(?:close\s+to\s+|near\s+)?(?:its|the|their|his|her|a|an|this|that))\s)"
)
# ", 1.5 metres above its previous record", ", 40 percent more than in 2019": a figure, then how it compares.
_FIGURE_COMPARISON = re.compile(r",\s+(?=(?:some\s+|about\s+|nearly\s+|almost\s+|roughly\s+|around\s+)?[\d$£€])")
# Present-tense results, as live blogs and headlines write them.
_RESULT_VERB = re.compile(r"\b(?:wins|holds|takes|leads|gains|loses|keeps|retains|secures|beats|tops|reaches|hits|posts)\b")
# "The budget raises defence spending by 18 percent ..., the biggest increase since ...", "forecast a
# surplus of 165,000 tonnes, the first since 2021": a present or bare verb a ranking can follow.
_PRESENT_ACT = re.compile(r"\b(?:forecast|[a-z]{3,}(?<![su])s\s+(?=[a-z\d$£€]))")
_RANK_OPENING = re.compile(
    r"(?:the|its|their|his|her)\s+(?:[a-z]+est|most\s+[a-z]+|first|second|third|fourth|fifth|largest|biggest)\b"
)
_TRAILING_COMPARISON = re.compile(
    r",\s+(?=(?:more|less|fewer|[a-z]{3,}er)\s+than\s+(?!(?:about|around|some|nearly|almost|half|a\s+third|"
    r"a\s+quarter|[\d$£€]|one|two|three|four|five|six|seven|eight|nine|ten|a\s+(?:dozen|hundred|thousand|million))\b)"
    r"|(?:more\s+than\s+|almost\s+|nearly\s+)?(?:double|twice|triple|(?:two|three|four|five|ten)\s+times)\s"
    # ", the equivalent of 1,160 Olympic swimming pools": what the figure amounts to, checked on its own.
    r"|(?:roughly\s+|about\s+|around\s+)?the\s+equivalent\s+of\s+(?=(?:about\s+|around\s+|roughly\s+|some\s+)?(?:[\d$£€]|one\b))"
    r"|(?P<base>(?:up|down)\s+from\s|compared\s+(?:with|to)\s|against\s+(?:an?\s+|the\s+)?(?:[a-z-]+\s+){1,2}of\s"
    r"|against\s+(?:about\s+|some\s+|around\s+|roughly\s+)?\d"
    r"|(?:well\s+|far\s+|just\s+|slightly\s+)?(?:above|below)\s+(?:the|its|their)\s))"
)
_PLACE_COMMA = re.compile(r"(?P<place>(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+),\s+")
_DISTANCE_UNITS = frozenset({"km", "m", "miles"})
_DIRECTION = re.compile(
    r"\s+(?:(?:to\s+the\s+)?(?:north|south|east|west|north-east|north-west|south-east|south-west|northeast|northwest|"
    r"southeast|southwest)(?:\s+of)?|from|outside|away|inland|offshore|off)\b"
)
_PARTICIPLE_AFTER = re.compile(r"\s+(?:in|by|on|at|for|during|last|this)\b")
_COMPARISON_WORD = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:above|below|higher|lower|more|fewer|less|greater|bigger|smaller|larger|shorter|longer|"
    r"taller|faster|slower|up\s+on|down\s+on|ahead\s+of|behind)\b"
)
# ", a sum critics called 'an insult'": a verdict on what the clause states, not part of it.
_VERDICT_APPOSITIVE = re.compile(
    r",\s+(?:a|an|the|which|what)\s+[^,;]{0,60}?\b(?:called|calls|described|describes|branded|labelled|labeled|"
    r"dubbed|termed|denounced|slammed|hailed|derided|(?:could\s+not|cannot|can't)\s+be\s+(?:independently\s+)?(?:verified|confirmed))\b"
)
_SINCE_BEFORE = re.compile(r"\b(?:since|when|after|before|as)\s+(?:[\w'’-]+\s+){0,3}$")
_FROM_BEFORE = re.compile(r"\bfrom\s+$")
_COMPARISON_START = re.compile(
    r"(?:well\s+|far\s+|just\s+|slightly\s+|still\s+)?(?:above|below|short\s+of|ahead\s+of|behind)\s+(?:the|its|their)\s"
)
_NOT_SUBJECT = re.compile(
    r"(?:[A-Z][a-z]+ly|(?:In|On|At|By|For|With|After|Before|During|Under|Over|Since|From|Across|Among|Despite)\b[^,]*)$"
)
_REL_VERB_BEFORE = re.compile(r"\b(?:that|which)\s+$")
_WORD_BEFORE = re.compile(r"([A-Za-z'’-]+)\s*$")


def _evaluation_wording(text: str, a: int, evaluation: re.Match[str], b: int) -> str:
    """", in what forecasters called the worst flooding since 1987" alone says nothing of what was
    called that: it is worded with the clause it reads, less that clause's own source (", police said"),
    which is not the evaluation's."""
    main_end = evaluation.start()
    head = text[a:main_end]
    said = lx.INVERTED_ATTRIB.search(text, a, main_end + 1) or _SAID_AFTER.search(head)
    if said is not None:
        cut = said.start() if said.re is lx.INVERTED_ATTRIB else a + said.start()
        if cut > a:
            main_end = cut
    return wording.sentence(f"{text[a:main_end].strip(' ,')},", text[evaluation.start('in'):b])


# ", police said" closing a clause: the clause's source, not part of what it asserts.
_SAID_AFTER = re.compile(r",\s+(?:[\w'’.-]+\s+){0,5}?(?:said|says|reported|confirmed|told\s+reporters)\s*,?\s*$")


def inner_splits(text: str, a: int, b: int, c: Cues) -> list[Clause]:
    """One clause, or the assertions it bundles: a relative clause or appositive with its own
    figure, a trailing ranking ("its highest level since 2009"); a verdict tacked on by critics
    is left out."""
    evaluation = lx.IN_WHAT_CALLED.search(text, a, b) if "what" in text[a:b] else None
    if evaluation and evaluation.start() > a:
        if not (has_quantity(c, evaluation.end(), b) or any_in(c.dates, evaluation.end(), b)):
            b = evaluation.start()  # "in what prosecutors called one of the worst abuses of trust": a verdict
        else:
            head = inner_splits(text, a, evaluation.start(), c)
            return [*head, Clause(evaluation.start("in"), b, _evaluation_wording(text, a, evaluation, b),
                                  evaluation.group("src"))]
    verdict = _VERDICT_APPOSITIVE.search(text, a, b)
    if verdict and not has_quantity(c, verdict.start(), b):
        b = verdict.start()
    remark = tails.split_figure_remark(text, a, b, c)
    if remark is not None:
        head = TAIL_TRIM.search(text, a, remark)
        return [*inner_splits(text, a, head.start() if head else remark, c), Clause(remark, b)]
    for split in (_split_nonrestrictive, _split_restrictive):
        parts = split(text, a, b, c)
        if parts:
            last = parts[-1]
            tail = _split_ranking(text, last.start, last.end, c)
            if tail:
                tail[0] = Clause(tail[0].start, tail[0].end, last.wording, last.speaker)
                return parts[:-1] + tail
            return parts
    trailing = tails.split_trailing_relative(text, a, b, c) or tails.split_each_of_which(text, a, b, c)
    if trailing:
        return [Clause(a, trailing[0]), Clause(trailing[1], b, trailing[2])]
    ranked = _split_ranking(text, a, b, c)
    if ranked:
        return ranked
    noun_rel = tails.split_noun_relative(text, a, b, c)
    if noun_rel:
        return [Clause(a, noun_rel[0]), Clause(noun_rel[1], b)]
    return [Clause(a, b)]


def _split_nonrestrictive(text: str, a: int, b: int, c: Cues) -> list[Clause] | None:
    m = _NONRESTRICTIVE.search(text, a, b)
    if m is None:
        return None
    # "Police said the protest, which ...": the subject follows the reporting verb, which stays in
    # the first claim (so its source reaches both) and in both wordings.
    frame = ""
    s_start = a
    said = _SAID_THAT.match(text, a, m.start())
    if said:
        frame, s_start = text[a:said.end()].strip(), said.end()
    if lx.FINITE_VERB.search(text, s_start, m.start()) or count_words(text, s_start, m.start()) > 10:
        return None
    if _NOT_SUBJECT.match(text, s_start, m.start()):
        return None  # "Nationally, the largest haul remains ...": an opening adverb or phrase, not a subject
    # ", which was founded in 1887," holds its own date as ", which employs 2,300 people," holds a figure.
    # "The fee, which could rise to 110 million euros, surpasses ...": a present-tense main verb too.
    if not strong(c, m.start("body"), m.end("body")) or not (
            lx.VERB_START.match(text, m.end()) or PRESENT_VERB.match(text, m.end())):
        return None
    subject = text[s_start:m.start()]
    if frame:
        subject = subject[:1].lower() + subject[1:] if subject[:4] in ("The ", "A ", "An ") else subject
        subject = f"{frame} {subject}"
    kind = m.group("kind")
    # "The increase, approved by 31 votes to 22," was approved; "Kestavo, a town of ..." is one.
    verb = "was" if kind.endswith((" by", " in")) else "is"
    body = m.group("body") if kind in ("which", "who") else f"{verb} {kind} {m.group('body')}"
    said = wording.sentence(subject, body)
    if kind == "whose":  # "Crewe, whose salary rose by a third, ...": "Crewe's salary rose by a third."
        said = wording.sentence(f"{subject.strip()}’s" if "’" in text else f"{subject.strip()}'s", m.group("body"))
    first = Clause(a, m.end("body"), said)
    speaker = subject.strip() if not frame and lx.ATTRIB_VERB.match(text, m.end()) else None
    return [first, Clause(m.end(), b, wording.sentence(subject, text[m.end():b]), speaker)]


def _split_restrictive(text: str, a: int, b: int, c: Cues) -> list[Clause] | None:
    for m in _RESTRICTIVE.finditer(text, a, b):
        before = _WORD_BEFORE.search(text, a, m.start())
        if before is None or before.group(1).lower() in _NOT_ANTECEDENT or lx.FINITE_VERB.search(text, a, m.start()):
            continue
        if not lx.VERB_START.match(text, m.end()):
            continue
        inside = [q for q in c.quantities if m.end() <= q.start < b][:3]
        if not inside:
            return None
        # "Flash floods that swept through the valley after two days of rain have killed ...": the
        # main verb may come a few words after the relative clause's figure; "who stole £6.8 million
        # from the savings of 1,400 workers was jailed": or after its last figure.
        verb = q = None
        for cand in inside:
            found = lx.FINITE_VERB.search(text, cand.end, min(b, cand.end + 80))
            if found is not None and "," not in text[cand.end:found.start()] \
                    and count_words(text, cand.end, found.start()) <= 6:
                verb, q = found, cand
                break
        if verb is None or q is None or (q is not inside[0] and lx.FINITE_VERB.search(text, inside[0].end, q.start)):
            return None
        mv = verb.start()
        if mv >= b or not lx.VERB_START.match(text, mv) or lx.FINITE_VERB.search(text, m.end(), q.start) is None:
            return None
        if len(lx.FINITE_VERB.findall(text, m.end(), q.start)) > 1:
            return None  # "a train that derailed in March was travelling at 118 km/h": the main verb came first
        if not (has_quantity(c, mv, b) or strong(c, mv, b)):
            return None
        start = antecedent_start(text, a, before.start())
        rel_end = len(text[:mv].rstrip())
        return [Clause(start, rel_end), Clause(mv, b, wording.sentence(text[a:m.start()], text[mv:b]))]
    return None


def antecedent_start(text: str, a: int, word_start: int) -> int:
    """Back from the noun before "that" to a preposition: "storms" in "a week of storms that ..."."""
    start = word_start
    for _ in range(4):
        prev = _WORD_BEFORE.search(text, a, start)
        if prev is None or text[prev.end():start].strip():
            break
        word = prev.group(1).lower()
        if word in _ANTECEDENT_STOP:
            break
        start = prev.start()
        if word in _DETERMINERS:
            break
    return start


def _main_verb(text: str, a: int, b: int) -> bool:
    """A verb that makes ``[a, b)`` a clause: not a participle ("the longest sentence handed down")
    nor a verb after "since" or "when" ("the highest since records began")."""
    for v in lx.FINITE_VERB.finditer(text, a, b):
        if v.group().endswith("ed") or _SINCE_BEFORE.search(text, max(a, v.start() - 30), v.start()):
            continue
        if _REL_VERB_BEFORE.search(text, max(a, v.start() - 12), v.start()):
            continue  # ", an increase of 11 per cent that will lift ...": the verb is the noun's relative clause
        return True
    return False


def _split_figure_comparison(text: str, a: int, b: int, c: Cues) -> list[Clause] | None:
    """", 1.5 metres above its previous record": a trailing comparison with a figure of its own is a
    second assertion (the clause's figure is one fact, how far it is from the record another)."""
    for m in _FIGURE_COMPARISON.finditer(text, a, b):
        app_end = text.find(",", m.end(), b)
        app_end = b if app_end < 0 else app_end
        own = [q for q in c.quantities if m.end() <= q.start < app_end and q.kind != "duration"]
        if not own or own[0].start - m.end() > 12 or (not any_in(c.comparisons, own[0].end, app_end) \
                and not _COMPARISON_WORD.match(text, own[0].end)):
            continue
        figures = [q for q in c.quantities if a <= q.start and q.end <= m.start() and q.kind != "duration"]
        # "its previous record set in 1997": a participle after a noun is not the appositive's verb.
        verbs = [v for v in lx.FINITE_VERB.finditer(text, m.end(), app_end) if not _PARTICIPLE_AFTER.match(text, v.end())]
        if not figures or verbs or not lx.FINITE_VERB.search(text, a, m.start()):
            continue
        q = figures[-1]
        said = wording.sentence("", f"{q.text} was {text[m.end():app_end]}")
        return [Clause(a, m.start()), Clause(m.end(), b, said, aside_of=(a, m.start(), app_end))]
    return None


def _split_distance(text: str, a: int, b: int, c: Cues) -> list[Clause] | None:
    """"the village of Orlin, 12 kilometres to the south": where a place lies is a claim of its own."""
    for m in _PLACE_COMMA.finditer(text, a, b):
        q = next((q for q in c.quantities if q.start >= m.end() and q.start - m.end() <= 8), None)
        if q is None or q.unit not in _DISTANCE_UNITS or not _DIRECTION.match(text, q.end):
            continue
        if not lx.FINITE_VERB.search(text, a, m.start()):
            continue
        app_end = text.find(",", q.end, b)
        app_end = b if app_end < 0 else app_end
        place = m.group("place")
        said = wording.sentence(place, f"is {text[q.start:app_end]}")
        if app_end < b:
            return None  # the sentence goes on after the aside: leave it whole
        return [Clause(a, m.start() + len(place)), Clause(q.start, b, said)]
    return None


def _split_trailing_comparison(text: str, a: int, b: int, c: Cues) -> list[Clause] | None:
    """", more than double the usual total", ", more than any other city": how a clause's figure
    compares with another is an assertion of its own (GUIDELINES.md labellers split it). So is ", up
    from 275 a year earlier" or ", compared with 41 per cent": the baseline figure is checked on its
    own, against another period's record (the independent labellers split it, 11 times of 16)."""
    for m in _TRAILING_COMPARISON.finditer(text, a, b):
        # "save for 11 years, three times as long as ...": a duration is compared like any figure.
        figures = [q for q in c.quantities if a <= q.start and q.end <= m.start()]
        # "Leaks waste about 2.9 billion litres ..., the equivalent of ...": any clause with a figure
        # can be restated as an equivalent; other comparisons need a verb the tagger knows.
        acted = lx.FINITE_VERB.search(text, a, m.start()) or "equivalent" in text[m.end():m.end() + 30]
        if not figures or not acted or count_words(text, m.end(), b) < 3:
            continue
        if any(q.start < m.start() < q.end for q in c.quantities):
            continue
        q = figures[-1]
        app_end = text.find(",", m.end(), b)
        app_end = b if app_end < 0 or any(q2.start < app_end < q2.end for q2 in c.quantities) else app_end
        if m.group("base") and not any(m.end() <= q2.start < app_end for q2 in c.quantities):
            continue  # ", up from the previous estimate": no baseline figure to check on its own
        verb = "were" if q.kind == "count" and q.unit else "was"
        said = text[m.end():app_end]
        if said.startswith("against "):  # "2,100 homes compared with an estimated need of 12,000"
            said = f"compared with {said[8:]}"
            verb = ""
        return [Clause(a, m.start()), Clause(m.end(), b, wording.sentence("", f"{q.text} {verb} {said}".replace("  ", " ")),
                                             aside_of=(a, m.start(), app_end))]
    return None


def _split_ranking(text: str, a: int, b: int, c: Cues, depth: int = 0) -> list[Clause] | None:
    figure_cmp = (_split_figure_comparison(text, a, b, c) or _split_distance(text, a, b, c)
                  or _split_trailing_comparison(text, a, b, c))
    if figure_cmp:
        return figure_cmp
    share = tails.split_share(text, a, b, c)
    if share:
        return [Clause(s, e, w or None, aside_of=None if end is None else (a, share[0][1], end)) for s, e, w, end in share]
    for m in _APPOSITIVE.finditer(text, a, b):
        app_end = text.find(",", m.end(), b)
        app_end = b if app_end < 0 else app_end
        if not (any_in(c.superlatives, m.end(), app_end) or any_in(c.comparisons, m.end(), app_end)):
            continue
        ranked = _RANK_OPENING.match(text, m.end()) is not None  # "the highest number the council has ever received"
        if (_main_verb(text, m.end(), app_end) and not ranked) or not (
                lx.FINITE_VERB.search(text, a, m.start()) or _GERUND.match(text, a)  # "reporting a loss ..., its first"
                or _RESULT_VERB.search(text, a, m.start())  # a live blog's present: "wins the seat with ..., the largest"
                or (ranked and _PRESENT_ACT.search(text, a, m.start()))):
            continue
        if count_words(text, m.end(), app_end) < 3:
            continue  # ", a record": too short to stand as a claim, it stays with its figure
        figures = [q for q in c.quantities if a <= q.start and q.end <= m.start()]
        # "declared an emergency on Wednesday, its highest level of alarm": an act and its rank. A clause
        # ranked itself ("for the ninth consecutive year, a record for the table") is ranked again.
        named = _NAME_BEFORE.search(text, a, m.start()) if not figures else None
        if named and named.start() > a and app_end >= b and any_in(c.superlatives, m.end(), app_end) \
                and not _RANK_OPENING.match(text, m.end()):
            # "moved to Greyfield General, the only hospital in the district": the appositive ranks the
            # place it follows, a claim of its own even when the act before it has no figure or date. One
            # in mid-sentence ("..., the only clinic in the valley, on Wednesday") stays whole: the words
            # after it belong to the act.
            said = wording.sentence(named.group(), f"is {text[m.end():app_end]}")
            return [Clause(a, m.start()), Clause(m.end(), b, said)]
        if not figures and not any_in(c.dates, a, m.start()) and not any_in(c.superlatives, a, m.start()):
            continue
        said = None
        aside = (a, m.start(), app_end)
        if figures and not has_quantity(c, m.end(), app_end):
            # The ranking is about the figure the clause arrives at: "to 3.8 percent from 3.5 percent".
            arrived = [q for q in figures if q.kind != "duration"
                       and not _FROM_BEFORE.search(text, max(a, q.start - 6), q.start)]
            q = (arrived or figures)[-1]
            verb = "were" if q.kind == "count" and q.unit else "was"
            said = wording.sentence("", f"{q.text} {verb} {text[m.end():app_end]}")
        # ", an increase of 11 per cent ..., its highest share since ...": the rest may rank it again.
        rest = _split_ranking(text, m.end(), b, c, depth + 1) if depth < 2 and app_end < b else None
        if rest:
            rest[0] = Clause(rest[0].start, rest[0].end, said, aside_of=aside)
            return [Clause(a, m.start()), *rest]
        tail = app_end + 1
        while tail < b and text[tail] == " ":
            tail += 1
        if (app_end < b and strong(c, tail, b) and count_words(text, tail, b) >= 3
                and not lx.ATTRIB_VERB.search(text, tail, b) and "ccording" not in text[tail:b]
                and not lx.VERB_START.match(text, tail)):  # "sales in China, its biggest market, slumped": a subject
            # ", the largest investment in its history, to build 24 homes ...": the ranking sits between
            # the act and a phrase with its own figure or date, a third claim (a source after it stays).
            return [Clause(a, m.start()), Clause(m.end(), app_end, said, aside_of=aside), Clause(tail, b)]
        return [Clause(a, m.start()), Clause(m.end(), b, said, aside_of=aside)]
    return None
