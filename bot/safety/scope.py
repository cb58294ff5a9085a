"""Out of scope: what the documents cannot answer, from the question and the retrieved passages."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.intents import knowledge
from bot.profile import CorpusProfile, zipf
from bot.questions import is_broad
from bot.retrieval import Hit, user_turns
from bot.safety.rules import UNCOVERED, rule_text
from bot.safety.topics import WORD, topics_named
from bot.safety.triage import NO_PROFILE, without_injection
from bot.text import normalize, shared_words, synonyms_of, tokens


def asked_aspects(question: str) -> list[str]:
    """The aspects of bot/safety.yaml a question asks about (dose, price, sun, duration...)."""
    return list(_aspect_evidence(question))


def _aspect_evidence(
    question: str, wanted: set[str] | None = None, profile: CorpusProfile = NO_PROFILE
) -> dict[str, list[str]]:
    """Each aspect asked, with the expressions that count as its evidence in a passage.

    An aspect whose `evidence` is `asked` (a symptom, say) is answered only by a passage naming the very
    words asked: "fait tomber les cheveux ?" needs "cheveux" in a passage on the medicine asked about. Words that
    are terms of the documents asked about (`wanted`, in the corpus profile) ask nothing beyond them: "laser" on a
    sheet about laser hair removal, "diarrhée" on a sheet whose topics list it.
    """
    text = rule_text(question)
    found = {}
    for name, aspect in knowledge()["aspects"].items():
        matches = [m.group(0) for p in aspect["ask"] for m in re.finditer(p, text)]
        if wanted and aspect["evidence"] == "asked" and any(wanted & set(profile.documents_named(m)) for m in matches):
            continue  # one of the words asked names what the documents asked about are about: they speak of it
        if matches:
            asked = [re.escape(w) for m in matches for w in [m, *synonyms_of(m)]]
            # a passage naming the very word asked speaks of the aspect too ("musculation" in a passage on sport; not
            # a phrase such as "la dose de", which any passage on a dose has)
            named = [rf"\b{w}\b" for w in asked if re.fullmatch(r"\w{5,}", w)]
            found[name] = asked if aspect["evidence"] == "asked" else [*aspect["evidence"], *named]
    return found


def unsupported_aspect(
    question: str,
    hits: list[Hit],
    topics: set[str] | None = None,
    top: int = 5,
    profile: CorpusProfile = NO_PROFILE,
) -> str | None:
    """The first aspect asked that no retrieved passage speaks of for the question's topic; None when all are.

    Evidence counts when it matches one of the aspect's `evidence` expressions or the words asked and, if the
    question names corpus terms, the term last named before it in the passage belongs to the same documents: a
    committee's lines on one medicine and sun exposure do not answer a question on another medicine and the sun.
    """
    topics = topics_named(question, profile) if topics is None else topics
    wanted = set(profile.documents_named(" ".join(sorted(topics))))
    passages = [normalize(h.chunk.search_text) for h in hits[:top]]
    for name, evidence in _aspect_evidence(question, wanted, profile).items():
        if not any(
            _about(_documents_before(p, found.start(), profile), wanted)
            for e in evidence
            for p in passages
            for found in re.finditer(e, p)
        ):
            return name
    return None


# "donne-moi la dose", "tell me how much to take": a request to be prescribed, whatever the documents state
PRESCRIBE_ME = re.compile(
    r"\b(donnez?[- ]moi|dites?[- ]moi|dis[- ]moi|indiquez?[- ]moi|prescri\w*[- ]moi|give me|tell me|prescribe me)\b"
)


def documented(aspect: str, question: str, hits: list[Hit], profile: CorpusProfile = NO_PROFILE, top: int = 3) -> bool:
    """Whether the best passages on the documents a question names state what an aspect asks (a dose in figures,
    say), and the question asks for that information rather than to be prescribed: then the documents answer it."""
    if PRESCRIBE_ME.search(normalize(question)):
        return False
    wanted = set(profile.documents_named(question))
    passages = [normalize(h.chunk.search_text) for h in hits[:top] if not wanted or h.chunk.source in wanted]
    evidence = knowledge()["aspects"][aspect]["evidence"]
    return bool(wanted) and any(re.search(e, p) for e in evidence for p in passages)


def _about(before: set[str], wanted: set[str]) -> bool:
    """Whether evidence counts for the documents asked about: none asked, none named before it, or the same."""
    return not wanted or not before or bool(before & wanted)


def _documents_before(passage: str, position: int, profile: CorpusProfile) -> set[str]:
    """The documents of the corpus term named last before `position` in a normalised passage (empty when none)."""
    everywhere = profile.everywhere()
    for word in reversed(WORD.findall(passage[: position + 1])):
        if word not in everywhere and (documents := profile.documents_of(word)):
            return set(documents)
    return set()


# A message this long tells a story before it asks; what it asks is in its questions.
STORY_CHARS = 250
MIN_ASKED_WORDS = 8


def asked_part(question: str) -> str:
    """The sentences of a long message that ask something, when they are a question in their own right; the whole
    message otherwise. "Mon fils a de l'asthme ... Pourquoi l'ordonnance ne dure qu'un mois ?" asks about the
    prescription, not about asthma; "Je bois ce soir. C'est possible ?" still asks about drinking.

    >>> asked_part("Court : l'alcool, c'est possible ?")
    "Court : l'alcool, c'est possible ?"
    """
    if len(question) < STORY_CHARS:
        return question
    asked = question_sentences(question)
    return asked if len(asked.split()) >= MIN_ASKED_WORDS else question


def question_sentences(text: str) -> str:
    """The sentences of a text that end with a question mark, joined ("" when none)."""
    return " ".join(s.strip() for s in re.findall(r"[^.!?\n]+\?+", text))


# What a treatment the patient is on was given for ("je suis sous X pour une bronchite", "I'm on X for my arthritis"):
# context of the question, not what it asks about, so a condition the corpus does not know there is no reason to refuse.
PURPOSE = re.compile(
    r"\b(je suis sous|j'?suis sous|je prends|je prend|j'?prends|on m'a (donne|prescrit)|m'a (donne|prescrit)|"
    r"(veut|va|voudrait) me (mettre|donner|prescrire)( sous)?|"
    r"(i'?m|i am) on|i take|i'?m taking|i was (given|prescribed)|(he|she) (is|was) (on|given|prescribed))\b"
    r"([^.?!,]{0,40}?)\b(pour|for|contre|against) (un |une |le |la |les |l'|mon |ma |mes |son |sa |ses |a |an |my |his |her )?[\w-]+"
)


# What a medicine or practice is asked to work against ("ce médicament marche contre le covid ?", "does it work for
# scalp psoriasis?"): when the corpus never uses that word, its documents cannot say whether it works for it.
EFFICACY_TARGET = re.compile(
    r"\b(marche|marchent|fonctionne|fonctionnent|efficaces?|soigne|soignent|guerit|guerissent|traite|traitent|works?|"
    r"treats?|cures?|effective|useful|utile)\s+(contre|pour|sur|against|for|on)\s+"
    r"(?:(?:le|la|les|un|une|des|du|de|my|the|a|an|mon|ma|mes|ton|ta|tes|son|sa|ses)\s+|l'|d')?([a-z][\w-]{3,})"
)
# "X peut-il soigner ma migraine ?": what a treatment is asked to heal, as the verb's object
HEAL_TARGET = re.compile(
    r"\b(soigner|traiter|guerir|soulager|treat|relieve|heal)\s+"
    r"(?:(?:le|la|les|un|une|des|du|de|my|the|a|an|mon|ma|mes|ton|ta|tes|son|sa|ses)\s+|l'|d')?([a-z][\w-]{3,})"
)
FUNCTION_WORD = 5.5  # a word this frequent (wordfreq's Zipf scale) is a function word ("that", "cela"), no target


def unknown_target(text: str, profile: CorpusProfile) -> str | None:
    """The thing a normalised question asks a treatment to work against, when the corpus never names it (nor a
    synonym, nor an inflection of one of its words); None otherwise."""
    if not profile.vocabulary:
        return None
    targets = [m.group(3) for m in EFFICACY_TARGET.finditer(text)] + [m.group(2) for m in HEAL_TARGET.finditer(text)]
    return next((w for w in targets if not profile.knows(w) and zipf([w]) < FUNCTION_WORD), None)


def uncovered_aspect(
    question: str,
    hits: list[Hit] | None = None,
    profile: CorpusProfile = NO_PROFILE,
    topics: set[str] | None = None,
) -> str | None:
    """What makes a question unanswerable from the corpus: a medicine or condition the corpus does not know,
    chatter, or an aspect (price, dose, sun...) that the retrieved passages do not speak of for `topics` (those the
    question names when not given); None when nothing does."""
    text = rule_text(question)
    found = UNCOVERED.search(text)
    if found:
        return found.group(0)
    unknown = profile.unknown_terms(PURPOSE.sub(" ", text), question)
    # another medicine or condition, even beside a corpus one ("X pour la maladie de Crohn ?"); but a broad question
    # on a corpus topic asks what its documents say, whatever the condition it is for ("what should I know before
    # trying X for my arthritis?"), as long as its question names that topic ("... avant le traitement X. C'est quoi les
    # effets secondaires de Y ?" asks about the other medicine)
    if unknown and not (
        is_broad(question) and profile.documents_named(question) and not _asks_other(question, profile)
    ):
        return unknown[0]
    target = unknown_target(PURPOSE.sub(" ", text), profile)
    if target:
        return target
    return unsupported_aspect(question, hits or [], topics, profile=profile)


def _asks_other(question: str, profile: CorpusProfile) -> bool:
    """Whether the question sentences of a message name a medicine or condition the corpus does not know, and no
    corpus topic."""
    asking = question_sentences(question) or question
    return bool(profile.unknown_terms(rule_text(asking), asking)) and not profile.documents_named(asking)


def lexical_overlap(question: str, hits: list[Hit], top: int = 3) -> float:
    """Share of the question's stemmed words found in the best retrieved chunks."""
    asked = set(tokens(question))
    if not asked:
        return 0.0
    found = set()
    for hit in hits[:top]:
        found |= set(tokens(hit.chunk.search_text))
    return shared_words(asked, found) / len(asked)


@dataclass(frozen=True)
class ScopeEvidence:
    """What the out-of-scope decision looks at, kept for evals and calibration."""

    best_dense: float | None  # None when retrieval ran without the dense retriever (lexical mode)
    overlap: float
    topic: bool
    uncovered: str | None

    def out_of_scope(self, min_dense: float, min_overlap: float, min_dense_without_topic: float = 1.01) -> bool:
        """Out of scope: an aspect, medicine or condition the corpus does not cover; or no corpus topic named, too
        few of its words found and no passage close enough; or a topic named but retrieval far from the corpus."""
        if self.uncovered:
            return True
        if not self.topic or self.best_dense is None:
            close = self.best_dense is not None and self.best_dense >= min_dense_without_topic
            return self.overlap < min_overlap and not close
        return self.best_dense < min_dense


def scope_evidence(
    question: str,
    hits: list[Hit],
    query: str | None = None,
    history: list[dict] | None = None,
    profile: CorpusProfile = NO_PROFILE,
) -> ScopeEvidence:
    """The evidence for a question; `query` is its search query, `history` the earlier turns of the conversation.

    A topic named earlier by the patient carries over ("je garde ma pilule combien de temps ?" after
    a question on a medicine), but an uncovered aspect is looked for in the question itself.
    """
    question = without_injection(question, profile)
    earlier = user_turns(history)
    topics = topics_named(without_injection(query or question, profile), profile)
    for turn in earlier[-2:] if not topics else []:
        topics |= topics_named(turn, profile)
    best_dense = max((h.dense_score for h in hits if h.dense_score is not None), default=None)
    asked = asked_part(question)
    uncovered = uncovered_aspect(asked, hits, profile, topics)
    # read with the turn it follows, the question may ask something else ("elles durent..." of the videos)
    if uncovered and query and earlier and uncovered in asked_aspects(asked) and uncovered not in asked_aspects(query):
        uncovered = None
    return ScopeEvidence(best_dense, lexical_overlap(question, hits), bool(topics), uncovered)


def is_out_of_scope(
    question: str,
    hits: list[Hit],
    min_dense: float,
    min_overlap: float,
    query: str | None = None,
    history: list[dict] | None = None,
    profile: CorpusProfile = NO_PROFILE,
    min_dense_without_topic: float = 1.01,
) -> bool:
    """No answer in the corpus: nothing retrieved, or the evidence says the documents do not cover it."""
    if not hits:
        return True
    evidence = scope_evidence(question, hits, query, history, profile)
    return evidence.out_of_scope(min_dense, min_overlap, min_dense_without_topic)
