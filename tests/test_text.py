from bot.text import detect_language, normalize, sentence_spans, stem, tokens


def test_normalize_folds_accents_apostrophes_hyphen_breaks_and_spaces():
    assert normalize("L’Isotrétinoïne  est contre-\nindiquée\u00a0!") == "l'isotretinoine est contreindiquee !"
    assert normalize("arth-\nrose") == "arthrose"
    assert normalize("fœtale") == "foetale"


def test_tokens_are_accent_insensitive_stemmed_and_without_stop_words():
    assert tokens("Les risques de l'isotrétinoïne") == tokens("risque isotretinoine")
    assert "les" not in tokens("les risques") and "de" not in tokens("risques de grossesse")
    assert stem("grossesses") == stem("grossesse")
    assert tokens("injections") == tokens("injection")


def test_detect_language_defaults_to_french_and_sees_english():
    assert detect_language("What are the risks of isotretinoin during pregnancy?") == "en"
    assert detect_language("Quels sont les risques pendant la grossesse ?") == "fr"
    assert detect_language("c koi les risk de la mesotherapie") == "fr"
    assert detect_language("isotretinoine") == "fr"


def test_sentence_spans_cut_sentences_and_list_items():
    text = "Première phrase. Deuxième phrase ?\n- un élément de liste ;\nFin"
    pieces = [text[a:b] for a, b in sentence_spans(text)]
    assert pieces == ["Première phrase.", "Deuxième phrase ?", "un élément de liste ;", "Fin"]
