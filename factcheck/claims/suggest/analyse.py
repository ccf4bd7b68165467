"""Analysing a passage an editor marked as a claim: its types, figures and source.

Suggestions are analysed as the engine finds them; a claim made by selecting text, merging,
splitting or rewording gets the same analysis from here, so every claim reaches the reviewer
typed, with its figures normalised and its attribution named. Only the sentences around the
passage are read, so the cost does not grow with the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import lexicon as lx
from .attribution import find_attribution, quote_speaker, quoted_wording
from .cues import find_cues
from .engine import suggest
from .judge import describe
from .lang_engine import analyse_rtl
from .lang_script import RTL_LANGS, detect
from .numbers import find_quantities
from .relatives import antecedent_start
from .segment import quoted_spans, sentences
from .wording import finished, sentence, sentence_subject, starts_with_pronoun, with_subject

__all__ = ["Analysis", "analyse"]

_CONTEXT = 2000  # characters read on either side for the sentences around the passage


@dataclass(frozen=True)
class Analysis:
    types: list[str] = field(default_factory=list)
    quantities: list[dict[str, object]] = field(default_factory=list)
    attributed_to: str | None = None
    wording: str | None = None  # a self-contained sentence when the passage lacks its subject

    def to_dict(self) -> dict[str, object]:
        return {"types": list(self.types), "quantities": [dict(q) for q in self.quantities],
                "attributed_to": self.attributed_to, "wording": self.wording}


def analyse(text: str, start: int = 0, end: int | None = None, language: str | None = None) -> Analysis:
    """What ``text[start:end]`` asserts: types, figures (within the passage) and who it is attributed
    to (named in the passage or by its sentence: "..., police said" covers every clause).
    ``language`` picks the rules as for ``suggest`` (None: told by the script)."""
    if not isinstance(text, str) or not text:
        return Analysis(["other"])
    end = len(text) if end is None else max(0, min(end, len(text)))
    start = max(0, min(start, end))
    if start >= end:
        return Analysis(["other"])
    lang = detect(text[max(0, start - 500):end + 500], language)
    if lang in RTL_LANGS:
        return Analysis(*analyse_rtl(text, start, end, lang))
    lo, hi = max(0, start - _CONTEXT), min(len(text), end + _CONTEXT)
    window = text[lo:hi]
    bounds = [(a, b) for a, b in sentences(window) if a < end - lo and start - lo < b]
    s_start = min([start - lo] + [a for a, _b in bounds])
    s_end = max([end - lo] + [b for _a, b in bounds])
    piece = window[s_start:s_end]
    a, b = start - lo - s_start, end - lo - s_start
    low = lx.ascii_lower(piece)
    cues = find_cues(piece, low, 0, len(piece), find_quantities(piece, low))
    called = lx.IN_WHAT_CALLED.match(piece, a, b)
    # "in what forecasters called ...": the evaluation is the forecasters', whoever the sentence quotes.
    source, p, e = (called.group("src"), called.start("in"), called.end()) if called else find_attribution(piece, a, b)
    span = (p, e) if source else None
    if source is None:
        # The sentence's source reaches this passage as it reaches the engine's own clauses.
        source = next((s.attributed_to for s in suggest(piece) if s.attributed_to and s.start < b and a < s.end), None)
    # A passage inside a quotation is the speaker's, though its own sentence may name nobody (the frame
    # closes another sentence of the quotation, or the line before ends "the mayor said:").
    line_start = window.rfind("\n", 0, start - lo) + 1
    line_end = window.find("\n", end - lo)
    quote = next(((qa, qb) for qa, qb in quoted_spans(window, line_start, len(window) if line_end < 0 else line_end)
                  if qa <= start - lo and end - lo <= qb), None)
    if source is None and quote is not None:
        source = quote_speaker(window, *quote)
    types, quantities = describe(piece, low, a, b, cues, quoted_spans(piece, 0, len(piece)), source, span)
    if quote is not None and source:
        return Analysis(types, quantities, source, quoted_wording(source, text[start:end]))
    before = [x for x, _y in sentences(window) if x < s_start]
    return Analysis(types, quantities, source, finished(_wording(window, (before[-1] if before else s_start), s_end,
                                                                 start - lo, end - lo)))


_FRAME_WORDS = 12  # "The national weather service's forecasters warned": a reporting frame, not a clause


def _reported_wording(window: str, c_start: int, a: int, b: int) -> str | None:
    """'that the river could rise again by 50 cm', cut from "Forecasters warned that ...": the frame
    before it names who says so, and a "that" clause alone asserts nothing, so the wording keeps it."""
    own = next(((x, y) for x, y in sentences(window[c_start:]) if x + c_start <= a < y + c_start), None)
    if own is None:
        return None
    frame = window[own[0] + c_start:a].strip()
    if not frame or any(ch in frame for ch in ",;:“”\"") or len(frame.split()) > _FRAME_WORDS:
        return None
    verb = lx.ATTRIB_VERB.search(frame)
    if verb is None or verb.end() != len(frame):
        return None
    return sentence(frame, window[a:b])


_RELATIVE_LEAD = re.compile(r"(?:which|who)\s+")
_COMMA_BEFORE = re.compile(r",\s*$")  # "the old courthouse, | which ...": a non-restrictive clause
_AFTER_RELATIVE = re.compile(r",\s*(?:which|who)\s+$")  # "the old courthouse, which | closed ..."


def _relative_wording(window: str, c_start: int, a: int, b: int) -> str | None:
    """'which closed in 2019 and has been empty for seven years', selected after "the old Westfield
    courthouse, ...": the relative clause asserts something of the noun before it, so the wording puts
    that noun back ("The old Westfield courthouse closed in 2019 ..."), not the sentence's subject."""
    lead = _RELATIVE_LEAD.match(window, a)
    if lead:
        comma, rest = _COMMA_BEFORE.search(window, max(c_start, a - 4), a), lead.end()
    else:
        comma, rest = _AFTER_RELATIVE.search(window, max(c_start, a - 12), a), a
    # No comma before "which": a restrictive clause ("the plant which ..."), part of its noun phrase.
    if comma is None or rest >= b or not lx.VERB_START.match(window, rest):
        return None
    noun = window[antecedent_start(window, c_start, comma.start()):comma.start()].strip()
    if not noun or noun.split()[0].lower() in ("which", "who", "that"):
        return None
    return sentence(noun, window[rest:b])


def _wording(window: str, c_start: int, c_end: int, a: int, b: int) -> str | None:
    """A selected fragment ("caused $145 million in losses", "It destroyed 1,237 homes") gets the
    subject the engine would give it: the wording of the suggestion over the same words, read with the
    sentence before (a pronoun stands for what it named). A passage with its own subject gets None."""
    if window.startswith(("that ", "That "), a):
        return _reported_wording(window, c_start, a, b)
    relative = _relative_wording(window, c_start, a, b)
    if relative:
        return relative
    # "in what forecasters called the worst flooding since 1987" reads the clause before it: the
    # engine's own part over these words is worded with that clause.
    evaluation = window.startswith("in what ", a)
    if not (lx.VERB_START.match(window, a) or starts_with_pronoun(window, a) or evaluation):
        return None
    context = window[c_start:c_end]
    a, b = a - c_start, b - c_start
    for s in suggest(context):
        overlap = min(b, s.end) - max(a, s.start)
        if not s.wording or overlap <= 0 or 2 * overlap < 0.6 * ((b - a) + (s.end - s.start)):
            continue
        if (s.start, s.end) == (a, b):
            return s.wording
        # The suggestion's span differs a little ("..., the county said"): only its subject is borrowed.
        cut = s.wording.find(context[max(a, s.start):min(b, s.end)].strip()[:12])
        if cut > 0 and max(a, s.start) == a:
            return sentence(s.wording[:cut], context[a:b])
    # No suggestion lies over it (a span the engine would cut in two): the subject of its sentence, or
    # for a pronoun the subject of the sentence before.
    bounds = sentences(context)
    own = next(((x, y) for x, y in bounds if x <= a < y), None)
    before = [(x, y) for x, y in bounds if y <= a]
    subject = sentence_subject(context, *own) if own and own[0] < a else None
    previous = sentence_subject(context, *before[-1]) if before else None
    return with_subject(context, a, b, subject, previous)
