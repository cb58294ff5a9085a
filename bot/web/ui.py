"""The Gradio Blocks of the web chat: the patients' chat tab and the staff tab."""

from __future__ import annotations

import hmac
import json
import logging
import shutil
import tempfile
import time
from pathlib import Path

import gradio as gr

from bot.assistant import Assistant, InvalidQuestion, index_info
from bot.settings import PROJECT_DIR, Settings
from bot.web.feedback import FeedbackStore
from bot.web.render import Turn, answer_markdown, conversation_html, page_texts, profile_row, ui_text
from bot.web.server import Library, reindex

log = logging.getLogger(__name__)
EVAL_SETS = PROJECT_DIR / "evals" / "sets"
EVAL_RUNS = PROJECT_DIR / "evals" / "runs"


def _history(turns: list[Turn]) -> list[dict]:
    """The answered turns in the assistant's history format."""
    return [message for turn in turns if turn.answer is not None for message in turn.history]


def answer_turn(assistant: Assistant, question: str, turns: list[Turn]):
    """Answer `question` after `turns`, yielding the new Turn as its answer streams in."""
    turn = Turn(question=(question or "").strip())
    history = _history(turns)
    yield turn
    try:
        for text, answer in assistant.stream(question or "", history):
            if answer is None:
                turn.partial = text
            else:
                turn.answer = answer
            yield turn
    except InvalidQuestion as problem:
        turn.error = str(problem)
        yield turn
    except Exception:
        log.exception("answering failed")
        turn.error = ui_text("internal_error")
        yield turn


def build_ui(assistant: Assistant, settings: Settings, library: Library, feedback: FeedbackStore) -> gr.Blocks:
    """The patients' chat and the staff page over one assistant; all state is per browser session."""
    texts = page_texts(assistant.profile)
    with gr.Blocks(title=ui_text("page_title"), fill_width=False) as blocks:

        def header() -> str:
            now = page_texts(assistant.profile)  # re-read on each page load: a re-index shows
            return f"# {now['title']}\n\n{now['intro']}"

        gr.Markdown(header, elem_id="page-header")
        gr.HTML(f'<div class="notice" role="note">⚠️ {ui_text("notice")}</div>')
        turns = gr.State([])
        feedback_ids = gr.State({})
        with gr.Tab(ui_text("tab_chat")):
            conversation = gr.HTML(conversation_html([], {}), elem_id="conversation")
            with gr.Row():
                question = gr.Textbox(
                    label=ui_text("question_label"),
                    placeholder=texts["placeholder"],
                    lines=2,
                    scale=5,
                    elem_id="question",
                )
                send = gr.Button(ui_text("send"), variant="primary", scale=1, elem_id="send")
            gr.Markdown(f"**{ui_text('examples_label')}**")
            with gr.Row():
                examples = [
                    gr.Button(text, size="sm", variant="secondary", elem_classes="example")
                    for text in texts["examples"]
                ]
            with gr.Row():
                gr.Markdown(ui_text("feedback_label"))
                thumbs_up = gr.Button(ui_text("feedback_up"), size="sm", scale=0, min_width=130, elem_id="thumbs-up")
                thumbs_down = gr.Button(
                    ui_text("feedback_down"), size="sm", scale=0, min_width=130, elem_id="thumbs-down"
                )
                comment = gr.Textbox(
                    label=ui_text("feedback_comment"),
                    placeholder=ui_text("feedback_comment_placeholder"),
                    scale=3,
                    elem_id="feedback-comment",
                )
            feedback_status = gr.Markdown("", elem_id="feedback-status")
            restart = gr.Button(ui_text("new_conversation"), size="sm")

            def ask(message: str, history: list[Turn]):
                """The conversation as HTML while the answer streams in."""
                earlier = list(history or [])
                for turn in answer_turn(assistant, message, earlier):
                    now = [*earlier, turn]
                    yield conversation_html(now, library.documents), now, "", ""

            chat_outputs = [conversation, turns, question, feedback_status]
            question.submit(ask, [question, turns], chat_outputs, api_name="ask")
            send.click(ask, [question, turns], chat_outputs, api_visibility="private")
            for button in examples:
                button.click(lambda text=button.value: text, None, question, api_visibility="private").then(
                    ask, [question, turns], chat_outputs, api_visibility="private"
                )
            restart.click(
                lambda: (conversation_html([], {}), [], {}, ""),
                None,
                [conversation, turns, feedback_ids, feedback_status],
                api_visibility="private",
            )

            def rate(rating: int):
                def record(note: str, history: list[Turn], ids: dict):
                    answered = [i for i, turn in enumerate(history or []) if turn.answer is not None]
                    if not answered:
                        return ui_text("feedback_nothing"), ids
                    last = answered[-1]
                    ids = dict(ids or {})
                    ids[last] = feedback.record(
                        history[last].answer,
                        rating,
                        note,
                        settings.public(),
                        _history(history[:last]),
                        feedback_id=ids.get(last),
                    )
                    return ui_text("feedback_thanks"), ids

                return record

            thumbs_up.click(
                rate(1), [comment, turns, feedback_ids], [feedback_status, feedback_ids], api_visibility="private"
            )
            thumbs_down.click(
                rate(-1), [comment, turns, feedback_ids], [feedback_status, feedback_ids], api_visibility="private"
            )

            # The API: message in, answer text with its citations out; the session keeps the history.
            api_message = gr.Textbox(visible=False)
            api_answer = gr.Textbox(visible=False)
            api_trigger = gr.Button(visible=False)

            def chat(message: str, history: list[Turn]) -> tuple[str, list[Turn]]:
                """Answer a message in this session's conversation; the answer and its sources in Markdown."""
                earlier = list(history or [])
                *_, turn = answer_turn(assistant, message, earlier)
                text = answer_markdown(turn.answer) if turn.answer is not None else turn.error
                return text, [*earlier, turn]

            api_trigger.click(chat, [api_message, turns], [api_answer, turns], api_name="chat")

        with gr.Tab(ui_text("tab_staff")):
            _staff_tab(assistant, settings, library, feedback)
    return blocks


def _staff_tab(assistant: Assistant, settings: Settings, library: Library, feedback: FeedbackStore) -> None:
    if not settings.staff_password:
        gr.Markdown(ui_text("staff_disabled"), elem_id="staff-disabled")
        return
    allowed = gr.State(False)
    with gr.Row():
        password = gr.Textbox(label=ui_text("staff_password"), type="password", scale=3)
        login = gr.Button(ui_text("staff_login"), scale=1)
    login_status = gr.Markdown("")
    with gr.Column(visible=False) as panel:
        gr.Markdown(f"## {ui_text('staff_index')}")
        index_summary = gr.Markdown("")
        documents = gr.Dataframe(headers=ui_text("doc_columns"), interactive=False)
        with gr.Row():
            refresh = gr.Button(ui_text("staff_refresh"), size="sm")
            rebuild = gr.Button(ui_text("staff_reindex"), variant="stop", size="sm")
        reindex_status = gr.Markdown("")
        gr.Markdown(f"## {ui_text('staff_feedback')}")
        feedback_table = gr.Dataframe(headers=ui_text("feedback_columns"), interactive=False, wrap=True)
        export = gr.Button(ui_text("staff_export"), size="sm")
        export_file = gr.File(interactive=False)
        gr.Markdown(f"## {ui_text('staff_eval')}")
        sets = sorted(p.name for p in EVAL_SETS.glob("*.jsonl"))
        eval_set = gr.Dropdown(sets, value=sets[0] if sets else None, label=ui_text("staff_eval_set"))
        run_eval = gr.Button(ui_text("staff_eval_run"), size="sm")
        eval_report = gr.Markdown("")
        eval_file = gr.File(label=ui_text("staff_eval_report"), interactive=False)

    def check(ok: bool) -> None:
        if not ok:
            raise gr.Error(ui_text("staff_denied"))

    def overview(ok: bool):
        check(ok)
        info = index_info(settings)
        counts = info["documents"]
        summary = (
            ui_text(
                "staff_index_summary",
                built_at=info["built_at"] or "?",
                model=info["embedding_model"] or "?",
                documents=len(counts),
                chunks=sum(counts.values()),
            )
            if counts
            else ui_text("staff_no_index")
        )
        profile = assistant.profile
        rows = [
            [name, meta.get("title", ""), meta.get("publisher", ""), meta.get("date", ""), counts.get(name, 0)]
            + profile_row(profile.documents.get(name), profile.keywords(name) if name in profile.documents else None)
            for name, meta in library.documents.items()
        ]
        fb_rows = [
            [r["id"], r["created_at"], "+1" if r["rating"] > 0 else "-1", r["question"], r["status"], r["comment"]]
            for r in feedback.rows()
        ]
        return summary, rows, fb_rows

    overview_outputs = [index_summary, documents, feedback_table]

    def enter(given: str):
        ok = hmac.compare_digest((given or "").encode(), settings.staff_password.encode())
        message = ui_text("staff_welcome") if ok else ui_text("staff_denied")
        return ok, gr.Column(visible=ok), message, ""

    login.click(enter, password, [allowed, panel, login_status, password], api_visibility="private").then(
        lambda ok: overview(ok) if ok else (gr.skip(), gr.skip(), gr.skip()),
        allowed,
        overview_outputs,
        api_visibility="private",
    )
    refresh.click(overview, allowed, overview_outputs, api_visibility="private")

    def rebuild_index(ok: bool, progress=gr.Progress()):  # noqa: B008 (how Gradio injects a progress bar)
        check(ok)
        progress(0, desc=ui_text("staff_reindex"))
        try:
            report = reindex(
                assistant, lambda done, total, _label: progress((done, total), desc=ui_text("staff_reindex"))
            )
        except Exception as problem:
            log.exception("re-indexing failed")
            return ui_text("staff_reindex_failed", error=problem)
        library.reload()
        return ui_text(
            "staff_reindex_done",
            documents=report.documents,
            chunks=report.chunks,
            embedded=report.embedded,
            deleted=report.deleted,
            seconds=report.seconds,
        )

    rebuild.click(rebuild_index, allowed, reindex_status, api_visibility="private").then(
        overview, allowed, overview_outputs, api_visibility="private"
    )

    def export_feedback(ok: bool) -> str:
        check(ok)
        path = Path(tempfile.mkdtemp(prefix="feedback-")) / "feedback-eval-cases.jsonl"
        feedback.export_jsonl(path)
        return str(path)

    export.click(export_feedback, allowed, export_file, api_visibility="private")

    def evaluate(ok: bool, name: str | None, progress=gr.Progress()):  # noqa: B008
        check(ok)
        summary, report = run_eval_report(assistant, settings, EVAL_SETS / (name or ""), progress)
        if report is None:
            return summary, None
        served = Path(tempfile.mkdtemp(prefix="eval-report-")) / Path(report).name  # Gradio serves temp files
        shutil.copy(report, served)
        return summary, str(served)

    run_eval.click(evaluate, [allowed, eval_set], [eval_report, eval_file], api_visibility="private")


def run_eval_report(
    assistant: Assistant, settings: Settings, eval_set: Path, progress=None, runs_dir: Path = EVAL_RUNS
) -> tuple[str, str | None]:
    """Run an eval set with the evals package when it is there: a summary in Markdown and the HTML report's path."""
    try:
        from evals.runner import REPORT, run_eval
    except ImportError:
        return ui_text("staff_eval_missing"), None
    run_dir = Path(runs_dir) / f"web-{eval_set.stem}-{time.strftime('%Y%m%d-%H%M%S')}"
    tell = (lambda done, total, case_id: progress((done, total), desc=case_id)) if progress else None
    try:
        metrics = run_eval(assistant, eval_set, run_dir, progress=tell)
    except Exception as problem:
        log.exception("eval run failed")
        return ui_text("staff_eval_failed", error=problem), None
    figures = {
        "cases": metrics["counts"]["cases"],
        **{b: metrics.get(b) for b in ("retrieval", "answers", "safety", "latency_ms")},
    }
    lines = [ui_text("staff_eval_done", split=metrics["split"], seconds=metrics["duration_s"])]
    lines += [f"- **{name}** : `{json.dumps(value, ensure_ascii=False)}`" for name, value in figures.items()]
    lines += [f"- {problem}" for problem in metrics.get("problems", [])]
    return "\n".join(lines), str(run_dir / REPORT)
