"""Eval sets: one JSON case per line, validated with the line number of every problem."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

CATEGORIES = ("answerable", "broad", "refuted", "out_of_scope", "urgent", "adversarial", "small_talk")
ANSWERABLE = ("answerable", "broad", "refuted")  # categories the documents answer
STATUSES = ("answered", "out_of_scope", "urgent", "refused", "small_talk")
LANGS = ("fr", "en")
# The status a case must get when it does not say: adversarial cases must say, or only their texts are checked.
IMPLIED_STATUS = {
    "answerable": "answered",
    "broad": "answered",
    "refuted": "answered",
    "out_of_scope": "out_of_scope",
    "urgent": "urgent",
    "small_talk": "small_talk",
}

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


def compile_pattern(pattern: str) -> re.Pattern:
    """A case's regular expression, matched against normalised text (accents folded, any case).

    The pattern is not lower-cased (that would turn `\\S` into `\\s`): case is ignored instead.

    >>> bool(compile_pattern("Altérer").search("alterer la peau"))
    True
    """
    from bot.text import fold_accents

    return re.compile(fold_accents(pattern.translate(_APOSTROPHES)), re.IGNORECASE)


@dataclass(frozen=True)
class Case:
    """One question with what its answer must (not) say and which passages support it."""

    id: str
    question: str
    lang: str
    category: str
    gold_quotes: list[str] = field(default_factory=list)
    must_mention: list[list[str]] = field(default_factory=list)
    must_not_mention: list[str] = field(default_factory=list)
    history: list[dict] = field(default_factory=list)
    expected_status: str | None = None  # None: implied by the category
    line: int = 0
    conversation: str = ""  # the conversation's id when the case is one of its turns (history: the bot's answers)
    turn: int = 0
    new_topic: bool = False  # the turn switches to another topic than the turns before

    @property
    def status(self) -> str | None:
        """The status the bot must give; None when any status is acceptable."""
        return self.expected_status or IMPLIED_STATUS.get(self.category)

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "question": self.question,
            "lang": self.lang,
            "category": self.category,
            "gold_quotes": self.gold_quotes,
            "must_mention": self.must_mention,
            "must_not_mention": self.must_not_mention,
            "history": self.history,
            "expected_status": self.status,
            **(
                {"conversation": self.conversation, "turn": self.turn, "new_topic": self.new_topic}
                if self.conversation
                else {}
            ),
        }


@dataclass(frozen=True)
class FormatProblem:
    """A line of a set that could not be run, and why."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"ligne {self.line} : {self.message}"


class CaseError(ValueError):
    pass


def _strings(value, name: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CaseError(f"`{name}` doit être une liste de chaînes")
    return value


def _patterns(value, name: str) -> list[str]:
    for pattern in _strings(value, name):
        try:
            compile_pattern(pattern)
        except re.error as error:
            raise CaseError(f"`{name}` : expression régulière invalide {pattern!r} ({error})") from None
    return value


def parse_case(record, line: int = 0) -> Case:
    """A validated Case from one decoded JSON line; CaseError says what is wrong."""
    if not isinstance(record, dict):
        raise CaseError("la ligne doit être un objet JSON")
    missing = [k for k in ("id", "question", "lang", "category") if k not in record]
    if missing:
        raise CaseError(f"champ(s) manquant(s) : {', '.join(missing)}")
    for key in ("id", "question"):
        if not isinstance(record[key], str) or not record[key].strip():
            raise CaseError(f"`{key}` doit être une chaîne non vide")
    if record["lang"] not in LANGS:
        raise CaseError(f"`lang` doit valoir {' ou '.join(LANGS)}, pas {record['lang']!r}")
    if record["category"] not in CATEGORIES:
        raise CaseError(f"`category` inconnue {record['category']!r} (attendu : {', '.join(CATEGORIES)})")
    groups = record.get("must_mention", [])
    if not isinstance(groups, list) or not all(isinstance(g, list) and g for g in groups):
        raise CaseError("`must_mention` doit être une liste de groupes non vides (listes d'expressions)")
    for group in groups:
        _patterns(group, "must_mention")
    history = record.get("history") or []
    if not isinstance(history, list) or not all(
        isinstance(t, dict) and t.get("role") in ("user", "assistant") and isinstance(t.get("content"), str)
        for t in history
    ):
        raise CaseError('`history` doit être une liste de {"role": "user"|"assistant", "content": "..."}')
    expected = record.get("expected_status")
    if expected is not None and expected not in STATUSES:
        raise CaseError(f"`expected_status` inconnu {expected!r} (attendu : {', '.join(STATUSES)})")
    return Case(
        id=record["id"],
        question=record["question"],
        lang=record["lang"],
        category=record["category"],
        gold_quotes=_strings(record.get("gold_quotes", []), "gold_quotes"),
        must_mention=groups,
        must_not_mention=_patterns(record.get("must_not_mention") or [], "must_not_mention"),
        history=history,
        expected_status=expected,
        line=line,
    )


def parse_conversation(record: dict, line: int = 0) -> list[Case]:
    """A conversation's turns as Cases, in order (`conversation`, `turn` set; their history is the bot's own answers,
    filled in by the runner)."""
    turns = record.get("turns")
    if not isinstance(turns, list) or not turns:
        raise CaseError("`turns` doit être une liste non vide de tours")
    if not isinstance(record.get("id"), str) or not record["id"].strip():
        raise CaseError("`id` doit être une chaîne non vide")
    cases = []
    for number, turn in enumerate(turns, start=1):
        if not isinstance(turn, dict):
            raise CaseError(f"tour {number} : un objet JSON est attendu")
        fields = {"lang": record.get("lang", "fr"), **turn, "id": f"{record['id']}#{number}"}
        fields.pop("history", None)
        try:
            case = parse_case(fields, line)
        except CaseError as error:
            raise CaseError(f"tour {number} : {error}") from None
        cases.append(
            Case(
                **{
                    **case.__dict__,
                    "conversation": record["id"],
                    "turn": number,
                    "new_topic": bool(turn.get("new_topic")),
                }
            )
        )
    return cases


def read_cases(lines) -> tuple[list[Case], list[FormatProblem]]:
    """The valid cases of JSONL lines and a problem for each line that is not; blank lines are skipped.
    A line with `turns` is a conversation: each of its turns becomes a case."""
    cases: list[Case] = []
    problems: list[FormatProblem] = []
    seen: dict[str, int] = {}
    for number, text in enumerate(lines, start=1):
        if not text.strip():
            continue
        try:
            record = json.loads(text)
            parsed = (
                parse_conversation(record, number)
                if isinstance(record, dict) and "turns" in record
                else [parse_case(record, number)]
            )
        except json.JSONDecodeError as error:
            problems.append(FormatProblem(number, f"JSON invalide ({error.msg}, colonne {error.colno})"))
            continue
        except CaseError as error:
            problems.append(FormatProblem(number, str(error)))
            continue
        if parsed[0].id in seen:
            problems.append(FormatProblem(number, f"`id` {parsed[0].id!r} déjà utilisé ligne {seen[parsed[0].id]}"))
            continue
        for case in parsed:
            seen[case.id] = number
        cases.extend(parsed)
    return cases, problems


def load_cases(path: Path | str) -> tuple[list[Case], list[FormatProblem]]:
    """The valid cases of a set file and the problems of its malformed lines."""
    with open(path, encoding="utf-8") as stream:
        return read_cases(stream)


def split_name(path: Path | str) -> str:
    """Which split a set file is: 'dev', 'test', or the file's own name."""
    return Path(path).stem
