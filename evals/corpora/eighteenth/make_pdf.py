"""Generate acitretine-fiche-patient.pdf (ANSM-style patient sheet) with reportlab.

Usage: python make_pdf.py   (writes the PDF next to this script)
"""

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer

OUT = Path(__file__).with_name("acitretine-fiche-patient.pdf")

styles = getSampleStyleSheet()
BODY = ParagraphStyle("body", parent=styles["Normal"], fontName="Helvetica", fontSize=10, leading=14, spaceAfter=6)
H1 = ParagraphStyle(
    "h1",
    parent=styles["Heading1"],
    fontName="Helvetica-Bold",
    fontSize=16,
    leading=20,
    textColor=colors.HexColor("#1d3f72"),
    spaceAfter=10,
)
H2 = ParagraphStyle(
    "h2",
    parent=styles["Heading2"],
    fontName="Helvetica-Bold",
    fontSize=12,
    leading=16,
    textColor=colors.HexColor("#1d3f72"),
    spaceBefore=8,
    spaceAfter=4,
)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8.5, leading=11, textColor=colors.HexColor("#444444"))

# (kind, content): "h1", "h2", "p", "small" take a string; "ul" takes a list of strings.
CONTENT = [
    ("small", "ANSM - Agence nationale de sécurité du médicament et des produits de santé"),
    ("small", "Fiche d'information patient - Mise à jour : mars 2025"),
    (
        "h1",
        "Acitrétine (Soriatane et génériques) : un traitement efficace, des règles strictes pour éviter une grossesse",
    ),
    ("h2", "Pourquoi ce document ?"),
    (
        "p",
        "Votre médecin vous a prescrit de l'acitrétine. Ce médicament, pris par voie orale sous forme de "
        "gélules, appartient à la famille des rétinoïdes, des dérivés de la vitamine A. Il est utilisé dans "
        "les formes sévères de psoriasis et dans certaines maladies rares de la peau où la kératinisation est "
        "anormale (ichtyoses, maladie de Darier). Ce document résume les précautions à connaître. Il ne "
        "remplace pas la notice ni les conseils de votre médecin ou de votre pharmacien.",
    ),
    ("h2", "Un risque majeur pour l'enfant à naître"),
    (
        "p",
        "L'acitrétine est fortement tératogène : prise pendant la grossesse, elle expose l'enfant à naître à "
        "un risque très élevé de malformations graves (du visage, du crâne, du cœur, du squelette, du système "
        "nerveux). Ce risque existe même après une courte exposition et même à faible dose.",
    ),
    (
        "p",
        "Le médicament a une particularité : en présence d'alcool, l'organisme le transforme en étrétinate, "
        "une substance qui se stocke dans les graisses et s'élimine très lentement. C'est pourquoi le risque "
        "pour une grossesse persiste pendant 3 ans après l'arrêt du traitement.",
    ),
    ("h2", "Si vous êtes une femme en âge d'avoir des enfants"),
    (
        "p",
        "L'acitrétine ne peut vous être prescrite que si toutes les conditions du programme de prévention des "
        "grossesses sont réunies :",
    ),
    (
        "ul",
        [
            "vous utilisez au moins une méthode de contraception efficace, de préférence une méthode qui ne dépend "
            "pas de vous (stérilet ou implant), ou deux méthodes complémentaires ;",
            "cette contraception débute au moins 1 mois avant le début du traitement, se poursuit pendant toute la "
            "durée du traitement et pendant 3 ans après son arrêt ;",
            "un test de grossesse sanguin, réalisé sous contrôle médical, est négatif avant la première prescription ;",
            "un test de grossesse est ensuite réalisé chaque mois pendant le traitement, puis régulièrement (tous "
            "les 1 à 3 mois) pendant les 3 ans qui suivent l'arrêt ;",
            "vous avez signé un accord de soins après avoir reçu des explications de votre médecin.",
        ],
    ),
    (
        "p",
        "La première prescription est réalisée par un dermatologue. Chaque ordonnance couvre au maximum 30 "
        "jours de traitement et doit être présentée à la pharmacie dans les 7 jours qui suivent sa rédaction. "
        "Le pharmacien vérifie la date du dernier test de grossesse avant de délivrer le médicament.",
    ),
    ("h2", "Que faire en cas de retard de règles ou de grossesse ?"),
    (
        "p",
        "Si vous pensez être enceinte, pendant le traitement ou dans les 3 ans qui suivent son arrêt, arrêtez "
        "immédiatement l'acitrétine si vous la prenez encore et contactez votre médecin sans attendre. Il vous "
        "orientera vers un spécialiste pour évaluer le risque et en parler avec vous.",
    ),
    (
        "p",
        "Un rapport sexuel sans contraception ou un oubli de pilule pendant cette période doit aussi vous "
        "amener à consulter rapidement (contraception d'urgence, test de grossesse).",
    ),
    ("h2", "Et l'allaitement ?"),
    ("p", "L'acitrétine passe dans le lait maternel. L'allaitement est contre-indiqué pendant le traitement."),
    ("h2", "Si vous êtes un homme"),
    (
        "p",
        "Les données disponibles ne montrent pas de risque pour la grossesse de votre partenaire lié à la "
        "présence d'acitrétine dans le sperme. Aucune contraception particulière n'est exigée pour les hommes "
        "traités. En revanche, vous ne devez jamais donner vos gélules à une autre personne, en particulier à "
        "une femme.",
    ),
    ("h2", "L'alcool est interdit"),
    (
        "p",
        "Pour les femmes en âge d'avoir des enfants, toute consommation d'alcool (boissons, mais aussi aliments "
        "et médicaments qui en contiennent) est à proscrire pendant le traitement et pendant 2 mois après son "
        "arrêt. L'alcool favorise en effet la formation d'étrétinate, qui prolonge la présence du médicament "
        "dans l'organisme.",
    ),
    ("h2", "Pas de don de sang"),
    (
        "p",
        "Ne donnez pas votre sang pendant le traitement et pendant 3 ans après son arrêt : une femme enceinte "
        "pourrait recevoir votre sang.",
    ),
    ("h2", "Les effets indésirables les plus fréquents"),
    ("p", "La plupart des personnes traitées présentent des effets liés à la sécheresse de la peau et des muqueuses :"),
    (
        "ul",
        [
            "lèvres sèches et gercées, saignements de nez ;",
            "peau sèche, fragile, qui pèle, en particulier sur les paumes et les plantes des pieds ;",
            "yeux secs, pouvant rendre difficile le port des lentilles de contact ;",
            "chute de cheveux, généralement réversible à l'arrêt.",
        ],
    ),
    (
        "p",
        "Une crème hydratante et un baume pour les lèvres aident à les supporter. La peau devient aussi plus "
        "sensible au soleil : évitez les expositions prolongées et les cabines de bronzage.",
    ),
    (
        "p",
        "L'acitrétine peut augmenter les graisses dans le sang (cholestérol, triglycérides) et perturber le "
        "foie. Des prises de sang sont réalisées avant le traitement puis régulièrement.",
    ),
    ("h2", "Quand consulter en urgence ?"),
    ("p", "Arrêtez le traitement et consultez un médecin en urgence si vous présentez :"),
    (
        "ul",
        [
            "des maux de tête intenses et persistants, accompagnés de nausées, de vomissements ou de troubles de la "
            "vision : ils peuvent traduire une hypertension intracrânienne ;",
            "un jaunissement de la peau ou des yeux, des urines foncées, une grande fatigue : ils peuvent traduire "
            "une atteinte du foie ;",
            "une éruption étendue avec des cloques ou un décollement de la peau.",
        ],
    ),
    (
        "p",
        "Signalez aussi à votre médecin une baisse de la vision la nuit, ainsi que toute modification de votre "
        "humeur (tristesse, irritabilité, idées noires).",
    ),
    ("h2", "Médicaments à ne pas associer"),
    (
        "p",
        "Ne prenez pas, sans avis médical, de compléments contenant de la vitamine A ni d'autres rétinoïdes. "
        "L'association avec les antibiotiques de la famille des cyclines est contre-indiquée, car elle augmente "
        "le risque d'hypertension intracrânienne. L'association avec le méthotrexate est également "
        "contre-indiquée (risque pour le foie). Signalez toujours que vous prenez de l'acitrétine à tout "
        "professionnel de santé.",
    ),
    ("h2", "Bon usage"),
    (
        "p",
        "Prenez les gélules une fois par jour, au cours d'un repas ou avec un verre de lait. L'amélioration "
        "apparaît en général après 2 à 4 semaines ; l'effet complet peut demander 2 à 3 mois. Rapportez les "
        "gélules non utilisées à votre pharmacien.",
    ),
    ("h2", "Idée reçue : « Une fois le traitement arrêté, on peut envisager une grossesse tout de suite »"),
    (
        "p",
        "C'est faux. Le médicament et l'étrétinate peuvent persister plusieurs années dans l'organisme. Une "
        "grossesse ne doit pas être envisagée avant un délai de 3 ans après la dernière prise.",
    ),
    ("h2", "Déclarer un effet indésirable"),
    ("p", "Vous pouvez déclarer tout effet indésirable sur le portail signalement-sante.gouv.fr."),
]


def on_page(canvas, doc):
    canvas.saveState()
    canvas.setFont("Helvetica", 8)
    canvas.setFillColor(colors.HexColor("#666666"))
    canvas.drawString(2 * cm, 1.2 * cm, "ANSM - Acitrétine : fiche d'information patient")
    canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, f"Page {doc.page}")
    canvas.restoreState()


def build():
    story = []
    for kind, content in CONTENT:
        if kind == "ul":
            story.append(
                ListFlowable(
                    [ListItem(Paragraph(item, BODY), leftIndent=12) for item in content],
                    bulletType="bullet",
                    start="-",
                    leftIndent=12,
                )
            )
            story.append(Spacer(1, 4))
        else:
            story.append(Paragraph(content, {"h1": H1, "h2": H2, "p": BODY, "small": SMALL}[kind]))
    doc = SimpleDocTemplate(
        str(OUT),
        pagesize=A4,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        title="Acitrétine : fiche d'information patient",
        author="ANSM",
    )
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return OUT


if __name__ == "__main__":
    print(build())
