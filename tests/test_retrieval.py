from bot.retrieval import HybridRetriever, condense, is_follow_up


def _sources(hits):
    return [h.chunk.source for h in hits]


def test_french_question_finds_the_passage(assistant):
    hits = assistant.retriever.retrieve("Peut-on prendre de l'isotrétinoïne pendant la grossesse ?", 5)
    assert any("contre-indiqué pendant la grossesse" in h.chunk.text for h in hits[:3])
    assert hits == sorted(hits, key=lambda h: h.score, reverse=True)


def test_accents_and_typos_do_not_matter(assistant):
    with_accents = assistant.retriever.retrieve("mésothérapie risques infectieux", 3)
    without = assistant.retriever.retrieve("mesotherapie risques infectieux", 3)
    assert _sources(with_accents)[0] == _sources(without)[0] == "ansm-fiche-patient-mesotherapie.txt"


def test_english_question_works(assistant):
    hits = assistant.retriever.retrieve("From what age can children use tacrolimus ointment for vitiligo?", 5)
    assert any("à partir de 2 ans" in h.chunk.text for h in hits[:3])


def test_each_mode_alone_still_retrieves(assistant):
    for mode in ("dense", "lexical", "hybrid"):
        retriever = HybridRetriever(assistant.retriever.store, assistant.retriever.lexical, mode=mode)
        hits = retriever.retrieve("abcès à mycobactéries atypiques", 3)
        assert hits and hits[0].chunk.source == "ansm-fiche-patient-mesotherapie.txt", mode
        if mode == "dense":
            assert all(h.lexical_score is None for h in hits)
        if mode == "lexical":
            assert all(h.dense_score is None for h in hits)


def test_follow_up_questions_are_condensed_with_the_conversation():
    history = [
        {"role": "user", "content": "Quels sont les risques de l'isotrétinoïne ?"},
        {"role": "assistant", "content": "Des troubles psychiatriques..."},
    ]
    assert is_follow_up("et pendant la grossesse ?")
    assert not is_follow_up("Quels sont les risques de la mésothérapie pour la peau ?")
    assert (
        condense("et pendant la grossesse ?", history)
        == "Quels sont les risques de l'isotrétinoïne ? et pendant la grossesse ?"
    )
    standalone = "Quels sont les risques de la mésothérapie pour la peau ?"
    assert condense(standalone, history) == standalone
    assert condense("et pendant la grossesse ?", None) == "et pendant la grossesse ?"


def test_query_expansion_adds_the_documents_words():
    from bot.text import expansion_words

    assert expansion_words("des bleus après les piqûres ?") == ["hématomes", "injection"]
    assert expansion_words("hématomes après une injection") == []  # already the documents' words
    assert expansion_words("Quels risques pour le foie ?") == []


def test_lexical_retrieval_finds_a_patients_word_through_the_documents_word(assistant):
    store, lexical = assistant.retriever.store, assistant.retriever.lexical
    plain = HybridRetriever(store, lexical, mode="lexical", expand=False).retrieve("bleus", 3)
    expanded = HybridRetriever(store, lexical, mode="lexical", expand=True).retrieve("bleus", 3)
    assert not plain
    assert expanded and "hématome" in expanded[0].chunk.text.lower()


def test_score_fusion_lets_bm25_decide_only_where_the_dense_scores_are_close(assistant):
    store, lexical = assistant.retriever.store, assistant.retriever.lexical
    question = "Quels sont les risques infectieux de la mésothérapie ?"
    dense = HybridRetriever(store, lexical, mode="dense").retrieve(question, 5)
    fused = HybridRetriever(store, lexical, fusion="score", lexical_score_weight=0.015).retrieve(question, 5)
    assert fused == sorted(fused, key=lambda h: h.score, reverse=True)
    for hit in fused:  # the fused score is the cosine plus at most the lexical weight
        assert hit.dense_score is not None
        assert hit.dense_score <= hit.score <= hit.dense_score + 0.015 + 1e-9
    no_lexical = HybridRetriever(store, lexical, fusion="score", lexical_score_weight=0.0).retrieve(question, 5)
    assert [h.chunk.chunk_id for h in no_lexical] == [h.chunk.chunk_id for h in dense]


def test_a_turn_naming_another_topic_starts_a_new_thread():
    from bot.retrieval import condense
    from tests.conftest import seed_profile

    profile = seed_profile()
    history = [
        {"role": "user", "content": "Combien de temps dure le traitement par tacrolimus dans le vitiligo ?"},
        {"role": "assistant", "content": "..."},
        {"role": "user", "content": "et après 6 mois ?"},
        {"role": "assistant", "content": "..."},
        {"role": "user", "content": "merci"},
        {"role": "assistant", "content": "Avec plaisir !"},
    ]
    assert (
        condense("Et la mésothérapie, c'est efficace ?", history, 2, profile) == "Et la mésothérapie, c'est efficace ?"
    )
    # a follow-up is searched with the question that named the thread's topic, small talk left out
    follow = condense("et en entretien ?", history, 2, profile)
    assert follow.startswith("Combien de temps dure le traitement par tacrolimus") and "merci" not in follow
    assert follow.endswith("et après 6 mois ? et en entretien ?")


def test_a_switch_to_a_medicine_the_thread_never_named_is_a_new_thread_even_in_a_shared_document():
    from bot.profile import CorpusProfile, DocumentProfile
    from bot.retrieval import condense

    # the paracetamol sheet names ibuprofen too (do not mix them): still another topic when the patient turns to it
    profile = CorpusProfile(
        {
            "para.txt": DocumentProfile(
                "para.txt",
                "P",
                terms=["paracetamol", "doliprane", "ibuprofene"],
                medicines=["paracetamol", "doliprane", "ibuprofene"],
            ),
            "ains.txt": DocumentProfile("ains.txt", "A", terms=["ibuprofene", "varicelle"], medicines=["ibuprofene"]),
        }
    )
    history = [{"role": "user", "content": "Quelle est la dose maximale de paracétamol pour un adulte ?"}]
    varicella = "Et l'ibuprofène quand mon fils a la varicelle, c'est possible ?"
    assert condense(varicella, history, 2, profile) == varicella
    # a question that is nothing but the new name asks again what the previous one asked, of the new medicine
    assert condense("et l'ibuprofène alors ?", history, 2, profile) == (
        "Quelle est la dose maximale de ce médicament pour un adulte ? et l'ibuprofène alors ?"
    )
    assert condense("et pour un enfant ?", history, 2, profile).startswith("Quelle est la dose maximale de paracétamol")


def test_the_lexical_index_reads_its_saved_bm25_and_rebuilds_it_when_the_chunks_changed(tmp_path, index_dir):
    import json

    from bot.lexical import BM25_DIR, LexicalIndex

    built = LexicalIndex.load(index_dir / "lexical")
    built.save(tmp_path)
    assert (tmp_path / BM25_DIR).is_dir()
    loaded = LexicalIndex.load(tmp_path)
    assert loaded._retriever is not built._retriever
    question = "injections de mésothérapie et infections"
    assert [(c.chunk_id, round(s, 5)) for c, s in loaded.search(question, 5)] == [
        (c.chunk_id, round(s, 5)) for c, s in built.search(question, 5)
    ]

    # chunks.json replaced (as a replica pulls it from the server): the saved matrices no longer fit, it rebuilds
    records = json.loads((tmp_path / "chunks.json").read_text(encoding="utf-8"))
    (tmp_path / "chunks.json").write_text(json.dumps(records[1:], ensure_ascii=False), encoding="utf-8")
    rebuilt = LexicalIndex.load(tmp_path)
    assert len(rebuilt.chunks) == len(records) - 1
    assert all(c.chunk_id != records[0]["chunk_id"] for c, _ in rebuilt.search(question, 20))


def test_the_documents_a_question_names_come_first_by_the_named_boost(assistant):
    """A brand the embedding does not know still brings its own document: the passages of the documents named (from
    the profile) get `named_boost` more; with no boost, naming changes nothing."""
    store, lexical = assistant.retriever.store, assistant.retriever.lexical
    question = "Quels sont les risques pendant la grossesse ?"
    plain = HybridRetriever(store, lexical).retrieve(question, 20)
    other = next(h.chunk.source for h in plain if h.chunk.source != plain[0].chunk.source)  # not first on its own
    unboosted = HybridRetriever(store, lexical, named_boost=0.0).retrieve(question, 20, named=[other])
    assert [h.chunk.chunk_id for h in unboosted] == [h.chunk.chunk_id for h in plain]
    boosted = HybridRetriever(store, lexical, named_boost=0.02).retrieve(question, 20, named=[other])
    first = [h.chunk.source for h in boosted][:5]
    assert first.count(other) > [h.chunk.source for h in plain][:5].count(other)
    for hit in boosted:  # the boost moves passages, never their cosine, which the out-of-scope decision reads
        assert hit.dense_score is None or hit.score <= hit.dense_score + 0.015 + 0.02 + 1e-9


def test_a_follow_up_is_focused_on_the_thread_s_medicine_not_the_condition_it_is_for():
    """ "et pendant la grossesse ?" after "Je commence le Novatrexo pour une polyarthrite" is searched with the
    medicine; the condition's words, which every passage introducing the medicine shares, would drown it."""
    from bot.profile import build_profile
    from bot.retrieval import focused

    text = "Le Novatrexo est utilisé dans la polyarthrite. Le Novatrexo se prend une fois par semaine. " * 3
    other = "La Zolcamine soigne la migraine. La Zolcamine se prend au début de la crise. " * 3
    profile = build_profile(
        {"a.txt": {"title": "Novatrexo et polyarthrite", "text": text}, "b.txt": {"title": "Zolcamine", "text": other}}
    )
    history = [
        {"role": "user", "content": "Je commence le Novatrexo pour une polyarthrite. Je le prends combien de fois ?"},
        {"role": "assistant", "content": "..."},
    ]
    assert focused("et pendant la grossesse ?", history, profile) == "novatrexo et pendant la grossesse ?"
