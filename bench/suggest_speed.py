"""Measures the claim suggestion engine's throughput on articles of 1,000, 10,000 and 100,000 words.

Run from the repository root: ``.venv/bin/python bench/suggest_speed.py``. The articles are built by
repeating the paragraphs of the labelled corpus (bench/corpus/*.json) in a fixed shuffled order
until the word count is reached, so the text is realistic news copy. Each size is timed several
times and the best run is kept, which measures the engine rather than the machine's other load.
Both wall-clock and CPU time (time.process_time) are printed: on a busy shared machine the CPU
time is the fairer figure. Goal: at least 50,000 words/s, and the 100,000-word article at most 12
times the 10,000-word one.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from factcheck.claims.suggest import suggest  # noqa: E402

CORPUS = ROOT / "bench" / "corpus"
SIZES = (1_000, 10_000, 100_000)


def corpus_paragraphs(corpus: Path = CORPUS) -> list[str]:
    paragraphs: list[str] = []
    for path in sorted(corpus.glob("*.json")):
        text = json.loads(path.read_text(encoding="utf-8"))["text"]
        paragraphs.extend(p.strip() for p in text.split("\n") if p.strip())
    return paragraphs


def build_article(words: int, paragraphs: list[str], seed: int = 4) -> str:
    """An article of about ``words`` words made of corpus paragraphs, the same for the same seed."""
    rng = random.Random(seed)
    out: list[str] = []
    count = 0
    pool: list[str] = []
    while count < words:
        if not pool:
            pool = paragraphs[:]
            rng.shuffle(pool)
        para = pool.pop()
        out.append(para)
        count += len(para.split())
    return "\n\n".join(out)


def time_suggest(text: str, repeat: int) -> tuple[float, float, int]:
    """Best wall-clock seconds, best CPU seconds and the number of suggestions."""
    best_wall = best_cpu = float("inf")
    found = 0
    for _ in range(repeat):
        w0, c0 = time.perf_counter(), time.process_time()
        found = len(suggest(text))
        best_wall = min(best_wall, time.perf_counter() - w0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    return best_wall, best_cpu, found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per size; the fastest is reported")
    parser.add_argument("--corpus", type=Path, default=CORPUS,
                        help="folder whose paragraphs make the articles (bench/corpus/dev-ar for Arabic, dev-he for Hebrew)")
    args = parser.parse_args(argv)
    paragraphs = corpus_paragraphs(args.corpus)
    suggest(build_article(2_000, paragraphs))  # warm-up: regex compilation and caches
    wall: dict[int, float] = {}
    cpu: dict[int, float] = {}
    print(f"{'words':>8s} {'wall s':>8s} {'words/s':>9s} {'cpu s':>8s} {'words/s':>9s} {'suggestions':>11s}")
    for size in SIZES:
        text = build_article(size, paragraphs)
        n_words = len(text.split())
        repeat = max(1, args.repeat if size < 100_000 else min(args.repeat, 3))
        wall[size], cpu[size], found = time_suggest(text, repeat)
        print(f"{n_words:8d} {wall[size]:8.4f} {n_words / wall[size]:9.0f} {cpu[size]:8.4f} {n_words / cpu[size]:9.0f} "
              f"{found:11d}")
    print(f"100k/10k time ratio: wall {wall[100_000] / wall[10_000]:.2f}, cpu {cpu[100_000] / cpu[10_000]:.2f} "
          "(linear is 10; the goal is at most 12)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
