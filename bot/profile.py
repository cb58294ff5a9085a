"""What the corpus covers, computed from its documents at index time: the corpus profile.

Nothing here knows a document. From each document's metadata (title, topics, example questions) and its text,
the profile keeps:
- its **terms**: the words specific to it (rare in ordinary French and English, by `wordfreq`), which name its
  medicines, brands, products, conditions and practices;
- the **warnings** it states: whether it calls a medicine dangerous in pregnancy, and the sentences that say
  what to do in each kind of emergency (`instructions`), quoted when a patient is in that emergency;
- its **examples**: the questions staff gave in `sources.yaml`, or questions made from its title terms.

The profile is stored with the index (`profile.json`), rebuilt for changed documents only, and read by triage
(which medicines are dangerous in pregnancy, which document a patient's medicine belongs to), scope (a question
naming a medicine or condition the corpus does not know) and the web page (title, intro, examples).
"""

from __future__ import annotations

import contextlib
import json
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import asdict, dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from bot.text import normalize, sentence_spans, stem, synonyms_of

PROFILE = "profile.json"
MASK = "ce médicament"  # what a masked text says in place of a corpus medicine
VERSION = 28  # raised when profiling changes: a stored profile of another version is recomputed, not reused
# A word at or above this Zipf frequency (about once per 10^6 words) is ordinary French or English; below it, a
# word the documents use is a term of their own (a medicine, a brand, a condition, a practice).
COMMON_ZIPF = 3.0
# A word of a document's title, topics or file name that is ordinary but not frequent French (Zipf below this, on its
# accented form: "lithium", "huiles essentielles", "asthme", "rhume"), used at least HEADLINE_MIN_COUNT times in the
# document and HEADLINE_KEYNESS times more often there than in the rest of the corpus, names what the document is
# about: it is one of its terms too. (Its share of the document is compared with its share of the other documents,
# plus 1e-4, so a one-document corpus still asks it to be frequent in the document.)
HEADLINE_ZIPF = 4.0
HEADLINE_KEYNESS = 30.0
HEADLINE_MIN_COUNT = 3
# A candidate that staff name in all three places (the title, a topic and the file name: "Antidépresseurs ISRS",
# [antidépresseurs, ...], antidepresseurs_isrs.md) is what the document is about even when the other documents use it
# too (an anticoagulant sheet warns of antidepressants): it needs only this keyness.
HEADLINE_KEYNESS_NAMED = 5.0
STEM_ZIPF = 5.0  # words this frequent (articles, "pour", "avec") are not counted by stem: they name nothing
MIN_TERM_CHARS = 4
# A word of a document's title that its file name gives too names its subject, even short ("sel") or ordinary
# (Zipf below this one): it is a headline candidate.
SHORT_NAME_CHARS = 3
MIN_QUOTED_WORDS = 4  # an instruction quoted under an emergency or a refusal says something: "Faux." does not
NAMED_ZIPF = 5.0
WORD = re.compile(r"[^\W\d_][\w'-]*[^\W\d_]|[^\W\d_]", re.UNICODE)
LETTERS = re.compile(r"[^\W\d_]+", re.UNICODE)  # a word without its elided article ("l'X")

# What each kind of emergency instruction says (language-general lexicon, on normalised text): a sentence of the
# document that holds words of its kind and of an instruction is what the patient in that emergency reads.
INSTRUCTION_WORDS = (
    r"\b(appele[rz]?|composez|contacte[rz]?|consulte[rz]?|prevene[zr]|arrete[zr]?|arret|n'arretez|immediatement|"
    r"sans attendre|sans delai|urgence|urgences|15|112|samu|centre antipoison|medecin|prescripteur|signale[rz]?|"
    r"parle[rz]-en|demande[rz]|rendez-vous)\b"
)
# An instruction to call emergency services or go to them now (what makes a document's instruction an emergency's).
EMERGENCY_CALL = (
    r"\b(appel\w*|compos\w*|contact\w*|joindre|call|dial)\b.{0,20}\b(15|112)\b|\b(samu|112)\b|centre anti-?poison|"
    r"\b(aux|les) urgences\b|\ben urgence\b|\bemergency (services|room|department|number)\b|poison (control|centre|center)"
)
# A sentence that calls effects ordinary: frequent, transient, benign, expected (general French lexicon); one that
# says they are not ("ce n'est pas normal") is not.
ORDINARY = (
    r"\b(frequent\w*|courant\w*|habituel\w*|benin\w*|banal\w*|transitoire\w*|passager\w*|normal\w*|attendu\w*|"
    r"disparai\w*|disparu\w*|s'estomp\w*|sans gravite)\b"
)
NOT_ORDINARY = r"\b(pas|plus|jamais|non)( \w+)? (normal|habituel|frequent|attendu|benin)"
# A sentence that sends the patient to a doctor, without urgency: "consultez votre médecin si...", "arrêtez et parlez-en
# à votre médecin" (general French and English lexicon); one that says to act at once is no such sentence.
CONSULT = (
    r"\b(consult\w*|contact\w*|prevenez|previens|parlez[- ]en|signalez|demandez (conseil|l'avis|un avis)|"
    r"see (a|your) doctor|tell your doctor|talk to your doctor)\b"
)
AT_ONCE = (
    r"\b(en urgence|immediatement|sans attendre|sans delai|tout de suite|le jour meme|dans la journee|urgently|"
    r"immediately|at once|the same day)\b"
)
# ... at once: the urgency said of the consultation itself ("contactez sans attendre votre médecin"), not of another
# act ("arrêtez immédiatement le traitement et consultez un médecin")
URGENT_CONSULT = rf"{CONSULT}(?:(?! et ).){{0,25}}{AT_ONCE}|{AT_ONCE}(?:(?! et ).){{0,25}}{CONSULT}"
BACK_REFERENCE = r"\b(ces (signes|symptomes|effets|troubles)|l'un d'(eux|entre eux)|these (signs|symptoms))\b"
KIND_WORDS = {
    "pregnancy": r"\b(enceinte|grossesse|foetus|embryon|malformations?|contracepti\w*|projet de grossesse)\b",
    "poisoning": r"\b(surdosages?|surdose|intoxication|centre antipoison|prise accidentelle|trop (de|grande)|par erreur|"
    r"(pris|prise|avale)\w* (deux|2|trois|3) fois|double dose|dose double)\b",
    "stroke": r"\b(avc|accident vasculaire|infarctus|douleur thoracique|thoracique|engourdissement|paralysie|"
    r"trouble de la parole|mal de tete (brutal|violent|intense)|cephalees? (brutales?|violentes?|intenses?))\b",
    "suicide": r"\b(suicid\w*|idees noires|depressi\w*|humeur|troubles? psychiatriques?|comportement)\b",
    "allergy": r"\b(allergi\w*|anaphyla\w*|oedeme|urticaire|gonflement du visage|difficultes? a respirer)\b",
    "faint": r"\b(malaises?|perte de connaissance|syncopes?|evanoui\w*|palpitations?|rythme cardiaque|troubles? du rythme|"
    r"battements? (du coeur )?irreguliers?)\b",
    "infection": r"\b(infections?|infectieux|abces|fievre|rougeur)\b",
    "red_flag": r"\b(saignements?|hemorragi\w*|sang|jaunisse|convulsions?|effets indesirables graves|"
    r"tendon\w*|rupture|douleurs? (intenses?|brutales?))\b",
}
# A sentence a document opens with a warning word is an instruction it flags (general French and English).
EMPHASIS_MARK = re.compile(r"\W*(attention|important|urgent|urgence|alerte|avertissement|mise en garde|warning)\b\W")
EMPHASIS = 3
# Refusals quote what the document says of the rule: a sentence with words of the refused kind and of a rule.
RULE_WORDS = r"\b(illegal\w*|interdit\w*|seuls?|seules?|uniquement|ne (doit|doivent)|strict\w*|regles?|autoris\w*|hors|aucun cas)\b"
REFUSAL_WORDS = {
    "prescription": r"\b(prescri\w*|ordonnances?|initier)\b",
    "purchase": r"\b(internet|en ligne|vente|achat|acheter|sites?)\b",
    "dose": r"\b(doses?|posologie|usage|fins?|indications?)\b",
    "self_injection": r"\b(injections?|injecte\w*|infectieux)\b",
}
# A document calls a medicine dangerous in pregnancy when one sentence pairs pregnancy with one of these.
PREGNANCY_DANGER = (
    r"\b(contre-?indiqu\w*|malformations?|teratog\w*|dangereu\w*|toxiques?|interdit\w*|ne (doit|doivent) (donc |jamais |surtout |en aucun cas )?pas|"
    r"troubles? (neuro-?developpementaux|du developpement)|risque (eleve|important|grave))\b"
)
PREGNANCY = r"\b(enceinte|grossesse|femmes? en age de procreer)\b"
_N = r"(\d{1,2}|premier|deuxieme|troisieme|first|second|third)\s?(?:e|eme|er|th|st|nd|rd)?"
# the month of pregnancy from which a warning holds ("à partir du 6e mois", "dès le 2e trimestre", "au-delà de 20
# semaines")...
_WARNED_FROM = re.compile(
    rf"\b(?:a partir du|des le|au-dela du|from the|after the) (?:debut du |start of the )?{_N} (mois|month|trimestre|trimester)\b"
    rf"|\b(?:a partir de|au-dela de|apres|after) {_N} (semaines|weeks)\b"
)
# ... and the month a patient says she is in ("enceinte de 7 mois", "12 semaines de grossesse", "au 1er trimestre",
# "3 months pregnant")
_STAGE = re.compile(
    rf"\benceinte (?:de |d')?{_N} (mois|semaines)\b|\b{_N} (mois|semaines) (?:de grossesse|d'amenorrhee)\b"
    rf"|\b{_N} (sa)\b|\b{_N}[ -](months?|weeks?) pregnant\b|\b{_N} (trimestre|trimester)\b"
)
_ORDINALS = {"premier": 1, "first": 1, "deuxieme": 2, "second": 2, "troisieme": 3, "third": 3}


def pregnancy_month(folded: str, warning: bool = False) -> int | None:
    """The month of pregnancy a normalised text names: the one a warning holds from (`warning`), or the one a
    patient is in; a trimester counts from its first month, weeks in months begun. None when it names none.

    >>> pregnancy_month("a partir du 6e mois de grossesse, il peut etre toxique", warning=True)
    6
    >>> pregnancy_month("je suis enceinte de 12 semaines"), pregnancy_month("au 2e trimestre"), pregnancy_month("depuis 3 mois")
    (3, 4, None)
    """
    found = (_WARNED_FROM if warning else _STAGE).search(folded)
    if not found:
        return None
    number, unit = [g for g in found.groups() if g is not None][:2]
    n = _ORDINALS.get(number) or int(number)
    if unit.startswith(("tri",)):
        return 3 * (n - 1) + 1
    if unit.startswith(("sem", "week", "sa")):
        return int(n / 4.35) + 1
    return n


# How long after the last dose a document asks to avoid a pregnancy ("pendant au moins 4 semaines après la dernière
# prise", "dans les deux ans qui suivent son arrêt"), read from its sentences on pregnancy or contraception
_WORD_NUMBERS = {
    "un": 1,
    "une": 1,
    "one": 1,
    "a": 1,
    "deux": 2,
    "two": 2,
    "trois": 3,
    "three": 3,
    "quatre": 4,
    "four": 4,
    "cinq": 5,
    "five": 5,
    "six": 6,
    "sept": 7,
    "seven": 7,
    "huit": 8,
    "eight": 8,
    "neuf": 9,
    "nine": 9,
    "dix": 10,
    "ten": 10,
    "onze": 11,
    "eleven": 11,
    "douze": 12,
    "twelve": 12,
    "quatre-vingt-dix": 90,
    "plusieurs": 2,
    "quelques": 2,
    "several": 2,
    "few": 2,
}
AMOUNT = r"(\d{1,3}|" + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True)) + ")"
DURATION_UNIT = r"(jours?|days?|semaines?|weeks?|mois|months?|ans?|annees?|years?)"
_UNIT_MONTHS = {"j": 1 / 30, "d": 1 / 30, "s": 0.25, "w": 0.25, "m": 1.0, "a": 12.0, "y": 12.0}
_AFTER_STOPPING = re.compile(
    rf"\b{AMOUNT} {DURATION_UNIT} (?:apres (?:son |l'|leur |la |le )?(?:arret|fin|derniere (?:prise|dose|application|injection))"
    rf"|qui suivent (?:son |l'|leur )?arret|after (?:stopping|the last (?:dose|tablet|application)))"
)
# (sentences on the men treated or their sperm give the men's delay, not the pregnancy's)
_MEN = re.compile(r"\b(hommes?|men|male|sperme?|sperm|partenaire feminine)\b")


def months_of(amount: str, unit: str) -> float:
    """A duration in months, from its amount (digits or a word) and its unit.

    >>> months_of("6", "semaines"), months_of("deux", "ans"), months_of("90", "jours")
    (1.5, 24.0, 3.0)
    """
    n = int(amount) if amount.isdigit() else _WORD_NUMBERS[amount]
    return n * _UNIT_MONTHS["a" if unit in ("an", "ans", "annee", "annees") else unit[0]]


def pregnancy_until(sentences: list[str]) -> float:
    """The longest time after stopping, in months, that a document's sentences on pregnancy or contraception name
    ("contraception ... jusqu'à un mois après son arrêt"); 0 when they name none.

    >>> pregnancy_until(["Si vous pensez être enceinte dans les deux ans qui suivent son arrêt, appelez le médecin."])
    24.0
    >>> pregnancy_until(["Contraception pendant 6 mois après l'arrêt chez la femme, 3 mois après l'arrêt chez l'homme."])
    6.0
    """
    found = [
        months_of(*match.groups())
        for sentence in sentences
        if re.search(rf"{PREGNANCY}|\bcontracep\w*|\bpregnan\w*", folded := normalize(sentence))
        for match in _AFTER_STOPPING.finditer(folded)
        # "6 mois après l'arrêt chez la femme, 3 mois après l'arrêt chez l'homme"
        if not _MEN.search(folded[: match.start()] + re.split(r"[,;:]", folded[match.end() :])[0])
    ]
    return max(found, default=0)


VERB_ENDINGS = ("er", "ez", "e", "es", "ee", "ees", "ent", "ant")  # a French verb's infinitive and common forms


@dataclass
class DocumentProfile:
    """What one document covers, as the profile sees it."""

    source: str
    title: str
    topics: list[str] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)  # normalised specific words, the most frequent first
    names: list[str] = field(default_factory=list)  # display forms of the leading terms ("Valproate", "Dépakine")
    pregnancy_warning: str = ""  # the sentence that calls a medicine of it dangerous in pregnancy, if any
    pregnancy_from: int = 0  # the month of pregnancy that warning holds from ("à partir du 6e mois"); 0: all along
    pregnancy_until: float = 0  # how many months after stopping it asks to avoid a pregnancy; 0: it does not say
    instructions: dict[str, list[str]] = field(default_factory=dict)  # emergency kind -> sentences to quote
    examples: list[str] = field(default_factory=list)
    content_hash: str = ""
    injected: bool = False  # its medicine or practice is given by injection (the text speaks of injections throughout)
    medicines: list[str] = field(default_factory=list)  # the terms that name a medicine, brand or practice
    # ordinary but infrequent words of its title, topics or file name that it uses often (headline candidates), with
    # the counts of the stems of its words (all but the most frequent ones, Zipf >= STEM_ZIPF) and its size in words:
    # the corpus decides which candidates are its terms, comparing the word's family ("huile", "huiles") across documents
    headline: list[str] = field(default_factory=list)
    named_headline: list[str] = field(default_factory=list)  # those named in its title, its topics and file name
    stems: dict[str, int] = field(default_factory=dict)
    size: int = 0
    # the stems of the words of its sentences that call effects ordinary ("Rougeurs, gonflement, petits bleus ... sont
    # fréquents et disparaissent en quelques jours"), and of all its sentences but those that call for emergency help:
    # the signs it calls ordinary, and what it speaks of outside an emergency (bot.safety.triage reads them)
    ordinary: list[str] = field(default_factory=list)
    calm: list[str] = field(default_factory=list)
    # the stems of the words of its sentences that send the patient to a doctor without urgency (with the list items a
    # lead-in of that kind introduces), and of those that call for emergency help: the signs it sends to a consultation
    consult: list[str] = field(default_factory=list)
    alarm: list[str] = field(default_factory=list)

    def keywords(self, headline: list[str] = ()) -> list[str]:
        """Its terms, after the headline words the corpus found distinctive of it."""
        return list(dict.fromkeys([*headline, *self.terms]))


@dataclass
class CorpusProfile:
    """The profile of the whole corpus: one DocumentProfile per document, and the corpus vocabulary."""

    documents: dict[str, DocumentProfile] = field(default_factory=dict)
    vocabulary: set[str] = field(default_factory=set)  # every normalised word of the corpus

    # ----- reading a question against the profile

    def terms_named(self, text: str) -> set[str]:
        """The corpus terms a text names, misspellings of them included.

        >>> p = CorpusProfile({"a.txt": DocumentProfile("a.txt", "A", terms=["valproate", "depakine"])})
        >>> sorted(p.terms_named("la depakyne pendant la grossesse ?"))
        ['depakine']
        """
        found = set()
        terms = self._term_index
        for word in {w for w in words(normalize(text)) if len(w) >= 3}:
            if len(word) < MIN_TERM_CHARS:
                if word in terms:  # an acronym a document defines: "ipp"
                    found.add(word)
                elif family := self._listed_term(word):  # "oil"
                    found.add(family)
            elif word in terms:
                found.add(word)
            elif (number := word[:-1] if word.endswith(("s", "x")) else f"{word}s") in terms:
                found.add(number)  # "filler" of the term "fillers"
            elif french := next((f for f in french_forms(word) if f in terms), None):
                found.add(french)  # "zoledronic" of the term "zoledronique", "statins" of "statines"
            elif (family := self._headline_stems.get(stem(word))) or (family := self._listed_term(word)):
                found.add(family)  # "huile" of the headline term "huiles"; "oil", whose French word is a term
            elif (not is_common(word) or (len(word) >= 5 and word not in self.vocabulary)) and (
                short := self._abbreviated(word, leading_only=is_common(word))
            ):
                # "metho", "cipro": the start of a term; "proto" too, an ordinary word the corpus never uses alone,
                # when it starts one of a document's leading terms
                found.add(short)
            elif (
                (elided := ELIDED.fullmatch(word))
                and not is_common(word)
                and (
                    (short := elided.group(1)) in terms
                    or (short := self._abbreviated(short, leading_only=True, shortest=3))
                )
            ):
                found.add(short)  # "liso": the article glued to a leading term's first letters (SMS)
            elif (
                len(word) >= 6
                and word.endswith(VERB_ENDINGS)
                and len(root := stem(word)) >= 5
                and (short := self._abbreviated(root, leading_only=True, shortest=5))
            ):
                found.add(short)  # "tatouer", "se faire tatouer": a verb of the family of a leading term ("tatouage")
            elif len(word) >= 6 and not is_common(word):
                # a misspelling keeps its first letter: "tretinoin" is another drug than its iso- form
                close = _closest(word, tuple(t for t in terms if t[0] == word[0] and len(t) >= 6))
                if close:
                    found.add(close)
        for elided in ELIDED_SHORT.finditer(normalize(text)):  # "l'iso"
            if short := self._abbreviated(elided.group(1), leading_only=True, shortest=3):
                found.add(short)
        return found

    def spelled(self, text: str) -> str:
        """The text with each misspelt or shortened corpus term written as the corpus has it (normalised), for the
        search: "X diarhée" finds the passages on "diarrhée". Words the corpus uses, ordinary words and short
        ones are left as written.

        >>> CorpusProfile({"a": DocumentProfile("a", "A", terms=["diarrhee"])}, vocabulary={"diarrhee"}).spelled(
        ...     "sous X, diarhée ?"
        ... )
        'sous X, diarrhee ?'
        """

        def fix(match: re.Match) -> str:
            word = normalize(match.group(0))
            if len(word) < 6 or word in self.vocabulary or is_common(word):
                return match.group(0)
            named = self.terms_named(word)
            term = next(iter(named)) if len(named) == 1 else None
            # a misspelling only: not a shortened form ("dermato"), an inflection or the English form of the term
            if term is None or term.startswith(word[:-1]) or word.startswith(term[:-1]) or term in french_forms(word):
                return match.group(0)
            return term

        return LETTERS.sub(fix, text) if self.documents else text

    def medicines_named(self, text: str) -> set[str]:
        """The corpus medicines, brands and practices a text names (not conditions, not the publisher)."""
        return (self.terms_named(text) & self._medicines) - self.everywhere()

    def everywhere(self) -> frozenset[str]:
        """Terms found in nearly every document (of three or more): the publisher's name, not a topic."""
        return self._everywhere

    def documents_of(self, term: str) -> tuple[str, ...]:
        """The documents that use a term (an exact, normalised term; empty for any other word)."""
        return self._term_index.get(term, ())

    def generic(self, text: str) -> str:
        """The text with each named corpus medicine or practice replaced by what it is for the emergency rules:
        "injection" when its document is about an injected product or practice, "medicament" otherwise."""
        return self.masked(text, lambda sources: "injection" if self.documents[sources[0]].injected else "medicament")

    def masked(self, text: str, placeholder=MASK) -> str:
        """The text with each name of a corpus medicine, product or practice replaced by a neutral placeholder: how
        triage's classifiers and example phrasings read a question, so they judge its wording, never which medicine
        it names (a classifier trained on one corpus's questions then works on any other).

        >>> CorpusProfile({"a": DocumentProfile("a", "A", terms=["depakine"], medicines=["depakine"])}).masked(
        ...     "enceinte sous Dépakyne !"
        ... )
        'enceinte sous ce médicament !'
        """
        if not self.documents:
            return text
        everywhere, medicines = self.everywhere(), self._medicines

        def replace(match: re.Match) -> str:
            word = normalize(match.group(0))
            named = (self.terms_named(word) if len(word) >= MIN_TERM_CHARS else set()) - everywhere
            named &= medicines
            if not named:
                return match.group(0)
            return (
                placeholder(self.documents_named(word) or list(self._term_index[min(named)]))
                if callable(placeholder)
                else placeholder
            )

        return WORD.sub(replace, text)

    def documents_named(self, text: str) -> list[str]:
        """The documents whose terms a text names; first the one where they rank highest (a document's leading
        terms are its title's and topics', then its most frequent)."""
        named = self.terms_named(text) - self.everywhere()
        scores: Counter = Counter()
        for term in named:
            for src in self._term_index.get(term, ()):
                scores[src] += 1 + 1 / (1 + self._rank(src, term))
        return [src for src, _ in scores.most_common()]

    def _rank(self, source: str, term: str) -> int:
        ranks = self._ranks[source]
        return ranks.get(term, len(ranks))

    def calls_ordinary(self, source: str, spans: list[str]) -> bool:
        """Whether the document `source` speaks of the signs a question's spans name as ordinary effects: a word of
        each span is one it calls ordinary, every other one it uses outside a call for emergency help. A filler sheet
        that calls swelling and bruises frequent explains "les lèvres gonflées le lendemain des injections", never
        "la gorge gonflée", which it names only to say call 15.

        >>> doc = DocumentProfile("s", "t", ordinary=["gonfl", "bleus"], calm=["gonfl", "bleus", "levr"])
        >>> profile = CorpusProfile({"s": doc})
        >>> profile.calls_ordinary("s", ["levres gonflees"]), profile.calls_ordinary("s", ["gorge gonflee"])
        (True, False)
        """
        document = self.documents.get(source)
        if document is None or not document.ordinary or not spans:
            return False
        ordinary, calm = set(document.ordinary), set(document.calm) | set(document.ordinary)
        for span in spans:
            families = _span_families(span)
            if not any(f & ordinary for f in families) or not all(f & calm for f in families):
                return False
        return True

    def calls_for_consultation(self, source: str, spans: list[str]) -> bool:
        """Whether the document `source` sends a patient with the signs a question's spans name to a doctor, without
        urgency, and names none of them in a call for emergency help: each span's rarer words are all in its sentences
        that say to consult ("Consultez votre médecin si ... : - troubles de la vision"), none in an emergency one.

        >>> doc = DocumentProfile("s", "t", consult=["vision", "flou", "jaun"], alarm=["respir", "gonfl"])
        >>> profile = CorpusProfile({"s": doc})
        >>> profile.calls_for_consultation("s", ["vision floue"]), profile.calls_for_consultation("s", ["gorge gonflee"])
        (True, False)
        """
        document = self.documents.get(source)
        if document is None or not document.consult or not spans:
            return False
        consult, alarm = set(document.consult), set(document.alarm)
        for span in spans:
            families = _span_families(span)
            if not families or not all(f & consult for f in families) or any(f & alarm for f in families):
                return False
        return True

    def dangerous_in_pregnancy(self, text: str) -> list[str]:
        """The documents with a pregnancy warning whose terms the text names."""
        return [src for src in self.documents_named(text) if self.documents[src].pregnancy_warning]

    def unknown_terms(self, text: str, original: str | None = None) -> list[str]:
        """Words of a question that look like the name of a medicine or condition and that the corpus never uses:
        rare in French and English, not a misspelling of a corpus or ordinary word, and shaped like a drug or disease
        name (a WHO stem such as -profène, -cilline, -prazole; -ome, -ite, -ose) or written with a capital (a brand; ordinary words that open
        a sentence are common, so never taken for one).

        >>> CorpusProfile(vocabulary={"grossesse", "pendant"}).unknown_terms("l'ibuprofene pendant la grossesse ?")
        ['ibuprofene']
        """
        if not self.vocabulary:
            return []  # no corpus known (no index yet): nothing can be told unknown
        capitals = {normalize(m.group(0)) for m in re.finditer(r"\b[A-Z][a-zéèï]{3,}", original or "")}
        unknown = []
        for word in dict.fromkeys(words(normalize(text))):
            # known: a word, an inflection or a lay or English word ("cortisone" for "corticoïdes") the documents use
            if len(word) < 5 or is_common(word) or self.knows(word) or _elided(word):
                continue
            if not (DRUG_SHAPE.search(word) or word in capitals) or is_compound(word):
                continue  # (the compound check, word frequencies for each cut, only for the words shaped like a name)
            if _closest(word, self._near_vocabulary(word)) or self.terms_named(word):
                continue
            unknown.append(word)
        return unknown

    def knows(self, word: str) -> bool:
        """Whether the corpus uses a normalised word, an inflection of it, or one of its synonyms (bot/synonyms.yaml)."""
        if word in self.vocabulary or (len(word) >= 5 and stem(word) in self._vocabulary_stems):
            return True
        return any(w in self.vocabulary for s in synonyms_of(word) for w in words(normalize(s)))

    # ----- texts for the page and the messages

    def covered(self, limit: int = 8) -> list[str]:
        """What the corpus covers, in a few words each: the leading names of each document."""
        names: list[str] = []
        seen: set[str] = set()
        everywhere = self.everywhere()
        for doc in self.documents.values():
            for name in doc.names[:2] or [doc.title]:
                if normalize(name) not in everywhere and name.lower() not in seen:
                    names.append(name)
                    seen.add(name.lower())
                    if len(names) == limit:  # stops early: the corpus may hold thousands of documents
                        return names
        return names

    def examples(self, limit: int = 4) -> list[str]:
        """Example questions for the page: one per document in turn."""
        pools = [list(doc.examples) for doc in self.documents.values() if doc.examples]
        chosen = []
        while pools and len(chosen) < limit:
            for pool in list(pools):
                if pool and len(chosen) < limit:
                    chosen.append(pool.pop(0))
                if not pool:
                    pools.remove(pool)
        return chosen

    # ----- storage

    def save(self, index_dir: Path) -> None:
        data = {
            "version": VERSION,
            "documents": {src: asdict(doc) for src, doc in self.documents.items()},
            "vocabulary": sorted(self.vocabulary),
        }
        (Path(index_dir) / PROFILE).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, index_dir: Path) -> CorpusProfile:
        """The profile stored with an index; an empty profile when there is none (an index built before it)."""
        path = Path(index_dir) / PROFILE
        if not path.exists():
            return cls()
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != VERSION:
            return cls()
        try:
            documents = {src: DocumentProfile(**doc) for src, doc in data.get("documents", {}).items()}
        except TypeError:  # fields of another profiling, under the same version number: recomputed
            return cls()
        return cls(documents, set(data.get("vocabulary", [])))

    def _abbreviated(self, word: str, leading_only: bool = False, shortest: int = 4) -> str | None:
        """The term a short word abbreviates ("cipro" -> "ciprofloxacine"; of several, the leading one):
        among the long terms it starts, the one a document ranks highest; None when none does."""
        if not shortest <= len(word) <= 7:
            return None
        terms, first = self._sorted_terms, bisect_left(self._sorted_terms, word)
        starting = []
        for term in terms[first:]:  # the terms that start with the word follow it in sorted order
            if not term.startswith(word):
                break
            starting.append(term)
        found = [(self._best_rank(t), t) for t in starting if len(t) >= len(word) + 3]
        if leading_only:
            found = [(rank, t) for rank, t in found if rank < 5]
        return min(found)[1] if found else None

    def _best_rank(self, term: str) -> int:
        return min(self._rank(src, term) for src in self._term_index[term])

    # ----- indexes derived once from the documents (a profile is never changed after it is built or loaded)

    @cached_property
    def _term_index(self) -> dict[str, tuple[str, ...]]:
        """Each term, with the documents that use it."""
        index: dict[str, list[str]] = {}
        for src, doc in self.documents.items():
            for term in doc.keywords(self._headline[src]):
                index.setdefault(term, []).append(src)
        return {t: tuple(s) for t, s in index.items()}

    @cached_property
    def _sorted_terms(self) -> list[str]:
        return sorted(self._term_index)

    @cached_property
    def _ranks(self) -> dict[str, dict[str, int]]:
        return {
            src: {t: i for i, t in enumerate(doc.keywords(self._headline[src]))} for src, doc in self.documents.items()
        }

    @cached_property
    def _headline(self) -> dict[str, list[str]]:
        """Each document's headline candidates that are distinctive of it in this corpus (see HEADLINE_KEYNESS)."""
        totals: Counter = Counter()
        for doc in self.documents.values():
            totals.update(doc.stems)
        size = sum(doc.size for doc in self.documents.values())
        found = {}
        for src, doc in self.documents.items():
            others = max(1, size - doc.size)
            found[src] = [
                w
                for w in doc.headline
                if doc.stems.get(stem(w), 0) / max(1, doc.size)
                >= (HEADLINE_KEYNESS_NAMED if w in doc.named_headline else HEADLINE_KEYNESS)
                * ((totals[stem(w)] - doc.stems.get(stem(w), 0)) / others + 1e-4)
            ]
        return found

    @cached_property
    def _headline_stems(self) -> dict[str, str]:
        """The stem of each headline term, with the term: a patient may write it in another inflection."""
        return {stem(t): t for terms in self._headline.values() for t in terms}

    def _listed_term(self, word: str) -> str | None:
        """The corpus term that is the documents' word for a patient's word (bot/synonyms.yaml), if any."""
        for synonym in synonyms_of(word):
            for listed in words(synonym):
                if listed in self._term_index:
                    return listed
                if family := self._headline_stems.get(stem(listed)):
                    return family
        return None

    def keywords(self, source: str) -> list[str]:
        """A document's terms, its distinctive headline words first."""
        return self.documents[source].keywords(self._headline.get(source, []))

    @cached_property
    def _everywhere(self) -> frozenset[str]:
        if len(self.documents) < 3:
            return frozenset()
        floor = max(3, 0.8 * len(self.documents))
        return frozenset(t for t, srcs in self._term_index.items() if len(srcs) >= floor)

    @cached_property
    def _medicines(self) -> frozenset[str]:
        return frozenset(m for doc in self.documents.values() for m in doc.medicines)

    @cached_property
    def _vocabulary_stems(self) -> frozenset[str]:
        return frozenset(stem(v) for v in self.vocabulary if len(v) >= 5)

    @cached_property
    def _vocabulary_by_initial(self) -> dict[str, list[str]]:
        by_initial: dict[str, list[str]] = {}
        for v in self.vocabulary:
            by_initial.setdefault(v[:1], []).append(v)
        return by_initial

    def _near_vocabulary(self, word: str) -> tuple[str, ...]:
        return tuple(v for v in self._vocabulary_by_initial.get(word[:1], ()) if abs(len(v) - len(word)) <= 2)


# A WHO stem or a common ending of drug names (INN), or of disease names: general medical knowledge, no corpus
# medicine or condition.
MEDICINE_SHAPE = re.compile(
    r"(profene|profen|prazole|cilline|mycine|micine|cycline|oxacine|floxacine|azole|statine|sartan|pril|olol|dipine|"
    r"triptan|tidine|setron|parine|xaban|gatran|mab|nib|tinib|vir|ovir|afil|lukast|barbital|azepam|zepam|dil|"
    r"pam|lam|done|tramine|tiline|pramine|oxetine|aline|amine|ide|ine|in|ol|one|ate|ane|ex|ax|ix|yl)$"
)
# and of a disease's name (myélome, hépatite, psoriasis, eczéma, névralgie, neuropathie, anémie)
DISEASE_SHAPE = re.compile(r"(ome|omes|ite|ites|ose|oses|iasis|isme|algie|pathie|emie|ema|eme|plegie)$")
DRUG_SHAPE = re.compile(f"{MEDICINE_SHAPE.pattern}|{DISEASE_SHAPE.pattern}")


def words(normalised: str) -> list[str]:
    """The words of a normalised text (letters, inner hyphens and apostrophes cut)."""
    return [w for part in WORD.findall(normalised) for w in re.split(r"['-]", part) if w]


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Normalised forms of the ordinary words of French and English (Zipf >= COMMON_ZIPF)."""
    from wordfreq import top_n_list, zipf_frequency

    common = set()
    for lang in ("fr", "en"):
        for word in top_n_list(lang, 60000):
            if zipf_frequency(word, lang) < COMMON_ZIPF:
                break
            common.add(normalize(word))
    return frozenset(common)


@lru_cache(maxsize=1)
def _common_stems() -> frozenset[str]:
    return frozenset(stem(w) for w in _common_words() if len(w) >= 5)


def is_common(word: str) -> bool:
    """Whether a normalised word is ordinary French or English, or an inflection of one ("affine" of "affiner")."""
    return word in _common_words() or (len(word) >= 5 and stem(word) in _common_stems())


# The English ending of a drug, disease or practice name and its French one ("zoledronic" -> "zolédronique",
# "statin" -> "statine", "cryotherapy" -> "cryothérapie"): general spelling, no corpus term.
ENGLISH_ENDINGS = (
    ("ics", "iques"),
    ("ic", "ique"),
    ("ins", "ines"),
    ("in", "ine"),
    ("oids", "oides"),
    ("oid", "oide"),
    ("ies", "ies"),
    ("y", "ie"),
    ("ysis", "yse"),
    ("isms", "ismes"),
    ("ism", "isme"),
)


def french_forms(word: str) -> list[str]:
    """The French spellings an English word of at least six letters may have, by its ending, with and without a
    plural "s".

    >>> french_forms("zoledronic")
    ['zoledronique', 'zoledroniques']
    """
    if len(word) < 6:
        return []
    forms = [word[: -len(en)] + fr for en, fr in ENGLISH_ENDINGS if word.endswith(en)][:1]
    return [f for form in forms for f in (form, form.removesuffix("s") if form.endswith("s") else f"{form}s")]


COMPOUND_ZIPF = 3.5  # halves of 4+ letters this frequent in English: "breast"+"bone"; not "chicken"+"pox", "eli"+"del"


def is_compound(word: str) -> bool:
    """Two frequent English words written as one ("breastbone", "heartburn"): no name of a medicine or condition.

    >>> is_compound("breastbone"), is_compound("carbamazepine")
    (True, False)
    """
    from wordfreq import zipf_frequency

    return any(
        min(zipf_frequency(word[:cut], "en"), zipf_frequency(word[cut:], "en")) >= COMPOUND_ZIPF
        for cut in range(4, len(word) - 3)
    )


def _elided(word: str) -> bool:
    """An ordinary word written after an elided pronoun or article without its apostrophe, as in SMS ("jhesite",
    "lhopital", "quil"): no name of a medicine or condition."""
    return any(word.startswith(p) and is_common(word[len(p) :]) for p in ("qu", "j", "l", "d", "m", "t", "s", "n", "c"))


def _closest(word: str, candidates: tuple[str, ...], cutoff: float = 85.0) -> str | None:
    """The candidate a word is a misspelling of (rapidfuzz ratio >= cutoff), or None."""
    if not candidates:
        return None
    from rapidfuzz import fuzz, process

    best = process.extractOne(word, candidates, scorer=fuzz.ratio, score_cutoff=cutoff)
    return best[0] if best else None


# ----- building


def profile_document(
    source: str,
    title: str,
    text: str,
    topics: list[str] | tuple = (),
    examples: list[str] | tuple = (),
    content_hash="",
) -> DocumentProfile:
    """The profile of one document, from its metadata and cleaned text."""
    folded = normalize(text)
    counts = Counter(w for w in words(folded) if len(w) >= MIN_TERM_CHARS and not is_common(w))
    # a hyphenated name is also written joined ("Néo-Zolcamine", "neozolcamine"): the joined form is a term too
    counts.update(joined for joined in _joined_names(folded) if joined not in counts)
    named = [w for t in [title, *topics] for w in words(normalize(t)) if len(w) >= MIN_TERM_CHARS and not is_common(w)]
    # a brand staff list as a topic is a name even when an ordinary word shares its stem (a brand "Concertex" and "concert")
    named += [
        normalize(str(t))
        for t in topics
        if re.fullmatch(r"[A-Z][^\W\d_]{3,}", str(t)) and normalize(str(t)) not in _common_words()
    ]
    # the names it gives its subject at the start, in quotes: « proto », « Rivotril »; ordinary words or not
    aliases = [normalize(a) for a in re.findall(r"«\s*([^\W\d_][\w-]{2,})\s*»", f"{title} {text[:400]}")]
    # the acronyms it defines, "inhibiteurs de la pompe à protons (IPP)": patients name a class of medicines so
    aliases += [a for a in defined_acronyms(text) if not is_common(a)]
    # a term is a rare word the document uses, those its title or topics name first, then the most frequent
    terms = list(dict.fromkeys([*named, *aliases, *(w for w, _ in counts.most_common())]))
    written = _written_forms(text)
    # each word's most frequent written form, not in capitals when it is written otherwise too or too long for an
    # acronym (a title in capitals: "INTOXICATIONS")
    display = {w: _display_form(c) for w, c in written.items()}
    all_counts = Counter(w for w in words(folded) if len(w) >= MIN_TERM_CHARS)
    frequency = {w: zipf(written.get(w) or [w]) for w in all_counts}
    short = Counter(w for w in words(folded) if len(w) == SHORT_NAME_CHARS)
    frequency.update({w: zipf([w]) for w in short})
    stems: Counter = Counter()
    for w, n in [*all_counts.items(), *short.items()]:
        if frequency[w] < STEM_ZIPF:
            stems[stem(w)] += n
    band = {w: stems[stem(w)] for w in all_counts if w not in counts and frequency[w] < HEADLINE_ZIPF}
    headings = [title, *map(str, topics), re.sub(r"[_.-]+", " ", Path(source).stem)]
    # a word both its title and its file name give, short or frequent ("sel" of a sheet on salt with no metadata)
    named_twice = set(words(normalize(title))) & set(words(normalize(headings[-1])))
    band.update(
        {
            w: stems[stem(w)]
            for w in named_twice
            if w not in counts and w not in band and w in frequency and frequency[w] < NAMED_ZIPF
        }
    )
    headline = [
        w
        for w in dict.fromkeys(w for h in headings for w in words(normalize(h)))
        if band.get(w, 0) >= HEADLINE_MIN_COUNT and not _situation_word(w)
    ]
    # the words of its title, of its topics and of its file name: a headline word in all three is named everywhere
    named_in = [set(words(normalize(h))) for h in (title, " ".join(map(str, topics)), headings[-1])]
    # its names: the topics staff gave, else the title's rare words and the document's most frequent ones
    weights = {w: counts.get(w, 0) + 3 * named.count(w) for w in terms[:12]}
    weights.update({w: band[w] for w in headline if w in words(normalize(title))})  # "lithium" of a file name
    leading = [w for w, _ in Counter(weights).most_common()]
    medicines = _medicines(terms, [*aliases, *(w for w in words(normalize(title)) if len(w) >= MIN_TERM_CHARS)], text)
    if not topics:
        # no topics from staff: the medicines its own title names come first, then the title's headline words ("sel"),
        # then its other medicines ("Salinex"), before words it merely uses often ("intoxications", "enfants")
        title_words = set(words(normalize(title)))
        first = [w for w in leading if w in medicines and w in title_words] + [w for w in headline if w in title_words]
        first += [w for w in leading if w in medicines]
        leading = list(dict.fromkeys([*first, *leading]))
    # the topics staff gave that name a medicine or practice, else the first topic, else the leading terms
    named_topics = [str(t) for t in topics if set(words(normalize(str(t)))) & set(medicines)]
    names = (named_topics or [str(t) for t in topics[:1]] or [display.get(w, w) for w in leading if w in display])[:3]
    sentences = [text[a:b].strip() for a, b in sentence_spans(text)]
    warning = _pregnancy_warning(sentences)
    return DocumentProfile(
        source=source,
        title=title,
        topics=list(topics),
        terms=terms,
        names=names,
        pregnancy_warning=warning,
        pregnancy_from=pregnancy_month(normalize(warning), warning=True) or 0,
        pregnancy_until=pregnancy_until(sentences) if warning else 0,
        instructions={
            kind: found for kind in [*KIND_WORDS, *REFUSAL_WORDS] if (found := _instructions(sentences, kind))
        },
        examples=list(examples) or _made_examples(names),
        content_hash=content_hash,
        injected=len(re.findall(r"\b(inject\w*|piqures?|seringues?)\b", folded)) >= 5,
        medicines=medicines,
        headline=headline,
        named_headline=[w for w in headline if all(w in place for place in named_in)],
        stems=dict(stems),
        size=sum(all_counts.values()),
        ordinary=_sentence_stems(s for s in sentences if _calls_ordinary(normalize(s))),
        calm=_sentence_stems(s for s in sentences if not re.search(EMERGENCY_CALL, normalize(s))),
        consult=_sentence_stems(_consulting(sentences)),
        alarm=_sentence_stems(_alarming(sentences)),
    )


def _display_form(forms: Counter) -> str:
    """The form a word is shown in: its most frequent written form, preferring one not in capitals; a long word
    written only in capitals in lower case (acronyms stay as written)."""
    form = ([f for f, _ in forms.most_common() if not f.isupper()] or [forms.most_common(1)[0][0]])[0]
    return form.lower() if form.isupper() and len(form) > 6 else form


def _joined_names(folded: str) -> set[str]:
    """The hyphenated words of a normalised text written joined, when they are no ordinary word and one of their
    parts is no ordinary word either: "neozolcamine" of "néo-zolcamine"; not "antiinflammatoire"."""
    joined = set()
    for word in WORD.findall(folded):
        parts = [p for p in re.split(r"['-]", word) if p]
        if "-" in word and len(parts) > 1 and "'" not in word:
            whole = "".join(parts)
            if len(whole) >= 6 and not is_common(whole) and any(len(p) >= 5 and not is_common(p) for p in parts):
                joined.add(whole)
    return joined


def _span_families(span: str) -> list[set[str]]:
    """The word families of the rarer words of a question's span (what it names beyond ordinary words)."""
    return [_family(w) for w in words(normalize(span)) if len(w) >= MIN_TERM_CHARS and zipf([w]) < STEM_ZIPF]


def _family(word: str) -> set[str]:
    """The stems of a normalised word and of the documents' words listed for it (bot/synonyms.yaml: "lips")."""
    return _stems(word) | {s for listed in synonyms_of(word) for w in words(normalize(listed)) for s in _stems(w)}


def _stems(word: str) -> set[str]:
    """The stems of a normalised word, with and without its feminine or plural ending: the stemmer gives "gonfle" for
    "gonflée" and "gonfl" for "gonflement"."""
    return {stem(w) for w in {word, word.removesuffix("s"), word.removesuffix("es"), word.removesuffix("e")} if w}


def _calls_ordinary(folded: str) -> bool:
    """Whether a normalised sentence calls effects ordinary (frequent, transient...) and calls for no emergency help."""
    return bool(
        re.search(ORDINARY, folded) and not re.search(NOT_ORDINARY, folded) and not re.search(EMERGENCY_CALL, folded)
    )


def _consulting(sentences: list[str], items: int = 10) -> list[str]:
    """The sentences that send the patient to a doctor without urgency (CONSULT, neither URGENT_CONSULT nor an
    emergency call), each read in its context (`_in_context`; a list item that calls for help ends the list)."""

    def consults(folded: str) -> bool:
        return bool(
            re.search(CONSULT, folded)
            and not re.search(URGENT_CONSULT, folded)
            and not re.search(EMERGENCY_CALL, folded)
        )

    return _in_context(sentences, consults, items, ends_list=lambda folded: bool(re.search(EMERGENCY_CALL, folded)))


def _alarming(sentences: list[str], items: int = 10) -> list[str]:
    """The sentences that call for emergency help (EMERGENCY_CALL), each read in its context (`_in_context`)."""
    return _in_context(sentences, lambda folded: bool(re.search(EMERGENCY_CALL, folded)), items)


def _in_context(sentences: list[str], chosen, items: int, ends_list=lambda folded: False) -> list[str]:
    """The sentences `chosen` keeps (a test on the normalised sentence), each with the sentence before when it refers
    back to it ("l'un de ces signes") or asks what it answers ("Que faire si ... ?"), and the list it introduces when
    it ends with ":" (its short items, up to `items`, until one `ends_list` or does not end with ";" or ",")."""
    found = []
    for i, sentence in enumerate(sentences):
        folded = normalize(sentence)
        if not chosen(folded):
            continue
        if i and (re.search(BACK_REFERENCE, folded) or sentences[i - 1].rstrip().endswith("?")):
            found.append(sentences[i - 1])
        found.append(sentence)
        if sentence.rstrip().endswith(":"):
            for item in sentences[i + 1 : i + 1 + items]:
                if len(item) > 200 or ends_list(normalize(item)):
                    break
                found.append(item)
                if not item.rstrip().endswith((";", ",")):
                    break
    return found


def _sentence_stems(sentences) -> list[str]:
    """The sorted stems of the words of some sentences (bot.text.stem of each normalised word)."""
    return sorted({found for s in sentences for w in words(normalize(s)) for found in _stems(w)})


def zipf(forms) -> float:
    """How common a word is in French or English (wordfreq's Zipf scale), the most common of the forms it is written
    in: with accents folded, "dépendance" would look rare; in capitals, "MEDICAMENTS" loses them."""
    from wordfreq import zipf_frequency

    return max(zipf_frequency(form, lang) for form in forms for lang in ("fr", "en"))


def _situation_word(word: str) -> bool:
    """A word of an emergency or of pregnancy ("grossesse", "contraception", "infarctus"): what a patient is in or
    asks about, which many documents speak of; never what names one document."""
    return any(re.search(pattern, word) for pattern in [PREGNANCY, *KIND_WORDS.values()])


def _medicines(terms: list[str], title_words: list[str], text: str) -> list[str]:
    """The terms that name a medicine, a brand or a practice, not a condition or a rare common noun: shaped like a
    drug name (a WHO stem), written with a capital inside a sentence (a brand), or a rare word of the title."""
    # a capitalised word inside a sentence or a list, or opening a parenthesis: "(Doliprane, Dafalgan...)"
    brands = {normalize(m.group(0)) for m in re.finditer(r"(?:(?<=[\w,;(] )|(?<=\())[A-Z][\wéèëêïîôç]{3,}", text)}
    return [
        t
        for t in terms
        if not DISEASE_SHAPE.search(t) and (MEDICINE_SHAPE.search(t) or t in brands or t in title_words)
    ]


def _pregnancy_warning(sentences: list[str]) -> str:
    """The sentence that calls the document's medicine dangerous in pregnancy ("contre-indiqué pendant la
    grossesse"), or a lead-in on pregnancy with the list of dangers it introduces ("Pris pendant la grossesse, X
    expose à : - un risque élevé de fausse couche ; - des malformations"); "" when there is none."""
    for i, sentence in enumerate(sentences):
        folded = normalize(sentence)
        if not re.search(PREGNANCY, folded) or sentence.rstrip().endswith("?"):
            continue  # (a heading asking the question is no statement to quote)
        if _states_danger(folded):
            return sentence
        if sentence.rstrip().endswith(":"):
            items = [s for s in sentences[i + 1 : i + 6] if len(s) < 250]
            if any(_states_danger(normalize(s)) for s in items):
                return sentence
    return ""


def _states_danger(folded: str) -> bool:
    """Whether a normalised sentence states a danger, not its absence: "contre-indiqué", "risque de malformations",
    but not "ne montrent pas de risque de malformation" nor "n'est pas dangereux", whose danger word a negation of
    the same clause comes before (within 80 characters: "n'ont pas mis en evidence d'augmentation nette du risque
    de malformation").

    >>> _states_danger("les donnees ne montrent pas de risque de malformation"), _states_danger("risque de malformations")
    (False, True)
    >>> _states_danger("les donnees n'ont pas mis en evidence d'augmentation nette du risque de malformation")
    False
    """
    for match in re.finditer(PREGNANCY_DANGER, folded):
        before = re.split(r"[,;:.()]|\b(?:car|mais|donc)\b", folded[max(0, match.start() - 80) : match.start()])[-1]
        if not re.search(r"\b(pas|aucune?s?|sans|ni|jamais|non)\b", before):
            return True
    return False


def _instructions(sentences: list[str], kind: str, keep: int = 2) -> list[str]:
    """The sentences of a document that tell a patient what to do in an emergency of this kind, best first."""
    scored = []
    kind_words = KIND_WORDS.get(kind) or REFUSAL_WORDS[kind]
    act_words = INSTRUCTION_WORDS if kind in KIND_WORDS else RULE_WORDS
    opening = -1  # the index of the first sentence under a heading of this kind
    for i, sentence in enumerate(sentences):
        folded = normalize(sentence)
        if _is_heading(sentence):
            opening = i + 1 if re.search(kind_words, folded) else -1
            continue
        if len(sentence.split()) < MIN_QUOTED_WORDS:
            opening = i + 1 if i == opening else opening  # a word standing alone ("Faux.") opens nothing
            continue
        if len(sentence) > 400 or "?" in sentence:
            continue
        kind_hits = len(re.findall(kind_words, folded))
        act_hits = len(re.findall(act_words, folded))
        if i == opening:
            # the opening of a section of its kind ("Vous êtes enceinte ou pensez l'être" then "N'arrêtez jamais votre
            # traitement de vous-même. Contactez votre médecin immédiatement."), which speaks of it without naming it
            group = []
            for following in sentences[i : i + 3]:
                if _is_heading(following):
                    break
                if len(following.split()) >= MIN_QUOTED_WORDS:
                    group.append(following)
            acts = sum(len(re.findall(act_words, normalize(g))) for g in group)
            if acts:
                scored.append((acts + 2, -i, group))
                continue
        if kind_hits and act_hits:
            # a sentence the document flags ("ATTENTION : Si vous découvrez que vous êtes enceinte, ...") is its
            # instruction for the case; a long one naming the kind many times (contraception, projet de grossesse)
            # counts its kind words up to two
            flagged = EMPHASIS if EMPHASIS_MARK.match(folded) else 0
            scored.append((min(kind_hits, 2) + act_hits + flagged, -i, [sentence]))
        elif act_hits and sentence.rstrip().endswith(":"):
            # "Appelez immédiatement le 15 si :" and the signs it lists after it
            items = [s for s in sentences[i + 1 : i + 8] if len(s) < 200]
            listed = sum(len(re.findall(KIND_WORDS.get(kind) or REFUSAL_WORDS[kind], normalize(s))) for s in items)
            if listed:
                scored.append((listed + act_hits, -i, [sentence, *items]))
    chosen: dict[str, None] = {}
    taken = 0
    for *_, group in sorted(scored, reverse=True):
        if taken == keep:
            break
        if any(s not in chosen for s in group):  # a sentence already quoted in a section's opening counts once
            chosen.update(dict.fromkeys(group))
            taken += 1
    return list(chosen)


def _is_heading(line: str) -> bool:
    """A heading standing as its own line: short, no closing punctuation but a question mark ("5. VOUS ÊTES ENCEINTE
    OU PENSEZ L'ÊTRE", "## Que faire en cas de surdosage ?")."""
    stripped = line.strip()
    return 0 < len(stripped) <= 100 and not stripped.endswith((".", ":", ";", ",", "!"))


# An elided article glued to the word, its apostrophe dropped in SMS spelling ("liso", "dla"); and one written with
# it before a word too short to be read alone ("l'iso": words() cuts at the apostrophe)
ELIDED = re.compile(r"(?:l|d|qu|j)([^\W\d_]{3,})")
ELIDED_SHORT = re.compile(r"\b(?:l|d|qu|j)'([^\W\d_]{3})\b")

# An acronym in parentheses after the words it abbreviates; the little words between them have no letter in it.
ACRONYM = re.compile(r"\(([A-Z]{3,6})\)")
LINKING_WORDS = frozenset("a au aux d de des du en et l la le les par pour sur".split())


def defined_acronyms(text: str) -> list[str]:
    """The normalised acronyms a text defines: each letter the initial of one of the words just before it.

    >>> defined_acronyms("les inhibiteurs de la pompe à protons (IPP) et les anti-inflammatoires non stéroïdiens (AINS)")
    ['ipp', 'ains']
    >>> defined_acronyms("des laboratoires (ANSM)")
    []
    """
    found = []
    for match in ACRONYM.finditer(text):
        letters = match.group(1).lower()
        before = [w for w in re.split(r"[\s'’-]+", normalize(text[max(0, match.start() - 150) : match.start()])) if w]
        content = [w for w in before if w not in LINKING_WORDS and w[0].isalpha()]
        if "".join(w[0] for w in content[-len(letters) :]) == letters:
            found.append(letters)
    return list(dict.fromkeys(found))


def _written_forms(text: str) -> dict[str, Counter]:
    """Each normalised word of a text, with the forms it is written in and how often ("depakine" -> Dépakine: 3)."""
    forms: dict[str, Counter] = {}
    for word in WORD.findall(text):
        for part in re.split(r"['-]", word):
            if len(part) >= SHORT_NAME_CHARS:
                forms.setdefault(normalize(part), Counter())[part] += 1
    return forms


def _made_examples(names: list[str]) -> list[str]:
    return [f"{names[0]} : quels sont les risques ?"] if names else []


def current_profile(index_dir: Path, documents: dict[str, dict]) -> CorpusProfile:
    """The profile stored with an index; recomputed from its documents (and stored again, when the folder is
    writable) when it is missing or was made by another version of the profiling (an index built before it)."""
    profile = CorpusProfile.load(index_dir)
    if documents and set(profile.documents) != set(documents):
        profile = build_profile(documents, profile)
        with contextlib.suppress(OSError):  # a read-only index still answers with the profile computed here
            profile.save(index_dir)
    return profile


def build_profile(documents: dict[str, dict], previous: CorpusProfile | None = None) -> CorpusProfile:
    """The corpus profile of the indexed documents (bot.indexer.read_documents records); a document whose content
    hash is unchanged keeps its previous profile, so adding one document profiles that one only."""
    previous = previous or CorpusProfile()
    profiles = {}
    vocabulary = set()
    for source, record in documents.items():
        old = previous.documents.get(source)
        if old and old.content_hash and old.content_hash == record.get("content_hash"):
            profiles[source] = old
        else:
            profiles[source] = profile_document(
                source,
                record.get("title", source),
                record.get("text", ""),
                record.get("topics", ()),
                record.get("examples", ()),
                record.get("content_hash", ""),
            )
        vocabulary.update(w for w in words(normalize(record.get("text", ""))) if len(w) >= 3)
        vocabulary.update(_joined_names(normalize(record.get("text", ""))))
        vocabulary.update(w for w in words(normalize(record.get("title", ""))) if len(w) >= 3)
    return CorpusProfile(profiles, vocabulary)
