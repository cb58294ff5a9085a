"""LLM answers through the real pipeline: a real llama.cpp server (Gemma 3 270M) on 127.0.0.1, a server that
never answers, a closed port, and Ollama when one can be had."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path
from urllib.request import urlopen

import pytest

from bot.assistant import Assistant
from bot.llm import LLMWriter, make_writer
from bot.messages import message
from bot.verify import claims
from tests.llm_server import LlamaServer, free_port, llama_server

ANSWERABLE = "Est-ce que l'isotrétinoïne peut affiner le nez ?"
URGENT = "Je suis enceinte et je prends du Curacné, que faire ?"


def _with_llm(assistant: Assistant, llm: str, **overrides) -> Assistant:
    """The session assistant (same index, models and triage), answering through the LLM the setting names."""
    settings = assistant.settings.model_copy(update={"llm": llm, **overrides})
    writer = make_writer(settings, assistant.answerer.embeddings)
    assert isinstance(writer, LLMWriter)
    built = replace(assistant, settings=settings, writer=writer)
    built.__dict__["intents"] = assistant.intents  # already embedded: share it
    return built


def _markers(text: str) -> set[int]:
    return {int(n) for group in re.findall(r"\[([\d,\s]+)\]", text) for n in re.split(r"[,\s]+", group) if n}


def _check_final(final, extractive) -> None:
    """A final LLM-pipeline answer: verified text with valid citations, or the extractive one with the notice."""
    assert final.status == "answered" and final.citations
    assert _markers(final.answer) <= {c.n for c in final.citations}  # no number pointing to no source
    assert {c.chunk_id for c in final.citations} <= {c.chunk_id for c in extractive.citations}
    if final.notice:
        assert final.notice in {
            message(key, extractive.lang) for key in ("llm_fallback_notice", "llm_unverified_notice")
        }
        assert final.answer.startswith(extractive.answer) and final.notice in final.answer
        assert final.citations == extractive.citations
    else:
        assert final.answer.endswith(message("answer_outro", extractive.lang))


@pytest.fixture(scope="module")
def gemma():
    with llama_server() as server:
        yield server


@pytest.fixture(scope="module")
def gemma_assistant(assistant, gemma) -> Assistant:
    # The 270M model is slow on a shared CPU: short replies, a generous deadline.
    return _with_llm(assistant, f"openai:gemma@{gemma.url}", llm_max_tokens=48, llm_timeout_s=120)


def test_answers_stream_from_the_server_and_are_verified(gemma, gemma_assistant):
    before = gemma.requests()
    extractive = gemma_assistant.ask(ANSWERABLE, write=False)
    steps = list(gemma_assistant.stream(ANSWERABLE))
    gemma.assert_alive()
    assert gemma.requests() == before + 1  # the request reached the llama.cpp server
    drafts, (text, final) = steps[:-1], steps[-1]
    assert drafts and all(answer is None for _, answer in drafts)  # the draft streamed before the final answer
    assert text == final.answer and final.latency_ms > 0
    _check_final(final, extractive)
    # The final answer is what verifying the streamed draft gives: its supported sentences, or the fallback.
    verified = gemma_assistant.writer.verifier.verify(drafts[-1][0], extractive.citations)
    assert len(verified.kept) + len(verified.dropped) == len(claims(drafts[-1][0]))
    if verified.kept:
        assert final.answer.startswith(verified.text) and not final.notice
    else:
        assert final.notice  # the weak model's reply did not survive verification


def test_a_follow_up_is_asked_with_the_conversation(gemma, gemma_assistant):
    history = [
        {"role": "user", "content": "Quels sont les risques de l'isotrétinoïne ?"},
        {"role": "assistant", "content": "Des malformations graves du fœtus [1]."},
    ]
    before = gemma.requests()
    final = gemma_assistant.ask("et pendant la grossesse ?", history)
    gemma.assert_alive()
    assert gemma.requests() == before + 1
    _check_final(final, gemma_assistant.ask("et pendant la grossesse ?", history, write=False))


def test_safety_statuses_never_reach_the_model(gemma, gemma_assistant):
    before = gemma.requests()
    urgent = gemma_assistant.ask(URGENT)
    off_topic = list(gemma_assistant.stream("Quelle est la meilleure recette de tarte aux pommes ?"))[-1][1]
    assert (urgent.status, off_topic.status) == ("urgent", "out_of_scope")
    assert gemma.requests() == before


def test_a_tiny_timeout_against_the_real_server_falls_back(gemma, assistant):
    slow = _with_llm(assistant, f"openai:gemma@{gemma.url}", llm_max_tokens=48, llm_timeout_s=0.5)
    final = slow.ask(ANSWERABLE)
    assert final.notice == message("llm_fallback_notice", "fr")
    _check_final(final, slow.ask(ANSWERABLE, write=False))


@pytest.fixture
def silent_server():
    """A loopback server that accepts connections and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/v1", accepted
    stop.set()
    thread.join()
    for connection in accepted:
        connection.close()
    listener.close()


def test_a_server_that_never_answers_cannot_hang_the_chat(assistant, silent_server):
    url, accepted = silent_server
    stalled = _with_llm(assistant, f"openai:gemma@{url}", llm_timeout_s=2)
    started = time.monotonic()
    steps = list(stalled.stream(ANSWERABLE))
    waited = time.monotonic() - started
    assert accepted  # the request did reach the silent server
    final = steps[-1][1]
    assert final.notice == message("llm_fallback_notice", "fr")
    assert waited < 2 + 30  # the deadline, plus retrieval on a busy machine; not a speed target
    _check_final(final, stalled.ask(ANSWERABLE, write=False))


def test_an_unreachable_server_falls_back_in_english_too(assistant):
    closed = _with_llm(assistant, f"openai:gemma@http://127.0.0.1:{free_port()}/v1", llm_timeout_s=10)
    question = "Can isotretinoin make my nose thinner?"
    final = closed.ask(question)
    assert final.notice == message("llm_fallback_notice", "en")
    _check_final(final, closed.ask(question, write=False))


def _ollama_url() -> str | None:
    url = "http://127.0.0.1:11434"
    try:
        with urlopen(f"{url}/api/tags", timeout=1) as reply:
            return url if reply.status == 200 else None
    except OSError:
        return None


def test_ollama_backend(assistant):
    url = _ollama_url()
    if url is None:
        reason = "no Ollama server on 127.0.0.1:11434"
        if shutil.which("ollama") is None:
            reason += " and no ollama binary (Ollama is not distributed on PyPI or apt)"
        pytest.skip(reason)
    import json

    with urlopen(f"{url}/api/tags", timeout=5) as reply:
        models = [m["name"] for m in json.load(reply).get("models", [])]
    if not models:
        pytest.skip("the Ollama server has no model pulled")
    local = _with_llm(assistant, f"ollama:{models[0]}@{url}", llm_max_tokens=64, llm_timeout_s=120)
    final = local.ask(ANSWERABLE)
    _check_final(final, local.ask(ANSWERABLE, write=False))


def test_a_dead_server_is_reported_with_its_exit_status(tmp_path):
    """A server killed by SIGILL (a native build run on another CPU) fails a test with that status and its log."""
    log = tmp_path / "server.log"
    log.write_text("llama_model_loader: loaded meta data\n", encoding="utf-8")
    crashing = subprocess.Popen([sys.executable, "-c", "import os, signal; os.kill(os.getpid(), signal.SIGILL)"])
    crashing.wait(timeout=30)
    server = LlamaServer("http://127.0.0.1:9/v1", log, crashing)
    with pytest.raises(AssertionError, match=r"exit status -4 \(SIGILL.*\n.*\n.*loaded meta data"):
        server.assert_alive()


def test_the_llama_cpp_build_runs_on_any_machine_of_this_kind():
    """The CPU backend holds no AVX-512 or AMX instruction (the Makefile's LLAMA_CMAKE_ARGS, not -march=native)."""
    import llama_cpp

    objdump = shutil.which("objdump")
    if objdump is None:
        pytest.skip("objdump (binutils) is not installed")
    libraries = [p for p in Path(llama_cpp.__file__).parent.rglob("*.so*") if "ggml" in p.name or "llama" in p.name]
    assert libraries, "llama_cpp ships no shared library"
    for library in libraries:
        code = subprocess.run(
            [objdump, "-d", "--no-show-raw-insn", str(library)], capture_output=True, text=True
        ).stdout
        assert not re.search(r"%zmm\d|%k[1-7]\b|tileloadd|tdpbssd", code), f"{library.name} holds AVX-512/AMX code"
