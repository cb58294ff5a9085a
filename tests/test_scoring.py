"""The learned sentence scorer (bot.scoring): what it is loaded for, and what it scores."""

import json

import numpy as np

from bot.answer import _candidates
from bot.assistant import build_assistant
from bot.scoring import FEATURES, load_scorer, scorer_file


def test_the_shipped_scorer_is_for_the_default_model_and_the_current_features(settings):
    scorer = load_scorer(settings.embedding_model)
    assert scorer is not None
    assert scorer.weights.shape == (len(FEATURES),)
    assert scorer.margin > 0
    stored = json.loads(scorer_file().read_text(encoding="utf-8"))
    assert "held_out_corpora" in stored  # how it carries to a corpus it was not trained on


def test_a_scorer_is_not_used_with_another_model_or_other_features(tmp_path):
    data = json.loads(scorer_file().read_text(encoding="utf-8"))
    path = tmp_path / "scorer.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert load_scorer(data["embedding_model"], path) is not None
    assert load_scorer("another-model", path) is None
    data["features"] = data["features"][:-1]
    path.write_text(json.dumps(data), encoding="utf-8")
    assert load_scorer(data["embedding_model"], path) is None
    assert load_scorer(data["embedding_model"], tmp_path / "missing.json") is None


def test_every_candidate_sentence_gets_one_row_of_features(assistant):
    question = "Combien de temps dure la contraception après l'arrêt de l'isotrétinoïne ?"
    hits = assistant.retriever.retrieve(question, 5)
    candidates = _candidates(hits)
    features = assistant.answerer.features(question, hits, candidates)
    assert features.shape == (len(candidates), len(FEATURES))
    figures = FEATURES.index("figures_asked")
    # a duration is asked: the sentences holding a figure, and only they, are marked as such
    assert {bool(row[figures]) for row in features} == {True, False}
    for sentence, row in zip(candidates, features):
        assert bool(row[figures]) == any(ch.isdigit() for ch in sentence.text)


def test_the_setting_turns_the_learned_scorer_off(settings, embeddings):
    assert build_assistant(settings, embeddings).answerer.scorer is not None
    off = build_assistant(settings.model_copy(update={"sentence_scorer": False}), embeddings)
    assert off.answerer.scorer is None
    question = "La mésothérapie, c'est efficace ?"
    assert off.ask(question).status == "answered"  # the hand-set weights still answer


def test_the_scorer_ranks_by_its_weights(settings):
    scorer = load_scorer(settings.embedding_model)
    rows = np.zeros((2, len(FEATURES)))
    rows[0, FEATURES.index("dense")] = 0.9
    rows[1, FEATURES.index("dense")] = 0.7
    # more similar to the question, all else equal: ranked first
    assert scorer.scores(rows)[0] > scorer.scores(rows)[1]


def test_the_unpunctuated_line_a_document_opens_with_is_its_title_not_a_statement():
    from bot.chunking import Chunk
    from bot.retrieval import Hit

    text = (
        "Médicament X pour prévenir le paludisme : les risques et les précautions (ANSM, août 2026)\n\n"
        "Le médicament X est utilisé pour prévenir le paludisme chez les voyageurs."
    )
    first = Chunk("c1", "x.txt", "x", "x", None, 0, len(text), text)
    later = Chunk("c2", "x.txt", "x", "x", None, 500, 500 + len(text), text)
    assert [s.text[:12] for s in _candidates([Hit(first, 0.9)])] == ["Le médicamen"]
    assert len(_candidates([Hit(later, 0.9)])) == 2  # a line further in may be a statement the layout broke


def test_a_sentence_pointing_back_is_quoted_after_the_one_it_points_to():
    from bot.answer import _context_before
    from bot.chunking import Chunk
    from bot.retrieval import Hit

    text = (
        "Votre pharmacien vérifie que l'ordonnance indique le jour de prise choisi. Il peut inscrire ce jour sur la "
        "boîte du médicament. La dose dépend de la maladie traitée et de votre poids."
    )
    chunk = Chunk("c1", "m.txt", "m", "Prise", None, 100, 100 + len(text), text)
    sentences = _candidates([Hit(chunk, 0.9)])
    assert _context_before(sentences[1]).text.startswith("Votre pharmacien")
    assert _context_before(sentences[2]) is None  # "La dose dépend..." stands on its own


def test_a_short_unpunctuated_line_is_a_label_not_a_statement():
    from bot.chunking import Chunk
    from bot.retrieval import Hit

    text = (
        "Point sur les DPI et les situations de conflits d’intérêts et adoption de l’ordre du jour\n"
        "Le comité a adopté l'ordre du jour de la séance sans modification.\n"
        "- une prise par semaine, toujours le même jour\n"
    )
    chunk = Chunk("c1", "cr.txt", "cr", "Ordre du jour", None, 300, 300 + len(text), text)
    kept = [s.text for s in _candidates([Hit(chunk, 0.9)])]
    assert kept == [
        "Le comité a adopté l'ordre du jour de la séance sans modification.",
        "une prise par semaine, toujours le même jour",
    ]


def test_a_saying_in_quotes_is_quoted_only_with_the_verdict_and_reasons_that_follow_it():
    """A sheet's "idées reçues": « ... » then "FAUX. ..." The saying alone states the opposite of the document; it
    is quoted with the verdict and its reasons, or not at all."""
    from bot.answer import _as_quoted
    from bot.chunking import Chunk
    from bot.retrieval import Hit

    text = (
        "« Si je double la dose, je guérirai plus vite. »\nFAUX. Le corps n'absorbe qu'une quantité limitée. "
        "Doubler la dose augmente surtout les effets indésirables.\n\n« Un autre dicton sans réponse ici. »"
    )
    chunk = Chunk("c1", "x.txt", "x", "Idées reçues", None, 500, 500 + len(text), text)
    hits = [Hit(chunk, 0.9)]
    saying, *_, unanswered = _candidates(hits)
    assert saying.text.startswith("« Si je double")
    quoted = [s.text for s in _as_quoted(saying, hits)]
    assert quoted[1] == "FAUX."
    assert "Doubler la dose augmente surtout les effets indésirables." in quoted
    assert unanswered.text.startswith("« Un autre dicton") and _as_quoted(unanswered, hits) is None
