"""The web app around the assistant: index on start, document pages, the Gradio chat, a server thread."""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

from fastapi import FastAPI, HTTPException
from fastapi.responses import HTMLResponse

from bot.assistant import Assistant
from bot.indexer import LEXICAL_DIR, IndexReport, read_documents, update_index
from bot.settings import Settings
from bot.web.render import document_page


def index_is_built(settings: Settings) -> bool:
    """Whether the local index exists (a Chroma server is assumed to hold one)."""
    return bool(settings.chroma_url) or (Path(settings.index_dir) / LEXICAL_DIR / "chunks.json").exists()


def ensure_index(settings: Settings, embeddings) -> IndexReport | None:
    """Build the index when it is missing, printing progress; None when it was already there."""
    if index_is_built(settings):
        return None
    from bot.assistant import make_store

    print(f"Aucun index dans {settings.index_dir} : construction…", file=sys.stderr, flush=True)
    store = make_store(settings, embeddings)

    def progress(done: int, total: int, label: str) -> None:
        print(f"\rIndexation : {done}/{total} passages", end="", file=sys.stderr, flush=True)

    report = update_index(settings, store, progress=progress)
    print(
        f"\nIndex construit : {report.documents} documents, {report.chunks} passages en {report.seconds:.1f} s.",
        file=sys.stderr,
    )
    return report


def reindex(assistant: Assistant, progress=None) -> IndexReport:
    """Re-index the corpus into the assistant's own store, then let it search the new lexical index."""
    report = update_index(assistant.settings, assistant.retriever.store, progress=progress)
    assistant.reload_index()
    return report


class IndexWatcher:
    """Server mode: polls the shared Chroma server's state version and, when another replica re-indexed, copies the
    index's files and has the assistant and the document library read them again (a daemon thread)."""

    def __init__(self, assistant: Assistant, library: Library, every_s: float):
        self.assistant, self.library, self.every_s = assistant, library, every_s
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name="index-watcher", daemon=True)

    def check(self) -> bool:
        """Pull a newer state if there is one; whether the assistant was refreshed."""
        from bot.indexer import pull_state

        if not pull_state(self.assistant.retriever.store, self.assistant.settings.index_dir):
            return False
        self.assistant.reload_index()
        self.library.reload()
        return True

    def _run(self) -> None:
        while not self._stop.wait(self.every_s):
            try:
                self.check()
            except Exception as problem:  # noqa: BLE001 - a server hiccup must not stop the watching
                print(f"index watcher: {problem}", file=sys.stderr, flush=True)

    def start(self) -> IndexWatcher:
        self.thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()


class Library:
    """The indexed documents (metadata and cleaned text) the citation cards and document pages show."""

    def __init__(self, index_dir: Path):
        self.index_dir = Path(index_dir)
        self.documents: dict[str, dict] = {}
        self.reload()

    def reload(self) -> None:
        self.documents = read_documents(self.index_dir)


def create_app(assistant: Assistant, settings: Settings, feedback=None) -> FastAPI:
    """A FastAPI app serving the documents at /document/<name> and the chat (Gradio) at /."""
    import gradio as gr

    from bot.web.feedback import FeedbackStore
    from bot.web.render import PAGE_CSS
    from bot.web.ui import build_ui

    library = Library(settings.index_dir)
    feedback = feedback or FeedbackStore(settings.feedback_db)
    app = FastAPI(title="ANSM chatbot")

    @app.get("/document/{name}", response_class=HTMLResponse)
    def show_document(name: str, start: int = 0, end: int = 0) -> str:
        document = library.documents.get(name)
        if document is None:
            raise HTTPException(status_code=404, detail="Document introuvable")
        return document_page(document, start, end)

    if settings.chroma_url and settings.sync_seconds > 0:
        app.state.index_watcher = IndexWatcher(assistant, library, settings.sync_seconds).start()
    blocks = build_ui(assistant, settings, library, feedback)
    blocks.queue(default_concurrency_limit=4)
    return gr.mount_gradio_app(app, blocks, path="/", css=PAGE_CSS, footer_links=["api"])


class BackgroundServer:
    """The app served by uvicorn in a thread, e.g. for browser tests: `with BackgroundServer(app, port): ...`."""

    def __init__(self, app, host: str = "127.0.0.1", port: int = 7860):
        import uvicorn

        self.url = f"http://{host}:{port}/"
        self.server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> BackgroundServer:
        self.thread.start()
        deadline = time.monotonic() + 60
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError(f"the app did not start on {self.url}")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
