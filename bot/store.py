"""The vector store: Chroma (a local folder or a server) through langchain-chroma.

Narrow interface: add chunks, delete them by id, list them, search by question.
The collection records the embedding model that built it; opening it with
another model is an error that says how to rebuild.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import numpy as np
from langchain_core.embeddings import Embeddings

from bot.chunking import Chunk
from bot.embeddings import model_label
from bot.text import sentence_spans

REBUILD_HINT = "python -m bot index --rebuild"
MIN_SENTENCE_CHARS = 25
STATE_PART_CHARS = 1_000_000  # the index's files are stored in parts of this size in the state collection
VERSION_ID = "version"


class IndexMismatchError(RuntimeError):
    """The index was built with another embedding model than the one configured."""


class IndexMissingError(RuntimeError):
    """No index has been built yet."""


def make_client(index_dir: Path, chroma_url: str = ""):
    """A Chroma client: a server when chroma_url is set, else the folder index_dir/chroma."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    settings = ChromaSettings(anonymized_telemetry=False, allow_reset=True)
    if chroma_url:
        url = urlparse(chroma_url if "://" in chroma_url else f"http://{chroma_url}")
        return chromadb.HttpClient(
            host=url.hostname or "127.0.0.1",
            port=url.port or (443 if url.scheme == "https" else 8000),
            ssl=url.scheme == "https",
            settings=settings,
        )
    path = Path(index_dir) / "chroma"
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=settings)


class ChromaStore:
    """Chunks and their embeddings in one Chroma collection."""

    def __init__(
        self,
        client,
        embeddings: Embeddings,
        collection: str = "ansm",
        sentence_weight: float = 0.5,
        *,
        replace: bool = False,
        sentence_context: bool = True,
        shared: bool = False,
        chunk_vectors: str = "embedded",
    ):
        """Open (or create) the collection; `replace` drops what it held first, whatever model built it."""
        from langchain_chroma import Chroma

        self.embeddings = embeddings
        self.sentence_weight = sentence_weight
        self.sentence_context = sentence_context  # sentences embedded after their title and section, or alone
        self.chunk_vectors = chunk_vectors  # "embedded" (each chunk's text) or "sentences" (mean of its sentences')
        self.shared = shared  # a server other replicas read: the index's files are stored in it too (save_state)
        self.model = model_label(embeddings)
        self._client = client
        self._name = collection
        existing = {c.name if hasattr(c, "name") else c for c in client.list_collections()}
        if replace:
            for name in (collection, f"{collection}_sentences"):
                if name in existing:
                    client.delete_collection(name)
        elif collection in existing:
            built_with = (client.get_collection(collection).metadata or {}).get("embedding_model")
            if built_with and built_with != self.model:
                raise IndexMismatchError(
                    f"L'index a été construit avec le modèle « {built_with} », mais le modèle configuré est "
                    f"« {self.model} ». Reconstruisez l'index : {REBUILD_HINT} "
                    f"(ou remettez BOT_EMBEDDING_MODEL sur le modèle d'origine)."
                )
        metadata = {"embedding_model": self.model, "hnsw:space": "cosine"}
        self._chroma = Chroma(
            collection_name=collection, embedding_function=embeddings, client=client, collection_metadata=metadata
        )
        # Each sentence is embedded too (with its chunk's context): a chunk whose one
        # sentence answers the question ranks high even when the rest is about other things.
        self._sentences = Chroma(
            collection_name=f"{collection}_sentences",
            embedding_function=embeddings,
            client=client,
            collection_metadata=metadata,
        )

    # ----- the index's own files, shared through the server
    #
    # Replicas of the app that share one Chroma server need more than the vectors: the manifest, the corpus profile,
    # the documents' texts and the chunks BM25 is built from. The replica that indexes stores them in the collection
    # `<name>_state` under a new version (a time stamp and a random suffix), the version record last; the others
    # poll `state_version()` and, when it changed, read them with `load_state()`.

    def _state(self):
        return self._client.get_or_create_collection(f"{self._name}_state", embedding_function=None)

    def save_state(self, files: dict[str, str]) -> str:
        """Store these files (name -> text) as the index's state under a new version; the version."""
        import time
        import uuid

        version = f"{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"
        state = self._state()
        ids, texts, metas = [], [], []
        for name, text in files.items():
            parts = [text[i : i + STATE_PART_CHARS] for i in range(0, len(text), STATE_PART_CHARS)] or [""]
            for n, part in enumerate(parts):
                ids.append(f"{version}/{name}/{n}")
                texts.append(part)
                metas.append({"version": version, "name": name, "part": n})
        for i in range(0, len(ids), 8):
            state.add(
                ids=ids[i : i + 8],
                documents=texts[i : i + 8],
                metadatas=metas[i : i + 8],
                embeddings=[[0.0]] * len(ids[i : i + 8]),
            )
        state.upsert(ids=[VERSION_ID], documents=[version], metadatas=[{"version": version}], embeddings=[[0.0]])
        # Older versions go once the new one is announced (a replica reading one then sees it change and retries).
        state.delete(where={"version": {"$ne": version}})
        return version

    def state_version(self) -> str:
        """The version of the stored state, "" when none was stored."""
        got = self._state().get(ids=[VERSION_ID], include=["documents"])
        return got["documents"][0] if got["ids"] else ""

    def load_state(self) -> tuple[str, dict[str, str]]:
        """(version, files) of the stored state; ("", {}) when none was stored or it changed while being read."""
        version = self.state_version()
        if not version:
            return "", {}
        got = self._state().get(where={"version": version}, include=["documents", "metadatas"])
        parts: dict[str, dict[int, str]] = {}
        for text, meta in zip(got["documents"], got["metadatas"]):
            if "name" in meta:
                parts.setdefault(meta["name"], {})[int(meta["part"])] = text
        if self.state_version() != version:
            return "", {}
        return version, {name: "".join(p[n] for n in sorted(p)) for name, p in parts.items()}

    def reset(self) -> None:
        """Drop every chunk (and the recorded model) and start an empty collection."""
        self._chroma.delete_collection()
        self._sentences.delete_collection()
        self.__init__(
            self._client,
            self.embeddings,
            self._name,
            self.sentence_weight,
            sentence_context=self.sentence_context,
            shared=self.shared,
            chunk_vectors=self.chunk_vectors,
        )

    def count(self) -> int:
        return self._chroma._collection.count()

    def add(self, chunks: list[Chunk]) -> None:
        """Embed the chunks and their sentences (in one call, so the embedder batches them together) and store them.

        With `chunk_vectors="sentences"`, a chunk's vector is the length-weighted mean of its sentences' (e5 pools
        its tokens by mean too), so each text is embedded once; a chunk without a sentence of its own is embedded.
        """
        if not chunks:
            return
        sentences = [(c, a, b) for c in chunks for a, b in sentence_spans(c.text) if b - a >= MIN_SENTENCE_CHARS]
        sentence_texts = [(c.context if self.sentence_context else "") + c.text[a:b] for c, a, b in sentences]
        derived = self.chunk_vectors == "sentences"
        with_sentences = {c.chunk_id for c, _, _ in sentences} if derived else set()
        embedded_chunks = [c for c in chunks if c.chunk_id not in with_sentences]
        texts = [c.search_text for c in embedded_chunks] + sentence_texts
        vectors = np.asarray(self.embeddings.embed_documents(texts), dtype=np.float32)
        chunk_vectors = dict(zip((c.chunk_id for c in embedded_chunks), vectors[: len(embedded_chunks)]))
        sentence_vectors = vectors[len(embedded_chunks) :]
        if derived:
            sums: dict[str, np.ndarray] = {}
            for (c, a, b), vector in zip(sentences, sentence_vectors):
                sums[c.chunk_id] = sums.get(c.chunk_id, 0) + (b - a) * vector
            chunk_vectors.update({cid: v / max(float(np.linalg.norm(v)), 1e-12) for cid, v in sums.items()})
        self._chroma._collection.add(
            ids=[c.chunk_id for c in chunks],
            embeddings=np.stack([chunk_vectors[c.chunk_id] for c in chunks]),
            documents=[c.search_text for c in chunks],
            metadatas=[{**c.metadata(), "text_offset": len(c.search_text) - len(c.text)} for c in chunks],
        )
        if sentences:
            self._sentences._collection.add(
                ids=[f"{c.chunk_id}:{a}" for c, a, _ in sentences],
                embeddings=sentence_vectors,
                documents=sentence_texts,
                metadatas=[{"chunk_id": c.chunk_id, "start": a, "end": b} for c, a, b in sentences],
            )

    def delete(self, chunk_ids: list[str]) -> None:
        if chunk_ids:
            self._chroma.delete(ids=list(chunk_ids))
            self._sentences._collection.delete(where={"chunk_id": {"$in": list(chunk_ids)}})

    def chunks(self) -> list[Chunk]:
        """Every stored chunk."""
        got = self._chroma.get(include=["documents", "metadatas"])
        return [_to_chunk(i, d, m) for i, d, m in zip(got["ids"], got["documents"], got["metadatas"])]

    def sentence_vectors(self, chunk_ids: list[str]) -> dict[str, np.ndarray]:
        """The stored sentence embeddings of some chunks, by sentence id (`chunk_id:offset`)."""
        if not chunk_ids:
            return {}
        got = self._sentences._collection.get(where={"chunk_id": {"$in": list(chunk_ids)}}, include=["embeddings"])
        return {i: np.asarray(v, dtype=np.float32) for i, v in zip(got["ids"], got["embeddings"])}

    def search(self, question: str, k: int) -> list[tuple[Chunk, float]]:
        """The k nearest chunks, best first, with a cosine-scale similarity.

        A chunk's similarity mixes its own and that of its best sentence
        (`sentence_weight`); chunks found only through a sentence get the lowest
        chunk similarity seen as their own.
        """
        total = self.count()
        if total == 0:
            return []
        vector = self.embeddings.embed_query(question)
        include = ["documents", "metadatas", "distances"]
        hits = self._chroma._collection.query(query_embeddings=[vector], n_results=min(k, total), include=include)
        found = {
            i: (_to_chunk(i, d, m), 1.0 - float(dist))
            for i, d, m, dist in zip(hits["ids"][0], hits["documents"][0], hits["metadatas"][0], hits["distances"][0])
        }
        best_sentence: dict[str, float] = {}
        if self.sentence_weight > 0 and self._sentences._collection.count():
            n = min(4 * k, self._sentences._collection.count())
            sent = self._sentences._collection.query(
                query_embeddings=[vector], n_results=n, include=["metadatas", "distances"]
            )
            for meta, dist in zip(sent["metadatas"][0], sent["distances"][0]):
                best_sentence.setdefault(meta["chunk_id"], 1.0 - float(dist))
            missing = [cid for cid in best_sentence if cid not in found]
            if missing:
                got = self._chroma.get(ids=missing, include=["documents", "metadatas"])
                floor = min(score for _, score in found.values())
                for i, d, m in zip(got["ids"], got["documents"], got["metadatas"]):
                    found[i] = (_to_chunk(i, d, m), floor)
        sentence_floor = min(best_sentence.values(), default=0.0)
        w = self.sentence_weight
        scored = [
            (chunk, (1 - w) * score + w * best_sentence.get(cid, sentence_floor))
            for cid, (chunk, score) in found.items()
        ]
        return sorted(scored, key=lambda pair: pair[1], reverse=True)[:k]


def _to_chunk(chunk_id: str, stored: str, meta: dict) -> Chunk:
    return Chunk.from_metadata(chunk_id, stored[int(meta.get("text_offset", 0)) :], meta)
