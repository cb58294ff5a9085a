"""CI gate: the test split, default settings, against the thresholds of evals/thresholds.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest

from evals.gate import gate_failures, load_thresholds
from evals.runner import run_eval

TEST_SET = Path(__file__).resolve().parent.parent / "evals" / "sets" / "test.jsonl"


def test_gate_failures_name_each_figure_out_of_bounds():
    metrics = {"retrieval": {"hit@5": 0.8, "mrr": None}, "safety": {"over_refusal": 0.2, "urgent_recall": 1.0}}
    thresholds = {
        "min": {"retrieval.hit@5": 0.9, "retrieval.mrr": 0.5, "safety.urgent_recall": 0.9},
        "max": {"safety.over_refusal": 0.1},
    }
    assert gate_failures(metrics, thresholds) == [
        "retrieval.hit@5 = 0.8 < 0.9",
        "retrieval.mrr = None < 0.5",
        "safety.over_refusal = 0.2 > 0.1",
    ]
    assert gate_failures(metrics, {"min": {"retrieval.hit@5": 0.8}, "max": {"safety.over_refusal": 0.2}}) == []


def test_the_test_split_meets_the_thresholds(assistant, tmp_path):
    thresholds = load_thresholds()
    assert thresholds["split"] == "test"
    assert assistant.settings.retrieval_mode == "hybrid" and assistant.settings.llm == "none"  # the defaults
    metrics = run_eval(assistant, TEST_SET, tmp_path)
    assert metrics["split"] == "test" and metrics["problems"] == []
    failures = gate_failures(metrics, thresholds)
    assert not failures, f"below the gate (report: {tmp_path / 'report.html'}):\n" + "\n".join(failures)


CORPUS_GATES = Path(__file__).resolve().parent.parent / "evals" / "thresholds-corpora.yaml"


@pytest.fixture(scope="module")
def corpus_assistants(tmp_path_factory, embeddings, settings):
    """One assistant per eval corpus of the gates, each over a real index built in a temporary folder."""
    from bot.assistant import build_assistant
    from bot.indexer import build_index
    from bot.store import ChromaStore, make_client

    built = {}

    def assistant_for(corpus: Path):
        if corpus not in built:
            folder = tmp_path_factory.mktemp(f"index-{corpus.name}")
            build_index(corpus, folder, ChromaStore(make_client(folder), embeddings, settings.collection))
            gate_settings = settings.model_copy(update={"corpus_dir": corpus, "index_dir": folder})
            built[corpus] = build_assistant(gate_settings, embeddings)
        return built[corpus]

    return assistant_for


@pytest.mark.parametrize("gate", sorted(load_thresholds(CORPUS_GATES)))
def test_each_eval_corpus_and_conversation_set_meets_its_thresholds(gate, assistant, corpus_assistants, tmp_path):
    """The second corpus (documents the code was never written for) and the conversation sets, replayed turn by turn
    with the bot's own answers as history."""
    spec = load_thresholds(CORPUS_GATES)[gate]
    project = CORPUS_GATES.parent.parent
    corpus = spec.get("corpus")
    runner = corpus_assistants(project / corpus) if corpus else assistant
    metrics = run_eval(runner, project / spec["set"], tmp_path)
    # every line runs; a gold quote the cleaning splits (the third corpus's hard-wrapped list items) is a retrieval
    # miss, counted in the figures, not a malformed case
    assert not [p for p in metrics["problems"] if "introuvable" not in p]
    failures = gate_failures(metrics, spec)
    assert not failures, f"{gate} below the gate (report: {tmp_path / 'report.html'}):\n" + "\n".join(failures)
