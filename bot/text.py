"""French-first text helpers: normalisation for matching and tokens for lexical search."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import yaml

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "´": "'", "`": "'"})
_HYPHEN_BREAK = re.compile(r"(\w)-\s*\n\s*(\w)")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[a-z0-9]+")

# French stop words (accent-folded), plus the commonest English ones so that
# English questions are not drowned in function words, and the SMS spellings of
# French ones ("c koi", "pk", "jsuis").
STOP_WORDS = frozenset(
    """
    a afin ai aie aient aies ait alors as au aucun aucune aupres auquel aura aurai auraient
    aurais aurait auras aurez auriez aurions aurons auront aussi autre autres aux auxquelles
    auxquels avaient avais avait avant avec avez aviez avions avoir avons ayant ayez ayons
    c ca car ce ceci cela celle celles celui cependant certain certaine certaines certains ces
    cet cette ceux chaque chez ci comme comment d dans de des deja depuis dont du donc elle
    elles en encore entre es est et etaient etais etait etant ete etes etiez etions etre eu
    eue eues eurent eus eusse eut eux fait faut fois furent fut ici il ils j je jusqu
    jusque l la laquelle le lequel les lesquelles lesquels leur leurs lors lorsque lui m ma
    mais me meme memes mes moi mon n ne ni nos notre nous on ont ou par parce pas peu peut
    peuvent plus pour pourquoi puis qu quand que quel quelle quelles quels qui quoi s sa
    sans se sera serai seraient serais serait seras serez seriez serions serons seront ses
    si soi soient sois soit sommes son sont sous suis sur t ta te tes toi ton tous tout
    toute toutes tres tu un une unes uns vers voici voila vos votre vous y
    the of and or to in on for is are was were be been being what which who whom how
    when where why do does did can could should would will with about from at by as an
    it its this that these those my your i me you he she we they them there than then
    koi kwa cest ke ki kel kele kelle kels keske pk pq pkoi pourkoi stp svp jsuis chui g ya
    """.split()
)


def fold_accents(text: str) -> str:
    """Remove diacritics: 'pédiatrique' -> 'pediatrique'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("œ", "oe").replace("æ", "ae")


def normalize(text: str) -> str:
    """The matching form shared by retrieval, safety and evals.

    Lower case, accents removed, typographic apostrophes folded, hyphenated line
    breaks joined, white space collapsed.

    >>> normalize("L’arth-\\nrose  Sévère")
    "l'arthrose severe"
    """
    text = _HYPHEN_BREAK.sub(r"\1\2", text.translate(_APOSTROPHES))
    return _SPACES.sub(" ", fold_accents(text).lower()).strip()


@lru_cache(maxsize=1)
def _french_stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("french")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Snowball French stem of an accent-folded word."""
    return _french_stemmer().stemWord(word)


def words(text: str) -> list[str]:
    """Accent-folded lower-case words of a text, stop words removed."""
    return [w for w in _WORD.findall(normalize(text)) if w not in STOP_WORDS]


def tokens(text: str) -> list[str]:
    """Lexical-search tokens: normalised, stop words removed, French-stemmed."""
    return [stem(w) for w in words(text)]


SYNONYMS_FILE = Path(__file__).with_name("synonyms.yaml")


@lru_cache(maxsize=1)
def _written() -> dict[str, list[str]]:
    """bot/synonyms.yaml as written: a patient's word -> the documents' words for it."""
    return yaml.safe_load(SYNONYMS_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _listed() -> dict[str, list[str]]:
    """bot/synonyms.yaml, normalised."""
    return {normalize(word): [normalize(other) for other in others] for word, others in _written().items()}


def synonyms_of(word: str) -> list[str]:
    """The documents' words for a patient's word, normalised ("hair" -> ["cheveux"]); [] when none is listed."""
    return _listed().get(normalize(word), [])


@lru_cache(maxsize=1)
def _listed_by_stem() -> dict[str, list[str]]:
    """The documents' words as written (bot/synonyms.yaml), by the stem of the patient's word."""
    found: dict[str, list[str]] = {}
    for word, others in _written().items():
        for key in tokens(word):
            listed = found.setdefault(key, [])
            listed.extend(other for other in others if other not in listed)
    return found


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, frozenset[str]]:
    """The same as stems."""
    return {key: frozenset(t for other in others for t in tokens(other)) for key, others in _listed_by_stem().items()}


def expansion_words(text: str) -> list[str]:
    """The documents' words for a text's words (bot/synonyms.yaml) that the text lacks, to add to a search query.

    >>> expansion_words("mes bleus après les piqûres")
    ['hématomes', 'injection']
    """
    asked = tokens(text)
    have, extra = set(asked), []
    for stem_ in asked:
        for other in _listed_by_stem().get(stem_, []):
            stems = set(tokens(other))
            if not stems <= have:
                extra.append(other)
                have |= stems
    return extra


def shared_words(asked: set[str], found: set[str]) -> int:
    """How many of the asked stems a text holds, each itself or through a synonym (bot/synonyms.yaml).

    >>> shared_words(set(tokens("risques psychiatriques")), set(tokens("symptômes dépressifs")))
    1
    """
    synonyms = _synonyms()
    return sum(1 for word in asked if word in found or synonyms.get(word, frozenset()) & found)


_ENGLISH_HINTS = frozenset(
    "the what which who how when why is are was can could should does do my your i you it this "
    "with without about risk risks pregnant pregnancy take taking side effects treatment".split()
)
_FRENCH_HINTS = frozenset(
    "le la les des du un une est sont que qui quoi quel quels quelle quelles comment pourquoi je tu "
    "il elle on nous vous mon ma mes et ou avec sans pour pendant risque risques grossesse enceinte "
    "traitement effets prendre peut c koi ke jsuis jai".split()
)


def detect_language(text: str) -> str:
    """'en' when a text reads as English, else 'fr' (French is the default)."""
    found = _WORD.findall(normalize(text))
    english = sum(w in _ENGLISH_HINTS for w in found)
    french = sum(w in _FRENCH_HINTS for w in found)
    return "en" if english > french else "fr"


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence or list item of a passage, white space trimmed.

    >>> sentence_spans("Un. Deux ?\\n- trois")
    [(0, 3), (4, 10), (13, 18)]
    """
    spans = []
    for line_match in re.finditer(r"[^\n]+", text):
        line_start = line_match.start()
        line = line_match.group()
        if line.startswith("- "):
            line_start += 2
            line = line[2:]
        for m in re.finditer(r".+?(?:[.!?](?=\s+[A-ZÀ-ÖØ-Ý«(\"])|$)", line):
            piece = m.group()
            lead = len(piece) - len(piece.lstrip())
            start, end = line_start + m.start() + lead, line_start + m.start() + len(piece.rstrip())
            if end - start >= 3:
                spans.append((start, end))
    return spans
