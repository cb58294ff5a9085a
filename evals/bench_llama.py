"""Speed of a llama.cpp build on the Gemma 3 270M GGUF: prompt and generation tokens per second.

    python -m evals.bench_llama [--python OTHER_VENV/bin/python ...] [--repeat 3]

Each interpreter named (default: this one) loads llama_cpp from its own environment, in a fresh process, so a
portable build (the Makefile's) and a native one (CMAKE_ARGS="-DGGML_NATIVE=ON", in another venv) are compared on
the same model, prompt and threads. Prints one line per interpreter with the median of the repeats.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

# Run in the interpreter under test: only llama_cpp and the standard library are needed there.
PROBE = r"""
import json, sys, time
from llama_cpp import Llama
model = Llama(model_path=sys.argv[1], n_ctx=2048, n_threads=2, verbose=False, seed=0)
prompt = ("Les médicaments à base d'isotrétinoïne sont indiqués pour traiter des acnés sévères. " * 12).strip()
tokens = model.tokenize(prompt.encode())
model.reset()
start = time.perf_counter(); model.eval(tokens); prompt_s = time.perf_counter() - start
start = time.perf_counter()
out = model.create_completion(prompt, max_tokens=64, temperature=0.0)
total_s = time.perf_counter() - start
generated = out["usage"]["completion_tokens"]
print(json.dumps({"prompt_tokens": len(tokens), "prompt_tps": len(tokens) / prompt_s,
                  "generated": generated, "generation_tps": generated / max(total_s - prompt_s, 1e-9)}))
"""


def measure(python: str, model: str, repeat: int) -> dict:
    """The median prompt and generation speeds of `repeat` fresh processes of one interpreter."""
    runs = []
    for _ in range(repeat):
        done = subprocess.run([python, "-c", PROBE, model], capture_output=True, text=True, timeout=600)
        if done.returncode != 0:
            return {"python": python, "error": f"exit {done.returncode}: {done.stderr.strip()[-300:]}"}
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    median = lambda key: sorted(r[key] for r in runs)[len(runs) // 2]  # noqa: E731
    return {
        "python": python,
        "prompt_tps": round(median("prompt_tps"), 1),
        "generation_tps": round(median("generation_tps"), 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", nargs="+", default=[sys.executable])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    from tests.llm_server import gemma_path

    model = str(gemma_path())
    for python in args.python:
        print(json.dumps(measure(python, model, args.repeat)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
