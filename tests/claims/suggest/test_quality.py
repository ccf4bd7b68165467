"""Quality floors on the labelled corpus (bench/corpus) and on the held-out articles (bench/corpus/holdout).

The floors sit a little under the figures measured when they were set, so a change that makes the
engine worse fails here; bench/suggest_eval.py -v shows which claims it lost.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
BENCH = ROOT / "bench"


def _load_eval():
    spec = importlib.util.spec_from_file_location("suggest_eval", BENCH / "suggest_eval.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


suggest_eval = _load_eval()


@pytest.fixture(scope="module")
def main_report():
    return suggest_eval.evaluate(BENCH / "corpus")


@pytest.fixture(scope="module")
def holdout_report():
    return suggest_eval.evaluate(BENCH / "corpus" / "holdout")


def test_corpus_meets_the_size_rules():
    articles = suggest_eval.load_corpus(BENCH / "corpus")  # also checks every quote is in its text
    assert len(articles) >= 12
    assert sum(len(a["claims"]) for _n, a in articles) >= 150
    assert sum(len(a["non_claims"]) for _n, a in articles) >= 12
    assert len({a["beat"] for _n, a in articles}) >= 7
    for name, article in articles:
        assert 200 <= len(article["text"].split()) <= 500, name
        assert set(article) >= {"title", "beat", "text", "claims", "non_claims"}
        for claim in article["claims"]:
            # "text" is the self-contained wording of a quote that lacks its subject (GUIDELINES.md).
            assert {"quote", "types", "quantities", "attributed_to"} <= set(claim) <= {
                "quote", "text", "types", "quantities", "attributed_to"}


def test_no_sentence_of_the_seed_article_is_in_the_corpus():
    seed = Path("/work/shared/seed-article.txt")
    if not seed.exists():
        pytest.skip("seed article not on this machine")
    sentences = [s.strip() for s in seed.read_text(encoding="utf-8").replace("\n", " ").split(". ") if len(s) > 40]
    corpus = " ".join(a["text"] for _n, a in suggest_eval.load_corpus(BENCH / "corpus"))
    assert [s for s in sentences if s[:60] in corpus] == []


@pytest.mark.parametrize(
    ("metric", "floor"),
    # Precision sits lower than before dev-ext4: the older labels keep announced plans and trailing
    # comparisons ("..., more than double the figure") inside other claims or list them as
    # non-claims, where the GUIDELINES-only labels of dev-ext4 (and the blind batches) split them out.
    # Since dev-ext5 the same holds for a baseline with its own figure (", up from 31,000 a year
    # earlier", split 11 times of 16 by the independent writers, never by the older labels): the split
    # costs precision and, as the baseline figure moves to its own claim, quantity accuracy here.
    [("recall", 0.95), ("precision", 0.88), ("type_accuracy", 0.92), ("quantity_accuracy", 0.93)],
)
def test_main_corpus_floor(main_report, metric, floor):
    assert main_report[metric] >= floor, f"{metric} {main_report[metric]:.3f} < {floor}"


@pytest.mark.parametrize(
    ("metric", "floor"),
    # As above: the held-out labels keep ", up from 483 million in 2022" inside the clause it follows.
    [("recall", 0.95), ("precision", 0.87), ("type_accuracy", 0.90), ("quantity_accuracy", 0.91)],
)
def test_holdout_floor(holdout_report, metric, floor):
    assert holdout_report[metric] >= floor, f"{metric} {holdout_report[metric]:.3f} < {floor}"


def test_opinions_and_predictions_in_the_corpus_are_not_suggested(main_report, holdout_report):
    # The older labels list announced plans and schedules with a date or figure ("Final results are
    # due to be published on Thursday", "Volta Motors will cut 3,500 jobs by 2027") as non-claims; the
    # writer of bench/corpus/dev-ext4, who read only GUIDELINES.md and never saw the engine, marks
    # them as claims ("A second round is scheduled for March 21"), as blind labellers do. The engine
    # follows the latter; opinions, feelings and commentators' forecasts must still not leak.
    assert main_report["non_claim_leaks"] <= 14
    assert holdout_report["non_claim_leaks"] <= 2


EXT4 = BENCH / "corpus" / "dev-ext4"


@pytest.mark.skipif(not EXT4.is_dir(), reason="dev-ext4 corpus not in this checkout")
@pytest.mark.parametrize(
    ("metric", "floor"),
    [("recall", 0.91), ("precision", 0.93), ("type_accuracy", 0.89), ("quantity_accuracy", 0.94)],
)
def test_independent_tuning_corpus_floor(metric, floor):
    # Written from GUIDELINES.md alone by someone who never saw the engine (dev-ext4/README.md).
    report = suggest_eval.evaluate(EXT4)
    assert report[metric] >= floor, f"{metric} {report[metric]:.3f} < {floor}"


EXT5 = BENCH / "corpus" / "dev-ext5"


@pytest.mark.skipif(not EXT5.is_dir(), reason="dev-ext5 corpus not in this checkout")
@pytest.mark.parametrize(
    ("metric", "floor"),
    [("recall", 0.83), ("precision", 0.88), ("type_accuracy", 0.79), ("quantity_accuracy", 0.87)],
)
def test_second_independent_tuning_corpus_floor(metric, floor):
    # Another writer's GUIDELINES-only labels (dev-ext5/README.md), tuned on from this round. Its
    # labeller types durations as quantity and temporal and keeps "killed 23 and wounded 61" as one
    # claim, against GUIDELINES.md and the other sets, so its type and recall floors sit lower.
    report = suggest_eval.evaluate(EXT5)
    assert report[metric] >= floor, f"{metric} {report[metric]:.3f} < {floor}"


EXT10 = BENCH / "corpus" / "dev-ext10"


@pytest.fixture(scope="module")
def ext10_report():
    return suggest_eval.evaluate(EXT10)


@pytest.mark.skipif(not EXT10.is_dir(), reason="dev-ext10 corpus not in this checkout")
@pytest.mark.parametrize(
    ("metric", "floor"),
    [("recall", 0.83), ("precision", 0.93), ("type_accuracy", 0.83), ("quantity_accuracy", 0.94)],
)
def test_round10_independent_corpus_floor(ext10_report, metric, floor):
    # A third writer's GUIDELINES-only set (dev-ext10/README.md), scored before round 10 changed
    # anything: 0.839 / 0.946 / 0.843 / 0.951. No English rule moved it that round; this keeps it there.
    assert ext10_report[metric] >= floor, f"{metric} {ext10_report[metric]:.3f} < {floor}"
