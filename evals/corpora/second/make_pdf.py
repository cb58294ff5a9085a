"""Regenerate valproate-grossesse.pdf (ANSM-style patient leaflet, second eval corpus).

Usage: python make_pdf.py   (needs reportlab; writes the PDF next to this script)
"""

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import ListFlowable, ListItem, PageBreak, Paragraph, SimpleDocTemplate, Spacer

OUT = Path(__file__).with_name("valproate-grossesse.pdf")

styles = getSampleStyleSheet()
TITLE = ParagraphStyle("t", parent=styles["Title"], fontName="Helvetica-Bold", fontSize=17, leading=21)
H2 = ParagraphStyle(
    "h2", parent=styles["Heading2"], fontName="Helvetica-Bold", fontSize=13, leading=16, spaceBefore=10, spaceAfter=4
)
BODY = ParagraphStyle("b", parent=styles["BodyText"], fontName="Helvetica", fontSize=10.5, leading=14, spaceAfter=5)
SMALL = ParagraphStyle("s", parent=BODY, fontSize=9, leading=12)


def bullets(items):
    return ListFlowable(
        [ListItem(Paragraph(t, BODY), leftIndent=12) for t in items], bulletType="bullet", start="-", leftIndent=14
    )


def footer(canvas, doc):
    canvas.saveState()
    canvas.setFont("Helvetica", 8.5)
    canvas.drawString(2 * cm, 1.2 * cm, "ANSM - Valproate et grossesse - Fiche d'information patiente - Juin 2025")
    canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, f"Page {doc.page}")
    canvas.restoreState()


story = [
    Paragraph("Valproate et grossesse : ce que toute patiente doit savoir", TITLE),
    Paragraph(
        "Fiche d'information destinée aux filles, adolescentes et femmes traitées par un médicament "
        "contenant du valproate. Mise à jour : 2 juin 2025.",
        SMALL,
    ),
    Spacer(1, 6),
    Paragraph("De quels médicaments s'agit-il ?", H2),
    Paragraph(
        "Le valproate est présent dans plusieurs médicaments utilisés pour traiter l'épilepsie ou les "
        "troubles bipolaires :",
        BODY,
    ),
    bullets(
        [
            "Dépakine et Dépakine Chrono (valproate de sodium) ;",
            "Micropakine (valproate de sodium en granulés) ;",
            "Dépakote (divalproate de sodium) ;",
            "ainsi que leurs génériques.",
        ]
    ),
    Paragraph("Pourquoi le valproate est-il dangereux pendant la grossesse ?", H2),
    Paragraph(
        "Lorsqu'il est pris pendant la grossesse, le valproate peut gravement nuire à l'enfant à naître. "
        "Les risques existent quelle que soit la dose et à tout moment de la grossesse.",
        BODY,
    ),
    bullets(
        [
            "Malformations : environ 1 enfant sur 10 exposé pendant la grossesse naît avec une malformation "
            "(spina bifida, malformations du visage, du coeur, des membres, des reins ou des organes génitaux).",
            "Troubles du neurodéveloppement : jusqu'à 3 à 4 enfants exposés sur 10 peuvent présenter des "
            "troubles tels qu'un retard de la marche ou du langage, des difficultés de mémoire et d'attention, "
            "une déficience intellectuelle ou des troubles du spectre de l'autisme.",
        ]
    ),
    Paragraph(
        "Certaines patientes pensent que le risque ne concerne que les fortes doses. Cependant, aucune "
        "dose de valproate n'a été identifiée comme sans danger pour l'enfant à naître.",
        BODY,
    ),
    Paragraph("Les règles à respecter pendant tout le traitement", H2),
    Paragraph(
        "Chez les filles, les adolescentes et les femmes en âge d'avoir des enfants, le valproate ne doit "
        "être prescrit que si les autres traitements sont inefficaces ou mal tolérés.",
        BODY,
    ),
    bullets(
        [
            "Un test de grossesse négatif est nécessaire avant de commencer le traitement.",
            "Une contraception efficace est obligatoire, sans interruption, pendant toute la durée du traitement.",
            "Le traitement est réévalué au moins une fois par an par votre neurologue, psychiatre ou pédiatre.",
            "Lors de cette consultation annuelle, vous signez avec votre spécialiste l'attestation d'information "
            "partagée, qui confirme que vous avez compris les risques.",
            "Votre pharmacien doit voir cette attestation pour vous délivrer le médicament.",
        ]
    ),
    PageBreak(),
    Paragraph("L'attestation d'information partagée", H2),
    Paragraph(
        "Ce document est rempli chaque année par le spécialiste et signé par la patiente (ou son "
        "représentant légal pour une mineure). Il est valable un an. Conservez-le avec votre ordonnance : "
        "sans attestation en cours de validité, la délivrance du valproate n'est pas possible.",
        BODY,
    ),
    Paragraph("Vous avez un projet de grossesse", H2),
    Paragraph(
        "Parlez-en à votre spécialiste avant d'arrêter votre contraception. Il pourra, si c'est possible, "
        "modifier votre traitement et organiser un suivi adapté bien avant la conception.",
        BODY,
    ),
    Paragraph("Que faire si vous êtes enceinte ou pensez l'être ?", H2),
    bullets(
        [
            "N'arrêtez jamais votre traitement de vous-même : un arrêt brutal peut provoquer des crises "
            "d'épilepsie graves ou une rechute de la maladie, dangereuses pour vous et pour votre enfant.",
            "Contactez immédiatement votre médecin pour obtenir un rendez-vous en urgence.",
            "Votre médecin vous orientera vers une prise en charge spécialisée pour suivre la grossesse.",
        ]
    ),
    Paragraph(
        "Certaines personnes pensent qu'il suffit d'arrêter le valproate dès que la grossesse est connue "
        "pour faire disparaître tout risque. Cependant, l'exposition des premières semaines peut déjà avoir "
        "des conséquences, et tout changement de traitement doit être décidé avec le médecin.",
        BODY,
    ),
    Paragraph("Et pour les hommes ?", H2),
    Paragraph(
        "Par mesure de précaution, depuis 2024, il est recommandé aux hommes traités par valproate "
        "d'utiliser une contraception efficace pendant le traitement et pendant 3 mois après son arrêt, "
        "en raison d'un risque possible de troubles du neurodéveloppement chez les enfants conçus pendant "
        "cette période.",
        BODY,
    ),
    Paragraph("Ce qu'il faut retenir", H2),
    bullets(
        [
            "Le valproate expose l'enfant à naître à des malformations et à des troubles du neurodéveloppement.",
            "Contraception efficace obligatoire et réévaluation au moins une fois par an par un spécialiste.",
            "En cas de grossesse : ne pas arrêter le traitement seule, appeler son médecin sans attendre.",
            "Les personnes exposées au valproate pendant la grossesse peuvent demander une indemnisation "
            "auprès de l'ONIAM.",
        ]
    ),
]


def main():
    doc = SimpleDocTemplate(
        str(OUT),
        pagesize=A4,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2.2 * cm,
        title="Valproate et grossesse",
        author="ANSM",
    )
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    print("wrote", OUT)


if __name__ == "__main__":
    main()
