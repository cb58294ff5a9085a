"""The store through a real Chroma server (`chroma run`) on loopback, as replicas of the app would share it."""

import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from bot.indexer import build_index
from bot.settings import Settings
from tests.conftest import CORPUS, free_port


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory):
    chroma = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
    port = free_port()
    folder = tmp_path_factory.mktemp("chroma-server")
    with open(folder / "server.log", "w") as log:
        process = subprocess.Popen(
            [chroma, "run", "--path", str(folder / "data"), "--host", "127.0.0.1", "--port", str(port)],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2)
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"chroma server did not start: {(folder / 'server.log').read_text()[-2000:]}")
            time.sleep(0.3)
    yield url
    process.terminate()
    process.wait(timeout=20)


def test_index_and_answer_through_a_chroma_server(tmp_path, chroma_url, embeddings):
    from bot.assistant import build_assistant, make_store

    settings = Settings(corpus_dir=CORPUS, index_dir=tmp_path, chroma_url=chroma_url, _env_file=None)
    report = build_index(CORPUS, tmp_path, make_store(settings, embeddings))
    assert report.chunks > 10 and not report.failures

    # A second replica: no local lexical index, everything comes from the server.
    replica = Settings(corpus_dir=CORPUS, index_dir=tmp_path / "replica", chroma_url=chroma_url, _env_file=None)
    assistant = build_assistant(replica, embeddings)
    assert len(assistant.retriever.lexical.chunks) == report.chunks
    answer = assistant.ask("Quels sont les risques de la mésothérapie ?")
    assert answer.status == "answered"
    assert any(c.source == "ansm-fiche-patient-mesotherapie.txt" for c in answer.citations)
