"""Relative clauses and appositives with a figure of their own inside a clause's subject:
"The protest, which drew 20,000 people, was peaceful", "storms that killed 19 people forced ..."."""

from __future__ import annotations

import re

from . import lexicon as lx
from . import wording
from .clauses import PRESENT_VERB, Clause
from .cues import Cues, count_words, has_quantity, strong

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
_NOT_SUBJECT = re.compile(
    r"(?:[A-Z][a-z]+ly|(?:In|On|At|By|For|With|After|Before|During|Under|Over|Since|From|Across|Among|Despite)\b[^,]*)$"
)
_WORD_BEFORE = re.compile(r"([A-Za-z'’-]+)\s*$")
# Words of the antecedent's noun phrase, a year or a count among them ("the 2019 floods", "its 300 homes").
_NP_WORD_BEFORE = re.compile(r"([A-Za-z0-9'’-]+)\s*$")
# "Anton Varga, 61," before a relative clause: the person's age, set off by commas after the name.
# "a sixth, a 38-year-old woman, was detained", "The third, a 67-year-old man, died": an appositive on a
# counted subject says who that one was; the act is the claim, the appositive is no claim without it.
_COUNTED_SUBJECT = re.compile(
    r"(?:a|an|the|another)\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|other|one|two|three|four|five)",
    re.IGNORECASE,
)
_AGE_AFTER_NAME = re.compile(r"(?<=[A-Za-z'’]),\s+(?P<age>\d{1,3})\s*$")


def split_nonrestrictive(text: str, a: int, b: int, c: Cues) -> list[Clause] | None:
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
    if kind in ("a", "an", "the") and _COUNTED_SUBJECT.fullmatch(text[s_start:m.start()].strip()):
        return None
    # "The increase, approved by 31 votes to 22," was approved; "Kestavo, a town of ..." is one.
    verb = "was" if kind.endswith((" by", " in")) else "is"
    body = m.group("body") if kind in ("which", "who") else f"{verb} {kind} {m.group('body')}"
    said = wording.sentence(subject, body)
    if kind == "whose":  # "Crewe, whose salary rose by a third, ...": "Crewe's salary rose by a third."
        said = wording.sentence(f"{subject.strip()}’s" if "’" in text else f"{subject.strip()}'s", m.group("body"))
    age = _AGE_AFTER_NAME.search(subject) if not frame and kind in ("who", "whose") else None
    if age is not None and 0 < int(age.group("age")) < 120 and subject[:1].isupper():
        return _age_split(text, a, b, m, subject[:age.start()].strip(), age)
    first = Clause(a, m.end("body"), said)
    speaker = subject.strip() if not frame and lx.ATTRIB_VERB.match(text, m.end()) else None
    return [first, Clause(m.end(), b, wording.sentence(subject, text[m.end():b]), speaker)]


def _age_split(text: str, a: int, b: int, m: re.Match[str], name: str, age: re.Match[str]) -> list[Clause]:
    """"Anton Varga, 61, who served as deputy mayor from 2014 to 2021, denies ...": the age, the
    relative clause and the act are three things to check (the independent labels cut the age off
    whenever a relative clause follows it), each worded with the name alone, not "Varga, 61 served"."""
    rel_start = m.start("kind")
    body = m.group("body")
    said = wording.sentence(f"{name}’s" if "’" in text else f"{name}'s", body) if m.group("kind") == "whose" \
        else wording.sentence(name, body)
    speaker = name if lx.ATTRIB_VERB.match(text, m.end()) else None
    return [Clause(a, a + age.end("age"), wording.sentence(name, f"is {age.group('age')}")),
            Clause(rel_start, m.end("body"), said),
            Clause(m.end(), b, wording.sentence(name, text[m.end():b]), speaker)]


def split_restrictive(text: str, a: int, b: int, c: Cues) -> list[Clause] | None:
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
        prev = _NP_WORD_BEFORE.search(text, a, start)
        if prev is None or text[prev.end():start].strip():
            break
        word = prev.group(1).lower()
        if word in _ANTECEDENT_STOP:
            break
        start = prev.start()
        if word in _DETERMINERS:
            break
    return start
