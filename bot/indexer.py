"""Build and update the index: chunks into the vector store, plus the lexical index.

Incremental: a manifest records each document's content hash and chunk ids, so
after one document changes only its new chunks are embedded, and the chunks of
a removed document are deleted.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bot.chunking import Chunk, chunk_document
from bot.cleaning import VERSION as CLEANING_VERSION
from bot.documents import Document, load_corpus
from bot.lexical import LexicalIndex
from bot.profile import PROFILE, CorpusProfile, build_profile
from bot.store import ChromaStore

MANIFEST = "manifest.json"
DOCUMENTS = "documents.json"
LEXICAL_DIR = "lexical"
STATE_VERSION = "state_version"  # the version of the server's state these files are a copy of (server mode)
SHARED_FILES = (MANIFEST, DOCUMENTS, PROFILE, f"{LEXICAL_DIR}/chunks.json")


@dataclass
class IndexReport:
    documents: int = 0
    chunks: int = 0
    embedded: int = 0  # chunks embedded by this run
    deleted: int = 0
    unchanged_documents: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0


def read_manifest(index_dir: Path) -> dict:
    path = Path(index_dir) / MANIFEST
    if not path.exists():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return {}


def build_index(
    corpus_dir: Path,
    index_dir: Path,
    store: ChromaStore,
    *,
    chunk_chars: int = 800,
    chunk_min_chars: int = 200,
    rebuild: bool = False,
    progress=None,
) -> IndexReport:
    """Bring the index up to date with the corpus folder; `progress(done, total, label)` is told as it goes."""
    started = time.perf_counter()
    index_dir = Path(index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    loaded = load_corpus(Path(corpus_dir))
    report = IndexReport(failures=loaded.failures)
    manifest = {} if rebuild else read_manifest(index_dir)
    chunking = {"chunk_chars": chunk_chars, "chunk_min_chars": chunk_min_chars, "cleaning": CLEANING_VERSION}
    if not store.sentence_context:  # recorded only when not the default, so indexes built before stay valid
        chunking["sentence_context"] = False
    if store.chunk_vectors != "embedded":
        chunking["chunk_vectors"] = store.chunk_vectors
    stale = (
        rebuild
        or manifest.get("embedding_model") != store.model
        or manifest.get("chunking") != chunking
        or sum(len(d["chunk_ids"]) for d in manifest.get("documents", {}).values()) != store.count()
    )
    if stale:
        store.reset()
        manifest = {}
    previous: dict = manifest.get("documents", {})
    failed = {name for name, _ in loaded.failures}

    all_chunks: list[Chunk] = []
    new_entries: dict = {}
    to_embed: list[Chunk] = []
    for document in loaded.documents:
        chunks = chunk_document(document, chunk_chars, chunk_min_chars)
        all_chunks.extend(chunks)
        new_entries[document.source] = {"hash": document.content_hash, "chunk_ids": [c.chunk_id for c in chunks]}
        old = previous.get(document.source)
        if old and old["hash"] == document.content_hash:
            report.unchanged_documents += 1
            continue
        old_ids = set(old["chunk_ids"]) if old else set()
        to_embed.extend(c for c in chunks if c.chunk_id not in old_ids)

    keep = {cid for entry in new_entries.values() for cid in entry["chunk_ids"]}
    # A document that failed to load this time keeps its previous chunks: a
    # corrupt replacement must not silently empty the index of that document.
    for name in failed & previous.keys():
        new_entries[name] = previous[name]
        keep.update(previous[name]["chunk_ids"])
    gone = [cid for entry in previous.values() for cid in entry["chunk_ids"] if cid not in keep]
    store.delete(gone)
    report.deleted = len(gone)

    batch = 64  # chunks per write: their sentences and themselves make batches PyTorch runs well
    for i in range(0, len(to_embed), batch):
        store.add(to_embed[i : i + batch])
        if progress:
            progress(min(i + batch, len(to_embed)), len(to_embed), "embedding")
    report.embedded = len(to_embed)

    stored = store.chunks() if failed & previous.keys() else all_chunks
    LexicalIndex(stored).save(index_dir / LEXICAL_DIR)
    _save_documents(index_dir, loaded.documents, failed & previous.keys())
    build_profile(read_documents(index_dir), None if stale else CorpusProfile.load(index_dir)).save(index_dir)
    (index_dir / MANIFEST).write_text(
        json.dumps(
            {
                "embedding_model": store.model,
                "chunking": chunking,
                "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                "documents": new_entries,
            },
            ensure_ascii=False,
            indent=1,
        ),
        encoding="utf-8",
    )
    if store.shared:
        push_state(store, index_dir)
    report.documents = len(new_entries)
    report.chunks = store.count()
    report.seconds = time.perf_counter() - started
    return report


def push_state(store: ChromaStore, index_dir: Path) -> str:
    """Store the index's files in the shared server under a new version, which other replicas then pull."""
    index_dir = Path(index_dir)
    files = {
        name: (index_dir / name).read_text(encoding="utf-8") for name in SHARED_FILES if (index_dir / name).exists()
    }
    version = store.save_state(files)
    (index_dir / STATE_VERSION).write_text(version, encoding="utf-8")
    return version


def pull_state(store: ChromaStore, index_dir: Path) -> bool:
    """Copy the shared server's index files into index_dir when their version changed; whether it did."""
    index_dir = Path(index_dir)
    mine = index_dir / STATE_VERSION
    known = mine.read_text(encoding="utf-8") if mine.exists() else ""
    if store.state_version() in ("", known):
        return False
    version, files = store.load_state()
    if not version:
        return False
    for name, text in files.items():
        if name in SHARED_FILES:
            path = index_dir / name
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(".tmp")
            temporary.write_text(text, encoding="utf-8")
            temporary.replace(path)
    mine.write_text(version, encoding="utf-8")
    return True


def update_index(settings, store: ChromaStore, *, rebuild: bool = False, progress=None) -> IndexReport:
    """`build_index` with the corpus, index folder and chunking of a Settings object."""
    return build_index(
        settings.corpus_dir,
        settings.index_dir,
        store,
        chunk_chars=settings.chunk_chars,
        chunk_min_chars=settings.chunk_min_chars,
        rebuild=rebuild,
        progress=progress,
    )


def _save_documents(index_dir: Path, documents: list[Document], kept: set[str]) -> None:
    path = index_dir / DOCUMENTS
    previous = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    records = {name: previous[name] for name in kept if name in previous}
    for d in documents:
        record = asdict(d)
        record.pop("blocks")
        records[d.source] = record
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")


def read_documents(index_dir: Path) -> dict[str, dict]:
    """The indexed documents (metadata and cleaned text) by file name."""
    path = Path(index_dir) / DOCUMENTS
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
