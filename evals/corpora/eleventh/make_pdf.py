"""Build corticoides_oraux.pdf (ANSM-style patient information sheet) with reportlab.

Run from this folder:  /work/main/.venv/bin/python make_pdf.py
"""

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

HERE = Path(__file__).resolve().parent
OUT = HERE / "corticoides_oraux.pdf"

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
if (FONT_DIR / "DejaVuSans.ttf").exists():
    pdfmetrics.registerFont(TTFont("DV", str(FONT_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("DVB", str(FONT_DIR / "DejaVuSans-Bold.ttf")))
    BASE, BOLD = "DV", "DVB"
else:  # Latin-1 accents are covered by the standard fonts too
    BASE, BOLD = "Helvetica", "Helvetica-Bold"

TITLE = "Corticoïdes par voie orale (prednisone, prednisolone) : bien les utiliser, surtout en traitement prolongé"
DATE_LINE = "Fiche d'information patient – ANSM – Publiée le 2 juin 2026"

# The document: a list of blocks. ("h", text) heading, ("p", text) paragraph,
# ("w", text) boxed warning, ("ul", [items]) bullet list, ("table", rows).
BLOCKS = [
    (
        "p",
        "Cette fiche s'adresse aux personnes à qui un médecin a prescrit un corticoïde à avaler (comprimés, "
        "comprimés orodispersibles, solution buvable), ainsi qu'à leur entourage. Elle ne remplace pas l'avis "
        "de votre médecin ni la notice de votre médicament.",
    ),
    ("h", "De quels médicaments s'agit-il ?"),
    (
        "p",
        "Les corticoïdes, aussi appelés corticostéroïdes ou « cortisone », sont des médicaments qui réduisent "
        "fortement l'inflammation et les réactions du système immunitaire. Les plus utilisés par voie orale "
        "sont la prednisone (Cortancyl et ses génériques) et la prednisolone (Solupred et ses génériques). "
        "Ils sont prescrits dans de nombreuses maladies : asthme, allergies sévères, maladies inflammatoires "
        "des articulations ou de l'intestin, certaines maladies de la peau, des reins ou du sang.",
    ),
    (
        "p",
        "Un traitement court, de quelques jours, est en général bien toléré. Les effets indésirables "
        "deviennent plus fréquents quand la dose est élevée et quand le traitement dure. On parle de "
        "traitement prolongé au-delà de trois semaines environ : c'est surtout dans ce cas que les conseils "
        "de cette fiche sont importants.",
    ),
    ("h", "Comment prendre votre corticoïde ?"),
    (
        "ul",
        [
            "Prenez-le de préférence en une seule prise le matin, au cours du petit-déjeuner, sauf avis contraire "
            "de votre médecin. Une prise le soir peut gêner le sommeil.",
            "Respectez la dose et la durée prescrites, même si vous vous sentez mieux.",
            "Les comprimés orodispersibles de prednisolone se dissolvent dans un verre d'eau avant d'être bus.",
            "En cas de traitement prolongé, votre médecin peut vous conseiller de limiter le sel et les sucres "
            "rapides, et de garder une activité physique régulière.",
        ],
    ),
    ("h", "Les risques d'un traitement prolongé"),
    (
        "p",
        "Infections. Les corticoïdes diminuent les défenses de l'organisme. Les infections peuvent être plus "
        "fréquentes, plus graves et moins visibles, car la fièvre et la douleur peuvent être atténuées. "
        "Consultez rapidement en cas de fièvre, de frissons, de toux, de brûlures en urinant ou de plaie "
        "qui ne guérit pas. Si vous n'avez jamais eu la varicelle, évitez le contact avec une personne qui "
        "en est atteinte et prévenez votre médecin sans attendre en cas de contact.",
    ),
    (
        "w",
        "ATTENTION : en cas de fièvre élevée, de frissons importants ou si vous vous sentez très mal, "
        "contactez immédiatement votre médecin ou appelez le 15. Une infection sous corticoïdes peut "
        "s'aggraver vite.",
    ),
    (
        "p",
        "Diabète. Les corticoïdes augmentent le taux de sucre dans le sang. Ils peuvent révéler un diabète ou "
        "déséquilibrer un diabète connu. Une soif intense, des envies fréquentes d'uriner et une grande fatigue "
        "doivent vous faire consulter. Si vous êtes diabétique, votre glycémie doit être surveillée plus souvent "
        "et votre traitement du diabète peut devoir être adapté.",
    ),
    (
        "p",
        "Os et muscles. Un traitement de plusieurs mois fragilise les os (ostéoporose) et augmente le risque de "
        "fracture, même après une chute minime. Votre médecin peut prescrire du calcium, de la vitamine D ou un "
        "médicament protecteur des os, et une mesure de la densité osseuse. Une faiblesse des muscles des "
        "cuisses et des bras est aussi possible. Signalez toute douleur persistante de la hanche.",
    ),
    (
        "p",
        "Yeux. Un traitement prolongé peut favoriser une cataracte (opacification du cristallin) ou un glaucome "
        "(augmentation de la pression dans l'œil). Un examen régulier chez un ophtalmologiste est conseillé. "
        "Consultez en cas de vision floue ou de baisse de la vue.",
    ),
    (
        "p",
        "Humeur et sommeil. Les corticoïdes peuvent provoquer une excitation, de l'insomnie, de l'irritabilité, "
        "une euphorie ou au contraire une tristesse inhabituelle. Plus rarement, des troubles psychiatriques "
        "graves peuvent apparaître, surtout à forte dose. Parlez-en à votre médecin et informez votre entourage "
        "de ces effets possibles.",
    ),
    (
        "w",
        "Si vous avez des idées noires ou des pensées suicidaires, n'attendez pas : appelez le 3114 (numéro "
        "national de prévention du suicide, gratuit, 24 h/24) ou le 15, et prévenez votre médecin.",
    ),
    (
        "p",
        "Autres effets. Prise de poids et visage arrondi, peau plus fine avec des bleus faciles, augmentation de "
        "la tension artérielle, brûlures d'estomac. Chez l'enfant, un traitement prolongé peut ralentir la "
        "croissance.",
    ),
    ("h", "Tableau : ce que vous remarquez et que faire"),
    (
        "table",
        [
            ["Ce que vous remarquez", "Cause possible", "Que faire"],
            [
                "Fièvre, frissons, toux, brûlures en urinant",
                "Infection",
                "Contactez votre médecin rapidement ; appelez le 15 si vous vous sentez très mal",
            ],
            [
                "Soif intense, envies fréquentes d'uriner",
                "Hausse du sucre dans le sang",
                "Prévenez votre médecin pour contrôler votre glycémie",
            ],
            ["Vision floue, baisse de la vue", "Cataracte ou glaucome", "Consultez un ophtalmologiste"],
            ["Douleur osseuse, fracture après une chute minime", "Fragilité des os", "Parlez-en à votre médecin"],
            [
                "Insomnie, nervosité, tristesse inhabituelle",
                "Effet sur l'humeur",
                "Parlez-en à votre médecin ; idées suicidaires : appelez le 3114",
            ],
            ["Selles noires, douleurs d'estomac", "Ulcère de l'estomac", "Consultez en urgence"],
            [
                "Grande fatigue, nausées, vertiges ou malaise à l'arrêt",
                "Insuffisance surrénalienne",
                "Consultez en urgence ; appelez le 15 en cas de malaise",
            ],
        ],
    ),
    ("h", "Ne jamais arrêter brutalement un traitement prolongé"),
    (
        "p",
        "Quand vous prenez un corticoïde pendant plusieurs semaines, vos glandes surrénales réduisent leur "
        "propre production de cortisol, une hormone indispensable. Si le traitement est arrêté brutalement, "
        "l'organisme peut manquer de cortisol : c'est l'insuffisance surrénalienne. Elle se manifeste par une "
        "fatigue intense, une faiblesse, des nausées, des vomissements, des douleurs du ventre, des vertiges "
        "ou une baisse de la tension. Elle peut être grave.",
    ),
    (
        "w",
        "Ne diminuez pas et n'arrêtez pas vous-même votre traitement. Après un traitement prolongé, l'arrêt se "
        "fait par une diminution progressive des doses, sur plusieurs semaines ou plusieurs mois, selon le "
        "schéma décidé par votre médecin.",
    ),
    (
        "p",
        "Pendant le traitement et dans les mois qui suivent son arrêt, votre organisme peut avoir besoin d'un "
        "supplément de cortisone lors d'un stress important : opération, infection sévère, accident. Signalez "
        "toujours que vous prenez ou avez pris un corticoïde à tout professionnel de santé qui vous soigne.",
    ),
    (
        "p",
        "Idée reçue : « Dès qu'on va mieux, il vaut mieux arrêter la cortisone le plus vite possible. » C'est "
        "faux si le traitement est prolongé : un arrêt brutal expose à l'insuffisance surrénalienne et à la "
        "rechute de la maladie. C'est votre médecin qui organise la diminution.",
    ),
    ("h", "Vaccins"),
    (
        "p",
        "Les vaccins vivants atténués (par exemple contre la fièvre jaune, contre la rougeole, les oreillons et "
        "la rubéole, ou contre la varicelle) sont en général contre-indiqués pendant un traitement prolongé à "
        "forte dose et pendant un certain temps après son arrêt. Les vaccins inactivés, comme ceux contre la "
        "grippe ou le pneumocoque, sont possibles et souvent recommandés, même si leur efficacité peut être un "
        "peu diminuée. Demandez l'avis de votre médecin avant toute vaccination et présentez votre ordonnance.",
    ),
    ("h", "Grossesse et allaitement"),
    (
        "p",
        "La prednisone et la prednisolone peuvent être utilisées pendant la grossesse lorsque la maladie de la "
        "mère le nécessite. Si vous découvrez que vous êtes enceinte, n'arrêtez pas votre traitement de "
        "vous-même : prévenez votre médecin, qui adaptera si besoin la dose et le suivi. Si vous envisagez une "
        "grossesse, parlez-en avant. L'allaitement est en général possible ; demandez conseil à votre médecin "
        "ou à votre sage-femme.",
    ),
    ("h", "Chez l'enfant"),
    (
        "p",
        "Les corticoïdes oraux sont aussi prescrits aux enfants, souvent pour quelques jours (crise d'asthme, "
        "laryngite). En cas de traitement prolongé, la taille et le poids de l'enfant sont surveillés "
        "régulièrement, car la croissance peut être ralentie. Chez l'enfant, la varicelle peut être grave sous "
        "corticoïdes : prévenez le médecin sans attendre si votre enfant a été en contact avec une personne "
        "atteinte. Conservez les médicaments hors de la vue et de la portée des enfants.",
    ),
    ("h", "Sport et dopage"),
    (
        "p",
        "Les corticoïdes pris par voie orale figurent sur la liste des substances interdites en compétition "
        "établie par l'Agence mondiale antidopage. Si vous êtes sportif licencié et que vous participez à des "
        "compétitions, signalez-le à votre médecin : une autorisation d'usage à des fins thérapeutiques peut "
        "être nécessaire. Utiliser un corticoïde pour améliorer ses performances est du dopage et expose aux "
        "mêmes effets indésirables, notamment aux blessures des tendons et des muscles.",
    ),
    ("h", "Que faire si..."),
    (
        "ul",
        [
            "Si vous oubliez une prise : prenez-la dès que vous y pensez dans la journée, mais ne doublez pas la "
            "dose le lendemain.",
            "Si vous vomissez plusieurs fois de suite et ne pouvez pas garder vos comprimés : contactez votre médecin "
            "le jour même, surtout en cas de traitement prolongé.",
            "Si vous devez être opéré ou recevoir des soins dentaires : prévenez l'équipe que vous prenez un "
            "corticoïde.",
            "Si vous avez pris trop de comprimés, ou si un enfant en a avalé par accident : appelez un centre "
            "antipoison ou le 15.",
        ],
    ),
    ("h", "En cas de..."),
    (
        "ul",
        [
            "En cas de gonflement du visage, des lèvres ou de la gorge, ou de difficulté à respirer : appelez le 15 "
            "(ou le 112).",
            "En cas de selles noires ou de vomissements de sang : appelez le 15.",
            "En cas de grande fatigue avec vertiges ou malaise après une diminution ou un arrêt du traitement : "
            "consultez en urgence.",
        ],
    ),
    ("h", "Qui contacter ?"),
    (
        "p",
        "Votre médecin et votre pharmacien sont vos premiers interlocuteurs pour toute question sur votre "
        "traitement. En cas d'urgence, appelez le 15 ou le 112. En cas d'intoxication, contactez un centre "
        "antipoison. Vous pouvez déclarer un effet indésirable sur le portail signalement-sante.gouv.fr.",
    ),
]


def build() -> None:
    styles = getSampleStyleSheet()
    body = ParagraphStyle(
        "body", parent=styles["BodyText"], fontName=BASE, fontSize=10, leading=13.5, alignment=TA_LEFT, spaceAfter=6
    )
    title = ParagraphStyle(
        "title", parent=styles["Title"], fontName=BOLD, fontSize=16, leading=20, alignment=TA_LEFT, spaceAfter=6
    )
    date = ParagraphStyle("date", parent=body, fontSize=9, textColor=colors.grey, spaceAfter=12)
    head = ParagraphStyle(
        "head",
        parent=styles["Heading2"],
        fontName=BOLD,
        fontSize=12.5,
        leading=16,
        spaceBefore=10,
        spaceAfter=4,
        textColor=colors.HexColor("#1f3b73"),
    )
    warn = ParagraphStyle(
        "warn",
        parent=body,
        fontName=BOLD,
        backColor=colors.HexColor("#fdecea"),
        borderColor=colors.HexColor("#c0392b"),
        borderWidth=1,
        borderPadding=6,
        spaceBefore=6,
        spaceAfter=10,
    )
    cell = ParagraphStyle("cell", parent=body, fontSize=9, leading=11.5, spaceAfter=0)
    cellh = ParagraphStyle("cellh", parent=cell, fontName=BOLD, textColor=colors.white)

    story = [Paragraph(TITLE, title), Paragraph(DATE_LINE, date)]
    for kind, content in BLOCKS:
        if kind == "h":
            story.append(Paragraph(content, head))
        elif kind == "p":
            story.append(Paragraph(content, body))
        elif kind == "w":
            story.append(Paragraph(content, warn))
        elif kind == "ul":
            story.append(
                ListFlowable(
                    [ListItem(Paragraph(t, body), leftIndent=12) for t in content],
                    bulletType="bullet",
                    start="•",
                    leftIndent=12,
                )
            )
        elif kind == "table":
            rows = [[Paragraph(c, cellh if i == 0 else cell) for c in row] for i, row in enumerate(content)]
            t = Table(rows, colWidths=[5.2 * cm, 4.0 * cm, 7.3 * cm], repeatRows=1)
            t.setStyle(
                TableStyle(
                    [
                        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1f3b73")),
                        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f2f4f8")]),
                    ]
                )
            )
            story.append(t)
            story.append(Spacer(1, 8))

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont(BASE, 8)
        canvas.setFillColor(colors.grey)
        canvas.drawString(2 * cm, 1.2 * cm, "ANSM – Corticoïdes par voie orale – Fiche patient")
        canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, f"Page {doc.page}")
        canvas.restoreState()

    doc = SimpleDocTemplate(
        str(OUT),
        pagesize=A4,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        title=TITLE,
        author="ANSM",
    )
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def plain_text() -> str:
    """The text written into the PDF, for checking gold quotes."""
    parts = [TITLE, DATE_LINE]
    for kind, content in BLOCKS:
        if kind == "ul":
            parts.extend(content)
        elif kind == "table":
            parts.extend(" | ".join(r) for r in content)
        else:
            parts.append(content)
    return "\n".join(parts)


if __name__ == "__main__":
    build()
    print(f"wrote {OUT}")
