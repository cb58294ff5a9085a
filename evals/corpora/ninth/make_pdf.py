"""Builds alprazolam_benzodiazepines.pdf (ANSM-style patient leaflet, 2-3 pages, one table).

Run: python make_pdf.py   (needs reportlab)
"""

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
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

OUT = Path(__file__).with_name("alprazolam_benzodiazepines.pdf")

styles = getSampleStyleSheet()
BODY = ParagraphStyle("body", parent=styles["BodyText"], fontName="Helvetica", fontSize=10, leading=13.5, spaceAfter=5)
H1 = ParagraphStyle(
    "h1", parent=styles["Title"], fontName="Helvetica-Bold", fontSize=16, leading=20, alignment=TA_CENTER, spaceAfter=4
)
SUB = ParagraphStyle("sub", parent=BODY, alignment=TA_CENTER, textColor=colors.HexColor("#555555"), spaceAfter=12)
H2 = ParagraphStyle(
    "h2",
    parent=styles["Heading2"],
    fontName="Helvetica-Bold",
    fontSize=12,
    leading=15,
    textColor=colors.HexColor("#1d4f91"),
    spaceBefore=8,
    spaceAfter=4,
)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=9, leading=11.5, spaceAfter=0)
CELLB = ParagraphStyle("cellb", parent=CELL, fontName="Helvetica-Bold")


def p(text, style=BODY):
    return Paragraph(text, style)


def bullets(items):
    return ListFlowable([ListItem(p(t), leftIndent=12) for t in items], bulletType="bullet", start="•", leftIndent=12)


story = [
    p("Alprazolam (Xanax et génériques) et autres benzodiazépines : comment limiter le risque de dépendance", H1),
    p("Fiche d'information destinée aux patients - ANSM - Février 2026", SUB),
    p("Pourquoi cette fiche ?", H2),
    p(
        "L'alprazolam (Xanax et ses génériques) appartient à la famille des benzodiazépines, des médicaments "
        "utilisés pour soulager l'anxiété ou les troubles du sommeil. En France, ces médicaments sont très "
        "prescrits, et souvent pendant des durées bien plus longues que celles recommandées. Or, plus un "
        "traitement dure, plus le risque de dépendance augmente. Cette fiche vous explique comment utiliser ces "
        "médicaments au mieux, quels sont leurs risques et comment les arrêter sans danger."
    ),
    p("Qu'est-ce qu'une benzodiazépine ?", H2),
    p(
        "Les benzodiazépines agissent sur le cerveau en renforçant l'effet d'une substance naturelle qui freine "
        "l'activité nerveuse. Elles ont un effet apaisant, favorisent le sommeil, détendent les muscles et peuvent "
        "prévenir les convulsions. Parmi les benzodiazépines les plus utilisées figurent l'alprazolam (Xanax), le "
        "bromazépam (Lexomil), l'oxazépam (Seresta), le lorazépam (Temesta), le prazépam (Lysanxia) et le "
        "diazépam (Valium). Elles partagent les mêmes risques, même si leur durée d'action diffère."
    ),
    p(
        "L'alprazolam est indiqué dans le traitement de courte durée de l'anxiété lorsqu'elle est sévère et "
        "invalidante. Il ne traite pas la cause de l'anxiété : il en soulage les symptômes le temps qu'une autre "
        "prise en charge, par exemple une psychothérapie, soit mise en place."
    ),
    p("Une durée de traitement limitée", H2),
    bullets(
        [
            "Dans l'anxiété, la durée totale du traitement ne doit pas dépasser 12 semaines, y compris la période "
            "de diminution progressive des doses.",
            "Dans les troubles du sommeil, la durée maximale est de 4 semaines, diminution progressive comprise.",
            "Votre médecin doit vous informer dès le début du traitement de sa durée prévue et des modalités de son "
            "arrêt.",
        ]
    ),
    p("Ne prolongez pas le traitement de vous-même et ne le renouvelez pas sans avis médical."),
    p("Quels sont les risques ?", H2),
    p(
        "<b>Dépendance et tolérance.</b> Après quelques semaines, l'organisme s'habitue au médicament : il peut "
        "devenir moins efficace à la même dose et son arrêt peut provoquer un syndrome de sevrage. Le risque de "
        "dépendance augmente avec la dose, la durée du traitement, des antécédents de dépendance à l'alcool ou à "
        "d'autres substances, et l'association de plusieurs benzodiazépines."
    ),
    p(
        "<b>Somnolence et baisse de la vigilance.</b> Ces médicaments peuvent provoquer une somnolence, en "
        "particulier en début de traitement. Évitez de conduire ou d'utiliser une machine dangereuse si vous vous "
        "sentez somnolent."
    ),
    p(
        "<b>Troubles de la mémoire.</b> Une perte de mémoire des événements survenus après la prise du médicament "
        "peut survenir, surtout aux doses élevées."
    ),
    p(
        "<b>Chutes chez les personnes âgées.</b> Chez les personnes de plus de 65 ans, les benzodiazépines "
        "augmentent le risque de chute et donc de fracture, notamment du col du fémur. Les doses sont "
        "généralement réduites de moitié."
    ),
    p(
        "<b>Réactions paradoxales.</b> Rarement, au lieu de calmer, le médicament provoque une agitation, de "
        "l'agressivité, de l'irritabilité ou des cauchemars. Si c'est le cas, parlez-en à votre médecin, qui "
        "arrêtera probablement le traitement."
    ),
    p(
        "<b>Dépression.</b> Une benzodiazépine peut masquer ou aggraver une dépression. Elle ne doit pas être "
        "utilisée seule pour traiter une dépression."
    ),
    p("Alcool, opioïdes et autres médicaments qui font dormir", H2),
    p(
        "Ne buvez pas d'alcool pendant le traitement, car l'alcool augmente l'effet sédatif de l'alprazolam. "
        "L'association avec des médicaments opioïdes (codéine, tramadol, morphine...), d'autres benzodiazépines, "
        "certains antihistaminiques ou antidépresseurs sédatifs peut entraîner une somnolence profonde et une "
        "respiration ralentie, parfois mortelle. Signalez à votre médecin et à votre pharmacien tous les "
        "médicaments que vous prenez, y compris ceux obtenus sans ordonnance."
    ),
    p("Comment arrêter le traitement ?", H2),
    p(
        "N'arrêtez jamais brutalement une benzodiazépine, surtout après plusieurs semaines de traitement. L'arrêt "
        "se fait progressivement, en diminuant les doses par paliers, sur plusieurs semaines voire plusieurs mois "
        "après un traitement prolongé. Votre médecin établit avec vous un calendrier de diminution adapté. Un "
        "soutien psychologique peut vous aider pendant cette période."
    ),
    p(
        "Lors de la diminution, certains signes peuvent apparaître. Ils sont le plus souvent passagers. Le tableau "
        "ci-dessous vous aide à les reconnaître."
    ),
]

rows = [
    ["Signe", "Ce qu'il faut savoir", "Que faire ?"],
    [
        "Anxiété ou insomnie de rebond",
        "Retour temporaire, parfois plus intense, des symptômes de départ",
        "Poursuivre la diminution prévue ; en parler au médecin si c'est gênant",
    ],
    [
        "Irritabilité, tremblements, sueurs, palpitations",
        "Signes de sevrage fréquents dans les jours qui suivent un palier",
        "Contacter votre médecin, qui pourra ralentir la diminution",
    ],
    [
        "Maux de tête, douleurs musculaires, sensibilité au bruit ou à la lumière",
        "Signes de sevrage moins fréquents",
        "Contacter votre médecin",
    ],
    [
        "Confusion, hallucinations, convulsions",
        "Signes de sevrage graves, rares, surtout après un arrêt brutal",
        "Appeler le 15 (ou le 112)",
    ],
]
table = Table(
    [[p(c, CELLB if i == 0 else CELL) for c in r] for i, r in enumerate(rows)], colWidths=[5.2 * cm, 5.8 * cm, 5.6 * cm]
)
table.setStyle(
    TableStyle(
        [
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dfe8f5")),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#8a9bb5")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
    )
)

story += [
    p("Tableau - Signes possibles à l'arrêt ou lors de la diminution des doses", CELLB),
    Spacer(1, 3),
    table,
    Spacer(1, 6),
    p(
        "En cas de convulsions, de confusion importante ou d'hallucinations pendant l'arrêt, appelez immédiatement "
        "le 15 ou le 112."
    ),
    p("Grossesse et allaitement", H2),
    p(
        "Si vous êtes enceinte ou envisagez une grossesse, parlez-en à votre médecin. Les données disponibles chez "
        "la femme enceinte n'ont pas mis en évidence d'augmentation nette du risque de malformation. En revanche, "
        "la prise d'une benzodiazépine en fin de grossesse peut entraîner chez le nouveau-né une somnolence, une "
        "baisse du tonus musculaire, des difficultés à téter, des troubles respiratoires ou des signes de sevrage "
        "dans les jours qui suivent la naissance."
    ),
    p(
        "Si vous découvrez que vous êtes enceinte pendant le traitement, ne l'arrêtez pas brutalement : contactez "
        "votre médecin, qui adaptera la dose et organisera la surveillance du bébé à la naissance."
    ),
    p(
        "L'allaitement est déconseillé pendant le traitement, car l'alprazolam passe dans le lait maternel et peut "
        "rendre le bébé somnolent."
    ),
    KeepTogether(
        [
            p("Que faire en cas de prise excessive (surdosage) ?", H2),
            p(
                "Un surdosage peut se manifester par une somnolence importante, une confusion, des difficultés à parler ou "
                "à coordonner les mouvements, et dans les cas graves par une respiration ralentie et une perte de "
                "connaissance. Le risque est plus élevé en cas d'association avec l'alcool ou des opioïdes."
            ),
            p(
                "Si une personne a pris une quantité trop importante d'alprazolam, ne peut pas être réveillée ou respire "
                "difficilement, appelez immédiatement le 15 ou le 112. Pour un avis, vous pouvez aussi contacter un "
                "centre antipoison. Ne la laissez pas seule et, si elle est inconsciente mais respire, placez-la en "
                "position latérale de sécurité."
            ),
        ]
    ),
    p(
        "Gardez ce médicament hors de la vue et de la portée des enfants : une prise accidentelle par un enfant est "
        "une urgence."
    ),
    p("Idées noires : n'attendez pas", H2),
    p(
        "Si vous avez des idées suicidaires ou si vous pensez à vous faire du mal, parlez-en immédiatement à un "
        "proche ou à un médecin, ou appelez le 3114, numéro national de prévention du suicide, joignable 24h/24 "
        "et 7j/7. En cas de danger immédiat, appelez le 15."
    ),
    p("À retenir", H2),
    bullets(
        [
            "L'alprazolam soulage l'anxiété mais ne la guérit pas.",
            "Le traitement doit être le plus court possible : 12 semaines au maximum dans l'anxiété.",
            "N'associez pas ce médicament à l'alcool.",
            "N'arrêtez jamais brutalement : la diminution doit être progressive et encadrée par votre médecin.",
            "Ne donnez jamais votre médicament à une autre personne, même si elle présente les mêmes symptômes.",
        ]
    ),
    p(
        "Si vous ressentez un effet indésirable, parlez-en à votre médecin ou à votre pharmacien. Vous pouvez aussi "
        "le déclarer sur le portail signalement-sante.gouv.fr."
    ),
]


def footer(canvas, doc):
    canvas.saveState()
    canvas.setFont("Helvetica", 8)
    canvas.setFillColor(colors.HexColor("#666666"))
    canvas.drawString(2 * cm, 1.2 * cm, "ANSM - Benzodiazépines : bon usage - Fiche patient")
    canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, f"Page {doc.page}")
    canvas.restoreState()


doc = SimpleDocTemplate(
    str(OUT),
    pagesize=A4,
    leftMargin=2.2 * cm,
    rightMargin=2.2 * cm,
    topMargin=2 * cm,
    bottomMargin=2 * cm,
    title="Alprazolam et benzodiazépines - fiche patient",
    author="ANSM",
)
doc.build(story, onFirstPage=footer, onLaterPages=footer)
print("wrote", OUT)
