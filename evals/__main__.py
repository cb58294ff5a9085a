"""python -m evals run SET.jsonl [--set KEY=VALUE ...] --out DIR | compare RUN_A RUN_B | ragas RUN_DIR --out FILE"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m evals", description="Évaluer le chatbot sur un jeu de cas.")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="exécuter un jeu (JSONL) et écrire metrics.json, cases.jsonl, report.html")
    run.add_argument("set_path", type=Path)
    run.add_argument(
        "--set",
        dest="overrides",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="réglage à changer (champ de bot.settings.Settings), ex. retrieval_mode=dense",
    )
    run.add_argument("--out", type=Path, required=True, help="dossier du run")
    run.add_argument(
        "--corpus",
        type=Path,
        help="dossier d'un autre corpus (ex. evals/corpora/second) : son index est construit ou mis à jour dans "
        "evals/runs/indexes/<nom> puis le jeu y est exécuté",
    )
    compare = commands.add_parser("compare", help="différences entre deux runs")
    compare.add_argument("run_a", type=Path)
    compare.add_argument("run_b", type=Path)
    compare.add_argument("--all", action="store_true", help="aussi les chiffres par catégorie et par document")
    compare.add_argument("--json", action="store_true", help="sortie JSON")
    ragas = commands.add_parser("ragas", help="exporter un run aux noms de champs de ragas")
    ragas.add_argument("run_dir", type=Path)
    ragas.add_argument("--out", type=Path, required=True)
    return parser


def parse_overrides(pairs: list[str]) -> dict[str, str]:
    """`["k=5", "llm=openai:gpt@http://x"]` -> {"k": "5", "llm": "openai:gpt@http://x"}; Settings validates them."""
    from bot.settings import Settings

    overrides = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip()
        if not sep or key not in Settings.model_fields:
            raise SystemExit(f"--set {pair!r} : attendu CLE=VALEUR avec CLE parmi {', '.join(Settings.model_fields)}")
        overrides[key] = value
    return overrides


def _run(args) -> int:
    from pydantic import ValidationError
    from tqdm import tqdm

    from bot.settings import Settings
    from bot.store import IndexMissingError
    from evals.runner import REPORT, run_eval

    declared = declared_corpora(args.set_path)
    if args.corpus is None and len(declared) == 1 and None not in declared:
        args.corpus = Path(next(iter(declared)))  # the conversations say which corpus they are about
    wanted = (args.corpus or Path("corpus")).resolve()
    if any((Path(d) if d else Path("corpus")).resolve() != wanted for d in declared):
        named = ", ".join(sorted(d or "corpus" for d in declared))
        print(
            f"{args.set_path} : ses conversations portent sur {named} ; un seul corpus par fichier et par run "
            "(--corpus)",
            file=sys.stderr,
        )
        return 2
    try:
        overrides = parse_overrides(args.overrides)
        if args.corpus is not None:
            if not args.corpus.is_dir():
                print(f"corpus introuvable : {args.corpus}", file=sys.stderr)
                return 2
            overrides = {"corpus_dir": str(args.corpus), "index_dir": str(corpus_index_dir(args.corpus)), **overrides}
        settings = Settings(**overrides)
    except ValidationError as error:
        print(f"réglages invalides : {error}", file=sys.stderr)
        return 2
    if args.corpus is not None:
        report = index_corpus(settings)
        print(
            f"index de {args.corpus} : {report.documents} documents, {report.chunks} passages "
            f"({report.embedded} calculés) dans {settings.index_dir}",
            file=sys.stderr,
        )
    bars = []  # created on the first case, once the assistant is built and the total known

    def progress(done: int, total: int, case_id: str) -> None:
        if not bars:
            bars.append(tqdm(total=total, file=sys.stderr, unit="cas", desc=args.set_path.name))
        bars[0].set_postfix_str(case_id, refresh=False)
        bars[0].update(1)

    try:
        metrics = run_eval(settings, args.set_path, args.out, progress=progress)
    except (IndexMissingError, FileNotFoundError) as error:
        print(str(error), file=sys.stderr)
        return 2
    if bars:
        bars[0].close()
    for problem in metrics["problems"]:
        print(f"{args.set_path}: {problem}", file=sys.stderr)
    headline = {b: metrics[b] for b in ("retrieval", "answers", "safety", "latency_ms")}
    print(json.dumps({"split": metrics["split"], "cases": metrics["counts"]["cases"], **headline}, indent=2))
    print(f"rapport : {args.out / REPORT}", file=sys.stderr)
    return 0 if metrics["counts"]["cases"] else 1


def declared_corpora(set_path: Path) -> set[str | None]:
    """The corpora a set's conversations say they are about (their `corpus` field; None for the default corpus)."""
    found: set[str | None] = set()
    if not Path(set_path).is_file():
        return found
    for line in Path(set_path).read_text(encoding="utf-8").splitlines():
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue  # reported with the set's other problems
        if isinstance(record, dict) and "turns" in record:
            found.add(record.get("corpus") or None)
    return found


def corpus_index_dir(corpus: Path) -> Path:
    """Where the index of an eval corpus lives: evals/runs/indexes/<folder name> (git-ignored, reused)."""
    return Path(__file__).resolve().parent / "runs" / "indexes" / corpus.resolve().name


def index_corpus(settings):
    """Build or update (incrementally) the index of the settings' corpus; the IndexReport."""
    from bot.assistant import make_store
    from bot.embeddings import embeddings_for
    from bot.indexer import update_index

    store = make_store(settings, embeddings_for(settings))
    return update_index(settings, store)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "run":
        return _run(args)
    if args.command == "compare":
        from evals.compare import compare_runs, format_comparison

        comparison = compare_runs(args.run_a, args.run_b)
        print(
            json.dumps(comparison, ensure_ascii=False, indent=2)
            if args.json
            else format_comparison(comparison, args.all)
        )
        return 0
    from evals.ragas_export import export_ragas

    count = export_ragas(args.run_dir, args.out)
    print(f"{count} cas écrits dans {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
