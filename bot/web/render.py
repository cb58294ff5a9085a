"""Safe HTML for the web chat: answers, statuses, citation cards and the full-document view.

Everything that comes from a patient or a document is escaped here; the only
markup on the page is the markup this module writes.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

import yaml
from markdown_it import MarkdownIt

from bot.answer import Answer, Citation

_TEXTS = Path(__file__).with_name("texts.yaml")
_MARKER = re.compile(r"\[(\d{1,2})\]")
EXCERPT_CONTEXT = 280  # characters of the passage shown around the cited sentences


@lru_cache(maxsize=1)
def _texts() -> dict:
    return yaml.safe_load(_TEXTS.read_text(encoding="utf-8"))


def ui_text(key: str, lang: str = "fr", **values):
    """The UI text `key` in `lang` (French when missing), placeholders filled."""
    texts = _texts()
    value = texts.get(lang, {}).get(key, texts["fr"][key])
    return value.format(**values) if values else value


def page_texts(profile) -> dict:
    """The page's title, intro, example questions and placeholder, from the corpus profile (bot.profile)."""
    covered = ", ".join(profile.covered(6))
    examples = profile.examples(4) or ui_text("examples")
    return {
        "title": ui_text("title", covered=covered) if covered else ui_text("title_empty"),
        "intro": ui_text("intro", documents=len(profile.documents), covered=covered or "-"),
        "examples": examples,
        "placeholder": ui_text("question_placeholder", example=examples[0]),
    }


def profile_row(document, keywords: list[str] | None = None) -> list[str]:
    """What the profile found in one document, for the staff page's table (`keywords`: its terms as the corpus
    profile ranks them, distinctive headline words first; its own terms when not given)."""
    if document is None:
        return ["", "", ""]
    shown = document.terms if keywords is None else keywords
    terms = ", ".join([*document.names, *[t for t in shown[:12] if t not in {n.lower() for n in document.names}]])
    return [terms, document.pregnancy_warning[:160], ", ".join(sorted(document.instructions))]


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    # html=False: any tag in the text is shown as text, never parsed as markup.
    return MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False, "breaks": True})


def markdown_html(text: str) -> str:
    """Markdown to HTML where raw HTML in the text is escaped.

    >>> markdown_html("**Attention** <script>x</script>")
    '<p><strong>Attention</strong> &lt;script&gt;x&lt;/script&gt;</p>\\n'
    """
    return _markdown().render(text or "")


@dataclass
class Turn:
    """One exchange of a conversation, as the page shows it."""

    question: str
    answer: Answer | None = None
    partial: str = ""  # the answer text streamed so far
    error: str = ""  # why the question was not processed

    @property
    def history(self) -> list[dict]:
        """The turn in the assistant's history format."""
        reply = self.answer.answer if self.answer else self.error
        return [{"role": "user", "content": self.question}, {"role": "assistant", "content": reply}]


def citation_anchor(turn: int, n: int) -> str:
    return f"src-{turn}-{n}"


def document_link(citation: Citation) -> str:
    """Where the app serves the cited document, scrolled to the passage."""
    return f"document/{quote(citation.source)}?start={citation.start}&end={citation.end}#passage"


def _link_markers(answer_html: str, turn: int, numbers: set[int]) -> str:
    def link(match: re.Match) -> str:
        n = int(match.group(1))
        if n not in numbers:
            return match.group(0)
        return f'<a class="cite" href="#{citation_anchor(turn, n)}" title="Source {n}">[{n}]</a>'

    return _MARKER.sub(link, answer_html)


def highlighted_excerpt(document_text: str, citation: Citation, context: int = EXCERPT_CONTEXT) -> str:
    """The cited passage with the cited sentences in <mark>, a little context around, all escaped."""
    start, end = citation.start, citation.end
    if not document_text or not (0 <= start < end <= len(document_text)):
        return f"<mark>{html.escape(citation.excerpt)}</mark>"
    left = max(citation.chunk_start if citation.chunk_end > citation.chunk_start else 0, start - context)
    right = min(citation.chunk_end if citation.chunk_end > end else len(document_text), end + context)
    before, cited, after = document_text[left:start], document_text[start:end], document_text[end:right]
    if left > 0 and " " in before:
        before = "…" + before[before.index(" ") :]
    if right < len(document_text) and " " in after:
        after = after[: after.rindex(" ")] + "…"
    return f"{html.escape(before)}<mark>{html.escape(cited)}</mark>{html.escape(after)}"


def citation_card(citation: Citation, turn: int, document: dict | None, lang: str = "fr") -> str:
    """A source card: title, publisher, date, section/page, the excerpt highlighted, a link to the document."""
    document = document or {}
    where = [citation.section] if citation.section else []
    if citation.page is not None:
        where.append(ui_text("page", lang, page=citation.page))
    meta = [document.get("publisher") or "ANSM", document.get("date") or ui_text("no_date", lang)]
    return (
        f'<div class="source-card" id="{citation_anchor(turn, citation.n)}" data-n="{citation.n}">'
        f'<div class="source-head"><span class="source-n">[{citation.n}]</span> '
        f'<span class="source-title">{html.escape(citation.title or citation.source)}</span></div>'
        f'<div class="source-meta">{html.escape(" · ".join(meta))}'
        f"{' — ' + html.escape(', '.join(where)) if where else ''}</div>"
        f'<blockquote class="source-excerpt">{highlighted_excerpt(document.get("text", ""), citation)}</blockquote>'
        f'<a class="source-open" href="{html.escape(document_link(citation))}" target="_blank" rel="noopener">'
        f"{html.escape(ui_text('open_document', lang))} ↗</a></div>"
    )


def answer_block(answer: Answer, turn: int, documents: dict[str, dict]) -> str:
    """The answer, framed by its status, with its source cards under it."""
    lang = answer.lang if answer.lang in ("fr", "en") else "fr"
    body = _link_markers(markdown_html(answer.answer), turn, {c.n for c in answer.citations})
    parts = [f'<div class="answer status-{html.escape(answer.status)}" data-status="{html.escape(answer.status)}">']
    if answer.status == "urgent":
        parts.append(
            f'<div class="emergency-banner" role="alert">⚠ {html.escape(ui_text("urgent_banner", lang))}</div>'
        )
    elif answer.status in ("out_of_scope", "refused"):
        parts.append(f'<div class="status-label">{html.escape(ui_text("status_" + answer.status, lang))}</div>')
    parts.append(f'<div class="answer-text">{body}</div>')
    if answer.citations:
        cards = "".join(citation_card(c, turn, documents.get(c.source), lang) for c in answer.citations)
        parts.append(
            f'<div class="sources"><div class="sources-title">{html.escape(ui_text("sources", lang))}</div>{cards}</div>'
        )
    parts.append("</div>")
    return "".join(parts)


def conversation_html(turns: list[Turn], documents: dict[str, dict]) -> str:
    """The whole conversation as the chat shows it."""
    if not turns:
        return f'<div class="conversation empty"><p class="empty-hint">{html.escape(ui_text("empty_conversation"))}</p></div>'
    parts = ['<div class="conversation">']
    for i, turn in enumerate(turns, start=1):
        parts.append(
            f'<div class="msg user"><div class="who">{html.escape(ui_text("you"))}</div>'
            f'<div class="bubble">{html.escape(turn.question)}</div></div>'
        )
        if turn.answer is not None:
            content = answer_block(turn.answer, i, documents)
        elif turn.error:
            content = (
                f'<div class="answer status-error" data-status="error"><div class="status-label">'
                f'{html.escape(ui_text("status_error"))}</div><div class="answer-text">{html.escape(turn.error)}</div></div>'
            )
        else:
            streamed = (
                markdown_html(turn.partial)
                if turn.partial
                else f"<p class='thinking'>{html.escape(ui_text('thinking'))}</p>"
            )
            content = (
                f'<div class="answer streaming" data-status="streaming"><div class="answer-text">{streamed}</div></div>'
            )
        parts.append(
            f'<div class="msg bot"><div class="who">{html.escape(ui_text("bot"))}</div><div class="bubble">{content}</div></div>'
        )
    parts.append("</div>")
    return "".join(parts)


def answer_markdown(answer: Answer) -> str:
    """The answer and its sources as Markdown for API clients; `<`, `>` and `&` are escaped."""
    lang = answer.lang if answer.lang in ("fr", "en") else "fr"
    lines = [answer.answer]
    if answer.citations:
        lines += ["", f"{ui_text('sources', lang)} :"]
        for c in answer.citations:
            where = ", ".join(
                filter(None, [c.section, ui_text("page", lang, page=c.page) if c.page is not None else ""])
            )
            lines.append(f"[{c.n}] {c.title}{' — ' + where if where else ''} ({c.source}) : « {c.excerpt} »")
    return html.escape("\n".join(lines), quote=False)


def document_page(document: dict, start: int, end: int) -> str:
    """A whole document as a standalone page, the cited passage marked and scrolled to (#passage)."""
    text = document.get("text", "")
    if not (0 <= start < end <= len(text)):
        start = end = 0
    body = (
        f'{html.escape(text[:start])}<mark id="passage">{html.escape(text[start:end])}</mark>{html.escape(text[end:])}'
        if end
        else html.escape(text)
    )
    meta = " · ".join(
        filter(None, [document.get("publisher", ""), document.get("date", ""), document.get("doc_type", "")])
    )
    title = html.escape(document.get("title") or document.get("source", ""))
    return f"""<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 52rem; margin: 0 auto; padding: 1rem 1.5rem 40vh; line-height: 1.55; color: #1f2933; }}
header {{ position: sticky; top: 0; background: #fff; border-bottom: 1px solid #d9e2ec; padding: .5rem 0; }}
h1 {{ font-size: 1.25rem; margin: .2rem 0; }} .meta {{ color: #52606d; font-size: .9rem; }}
.text {{ white-space: pre-wrap; }} mark {{ background: #ffe066; padding: .1rem 0; scroll-margin-top: 8rem; }}
</style></head>
<body><header><h1>{title}</h1><div class="meta">{html.escape(meta)} — {html.escape(ui_text("document_back"))}</div></header>
<div class="text">{body}</div></body></html>"""


PAGE_CSS = """
.notice { background: #fff4e5; border: 1px solid #f0b429; border-radius: 8px; padding: .6rem .9rem; font-weight: 600; }
.conversation { display: flex; flex-direction: column; gap: .75rem; }
.conversation .empty-hint { color: #6b7280; text-align: center; padding: 1.5rem; }
.msg .who { font-size: .8rem; color: #6b7280; margin-bottom: .15rem; }
.msg.user { align-self: flex-end; max-width: 85%; }
.msg.user .bubble { background: #e0ecff; border-radius: 12px; padding: .55rem .8rem; white-space: pre-wrap; }
.msg.bot .bubble { background: #ffffff; border: 1px solid #e5e7eb; border-radius: 12px; padding: .55rem .8rem; }
.answer-text p { margin: .3rem 0; } .answer-text ul { margin: .3rem 0 .3rem 1.2rem; }
a.cite { font-weight: 700; text-decoration: none; color: #1d4ed8; }
.sources { margin-top: .6rem; display: grid; gap: .5rem; }
.sources-title { font-weight: 700; font-size: .9rem; }
.source-card { border: 1px solid #d1d5db; border-left: 4px solid #1d4ed8; border-radius: 8px; padding: .5rem .7rem; background: #f9fafb; }
.source-card:target { outline: 3px solid #93c5fd; }
.source-head { font-weight: 600; } .source-n { color: #1d4ed8; }
.source-meta { color: #4b5563; font-size: .85rem; }
.source-excerpt { margin: .4rem 0; padding-left: .6rem; border-left: 2px solid #e5e7eb; font-size: .92rem; color: #374151; }
.source-excerpt mark { background: #ffe066; }
.source-open { font-size: .85rem; }
.status-label { display: inline-block; font-weight: 700; font-size: .85rem; border-radius: 6px; padding: .15rem .5rem; margin-bottom: .3rem; }
.status-out_of_scope .status-label { background: #e5e7eb; color: #374151; }
.status-out_of_scope { border-left: 4px solid #9ca3af; padding-left: .6rem; }
.status-refused .status-label { background: #fde68a; color: #78350f; }
.status-refused { border-left: 4px solid #d97706; padding-left: .6rem; }
.status-error .status-label { background: #fee2e2; color: #991b1b; }
.status-urgent { border: 2px solid #dc2626; border-radius: 8px; padding: .5rem; background: #fef2f2; }
.emergency-banner { background: #dc2626; color: #fff; font-weight: 800; border-radius: 6px; padding: .4rem .6rem; margin-bottom: .4rem; }
.thinking { color: #6b7280; font-style: italic; }
"""
