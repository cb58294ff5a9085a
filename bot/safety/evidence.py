"""The corpus sentences that back an urgent or refused answer, and the passages such an answer leads with."""

from __future__ import annotations

import re

from bot.answer import Citation, Sentence, number_citations
from bot.chunking import Chunk
from bot.messages import message
from bot.profile import EMERGENCY_CALL, REFUSAL_WORDS, CorpusProfile
from bot.retrieval import Hit
from bot.safety.triage import Triage, is_injection
from bot.text import normalize, sentence_spans


def evidence(
    triaged: Triage, question: str, chunks: list[Chunk], profile: CorpusProfile, hits: list[Hit] = ()
) -> list[Sentence]:
    """The document's own sentences for an urgent or refused answer (the corpus profile's `instructions` of that
    kind): from the document of the medicine the patient names, else from the best retrieved document that has
    such sentences; never from a document on another medicine the patient named none of."""
    named = profile.documents_named(question)
    if triaged.kind == "pregnancy":
        named = profile.dangerous_in_pregnancy(question) or named
    candidates = named or list(dict.fromkeys(h.chunk.source for h in hits))
    for source in candidates:
        document = profile.documents.get(source)
        if document is None:
            continue
        quotes = list(document.instructions.get(triaged.kind, []))
        if not quotes and triaged.status == "refused":  # what the document says of its rules, whatever the kind
            quotes = [q for kind in REFUSAL_WORDS for q in document.instructions.get(kind, [])][:2]
        if triaged.kind == "pregnancy" and document.pregnancy_warning:
            quotes.insert(0, document.pregnancy_warning)
        # a passage carrying instructions to an assistant is never quoted (bot.safety.triage.drop_injected)
        found = _locate(dict.fromkeys(quotes), [c for c in chunks if c.source == source and not is_injection(c.text)])
        if found:
            return found
    return []  # when the patient named a medicine, no document on another one speaks for it


def _locate(quotes, chunks: list[Chunk]) -> list[Sentence]:
    """Each quote as a Sentence of the chunk that holds it (quotes found in no chunk are left out)."""
    found = []
    for quote in quotes:
        wanted = normalize(quote)[:60]  # a stored quote may have been cut by the chunking: its start finds it
        for chunk in chunks:
            all_spans = sentence_spans(chunk.text)
            spans = [i for i, (a, b) in enumerate(all_spans) if wanted in normalize(chunk.text[a:b])]
            if spans:
                first = spans[0]
                # a lead-in ("... expose à :") comes with the items it introduces
                last = first + 4 if chunk.text[slice(*all_spans[first])].rstrip().endswith(":") else first
                for a, b in all_spans[first : last + 1]:
                    if not any(s.hit.chunk.chunk_id == chunk.chunk_id and s.start == a for s in found):
                        found.append(Sentence(len(found), Hit(chunk, 0.0), a, b))
                break
    return found


def situation_call(own: list[Hit], seen: set[tuple[str, int]], closeness=None) -> list[Sentence]:
    """The emergency instruction the patient's document gives for the situation closest to theirs ("...un proche ...
    respire mal ? Appelez immédiatement le 15. Allongez-le sur le côté et ne le laissez pas seul."): of the sentences
    calling for help (bot.profile.EMERGENCY_CALL) in the retrieved passages, the one that, with the sentence before it
    (often the situation it answers), is closest to the question (`closeness`: sentences -> one score each; the first
    found without it), with the instructions around it in its paragraph or list item, less those quoted already
    (`seen`: chunk ids and sentence starts); [] when no passage has one."""
    calls = []  # (the call with its instructions, the same with the sentence before: the situation it answers)
    for rank, hit in enumerate(own):
        text = hit.chunk.text
        spans = sentence_spans(text)
        for i, (a, b) in enumerate(spans):
            if not re.search(EMERGENCY_CALL, normalize(text[a:b])):
                continue
            found = [i]
            for j in (i - 1, i + 1, i + 2):  # the instruction's neighbours in its paragraph or item
                if not 0 <= j < len(spans) or abs(j - found[-1 if j > i else 0]) != 1:
                    continue
                start, end = spans[min(j, i)][1], spans[max(j, i)][0]
                neighbour = text[slice(*spans[j])].strip()
                if "\n" in text[start:end] or neighbour.startswith("-") or neighbour.endswith(("?", ":")):
                    continue
                found = sorted([*found, j])
            situation = [Sentence(rank, hit, *spans[j]) for j in range(max(found[0] - 1, 0), found[-1] + 1)]
            calls.append(([Sentence(rank, hit, *spans[j]) for j in found], situation))
    if not calls:
        return []
    if closeness is not None and len(calls) > 1:
        scores = [float(max(closeness(situation))) for _, situation in calls]
        best = calls[max(range(len(calls)), key=scores.__getitem__)][0]
    else:
        best = calls[0][0]
    return [s for s in best if (s.hit.chunk.chunk_id, s.start) not in seen]


def medicine_named(triaged: Triage, question: str, profile: CorpusProfile, hits: list[Hit] = ()) -> str:
    """The display name of the patient's medicine for an emergency message ("" when the question names none)."""
    named = (
        profile.dangerous_in_pregnancy(question) if triaged.kind == "pregnancy" else profile.documents_named(question)
    )
    if not named:
        return ""
    terms = profile.terms_named(question) - profile.everywhere()
    document, keywords = profile.documents[named[0]], profile.keywords(named[0])
    # each word of the document's own names stands for the whole name: "acetate" or "cyproterone" for "acétate de
    # cyprotérone"
    forms = {w: n for n in reversed(document.names) for w in [normalize(n), *normalize(n).split()] if len(w) > 3}
    # the document's own names first: a document on one medicine may name others (the opioids a sheet warns against)
    spoken = sorted((t for t in terms if t in keywords), key=lambda t: (t not in forms, keywords.index(t)))
    return forms.get(spoken[0], spoken[0]) if spoken else (document.names[0] if document.names else "")


def evidence_first(hits: list[Hit], sentences: list[Sentence], k: int) -> list[Hit]:
    """The passages of an urgent or refused answer: those holding its evidence first, then the retrieved ones.

    The intent decides what the patient needs to read (the depression warning for distress, the
    contraindication for a pregnancy), so its passages lead whatever the wording of the question.
    """
    routed = list({s.hit.chunk.chunk_id: s.hit for s in sentences}.values())
    seen = {h.chunk.chunk_id for h in routed}
    return (routed + [h for h in hits if h.chunk.chunk_id not in seen])[: max(k, len(routed))]


def quote_evidence(sentences: list[Sentence], lang: str = "fr", medicine: str = "") -> tuple[str, list[Citation]]:
    """Evidence sentences as an answer text with [n] markers, and their citations; `medicine`, when given, is the
    patient's medicine the quoted document is about, named in the introduction."""
    if not sentences:
        return "", []
    citations = number_citations(sentences)
    by_chunk = {c.chunk_id: c.n for c in citations}
    lines = [message("answer_intro_about", lang, medicine=medicine) if medicine else message("answer_intro", lang)]
    lines += [f"- {s.text} [{by_chunk[s.hit.chunk.chunk_id]}]" for s in sentences]
    return "\n".join(lines), citations
