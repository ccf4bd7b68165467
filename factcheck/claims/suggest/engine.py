"""The claim suggestion engine: article text in, one suggestion per checkable assertion out.

Pipeline: find the figures of the whole article in one pass; then, per sentence, find the other
cues once (dates, superlatives, comparisons, causes, names), cut the sentence into clauses where
each side carries its own checkable content, and keep the clauses that assert something an editor
can verify, dropping opinions, predictions, questions and feelings. Every stage looks at a bounded
window (a sentence is at most segment.MAX_SENTENCE characters), so the cost grows linearly with the
article. Pure Python, no Django, no models.
"""

from __future__ import annotations

import re
from dataclasses import replace

from . import lexicon as lx
from . import tails, wording
from .asides import find_asides, outside_runs
from .attribution import find_attribution, find_speaker, quote_speaker, quoted_wording
from .clauses import PRESENT_VERB, Clause, split_clauses
from .cues import Cues, count_words, find_cues, overlaps
from .inner import inner_splits
from .judge import frame_content, judge
from .lang_engine import suggest_rtl
from .lang_script import RTL_LANGS, detect
from .numbers import QuantityMatch, find_quantities
from .relatives import antecedent_start
from .segment import paragraphs, quoted_spans, sentences
from .suggestion import TYPES, Suggestion, with_type
from .wording import sentence_subject, starts_with_pronoun, subject_end, with_subject

__all__ = ["TYPES", "Suggestion", "suggest"]

# A wire dateline: a place in capitals (and its region), an optional agency, then a dash.
_DATELINE = re.compile(
    r"[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){0,3}(?:,\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}(?:\s+\d{1,2})?){0,2}"
    r"(?:\s+\([A-Za-z][\w .&-]{0,40}\))?\s*(?:—|–|--|-)\s+(?=\S)"
)
# A live-blog entry's time stamp ("10:31 — ", "10.31am: ") times the post, it is not part of a claim.
_TIMESTAMP = re.compile(r"\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?\s*(?:—|–|--|-|:)\s+(?=\S)", re.IGNORECASE)
# A bare "09:15 " opening a paragraph before a capital ("09:15 Rail operator Irenet has ...") is a
# live-blog stamp too; in running text a clock time follows "at", "by" or "until", never opens.
_BARE_TIMESTAMP = re.compile(r"[0-2]?\d:[0-5]\d\s+(?=[A-Z“\"‘])")
_SOURCE_AFTER_BREAK = re.compile(r"[,”\"]\s*$")
_HARD_CUT = re.compile(r"[;:]\s+$")
_WHEN_BEFORE = re.compile(r",\s+when\s+$")
_REL_AFTER_NOUN = re.compile(r"(?<=[A-Za-z'’]),\s+(?:which|who)\s+$")
_WORD_BEFORE_COMMA = re.compile(r"[A-Za-z'’-]+(?=,\s*$)")
_ING_START = re.compile(r"[a-z]{3,}ing\b")
_SAYING = re.compile(r",\s+(?:saying|adding|blaming|citing|claiming|arguing|insisting|warning)\b")
# "He was sentenced to 12 years and fined $250,000": the second act is passive as well.
_IRREGULAR_PARTICIPLE = r"told|held|sent|hit|cut|put|shot|sold|paid|left|kept|built|brought|caught|found|seen|made"
_PASSIVE_AUX = re.compile(
    rf"((?:was|were|is|are|has\s+been|have\s+been|had\s+been))\s+(?:[a-z]+ed|[a-z]+en|{_IRREGULAR_PARTICIPLE})\b"
)
_PARTICIPLE_START = re.compile(rf"(?!(?:was|were|is|are|has|have|had)\b)[a-z]{{2,}}(?:ed|en)\b|(?:{_IRREGULAR_PARTICIPLE})\b")
_OF_THEM_START = re.compile(r"(?:[\w.,%-]+\s+){1,4}?of\s+(?:them|whom|those|these)\b")
# "... mains — roughly a fifth of the network — and install 95,000 meters": the act after an aside
# is the subject's second act.
_DASH_AND = re.compile(r"\s*(?:—|–|--)\s+(?:and|but)\s+")
_MODAL_AUX = re.compile(r"(will|would|can|could|must|should|may|has|have|had|is|are|was|were)\s+(?:also\s+)?[a-z]+")
_REL_BEFORE = re.compile(r",\s+(?:which|who|where|when)\s+$")
# "The board, which weighed 23 kg, fell 18 metres, the court heard": a relative clause on a noun
# (or the noun with it, split from the act that follows) is the writer's background, not what the
# source said; "which would make it the costliest flood" is the source's reckoning and keeps it.
_BACKGROUND_BEFORE = re.compile(r",\s+(?:which|who|whose)\s+$")
_BACKGROUND_HEAD = re.compile(r"[^,;:“”\"]{2,80},\s+(?:which|who|whose)\s+")
_OWN_SUBJECT = re.compile(r"(?:would|could|will|the|its|their|his|her|it|they|he|she|we|a|an)\b|[A-Z]")
# 'a drop of seven places was "statistically meaningless"': the words before a quoted verdict are its
# subject, not a claim of their own.
_VERDICT_VERB_END = re.compile(r"\b(?:was|were|is|are|been|be|called|described\s+as|branded|labell?ed|termed)\s*[“\"‘]?$")
# "..., particularly in the north of the county, where at least nine people are missing": the place the
# "where" clause hangs on is part of what it asserts, so its wording keeps it.
_WHERE_BEFORE = re.compile(r",\s+where\s+$")
_PLACE_BEFORE = re.compile(r"\b(?P<place>(?:in|at|on|near|across|around|inside|outside)\s+[^,;:“”\"()]{2,60}?)\s*$")
_INFERENCE = re.compile(r"(?:meaning|which\s+means)\b")  # "..., meaning real pay fell": the writer's inference


def _frames(
    text: str, low: str, hosts: list[tuple[int, int]], quotes: list[tuple[int, int]], c: Cues,
    taken: list[Suggestion], speaker: str | None,
) -> list[Suggestion]:
    """Claims in the words around a quotation that was dropped as testimony.

    A frame that says to whom or in what document it was said ("in a letter addressed to the
    minister") is an attribution an editor can check; one that carries its own figure, ranking or
    date ("said Ana Ruiz, whose bakery has stood there since 1962") is a claim of the writer's.
    """
    out: list[Suggestion] = []
    spans = [(s.start, s.end) for s in taken]
    for ha, hb in hosts:
        for ra, rb in outside_runs(text, ha, hb, quotes):
            if overlaps(spans, ra, rb) or count_words(text, ra, rb) < 3:
                continue
            if lx.FRAME_VENUE.search(text, ra, rb):
                src, p, e = find_attribution(text, ra, rb)
                sugg = judge(text, low, ra, rb, c, [], src or speaker, False, (p, e) if src else None, frame=True)
            elif frame_content(text, c, ra, rb) and not _VERDICT_VERB_END.search(text, ra, rb):
                sugg = judge(text, low, ra, rb, c, [], None)
            else:
                continue
            if sugg is not None:
                out.append(sugg)
    return out


def _sentence_suggestions(
    text: str, low: str, s_start: int, s_end: int, quotes: list[tuple[int, int]], qs: list[QuantityMatch],
    previous: str | None = None,
) -> list[Suggestion]:
    if lx.QUESTION_END.search(text, s_start, s_end):
        return []
    cues = find_cues(text, low, s_start, s_end, qs)
    asides = find_asides(text, s_start, s_end, quotes, cues)
    speaker = None
    if not asides:
        hosts = [(s_start, s_end)]
        out = _piece_suggestions(text, low, s_start, s_end, quotes, cues, previous=previous)
    else:
        # The aside is its own claim, and the sentence around it is read without it: the quote
        # in '“...,” the council, which oversees ..., said' is testimony, the aside is not.
        hosts = []
        h = s_start
        for _a, _b, da, db in asides:
            if da > h:
                hosts.append((h, da))
            h = db
            while h < s_end and text[h].isspace():
                h += 1  # the host after ", who ...," starts at its verb, not at the space before it
        if s_end > h:
            hosts.append((h, s_end))
        speaker = find_speaker(text, s_start, hosts, asides, quotes)
        out = []
        for ha, hb in hosts:
            out.extend(_piece_suggestions(text, low, ha, hb, quotes, cues, speaker))
        if any(not lx.FRAME_VENUE.search(s.text) for s in out):
            # The sentence asserts something itself: the aside belongs to that one claim
            # ("The island, which has 6,000 people, received 7,000 migrants").
            hosts = [(s_start, s_end)]
            speaker = None
            out = _piece_suggestions(text, low, s_start, s_end, quotes, cues, previous=previous)
        else:
            for a, b, da, _db in asides:
                sugg = judge(text, low, a, b, cues, quotes, None, wording=_aside_wording(text, s_start, a, b, da))
                if sugg is not None:
                    out.append(sugg)
    if quotes:
        out.extend(_frames(text, low, hosts, quotes, cues, out, speaker))
        out.sort(key=lambda s: s.start)
    return out


_REL_WORD = re.compile(r"(?:which|who)\s+(?=[a-z])")


_THAT = re.compile(r"\s+(?:that\s+)?")


def _aside_wording(text: str, s_start: int, a: int, b: int, da: int) -> str | None:
    """", who is paid £54,000 a year," after the sentence's subject: worded with its noun
    ("Council leader Graham Pettifer is paid £54,000 a year."); None when the noun is not plain."""
    rel = _REL_WORD.match(text, a, b)
    noun = text[s_start:da].strip()
    if rel is None or not noun or not noun[0].isupper() or len(noun.split()) > 8 or any(
            ch in noun for ch in ",;:“”\"()"):
        return None
    return wording.sentence(noun, text[rel.end():b])


def _where_wording(text: str, prev_start: int, a: int, b: int) -> str | None:
    """The wording of a "where" clause with its own subject: the clause, then the place it is about."""
    where = _WHERE_BEFORE.search(text, max(prev_start, a - 10), a)
    if where is None or lx.VERB_START.match(text, a) or subject_end(text, a, b) is None:
        return None
    place = _PLACE_BEFORE.search(text, prev_start, where.start())
    if place is None:
        return None
    return wording.sentence(text[a:b].rstrip(" .,;:"), place.group("place"))


def _present_act(text: str, prev_end: int, start: int) -> bool:
    """A clause cut at " and " that opens with a present-tense verb: "and bakes about 1,500 loaves"."""
    return text[prev_end:start].strip() == "and" and PRESENT_VERB.match(text, start) is not None


def _tail_phrase(text: str, prev_end: int, start: int) -> bool:
    """", driven by ...", ", including 23 ...", ", nine of them ...": read with the clause before it."""
    return text[prev_end:start].strip() == "," and (
        tails.WORDING_START.match(text, start) is not None or _OF_THEM_START.match(text, start) is not None)


def _clauses(text: str, s_start: int, s_end: int, cues: Cues, previous: str | None) -> list[Clause]:
    """The clauses of a stretch, each with a self-contained wording where its quote lacks a subject."""
    clauses = [part for a, b in split_clauses(text, s_start, s_end, cues) for part in inner_splits(text, a, b, cues)]
    if not clauses:
        return clauses
    return _with_asides(text, clauses, _subject_wordings(text, s_start, s_end, clauses, cues, previous))


def _with_asides(text: str, clauses: list[Clause], worded: list[Clause]) -> list[Clause]:
    """An aside ranked or compared the clause before it: worded as that clause with the aside, so the
    ranking keeps the clause's subject ("Shelling left nearly 1,400 wounded, the deadliest week ...")."""
    out = list(worded)
    for idx, cl in enumerate(clauses):
        if cl.aside_of is None or not idx:
            continue
        main_start, main_end, aside_end = cl.aside_of
        main = next((m for m in worded[:idx] if m.start == main_start), None)
        if main is not None and main.wording:
            base = main.wording.rstrip(". ")
        elif lx.VERB_START.match(text, main_start):
            continue  # a main clause without its subject, and no wording for it: keep the figure's wording
        else:
            base = text[main_start:main_end].strip(" ,")
        out[idx] = Clause(cl.start, cl.end, wording.sentence(f"{base},", text[cl.start:aside_end]), cl.speaker)
    return out


def _subject_wordings(text: str, s_start: int, s_end: int, clauses: list[Clause], cues: Cues,
                      previous: str | None) -> list[Clause]:
    # Only a clause that starts with its verb or a pronoun needs a wording, so the subject is looked
    # for only then: most sentences need neither.
    needs = [idx for idx, cl in enumerate(clauses) if cl.wording is None and (
        (idx and (lx.VERB_START.match(text, cl.start) or _present_act(text, clauses[idx - 1].end, cl.start)
                  or _tail_phrase(text, clauses[idx - 1].end, cl.start)
                  or _DASH_AND.fullmatch(text, clauses[idx - 1].end, cl.start)))
        or starts_with_pronoun(text, cl.start))]
    if not needs:
        return clauses
    first = clauses[0]
    end = subject_end(text, first.start, first.end)
    said = lx.ATTRIB_VERB.match(text, end) if end is not None else None
    if said is not None:
        # "The ministry said the fund had grown by 4 percent and paid out €12 million": the second act is
        # the fund's, as the ministry reports it, not the ministry's own.
        inner = _THAT.match(text, said.end())
        inner_end = subject_end(text, inner.end() if inner else said.end(), first.end)
        end = inner_end if inner_end is not None else end
    subject = text[first.start:end].strip() if end is not None else None
    if subject and previous and subject in ("It", "They", "He", "She", "This", "That"):
        subject = previous
    passive = _PASSIVE_AUX.match(text, end) if end is not None else None
    out = list(clauses)
    ing_base: dict[int, str] = {}  # the clause a participle (", killing ...") was worded with
    for idx in needs:
        cl = clauses[idx]
        own = subject
        rel = _REL_AFTER_NOUN.search(text, max(s_start, cl.start - 80), cl.start) if idx else None
        if rel:
            # ", according to the trial's results, which were published ...": the relative clause is
            # about the noun before it, not the sentence's subject.
            noun = _WORD_BEFORE_COMMA.search(text, clauses[idx - 1].start, rel.start() + 1)
            if noun:
                own = text[antecedent_start(text, clauses[idx - 1].start, noun.start()):rel.start()]
                verb = lx.ATTRIB_VERB.match(own)
                if verb and own[verb.end():].strip():
                    # '"...," said Mayor Ana Ruiz, who declared ...': the noun is the speaker after the
                    # inverted verb, and the verb is no part of her name.
                    own = own[verb.end():].strip()
                own = own[:1].upper() + own[1:]
        elif idx and (_ING_START.match(text, cl.start) or _tail_phrase(text, clauses[idx - 1].end, cl.start)) \
                and text[clauses[idx - 1].end:cl.start].strip() == ",":
            # "..., affecting some 45,000 passengers": the participle is about the whole clause before it,
            # worded with that clause's subject when the clause needed one.
            prev = clauses[idx - 1]
            base = out[idx - 1].wording.rstrip(". ") if out[idx - 1].wording else text[prev.start:prev.end]
            ing_base[idx] = base
            out[idx] = Clause(cl.start, cl.end, f"{base}, {text[cl.start:cl.end]}.")
            continue
        elif idx and _ING_START.match(text, cl.start) and text[clauses[idx - 1].end:cl.start].strip() == "while":
            # "... blew £2.3 million on a revamp while closing three libraries": the act is the subject's,
            # worded with the clause it accompanies ("bosses closing three libraries" reads as a label).
            prev = clauses[idx - 1]
            base = out[idx - 1].wording.rstrip(". ") if out[idx - 1].wording else text[prev.start:prev.end]
            ing_base[idx] = base
            out[idx] = Clause(cl.start, cl.end, f"{base} while {text[cl.start:cl.end]}.")
            continue
        elif idx - 1 in ing_base and _ING_START.match(text, cl.start) \
                and text[clauses[idx - 1].end:cl.start].strip(" ,") == "and":
            # "..., killing three people and damaging more than 400 homes": the second participle is
            # about the same clause as the first.
            ing_base[idx] = ing_base[idx - 1]
            out[idx] = Clause(cl.start, cl.end, f"{ing_base[idx]}, {text[cl.start:cl.end]}.")
            continue
        if passive and own == subject and idx and _PARTICIPLE_START.match(text, cl.start):
            own = f"{subject} {passive.group(1)}"  # "He was sentenced to 12 years and fined $250,000"
        if own and idx and own == subject and _DASH_AND.fullmatch(text, clauses[idx - 1].end, cl.start) \
                and not lx.VERB_START.match(text, cl.start):
            aux = _MODAL_AUX.match(text, end) if end is not None else None
            said = f"{subject} {aux.group(1)}" if aux else subject
            out[idx] = Clause(cl.start, cl.end, wording.sentence(said, text[cl.start:cl.end]))  # "... — and install ..."
            continue
        if own and idx and _present_act(text, clauses[idx - 1].end, cl.start):
            out[idx] = Clause(cl.start, cl.end, wording.sentence(own, text[cl.start:cl.end]))  # "... and bakes 1,500 loaves"
            continue
        out[idx] = Clause(cl.start, cl.end, with_subject(text, cl.start, cl.end, own if idx else None, previous))
    return out


def _background(text: str, s_start: int, a: int, b: int) -> bool:
    """The clause ``[a, b)`` describes a noun or draws the writer's inference: a source named
    elsewhere in the sentence does not reach it (its own "which it attributed to ..." still does)."""
    if _INFERENCE.match(text, a):
        return True
    if _BACKGROUND_BEFORE.search(text, max(s_start, a - 10), a):
        # Not "which the society's members were asked to cover" (the relative has its own subject,
        # often the speaker), nor a clause that runs on past the relative (", that the platform ...").
        return not _OWN_SUBJECT.match(text, a) and ", " not in text[a:b]
    m = _BACKGROUND_HEAD.match(text, a, b)
    return m is not None and not _OWN_SUBJECT.match(text, m.end()) and ", " not in text[m.end():b]


def _piece_suggestions(
    text: str, low: str, s_start: int, s_end: int, quotes: list[tuple[int, int]], cues: Cues,
    carried: str | None = None, previous: str | None = None,
) -> list[Suggestion]:
    """Suggestions from one sentence, or one stretch of it between asides."""
    parts = _clauses(text, s_start, s_end, cues, previous)
    clauses = [(cl.start, cl.end) for cl in parts]
    found = [find_attribution(text, a, b) for a, b in clauses]
    if previous:
        # "It estimates the programme would cost ...": "it" is the body the last sentence named.
        found = [(previous, p, e) if src in ("It", "it") else (src, p, e) for src, p, e in found]
    for idx, (a, b) in enumerate(clauses):
        # "The minister resigned on Wednesday, saying she took responsibility": the subject speaks.
        if found[idx][0] is None and _SAYING.search(text, a, b):
            who = sentence_subject(text, s_start, s_end)
            verb = lx.FINITE_VERB.search(text, s_start, a + 200) if who is None else None
            if verb and 0 < count_words(text, s_start, verb.start()) <= 12 and text[s_start].isupper():
                who = text[s_start:verb.start()].strip(" ,")  # "The transport minister, Elena Markou,"
            if who:
                found[idx] = (who, -1, -1)
    for idx, cl in enumerate(parts):
        if found[idx][0] is None and idx and cl.wording and _REL_BEFORE.search(text, max(s_start, cl.start - 12), cl.start):
            # "..., according to Valley Grid, which said it had restored supply ...": the noun the
            # relative clause hangs on speaks; its wording already names it.
            verb = lx.ATTRIB_VERB.match(text, cl.start)
            cut = cl.wording.find(f" {verb.group()} ") if verb else -1
            if verb and cut > 0:
                found[idx] = (cl.wording[:cut], cl.start, verb.end())
        if found[idx][0] is None and cl.speaker:
            verb = lx.ATTRIB_VERB.match(text, cl.start)
            found[idx] = (cl.speaker, cl.start, verb.end() if verb else cl.start)
    if carried and found and found[0][0] is None:
        verb = lx.ATTRIB_VERB.match(text, clauses[0][0])
        # "said in a letter to ..." after an aside: the speaker came before it. What a speaker said
        # after an aside on them is a claim when it holds a figure, ranking, date or comparison
        # (", said the council had not published its maps" is not marked on its own).
        if verb and frame_content(text, cues, *clauses[0]):
            found[0] = (carried, verb.start(), verb.end())
            if parts[0].wording is None:
                # "Council leader Graham Pettifer, who ..., told The Daily Beacon ...": the quote
                # starts at "told"; the editor reads who told it.
                a0, b0 = clauses[0]
                parts[0] = Clause(a0, b0, wording.sentence(carried, text[a0:b0]), parts[0].speaker)
    # A source named at the end of the sentence (", the agency said") or at its start ("The agency
    # said ...") covers every clause; one named mid-sentence covers only its own clause.
    trailing = None
    trailing_idx = len(clauses)
    hard = [idx for idx, (a, _b) in enumerate(clauses) if idx > 0 and _HARD_CUT.search(text, max(s_start, a - 4), a)]
    # The source named after a break in any clause (", the governor said" before a trailing ", the
    # deadliest attack since ...") is the sentence's: every claim split from it keeps it.
    for idx in range(len(clauses) - 1, -1, -1):
        src, p, _e = found[idx]
        if src is None:
            continue
        last_a = clauses[idx][0]
        # ", said Ingrid Holm, the mayor": an inverted source phrase starts at its own comma.
        after_break = _SOURCE_AFTER_BREAK.search(text, max(s_start, p - 4), p) or text[p:p + 1] in (",", "”", '"')
        if (p > last_a and (after_break or p - last_a < 3)) or len(clauses) == 1:
            trailing, trailing_idx = src, idx
            hard = [h for h in hard if h <= idx]  # a cut after the source does not stop it reaching back
        break
    opening = None
    if found and found[0][0] is not None:
        src, p, _e = found[0]
        if p - clauses[0][0] <= 2 or text[clauses[0][0]:p].strip() == "":
            opening = src
    out: list[Suggestion] = []
    for idx, (a, b) in enumerate(clauses):
        relative = idx > 0 and bool(_REL_BEFORE.search(text, max(s_start, a - 12), a))
        # A source does not reach across a colon or semicolon: those join separate statements.
        inherited_trailing = trailing if not any(h > idx for h in hard) else None
        if idx > trailing_idx and relative:
            inherited_trailing = None  # "..., said Ana Ruiz, whose bakery ...": the aside is the writer's
        inherited_opening = opening if not any(h <= idx for h in hard) else None
        if _background(text, s_start, a, b):
            inherited_trailing = inherited_opening = None
        own_src, own_start, own_end = found[idx]
        worded = parts[idx].wording
        if worded is None and idx:
            worded = _where_wording(text, clauses[idx - 1][0], a, b)
        sugg = judge(
            text, low, a, b, cues, quotes, own_src or inherited_trailing or inherited_opening, relative,
            (own_start, own_end) if own_src and own_start >= 0 else None, wording=worded,
        )
        if sugg is not None and idx > 0 and _WHEN_BEFORE.search(text, max(s_start, a - 10), a) and "temporal" not in sugg.types:
            sugg = with_type(sugg, "temporal")
        if sugg is not None and sugg.attributed_to is None and "superlative" in sugg.types and out \
                and out[-1].attributed_to and "prediction" in out[-1].types and text[out[-1].end:a].strip() == ",":
            # "... the study group forecast a surplus of 165,000 tonnes, the first surplus since 2021": the
            # ranking of a forecast is the forecaster's (GUIDELINES.md: each keeps the attribution).
            sugg = replace(with_type(sugg, "attribution"), attributed_to=out[-1].attributed_to)
        if sugg is not None:
            out.append(sugg)
    return out


def _quoted_speakers(text: str, quotes: list[tuple[int, int]], found: list[Suggestion]) -> list[Suggestion]:
    """A claim inside a quotation of several sentences is the speaker's, though its own sentence names
    nobody: '“The dam held for a century. It broke in an hour,” the mayor said.' Its wording names
    the speaker, as the quote alone does not say who asserts it."""
    out = []
    for s in found:
        q = next(((qa, qb) for qa, qb in quotes if qa <= s.start and s.end <= qb), None) if s.attributed_to is None else None
        speaker = quote_speaker(text, *q) if q else None
        if speaker:
            s = replace(with_type(s, "attribution"), attributed_to=speaker,
                        wording=quoted_wording(speaker, s.wording or s.text))
        out.append(s)
    return out


# '“...,” said Piet Mols, a baker who ...' kept for its aside: the aside is about the named speaker.
_NAMED_AFTER_VERB = re.compile(r"\s+(?P<who>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,5}),\s+(?P<link>(?:an?|the)\s|whose\s)")
_OPENING_NAME = re.compile(r"[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,7}?(?=,)")


def _speaker_first(text: str, s: Suggestion, s_start: int) -> Suggestion:
    """A claim whose quote opens with its reporting verb ("said the levee failed at 2 a.m.") is worded
    with its speaker: the source found, or the name that opens the sentence before an aside on it
    ("Mayor Ana Ruiz, who ..., said ..."). A wording never starts with the verb."""
    verb = lx.ATTRIB_VERB.match(text, s.start)
    if verb is None or (s.wording and not lx.ATTRIB_VERB.match(s.wording)):
        return s
    named = _NAMED_AFTER_VERB.match(text, verb.end(), s.end)
    if named:
        rest = text[named.end():s.end]
        if named.group("link") == "whose ":
            return replace(s, wording=wording.sentence(f"{named.group('who')}'s", rest))  # "Piet Mols's family has ..."
        return replace(s, wording=wording.sentence(f"{named.group('who')} is {named.group('link')}", rest))
    speaker = s.attributed_to
    if speaker is None:
        name = _OPENING_NAME.match(text, s_start, s.start)
        if name is None or lx.FINITE_VERB.search(name.group()):
            return s
        speaker = name.group()
        s = replace(with_type(s, "attribution"), attributed_to=speaker)
    return replace(s, wording=wording.sentence(speaker, s.text))


def suggest(text: str, language: str | None = None) -> list[Suggestion]:
    """Every checkable assertion in ``text`` as a Suggestion, sorted by start offset.

    ``language`` ("en", "ar", "he"; anything else or None: told by the script) picks the rules.
    Deterministic, never raises on a string, offsets always inside ``text``, no overlaps.
    """
    if not isinstance(text, str) or not text:
        return []
    lang = detect(text, language)
    if lang in RTL_LANGS:
        return suggest_rtl(text, lang)
    out: list[Suggestion] = []
    low = lx.ascii_lower(text)
    # Figures are found in one pass over the whole text (each looks only a few dozen characters
    # around itself) and handed to their sentence; one pass per sentence cost more in overhead.
    quantities = find_quantities(text, low)
    qi = 0
    previous: str | None = None  # the subject a pronoun stands for: the last named one
    prev_bounds: tuple[int, int] | None = None
    for p_start, p_end in paragraphs(text):
        quotes = quoted_spans(text, p_start, p_end)
        ui = 0
        first = len(out)
        for s_start, s_end in sentences(text, p_start, p_end):
            if s_start == p_start:
                # "KHARVIK, Norland (Reuters) — At least 43 ...": the dateline is not part of any claim.
                dateline = (_DATELINE.match(text, s_start, s_end) or _TIMESTAMP.match(text, s_start, s_end)
                            or _BARE_TIMESTAMP.match(text, s_start, s_end))
                if dateline:
                    s_start = dateline.end()
            # Each sentence gets only its own figures and quotation spans, found by moving pointers:
            # handing it the paragraph's would make a huge quote-filled paragraph quadratic.
            while qi < len(quantities) and quantities[qi].start < s_start:
                qi += 1
            qj = qi
            while qj < len(quantities) and quantities[qj].end <= s_end:
                qj += 1
            while ui < len(quotes) and quotes[ui][1] <= s_start:
                ui += 1
            uj = ui
            while uj < len(quotes) and quotes[uj][0] < s_end:
                uj += 1
            try:
                if prev_bounds is not None and starts_with_pronoun(text, s_start):
                    # Only a sentence that opens with a pronoun needs the last one's subject.
                    previous = sentence_subject(text, *prev_bounds) or previous
                out.extend(
                    _speaker_first(text, s, s_start)
                    for s in _sentence_suggestions(text, low, s_start, s_end, quotes[ui:uj], quantities[qi:qj], previous)
                )
                if not starts_with_pronoun(text, s_start):
                    prev_bounds = (s_start, s_end)
            except Exception:  # noqa: S112 - one odd sentence must not cost the editor the whole article
                continue
        if quotes:
            out[first:] = _quoted_speakers(text, quotes, out[first:])
    out.sort(key=lambda s: (s.start, s.end))
    clean: list[Suggestion] = []
    last_end = -1
    for s in out:
        if s.start >= last_end and 0 <= s.start < s.end <= len(text):
            clean.append(replace(s, wording=wording.finished(s.wording)) if s.wording else s)
            last_end = s.end
    return clean
