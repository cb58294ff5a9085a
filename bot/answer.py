"""Answers and their citations; the default answerer quotes the best-supporting sentences."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

import numpy as np
from langchain_core.embeddings import Embeddings

from bot.messages import message
from bot.questions import checks_claim
from bot.retrieval import Hit
from bot.scoring import QUANTITY_ASKED, SentenceScorer, hand_weights
from bot.store import MIN_SENTENCE_CHARS
from bot.text import normalize, sentence_spans, shared_words, tokens

STATUSES = ("answered", "out_of_scope", "urgent", "refused")


@dataclass(frozen=True)
class Citation:
    """A numbered source of an answer: where the excerpt stands, exactly."""

    n: int
    chunk_id: str
    source: str
    title: str
    section: str
    page: int | None
    excerpt: str
    start: int = 0  # excerpt offsets in the document's cleaned text
    end: int = 0
    chunk_start: int = 0
    chunk_end: int = 0

    def public(self) -> dict:
        """The fields of the CLI contract."""
        return {k: getattr(self, k) for k in ("n", "chunk_id", "source", "title", "section", "page", "excerpt")}


@dataclass
class Answer:
    question: str
    answer: str
    status: str
    citations: list[Citation] = field(default_factory=list)
    latency_ms: float = 0.0
    lang: str = "fr"
    hits: list[Hit] = field(default_factory=list)  # what retrieval returned, for evals and the UI
    notice: str = ""  # e.g. why an LLM answer fell back to the extractive one

    def to_json(self) -> dict:
        """The `ask --json` contract."""
        return {
            "question": self.question,
            "answer": self.answer,
            "status": self.status,
            "citations": [c.public() for c in self.citations],
            "latency_ms": round(self.latency_ms, 1),
        }

    def citations_full(self) -> list[dict]:
        return [asdict(c) for c in self.citations]


@dataclass(frozen=True)
class Sentence:
    hit_rank: int
    hit: Hit
    start: int  # offsets inside the chunk text
    end: int

    @property
    def text(self) -> str:
        return self.hit.chunk.text[self.start : self.end]

    @property
    def sentence_id(self) -> str:
        """The id the store gives this sentence: chunk id and offset."""
        return f"{self.hit.chunk.chunk_id}:{self.start}"

    @property
    def embedded_text(self) -> str:
        return self.hit.chunk.context + self.text


MIN_ITEM_CHARS = 10  # a list item says something in fewer words ("pendant l'allaitement ;") with its lead-in


def _candidates(hits: list[Hit]) -> list[Sentence]:
    return [
        Sentence(rank, hit, a, b)
        for rank, hit in enumerate(hits)
        for a, b in sentence_spans(hit.chunk.text)
        if (b - a >= MIN_SENTENCE_CHARS or b - a >= MIN_ITEM_CHARS and item_at(hit.chunk.text, a))
        and not _is_label(hit.chunk.text[a:b], hit.chunk)
        and not _is_opening_title(hit.chunk, a, b)
        and not _is_fragment(hit.chunk.text, a, b)
    ]


FRAGMENT_CHARS = 120  # a line this short with no closing punctuation is a label, not a statement


def _is_fragment(text: str, start: int, end: int) -> bool:
    """Whether a sentence is a short unpunctuated line that is no list item: an agenda line ("Point sur les DPI ...
    et adoption de l'ordre du jour"), a table's header row, a footer ("*Document d'information ... – 2 juin 2026*")."""
    line = text[start:end].strip()
    closing = (".", "!", "?", ":", ";", ",", ")", "»", '"')
    return len(line) < FRAGMENT_CHARS and not line.endswith(closing) and not item_at(text, start)


def _is_opening_title(chunk, start: int, end: int) -> bool:
    """Whether a sentence is the line a document opens with, unpunctuated: its title, however the file names it
    ("Médicament X pour prévenir une maladie : les risques ... (ANSM, août 2026)")."""
    text = chunk.text
    return (
        chunk.start == 0
        and not text[:start].strip()
        and (end >= len(text) or text[end:].startswith("\n"))
        and not text[start:end].rstrip().endswith((".", "!", "?", ";", ":", ","))
    )


def item_at(text: str, start: int) -> bool:
    """Whether the sentence starting at `start` of a chunk's text is a list item (its line starts with "- ")."""
    line_start = text.rfind("\n", 0, start) + 1
    return text.startswith("- ", line_start)


def _next_in_chunk(sentence: Sentence, at_most: int) -> list[Sentence]:
    """The (up to `at_most`) sentences that follow a sentence in its chunk."""
    spans = [(a, b) for a, b in sentence_spans(sentence.hit.chunk.text) if a >= sentence.end][:at_most]
    return [Sentence(sentence.hit_rank, sentence.hit, a, b) for a, b in spans]


# A sentence that opens on a word pointing back ("Il peut inscrire ce jour sur la boîte.", "Ces effets disparaissent
# ...") says nothing alone: it is quoted after the sentence it points back to.
POINTS_BACK = re.compile(
    r"(il|elle|ils|elles|ce|cet|cette|ces|cela|ceci|ca|celui-ci|celle-ci|ceux-ci|it|they|this|these|those)\b",
    re.IGNORECASE,
)


def _sentence_before(sentence: Sentence) -> Sentence | None:
    """The sentence right before one in its paragraph; None when it opens its chunk or paragraph."""
    text = sentence.hit.chunk.text
    spans = [(a, b) for a, b in sentence_spans(text) if b <= sentence.start]
    if not spans or "\n\n" in text[spans[-1][1] : sentence.start]:
        return None
    return Sentence(sentence.hit_rank, sentence.hit, *spans[-1])


def asked_before(sentence: Sentence) -> Sentence | None:
    """The question a sentence answers right after it, in its paragraph ("Que faire si des cloques apparaissent ?
    Protégez la zone du soleil et contactez votre médecin."); None when the sentence before asks nothing."""
    before = _sentence_before(sentence)
    return before if before is not None and before.text.rstrip().endswith("?") else None


def _context_before(sentence: Sentence) -> Sentence | None:
    """The sentence before one that points back to it, in the same chunk and not a heading; None otherwise."""
    if not POINTS_BACK.match(normalize(sentence.text.lstrip("- "))) or item_at(sentence.hit.chunk.text, sentence.start):
        return None
    spans = [(a, b) for a, b in sentence_spans(sentence.hit.chunk.text) if b <= sentence.start]
    if not spans:
        return None
    a, b = spans[-1]
    before = Sentence(sentence.hit_rank, sentence.hit, a, b)
    return None if _is_label(before.text, sentence.hit.chunk) else before


def _list_after(sentence: Sentence, hits: list[Hit] = (), at_most: int = 3) -> list[Sentence]:
    """The items a sentence ending with ':' introduces: its next sentences in the same chunk or, when the chunk ends
    there, the first sentences of a retrieved chunk of the same document that goes on from it."""
    if not sentence.text.rstrip().endswith(":"):
        return []
    following = _next_in_chunk(sentence, at_most)
    if following:
        return _statements(following)
    chunk = sentence.hit.chunk
    end = chunk.start + sentence.end  # where the lead-in ends in its document
    for rank, hit in enumerate(hits):
        after = hit.chunk
        # the next chunk starts where this one ends, give or take the white space between them
        if (
            after.source == chunk.source
            and after.start <= end + 20
            and end < after.end
            and after.chunk_id != chunk.chunk_id
        ):
            spans = [(a, b) for a, b in sentence_spans(after.text) if after.start + a >= end][:at_most]
            return _statements([Sentence(rank, hit, a, b) for a, b in spans])
    return []


def _statements(items: list[Sentence]) -> list[Sentence]:
    """The items of a list that state something: not the questions of an agenda ("Pour quelle durée de traitement ?"),
    which leave the list empty, so its lead-in is not quoted either; not the document speaking of itself."""
    if any(s.text.rstrip().endswith("?") for s in items):
        return []
    return [s for s in items if not SELF_REFERENCE.search(normalize(s.text))]


def _as_quoted(sentence: Sentence, hits: list[Hit], list_items: int = 3) -> list[Sentence] | None:
    """A chosen sentence as it is quoted: with the list it introduces, or, for a claim the document reports, with
    the sentence that refutes it and the reasons that lists; None when it says nothing by itself (a lead-in whose list
    cannot be found, a claim the document does not answer)."""
    items = _list_after(sentence, hits, at_most=list_items)
    if sentence.text.rstrip().endswith(":") and not items:
        return None
    if CLAIM.search(normalize(sentence.text)) or SAYING.match(sentence.text.strip()):
        refutation = _refutation_after(sentence)
        if refutation is None:
            return None
        reasons = _explanation_after(refutation) if VERDICT.search(normalize(refutation.text)) else []
        items = [refutation, *(reasons or _list_after(refutation, hits, at_most=3))]
    elif VERDICT.search(normalize(sentence.text)):
        items = _explanation_after(sentence)
    return [sentence, *items]


def _explanation_after(sentence: Sentence, at_most: int = 2) -> list[Sentence]:
    """The sentences that explain a bare verdict ("« ... » Faux."): those after it in its paragraph."""
    text = sentence.hit.chunk.text
    end = text.find("\n\n", sentence.end)
    end = len(text) if end < 0 else end
    return [s for s in _next_in_chunk(sentence, at_most) if s.end <= end]


def _refutation_after(sentence: Sentence, marker: re.Pattern | None = None) -> Sentence | None:
    """One of the two sentences right after a reported claim when it refutes it: opens as a refutation does
    ("Cependant, ..."), or has the `marker` given instead; None otherwise."""
    return next((s for s in _next_in_chunk(sentence, 2) if (marker or REFUTATION).search(normalize(s.text))), None)


MAX_CACHED_SENTENCES = 50_000  # sentence vectors kept between answers (~80 MB); the cache starts over beyond


class ExtractiveAnswerer:
    """Builds an answer from the retrieved chunks' own sentences, each with its citation marker.

    Sentences are scored by the similarity of their embedding (with their
    document title and section, as the store indexes them) to the question, plus
    the share of the question's stemmed words they contain; a sentence that
    introduces a list (ending with ":") brings the list with it. The items of a list
    do not count towards `max_sentences` (a lead-in and its list are one statement,
    which must not crowd out the next best sentence); no statement starts once `max_quoted`
    sentences are quoted (a last lead-in still brings its list, at most three items).
    """

    def __init__(
        self,
        embeddings: Embeddings,
        max_sentences: int = 4,
        max_citations: int = 3,
        max_quoted: int = 7,
        stored_vectors: Callable[[list[str]], dict[str, np.ndarray]] | None = None,
        word_weight: float = 0.3,
        margin: float = 0.08,
        rank_weight: float = 0.0,
        context_weight: float = 0.5,
        section_leads: set[str] | None = None,
        lead_weight: float = 0.15,
        diversity: float = 0.5,
        sentence_context: bool = True,
        refutations: DocumentRefutations | None = None,
        scorer: SentenceScorer | None = None,
    ):
        self.embeddings = embeddings
        self.sentence_context = sentence_context  # as the store embedded its sentences
        self.max_sentences = max_sentences
        self.max_quoted = max_quoted
        self.max_citations = max_citations
        self.stored_vectors = stored_vectors  # sentence-id -> vector, from the index, when it has them
        self.word_weight = word_weight
        self.margin = margin
        self.rank_weight = rank_weight  # bonus for sentences of the better-ranked passages
        # share of the word overlap counted on the sentence with its document title and section: a sentence under
        # "Quels sont les risques ?" answers a question on risks without repeating the word (dev, 1719 answered
        # cases: answer pass .817 at 0, .822 at 0.3, .826 at 0.5 and 0.7, .817 at 1)
        self.context_weight = context_weight
        # the opening sentence of a section whose heading asks the question ("→ Quels sont les risques ?" for "c quoi
        # les risques de cette pratique ?"): the sheets answer right under their headings. `section_leads` holds the
        # first chunk of each section (dev replay, 1977 answered cases: pass .8250 at 0, .8260 at 0.1 to 0.3)
        self.section_leads = section_leads or set()
        self.lead_weight = lead_weight
        self.diversity = diversity  # broad answers: weight of novelty against relevance (maximal marginal relevance)
        # each document's refuting statements: a quoted sentence that one of them answers is quoted with it
        self.refutations = refutations or DocumentRefutations()
        self.scorer = scorer  # learned weights of the sentence features (bot.scoring), instead of the ones above
        self._vectors: dict[str, np.ndarray] = {}
        self._words: dict[str, tuple[set[str], set[str]]] = {}  # sentence id -> its stems, alone and in context
        self._lock = threading.Lock()

    def _sentence_vectors(self, sentences: list[Sentence]) -> np.ndarray:
        ids = [s.sentence_id for s in sentences]
        with self._lock:
            have = {i: self._vectors[i] for i in ids if i in self._vectors}
        missing = [s for s in sentences if s.sentence_id not in have]
        if missing and self.stored_vectors is not None:
            have.update(self.stored_vectors(sorted({s.hit.chunk.chunk_id for s in missing})))
            missing = [s for s in missing if s.sentence_id not in have]
        if missing:
            texts = [s.embedded_text if self.sentence_context else s.text for s in missing]
            vectors = self.embeddings.embed_documents(texts)
            have.update(zip((s.sentence_id for s in missing), np.asarray(vectors, dtype=np.float32)))
        with self._lock:
            if len(self._vectors) + len(have) > MAX_CACHED_SENTENCES:  # memory must not grow with the corpus
                self._vectors.clear()
                self._words.clear()
            self._vectors.update(have)
        return np.stack([have[i] for i in ids])

    def warm_up(self, chunks) -> None:
        """Have every sentence vector at hand, so answers need only the question's embedding."""
        hits = [Hit(chunk, 0.0) for chunk in chunks]
        candidates = _candidates(hits)
        if candidates:
            self._sentence_vectors(candidates)

    def select(self, question: str, hits: list[Hit], limit: int | None = None) -> list[Sentence]:
        """The sentences of the hits that best support an answer to the question, in reading order."""
        candidates = _candidates(hits)
        if not candidates:
            return []
        scores = list(self.scores(question, hits, candidates))
        margin = self.scorer.margin if self.scorer is not None else self.margin
        lead_ins = _lead_ins(candidates)
        order = np.argsort(scores)[::-1]
        best = scores[order[0]]
        chosen: dict[str, Sentence] = {}
        sources: set[str] = set()
        statements = 0
        for i in order:
            sentence = candidates[i]
            if (
                scores[i] < best - margin
                or statements >= (limit or self.max_sentences)
                or len(chosen) >= self.max_quoted
            ):
                break
            if sentence.hit.chunk.chunk_id not in sources and len(sources) >= self.max_citations:
                continue
            parts = _as_quoted(sentence, hits)
            if parts is None:
                continue
            lead_in = (
                [candidates[lead_ins[i]]] if i in lead_ins else []
            )  # "Ils sont contre-indiqués :" before "- pendant l'allaitement ;"
            if not lead_in and (context := _context_before(sentence)) is not None:
                lead_in = [context]  # "Votre médecin vous indique le jour de prise." before "Il peut inscrire ce jour"
            for part in [*lead_in, *parts]:
                chosen.setdefault(part.sentence_id, part)
            sources.add(sentence.hit.chunk.chunk_id)
            statements += 1
        # the passage of the sentence that answers best first, each passage's sentences in reading order
        first = {}
        for i in order:
            first.setdefault(candidates[i].hit.chunk.chunk_id, len(first))
        ordered = sorted(chosen.values(), key=lambda s: (first.get(s.hit.chunk.chunk_id, len(first)), s.start))
        return self._with_refutations(ordered)

    def scores(self, question: str, hits: list[Hit], sentences: list[Sentence]) -> np.ndarray:
        """How well each sentence answers the question: the learned scorer's score of its features, or the hand-set
        one (similarity, plus `word_weight` x the words shared, `lead_weight` for a section's lead, `rank_weight` for
        its passage's rank)."""
        features = self.features(question, hits, sentences)
        if self.scorer is not None:
            return self.scorer.scores(features)
        return features @ hand_weights(self.word_weight, self.lead_weight, self.rank_weight)

    def closeness(self, question: str, sentences: list[Sentence]) -> np.ndarray:
        """The similarity of each sentence's embedding (with its title and section) to the question's."""
        query_vector = np.asarray(self.embeddings.embed_query(question), dtype=np.float32)
        return self._sentence_vectors(sentences) @ query_vector

    def features(self, question: str, hits: list[Hit], candidates: list[Sentence]) -> np.ndarray:
        """What is known of each candidate sentence as an answer to the question, one row each, columns FEATURES:
        its embedding's similarity to the question, the share of the question's
        words it holds (with its title and section, with its list's lead-in), whether it opens a section whose heading
        holds the words asked, its passage's rank and score, and its form (a list item, a lead-in, its length, its
        figures, a claim or a refutation, the first of its passage)."""
        dense = self.closeness(question, candidates)
        asked = set(tokens(question))
        leads = self._section_leads(asked, candidates)
        lead_ins = _lead_ins(candidates)  # a list item is read with the sentence that introduces its list
        quantity = 1.0 if QUANTITY_ASKED.search(normalize(question)) else 0.0
        rows = []
        for i, (sentence, similarity) in enumerate(zip(candidates, dense)):
            overlap = self._overlap(asked, sentence)
            if i in lead_ins:
                overlap = max(overlap, self._overlap(asked, sentence, candidates[lead_ins[i]]))
            elif (question_before := asked_before(sentence)) is not None:
                overlap = max(overlap, self._overlap(asked, sentence, question_before))
            text = normalize(sentence.text)
            figures = 1.0 if re.search(r"\d", text) else 0.0
            rows.append(
                [
                    float(similarity),
                    overlap,
                    shared_words(asked, self._sentence_words(sentence)[0]) / len(asked) if asked else 0.0,
                    1.0 if sentence.sentence_id in leads else 0.0,
                    1 - sentence.hit_rank / len(hits),
                    float(sentence.hit.score),
                    1.0 if _is_item(sentence) else 0.0,
                    1.0 if sentence.text.rstrip().endswith(":") else 0.0,
                    float(np.log(max(len(sentence.text), 1))),
                    figures,
                    figures * quantity,
                    1.0 if i == 0 or candidates[i - 1].hit.chunk.chunk_id != sentence.hit.chunk.chunk_id else 0.0,
                    1.0 if CLAIM.search(text) or PROPOSED.search(text) else 0.0,
                    1.0 if REFUTING.search(text) else 0.0,
                ]
            )
        return np.asarray(rows, dtype=float)

    def _with_refutations(self, chosen: list[Sentence]) -> list[Sentence]:
        """The chosen sentences, each followed by the statement of its document that refutes what it says, when there
        is one ("Le principe ... est d'injecter localement ... afin d'éviter la circulation dans l'organisme", then
        "Cependant, ces arguments ne sont pas fondés : il est démontré ... qu'un traitement injecté même localement
        diffuse dans l'ensemble de l'organisme"): it shares at least REFUTED_WORDS of its words, the title's aside."""
        if not self.refutations:
            return chosen
        ids = {s.sentence_id for s in chosen}
        out: list[Sentence] = []
        later: list[tuple[str, Sentence]] = []
        for sentence in chosen:
            out.append(sentence)
            chunk = sentence.hit.chunk
            if REFUTING.search(normalize(sentence.text)):
                continue
            own = set(tokens(sentence.text)) - set(tokens(chunk.title))
            documented = self.refutations.get(chunk.source)
            if CLAIM.search(normalize(sentence.text)) or PROPOSED.search(normalize(sentence.text)):
                # what the document reports as proposed or claimed is answered by the refutation that follows it
                at = chunk.start + sentence.start
                documented = [r for r in documented if r[0].hit.chunk.start + r[0].start > at][:1]
                own = set()  # whatever their words
            best, best_shared = None, (REFUTED_WORDS if own else 0) - 1
            for lead, items in documented:
                for part in items or [lead]:
                    shared = shared_words(own, set(tokens(part.text)))
                    if shared > best_shared and part.sentence_id != sentence.sentence_id:
                        best, best_shared = (lead, part), shared
            if best is None:
                continue
            lead, part = best
            if part.sentence_id in ids:
                continue  # quoted already
            if lead.sentence_id in ids and lead.sentence_id != part.sentence_id:
                later.append((lead.sentence_id, Sentence(sentence.hit_rank, part.hit, part.start, part.end)))
            else:  # right after what it refutes: the lead-in, then the reason that answers it
                out += [Sentence(sentence.hit_rank, p.hit, p.start, p.end) for p in dict.fromkeys(best)]
            ids.update(p.sentence_id for p in best)
        for lead_id, part in later:  # a reason whose lead-in is quoted elsewhere goes right after that lead-in
            at = next(i for i, s in enumerate(out) if s.sentence_id == lead_id)
            out.insert(at + 1, part)
        return out

    def _section_leads(self, asked: set[str], candidates: list[Sentence]) -> set[str]:
        """The ids of the sentences that open a section whose heading holds every word asked (the document's
        title words aside)."""
        found, seen = set(), set()
        for sentence in candidates:  # in reading order: a chunk's first candidate is its opening sentence
            chunk = sentence.hit.chunk
            if chunk.chunk_id in seen:
                continue
            seen.add(chunk.chunk_id)
            rest = asked - set(tokens(chunk.title))
            if (
                chunk.chunk_id in self.section_leads
                and rest
                and shared_words(rest, set(tokens(chunk.section))) == len(rest)
            ):
                found.add(sentence.sentence_id)
        return found

    def _overlap(self, asked: set[str], sentence: Sentence, lead_in: Sentence | None = None) -> float:
        """The share of the question's stemmed words the sentence holds (with the lead-in of its list, when given),
        partly counted with its title and section."""
        if not asked:
            return 0.0
        words = self._sentence_words(sentence)
        if lead_in is not None:
            before = self._sentence_words(lead_in)
            words = (words[0] | before[0], words[1] | before[0])
        own = shared_words(asked, words[0]) / len(asked)
        placed = shared_words(asked, words[1]) / len(asked)
        return (1 - self.context_weight) * own + self.context_weight * placed

    def _sentence_words(self, sentence: Sentence) -> tuple[set[str], set[str]]:
        words = self._words.get(sentence.sentence_id)
        if words is None:
            words = self._words[sentence.sentence_id] = (
                set(tokens(sentence.text)),
                set(tokens(sentence.embedded_text)),
            )
        return words

    def compose(
        self, question: str, hits: list[Hit], lang: str = "fr", extra: list[Sentence] = (), why: bool = False
    ) -> tuple[str, list[Citation]]:
        """The answer text with [n] markers and its citations; empty when nothing supports it. When what answers the
        question best is a claim the document reports and then refutes, the first line says so. `extra` sentences
        (a document's warning signs) are quoted after the chosen ones. `why`: the turn asks only why, so the sentences
        that give a reason come first."""
        chosen = self.select(question, hits)
        if not chosen:
            return "", []
        if why:
            chosen = self._reasons_first(question, hits, chosen)
        # a claim the patient checks, which a statement among those that answer best refutes: that one first
        denial = self._refuting(question, hits) if checks_claim(question) else None
        quoted = _as_quoted(denial, hits) if denial is not None else None  # a lead-in brings its list
        if quoted:
            ids = {s.sentence_id for s in quoted}
            chosen = [*quoted, *(s for s in chosen if s.sentence_id not in ids)]
        else:
            denial = None
        ids = {s.sentence_id for s in chosen}
        chosen += [s for s in extra if s.sentence_id not in ids]
        ids |= {s.sentence_id for s in extra}
        refuted = any(
            CLAIM.search(normalize(s.text)) and (r := _refutation_after(s)) is not None and r.sentence_id in ids
            for s in chosen
        )
        intro = message(
            "answer_intro_denied" if denial is not None else "answer_intro_refuted" if refuted else "answer_intro", lang
        )
        lines, citations = [intro], number_citations(chosen)
        by_chunk = {c.chunk_id: c.n for c in citations}
        for sentence in chosen:
            lines.append(f"- {sentence.text} [{by_chunk[sentence.hit.chunk.chunk_id]}]")
        return "\n".join(lines), citations

    def _reasons_first(self, question: str, hits: list[Hit], chosen: list[Sentence]) -> list[Sentence]:
        """The chosen sentences, those that give a reason ("en raison d'un risque élevé de malformation") first; when
        none does, the best-scored sentence of the passages that does, before them."""
        reasons = [s for s in chosen if CAUSAL.search(normalize(s.text))]
        if not reasons:
            candidates = _candidates(hits)
            ranked = np.argsort(self.scores(question, hits, candidates))[::-1] if candidates else []
            best = next((candidates[i] for i in ranked if CAUSAL.search(normalize(candidates[i].text))), None)
            if best is None:
                return chosen
            reasons = _as_quoted(best, hits) or [best]
        ids = {s.sentence_id for s in reasons}
        return [*reasons, *(s for s in chosen if s.sentence_id not in ids)]

    def _refuting(self, question: str, hits: list[Hit], among: int = 3) -> Sentence | None:
        """The statement that refutes what the patient checks: the best-scored refuting one ("Cette affirmation est
        fausse : ...") among the `among` sentences that answer the question best, else one of the two sentences right
        after one of them (the claim, then "Contrairement à ce qu'affirment ces publicités, ..."), or the bare verdict
        right before one ("Faux."); all of the document that answers best. None otherwise."""
        candidates = _candidates(hits)
        if not candidates:
            return None
        ranked = [candidates[i] for i in np.argsort(self.scores(question, hits, candidates))[::-1]]
        # of the document that answers best: another document's refutation answers another claim
        best = [s for s in ranked if s.hit.chunk.source == ranked[0].hit.chunk.source][:among]
        for sentence in best:
            if REFUTING.search(normalize(sentence.text)):
                return sentence
            # the explanation of a bare verdict answers best: the verdict before it ("Faux. Les cabines émettent ...")
            if (before := _sentence_before(sentence)) is not None and re.search(
                r"^\W*faux\W*$", normalize(before.text)
            ):
                return before
        return next((r for s in best if (r := _refutation_after(s, REFUTING)) is not None), None)

    def compose_broad(
        self, question: str, chunks: list, lang: str = "fr", max_statements: int = 9
    ) -> tuple[str, list[Citation]]:
        """An answer to a broad question ("quels sont les risques de X ?", "que dit le comité sur X ?") from the chunks
        of the documents on X, by their structure: the section that answers best (its heading and sentences closest
        to the question) is quoted whole, lists included, then the document's other statements most relevant and least
        like those already quoted (maximal marginal relevance) up to `max_statements`; all in the document's own order
        (its headings and lists rank what matters first). A claim is quoted only with its refutation; sentences where
        the document speaks of itself ("l'objectif de cette fiche...") are left out."""
        hits = [Hit(chunk, 0.0) for chunk in sorted(chunks, key=lambda c: (c.source, c.start))]
        candidates = [c for c in _candidates(hits) if not SELF_REFERENCE.search(normalize(c.text))]
        if not candidates:
            return "", []
        query_vector = np.asarray(self.embeddings.embed_query(question), dtype=np.float32)
        vectors = self._sentence_vectors(candidates)
        asked = set(tokens(question))
        on_risks = bool(RISKS_ASKED.search(normalize(question)))
        relevance = []
        for sentence, similarity in zip(candidates, vectors @ query_vector):
            risk = 0.02 * min(len(RISK_WORDS.findall(normalize(sentence.text))), 3) if on_risks else 0.0
            relevance.append(float(similarity) + self.word_weight * self._overlap(asked, sentence) + risk)
        # by the heading each sentence stands under, not its chunk's (a chunk may hold several short sections); a
        # heading met again further on ("Conclusions du CSP" under each item of minutes) opens another section
        headings = [_heading_of(c) for c in candidates]  # once: every step below groups or weighs by them
        sections: dict[tuple[str, str, int], list[int]] = {}
        part, previous = 0, None
        for i, sentence in enumerate(candidates):
            key = (sentence.hit.chunk.source, headings[i])
            part += key != previous
            previous = key
            sections.setdefault((*key, part), []).append(i)

        def strength(members: list[int]) -> float:
            """How well a section answers: its two best sentences, and its heading holding the words asked beyond
            the document's title ("Quels sont les risques ?" for "c quoi les risques du tramadol ?")."""
            top = sorted((relevance[i] for i in members), reverse=True)[:2]
            chunk = candidates[members[0]].hit.chunk
            rest = asked - set(tokens(chunk.title))
            heading = shared_words(rest, set(tokens(headings[members[0]]))) / len(rest) if rest else 0.0
            # asked about risks, a heading that names them ("Les effets indésirables ..., du plus grave au plus
            # fréquent") says its section lists them, whatever words the question used ("les risques des comprimés")
            if on_risks and RISK_WORDS.search(normalize(headings[members[0]])):
                heading += 0.5
            return sum(top) / len(top) + self.lead_weight * heading

        best_section = max(sections.values(), key=strength)
        first = candidates[best_section[0]].hit.chunk.source
        picked = list(best_section)[: max_statements + 4]
        floor = max(relevance) - 2 * self.margin  # the rest of the document must still speak to the question
        pool = [
            i
            for i, c in enumerate(candidates)
            if i not in picked and relevance[i] >= floor and (not on_risks or RISK_WORDS.search(normalize(c.text)))
        ]
        statements = sum(1 for i in picked if not _is_item(candidates[i]))
        lead_ins = _lead_ins(candidates)
        # then each part of that document under its own heading, by its lead statement: its headings list what it
        # covers ("Contraception hormonale : un risque de grossesse", "Vitamine B12"); those that speak to the question
        # (naming a risk when risks are asked, else close to it), the closest first, while the budget lasts
        parts = [p for p in _headed_parts(candidates, headings, first) if not set(p) & set(best_section)]
        closeness = [max(relevance[i] for i in p) for p in parts]
        speaks = [
            any(RISK_WORDS.search(normalize(f"{headings[i]} {candidates[i].text}")) for i in p)
            if on_risks
            else close >= floor
            for p, close in zip(parts, closeness)
        ]
        for rank in sorted((k for k in range(len(parts)) if speaks[k]), key=lambda k: -closeness[k]):
            if statements >= max_statements:
                break
            lead = [i for i in _part_lead(parts[rank], candidates, headings, on_risks) if i not in picked]
            if on_risks and RISK_WORDS.search(normalize(headings[parts[rank][0]])):
                # a part whose heading names the risks ("Les effets indésirables ..."): its whole list, not its first rows
                lead += [i for i in parts[rank] if _is_item(candidates[i]) and i not in lead and i not in picked][
                    : max(0, LIST_ITEMS - len(lead))
                ]
            if lead:
                picked.extend(lead)
                statements += 1
        while pool and statements < max_statements:
            chosen_vectors = vectors[picked]
            best = max(
                pool,
                key=lambda i: (
                    (1 - self.diversity) * relevance[i] - self.diversity * float((chosen_vectors @ vectors[i]).max())
                ),
            )
            pool.remove(best)
            # an item of a list comes with its lead-in, which brings the whole list: a list is one statement
            best = lead_ins.get(best, best)
            if best not in picked:
                picked.append(best)
                statements += 1
        chosen: dict[str, Sentence] = {}
        for i in picked:
            sentence = candidates[i]
            for part in _as_quoted(sentence, hits, list_items=8) or []:
                chosen.setdefault(part.sentence_id, part)
        # the best section's document first, each document in its own order; what the documents refute comes with
        # its refutation, as in any answer
        ordered = self._with_refutations(
            sorted(
                chosen.values(),
                key=lambda s: (s.hit.chunk.source != first, s.hit.chunk.source, s.hit.chunk.start, s.start),
            )
        )
        lines, citations = [message("answer_intro", lang)], number_citations(ordered)
        by_chunk = {c.chunk_id: c.n for c in citations}
        shown = None
        for sentence in ordered:
            # each part under its heading, which often names the risk its sentences describe ("Gangrène de
            # Fournier : les signes d'alerte" over "Consultez un médecin en urgence si ...")
            heading = _heading_of(sentence).split(" › ")[-1].strip()
            if heading != shown and _shows(heading, sentence):
                lines.append(f"**{heading}**")
            shown = heading
            lines.append(f"- {sentence.text} [{by_chunk[sentence.hit.chunk.chunk_id]}]")
        return "\n".join(lines), citations


def _heading_of(sentence: Sentence) -> str:
    """The heading a sentence stands under. A chunk may hold several short sections: its section names them all
    ("Alcool / Vitamine B12") and their headings stand as lines of its text."""
    chunk = sentence.hit.chunk
    names = chunk.section.split(" / ")
    heading = names[0]
    for name in names[1:]:
        at = chunk.text.find(name.split(" › ")[-1] + "\n")
        if (at == 0 or at > 0 and chunk.text[at - 1] == "\n") and at < sentence.start:
            heading = name
    return heading


def _shows(heading: str, sentence: Sentence) -> bool:
    """Whether a heading is shown above its quotes: not a masthead ("Publié le ..."), not the document's title, nor
    what the sentence already says."""
    if not heading or len(heading) > 120 or _is_masthead(heading) or PUBLISHER.search(normalize(heading)):
        return False
    folded = normalize(heading).rstrip(" .:")
    return folded != normalize(sentence.hit.chunk.title).rstrip(" .:") and folded not in normalize(sentence.text)


# The agency's banner standing as a document's first heading ("ANSM Agence nationale de sécurité du médicament ...")
PUBLISHER = re.compile(r"\bagence nationale de securite du medicament\b")


def _headed_parts(candidates: list[Sentence], headings: list[str], source: str) -> list[list[int]]:
    """The candidates of a document grouped by the heading they stand under (`headings`, _heading_of of each), in
    reading order."""
    parts: dict[str, list[int]] = {}
    for i, sentence in enumerate(candidates):
        if sentence.hit.chunk.source == source:
            parts.setdefault(headings[i], []).append(i)
    return list(parts.values())


LEAD_ITEMS = 4  # the rows of a list or table that open a part of a document, quoted for it in a broad answer
LIST_ITEMS = 8  # the rows quoted of a list under a heading that names risks, when risks are asked


def _part_lead(members: list[int], candidates: list[Sentence], headings: list[str], on_risks: bool) -> list[int]:
    """The statement that opens a part of a document (its first sentence not in a list); for a question on risks,
    with the first that names a risk when the heading and that opening sentence name none ("... peut faire baisser
    le taux de vitamine B12 dans le sang." then "Ce manque peut provoquer une anémie ...")."""
    # (a question standing as a line, a table's header row "Effet : Signes : Que faire ?", states nothing)
    statements = [i for i in members if not _is_item(candidates[i]) and not candidates[i].text.rstrip().endswith("?")]
    items = [i for i in members if _is_item(candidates[i])]
    if items and (not statements or items[0] < statements[0]):
        return items[:LEAD_ITEMS]  # a part that opens with a list or a table (the effects it lists): its first rows
    if not statements:
        return []
    first = candidates[statements[0]]
    if not on_risks or RISK_WORDS.search(normalize(f"{headings[statements[0]]} {first.text}")):
        return statements[:1]
    risky = next((i for i in statements if RISK_WORDS.search(normalize(candidates[i].text))), None)
    return statements[:1] + ([risky] if risky is not None else [])


def _lead_ins(candidates: list[Sentence]) -> dict[int, int]:
    """For each list item among the candidates (their index), the index of the sentence ending with ":" that
    introduces its list in the same chunk."""
    found, lead = {}, None
    for i, sentence in enumerate(candidates):
        if i and sentence.hit.chunk.chunk_id != candidates[i - 1].hit.chunk.chunk_id:
            lead = None
        if _is_item(sentence):
            if lead is not None:
                found[i] = lead
        else:
            lead = i if sentence.text.rstrip().endswith(":") else None
    return found


# A statement that refutes what the document reported before it: its discourse markers (general French).
REFUTING = re.compile(
    r"\b(ne sont pas fondes|n'est pas fonde|c'est faux|contrairement a ce qu\w*|il n'en est rien|idees? fausses?|"
    r"ne reposent? sur aucun\w*|n'a pas ete (demontre|etabli|prouve)e?|aucune (preuve|validation)|n'est pas prouvee?|"
    r"n'ont montre aucun|aucun benefice|(est|sont) (faux|fausses?)|affirmations? fausses?|"
    r"ne (permet|permettent) pas de conclure|n'(a|ont) (pas|jamais) (ete )?(demontre|prouve|etabli)e?s?)\b|"
    r"(^|[»\"]\s*)\W*faux\s*[.!:]"  # a "vrai / faux" answer: « ... » Faux.
)
# a bare verdict that needs the sentences after it to say why ("« Une allergie, c'est pour la vie. » Faux.")
VERDICT = re.compile(r"(^|[»\"]\s*)\W*(faux|vrai)\s*[.!]?\s*$")
REFUTED_WORDS = 3  # words a sentence shares with a refutation that answers it
# what a document says a practice or product is offered for, by others ("Cette technique est proposée dans ...")
PROPOSED = re.compile(
    r"\b(est|sont|peut (etre|egalement etre)|peuvent (etre|egalement etre)) (aussi |egalement )?(proposee?s?|presentee?s?|vantee?s?)\b"
)


class DocumentRefutations:
    """Each document's refuting statements: a sentence with a refutation marker ("Cependant, ces arguments ne sont pas
    fondés scientifiquement pour les raisons suivantes :"), with the items of the list it introduces. Found for a
    document when an answer first quotes it, not for the whole corpus at start-up (2.7 s at 3,000 documents)."""

    def __init__(self, chunks=()):
        self._chunks: dict[str, list] = {}
        for chunk in chunks:
            self._chunks.setdefault(chunk.source, []).append(chunk)
        self._found: dict[str, list[tuple[Sentence, list[Sentence]]]] = {}

    def __bool__(self) -> bool:
        return bool(self._chunks)

    def get(self, source: str) -> list[tuple[Sentence, list[Sentence]]]:
        found = self._found.get(source)
        if found is None:  # two threads may both compute it: the same result
            found = self._found[source] = self._find(self._chunks.get(source, []))
        return found

    @staticmethod
    def _find(document: list) -> list[tuple[Sentence, list[Sentence]]]:
        hits = [Hit(chunk, 0.0) for chunk in sorted(document, key=lambda c: c.start)]
        found = []
        for hit in hits:
            for a, b in sentence_spans(hit.chunk.text):
                if REFUTING.search(normalize(hit.chunk.text[a:b])):
                    lead = Sentence(0, hit, a, b)
                    found.append((lead, _list_after(lead, hits, at_most=8)))
        return found


# A sentence that gives a reason (general French and English connectives, and the risk a rule guards against)
CAUSAL = re.compile(
    r"\b(en raison d|a cause d|du fait d|car|parce qu|puisqu|grace a|because|due to|owing to|as it|since it|"
    r"risques?( eleve| important| grave)? d|exposent? a|peu(t|vent) (provoquer|entrainer|causer))"
)


def _is_item(sentence: Sentence) -> bool:
    """A list item (a line starting with "- " in the chunk): part of the statement that introduces it."""
    return item_at(sentence.hit.chunk.text, sentence.start)


# A document speaking of itself ("L'objectif de cette fiche est de vous éclairer..."): no fact for the patient.
SELF_REFERENCE = re.compile(
    r"\b(cette|la presente) (fiche|note|page|brochure)\b|\b(ce|le present) (document|compte[- ]rendu|article|point d'information)\b"
    r"|^(le|la|les) (tableau|figure|schema|liste)x? ci-(dessous|dessus)\b"  # "Le tableau ci-dessous donne ..."
)
# A broad question about risks (then statements of risk are preferred).
RISKS_ASKED = re.compile(
    r"\b(risques?|risky|risks?|dangers?|dangereu\w*|dangerous|effets?|side effects?|graves?|surveill\w*|monitor|"
    r"go wrong|safe|nocif|happen|arriver)\b"
)


# A claim the document reports from others ("Certains sites affirment que...", "présentée par ses promoteurs"):
# never quoted as a statement without the sentence after it, which is where documents refute it.
CLAIM = re.compile(
    r"\b(affirm\w*|pretend\w*|assur\w* que|pensent que|croient que|on (entend|lit|dit) (souvent )?que|selon (certains|eux)|"
    r"presente\w* (par|comme)|promoteurs?|rumeurs?|idees? recues?|(certains|certaines|des) (sites|forums|patients?|patientes|"
    r"personnes|influenceu\w*|videos|internautes)\b.{0,40}\b(disent|affirment|pensent|conseillent|recommandent|presentent|vantent)|"
    r"vant\w* (comme|pour)|seraient|serait|circule\w* (l'idee|la rumeur)|l'idee (selon laquelle|que|qu'))\b"
)
# A sentence standing wholly in quotes: a saying the document reports (« Si je double la dose, ... »), quoted only
# with the answer it gives it.
SAYING = re.compile(r"^[«\"“][^«»\"“”]{10,}[»\"”]\W*$")
REFUTATION = re.compile(
    r"^\W*(cependant|pourtant|or|en realite|en fait|faux|c'est faux|mais|il n'en est rien|aucune?|ces (arguments|affirmations)|"
    r"ce n'est pas|rien ne|non\b|toutefois|en revanche|au contraire)"
)

# Words that state a risk (general French medical vocabulary): what a broad question on risks must quote.
RISK_WORDS = re.compile(
    r"\b(risques?|dangers?|dangereu\w*|graves?|grave|effets? (indesirables?|secondaires?)|malformations?|"
    r"troubles?|deces|mortel\w*|toxi\w*|complications?|surdosages?|dependance|addiction|rupture|accidents?|"
    r"infarctus|avc|suicid\w*|depressi\w*|contre-?indiqu\w*|infections?|abces|hematomes?|allergi\w*|"
    r"lesions?|saignements?|hemorragi\w*|atteintes?|neuropathies?|tendinites?|anevrismes?|cauchemars|"
    r"agressivite|hepatique|necroses?|cicatrices?|anemies?|carences?|ulceres?|inflammations?|fractures?|"
    r"hypo[a-z]{5,}|hyper[a-z]{5,}|oedemes?|convulsions?)\b|"
    # what a medicine "can cause": the verbs a document states a risk with
    r"\b(peut|peuvent|pourrait|pourraient|risque de|can|may) (provoquer|entrainer|causer|favoriser|declencher|aggraver|"
    r"faire (baisser|chuter|monter)|cause|lead to|trigger)\b"
)

_WORDS = re.compile(r"[^\W\d_][\w'’()/-]*")


def _is_label(sentence: str, chunk) -> bool:
    """Not a statement: a document title or section name standing in the text, a question (committee
    minutes list the questions asked before their answers), or a form's fields run together ("Nom du
    dossier ... Laboratoire(s) ... Direction concernée ..."): no closing punctuation, mostly capitals."""
    stripped = sentence.rstrip()
    if stripped.endswith("?"):
        return True
    words = _WORDS.findall(stripped)
    if (
        words
        and not stripped.endswith((".", "!", ":", ";", ","))
        and sum(w[0].isupper() for w in words) >= 0.4 * len(words)
    ):
        return True
    if words and stripped.endswith(":") and sum(w.isupper() for w in words) >= 0.6 * len(words):
        return True  # a heading in capitals introducing its section ("QUININE ET CRAMPES MUSCULAIRES :")
    return normalize(sentence).rstrip(" .") in normalize(f"{chunk.title} {chunk.section}") or _is_masthead(sentence)


# A document's masthead, standing in its text: a publication date ("Mise à jour : mars 2025", "Publié le
# 14/05/2025"), or the kind of document in a line that is no sentence ("... Information destinée aux patients")
_MONTHS = "janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre"
MASTHEAD_DATE = re.compile(rf"\b(mise a jour|publie|date de publication)( le| du)?\s*:?\s*(\d|1er\b|({_MONTHS})\b)")
DOCUMENT_KIND = re.compile(
    r"\b(fiches? d'information|informations? destinees? aux?|documents? destines? aux?|point d'information)\b"
)


def _is_masthead(sentence: str) -> bool:
    """Whether a sentence is a document's masthead (MASTHEAD_DATE, DOCUMENT_KIND), not something it states."""
    text = normalize(sentence)
    if MASTHEAD_DATE.search(text) and len(text) < 240:
        return True
    return bool(DOCUMENT_KIND.search(text)) and not sentence.rstrip().endswith((".", "!", ";", ":"))


def number_citations(sentences: list[Sentence]) -> list[Citation]:
    """One citation per chunk, numbered in order of first use; its excerpt is the sentences used."""
    grouped: dict[str, list[Sentence]] = {}
    for s in sentences:
        grouped.setdefault(s.hit.chunk.chunk_id, []).append(s)
    citations = []
    for n, group in enumerate(grouped.values(), start=1):
        chunk = group[0].hit.chunk
        first, last = min(s.start for s in group), max(s.end for s in group)
        citations.append(
            Citation(
                n=n,
                chunk_id=chunk.chunk_id,
                source=chunk.source,
                title=chunk.title,
                section=chunk.section,
                page=chunk.page,
                excerpt=" […] ".join(s.text for s in sorted(group, key=lambda s: s.start)),
                start=chunk.start + first,
                end=chunk.start + last,
                chunk_start=chunk.start,
                chunk_end=chunk.end,
            )
        )
    return citations
