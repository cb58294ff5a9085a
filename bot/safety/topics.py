"""The corpus's medicines and practices as a patient names them, read from the corpus profile."""

from __future__ import annotations

import re

from bot.profile import CorpusProfile

WORD = re.compile(r"[a-z0-9]+")


def topics_named(text: str, profile: CorpusProfile) -> set[str]:
    """The corpus terms a text names, misspellings included (terms found in most documents, such as the
    publisher's name, say nothing of a topic and are left out)."""
    return {t for t in profile.terms_named(text) if t not in profile.everywhere()}


def names_topic(text: str, profile: CorpusProfile) -> bool:
    """Whether a text names one of the corpus's medicines, products, conditions or practices."""
    return bool(topics_named(text, profile))
