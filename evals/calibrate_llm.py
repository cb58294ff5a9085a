"""Calibrate the LLM verifier's support threshold (BOT_LLM_MIN_SUPPORT) on a split: python -m evals.calibrate_llm evals/sets/dev.jsonl

For each answerable case, the assistant's extractive answer gives the numbered excerpts an LLM
would see. A gold quote paired with the excerpt that contains it is a supported statement; paired
with another excerpt of the same answer (on topic, but not saying it) or with an excerpt of another
case, it is not. The threshold printed accepts at most 5 % of the on-topic unsupported pairs.
Use the dev split only: the test split must stay unseen.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


def main() -> None:
    from bot.assistant import build_assistant
    from bot.settings import Settings
    from bot.verify import Verifier
    from evals.metrics import supports

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set", type=Path)
    parser.add_argument("--false-accept", type=float, default=0.05)
    args = parser.parse_args()
    if "test" in args.set.name:
        raise SystemExit("calibrate on the dev split only")
    settings = Settings(llm="none")
    assistant = build_assistant(settings)
    assistant.warm_up()
    verifier = Verifier(assistant.answerer.embeddings, 0.0)
    cases = [json.loads(line) for line in args.set.read_text(encoding="utf-8").splitlines() if line.strip()]
    cases = [c for c in cases if c.get("category") == "answerable" and c.get("gold_quotes")]
    excerpts_by_case = []
    for case in cases:
        answer = assistant.ask(case["question"], case.get("history") or None, write=False)
        excerpts_by_case.append([c.excerpt for c in answer.citations] if answer.status == "answered" else [])
    positive, on_topic, off_topic = [], [], []
    for i, (case, excerpts) in enumerate(zip(cases, excerpts_by_case)):
        for quote in case["gold_quotes"]:
            for excerpt in excerpts:
                (positive if supports(excerpt, [quote]) else on_topic).append(verifier.support(quote, excerpt))
            other = excerpts_by_case[(i + 7) % len(cases)]
            off_topic.extend(verifier.support(quote, e) for e in other[:1] if not supports(e, [quote]))
    on_topic_sorted = np.sort(on_topic)
    threshold = float(np.quantile(on_topic_sorted, 1 - args.false_accept)) if on_topic else 0.5
    for name, values in (("supported", positive), ("on-topic unsupported", on_topic), ("off-topic", off_topic)):
        if values:
            q = np.quantile(values, [0.05, 0.5, 0.95])
            print(f"{name:>22}: n={len(values):3d}  p5={q[0]:.3f}  p50={q[1]:.3f}  p95={q[2]:.3f}")
    accepted = np.mean(np.asarray(positive) >= threshold) if positive else float("nan")
    off = np.mean(np.asarray(off_topic) >= threshold) if off_topic else float("nan")
    print(
        f"threshold {threshold:.3f}: accepts {accepted:.0%} of supported pairs, "
        f"{args.false_accept:.0%} of on-topic and {off:.0%} of off-topic unsupported pairs"
    )


if __name__ == "__main__":
    main()
