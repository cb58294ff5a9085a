"""The staff page's eval run, through the real evals package and the session assistant."""

from __future__ import annotations

from pathlib import Path

from bot.web.ui import EVAL_SETS, run_eval_report


def test_staff_eval_run_gives_a_summary_and_the_html_report(assistant, settings, tmp_path):
    cases = (EVAL_SETS / "dev.jsonl").read_text(encoding="utf-8").splitlines()[:3]
    small = tmp_path / "small.jsonl"
    small.write_text("\n".join(cases) + "\n", encoding="utf-8")
    seen = []
    summary, report = run_eval_report(
        assistant, settings, small, progress=lambda step, desc: seen.append(step), runs_dir=tmp_path / "runs"
    )
    assert "« small »" in summary and "**cases** : `3`" in summary
    assert seen[-1] == (3, 3)
    assert report is not None and Path(report).read_text(encoding="utf-8").startswith("<!doctype html>")
