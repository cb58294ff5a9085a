from bot.cleaning import PAGE_BREAK, clean
from tests.conftest import CORPUS


def test_hyphenated_line_breaks_are_joined_and_lines_rewrapped():
    cleaned = clean("La mésothérapie est proposée dans le traitement de la douleur (arth-\nrose, douleurs\nlombaires).")
    assert (
        cleaned.text == "La mésothérapie est proposée dans le traitement de la douleur (arthrose, douleurs lombaires)."
    )
    assert [b.kind for b in cleaned.blocks] == ["paragraph"]


def test_headings_bullets_and_paragraphs_are_kept_apart():
    raw = (
        "→ Quels sont les risques ?\n"
        "Les complications observées prennent la forme d’hématomes.\n\n"
        "Autres noms :\n\n"
        " mésolift ;\n"
        " mésodrain.\n\n"
        "- **Le risque de troubles psychiatriques**\n\n"
        "- Des symptômes dépressifs ont pu être constatés.\n"
    )
    blocks = clean(raw).blocks
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "Quels sont les risques ?"),
        ("paragraph", "Les complications observées prennent la forme d’hématomes."),
        ("paragraph", "Autres noms :"),
        ("item", "mésolift ;"),
        ("item", "mésodrain."),
        ("heading", "Le risque de troubles psychiatriques"),
        ("item", "Des symptômes dépressifs ont pu être constatés."),
    ]


def test_sentence_split_by_a_blank_line_is_joined():
    blocks = clean("La durée initiale est de 6 mois. Aux termes des\n\n6 mois de traitement :\n").blocks
    assert [b.text for b in blocks] == ["La durée initiale est de 6 mois. Aux termes des 6 mois de traitement :"]


def test_page_furniture_is_dropped_and_pages_are_numbered():
    pages = [f"ANSM - Compte rendu\nTexte de la page {n}.\n{n}" for n in range(1, 5)]
    cleaned = clean(PAGE_BREAK.join(pages))
    assert "ANSM - Compte rendu" not in cleaned.text  # running header on every page
    assert [b.page for b in cleaned.blocks] == [1, 2, 3, 4]
    assert all(not b.text.isdigit() for b in cleaned.blocks)  # page numbers
    assert "[Lire aussi" not in clean("Texte utile ici.\n\n[Lire aussi notre dossier dédié](#)\n").text


def test_block_offsets_point_into_the_cleaned_text_for_every_corpus_document():
    for path in CORPUS.glob("*.txt"):
        cleaned = clean(path.read_text(encoding="utf-8"))
        assert cleaned.blocks, path
        for block in cleaned.blocks:
            assert cleaned.text[block.start : block.end] == block.text
        assert "-\n" not in cleaned.text


def test_a_numbered_item_hard_wrapped_after_a_comma_stays_one_sentence():
    raw = (
        "Les règles d'utilisation à respecter\n\n"
        "1. La dose maximale chez l'adulte est de 10 mg, jusqu'à trois fois par jour,\n"
        "   soit 30 mg par jour au maximum.\n"
        "2. La durée du traitement ne doit généralement pas dépasser une semaine.\n"
    )
    text = clean(raw).text
    assert "trois fois par jour, soit 30 mg par jour au maximum." in text
    assert "dépasser une semaine." in text


def test_a_dash_item_hard_wrapped_with_a_small_indent_stays_one_item():
    raw = (
        "Ce qu'il faut savoir\n"
        "- Si vous pouvez être enceinte, une contraception hautement efficace est\n"
        "  obligatoire pendant toute la durée du traitement et pendant au moins 4\n"
        "  semaines après la dernière prise.\n"
        "- Un test de grossesse négatif est nécessaire.\n"
        "  suivi\n"
    )
    items = [b.text for b in clean(raw).blocks if b.kind == "item"]
    assert items[0] == (
        "Si vous pouvez être enceinte, une contraception hautement efficace est obligatoire pendant toute la durée "
        "du traitement et pendant au moins 4 semaines après la dernière prise."
    )
    assert items[1:] == ["Un test de grossesse négatif est nécessaire.", "suivi"]  # a short item, not a wrap


def test_a_numbered_item_hard_wrapped_mid_sentence_is_an_item_not_a_heading():
    raw = (
        "LES RISQUES, DU PLUS GRAVE AU MOINS GRAVE\n\n"
        "1. La dépression respiratoire : la respiration ralentit. C'est\n"
        "  le risque le plus grave.\n"
        "2. La somnolence et les vertiges, qui exposent aux\n"
        "  chutes.\n\n"
        "3. SURVEILLANCE\n"
        "Un suivi régulier est nécessaire.\n"
    )
    blocks = clean(raw).blocks
    items = [b.text for b in blocks if b.kind == "item"]
    assert items == [
        "La dépression respiratoire : la respiration ralentit. C'est le risque le plus grave.",
        "La somnolence et les vertiges, qui exposent aux chutes.",
    ]
    assert [b.text for b in blocks if b.kind == "heading"] == [
        "LES RISQUES, DU PLUS GRAVE AU MOINS GRAVE",
        "3. SURVEILLANCE",
    ]
