"""The web chat: `python app.py` builds the index if missing, then serves on BOT_HOST:BOT_PORT."""

from __future__ import annotations

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")


def main() -> None:
    import uvicorn

    from bot.assistant import build_assistant
    from bot.embeddings import embeddings_for
    from bot.settings import Settings
    from bot.web.server import create_app, ensure_index

    settings = Settings()
    embeddings = embeddings_for(settings)
    ensure_index(settings, embeddings)
    assistant = build_assistant(settings, embeddings)
    assistant.warm_up()
    print(f"Chat prêt sur http://{settings.host}:{settings.port}/", flush=True)
    uvicorn.run(create_app(assistant, settings), host=settings.host, port=settings.port, log_level="warning")


if __name__ == "__main__":
    main()
