"""The CLI contract, run as other tools run it: `python -m bot ...` in a subprocess."""

import json
import os
import re
import subprocess
import sys

import pytest

from tests.conftest import CORPUS, PROJECT


def _run(args, settings=None, stdin: str | None = None, **env):
    environment = {**os.environ, "BOT_CORPUS_DIR": str(CORPUS), **env}
    if settings is not None:
        environment["BOT_INDEX_DIR"] = str(settings.index_dir)
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=PROJECT,
        env=environment,
        timeout=600,
    )


def test_search_json(settings):
    result = _run(["search", "risques de la mésothérapie", "--k", "3", "--json"], settings)
    assert result.returncode == 0, result.stderr
    results = json.loads(result.stdout)
    assert [r["rank"] for r in results] == [1, 2, 3]
    assert set(results[0]) == {"rank", "chunk_id", "source", "title", "section", "page", "text", "score"}
    assert results[0]["source"] == "ansm-fiche-patient-mesotherapie.txt"
    assert results[0]["score"] >= results[1]["score"] >= results[2]["score"]


def test_ask_json(settings):
    result = _run(["ask", "Qui peut prescrire l'isotrétinoïne pour la première fois ?", "--json"], settings)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert set(answer) == {"question", "answer", "status", "citations", "latency_ms"}
    assert answer["status"] == "answered"
    assert "dermatologues" in answer["answer"]
    citation_fields = {"n", "chunk_id", "source", "title", "section", "page", "excerpt"}
    assert all(set(c) == citation_fields for c in answer["citations"])
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", answer["answer"])}
    assert markers and markers <= {c["n"] for c in answer["citations"]}


def test_batch_forms_load_the_models_once_and_answer_every_line(settings):
    lines = [
        {"id": "a", "question": "Quels sont les risques de l'isotrétinoïne ?"},
        {
            "id": "b",
            "question": "et pendant la grossesse ?",
            "history": [
                {"role": "user", "content": "Quels sont les risques de l'isotrétinoïne ?"},
                {"role": "assistant", "content": "Des troubles psychiatriques."},
            ],
        },
    ]
    stdin = "\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n"
    asked = _run(["ask", "--jsonl"], settings, stdin)
    assert asked.returncode == 0, asked.stderr
    out = [json.loads(line) for line in asked.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", "b"]
    assert {"question", "answer", "status", "citations", "latency_ms"} <= set(out[1])
    assert "grossesse" in out[1]["answer"]

    searched = _run(["search", "--jsonl", "--k", "2"], settings, stdin)
    assert searched.returncode == 0, searched.stderr
    out = [json.loads(line) for line in searched.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", "b"] and all(len(o["results"]) == 2 for o in out)


def test_missing_index_is_one_line_on_stderr_and_non_zero(tmp_path):
    result = _run(["ask", "Quels sont les risques ?", "--json"], BOT_INDEX_DIR=str(tmp_path / "nothing"))
    assert result.returncode != 0
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and "python -m bot index" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["search"],
        ["ask", "question", "--jsonl"],
        ["search", "q", "--k", "zéro"],
        ["frobnicate"],
        ["search", "q", "--k", "0"],
    ],
)
def test_bad_arguments_are_one_line_on_stderr_and_non_zero(settings, args):
    result = _run(args, settings)
    assert result.returncode != 0
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_index_command_builds_then_updates_incrementally(tmp_path):
    first = _run(["index"], BOT_INDEX_DIR=str(tmp_path))
    assert first.returncode == 0, first.stderr
    assert "3 documents" in first.stdout
    again = _run(["index"], BOT_INDEX_DIR=str(tmp_path))
    assert again.returncode == 0 and "0 calculés" in again.stdout and "3 documents inchangés" in again.stdout
