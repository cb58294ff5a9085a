"""The semantic backstop of triage: a question's intent from its nearest example phrasings.

The examples live in bot/safety.yaml (`prototypes`), one list per intent, plus `ordinary` for
information questions on the same topics. e5 cosines are compressed (most pairs of questions on one
topic score 0.80-0.92), so an intent is judged by its *margin* over the ordinary examples, not by an
absolute score.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import yaml
from langchain_core.embeddings import Embeddings

if TYPE_CHECKING:
    from bot.safety.classifier import TriageClassifier

KNOWLEDGE_FILE = Path(__file__).with_name("safety.yaml")
ORDINARY = "ordinary"


@lru_cache(maxsize=1)
def knowledge() -> dict:
    """The content of bot/safety.yaml: `sms`, `prototypes`, `aspects`, `topics`."""
    return yaml.safe_load(KNOWLEDGE_FILE.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class IntentScores:
    """How close a question is to each intent (mean cosine of its k nearest examples)."""

    scores: dict[str, float]
    flagged: frozenset[str] = frozenset()  # the labels whose classifier fires (bot.safety.classifier)
    probabilities: dict[str, float] = field(default_factory=dict)  # each classifier's probability

    @property
    def urgent(self) -> bool:
        return "urgent" in self.flagged

    @property
    def refused(self) -> bool:
        return "refused" in self.flagged

    def best(self) -> tuple[str, float]:
        """The closest intent other than `ordinary`, and its margin over `ordinary`.

        >>> IntentScores({"urgent_suicide": 0.9, "refused_dose": 0.8, "ordinary": 0.85}).best()
        ('urgent_suicide', 0.05...)
        """
        label = max((k for k in self.scores if k != ORDINARY), key=self.scores.__getitem__)
        return label, self.scores[label] - self.scores.get(ORDINARY, 0.0)


class IntentModel:
    """Nearest-examples classifier over a LangChain embedder (examples embedded once, on first use)."""

    def __init__(
        self,
        embeddings: Embeddings,
        prototypes: dict[str, list[str]] | None = None,
        k: int = 3,
        classifiers: dict[str, TriageClassifier] | None = None,
        cache: Path | None = None,
    ):
        self.embeddings = embeddings
        self.prototypes = prototypes if prototypes is not None else knowledge()["prototypes"]
        self.k = k
        self.classifiers = classifiers or {}  # label -> classifier over the same question vector
        self.cache = cache  # where the example vectors are kept with the index (one embedding per model and examples)
        self._vectors: dict[str, np.ndarray] | None = None
        self._recent: dict[str, IntentScores] = {}
        self._lock = threading.Lock()

    def warm_up(self) -> None:
        """Embed the examples now rather than on the first question."""
        self._examples()

    def _examples(self) -> dict[str, np.ndarray]:
        with self._lock:
            if self._vectors is None:
                labels = list(self.prototypes)
                texts = [t for label in labels for t in self.prototypes[label]]
                vectors = self._cached(texts)
                if vectors is None:
                    vectors = question_vectors(self.embeddings, texts)
                    self._store(texts, vectors)
                self._vectors, start = {}, 0
                for label in labels:
                    self._vectors[label] = vectors[start : start + len(self.prototypes[label])]
                    start += len(self.prototypes[label])
            return self._vectors

    def _key(self, texts: list[str]) -> str:
        from bot.embeddings import model_label

        return hashlib.sha256(
            json.dumps([model_label(self.embeddings), texts], ensure_ascii=False).encode()
        ).hexdigest()

    def _cached(self, texts: list[str]) -> np.ndarray | None:
        """The example vectors stored with the index for these very examples and this model, if any."""
        if self.cache is None or not self.cache.exists():
            return None
        try:
            with np.load(self.cache) as stored:
                return stored["vectors"] if str(stored["key"]) == self._key(texts) else None
        except (OSError, ValueError, KeyError):
            return None

    def _store(self, texts: list[str], vectors: np.ndarray) -> None:
        if self.cache is not None:
            with contextlib.suppress(OSError):
                np.savez(self.cache, key=self._key(texts), vectors=vectors)

    def scores(self, question: str) -> IntentScores:
        """The question's closeness to every intent (questions and examples embedded alike, as passages); the last
        questions' scores are kept, as triage and the check against the documents read the same question."""
        known = self._recent.get(question)
        if known is not None:
            return known
        known = self._scores(question)
        if len(self._recent) >= 64:
            self._recent.clear()
        self._recent[question] = known
        return known

    def _scores(self, question: str) -> IntentScores:
        examples = self._examples()
        asked = question_vectors(self.embeddings, [question])[0]
        result = {}
        for label, vectors in examples.items():
            cosines = np.sort(vectors @ asked)[::-1][: self.k]
            result[label] = float(cosines.mean())
        probabilities = {label: model.probability(asked) for label, model in self.classifiers.items()}
        flagged = frozenset(
            label for label, model in self.classifiers.items() if probabilities[label] >= model.threshold
        )
        return IntentScores(result, flagged, probabilities)


def question_vectors(embeddings: Embeddings, texts: list[str]) -> np.ndarray:
    """Texts as triage sees them: embedded as passages, scaled to unit length (one row per text)."""
    return _unit(np.array(embeddings.embed_documents(texts)))


def _unit(vectors: np.ndarray) -> np.ndarray:
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
