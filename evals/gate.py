"""The CI gate: a run's figures against the floors and ceilings of evals/thresholds.yaml."""

from __future__ import annotations

from pathlib import Path

import yaml

THRESHOLDS = Path(__file__).resolve().parent / "thresholds.yaml"


def load_thresholds(path: Path | str = THRESHOLDS) -> dict:
    """{"split": ..., "min": {"block.figure": floor}, "max": {"block.figure": ceiling}}."""
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))


def _figure(metrics: dict, dotted: str):
    block, _, name = dotted.partition(".")
    return metrics[block][name]


def gate_failures(metrics: dict, thresholds: dict) -> list[str]:
    """One line per figure below its floor or above its ceiling; empty when the run passes the gate."""
    failures = []
    for dotted, floor in (thresholds.get("min") or {}).items():
        value = _figure(metrics, dotted)
        if value is None or value < floor:
            failures.append(f"{dotted} = {value} < {floor}")
    for dotted, ceiling in (thresholds.get("max") or {}).items():
        value = _figure(metrics, dotted)
        if value is None or value > ceiling:
            failures.append(f"{dotted} = {value} > {ceiling}")
    return failures
