"""Comparing texts: the figure check (the independence test and claim similarity are in text_likeness).

Pure functions over strings (plus the suggestion engine's ``find_quantities``),
so they can be tested without a database and reused by any provider.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Any

# One number reader for the whole project: the figure check reads sources exactly as the
# suggestion engine reads articles ("two hundred and thirty", "2.2k", "per cent", "€1.5bn").
from factcheck.claims.suggest.numbers import find_quantities, normalise_unit
from factcheck.sources.crosslang import (
    UNIT_CONCEPTS,
    concepts,
    measures_differ,
    other_language,
    shared_across,
)
from factcheck.sources.figure_answer import answered_later
from factcheck.sources.figure_attribution import by_speaker, claim_speaker, clause_end
from factcheck.sources.figure_clauses import rated_true, scope_start, subject_elsewhere
from factcheck.sources.figure_followup import answered_lower, competing, refutation_end, revised_from, revision, set_against
from factcheck.sources.figure_grid import cells_of, claim_scope, grid, out_of_scope, table_numbers, with_header_unit
from factcheck.sources.figure_kinds import claim_units, counts_other_things, same_kind
from factcheck.sources.figure_messages import summary as _summary
from factcheck.sources.figure_refute import REFERENCE_BEFORE, refuted
from factcheck.sources.figure_share import population_shares
from factcheck.sources.figure_subject import (
    after_frame,
    blank,
    casualty_mismatch,
    figure_clause,
    harm_conflict,
    measure_conflict,
    noun_elsewhere,
    other_occasion,
    own_phrase,
    population_of,
    role_conflict,
    strip_numbers,
    subject_text,
    written_noun,
)
from factcheck.sources.figure_table import column_headers
from factcheck.sources.figure_text import (
    _WORD,
    keywords,
    sentence_bounds,
    shared_words,
)
from factcheck.sources.figure_units import (
    _AGE_APPOSITION,
    _MEASURE_KEYS,
    _base_value,
    _count_noun,
    _countable,
    _get,
    _other_things,
    _singular,
    _stem,
    _unit_key,
    bounds_conflict,
    event_of,
    finer_count,
    in_unit,
    near_miss,
    units_compatible,
    values_agree,
)

# --- quantities ---------------------------------------------------------------------------------


# A date or time written for machines (a CSV's "2026-12-01", a log's "2026-12-01T08:30"): its parts
# are no figures ("the source says 12, 01" for a claim of 68 patients).
_ISO_DATE = re.compile(r"(?<![\d.])\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?(?![\d.])")


def _cells_apart(text: str) -> str:
    """A CSV's cell commas as semicolons (same length, so offsets hold): the reader took "68,14" for a
    malformed thousands figure and read neither. Commas inside quoted cells ("1,234") are kept."""
    lines = text.splitlines()[:50]
    if len(lines) < 2 or "," not in lines[0]:
        return text
    width = lines[0].count(",")
    if sum(1 for line in lines if line.count(",") == width) < 0.8 * len(lines):
        return text
    out, quoted = [], False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        out.append(";" if ch == "," and not quoted else ch)
    return "".join(out)


def _table_cells_apart(text: str) -> str:
    """The same for a comma-separated table further down the text (after a caption): the commas between
    one row's cells, which figure_grid found, become semicolons."""
    cells = grid(text)
    if not cells:
        return text
    out = list(text)
    for a, b in itertools.pairwise(cells):
        if a.table == b.table and b.index == a.index + 1:
            for k in range(a.end, b.start):
                if out[k] == ",":
                    out[k] = ";"
    return "".join(out)


def quantities_of(text: str) -> list[dict]:
    """Every figure of a text, read by the suggestion engine's number reader (one reader for both)."""
    text = text or ""
    dates = [m.span() for m in _ISO_DATE.finditer(text)] if "-" in text else []
    apart = _cells_apart(text)
    if apart is text and "," in text:
        apart = _table_cells_apart(text)
    return [
        {"value": q.value, "qualifier": q.qualifier, "unit": q.unit, "text": q.text, "start": q.start, "end": q.end,
         "kind": q.kind}
        for q in find_quantities(apart)
        if not any(a <= q.start and q.end <= b for a, b in dates)
    ]


# --- the figure check -------------------------------------------------------------------------

# What the source does with the claim's figure, and the outcome the claim page shows for it.
LABELS = ("states", "contradicts", "different", "absent")
OUTCOME_OF_LABEL = {"states": "consistent", "contradicts": "disputed", "different": "inconsistent",
                    "absent": "not_found"}
_VERDICT_OF_LABEL = {"states": "matches", "contradicts": "disputes", "different": "differs"}

def _passage(text: str, q: dict, label: str, claim_figure: str, bounds: tuple[int, int]) -> dict:
    start, end = bounds
    return {
        "start": start, "end": end, "quote": text[start:end],
        "figure_start": q["start"], "figure_end": q["end"], "figure": q["text"],
        "value": q["value"], "qualifier": q["qualifier"], "unit": q["unit"],
        "verdict": _VERDICT_OF_LABEL[label], "label": label, "claim_figure": claim_figure, "shared_words": [],
    }


def classify_occurrence(text: str, q: dict, claim_q: dict, bounds: tuple[int, int],
                        neighbours: tuple[int, int] = (0, 1 << 62), claim_is_reference: bool = False,
                        claim_words: frozenset[str] = frozenset()) -> str:
    """What one figure of the source does with one figure of the claim: states, contradicts, different
    or absent (another unit, or a yardstick such as "compared with 4,000 last year")."""
    value, unit = _get(claim_q, "value"), _get(claim_q, "unit")
    qualifier = _get(claim_q, "qualifier", "exact") or "exact"
    head = _HEAD_OF.match(text, q["end"]) if q["unit"] is None else None
    if head:
        q = dict(q, unit=head.group(1))  # "6,500 head of cattle" counts cattle
    dead = _DEAD_THING.match(text, q["end"]) if q["text"].endswith(" dead") and unit else None
    if dead and _stem(dead.group(1)) == _stem(str(unit).lower()):
        q = dict(q, unit=dead.group(1))  # "1,200 dead cattle" counts cattle
    # Two counted nouns may name the same people or things ("19,000 people signed" and "19,000
    # signatures"): the value and the sentence's words decide then, not the noun.
    nouns = _countable(normalise_unit(unit) or "") and _countable(normalise_unit(q["unit"]) or "")
    age = _AGE_APPOSITION.match(text, max(0, q["start"] - 2), q["end"] + 1)
    if q["unit"] is None and age and _get(claim_q, "unit") != "years":
        return "absent"  # "The striker, 27, joined ...": an age
    # "2,200 job cuts" for "cut 2,200 jobs": the claim's noun modifies the source's.
    modifier = bool(_singular(str(unit).lower()) & {w for s in _WORD.findall(q["text"].lower())[:-1] for w in _singular(s)})
    if nouns and _other_things(unit, q["unit"]) and not modifier and not event_of(q["unit"], claim_words):
        return "absent"  # "300 firefighters" says nothing about "300 homes"
    if value is None or not (units_compatible(unit, q["unit"]) or nouns):
        return "absent"
    cv, sv = _base_value(value, unit), _base_value(q["value"], q["unit"])
    # Written in the same unit (not a fraction against a percentage, a conversion's rounding).
    same_unit = (normalise_unit(unit) or "") == (normalise_unit(q["unit"]) or "")
    if bounds_conflict(cv, qualifier, sv, q["qualifier"] or "exact"):
        return "contradicts"  # "fewer than 40" for "at least 40": the same bound, the other side of it
    # "11 min 8 s" rounds to the claim's "11 minutes"; in seconds, 668 is no rounding of 660.
    if values_agree(in_unit(cv, unit), qualifier, in_unit(sv, unit), q["qualifier"] or "exact") and not (
            same_unit and near_miss(cv, qualifier, sv, q["qualifier"] or "exact")) and not (
            same_unit and finer_count(claim_q, qualifier, q)):
        if refuted(text, q, bounds, neighbours, claim_words):
            return "contradicts"
        if not claim_is_reference and REFERENCE_BEFORE.search(text[max(bounds[0], q["start"] - 20):q["start"]].lower()):
            return "absent"
        return "states"
    if unit and q["unit"] and _unit_key(unit) == _unit_key(q["unit"]):
        if _unit_key(unit) == "s" and not same_unit and max(cv, sv) >= _OTHER_SPAN * max(min(cv, sv), 1e-9):
            return "absent"  # "deliberated for eight hours" is no other term for "sentenced to eight years"
        return "different"
    # "The death toll stood at 187" for "killed 212 people": a bare count, or another noun for the
    # same things, is a different figure when its sentence is about the claim's subject (the caller
    # asks for two shared key words).
    su = normalise_unit(q["unit"]) or ""
    cu = normalise_unit(unit) or ""
    if q["kind"] == "count" and ((not su and _count_noun(cu)) or (not cu and _count_noun(su)) or nouns):
        after = _THING_AFTER.match(text, q["end"])
        if not su and after and not _NOT_THING.match(text, q["end"]) and _stem(after.group(1)) != _stem(cu.lower()):
            return "absent"  # "operates 40 aircraft": a noun the reader did not take, so another thing
        return "different"
    return "absent"


# Two durations this many times apart time different things (hours of a jury's deliberation, years of a
# sentence); a nearer one ("two days" for "72 hours", "six months" for "a year") is another figure for the same.
_OTHER_SPAN = 100
_DEAD_THING = re.compile(r"\s+([a-z]{3,})\b")
_HEAD_OF = re.compile(r"\s+head\s+of\s+([a-z]{3,})\b")
# A lower-case word right after a bare count that is no verb, preposition or people word counts
# something of its own ("40 aircraft", "12 sheep").
_THING_AFTER = re.compile(r"\s+(?:(?:new|extra|additional|further|other|more|small|large|major)\s+)?([a-z]{3,})\b(?![-'])")
_NOT_THING = re.compile(
    r"\s+(?:\w+(?:ed|ing|ly)|were|was|are|is|have|has|had|and|or|but|in|on|at|of|for|from|to|by|with|since|after|before|"
    r"more|less|than|people|dead|died|die|remain|remained|left|fled|others|others|more|last|this|that|who|which|a|an|the|"
    r"according|say|says|said|per|each|so|far|times|out|across|over|under|as|while|when|because|including|among)\b"
)


@dataclass
class FigureCheck:
    outcome: str  # consistent, disputed, inconsistent, not_found (see OUTCOME_OF_LABEL)
    summary: str
    passages: list[dict] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)
    label: str = "absent"  # states, contradicts, different, absent

    def as_dict(self) -> dict:
        return {"outcome": self.outcome, "summary": self.summary, "passages": self.passages, "figures": self.figures,
                "label": self.label}


def _claim_figures(claim_text: str, claim_quantities: list[dict] | None) -> tuple[list[dict], list[dict]]:
    wanted = list(claim_quantities) if claim_quantities else quantities_of(claim_text)
    wanted = [q for q in wanted if _get(q, "value") is not None]
    read = quantities_of(claim_text)
    for n, q in enumerate(wanted):
        # How the claim writes a figure given without its words ("2,200" or "2.2k") decides whether it rounds.
        same = next((r for r in read if not _get(q, "text") and float(r["value"]) == float(_get(q, "value"))), None)
        if same and isinstance(q, dict):
            wanted[n] = dict(q, text=same["text"])
    # A merged claim's "12" of "up from 12" was read without the "41 container ships" that says what it counts.
    return claim_units(claim_text, wanted, read), read


def _is_reference(claim_text: str, cq: Any) -> bool:
    figure = _get(cq, "text") or ""
    at = claim_text.find(figure) if figure else -1
    return at > 0 and REFERENCE_BEFORE.search(claim_text[max(0, at - 20):at].lower()) is not None


def _ranges(text: str, found: list[dict]) -> dict[int, tuple[float, float]]:
    """Source figures that are the two ends of one range ("between 30 and 40", "30-40"): index -> (low, high)."""
    out: dict[int, tuple[float, float]] = {}
    for i in range(len(found) - 1):
        a, b = found[i], found[i + 1]
        if a["qualifier"] == "at_least" and b["qualifier"] == "at_most" and _RANGE_GAP.fullmatch(text, a["end"], b["start"]):
            unit = b["unit"] or a["unit"]
            out[i] = out[i + 1] = (_base_value(a["value"], unit), _base_value(b["value"], unit))
    return out


_BACK_REFERENCE = re.compile(r"\b(?:the|that|this)\s+(?:number|figure|toll|count|total|tally)\b|\b(?:its|their)\s+\w+\s+"
                             r"(?:was|is|were|stood|reached|rose|fell)\b|^\s*(?:It|They|That|This)\b", re.I)
_ATTRIBUTED = re.compile(r"\b(?:said|says|say|according\s+to|claimed|claims|estimated|reported|put\s+the)\b"
                         r"|(?:אמר|מסר|לפי|טען|قال|بحسب|وفق|ذكر)", re.I)
_NAME = re.compile(r"(?<=[\s(])[A-Z][a-z]+(?:'s)?")
_RANGE_GAP = re.compile(r"\s*(?:and|to|-|–)\s*")


def _precise(value: Any, digits_needed: int) -> bool:
    """A value with that many significant digits (a count of 1,237; a rate of 14.25)."""
    digits = f"{abs(float(value)):.6e}".split("e")[0].replace(".", "").rstrip("0") if value else ""
    return len(digits) >= digits_needed


def _counts(label: str, shared: list[str], subject_shared: list[str], need: int) -> bool:
    """Is this occurrence about the claim's subject enough to be reported with its label?"""
    if label == "states":
        return len(shared) >= need and (need == 0 or bool(subject_shared))
    if label == "contradicts":
        # A refuted mention of the claim's figure (in a compatible unit, counting the same kind of thing)
        # is reported whatever words it shares: better "disputed" than a missed refutation.
        return True
    return len(shared) >= need and (need == 0 or bool(subject_shared))


def figure_check(claim_text: str, source_text: str, claim_quantities: list[dict] | None = None) -> FigureCheck:
    """What the source does with each of the claim's figures: states it, contradicts it, gives a
    different figure for the same thing, or neither.

    Every figure of the source is read with its sentence. One that agrees with the claim's figure
    (within the claim's qualifier, units converted, or a range that holds it) *states* it, unless
    its own clause denies or refutes it ("not 4,000", "well below the $410 million figure circulated
    by officials", "denied that ...") - then it *contradicts* it, and a refuting mention is never a
    match. A figure of the same unit with another value *differs*. Either only counts when it is
    about the claim's subject: its sentence shares a key word (two for a differing figure), its own
    clause shares a word naming what is measured, and it does not count another kind of people
    ("4,000 pupils" for "4,000 residents"): the same number about something else proves nothing.
    """
    wanted, claim_read = _claim_figures(claim_text, claim_quantities)
    if not wanted:
        return FigureCheck("not_found", "The claim states no figure to compare.")
    # The claim's and the source's own figures are no shared words ("two-thirds", "million").
    bare_claim = strip_numbers(claim_text)
    claim_stems = frozenset(_stem(w) for w in _WORD.findall(bare_claim.lower()))
    words = keywords(bare_claim)
    subject = keywords(subject_text(bare_claim))
    names = set(keywords(" ".join(_NAME.findall(claim_text[1:])), expand=False))
    # A table's cells are read by row and column (figure_grid): the claim's row and column, when it names them.
    cells = grid(source_text)
    found = set_against(source_text, table_numbers(source_text, cells, quantities_of(source_text)) if cells
                        else quantities_of(source_text))
    where = cells_of(cells, found)
    found = [with_header_unit(q, c) if c else q for q, c in zip(found, where, strict=True)]
    shares = population_shares(source_text, found)
    scope = claim_scope(cells, lambda name: bool(shared_words(words, keywords(strip_numbers(name))))) if cells else {}
    # A claim that says whose figure it is ("Police said 4,000 marched") is stated by that source's clause,
    # whatever figure another source gives.
    attributed = _ATTRIBUTED.search(claim_text) is not None
    speaker = claim_speaker(claim_text)
    bare_source = strip_numbers(source_text)
    # A differing figure must be about the claim's subject: two shared key words, or one for a
    # claim of three words or fewer ("Turnout reached 71 per cent").
    need_differs = 1 if len(keywords(bare_claim, expand=False)) <= 3 else 2
    # A source in another language shares no words with the claim: names (by skeleton) and what
    # happened ("killed" and "قتل") stand in for them.
    across = other_language(claim_text, source_text)
    bounds = [sentence_bounds(source_text, q["start"], q["end"]) for q in found]
    ranges = _ranges(source_text, found)
    # A range's two ends, as one figure for the summary: "between 40 and 60 people", not "40, 60 people".
    spans = {found[i]["start"]: (found[i]["start"], found[i + 1]["end"]) for i in ranges
             if i + 1 in ranges and ranges[i] == ranges[i + 1] and found[i]["end"] <= found[i + 1]["start"]}
    # A CSV row's figure is read with its column's header ("local jobs"), which names what it counts.
    headers = column_headers(source_text, found)
    if across:
        claim_blank = blank(claim_text, [(q["start"], q["end"]) for q in quantities_of(claim_text)])
        source_blank = blank(source_text, [(q["start"], q["end"]) for q in found])
    figures: list[dict] = []
    passages: list[dict] = []
    for cq in wanted:
        label_text = _get(cq, "text") or str(_get(cq, "value"))
        reference = _is_reference(claim_text, cq)
        # The claim's other figures, given or not: a check of "12" alone still knows "41 container ships".
        siblings = [o for o in wanted if o is not cq] + [r for r in claim_read if all(
            float(r["value"]) != float(_get(w, "value")) for w in wanted)]
        claim_noun = written_noun(label_text) or str(_get(cq, "unit") or "").lower()
        # "62 percent of nurses": a share names its population after "of".
        at = claim_text.find(label_text)
        claim_of = population_of(claim_text, at + len(label_text)) if at >= 0 else ""
        # A name says whose figure it is, not what it measures: "Orvane's revenue rose 18 per cent"
        # does not state that its shares did, so a percentage needs a shared word besides names.
        share = _unit_key(_get(cq, "unit")) in ("percent", "percentage_point")
        cq_subject = [w for w in subject if w not in names] if share else subject
        by_label: dict[str, list[dict]] = {"states": [], "contradicts": [], "different": []}
        for i, sq in enumerate(found):
            if out_of_scope(where[i], scope):
                continue  # another row or column of a table than the claim's
            their = population_of(source_text, sq["end"])
            # A bare number takes the noun the reader carried to it: the "41" of "by 300 votes to 41" counts votes.
            # (Not a figure of Arabic or Hebrew, whose nouns the English noun list does not name.)
            source_noun = written_noun(sq["text"]) or (str(sq["unit"] or "").lower() if sq["text"].isascii() else "")
            if role_conflict(claim_noun, source_noun) or role_conflict(claim_of, their):
                continue  # "4,000 pupils" says nothing about "4,000 residents"
            # The figures either side bound its clause; passing only them keeps a long source linear.
            near = (scope_start(found, i), found[i + 1]["start"] if i + 1 < len(found) else 1 << 62)
            held = sq
            if i in ranges and (_get(cq, "qualifier") or "exact") in ("exact", "approx"):
                cv = _base_value(_get(cq, "value"), _get(cq, "unit"))
                if ranges[i][0] <= cv <= ranges[i][1]:
                    held = dict(sq, value=_get(cq, "value"), unit=sq["unit"] or _get(cq, "unit"), qualifier="approx")
            label = classify_occurrence(source_text, held, cq, bounds[i], near, reference, claim_stems)
            if label != "states" and i in shares:
                # "One in four of the 2,000 staff" for "500 staff"; "500 of the 2,000 staff" for "a quarter of staff".
                other = classify_occurrence(source_text, shares[i], cq, bounds[i], near, reference, claim_stems)
                if other in ("states", "contradicts") or (other == "different" and label == "absent"):
                    label, held = other, shares[i]
            if label == "absent" and not reference and revised_from(source_text, sq, bounds[i]):
                # "... to 31 million tonnes from 35 million": no yardstick but the count before a revision.
                label = classify_occurrence(source_text, held, cq, bounds[i], near, True, claim_stems)
            revised, j = revision(source_text, found, i, bounds, label) if label in ("states", "contradicts") else ("", -1)
            if label == "contradicts" and _confirmed_again(source_text, found, i, bounds):
                # "first said 860, which critics called too high ... On Friday a state team confirmed the figure: 860
                # homes destroyed": the doubt was settled, and the confirming mention speaks for the source.
                continue
            if revised and _confirmed_again(source_text, found, i, bounds):
                revised, j = "", -1
            if revised:
                label = revised  # "initially said 27 ... later raised to 34": overtaken, or revised down: refuted
            elif label == "states" and not attributed and (j := competing(source_text, found, i, bounds)) >= 0:
                # "Organisers said 10,000 marched; police put the crowd at 3,500"; "the bank said fewer than 40 shut"
                label = revised = "contradicts" if answered_lower(source_text, found, i, j) else "different"
            if (not attributed and label in ("states", "different") and revised in ("", "different")
                    and answered_later(source_text, found, i, bounds)):
                # "Union leaders said 340 schools had shut. The department's register tells a different tale: 58."
                label, revised, j = "contradicts", "", -1
            stated = label
            if attributed and label in ("states", "contradicts") and not revised:
                label = by_speaker(source_text, held, found, bounds[i], near, speaker, claim_stems, label)
            if label == "absent" or (label == "different" and counts_other_things(claim_text, cq, sq, claim_read)):
                continue  # the claim's bare "12" and the port's "1,900 dockers"
            # "fewer than 40" for "at least 40": disputed by its own bound, not by any sentence.
            bound = label == "contradicts" and bounds_conflict(
                _base_value(_get(cq, "value"), _get(cq, "unit")), _get(cq, "qualifier", "exact") or "exact",
                _base_value(held["value"], held["unit"]), held["qualifier"] or "exact")
            # Refuted only by a later sentence ("That toll was later withdrawn"): the passage must hold it.
            later = label == "contradicts" and not revised and not bound and not refuted(
                source_text[: bounds[i][1]], held, bounds[i], near, claim_stems)
            if later and rated_true(source_text):
                # "VERDICT: TRUE ... Some critics have questioned the 2020 estimate": the source's own verdict
                # outweighs a doubt a later sentence reports.
                label, later = "states", False
            if label == "different" and any(
                classify_occurrence(source_text, sq, o, bounds[i], near) == "states" for o in siblings
            ):
                continue  # the claim's other figure ("rose from 200 to 300"), not a different one
            span = (bounds[i][0], refutation_end(source_text, bounds[i])) if later else bounds[i]
            if revised:
                span = (min(span[0], bounds[j][0]), max(span[1], bounds[j][1]))  # the later count too
            passage = _passage(source_text, sq, label, label_text, span)
            if later:
                passage["how"] = "later"
            elif bound:
                passage["how"] = "bound"
            elif stated == "states" and label == "different":
                passage["how"] = "speaker"  # the same figure, given by another speaker than the claim names
            elif revised:
                passage["how"] = "competing" if found[j]["start"] > sq["start"] and not revision(
                    source_text, found, i, bounds, "states")[0] else "revised"
                passage["revised_to"] = found[j]["text"]
            header = strip_numbers(f"{where[i].row} {where[i].column}" if where[i] else headers[i])
            passage["shared_words"] = shared_words(words, keywords(f"{bare_source[bounds[i][0]:bounds[i][1]]} {header}"))
            # What the figure is about: its sentence after the reporting frame ("the governor said ...").
            about = f"{bare_source[after_frame(bare_source, sq['start'], bounds[i]):bounds[i][1]]} {header}"
            subject_shared = shared_words(cq_subject, keywords(subject_text(about)))
            if not subject_shared and not across and not source_text[sq["end"]:clause_end(
                    source_text, sq["end"], bounds[i][1])].strip(" .,;"):
                # "...; organisers said 1,200.": an elliptical clause counts what the sentence's first one does.
                subject_shared = shared_words(cq_subject, keywords(f"{bare_source[bounds[i][0]:bounds[i][1]]} {header}"))
            if not subject_shared and not across and bounds[i][0] > 1 and _BACK_REFERENCE.search(
                    source_text[bounds[i][0]:sq["start"]]):
                # "Hours later it said the number was not 27 but 19": what the number counts is in the sentence before.
                prev = sentence_bounds(source_text, bounds[i][0] - 2, bounds[i][0] - 1)
                before = keywords(f"{bare_source[prev[0]:prev[1]]} {about}")
                subject_shared = shared_words(cq_subject, before)
                passage["shared_words"] = shared_words(words, before)
            if across:
                # The figures' own words are no subject ("percent" in both says nothing about what the
                # percentage measures); "the shekel traded at 3.68" still names what the rate is of.
                outside = shared_across(claim_blank, source_blank[bounds[i][0]:bounds[i][1]])
                passage["shared_words"] = [w for w in shared_across(claim_text, passage["quote"])
                                           if w not in UNIT_CONCEPTS or w in outside]
                passage["other_language"] = True
                subject_shared = passage["shared_words"]
                harm = {"killed", "injured"}
                if label != "contradicts" and harm & concepts(claim_text) and not harm & concepts(passage["quote"]):
                    continue  # "40 militants were killed" and the raid's "40 ג'יפים" (jeeps)
                if label != "contradicts" and "arrested" in concepts(claim_text) - concepts(passage["quote"]):
                    continue  # "اعتقلت الشرطة 45 متظاهراً" and "dispersed several hundred protesters": none arrested
                if label != "contradicts" and measures_differ(claim_text, passage["quote"]):
                    continue  # unemployment and "התוצר צמח ב-4.1%" (GDP growth)
            elif label != "contradicts" and (casualty_mismatch(bare_claim, about, sq["text"])
                                             or measure_conflict(bare_claim, about, own_phrase(
                                                 source_text, sq["start"], sq["end"], bounds[i]))):
                continue  # "12 people died" and "40 passengers" on the bus; a profit and a provision
            elif label != "contradicts" and (harm_conflict(claim_text, source_text[bounds[i][0]:bounds[i][1]])
                                             or other_occasion(claim_text, source_text, sq["start"], sq["end"], bounds[i],
                                                                same_figure=label == "states")):
                continue  # "Nineteen people were injured" for "killed 19"; "the stadium holds 50,000 people"
            if label in ("states", "different") and not across and not revised and subject_elsewhere(
                    source_text, sq["start"], sq["end"], bounds[i], cq_subject, names, keywords, label, sq["kind"], claim_of):
                continue  # "Imports grew by 4 percent, while exports were flat" for exports' 4 percent
            if label == "states" and not across and not revised and _other_kind(
                    source_text, found, i, bounds, claim_noun, subject, claim_names=names):
                continue  # "Police arrested 12 people; 40 officers were injured" for "arrested 40 people"
            key = _unit_key(_get(cq, "unit"))
            measure = key in _MEASURE_KEYS or normalise_unit(_get(cq, "unit")) in _MEASURE_KEYS
            if measure and key == _unit_key(sq["unit"]):
                passage["shared_words"].append(normalise_unit(sq["unit"]))
                subject_shared.append(normalise_unit(sq["unit"]))  # 43 degrees Celsius measures what 43C does
            need = (1 if across else need_differs) if label == "different" and not revised else min(1, len(words))
            # A precise figure met exactly (a count of three significant digits or more, 1,237; four for a sum
            # or a share) is no coincidence, even in a sentence that words its subject otherwise.
            exact = (label == "states" or bool(revised)) and float(sq["value"]) == float(_get(cq, "value"))
            # Across languages, the same count of the same things ("12 homes", "12 בתים") is enough too.
            same_things = across and sq["kind"] == "count" and bool(key) and key == _unit_key(sq["unit"])
            precise = exact and (same_things or _precise(_get(cq, "value"), 3 if sq["kind"] == "count" else 4))
            if precise or _counts(label, passage["shared_words"], subject_shared if cq_subject else ["-"], need):
                by_label[label].append(passage)
        label = next((k for k in ("contradicts", "states", "different") if by_label[k]), "absent")
        chosen = sorted(by_label.get(label, []), key=lambda p: -len(p["shared_words"]))[:3]
        if label == "different" and chosen:
            # The differing figures whose sentences share the most words are the claim's own thing
            # (the construction row's jobs, not the operation row's).
            chosen = same_kind([p for p in chosen if len(p["shared_words"]) == len(chosen[0]["shared_words"])],
                               _get(cq, "unit"))
        figures.append({"figure": label_text, "value": _get(cq, "value"), "qualifier": _get(cq, "qualifier", "exact"),
                        "unit": _get(cq, "unit"), "outcome": OUTCOME_OF_LABEL[label], "label": label,
                        "source_figures": _figure_names(source_text, chosen, spans)})
        how = next((p for p in chosen if p.get("how")), None)
        if how:  # the summary says how: refuted in a later sentence, or a first count revised
            figures[-1].update({k: how[k] for k in ("how", "revised_to") if k in how})
            if how["how"] == "speaker":
                figures[-1]["speaker_figure"] = how["figure"]  # the one figure another speaker gives
        passages.extend(chosen)
    labels = {f["label"] for f in figures}
    label = next((k for k in ("contradicts", "different", "states") if k in labels), "absent")
    return FigureCheck(OUTCOME_OF_LABEL[label], _summary(label, figures), _one_per_passage(passages), figures, label)


_BETWEEN = re.compile(r"\bbetween\s+$", re.I)


# A later sentence confirming the figure: "confirmed the figure: 860 homes", "the count was verified".
_CONFIRMING = re.compile(
    r"\b(?:confirm(?:s|ed|ing)?|verif(?:y|ies|ied|ying)|upheld|corroborat\w*|stands\s+by|stood\s+by)\b", re.I
)


def _confirmed_again(text: str, found: list[dict], i: int, bounds: list[tuple[int, int]]) -> bool:
    """Does a later sentence give the same figure again, as confirmed? Then it was not overtaken."""
    sq = found[i]
    for k in range(i + 1, len(found)):
        other = found[k]
        if bounds[k] == bounds[i] or float(other["value"]) != float(sq["value"]) or other["unit"] != sq["unit"]:
            continue
        if _CONFIRMING.search(text, bounds[k][0], other["start"]):
            return True
    return False


def _figure_names(text: str, chosen: list[dict], spans: dict[int, tuple[int, int]]) -> list[str]:
    """The source figures a summary names, a range's two ends written once as the source writes the range."""
    names: list[str] = []
    ends: set[int] = set()
    for p in sorted(chosen, key=lambda p: p["figure_start"]):
        if p["figure_end"] in ends:
            continue  # the upper end of a range already named
        span = spans.get(p["figure_start"])
        if span and any(o["figure_end"] == span[1] for o in chosen):
            lo = span[0]
            between = _BETWEEN.search(text, max(0, lo - 8), lo)
            names.append(text[between.start() if between else lo:span[1]])
            ends.add(span[1])
        else:
            names.append(p["figure"])
    return names if len(names) < len(chosen) else [p["figure"] for p in chosen]


def _counted_noun(figure_text: str) -> str:
    """The noun written after a figure ("40 officers" -> "officers"); none for "about 26,000"."""
    return written_noun(figure_text) if re.search(r"[^\W\d_]$", figure_text or "") else ""


def _other_kind(text: str, found: list[dict], i: int, bounds: list[tuple[int, int]], claim_noun: str,
                subject: list[str], claim_names: set[str]) -> bool:
    """Does source figure ``i`` count another kind of thing than the claim's? Its noun differs, and another figure
    of its sentence carries the claim's noun, or its own clause says none of the claim's words but noun and names."""
    sq, source_noun = found[i], _counted_noun(found[i]["text"])
    if not claim_noun or not source_noun or shared_words(keywords(claim_noun), keywords(source_noun)):
        return False
    if sq["kind"] not in ("count", "age") and _unit_key(sq["unit"]) == _unit_key(normalise_unit(claim_noun)):
        return False  # "48 min 3 s" for "48 minutes": the same measure abbreviated, no other kind of thing
    sentence = [_counted_noun(o["text"]) for j, o in enumerate(found) if j != i and bounds[j] == bounds[i]]
    if noun_elsewhere(claim_noun, source_noun, sentence):
        return True
    others = [o for j, o in enumerate(found) if j != i and bounds[j] == bounds[i]]
    if not others:
        return False  # a sentence with one figure: what it counts is the sentence's whole subject
    said = [w for w in subject if w not in claim_names and w not in keywords(claim_noun)]
    clause = strip_numbers(figure_clause(text, sq["start"], sq["end"], bounds[i]))
    return bool(said) and not shared_words(said, keywords(subject_text(clause)))


def _one_per_passage(passages: list[dict]) -> list[dict]:
    """Each sentence once, naming every figure found in it: a sentence holding two of the claim's
    figures (or one figure twice) was listed, with its own Pin button, once per figure."""
    rank = {"contradicts": 0, "states": 1, "different": 2}
    kept: dict[tuple[int, int], dict] = {}
    for p in sorted(passages, key=lambda p: (p["start"], rank.get(p["label"], 3))):
        first = kept.get((p["start"], p["end"]))
        if first is None:
            kept[(p["start"], p["end"])] = dict(p)
        elif p["figure"] not in first["figure"].split(", "):
            first["figure"] = f'{first["figure"]}, {p["figure"]}'
    return list(kept.values())
