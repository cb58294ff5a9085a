"""LLM answers: the chat model adapter (OpenAI-compatible or Ollama, through LangChain), the grounded
prompt, streaming under a deadline, and verification with the extractive answer as the fallback.

The only module that imports langchain_openai / langchain_ollama.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import yaml

from bot.answer import Answer
from bot.messages import message
from bot.verify import Verified, Verifier

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from bot.settings import Settings

log = logging.getLogger(__name__)
_PROMPTS = Path(__file__).with_name("prompts.yaml")
_TURN_CHARS = 800  # an earlier turn is cut to this length in the prompt


class LLMUnavailable(RuntimeError):
    """The model server could not give a reply in time (timeout, connection error, empty reply)."""


@dataclass(frozen=True)
class LLMSpec:
    provider: Literal["openai", "ollama"]
    model: str
    url: str


def parse_llm(value: str) -> LLMSpec | None:
    """The BOT_LLM setting: None for "none", else the provider, model and server URL.

    >>> parse_llm("ollama:qwen2.5:3b@http://127.0.0.1:11434")
    LLMSpec(provider='ollama', model='qwen2.5:3b', url='http://127.0.0.1:11434')
    """
    value = value.strip()
    if value.lower() == "none":
        return None
    provider, _, rest = value.partition(":")
    model, _, url = rest.partition("@")
    if provider not in ("openai", "ollama") or not model.strip() or not url.strip().startswith(("http://", "https://")):
        raise ValueError(f"BOT_LLM {value!r}: expected none, openai:MODEL@BASE_URL or ollama:MODEL@URL")
    return LLMSpec(provider, model.strip(), url.strip().rstrip("/"))  # type: ignore[arg-type]


def make_chat_model(spec: LLMSpec, settings: Settings) -> BaseChatModel:
    """A LangChain chat model for the spec: deterministic, no retries, the settings' timeout and length."""
    if spec.provider == "openai":
        from langchain_openai import ChatOpenAI

        return ChatOpenAI(
            model=spec.model,
            base_url=spec.url,
            api_key=settings.llm_api_key or "none",  # local servers ignore it; the client needs one
            timeout=settings.llm_timeout_s,
            max_retries=0,
            # langchain-openai sends `max_tokens` as `max_completion_tokens`, which llama.cpp's server
            # ignores (it then generates to the end of its context); `max_tokens` in the body is what
            # OpenAI-compatible servers (llama.cpp, vLLM, LM Studio) read.
            extra_body={"max_tokens": settings.llm_max_tokens},
            temperature=0,
        )
    from langchain_ollama import ChatOllama

    return ChatOllama(
        model=spec.model,
        base_url=spec.url,
        temperature=0,
        num_predict=settings.llm_max_tokens,
        client_kwargs={"timeout": settings.llm_timeout_s},
    )


@lru_cache(maxsize=1)
def prompts() -> dict:
    return yaml.safe_load(_PROMPTS.read_text(encoding="utf-8"))


def grounded_messages(question: str, excerpts: dict[int, str], history: list[dict] | None, lang: str) -> list:
    """The conversation sent to the model: earlier turns, then the rules, numbered excerpts and question."""
    from langchain_core.messages import AIMessage, HumanMessage

    template = prompts().get(lang, prompts()["fr"])["prompt"]
    numbered = "\n".join(f"[{n}] {' '.join(text.split())}" for n, text in excerpts.items())
    earlier = []
    for turn in history or []:
        content = str(turn.get("content", "")).strip()[:_TURN_CHARS]
        if content and turn.get("role") in ("user", "assistant"):
            earlier.append(HumanMessage(content) if turn["role"] == "user" else AIMessage(content))
    while earlier and not isinstance(earlier[0], HumanMessage):  # chat templates start with the user
        earlier.pop(0)
    return [*earlier, HumanMessage(template.format(excerpts=numbered, question=question))]


class LLMWriter:
    """Rewrites an extractive answer with a chat model, then keeps only what its excerpts support.

    `stream` yields the draft as it grows, then the verified Answer; on a timeout, a
    connection error, or a reply with too little supported, the extractive answer
    with a discreet notice. The whole reply must arrive within `timeout_s`.
    """

    def __init__(
        self,
        chat_model: BaseChatModel,
        verifier: Verifier,
        timeout_s: float = 60.0,
        history_turns: int = 2,
        min_kept_sentences: int = 1,
    ):
        self.chat_model = chat_model
        self.verifier = verifier
        self.timeout_s = timeout_s
        self.history_turns = history_turns
        self.min_kept_sentences = min_kept_sentences

    def draft(self, question: str, excerpts: dict[int, str], history: list[dict] | None, lang: str) -> Iterator[str]:
        """The model's reply, piece by piece; LLMUnavailable on error, or when it is not over within timeout_s."""
        turns = (history or [])[-2 * self.history_turns :] if self.history_turns else []
        messages = grounded_messages(question, excerpts, turns, lang)
        pieces: queue.Queue = queue.Queue()
        stop = threading.Event()

        def produce() -> None:
            try:
                for chunk in self.chat_model.stream(messages):
                    if stop.is_set():
                        break
                    pieces.put(("text", str(chunk.text)))
                pieces.put(("end", None))
            except Exception as error:  # any client error is a fallback, reported to the reader
                pieces.put(("error", error))

        # A worker thread, so that a server that stalls mid-reply cannot hold the patient past the deadline.
        threading.Thread(target=produce, daemon=True, name="llm-draft").start()
        deadline = time.monotonic() + self.timeout_s
        try:
            while True:
                try:
                    kind, value = pieces.get(timeout=max(deadline - time.monotonic(), 0.001))
                except queue.Empty:
                    raise LLMUnavailable(f"no complete reply within {self.timeout_s:g} s") from None
                if kind == "end":
                    return
                if kind == "error":
                    raise LLMUnavailable(f"{type(value).__name__}: {value}") from value
                if value:
                    yield value
        finally:
            stop.set()

    def stream(self, extractive: Answer, history: list[dict] | None = None) -> Iterator[tuple[str, Answer | None]]:
        """Yield `(draft so far, None)` ..., then `(final text, Answer)` built on the extractive answer."""
        excerpts = {c.n: c.excerpt for c in extractive.citations}
        drafted = ""
        try:
            for piece in self.draft(extractive.question, excerpts, history, extractive.lang):
                drafted += piece
                yield drafted, None
        except LLMUnavailable as problem:
            log.warning("LLM unavailable, extractive answer given: %s", problem)
            final = fallback(extractive)
            yield final.answer, final
            return
        verified = self.verifier.verify(drafted, extractive.citations)
        if len(verified.kept) < max(self.min_kept_sentences, 1):
            log.info("LLM reply not supported enough (%d kept), extractive answer given", len(verified.kept))
            final = fallback(extractive, "llm_unverified_notice")
        else:
            final = verified_answer(extractive, verified)
        yield final.answer, final

    def answer(self, extractive: Answer, history: list[dict] | None = None) -> Answer:
        """The final Answer of `stream`."""
        final = extractive
        for _, done in self.stream(extractive, history):
            final = done or final
        return final


def verified_answer(extractive: Answer, verified: Verified) -> Answer:
    text = f"{verified.text}\n\n{message('answer_outro', extractive.lang)}"
    return replace(extractive, answer=text, citations=verified.citations, notice="")


def fallback(extractive: Answer, reason: str = "llm_fallback_notice") -> Answer:
    """The extractive answer, with the discreet notice that the LLM did not write it and why: the service
    was unavailable (`llm_fallback_notice`) or its draft could not be checked against the sources
    (`llm_unverified_notice`)."""
    notice = message(reason, extractive.lang)
    return replace(extractive, answer=f"{extractive.answer}\n\n_{notice}_", notice=notice)


def make_writer(settings: Settings, embeddings) -> LLMWriter | None:
    """The LLM writer the settings ask for, or None (BOT_LLM=none); nothing is contacted yet."""
    spec = parse_llm(settings.llm)
    if spec is None:
        return None
    return LLMWriter(
        make_chat_model(spec, settings),
        Verifier(embeddings, settings.llm_min_support),
        timeout_s=settings.llm_timeout_s,
        history_turns=settings.history_turns,
        min_kept_sentences=settings.llm_min_kept_sentences,
    )
