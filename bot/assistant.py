"""The chatbot: question (and conversation) in, cited answer with its status out."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from bot.answer import Answer, DocumentRefutations, ExtractiveAnswerer, asked_before, item_at
from bot.chunking import section_leads
from bot.indexer import LEXICAL_DIR, read_manifest
from bot.intents import IntentModel
from bot.lexical import LexicalIndex
from bot.llm import LLMWriter, make_writer
from bot.messages import message
from bot.profile import BACK_REFERENCE, CorpusProfile, words
from bot.questions import (
    THANKS_THEN_PLAN,
    asks_why,
    is_broad,
    is_meta,
    is_precise,
    is_small_talk,
    reports_low_mood,
    reports_mood_change,
)
from bot.retrieval import HybridRetriever, condense, focused, is_follow_up, last_answer, user_turns
from bot.safety import (
    Triage,
    about_an_animal,
    continued_emergency,
    document_calms,
    documented,
    documented_emergency,
    drop_injected,
    emergency_told,
    evidence,
    evidence_first,
    follow_up_triage,
    is_injection,
    is_off_task,
    is_out_of_scope,
    medicine_named,
    names_topic,
    quote_evidence,
    rule_text,
    rule_triage,
    scope_evidence,
    situation_call,
    triage,
    without_injection,
)
from bot.safety.classifier import load_classifier
from bot.safety.rules import ASSERT, RECREATIONAL_USE
from bot.scoring import load_scorer
from bot.settings import Settings
from bot.store import REBUILD_HINT, ChromaStore, IndexMissingError
from bot.text import detect_language, normalize, sentence_spans

INTENT_VECTORS = "intent_vectors.npz"  # triage's example phrasings, embedded once and kept with the index


class InvalidQuestion(ValueError):
    """A question that cannot be asked as it is (empty, too long); the message says why."""


@dataclass
class Assistant:
    settings: Settings
    retriever: HybridRetriever
    answerer: ExtractiveAnswerer
    writer: LLMWriter | None = None  # rewrites answered questions with an LLM (BOT_LLM), verified
    profile: CorpusProfile = field(default_factory=CorpusProfile)  # what the corpus covers, computed at index time

    def warm_up(self) -> None:
        """Load the models and triage's example vectors before the first patient. The corpus's sentence vectors are
        read from the store for the passages each answer retrieves, never all at start-up (they grow with the corpus)."""
        hits = self.retriever.retrieve("médicament", k=1)
        self.answerer.warm_up([h.chunk for h in hits])
        self.intents.warm_up()
        # one question through every step, so that what is computed once (the profile's indexes, the common words'
        # stems: seconds on a corpus of thousands of documents) is not computed for the first patient
        self.ask("Quels sont les risques de ce médicament pendant la grossesse ? Zorbatixane ?", write=False)

    def reload_index(self) -> None:
        """Read the index's files again, after a re-index here or, in server mode, by another replica: the lexical
        index, the sections' first passages and the corpus profile (the vectors are read from the store anyway)."""
        from bot.indexer import read_documents
        from bot.profile import current_profile

        index_dir = Path(self.settings.index_dir)
        lexical_dir = index_dir / LEXICAL_DIR
        if (lexical_dir / "chunks.json").exists():
            lexical = LexicalIndex.load(lexical_dir)
            self.answerer.section_leads = section_leads(lexical.chunks)
            self.answerer.refutations = DocumentRefutations(lexical.chunks)
            self.retriever.lexical = lexical
        self.profile = current_profile(index_dir, read_documents(index_dir))

    @cached_property
    def intents(self) -> IntentModel:
        """The triage backstop, on the retriever's embedder (its examples are embedded on first use)."""
        wanted = {
            "urgent": self.settings.urgent_classifier,
            "refused": self.settings.refused_classifier,
            "broad": self.settings.broad_classifier,
        }
        found = {label: load_classifier(self.settings.embedding_model, label) for label, on in wanted.items() if on}
        classifiers = {label: model for label, model in found.items() if model is not None}
        return IntentModel(
            self.retriever.store.embeddings,
            k=self.settings.intent_neighbours,
            classifiers=classifiers,
            cache=Path(self.settings.index_dir) / INTENT_VECTORS,
        )

    def check(self, question: str, lang: str = "fr") -> str:
        """The question, trimmed; InvalidQuestion when it is empty or too long."""
        question = (question or "").strip()
        if not question:
            raise InvalidQuestion(message("empty_question", lang))
        if len(question) > self.settings.max_question_chars:
            raise InvalidQuestion(
                message("question_too_long", lang, length=len(question), limit=self.settings.max_question_chars)
            )
        return question

    def ask(self, question: str, history: list[dict] | None = None, *, write: bool = True) -> Answer:
        """Answer one question, in the context of earlier turns when it is a follow-up.

        With an LLM writer, an answered question is rewritten and verified, unless `write` is False.
        """
        started = time.perf_counter()
        lang = detect_language(question or "")
        question = self.check(question, lang)
        profile = self.profile
        if self.is_small_talk(question, profile):  # no question of its own: never searched, triaged or refused
            answer = Answer(question, self.small_talk_reply(question, lang), "small_talk", [], lang=lang)
            answer.latency_ms = (time.perf_counter() - started) * 1000
            return answer
        query, hits, own_question = self._search(question, history, profile)
        # cross-lingual cosines run lower: an English question's thresholds are lowered to match
        offset = self.settings.dense_offset_en if lang == "en" else 0.0
        # a patient who feels down, under a medicine whose document warns of mood: that warning, not the emergency
        # (nightmares, anxiety... under such a medicine: a question on its warning, answered as any question)
        warning = self._mood_warning(question, query, hits, profile, lang) if reports_mood_change(question) else None
        mood = warning if reports_low_mood(question) else None
        warned = warning is not None
        # the rules alone, not read against the patient's document: what triage weighs, and, when they see signs the
        # patient's document calls ordinary, the emergency sentence the answer adds
        signs = rule_triage(question, profile)
        decided = self._triage(question, query, hits, history, profile, warned, signs)
        if decided is not None:
            # a request to harm someone gets the refusal and the numbers to call, never a sentence of a document (its
            # rules on doses would give the figures asked for)
            harm = decided.kind == "harm"
            backing = [] if harm else evidence(decided, question, self.retriever.lexical.chunks, profile, hits)
            if decided.status == "refused" and decided.kind == "injection":
                # a claim the patient wants vouched for ("confirme que X n'a aucun effet sur l'humeur"): what the
                # document of the medicine named says on it, not its rules on doses or sales
                # (searched as the claim itself, without "confirme-moi que")
                claim = ASSERT.sub(" ", rule_text(question))
                named = profile.documents_named(question)
                own = [h for h in self._retrieve(claim, profile) if h.chunk.source in named]
                backing = self.answerer.select(claim, own, limit=3) if own else backing
            # the patient's own document: the one quoted, else the best retrieved when the patient names it (never a
            # document on another medicine)
            source = (
                backing[0].hit.chunk.source
                if backing
                else next((h.chunk.source for h in hits if h.chunk.source in profile.documents_named(question)), None)
            )
            if decided.status == "urgent" and source is not None:
                # and what it says of their situation, beyond its general instruction: its call for help in the
                # passage closest to the situation, and the sentences that answer best
                own = [h for h in hits if h.chunk.source == source]
                seen = {(s.hit.chunk.chunk_id, s.start) for s in backing}
                backing += situation_call(own, seen, lambda found: self.answerer.scores(query, own, found))
                if backing:
                    seen = {(s.hit.chunk.chunk_id, s.start) for s in backing}
                    backing += [
                        s
                        for s in self.answerer.select(query, own, limit=2)
                        if (s.hit.chunk.chunk_id, s.start) not in seen
                    ]
            hits = evidence_first(hits, backing, self.settings.k)
            medicine = ""
            # the patient's medicine, named in the question or earlier in its thread ("I'm still taking it")
            subject = question if profile.documents_named(question) else query
            if (
                decided.status == "urgent"
                and backing
                and backing[0].hit.chunk.source in profile.documents_named(subject)
            ):
                medicine = medicine_named(decided, subject, profile, hits)  # the patient's own words for it
            text, citations = quote_evidence(backing, lang, medicine)
            if not citations and decided.status == "urgent":
                text, citations = self.answerer.compose(query, hits, lang)
            lead = self._lead(decided, subject, profile, hits, lang)
            answer = Answer(question, f"{lead}\n\n{text}".strip(), decided.status, citations, lang=lang, hits=hits)
        elif is_out_of_scope(
            question,
            hits,
            self.settings.min_dense_score - offset,
            self.settings.min_lexical_overlap,
            query,
            history,
            profile,
            self.settings.min_dense_without_topic - offset,
        ) or self._off_thread(question, history, profile, offset):
            answer = Answer(
                question, self.out_of_scope_message(lang, question), "out_of_scope", [], lang=lang, hits=hits
            )
        else:
            # a follow-up is answered for what it asks itself, with its thread's topic ("<son médicament> ça peut me rendre
            # triste ?"), though its passages were searched with the whole thread
            if signs is not None and signs.status == "urgent":
                # signs the patient's document calls ordinary effects: its answer, then what it says makes them an
                # emergency ("Un gonflement important du visage ... doit faire appeler le 15")
                watch = evidence(signs, question, self.retriever.lexical.chunks, profile, hits)
                text, citations = self.answerer.compose(own_question, hits, lang, extra=watch)
            else:
                text, citations = self._compose(question, own_question, hits, profile, lang)
            if mood is not None:  # the document's warning on mood first, and telling the prescriber now
                lead, warning, warned = mood
                text, citations = f"{lead}\n\n{warning}", warned
            if not citations:
                answer = Answer(question, message("not_found", lang), "out_of_scope", [], lang=lang, hits=hits)
            else:
                answer = Answer(
                    question, f"{text}\n\n{message('answer_outro', lang)}", "answered", citations, lang=lang, hits=hits
                )
                if write and self.writer is not None:
                    answer = self.writer.answer(answer, history)
        answer.latency_ms = (time.perf_counter() - started) * 1000
        return answer

    def _search(self, question: str, history: list[dict] | None, profile: CorpusProfile) -> tuple[str, list, str]:
        """The search query and its passages: the question with the conversation it follows (bot.retrieval.condense),
        or, for a follow-up naming no topic, with only its thread's topic when that comes closer to a passage; and
        what the turn asks itself (that follow-up with its topic, else the query)."""
        asked = profile.spelled(without_injection(question, profile))
        if asks_why(question) and (said := _first_statement(history)):
            # "pourquoi ?" asks the reason for what was just answered: searched with that statement and its question
            earlier = user_turns(history)
            query = f"{earlier[-1] if earlier else ''} {said} {asked}".strip()
            return query, self._retrieve(query, profile), query
        query = condense(asked, history, self.settings.history_turns, profile)
        hits = self._retrieve(query, profile)
        alone = focused(asked, history, profile)
        if alone is not None and alone != query:
            own = self._retrieve(alone, profile)
            if own and _closest(own) > _closest(hits) + self.settings.focus_margin:
                return alone, own, alone
        return query, hits, alone or query

    def _off_thread(self, question: str, history, profile: CorpusProfile, offset: float) -> bool:
        """A turn of a conversation that names no topic and reads as a question of its own (no "et ...", pronoun or
        ellipsis), which, searched alone, is far from every passage and shares few words with them ("Quel temps
        fera-t-il demain à Paris ?" after questions on a medicine): out of scope, as it would be asked alone; the
        thread does not carry it."""
        if not user_turns(history) or is_follow_up(question) or profile.documents_named(question):
            return False
        alone = self._retrieve(profile.spelled(without_injection(question, profile)), profile)
        evidence = scope_evidence(question, alone, None, None, profile)
        far = evidence.best_dense is not None and evidence.best_dense < self.settings.min_dense_score - offset
        return far and evidence.overlap < self.settings.min_lexical_overlap

    def _retrieve(self, query: str, profile: CorpusProfile) -> list:
        """The passages of a search query, none carrying instructions to an assistant; with `named_boost`, those of the
        documents the query names first (the profile is read only then: it is work on every question)."""
        named = profile.documents_named(query) if self.settings.named_boost else ()
        return drop_injected(self.retriever.retrieve(query, self.settings.k, named))

    def _triage(
        self,
        question: str,
        query: str,
        hits,
        history,
        profile: CorpusProfile,
        mood_warned: bool,
        signs: Triage | None,
    ) -> Triage | None:
        """Urgent or refused (bot.safety.triage), with what the documents add: low mood under a medicine whose
        document warns of mood (`mood_warned`) is answered with that warning, not the emergency; the documents may
        confirm an emergency the classifier only suspects; a dose the documents state is answered. `signs` is what the
        rules alone read in the question (rule_triage without the patient's document)."""
        # the patient's document: the one of the medicine or practice they name, else the best retrieved
        source = next(iter(profile.documents_named(question)), None) or (hits[0].chunk.source if hits else None)
        decided = triage(
            question, self.intents, self.settings.urgent_margin, self.settings.refused_margin, profile, source
        )
        if (
            decided is not None
            and source
            and rule_triage(question, profile, source) is None
            and not emergency_told(history)
        ):
            # signs the classifier took for an emergency, which the patient's document sends to a doctor without urgency
            # (never right after an emergency was told: "j'ai des aphtes et de la fièvre" after an overdose is its sign)
            own = [h for h in hits if h.chunk.source == source][:3]
            answering = _in_context(self.answerer.select(query, own, limit=3)) if own else None
            document = profile.documents.get(source)
            # (what the document is about, its title, topics, names and leading terms, is no sign the patient tells)
            about = (
                " ".join([document.title, *document.topics, *document.names, *document.terms[:20]]) if document else ""
            )
            alarm = document.alarm if document else ()
            if answering is not None and document_calms(
                decided, profile.generic(rule_text(question)), answering, about, alarm
            ):
                return None
        low_mood = reports_mood_change(question)
        distress = decided is not None and decided.kind == "suicide"
        if low_mood and mood_warned and distress and signs is None:
            # feeling down, and no sign of dark thoughts: the document's warning on mood and the advice to tell the
            # prescriber now, with 3114 for dark thoughts (the answered path), not the emergency
            return None
        # signs the patient's document calls ordinary effects, with nothing the rules read beyond them: its own
        # emergency sentence ("un gonflement important ..., avec une gêne pour respirer") asks for more than they tell
        ordinary = decided is None and signs is not None and signs.status == "urgent"
        decided = (
            decided or follow_up_triage(question, history, profile) or continued_emergency(question, history, profile)
        )
        if not low_mood and not ordinary:
            decided = decided or self._documented_emergency(question, query, hits, profile)
        if (
            decided is not None
            and decided.kind == "dose"
            and not RECREATIONAL_USE.search(rule_text(question))
            and documented("dose", query, hits, profile)
        ):
            return None  # the documents state that dose ("sans dépasser 1 200 mg par jour"): they answer it, not to get high
        return decided

    def _compose(self, question: str, query: str, hits, profile: CorpusProfile, lang: str):
        """The quoted answer: for a broad question (by its wording, or by the broad classifier), every part of the
        document of the thing asked about that speaks to it (every risk, when risks are asked), in its order;
        otherwise the sentences that best answer the question."""
        if hits and (is_broad(question) or self._broad(question, profile)):
            named = profile.documents_named(without_injection(question, profile)) or profile.documents_named(query)
            sources = set(named[:3])  # the three documents that name it most
            # a passage carrying instructions to an assistant is never quoted (bot.safety.triage.drop_injected)
            chunks = [c for c in self.retriever.lexical.chunks if c.source in sources and not is_injection(c.text)]
            statements = self.settings.broad_statements
            text, citations = self.answerer.compose_broad(query, chunks, lang, statements) if chunks else ("", [])
            if citations:
                return text, citations
        # a question naming its medicine or practice is answered from the passages that speak of it, when some were
        # retrieved: "X diarhée depuis 4 jours" is not answered by another document's "pendant 4 semaines"; another
        # document naming that medicine (committee minutes on it) still speaks of it
        return self.answerer.compose(query, _on_named(hits, question, profile), lang, why=asks_why(question))

    def _broad(self, question: str, profile: CorpusProfile) -> bool:
        """Whether the broad classifier flags a question that asks after no precise fact."""
        if "broad" not in self.intents.classifiers or is_precise(question):
            return False
        return "broad" in self.intents.scores(profile.masked(without_injection(question, profile))).flagged

    def _documented_emergency(self, question: str, query: str, hits, profile: CorpusProfile) -> Triage | None:
        """bot.safety.triage.documented_emergency, on the urgent classifier's probability and the sentences that
        best answer the question."""
        if not hits or "urgent" not in self.intents.classifiers or is_off_task(question):
            return None
        scores = self.intents.scores(profile.masked(without_injection(question, profile)))
        probability = scores.probabilities.get("urgent", 0.0)
        if probability < self.settings.urgent_documented:
            return None
        answering = [s.text for s in self.answerer.select(query, hits[:3], limit=3)]
        return documented_emergency(probability, self.settings.urgent_documented, answering, question)

    def _mood_warning(self, question: str, query: str, hits, profile: CorpusProfile, lang: str):
        """For a patient who feels down: the advice to tell the prescriber now (3114 if suicidal thoughts come) and
        the warning on mood of the document of their medicine, when it has one; None otherwise."""
        from bot.safety.triage import Triage

        backing = evidence(Triage("urgent", "suicide"), query, self.retriever.lexical.chunks, profile, hits)
        if not backing:
            return None
        text, citations = quote_evidence(backing, lang)
        return message("mood_advice", lang), text, citations

    def is_small_talk(self, question: str, profile: CorpusProfile) -> bool:
        """Small talk (bot.questions) that names no corpus medicine and tells no emergency the rules know: "merci, j'ai
        envie de mourir" is never taken for thanks. (The urgent classifier is not asked: trained on single turns of
        conversations, it fires on a bare "merci" said after an emergency.)"""
        if not is_small_talk(question):
            return False
        # thanks with what the patient will do next may name whom they will see ("merci, j'appelle ma dermato")
        topic_ok = THANKS_THEN_PLAN.search(normalize(question)) is not None
        return (topic_ok or not names_topic(question, profile)) and rule_triage(question, profile) is None

    def small_talk_reply(self, question: str, lang: str = "fr") -> str:
        """A short friendly reply to small talk; "who are you?" is told what the corpus covers."""
        folded = question.lower()
        if is_meta(question):
            return message("small_talk_meta", lang, covered=self._covered(lang))
        if any(w in folded for w in ("merci", "thank", "thx", "mercii")) or re.search(r"\b(mrc|mci|mrci|ty)\b", folded):
            return message("small_talk_thanks", lang)
        farewells = (
            "revoir",
            "bye",
            "ciao",
            "tchao",
            "bientot",
            "bientôt",
            "adieu",
            "plus tard",
            "bonne soir",
            "bonne nuit",
            "bonne journ",
            "bon week",
            "good night",
            "have a nice",
        )
        if any(w in folded for w in farewells):
            return message("small_talk_bye", lang)
        if any(w in folded for w in ("ok", "dac", "accord", "compris", "parfait", "super", "top", "cool", "got it")):
            return message("small_talk_ok", lang)
        return message("small_talk_hello", lang)

    def out_of_scope_message(self, lang: str = "fr", question: str = "") -> str:
        """The out-of-scope message, saying what the corpus covers (from the profile); for a pet, the vet first."""
        text = message("out_of_scope", lang, covered=self._covered(lang))
        return f"{message('animal_note', lang)}\n\n{text}" if about_an_animal(normalize(question)) else text

    def _covered(self, lang: str) -> str:
        """What the corpus covers, in a few names ("aucun document..." before any is indexed)."""
        return ", ".join(self.profile.covered()) or message("covered_unknown", lang)

    def _lead(self, decided, question: str, profile: CorpusProfile, hits, lang: str) -> str:
        """The message that opens an urgent or refused answer; a pregnancy one names the patient's medicine (the
        question is the patient's words for their situation, with their thread's when they name no medicine)."""
        if decided.message_key == "urgent_pregnancy":
            medicine = medicine_named(decided, question, profile, hits)
            return message("urgent_pregnancy", lang, medicine=medicine or message("pregnancy_medicine_unnamed", lang))
        return message(decided.message_key, lang)

    def stream(self, question: str, history: list[dict] | None = None) -> Iterator[tuple[str, Answer | None]]:
        """Yield the answer text as it grows, then the final Answer (`(text, None)` ... `(text, answer)`).

        With an LLM writer, an answered question streams the model's draft, then its verified text.
        """
        started = time.perf_counter()
        answer = self.ask(question, history, write=False)
        if answer.status == "answered" and self.writer is not None:
            for text, final in self.writer.stream(answer, history):
                if final is not None:
                    final.latency_ms = (time.perf_counter() - started) * 1000
                yield text, final
            return
        shown = ""
        for line in answer.answer.splitlines(keepends=True):
            shown += line
            yield shown, None
        yield answer.answer, answer


def _first_statement(history: list[dict] | None) -> str:
    """The first statement quoted in the assistant's last answer ("- <sentence> [1]"), without its marker."""
    found = re.search(r"^- (.+?)(?: \[\d+\])+\s*$", last_answer(history), re.M)
    return found.group(1) if found else ""


def _closest(hits) -> float:
    """The best dense similarity of a search's passages."""
    return max((h.dense_score or 0.0 for h in hits), default=0.0)


def make_store(settings: Settings, embeddings, *, replace: bool = False) -> ChromaStore:
    """The vector store the settings point to (local folder or Chroma server); `replace` empties it."""
    from bot.store import make_client

    client = make_client(settings.index_dir, settings.chroma_url)
    return ChromaStore(
        client,
        embeddings,
        settings.collection,
        settings.sentence_weight,
        replace=replace,
        sentence_context=settings.sentence_context,
        shared=bool(settings.chroma_url),
        chunk_vectors=settings.chunk_vectors,
    )


def open_index(settings: Settings, embeddings=None) -> tuple[ChromaStore, LexicalIndex]:
    """The vector store and lexical index the settings point to; IndexMissingError when not built."""
    from bot.embeddings import embeddings_for

    embeddings = embeddings or embeddings_for(settings)
    lexical_dir = Path(settings.index_dir) / LEXICAL_DIR
    if not settings.chroma_url and not (lexical_dir / "chunks.json").exists():
        raise IndexMissingError(f"Aucun index dans {settings.index_dir}. Construisez-le : python -m bot index")
    store = make_store(settings, embeddings)
    if settings.chroma_url:  # the server holds the index's files too: this replica's folder is a copy of them
        from bot.indexer import pull_state

        Path(settings.index_dir).mkdir(parents=True, exist_ok=True)
        pull_state(store, settings.index_dir)
    if store.count() == 0:
        raise IndexMissingError(
            f"L'index est vide. Construisez-le : python -m bot index ({REBUILD_HINT} pour repartir de zéro)"
        )
    lexical = LexicalIndex.load(lexical_dir) if (lexical_dir / "chunks.json").exists() else LexicalIndex(store.chunks())
    return store, lexical


def _in_context(sentences: list) -> list[str] | None:
    """Each sentence's text read in its context: a list item after the line that introduces its list, an answer after
    the question it answers in its paragraph, any sentence
    with the one after it in its paragraph, or opening the next paragraph when that one refers back ("Les signes qui
    doivent alerter sont : ...", then "Si l'un de ces signes apparaît, ... consultez"). None when an item's list
    opens its passage: what introduced it (maybe "appelez le 15 si :") is in another one."""
    texts = []
    for sentence in sentences:
        text = sentence.hit.chunk.text
        lead = ""
        if item_at(text, sentence.start):
            lines = [line for line in text[: sentence.start].rstrip("- ").split("\n")[:-1] if line.strip()]
            while lines and lines[-1].startswith("- "):
                lines.pop()
            if not lines or lines[-1].rstrip().endswith((";", ",")):
                return None  # the list opens its passage, or the passage opens in the middle of it
            lead = lines[-1].strip() + " " if lines[-1].rstrip().endswith(":") else ""
        elif (question := asked_before(sentence)) is not None:
            lead = question.text + " "  # "Que faire si des cloques apparaissent ? Contactez votre médecin."
        paragraph, *others = text[sentence.end :].split("\n\n")
        if not paragraph.strip() and others and re.search(BACK_REFERENCE, normalize(others[0])):
            paragraph = others[0]  # the next paragraph opens on what this one said: "Si l'un de ces signes apparaît"
        after = sentence_spans(paragraph)
        texts.append(lead + sentence.text + (" " + paragraph[: after[0][1]].strip() if after else ""))
    return texts


def _on_named(hits, question: str, profile: CorpusProfile) -> list:
    """The hits of the documents a question names, or that name one of their medicines; all hits when none is."""
    named = set(profile.documents_named(without_injection(question, profile)))
    if not named:
        return hits
    medicines = {m for src in named for m in profile.documents[src].medicines}
    own = [h for h in hits if h.chunk.source in named or medicines & set(words(normalize(h.chunk.text)))]
    return own or hits


def build_assistant(settings: Settings, embeddings=None, writer: LLMWriter | None = None) -> Assistant:
    """Everything the chatbot needs, from settings; the models load lazily.

    The LLM writer is the one given, else the one BOT_LLM names (none by default).
    """
    from bot.embeddings import embeddings_for

    embeddings = embeddings or embeddings_for(settings)
    store, lexical = open_index(settings, embeddings)
    retriever = HybridRetriever(
        store,
        lexical,
        mode=settings.retrieval_mode,
        candidates=settings.candidates,
        rrf_k=settings.rrf_k,
        dense_weight=settings.dense_weight,
        lexical_weight=settings.lexical_weight,
        expand=settings.query_expansion,
        fusion=settings.fusion,
        lexical_score_weight=settings.lexical_score_weight,
        named_boost=settings.named_boost,
    )
    answerer = ExtractiveAnswerer(
        embeddings,
        settings.answer_sentences,
        settings.answer_max_citations,
        max_quoted=settings.answer_max_quoted,
        stored_vectors=store.sentence_vectors,
        rank_weight=settings.answer_rank_weight,
        section_leads=section_leads(lexical.chunks),
        sentence_context=settings.sentence_context,
        refutations=DocumentRefutations(lexical.chunks),
        scorer=load_scorer(settings.embedding_model) if settings.sentence_scorer else None,
    )
    from bot.indexer import read_documents
    from bot.profile import current_profile

    profile = current_profile(Path(settings.index_dir), read_documents(settings.index_dir))
    return Assistant(settings, retriever, answerer, writer or make_writer(settings, embeddings), profile)


def index_info(settings: Settings) -> dict:
    """What the index holds, for the staff page: model, date and chunks per document."""
    manifest = read_manifest(settings.index_dir)
    return {
        "embedding_model": manifest.get("embedding_model", ""),
        "built_at": manifest.get("built_at", ""),
        "documents": {name: len(entry["chunk_ids"]) for name, entry in manifest.get("documents", {}).items()},
    }
