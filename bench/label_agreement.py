"""How far two people who label the same articles from GUIDELINES.md agree: the ceiling of the
suggestion figures.

Run from the repository root:
``.venv/bin/python bench/label_agreement.py --a bench/corpus/blind13 --b bench/corpus/iaa13``

The second person's labels (``--b``) are scored against the first's (``--a``) exactly as
``bench/suggest_eval.py`` scores the engine (spans one to one by Dice >= 0.5; types by Jaccard;
quantities by value and qualifier, unit given the value), on the articles both labelled (paired by
their text). Then the engine is scored against each person on the same articles. If two careful
people cut or type the same text this differently, an engine cannot be held to more against one
of them. A blind folder prints aggregate figures only, as suggest_eval does.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.suggest_eval import aggregate, evaluate_article, load_corpus  # noqa: E402


@dataclass
class Labelled:
    """One labelled claim in the shape the scorer reads from a suggestion."""

    start: int
    end: int
    text: str
    types: list[str]
    quantities: list[dict] = field(default_factory=list)


def as_predictions(data: dict) -> list[Labelled]:
    text = data["text"]
    out = []
    for claim in data["claims"]:
        start = text.index(claim["quote"])
        out.append(Labelled(start, start + len(claim["quote"]), claim.get("text") or claim["quote"],
                            list(claim["types"]), list(claim.get("quantities") or [])))
    return out


def paired(a_dir: Path, b_dir: Path, lang: str | None) -> list[tuple[str, dict, dict]]:
    """(name, A's labels, B's labels) for each text both folders hold."""
    by_text = {data["text"]: (name, data) for name, data in load_corpus(a_dir, lang)}
    return [(by_text[data["text"]][0], by_text[data["text"]][1], data)
            for _name, data in load_corpus(b_dir, lang) if data["text"] in by_text]


def agreement(pairs: list[tuple[str, dict, dict]]) -> dict[str, dict[str, object]]:
    """Figures for B scored against A, the engine against A, and the engine against B."""
    a_articles = [(name, a) for name, a, _b in pairs]
    b_articles = [(name, b) for name, _a, b in pairs]
    return {
        "second person against the first": aggregate(
            a_articles, [evaluate_article(name, a, as_predictions(b)) for name, a, b in pairs]),
        "engine against the first": aggregate(a_articles, [evaluate_article(name, a) for name, a in a_articles]),
        "engine against the second": aggregate(b_articles, [evaluate_article(name, b) for name, b in b_articles]),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--a", type=Path, required=True, help="the first person's labels (folder of *.json)")
    parser.add_argument("--b", type=Path, required=True, help="the second person's labels of some of the same texts")
    parser.add_argument("--lang", default="en")
    args = parser.parse_args(argv)
    pairs = paired(args.a, args.b, args.lang)
    if not pairs:
        print("no article is labelled in both folders (paired by their text)")
        return 1
    print(f"articles labelled by both: {len(pairs)}")
    print(f"{'':34} {'claims':>7} {'recall':>7} {'sent.':>7} {'prec.':>7} {'type':>7} {'qty':>7} {'unit':>7}")
    for label, r in agreement(pairs).items():
        print(f"{label:34} {r['gold']:>7} {r['recall']:>7.3f} {r['sentence_recall']:>7.3f} {r['precision']:>7.3f} "
              f"{r['type_accuracy']:>7.3f} {r['quantity_accuracy']:>7.3f} {r['quantity_unit_accuracy']:>7.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
