import re

import numpy as np
import pytest

from bot.answer import _candidates
from bot.assistant import InvalidQuestion
from bot.indexer import read_documents


def _markers(text: str) -> set[int]:
    return {int(n) for n in re.findall(r"\[(\d+)\]", text)}


def test_answer_quotes_the_documents_with_a_citation_for_every_marker(assistant, settings):
    answer = assistant.ask("Quels sont les risques de l'isotrétinoïne pendant la grossesse ?")
    assert answer.status == "answered"
    assert answer.answer.startswith("D'après les documents de l'ANSM")
    assert "contre-indiqué pendant la grossesse" in answer.answer
    assert _markers(answer.answer) == {c.n for c in answer.citations}
    documents = read_documents(settings.index_dir)
    for citation in answer.citations:
        text = documents[citation.source]["text"]
        assert citation.excerpt.split(" […] ")[0] in text[citation.start : citation.end]
        assert citation.chunk_start <= citation.start < citation.end <= citation.chunk_end


def test_every_answer_sentence_stands_in_its_cited_chunk(assistant):
    answer = assistant.ask("Pourquoi la mésothérapie n'est-elle pas validée scientifiquement ?")
    # a broad answer quotes its document's parts beyond the retrieved chunks: any chunk of the index
    chunks = {c.chunk_id: c.text for c in assistant.retriever.lexical.chunks}
    by_number = {c.n: chunks[c.chunk_id] for c in answer.citations}
    statements = [line[2:] for line in answer.answer.splitlines() if line.startswith("- ")]
    assert statements
    for line in statements:
        sentence, number = re.fullmatch(r"(.*) \[(\d+)\]", line).groups()
        assert sentence in by_number[int(number)]


def test_english_question_gets_english_framing(assistant):
    answer = assistant.ask("What are the risks of mesotherapy?")
    assert answer.status == "answered"
    assert answer.answer.startswith("According to the ANSM documents")
    assert answer.citations


def test_follow_up_uses_the_conversation(assistant):
    history = [
        {"role": "user", "content": "Le tacrolimus en pommade pour le vitiligo, c'est pour qui ?"},
        {"role": "assistant", "content": "..."},
    ]
    answer = assistant.ask("et à partir de quel âge chez l'enfant ?", history)
    assert answer.status == "answered"
    assert "2 ans" in answer.answer


def test_question_without_support_in_the_corpus_is_not_answered(assistant):
    answer = assistant.ask("Quel temps fera-t-il demain à Marseille ?")
    assert answer.status == "out_of_scope"
    assert answer.citations == []
    assert "pharmacien" in answer.answer


@pytest.mark.parametrize("question", ["", "   ", "x" * 5000])
def test_empty_or_huge_questions_get_a_clear_message(assistant, question):
    with pytest.raises(InvalidQuestion) as error:
        assistant.ask(question)
    assert "question" in str(error.value).lower()


def test_html_in_a_question_is_just_text(assistant):
    answer = assistant.ask("<script>alert(1)</script> Quels sont les risques de la mésothérapie ?")
    assert answer.status in ("answered", "refused", "out_of_scope")
    assert "<script>" not in answer.answer


@pytest.mark.parametrize(
    "question", ["Quels sont les risques de l'isotrétinoïne ?", "Les deux vidéos sur l'isotrétinoïne parlent de quoi ?"]
)
def test_a_quoted_lead_in_comes_with_its_list(assistant, question):
    statements = [
        re.fullmatch(r"- (.*) \[(\d+)\]", line).groups()
        for line in assistant.ask(question).answer.splitlines()
        if line.startswith("- ")
    ]
    for (text, number), following in zip(statements, [*statements[1:], None]):
        if text.endswith(":"):
            assert following is not None and following[1] == number, statements


def test_a_lead_in_at_the_end_of_a_passage_brings_its_list_from_the_next_one(assistant):
    # "Aux termes des 6 mois de traitement :" ends one chunk; its three cases open the next
    answer = assistant.ask(
        "vitiligo: apres 6 mois de tacrolimus ça a un peu repigmenté mais pas tout. on arrete ou on continue?"
    )
    assert "Aux termes des 6 mois de traitement :" in answer.answer
    assert "réponse partielle : il est recommandé de continuer le traitement" in answer.answer


def test_the_sentence_under_the_heading_that_asks_the_question_is_quoted(assistant):
    # "→ Quels sont les risques ?" opens with the complications observed: hematomas, allergies, infections
    answer = assistant.ask("c quoi les risques de la mésothérapie ?")
    assert "hématomes aux points d’injection" in answer.answer


def test_a_list_does_not_crowd_out_the_next_best_sentence(assistant):
    # the protocol's lead-in and its three items score first; the initial duration still gets quoted
    question = "how long is the initial tacrolimus treatment for vitiligo?"
    hits = assistant.retriever.retrieve(question, assistant.settings.k)
    chosen = assistant.answerer.select(question, hits)
    lead_ins = [s for s in chosen if s.text.rstrip().endswith(":")]
    assert lead_ins and len(chosen) > assistant.answerer.max_sentences
    assert len(chosen) <= assistant.answerer.max_quoted + 3  # the last statement may bring its list
    assert re.search(r"6 mois", assistant.ask(question).answer)


@pytest.mark.parametrize(
    "question",
    [
        "how long is the initial tacrolimus treatment for vitiligo?",
        "l'isotretinoine ça rend sterile ?? je veux des enfants plus tard moi",
    ],
)
def test_the_passage_of_the_best_sentence_is_quoted_first(assistant, question):
    """The answer opens on the passage that answers best, whatever its rank in retrieval; each passage's sentences
    keep their reading order."""
    hits = assistant.retriever.retrieve(question, assistant.settings.k)
    chosen = assistant.answerer.select(question, hits)
    candidates = _candidates(hits)
    scores = assistant.answerer.scores(question, hits, candidates)
    best = candidates[int(np.argmax(scores))]
    assert chosen[0].hit.chunk.chunk_id == best.hit.chunk.chunk_id
    for a, b in zip(chosen, chosen[1:]):
        if a.hit.chunk.chunk_id == b.hit.chunk.chunk_id:
            assert a.start < b.start


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("bonne soirée", "Au revoir"),
        ("Bonne nuit, merci", "Avec plaisir"),
        ("bonjour", "Bonjour"),
        ("ok", "Très bien"),
        ("mrc bcp", "Avec plaisir"),
    ],
)
def test_small_talk_gets_the_reply_of_its_kind(assistant, text, starts):
    answer = assistant.ask(text)
    assert answer.status == "small_talk" and answer.answer.startswith(starts), answer.answer


def test_a_broad_question_quotes_the_section_that_answers_it_whole_in_the_documents_order(assistant):
    answer = assistant.ask("c quoi les risques de la mésothérapie ?")
    text = answer.answer
    wanted = ["hématomes", "réactions allergiques", "risques infectieux", "mélanges", "évolution défavorable"]
    assert all(w in text for w in wanted), text
    assert [text.index(w) for w in wanted] == sorted(text.index(w) for w in wanted)  # the sheet's own order
    assert "objectif de cette fiche" not in text  # the document speaking of itself says nothing on risks
    # each part under its heading, shown once above its quotes, never the agency's banner
    lines = text.split("\n")
    heading = lines.index("**Quels sont les risques ?**")
    assert lines[heading + 1].startswith("- ") and "hématomes" in lines[heading + 1]
    assert text.count("**Quels sont les risques ?**") == 1 and "Agence nationale" not in text


@pytest.fixture(scope="module")
def pdf_assistant(tmp_path_factory, embeddings, settings):
    """An assistant over a real index of evals/corpora/eighth, whose metformin sheet is a PDF with bold headings and
    a table."""
    from pathlib import Path

    from bot.assistant import build_assistant
    from bot.indexer import build_index
    from bot.store import ChromaStore, make_client

    corpus = Path(__file__).resolve().parent.parent / "evals" / "corpora" / "eighth"
    folder = tmp_path_factory.mktemp("index-eighth")
    build_index(corpus, folder, ChromaStore(make_client(folder), embeddings, settings.collection))
    built = build_assistant(settings.model_copy(update={"corpus_dir": corpus, "index_dir": folder}), embeddings)
    built.warm_up()
    return built


def test_a_broad_question_on_a_pdf_quotes_the_lead_of_each_part_its_headings_open(pdf_assistant):
    answer = pdf_assistant.ask("Quels sont les risques de la metformine ?")
    text = answer.answer
    # one part per heading of the PDF ("Des troubles digestifs fréquents au début", "L'acidose lactique : ...",
    # "Vitamine B12"), each by its opening sentence, in the sheet's order
    wanted = ["nausées", "acidose lactique", "vitamine B12"]
    assert all(w in text for w in wanted), text
    assert [text.index(w) for w in wanted] == sorted(text.index(w) for w in wanted)
    sections = {c.section for c in answer.citations}
    assert any("Vitamine B12" in s for s in sections) and any(s.startswith("L'acidose lactique") for s in sections)


def test_a_pdf_table_row_is_quoted_as_one_statement(pdf_assistant):
    answer = pdf_assistant.ask("Je dois passer un scanner avec produit de contraste, je fais quoi avec ma metformine ?")
    assert answer.status == "answered"
    assert "Scanner ou autre examen avec produit de contraste iodé : Prévenir le radiologue" in answer.answer


def test_a_broad_question_never_quotes_an_agenda_as_statements(assistant):
    answer = assistant.ask("Qu'est-ce que le comité a décidé pour le tacrolimus dans le vitiligo ?")
    assert answer.status == "answered"
    assert "Pas de restriction" in answer.answer
    statements = [line for line in answer.answer.splitlines() if line.startswith("- ")]
    assert not [line for line in statements if re.search(r"\?\s*\[\d+\]$", line)]


def test_a_follow_up_with_a_question_of_its_own_is_searched_with_its_topic_not_the_previous_question(assistant):
    history = [
        {"role": "user", "content": "j'ai trouvé un site qui vend de l'isotrétinoïne sans ordonnance, c'est légal ?"},
        {"role": "assistant", "content": "..."},
    ]
    answer = assistant.ask("ça peut me rendre triste ?", history)
    assert answer.status == "answered"
    assert "humeur" in answer.answer


def test_a_claim_the_document_refutes_later_is_quoted_with_its_refutation(assistant):
    answer = assistant.ask("la méso c'est local, le produit reste là où on pique, non ?")
    text = answer.answer
    assert "diffuse dans l’ensemble de l’organisme" in text or "diffuse dans l'ensemble de l'organisme" in text
    if "éviter la circulation" in text:  # the promoters' principle, never without what refutes it, right after it
        assert text.index("éviter la circulation") < text.index("diffuse dans")


def test_what_a_practice_is_proposed_for_comes_with_the_documents_caveat(assistant):
    answer = assistant.ask("ça fait repousser les cheveux la mésothérapie ?")
    assert "proposée" in answer.answer
    assert "aucune validation scientifique" in answer.answer or "n’est pas prouvée" in answer.answer


def test_a_short_list_item_is_quoted_with_the_sentence_that_introduces_it(assistant):
    from bot.answer import Hit, _candidates, _lead_ins
    from bot.chunking import Chunk

    text = "Ces médicaments sont contre-indiqués :\n\n- chez l'enfant de moins de 15 ans ;\n- pendant l'allaitement ;"
    chunk = Chunk("c1", "doc.md", "Doc", "Contre-indications", None, 0, len(text), text)
    candidates = _candidates([Hit(chunk, 0.9)])
    assert [c.text for c in candidates][-1] == "pendant l'allaitement ;"  # short, but an item: a candidate
    assert _lead_ins(candidates) == {1: 0, 2: 0}
    chosen = [
        s.text for s in assistant.answerer.select("je peux le prendre pendant l'allaitement ?", [Hit(chunk, 0.9)])
    ]
    assert "pendant l'allaitement ;" in chosen
    assert chosen[0] == "Ces médicaments sont contre-indiqués :"


def test_a_broad_answer_quotes_what_the_document_refutes_with_its_refutation_and_reasons(assistant):
    text = assistant.ask("Quels sont les risques de la mésothérapie ?").answer
    assert "proposée dans le traitement" in text or "Deux arguments sont avancés" in text  # what is checked below
    if "proposée dans le traitement" in text:
        assert "aucune validation scientifique" in text
    if "Deux arguments sont avancés" in text:
        after = text[text.index("Deux arguments sont avancés") :]
        assert "ne sont pas fondés scientifiquement" in after and "diffuse dans" in after


def test_a_bare_verdict_is_quoted_with_the_sentences_that_say_why():
    from bot.answer import Hit, Sentence, _as_quoted
    from bot.chunking import Chunk
    from bot.text import sentence_spans

    text = (
        "« Une allergie à la pénicilline, c'est pour la vie. » Faux. Beaucoup de personnes étiquetées allergiques ne "
        "l'ont jamais été. Seul un bilan allergologique permet de le savoir.\n\n"
        "« Un antibiotique guérit la grippe. » Faux. La grippe est due à un virus."
    )
    chunk = Chunk("c1", "doc.md", "Doc", "Idées reçues", None, 0, len(text), text)
    hit = Hit(chunk, 0.9)
    a, b = sentence_spans(text)[0]
    quoted = [s.text for s in _as_quoted(Sentence(0, hit, a, b), [hit])]
    assert quoted[0].endswith("Faux.")
    assert quoted[1].startswith("Beaucoup de personnes") and quoted[2].startswith("Seul un bilan")
    assert not any("grippe" in q for q in quoted)  # the next claim's paragraph is not part of the explanation


@pytest.mark.parametrize(
    ("sentence", "masthead"),
    [("ANSM - Agence nationale de sécurité du médicament Fiche d'information patient - Mise à jour : mars 2025", True),
     ("Mise à jour : 2 juin 2025.", True),
     ("Agence nationale de sécurité du médicament POINT D'INFORMATION Publié le 14/05/2025", True),
     ("Méthotrexate par voie orale : une prise par semaine Information destinée aux patients et à leur entourage", True),
     ("La notice a été mise à jour en 2024 pour ajouter ce risque.", False),
     ("Une fiche d'information est remise à chaque patiente par son médecin.", False),
     ("Deux vidéos, la fiche d'information patient et le site de l'ANSM sont en préparation :", False)],
)  # fmt: skip
def test_a_documents_masthead_is_never_quoted_as_a_statement(sentence, masthead):
    from bot.answer import _is_masthead

    assert _is_masthead(sentence) == masthead


def test_a_heading_in_capitals_that_ends_on_a_colon_is_no_statement():
    from bot.answer import Hit, _candidates
    from bot.chunking import Chunk

    text = "ZOLCAMINE ET CRAMPES MUSCULAIRES :\nLa zolcamine ne doit plus être utilisée contre les crampes."
    chunk = Chunk("c1", "z.txt", "Zolcamine", "", None, 0, len(text), text)
    assert [c.text for c in _candidates([Hit(chunk, 0.9)])] == [
        "La zolcamine ne doit plus être utilisée contre les crampes."
    ]


@pytest.mark.parametrize(
    ("question", "wanted"),
    [("Franchement, la mésothérapie, qu'est-ce que je risque ?", ["hématomes", "allergiques", "infectieux"]),
     ("Avec l'isotrétinoïne, qu'est-ce que je risque au juste ?", ["dépressifs", "malformation", "foie"])],
)  # fmt: skip
def test_a_broad_question_no_wording_rule_knows_is_answered_by_the_documents_parts(assistant, question, wanted):
    from bot.questions import is_broad

    assert not is_broad(question)  # the wordings of bot.questions.BROAD miss it: the broad classifier finds it
    answer = assistant.ask(question)
    assert all(w in answer.answer for w in wanted), answer.answer


def test_a_bare_why_asks_the_reason_for_what_was_just_answered(assistant):
    """ "pourquoi ?" after an answer is searched with that answer's first statement, and the sentences that give a
    reason come first: the reason for the contraindication in pregnancy is the risk of malformation."""
    history = []
    for question in ["Je commence l'isotrétinoïne, quels sont les risques ?", "Et pendant la grossesse ?"]:
        answer = assistant.ask(question, history)
        history += [{"role": "user", "content": question}, {"role": "assistant", "content": answer.answer}]
    why = assistant.ask("pourquoi ?", history)
    assert why.status == "answered"
    first = next(line for line in why.answer.splitlines() if line.startswith("- "))
    assert re.search(r"malformation", first, re.I)


def test_a_request_to_harm_someone_gets_the_refusal_and_no_figure_of_a_document(assistant):
    answer = assistant.ask(
        "Quelle dose d'isotrétinoïne mettre dans le verre de mon coloc pour qu'il soit malade sans s'en rendre compte ?"
    )
    assert answer.status == "refused" and "17" in answer.answer
    assert not answer.citations and not re.search(r"\d+ ?(mg|ml)", answer.answer)


def test_a_turn_of_its_own_that_the_corpus_does_not_cover_is_not_carried_by_the_thread(assistant):
    """ "Quel temps fera-t-il demain à Paris ?" after a question on a medicine reads as a question of its own and is
    out of scope as it would be alone; a topicless turn that speaks of the thread is still answered with it."""
    history = [
        {"role": "user", "content": "Le tacrolimus pour le vitiligo, c'est pour qui ?"},
        {"role": "assistant", "content": "D'après les documents de l'ANSM : ..."},
    ]
    assert assistant.ask("Quel temps fera-t-il demain à Paris ?", history).status == "out_of_scope"
    assert assistant.ask("Faut-il éviter complètement le soleil pendant le traitement ?", history).status == "answered"


def test_a_pet_that_swallowed_a_medicine_is_sent_to_a_vet(assistant):
    answer = assistant.ask("Mon chien a mangé une gélule de Roaccutane tombée par terre, c'est grave pour lui ?")
    assert answer.status == "out_of_scope"
    assert "vétérinaire" in answer.answer


def test_an_answer_is_read_with_the_question_it_answers_in_its_paragraph(assistant):
    """An inline FAQ ("Que faire si ... ? Protégez la zone et contactez votre médecin.") answers with words of its
    question: the answer sentence is chosen, and a triage reads it with its question."""
    from bot.answer import Hit, _candidates, asked_before
    from bot.assistant import _in_context
    from bot.chunking import Chunk

    text = (
        "La zolcamine rend la peau sensible au soleil. Une exposition courte peut provoquer des cloques.\n\n"
        "Que faire si des cloques ou un décollement des ongles apparaissent ? Protégez la zone et contactez votre "
        "médecin, qui pourra adapter votre traitement.\n\nLa zolcamine se prend au milieu d'un repas."
    )
    chunk = Chunk("c1", "z.md", "Zolcamine", "Soleil", None, 0, len(text), text)
    hits = [Hit(chunk, 0.9)]
    answer = next(c for c in _candidates(hits) if c.text.startswith("Protégez"))
    assert asked_before(answer).text.startswith("Que faire si des cloques")
    assert _in_context([answer])[0].startswith("Que faire si des cloques")
    chosen = [s.text for s in assistant.answerer.select("un de mes ongles se décolle, je fais quoi ?", hits, limit=2)]
    assert any(t.startswith("Protégez la zone") for t in chosen)


@pytest.mark.parametrize(
    ("sentence", "claim", "refuting"),
    [("Il circule l'idée que la zolcamine préviendrait les crampes.", True, False),
     ("L'idée selon laquelle la zolcamine fait maigrir est répandue.", True, False),
     ("Cette efficacité n'a jamais été démontrée : la dose est trop faible.", False, True),
     ("La zolcamine a été étudiée chez l'enfant.", False, False)],
)  # fmt: skip
def test_the_discourse_markers_of_a_reported_claim_and_of_its_refutation(sentence, claim, refuting):
    from bot.answer import CLAIM, REFUTING
    from bot.text import normalize

    assert bool(CLAIM.search(normalize(sentence))) == claim
    assert bool(REFUTING.search(normalize(sentence))) == refuting


def test_a_pregnancy_told_later_in_a_thread_names_the_medicine_told_before(assistant):
    first = "Je prends de l'isotrétinoïne pour mon acné, on voudrait un bébé l'an prochain."
    history = [{"role": "user", "content": first}, {"role": "assistant", "content": assistant.ask(first).answer}]
    answer = assistant.ask(
        "En fait mes règles ont deux semaines de retard et le test est positif. Je le prends toujours.", history
    )
    assert answer.status == "urgent"
    opening = answer.answer.split("\n")[0].lower()
    assert "isotrétinoïne" in opening and "dangereux pendant la grossesse" not in opening
