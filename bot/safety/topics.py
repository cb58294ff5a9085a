"""The corpus's medicines and practices as a patient names them, misspellings included."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from bot.intents import knowledge
from bot.text import normalize

# What the corpus is about: its medicines and practices by family, brand names and misspellings
# included (bot/safety.yaml `topics`); a question naming none of them needs strong lexical evidence.
WORD = re.compile(r"[a-z0-9]+")


def topics_named(text: str) -> set[str]:
    """The corpus topic families a text names, misspellings included.

    >>> sorted(topics_named("c koi les effets du roacutan ? et la mezotherapie ?"))
    ['isotretinoine', 'mesotherapie']
    """
    folded = normalize(text)
    found = set()
    for family, short in knowledge()["topic_abbreviations"].items():
        if re.search(r"\b(" + "|".join(short) + r")\b", folded):
            found.add(family)
    for family, phrases in knowledge().get("topic_phrases", {}).items():
        if any(re.search(p, folded) for p in phrases):
            found.add(family)
    for word in {w for w in WORD.findall(folded) if len(w) >= 6}:
        for family, terms in knowledge()["topics"].items():
            if family not in found and any(_close(word, term) for term in terms):
                found.add(family)
    return found


def _close(word: str, term: str) -> bool:
    # a misspelling keeps its first letter: "roacutan" is Roaccutane, "cutane" (cutaneous) is not Accutane
    return word == term or (len(term) >= 6 and word[0] == term[0] and SequenceMatcher(None, word, term).ratio() >= 0.8)


def names_topic(text: str) -> bool:
    """Whether a text names one of the corpus's medicines or practices, misspellings included.

    >>> names_topic("c koi les effets du roacutan ?"), names_topic("Doliprane et fièvre ?")
    (True, False)
    """
    return bool(topics_named(text))
