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
from dataclasses import dataclass, field

from . import lexicon as lx
from .numbers import QuantityMatch, find_quantities
from .segment import paragraphs, quoted_spans, sentences

__all__ = ["TYPES", "Suggestion", "suggest"]

TYPES = ("quantity", "comparison", "superlative", "temporal", "attribution", "causal", "other", "prediction")


@dataclass(frozen=True)
class Suggestion:
    """A proposed claim: ``text == article[start:end]``."""

    start: int
    end: int
    text: str
    types: list[str] = field(default_factory=list)
    quantities: list[dict[str, object]] = field(default_factory=list)
    attributed_to: str | None = None
    score: float = 0.0

    def __hash__(self) -> int:  # lists are unhashable; the span identifies a suggestion
        return hash((self.start, self.end, self.text))

    def to_dict(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "types": list(self.types),
            "quantities": [dict(q) for q in self.quantities],
            "attributed_to": self.attributed_to,
            "score": self.score,
        }


_SPLIT = re.compile(
    r"(?P<semi>;\s+)"
    r"|(?P<colon>:\s+)"
    r"|(?P<cconj>,\s+(?:and|but|while|whereas|although|though|yet)\s+)"
    r"|(?P<rel>,\s+(?:which|who|where|when)\s+)"
    r"|(?P<ing>,\s+(?!(?:including|according|excluding|regarding|concerning|following|during|notwithstanding|"
    r"pending|barring|considering|something|nothing|anything|everything)\b)(?=[a-z]{3,}ing\b))"
    r"|(?P<conj>\s+(?:and|but)\s+)"
)
_WORD = re.compile(r"[\w'’-]+(?:[.,]\d+)*")
_POSSESSIVE_NAME = re.compile(r"[A-Z][a-z]+['’]s\s")
_SOURCE_AFTER_BREAK = re.compile(r"[,”\"]\s*$")
_DETERMINER_START = re.compile(r"(?:the|its|their|his|her|a|an|this|that)\s", re.IGNORECASE)
# "cases have been reported" quotes nobody, nor does "a reported £51 million".
_PASSIVE_BEFORE = re.compile(r"\b(?:been|be|being|was|were|is|are|a|an|the|widely|previously)\s+$", re.IGNORECASE)
_HARD_CUT = re.compile(r"[;:]\s+$")
_WHEN_BEFORE = re.compile(r",\s+when\s+$")
_REL_BEFORE = re.compile(r",\s+(?:which|who|where|when)\s+$")
_BETWEEN_BEFORE = re.compile(r"\bbetween\b", re.IGNORECASE)
_LEAD_TRIM = re.compile(r"^[\s,;:—–-]+")
_TAIL_TRIM = re.compile(r"[\s,;:.—–-]+$")
_NP_STOP_END = frozenset(",;:“”\"(")
_NP_STOP_WORDS = frozenset(
    ["while", "that", "which", "who", "because", "if", "when", "where", "although", "though", "so", "then"]
)
_NP_TOKEN = re.compile(r"[\w'’.&()-]+(?:,\d+)*")
_APPOSITIVE_SUBJECT = re.compile(
    r"(?:^|[;:“”\"(]\s*|\b(?:and|but)\s+(?=[a-z])|\b(?:while|that|because|if|when|although|though|so|then)\s+)"
    r"(?P<np>[^,;:“”\"]{2,80}),\s+(?P<app>[^,;:“”\"]{2,60}),\s*$"
)
_NP_REJECT = re.compile(r"^(?:it|this|that|there|which|who)$", re.IGNORECASE)
# Asides: a clause set off by paired dashes, parentheses or ", which ... ," before the main verb.
# A spaced dash of any kind, or an unspaced em dash between words; an unspaced en dash is a range.
_DASH = re.compile(r"\s(?:--|—|–)\s|(?<=\w)—(?=\w)")
_PAREN = re.compile(r"\(([^()“”\"]{3,240})\)")
_REL_ASIDE = re.compile(r",\s+(?:which|who|whose)\s+(?:[^,;:()“”\"]|,(?=\d)){3,200}?,\s+(?=\S)")
_PARTICIPLE_NP = re.compile(r"^[a-z]+ing\b")


@dataclass(slots=True)
class _Cues:
    quantities: list[QuantityMatch]
    dates: list[tuple[int, int]]
    superlatives: list[tuple[int, int]]
    comparisons: list[tuple[int, int]]
    causes: list[tuple[int, int]]
    temporals: list[tuple[int, int]]
    names: list[tuple[int, int]]


def _spans(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text, start, end)]


def _any_in(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    return any(a <= s < b for s, _e in spans)


def _cues(text: str, low: str, start: int, end: int, qs: list[QuantityMatch]) -> _Cues:
    piece = text[start:end]
    low_piece = low[start:end]
    names = [
        m.span() for m in lx.PROPER_NOUN.finditer(text, start, end)
        if m.group().split("'")[0].split("’")[0] not in lx.NON_NAME_CAPS
    ]
    return _Cues(
        quantities=qs,
        dates=lx.DATE.spans(text, start, end, piece),
        superlatives=lx.SUPERLATIVE.spans(low, start, end, low_piece),
        comparisons=lx.COMPARISON.spans(low, start, end, low_piece),
        causes=_spans(lx.CAUSAL, low, start, end),
        temporals=_spans(lx.TEMPORAL, low, start, end),
        names=names,
    )


def _has_quantity(c: _Cues, a: int, b: int) -> bool:
    return any(a <= q.start < b for q in c.quantities)


def _strong(c: _Cues, a: int, b: int) -> bool:
    return _has_quantity(c, a, b) or _any_in(c.superlatives, a, b) or _any_in(c.dates, a, b)


def _content(c: _Cues, a: int, b: int) -> bool:
    return _strong(c, a, b) or any(a < s < b for s, _e in c.names) or _any_in(c.causes, a, b)


def _words(text: str, a: int, b: int) -> int:
    return len(_WORD.findall(text, a, b))


def _clauses(text: str, start: int, end: int, c: _Cues) -> list[tuple[int, int]]:
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
            ok = right_verb and _words(text, seg_start, a) >= 3
        elif kind == "colon":
            ok = left_verb and right_verb and not lx.ATTRIB_VERB.search(text, max(seg_start, a - 12), a)
        elif kind == "cconj":
            # ", and the third largest in its history" has no verb but its own checkable content.
            own_subject = _DETERMINER_START.match(text, b) is not None
            ok = left_verb and (right_verb or (own_subject and _strong(c, b, r_end))) and _words(text, b, r_end) >= 3
        elif kind == "rel":
            n_right = _words(text, b, r_end)
            ok = left_verb and (right_verb or _any_in(c.causes, b, r_end)) and _content(c, b, r_end) and (
                n_right >= 5 or (n_right >= 3 and _has_quantity(c, b, r_end))
            )
        elif kind == "ing":
            ok = _has_quantity(c, b, r_end) and (left_verb or _strong(c, seg_start, a)) and _strong(c, seg_start, a)
        elif kind == "conj":
            if _BETWEEN_BEFORE.search(text, max(seg_start, a - 30), a):
                ok = False
            elif any(q.start == b for q in c.quantities):
                ok = _has_quantity(c, seg_start, a) and _has_quantity(c, b, r_end)
            elif lx.VERB_START.match(text, b):
                # "left 90 dead and destroyed 3,000 buildings", "killing 74 and injuring 600"
                left_ok = left_verb or lx.VERB_START.match(text, seg_start) is not None
                ok = left_ok and _content(c, seg_start, a) and _content(c, b, r_end)
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
        tail = _TAIL_TRIM.search(text, a, b)
        if tail:
            b = tail.start()
        if b > a:
            out.append((a, b))
    return out


def _subject(text: str, a: int, v: int) -> str | None:
    """The noun phrase before a reporting verb: "the coast guard" in "the coast guard said"."""
    window = text[max(a, v - 160):v]
    if window.rstrip().endswith(","):
        m = _APPOSITIVE_SUBJECT.search(window)
        if m:  # "The bank's governor, Ilse Marten, said"
            return f"{m.group('np').strip()}, {m.group('app').strip()}"
    # Walk back word by word to the nearest clause boundary: punctuation, a conjunction before a
    # lower-case word, or a subordinating word. A plain loop, as a regex search would try every start.
    tokens = window.split()
    np: list[str] = []
    for tok in reversed(tokens):
        if tok[-1] in _NP_STOP_END:
            if not np and window.startswith(text[a:a + 1]) and v - a <= 100:
                # "Mr Smith, 45, a former Marine, told ...": the whole opening is the subject.
                whole = window.strip().rstrip(",").strip()
                if whole and not lx.FINITE_VERB.search(whole) and not _NP_REJECT.match(whole):
                    return whole
            break
        low = tok.lower()
        if low in _NP_STOP_WORDS or (low in ("and", "but") and np and np[-1][:1].islower()):
            break
        if not _NP_TOKEN.fullmatch(tok) or len(np) == 12:
            return None
        np.append(tok)
    if not np:
        return None
    phrase = " ".join(reversed(np))
    if _NP_REJECT.match(phrase) or len(phrase) > 120:
        return None
    return phrase


def _attribution(text: str, a: int, b: int) -> tuple[str | None, int, int]:
    """(source, start of the attribution phrase, end) found inside the clause, or (None, -1, -1)."""
    m = lx.ACCORDING_TO.search(text, a, b) if "ccording" in text[a:b] else None
    if m:
        src = m.group("src").strip()
        if src:
            return src, m.start(), m.end()
    m = lx.INVERTED_ATTRIB.search(text, max(0, a - 1), b)
    # "..., said the mayor" names a speaker; "..., said policymakers had voted" is a clause.
    if m and m.start("src") >= a and not lx.FINITE_VERB.search(m.group("src")):
        return m.group("src").strip(), m.start(), m.end()
    for m in lx.ATTRIB_VERB.finditer(text, a, b):
        if _PASSIVE_BEFORE.search(text, max(a, m.start() - 12), m.start()):
            continue
        np = _subject(text, a, m.start())
        if np:
            return np, m.start() - len(np) - 1, m.end()
        break
    return None, -1, -1


def _quote_fraction(spans: list[tuple[int, int]], a: int, b: int) -> float:
    inside = 0
    for s, e in spans:
        if e <= a or s >= b:
            continue
        inside += min(e, b) - max(s, a)
    return inside / max(1, b - a)


def _inside(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    """True when ``[a, b)`` overlaps one of ``spans``."""
    return any(s < b and a < e for s, e in spans)


def _asides(
    text: str, s_start: int, s_end: int, quotes: list[tuple[int, int]], c: _Cues
) -> list[tuple[int, int, int, int]]:
    """Asides outside quotation marks that carry their own figure, ranking, date or comparison.

    Each is ``(start, end, delimiter start, delimiter end)``: the clause itself, and the stretch
    (with its dashes, brackets or commas) that the rest of the sentence reads without.
    """
    found: list[tuple[int, int, int, int]] = []
    dashes = [m for m in _DASH.finditer(text, s_start, s_end) if not _inside(quotes, m.start(), m.end())]
    for i in range(0, len(dashes) - 1, 2):
        found.append((dashes[i].end(), dashes[i + 1].start(), dashes[i].start(), dashes[i + 1].end()))
    if len(dashes) % 2 and quotes:
        # '..., said the union — the largest in the country.': a lone dash opens an aside that
        # runs to the end; only taken where the rest is a quote frame, as elsewhere it is usually
        # the same assertion going on ("Prices rose 4% — the fastest pace in a decade").
        last = dashes[-1]
        found.append((last.end(), s_end, last.start(), s_end))
    for m in _PAREN.finditer(text, s_start, s_end):
        if _words(text, m.start(1), m.end(1)) >= 4:
            found.append((m.start(1), m.end(1), m.start(), m.end()))
    for m in _REL_ASIDE.finditer(text, s_start, s_end):
        # "The agency, which ..., said": a relative clause on the subject, before the main verb.
        host_start = max([s_start] + [e for _s, e in quotes if e <= m.start()])
        if lx.FINITE_VERB.search(text, host_start, m.start()) or _inside(quotes, host_start, m.start()):
            continue
        if not (lx.VERB_START.match(text, m.end()) or lx.ATTRIB_VERB.match(text, m.end())):
            continue
        found.append((m.start() + 2, m.end() - 2, m.start(), m.end() - 1))
    out: list[tuple[int, int, int, int]] = []
    last_end = -1
    for a, b, da, db in sorted(found):
        tail = _TAIL_TRIM.search(text, a, b)
        if tail:
            b = tail.start()
        if da < last_end or b <= a or _inside(quotes, a, b):
            continue
        if not (_strong(c, a, b) or _any_in(c.comparisons, a, b)) or _words(text, a, b) < 3:
            continue
        out.append((a, b, da, db))
        last_end = db
    return out


def _outside_runs(text: str, a: int, b: int, quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stretches of ``[a, b)`` outside quotation marks, trimmed of punctuation."""
    runs: list[tuple[int, int]] = []
    s = a
    for qa, qb in quotes:
        if qb <= a or qa >= b:
            continue
        runs.append((s, max(s, qa)))
        s = max(s, qb)
    runs.append((s, b))
    out = []
    for ra, rb in runs:
        while ra < rb and (text[ra].isspace() or text[ra] in ",;:—–-"):  # _LEAD_TRIM's ^ only matches at 0
            ra += 1
        tail = _TAIL_TRIM.search(text, ra, rb)
        if tail:
            rb = tail.start()
        if rb > ra:
            out.append((ra, rb))
    return out


def _speaker(
    text: str, s_start: int, hosts: list[tuple[int, int]], asides: list[tuple[int, int, int, int]],
    quotes: list[tuple[int, int]],
) -> str | None:
    """Who speaks in a sentence whose asides have been cut out: '“...,” the union -- ... -- said'."""
    for idx, (ha, hb) in enumerate(hosts):
        src, _p, e = _attribution(text, ha, hb)
        if src and not _inside(quotes, e - 1, e):  # a speaker named inside the quotation is not the frame's
            return src
        if idx and lx.ATTRIB_VERB.match(text, ha):
            # The verb follows an aside: its subject is the phrase before that aside.
            before = max((da for _a, _b, da, _db in asides if da < ha), default=-1)
            np = _subject(text, s_start, before) if before > s_start else None
            if np and _PARTICIPLE_NP.match(np):
                # "the reservists, belonging to Unit 8200 --": the participle describes the subject.
                comma = text.rfind(",", s_start, before - len(np))
                np = _subject(text, s_start, comma) if comma > s_start else None
            if np:
                return np
    return None


def _frame_content(text: str, c: _Cues, a: int, b: int) -> bool:
    """A figure, ranking, date or comparison in a frame, not counting the speaker's age ("Ana Ruiz, 54,")."""
    for q in c.quantities:
        age = q.text.isdigit() and text[q.start - 2:q.start] == ", " and (q.end >= b or text[q.end] == ",")
        if a <= q.start < b and not age:
            return True
    return _any_in(c.superlatives, a, b) or _any_in(c.dates, a, b) or _any_in(c.comparisons, a, b)


def _frames(
    text: str, low: str, hosts: list[tuple[int, int]], quotes: list[tuple[int, int]], c: _Cues,
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
        for ra, rb in _outside_runs(text, ha, hb, quotes):
            if _inside(spans, ra, rb) or _words(text, ra, rb) < 3:
                continue
            if lx.FRAME_VENUE.search(text, ra, rb):
                src, p, e = _attribution(text, ra, rb)
                sugg = _judge(text, low, ra, rb, c, [], src or speaker, False, (p, e) if src else None, frame=True)
            elif _frame_content(text, c, ra, rb):
                sugg = _judge(text, low, ra, rb, c, [], None)
            else:
                continue
            if sugg is not None:
                out.append(sugg)
    return out


def _sentence_suggestions(
    text: str, low: str, s_start: int, s_end: int, quotes: list[tuple[int, int]], qs: list[QuantityMatch]
) -> list[Suggestion]:
    if lx.QUESTION_END.search(text, s_start, s_end):
        return []
    cues = _cues(text, low, s_start, s_end, qs)
    asides = _asides(text, s_start, s_end, quotes, cues)
    speaker = None
    if not asides:
        hosts = [(s_start, s_end)]
        out = _piece_suggestions(text, low, s_start, s_end, quotes, cues)
    else:
        # The aside is its own claim, and the sentence around it is read without it: the quote
        # in '“...,” the council, which oversees ..., said' is testimony, the aside is not.
        hosts = []
        h = s_start
        for _a, _b, da, db in asides:
            if da > h:
                hosts.append((h, da))
            h = db
        if s_end > h:
            hosts.append((h, s_end))
        speaker = _speaker(text, s_start, hosts, asides, quotes)
        out = []
        for ha, hb in hosts:
            out.extend(_piece_suggestions(text, low, ha, hb, quotes, cues, speaker))
        if any(not lx.FRAME_VENUE.search(s.text) for s in out):
            # The sentence asserts something itself: the aside belongs to that one claim
            # ("The island, which has 6,000 people, received 7,000 migrants").
            hosts = [(s_start, s_end)]
            speaker = None
            out = _piece_suggestions(text, low, s_start, s_end, quotes, cues)
        else:
            for a, b, _da, _db in asides:
                sugg = _judge(text, low, a, b, cues, quotes, None)
                if sugg is not None:
                    out.append(sugg)
    if quotes:
        out.extend(_frames(text, low, hosts, quotes, cues, out, speaker))
        out.sort(key=lambda s: s.start)
    return out


def _piece_suggestions(
    text: str, low: str, s_start: int, s_end: int, quotes: list[tuple[int, int]], cues: _Cues,
    carried: str | None = None,
) -> list[Suggestion]:
    """Suggestions from one sentence, or one stretch of it between asides."""
    clauses = _clauses(text, s_start, s_end, cues)
    found = [_attribution(text, a, b) for a, b in clauses]
    if carried and found and found[0][0] is None:
        verb = lx.ATTRIB_VERB.match(text, clauses[0][0])
        if verb:  # "said in a letter to ..." after an aside: the speaker came before it
            found[0] = (carried, verb.start(), verb.end())
    # A source named at the end of the sentence (", the agency said") or at its start ("The agency
    # said ...") covers every clause; one named mid-sentence covers only its own clause.
    trailing = None
    hard = [idx for idx, (a, _b) in enumerate(clauses) if idx > 0 and _HARD_CUT.search(text, max(s_start, a - 4), a)]
    if found and found[-1][0] is not None:
        src, p, _e = found[-1]
        last_a = clauses[-1][0]
        if (p > last_a and (_SOURCE_AFTER_BREAK.search(text, max(s_start, p - 4), p) or p - last_a < 3)) or len(clauses) == 1:
            trailing = src
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
        inherited_opening = opening if not any(h <= idx for h in hard) else None
        own_src, own_start, own_end = found[idx]
        sugg = _judge(
            text, low, a, b, cues, quotes, own_src or inherited_trailing or inherited_opening, relative,
            (own_start, own_end) if own_src else None,
        )
        if sugg is not None and idx > 0 and _WHEN_BEFORE.search(text, max(s_start, a - 10), a) and "temporal" not in sugg.types:
            sugg = _with_type(sugg, "temporal")
        if sugg is not None:
            out.append(sugg)
    return out


def _judge(
    text: str,
    low: str,
    a: int,
    b: int,
    c: _Cues,
    quotes: list[tuple[int, int]],
    source: str | None,
    relative: bool = False,
    source_span: tuple[int, int] | None = None,
    frame: bool = False,
) -> Suggestion | None:
    qs = [q for q in c.quantities if a <= q.start and q.end <= b]
    durations = [q for q in qs if q.kind == "duration"]
    figures = [q for q in qs if q.kind != "duration"]
    has_date = _any_in(c.dates, a, b)
    has_sup = _any_in(c.superlatives, a, b)
    # What is asserted, without the "X said" part: a speaker's age or name is not the claim.
    ca, cb = a, b
    if source_span is not None:
        sa, se = source_span
        if sa <= a + 3:  # "The agency said that ...": the assertion follows
            ca = min(b - 1, max(a, se))
        else:  # "..., the agency said" or "“...,” said the mayor": it comes first
            cb = max(a + 1, min(b, sa + 1))
    content_figures = [q for q in figures if ca <= q.start < cb]
    low_clause = low[a:b]
    if lx.PREDICTION.search(low, a, b, low_clause) or ("may" in low_clause and lx.MAY_MODAL.search(text, a, b)):
        return None
    if lx.FIRST_PERSON_SINGULAR.search(text, a, b):
        return None
    if not figures and lx.has_any(lx.ADVICE_KEYS, low_clause) and lx.ADVICE.search(low, a, b):
        return None
    opinion = lx.OPINION.search(low, a, b) or (
        lx.has_any(lx.SCARE_QUOTE_KEYS, low_clause) and lx.SCARE_QUOTE.search(low, a, b)
    )
    if opinion and not (content_figures or has_sup):
        return None
    if lx.FIRST_PERSON_PLURAL.search(text, a, b) and not content_figures:
        return None
    # Quoted speech is mostly testimony and verdicts: keep it only when it carries a figure or a ranking.
    in_quote = _quote_fraction(quotes, ca, cb) > 0.5
    if in_quote and not (content_figures or _any_in(c.superlatives, ca, cb)):
        return None
    types: list[str] = []
    vague_count = lx.VAGUE_COUNT.search(low, ca, cb) is not None
    if content_figures or vague_count:
        types.append("quantity")
    if _any_in(c.comparisons, a, b):
        types.append("comparison")
    if has_sup:
        types.append("superlative")
    if durations or has_date or _any_in(c.temporals, a, b):
        types.append("temporal")
    hedged = lx.has_any(lx.HEDGED_KEYS, low_clause) and lx.HEDGED_SOURCE.search(low, a, b) is not None
    if source or hedged:
        types.append("attribution")
    if _any_in(c.causes, a, b):
        types.append("causal")
    strong = bool(figures or durations or has_date or has_sup) or "comparison" in types or "causal" in types
    strong = strong or _any_in(c.temporals, a, b) or vague_count
    n_words = _words(text, a, b)
    if not strong:
        # A bare event is worth checking when it names someone or something besides the speaker;
        # a relative clause that only describes someone ("who has lived there all her life") is colour.
        has_name = any(ca < s < cb for s, _e in c.names) or bool(_POSSESSIVE_NAME.match(text, ca, cb))
        if frame:
            pass  # a reporting frame naming its audience or document: see _frames
        elif n_words < 5 or not lx.FINITE_VERB.search(text, a, b) or not has_name or in_quote or relative:
            return None
    if n_words < 3:
        return None
    if not types:
        types.append("other")
    score = 0.3
    if figures:
        score += 0.25 + (0.05 if len(figures) > 1 else 0.0)
    if has_sup:
        score += 0.15
    if "comparison" in types:
        score += 0.1
    if "causal" in types:
        score += 0.1
    if "temporal" in types:
        score += 0.05
    if source:
        score += 0.05
    if in_quote:
        score -= 0.1
    if hedged:
        score -= 0.05
    score = round(min(0.99, max(0.05, score)), 3)
    return Suggestion(
        start=a,
        end=b,
        text=text[a:b],
        types=types,
        quantities=[q.to_dict() for q in qs],
        attributed_to=source,
        score=score,
    )


def _with_type(s: Suggestion, kind: str) -> Suggestion:
    types = [t for t in TYPES if t in s.types or t == kind]
    if "other" in types and len(types) > 1:
        types.remove("other")
    return Suggestion(s.start, s.end, s.text, types, s.quantities, s.attributed_to, min(0.99, round(s.score + 0.05, 3)))


def suggest(text: str) -> list[Suggestion]:
    """Every checkable assertion in ``text`` as a Suggestion, sorted by start offset.

    Deterministic, never raises on a string, offsets always inside ``text``, no overlaps.
    """
    if not isinstance(text, str) or not text:
        return []
    out: list[Suggestion] = []
    low = lx.ascii_lower(text)
    # Figures are found in one pass over the whole text (each looks only a few dozen characters
    # around itself) and handed to their sentence; one pass per sentence cost more in overhead.
    quantities = find_quantities(text, low)
    qi = 0
    for p_start, p_end in paragraphs(text):
        quotes = quoted_spans(text, p_start, p_end)
        ui = 0
        for s_start, s_end in sentences(text, p_start, p_end):
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
                out.extend(_sentence_suggestions(text, low, s_start, s_end, quotes[ui:uj], quantities[qi:qj]))
            except Exception:  # noqa: S112 - one odd sentence must not cost the editor the whole article
                continue
    out.sort(key=lambda s: (s.start, s.end))
    clean: list[Suggestion] = []
    last_end = -1
    for s in out:
        if s.start >= last_end and 0 <= s.start < s.end <= len(text):
            clean.append(s)
            last_end = s.end
    return clean
