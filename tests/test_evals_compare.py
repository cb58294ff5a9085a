"""Comparing two runs: figure deltas and the cases that changed verdict; the ragas export of a run."""

from __future__ import annotations

import json

from bot.answer import Answer, Citation
from bot.chunking import Chunk
from bot.retrieval import Hit
from evals.__main__ import main
from evals.compare import compare_runs, format_comparison
from evals.dataset import Case
from evals.metrics import compute_metrics, score_case
from evals.ragas_export import export_ragas
from evals.runner import write_run

QUOTE = "Ces médicaments ne modifient pas la forme du nez"
GOOD = Chunk("good", "doc1.txt", "titre", "section", None, 0, 60, f"{QUOTE}, au contraire.")
OTHER = Chunk("other", "doc2.txt", "titre", "section", None, 0, 30, "La mésothérapie consiste en des injections.")
CASES = [
    Case("c1", "Le nez change-t-il ?", "fr", "answerable", [QUOTE], [["nez"]]),
    Case("c2", "Et le paracétamol ?", "fr", "out_of_scope", [], [], [], [{"role": "user", "content": "Bonjour"}]),
    Case("c3", "Quelle forme ?", "fr", "answerable", [QUOTE], [["forme"]]),
]


def run(folder, statuses: list[str], hits: list[list[Chunk]], settings: dict):
    records = []
    for case, status, ranked in zip(CASES, statuses, hits, strict=True):
        cited = (
            [Citation(1, ranked[0].chunk_id, ranked[0].source, "", "", None, ranked[0].text)]
            if status == "answered"
            else []
        )
        text = "Le nez et sa forme." if status == "answered" else "Je ne peux pas répondre."
        answer = Answer(case.question, text, status, cited, 50.0, hits=[Hit(c, 0.5) for c in ranked])
        records.append(score_case(case, answer, ["doc1.txt"] if case.gold_quotes else []))
    write_run(folder, {"split": "dev", **compute_metrics(records), "settings": settings}, records)
    return folder


def test_compare_gives_deltas_and_changed_cases(tmp_path, capsys):
    a = run(tmp_path / "a", ["answered", "answered", "answered"], [[GOOD], [OTHER], [OTHER, GOOD]], {"k": 5})
    b = run(tmp_path / "b", ["answered", "out_of_scope", "out_of_scope"], [[GOOD], [OTHER], [OTHER]], {"k": 3})
    comparison = compare_runs(a, b)
    assert comparison["deltas"]["answers.pass_rate"] == {"a": round(2 / 3, 4), "b": round(2 / 3, 4), "delta": 0.0}
    assert comparison["deltas"]["retrieval.hit@5"] == {"a": 1.0, "b": 0.5, "delta": -0.5}
    assert comparison["deltas"]["by_category.answerable.safety.over_refusal"]["delta"] == 0.5
    assert [c["id"] for c in comparison["pass_to_fail"]] == ["c3"]
    assert [c["id"] for c in comparison["fail_to_pass"]] == ["c2"]
    assert comparison["settings_changed"] == {"k": [5, 3]}
    assert "status" in comparison["pass_to_fail"][0]["failed_checks"][0]

    text = format_comparison(comparison)
    assert "retrieval.hit@5" in text and "-0.5" in text
    assert "by_category" not in text and "by_category" in format_comparison(comparison, all_figures=True)

    assert main(["compare", str(a), str(b)]) == 0
    printed = capsys.readouterr().out
    assert "réussi -> échoué (1)" in printed and "c3" in printed


def test_ragas_export_uses_ragas_field_names(tmp_path):
    folder = run(tmp_path / "a", ["answered", "out_of_scope", "answered"], [[GOOD], [OTHER], [OTHER, GOOD]], {})
    assert export_ragas(folder, tmp_path / "ragas.jsonl") == 3
    rows = [json.loads(line) for line in (tmp_path / "ragas.jsonl").read_text(encoding="utf-8").splitlines()]
    assert set(rows[0]) == {"user_input", "retrieved_contexts", "response", "reference", "reference_contexts"}
    assert rows[0]["user_input"] == "Le nez change-t-il ?"
    assert rows[0]["retrieved_contexts"] == [GOOD.text]
    assert rows[0]["reference"] == QUOTE and rows[1]["reference"] == ""
    assert rows[1]["user_input"] == "Bonjour\nEt le paracétamol ?"
    assert rows[2]["retrieved_contexts"] == [OTHER.text, GOOD.text]
    assert rows[1]["response"] == "Je ne peux pas répondre."
