"""Build antiepileptiques_carbamazepine.pdf (fiche patient, style ANSM) with reportlab.

Usage: /work/main/.venv/bin/python make_pdf.py          -> writes the PDF next to this script
       /work/main/.venv/bin/python make_pdf.py --text   -> prints the plain text put into the PDF
"""

import os
import sys
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "antiepileptiques_carbamazepine.pdf")
FONT_DIR = "/usr/share/fonts/truetype/dejavu"

TITLE = "Carbamazépine (Tégrétol) et oxcarbazépine (Trileptal) : bien utiliser ces antiépileptiques"
SUBTITLE = "Fiche d'information destinée aux patients et à leur entourage"
DATE_LINE = "ANSM - Mise à jour : 1er juillet 2026"

# Each block: (kind, content). kinds: h2, h3, p, ul, warn, table
BLOCKS = [
    (
        "p",
        "La carbamazépine (Tégrétol et génériques) et l'oxcarbazépine (Trileptal et génériques) sont des "
        "médicaments antiépileptiques. Ils sont prescrits pour traiter certaines formes d'épilepsie. La "
        "carbamazépine est aussi utilisée dans certaines douleurs des nerfs, comme la névralgie du trijumeau, "
        "et dans certains troubles bipolaires. Ces médicaments sont efficaces, mais ils exposent à des effets "
        "indésirables parfois graves. Cette fiche vous aide à les reconnaître et à savoir comment réagir.",
    ),
    ("h2", "Les points essentiels"),
    (
        "ul",
        [
            "Une éruption sur la peau dans les premières semaines de traitement doit faire consulter un médecin sans attendre.",
            "Des prises de sang régulières permettent de surveiller le sodium et les cellules du sang.",
            "Ces médicaments rendent la contraception hormonale (pilule, implant, patch, anneau) moins efficace.",
            "En cas de grossesse, envisagée ou découverte, n'arrêtez jamais votre traitement seule : parlez-en à votre médecin.",
            "Évitez l'alcool pendant le traitement et soyez prudent au volant.",
        ],
    ),
    ("h2", "1. Les réactions cutanées graves : surtout dans les premières semaines"),
    (
        "p",
        "La carbamazépine et, plus rarement, l'oxcarbazépine peuvent provoquer des réactions cutanées graves, "
        "notamment le syndrome de Stevens-Johnson et le syndrome de Lyell (ou nécrolyse épidermique toxique). "
        "Ces réactions sont rares mais peuvent mettre la vie en danger. Elles surviennent le plus souvent au "
        "cours des premières semaines de traitement, en général dans les trois premiers mois.",
    ),
    ("p", "Les premiers signes ressemblent souvent à une grippe (fièvre, fatigue, mal de gorge), puis apparaissent :"),
    (
        "ul",
        [
            "une éruption de plaques rouges sur la peau, qui s'étend ;",
            "des bulles ou un décollement de la peau ;",
            "des lésions ou des ulcérations dans la bouche, la gorge, le nez ou sur les organes génitaux ;",
            "des yeux rouges et douloureux.",
        ],
    ),
    (
        "warn",
        "Si vous présentez une éruption cutanée, des bulles ou des lésions dans la bouche, contactez "
        "immédiatement un médecin. Si la peau se décolle ou si votre état se dégrade rapidement, appelez le 15 "
        "(ou le 112). Ne reprenez jamais ce médicament après une telle réaction.",
    ),
    (
        "p",
        "Un autre type de réaction allergique grave, appelé DRESS, associe fièvre, éruption, gonflement des "
        "ganglions et atteinte du foie ou des reins. Il apparaît en général entre 2 et 8 semaines après le début "
        "du traitement et nécessite, lui aussi, une consultation en urgence.",
    ),
    (
        "p",
        "Chez les personnes d'origine chinoise han ou thaïe, un facteur génétique (appelé HLA-B*1502) augmente "
        "fortement le risque de réaction cutanée grave avec la carbamazépine. Votre médecin peut demander un test "
        "sanguin avant de débuter le traitement. Une personne qui a déjà fait une allergie à la carbamazépine peut "
        "aussi réagir à l'oxcarbazépine : signalez toujours une allergie antérieure à votre médecin.",
    ),
    ("h2", "2. Les prises de sang : pourquoi sont-elles nécessaires ?"),
    (
        "p",
        "Votre médecin vous prescrira des prises de sang avant le début du traitement, puis régulièrement, en "
        "particulier pendant les premiers mois.",
    ),
    ("h3", "Le sodium (natrémie)"),
    (
        "p",
        "Ces médicaments, et surtout l'oxcarbazépine, peuvent faire baisser le taux de sodium dans le sang "
        "(hyponatrémie). Le risque est plus élevé chez les personnes âgées et chez celles qui prennent des "
        "diurétiques. Une baisse du sodium peut se manifester par une fatigue inhabituelle, une somnolence, une "
        "confusion, des maux de tête, des nausées ou une augmentation du nombre de crises.",
    ),
    ("h3", "Les cellules du sang"),
    (
        "p",
        "Plus rarement, la carbamazépine peut faire baisser le nombre de globules blancs, de globules rouges ou "
        "de plaquettes. Les globules blancs défendent l'organisme contre les infections : lorsqu'ils sont trop "
        "bas, une infection peut devenir grave.",
    ),
    (
        "warn",
        "Contactez immédiatement votre médecin et faites faire une prise de sang si vous avez de la fièvre, un "
        "mal de gorge, des aphtes ou des ulcérations dans la bouche, des bleus ou des saignements inhabituels "
        "(gencives, nez), ou une pâleur et un essoufflement inhabituels.",
    ),
    ("h3", "Le foie"),
    (
        "p",
        "Une surveillance du foie est également prévue. Une jaunisse (peau ou blanc des yeux jaunes), des urines "
        "foncées ou des douleurs du ventre doivent faire consulter rapidement.",
    ),
    (
        "table",
        [
            ["Signes", "Que faire ?"],
            [
                "Éruption cutanée, bulles, peau qui se décolle, lésions dans la bouche ou les yeux",
                "Contacter immédiatement un médecin ; appeler le 15 si la peau se décolle ou si l'état se dégrade",
            ],
            [
                "Fièvre, mal de gorge, aphtes, bleus ou saignements inhabituels",
                "Contacter immédiatement votre médecin pour une prise de sang",
            ],
            [
                "Confusion, somnolence inhabituelle, maux de tête, nausées, crises plus fréquentes",
                "Consulter rapidement : le taux de sodium doit être contrôlé",
            ],
            ["Peau ou yeux jaunes, urines foncées", "Consulter rapidement votre médecin"],
            ["Idées noires, envie de mourir", "Appeler le 3114 (numéro national de prévention du suicide) ou le 15"],
            [
                "Prise d'une quantité trop importante, par un adulte ou un enfant",
                "Appeler le 15 ou un centre antipoison sans attendre",
            ],
        ],
    ),
    ("h2", "3. Contraception : attention aux interactions"),
    (
        "p",
        "La carbamazépine et l'oxcarbazépine accélèrent l'élimination de nombreux médicaments par le foie. Elles "
        "diminuent ainsi l'efficacité des contraceptifs hormonaux : pilule (œstroprogestative ou progestative), "
        "implant, patch et anneau vaginal. Une grossesse non prévue peut survenir même si vous prenez votre "
        "pilule tous les jours sans oubli.",
    ),
    (
        "ul",
        [
            "Pendant le traitement, utilisez une contraception non concernée par cette interaction, comme le dispositif "
            "intra-utérin (stérilet) au cuivre, ou demandez à votre médecin quelle méthode vous convient.",
            "Cet effet persiste jusqu'à 4 semaines après l'arrêt du traitement.",
            "La contraception d'urgence hormonale (pilule du lendemain) peut aussi être moins efficace : en cas de "
            "rapport non protégé, demandez rapidement conseil à un pharmacien ou à un médecin.",
        ],
    ),
    (
        "p",
        "D'autres médicaments peuvent interagir : certains antibiotiques, des anticoagulants, d'autres "
        "antiépileptiques, le millepertuis (plante utilisée contre la déprime). Le jus de pamplemousse peut "
        "augmenter la quantité de carbamazépine dans le sang. Signalez toujours votre traitement à tout médecin, "
        "dentiste ou pharmacien, y compris pour un médicament sans ordonnance.",
    ),
    ("h2", "4. Grossesse : la préparer, ne jamais arrêter seule"),
    (
        "p",
        "La carbamazépine prise pendant la grossesse augmente le risque de malformations chez l'enfant à naître, "
        "en particulier des malformations de la colonne vertébrale (spina bifida), du visage (fente labiale) et "
        "du cœur. Les données sur l'oxcarbazépine sont plus limitées ; un risque ne peut pas être exclu.",
    ),
    ("p", "Si vous êtes en âge d'avoir des enfants :"),
    (
        "ul",
        [
            "utilisez une contraception efficace (voir plus haut) ;",
            "si vous envisagez une grossesse, parlez-en à votre médecin avant d'arrêter votre contraception : il "
            "pourra adapter votre traitement ;",
            "un supplément d'acide folique (vitamine B9) est recommandé avant la conception et au début de la "
            "grossesse, à la dose prescrite par votre médecin.",
        ],
    ),
    (
        "warn",
        "Si vous découvrez que vous êtes enceinte ou pensez l'être, n'arrêtez pas votre traitement de "
        "vous-même : un arrêt brutal peut provoquer des crises graves, dangereuses pour vous et pour votre "
        "bébé. Contactez immédiatement votre médecin (neurologue ou médecin traitant).",
    ),
    (
        "p",
        "La grossesse sera suivie de près, notamment par des échographies. Informez aussi la sage-femme et le "
        "pédiatre de votre traitement.",
    ),
    ("h2", "5. Conduite, machines et alcool"),
    (
        "p",
        "En début de traitement ou lors d'une augmentation de dose, ces médicaments peuvent entraîner une "
        "somnolence, des vertiges, des troubles de l'équilibre ou une vision double. Ne conduisez pas et "
        "n'utilisez pas de machines dangereuses tant que vous ne savez pas comment vous réagissez au traitement. "
        "Si vous êtes traité pour une épilepsie, demandez à votre médecin si la conduite vous est autorisée : "
        "des règles particulières s'appliquent.",
    ),
    (
        "p",
        "Évitez l'alcool pendant le traitement : il augmente la somnolence et les vertiges, et il peut favoriser "
        "la survenue de crises.",
    ),
    ("h2", "6. Humeur et idées suicidaires"),
    (
        "p",
        "Un petit nombre de personnes traitées par des antiépileptiques ont eu des idées suicidaires. Si vous ou "
        "vos proches remarquez un changement d'humeur, une tristesse inhabituelle ou des idées de mort, "
        "parlez-en sans attendre à votre médecin.",
    ),
    (
        "warn",
        "Si vous avez des pensées suicidaires, appelez immédiatement le 3114 (numéro national de prévention du "
        "suicide, gratuit, 24 h/24) ou le 15.",
    ),
    ("h2", "7. En cas de surdosage"),
    (
        "p",
        "Une prise trop importante, volontaire ou accidentelle, est dangereuse. Les signes peuvent être une "
        "somnolence profonde, des vertiges, une démarche instable, des vomissements, une agitation, des "
        "mouvements anormaux, des convulsions, des troubles du rythme du cœur ou une perte de connaissance.",
    ),
    (
        "warn",
        "En cas de surdosage, ou si un enfant a avalé un comprimé, appelez immédiatement le 15 (ou le 112) ou "
        "un centre antipoison, même si la personne ne présente encore aucun signe. Gardez la boîte du "
        "médicament avec vous.",
    ),
    ("h2", "8. Que faire si..."),
    (
        "ul",
        [
            "... vous oubliez une prise ? Prenez-la dès que vous vous en apercevez, sauf s'il est presque l'heure de la "
            "prise suivante. Ne prenez jamais une double dose pour compenser.",
            "... vous voulez arrêter le traitement ? N'arrêtez jamais brutalement : un arrêt soudain peut provoquer des "
            "crises, parfois prolongées. L'arrêt se fait progressivement, selon les indications de votre médecin.",
            "... vous devez être opéré ou prendre un nouveau médicament ? Signalez votre traitement au médecin, au "
            "chirurgien, au dentiste et au pharmacien.",
        ],
    ),
    ("h2", "9. Qui contacter ?"),
    (
        "ul",
        [
            "Votre médecin traitant ou votre neurologue pour toute question sur votre traitement.",
            "Votre pharmacien pour vérifier les interactions avec un autre médicament.",
            "Le 15 (ou le 112) en cas d'urgence ; le 3114 en cas d'idées suicidaires ; un centre antipoison en cas "
            "d'ingestion accidentelle.",
            "Vous pouvez déclarer un effet indésirable sur le portail de signalement des événements sanitaires "
            "indésirables : signalement-sante.gouv.fr.",
        ],
    ),
]


def plain_text():
    lines = [TITLE, SUBTITLE, DATE_LINE, ""]
    for kind, content in BLOCKS:
        if kind in ("h2", "h3", "p", "warn"):
            lines.append(("ATTENTION : " if kind == "warn" else "") + content)
        elif kind == "ul":
            lines.extend("- " + item for item in content)
        elif kind == "table":
            lines.append("Tableau : reconnaître les signes d'alerte et savoir réagir")
            lines.extend(" | ".join(row) for row in content)
        lines.append("")
    return "\n".join(lines)


def build():
    pdfmetrics.registerFont(TTFont("DejaVu", os.path.join(FONT_DIR, "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("DejaVu-Bold", os.path.join(FONT_DIR, "DejaVuSans-Bold.ttf")))
    base = ParagraphStyle("base", fontName="DejaVu", fontSize=10, leading=14, alignment=TA_LEFT, spaceAfter=6)
    title = ParagraphStyle(
        "title",
        parent=base,
        fontName="DejaVu-Bold",
        fontSize=16,
        leading=20,
        textColor=colors.HexColor("#003A70"),
        spaceAfter=8,
    )
    subtitle = ParagraphStyle("subtitle", parent=base, fontSize=11, leading=15, textColor=colors.HexColor("#333333"))
    date = ParagraphStyle("date", parent=base, fontSize=9, textColor=colors.HexColor("#666666"), spaceAfter=12)
    h2 = ParagraphStyle(
        "h2",
        parent=base,
        fontName="DejaVu-Bold",
        fontSize=12.5,
        leading=16,
        textColor=colors.HexColor("#003A70"),
        spaceBefore=10,
        spaceAfter=6,
    )
    h3 = ParagraphStyle("h3", parent=base, fontName="DejaVu-Bold", fontSize=10.5, leading=14, spaceBefore=4)
    warn = ParagraphStyle("warn", parent=base, fontName="DejaVu-Bold", textColor=colors.HexColor("#8B0000"))
    cell = ParagraphStyle("cell", parent=base, fontSize=9, leading=12, spaceAfter=0)
    cell_head = ParagraphStyle("cellhead", parent=cell, fontName="DejaVu-Bold", textColor=colors.white)

    story = [Paragraph(escape(TITLE), title), Paragraph(escape(SUBTITLE), subtitle), Paragraph(escape(DATE_LINE), date)]
    for kind, content in BLOCKS:
        if kind == "h2":
            story.append(Paragraph(escape(content), h2))
        elif kind == "h3":
            story.append(Paragraph(escape(content), h3))
        elif kind == "p":
            story.append(Paragraph(escape(content), base))
        elif kind == "warn":
            box = Table([[Paragraph("ATTENTION : " + escape(content), warn)]], colWidths=[16.5 * cm])
            box.setStyle(
                TableStyle(
                    [
                        ("BOX", (0, 0), (-1, -1), 1, colors.HexColor("#8B0000")),
                        ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#FDECEC")),
                        ("LEFTPADDING", (0, 0), (-1, -1), 8),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                        ("TOPPADDING", (0, 0), (-1, -1), 6),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                    ]
                )
            )
            story.extend([Spacer(1, 4), box, Spacer(1, 8)])
        elif kind == "ul":
            items = [ListItem(Paragraph(escape(item), base), leftIndent=14) for item in content]
            story.append(ListFlowable(items, bulletType="bullet", start="•", leftIndent=14, bulletFontName="DejaVu"))
        elif kind == "table":
            rows = [[Paragraph(escape(c), cell_head) for c in content[0]]]
            rows += [[Paragraph(escape(c), cell) for c in row] for row in content[1:]]
            table = Table(rows, colWidths=[8.25 * cm, 8.25 * cm], repeatRows=1)
            table.setStyle(
                TableStyle(
                    [
                        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#003A70")),
                        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#999999")),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#F2F5F9")]),
                    ]
                )
            )
            caption = Paragraph("Tableau : reconnaître les signes d'alerte et savoir réagir", h3)
            story.append(KeepTogether([caption, table]))
            story.append(Spacer(1, 8))

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont("DejaVu", 8)
        canvas.setFillColor(colors.HexColor("#666666"))
        canvas.drawString(2 * cm, 1.2 * cm, "ANSM - Carbamazépine et oxcarbazépine - Fiche patient")
        canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, f"Page {doc.page}")
        canvas.restoreState()

    doc = SimpleDocTemplate(
        OUT,
        pagesize=A4,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        title=TITLE,
        author="ANSM",
        subject="Fiche d'information patient",
    )
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return OUT


if __name__ == "__main__":
    if "--text" in sys.argv:
        print(plain_text())
    else:
        print(build())
