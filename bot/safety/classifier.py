"""The third layer of triage: logistic regressions over the question's embedding that say "urgent" or "refused"
(and, beside triage, "broad": a question on all a document says of something, answered by its parts).

The rules know the words; the nearest examples (bot.intents) know a few dozen phrasings per intent. These
models have read every labelled question of the dev split (`python -m evals.train_triage` writes their weights
to bot/safety/urgent_classifier.json and refused_classifier.json), so they recognise distress, or a request
for what is refused, told in ways neither of the others lists. Each threshold is chosen by leave-one-batch-out
cross-validation on dev, for a bounded false-alarm rate. The weights belong to one embedding model: with
another, the layer is off.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

LABELS = ("urgent", "refused", "broad")


def classifier_file(label: str) -> Path:
    """Where the shipped weights of a label's classifier live."""
    return Path(__file__).with_name(f"{label}_classifier.json")


@dataclass(frozen=True)
class TriageClassifier:
    """P(label | question vector), with the threshold above which a question has the label."""

    embedding_model: str
    weights: np.ndarray
    bias: float
    threshold: float

    def probability(self, vector: np.ndarray) -> float:
        """The probability that a unit-length question vector has the label."""
        return float(self.probabilities(np.asarray(vector)[None, :])[0])

    def probabilities(self, vectors: np.ndarray) -> np.ndarray:
        """The probability of each row of unit-length question vectors."""
        return _sigmoid(vectors @ self.weights + self.bias)

    def fires(self, vector: np.ndarray) -> bool:
        return self.probability(vector) >= self.threshold

    def to_dict(self, **about) -> dict:
        return {
            "embedding_model": self.embedding_model,
            "threshold": self.threshold,
            "bias": self.bias,
            "weights": [round(float(w), 6) for w in self.weights],
            **about,
        }


def load_classifier(embedding_model: str, label: str = "urgent", path: Path | None = None) -> TriageClassifier | None:
    """A label's shipped classifier, or None when there is none or it was trained on another model's vectors."""
    path = path or classifier_file(label)
    if not Path(path).exists():
        return None
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if data.get("embedding_model") != embedding_model:
        return None
    return TriageClassifier(embedding_model, np.array(data["weights"], dtype=float), data["bias"], data["threshold"])


def fit_logistic(
    vectors: np.ndarray, labels: np.ndarray, l2: float = 1 / 64, steps: int = 50
) -> tuple[np.ndarray, float]:
    """Weights and bias of an L2-regularised logistic regression, classes weighted to count equally (Newton's method).

    >>> x = np.array([[1.0, 0.0], [0.9, 0.1], [0.0, 1.0], [0.1, 0.9]])
    >>> w, b = fit_logistic(x, np.array([1, 1, 0, 0]))
    >>> bool(_sigmoid(x[0] @ w + b) > 0.5 > _sigmoid(x[2] @ w + b))
    True
    """
    x = np.hstack([vectors, np.ones((len(vectors), 1))])
    y = np.asarray(labels, dtype=float)
    positives = max(y.sum(), 1.0)
    balance = np.where(y == 1, len(y) / (2 * positives), len(y) / (2 * max(len(y) - positives, 1.0)))
    penalty = np.full(x.shape[1], l2)
    penalty[-1] = 0.0  # the bias is not shrunk
    theta = np.zeros(x.shape[1])
    for _ in range(steps):
        p = _sigmoid(x @ theta)
        gradient = x.T @ (balance * (p - y)) + penalty * theta
        hessian = (x * (balance * p * (1 - p))[:, None]).T @ x + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        theta -= step
        if np.linalg.norm(step) < 1e-8:
            break
    return theta[:-1], float(theta[-1])


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-np.clip(z, -50, 50)))
