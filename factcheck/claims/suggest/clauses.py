"""Cutting a sentence into clauses where each side carries its own checkable content."""

from __future__ import annotations

import re

from . import lexicon as lx
from .cues import Cues, any_in, count_words, has_content, has_quantity, strong

_SPLIT = re.compile(
    r"(?P<semi>;\s+)"
    r"|(?P<colon>:\s+)"
    r"|(?P<cconj>,\s+(?:and|but|while|whereas|although|though|yet)\s+)"
    r"|(?P<rel>,\s+(?:which|who|where|when)\s+)"
    r"|(?P<ing>,\s+(?!(?:including|according|excluding|regarding|concerning|following|during|notwithstanding|"
    r"pending|barring|considering|something|nothing|anything|everything)\b)(?=[a-z]{3,}ing\b))"
    r"|(?P<conj>\s+(?:and|but)\s+)"
)
_DETERMINER_START = re.compile(r"(?:the|its|their|his|her|a|an|this|that)\s", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"\bbetween\b", re.IGNORECASE)
_LEAD_TRIM = re.compile(r"^[\s,;:—–-]+")
TAIL_TRIM = re.compile(r"[\s,;:.—–-]+$")


def split_clauses(text: str, start: int, end: int, c: Cues) -> list[tuple[int, int]]:
    """Cut a sentence where each side has its own checkable content; returns clause spans."""
    cands = list(_SPLIT.finditer(text, start, end))
    cuts: list[tuple[int, int]] = []  # (end of left clause, start of right clause)
    seg_start = start
    for i, m in enumerate(cands):
        kind = m.lastgroup
        a, b = m.start(), m.end()
        r_end = cands[i + 1].start() if i + 1 < len(cands) else end
        if b >= r_end or a <= seg_start:
            continue
        left_verb = lx.FINITE_VERB.search(text, seg_start, a) is not None
        right_verb = lx.FINITE_VERB.search(text, b, r_end) is not None
        ok = False
        if kind == "semi":
            ok = right_verb and count_words(text, seg_start, a) >= 3
        elif kind == "colon":
            ok = left_verb and right_verb and not lx.ATTRIB_VERB.search(text, max(seg_start, a - 12), a)
        elif kind == "cconj":
            # ", and the third largest in its history" has no verb but its own checkable content.
            own_subject = _DETERMINER_START.match(text, b) is not None
            ok = left_verb and (right_verb or (own_subject and strong(c, b, r_end))) and count_words(text, b, r_end) >= 3
        elif kind == "rel":
            n_right = count_words(text, b, r_end)
            ok = left_verb and (right_verb or any_in(c.causes, b, r_end)) and has_content(c, b, r_end) and (
                n_right >= 5 or (n_right >= 3 and has_quantity(c, b, r_end))
            )
        elif kind == "ing":
            ok = has_quantity(c, b, r_end) and (left_verb or strong(c, seg_start, a)) and strong(c, seg_start, a)
        elif kind == "conj":
            if _BETWEEN_BEFORE.search(text, max(seg_start, a - 30), a):
                ok = False
            elif any(q.start == b for q in c.quantities):
                ok = has_quantity(c, seg_start, a) and has_quantity(c, b, r_end)
            elif lx.VERB_START.match(text, b):
                # "left 90 dead and destroyed 3,000 buildings", "killing 74 and injuring 600"
                left_ok = left_verb or lx.VERB_START.match(text, seg_start) is not None
                ok = left_ok and has_content(c, seg_start, a) and has_content(c, b, r_end)
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


