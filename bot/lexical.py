"""Lexical retrieval for French: BM25 over accent-folded, stop-worded, Snowball-stemmed tokens."""

from __future__ import annotations

import json
from pathlib import Path

from bot.chunking import Chunk
from bot.text import tokens


class LexicalIndex:
    """BM25 (bm25s) over chunks; persisted beside the vector store."""

    def __init__(self, chunks: list[Chunk]):
        import bm25s

        self.chunks = list(chunks)
        self._retriever = None
        self._vocabulary: set[str] = set()
        corpus = [tokens(c.search_text) or ["∅"] for c in self.chunks]
        if self.chunks:
            self._retriever = bm25s.BM25()
            self._retriever.index(corpus, show_progress=False)
            self._vocabulary = {t for doc in corpus for t in doc}

    def search(self, question: str, k: int) -> list[tuple[Chunk, float]]:
        """Chunks sharing stemmed words with the question, best first, with BM25 scores."""
        query = [t for t in tokens(question) if t in self._vocabulary]
        if not query or self._retriever is None:
            return []
        ids, scores = self._retriever.retrieve([query], k=min(k, len(self.chunks)), show_progress=False)
        return [(self.chunks[int(i)], float(s)) for i, s in zip(ids[0], scores[0]) if s > 0]

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        records = [{"chunk_id": c.chunk_id, "text": c.text, **c.metadata()} for c in self.chunks]
        (folder / "chunks.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> LexicalIndex:
        """Rebuild the BM25 matrices from the saved chunks (milliseconds for this corpus)."""
        records = json.loads((folder / "chunks.json").read_text(encoding="utf-8"))
        return cls([Chunk.from_metadata(r["chunk_id"], r["text"], r) for r in records])
