"""What the bot may not simply answer: emergencies, refusals, prompt injections and questions outside the corpus.

Every decision here is made on the patient's question (and on retrieval scores), never on the text of a
document or of a generated answer, so neither a corpus document nor an LLM can change a status.

- `rules`: the regular expressions (data: wordings of emergencies, refusals, injections, uncovered topics);
- `topics`: the corpus's medicines and practices as patients name them;
- `triage`: urgent or refused from the question alone (and, for a question the urgent classifier finds close to
  an emergency, from the documents' instructions that answer it), and instructions cut from a question;
- `scope`: out of scope, from the question and the retrieved passages;
- `evidence`: the corpus sentences behind an urgent or refused answer.
"""

from bot.safety.evidence import evidence, evidence_first, medicine_named, quote_evidence, situation_call
from bot.safety.rules import UNCOVERED, rule_text
from bot.safety.scope import (
    ScopeEvidence,
    asked_aspects,
    documented,
    is_out_of_scope,
    lexical_overlap,
    scope_evidence,
    uncovered_aspect,
    unsupported_aspect,
)
from bot.safety.topics import names_topic, topics_named
from bot.safety.triage import (
    Triage,
    about_an_animal,
    continued_emergency,
    document_calms,
    documented_emergency,
    drop_injected,
    emergency_told,
    follow_up_triage,
    injection_triage,
    intent_triage,
    is_injection,
    is_off_task,
    rule_triage,
    triage,
    urgent_kind,
    without_injection,
)

__all__ = [
    "about_an_animal",
    "UNCOVERED",
    "ScopeEvidence",
    "Triage",
    "asked_aspects",
    "document_calms",
    "documented_emergency",
    "emergency_told",
    "drop_injected",
    "evidence",
    "evidence_first",
    "medicine_named",
    "continued_emergency",
    "follow_up_triage",
    "injection_triage",
    "intent_triage",
    "is_injection",
    "is_off_task",
    "documented",
    "is_out_of_scope",
    "lexical_overlap",
    "names_topic",
    "quote_evidence",
    "situation_call",
    "rule_text",
    "rule_triage",
    "scope_evidence",
    "topics_named",
    "triage",
    "uncovered_aspect",
    "urgent_kind",
    "unsupported_aspect",
    "without_injection",
]
