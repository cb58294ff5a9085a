"""A run's cases under ragas' field names, for staff who have an LLM judge (ragas, deepeval).

One JSON object per line, in the order of cases.jsonl:
`user_input` (the question, earlier user turns prepended for a follow-up), `retrieved_contexts`
(the retrieved chunk texts, best first), `response` (the bot's answer), `reference` (the gold
quotes joined by new lines, empty when the case has none) and `reference_contexts` (the gold quotes).
"""

from __future__ import annotations

import json
from pathlib import Path

from evals.runner import read_run


def ragas_row(record: dict) -> dict:
    """One case record under ragas' SingleTurnSample field names."""
    earlier = [t["content"] for t in record["history"] if t["role"] == "user"]
    return {
        "user_input": "\n".join([*earlier, record["question"]]),
        "retrieved_contexts": [h["text"] for h in record["hits"]],
        "response": record["answer"],
        "reference": "\n".join(record["gold_quotes"]),
        "reference_contexts": list(record["gold_quotes"]),
    }


def export_ragas(run_dir: Path | str, out_path: Path | str) -> int:
    """Write the run's cases as ragas JSONL; returns how many were written."""
    _, records = read_run(run_dir)
    with open(out_path, "w", encoding="utf-8") as stream:
        for record in records:
            stream.write(json.dumps(ragas_row(record), ensure_ascii=False) + "\n")
    return len(records)
