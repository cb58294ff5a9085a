import shutil

import pytest

from bot.documents import LoadError, load_corpus, load_document
from tests.conftest import CORPUS


def _draw_pdf(path, pages: list[list[tuple]]) -> None:
    """A real PDF with extractable text, drawn by matplotlib: each page a list of (x, y, text, size, weight), the
    position in fractions of an A4 page from its bottom left."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    with PdfPages(path) as pdf:
        for texts in pages:
            figure = plt.figure(figsize=(8.27, 11.69))
            for x, y, text, size, weight in texts:
                figure.text(x, y, text, fontsize=size, fontweight=weight, va="top")
            pdf.savefig(figure)
            plt.close(figure)


def _write_pdf(path, pages: list[str]) -> None:
    """A real multi-page PDF, one text per page."""
    _draw_pdf(path, [[(0.1, 0.9, text, 11, "normal")] for text in pages])


def test_seed_corpus_loads_with_its_metadata():
    report = load_corpus(CORPUS)
    assert report.failures == []
    by_name = {d.source: d for d in report.documents}
    assert len(by_name) == 3
    alert = by_name["ansm-2026-03-12-isotretinoine-usages-esthetiques.txt"]
    assert alert.title.startswith("Usages détournés de l'isotrétinoïne")
    assert (alert.publisher, alert.date) == ("ANSM", "2026-03-12")
    assert "contraception" in alert.topics
    assert "arthrose" in by_name["ansm-fiche-patient-mesotherapie.txt"].text


def test_pdf_loader_keeps_page_numbers(tmp_path):
    path = tmp_path / "fiche.pdf"
    _write_pdf(path, ["La mésothérapie consiste à injecter des produits.", "Les risques sont infectieux."])
    document = load_document(path)
    pages = {b.page for b in document.blocks}
    assert pages == {1, 2}
    assert "risques sont infectieux" in document.text


def test_pdf_headings_are_found_by_their_font_and_a_bold_sentence_wrapped_is_text(tmp_path):
    lines = [  # (text, size, weight): a title on two lines, a section heading, body text, a bold warning that wraps
        ("Le médicament Exemplol : ce que", 16, "bold"),
        ("vous devez savoir", 16, "bold"),
        ("Les risques à connaître", 12, "bold"),
        ("Exemplol peut donner des maux de tête au début du traitement.", 10, "normal"),
        ("Ils disparaissent le plus souvent en quelques jours sans rien faire.", 10, "normal"),
        ("En cas de gêne pour respirer, appelez", 10, "bold"),
        ("immédiatement le 15 ou le 112.", 10, "bold"),
        ("Grossesse", 12, "bold"),
        ("Exemplol est déconseillé pendant la grossesse, parlez-en à votre médecin.", 10, "normal"),
        ("Votre pharmacien peut aussi répondre à vos questions sur ce traitement.", 10, "normal"),
    ]
    path = tmp_path / "exemplol.pdf"
    _draw_pdf(path, [[(0.1, 0.9 - 0.03 * i, text, size, weight) for i, (text, size, weight) in enumerate(lines)]])
    headings = [b.text for b in load_document(path).blocks if b.kind == "heading"]
    assert headings == [
        "Le médicament Exemplol : ce que vous devez savoir",
        "Les risques à connaître",
        "Grossesse",
    ]


def test_pdf_table_rows_become_items_with_their_wrapped_cells(tmp_path):
    cells = [  # (column, row top, text): the second row's first cell wraps onto a line of its own
        (0, 0.0, "Situation"),
        (1, 0.0, "Que faire ?"),
        (0, 1.0, "Oubli d'un comprimé"),
        (1, 1.0, "Le prendre le jour même, sans doubler la dose"),
        (0, 2.0, "Palpitations fortes, douleur dans la"),
        (0, 2.6, "poitrine"),
        (1, 2.0, "Appeler le 15"),
    ]
    path = tmp_path / "tableau.pdf"
    _draw_pdf(
        path,
        [
            [
                (0.1, 0.95, "Prenez votre comprimé le matin, à jeun, avec un verre d'eau.", 10, "normal"),
                *((0.1 + 0.4 * column, 0.9 - 0.025 * row, text, 10, "normal") for column, row, text in cells),
                (0.1, 0.8, "Votre pharmacien peut répondre à vos questions sur ce traitement.", 10, "normal"),
            ]
        ],
    )
    items = [b.text for b in load_document(path).blocks if b.kind == "item"]
    assert items == [
        "Situation : Que faire ?",
        "Oubli d'un comprimé : Le prendre le jour même, sans doubler la dose",
        "Palpitations fortes, douleur dans la poitrine : Appeler le 15",
    ]


def test_html_loader_keeps_main_text_and_drops_boilerplate(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Titre onglet</title><script>alert('x')</script></head><body>"
        "<nav>Accueil | Actualités</nav><header>Bandeau ANSM</header>"
        "<main><h1>Isotrétinoïne : alerte</h1><p>Ces médicaments sont réservés aux acnés sévères.</p>"
        "<h2>Risques</h2><ul><li>troubles psychiatriques ;</li><li>malformations.</li></ul></main>"
        "<footer>Mentions légales</footer></body></html>",
        encoding="utf-8",
    )
    document = load_document(path)
    assert document.title == "Isotrétinoïne : alerte"
    assert "réservés aux acnés sévères" in document.text
    assert ("heading", "Risques") in [(b.kind, b.text) for b in document.blocks]
    assert ("item", "malformations.") in [(b.kind, b.text) for b in document.blocks]
    for boilerplate in ("Accueil", "Bandeau", "Mentions légales", "alert("):
        assert boilerplate not in document.text


def test_markdown_headings_become_sections(tmp_path):
    path = tmp_path / "note.md"
    path.write_text(
        "# Contraception\n\nUne contraception doit être mise en place avant le traitement.\n", encoding="utf-8"
    )
    kinds = [(b.kind, b.text) for b in load_document(path).blocks]
    assert kinds[0] == ("heading", "Contraception")


def test_windows_1252_text_is_read(tmp_path):
    path = tmp_path / "ancien.txt"
    path.write_bytes("Le médicament est contre-indiqué pendant la grossesse.".encode("cp1252"))
    assert "contre-indiqué" in load_document(path).text


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("corrompu.pdf", b"%PDF-1.4\n this is not really a pdf", "PDF"),
        ("vide.txt", b"   \n", "vide"),
        ("binaire.txt", b"\x81\x8d\x8f\x90\x9d" * 20, "encodage"),
        ("tableur.xlsx", b"PK\x03\x04", "format"),
    ],
)
def test_bad_documents_are_reported_by_name_and_the_others_still_load(tmp_path, name, content, reason):
    for path in CORPUS.iterdir():
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / name).write_bytes(content)
    report = load_corpus(tmp_path)
    assert len(report.documents) == 3
    assert [n for n, _ in report.failures] == [name]
    assert reason.lower() in report.failures[0][1].lower()
    with pytest.raises(LoadError):
        load_document(tmp_path / name)


def test_a_file_without_metadata_takes_the_title_it_marks_itself(tmp_path):
    """With no sources.yaml entry, the title is the document's own ("===" underlined or "# "), in sentence case when
    it is written in capitals; the file name only when the text marks none."""
    marked = tmp_path / "x-oral-enfant.txt"
    marked.write_text("ANSM\n\nMEDICAMENTS A BASE DE X : ATTENTION\n=====\n\nUn texte assez long pour compter.\n")
    assert load_document(marked).title == "Medicaments a base de x : attention"
    plain = tmp_path / "note_sur_x.txt"
    plain.write_text("Un texte assez long pour compter, sans titre.\n")
    assert load_document(plain).title == "Note sur x"


def test_a_text_without_metadata_or_marked_title_is_titled_by_its_first_title_lines(tmp_path):
    path = tmp_path / "ansm-2024-zolcamine.txt"
    path.write_text(
        "ANSM - Agence nationale de sécurité du médicament - Information de sécurité - 14/03/2023\n\n"
        "Zolcamine (Zolca) : un antalgique réservé aux douleurs aiguës, en raison de\n"
        "risques pour le foie\n\nInformation destinée aux patients\n\nLa zolcamine est un antalgique.\n",
        encoding="utf-8",
    )
    title = load_document(path).title
    assert title == "Zolcamine (Zolca) : un antalgique réservé aux douleurs aiguës, en raison de risques pour le foie"


def test_an_html_table_row_reads_alone_with_its_columns_headings(tmp_path):
    page = tmp_path / "t.html"
    page.write_text(
        "<html><body><main><h1>Zolcamine</h1><p>Les doses maximales sont les suivantes :</p><table>"
        "<tr><th>Forme</th><th>Dose maximale</th></tr><tr><td>Comprimé</td><td>300 mg</td></tr>"
        "</table></main></body></html>",
        encoding="utf-8",
    )
    text = load_document(page).text
    assert "- Forme : Comprimé ; Dose maximale : 300 mg." in text
    assert "Forme\n" not in text  # the headings row is read in each row, not left alone
