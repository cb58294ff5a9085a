"""Run an eval set through the assistant and write metrics.json, cases.jsonl and report.html."""

from __future__ import annotations

import json
import subprocess
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from bot.settings import Settings
from evals.dataset import Case, load_cases, split_name
from evals.metrics import compute_metrics, gold_documents, score_case

METRICS = "metrics.json"
CASES = "cases.jsonl"
REPORT = "report.html"

Progress = Callable[[int, int, str], None]  # (cases done, total, id of the case just run)


def evaluate_case(assistant, case: Case, corpus_chunks, history: list[dict] | None = None) -> dict:
    """Ask one case's question (with its history, or `history` for a conversation's turn) and score the answer."""
    documents = gold_documents(case.gold_quotes, corpus_chunks)
    history = case.history if history is None else history
    try:
        answer = assistant.ask(case.question, history or None)
    except Exception as error:  # one failing case must not stop the run; the record says why
        return score_case(case, None, documents, error=f"{type(error).__name__}: {error}")
    return score_case(case, answer, documents)


def write_run(out_dir: Path | str, metrics: dict, records: list[dict]) -> Path:
    """Write metrics.json and cases.jsonl of a run (and nothing else)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    (out / METRICS).write_text(json.dumps(metrics, ensure_ascii=False, indent=2), encoding="utf-8")
    with open(out / CASES, "w", encoding="utf-8") as stream:
        for record in records:
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    return out


def read_run(run_dir: Path | str) -> tuple[dict, list[dict]]:
    """The metrics and case records of a finished run."""
    run = Path(run_dir)
    metrics = json.loads((run / METRICS).read_text(encoding="utf-8"))
    with open(run / CASES, encoding="utf-8") as stream:
        records = [json.loads(line) for line in stream if line.strip()]
    return metrics, records


def code_version() -> dict:
    """The git commit the run's code comes from, and whether bot/ had uncommitted changes."""
    project = Path(__file__).resolve().parent.parent
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=project, capture_output=True, text=True, timeout=10
        )
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "bot"], cwd=project, capture_output=True, text=True, timeout=10
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    return (
        {"commit": commit.stdout.strip(), "bot_modified": bool(dirty.stdout.strip())} if commit.returncode == 0 else {}
    )


def run_eval(
    assistant_or_settings,
    set_path: Path | str,
    out_dir: Path | str,
    progress: Progress | None = None,
) -> dict:
    """Run every valid case of a set, write the run folder (metrics, cases, HTML report), return the metrics.

    `assistant_or_settings` is a built Assistant (reused, e.g. by the web staff page) or Settings
    (an assistant is built and warmed up from them). Malformed lines are listed in metrics["problems"].
    """
    from bot.assistant import build_assistant
    from evals.report import write_report

    if isinstance(assistant_or_settings, Settings):
        assistant = build_assistant(assistant_or_settings)
        assistant.warm_up()
    else:
        assistant = assistant_or_settings
    cases, problems = load_cases(set_path)
    corpus_chunks = assistant.retriever.lexical.chunks
    started, clock = datetime.now(UTC), time.perf_counter()
    records = []
    conversations: dict[str, list[dict]] = {}  # each conversation's turns so far, with the bot's own answers
    for done, case in enumerate(cases, start=1):
        if case.conversation:
            history = conversations.setdefault(case.conversation, [])
            record = evaluate_case(assistant, case, corpus_chunks, list(history))
            history += [{"role": "user", "content": case.question}, {"role": "assistant", "content": record["answer"]}]
            records.append(record)
        else:
            records.append(evaluate_case(assistant, case, corpus_chunks))
        if progress:
            progress(done, len(cases), case.id)
    unsupported = [
        f"ligne {c.line} ({c.id}) : citation de référence introuvable dans le corpus : « {q[:80]} »"
        for c in cases
        for q in c.gold_quotes
        if not gold_documents([q], corpus_chunks)
    ]
    metrics = {
        "split": split_name(set_path),
        "set": str(set_path),
        "started_at": started.isoformat(timespec="seconds"),
        "duration_s": round(time.perf_counter() - clock, 1),
        **compute_metrics(records),
        "problems": [str(p) for p in problems] + unsupported,
        "settings": assistant.settings.public(),
        "code": code_version(),
    }
    write_run(out_dir, metrics, records)
    write_report(out_dir)
    return metrics
