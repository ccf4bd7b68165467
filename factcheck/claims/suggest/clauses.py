"""Cutting a sentence into clauses where each side carries its own checkable content."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon as lx
from . import tails
from .cues import Cues, any_in, count_words, has_content, has_quantity, strong

# Every cut starts at a comma, semicolon, colon or space: the look-ahead lets the scan skip every
# other character with one test instead of trying each branch (a third of the scan's time).
_SPLIT = re.compile(
    r"(?=[,;:\s])(?:"
    rf"(?P<tail>{tails.TAIL})"
    r"|(?P<further>,?\s+(?:and|with)\s+(?=(?:another|a\s+further)\s+(?:[a-z]+\s+)?[$£€]?\d))"
    r"|(?P<with>,\s+with\s+(?![\d$£€]|(?:a|an|about|some|around|roughly|nearly|almost|more|over|up|just|only)\b))"
    r"|(?P<semi>;\s+)"
    r"|(?P<colon>:\s+)"
    r"|(?P<dash>\s(?:—|–|--)\s+(?:(?:and|but)\s+)?)"
    r"|(?P<cconj>,\s+(?:and|but|while|whereas|although|though|even\s+as|even\s+though|yet|so(?!\s+(?:far|that|much|many|long|called|too|it)\b))\s+)"
    r"|(?P<rel>,\s+(?:which|who|where|when)\s+)"
    r"|(?P<whose>,\s+(?=whose\s))"
    r"|(?P<prel>,?\s+(?:in|during|after|at|of)\s+(?:which|whom)\s+|,\s+by\s+which\s+(?:time|point)\s+)"
    r"|(?P<ing>,\s+(?!(?!making\s)[a-z]+ing\s+(?:it|them)\s)(?!(?:including|according|excluding|regarding|concerning|following|during|notwithstanding|"
    r"pending|barring|considering|something|nothing|anything|everything)\b)(?=[a-z]{3,}ing\b))"
    r"|(?P<that>,?\s+and\s+(?=that\s))"
    r"|(?P<sub>,?\s+(?:after|as|while|when|because|following)\s+(?=(?:the|a|an|its|their|his|her|[A-Z]|[a-z]{3,}ing\s|"
    # "after nine cases were linked to a school": an event whose subject is a count ("as 40 ..." is a comparison).
    r"(?<!\bas\s)(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands)\s)|"
    rf"[a-z]+\s+(?:[a-z]+ed|was|were|had|has|have|is|are|{lx.IRREGULAR_PAST})\b)))"
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
# The act in an absolute phrase after "with": a participle ("opening", "coming") or a change ("up by").
_WITH_ACT = re.compile(
    r"(?<!\bof\s)(?<!\bfor\s)\b(?!during\b|including\b|according\b)[a-z]{3,}ing\b|\b(?:up|down)\s+(?:by|from|to)\b"
)
_REL_WORD = re.compile(r"\b(?:that|which|who|whom|whose)\b")
_MAKING = re.compile(r"making\s+(?:it|them|him|her)\s")
GERUND = re.compile(r"[a-z]{3,}ing\s")
_REL_FRAME = re.compile(
    r"(?:the|a|an|its|their|some|many)\s+(?:[\w'’-]+\s+){0,4}?(?:cited|described|called|saw|sees|took|used|uses)\b"
)
_COMMA = re.compile(r",\s")
_ASIDE_CLOSED = re.compile(r",\s+(?=[a-z])")
_DETERMINER_START = re.compile(r"(?:the|its|their|his|her|a|an|this|that)\s", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"\bbetween\b", re.IGNORECASE)
# Cuts between clauses (not the phrases inside one): how far a clause cut at ", and" may reach for its verb.
_COUNT_LED = re.compile(r"\d|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands)\s")
_DENIAL = re.compile(r"\b(?:denied|denies|rejected|disputed)\b")
_CLAUSE_BREAKS = frozenset({"cconj", "semi", "colon", "dash"})
_LEAD_TRIM = re.compile(r"^[\s,;:—–-]+")
TAIL_TRIM = re.compile(r"[\s,;:.—–-]+$")
# "the highest number ...", "its first ...": a ranking opens the phrase (rankings.py reads it too).
RANK_OPENING = re.compile(
    r"(?:the|its|their|his|her)\s+(?:[a-z]+est|most\s+[a-z]+|first|second|third|fourth|fifth|largest|biggest)\b"
)
_COMPARISON_START = re.compile(
    r"(?:well\s+|far\s+|just\s+|slightly\s+|still\s+)?(?:above|below|short\s+of|ahead\s+of|behind)\s+(?:the|its|their)\s"
)


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
        elif kind == "with":
            # ", with the first wards opening in spring 2029", ", with vegetables up by almost a fifth": a
            # subject and its own act after "with" is a second assertion when it has its own figure or
            # date; ", with its 520 spaces" or ", with peak winds estimated at 150 mph" describes the first.
            stop = text.find(",", b, end)
            w_end = end if stop < 0 else stop
            act = _WITH_ACT.search(text, b, w_end)
            # "Lakes are warming faster than the air above them, with surface temperatures rising by 0.41C":
            # a comparison on the left is checkable content as a figure is.
            ok = (act is not None and left_verb and (strong(c, seg_start, a) or any_in(c.comparisons, seg_start, a))
                  and strong(c, act.start(), w_end) and count_words(text, b, act.start()) <= 5)
            b = a + 2 + text[a + 2:b].find("with")  # the claim's quote keeps its "with"
        elif kind == "semi":
            # "...; the brigade puts the figure at more than 3,000": a semicolon joins whole clauses, so a
            # right side with its own figure is one even when its verb is a present the list misses.
            ok = (right_verb or (has_quantity(c, b, r_end) and count_words(text, b, r_end) >= 4)) \
                and count_words(text, seg_start, a) >= 3
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
            # ", and one of them, Glenys Parr, resigned", ", while A and B tied for second": the right
            # clause's verb may come after an aside or a coordinated subject, past the next candidate.
            if not right_verb:
                far = next((n.start() for n in cands[i + 1:] if n.lastgroup in _CLAUSE_BREAKS), end)
                far_verb = lx.FINITE_VERB.search(text, b, far)
                if far_verb is not None and count_words(text, b, far_verb.start()) <= 8:
                    right_verb, r_end = True, far
            left_ok = left_verb or (has_quantity(c, seg_start, a) and right_verb
                                    and (has_quantity(c, b, r_end) or (own_subject and strong(c, b, r_end)))
                                    and not tails.figure_list(text, seg_start, a, c))
            # ", but only 29 percent back the cuts": a figure opening the right side is its subject.
            fig_subject = has_quantity(c, seg_start, a) and any(
                0 <= q.start - b <= 12 for q in c.quantities if b <= q.start < r_end)
            ok = left_ok and (right_verb or fig_subject or (own_subject and strong(c, b, r_end))) \
                and count_words(text, b, r_end) >= 3
            ok = ok or (m.group().strip(", ") == "and" and tails.coordinated_figure(text, seg_start, a, b, r_end, c))
        elif kind == "rel":
            n_right = count_words(text, b, r_end)
            # ", where 22 remain in serious condition": a figure after the relative word is its subject,
            # whatever its verb (the verb list misses plain presents).
            own_count = any(q.start - b <= 6 for q in c.quantities if b <= q.start < r_end)
            ok = left_verb and (right_verb or own_count or any_in(c.causes, b, r_end)) and has_content(c, b, r_end) and (
                n_right >= 5 or (n_right >= 3 and has_quantity(c, b, r_end))
            )
            # "The outbreak began in late October, when a well was traced as the source": a "when" clause with
            # no figure, date or ranking of its own tells how the dated act came about; one claim with it.
            ok = ok and not (m.group().strip(", ").startswith("when") and strong(c, seg_start, a)
                             and not strong(c, b, r_end))
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
            # ", making it one of the oldest returning comets on record": a ranking the act earns is a
            # claim of its own, as a figure there is.
            # "overtaking gas for the first time" stays: it is how the act came about, not what it made.
            making = _MAKING.match(text, b) is not None
            ranked = making and any_in(c.superlatives, b, ing_end) and left_verb
            ok = (((has_quantity(c, b, max(r_end, ing_end)) or meaning) and not making) or ranked) \
                and (left_verb or strong(c, seg_start, a)) and left_content
        elif kind == "that":
            # "The minister said an inquiry had been opened and that the driver had been detained":
            # two reported statements; the source at the start of the sentence reaches both.
            ok = right_verb and left_verb and lx.ATTRIB_VERB.search(text, seg_start, a) is not None and (
                count_words(text, b, r_end) >= 4)
        elif kind == "sub":
            # "The index fell 2 percent after the bank raised rates by half a point": each side is an
            # assertion with its own verb and figure.
            gerund = GERUND.match(text, b) is not None  # "after reporting a loss of €412 million"
            # "closed the bridge on Thursday after inspectors found cracks in two girders": a dated act
            # and the event with its own count that led to it are two assertions as well.
            # Not "after a journey of 3.1 billion km that took ...": the event needs its own verb, near its start.
            rv = lx.FINITE_VERB.search(text, b, r_end)
            dated = any_in(c.dates, seg_start, a) and rv is not None and count_words(text, b, rv.start()) <= 5 \
                and not _REL_WORD.search(text, b, rv.start())
            ok = (left_verb and (right_verb or gerund) and (has_quantity(c, seg_start, a) or dated)
                  and has_quantity(c, b, r_end)
                  and not any(q.start < b < q.end or (q.kind == "duration" and 0 <= a - q.end <= 1) for q in c.quantities)
                  and (count_words(text, b, r_end) >= 5 or (gerund and count_words(text, b, r_end) >= 3
                                                              and m.group().strip(", ") == "while")))
            # not "came two days after ...": a duration dates it; "while closing three libraries" is a
            # second act of the subject's, as short as its figure needs
            # "declared an outbreak on 19 September after nine cases were linked to a school": a dated act
            # and the counted event before it are two claims; "Power was cut to 300,000 households after two
            # substations flooded" is one, the event explaining the figure.
            ok = ok and (dated or not _COUNT_LED.match(text, b))
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
                # "Ashdown denied any wrongdoing and said the contract was "properly awarded"": the denial is an
                # event of its own; what the subject said after it is judged apart (here, a verdict).
                said_act = said_act or (lx.ATTRIB_VERB.match(text, b) is not None and count_words(text, b, r_end) >= 3
                                        and _DENIAL.search(text, seg_start, a) is not None
                                        and count_words(text, seg_start, a) >= 4)
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
            elif (RANK_OPENING.match(text, b) and any_in(c.superlatives, b, r_end) and count_words(text, b, r_end) >= 3
                  and left_verb and (strong(c, seg_start, a) or any_in(c.temporals, seg_start, a))):
                # "It was the bank's fourth rate rise this year and the largest single increase since
                # October 2022": the count is one claim, the ranking another.
                ok = True
            elif _DETERMINER_START.match(text, b) and left_verb and has_quantity(c, seg_start, a) \
                    and not tails.figure_list(text, seg_start, a, c):
                # "the Conservatives held six seats and the Greens doubled theirs to four", "Five men were
                # arrested and a sixth, a 38-year-old woman, was detained later": a second subject with its
                # own verb and figure or date is a second assertion (its verb may follow an aside on it).
                far = next((n.start() for n in cands[i + 1:] if n.lastgroup in _CLAUSE_BREAKS), end)
                rv = lx.FINITE_VERB.search(text, b, far)
                ok = rv is not None and count_words(text, b, rv.start()) <= 8 and strong(c, b, far) \
                    and text[rv.end():far].strip() != "" and not _REL_WORD.search(text, b, rv.start())
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

