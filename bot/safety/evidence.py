"""The corpus sentences that back an urgent or refused answer, and the passages such an answer leads with."""

from __future__ import annotations

import re

from bot.answer import Citation, Sentence, number_citations
from bot.chunking import Chunk
from bot.messages import message
from bot.retrieval import Hit
from bot.safety.triage import Triage
from bot.text import normalize, sentence_spans

# The corpus sentences that back each urgent or refused answer, when the corpus holds them.
EVIDENCE = {
    "suicide": ["symptômes dépressifs et des modifications de l'humeur"],
    "pregnancy": ["strictement contre-indiqué pendant la grossesse", "Une contraception doit être mise en place"],
    "infection": ["abcès à mycobactéries atypiques", "risques infectieux non négligeables"],
    "allergy": ["de réactions allergiques et d'infections bactériennes"],
    "red_flag": ["des troubles intestinaux", "effets indésirables graves et susceptibles de persister"],
    "poisoning": ["effets indésirables graves et susceptibles de persister"],
    "purchase": ["la vente et la promotion sans autorisation de médicaments sur internet sont illégales"],
    "prescription": ["seuls les dermatologues peuvent initier", "leur prescription est soumise à des règles strictes"],
    "dose": ["ne doivent en aucun cas être utilisés à des fins esthétiques"],
    "self_injection": ["risques infectieux non négligeables", "en dehors de l'autorisation de mise sur le marché"],
    "dose_mesotherapy": [
        "en dehors de l'autorisation de mise sur le marché",
        "impossible de prévoir les effets des mélanges",
    ],
}


def evidence(triaged: Triage, question: str, chunks: list[Chunk]) -> list[Sentence]:
    """The corpus sentences that back an urgent or refused answer, in the order of EVIDENCE."""
    kind = triaged.kind
    if kind == "dose" and re.search(r"meso|inject|cocktail|belly|ventre|graisse", normalize(question)):
        kind = "dose_mesotherapy"
    found = []
    for quote in EVIDENCE.get(kind, []):
        wanted = normalize(quote)
        for chunk in chunks:
            spans = [(a, b) for a, b in sentence_spans(chunk.text) if wanted in normalize(chunk.text[a:b])]
            if spans:
                found.append(Sentence(len(found), Hit(chunk, 0.0), *spans[0]))
                break
    return found


def evidence_first(hits: list[Hit], sentences: list[Sentence], k: int) -> list[Hit]:
    """The passages of an urgent or refused answer: those holding its evidence first, then the retrieved ones.

    The intent decides what the patient needs to read (the depression warning for distress, the
    contraindication for a pregnancy), so its passages lead whatever the wording of the question.
    """
    routed = list({s.hit.chunk.chunk_id: s.hit for s in sentences}.values())
    seen = {h.chunk.chunk_id for h in routed}
    return (routed + [h for h in hits if h.chunk.chunk_id not in seen])[: max(k, len(routed))]


def quote_evidence(sentences: list[Sentence], lang: str = "fr") -> tuple[str, list[Citation]]:
    """Evidence sentences as an answer text with [n] markers, and their citations."""
    if not sentences:
        return "", []
    citations = number_citations(sentences)
    by_chunk = {c.chunk_id: c.n for c in citations}
    lines = [message("answer_intro", lang)]
    lines += [f"- {s.text} [{by_chunk[s.hit.chunk.chunk_id]}]" for s in sentences]
    return "\n".join(lines), citations
