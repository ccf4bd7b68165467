"""Scores the figure check against labelled (claim, source passage) pairs.

Run from the repository root: ``.venv/bin/python bench/figure_eval.py [--pairs FILE_OR_DIR] [-v]``.
Needs no Django set-up. The pairs follow bench/corpus/GUIDELINES.md ("Figure-check pairs"): a claim,
its figure (value, qualifier, unit), a passage and a label, one of

- ``states``: the passage asserts the claim's figure, in any written form;
- ``contradicts``: it mentions the figure but disputes, denies or refutes it;
- ``different``: it gives a different figure for the same thing;
- ``absent``: neither.

The check is given the claim's wording and the labelled figure (with the words the claim writes it
in, when the number reader finds them there), as the claim page gives it a claim's quantities.
Printed: accuracy, a confusion table (labelled rows, checked columns) and how many contradicting
passages were reported as stating the figure ("Figure matches"), which must be zero. ``--lang``
keeps the pairs of one language (missing means "en"). A path containing ``blind`` prints the
aggregate figures only: blind pairs must never feed tuning, so no pair is ever shown for them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from factcheck.claims.suggest.numbers import find_quantities  # noqa: E402
from factcheck.sources.figures import LABELS, figure_check  # noqa: E402

PAIRS = ROOT / "bench" / "figure_pairs" / "dev.json"
REL_TOL = 1e-3


def is_blind(path: Path | str) -> bool:
    return "blind" in str(path).lower()


def load_pairs(path: Path = PAIRS, lang: str | None = None) -> list[dict]:
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    pairs: list[dict] = []
    for file in files:
        data = json.loads(file.read_text(encoding="utf-8"))
        for n, pair in enumerate(data):
            if pair.get("label") not in LABELS:
                shown = f"pair {n + 1}" if is_blind(path) else repr(pair.get("claim"))
                raise ValueError(f"{file.name}: unknown label in {shown}")
            if lang is None or (pair.get("lang") or "en") == lang:
                pairs.append(pair)
    return pairs


def claim_figure(pair: dict) -> dict:
    """The labelled figure, with the words the claim writes it in when the reader finds them."""
    figure = dict(pair["figure"])
    figure.setdefault("qualifier", "exact")
    value = float(figure["value"])
    for q in find_quantities(pair["claim"]):
        if abs(float(q.value) - value) <= REL_TOL * max(abs(value), 1e-9):
            figure.setdefault("text", q.text)
            break
    figure.setdefault("text", f"{figure['value']:,}" if isinstance(figure["value"], int) else str(figure["value"]))
    return figure


def evaluate(path: Path = PAIRS, lang: str | None = None) -> dict[str, object]:
    pairs = load_pairs(path, lang)
    confusion = {g: dict.fromkeys(LABELS, 0) for g in LABELS}
    misses: list[str] = []
    for pair in pairs:
        result = figure_check(pair["claim"], pair["passage"], [claim_figure(pair)])
        confusion[pair["label"]][result.label] += 1
        if result.label != pair["label"]:
            misses.append(f"{pair['label']:>11s} -> {result.label:11s} {pair['claim']!r} / {pair['passage']!r}")
    total = len(pairs)
    correct = sum(confusion[g][g] for g in LABELS)
    return {
        "pairs": total,
        "accuracy": correct / total if total else 0.0,
        "confusion": confusion,
        "contradicts_reported_as_matches": confusion["contradicts"]["states"],
        "misses": misses,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=PAIRS, help="a JSON file of pairs, or a folder of them")
    parser.add_argument("--lang", default="en", help='language of the pairs to score ("lang", default "en")')
    parser.add_argument("-v", "--verbose", action="store_true", help="list the pairs the check got wrong")
    args = parser.parse_args(argv)
    report = evaluate(args.pairs, args.lang)
    blind = is_blind(args.pairs)
    if blind:
        print("blind pairs: aggregate figures only")
    print(f"pairs {report['pairs']}  (lang {args.lang})")
    print(f"accuracy  {report['accuracy']:.3f}")
    print()
    print("labelled \\ checked " + " ".join(f"{lab:>11s}" for lab in LABELS))
    for gold in LABELS:
        row = report["confusion"][gold]
        print(f"{gold:18s} " + " ".join(f"{row[lab]:11d}" for lab in LABELS))
    print()
    print(f"contradicting passages reported as \"Figure matches\": {report['contradicts_reported_as_matches']}")
    if args.verbose and not blind:
        print()
        for miss in report["misses"]:
            print(miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
