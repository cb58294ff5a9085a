"""The text of a PDF with the structure its layout shows: headings (lines set larger than the body text, or in bold
when it is not) written as Markdown headings, and the rows of a table as list items ("- cell : cell"), so the cleaner
and the chunker see sections and rows instead of a run of short lines.

pypdf's text visitor gives each run of text with its font and position; the page text itself is pypdf's own, and a
line is rewritten only where the runs say how.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from bot.cleaning import PAGE_BREAK

_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]{3,}")
_SAME_ROW = 2.5  # points: cells of one table row start at the same height, give or take this
_COLUMN_GAP = 40  # points: table columns stand at least this far apart
_ROW_GAP = 80  # points: rows further apart than this belong to different tables


@dataclass
class Line:
    """A line, or a run of text drawn apart on it (a table cell): its text, the styles of its words (bold, size) and
    where it starts."""

    text: str
    styles: list[tuple[bool, float]]
    x: float
    y: float


def read_pdf(path: Path) -> str:
    """The text of each page, joined by form feeds, headings and table rows marked."""
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    pages, pieces = [], []
    for page in reader.pages:
        runs: list[tuple[str, str, float, float, float]] = []
        pages.append(page.extract_text(visitor_text=_collector(runs)) or "")
        pieces.append(_pieces(runs))
    body = _body_style([piece for page_pieces in pieces for piece in page_pieces])
    return PAGE_BREAK.join(
        _mark_headings(_mark_tables(text, page_pieces), _headings(_lines(page_pieces), body))
        for text, page_pieces in zip(pages, pieces)
    )


def _collector(runs: list):
    """A pypdf text visitor keeping each run of text with its font name, size and position on the page."""

    def visit(text, cm, tm, font_dict, font_size):
        if text and tm and cm:
            scale = abs(tm[0]) if tm[0] else 1.0
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            font = str((font_dict or {}).get("/BaseFont", ""))
            runs.append((text, font, round(float(font_size) * scale, 1), x, y))

    return visit


def _pieces(runs: list) -> list[Line]:
    """Each run of text that holds a word, with its style and position (a bullet glyph alone is dropped)."""
    return [
        Line(" ".join(text.split()), [(bool(_BOLD_FONT.search(font)), size)], x, y)
        for text, font, size, x, y in runs
        if _WORD.search(text)
    ]


def _lines(pieces: list[Line]) -> list[Line]:
    """The pieces drawn one after the other at the same height, joined into lines."""
    lines: list[Line] = []
    for piece in pieces:
        if lines and abs(lines[-1].y - piece.y) <= _SAME_ROW:
            last = lines[-1]
            lines[-1] = Line(f"{last.text} {piece.text}", last.styles + piece.styles, last.x, last.y)
        else:
            lines.append(piece)
    return lines


def _body_style(pieces: list[Line]) -> tuple[bool, float]:
    """The style most of the text is set in (bold or not, size): the body text's."""
    weights: dict[tuple[bool, float], int] = {}
    for piece in pieces:
        for style in piece.styles:
            weights[style] = weights.get(style, 0) + len(piece.text) // len(piece.styles)
    return max(weights, key=weights.get) if weights else (False, 0.0)


def _headings(lines: list[Line], body: tuple[bool, float]) -> dict[str, float]:
    """The lines of a page set wholly in a heading style (larger than the body text, or bold when it is not), each
    with its size. A line of more than 120 characters is text whatever its style."""
    body_bold, body_size = body
    return {
        line.text: max(size for _, size in line.styles)
        for line in lines
        if len(line.text) <= 120
        and all(size > body_size * 1.1 or (bold and not body_bold and size >= body_size) for bold, size in line.styles)
    }


def _mark_headings(text: str, sizes: dict[str, float]) -> str:
    """The page text with its heading lines written "## heading". A heading wrapped over lines of the same size (a long
    title) is joined into one; a sentence set in bold (it ends with a full stop, or goes on in plain text) stays text."""
    lines = text.split("\n")
    folded = [" ".join(line.split()) for line in lines]
    styled = [sizes.get(line) for line in folded]
    marked, i = [], 0
    while i < len(lines):
        j = i + 1
        if styled[i] is not None:
            while j < len(lines) and styled[j] == styled[i]:
                j += 1
        joined = " ".join(folded[i:j])
        following = lines[j].lstrip()[:1] if j < len(lines) else ""
        if styled[i] is None or re.search(r"[^.][.;]$", joined) or following.islower() or following == "(":
            marked.extend(lines[i:j])
        else:
            marked.append("## " + joined)
        i = j
    return "\n".join(marked)


def _tables(pieces: list[Line]) -> list[tuple[list[str], list[str]]]:
    """The tables of a page: each as the texts of its lines and its rows written as list items ("- cell : cell").

    A row starts where lines start at the same height in at least two columns, `_COLUMN_GAP` apart or more, not in
    lower case; rows one under the other (less than `_ROW_GAP` apart) with the same columns make a table. A line in
    one of its columns, below a row's top and above the next row's, carries on that row's cell (a cell wrapped onto
    two lines), whatever order the PDF draws them in."""
    heights: dict[float, list[Line]] = {}
    for line in pieces:
        top = next((y for y in heights if abs(y - line.y) <= _SAME_ROW), line.y)
        heights.setdefault(top, []).append(line)
    anchors = []  # (top, columns) of the rows, from the top of the page down
    for top in sorted(heights, reverse=True):
        xs = sorted(line.x for line in heights[top])
        # a row's cells start with a capital or a digit; lines that all start in lower case carry on the row above
        starts = all(not line.text[:1].islower() for line in heights[top])
        if len(xs) >= 2 and all(b - a >= _COLUMN_GAP for a, b in zip(xs, xs[1:])) and starts:
            anchors.append((top, xs))
    tables, group = [], []
    for anchor in anchors + [None]:
        if (
            anchor is not None
            and group
            and _same_columns(group[-1][1], anchor[1])
            and group[-1][0] - anchor[0] < _ROW_GAP
        ):
            group.append(anchor)
            continue
        if len(group) >= 2:
            tables.append(_table(pieces, group))
        group = [anchor] if anchor is not None else []
    return tables


def _same_columns(a: list[float], b: list[float]) -> bool:
    return len(a) == len(b) and all(abs(x - y) <= _SAME_ROW for x, y in zip(a, b))


def _table(pieces: list[Line], anchors: list[tuple[float, list[float]]]) -> tuple[list[str], list[str]]:
    """The lines and rows of one table, from the tops and columns of its rows."""
    columns = anchors[0][1]
    tops = [top for top, _ in anchors]
    height = max(a - b for a, b in zip(tops, tops[1:]))
    bottoms = tops[1:] + [tops[-1] - height]
    cells: list[dict[int, list[Line]]] = [{} for _ in anchors]
    members = []
    for line in pieces:
        column = next((n for n, x in enumerate(columns) if abs(line.x - x) <= _SAME_ROW), None)
        row = next(
            (n for n, (top, bottom) in enumerate(zip(tops, bottoms)) if bottom < line.y <= top + _SAME_ROW), None
        )
        if column is not None and row is not None:
            cells[row].setdefault(column, []).append(line)
            members.append(line.text)
    items = [
        "- " + " : ".join(" ".join(line.text for line in sorted(row[c], key=lambda line: -line.y)) for c in sorted(row))
        for row in cells
    ]
    return members, items


def _mark_tables(text: str, pieces: list[Line]) -> str:
    """The page text with each table's lines replaced by its rows, where pypdf's text holds the table's words together
    (its cells in any order, some on one line); otherwise the text is left as it is."""
    page = text.split("\n")
    for drawn, items in _tables(pieces):
        wanted = sorted(" ".join(drawn).split())
        for at in range(len(page)):
            words: list[str] = []
            for end in range(at, len(page)):
                words += page[end].split()
                if len(words) >= len(wanted):
                    break
            if sorted(words) == wanted:
                page[at : end + 1] = [*items, ""]  # a blank line: the text after the table is no part of its last row
                break
    return "\n".join(page)
