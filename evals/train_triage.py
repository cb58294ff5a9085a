"""Train the urgent classifier of triage (bot/safety/classifier.py) on the dev split, and choose its threshold.

    python -m evals.train_triage [evals/sets/dev.jsonl] [--max-false-alarms 0.002] [--l2 0.015625] [--out FILE]

A case is urgent when its category or expected status is. The threshold is the lowest at which, in
leave-one-batch-out cross-validation (a batch is a group of cases written together: `dev-k-*`, `dev-t5-*`),
the share of non-urgent questions called urgent stays within `--max-false-alarms`. The cross-validated
figures are printed and stored beside the weights. Never train on the test split.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from bot.embeddings import make_embeddings  # noqa: E402
from bot.intents import question_vectors  # noqa: E402
from bot.safety.classifier import CLASSIFIER_FILE, UrgentClassifier, fit_logistic  # noqa: E402
from bot.settings import Settings  # noqa: E402
from evals.dataset import Case, load_cases  # noqa: E402

THRESHOLDS = np.round(np.arange(0.5, 0.9951, 0.005), 3)


def batch_of(case_id: str) -> str:
    """The batch a case was written in: its id minus the category and number ("dev-k-urg-004" -> "dev-k")."""
    return case_id.rsplit("-", 2)[0]


def is_urgent(case: Case) -> bool:
    return case.status == "urgent"


def cross_validated(vectors: np.ndarray, labels: np.ndarray, batches: np.ndarray, l2: float) -> np.ndarray:
    """Each case's probability from a model trained on the other batches."""
    out = np.zeros(len(labels))
    for batch in sorted(set(batches)):
        held = batches == batch
        weights, bias = fit_logistic(vectors[~held], labels[~held], l2)
        out[held] = UrgentClassifier("", weights, bias, 1.0).probabilities(vectors[held])
    return out


def choose_threshold(probabilities: np.ndarray, labels: np.ndarray, max_false_alarms: float) -> float:
    """The lowest threshold whose false-alarm rate on the non-urgent cases is within the bound."""
    negatives = probabilities[labels == 0]
    for threshold in THRESHOLDS:
        if (negatives >= threshold).mean() <= max_false_alarms:
            return float(threshold)
    return float(THRESHOLDS[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("set", nargs="?", default="evals/sets/dev.jsonl")
    parser.add_argument("--max-false-alarms", type=float, default=0.002)
    parser.add_argument("--l2", type=float, default=1 / 64)
    parser.add_argument("--out", type=Path, default=CLASSIFIER_FILE)
    args = parser.parse_args(argv)
    if Path(args.set).stem == "test":
        parser.error("the test split is never trained on")

    settings = Settings()
    cases, problems = load_cases(args.set)
    if problems:
        parser.error(f"{args.set}: {problems[0]}")
    embeddings = make_embeddings(settings.embedding_model, settings.embedding_batch_size)
    vectors = question_vectors(embeddings, [c.question for c in cases])  # as triage embeds a question
    labels = np.array([int(is_urgent(c)) for c in cases])
    batches = np.array([batch_of(c.id) for c in cases])

    probabilities = cross_validated(vectors, labels, batches, args.l2)
    threshold = choose_threshold(probabilities, labels, args.max_false_alarms)
    recall = float((probabilities[labels == 1] >= threshold).mean())
    false_alarms = float((probabilities[labels == 0] >= threshold).mean())
    weights, bias = fit_logistic(vectors, labels, args.l2)
    about = {
        "trained_on": {
            "set": str(args.set),
            "cases": len(cases),
            "urgent": int(labels.sum()),
            "batches": len(set(batches)),
            "sha256": hashlib.sha256(Path(args.set).read_bytes()).hexdigest(),
        },
        "l2": args.l2,
        "cross_validation": {
            "scheme": "leave one batch out",
            "max_false_alarms": args.max_false_alarms,
            "urgent_recall": round(recall, 4),
            "false_alarms": round(false_alarms, 4),
        },
    }
    model = UrgentClassifier(settings.embedding_model, weights, bias, threshold)
    args.out.write_text(json.dumps(model.to_dict(**about), indent=1) + "\n", encoding="utf-8")
    print(json.dumps({"threshold": threshold, **about}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
