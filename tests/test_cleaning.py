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


def test_a_numbered_item_wrapped_without_indent_is_joined_and_a_numbered_heading_stays_a_heading():
    raw = (
        "LES PRINCIPAUX RISQUES\n\n"
        "1. Baisse importante des globules blancs (neutropénie) : le\n"
        "corps ne peut plus se défendre contre les infections.\n"
        "2. Constipation sévère pouvant aller jusqu'à l'occlusion intestinale\n"
        "(blocage de l'intestin), qui peut être mortelle.\n\n"
        "1.1 Point sur les situations de conflits\n"
        "d'intérêt et adoption de l'ordre du jour\n\n"
        "3. SURVEILLANCE\n"
        "Une prise de sang est faite chaque semaine.\n"
    )
    blocks = clean(raw).blocks
    assert [b.text for b in blocks if b.kind == "item"] == [
        "Baisse importante des globules blancs (neutropénie) : le corps ne peut plus se défendre contre les infections.",
        "Constipation sévère pouvant aller jusqu'à l'occlusion intestinale (blocage de l'intestin), qui peut être "
        "mortelle.",
    ]
    assert [b.text for b in blocks if b.kind == "heading"] == [
        "LES PRINCIPAUX RISQUES",
        "1.1 Point sur les situations de conflits d'intérêt et adoption de l'ordre du jour",
        "3. SURVEILLANCE",
    ]


def test_pages_of_text_saved_without_page_breaks_lose_their_running_header_footer_and_rules():
    page = (
        "Agence du médicament          ANSM – page {n}/3\n"
        + "_" * 60
        + "\n\nTexte utile de la page {n}.\n\nANSM – Fiche patient  - {n} -\n"
    )
    cleaned = clean("".join(page.format(n=n) for n in range(1, 4)))
    assert [b.text for b in cleaned.blocks] == [f"Texte utile de la page {n}." for n in range(1, 4)]


def test_a_line_coming_back_in_a_text_without_pages_is_kept():
    raw = "« Les huiles sont naturelles. »\n\nFaux\n\n« Rien à craindre. »\n\nFaux\n\n« Un bébé peut en respirer. »\n\nFaux\n"
    assert [b.text for b in clean(raw).blocks].count("Faux") == 3


def test_lines_aligned_under_an_item_text_carry_it_on_whatever_their_first_letter():
    raw = (
        "Les risques\n\n"
        "  1. Le surdosage. Il se manifeste par une diarrhée,\n"
        "     une faiblesse musculaire ou une confusion.\n"
        "     Sans prise en charge, il peut conduire au coma.\n"
        "  2. Les risques pendant la grossesse, au premier trimestre\n"
        "     (malformations du cœur chez le bébé).\n"
    )
    assert [(b.kind, b.text) for b in clean(raw).blocks] == [
        ("heading", "Les risques"),
        (
            "item",
            "Le surdosage. Il se manifeste par une diarrhée, une faiblesse musculaire ou une confusion. "
            "Sans prise en charge, il peut conduire au coma.",
        ),
        ("item", "Les risques pendant la grossesse, au premier trimestre (malformations du cœur chez le bébé)."),
    ]


def test_a_two_page_pdf_loses_the_header_both_pages_open_with_and_its_question_headings_stand_alone():
    pages = [
        "ANSM – Fiche patient – septembre 2025\npage 1\nUn titre de fiche\nÀ qui s'adresse cette fiche ?\nAux patients.",
        "ANSM – Fiche patient – septembre 2025\npage 2\nQue faire en cas d'oubli ?\nPrenez la dose suivante.",
    ]
    texts = [b.text for b in clean(PAGE_BREAK.join(pages)).blocks]
    assert texts == [
        "Un titre de fiche",
        "À qui s'adresse cette fiche ?",
        "Aux patients.",
        "Que faire en cas d'oubli ?",
        "Prenez la dose suivante.",
    ]


def test_markdown_underlines_thematic_breaks_and_block_quotes_are_structure_not_text():
    """Plain text saved from a web page or written in Markdown marks its title with "===", its sections with "---",
    separates parts with a thematic break and sets a warning in a block quote: none of those marks is text."""
    raw = (
        "ANSM - Alerte\n\nMEDICAMENTS A BASE DE X : ATTENTION\n==================================\n\n"
        "De quoi parle-t-on ?\n--------------------\n\nUn texte qui explique.\n\n---\n## En bref\n\n"
        "> IMPORTANT - A retenir\n> - Ne jamais arrêter seul.\n"
    )
    cleaned = clean(raw)
    assert cleaned.title == "MEDICAMENTS A BASE DE X : ATTENTION"
    kinds = [(b.kind, b.text) for b in cleaned.blocks]
    assert ("heading", "De quoi parle-t-on ?") in kinds
    assert ("heading", "En bref") in kinds
    assert ("item", "Ne jamais arrêter seul.") in kinds
    assert not any(text.startswith(("---", "===", ">")) for _, text in kinds)
    assert clean("# Titre du document\n\nUn texte.").title == "Titre du document"
    assert clean("Un texte sans titre marqué.").title == ""


def test_a_control_character_a_pdf_left_for_a_bullet_marks_an_item():
    """A PDF whose bullet glyph came out as a control character (DEL) or a symbol font's private-use glyph: the line
    is a list item, the character no text."""
    cleaned = clean("Que faire :\n\x7f Arrêtez le traitement.\n\uf0a7 Appelez votre médecin.\n")
    assert [(b.kind, b.text) for b in cleaned.blocks][1:] == [
        ("item", "Arrêtez le traitement."),
        ("item", "Appelez votre médecin."),
    ]


def test_a_header_ends_at_its_date_line():
    """ "Fiche d'information patient – ANSM – Publiée le 2 juin 2026" then "Cette fiche s'adresse ...": the first
    sentence of the text is not glued to the header's date."""
    cleaned = clean("Fiche patient – ANSM – Publiée le 2 juin 2026\nCette fiche s'adresse aux patients.\n")
    assert [b.text for b in cleaned.blocks] == [
        "Fiche patient – ANSM – Publiée le 2 juin 2026",
        "Cette fiche s'adresse aux patients.",
    ]


def test_a_markdown_table_row_reads_alone_as_an_item_with_its_columns_headings():
    raw = (
        "Les bons gestes :\n\n| À faire | À éviter |\n|---|---|\n"
        "| Prendre la zolcamine au repas | Se coucher juste après la prise |\n| **Boire** un verre d'eau | |\n\nFin."
    )
    text = clean(raw).text
    assert "- À faire : Prendre la zolcamine au repas ; À éviter : Se coucher juste après la prise." in text
    assert "- À faire : Boire un verre d'eau." in text
    assert "|" not in text
