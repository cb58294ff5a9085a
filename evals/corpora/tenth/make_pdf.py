"""Generate apixaban_anticoagulants_oraux.pdf (ANSM-style patient leaflet) with reportlab.

Usage: python make_pdf.py  (needs reportlab; writes the PDF next to this script)
"""

import os

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "apixaban_anticoagulants_oraux.pdf")

styles = getSampleStyleSheet()
TITLE = ParagraphStyle(
    "T", parent=styles["Title"], fontName="Helvetica-Bold", fontSize=17, leading=21, alignment=TA_LEFT, spaceAfter=6
)
SUB = ParagraphStyle(
    "S",
    parent=styles["Normal"],
    fontName="Helvetica-Oblique",
    fontSize=10.5,
    leading=14,
    textColor=colors.HexColor("#444444"),
    spaceAfter=10,
)
H1 = ParagraphStyle(
    "H1",
    parent=styles["Heading2"],
    fontName="Helvetica-Bold",
    fontSize=13.5,
    leading=17,
    spaceBefore=10,
    spaceAfter=4,
    textColor=colors.HexColor("#1d3f72"),
)
BODY = ParagraphStyle("B", parent=styles["Normal"], fontName="Helvetica", fontSize=10, leading=13.5, spaceAfter=5)
CELL = ParagraphStyle("C", parent=BODY, fontSize=9.5, leading=12, spaceAfter=0)
CELLB = ParagraphStyle("CB", parent=CELL, fontName="Helvetica-Bold")


def p(text):
    return Paragraph(text, BODY)


def bullets(items):
    return ListFlowable(
        [ListItem(Paragraph(t, BODY), leftIndent=12) for t in items], bulletType="bullet", start="-", leftIndent=12
    )


story = [
    Paragraph("Anticoagulants oraux directs : apixaban (Eliquis) et rivaroxaban (Xarelto)", TITLE),
    Paragraph(
        "Fiche d'information destinée aux patients - Bien utiliser votre traitement et limiter "
        "le risque de saignement - ANSM, mai 2026",
        SUB,
    ),
    Paragraph("Pourquoi ce médicament vous a été prescrit", H1),
    p(
        "L'apixaban (Eliquis et génériques) et le rivaroxaban (Xarelto et génériques) sont des "
        "anticoagulants oraux directs, souvent appelés AOD. Ils rendent le sang moins apte à former des "
        "caillots en bloquant l'un des facteurs de la coagulation."
    ),
    p(
        "Ils sont prescrits pour prévenir un accident vasculaire cérébral (AVC) chez les personnes ayant une "
        "fibrillation atriale, un trouble du rythme cardiaque. Ils servent aussi à traiter une phlébite ou une "
        "embolie pulmonaire et à éviter qu'elles ne reviennent, ou à prévenir la formation de caillots après "
        "la pose d'une prothèse de hanche ou de genou."
    ),
    p(
        "Contrairement aux antivitamines K (warfarine, fluindione), les AOD ne demandent pas de prise de sang "
        "régulière pour ajuster la dose. Cela ne signifie pas qu'ils sont sans danger : aucun examen de routine "
        "ne mesure leur effet, et c'est donc à vous et à vos proches de repérer les signes d'alerte."
    ),
    Paragraph("Le principal risque : le saignement", H1),
    p(
        "En empêchant le sang de coaguler, ces médicaments protègent contre les caillots, mais ils augmentent "
        "aussi le risque de saignement. La plupart des saignements sont bénins, mais certains peuvent être "
        "graves, voire mortels. Le risque est plus élevé chez les personnes âgées, chez celles dont les reins "
        "fonctionnent mal et chez celles qui prennent d'autres médicaments agissant sur la coagulation."
    ),
    p(
        "Ce risque augmente avec la dose : ne modifiez jamais la dose prescrite et ne prenez jamais deux "
        "comprimés pour rattraper un oubli."
    ),
    Paragraph("Signes d'un saignement grave : appelez le 15", H1),
    p("Appelez immédiatement le 15 (ou le 112) si vous présentez l'un des signes suivants :"),
    bullets(
        [
            "des vomissements de sang ou d'un liquide qui ressemble à du marc de café ;",
            "des selles noires et collantes, ou du sang rouge dans les selles ;",
            "des urines rouges ou brun foncé ;",
            "un saignement qui ne s'arrête pas malgré une compression de 10 minutes ;",
            "des crachats de sang ;",
            "un mal de tête brutal et inhabituel, des troubles de la parole ou de la vue, une faiblesse ou un "
            "engourdissement d'un côté du corps, une confusion : ces signes peuvent révéler un saignement dans "
            "le cerveau ;",
            "une chute avec un choc à la tête, même si vous vous sentez bien sur le moment ;",
            "une fatigue intense, une pâleur, un essoufflement ou un malaise inexpliqués, qui peuvent traduire "
            "un saignement interne.",
        ]
    ),
    p(
        "Dites aux secours que vous prenez un anticoagulant et donnez son nom. Ne reprenez pas de comprimé "
        "avant d'avoir reçu un avis médical."
    ),
    Paragraph("Les saignements moins graves", H1),
    p(
        "Un saignement des gencives au brossage, un saignement de nez court, des règles un peu plus abondantes "
        "ou des bleus qui apparaissent facilement sont fréquents sous anticoagulant. Ils ne justifient pas "
        "d'arrêter le traitement. Parlez-en à votre médecin s'ils se répètent ou vous inquiètent."
    ),
    p(
        "En cas de saignement de nez, asseyez-vous, penchez la tête en avant et serrez les narines entre deux "
        "doigts pendant 10 minutes sans relâcher."
    ),
    Paragraph("Bien prendre votre traitement", H1),
    bullets(
        [
            "Prenez votre médicament tous les jours, à heure fixe. L'apixaban se prend deux fois par jour, matin "
            "et soir. Le rivaroxaban se prend le plus souvent une fois par jour.",
            "Les comprimés de rivaroxaban dosés à 15 mg et 20 mg doivent être pris au cours d'un repas, sinon le "
            "médicament est moins bien absorbé.",
            "N'arrêtez pas votre traitement sans avis médical : un arrêt, même de quelques jours, expose à un "
            "risque de caillot, d'AVC ou d'embolie.",
            "Gardez toujours sur vous la carte patient remise avec votre médicament et montrez-la à tout "
            "professionnel de santé que vous consultez.",
            "Votre médecin fera contrôler régulièrement votre fonction rénale par une prise de sang, car les reins "
            "participent à l'élimination de ces médicaments.",
        ]
    ),
    Paragraph("En cas d'oubli ou de surdosage", H1),
    bullets(
        [
            "Apixaban (deux prises par jour) : prenez le comprimé oublié dès que vous vous en rendez compte, puis "
            "reprenez vos deux prises habituelles. Ne prenez jamais deux comprimés en même temps pour compenser.",
            "Rivaroxaban (une prise par jour) : prenez le comprimé oublié dès que vous y pensez, le jour même. Le "
            "lendemain, reprenez une seule prise comme d'habitude. Ne prenez jamais deux doses le même jour pour "
            "rattraper un oubli.",
            "Si vous avez pris plus de comprimés que prévu, contactez sans attendre votre médecin ou un centre "
            "antipoison, même si vous ne saignez pas. En cas de saignement, appelez le 15.",
        ]
    ),
    Paragraph("Médicaments et produits à éviter", H1),
    p(
        "Certains médicaments augmentent le risque de saignement ou modifient l'effet de votre anticoagulant. "
        "Ne prenez aucun autre médicament, même vendu sans ordonnance, sans l'avis de votre médecin ou de votre "
        "pharmacien."
    ),
    bullets(
        [
            "Les anti-inflammatoires non stéroïdiens (AINS) comme l'ibuprofène (Advil, Nurofen...), le kétoprofène "
            "ou le naproxène augmentent fortement le risque de saignement, en particulier digestif.",
            "Pour une douleur ou de la fièvre, préférez le paracétamol, en respectant les doses indiquées.",
            "L'aspirine ne doit pas être associée à votre anticoagulant, sauf si votre médecin l'a prescrite en "
            "connaissance de cause.",
            "Les autres anticoagulants et les antiagrégants plaquettaires comme le clopidogrel ne s'associent que "
            "sur prescription médicale.",
            "Le millepertuis, une plante présente dans certains compléments alimentaires contre la déprime, "
            "diminue l'efficacité de l'anticoagulant et expose à un risque de caillot.",
            "Certains antidépresseurs de la famille des ISRS augmentent légèrement le risque de saignement : "
            "votre médecin en tient compte.",
            "Certains médicaments contre les infections à champignons (kétoconazole, itraconazole), certains "
            "traitements du VIH, la rifampicine et certains antiépileptiques (carbamazépine, phénytoïne) "
            "modifient la quantité d'anticoagulant dans le sang.",
        ]
    ),
    p("Une consommation importante d'alcool augmente le risque de saignement et de chute : limitez-la."),
    Paragraph("Opération, dentiste, examens", H1),
    p(
        "Avant toute opération, extraction dentaire, endoscopie (fibroscopie, coloscopie) ou infiltration, "
        "prévenez le professionnel de santé que vous prenez un anticoagulant. Selon le geste, le traitement "
        "peut être poursuivi ou interrompu pendant un ou plusieurs jours. C'est au médecin ou au chirurgien de "
        "décider quand l'arrêter et quand le reprendre."
    ),
    p(
        "On entend souvent qu'il faut arrêter son anticoagulant quelques jours avant d'aller chez le dentiste. "
        "C'est faux : la plupart des soins dentaires courants, comme un détartrage ou le soin d'une carie, se "
        "font sans interrompre le traitement. N'arrêtez jamais votre anticoagulant de vous-même par précaution."
    ),
    Paragraph("Grossesse et allaitement", H1),
    p(
        "L'apixaban et le rivaroxaban ne doivent pas être utilisés pendant la grossesse, car ils peuvent "
        "provoquer des saignements chez l'enfant à naître. Les femmes en âge d'avoir des enfants doivent "
        "utiliser une contraception efficace pendant le traitement."
    ),
    p(
        "Si vous avez un projet de grossesse, parlez-en à votre médecin avant d'arrêter votre contraception : "
        "un autre anticoagulant compatible avec la grossesse, une héparine, pourra vous être proposé. Si vous "
        "découvrez que vous êtes enceinte, contactez rapidement votre médecin, sans arrêter votre traitement de "
        "vous-même."
    ),
    p("L'allaitement est déconseillé pendant le traitement, car le médicament peut passer dans le lait."),
    Paragraph("Personnes âgées et reins fragiles", H1),
    p(
        "Après 75 ans, le risque de saignement est plus élevé, tout comme le risque de chute. Votre médecin peut "
        "adapter la dose en fonction de votre âge, de votre poids et de votre fonction rénale. Signalez-lui "
        "toute déshydratation (diarrhée, vomissements, forte chaleur), qui peut altérer le fonctionnement des "
        "reins et faire augmenter la quantité de médicament dans le sang."
    ),
    Paragraph("Que faire dans les situations courantes ?", H1),
]

rows = [
    ("Situation", "Que faire"),
    (
        "Saignement de nez ou des gencives qui s'arrête",
        "Pas d'urgence : comprimez, poursuivez le traitement et parlez-en à votre médecin si cela se répète.",
    ),
    ("Selles noires, vomissements de sang, saignement qui ne s'arrête pas", "Appelez le 15 sans attendre."),
    ("Chute avec choc à la tête", "Appelez le 15 ou rendez-vous aux urgences, même sans symptôme."),
    ("Oubli d'un comprimé", "Suivez la rubrique sur l'oubli ; ne doublez jamais la dose."),
    ("Mal de tête, fièvre ou douleur", "Prenez du paracétamol, pas d'ibuprofène ni d'aspirine."),
    ("Soins dentaires ou opération prévus", "Prévenez le praticien et votre médecin ; n'arrêtez rien sans leur avis."),
    ("Découverte d'une grossesse", "Contactez rapidement votre médecin, sans arrêter seule le traitement."),
]
data = [
    [Paragraph(a, CELLB if i == 0 else CELL), Paragraph(b, CELLB if i == 0 else CELL)] for i, (a, b) in enumerate(rows)
]
table = Table(data, colWidths=[6.2 * cm, 10.3 * cm])
table.setStyle(
    TableStyle(
        [
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dbe5f1")),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#7f8fa6")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]
    )
)
story += [
    table,
    Spacer(1, 8),
    Paragraph("À retenir", H1),
    bullets(
        [
            "Prenez votre anticoagulant tous les jours, à heure fixe, sans jamais doubler une dose.",
            "Un saignement important, du sang dans les vomissements ou des selles noires imposent d'appeler le 15.",
            "Pas d'anti-inflammatoire ni d'aspirine sans avis médical : le paracétamol est l'antidouleur à préférer.",
            "Prévenez toujours votre dentiste, votre chirurgien et votre pharmacien de votre traitement.",
        ]
    ),
    p(
        "Pour signaler un effet indésirable : signalement-sante.gouv.fr. Cette fiche ne remplace pas l'avis de "
        "votre médecin ou de votre pharmacien ni la notice de votre médicament."
    ),
]


def footer(canvas, doc):
    canvas.saveState()
    canvas.setFont("Helvetica", 8)
    canvas.setFillColor(colors.HexColor("#666666"))
    canvas.drawString(2 * cm, 1.2 * cm, "ANSM - Anticoagulants oraux directs - Fiche patient")
    canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, f"Page {doc.page}")
    canvas.restoreState()


doc = SimpleDocTemplate(
    OUT,
    pagesize=A4,
    leftMargin=2 * cm,
    rightMargin=2 * cm,
    topMargin=1.8 * cm,
    bottomMargin=2 * cm,
    title="Anticoagulants oraux directs : apixaban et rivaroxaban",
    author="ANSM",
)
doc.build(story, onFirstPage=footer, onLaterPages=footer)
print("wrote", OUT)
