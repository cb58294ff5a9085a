"""Split cleaned documents into chunks that follow their sections and paragraphs."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from bot.cleaning import Block
from bot.documents import Document

_NUMBERED_HEADING = re.compile(r"^\d{1,2}\.(?:\d{1,2}\.?)*\s")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-Ý«\"(])")


@dataclass(frozen=True)
class Chunk:
    """A retrievable passage of one document, located by offsets in its cleaned text."""

    chunk_id: str
    source: str
    title: str
    section: str
    page: int | None
    start: int
    end: int
    text: str

    @property
    def context(self) -> str:
        """The document title and section, as a first line put before the passage (or its sentences) when embedding."""
        context = " — ".join(part for part in (self.title, self.section) if part)
        return f"{context}\n" if context else ""

    @property
    def search_text(self) -> str:
        """What is embedded and indexed: the passage with its document and section context."""
        return self.context + self.text

    def metadata(self) -> dict:
        return {
            "source": self.source,
            "title": self.title,
            "section": self.section,
            "page": self.page if self.page is not None else -1,
            "start": self.start,
            "end": self.end,
        }

    @classmethod
    def from_metadata(cls, chunk_id: str, text: str, meta: dict) -> Chunk:
        page = meta.get("page", -1)
        return cls(
            chunk_id=chunk_id,
            source=meta["source"],
            title=meta.get("title", ""),
            section=meta.get("section", ""),
            page=None if page is None or page < 0 else int(page),
            start=int(meta.get("start", 0)),
            end=int(meta.get("end", 0)),
            text=text,
        )


def chunk_id(source: str, text: str) -> str:
    """Stable id: a hash of the document name and the passage text."""
    return hashlib.sha256(f"{source}\n{text}".encode()).hexdigest()[:20]


def _split_long(block: Block, max_chars: int) -> list[Block]:
    """Cut a block longer than max_chars at sentence ends."""
    if block.end - block.start <= max_chars:
        return [block]
    pieces, start = [], 0
    cuts = [m.start() for m in _SENTENCE_END.finditer(block.text)] + [len(block.text)]
    last_cut = 0
    for cut in cuts:
        if cut - start > max_chars and last_cut > start:
            pieces.append((start, last_cut))
            start = last_cut + 1
        last_cut = cut
    pieces.append((start, len(block.text)))
    return [
        Block(block.kind, block.text[a:b].strip(), block.start + a, block.start + b, block.page)
        for a, b in pieces
        if block.text[a:b].strip()
    ]


def _section_names(blocks: tuple[Block, ...]) -> list[str]:
    """The section each block belongs to; a numbered heading ("2.1 Médicament X")
    is the parent of the unnumbered headings under it."""
    names, parent, section = [], "", ""
    for block in blocks:
        if block.kind == "heading":
            if _NUMBERED_HEADING.match(block.text):
                parent = section = block.text
            else:
                section = f"{parent} › {block.text}" if parent else block.text
        names.append(section)
    return names


def chunk_document(document: Document, target_chars: int = 800, min_chars: int = 200) -> list[Chunk]:
    """Group a document's blocks into chunks of about target_chars.

    A heading closes the running chunk, unless that chunk is a stub shorter than
    min_chars; a chunk's section names every section its text comes from.
    """
    groups: list[list[tuple[str, Block]]] = []
    current: list[tuple[str, Block]] = []
    for section, block in zip(_section_names(document.blocks), document.blocks):
        if block.kind == "heading":
            stub = current and sum(b.end - b.start for _, b in current) < min_chars
            if stub and groups and groups[-1][-1][0] == current[0][0]:
                groups[-1].extend(current)  # a section's last short paragraph stays with it
                current = []
            elif current and not stub:
                groups.append(current)
                current = []
            continue
        for piece in _split_long(block, target_chars):
            if current and piece.end - current[0][1].start > target_chars:
                groups.append(current)
                current = []
            current.append((section, piece))
    if current:
        groups.append(current)

    chunks = []
    for group in groups:
        start, end = group[0][1].start, group[-1][1].end
        text = document.text[start:end]
        sections = list(dict.fromkeys(section for section, _ in group if section))
        sections = [s for i, s in enumerate(sections) if not any(t.startswith(s) for t in sections[i + 1 :])]
        chunks.append(
            Chunk(
                chunk_id=chunk_id(document.source, text),
                source=document.source,
                title=document.title,
                section=" / ".join(sections),
                page=group[0][1].page,
                start=start,
                end=end,
                text=text,
            )
        )
    return chunks


def section_leads(chunks: list[Chunk]) -> set[str]:
    """The ids of the chunks that open a section: the first of each document's section."""
    first: dict[tuple[str, str], Chunk] = {}
    for chunk in chunks:
        key = (chunk.source, chunk.section)
        if chunk.section and (key not in first or chunk.start < first[key].start):
            first[key] = chunk
    return {chunk.chunk_id for chunk in first.values()}
