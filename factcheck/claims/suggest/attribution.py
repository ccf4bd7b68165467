"""Who a clause is attributed to: "according to X", "X said", "..., said X", and the speaker of a
sentence whose asides were cut out."""

from __future__ import annotations

import re

from . import lexicon as lx
from .cues import overlaps
from .segment import sentences

# "cases have been reported" quotes nobody, nor does "a reported £51 million".
# "an increase in confirmed cases": after a preposition the participle describes a noun.
_PASSIVE_BEFORE = re.compile(
    r"\b(?:been|be|being|was|were|is|are|a|an|the|widely|previously|in|of|with|for|from|among)\s+"
    r"(?:(?:still|now|also|already|officially|reportedly|not|yet)\s+)?$", re.IGNORECASE
)
# "at least nine people are still | reported missing": a phrase holding a copula or a passive
# auxiliary is a clause fragment, never a person, body, document or outlet that speaks.
_CLAUSE_INSIDE = re.compile(r"\b(?:is|are|was|were|been|being|am)\b", re.IGNORECASE)
_NP_STOP_END = frozenset(",;:“”\"(")
_NP_STOP_WORDS = frozenset(
    ["while", "that", "which", "who", "because", "if", "when", "where", "although", "though", "so", "then",
     "after", "before", "since", "until", "unless", "once"]
)
_NP_TOKEN = re.compile(r"[\w'’.&()-]+(?:,\d+)*")
_APPOSITIVE_SUBJECT = re.compile(
    r"(?:^|[;:“”\"(]\s*|,\s+(?=(?:the|a|an|its|their|[A-Z])[\w'’]*\s)|\b(?:and|but)\s+(?=[a-z])|"
    r"\b(?:while|that|because|if|when|although|though|so|then)\s+)"
    r"(?P<np>[^,;:“”\"]{2,80}),\s+(?P<app>[^,;:“”\"]{2,60}),\s*$"
)
_RELATIVE_APPOSITIVE = re.compile(r"(?:who|whom|whose|which)\b", re.IGNORECASE)
_COPULA_NP = re.compile(r"\b(?:was|were|is|are)\s+(?:the|a|an|its|their|his|her)\b")
# "has reported 14 asteroids" cut from its subject: an auxiliary is nobody.
_NP_REJECT = re.compile(r"^(?:this|that|there|which|who|has|have|had|is|was|are|were)$", re.IGNORECASE)
PARTICIPLE_NP = re.compile(r"^[a-z]+ing\b")
_WHEN_BEFORE_VERB = re.compile(r"\s+(?:today|yesterday|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|also|"
                               r"previously|earlier|later|separately|again|has|have|had)$")
_WHEN_OPENING = re.compile(
    r"^(?:On\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|Yesterday|Today|Earlier|Later|Separately)\s+(?=\S)"
)
_WHEN_SAID = re.compile(
    r"\s+(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|yesterday|today|last\s+(?:week|month))$"
)


def subject_before(text: str, a: int, v: int) -> str | None:
    """The noun phrase before a reporting verb: "the coast guard" in "the coast guard said"."""
    window = text[max(a, v - 160):v]
    if window.rstrip().endswith(","):
        m = _APPOSITIVE_SUBJECT.search(window)
        if m and lx.FINITE_VERB.search(m.group("np")):
            # "Among the dead were six children, the governor, Ilse Marovic, told reporters": the
            # speaker is the appositive pair after the clause, not the clause.
            m = _APPOSITIVE_SUBJECT.search(window, m.start("np") + 1)
        if m and not lx.FINITE_VERB.search(m.group("np")):  # "The bank's governor, Ilse Marten, said"
            if _RELATIVE_APPOSITIVE.match(m.group("app").strip()):
                # "Commissioner Tom Reyes, who voted against the plan, said": the clause describes the
                # speaker; the report and ClaimReview name the speaker alone.
                return m.group("np").strip()
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
    phrase = _WHEN_BEFORE_VERB.sub("", " ".join(reversed(np)))  # "Acme Corp today announced"
    phrase = _WHEN_OPENING.sub("", phrase)  # "On Thursday forecasters warned": the day dates the statement
    if not phrase or _NP_REJECT.match(phrase) or len(phrase) > 120 or _CLAUSE_INSIDE.search(phrase):
        return None
    return phrase


# "by the council's count", "by the union's estimate": the figure is the council's.
_BY_COUNT = re.compile(
    r"\b[Bb]y\s+(?P<src>(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,4}?[\w-]+)['’]s?\s+"
    r"(?:own\s+)?(?:count|counts|estimate|estimates|reckoning|tally|calculations?|figures)\b"
)


_BY_COUNT_KEYS = ("count", "estimate", "reckoning", "tally", "calculation", "figures")

# "Polling by Veritas Research suggests 47 percent ...", "Road traffic data from the motoring
# association shows ...", "Monitoring shows phosphate levels have fallen": a poll, a data set or a
# study that shows something is the claim's source as much as a speaker is, and an editor checks the
# figure against it. The noun phrase is short and opens the clause (an aside may follow it).
_EVIDENCE_NOUNS = ("data", "figures", "statistics", "poll", "polling", "survey", "study", "analysis", "research",
                   "records", "monitoring", "modelling", "modeling", "census", "samples", "rankings", "accounts",
                   "results", "findings", "papers", "documents", "invoices", "filings")
_EVIDENCE_VERBS = ("show", "suggest", "found", "finds", "indicat", "pointed to", "points to", "projects", "reveal",
                   "confirm")
_EVIDENCE_SOURCE = re.compile(
    r"(?P<src>(?P<head>(?:[\w'’.-]+\s+){0,4}?)(?:[Dd]ata|[Ff]igures|[Ss]tatistics|[Pp]olls?|[Pp]olling|[Ss]urveys?|[Ss]tudy|"
    r"[Aa]nalysis|[Rr]esearch|[Rr]ecords|[Mm]onitoring|[Mm]odell?ing|[Cc]ensus|[Ss]amples|[Rr]ankings|[Aa]ccounts|[Rr]esults|[Ff]indings|"
    r"[Pp]apers|[Dd]ocuments|[Ii]nvoices|[Ff]ilings)"
    r"(?:\s+(?:by|from|of|for|compiled\s+by|published\s+by)\s+(?:[\w'’.&-]+\s+){0,6}?[\w'’.&-]+)?)"
    r"(?:,\s+[^,;:“”\"]{2,50},)?\s+(?:had\s+|has\s+|have\s+)?"
    r"(?:shows?|showed|shown|suggests?|suggested|found|finds|indicates?|indicated|pointed\s+to|points\s+to|"
    r"projects|projected|revealed|reveals|reveal|confirms?|confirmed)\b"
)

# "the jury heard from pathologist Dr Ann Roe that ...": the witness is the source of what follows.
_HEARD_FROM = re.compile(r"\bheard\s+(?:evidence\s+)?from\s+(?P<src>(?:[\w'’.-]+\s+){0,6}?[\w'’.-]+)\s+that\b")
# "which the compilers attributed largely to ...": the relative clause's subject gives the cause.
_RELATIVE_ATTRIBUTED = re.compile(
    r"\b(?:which|that)\s+(?P<src>(?:the\s+|its\s+|their\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,3}?)\s+(?:had\s+|has\s+|have\s+)?"
    r"attribut(?:ed|es)\s+(?:\w+ly\s+)?to\b"
)
# "rated EF-3 by the National Weather Service", "rated the worst in the region in a passenger survey": an
# evaluation is the evaluator's.
_RATED_BY = re.compile(
    r"\b(?:rated|ranked|graded|classed|classified|judged|assessed)\b[^,.;:“”\"]{0,40}?\s+"
    r"(?:by\s+(?P<by>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w'’.-]*){0,6})"
    r"|in\s+(?P<doc>an?\s+(?:[\w-]+\s+){0,2}?(?:survey|poll|study|report|audit|review|ranking|league\s+table)))\b"
)
_EVIDENCE_LEAD = re.compile(r"(?:(?:and|but|while|that)\s+)?")


def find_attribution(text: str, a: int, b: int) -> tuple[str | None, int, int]:
    """(source, start of the attribution phrase, end) found inside the clause, or (None, -1, -1)."""
    piece = text[a:b]
    if ("y " in piece or "Y " in piece) and lx.has_any(_BY_COUNT_KEYS, piece):
        m = _BY_COUNT.search(text, a, b)
        if m:
            return m.group("src"), m.start(), m.end()
    m = lx.ACCORDING_TO.search(text, a, b) if "ccording" in text[a:b] else None
    if m is None and lx.has_any(_EVIDENCE_VERBS, piece) and lx.has_any(_EVIDENCE_NOUNS, piece.lower()):
        lead = _EVIDENCE_LEAD.match(text, a).end()
        e = _EVIDENCE_SOURCE.match(text, lead, b)
        if e and not lx.FINITE_VERB.search(e.group("head")):
            # An empty phrase: the study's own sample and date ("an analysis of 15 studies, published
            # in 2022, found ...") are part of what is checked, not a speaker's frame to leave out.
            return e.group("src"), e.start(), e.start()
    if m:
        # "according to a statement on Thursday": the source is the statement, the day dates it.
        src = _WHEN_SAID.sub("", m.group("src").strip()).strip()
        if src:
            return src, m.start(), m.end()
    if "heard" in piece:
        m = _HEARD_FROM.search(text, a, b)
        if m:
            # The frame starts at its subject ("the jury heard from ..."), so that it covers the sentence.
            np = subject_before(text, a, m.start())
            at = text.rfind(np, a, m.start()) if np else -1
            return m.group("src"), at if at >= 0 else m.start(), m.end()
    if "ttribut" in piece:
        # The clause may start at the subject (the engine cuts "which" off) or hold the relative inside.
        m = _RELATIVE_ATTRIBUTED.search(text, max(0, a - 8), b)
        if m and m.start("src") >= a:
            return m.group("src"), m.start("src"), m.start("src")
    if "rated" in piece or "ranked" in piece or "graded" in piece or "class" in piece or "judged" in piece \
            or "assessed" in piece:
        m = _RATED_BY.search(text, a, b)
        # "The strongest twister, rated EF-3 by the weather service, carved ...": the rating is an aside
        # on the subject; what the clause asserts is not the rater's.
        if m and text[max(a, m.start() - 2):m.start()] == ", " and text[m.end():m.end() + 1] == ",":
            m = None
        if m:
            src = m.group("by") or m.group("doc")
            return src, m.start("by") if m.group("by") else m.start("doc"), m.start("doc") if m.group("doc") else m.end()
    m = lx.INVERTED_ATTRIB.search(text, max(0, a - 1), b)
    # "..., said the mayor" names a speaker; "..., said policymakers had voted" is a clause.
    if m and m.start("src") >= a and not lx.FINITE_VERB.search(m.group("src")):
        return m.group("src").strip(), m.start(), m.end()
    for m in lx.ATTRIB_VERB.finditer(text, a, b):
        if _PASSIVE_BEFORE.search(text, max(a, m.start() - 12), m.start()):
            continue
        np = subject_before(text, a, m.start())
        if np and _COPULA_NP.search(np):
            break  # "He was the storm's first confirmed death": "confirmed" describes a noun, nobody speaks
        if np:
            at = text.rfind(np, max(a, m.start() - 200), m.start())
            return np, at if at >= 0 else m.start() - len(np) - 1, m.end()
        break
    return None, -1, -1


def find_speaker(
    text: str, s_start: int, hosts: list[tuple[int, int]], asides: list[tuple[int, int, int, int]],
    quotes: list[tuple[int, int]],
) -> str | None:
    """Who speaks in a sentence whose asides have been cut out: '“...,” the union -- ... -- said'."""
    for idx, (ha, hb) in enumerate(hosts):
        src, _p, e = find_attribution(text, ha, hb)
        if src and not overlaps(quotes, e - 1, e):  # a speaker named inside the quotation is not the frame's
            return src
        if idx and lx.ATTRIB_VERB.match(text, ha):
            # The verb follows an aside: its subject is the phrase before that aside.
            before = max((da for _a, _b, da, _db in asides if da < ha), default=-1)
            np = subject_before(text, s_start, before) if before > s_start else None
            if np and PARTICIPLE_NP.match(np):
                # "the reservists, belonging to Unit 8200 --": the participle describes the subject.
                comma = text.rfind(",", s_start, before - len(np))
                np = subject_before(text, s_start, comma) if comma > s_start else None
            if np:
                return np
    return None




_QUOTE_MARKS = "“”\"‘’' "


def quote_speaker(text: str, q_start: int, q_end: int) -> str | None:
    """Who speaks the quotation ``text[q_start:q_end]`` (its marks included): the reporting frame of any
    of its sentences ('“... We had no warning,” the mayor said'), or a line ending "the mayor said:"
    just before it. A source named inside the quotation is the speaker's, not the frame's."""
    line_start = text.rfind("\n", 0, q_start) + 1
    line_end = text.find("\n", q_end)
    line_end = len(text) if line_end < 0 else line_end
    lo, hi = max(line_start, q_start - 400), min(line_end, q_end + 200)
    for a, b in sentences(text, lo, hi):
        if a >= q_end or b <= q_start:
            continue
        src, p, e = find_attribution(text, a, b)
        if src and p >= 0 and not (q_start <= p and e <= q_end):
            return src
    before = text[:line_start].rstrip()
    if line_start and not text[line_start:q_start].strip() and before.endswith(":"):
        frame = sentences(text, max(before.rfind("\n") + 1, len(before) - 300), len(before))
        if frame:
            src, _p, _e = find_attribution(text, *frame[-1])
            return src
    return None


def quoted_wording(speaker: str, words: str) -> str:
    """A quotation worded with its speaker: 'Mayor Ana Ruiz said: “The dam held for a century.”'."""
    inner = " ".join(words.strip(_QUOTE_MARKS).split()).rstrip(",;:")
    if not inner.endswith((".", "?", "!", "…")):
        inner += "."
    return f"{speaker} said: “{inner[:1].upper()}{inner[1:]}”"
