"""Load the source documents of the corpus folder: .txt, .md, .pdf and .html.

A document that cannot be loaded is reported with its reason and skipped, so one
corrupt file never stops the others from being indexed.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.cleaning import CleanText, clean, table_row

SUPPORTED_SUFFIXES = (".txt", ".md", ".pdf", ".html", ".htm")
METADATA_FILE = "sources.yaml"
_TEXT_ENCODINGS = ("utf-8-sig", "cp1252")


class LoadError(Exception):
    """A document could not be read; the message says why, in plain words."""


@dataclass(frozen=True)
class Document:
    """One cleaned source document with its metadata."""

    source: str  # file name inside the corpus folder
    title: str
    text: str
    blocks: tuple = ()
    publisher: str = ""
    date: str = ""
    doc_type: str = ""
    url: str = ""
    topics: tuple[str, ...] = ()
    content_hash: str = ""
    examples: tuple[str, ...] = ()  # example patient questions staff gave in sources.yaml


@dataclass
class LoadReport:
    documents: list[Document] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (file name, reason)


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    for encoding in _TEXT_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise LoadError("encodage de texte inconnu (ni UTF-8 ni Windows-1252)")


def _read_pdf(path: Path) -> str:
    from pypdf.errors import PdfReadError

    from bot.pdf import read_pdf

    try:
        return read_pdf(path)
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        raise LoadError(f"PDF illisible ou corrompu ({error.__class__.__name__}: {error})") from error


_BOILERPLATE_TAGS = (
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "svg",
    "button",
)


def _read_html(path: Path) -> tuple[str, str]:
    """Main text of a saved web page, as lines the cleaner understands, and its title."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(_read_text(path), "html.parser")
    title = (soup.title.get_text(" ", strip=True) if soup.title else "") or ""
    for tag in soup(_BOILERPLATE_TAGS):
        tag.decompose()
    for tag in soup.select(
        '[class*="cookie"], [id*="cookie"], [class*="breadcrumb"], [class*="share"], [role="navigation"]'
    ):
        tag.decompose()
    root = soup.find("main") or soup.find("article") or soup.body or soup
    heading = root.find("h1")
    if heading:
        title = heading.get_text(" ", strip=True)
    lines: list[str] = []
    for element in root.find_all(["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "tr", "pre", "blockquote"]):
        if element.find_parent(["li", "p", "td", "th", "blockquote"]) is not None and element.name != "li":
            continue
        if element.name == "tr":  # a table's row, read with its columns' headings (bot.cleaning.table_row)
            cells = [re.sub(r"\s+", " ", c.get_text(" ", strip=True)) for c in element.find_all(["td", "th"])]
            table = element.find_parent("table")
            first = table.find("tr") if table is not None else None
            if element is first and first.find("th") is not None:
                continue  # the headings row
            header = [h.get_text(" ", strip=True) for h in first.find_all("th")] if first is not element else []
            if row := table_row(cells, header):
                lines.append(row)
            continue
        text = re.sub(r"\s+", " ", element.get_text(" ", strip=True))
        if not text:
            continue
        if element.name.startswith("h"):
            lines.append(f"\n# {text}\n")
        elif element.name == "li":
            lines.append(f"- {text}")
        else:
            lines.append(f"\n{text}\n")
    return "\n".join(lines), title


def _metadata(corpus_dir: Path) -> dict[str, dict]:
    path = corpus_dir / METADATA_FILE
    if not path.exists():
        return {}
    loaded = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(name): dict(meta or {}) for name, meta in loaded.items()}


def _title_from_name(path: Path) -> str:
    return re.sub(r"[_-]+", " ", path.stem).strip().capitalize()


def _own_title(title: str) -> str:
    """The title a document marks for itself, in sentence case when it is written in capitals."""
    return title.capitalize() if title.isupper() else title


def load_document(path: Path, meta: dict | None = None) -> Document:
    """Load and clean one file; raises LoadError with the reason when it cannot."""
    meta = meta or {}
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise LoadError(f"format non pris en charge ({suffix or 'sans extension'})")
    html_title = ""
    if suffix == ".pdf":
        raw = _read_pdf(path)
    elif suffix in (".html", ".htm"):
        raw, html_title = _read_html(path)
    else:
        raw = _read_text(path)
    cleaned: CleanText = clean(raw)
    if len(cleaned.text.strip()) < 20:
        raise LoadError("document vide ou sans texte extractible (PDF scanné ?)")
    return Document(
        source=path.name,
        title=str(meta.get("title") or html_title or _own_title(cleaned.title) or _title_from_name(path)),
        text=cleaned.text,
        blocks=cleaned.blocks,
        publisher=str(meta.get("publisher") or ""),
        date=str(meta.get("date") or ""),
        doc_type=str(meta.get("doc_type") or ""),
        url=str(meta.get("url") or ""),
        topics=tuple(str(t) for t in meta.get("topics") or ()),
        examples=tuple(str(q) for q in meta.get("examples") or ()),
        content_hash=hashlib.sha256(path.read_bytes()).hexdigest()[:16],
    )


def corpus_files(corpus_dir: Path) -> list[Path]:
    """The files of the corpus folder that are documents (not the metadata file)."""
    return sorted(
        p for p in corpus_dir.iterdir() if p.is_file() and p.name != METADATA_FILE and not p.name.startswith(".")
    )


def load_corpus(corpus_dir: Path) -> LoadReport:
    """Load every document of a folder; failures are collected, not raised."""
    report = LoadReport()
    if not corpus_dir.is_dir():
        report.failures.append((str(corpus_dir), "dossier du corpus introuvable"))
        return report
    metadata = _metadata(corpus_dir)
    for path in corpus_files(corpus_dir):
        if path.name.lower().endswith(("readme.md",)):
            continue
        try:
            report.documents.append(load_document(path, metadata.get(path.name)))
        except LoadError as error:
            report.failures.append((path.name, str(error)))
        except Exception as error:  # a loader bug must not stop the other documents
            report.failures.append((path.name, f"erreur inattendue: {error.__class__.__name__}: {error}"))
    return report
