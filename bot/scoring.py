"""How well a retrieved sentence answers a question: a logistic regression over what is known of the sentence
(bot.answer.ExtractiveAnswerer.features), trained on the gold quotes of the eval sets of every corpus
(`python -m evals.train_sentences` writes bot/sentence_scorer.json). Without it, or for another embedding model,
the answerer keeps its hand-set weights (similarity plus 0.3 x the words shared, plus 0.15 for a section's lead).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

# The columns of ExtractiveAnswerer.features, in order.
FEATURES = (
    "dense",  # similarity of the sentence's embedding (with its title and section) to the question's
    "overlap",  # share of the question's stemmed words, partly counted with title and section, or with its lead-in
    "own_overlap",  # share of the question's words in the sentence alone
    "lead",  # opens a section whose heading holds the words asked
    "rank",  # 1 - its passage's rank / passages
    "passage_score",  # its passage's retrieval score
    "item",  # a list item
    "lead_in",  # ends with ":" (introduces a list)
    "length",  # log of its length in characters
    "figures",  # holds a figure
    "figures_asked",  # holds a figure and the question asks how much, how long, from what age...
    "first",  # the first sentence of its passage
    "claim",  # reports a claim or what a practice is proposed for
    "refuting",  # refutes what was reported before it
)

# A question asking for a quantity, a duration, an age, a frequency or a date (general French and English).
QUANTITY_ASKED = re.compile(
    r"\b(combien|quel(le)?s? (age|dose|duree|delai|frequence|quantite)|a partir de quel|pendant combien|"
    r"tous les combien|jusqu'a quand|quand|how (much|many|long|often|old)|what (age|dose)|when|maximum|minimum|"
    r"max|mg|doses?)\b"
)


def hand_weights(word_weight: float, lead_weight: float, rank_weight: float = 0.0) -> np.ndarray:
    """The hand-set score as weights over FEATURES: the similarity, plus `word_weight` x the words shared,
    `lead_weight` for a section's lead and `rank_weight` for the passage's rank (ExtractiveAnswerer's own weights)."""
    weights = {"dense": 1.0, "overlap": word_weight, "lead": lead_weight, "rank": rank_weight}
    return np.array([weights.get(name, 0.0) for name in FEATURES])


def scorer_file() -> Path:
    return Path(__file__).with_name("sentence_scorer.json")


@dataclass(frozen=True)
class SentenceScorer:
    """A linear score over FEATURES (the log-odds that a sentence holds the answer); sentences within `margin` of the
    best are quoted (up to the answerer's limits)."""

    embedding_model: str
    weights: np.ndarray
    bias: float
    margin: float

    def scores(self, features: np.ndarray) -> np.ndarray:
        return features @ self.weights + self.bias

    def to_dict(self, **about) -> dict:
        return {
            "embedding_model": self.embedding_model,
            "features": list(FEATURES),
            "margin": self.margin,
            "bias": round(self.bias, 6),
            "weights": {name: round(float(w), 6) for name, w in zip(FEATURES, self.weights)},
            **about,
        }


def load_scorer(embedding_model: str, path: Path | None = None) -> SentenceScorer | None:
    """The shipped scorer, or None when there is none, it was trained on another model's vectors or on other
    features."""
    path = Path(path or scorer_file())
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("embedding_model") != embedding_model or data.get("features") != list(FEATURES):
        return None
    weights = np.array([data["weights"][name] for name in FEATURES], dtype=float)
    return SentenceScorer(embedding_model, weights, float(data["bias"]), float(data["margin"]))
