"""A clause's figure compared with another: ", 1.5 metres above its previous record", ", up from
275 a year earlier", and where a place lies (", 12 kilometres to the south")."""

from __future__ import annotations

import re

from . import lexicon as lx
from . import wording
from .clauses import Clause
from .cues import Cues, any_in, count_words

# ", 1.5 metres above its previous record", ", 40 percent more than in 2019": a figure, then how it compares.
_FIGURE_COMPARISON = re.compile(r",\s+(?=(?:some\s+|about\s+|nearly\s+|almost\s+|roughly\s+|around\s+)?[\d$£€])")
_TRAILING_COMPARISON = re.compile(
    r",\s+(?=(?:more|less|fewer|[a-z]{3,}er)\s+than\s+(?!(?:about|around|some|nearly|almost|half|a\s+third|"
    r"a\s+quarter|[\d$£€]|one|two|three|four|five|six|seven|eight|nine|ten|a\s+(?:dozen|hundred|thousand|million))\b)"
    r"|(?:more\s+than\s+|almost\s+|nearly\s+)?(?:double|twice|triple|(?:two|three|four|five|ten)\s+times)\s"
    # ", the equivalent of 1,160 Olympic swimming pools": what the figure amounts to, checked on its own.
    rf"|{lx.MEASURE_OF[2:]}\s"
    r"|(?:roughly\s+|about\s+|around\s+)?the\s+equivalent\s+of\s+(?=(?:about\s+|around\s+|roughly\s+|some\s+)?(?:[\d$£€]|one\b))"
    r"|(?P<base>(?:up|down)\s+from\s|compared\s+(?:with|to)\s|against\s+(?:an?\s+|the\s+)?(?:[a-z-]+\s+){1,2}of\s"
    r"|against\s+(?:about\s+|some\s+|around\s+|roughly\s+)?\d"
    r"|(?:well\s+|far\s+|just\s+|slightly\s+)?(?:above|below)\s+(?:the|its|their)\s))"
)
_PRESENT_PLURAL = re.compile(r"\b(?:account|make|hold|have|stand|remain|represent|total|earn|employ|serve|own)\s")
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


def split_figure_comparison(text: str, a: int, b: int, c: Cues) -> list[Clause] | None:
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


def split_distance(text: str, a: int, b: int, c: Cues) -> list[Clause] | None:
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


def split_trailing_comparison(text: str, a: int, b: int, c: Cues) -> list[Clause] | None:
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
        # "Cyber and intelligence account for about 6 percent of the budget, up from 2 percent in 2019": a
        # baseline with its own figure is checked on its own whatever the verb (a present the list lacks).
        acted = acted or (m.group("base") is not None and m.group("base").startswith(("up", "down"))
                          and _PRESENT_PLURAL.search(text, a, m.start()) is not None)
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
