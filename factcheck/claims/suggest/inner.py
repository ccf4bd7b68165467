"""Splits inside one clause: the assertions it bundles (a relative clause or appositive with its own
figure, a trailing comparison or ranking), less a verdict tacked on by critics."""

from __future__ import annotations

import re

from . import lexicon as lx
from . import tails, wording
from .clauses import TAIL_TRIM, Clause
from .cues import Cues, any_in, has_quantity
from .rankings import split_ranking
from .relatives import split_nonrestrictive, split_restrictive

# ", a sum critics called 'an insult'": a verdict on what the clause states, not part of it.
_VERDICT_APPOSITIVE = re.compile(
    r",\s+(?:a|an|the|which|what)\s+[^,;]{0,60}?\b(?:called|calls|described|describes|branded|labelled|labeled|"
    r"dubbed|termed|denounced|slammed|hailed|derided|(?:could\s+not|cannot|can't)\s+be\s+(?:independently\s+)?(?:verified|confirmed))\b"
)


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
        # "in what the trust calls the biggest investment in a generation" ranks a measure, checkable
        # against a record; "one of the worst abuses of trust" is a verdict.
        if not (has_quantity(c, evaluation.end(), b) or any_in(c.dates, evaluation.end(), b)
                or lx.MEASURED_RANK.search(text, evaluation.end(), b)):
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
    for split in (split_nonrestrictive, split_restrictive):
        parts = split(text, a, b, c)
        if parts:
            last = parts[-1]
            tail = split_ranking(text, last.start, last.end, c)
            if tail:
                tail[0] = Clause(tail[0].start, tail[0].end, last.wording, last.speaker)
                return parts[:-1] + tail
            return parts
    trailing = tails.split_trailing_relative(text, a, b, c) or tails.split_each_of_which(text, a, b, c)
    if trailing:
        return [Clause(a, trailing[0]), Clause(trailing[1], b, trailing[2])]
    ranked = split_ranking(text, a, b, c)
    if ranked:
        return ranked
    noun_rel = tails.split_noun_relative(text, a, b, c)
    if noun_rel:
        return [Clause(a, noun_rel[0]), Clause(noun_rel[1], b)]
    age = _FINAL_AGE_APPOSITIVE.search(text, a, b) if "-year-old" in text[a:b] else None
    if age is not None and age.end() == b and lx.FINITE_VERB.search(text, a, age.start()) \
            and not lx.FINITE_VERB.search(text, age.end("age"), b):
        # "... lost his seat by 38 votes to newcomer Aisha Kowal, a 26-year-old nurse": who the person named
        # last is, with her age, is checked apart from what the clause says happened.
        said = wording.sentence(age.group("name"), f"is {age.group('age')}")
        return [Clause(a, age.end("name")), Clause(age.start("age"), b, said)]
    return [Clause(a, b)]


# ", a 26-year-old nurse" closing a clause, after a person's name.
_FINAL_AGE_APPOSITIVE = re.compile(
    r"(?<=\s)(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}),\s+"
    r"(?P<age>an?\s+\d{1,3}-year-old(?:\s+[a-z][\w-]*){1,3})$"
)
