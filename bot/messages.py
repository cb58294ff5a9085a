"""Patient-facing texts, kept as data in messages.yaml (French and English)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

_FILE = Path(__file__).with_name("messages.yaml")


@lru_cache(maxsize=1)
def _all() -> dict:
    return yaml.safe_load(_FILE.read_text(encoding="utf-8"))


def message(key: str, lang: str = "fr", **values) -> str:
    """The text `key` in `lang` (French when the language is unknown), placeholders filled."""
    texts = _all()
    text = texts.get(lang, texts["fr"]).get(key) or texts["fr"][key]
    return text.format(**values) if values else text
