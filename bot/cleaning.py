"""Turn extracted PDF/web text into clean blocks: paragraphs, headings and list items.

Extraction leaves hard line breaks, words hyphenated across lines and page
furniture. The cleaner rebuilds paragraphs and keeps the structure that the
chunker needs, recording where each block sits in the cleaned text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

VERSION = 11  # raised when cleaning or extraction changes: indexes built by another version are rebuilt
PAGE_BREAK = "\f"

# a bullet: a dash or dot, a symbol font's glyph (private use area), or a control character a PDF left for one
_BULLET = re.compile(r"^(?:[-•·▪◦*o]\s+|[\uf0b7\uf0a7\uf076\uf0d8\uf0fc]\s*|[\x01-\x08\x0e-\x1f\x7f]\s*)")
_NUMBERED = re.compile(r"^\d{1,2}\.(?:\d{1,2}\.?)*\s+(?=\S)")
_PAGE_NUMBER = re.compile(r"^[-–]?\s*(?:page\s*)?\d{1,3}(?:\s*/\s*\d{1,3})?\s*[-–]?$", re.IGNORECASE)
_RULE = re.compile(r"^[_=\-–—*.·]{5,}$")  # a horizontal rule drawn with characters (page separators of extracted text)
# a Markdown (setext) heading's underline: "===" for a title, "---" below it
_UNDERLINE = re.compile(r"^(={3,}|-{3,})$")
_BREAK = re.compile(r"^(?:[-*_]\s*){3,}$")  # a Markdown thematic break ("---", "* * *")
_QUOTE = re.compile(r"^(?:>\s?)+")  # a Markdown block quote's markers ("> IMPORTANT", "> - item")
_LINK_ONLY = re.compile(r"^\[[^\]]*\]\([^)]*\)$")
_QUESTION_HEADING = re.compile(r"^[A-ZÀ-Ö][^.!?:;]{5,85}\?$")  # a short question standing as a line: a heading
_END_OF_SENTENCE = re.compile(r"[.!?:;»)\]]$")
_JOINING_WORDS = frozenset(
    "a à au aux avec de des du d dans en et l la le les ou par pour sur un une que qui ne".split()
)


@dataclass(frozen=True)
class Block:
    """One structural unit of a cleaned document, located by offsets in its text."""

    kind: str  # "heading", "paragraph" or "item"
    text: str
    start: int
    end: int
    page: int | None = None


@dataclass(frozen=True)
class CleanText:
    text: str
    blocks: tuple[Block, ...]
    title: str = ""  # the document's own title: a "# " heading, an "===" underlined line, or its first title-like lines


def _normalise_spaces(line: str) -> str:
    return re.sub(r"[ \t\u00a0\u2009\u202f]+", " ", line).strip()


def _is_furniture(line: str, repeated: set[str]) -> bool:
    return bool(
        _PAGE_NUMBER.match(line) or _RULE.match(line) or _LINK_ONLY.match(line) or _digits_masked(line) in repeated
    )


def _digits_masked(line: str) -> str:
    """A line with its numbers masked: running headers and footers differ only by the page number."""
    return re.sub(r"\d+", "#", line)


def _repeated_lines(pages: list[list[str]]) -> set[str]:
    """Lines (numbers masked) standing on most pages of a multi-page document: running headers and footers. Text
    extracted without page breaks (a `.txt` saved from a PDF) shows its pages by the same lines coming back: a short
    line found three times or more there is furniture too."""
    if len(pages) == 1:
        lines = [line for line in pages[0] if line]
        if sum(bool(_PAGE_NUMBER.match(line) or _RULE.match(line)) for line in lines) < 2:
            return set()  # no page numbers nor rules: a line coming back is the text's own ("Faux", "Vrai")
        counts = Counter(_digits_masked(line) for line in lines)
        return {line for line, n in counts.items() if n >= 3 and _header_like(line) and not _BULLET.match(line)}
    if len(pages) == 2:
        # two pages: what both open or close with (their first and last lines)
        edges = [{_digits_masked(x) for x in [*page_lines[:3], *page_lines[-3:]]} for page_lines in _filled(pages)]
        return {
            line for line in edges[0] & edges[1] if _header_like(line) and len(re.findall(r"[^\W\d_]{2,}", line)) >= 2
        }
    counts = Counter(line for page in pages for line in {_digits_masked(x) for x in page} if line)
    return {line for line, n in counts.items() if n >= max(3, len(pages) // 2) and _header_like(line)}


def _header_like(line: str) -> bool:
    """Short, and not ending as a sentence does: what a running header or footer looks like."""
    return len(line) < 80 and not re.search(r"[.!?:;]$", line)


def _filled(pages: list[list[str]]) -> list[list[str]]:
    return [[line for line in page if line] for page in pages]


def _is_heading(text: str) -> bool:
    if len(text) > 90 or _END_OF_SENTENCE.search(text) or text.endswith(","):
        return False
    if not (text[0].isupper() or _NUMBERED.match(text)):
        return False
    return len(text.split()) >= 2 or text.isupper()


def _strip_markup(text: str) -> str:
    return re.sub(r"\*\*(.+?)\*\*", r"\1", text).strip()


def _line_kind(original: str, line: str) -> tuple[str, str]:
    """Classify one non-empty line: heading, item, arrow (question heading) or text."""
    if match := re.match(r"^#{1,6}\s+", line):
        return "heading", line[match.end() :]
    if line.startswith("→"):
        return "arrow", line
    if match := _BULLET.match(line):
        item = line[match.end() :]
        if re.fullmatch(r"\*\*[^*]+\*\*", item):
            return "heading", item  # a bold bullet on a web page is a sub-heading
        return "item", item
    if match := _NUMBERED.match(line):
        rest = line[match.end() :]
        # a numbered line that ends with a comma is an item hard-wrapped, not a heading
        if ("." in match.group(0).strip(" .") or not _END_OF_SENTENCE.search(line)) and not line.endswith(","):
            return ("heading", line) if len(line) <= 90 else ("text", line)
        return "item", rest
    if original[:1].isspace() and line[:1].islower():
        return "item", line  # PDF bullets whose glyph was lost leave an indent
    return "text", line


def _raw_units(raw: str) -> tuple[list[tuple[str, str, int | None]], str]:
    """Split raw text into (kind, text, page) units, joining hard-wrapped lines; and the title the text marks."""
    raw_pages = raw.replace("\r\n", "\n").replace("\r", "\n").split(PAGE_BREAK)
    pages = [[_normalise_spaces(line) for line in page.split("\n")] for page in raw_pages]
    repeated = _repeated_lines(pages)
    units: list[list] = []  # [kind, text, page, closed by a blank line, text column]
    title = ""
    for page_no, (raw_page, page) in enumerate(zip(raw_pages, pages), start=1):
        page_ref = page_no if len(pages) > 1 else None
        blank = True  # a blank line (or the page's start) before this one
        for original, line in zip(raw_page.split("\n"), page):
            if not line:
                if units:
                    units[-1][3] = True
                blank = True
                continue
            after_blank, blank = blank, False
            if quote := _QUOTE.match(line):
                line, original = line[quote.end() :], original.lstrip()[quote.end() :]
                if not line:
                    blank = True
                    continue
            if _UNDERLINE.match(line) and units and not after_blank:
                # the line above, underlined, is a heading; underlined with "=", the document's title
                units[-1][0], units[-1][3] = "heading", True
                if line[0] == "=" and not title:
                    title = units[-1][1]
                continue
            if _BREAK.match(line):
                if units:
                    units[-1][3] = True
                blank = True
                continue
            if _is_furniture(line, repeated):
                continue
            kind, text = _line_kind(original.replace("\u2009", " "), line)
            if kind == "heading" and re.match(r"^#\s", line) and not title:
                title = text
            previous = units[-1] if units else None
            if previous and not after_blank and previous[4] is not None and _hangs(original, previous[4]):
                # "  1. Le surdosage ... par une" then "     diarrhée, ..." aligned under the item's text: the item
                # hard-wrapped, whatever the case of its next line ("     Sans prise en charge, ...")
                if previous[0] == "heading" and _NUMBERED.match(previous[1]):
                    previous[0], previous[1] = "item", previous[1][_NUMBERED.match(previous[1]).end() :]
                previous[1] = _join(previous[1], line)
                continue
            if previous and not after_blank and _numbered_item_wrapped(previous, original, line):
                # "1. La dépression respiratoire : ... C'est" then "  le risque le plus grave, ...": the numbered
                # line was an item of a list, hard-wrapped, not a heading
                number = _NUMBERED.match(previous[1])
                if "." in number.group(0).strip(" ."):  # "1.1 Point sur les DPI ... conflits" then "d'intérêt ...":
                    previous[1] = _join(previous[1], line)  # a numbered section's heading, hard-wrapped
                    continue
                previous[0] = "item"
                previous[1] = _join(previous[1][number.end() :], line)
                continue
            if previous and (
                (_cut_mid_sentence(previous[1]) and previous[0] != "heading") or _wrapped_item(previous, original, line)
            ):
                kind, text = "text", line
            if kind == "text" and previous and previous[0] != "heading" and _continues(previous, text):
                previous[1] = _join(previous[1], text)
                previous[3] = False
            else:
                units.append([kind, text, page_ref, kind == "heading", _text_column(original)])
    return [(kind, _strip_markup(text), page) for kind, text, page, *_ in units], _strip_markup(title)


def _text_column(original: str) -> int | None:
    """Where the text of a bulleted or numbered line starts (its hard-wrapped lines align there); None for others."""
    stripped = original.lstrip()
    marker = _BULLET.match(stripped) or _NUMBERED.match(stripped)
    return len(original) - len(stripped) + marker.end() if marker else None


def _hangs(original: str, column: int) -> bool:
    """Whether a line is indented to an item's text column, and is no bullet or number of its own."""
    stripped = original.lstrip()
    indent = len(original) - len(stripped)
    return column >= 3 and abs(indent - column) <= 1 and not (_BULLET.match(stripped) or _NUMBERED.match(stripped))


def _numbered_item_wrapped(previous: list, original: str, line: str) -> bool:
    """Whether a line starting in lower case (or with a bracket) carries on a numbered line taken for a heading: one
    indented, or one after a numbered line cut mid-sentence ("1. Baisse des globules blancs : le" then "corps ne peut
    plus ...", "2. Constipation sévère ... l'occlusion intestinale" then "(blocage de l'intestin), ...")."""
    return (
        previous[0] == "heading"
        and _NUMBERED.match(previous[1]) is not None
        and (line[:1].islower() or line[:1] == "(")
        and (original[:1].isspace() or not _END_OF_SENTENCE.search(previous[1]))
    )


def _wrapped_item(previous: list, original: str, line: str) -> bool:
    """Whether an indented line carries on a long list item hard-wrapped mid-sentence ("1. La dose ... par jour,"
    then "   soit 30 mg par jour au maximum."), not a new item whose bullet glyph was lost (those are short)."""
    text, closed = previous[1], previous[3]
    return (
        previous[0] == "item"
        and not closed
        and len(text) >= 60
        and (text.endswith(",") or text[-1:].isalnum())
        and original[:1].isspace()
        and line[:1].islower()
    )


def _cut_mid_sentence(text: str) -> bool:
    return text.endswith("-") or text.rsplit(" ", 1)[-1].lower() in _JOINING_WORDS


# A dateline: "Publiée le 20 septembre 2026", "Fiche patient – Publié le 12/01/2026 - Mis à jour le 03/03/2026"
_DATELINE = re.compile(
    r"\b(publi[ée]e?s?|mise? à jour|updated|published)\b( le| on)? \d{1,2}(er)?[ /.](\d{1,2}|[^\W\d_]+)[ /.]\d{4}\W*$",
    re.IGNORECASE,
)


def _continues(previous: list, line: str) -> bool:
    """Whether a line carries on the previous unit (hard wrap or split sentence)."""
    text, closed = previous[1], previous[3]
    if _DATELINE.search(text) and len(text) <= 120:
        return False  # a header's date line ends the header: the text after it is no part of it
    if _cut_mid_sentence(text):
        return True
    if previous[0] == "arrow" and text.endswith("?"):
        return False
    if _QUESTION_HEADING.match(line):
        return False  # "À qui s'adresse cette fiche ?" under a title, in a PDF whose lines no blank line separates
    if _END_OF_SENTENCE.search(text):
        return not closed and line[:1].islower()
    return not closed or line[:1].islower()


def _join(text: str, line: str) -> str:
    if re.search(r"\w-$", text) and line[:1].islower():
        return text[:-1] + line
    return f"{text} {line}"


_TABLE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def table_row(cells: list[str], header: list[str]) -> str:
    """A table's row as one list item that reads alone: each cell after its column's heading ("À faire : prendre
    au repas ; À éviter : se coucher juste après"), cells joined when there is no heading; "" for an empty row.

    >>> table_row(["Semaines 1 et 2", "25 mg"], ["Période", "Dose"])
    '- Période : Semaines 1 et 2 ; Dose : 25 mg.'
    """
    cells = [re.sub(r"\*\*|__", "", c).strip() for c in cells]
    if not any(cells):
        return ""
    named = len(header) == len(cells) and all(header)
    parts = [f"{h.rstrip(' :')} : {c}" if named else c for h, c in zip(header if named else cells, cells) if c]
    text = " ; ".join(parts)
    return f"- {text}" + ("" if text.endswith((".", "!", "?")) else ".")


def _tables_as_items(raw: str) -> str:
    """A Markdown table's rows (a "| ... |" heading line, its "|---|" rule, then rows) as list items."""
    lines = raw.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        if _TABLE_ROW.match(lines[i]) and i + 1 < len(lines) and _TABLE_RULE.match(lines[i + 1]):
            header = [c.strip() for c in _TABLE_ROW.match(lines[i]).group(1).split("|")]
            i += 2
            out.append("")
            while i < len(lines) and _TABLE_ROW.match(lines[i]):
                row = table_row([c for c in _TABLE_ROW.match(lines[i]).group(1).split("|")], header)
                if row:
                    out.append(row)
                i += 1
            out.append("")
            continue
        out.append(lines[i])
        i += 1
    return "\n".join(out)


def clean(raw: str) -> CleanText:
    """Clean extracted text into blocks; PAGE_BREAK characters separate pages.

    >>> clean("La pratique (arth-\\nrose, douleurs) est proposée.").text
    'La pratique (arthrose, douleurs) est proposée.'
    """
    parts: list[str] = []
    blocks: list[Block] = []
    offset = 0
    units, title = _raw_units(_tables_as_items(raw))
    for kind, text, page in units:
        if kind == "arrow":
            kind, text = "heading", text.lstrip("→ ").strip()
        elif kind == "text":
            kind = "heading" if _is_heading(text) else "paragraph"
        if not text:
            continue
        separator = "\n" if kind == "item" and blocks and blocks[-1].kind == "item" else "\n\n"
        if parts:
            parts.append(separator)
            offset += len(separator)
        shown = f"- {text}" if kind == "item" else text
        start = offset + (2 if kind == "item" else 0)
        parts.append(shown)
        offset += len(shown)
        blocks.append(Block(kind, text, start, offset, page))
    return CleanText("".join(parts), tuple(blocks), title or _leading_title(raw))


# Lines above or below a title that are not it: the agency's header, the audience, a date or version line.
_HEADER_LINE = re.compile(
    r"^(ansm|agence nationale|et des produits de santé|information|fiche|document|message|mise à jour|version|page)\b"
    r"|destinée?s? (?:aux?|à)\b|^\W*(?:\d{1,2}(?:er)? )?(?:\d{1,2}/\d{1,2}/\d{4}|[^\W\d_]+\.? \d{4})\W*$",
    re.IGNORECASE,
)
# the agency's credit after a title on the same line: "... - ANSM, 9 avril 2025", "... (ANSM, août 2026)"
_CREDIT = re.compile(r"\s*(?:[-–—|,]\s*|\()(?:ansm|information)\b.*$", re.IGNORECASE)
TITLE_WORDS = 30  # a title is a line or two; a first paragraph longer than this is text
LEADING_LINES = 12


def _leading_title(raw: str) -> str:
    """The title of a text that marks none: its first lines that are not header furniture, joined while the title
    wraps (the next line in lower case, or both in capitals), when they read as a title (a few words, no full stop
    or question mark at the end, no section number); "" when the text starts with its prose.

    >>> _leading_title("ANSM - Information patients - mars 2025\\n\\nZOLCAMINE : BIEN L'UTILISER\\nAU QUOTIDIEN\\n\\nTexte.")
    "ZOLCAMINE : BIEN L'UTILISER AU QUOTIDIEN"
    """
    lines: list[str] = []
    for line in (_normalise_spaces(line) for line in raw.replace(PAGE_BREAK, "\n").splitlines()[:LEADING_LINES]):
        line = re.sub(r"^#+\s+", "", line)
        if not line or _RULE.match(line) or _PAGE_NUMBER.match(line) or _HEADER_LINE.search(line):
            if lines:
                break
            continue
        if lines and not (line[:1].islower() or (lines[-1].isupper() and line.isupper())):
            break
        if not lines and (_DATELINE.search(line) or not line[:1].isupper()):
            continue  # "Publié le 12/03/2026", "le point sur": a title starts with a capital
        lines.append(_CREDIT.sub("", line) if not lines else line)
    title = _strip_markup(" ".join(lines))
    if len(title.split()) > TITLE_WORDS or re.search(r"[.!?;:,]$", title) or _NUMBERED.match(title):
        return ""
    return title
