"""Answers and their citations; the default answerer quotes the best-supporting sentences."""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass, field

import numpy as np
from langchain_core.embeddings import Embeddings

from bot.messages import message
from bot.retrieval import Hit
from bot.text import normalize, sentence_spans, tokens

STATUSES = ("answered", "out_of_scope", "urgent", "refused")


@dataclass(frozen=True)
class Citation:
    """A numbered source of an answer: where the excerpt stands, exactly."""

    n: int
    chunk_id: str
    source: str
    title: str
    section: str
    page: int | None
    excerpt: str
    start: int = 0  # excerpt offsets in the document's cleaned text
    end: int = 0
    chunk_start: int = 0
    chunk_end: int = 0

    def public(self) -> dict:
        """The fields of the CLI contract."""
        return {k: getattr(self, k) for k in ("n", "chunk_id", "source", "title", "section", "page", "excerpt")}


@dataclass
class Answer:
    question: str
    answer: str
    status: str
    citations: list[Citation] = field(default_factory=list)
    latency_ms: float = 0.0
    lang: str = "fr"
    hits: list[Hit] = field(default_factory=list)  # what retrieval returned, for evals and the UI
    notice: str = ""  # e.g. why an LLM answer fell back to the extractive one

    def to_json(self) -> dict:
        """The `ask --json` contract."""
        return {
            "question": self.question,
            "answer": self.answer,
            "status": self.status,
            "citations": [c.public() for c in self.citations],
            "latency_ms": round(self.latency_ms, 1),
        }

    def citations_full(self) -> list[dict]:
        return [asdict(c) for c in self.citations]


@dataclass(frozen=True)
class Sentence:
    hit_rank: int
    hit: Hit
    start: int  # offsets inside the chunk text
    end: int

    @property
    def text(self) -> str:
        return self.hit.chunk.text[self.start : self.end]


class ExtractiveAnswerer:
    """Builds an answer from the retrieved chunks' own sentences, each with its citation marker."""

    def __init__(self, embeddings: Embeddings, max_sentences: int = 4, max_citations: int = 3):
        self.embeddings = embeddings
        self.max_sentences = max_sentences
        self.max_citations = max_citations
        self._vectors: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()

    def _sentence_vectors(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            missing = [t for t in dict.fromkeys(texts) if t not in self._vectors]
        if missing:
            vectors = self.embeddings.embed_documents(missing)
            with self._lock:
                self._vectors.update(zip(missing, np.asarray(vectors, dtype=np.float32)))
        return np.stack([self._vectors[t] for t in texts])

    def warm_up(self, chunks) -> None:
        """Embed every sentence of the corpus once, so answers need only the question's embedding."""
        texts = [c.text[a:b] for c in chunks for a, b in sentence_spans(c.text)]
        if texts:
            self._sentence_vectors(texts)

    def select(self, question: str, hits: list[Hit], limit: int | None = None) -> list[Sentence]:
        """The sentences of the hits that best support an answer to the question, in reading order."""
        candidates = [
            Sentence(rank, hit, a, b)
            for rank, hit in enumerate(hits)
            for a, b in sentence_spans(hit.chunk.text)
            if b - a >= 25 and not _is_label(hit.chunk.text[a:b], hit.chunk)
        ]
        if not candidates:
            return []
        query_vector = np.asarray(self.embeddings.embed_query(question), dtype=np.float32)
        dense = self._sentence_vectors([s.text for s in candidates]) @ query_vector
        asked = set(tokens(question))
        scores = []
        for sentence, similarity in zip(candidates, dense):
            overlap = len(asked & set(tokens(sentence.text))) / len(asked) if asked else 0.0
            scores.append(float(similarity) + 0.3 * overlap - 0.01 * sentence.hit_rank)
        order = np.argsort(scores)[::-1]
        best = scores[order[0]]
        chosen: list[Sentence] = []
        sources: set[str] = set()
        for i in order:
            sentence = candidates[i]
            if scores[i] < best - 0.08 or len(chosen) >= (limit or self.max_sentences):
                break
            if sentence.hit.chunk.chunk_id not in sources and len(sources) >= self.max_citations:
                continue
            chosen.append(sentence)
            sources.add(sentence.hit.chunk.chunk_id)
        return sorted(chosen, key=lambda s: (s.hit_rank, s.start))

    def compose(self, question: str, hits: list[Hit], lang: str = "fr") -> tuple[str, list[Citation]]:
        """The answer text with [n] markers and its citations; empty when nothing supports it."""
        chosen = self.select(question, hits)
        if not chosen:
            return "", []
        lines, citations = [message("answer_intro", lang)], number_citations(chosen)
        by_chunk = {c.chunk_id: c.n for c in citations}
        for sentence in chosen:
            lines.append(f"- {sentence.text} [{by_chunk[sentence.hit.chunk.chunk_id]}]")
        return "\n".join(lines), citations


def _is_label(sentence: str, chunk) -> bool:
    """A document title or section name standing in the text: a label, not a statement."""
    return normalize(sentence).rstrip(" .") in normalize(f"{chunk.title} {chunk.section}")


def number_citations(sentences: list[Sentence]) -> list[Citation]:
    """One citation per chunk, numbered in order of first use; its excerpt is the sentences used."""
    grouped: dict[str, list[Sentence]] = {}
    for s in sentences:
        grouped.setdefault(s.hit.chunk.chunk_id, []).append(s)
    citations = []
    for n, group in enumerate(grouped.values(), start=1):
        chunk = group[0].hit.chunk
        first, last = min(s.start for s in group), max(s.end for s in group)
        citations.append(
            Citation(
                n=n,
                chunk_id=chunk.chunk_id,
                source=chunk.source,
                title=chunk.title,
                section=chunk.section,
                page=chunk.page,
                excerpt=" […] ".join(s.text for s in sorted(group, key=lambda s: s.start)),
                start=chunk.start + first,
                end=chunk.start + last,
                chunk_start=chunk.start,
                chunk_end=chunk.end,
            )
        )
    return citations
