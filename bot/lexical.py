"""Lexical retrieval for French: BM25 over accent-folded, stop-worded, Snowball-stemmed tokens."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from bot.chunking import Chunk
from bot.text import tokens

BM25_DIR = "bm25"  # the BM25 matrices, so that a start reads them instead of tokenising every chunk again
FINGERPRINT = "chunks.sha256"


class LexicalIndex:
    """BM25 (bm25s) over chunks; persisted beside the vector store."""

    def __init__(self, chunks: list[Chunk], retriever=None):
        """Index the chunks, or take `retriever`, a BM25 model already built on exactly these chunks in this order."""
        import bm25s

        self.chunks = list(chunks)
        self._retriever = retriever
        self._vocabulary: set[str] = set()
        if retriever is not None:
            self._vocabulary = {t for t in retriever.vocab_dict if t}
        elif self.chunks:
            corpus = [tokens(c.search_text) or ["∅"] for c in self.chunks]
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
        if self._retriever is not None:
            self._retriever.save(str(folder / BM25_DIR), show_progress=False)
            (folder / BM25_DIR / FINGERPRINT).write_text(_fingerprint(self.chunks), encoding="ascii")
        else:
            shutil.rmtree(folder / BM25_DIR, ignore_errors=True)

    @classmethod
    def load(cls, folder: Path) -> LexicalIndex:
        """The saved chunks with their saved BM25 matrices; rebuilt from the chunks when those are missing or stale
        (only chunks.json is shared between replicas of a Chroma server)."""
        import bm25s

        records = json.loads((folder / "chunks.json").read_text(encoding="utf-8"))
        chunks = [Chunk.from_metadata(r["chunk_id"], r["text"], r) for r in records]
        saved = folder / BM25_DIR
        fingerprint = saved / FINGERPRINT
        if chunks and fingerprint.exists() and fingerprint.read_text(encoding="ascii") == _fingerprint(chunks):
            return cls(chunks, bm25s.BM25.load(str(saved), show_progress=False))
        return cls(chunks)


def _fingerprint(chunks: list[Chunk]) -> str:
    """Which texts, in which order, the saved BM25 matrices were built on."""
    digest = hashlib.sha256()
    for chunk in chunks:
        digest.update(f"{chunk.chunk_id}\n{chunk.search_text}\0".encode())
    return digest.hexdigest()
