"""Benchmark (not a test): index build time, then search and ask latency over the eval questions, models warm.

python -m evals.bench [--sets evals/sets/dev.jsonl evals/sets/test.jsonl] [--repeat 1]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

SETS = Path(__file__).resolve().parent / "sets"


def _line(name: str, milliseconds: list[float]) -> str:
    p50, p95 = np.percentile(milliseconds, [50, 95])
    return f"{name:<8} n={len(milliseconds):<4} p50={p50:8.1f} ms  p95={p95:8.1f} ms  max={max(milliseconds):8.1f} ms"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", type=Path, default=[SETS / "dev.jsonl", SETS / "test.jsonl"])
    parser.add_argument("--repeat", type=int, default=1, help="passes over the questions")
    args = parser.parse_args(argv)

    from bot.assistant import build_assistant, make_store
    from bot.embeddings import embeddings_for
    from bot.indexer import update_index
    from bot.settings import Settings
    from evals.dataset import load_cases

    cases = [case for path in args.sets for case in load_cases(path)[0]]
    defaults = Settings()
    started = time.perf_counter()
    embeddings = embeddings_for(defaults)
    embeddings.embed_query("chargement du modèle")
    print(f"model load      {time.perf_counter() - started:8.2f} s  ({defaults.embedding_model})")

    with tempfile.TemporaryDirectory(prefix="bench-index-") as folder:
        settings = defaults.model_copy(update={"index_dir": Path(folder)})
        report = update_index(settings, make_store(settings, embeddings))
        print(
            f"index build     {report.seconds:8.2f} s  ({report.documents} documents, {report.chunks} chunks, fresh folder)"
        )

        started = time.perf_counter()
        assistant = build_assistant(settings, embeddings)
        assistant.warm_up()
        print(
            f"warm-up         {time.perf_counter() - started:8.2f} s  (models loaded, safety examples embedded or read)"
        )

        search, ask = [], []
        for _ in range(args.repeat):
            for case in cases:
                embeddings.forget_queries()  # each timing includes embedding the question
                clock = time.perf_counter()
                assistant.retriever.retrieve(case.question, settings.k)
                search.append((time.perf_counter() - clock) * 1000)
                embeddings.forget_queries()
                clock = time.perf_counter()
                assistant.ask(case.question, case.history or None)
                ask.append((time.perf_counter() - clock) * 1000)
        print(
            f"{len(cases)} eval questions x {args.repeat}, retrieval_mode={settings.retrieval_mode}, k={settings.k}, llm={settings.llm}"
        )
        print(_line("search", search))
        print(_line("ask", ask))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
