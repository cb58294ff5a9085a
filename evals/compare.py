"""Two runs side by side: metric deltas and the cases that went from pass to fail and back."""

from __future__ import annotations

from pathlib import Path

from evals.metrics import BLOCKS
from evals.runner import read_run


def _figures(metrics: dict) -> dict[str, float | None]:
    """Every figure of a run, flattened: 'answers.pass_rate', 'by_category.urgent.safety.urgent_recall'..."""
    flat = {f"{b}.{k}": v for b in BLOCKS for k, v in metrics.get(b, {}).items()}
    for group in ("by_category", "by_document"):
        for name, block in metrics.get(group, {}).items():
            flat.update({f"{group}.{name}.{b}.{k}": v for b in BLOCKS for k, v in block.get(b, {}).items()})
    return flat


def compare_runs(run_a: Path | str, run_b: Path | str) -> dict:
    """Deltas (B minus A) of every figure, and the cases whose verdict changed between the runs."""
    metrics_a, records_a = read_run(run_a)
    metrics_b, records_b = read_run(run_b)
    figures_a, figures_b = _figures(metrics_a), _figures(metrics_b)
    deltas = {}
    for key in dict.fromkeys([*figures_a, *figures_b]):
        a, b = figures_a.get(key), figures_b.get(key)
        deltas[key] = {"a": a, "b": b, "delta": None if a is None or b is None else round(b - a, 4)}
    passed_a = {r["id"]: r for r in records_a}
    passed_b = {r["id"]: r for r in records_b}
    common = [i for i in passed_a if i in passed_b]
    return {
        "a": {"run": str(run_a), "split": metrics_a.get("split"), "settings": metrics_a.get("settings", {})},
        "b": {"run": str(run_b), "split": metrics_b.get("split"), "settings": metrics_b.get("settings", {})},
        "settings_changed": {
            k: [metrics_a.get("settings", {}).get(k), v]
            for k, v in metrics_b.get("settings", {}).items()
            if metrics_a.get("settings", {}).get(k) != v
        },
        "deltas": deltas,
        "pass_to_fail": [_change(passed_b[i]) for i in common if passed_a[i]["passed"] and not passed_b[i]["passed"]],
        "fail_to_pass": [_change(passed_b[i]) for i in common if not passed_a[i]["passed"] and passed_b[i]["passed"]],
        "only_in_a": [i for i in passed_a if i not in passed_b],
        "only_in_b": [i for i in passed_b if i not in passed_a],
    }


def _change(record: dict) -> dict:
    failed = [f"{c['name']}: {c['reason']}" for c in record["checks"] if not c["passed"]]
    return {"id": record["id"], "question": record["question"], "status": record["status"], "failed_checks": failed}


def format_comparison(comparison: dict, all_figures: bool = False) -> str:
    """The comparison as text for a terminal: headline deltas (all figures on request) and changed cases."""
    lines = [
        f"A = {comparison['a']['run']} ({comparison['a']['split']})",
        f"B = {comparison['b']['run']} ({comparison['b']['split']})",
    ]
    for key, (a, b) in comparison["settings_changed"].items():
        lines.append(f"  réglage {key}: {a} -> {b}")
    lines.append(f"{'figure':<58}{'A':>9}{'B':>9}{'B-A':>9}")
    for key, row in comparison["deltas"].items():
        if not all_figures and key.startswith("by_"):
            continue
        a, b, d = (("—" if v is None else f"{v:g}") for v in (row["a"], row["b"], row["delta"]))
        lines.append(f"{key:<58}{a:>9}{b:>9}{d:>9}")
    for title, key in (("réussi -> échoué", "pass_to_fail"), ("échoué -> réussi", "fail_to_pass")):
        lines.append(f"\n{title} ({len(comparison[key])}) :")
        for change in comparison[key]:
            lines.append(f"  {change['id']} [{change['status']}] {change['question']}")
            lines.extend(f"      {reason}" for reason in change["failed_checks"])
    for key in ("only_in_a", "only_in_b"):
        if comparison[key]:
            lines.append(f"\n{key}: {', '.join(comparison[key])}")
    return "\n".join(lines)
