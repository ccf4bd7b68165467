"""Scores the figure check on every dev pairs file, per language, and compares two runs.

Run from the repository root: ``.venv/bin/python bench/figure_dev_sweep.py [--save FILE] [--against FILE] [-v]``.
Reads only ``bench/figure_pairs/dev*`` (never a blind set). Each row is one file and one language;
``--against`` prints the change per row and flags a row that lost more than 0.01 or gained a
contradicting passage reported as "Figure matches", the acceptance rule for a change to the check.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from figure_eval import evaluate, is_blind  # noqa: E402

PAIRS = ROOT / "bench" / "figure_pairs"


def dev_files() -> list[Path]:
    files = sorted(PAIRS.glob("dev*.json")) + sorted(PAIRS.glob("dev*/*.json"))
    return [f for f in files if not is_blind(f)]


def sweep(verbose: bool = False) -> dict[str, dict]:
    rows: dict[str, dict] = {}
    for file in dev_files():
        langs = sorted({p.get("lang") or "en" for p in json.loads(file.read_text(encoding="utf-8"))})
        for lang in langs:
            report = evaluate(file, lang)
            key = f"{file.relative_to(PAIRS)}:{lang}"
            rows[key] = {"pairs": report["pairs"], "correct": round(report["accuracy"] * report["pairs"]),
                         "accuracy": report["accuracy"], "c_as_s": report["contradicts_reported_as_matches"]}
            if verbose:
                for miss in report["misses"]:
                    print(f"{key:28s} {miss}")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--save", type=Path)
    parser.add_argument("--against", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    rows = sweep(args.verbose)
    before = json.loads(args.against.read_text()) if args.against else {}
    bad = 0
    for key, row in rows.items():
        line = f"{key:28s} {row['pairs']:4d}  {row['accuracy']:.3f}  c->s {row['c_as_s']}"
        old = before.get(key)
        if old:
            delta = row["accuracy"] - old["accuracy"]
            flag = delta < -0.01 or row["c_as_s"] > old["c_as_s"]
            bad += flag
            line += f"  {delta:+.3f}{'  <-- WORSE' if flag else ''}"
        print(line)
    total = sum(r["pairs"] for r in rows.values())
    correct = sum(r["correct"] for r in rows.values())
    c_as_s = sum(r["c_as_s"] for r in rows.values())
    summary = f"ALL {total} pairs  accuracy {correct / total:.4f}  ({correct})  contradicts->states {c_as_s}"
    if before:
        old_correct = sum(r["correct"] for r in before.values())
        summary += f"  was {old_correct}  rows worse {bad}"
    print(summary)
    if args.save:
        args.save.write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
