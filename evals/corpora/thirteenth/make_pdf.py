"""Generate misoprostol_grossesse.pdf (ANSM-style patient information sheet).

Run with: /work/main/.venv/bin/python make_pdf.py
The text of the document is held in CONTENT so that it can be reused to check gold quotes.
"""

import os

TITLE = "Misoprostol : un médicament à ne jamais utiliser pendant la grossesse en dehors de ses indications"
SUBTITLE = "Fiche d'information patient - ANSM - août 2026"

# (kind, payload): kind is "h" (heading), "p" (paragraph), "ul" (list of items), "table" (rows)
CONTENT = [
    ("h", "Ce qu'il faut retenir"),
    (
        "ul",
        [
            "Le misoprostol provoque des contractions de l'utérus. Pris pendant la grossesse en dehors d'un cadre médical, "
            "il peut entraîner une fausse couche, un accouchement prématuré ou des malformations chez l'enfant à naître.",
            "Si vous êtes en âge d'avoir des enfants et que vous prenez du misoprostol pour votre estomac, vous devez "
            "utiliser une contraception efficace pendant toute la durée du traitement.",
            "N'utilisez jamais de misoprostol de vous-même pour interrompre une grossesse : l'interruption volontaire de "
            "grossesse (IVG) est encadrée par des professionnels de santé.",
            "En cas de saignements très abondants ou de malaise, appelez le 15 (SAMU) ou le 112.",
        ],
    ),
    ("h", "Qu'est-ce que le misoprostol ?"),
    (
        "p",
        "Le misoprostol est une substance proche des prostaglandines, des substances produites naturellement par "
        "l'organisme. Il agit à la fois sur l'estomac, où il diminue l'acidité et protège la muqueuse, et sur "
        "l'utérus, où il provoque des contractions et ramollit le col.",
    ),
    ("p", "Selon le médicament et la dose, il est utilisé :"),
    (
        "ul",
        [
            "dans certains ulcères de l'estomac ou du duodénum, notamment chez des personnes qui prennent des "
            "anti-inflammatoires non stéroïdiens (AINS) : c'est le cas de Cytotec (misoprostol 200 microgrammes) ;",
            "en gynécologie et en obstétrique, avec des médicaments spécifiques autorisés pour cet usage, par exemple pour "
            "une interruption volontaire de grossesse par médicaments, en association avec la mifépristone, ou pour le "
            "déclenchement de l'accouchement, sous surveillance à la maternité.",
        ],
    ),
    (
        "p",
        "Ces usages gynécologiques relèvent exclusivement d'une prescription et d'un suivi par un médecin ou une "
        "sage-femme. Les doses, le moment de la prise et la surveillance sont adaptés à chaque situation. Un "
        "comprimé prévu pour l'estomac ne doit pas être utilisé à la place d'un médicament gynécologique.",
    ),
    ("h", "Pourquoi le misoprostol est-il dangereux pendant la grossesse ?"),
    ("p", "Chez une femme enceinte, le misoprostol peut provoquer :"),
    (
        "ul",
        [
            "une fausse couche ou un accouchement prématuré ;",
            "des saignements graves de l'utérus, parfois une rupture de l'utérus, en particulier chez les femmes qui ont "
            "déjà eu une césarienne ou une autre chirurgie de l'utérus ;",
            "des malformations chez l'enfant à naître lorsque la grossesse se poursuit après l'exposition, notamment des "
            "malformations du crâne, du visage (paralysie faciale) et des membres.",
        ],
    ),
    (
        "p",
        "C'est pourquoi le misoprostol est contre-indiqué pendant la grossesse, sauf lorsqu'il est utilisé dans "
        "l'une de ses indications gynécologiques ou obstétricales, par un professionnel de santé et avec des "
        "médicaments autorisés pour cet usage.",
    ),
    ("h", "Avant et pendant un traitement pour l'estomac"),
    (
        "p",
        "Si vous êtes une femme en âge d'avoir des enfants et que votre médecin vous prescrit du misoprostol pour "
        "protéger votre estomac :",
    ),
    (
        "ul",
        [
            "il doit s'assurer que vous n'êtes pas enceinte avant le début du traitement ; un test de grossesse peut vous "
            "être demandé ;",
            "vous devez utiliser une méthode de contraception efficace pendant toute la durée du traitement ;",
            "si vous avez un doute sur votre contraception (oubli de pilule, préservatif qui a craqué), parlez-en "
            "rapidement à votre médecin ou à votre pharmacien ;",
            "si vous envisagez une grossesse, parlez-en à votre médecin avant d'arrêter votre contraception : il vous "
            "proposera un autre traitement pour votre estomac.",
        ],
    ),
    ("p", "Ne donnez jamais votre médicament à une autre personne, même si elle a les mêmes symptômes que vous."),
    ("h", "Si vous découvrez que vous êtes enceinte"),
    (
        "p",
        "Si vous découvrez une grossesse, ou si vous pensez être enceinte, alors que vous prenez du misoprostol en "
        "dehors d'un suivi gynécologique :",
    ),
    (
        "ul",
        [
            "arrêtez de prendre le misoprostol ;",
            "contactez immédiatement le médecin qui vous l'a prescrit, ou à défaut votre médecin traitant ou une "
            "sage-femme ;",
            "un suivi adapté de la grossesse vous sera proposé, avec des échographies pour surveiller le développement de "
            "l'enfant à naître.",
        ],
    ),
    (
        "p",
        "Ne restez pas seule avec cette inquiétude : votre médecin pourra vous informer sur les risques et sur les "
        "options qui s'offrent à vous.",
    ),
    ("h", "Ne jamais utiliser le misoprostol de soi-même pour interrompre une grossesse"),
    (
        "p",
        "Des comprimés de misoprostol sont parfois proposés sur internet ou sur les réseaux sociaux pour « faire "
        "passer » une grossesse. Utilisé sans encadrement médical, le misoprostol expose à des risques graves : "
        "hémorragie, rupture de l'utérus, infection, avortement incomplet, et poursuite de la grossesse avec un "
        "risque de malformations. Une grossesse extra-utérine, qui peut mettre la vie en danger, peut également "
        "passer inaperçue sans examen médical.",
    ),
    (
        "p",
        "Si vous souhaitez interrompre une grossesse, adressez-vous à un médecin, une sage-femme, un centre de santé "
        "sexuelle ou un établissement de santé : l'IVG est encadrée par la loi et réalisée avec des médicaments "
        "adaptés et un suivi. Les produits vendus sur internet peuvent être des contrefaçons, être mal dosés ou "
        "contenir d'autres substances.",
    ),
    ("h", "Les effets indésirables digestifs"),
    ("p", "Les effets indésirables les plus fréquents du misoprostol sont digestifs :"),
    (
        "ul",
        [
            "diarrhée, très fréquente, généralement en début de traitement ;",
            "douleurs abdominales, nausées, vomissements, ballonnements.",
        ],
    ),
    (
        "p",
        "Pour limiter la diarrhée, le médicament est habituellement pris au cours des repas. Évitez les antiacides "
        "contenant du magnésium, qui peuvent aggraver la diarrhée. Si la diarrhée est importante ou persiste, ou si "
        "vous avez des signes de déshydratation (soif intense, urines rares, vertiges), consultez votre médecin.",
    ),
    (
        "p",
        "Après une prise de misoprostol en gynécologie, des crampes, des saignements, une fièvre passagère ou des "
        "frissons peuvent aussi survenir ; votre médecin ou votre sage-femme vous explique ce qui est attendu et ce "
        "qui ne l'est pas.",
    ),
    ("h", "Les signes qui doivent vous alerter"),
    ("p", "Appelez immédiatement le 15 (SAMU) ou le 112 si, après avoir pris du misoprostol :"),
    (
        "ul",
        [
            "vous avez des saignements très abondants, par exemple si vous remplissez plus de deux grandes serviettes "
            "hygiéniques par heure pendant plus de deux heures ;",
            "vous avez une douleur intense dans le ventre qui ne cède pas ;",
            "vous vous sentez faible, vous faites un malaise, vous avez des vertiges importants ou vous perdez "
            "connaissance.",
        ],
    ),
    (
        "p",
        "Consultez rapidement un médecin en cas de fièvre qui dure plus de 24 heures, de pertes malodorantes ou de "
        "douleurs qui persistent plusieurs jours : ce peuvent être des signes d'infection.",
    ),
    ("h", "Que faire dans votre situation ?"),
    (
        "table",
        [
            ("Situation", "Ce qu'il faut faire"),
            (
                "Vous prenez du misoprostol pour l'estomac et vous êtes en âge d'avoir des enfants",
                "Utilisez une contraception efficace pendant tout le traitement.",
            ),
            (
                "Vous découvrez ou pensez être enceinte pendant le traitement",
                "Arrêtez le misoprostol et contactez immédiatement votre médecin.",
            ),
            (
                "Vous souhaitez interrompre une grossesse",
                "Adressez-vous à un médecin, une sage-femme ou un centre de santé sexuelle. N'achetez pas de comprimés sur "
                "internet.",
            ),
            ("Vous avez une diarrhée importante ou qui persiste", "Consultez votre médecin."),
            (
                "Vous avez pris plus de comprimés que prescrit, ou un enfant en a avalé",
                "Appelez un centre antipoison ou le 15.",
            ),
            ("Vous avez des saignements très abondants, une douleur intense ou un malaise", "Appelez le 15 ou le 112."),
        ],
    ),
    ("h", "Déclarer un effet indésirable"),
    (
        "p",
        "Si vous ressentez un effet indésirable, parlez-en à votre médecin, à votre sage-femme ou à votre "
        "pharmacien. Vous pouvez aussi le déclarer directement sur le portail de signalement des événements "
        "sanitaires indésirables du ministère chargé de la santé (signalement-sante.gouv.fr). Pour en savoir plus, "
        "lisez attentivement la notice de votre médicament.",
    ),
]


def plain_text():
    """The document's text, as written into the PDF (for quote checking)."""
    parts = [TITLE, SUBTITLE]
    for kind, payload in CONTENT:
        if kind in ("h", "p"):
            parts.append(payload)
        elif kind == "ul":
            parts.extend(payload)
        elif kind == "table":
            for row in payload:
                parts.extend(row)
    return "\n".join(parts)


def build(path):
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.enums import TA_LEFT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    body = ParagraphStyle(
        "body",
        parent=styles["BodyText"],
        fontName="Helvetica",
        fontSize=10.5,
        leading=14,
        alignment=TA_LEFT,
        spaceAfter=6,
    )
    h1 = ParagraphStyle(
        "h1",
        parent=styles["Title"],
        fontName="Helvetica-Bold",
        fontSize=16,
        leading=20,
        alignment=TA_LEFT,
        textColor=colors.HexColor("#003b6f"),
    )
    sub = ParagraphStyle("sub", parent=body, fontName="Helvetica-Oblique", textColor=colors.HexColor("#555555"))
    h2 = ParagraphStyle(
        "h2",
        parent=styles["Heading2"],
        fontName="Helvetica-Bold",
        fontSize=12.5,
        leading=16,
        textColor=colors.HexColor("#003b6f"),
        spaceBefore=10,
        spaceAfter=4,
    )
    cell = ParagraphStyle("cell", parent=body, fontSize=9.5, leading=12, spaceAfter=0)
    cell_b = ParagraphStyle("cellb", parent=cell, fontName="Helvetica-Bold")

    story = [Paragraph(escape(TITLE), h1), Paragraph(escape(SUBTITLE), sub), Spacer(1, 0.3 * cm)]
    for kind, payload in CONTENT:
        if kind == "h":
            story.append(Paragraph(escape(payload), h2))
        elif kind == "p":
            story.append(Paragraph(escape(payload), body))
        elif kind == "ul":
            items = [ListItem(Paragraph(escape(t), body), leftIndent=12) for t in payload]
            story.append(ListFlowable(items, bulletType="bullet", start="•", leftIndent=14))
        elif kind == "table":
            rows = []
            for i, (a, b) in enumerate(payload):
                st = cell_b if i == 0 else cell
                rows.append([Paragraph(escape(a), st), Paragraph(escape(b), st)])
            t = Table(rows, colWidths=[8 * cm, 8.5 * cm], repeatRows=1)
            t.setStyle(
                TableStyle(
                    [
                        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dce6f0")),
                        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#8a9bb0")),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("TOPPADDING", (0, 0), (-1, -1), 4),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                    ]
                )
            )
            story.append(t)
            story.append(Spacer(1, 0.3 * cm))

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.setFillColor(colors.HexColor("#666666"))
        canvas.drawString(2 * cm, 1.2 * cm, "ANSM - Fiche d'information patient - Misoprostol - août 2026")
        canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, f"Page {doc.page}")
        canvas.restoreState()

    doc = SimpleDocTemplate(
        path,
        pagesize=A4,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        title=TITLE,
        author="ANSM",
        subject="Misoprostol et grossesse - information patient",
    )
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(here, "misoprostol_grossesse.pdf")
    build(out)
    print("written", out, len(plain_text().split()), "words")
