"""The store through a real Chroma server (`chroma run`) on loopback, as replicas of the app would share it."""

from bot.indexer import build_index
from bot.settings import Settings
from tests.conftest import CORPUS


def test_index_and_answer_through_a_chroma_server(tmp_path, chroma_url, embeddings):
    from bot.assistant import build_assistant, make_store

    settings = Settings(corpus_dir=CORPUS, index_dir=tmp_path, chroma_url=chroma_url, _env_file=None)
    report = build_index(CORPUS, tmp_path, make_store(settings, embeddings))
    assert report.chunks > 10 and not report.failures

    # A second replica: an empty folder, everything comes from the server (chunks, manifest, profile, documents).
    replica = Settings(corpus_dir=CORPUS, index_dir=tmp_path / "replica", chroma_url=chroma_url, _env_file=None)
    assistant = build_assistant(replica, embeddings)
    assert len(assistant.retriever.lexical.chunks) == report.chunks
    assert (tmp_path / "replica" / "manifest.json").read_bytes() == (tmp_path / "manifest.json").read_bytes()
    assert assistant.profile.documents.keys() == {p.name for p in CORPUS.iterdir() if p.suffix != ".yaml"}
    answer = assistant.ask("Quels sont les risques de la mésothérapie ?")
    assert answer.status == "answered"
    assert any(c.source == "ansm-fiche-patient-mesotherapie.txt" for c in answer.citations)


def test_the_index_files_are_shared_through_the_server_under_a_version(tmp_path, chroma_url, embeddings):
    from bot.indexer import pull_state
    from bot.store import STATE_PART_CHARS, ChromaStore, make_client

    store = ChromaStore(make_client(tmp_path, chroma_url), embeddings, "shared_state_test", shared=True)
    assert store.state_version() == "" and store.load_state() == ("", {})
    big = "é" * (2 * STATE_PART_CHARS + 17)  # stored in three parts
    first = store.save_state({"manifest.json": "{}", "documents.json": big})
    assert store.load_state() == (first, {"manifest.json": "{}", "documents.json": big})

    replica = tmp_path / "replica"
    replica.mkdir()
    assert pull_state(store, replica) and (replica / "documents.json").read_text(encoding="utf-8") == big
    assert not pull_state(store, replica)  # same version: nothing to copy

    second = store.save_state({"manifest.json": '{"documents": {}}'})
    assert second != first and store.state_version() == second
    assert store.load_state() == (second, {"manifest.json": '{"documents": {}}'})  # the older parts are gone
    assert pull_state(store, replica) and (replica / "manifest.json").read_text(encoding="utf-8") == '{"documents": {}}'
