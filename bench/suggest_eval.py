"""Scores the claim suggestion engine against the labelled corpus in bench/corpus/.

Run from the repository root: ``.venv/bin/python bench/suggest_eval.py [-v]``. Needs no Django set-up.

Matching: a gold claim and a suggestion match when their spans overlap substantially, i.e. the
Dice coefficient 2·overlap / (len(gold) + len(suggestion)) is at least 0.5; pairs are matched one
to one, best overlap first. Then:

- recall: matched gold claims / gold claims
- precision: matched suggestions / suggestions (a suggestion that matches no gold claim counts
  against precision, whether or not it overlaps a labelled non-claim)
- type accuracy: mean Jaccard similarity of gold and suggested type sets over matched pairs
  (the exact-set rate is printed too)
- quantity accuracy: share of gold quantities in matched claims for which the suggestion has a
  figure with the same value (relative tolerance 1e-3) and the same qualifier
- per field: value; qualifier given the value; unit given the value (the headline quantity
  accuracy is value and qualifier, as before). Units are compared as GUIDELINES.md words them
  (``same_unit``): where the guidelines name no spelling, "percentage_point", "percentage points"
  and "pp" are one unit, "s" and "seconds" one, "kph" and "km/h" one; case, "_"/"-"/spaces and
  singular/plural are spelling. A multiplier ("twice", "three times") has no unit in the
  guidelines' list, so "times", "x", "multiplier" and null are one. A count's unit is "a short
  lower-case noun" for what is counted, so "fire engines" and "engines" name one unit (the head
  noun is the same); and the guidelines' own example gives "4,000 residents" the unit "people",
  so "people" matches any noun for people ("residents", "passengers"), while two different
  people nouns ("residents", "children") stay apart. "percent" is never "percentage_points".
- sentence recall: gold claims whose sentence holds at least one suggestion (any overlap, not one
  to one); the gap between it and recall is the engine bundling or cutting assertions wrongly
- non-claim leaks: labelled non-claims (opinions, predictions, feelings) that a suggestion covers

Options: ``--corpus DIR`` scores another folder, ``--lang CODE`` keeps the articles whose "lang" is
CODE (missing means "en"). A corpus whose path contains ``blind`` is scored without naming a single
article, claim or miss: blind data must never feed tuning, so only the aggregate figures print.

Labelling conventions: bench/corpus/GUIDELINES.md (one claim per checkable assertion, at clause
level; a relative clause or appositive with its own figure and a trailing ranking such as "its
highest level since 2009" are claims of their own; a list of figures about one event is one claim;
a quote without its subject also gets a self-contained "text"). Durations are quantities of type
temporal. Quotations: the quoted words are testimony (a non-claim unless they carry a figure or
ranking), but an aside outside them (between dashes, in brackets, or ", which ...," before the main
verb) that holds a figure, comparison, ranking or date is its own claim, and a reporting frame that
says to whom or in what document it was said ("in a letter addressed to the minister") is an
attribution claim without the quoted words.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from factcheck.claims.suggest import suggest  # noqa: E402
from factcheck.claims.suggest.segment import sentences  # noqa: E402

CORPUS = ROOT / "bench" / "corpus"
DICE_MIN = 0.5
REL_TOL = 1e-3


@dataclass
class ArticleResult:
    name: str
    beat: str
    gold: int
    predicted: int
    matched: int
    sentence_hits: int
    type_score: float
    type_exact: int
    q_total: int
    q_ok: int
    q_value_ok: int
    q_qual_ok: int
    q_unit_ok: int
    leaks: int
    misses: list[str]
    false_positives: list[str]
    type_errors: list[str]
    quantity_errors: list[str]
    type_pairs: list[tuple[frozenset[str], frozenset[str]]]


def _dice(a: tuple[int, int], b: tuple[int, int]) -> float:
    overlap = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return 2 * overlap / ((a[1] - a[0]) + (b[1] - b[0]) or 1)


# Unit spellings the guidelines do not fix (GUIDELINES.md names "percent", ISO currency codes, "km",
# "km2", "kg", "tonnes", "celsius" and the duration words, but not points, multipliers, seconds or
# speeds): each group below is one unit written several ways, so it is compared as one. Only the
# spelling is normalised, never the meaning: "percent" and "percentage_points" stay apart, as do
# "people" and "residents". Plural and singular ("storeys", "storey"), case, "_", "-" and spaces
# are spelling too.
_UNIT_SPELLINGS = {
    "percentage_points": ("percentage point", "percentage points", "percentage_point", "percentage_points", "pp", "ppt",
                          "ppts", "points of percentage", "percent points", "per cent points"),
    "basis_points": ("basis point", "basis points", "basis_point", "bp", "bps"),
    "multiplier": ("x", "times", "time", "multiplier", "multiple", "fold", "-fold"),
    "percent": ("percent", "per cent", "%", "pct", "percentage"),
    "seconds": ("s", "sec", "secs", "second", "seconds"),
    "minutes": ("min", "mins", "minute", "minutes"),
    "hours": ("h", "hr", "hrs", "hour", "hours"),
    "km/h": ("km/h", "kmh", "kph", "km per hour", "kilometres per hour", "kilometers per hour", "km/hr"),
    "mph": ("mph", "miles per hour"),
    "celsius": ("celsius", "degrees celsius", "°c", "degc", "c"),
    "km": ("km", "kilometre", "kilometres", "kilometer", "kilometers"),
    "km2": ("km2", "km²", "sq km", "square kilometres", "square kilometers", "square km"),
    "m": ("m", "metre", "metres", "meter", "meters"),
    "kg": ("kg", "kilogram", "kilograms", "kilo", "kilos"),
    "tonnes": ("tonne", "tonnes", "t", "metric tons"),
}
_UNIT_KEY = {spelling: key for key, spellings in _UNIT_SPELLINGS.items() for spelling in spellings}


def unit_key(unit: object) -> str | None:
    """A unit in one spelling (see _UNIT_SPELLINGS); None for no unit."""
    if unit is None:
        return None
    low = " ".join(str(unit).strip().lower().replace("_", " ").replace("-", " ").split())
    if not low:
        return None
    if low in _UNIT_KEY:
        return _UNIT_KEY[low]
    if str(unit).strip().isupper() and len(str(unit).strip()) == 3:
        return str(unit).strip()  # an ISO currency code
    words = low.split()
    last = words[-1]
    # The plural is spelling: "storeys" and "storey", "counties" and "county".
    if last.endswith("ies") and len(last) > 4:
        last = last[:-3] + "y"
    elif last.endswith("s") and not last.endswith(("ss", "us", "is")) and len(last) > 3:
        last = last[:-1]
    return " ".join([*words[:-1], last])


# Nouns for people (GUIDELINES.md's figure-pair example labels "4,000 residents" with "people").
_PEOPLE_WORDS = """
    person individual civilian resident child kid adult man men woman women boy girl baby infant patient soldier
    troop officer worker employee staff student pupil teacher doctor nurse voter migrant refugee passenger
    survivor fan spectator runner athlete member inhabitant citizen protester demonstrator participant customer
    visitor tourist pilgrim prisoner detainee hostage inmate fighter militant rebel police policeman firefighter
    rescuer volunteer minor teenager pensioner victim applicant candidate delegate lawmaker mp senator judge
    juror journalist reservist player miner fisherman fishermen crew marcher supporter economist analyst
    engineer academic executive councillor donor consultant defendant director witness casualty dead injured
    wounded children local commuter driver pilot diver shopper listener viewer reader guest climber
"""
_PEOPLE_NOUNS = frozenset(_PEOPLE_WORDS.split())


def same_unit(a: object, b: object) -> bool:
    """Whether two units name one unit as GUIDELINES.md words them (see the module docstring)."""
    ka, kb = unit_key(a), unit_key(b)
    if ka == kb:
        return True
    if ka is None or kb is None:
        return (ka or kb) == "multiplier"
    if ka in _UNIT_SPELLINGS or kb in _UNIT_SPELLINGS:
        return False
    if "people" in (ka, kb):
        other = (kb if ka == "people" else ka).split()[-1]
        return other in _PEOPLE_NOUNS
    # One counted noun, with or without its modifier: "fire engines" and "engines".
    wa, wb = ka.split(), kb.split()
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return len(short) < len(long_) and long_[-len(short):] == short



def _same_value(x: float, y: float) -> bool:
    return abs(x - y) <= REL_TOL * max(abs(x), abs(y), 1e-9)


def is_blind(path: Path | str) -> bool:
    """Blind corpora are scored in aggregate only (see the module docstring)."""
    return "blind" in str(path).lower()


def load_corpus(corpus: Path = CORPUS, lang: str | None = None) -> list[tuple[str, dict]]:
    articles = []
    for path in sorted(corpus.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if lang is not None and (data.get("lang") or "en") != lang:
            continue
        for n, claim in enumerate(data["claims"]):
            if claim["quote"] not in data["text"]:
                shown = f"claim {n + 1}" if is_blind(corpus) else repr(claim["quote"])
                raise ValueError(f"{path.name}: quote not in text: {shown}")
        for n, quote in enumerate(data["non_claims"]):
            if quote not in data["text"]:
                shown = f"non-claim {n + 1}" if is_blind(corpus) else repr(quote)
                raise ValueError(f"{path.name}: non-claim not in text: {shown}")
        articles.append((path.stem, data))
    return articles


def evaluate_article(name: str, data: dict, preds: list | None = None) -> ArticleResult:
    """Score the engine's suggestions on one labelled article (or ``preds``: anything with start, end,
    text, types and quantities, such as a second person's labels of the same text)."""
    text = data["text"]
    if preds is None:
        preds = suggest(text)
    gold = []
    for claim in data["claims"]:
        s = text.index(claim["quote"])
        gold.append(((s, s + len(claim["quote"])), claim))
    pairs = sorted(
        ((_dice(g[0], (p.start, p.end)), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(preds)),
        reverse=True,
    )
    bounds = sentences(text)
    sentence_hits = 0
    for (gs, _ge), _claim in gold:
        sent = next(((a, b) for a, b in bounds if a <= gs < b), (gs, gs + 1))
        if any(p.start < sent[1] and sent[0] < p.end for p in preds):
            sentence_hits += 1
    used_g: set[int] = set()
    used_p: set[int] = set()
    matches: list[tuple[int, int]] = []
    for d, gi, pi in pairs:
        if d < DICE_MIN:
            break
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        matches.append((gi, pi))
    type_score = 0.0
    type_exact = 0
    q_total = q_ok = q_value_ok = q_qual_ok = q_unit_ok = 0
    type_errors: list[str] = []
    quantity_errors: list[str] = []
    type_pairs: list[tuple[frozenset[str], frozenset[str]]] = []
    for gi, pi in matches:
        claim = gold[gi][1]
        pred = preds[pi]
        g_types, p_types = set(claim["types"]), set(pred.types)
        type_pairs.append((frozenset(g_types), frozenset(p_types)))
        jac = len(g_types & p_types) / len(g_types | p_types)
        type_score += jac
        if g_types == p_types:
            type_exact += 1
        else:
            type_errors.append(f"{claim['quote'][:70]!r}: gold {sorted(g_types)} got {sorted(p_types)}")
        for gq in claim["quantities"]:
            q_total += 1
            same_value = [pq for pq in pred.quantities if _same_value(float(pq["value"]), float(gq["value"]))]
            if same_value:
                q_value_ok += 1
            # Per field, given the value: which of qualifier and unit the engine reads wrongly.
            if any(pq["qualifier"] == gq["qualifier"] for pq in same_value):
                q_qual_ok += 1
            if any(same_unit(pq.get("unit"), gq.get("unit")) for pq in same_value):
                q_unit_ok += 1
            if any(pq["qualifier"] == gq["qualifier"] for pq in same_value):
                q_ok += 1
            else:
                got = [(pq["value"], pq["qualifier"]) for pq in pred.quantities]
                quantity_errors.append(f"{gq['text']!r} gold {gq['value']} {gq['qualifier']}, got {got}")
            if same_value and not any(same_unit(pq.get("unit"), gq.get("unit")) for pq in same_value):
                got_units = [pq.get("unit") for pq in same_value]
                quantity_errors.append(f"{gq['text']!r} gold unit {gq.get('unit')}, got {got_units}")
    leaks = 0
    for quote in data["non_claims"]:
        s = text.index(quote)
        span = (s, s + len(quote))
        if any(_dice(span, (p.start, p.end)) >= DICE_MIN for p in preds):
            leaks += 1
    return ArticleResult(
        name=name,
        beat=data.get("beat", ""),
        gold=len(gold),
        predicted=len(preds),
        matched=len(matches),
        sentence_hits=sentence_hits,
        type_score=type_score,
        type_exact=type_exact,
        q_total=q_total,
        q_ok=q_ok,
        q_value_ok=q_value_ok,
        q_qual_ok=q_qual_ok,
        q_unit_ok=q_unit_ok,
        leaks=leaks,
        misses=[gold[i][1]["quote"] for i in range(len(gold)) if i not in used_g],
        false_positives=[f"{preds[i].text} {preds[i].types}" for i in range(len(preds)) if i not in used_p],
        type_errors=type_errors,
        quantity_errors=quantity_errors,
        type_pairs=type_pairs,
    )


def evaluate(corpus: Path = CORPUS, lang: str | None = None) -> dict[str, object]:
    """Aggregate figures over the corpus, plus the per-article results."""
    articles = load_corpus(corpus, lang)
    return aggregate(articles, [evaluate_article(name, data) for name, data in articles])


def aggregate(articles: list[tuple[str, dict]], results: list[ArticleResult]) -> dict[str, object]:
    """The corpus figures from per-article results (one per article, in the same order)."""
    gold = sum(r.gold for r in results)
    predicted = sum(r.predicted for r in results)
    matched = sum(r.matched for r in results)
    q_total = sum(r.q_total for r in results)
    non_claims = sum(len(data["non_claims"]) for _n, data in articles)
    return {
        "articles": len(results),
        "gold": gold,
        "predicted": predicted,
        "matched": matched,
        "recall": matched / gold if gold else 0.0,
        "sentence_recall": sum(r.sentence_hits for r in results) / gold if gold else 0.0,
        "precision": matched / predicted if predicted else 0.0,
        "type_accuracy": sum(r.type_score for r in results) / matched if matched else 0.0,
        "type_exact": sum(r.type_exact for r in results) / matched if matched else 0.0,
        "quantity_accuracy": sum(r.q_ok for r in results) / q_total if q_total else 0.0,
        "quantity_value_accuracy": sum(r.q_value_ok for r in results) / q_total if q_total else 0.0,
        "quantity_qualifier_accuracy": sum(r.q_qual_ok for r in results) / q_total if q_total else 0.0,
        "quantity_unit_accuracy": sum(r.q_unit_ok for r in results) / q_total if q_total else 0.0,
        "non_claims": non_claims,
        "non_claim_leaks": sum(r.leaks for r in results),
        "results": results,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses, false positives and errors")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder of labelled articles (*.json)")
    parser.add_argument("--types", action="store_true",
                        help="print a per-type confusion table over matched claims (aggregates only)")
    parser.add_argument("--lang", default="en", help='language of the articles to score ("lang", default "en")')
    args = parser.parse_args(argv)
    report = evaluate(args.corpus, args.lang)
    blind = is_blind(args.corpus)
    if blind:
        print("blind corpus: aggregate figures only")
    else:
        _print_articles(report, args.verbose)
    print()
    print(f"articles {report['articles']}  gold claims {report['gold']}  suggestions {report['predicted']}  "
          f"matched {report['matched']}  (lang {args.lang})")
    print(f"recall             {report['recall']:.3f}  (sentence level {report['sentence_recall']:.3f})")
    print(f"precision          {report['precision']:.3f}")
    print(f"type accuracy      {report['type_accuracy']:.3f}  (exact type set {report['type_exact']:.3f})")
    print(f"quantity accuracy  {report['quantity_accuracy']:.3f}  (value only {report['quantity_value_accuracy']:.3f})")
    print(f"  per field        value {report['quantity_value_accuracy']:.3f}  "
          f"qualifier {report['quantity_qualifier_accuracy']:.3f}  unit {report['quantity_unit_accuracy']:.3f}  "
          "(qualifier and unit given the value)")
    print(f"non-claims leaked  {report['non_claim_leaks']} of {report['non_claims']}")
    if args.types:
        _print_type_confusion(report)
    return 0


def type_confusion(report: dict[str, object]) -> dict[str, dict[str, int]]:
    """Per type, over matched claims: both have it, gold only (missed), suggestion only (spurious)."""
    table: dict[str, dict[str, int]] = {}
    for r in report["results"]:
        for g_types, p_types in r.type_pairs:
            for t in g_types | p_types:
                row = table.setdefault(t, {"both": 0, "missed": 0, "spurious": 0})
                row["both" if t in g_types and t in p_types else "missed" if t in g_types else "spurious"] += 1
    return table


def _print_type_confusion(report: dict[str, object]) -> None:
    # Counts only, never a sentence: the table is safe to print for a blind corpus too.
    print()
    print(f"{'type':12s} {'both':>5s} {'missed':>6s} {'spurious':>8s}")
    for t, row in sorted(type_confusion(report).items(), key=lambda kv: -(kv[1]["missed"] + kv[1]["spurious"])):
        print(f"{t:12s} {row['both']:5d} {row['missed']:6d} {row['spurious']:8d}")


def _print_articles(report: dict[str, object], verbose: bool) -> None:
    header = ("article", "beat", "gold", "pred", "hit", "recall", "prec", "types", "qty")
    print("{:28s} {:11s} {:>4s} {:>4s} {:>4s} {:>6s} {:>6s} {:>6s} {:>7s} leaks".format(*header))
    for r in report["results"]:
        rec = r.matched / r.gold if r.gold else 0.0
        prec = r.matched / r.predicted if r.predicted else 0.0
        types = r.type_score / r.matched if r.matched else 0.0
        print(f"{r.name:28s} {r.beat:11s} {r.gold:4d} {r.predicted:4d} {r.matched:4d} {rec:6.2f} {prec:6.2f} "
              f"{types:6.2f} {r.q_ok:3d}/{r.q_total:<3d} {r.leaks}")
        if verbose:
            for m in r.misses:
                print(f"    MISS  {m}")
            for fp in r.false_positives:
                print(f"    EXTRA {fp}")
            for te in r.type_errors:
                print(f"    TYPE  {te}")
            for qe in r.quantity_errors:
                print(f"    QTY   {qe}")


if __name__ == "__main__":
    sys.exit(main())
