"""Hybrid retrieval: dense (Chroma) and lexical (BM25) rankings fused, follow-ups condensed."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from bot.chunking import Chunk
from bot.lexical import LexicalIndex
from bot.profile import MASK
from bot.store import ChromaStore
from bot.text import expansion_words, tokens, words

_FOLLOW_UP_START = re.compile(
    r"^\s*(et|mais|aussi|alors|donc|sinon|pendant|apres|avant|ensuite|and|but|also|what about|how about|during|after|"
    r"et si|et pour|et pendant|et apres|et chez|et en|what if|ok|okay|so|then|wait|du coup|bon|ah|d'accord)\b",
    re.IGNORECASE,
)
_ANAPHORA = re.compile(
    r"\b(ce (medicament|traitement|produit|truc)|cette (pratique|technique|methode)|ces (medicaments|produits)|"
    r"cela|ca|celui-ci|ces trucs|ce truc|ils|elles|it|that|those|these|them|they|this (drug|medicine|treatment|practice)|"
    r"en prenant|le prendre|la prendre|though|du coup|dans ce cas|in that case)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Hit:
    """A retrieved chunk with its fused score and the evidence behind it."""

    chunk: Chunk
    score: float
    dense_score: float | None = None  # cosine similarity, when the dense retriever found it
    lexical_score: float | None = None  # BM25 score, when the lexical retriever found it


def user_turns(history: list[dict] | None) -> list[str]:
    """The patient's messages of a conversation's earlier turns, oldest first."""
    return [str(t.get("content", "")) for t in history or [] if t.get("role") == "user"]


def last_answer(history: list[dict] | None) -> str:
    """The assistant's last message of a conversation's earlier turns ("" when there is none)."""
    return next((str(t.get("content", "")) for t in reversed(history or []) if t.get("role") == "assistant"), "")


def is_follow_up(question: str) -> bool:
    """Whether a question needs the conversation to be understood ("et pendant la grossesse ?")."""
    from bot.text import normalize

    folded = normalize(question)
    return bool(_FOLLOW_UP_START.match(folded) or _ANAPHORA.search(folded) or len(words(question)) <= 2)


ELLIPTIC_WORDS = 0  # words of its own, besides names, of a question that asks again what the previous one asked


def condense(question: str, history: list[dict] | None, turns: int = 2, profile=None) -> str:
    """The search query for a question in a conversation, without an LLM.

    A follow-up gets the user's previous questions of the same thread prepended; a self-contained
    question is searched as it is. With the corpus profile (bot.profile), a question that names a medicine or
    practice of other documents than the thread's starts a new thread, even when it begins with "et"; small talk
    ("merci", "ok") is never part of a thread.

    >>> condense("et pendant la grossesse ?", [{"role": "user", "content": "Risques du valproate ?"}])
    'Risques du valproate ? et pendant la grossesse ?'
    """
    from bot.questions import is_small_talk

    if not history or turns == 0:
        return question
    earlier = [
        str(t["content"])
        for t in history
        if t.get("role") == "user" and str(t.get("content", "")).strip() and not is_small_talk(str(t["content"]))
    ]
    if not earlier:
        return question
    if profile is not None:
        named = set(profile.documents_named(question))
        thread_index = next((i for i in range(len(earlier) - 1, -1, -1) if profile.documents_named(earlier[i])), None)
        thread = set(profile.documents_named(earlier[thread_index])) if thread_index is not None else set()
        thread_terms = set().union(*(profile.terms_named(t) for t in earlier[thread_index or 0 :]))
        # another topic: other documents, or a medicine the thread never named though its documents mention it too
        # ("et l'ibuprofène ?" after questions on paracetamol, whose sheet warns against mixing them)
        medicines = profile.medicines_named(question)
        if named and (not named & thread or (medicines and thread_terms and not medicines & thread_terms)):
            # a new thread; a question that is little more than the new name ("et le doliprane alors ?") keeps what the
            # previous one asked, without its medicine
            own = set(tokens(profile.masked(question))) - set(tokens(MASK))
            elliptic = is_follow_up(question) and len(own) <= ELLIPTIC_WORDS
            return f"{profile.masked(earlier[-1])} {question}" if elliptic else question
        if named and not is_follow_up(question):
            return question  # the same topic, named again in a question of its own
        # the thread: the question that named its topic, then the latest ones after it
        start = next((i for i in range(len(earlier) - 1, -1, -1) if profile.documents_named(earlier[i])), None)
        if start is not None:
            earlier = [earlier[start], *earlier[max(start + 1, len(earlier) - turns + 1) :]]
        if not named:
            return " ".join([*earlier[-turns:], question])
    if not is_follow_up(question):
        return question
    return " ".join([*earlier[-turns:], question])


def focused(question: str, history: list[dict] | None, profile) -> str | None:
    """For a follow-up that names no topic, the question with only the thread's topic ("ça peut me rendre triste ?"
    after a question on buying tramadol online: "tramadol ça peut me rendre triste ?"); None otherwise. The
    assistant searches it beside the condensed query and keeps it when its passages are closer to it: the question
    then asks something of its own, which the previous question's words would drown.

    >>> from bot.profile import CorpusProfile
    >>> focused("et la dose ?", [], CorpusProfile()) is None
    True
    """
    from bot.questions import is_small_talk

    if not history or profile is None or profile.documents_named(question):
        return None
    earlier = [
        str(t["content"])
        for t in history
        if t.get("role") == "user" and str(t.get("content", "")).strip() and not is_small_talk(str(t["content"]))
    ]
    for text in reversed(earlier):
        if profile.documents_named(text):
            # its medicine or practice when it names one ("zolcamine"), not the condition it is for ("polyarthrite"),
            # whose words every passage introducing the medicine shares
            named = profile.medicines_named(text) or profile.terms_named(text)
            topic = sorted(named - profile.everywhere())
            return f"{' '.join(topic)} {question}" if topic else None
    return None


class HybridRetriever:
    """Fuses dense and lexical retrieval: by their scores (default) or by weighted reciprocal rank fusion.

    Score fusion adds to a chunk's cosine similarity `lexical_score_weight` times its BM25 score over the
    best BM25 score of the query. e5 similarities of the best chunks lie within a few hundredths of each
    other, so ranks alone overstate the dense retriever's small margins; with scores, BM25 decides only
    where the dense retriever hesitates.
    """

    def __init__(
        self,
        store: ChromaStore,
        lexical: LexicalIndex,
        *,
        mode: str = "hybrid",
        candidates: int = 20,
        rrf_k: int = 20,
        dense_weight: float = 1.0,
        lexical_weight: float = 0.1,
        expand: bool = True,
        fusion: str = "score",
        lexical_score_weight: float = 0.015,
        named_boost: float = 0.0,
    ):
        self.store = store
        self.lexical = lexical
        self.mode = mode
        self.candidates = candidates
        self.rrf_k = rrf_k
        self.dense_weight = dense_weight
        self.lexical_weight = lexical_weight
        self.expand = expand
        self.fusion = fusion
        self.lexical_score_weight = lexical_score_weight
        self.named_boost = named_boost

    def retrieve(self, query: str, k: int = 5, named: Iterable[str] = ()) -> list[Hit]:
        """The k best chunks for a search query, best first.

        With `expand`, the documents' words for the patient's words (bot/synonyms.yaml) are added to
        the query of both retrievers: "bleus" also finds "hématomes", "hair" finds "cheveux".
        The chunks of the documents in `named` (those whose medicine the query names, from the corpus profile) get
        `named_boost` more: "Prozac et un verre de vin ?" wants the antidepressant sheet's words on alcohol, not
        another sheet's, which the embedding, knowing no brand, finds as close.
        """
        named = set(named)
        if self.expand:
            query = " ".join([query, *expansion_words(query)])
        dense = self.store.search(query, self.candidates) if self.mode in ("hybrid", "dense") else []
        lexical = self.lexical.search(query, self.candidates) if self.mode in ("hybrid", "lexical") else []
        fused: dict[str, dict] = {}
        for weight, ranking, key in ((self.dense_weight, dense, "dense"), (self.lexical_weight, lexical, "lexical")):
            for rank, (chunk, score) in enumerate(ranking, start=1):
                entry = fused.setdefault(chunk.chunk_id, {"chunk": chunk, "score": 0.0})
                entry[key] = score
                if self.fusion == "rrf":
                    entry["score"] += weight / (self.rrf_k + rank)
        if self.fusion == "score":
            # A chunk only BM25 found gets the lowest similarity the dense retriever returned.
            floor = min((score for _, score in dense), default=0.0)
            best_lexical = max((score for _, score in lexical), default=0.0) or 1.0
            for entry in fused.values():
                lexical_share = entry.get("lexical", 0.0) / best_lexical
                entry["score"] = entry.get("dense", floor) + self.lexical_score_weight * lexical_share
        for entry in fused.values():
            if entry["chunk"].source in named:
                entry["score"] += self.named_boost
        ranked = sorted(fused.values(), key=lambda e: e["score"], reverse=True)[:k]
        return [Hit(e["chunk"], e["score"], e.get("dense"), e.get("lexical")) for e in ranked]
