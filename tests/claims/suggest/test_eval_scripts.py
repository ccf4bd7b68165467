"""The evaluation scripts: sentence-level recall, the language filter, the figure-check score, and
blind data printed in aggregate only (the data here is written by the test, never real blind data)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
BENCH = ROOT / "bench"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


suggest_eval = _load("suggest_eval")
figure_eval = _load("figure_eval")

ARTICLE = {
    "title": "Harbour storm", "beat": "disasters", "lang": "en",
    "text": "The storm killed 19 people and forced 4,000 from their homes, police said. "
            "Officials called the response 'a disgrace'.",
    "claims": [
        {"quote": "The storm killed 19 people and forced 4,000 from their homes, police said",
         "types": ["quantity", "causal", "attribution"],
         "quantities": [{"value": 19, "qualifier": "exact", "unit": "people", "text": "19 people"}],
         "attributed_to": "police"},
        {"quote": "Officials called the response 'a disgrace'", "types": ["other"], "quantities": [],
         "attributed_to": None},
    ],
    "non_claims": [],
}
PAIRS = [
    {"claim": "Flooding forced 4,000 residents from their homes", "figure": {"value": 4000, "qualifier": "exact",
     "unit": "people"}, "passage": "The council denied that 4,000 residents had been forced from their homes.",
     "label": "contradicts", "lang": "en"},
    {"claim": "Flooding forced 4,000 residents from their homes", "figure": {"value": 4000, "qualifier": "exact",
     "unit": "people"}, "passage": "Some 4,000 people left their homes as the river rose.", "label": "absent",
     "lang": "en"},
]


def _write(folder: Path, name: str, data: object) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_sentence_recall_counts_a_bundled_claim_that_span_recall_misses(tmp_path):
    bundled = dict(ARTICLE, claims=[
        {"quote": "The storm killed 19 people", "types": ["quantity"], "quantities": [], "attributed_to": "police"},
        {"quote": "forced 4,000", "types": ["quantity"], "quantities": [], "attributed_to": "police"},
        ARTICLE["claims"][1],
    ])
    _write(tmp_path / "own", "storm.json", bundled)
    report = suggest_eval.evaluate(tmp_path / "own")
    assert report["sentence_recall"] >= report["recall"]
    assert report["sentence_recall"] == pytest.approx(2 / 3)


def test_lang_keeps_only_that_language_and_missing_means_english(tmp_path):
    _write(tmp_path / "mixed", "a.json", ARTICLE)
    _write(tmp_path / "mixed", "b.json", dict(ARTICLE, lang="de"))
    _write(tmp_path / "mixed", "c.json", {k: v for k, v in ARTICLE.items() if k != "lang"})
    assert suggest_eval.evaluate(tmp_path / "mixed", "en")["articles"] == 2
    assert suggest_eval.evaluate(tmp_path / "mixed", "de")["articles"] == 1


def test_a_blind_corpus_prints_aggregate_figures_only(tmp_path, capsys):
    folder = tmp_path / "blind-batch9"
    _write(folder, "harbour-storm.json", ARTICLE)
    suggest_eval.main(["--corpus", str(folder), "-v"])
    out = capsys.readouterr().out
    assert "recall" in out and "sentence level" in out
    assert "harbour-storm" not in out and "disgrace" not in out and "MISS" not in out and "EXTRA" not in out


def test_a_blind_pairs_file_prints_aggregate_figures_only(tmp_path, capsys):
    path = _write(tmp_path / "figure_pairs" / "blind1", "pairs.json", PAIRS)
    figure_eval.main(["--pairs", str(path), "-v"])
    out = capsys.readouterr().out
    assert "accuracy" in out and "contradicting passages" in out
    assert "4,000" not in out and "council" not in out


def test_figure_eval_reports_a_confusion_table_and_matches_for_contradicting_passages(tmp_path):
    report = figure_eval.evaluate(_write(tmp_path, "pairs.json", PAIRS))
    assert report["pairs"] == 2
    assert report["confusion"]["contradicts"]["contradicts"] == 1
    assert report["confusion"]["absent"]["states"] == 1  # that pair's label is wrong on purpose
    assert report["contradicts_reported_as_matches"] == 0 and report["accuracy"] == 0.5


def test_the_figure_check_meets_its_floor_on_the_dev_pairs():
    report = figure_eval.evaluate(BENCH / "figure_pairs" / "dev.json")
    assert report["pairs"] >= 60
    assert report["accuracy"] >= 0.95 and report["contradicts_reported_as_matches"] == 0


def test_label_agreement_scores_a_second_labeller_as_the_engine_is_scored(tmp_path, capsys):
    agreement = _load("label_agreement")
    # The second person cuts the first claim in two and types the halves apart.
    second = dict(ARTICLE, claims=[
        {"quote": "The storm killed 19 people", "types": ["quantity", "attribution"],
         "quantities": [{"value": 19, "qualifier": "more_than", "unit": "people", "text": "19 people"}],
         "attributed_to": "police"},
        {"quote": "forced 4,000 from their homes", "types": ["quantity"], "quantities": [], "attributed_to": "police"},
        ARTICLE["claims"][1],
    ])
    _write(tmp_path / "a", "storm.json", ARTICLE)
    _write(tmp_path / "b", "storm-b.json", second)
    _write(tmp_path / "b", "other.json", dict(ARTICLE, text="Another text nobody else labelled.", claims=[]))
    pairs = agreement.paired(tmp_path / "a", tmp_path / "b", "en")
    assert [name for name, _a, _b in pairs] == ["storm"]  # paired by the text, not the file name
    figures = agreement.agreement(pairs)["second person against the first"]
    # Both halves overlap the first claim enough (Dice 0.52 and 0.56): one to one, the longer half
    # matches it and the other is left over (precision 2/3); it holds one of three types and no figure.
    assert (figures["gold"], figures["matched"], figures["predicted"]) == (2, 2, 3)
    assert figures["type_accuracy"] == pytest.approx((1 / 3 + 1) / 2)
    assert figures["quantity_accuracy"] == 0.0
    assert agreement.main(["--a", str(tmp_path / "a"), "--b", str(tmp_path / "a")]) == 0
    same = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("second person"))
    assert same.split()[-7:] == ["2", "1.000", "1.000", "1.000", "1.000", "1.000", "1.000"]  # one person agrees with themself
