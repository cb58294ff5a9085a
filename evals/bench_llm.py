"""Time to first token and total latency of LLM answers, through Assistant.stream as the web chat uses it.

python -m evals.bench_llm --llm openai:gemma@http://127.0.0.1:8089/v1 [--set evals/sets/dev.jsonl] [--n 10]
    [--max-tokens 48] [--timeout 45]

Asks the first N answerable questions of a set (the LLM runs only for answered questions) and prints
p50/p95 of the time to the first streamed piece of the draft and to the final verified answer, and how
many answers fell back to the extractive one.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


def _p(values: list[float], q: float) -> str:
    return f"{np.percentile(values, q):.2f}" if values else "-"


def main() -> None:
    from bot.assistant import build_assistant
    from bot.settings import Settings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--llm", required=True, help="BOT_LLM value, e.g. openai:gemma@http://127.0.0.1:8089/v1")
    parser.add_argument("--set", type=Path, default=Path("evals/sets/dev.jsonl"))
    parser.add_argument("--n", type=int, default=10)
    parser.add_argument("--max-tokens", type=int, default=None)
    parser.add_argument("--timeout", type=float, default=None)
    args = parser.parse_args()
    overrides = {"llm": args.llm}
    if args.max_tokens:
        overrides["llm_max_tokens"] = args.max_tokens
    if args.timeout:
        overrides["llm_timeout_s"] = args.timeout
    settings = Settings(**overrides)
    assistant = build_assistant(settings)
    assistant.warm_up()
    cases = [json.loads(line) for line in args.set.read_text(encoding="utf-8").splitlines() if line.strip()]
    questions = [c["question"] for c in cases if c.get("category") == "answerable" and not c.get("history")]
    first_token, total, fallbacks, asked = [], [], 0, 0
    for question in questions[: args.n]:
        started, first = time.perf_counter(), None
        final = None
        for _, answer in assistant.stream(question):
            if answer is None and first is None:
                first = time.perf_counter() - started
            final = answer or final
        if final is None or final.status != "answered":
            continue
        asked += 1
        total.append(time.perf_counter() - started)
        if first is not None:
            first_token.append(first)
        fallbacks += bool(final.notice)
    print(f"{asked} answered questions of {args.set.name}, llm={settings.llm}, max_tokens={settings.llm_max_tokens}")
    print(f"time to first token (s): p50 {_p(first_token, 50)}  p95 {_p(first_token, 95)}  (n={len(first_token)})")
    print(f"total latency (s):       p50 {_p(total, 50)}  p95 {_p(total, 95)}")
    print(f"extractive fallbacks: {fallbacks}/{asked}")


if __name__ == "__main__":
    main()
