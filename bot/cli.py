"""Command line: `python -m bot index | search | ask` (a contract other tools rely on)."""

from __future__ import annotations

import argparse
import json
import sys
import time

from bot.settings import Settings


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line on stderr, not a usage screen
        sys.stderr.write(f"erreur: {message} (voir python -m bot --help)\n")
        raise SystemExit(2)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m bot", description="Chatbot d'information patients sur les documents de l'ANSM.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    index = commands.add_parser("index", help="construire ou mettre à jour l'index")
    index.add_argument("--rebuild", action="store_true", help="tout reconstruire depuis zéro")
    for name, help_text in (("search", "chercher les passages"), ("ask", "poser une question")):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("question", nargs="?", help="la question (omise avec --jsonl)")
        command.add_argument("--json", action="store_true", help="sortie JSON")
        command.add_argument("--jsonl", action="store_true", help="lot: une question JSON par ligne sur l'entrée")
        if name == "search":
            command.add_argument("--k", type=int, default=None, help="nombre de passages")
    return parser


def _search_results(assistant, question: str, k: int) -> list[dict]:
    from bot.retrieval import condense

    hits = assistant.retriever.retrieve(condense(question, None), k)
    return [
        {
            "rank": rank,
            "chunk_id": h.chunk.chunk_id,
            "source": h.chunk.source,
            "title": h.chunk.title,
            "section": h.chunk.section,
            "page": h.chunk.page,
            "text": h.chunk.text,
            "score": round(h.score, 6),
        }
        for rank, h in enumerate(hits, start=1)
    ]


def _read_jsonl(stream) -> list[tuple[int, dict]]:
    cases = []
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            case = json.loads(line)
            if not isinstance(case, dict) or not isinstance(case.get("question"), str):
                raise ValueError("objet avec un champ 'question' attendu")
        except ValueError as error:
            raise SystemExit(f"erreur: ligne {number} de l'entrée invalide: {error}") from None
        cases.append((number, case))
    return cases


def _print(obj) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def _index(settings: Settings, rebuild: bool) -> int:
    from tqdm import tqdm

    from bot.assistant import make_store
    from bot.embeddings import embeddings_for
    from bot.indexer import update_index
    from bot.store import IndexMismatchError

    embeddings = embeddings_for(settings)
    try:
        store = make_store(settings, embeddings, replace=rebuild)
    except IndexMismatchError as error:
        sys.stderr.write(f"erreur: {error}\n")
        return 1
    bar = tqdm(total=0, unit="passage", desc="Indexation", file=sys.stderr)

    def progress(done: int, total: int, _label: str) -> None:
        bar.total = total
        bar.n = done
        bar.refresh()

    report = update_index(settings, store, rebuild=rebuild, progress=progress)
    bar.close()
    store_intent_vectors(settings, store)
    for name, reason in report.failures:
        sys.stderr.write(f"ignoré: {name}: {reason}\n")
    print(
        f"Index à jour: {report.documents} documents, {report.chunks} passages "
        f"({report.embedded} calculés, {report.deleted} supprimés, {report.unchanged_documents} documents inchangés) "
        f"en {report.seconds:.1f} s avec {store.model}."
    )
    return 0


def store_intent_vectors(settings, store) -> None:
    """Embed triage's example phrasings once, with the index, so a starting chat only reads them."""
    from pathlib import Path

    from bot.assistant import INTENT_VECTORS
    from bot.intents import IntentModel

    IntentModel(store.embeddings, cache=Path(settings.index_dir) / INTENT_VECTORS).warm_up()


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = Settings()
    except Exception as error:  # pydantic's message is long; one line is enough here
        sys.stderr.write(f"erreur: réglages invalides: {str(error).splitlines()[0]}\n")
        return 2
    if args.command == "index":
        return _index(settings, args.rebuild)
    if args.jsonl == bool(args.question):
        sys.stderr.write("erreur: donnez soit une QUESTION, soit --jsonl avec les questions sur l'entrée standard\n")
        return 2
    if args.command == "search" and args.k is not None and args.k < 1:
        sys.stderr.write("erreur: --k doit être un entier positif\n")
        return 2

    from bot.assistant import InvalidQuestion, build_assistant
    from bot.store import IndexMismatchError, IndexMissingError

    try:
        assistant = build_assistant(settings)
    except (IndexMissingError, IndexMismatchError) as error:
        sys.stderr.write(f"erreur: {error}\n")
        return 1
    k = args.k if args.command == "search" and args.k else settings.k

    def run(question: str, history=None) -> dict:
        if args.command == "search":
            started = time.perf_counter()
            results = _search_results(assistant, assistant.check(question), k)
            return {"results": results, "latency_ms": round((time.perf_counter() - started) * 1000, 1)}
        return assistant.ask(question, history).to_json()

    if args.jsonl:
        for _, case in _read_jsonl(sys.stdin):
            try:
                result = run(case["question"], case.get("history"))
            except InvalidQuestion as error:
                result = {"error": str(error)}
            if args.command == "search":
                _print(
                    {
                        "id": case.get("id"),
                        "results": result.get("results", []),
                        **({"error": result["error"]} if "error" in result else {}),
                    }
                )
            else:
                _print({"id": case.get("id"), **result})
        return 0
    try:
        result = run(args.question)
    except InvalidQuestion as error:
        sys.stderr.write(f"erreur: {error}\n")
        return 2
    if args.command == "search":
        result = result["results"]
        if args.json:
            _print(result)
        else:
            for r in result:
                print(f"{r['rank']}. [{r['score']:.4f}] {r['title']} — {r['section']}\n   {r['text'][:200]}")
    elif args.json:
        _print(result)
    else:
        print(result["answer"])
        for c in result["citations"]:
            print(f"[{c['n']}] {c['title']} — {c['section']}" + (f", p. {c['page']}" if c["page"] else ""))
    return 0
