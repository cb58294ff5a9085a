"""A synthetic ANSM-like corpus for scale benchmarks: N French documents on invented medicines, and questions on them.

python -m evals.scale_corpus --docs 300 --out evals/runs/scale/n300 [--seed 7] [--questions 50]

Writes OUT/corpus/ (one .txt or .md file per document, and sources.yaml with title, publisher, date, doc_type and
topics for most of them; about one document in seven has no entry, as in real folders) and OUT/questions.jsonl, an
eval set in the project's format (evals/README.md, "The sets"): patient questions on a sample of the documents,
each with one gold quote that is a verbatim sentence of its document and names its medicine, so it is found in
that document only and retrieval hit@k can be measured. A case id ends with "-brand" when the question names the
medicine by a brand its gold sentence does not contain (the sentence names the INN), "-same" otherwise.

The documents imitate the ANSM's: patient sheets extracted from PDF (hard-wrapped lines, words hyphenated at line
ends, "→ Question ?" headings, page numbers), web news in Markdown, numbered information letters and committee
minutes. Medicines are invented (international names built from syllables and a class ending, e.g. "valdoxétine",
plus brand names), each with a class that decides its indications, risks and warnings (pregnancy, overdose, mood);
numbers, dates, the choice and order of sections and the wording of every sentence are drawn at random.

Deterministic: document i depends only on (seed, i), so the corpus of 30 documents begins with the corpus of 10.
The question set depends on the seed, the number of documents and the number of questions.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

MIN_CHARS, MAX_CHARS = 2000, 6000
NO_METADATA_SHARE = 0.14  # documents without an entry in sources.yaml
ENGLISH_SHARE = 0.1  # questions asked in English

MONTHS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
VOWELS = "aeiouyéèêëàâîïôûh"

# ----- medicine classes: what a medicine of each kind is for, what it risks, how it is watched

CLASSES = [
    {
        "key": "antidepresseur",
        "label": "antidépresseurs",
        "suffixes": [("oxétine", "f"), ("alopram", "m"), ("afaxine", "f"), ("azodone", "f")],
        "indications": [
            ("des épisodes dépressifs caractérisés", "l'adulte"),
            ("du trouble anxieux généralisé", "l'adulte"),
            ("du trouble panique avec ou sans agoraphobie", "l'adulte"),
            ("des troubles obsessionnels compulsifs", "l'adulte et l'adolescent de plus de 12 ans"),
        ],
        "common": [
            "des nausées",
            "des maux de tête",
            "des troubles du sommeil",
            "une transpiration excessive",
            "une baisse de la libido",
            "des vertiges",
        ],
        "serious": [
            "un syndrome sérotoninergique",
            "une hyponatrémie",
            "des saignements anormaux",
            "un allongement de l'intervalle QT",
        ],
        "specialist": ["psychiatres"],
        "strengths": [10, 20, 25, 37.5, 50, 75],
        "max_days": None,
        "pregnancy": "caution",
        "mood": True,
        "monitoring": None,
        "interactions": [
            ("le millepertuis", "syndrome sérotoninergique"),
            ("le tramadol", "syndrome sérotoninergique"),
            ("les anticoagulants oraux", "saignement"),
            ("l'alcool", "somnolence"),
        ],
        "forms": ["comprimé pelliculé", "gélule", "solution buvable en gouttes"],
        "misuse": None,
        "domain": "Psychiatrie",
    },
    {
        "key": "retinoide",
        "label": "rétinoïdes",
        "suffixes": [("trétinoïne", "f"), ("arotène", "m"), ("acitrine", "f")],
        "indications": [
            ("des acnés sévères résistantes aux autres traitements", "l'adulte et l'adolescent"),
            ("du psoriasis sévère étendu", "l'adulte"),
            ("des troubles sévères de la kératinisation", "l'adulte"),
        ],
        "common": [
            "une sécheresse de la peau et des lèvres",
            "une sécheresse oculaire",
            "des saignements de nez",
            "des douleurs musculaires",
            "une sensibilité au soleil",
        ],
        "serious": [
            "une atteinte du foie",
            "une augmentation des lipides sanguins",
            "une hypertension intracrânienne",
            "une pancréatite",
        ],
        "specialist": ["dermatologues"],
        "strengths": [5, 10, 20, 25, 40],
        "max_days": None,
        "pregnancy": "contra",
        "mood": True,
        "monitoring": ("un bilan hépatique et lipidique", [1, 3]),
        "interactions": [
            ("les tétracyclines", "hypertension intracrânienne"),
            ("la vitamine A", "surdosage en vitamine A"),
        ],
        "forms": ["capsule molle", "gélule"],
        "misuse": "à des fins esthétiques, promue sur les réseaux sociaux pour affiner les traits du visage",
        "domain": "Dermatologie",
    },
    {
        "key": "antiepileptique",
        "label": "antiépileptiques",
        "suffixes": [("azépine", "f"), ("igabaline", "f"), ("tiracétam", "m"), ("proate", "m")],
        "indications": [
            ("de l'épilepsie", "l'adulte et l'enfant"),
            ("des douleurs neuropathiques", "l'adulte"),
            ("du trouble bipolaire", "l'adulte"),
        ],
        "common": ["une somnolence", "des vertiges", "une prise de poids", "des tremblements", "une fatigue"],
        "serious": [
            "des réactions cutanées graves",
            "une atteinte du foie",
            "une chute des plaquettes",
            "une pancréatite",
        ],
        "specialist": ["neurologues", "pédiatres", "psychiatres"],
        "strengths": [50, 100, 150, 200, 250, 500],
        "max_days": None,
        "pregnancy": "contra",
        "mood": True,
        "monitoring": ("un bilan sanguin", [3, 6]),
        "interactions": [
            ("la pilule contraceptive", "perte d'efficacité de la contraception"),
            ("l'alcool", "somnolence"),
            ("les antidépresseurs", "somnolence"),
        ],
        "forms": ["comprimé à libération prolongée", "gélule", "sirop"],
        "misuse": "à des fins récréatives, pour ses effets euphorisants",
        "domain": "Neurologie",
    },
    {
        "key": "fluoroquinolone",
        "label": "fluoroquinolones",
        "suffixes": [("floxacine", "f")],
        "indications": [
            ("des infections urinaires compliquées", "l'adulte"),
            ("des pneumonies communautaires", "l'adulte"),
            ("des prostatites bactériennes", "l'homme adulte"),
        ],
        "common": ["des nausées", "une diarrhée", "des maux de tête", "une sensibilité au soleil"],
        "serious": [
            "une tendinite ou une rupture du tendon d'Achille",
            "une neuropathie périphérique",
            "un anévrisme de l'aorte",
            "des troubles psychiatriques",
        ],
        "specialist": None,
        "strengths": [200, 250, 400, 500, 750],
        "max_days": [7, 10, 14],
        "pregnancy": "avoid",
        "mood": False,
        "monitoring": None,
        "interactions": [
            ("les corticoïdes", "rupture de tendon"),
            ("les antiacides", "perte d'efficacité"),
            ("la théophylline", "convulsions"),
        ],
        "forms": ["comprimé pelliculé", "solution pour perfusion"],
        "misuse": None,
        "domain": "Anti-infectieux",
    },
    {
        "key": "ains",
        "label": "anti-inflammatoires non stéroïdiens (AINS)",
        "suffixes": [("profène", "m"), ("oxicam", "m"), ("fénac", "m")],
        "indications": [
            ("des douleurs d'intensité légère à modérée", "l'adulte et l'enfant de plus de 12 ans"),
            ("des poussées d'arthrose", "l'adulte"),
            ("des règles douloureuses", "l'adulte"),
        ],
        "common": ["des douleurs à l'estomac", "des nausées", "des brûlures d'estomac", "des vertiges"],
        "serious": [
            "un ulcère ou une hémorragie digestive",
            "une insuffisance rénale",
            "des infections graves de la peau",
            "un infarctus du myocarde",
        ],
        "specialist": None,
        "strengths": [50, 100, 200, 400],
        "max_days": [3, 5],
        "pregnancy": "contra_late",
        "mood": False,
        "monitoring": None,
        "interactions": [
            ("les anticoagulants oraux", "hémorragie"),
            ("l'aspirine", "hémorragie digestive"),
            ("les diurétiques", "insuffisance rénale"),
        ],
        "forms": ["comprimé", "gélule", "suspension buvable"],
        "misuse": None,
        "domain": "Antalgie",
    },
    {
        "key": "opioide",
        "label": "antalgiques opioïdes",
        "suffixes": [("adol", "m"), ("morphone", "f"), ("codone", "f")],
        "indications": [
            ("des douleurs intenses", "l'adulte"),
            ("des douleurs aiguës après une opération", "l'adulte"),
            ("des douleurs chroniques d'origine cancéreuse", "l'adulte"),
        ],
        "common": ["une constipation", "une somnolence", "des nausées", "des vertiges", "une sécheresse de la bouche"],
        "serious": ["une dépression respiratoire", "une dépendance", "un syndrome de sevrage", "une hyperalgésie"],
        "specialist": None,
        "strengths": [5, 10, 20, 50, 100],
        "max_days": [3, 7, 14],
        "pregnancy": "avoid",
        "mood": False,
        "monitoring": None,
        "interactions": [
            ("les benzodiazépines", "dépression respiratoire"),
            ("l'alcool", "dépression respiratoire"),
            ("les antidépresseurs", "syndrome sérotoninergique"),
        ],
        "forms": ["comprimé", "gélule à libération prolongée", "solution buvable"],
        "misuse": "à des fins récréatives, notamment chez les adolescents",
        "domain": "Douleur",
        "antidote": "naloxone",
    },
    {
        "key": "anticoagulant",
        "label": "anticoagulants oraux directs",
        "suffixes": [("xaban", "m"), ("gatran", "m")],
        "indications": [
            ("de la fibrillation atriale, pour prévenir les accidents vasculaires cérébraux", "l'adulte"),
            ("des thromboses veineuses profondes", "l'adulte"),
            ("des phlébites après une prothèse de hanche, en prévention", "l'adulte"),
        ],
        "common": ["des saignements de nez", "des saignements des gencives", "des hématomes", "une anémie"],
        "serious": ["une hémorragie grave", "une hémorragie cérébrale", "des saignements digestifs"],
        "specialist": None,
        "strengths": [2.5, 10, 15, 20, 110, 150],
        "max_days": None,
        "pregnancy": "contra",
        "mood": False,
        "monitoring": ("un contrôle de la fonction rénale", [6, 12]),
        "interactions": [
            ("les AINS", "hémorragie"),
            ("l'aspirine", "hémorragie"),
            ("certains antifongiques", "surdosage"),
        ],
        "forms": ["comprimé pelliculé", "gélule"],
        "misuse": None,
        "domain": "Cardiologie",
    },
    {
        "key": "vasoconstricteur",
        "label": "vasoconstricteurs par voie orale",
        "suffixes": [("éphrine", "f"), ("azoline", "f")],
        "indications": [
            ("du nez bouché au cours d'un rhume", "l'adulte et l'adolescent de plus de 15 ans"),
            ("de la congestion nasale", "l'adulte"),
        ],
        "common": ["une sécheresse de la bouche", "une insomnie", "des palpitations", "des maux de tête"],
        "serious": [
            "un accident vasculaire cérébral",
            "un infarctus du myocarde",
            "une poussée d'hypertension",
            "une colite ischémique",
        ],
        "specialist": None,
        "strengths": [30, 60, 120],
        "max_days": [5],
        "pregnancy": "avoid",
        "mood": False,
        "monitoring": None,
        "interactions": [
            ("les autres vasoconstricteurs", "accident vasculaire cérébral"),
            ("certains antidépresseurs", "poussée d'hypertension"),
        ],
        "forms": ["comprimé", "gélule"],
        "misuse": None,
        "domain": "ORL",
    },
    {
        "key": "antidiabetique",
        "label": "antidiabétiques",
        "suffixes": [("gliptine", "f"), ("glifozine", "f"), ("glutide", "m")],
        "indications": [
            ("du diabète de type 2", "l'adulte"),
            ("du diabète de type 2 insuffisamment contrôlé", "l'adulte"),
        ],
        "common": ["des nausées", "une diarrhée", "des infections urinaires", "des maux de tête"],
        "serious": ["une pancréatite aiguë", "une acidocétose", "une hypoglycémie sévère", "une gangrène de Fournier"],
        "specialist": ["endocrinologues"],
        "strengths": [0.25, 0.5, 1, 5, 10, 25, 100],
        "max_days": None,
        "pregnancy": "avoid",
        "mood": False,
        "monitoring": ("un dosage de l'hémoglobine glyquée", [3]),
        "interactions": [("l'insuline", "hypoglycémie"), ("les diurétiques", "déshydratation")],
        "forms": ["comprimé pelliculé", "solution injectable en stylo prérempli"],
        "misuse": "pour perdre du poids, hors de son indication, après des promotions sur les réseaux sociaux",
        "domain": "Endocrinologie",
    },
    {
        "key": "antimetabolite",
        "label": "immunosuppresseurs",
        "suffixes": [("trexate", "m"), ("limus", "m")],
        "indications": [
            ("de la polyarthrite rhumatoïde", "l'adulte"),
            ("du psoriasis sévère", "l'adulte"),
            ("du rejet de greffe, en prévention", "l'adulte greffé"),
        ],
        "common": ["des nausées", "une fatigue", "des aphtes", "une perte de cheveux"],
        "serious": [
            "une atteinte de la moelle osseuse",
            "une infection grave",
            "une atteinte du foie",
            "une atteinte pulmonaire",
        ],
        "specialist": ["rhumatologues", "dermatologues"],
        "strengths": [2.5, 7.5, 10, 15, 25],
        "max_days": None,
        "pregnancy": "contra",
        "mood": False,
        "monitoring": ("une numération de la formule sanguine", [1, 3]),
        "interactions": [("le triméthoprime", "atteinte de la moelle osseuse"), ("les AINS", "surdosage")],
        "forms": ["comprimé", "solution injectable en seringue préremplie"],
        "misuse": None,
        "domain": "Rhumatologie",
        "weekly": True,
    },
    {
        "key": "antimigraineux",
        "label": "triptans",
        "suffixes": [("triptan", "m")],
        "indications": [
            ("de la crise de migraine", "l'adulte de 18 à 65 ans"),
            ("de l'algie vasculaire de la face", "l'adulte"),
        ],
        "common": [
            "une sensation de chaleur",
            "des fourmillements",
            "une somnolence",
            "une oppression dans la poitrine",
        ],
        "serious": [
            "un spasme des artères coronaires",
            "un infarctus du myocarde",
            "des céphalées par abus médicamenteux",
        ],
        "specialist": None,
        "strengths": [2.5, 5, 12.5, 50, 100],
        "max_days": None,
        "pregnancy": "caution",
        "mood": False,
        "monitoring": None,
        "interactions": [
            ("les antidépresseurs", "syndrome sérotoninergique"),
            ("les dérivés de l'ergot de seigle", "spasme des artères"),
        ],
        "forms": ["comprimé", "lyophilisat oral", "spray nasal"],
        "misuse": None,
        "domain": "Neurologie",
    },
    {
        "key": "hypnotique",
        "label": "benzodiazépines et apparentés",
        "suffixes": [("azépam", "m"), ("azolam", "m"), ("iclone", "f")],
        "indications": [
            ("de l'insomnie occasionnelle", "l'adulte"),
            ("de l'anxiété sévère", "l'adulte"),
            ("du sevrage alcoolique", "l'adulte"),
        ],
        "common": [
            "une somnolence dans la journée",
            "des troubles de la mémoire",
            "une faiblesse musculaire",
            "des vertiges",
        ],
        "serious": [
            "une dépendance",
            "des chutes chez les personnes âgées",
            "une dépression respiratoire",
            "un comportement automatique pendant le sommeil",
        ],
        "specialist": None,
        "strengths": [0.25, 1, 2.5, 5, 7.5, 10],
        "max_days": [28, 84],
        "pregnancy": "avoid",
        "mood": True,
        "monitoring": None,
        "interactions": [("l'alcool", "dépression respiratoire"), ("les opioïdes", "dépression respiratoire")],
        "forms": ["comprimé sécable", "solution buvable en gouttes"],
        "misuse": "comme drogue de soumission chimique",
        "domain": "Psychiatrie",
    },
]

_FEMININE_FORMS = {"gélule", "capsule", "solution", "suspension"}
WITHDRAWAL = {"antidepresseur", "hypnotique", "opioide", "antiepileptique"}  # stopped gradually
SEDATING = {"hypnotique", "opioide", "antiepileptique", "antidepresseur", "antimigraineux"}

ONSETS = (
    "val dox mir ter lor pran zen cal fen mor ris tal nor ben cor dal el flu gal hex ir lam mep nat ox pel quin ral sol "
    "tri ul ven xan zol bra cli dro fu ga ke li mo ne pi ro sa ti vo da ar es om ep az tor sel dus fim gor pab rem tuv "
    "bel cas dim fol hal jor kel lus mab nir pov rud sev tob vam yr"
).split()
MIDDLES = "- - - a i o u e ba do ri lo me ta ni vi zo xa pe ru ga fe".split()
BRAND_ENDINGS = "ix al ane ium yl or éa ol ène a is on ex ia ine an ar il".split()
LABS = [
    "Arlépharm",
    "Medivia",
    "Biolis",
    "Santéa",
    "Pharmalys",
    "Cerbion",
    "Novelia",
    "Laboratoires Dumesnil",
    "Orvane",
    "Théralis",
    "Genvia",
    "Lysopharm",
]


def _join(prefix: str, suffix: str) -> str:
    if prefix[-1] in VOWELS and suffix[0] in VOWELS:
        prefix = prefix[:-1]
    return prefix + suffix


def _fr_number(value: float) -> str:
    return (f"{value:g}").replace(".", ",")


def _date_fr(year: int, month: int, day: int) -> str:
    return f"{'1er' if day == 1 else day} {MONTHS[month - 1]} {year}"


@dataclass
class Medicine:
    inn: str
    gender: str  # of the international name: "m" or "f"
    brands: list[str]
    cls: dict
    lab: str

    @property
    def brand(self) -> str:
        return self.brands[0]

    def _elides(self) -> bool:
        return self.inn[0] in VOWELS

    def le(self) -> str:
        return f"l'{self.inn}" if self._elides() else f"{'la' if self.gender == 'f' else 'le'} {self.inn}"

    def Le(self) -> str:
        return self.le()[0].upper() + self.le()[1:]

    def du(self) -> str:
        return f"de l'{self.inn}" if self._elides() else f"{'de la' if self.gender == 'f' else 'du'} {self.inn}"

    def au(self) -> str:
        return f"à l'{self.inn}" if self._elides() else f"{'à la' if self.gender == 'f' else 'au'} {self.inn}"

    def de_bare(self) -> str:
        """ "d'X" or "de X", as in "à base de X"."""
        return f"d'{self.inn}" if self._elides() else f"de {self.inn}"

    def il(self) -> str:
        return "elle" if self.gender == "f" else "il"

    def Inn(self) -> str:
        return self.inn[0].upper() + self.inn[1:]

    @staticmethod
    def le_brand(brand: str) -> str:
        return f"l'{brand}" if brand[0].lower() in VOWELS else f"le {brand}"

    @staticmethod
    def du_brand(brand: str) -> str:
        return f"de l'{brand}" if brand[0].lower() in VOWELS else f"du {brand}"


def medicines(count: int, seed: int) -> list[Medicine]:
    """The medicines of documents 0..count-1: one sequential stream, so names stay unique and prefixes stable."""
    rng = random.Random(f"{seed}:medicines")
    seen_inn: set[str] = set()
    seen_brand: set[str] = set()
    found = []
    for _ in range(count):
        cls = rng.choice(CLASSES)
        while True:
            suffix, gender = rng.choice(cls["suffixes"])
            middle = rng.choice(MIDDLES).strip("-")
            inn = _join(rng.choice(ONSETS) + middle, suffix)
            if inn not in seen_inn and len(inn) >= 7:
                break
        seen_inn.add(inn)
        brands = []
        for _ in range(rng.choice([1, 1, 2, 2, 3])):
            while True:
                if rng.random() < 0.5:
                    stem = inn[: rng.choice([3, 4, 5])]
                else:
                    stem = rng.choice(ONSETS) + rng.choice(["", "a", "i", "o", "e"]) + rng.choice(ONSETS)
                brand = _join(stem, rng.choice(BRAND_ENDINGS)).capitalize()
                if brand not in seen_brand and brand.lower() != inn and len(brand) >= 5:
                    break
            seen_brand.add(brand)
            brands.append(brand)
        found.append(Medicine(inn, gender, brands, cls, rng.choice(LABS)))
    return found


# ----- facts: sentences the questions are about


@dataclass
class Fact:
    kind: str
    sentence: str  # verbatim in the document
    questions: list[str]  # French phrasings
    questions_en: list[str]
    must_mention: list[list[str]]
    category: str = "answerable"


@dataclass
class Section:
    key: str
    heading_question: str  # "Quels sont les risques ?"
    heading_plain: str  # "Effets indésirables"
    blocks: list[tuple] = field(default_factory=list)  # ("p", text) or ("list", lead, [items])
    facts: list[Fact] = field(default_factory=list)


def _de(name: str) -> str:
    return f"d'{name}" if name[0].lower() in VOWELS else f"de {name}"


def _cap(text: str) -> str:
    return text[0].upper() + text[1:]


def _para(*sentences: str | None) -> tuple[str, str]:
    return ("p", " ".join(s for s in sentences if s))


class DocumentWriter:
    """Writes one document from its medicine and a random generator seeded by (seed, index)."""

    def __init__(self, index: int, med: Medicine, earlier: list[Medicine], rng: random.Random):
        self.i, self.m, self.rng = index, med, rng
        c = med.cls
        self.c = c
        self.indication, self.population = rng.choice(c["indications"])
        self.form = rng.choice(c["forms"])
        self.strength = rng.choice(c["strengths"])
        self.per_day = 1 if c.get("weekly") else rng.choice([1, 1, 2, 2, 3])
        self.max_days = rng.choice(c["max_days"]) if c["max_days"] else None
        self.year = rng.randint(2005, 2026)
        self.month = rng.randint(1, 12 if self.year < 2026 else 6)
        self.day = rng.randint(1, 28)
        self.common = rng.sample(c["common"], k=min(len(c["common"]), rng.randint(3, 5)))
        self.serious = rng.sample(c["serious"], k=min(len(c["serious"]), rng.randint(2, 3)))
        self.main_risk = self.serious[0]
        self.related = [e for e in earlier if e.cls["key"] == c["key"]]
        self.related = rng.sample(self.related, k=min(2, len(self.related))) if self.related else []

    # -- helpers
    def pick(self, options):
        return self.rng.choice(options)

    def dose(self) -> str:
        return f"{_fr_number(self.strength)} mg"

    def date(self) -> str:
        return _date_fr(self.year, self.month, self.day)

    def some_brand(self) -> str:
        return self.pick(self.m.brands)

    def name_for_question(self) -> tuple[str, str, str]:
        """(name, "le"-form, "du"-form) of the medicine as a patient would say it: the brand or the INN."""
        m = self.m
        if self.rng.random() < 0.5:
            b = self.some_brand()
            return b, m.le_brand(b), m.du_brand(b)
        return m.inn, m.le(), m.du()

    # -- sections
    def presentation(self) -> Section:
        m, c = self.m, self.c
        brands = ", ".join(m.brands)
        s = Section(
            "presentation",
            self.pick(
                [f"Qu'est-ce que {m.le()} ?", "À quoi sert ce médicament ?", "Quels sont les médicaments concernés ?"]
            ),
            self.pick(["Médicaments concernés", "Présentation du médicament", "Indications du traitement"]),
        )
        fact = self.pick(
            [
                f"{m.Le()} est indiqué{'e' if m.gender == 'f' else ''} dans le traitement {self.indication} chez {self.population}.",
                f"Les médicaments à base {m.de_bare()} sont utilisés dans le traitement {self.indication} chez {self.population}.",
                f"{m.Le()} ({brands}) est autorisé{'e' if m.gender == 'f' else ''} en France pour le traitement {self.indication}.",
            ]
        )
        n, le_n, du_n = self.name_for_question()
        key_word = re.sub(r"^(des|du|de la|de l'|d')\s*", "", self.indication).split()[0]
        s.facts.append(
            Fact(
                "indication",
                fact,
                [
                    f"À quoi sert {le_n} ?",
                    f"{_cap(n)}, c'est prescrit pour quoi ?",
                    f"Dans quel cas on prend {du_n} ?",
                    f"{n} c pour soigner quoi",
                ],
                [f"What is {n} used for?", f"What does {n} treat?"],
                [[re.escape(key_word)]],
            )
        )
        intro = self.pick(
            [
                f"{m.Le()} appartient à la famille des {c['label']}.",
                f"{m.Le()} est un médicament de la classe des {c['label']}.",
                f"Ce médicament fait partie des {c['label']}.",
            ]
        )
        forms = self.pick(
            [
                f"Il est commercialisé sous le nom de {brands}, sous forme de {self.form} dosé{'e' if self.form.split()[0] in _FEMININE_FORMS else ''} à {self.dose()}.",
                f"Les spécialités concernées sont {brands} ({self.form}, {self.dose()}), commercialisées par {m.lab}.",
                f"Il se présente sous forme de {self.form} ; les noms commerciaux sont {brands}.",
            ]
        )
        s.blocks.append(_para(intro, fact, forms))
        if self.related:
            others = " et ".join(r.le() for r in self.related)
            s.blocks.append(
                _para(
                    self.pick(
                        [
                            f"D'autres médicaments de la même famille, comme {others}, exposent à des risques comparables.",
                            f"Les recommandations de ce document valent aussi, pour l'essentiel, pour {others}.",
                        ]
                    )
                )
            )
        if self.rng.random() < 0.5:
            s.blocks.append(
                _para(
                    self.pick(
                        [
                            "Ce médicament ne doit être utilisé que sur prescription médicale et pour l'indication prévue.",
                            "Il ne doit pas être donné à une autre personne, même si ses symptômes paraissent semblables.",
                            "Ne l'utilisez jamais pour traiter un autre trouble que celui pour lequel il vous a été prescrit.",
                        ]
                    )
                )
            )
        return s

    def posology(self) -> Section:
        m = self.m
        s = Section(
            "posology",
            self.pick(
                [f"Comment prendre {m.le()} ?", "Quelle dose prendre ?", "Comment bien utiliser ce médicament ?"]
            ),
            self.pick(["Posologie et mode d'administration", "Bon usage", "Modalités de prise"]),
        )
        n, le_n, du_n = self.name_for_question()
        if self.c.get("weekly"):
            fact = self.pick(
                [
                    f"Le traitement par {m.inn} se prend une seule fois par semaine, toujours le même jour, à la dose de {self.dose()}.",
                    f"{m.Le()} par voie orale se prend une fois par semaine, et jamais tous les jours, à la dose habituelle de {self.dose()}.",
                ]
            )
            s.facts.append(
                Fact(
                    "frequency",
                    fact,
                    [
                        f"Combien de fois par semaine je dois prendre {du_n} ?",
                        f"{_cap(le_n)} se prend tous les jours ?",
                        f"je prends {n} chaque jour c bon ?",
                    ],
                    [f"How often should I take {n}?"],
                    [["semaine", "hebdomadaire"]],
                )
            )
        else:
            per = {1: "en une prise", 2: "en deux prises", 3: "en trois prises"}[self.per_day]
            fact = self.pick(
                [
                    f"Chez l'adulte, la dose habituelle {m.du()} est de {self.dose()} par jour, {per}.",
                    f"La posologie recommandée {m.du()} est de {self.dose()} par jour {per}, de préférence au cours d'un repas.",
                    f"Chez {self.population}, la dose usuelle {m.du()} est de {self.dose()} par jour, {per}.",
                ]
            )
            s.facts.append(
                Fact(
                    "dose",
                    fact,
                    [
                        f"Quelle est la dose {du_n} par jour ?",
                        f"Combien de {n} je peux prendre par jour ?",
                        f"c quoi la posologie {du_n} ?",
                        f"{_cap(n)} : combien de milligrammes par jour ?",
                    ],
                    [f"What is the usual daily dose of {n}?", f"How much {n} can I take a day?"],
                    [[re.escape(_fr_number(self.strength)) + r"\s?mg"]],
                )
            )
        sentences = [fact]
        if self.max_days:
            weeks = self.max_days // 7
            span = f"{self.max_days} jours" if self.max_days < 28 else f"{weeks} semaines"
            dfact = self.pick(
                [
                    f"La durée du traitement par {m.inn} ne doit pas dépasser {span}.",
                    f"Un traitement par {m.inn} ne doit pas être poursuivi au-delà de {span} sans avis médical.",
                ]
            )
            sentences.append(dfact)
            s.facts.append(
                Fact(
                    "duration",
                    dfact,
                    [
                        f"Combien de temps je peux prendre {du_n} ?",
                        f"Je peux prendre {du_n} pendant un mois ?",
                        f"durée max de traitement avec {n} ?",
                    ],
                    [f"How long can I take {n} for?"],
                    [[re.escape(span.split()[0]) + r"\s?(jours|semaines)"]],
                )
            )
        sentences.append(
            self.pick(
                [
                    "Respectez la dose et la durée prescrites par votre médecin.",
                    "Ne modifiez pas la dose sans en parler à votre médecin.",
                    "Avalez les comprimés avec un verre d'eau, sans les croquer."
                    if "comprimé" in self.form
                    else "Utilisez toujours le dispositif fourni dans la boîte.",
                    "N'augmentez jamais la dose de vous-même, même si vous avez l'impression que le traitement est moins efficace.",
                ]
            )
        )
        s.blocks.append(_para(*sentences))
        if self.rng.random() < 0.6:
            steps = self.rng.sample(
                [
                    "prenez le médicament à heure fixe",
                    "ne dépassez pas la dose indiquée sur l'ordonnance",
                    "vérifiez qu'aucun autre médicament que vous prenez ne contient la même substance",
                    "conservez la boîte d'origine et la notice",
                    "ne partagez pas votre traitement",
                    "demandez conseil à votre pharmacien en cas de doute",
                    "tenez ce médicament hors de la vue et de la portée des enfants",
                ],
                k=self.rng.randint(3, 5),
            )
            s.blocks.append(
                (
                    "list",
                    self.pick(
                        [
                            "Pour bien utiliser ce médicament :",
                            "Quelques conseils pratiques :",
                            "Rappel des règles de bon usage :",
                        ]
                    ),
                    steps,
                )
            )
        return s

    def risks(self) -> Section:
        m = self.m
        s = Section(
            "risks",
            self.pick(
                [
                    "Quels sont les risques ?",
                    "Quels sont les effets indésirables ?",
                    f"Quels sont les risques liés {m.au()} ?",
                ]
            ),
            self.pick(["Effets indésirables", "Les risques liés au traitement", "Données de pharmacovigilance"]),
        )
        lead = self.pick(
            [
                f"Les effets indésirables les plus fréquents {m.du()} sont :",
                "Les effets indésirables les plus souvent rapportés sont :",
                f"Au cours d'un traitement par {m.inn}, les effets suivants peuvent survenir :",
            ]
        )
        s.blocks.append(("list", lead, list(self.common)))
        pct = self.pick([1, 2, 3, 5, 8, 10, 12, 15])
        effect = self.common[0]
        ffact = self.pick(
            [
                f"Dans les études cliniques, environ {pct} % des patients traités par {m.inn} ont signalé {effect}.",
                f"Environ {pct} % des patients traités par {m.inn} ont présenté {effect} au cours des premières semaines.",
            ]
        )
        n, le_n, du_n = self.name_for_question()
        bare = re.sub(r"^(des|une|un)\s+", "", effect)
        s.facts.append(
            Fact(
                "frequency_effect",
                ffact,
                [
                    f"Est-ce que {le_n} donne {effect} ?",
                    f"{_cap(bare)} avec {n}, c'est fréquent ?",
                    f"quel pourcentage de patients sous {n} ont {effect} ?",
                ],
                [f"Does {n} cause {bare}? How often?"],
                [[re.escape(str(pct)) + r"\s?%"]],
            )
        )
        serious = ", ".join(self.serious[:-1]) + " ou " + self.serious[-1] if len(self.serious) > 1 else self.serious[0]
        s.blocks.append(
            _para(
                ffact,
                self.pick(
                    [
                        f"Plus rarement, {m.le()} peut provoquer des effets graves : {serious}.",
                        f"Des effets indésirables graves ont aussi été signalés, notamment {serious}.",
                        f"Des cas plus rares mais graves ont été décrits : {serious}.",
                    ]
                ),
                self.pick(
                    [
                        "Ces effets peuvent survenir dès les premiers jours de traitement.",
                        "Certains de ces effets peuvent persister après l'arrêt du traitement.",
                        "Le risque augmente avec la dose et la durée du traitement.",
                        "Les personnes âgées y sont plus exposées.",
                        None,
                    ]
                ),
            )
        )
        y1 = self.rng.randint(max(1998, self.year - 12), self.year - 2)
        cases = self.rng.randint(12, 2400)
        deaths = self.rng.randint(0, max(1, cases // 40))
        cfact = self.pick(
            [
                f"Entre {y1} et {self.year - 1}, {cases} cas {_de(self._bare(self.main_risk))} liés {m.au()} ont été déclarés en France.",
                f"Depuis {y1}, les centres régionaux de pharmacovigilance ont recensé {cases} cas {_de(self._bare(self.main_risk))} chez des patients traités par {m.inn}, dont {deaths} d'évolution fatale.",
            ]
        )
        s.facts.append(
            Fact(
                "cases",
                cfact,
                [
                    f"Combien de cas {_de(self._bare(self.main_risk))} avec {n} ont été signalés ?",
                    f"Y a-t-il eu beaucoup de cas {_de(self._bare(self.main_risk))} sous {n} ?",
                ],
                [f"How many cases of {self._bare(self.main_risk)} with {n} were reported in France?"],
                [[str(cases)]],
            )
        )
        if self.rng.random() < 0.7:
            s.blocks.append(
                _para(
                    cfact,
                    self.pick(
                        [
                            "Ces chiffres sont probablement sous-estimés, car tous les effets ne sont pas déclarés.",
                            "Une enquête nationale de pharmacovigilance a été ouverte pour suivre l'évolution de ces signalements.",
                            "L'analyse de ces cas montre que la plupart sont survenus chez des patients ayant dépassé la dose recommandée.",
                        ]
                    ),
                )
            )
        else:
            s.facts.pop()
        s.blocks.append(
            _para(
                self.pick(
                    [
                        "Si vous ressentez l'un de ces effets, parlez-en rapidement à votre médecin ou à votre pharmacien.",
                        "En cas d'effet inhabituel, n'arrêtez pas le traitement de vous-même : demandez l'avis de votre médecin.",
                        f"Consultez sans attendre un médecin si vous présentez des signes {_de(self._bare(self.main_risk))}.",
                    ]
                )
            )
        )
        return s

    @staticmethod
    def _bare(effect: str) -> str:
        return re.sub(r"^(?:(?:des|du|de la|une|un|les|le|la)\s+|de l'|d'|l')", "", effect)

    def pregnancy(self) -> Section | None:
        m, kind = self.m, self.c["pregnancy"]
        s = Section(
            "pregnancy",
            self.pick(
                [
                    "Et en cas de grossesse ?",
                    "Peut-on le prendre pendant la grossesse ?",
                    "Que faire si vous êtes enceinte ou souhaitez le devenir ?",
                ]
            ),
            self.pick(["Grossesse et allaitement", "Femmes en âge d'avoir des enfants", "Grossesse"]),
        )
        n, le_n, du_n = self.name_for_question()
        if kind == "contra":
            months = self.pick([1, 1, 3, 6])
            risk = self.pick(
                [
                    "un risque élevé de malformations chez l'enfant à naître",
                    "un risque de malformations et de troubles du neurodéveloppement chez l'enfant exposé",
                    "un risque élevé de fausse couche et de malformations",
                ]
            )
            fact = self.pick(
                [
                    f"{m.Le()} est strictement contre-indiqué{'e' if m.gender == 'f' else ''} pendant la grossesse en raison d'{risk}.",
                    f"{m.Le()} ne doit pas être utilisé{'e' if m.gender == 'f' else ''} pendant la grossesse, car {m.il()} expose à {risk}.",
                ]
            )
            cfact = (
                f"Une contraception efficace est obligatoire pendant toute la durée du traitement par {m.inn} et "
                f"jusqu'à {months} mois après son arrêt."
            )
            s.facts.append(
                Fact(
                    "pregnancy",
                    fact,
                    [
                        f"Peut-on prendre {du_n} pendant la grossesse ?",
                        f"c'est dangereux pour le bébé, {n} ?",
                        f"est ce que {le_n} est compatible avec une grossesse",
                    ],
                    [f"Can I take {n} while pregnant?"],
                    [["contre-indique", "ne doit pas", "malformation"]],
                )
            )
            s.facts.append(
                Fact(
                    "contraception",
                    cfact,
                    [
                        f"Combien de temps après l'arrêt {du_n} dois-je garder une contraception ?",
                        f"contraception obligatoire avec {n} ? jusqu'à quand ?",
                    ],
                    [f"How long after stopping {n} do I need contraception?"],
                    [[rf"{months}\s?mois"]],
                )
            )
            s.blocks.append(_para(fact, cfact))
            s.blocks.append(
                _para(
                    self.pick(
                        [
                            "Un test de grossesse est recommandé avant le début du traitement puis chaque mois.",
                            "Avant de commencer le traitement, votre médecin vérifie que vous n'êtes pas enceinte.",
                            "Les femmes en âge d'avoir des enfants doivent signer un accord de soins avant la première prescription.",
                        ]
                    ),
                    self.pick(
                        [
                            "Si vous découvrez que vous êtes enceinte, arrêtez le traitement et consultez immédiatement votre médecin.",
                            "En cas de grossesse pendant le traitement, contactez sans délai votre médecin : n'attendez pas le prochain rendez-vous.",
                            "Si vous envisagez une grossesse, parlez-en à votre médecin avant d'arrêter votre contraception.",
                        ]
                    ),
                )
            )
        elif kind == "contra_late":
            fact = (
                f"À partir du début du 6e mois de grossesse, {m.le()} est contre-indiqué{'e' if m.gender == 'f' else ''}, "
                f"même en une seule prise, en raison d'un risque d'atteinte grave du rein et du cœur du fœtus."
            )
            s.facts.append(
                Fact(
                    "pregnancy",
                    fact,
                    [
                        f"Je suis enceinte de 7 mois, puis-je prendre {du_n} ?",
                        f"{_cap(n)} pendant la grossesse, c'est possible ?",
                    ],
                    [f"Can I take {n} late in pregnancy?"],
                    [["6e mois", "sixieme mois", "contre-indique"]],
                )
            )
            s.blocks.append(
                _para(
                    fact,
                    self.pick(
                        [
                            "Avant ce terme, il ne doit être utilisé que si votre médecin le juge indispensable.",
                            "Pendant les cinq premiers mois, demandez toujours l'avis d'un médecin ou d'un pharmacien avant d'en prendre.",
                        ]
                    ),
                )
            )
        else:
            fact = self.pick(
                [
                    f"Par prudence, il est préférable d'éviter {m.le()} pendant la grossesse, sauf avis contraire de votre médecin.",
                    f"L'utilisation {m.du()} pendant la grossesse n'est envisagée que si le bénéfice attendu justifie le risque pour le fœtus.",
                ]
            )
            s.facts.append(
                Fact(
                    "pregnancy",
                    fact,
                    [f"Peut-on prendre {du_n} quand on est enceinte ?", f"{_cap(n)} et grossesse, c'est compatible ?"],
                    [f"Is {n} safe during pregnancy?"],
                    [["grossesse"], ["eviter", "benefice", "medecin"]],
                )
            )
            s.blocks.append(
                _para(
                    fact,
                    self.pick(
                        [
                            "Signalez toujours une grossesse ou un projet de grossesse au médecin qui vous prescrit ce médicament.",
                            "Si vous allaitez, demandez conseil à votre médecin avant de prendre ce médicament.",
                        ]
                    ),
                )
            )
        return s

    def overdose(self) -> Section:
        m = self.m
        s = Section(
            "overdose",
            self.pick(
                [
                    "Que faire en cas de surdosage ?",
                    "Que faire en cas de prise d'une dose trop importante ?",
                    "Que faire si un enfant a avalé ce médicament ?",
                ]
            ),
            self.pick(["Surdosage", "Conduite à tenir en cas de surdosage", "Intoxication accidentelle"]),
        )
        signs = self.rng.sample(
            [
                "une somnolence inhabituelle",
                "des vomissements",
                "une confusion",
                "des convulsions",
                "une respiration lente",
                "des palpitations",
                "une perte de connaissance",
            ],
            k=3,
        )
        fact = self.pick(
            [
                f"En cas de surdosage {m.du()}, appelez immédiatement le 15 ou un centre antipoison, même en l'absence de symptômes.",
                f"Si vous avez pris plus {m.de_bare()} que vous n'auriez dû, contactez sans attendre le 15 ou le centre antipoison le plus proche.",
                f"En cas d'ingestion accidentelle {m.du()} par un enfant, appelez immédiatement le 15 ou un centre antipoison.",
            ]
        )
        n, le_n, du_n = self.name_for_question()
        s.facts.append(
            Fact(
                "overdose",
                fact,
                [
                    f"Mon fils a avalé plusieurs comprimés {_de(n)}, que faire ?",
                    f"j'ai pris le double de dose de {n} par erreur",
                    f"J'ai pris trop {_de(n)}, qu'est-ce que je fais ?",
                ],
                [f"I took too much {n}, what should I do?"],
                [["15", "antipoison"]],
                category="urgent",
            )
        )
        lead = self.pick(["Les signes d'un surdosage peuvent être :", "Un surdosage peut se manifester par :"])
        s.blocks.append(("list", lead, signs))
        extra = []
        if self.c.get("antidote"):
            extra.append(f"Un antidote, la {self.c['antidote']}, peut être administré par les secours.")
        if self.c.get("weekly"):
            extra.append(
                f"Une prise quotidienne par erreur {m.du()} au lieu d'une prise hebdomadaire peut être mortelle."
            )
        s.blocks.append(
            _para(
                fact,
                *extra,
                self.pick(
                    [
                        "Ne vous faites pas vomir et gardez la boîte du médicament avec vous.",
                        "Munissez-vous de la boîte et de l'ordonnance pour renseigner les secours.",
                        "N'attendez pas l'apparition de symptômes pour appeler.",
                    ]
                ),
            )
        )
        return s

    def mood(self) -> Section:
        m = self.m
        s = Section(
            "mood",
            self.pick(
                [
                    "Que faire en cas de changement d'humeur ?",
                    "Que faire si vous vous sentez triste ou anxieux ?",
                    "Quels sont les risques pour la santé mentale ?",
                ]
            ),
            self.pick(["Troubles de l'humeur", "Risque de troubles psychiatriques", "Risque suicidaire"]),
        )
        fact = self.pick(
            [
                f"Des idées suicidaires et des modifications de l'humeur ont été signalées chez des patients traités par {m.inn}, en particulier au début du traitement.",
                f"Des symptômes dépressifs, une irritabilité ou des idées suicidaires ont été rapportés pendant le traitement par {m.inn} ou après son arrêt.",
            ]
        )
        n, le_n, du_n = self.name_for_question()
        s.facts.append(
            Fact(
                "mood",
                fact,
                [
                    f"Est-ce que {le_n} peut avoir des effets sur l'humeur ?",
                    f"{_cap(n)} peut rendre dépressif ?",
                    f"effets psychologiques {du_n} ?",
                ],
                [f"Can {n} affect my mood?"],
                [["humeur", "depress", "suicid"]],
            )
        )
        s.blocks.append(
            _para(
                fact,
                self.pick(
                    [
                        "Vos proches peuvent remarquer ces changements avant vous : demandez-leur de vous prévenir.",
                        "Ces troubles peuvent survenir chez des personnes sans antécédent psychiatrique.",
                    ]
                ),
            )
        )
        s.blocks.append(
            _para(
                self.pick(
                    [
                        "Si vous avez des idées noires ou des pensées suicidaires, appelez le 3114, numéro national de prévention du suicide, ou le 15.",
                        "En cas d'idées suicidaires, contactez immédiatement le 3114 (gratuit, 24 h sur 24) ou le 15.",
                    ]
                ),
                self.pick(
                    [
                        "N'arrêtez jamais brutalement votre traitement sans l'avis de votre médecin.",
                        "Prévenez rapidement le médecin qui vous suit de tout changement de votre humeur.",
                    ]
                ),
            )
        )
        return s

    def interactions(self) -> Section:
        m = self.m
        s = Section(
            "interactions",
            self.pick(
                ["Peut-on l'associer à d'autres médicaments ?", "Quels médicaments éviter pendant le traitement ?"]
            ),
            self.pick(["Interactions médicamenteuses", "Associations déconseillées"]),
        )
        substance, risk = self.pick(self.c["interactions"])
        fact = self.pick(
            [
                f"L'association {m.du()} avec {substance} est déconseillée car elle augmente le risque {_de(risk)}.",
                f"Prendre {m.le()} avec {substance} expose à un risque accru {_de(risk)}.",
            ]
        )
        n, le_n, du_n = self.name_for_question()
        s.facts.append(
            Fact(
                "interaction",
                fact,
                [f"Je peux prendre {substance} avec {le_n} ?", f"{_cap(n)} et {substance}, il y a un risque ?"],
                [f"Can I combine {n} with {substance}?"],
                [[re.escape(self._bare(risk).split()[0])]],
            )
        )
        s.blocks.append(
            _para(
                fact,
                self.pick(
                    [
                        "Informez votre médecin et votre pharmacien de tous les médicaments que vous prenez, y compris ceux obtenus sans ordonnance.",
                        "Pensez aussi aux produits de phytothérapie et aux compléments alimentaires.",
                        "Votre pharmacien peut vérifier l'absence d'interaction avec vos autres traitements.",
                    ]
                ),
            )
        )
        return s

    def forgotten(self) -> Section:
        m = self.m
        b = self.some_brand()
        s = Section("forgotten", "Que faire en cas d'oubli ?", self.pick(["Oubli de prise", "En cas d'oubli"]))
        fact = self.pick(
            [
                f"Si vous oubliez une prise {m.du_brand(b)}, ne prenez pas de dose double pour compenser la dose oubliée.",
                f"En cas d'oubli d'une prise {m.du_brand(b)}, prenez la suivante à l'heure habituelle, sans doubler la dose.",
            ]
        )
        s.facts.append(
            Fact(
                "forgotten",
                fact,
                [
                    f"J'ai oublié mon {b} hier soir, je double la dose ?",
                    f"oubli de {b} que faire",
                    f"Si j'oublie une prise de {b}, je rattrape comment ?",
                ],
                [f"I forgot a dose of {b}, should I take two?"],
                [["double", "doubler"]],
            )
        )
        s.blocks.append(
            _para(
                fact,
                self.pick(
                    [
                        "Si vous oubliez souvent vos prises, parlez-en à votre pharmacien : un pilulier peut vous aider.",
                        "Notez l'oubli et signalez-le à votre médecin lors de la prochaine consultation.",
                    ]
                ),
            )
        )
        return s

    def prescribing(self) -> Section | None:
        m, spec = self.m, self.c["specialist"]
        if not spec:
            return None
        who = self.pick(spec)
        s = Section(
            "prescribing",
            self.pick([f"Qui peut prescrire {m.le()} ?", "Comment se passe la prescription ?"]),
            self.pick(["Conditions de prescription et de délivrance", "Prescription"]),
        )
        renew = self.pick([3, 6, 12])
        fact = self.pick(
            [
                f"La prescription initiale {m.du()} est réservée aux {who}, et le renouvellement peut être fait par tout médecin pendant {renew} mois.",
                f"Seuls les {who} peuvent initier un traitement par {m.inn} ; le renouvellement est possible par le médecin traitant pendant {renew} mois.",
            ]
        )
        n, le_n, du_n = self.name_for_question()
        s.facts.append(
            Fact(
                "prescribing",
                fact,
                [f"Mon généraliste peut-il me prescrire {du_n} ?", f"Qui a le droit de prescrire {le_n} ?"],
                [f"Can my GP prescribe {n}?"],
                [[re.escape(who[:-1])]],
            )
        )
        s.blocks.append(
            _para(
                fact,
                self.pick(
                    [
                        "Le pharmacien vérifie ces conditions avant chaque délivrance.",
                        "La délivrance est limitée à un mois de traitement.",
                        None,
                    ]
                ),
            )
        )
        return s

    def monitoring(self) -> Section | None:
        m, mon = self.m, self.c["monitoring"]
        if not mon:
            return None
        exam, every = mon
        every = self.pick(every)
        s = Section(
            "monitoring",
            self.pick(["Quel suivi pendant le traitement ?", "Faut-il faire des analyses ?"]),
            self.pick(["Surveillance du traitement", "Suivi biologique"]),
        )
        e = "e" if exam.startswith("une ") else ""
        fact = self.pick(
            [
                f"{_cap(exam)} doit être réalisé{e} avant le début du traitement par {m.inn}, puis tous les {every} mois.",
                f"Pendant le traitement par {m.inn}, {exam} est recommandé{e} tous les {every} mois.",
            ]
        ).replace("tous les 1 mois", "chaque mois")
        n, le_n, du_n = self.name_for_question()
        s.facts.append(
            Fact(
                "monitoring",
                fact,
                [f"Quelles analyses faut-il faire avec {le_n} ?", f"Faut-il faire des prises de sang sous {n} ?"],
                [f"What tests do I need while taking {n}?"],
                [[re.escape(exam.split()[1])]],
            )
        )
        s.blocks.append(
            _para(
                fact,
                self.pick(
                    [
                        "Ces contrôles permettent de détecter tôt un effet indésirable et d'adapter la dose.",
                        "N'oubliez pas d'apporter vos résultats à chaque consultation.",
                    ]
                ),
            )
        )
        return s

    def misuse(self) -> Section | None:
        m, text = self.m, self.c["misuse"]
        if not text:
            return None
        s = Section(
            "misuse",
            self.pick(["Pourquoi l'ANSM alerte-t-elle ?", "Pourquoi parler d'usage détourné ?"]),
            self.pick(["Un usage détourné qui inquiète", "Mésusage"]),
        )
        s.blocks.append(
            _para(
                self.pick(
                    [
                        f"L'ANSM a constaté une utilisation {m.du()} {text}.",
                        f"Des signalements font état d'un usage {m.du()} {text}.",
                    ]
                ),
                self.pick(
                    [
                        "Ces pratiques exposent à des risques graves, sans bénéfice démontré.",
                        "La vente et la promotion sans autorisation de médicaments sur internet sont illégales.",
                        "Aucun médicament ne doit être obtenu sans ordonnance lorsqu'il est soumis à prescription.",
                    ]
                ),
            )
        )
        return s

    def context(self) -> Section:
        m = self.m
        s = Section(
            "context",
            self.pick(["Pourquoi cette information ?", "Qu'a constaté l'ANSM ?"]),
            self.pick(["Contexte", "Rappel du contexte", "Contexte et données disponibles"]),
        )
        s.blocks.append(
            _para(
                self.pick(
                    [
                        f"À la suite de l'évaluation européenne conduite par le comité de pharmacovigilance (PRAC), les informations de sécurité {m.du()} ont été mises à jour.",
                        f"L'ANSM a réuni un comité d'experts le {self.date()} pour réévaluer le rapport entre les bénéfices et les risques {m.du()}.",
                        f"Les données recueillies par les centres régionaux de pharmacovigilance conduisent l'ANSM à rappeler les règles de bon usage {m.du()}.",
                    ]
                ),
                self.pick(
                    [
                        f"En France, environ {self.rng.randint(2, 900)} 000 patients ont reçu ce traitement au cours de l'année {self.year - 1}.",
                        f"Ce médicament est commercialisé en France depuis {self.rng.randint(1985, max(1986, self.year - 1))}.",
                        None,
                    ]
                ),
            )
        )
        return s

    def declare(self) -> Section:
        s = Section(
            "declare",
            "Comment déclarer un effet indésirable ?",
            self.pick(["Déclaration des effets indésirables", "Déclarer un effet indésirable"]),
        )
        s.blocks.append(
            _para(
                self.pick(
                    [
                        "Les patients et les professionnels de santé peuvent déclarer tout effet indésirable sur le portail de signalement des événements sanitaires indésirables du ministère chargé de la santé.",
                        "Tout effet indésirable peut être déclaré directement sur signalement-sante.gouv.fr, par le patient ou par un professionnel de santé.",
                    ]
                ),
                self.pick(
                    [
                        "Chaque déclaration aide à mieux connaître les risques des médicaments.",
                        "Pour plus d'information, consultez la rubrique « Déclarer un effet indésirable » du site de l'ANSM.",
                        None,
                    ]
                ),
            )
        )
        return s

    def committee(self) -> Section:
        m = self.m
        votes_for = self.rng.randint(6, 15)
        s = Section("committee", "Quel est l'avis du comité ?", self.pick(["Avis du comité", "Conclusions du comité"]))
        s.blocks.append(
            _para(
                self.pick(
                    [
                        f"Le comité est favorable au maintien de l'autorisation {m.du()}, sous réserve d'un renforcement de l'information des patients.",
                        f"Le comité recommande de restreindre l'indication {m.du()} aux patients pour lesquels aucune autre option n'est possible.",
                        f"Le comité estime que les données disponibles ne remettent pas en cause le rapport bénéfice/risque {m.du()}.",
                    ]
                ),
                f"Vote : {votes_for} voix pour, {self.rng.randint(0, 3)} contre, {self.rng.randint(0, 2)} abstention.",
            )
        )
        return s

    def elderly(self) -> Section:
        m = self.m
        s = Section(
            "elderly",
            self.pick(["Et chez les personnes âgées ?", "Faut-il adapter la dose après 65 ans ?"]),
            self.pick(["Sujets âgés", "Patients âgés"]),
        )
        start = max(self.strength / 2, 0.25 if self.strength < 1 else 1)
        age = self.pick([65, 70, 75])
        fact = self.pick(
            [
                f"Chez les patients de plus de {age} ans, la dose initiale {m.du()} est de {_fr_number(start)} mg par jour.",
                f"Après {age} ans, le traitement par {m.inn} débute à {_fr_number(start)} mg par jour, puis la dose est augmentée si besoin.",
            ]
        )
        n, le_n, du_n = self.name_for_question()
        s.facts.append(
            Fact(
                "elderly",
                fact,
                [
                    f"Ma mère a {age + 6} ans, quelle dose {_de(n)} pour elle ?",
                    f"dose {_de(n)} chez une personne âgée ?",
                ],
                [f"What dose of {n} for an elderly patient?"],
                [[re.escape(_fr_number(start)) + r"\s?mg"]],
            )
        )
        s.blocks.append(
            _para(
                fact,
                self.pick(
                    [
                        "Les personnes âgées sont plus sensibles aux effets indésirables, en particulier aux chutes et à la confusion.",
                        "La fonction rénale diminue avec l'âge : votre médecin peut être amené à espacer les prises.",
                        "Chez les personnes âgées qui prennent plusieurs médicaments, le risque d'interaction est plus élevé.",
                    ]
                ),
                self.pick(
                    [
                        "Un bilan des traitements en cours est conseillé avant toute nouvelle prescription.",
                        "Le pharmacien peut proposer un pilulier pour éviter les erreurs de prise.",
                        None,
                    ]
                ),
            )
        )
        return s

    def children(self) -> Section:
        m = self.m
        age = self.pick([2, 6, 12, 15, 18])
        s = Section(
            "children",
            self.pick(["Et chez l'enfant ?", "Peut-on le donner à un enfant ?"]),
            self.pick(["Enfants et adolescents", "Population pédiatrique"]),
        )
        fact = self.pick(
            [
                f"{m.Le()} ne doit pas être utilisé{'e' if m.gender == 'f' else ''} chez l'enfant de moins de {age} ans.",
                f"En l'absence de données suffisantes, {m.le()} n'est pas recommandé{'e' if m.gender == 'f' else ''} avant l'âge de {age} ans.",
            ]
        )
        n, le_n, du_n = self.name_for_question()
        s.facts.append(
            Fact(
                "children",
                fact,
                [
                    f"Je peux donner {du_n} à mon fils de {max(1, age - 1)} ans ?",
                    f"À partir de quel âge peut-on prendre {du_n} ?",
                ],
                [f"From what age can a child take {n}?"],
                [[rf"{age}\s?ans"]],
            )
        )
        s.blocks.append(
            _para(
                fact,
                self.pick(
                    [
                        "Chez l'enfant plus âgé, la dose est calculée en fonction du poids.",
                        "Ne donnez jamais à un enfant un médicament prescrit à un adulte.",
                        "Les formes buvables permettent d'adapter la dose au poids de l'enfant.",
                    ]
                ),
            )
        )
        return s

    def stopping(self) -> Section | None:
        m = self.m
        if self.c["key"] not in WITHDRAWAL:
            return None
        weeks = self.pick([2, 4, 6, 8])
        s = Section(
            "stopping",
            self.pick(["Comment arrêter le traitement ?", "Peut-on arrêter du jour au lendemain ?"]),
            self.pick(["Arrêt du traitement", "Modalités d'arrêt"]),
        )
        fact = self.pick(
            [
                f"L'arrêt {m.du()} doit être progressif, sur au moins {weeks} semaines, pour éviter un syndrome de sevrage.",
                f"Pour arrêter {m.le()}, la dose est diminuée progressivement sur {weeks} semaines environ, jamais brutalement.",
            ]
        )
        n, le_n, du_n = self.name_for_question()
        s.facts.append(
            Fact(
                "stopping",
                fact,
                [
                    f"Je peux arrêter {le_n} d'un coup ?",
                    f"comment on arrête {n} ?",
                    f"Combien de temps pour arrêter {du_n} ?",
                ],
                [f"Can I stop {n} suddenly?"],
                [["progressi"], [rf"{weeks}\s?semaines"]],
            )
        )
        symptoms = self.rng.sample(
            [
                "des vertiges",
                "une anxiété",
                "des troubles du sommeil",
                "des sensations de décharge électrique",
                "une irritabilité",
                "des sueurs",
                "des douleurs musculaires",
            ],
            k=3,
        )
        s.blocks.append(
            _para(
                fact,
                self.pick(
                    [
                        f"Un arrêt brutal peut provoquer {', '.join(symptoms[:-1])} et {symptoms[-1]}.",
                        f"Les signes de sevrage les plus fréquents sont {', '.join(symptoms[:-1])} et {symptoms[-1]}.",
                    ]
                ),
                self.pick(
                    [
                        "Ces symptômes sont en général passagers, mais peuvent durer plusieurs semaines.",
                        "Si ces signes apparaissent, reprenez contact avec votre médecin : la diminution peut être ralentie.",
                    ]
                ),
            )
        )
        return s

    def driving(self) -> Section | None:
        m = self.m
        if self.c["key"] not in SEDATING:
            return None
        days = self.pick([3, 7, 10, 15])
        s = Section(
            "driving",
            self.pick(["Peut-on conduire pendant le traitement ?", "Et la conduite automobile ?"]),
            self.pick(["Conduite de véhicules", "Conduite et utilisation de machines"]),
        )
        fact = self.pick(
            [
                f"{m.Le()} peut provoquer une somnolence : la conduite est déconseillée pendant les {days} premiers jours de traitement.",
                f"Pendant les {days} premiers jours de traitement par {m.inn}, évitez de conduire ou d'utiliser des machines.",
            ]
        )
        n, le_n, du_n = self.name_for_question()
        s.facts.append(
            Fact(
                "driving",
                fact,
                [f"Est-ce que je peux conduire sous {n} ?", f"{_cap(n)} et conduite, c'est compatible ?"],
                [f"Can I drive while taking {n}?"],
                [[rf"{days}\s?(premiers )?jours", "conduire", "conduite"]],
            )
        )
        s.blocks.append(
            _para(
                fact,
                self.pick(
                    [
                        "Le pictogramme apposé sur la boîte rappelle ce risque.",
                        "L'alcool augmente fortement ce risque : évitez d'en consommer pendant le traitement.",
                        "Ce risque est plus important en début de traitement et après une augmentation de dose.",
                    ]
                ),
            )
        )
        return s

    def professionals(self) -> Section:
        m = self.m
        clearance = self.pick([30, 50, 60])
        s = Section(
            "professionals",
            "Que doivent savoir les professionnels de santé ?",
            self.pick(["Informations pour les professionnels de santé", "Rappels aux prescripteurs"]),
        )
        fact = self.pick(
            [
                f"Chez l'insuffisant rénal dont la clairance de la créatinine est inférieure à {clearance} ml/min, la dose {m.du()} doit être réduite de moitié.",
                f"En cas d'insuffisance rénale (clairance de la créatinine inférieure à {clearance} ml/min), {m.le()} est contre-indiqué{'e' if m.gender == 'f' else ''}.",
            ]
        )
        n, le_n, du_n = self.name_for_question()
        s.facts.append(
            Fact(
                "renal",
                fact,
                [f"J'ai une insuffisance rénale, est-ce que je peux prendre {du_n} ?", f"{_cap(n)} et reins malades ?"],
                [f"Can I take {n} if I have kidney disease?"],
                [[str(clearance), "moitie", "contre-indique"]],
            )
        )
        checks = self.rng.sample(
            [
                "vérifier l'indication et l'absence de contre-indication avant chaque prescription",
                "informer le patient des risques et des signes qui doivent le faire consulter",
                "réévaluer régulièrement la nécessité de poursuivre le traitement",
                "rechercher les interactions avec les autres traitements du patient",
                "déclarer tout effet indésirable grave ou inattendu",
                "remettre au patient la fiche d'information qui accompagne ce document",
            ],
            k=4,
        )
        s.blocks.append(_para(fact))
        s.blocks.append(("list", "Il est demandé aux prescripteurs de :", checks))
        return s

    def measures(self) -> Section:
        m = self.m
        y = self.year + self.pick([0, 1])
        mo = self.rng.randint(1, 12)
        when = _date_fr(y, mo, 1)
        s = Section(
            "measures",
            self.pick(["Qu'est-ce qui change ?", "Quelles sont les nouvelles mesures ?"]),
            self.pick(["Nouvelles mesures", "Mesures de réduction des risques"]),
        )
        what = self.pick(
            [
                "ne pourra être délivré que sur présentation d'une ordonnance sécurisée",
                "ne sera plus disponible sans ordonnance",
                "sera délivré avec une carte patient rappelant les principaux risques",
                "fera l'objet d'un formulaire d'accord de soins signé par le patient",
            ]
        )
        fact = f"À partir du {when}, {m.le()} {what}."
        n, le_n, du_n = self.name_for_question()
        s.facts.append(
            Fact(
                "measure",
                fact,
                [f"Qu'est-ce qui change pour {le_n} ?", f"Quelles nouvelles règles pour {du_n} ?"],
                [f"What changes for {n}?"],
                [[MONTHS[mo - 1]], [str(y)]],
            )
        )
        s.blocks.append(
            _para(
                fact,
                self.pick(
                    [
                        "Ces mesures visent à limiter les usages hors indication et les erreurs de prise.",
                        "Elles ont été décidées après consultation des associations de patients et des professionnels de santé.",
                        "Les patients déjà traités sont invités à en parler avec leur médecin lors de leur prochaine consultation.",
                    ]
                ),
            )
        )
        return s

    def sections(self) -> tuple[list[Section], list[Section]]:
        """(the sections every document of this medicine has, the optional ones in random order)."""
        core = [self.presentation(), self.posology(), self.risks()]
        optional = [
            self.overdose(),
            self.interactions(),
            self.forgotten(),
            self.declare(),
            self.context(),
            self.elderly(),
            self.children(),
            self.professionals(),
            self.measures(),
        ]
        if self.c["pregnancy"]:
            p = self.pregnancy()
            (core if self.c["pregnancy"] in ("contra", "contra_late") else optional).append(p)
        if self.c["mood"]:
            (core if self.rng.random() < 0.6 else optional).append(self.mood())
        for extra in (self.prescribing(), self.monitoring(), self.misuse(), self.stopping(), self.driving()):
            if extra:
                optional.append(extra)
        self.rng.shuffle(optional)
        return core, optional


# ----- layouts: how a document of each kind looks on disk

_BAD_LINE_START = re.compile(r"^(?:\d{1,3}(?:[.,]\d+)?(?:\s|$)|\d{1,2}\.|[-•·▪◦*o]\s|\uf0b7)")


def _wrap(paragraph: str, width: int, rng: random.Random, hyphenate: float) -> list[str]:
    """Hard-wrap a paragraph as PDF text extraction does, sometimes hyphenating a long word at the line end.

    A line never starts with something the cleaner would read as a list item, a numbered heading, a page number or
    a lower-case continuation of an item; a hyphenated piece always starts lower case and joins back.
    """
    words, lines, line = paragraph.split(" "), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            room = width - len(line) - 2
            if (
                hyphenate
                and rng.random() < hyphenate
                and word.isalpha()
                and word.islower()
                and len(word) >= 9
                and room >= 4
            ):
                cut = max(3, min(room, len(word) - 4))
                lines.append(f"{line} {word[:cut]}-")
                line = word[cut:]
                continue
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    for k in range(1, len(lines)):  # pull words up until the line starts safely
        while " " in lines[k] and _BAD_LINE_START.match(lines[k]) and not lines[k - 1].endswith("-"):
            first, rest = lines[k].split(" ", 1)
            lines[k - 1] += " " + first
            lines[k] = rest
    return lines


@dataclass
class Layout:
    kind: str  # fiche | actualite | lettre | compte_rendu | faq
    suffix: str
    doc_type: str


LAYOUTS = [
    Layout("fiche", ".txt", "fiche d'information patient (PDF)"),
    Layout("actualite", ".md", "actualité (page web)"),
    Layout("lettre", ".txt", "lettre aux professionnels de santé (PDF)"),
    Layout("compte_rendu", ".txt", "compte rendu de comité (PDF)"),
    Layout("faq", ".md", "questions-réponses (page web)"),
]
LAYOUT_WEIGHTS = [4, 4, 2, 1, 2]


def _title(w: DocumentWriter, layout: Layout) -> str:
    m = w.m
    options = {
        "fiche": [
            f"{m.Inn()} ({m.brand}) : ce que les patients doivent savoir",
            f"{m.brand} ({m.inn}) — fiche d'information patient",
            f"Vous prenez {m.du()} ? Les points essentiels",
        ],
        "actualite": [
            f"{m.Inn()} : l'ANSM rappelle les règles de bon usage",
            f"{_cap(w.c['label'])} : rappel sur le risque {_de(w._bare(w.main_risk))} avec {m.le()}",
            f"{m.Inn()} ({', '.join(m.brands)}) : nouvelles mesures pour réduire les risques",
        ],
        "lettre": [
            f"Lettre aux professionnels de santé — {m.inn} ({m.brand}) et risque {_de(w._bare(w.main_risk))}",
            f"Point d'information — {m.inn} : renforcement des mesures de minimisation des risques",
        ],
        "compte_rendu": [f"Comité scientifique permanent « {w.c['domain']} » — séance du {w.date()}"],
        "faq": [f"{m.Inn()} : vos questions, nos réponses", f"Questions-réponses sur {m.le()} ({m.brand})"],
    }
    return w.pick(options[layout.kind])


def _render(w: DocumentWriter, layout: Layout, title: str, sections: list[Section]) -> str:
    rng = w.rng
    out: list[str] = []
    date_short = f"{w.day:02d}/{w.month:02d}/{w.year}"
    publisher = "Afssaps" if w.year < 2012 else "ANSM"
    if layout.kind in ("actualite", "faq"):
        out += [f"# {title}", "", f"Publié le {date_short}", ""]
        if layout.kind == "actualite":
            out += [rng.choice(["SURVEILLANCE - PHARMACOVIGILANCE", "BON USAGE", "INFORMATION PATIENTS"]), ""]
        for n, sec in enumerate(sections):
            if layout.kind == "faq" or rng.random() < 0.6:
                out += [f"## {sec.heading_question}", ""]
            elif n and rng.random() < 0.5:
                out += [f"- **{sec.heading_plain}**", ""]
            else:
                out += [f"## {sec.heading_plain}", ""]
            for block in sec.blocks:
                if block[0] == "p":
                    out += [block[1], ""]
                else:
                    out += (
                        [block[1], ""]
                        + [
                            f"- {_cap(item)} ;" if k < len(block[2]) - 1 else f"- {_cap(item)}."
                            for k, item in enumerate(block[2])
                        ]
                        + [""]
                    )
        return "\n".join(out).rstrip() + "\n"

    # PDF-like text: hard-wrapped lines, page numbers, hyphenation
    width = rng.randint(68, 84)
    hyph = rng.choice([0.0, 0.15, 0.3])
    bullet = rng.choice(["\uf0b7 ", "• ", "- "])
    if layout.kind == "fiche":
        out += [
            "",
            "le point sur",
            "",
            rng.choice(["PRODUITS DE SANTÉ", "MÉDICAMENTS", "INFORMATION PATIENTS"]),
            "",
            title,
            "",
        ]
    elif layout.kind == "lettre":
        out += [
            f"{publisher} — Information de sécurité",
            f"{_date_fr(w.year, w.month, w.day)}",
            "",
            title,
            "",
            "Madame, Monsieur,",
            "",
        ]
    else:
        out += [title, "", f"Direction de l'évaluation — {publisher}", ""]
    numbered = layout.kind in ("lettre", "compte_rendu")
    for n, sec in enumerate(sections, start=1):
        if numbered:
            out += [f"{n}. {sec.heading_plain}", ""]
        elif rng.random() < 0.8:
            out += [f"→ {sec.heading_question}"]
        else:  # a plain heading line; a one-word heading is upper case, as in the PDFs, or it reads as text
            plain = sec.heading_plain
            out += [plain.upper() if len(plain.split()) == 1 else plain, ""]
        for block in sec.blocks:
            if block[0] == "p":
                out += _wrap(block[1], width, rng, hyph) + [""]
            else:
                out += _wrap(block[1], width, rng, hyph)
                for k, item in enumerate(block[2]):
                    end = " ;" if k < len(block[2]) - 1 else "."
                    item_lines = _wrap(_cap(item) + end, width - 2, rng, 0.0)
                    out += [bullet + item_lines[0], *item_lines[1:]]
                out += [""]
    if layout.kind == "lettre":
        out += _wrap(
            rng.choice(
                [
                    "Nous vous remercions de bien vouloir relayer cette information auprès de vos patients.",
                    "Nous vous invitons à informer vos patients de ces nouvelles recommandations.",
                ]
            ),
            width,
            rng,
            0.0,
        ) + [""]
    text = "\n".join(out).rstrip() + "\n"
    # page breaks between paragraphs, each page ending with its number
    paragraphs = text.split("\n\n")
    pages, page, size = [], [], 0
    for para in paragraphs:
        page.append(para)
        size += len(para)
        if size > 2200 and para.strip() and not para.lstrip().startswith("→"):
            pages.append(page)
            page, size = [], 0
    if page:
        pages.append(page)
    if len(pages) == 1:
        return text
    total = len(pages)
    return "\f".join("\n\n".join(p).rstrip() + f"\n\n{k}/{total}\n" for k, p in enumerate(pages, start=1))


@dataclass
class GeneratedDocument:
    index: int
    file_name: str
    text: str
    metadata: dict | None
    facts: list[Fact]
    medicine: Medicine


def _slug(text: str) -> str:
    import unicodedata

    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def generate_document(index: int, med: Medicine, earlier: list[Medicine], seed: int) -> GeneratedDocument:
    rng = random.Random(f"{seed}:doc:{index}")
    w = DocumentWriter(index, med, earlier, rng)
    layout = rng.choices(LAYOUTS, weights=LAYOUT_WEIGHTS)[0]
    title = _title(w, layout)
    core, optional = w.sections()
    if layout.kind == "compte_rendu":
        optional.insert(0, w.committee())
    target = rng.randint(MIN_CHARS + 300, MAX_CHARS - 400)

    def render(sections: list[Section]) -> str:
        return _render(_Replay(w, index, seed), layout, title, _ordered(sections))

    chosen = list(core)
    text = render(chosen)
    for section in optional:
        if len(text) >= target:
            break
        chosen.append(section)
        text = render(chosen)
    while len(text) > MAX_CHARS and len(chosen) > len(core):
        chosen.pop()
        text = render(chosen)
    while len(text) < MIN_CHARS:  # a short document gets more advice
        chosen.append(_advice(w, len(chosen)))
        text = render(chosen)
    if not MIN_CHARS <= len(text) <= MAX_CHARS:
        raise AssertionError(f"document {index}: {len(text)} characters")
    chosen = _ordered(chosen)
    facts = [f for sec in chosen for f in sec.facts]
    date = f"{w.year}-{w.month:02d}-{w.day:02d}"
    slug = _slug(med.inn)
    name_kind = {
        "fiche": "fiche-patient",
        "actualite": "actualite",
        "lettre": "lettre-ps",
        "compte_rendu": "csp",
        "faq": "questions-reponses",
    }[layout.kind]
    file_name = f"{'afssaps' if w.year < 2012 else 'ansm'}-{date}-{slug}-{name_kind}-{index:05d}{layout.suffix}"
    metadata = None
    if rng.random() >= NO_METADATA_SHARE:
        topics = [med.inn, *med.brands, w.c["label"], w._bare(w.indication), *(w._bare(r) for r in w.serious[:2])]
        if w.c["pregnancy"] in ("contra", "contra_late"):
            topics.append("grossesse")
        metadata = {
            "title": title,
            "publisher": "ANSM (ex-Afssaps)" if w.year < 2012 else "ANSM",
            "date": date,
            "doc_type": layout.doc_type,
            "topics": topics,
            "url": "",
        }
        if rng.random() < 0.3:
            metadata["examples"] = [rng.choice(f.questions) for f in rng.sample(facts, k=min(2, len(facts)))]
    return GeneratedDocument(index, file_name, text, metadata, facts, med)


_FIRST = ("misuse", "context", "committee", "presentation")
_LAST = ("declare",)


def _ordered(sections: list[Section]) -> list[Section]:
    """Alerts and context first, then the presentation, the drawn order, and how to report last."""
    first = sorted((s for s in sections if s.key in _FIRST), key=lambda s: _FIRST.index(s.key))
    last = [s for s in sections if s.key in _LAST]
    return first + [s for s in sections if s.key not in _FIRST + _LAST] + last


class _Replay:
    """The writer's fields with a fresh generator for layout choices, so re-rendering is stable."""

    def __init__(self, w: DocumentWriter, index: int, seed: int):
        self.__dict__.update({k: v for k, v in w.__dict__.items() if k != "rng"})
        self.rng = random.Random(f"{seed}:layout:{index}")


def _advice(w: DocumentWriter, n: int) -> Section:
    m = w.m
    s = Section(
        f"advice{n}",
        w.pick(["Que retenir ?", "Ce qu'il faut retenir ?", "Quels conseils suivre ?"]),
        w.pick(["À retenir", "Recommandations", "Conseils aux patients"]),
    )
    items = w.rng.sample(
        [
            f"ne prenez jamais {m.le()} sans prescription",
            "respectez les doses et la durée de traitement",
            "signalez tout effet inhabituel à votre médecin",
            "n'arrêtez pas le traitement brutalement sans avis médical",
            "informez tout professionnel de santé que vous êtes traité par ce médicament",
            "lisez attentivement la notice avant la première prise",
            "rapportez les médicaments non utilisés à la pharmacie",
        ],
        k=4,
    )
    s.blocks.append(("list", "Les points essentiels :", items))
    s.blocks.append(
        _para(
            w.pick(
                [
                    f"Pour toute question sur {m.le()}, votre pharmacien est votre premier interlocuteur.",
                    "Votre médecin et votre pharmacien restent vos interlocuteurs pour toute question sur votre traitement.",
                ]
            )
        )
    )
    return s


# ----- the corpus and its questions


def generate_corpus(count: int, seed: int = 7) -> list[GeneratedDocument]:
    meds = medicines(count, seed)
    return [generate_document(i, meds[i], meds[:i], seed) for i in range(count)]


def _flat(text: str) -> str:
    """The text as the cleaner joins it: wrapped lines and hyphenated line ends rejoined, spaces collapsed."""
    text = re.sub(r"(\w)-\n(?=[a-zà-ÿ])", r"\1", text)
    return re.sub(r"\s+", " ", text)


def make_questions(documents: list[GeneratedDocument], count: int, seed: int = 7) -> list[dict]:
    """`count` cases on a sample of the documents, spread over the corpus; a document's facts are asked in turn.

    A fact is asked only when its sentence is in its document once the text is joined as the cleaner joins it,
    and in no other document.
    """
    rng = random.Random(f"{seed}:questions:{len(documents)}:{count}")
    flat = [_flat(d.text) for d in documents]
    everything = "\n".join(flat)
    order = rng.sample(range(len(documents)), k=min(count, len(documents)))
    pools = {}
    for i in order:
        facts = list(documents[i].facts)
        rng.shuffle(facts)
        pools[i] = facts
    cases = []
    while len(cases) < count and any(pools.values()):
        for i in order:
            while pools[i] and len(cases) < count:
                fact = pools[i].pop()
                if fact.sentence not in flat[i] or everything.count(fact.sentence) != 1:
                    continue
                english = bool(fact.questions_en) and rng.random() < ENGLISH_SHARE
                question = rng.choice(fact.questions_en if english else fact.questions)
                # "-brand": the question names a brand its gold sentence does not (that sentence names the INN), so
                # retrieval must link the two through the passage that lists the brands; "-same": named alike
                med = documents[i].medicine
                brand_only = med.inn.lower() not in question.lower() and any(
                    b in question and b not in fact.sentence for b in med.brands
                )
                cases.append(
                    {
                        "id": f"scale-{documents[i].index:05d}-{fact.kind}-{'brand' if brand_only else 'same'}",
                        "question": question,
                        "lang": "en" if english else "fr",
                        "category": fact.category,
                        "gold_quotes": [fact.sentence],
                        "must_mention": fact.must_mention,
                    }
                )
                break
    return cases


def write_corpus(out: Path, count: int, seed: int = 7, questions: int = 50) -> dict:
    """Write OUT/corpus/ and OUT/questions.jsonl; returns a summary (documents, characters, questions)."""
    import yaml

    out = Path(out)
    corpus = out / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    documents = generate_corpus(count, seed)
    sources = {}
    for d in documents:
        (corpus / d.file_name).write_text(d.text, encoding="utf-8")
        if d.metadata:
            sources[d.file_name] = d.metadata
    header = "# Synthetic ANSM-like corpus (evals/scale_corpus.py): invented medicines, for benchmarks only.\n"
    (corpus / "sources.yaml").write_text(
        header + yaml.safe_dump(sources, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8"
    )
    cases = make_questions(documents, questions, seed)
    with (out / "questions.jsonl").open("w", encoding="utf-8") as handle:
        for case in cases:
            handle.write(json.dumps(case, ensure_ascii=False) + "\n")
    lengths = [len(d.text) for d in documents]
    return {
        "documents": len(documents),
        "with_metadata": len(sources),
        "characters": sum(lengths),
        "min_chars": min(lengths),
        "max_chars": max(lengths),
        "questions": len(cases),
        "corpus_dir": str(corpus),
        "questions_file": str(out / "questions.jsonl"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.scale_corpus", description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, required=True, help="number of documents")
    parser.add_argument("--out", type=Path, required=True, help="folder: OUT/corpus/ and OUT/questions.jsonl")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--questions", type=int, default=50, help="number of questions (fewer when facts run out)")
    args = parser.parse_args(argv)
    summary = write_corpus(args.out, args.docs, args.seed, args.questions)
    print(json.dumps(summary, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
