"""CI gate: the test split, default settings, against the thresholds of evals/thresholds.yaml."""

from __future__ import annotations

from pathlib import Path

from evals.gate import gate_failures, load_thresholds
from evals.runner import run_eval

TEST_SET = Path(__file__).resolve().parent.parent / "evals" / "sets" / "test.jsonl"


def test_gate_failures_name_each_figure_out_of_bounds():
    metrics = {"retrieval": {"hit@5": 0.8, "mrr": None}, "safety": {"over_refusal": 0.2, "urgent_recall": 1.0}}
    thresholds = {
        "min": {"retrieval.hit@5": 0.9, "retrieval.mrr": 0.5, "safety.urgent_recall": 0.9},
        "max": {"safety.over_refusal": 0.1},
    }
    assert gate_failures(metrics, thresholds) == [
        "retrieval.hit@5 = 0.8 < 0.9",
        "retrieval.mrr = None < 0.5",
        "safety.over_refusal = 0.2 > 0.1",
    ]
    assert gate_failures(metrics, {"min": {"retrieval.hit@5": 0.8}, "max": {"safety.over_refusal": 0.2}}) == []


def test_the_test_split_meets_the_thresholds(assistant, tmp_path):
    thresholds = load_thresholds()
    assert thresholds["split"] == "test"
    assert assistant.settings.retrieval_mode == "hybrid" and assistant.settings.llm == "none"  # the defaults
    metrics = run_eval(assistant, TEST_SET, tmp_path)
    assert metrics["split"] == "test" and metrics["problems"] == []
    failures = gate_failures(metrics, thresholds)
    assert not failures, f"below the gate (report: {tmp_path / 'report.html'}):\n" + "\n".join(failures)
