"""What the bot may not simply answer: emergencies, refusals and questions outside the corpus.

Decisions are made on the question before any answer is written, so neither a
document nor an LLM can change them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.retrieval import Hit
from bot.text import normalize, tokens


@dataclass(frozen=True)
class Triage:
    status: str  # "urgent" or "refused"
    kind: str  # names the message to show: suicide, pregnancy, infection, allergy, prescription, dose, purchase

    @property
    def message_key(self) -> str:
        return f"{self.status}_{self.kind}"


def _rx(*patterns: str) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


# Patterns run on the normalised question (lower case, no accents).
URGENT = {
    "suicide": _rx(
        r"suicid", r"me tuer", r"m[' ]?en finir", r"en finir avec", r"envie de mourir", r"veu[xt]? (plus|pas) vivre",
        r"jveu[xt]? plus vivre", r"plus envie de vivre", r"me faire du mal", r"me scarifi", r"scarif", r"automutil",
        r"kill myself", r"end (it|my life)", r"want to die", r"self[- ]?harm", r"hurt(ing)? myself", r"don'?t want to live",
    ),
    "pregnancy": _rx(
        r"(je suis|jsuis|chui|suis|je serais|je pense etre|peut[- ]etre|possible que je sois|tombee) enceinte",
        r"\benceinte\b.*\b(isotretinoin|roaccutane|curacne|contracne|procuta|acnetrait|traitement|sous)",
        r"(isotretinoin|roaccutane|curacne|contracne|procuta|acnetrait).*\benceinte\b",
        r"test de grossesse (est )?positif", r"retard de regles", r"pas eu mes regles", r"\bi(')?m pregnant",
        r"i am pregnant", r"got pregnant", r"might be pregnant", r"positive pregnancy test", r"missed (my )?period",
    ),
    "infection": _rx(
        r"abces", r"\bpus\b", r"(fievre|temperature).*(injection|piqure|mesotherap|seance)",
        r"(injection|piqure|mesotherap|seance).*(fievre|temperature|infect|rouge et chaud|gonfle et chaud)",
        r"abscess", r"(fever|pus|infected).*(injection|mesotherapy|session)", r"(injection|mesotherapy).*(fever|pus|infected)",
    ),
    "allergy": _rx(
        r"(gonfle|gonflement|oedeme).*(visage|gorge|levres|langue)", r"(visage|gorge|levres|langue).*(gonfle|gonflement)",
        r"(du mal|difficult\w*|peine|n'arrive pas|arrive plus) a respirer", r"choc anaphylactique",
        r"(swollen|swelling).*(face|throat|lips|tongue)", r"(can'?t|cannot|hard to|trouble|difficulty) breath",
        r"anaphyla",
    ),
}

REFUSED = {
    "purchase": _rx(
        r"(ou|comment|site).{0,30}(acheter|commander|trouver|avoir|procurer).{0,40}(sans ordonnance|en ligne|internet|sans prescription)",
        r"(acheter|commander|procurer).{0,40}(sans ordonnance|en ligne|sur internet)",
        r"(buy|order|get).{0,40}(without (a )?prescription|online)",
    ),
    "dose": _rx(
        r"(quelle|combien|dose|dosage|posologie|mg).{0,60}(nez|esthetique|affiner|peau plus nette|maigrir|mincir|beaute)",
        r"(nez|esthetique|affiner|beaute).{0,60}(quelle dose|combien de mg|dosage|posologie)",
        r"(what|which|how much).{0,20}(dose|dosage|mg).{0,60}(nose|aesthetic|cosmetic|beauty|skin)",
    ),
    "prescription": _rx(
        r"prescri[st]?(s|re|vez|rais|rai|t)?[- ]moi", r"(fais|faire|ecri[st]|donne)[- ]?(moi)? une ordonnance",
        r"ordonnance pour (moi|de l'isotretinoine|du roaccutane)", r"tu es (mon|ma) (dermato|medecin|docteur)",
        r"prescribe me", r"write me a prescription", r"give me a prescription",
    ),
}


def triage(question: str) -> Triage | None:
    """Urgent or refused, decided on the question alone; None for an ordinary question."""
    text = normalize(question)
    for kind, pattern in URGENT.items():
        if pattern.search(text):
            return Triage("urgent", kind)
    for kind, pattern in REFUSED.items():
        if pattern.search(text):
            return Triage("refused", kind)
    return None


def lexical_overlap(question: str, hits: list[Hit], top: int = 3) -> float:
    """Share of the question's stemmed words found in the best retrieved chunks."""
    asked = set(tokens(question))
    if not asked:
        return 0.0
    found = set()
    for hit in hits[:top]:
        found |= set(tokens(hit.chunk.search_text))
    return len(asked & found) / len(asked)


def is_out_of_scope(question: str, hits: list[Hit], min_dense: float, min_overlap: float) -> bool:
    """No evidence in the corpus: nothing retrieved, or neither meaning nor words match well enough."""
    if not hits:
        return True
    best_dense = max((h.dense_score for h in hits if h.dense_score is not None), default=0.0)
    return best_dense < min_dense and lexical_overlap(question, hits) < min_overlap
