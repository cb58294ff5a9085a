"""Patients' feedback on answers, in SQLite; exported as eval-set cases for staff to complete."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path

from bot.answer import Answer

# Eval-set category an answer's status suggests; staff correct it when they turn feedback into a case.
CATEGORY_OF_STATUS = {
    "answered": "answerable",
    "out_of_scope": "out_of_scope",
    "urgent": "urgent",
    "refused": "adversarial",
}

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    rating INTEGER NOT NULL,          -- 1 thumbs up, -1 thumbs down
    comment TEXT NOT NULL DEFAULT '',
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    status TEXT NOT NULL,
    lang TEXT NOT NULL,
    citations TEXT NOT NULL,          -- JSON list of the answer's citations
    settings TEXT NOT NULL,           -- JSON of the public settings that produced the answer
    history TEXT NOT NULL DEFAULT '[]'  -- JSON of the earlier turns, for follow-ups
)
"""


class FeedbackStore:
    """Feedback rows in one SQLite file; safe to share between the app's threads."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        with self._connect() as db:
            db.execute(_SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=10)
        db.row_factory = sqlite3.Row
        return db

    def record(
        self,
        answer: Answer,
        rating: int,
        comment: str = "",
        settings: dict | None = None,
        history: list[dict] | None = None,
        feedback_id: int | None = None,
    ) -> int:
        """Store (or, given its id, update) a rating of an answer; returns the row id."""
        if rating not in (1, -1):
            raise ValueError("rating must be 1 or -1")
        comment = (comment or "").strip()[:4000]
        with self._lock, self._connect() as db:
            if feedback_id is not None:
                updated = db.execute(
                    "UPDATE feedback SET rating = ?, comment = ? WHERE id = ?", (rating, comment, feedback_id)
                )
                if updated.rowcount:
                    return feedback_id
            cursor = db.execute(
                "INSERT INTO feedback (created_at, rating, comment, question, answer, status, lang, citations, settings, history)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                    rating,
                    comment,
                    answer.question,
                    answer.answer,
                    answer.status,
                    answer.lang,
                    json.dumps(answer.citations_full(), ensure_ascii=False),
                    json.dumps(settings or {}, ensure_ascii=False),
                    json.dumps(history or [], ensure_ascii=False),
                ),
            )
            return int(cursor.lastrowid)

    def rows(self, limit: int = 500) -> list[dict]:
        """The latest feedback first, JSON columns decoded."""
        with self._connect() as db:
            found = db.execute("SELECT * FROM feedback ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
        rows = []
        for row in found:
            record = dict(row)
            for column in ("citations", "settings", "history"):
                record[column] = json.loads(record[column])
            rows.append(record)
        return rows

    def as_eval_cases(self, only_negative: bool = False) -> list[dict]:
        """Feedback in the eval-set format; gold quotes start as the cited excerpts of a liked answer."""
        cases = []
        for row in reversed(self.rows(limit=100_000)):
            if only_negative and row["rating"] > 0:
                continue
            # A liked answer's cited sentences are a first guess at the gold quotes; staff check them.
            cited = (
                [part for c in row["citations"] for part in c["excerpt"].split(" […] ")] if row["rating"] > 0 else []
            )
            case = {
                "id": f"feedback-{row['id']:05d}",
                "question": row["question"],
                "lang": row["lang"] if row["lang"] in ("fr", "en") else "fr",
                "category": CATEGORY_OF_STATUS.get(row["status"], "answerable"),
                "gold_quotes": cited,
                "must_mention": [],
                "history": row["history"],
                "feedback": {
                    "rating": row["rating"],
                    "comment": row["comment"],
                    "status": row["status"],
                    "answer": row["answer"],
                    "created_at": row["created_at"],
                },
            }
            if row["status"] == "refused":
                case["expected_status"] = "refused"
            cases.append(case)
        return cases

    def export_jsonl(self, path: Path, only_negative: bool = False) -> int:
        """Write the feedback as eval cases, one JSON object a line; returns how many."""
        cases = self.as_eval_cases(only_negative)
        Path(path).write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases), encoding="utf-8")
        return len(cases)
