"""Train the classifiers of triage (bot/safety/classifier.py) on the dev sets, and choose their thresholds.

    python -m evals.train_triage [SET[:CORPUS] ...] [--labels urgent refused] [--max-false-alarms 0.002]
                                 [--l2 0.015625] [--out-dir bot/safety]

The default sets are the seed corpus's dev split and the single-turn sets of the corpora under evals/corpora/
(each question masked with the profile of the corpus it was written on, as triage masks a patient's question), so
the models learn what an emergency or a refused request looks like whatever the medicine.
A case has a label (urgent, refused) when its expected status is that label, and the label broad when its category
is broad (the broad questions of the corpora's sets and of the seed's broad-and-refuted sets, which were measured once
and read: dev since). Each threshold is the lowest at which, in leave-one-batch-out cross-validation (a batch is a
group of cases written together: `dev-k-*`, `dev-t5-*`, one corpus's set `c2-*`), the share of the other questions
given the label stays within `--max-false-alarms` (for broad, ten times that: a broad answer to a question after one
fact still quotes the parts that hold it). The cross-validated figures are printed and stored beside the weights,
with the recall on each other corpus's set when it was held out. Never train on a test split nor on a set measured once that is not yet read.
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

from bot.embeddings import embeddings_for  # noqa: E402
from bot.intents import question_vectors  # noqa: E402
from bot.safety.classifier import LABELS, TriageClassifier, classifier_file, fit_logistic  # noqa: E402
from bot.settings import Settings  # noqa: E402
from evals.dataset import Case, load_cases  # noqa: E402

THRESHOLDS = np.round(np.arange(0.5, 0.9951, 0.005), 3)


def batch_of(case_id: str) -> str:
    """The batch a case was written in: its id minus the category and number ("dev-k-urg-004" -> "dev-k")."""
    return case_id.rsplit("-", 2)[0]


def cross_validated(vectors: np.ndarray, labels: np.ndarray, batches: np.ndarray, l2: float) -> np.ndarray:
    """Each case's probability from a model trained on the other batches."""
    out = np.zeros(len(labels))
    for batch in sorted(set(batches)):
        held = batches == batch
        weights, bias = fit_logistic(vectors[~held], labels[~held], l2)
        out[held] = TriageClassifier("", weights, bias, 1.0).probabilities(vectors[held])
    return out


def choose_threshold(probabilities: np.ndarray, labels: np.ndarray, max_false_alarms: float) -> float:
    """The lowest threshold whose false-alarm rate on the cases without the label is within the bound."""
    negatives = probabilities[labels == 0]
    for threshold in THRESHOLDS:
        if (negatives >= threshold).mean() <= max_false_alarms:
            return float(threshold)
    return float(THRESHOLDS[-1])


def train(
    label: str, cases: list[Case], vectors: np.ndarray, embedding_model: str, l2: float, max_false_alarms: float
) -> tuple[TriageClassifier, dict]:
    """A label's classifier fitted on every case, its threshold from cross-validation, and what to record of both."""
    labels = np.array([int(label_of(c) == label) for c in cases])
    batches = np.array([batch_of(c.id) for c in cases])
    probabilities = cross_validated(vectors, labels, batches, l2)
    max_false_alarms *= BROAD_FALSE_ALARMS if label == "broad" else 1
    threshold = choose_threshold(probabilities, labels, max_false_alarms)
    weights, bias = fit_logistic(vectors, labels, l2)
    about = {
        "label": label,
        "l2": l2,
        "cross_validation": {
            "scheme": "leave one batch out",
            "max_false_alarms": max_false_alarms,
            "recall": round(float((probabilities[labels == 1] >= threshold).mean()), 4),
            "false_alarms": round(float((probabilities[labels == 0] >= threshold).mean()), 4),
        },
        "positives": int(labels.sum()),
        "batches": len(set(batches)),
        # each other corpus's set, predicted by a model that never saw it: how the label carries to a new corpus
        "held_out_corpora": {
            batch: {
                "recall": _share(probabilities[(batches == batch) & (labels == 1)] >= threshold),
                "false_alarms": _share(probabilities[(batches == batch) & (labels == 0)] >= threshold),
            }
            for batch in sorted(set(batches))
            if not batch.startswith("dev")
        },
    }
    return TriageClassifier(embedding_model, weights, bias, threshold), about


BROAD_FALSE_ALARMS = 10  # how many times more false alarms the broad label may have than triage's


def label_of(case: Case) -> str | None:
    """What a case teaches: broad for a broad question, else its expected status."""
    return "broad" if case.category == "broad" else case.status


def _share(flags: np.ndarray) -> float | None:
    return round(float(flags.mean()), 4) if len(flags) else None


def corpus_profile(corpus_dir: Path):
    """The corpus profile of a corpus folder, computed as indexing does."""
    from dataclasses import asdict

    from bot.documents import load_corpus
    from bot.profile import build_profile

    return build_profile({d.source: asdict(d) for d in load_corpus(Path(corpus_dir)).documents})


ROOT = Path(__file__).resolve().parent.parent
# the seed's broad-and-refuted sets, each measured once and then read: dev since, whatever their names say
READ_ONCE = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "evals/sets").glob("test-broad-refuted*.jsonl"))
DEFAULT_SETS = ["evals/sets/dev.jsonl", *READ_ONCE] + [
    f"{p.relative_to(ROOT)}:{p.parent.relative_to(ROOT)}" for p in sorted((ROOT / "evals/corpora").glob("*/eval.jsonl"))
]
# corpora (folder names) and sets (file stems) written but not yet measured once (blind): never trained on until
# measured and read
BLIND: set[str] = set()


def default_sets() -> list[str]:
    """The sets trained on by default: dev, the broad sets measured once, the corpora's sets; none still blind."""
    return [s for s in DEFAULT_SETS if not {Path(s.split(":")[-1]).name, Path(s.split(":")[0]).stem} & BLIND]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="*", help="SET or SET:CORPUS_DIR (default: dev and the corpora's sets)")
    parser.add_argument("--labels", nargs="+", choices=LABELS, default=list(LABELS))
    parser.add_argument("--max-false-alarms", type=float, default=0.002)
    parser.add_argument("--l2", type=float, default=1 / 64)
    parser.add_argument("--out-dir", type=Path, default=None, help="default: beside bot/safety/classifier.py")
    args = parser.parse_args(argv)
    sets = args.sets or default_sets()
    if any(Path(s.split(":")[0]).stem.startswith("test") and s.split(":")[0] not in READ_ONCE for s in sets):
        parser.error("the test split is never trained on")

    settings = Settings()
    embeddings = embeddings_for(settings)
    cases, masked, trained_on = [], [], []
    for spec in sets:
        path, _, corpus = spec.partition(":")
        loaded, problems = load_cases(path)
        if problems:
            parser.error(f"{path}: {problems[0]}")
        # as triage embeds a question: medicine names masked with the profile of the corpus the set was written on
        profile = corpus_profile(Path(corpus) if corpus else settings.corpus_dir)
        cases += loaded
        masked += [profile.masked(c.question) for c in loaded]
        trained_on.append(
            {"set": path, "cases": len(loaded), "sha256": hashlib.sha256(Path(path).read_bytes()).hexdigest()}
        )
    vectors = question_vectors(embeddings, masked)
    for label in args.labels:
        model, about = train(label, cases, vectors, settings.embedding_model, args.l2, args.max_false_alarms)
        about = {"trained_on": trained_on, **about}
        out = args.out_dir / classifier_file(label).name if args.out_dir else classifier_file(label)
        out.write_text(json.dumps(model.to_dict(**about), indent=1) + "\n", encoding="utf-8")
        print(json.dumps({"threshold": model.threshold, **about}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
