"""Two replicas of the app (two `python app.py` processes) on one real Chroma server (`chroma run`), on loopback:
a document re-indexed from one replica's staff page (in a real Chromium) is answered by the other within seconds."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import CORPUS, PROJECT, free_port
from tests.test_web_browser import CHROMIUM, CHROMIUM_ARGS

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (make browser)")

NEW_DOCUMENT = """Méthotrexate par voie orale : une prise par semaine, jamais tous les jours

Information de l'ANSM destinée aux patients, mise à jour de décembre 2026.

Le méthotrexate en comprimés est utilisé dans la polyarthrite rhumatoïde et le psoriasis. Dans ces maladies, il se
prend une seule fois par semaine, le même jour chaque semaine. Des erreurs de prise quotidienne au lieu
d'hebdomadaire ont entraîné des surdosages graves, parfois mortels.

Que faire en cas de prise en trop ?
Si vous avez pris du méthotrexate plusieurs jours de suite par erreur, appelez immédiatement votre médecin ou le
centre antipoison. Les signes d'un surdosage sont des aphtes dans la bouche, de la fièvre, des saignements
inhabituels et une grande fatigue.

Conseils pratiques
Notez le jour de la prise sur votre boîte. Ne doublez jamais une dose oubliée sans l'avis de votre médecin.
"""
QUESTION = "Le méthotrexate en comprimés, je dois le prendre tous les jours ?"
SOURCE = "ansm-methotrexate-prise-hebdomadaire.txt"


def _start_replica(name: str, tmp_path: Path, chroma_url: str) -> tuple[subprocess.Popen, str, Path]:
    corpus = tmp_path / name / "corpus"
    shutil.copytree(CORPUS, corpus)
    port = free_port()
    env = {
        **os.environ,
        "BOT_CHROMA_URL": chroma_url,
        "BOT_CORPUS_DIR": str(corpus),
        "BOT_INDEX_DIR": str(tmp_path / name / "index"),
        "BOT_PORT": str(port),
        "BOT_STAFF_PASSWORD": "secret-staff",
        "BOT_SYNC_SECONDS": "1",
        "BOT_FEEDBACK_DB": str(tmp_path / name / "feedback.sqlite3"),
    }
    log = open(tmp_path / name / "app.log", "w")  # noqa: SIM115 - closed with the process
    process = subprocess.Popen([sys.executable, "app.py"], cwd=PROJECT, env=env, stdout=log, stderr=subprocess.STDOUT)
    return process, f"http://127.0.0.1:{port}/", corpus


def _wait_ready(process: subprocess.Popen, url: str, log: Path, timeout_s: float = 240) -> None:
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"a replica did not start:\n{log.read_text(encoding='utf-8', errors='replace')[-3000:]}")
            time.sleep(0.5)


def _ask(url: str) -> str:
    from gradio_client import Client

    return Client(url, verbose=False).predict(QUESTION, api_name="/chat")


def test_a_reindex_on_one_replica_is_answered_by_the_other(tmp_path, chroma_url, embeddings):
    from playwright.sync_api import sync_playwright

    from bot.assistant import make_store
    from bot.indexer import build_index
    from bot.settings import Settings

    # The shared index of the seed corpus, as `python -m bot index` would build it with BOT_CHROMA_URL set.
    first = Settings(corpus_dir=CORPUS, index_dir=tmp_path / "first-build", chroma_url=chroma_url, _env_file=None)
    build_index(CORPUS, first.index_dir, make_store(first, embeddings))

    replicas = [_start_replica(name, tmp_path, chroma_url) for name in ("a", "b")]
    try:
        for (process, url, _), name in zip(replicas, ("a", "b")):
            _wait_ready(process, url, tmp_path / name / "app.log")
        (_, url_a, corpus_a), (_, url_b, _) = replicas
        assert SOURCE not in _ask(url_b)

        # Staff add a document to replica A's corpus and re-index from A's staff page.
        (corpus_a / SOURCE).write_text(NEW_DOCUMENT, encoding="utf-8")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(url_a)
            page.get_by_role("tab", name="Espace équipe").click()
            page.get_by_label("Mot de passe de l'équipe").fill("secret-staff")
            page.get_by_role("button", name="Entrer").click()
            page.get_by_role("button", name="Réindexer le corpus").click()
            page.get_by_text("Index à jour").wait_for(timeout=120_000)
            # the staff table lists it (it is redrawn just after the status line: wait for it, do not poll once)
            page.get_by_text(SOURCE).first.wait_for(state="visible", timeout=30_000)
            browser.close()
        reindexed = time.monotonic()

        # Replica B, which never saw the file, answers from it within seconds.
        reply = _ask(url_b)
        while SOURCE not in reply and time.monotonic() - reindexed < 20:
            time.sleep(1)
            reply = _ask(url_b)
        assert SOURCE in reply, reply
        print(f"replica B answered from the new document {time.monotonic() - reindexed:.1f} s after the re-index")
        assert "semaine" in reply.lower()
        assert (tmp_path / "b" / "index" / "profile.json").read_text(encoding="utf-8").count(SOURCE) >= 1
    finally:
        for process, _, _ in replicas:
            process.terminate()
            process.wait(timeout=30)
