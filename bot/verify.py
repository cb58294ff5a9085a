"""Checks an LLM draft against its numbered excerpts: every kept sentence is supported by an excerpt it cites.

A sentence's support by an excerpt mixes the share of its stemmed words found in
the excerpt and the best cosine between its embedding and the excerpt's
sentences'. A sentence citing no existing excerpt, or whose figures (doses,
durations) do not appear in the excerpt it cites, has no support.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field, replace

import numpy as np
from langchain_core.embeddings import Embeddings

from bot.answer import Citation
from bot.text import normalize, sentence_spans, tokens

_MARKERS = re.compile(r"\s*\[\s*(\d+(?:\s*[,;]\s*\d+)*)\s*\]")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_LEADING = re.compile(r"^[\s.,;:)\]*_-]+")
_FORMATTING = re.compile(r"[*_#`>]+")


@dataclass(frozen=True)
class Claim:
    """One sentence of a draft (without its final full stop) and the excerpt numbers it cites."""

    text: str
    cited: tuple[int, ...]


@dataclass(frozen=True)
class Judged:
    claim: Claim
    support: float  # best support among the excerpts it cites (0 when it cites none that exist)
    supported_by: tuple[int, ...]  # the cited excerpts whose support reaches the threshold


@dataclass
class Verified:
    """The sentences kept, with citations renumbered in order of first use, and what was dropped."""

    text: str
    citations: list[Citation]
    kept: list[Judged] = field(default_factory=list)
    dropped: list[Judged] = field(default_factory=list)


def claims(draft: str) -> list[Claim]:
    """The sentences of a draft with the excerpt numbers written after them.

    >>> claims("Le nez ne change pas [1]. Elle abîme la peau [1, 2]. Sans source.")
    [Claim(text='Le nez ne change pas', cited=(1,)), Claim(text='Elle abîme la peau', cited=(1, 2)), Claim(text='Sans source', cited=())]
    """
    found: list[Claim] = []
    position = 0
    for match in [*_MARKERS.finditer(draft), None]:
        end = match.start() if match else len(draft)
        cited = tuple(int(n) for n in re.split(r"\s*[,;]\s*", match.group(1))) if match else ()
        segment = _LEADING.sub("", _FORMATTING.sub("", draft[position:end])).strip()
        position = match.end() if match else len(draft)
        if not segment:  # "[1][2]" or "[1] [2]": more numbers for the sentence before
            if found:
                found[-1] = Claim(found[-1].text, tuple(dict.fromkeys(found[-1].cited + cited)))
            continue
        # The markers belong to the segment's last sentence; a sentence without its own cites nothing.
        spans = sentence_spans(segment)
        for i, (a, b) in enumerate(spans):
            found.append(Claim(segment[a:b].rstrip(" ."), cited if i == len(spans) - 1 else ()))
    return [c for c in found if tokens(c.text)]


class Verifier:
    """Scores each sentence of a draft against the excerpts it cites and keeps the supported ones."""

    def __init__(self, embeddings: Embeddings, min_support: float = 0.5, lexical_weight: float = 0.5):
        self.embeddings = embeddings
        self.min_support = min_support
        self.lexical_weight = lexical_weight
        self._vectors: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()

    def _embed(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            missing = list(dict.fromkeys(t for t in texts if t not in self._vectors))
        if missing:
            vectors = np.asarray(self.embeddings.embed_documents(missing), dtype=np.float32)
            with self._lock:
                self._vectors.update(zip(missing, vectors))
        return np.stack([self._vectors[t] for t in texts])

    def support(self, sentence: str, excerpt: str) -> float:
        """How well an excerpt supports a sentence, 0 to 1 (see the module docstring)."""
        if any(number not in _NUMBER.findall(normalize(excerpt)) for number in _NUMBER.findall(normalize(sentence))):
            return 0.0
        said = set(tokens(sentence))
        lexical = len(said & set(tokens(excerpt))) / len(said) if said else 0.0
        parts = [excerpt[a:b] for a, b in sentence_spans(excerpt)] or [excerpt]
        vectors = self._embed([sentence, *parts])
        dense = float(np.max(vectors[1:] @ vectors[0]))
        return self.lexical_weight * lexical + (1 - self.lexical_weight) * max(dense, 0.0)

    def judge(self, claim: Claim, excerpts: dict[int, str]) -> Judged:
        scores = {n: self.support(claim.text, excerpts[n]) for n in dict.fromkeys(claim.cited) if n in excerpts}
        supported = tuple(n for n, score in scores.items() if score >= self.min_support)
        return Judged(claim, max(scores.values(), default=0.0), supported)

    def verify(self, draft: str, citations: list[Citation]) -> Verified:
        """Keep the draft's supported sentences, each with only the valid, supporting citation numbers."""
        excerpts = {c.n: c.excerpt for c in citations}
        judged = [self.judge(claim, excerpts) for claim in claims(draft)]
        kept = [j for j in judged if j.supported_by]
        renumber: dict[int, int] = {}
        for j in kept:
            for n in j.supported_by:
                renumber.setdefault(n, len(renumber) + 1)
        text = " ".join(
            f"{j.claim.text} {''.join(f'[{renumber[n]}]' for n in j.supported_by)}"
            + ("" if j.claim.text.endswith(("?", "!")) else ".")
            for j in kept
        )
        by_number = {c.n: c for c in citations}
        renumbered = [replace(by_number[old], n=new) for old, new in sorted(renumber.items(), key=lambda p: p[1])]
        return Verified(text, renumbered, kept, [j for j in judged if not j.supported_by])
