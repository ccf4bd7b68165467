"""A trailing ranking after a clause: ", its highest level since 2009", ", the only hospital in the
district"; a claim of its own (GUIDELINES.md)."""

from __future__ import annotations

import re

from . import lexicon as lx
from . import tails, wording
from .clauses import GERUND, RANK_OPENING, Clause
from .comparisons import split_distance, split_figure_comparison, split_trailing_comparison
from .cues import Cues, any_in, count_words, has_quantity, strong

# ", its highest level since 2009" or ", the steepest drop in three years" after a clause with a figure.
# A trailing comparison without a determiner (", more than double last year's total") stays with its
# figure, as the corpus labels it: it compares that very figure.
# ", in the deadliest attack on the town since April", ", close to its lowest on record": the same
# (GUIDELINES.md: a trailing ranking is a claim of its own); "in a personal best of ..." stays.
_NAME_BEFORE = re.compile(r"(?<![\w'’-])(?:[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+$")
_APPOSITIVE = re.compile(
    r",\s+(?=(?:in\s+(?:its|the|their)|(?:close\s+to\s+|near\s+)?(?:its|the|their|his|her|a|an|this|that))\s)"
)
# Present-tense results, as live blogs and headlines write them.
_RESULT_VERB = re.compile(r"\b(?:wins|holds|takes|leads|gains|loses|keeps|retains|secures|beats|tops|reaches|hits|posts)\b")
# "The budget raises defence spending by 18 percent ..., the biggest increase since ...", "forecast a
# surplus of 165,000 tonnes, the first since 2021": a present or bare verb a ranking can follow.
_PRESENT_ACT = re.compile(r"\b(?:forecast|[a-z]{3,}(?<![su])s\s+(?=[a-z\d$£€]))")
_SINCE_BEFORE = re.compile(r"\b(?:since|when|after|before|as)\s+(?:[\w'’-]+\s+){0,3}$")
_FROM_BEFORE = re.compile(r"\bfrom\s+$")
_REL_VERB_BEFORE = re.compile(r"\b(?:that|which)\s+$")


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


def split_ranking(text: str, a: int, b: int, c: Cues, depth: int = 0) -> list[Clause] | None:
    figure_cmp = (split_figure_comparison(text, a, b, c) or split_distance(text, a, b, c)
                  or split_trailing_comparison(text, a, b, c))
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
        ranked = RANK_OPENING.match(text, m.end()) is not None  # "the highest number the council has ever received"
        if (_main_verb(text, m.end(), app_end) and not ranked) or not (
                lx.FINITE_VERB.search(text, a, m.start()) or GERUND.match(text, a)  # "reporting a loss ..., its first"
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
                and not RANK_OPENING.match(text, m.end()):
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
        rest = split_ranking(text, m.end(), b, c, depth + 1) if depth < 2 and app_end < b else None
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
