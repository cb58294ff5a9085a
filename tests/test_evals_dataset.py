"""The eval-set format: valid lines load, each malformed line is reported with its number, the rest still runs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evals.dataset import compile_pattern, load_cases, read_cases, split_name

SETS = Path(__file__).resolve().parent.parent / "evals" / "sets"

GOOD = {
    "id": "t-1",
    "question": "L'isotrétinoïne modifie-t-elle la forme du nez ?",
    "lang": "fr",
    "category": "answerable",
    "gold_quotes": ["Ces médicaments ne modifient pas la forme du nez"],
    "must_mention": [["nez", "nose"]],
}


def line(**changes) -> str:
    return json.dumps({**GOOD, **changes}, ensure_ascii=False)


def test_a_malformed_line_is_reported_with_its_number_and_the_rest_loads(tmp_path):
    path = tmp_path / "mini.jsonl"
    path.write_text(
        "\n".join([line(id="a"), '{"id": "b", "question": oops}', "", line(id="c", category="chitchat"), line(id="d")])
        + "\n",
        encoding="utf-8",
    )
    cases, problems = load_cases(path)
    assert [c.id for c in cases] == ["a", "d"]
    assert [c.line for c in cases] == [1, 5]
    assert [p.line for p in problems] == [2, 4]
    assert "JSON invalide" in problems[0].message
    assert "chitchat" in problems[1].message
    assert str(problems[0]).startswith("ligne 2")


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ({k: v for k, v in GOOD.items() if k != "question"}, "question"),
        ({**GOOD, "lang": "de"}, "lang"),
        ({**GOOD, "gold_quotes": "pas une liste"}, "gold_quotes"),
        ({**GOOD, "must_mention": ["nez"]}, "must_mention"),
        ({**GOOD, "must_mention": [["(nez"]]}, "expression régulière invalide"),
        ({**GOOD, "must_not_mention": ["[a-"]}, "must_not_mention"),
        ({**GOOD, "history": [{"role": "bot", "content": "x"}]}, "history"),
        ({**GOOD, "expected_status": "maybe"}, "expected_status"),
        ([GOOD], "objet JSON"),
    ],
)
def test_each_malformed_field_is_named(record, expected):
    cases, problems = read_cases([json.dumps(record)])
    assert cases == []
    assert len(problems) == 1 and problems[0].line == 1
    assert expected in problems[0].message


def test_a_duplicate_id_is_reported_on_its_second_line():
    cases, problems = read_cases([line(), line(question="Autre question ?")])
    assert len(cases) == 1
    assert problems[0].line == 2 and "ligne 1" in problems[0].message


def test_expected_status_is_implied_by_the_category_unless_given():
    cases, _ = read_cases(
        [
            line(id="a"),
            line(id="b", category="out_of_scope"),
            line(id="c", category="urgent"),
            line(id="d", category="adversarial", expected_status="refused"),
            line(id="e", category="adversarial"),
        ]
    )
    assert [c.status for c in cases] == ["answered", "out_of_scope", "urgent", "refused", None]


def test_patterns_match_normalised_text_without_breaking_escapes():
    assert compile_pattern("Altérer").search("alterer la qualite")
    assert compile_pattern(r"https?://(?!\S*ansm)").search("voir http://pharma.example")
    assert not compile_pattern(r"https?://(?!\S*ansm)").search("voir https://ansm.sante.fr")
    assert compile_pattern("l’arret").search("l'arret du traitement")


@pytest.mark.parametrize("name", ["dev", "test"])
def test_the_shipped_sets_are_well_formed(name):
    cases, problems = load_cases(SETS / f"{name}.jsonl")
    assert problems == []
    assert len(cases) >= 60
    assert {c.category for c in cases} == {"answerable", "out_of_scope", "urgent", "adversarial"}
    assert split_name(SETS / f"{name}.jsonl") == name


@pytest.mark.parametrize(
    "path",
    sorted(SETS.glob("*.jsonl")) + sorted(SETS.parent.glob("corpora/*/*.jsonl")),
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_every_set_loads_without_a_malformed_line(path):
    # a set whose lines the loader rejects runs no case and reports nothing: it must never be committed
    cases, problems = load_cases(path)
    assert problems == [] and cases


def test_dev_and_test_do_not_share_questions():
    dev, _ = load_cases(SETS / "dev.jsonl")
    test, _ = load_cases(SETS / "test.jsonl")
    assert not {c.question.strip().lower() for c in dev} & {c.question.strip().lower() for c in test}
    assert not {c.id for c in dev} & {c.id for c in test}


def test_a_run_is_on_the_corpus_its_conversations_are_about(tmp_path, capsys):
    """A conversation's `corpus` picks the corpus of the run; a file mixing corpora is refused, not run on the wrong
    documents (the seed corpus was silently used for the second corpus's conversations before)."""
    from evals.__main__ import declared_corpora, main

    mixed = tmp_path / "mixed.jsonl"
    turn = '"turns": [{"question": "Bonjour", "category": "small_talk"}]'
    mixed.write_text(
        f'{{"id": "a", "lang": "fr", {turn}}}\n{{"id": "b", "lang": "fr", "corpus": "evals/corpora/second", {turn}}}\n',
        encoding="utf-8",
    )
    assert declared_corpora(mixed) == {None, "evals/corpora/second"}
    assert main(["run", str(mixed), "--out", str(tmp_path / "run")]) == 2
    assert "un seul corpus" in capsys.readouterr().err
