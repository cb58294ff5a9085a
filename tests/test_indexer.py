import json

import pytest

from bot.embeddings import make_embeddings
from bot.indexer import build_index, read_manifest
from bot.lexical import LexicalIndex
from bot.store import ChromaStore, IndexMismatchError, make_client
from tests.test_embeddings import _minilm_path

DOCS = {
    "isotretinoine.txt": "Isotrétinoïne\n\nCe traitement est contre-indiqué pendant la grossesse.\n\n"
    "Une contraception doit être mise en place avant le début du traitement.\n",
    "mesotherapie.md": "# Mésothérapie\n\nLa mésothérapie consiste à injecter des produits dans la peau.\n\n"
    "# Risques\n\nDes abcès à mycobactéries atypiques ont été signalés.\n",
    "vitiligo.txt": "Tacrolimus\n\nLe tacrolimus 0,1 % est utilisé dans le vitiligo chez l'enfant à partir de 2 ans.\n",
}


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in DOCS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _store(index_dir, embeddings):
    return ChromaStore(make_client(index_dir), embeddings, "test")


def test_incremental_indexing_reembeds_only_what_changed(tmp_path, corpus, embeddings):
    index_dir = tmp_path / "index"
    first = build_index(corpus, index_dir, _store(index_dir, embeddings), chunk_min_chars=0)
    assert (first.documents, first.embedded, first.deleted) == (3, first.chunks, 0)
    assert first.chunks >= 3

    again = build_index(corpus, index_dir, _store(index_dir, embeddings), chunk_min_chars=0)
    assert (again.embedded, again.deleted, again.unchanged_documents) == (0, 0, 3)

    (corpus / "vitiligo.txt").write_text(
        DOCS["vitiligo.txt"] + "\nLa durée initiale est de 6 mois.\n", encoding="utf-8"
    )
    changed = build_index(corpus, index_dir, _store(index_dir, embeddings), chunk_min_chars=0)
    assert changed.unchanged_documents == 2
    assert 1 <= changed.embedded <= 2 and changed.embedded < first.chunks
    store = _store(index_dir, embeddings)
    assert any("6 mois" in c.text for c in store.chunks())

    (corpus / "mesotherapie.md").unlink()
    removed = build_index(corpus, index_dir, _store(index_dir, embeddings), chunk_min_chars=0)
    assert removed.deleted >= 2 and removed.embedded == 0
    store = _store(index_dir, embeddings)
    assert all(c.source != "mesotherapie.md" for c in store.chunks())
    assert all(c.source != "mesotherapie.md" for c in LexicalIndex.load(index_dir / "lexical").chunks)
    assert "mesotherapie.md" not in read_manifest(index_dir)["documents"]
    assert store.search("abcès après injection", 5)[0][0].source != "mesotherapie.md"


def test_a_corrupt_document_is_reported_and_the_rest_indexed(tmp_path, corpus, embeddings):
    (corpus / "cassé.pdf").write_bytes(b"%PDF-1.7 garbage")
    report = build_index(corpus, tmp_path / "index", _store(tmp_path / "index", embeddings), chunk_min_chars=0)
    assert report.documents == 3
    assert report.failures and report.failures[0][0] == "cassé.pdf"


def test_a_document_that_breaks_keeps_its_previous_chunks(tmp_path, corpus, embeddings):
    index_dir = tmp_path / "index"
    build_index(corpus, index_dir, _store(index_dir, embeddings), chunk_min_chars=0)
    (corpus / "vitiligo.txt").write_bytes(b"\x81\x8d\x8f" * 10)
    report = build_index(corpus, index_dir, _store(index_dir, embeddings), chunk_min_chars=0)
    assert report.failures[0][0] == "vitiligo.txt"
    assert any(c.source == "vitiligo.txt" for c in _store(index_dir, embeddings).chunks())


def test_opening_an_index_with_another_model_says_how_to_rebuild(tmp_path, corpus, embeddings):
    index_dir = tmp_path / "index"
    build_index(corpus, index_dir, _store(index_dir, embeddings), chunk_min_chars=0)
    other = make_embeddings(_minilm_path())
    with pytest.raises(IndexMismatchError, match="python -m bot index --rebuild"):
        _store(index_dir, other)


def test_rebuild_switches_model(tmp_path, corpus, embeddings):
    index_dir = tmp_path / "index"
    build_index(corpus, index_dir, _store(index_dir, embeddings), chunk_min_chars=0)
    other = make_embeddings(_minilm_path())
    store = ChromaStore(make_client(index_dir), other, "test", replace=True)
    report = build_index(corpus, index_dir, store, chunk_min_chars=0, rebuild=True)
    assert report.embedded == report.chunks
    assert json.loads((index_dir / "manifest.json").read_text())["embedding_model"].startswith("sentence-transformers:")
    assert _store(index_dir, other).search("vitiligo enfant", 1)[0][0].source == "vitiligo.txt"
