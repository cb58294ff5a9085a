"""The verifier with the real embedder, the BOT_LLM setting and the grounded prompt (no model server needed)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from bot.answer import Citation
from bot.llm import LLMSpec, grounded_messages, parse_llm
from bot.settings import Settings
from bot.verify import Claim, Verifier, claims

NOSE = "Ces médicaments ne modifient pas la forme du nez, et peuvent, au contraire, altérer la qualité de la peau."
ACNE = (
    "Les médicaments à base d'isotrétinoïne sont indiqués pour traiter des acnés sévères "
    "lorsque les autres traitements n'ont pas été efficaces."
)


def _citation(n: int, excerpt: str) -> Citation:
    return Citation(n, f"doc.html#{n}", "doc.html", "Isotrétinoïne", "", None, excerpt, 10 * n, 10 * n + len(excerpt))


@pytest.fixture(scope="module")
def verifier(embeddings) -> Verifier:
    return Verifier(embeddings, Settings(_env_file=None).llm_min_support)


def test_parse_llm_setting():
    assert parse_llm("none") is None
    assert parse_llm("openai:gemma@http://127.0.0.1:8080/v1/") == LLMSpec("openai", "gemma", "http://127.0.0.1:8080/v1")
    assert parse_llm("ollama:qwen2.5:3b@http://localhost:11434") == LLMSpec(
        "ollama", "qwen2.5:3b", "http://localhost:11434"
    )
    for wrong in ("gpt-4", "openai:gpt@localhost:8080", "vllm:m@http://x", "openai:@http://x"):
        with pytest.raises(ValueError):
            parse_llm(wrong)
    with pytest.raises(ValidationError):
        Settings(llm="openai:gpt", _env_file=None)


def test_claims_read_markers_before_or_after_the_full_stop():
    assert claims("Le nez ne change pas [1]. La peau s'abîme. [1, 2] Rien ici.\n- Un point [3][4]") == [
        Claim("Le nez ne change pas", (1,)),
        Claim("La peau s'abîme", (1, 2)),
        Claim("Rien ici", ()),
        Claim("Un point", (3, 4)),
    ]


def test_supported_sentences_are_kept_and_citations_renumbered(verifier):
    citations = [_citation(1, ACNE), _citation(2, NOSE)]
    draft = "L'isotrétinoïne ne modifie pas la forme du nez et peut altérer la qualité de la peau [2]."
    verified = verifier.verify(draft, citations)
    assert [j.claim.text for j in verified.kept] == [draft[: draft.index(" [2]")]]
    assert verified.text.endswith("[1].")  # the only excerpt used becomes number 1
    assert [(c.n, c.excerpt, c.start) for c in verified.citations] == [(1, NOSE, 20)]


def test_unsupported_uncited_and_dangling_sentences_are_dropped(verifier):
    citations = [_citation(1, ACNE), _citation(2, NOSE)]
    draft = (
        "L'isotrétinoïne est indiquée pour les acnés sévères résistantes aux autres traitements [1]. "
        "Elle affine le nez en quelques semaines [2]. "  # contradicts the excerpt's words
        "Elle se prend avec un repas riche en graisses. "  # cites nothing
        "Elle est remboursée par la sécurité sociale [7]."  # excerpt 7 does not exist
    )
    verified = verifier.verify(draft, citations)
    assert len(verified.kept) == 1 and verified.kept[0].supported_by == (1,)
    assert "[7]" not in verified.text and "[2]" not in verified.text
    assert {j.claim.cited for j in verified.dropped} == {(2,), (), (7,)}
    assert verified.dropped[1].support == 0.0 and verified.dropped[2].support == 0.0


def test_figures_absent_from_the_excerpt_are_not_supported(verifier):
    excerpt = "La dose est adaptée par le médecin selon le poids du patient."
    assert verifier.support("La dose est de 20 mg par jour selon le poids du patient.", excerpt) == 0.0
    assert verifier.support("La dose est adaptée par le médecin selon le poids.", excerpt) >= verifier.min_support


def test_prompt_in_the_question_language_with_history():
    history = [
        {"role": "assistant", "content": "Bonjour"},  # a conversation never starts with the model
        {"role": "user", "content": "Quels sont les risques de l'isotrétinoïne ?"},
        {"role": "assistant", "content": "Des malformations graves du fœtus [1]."},
    ]
    messages = grounded_messages("et pendant l'allaitement ?", {1: NOSE, 3: ACNE}, history, "fr")
    assert [m.type for m in messages] == ["human", "ai", "human"]
    last = messages[-1].content
    assert f"[1] {NOSE}" in last and f"[3] {' '.join(ACNE.split())}" in last
    assert "Question : et pendant l'allaitement ?" in last and "dose" in last
    english = grounded_messages("Is it safe?", {1: NOSE}, None, "en")[-1].content
    assert "Answer in English" in english and "Question: Is it safe?" in english
