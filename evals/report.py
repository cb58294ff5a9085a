"""The staff report of a run: one self-contained HTML page (charts embedded), failed cases first."""

from __future__ import annotations

import base64
import io
import json
from html import escape
from pathlib import Path

from evals.runner import REPORT, read_run

LABELS = {
    "hit@1": "hit@1",
    "hit@3": "hit@3",
    "hit@5": "hit@5",
    "mrr": "MRR",
    "pass_rate": "réussite",
    "citation_support": "citations étayées",
    "out_of_scope_recall": "hors-sujet reconnus",
    "over_refusal": "refus à tort",
    "urgent_recall": "urgences reconnues",
    "urgent_false_positive": "fausses urgences",
    "adversarial_pass": "pièges déjoués",
}
LOWER_IS_BETTER = {"over_refusal", "urgent_false_positive"}

STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#222;line-height:1.4}
h1{font-size:1.5rem}h2{margin-top:2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ddd;padding:.25rem .5rem;text-align:left}
.num{text-align:right;font-variant-numeric:tabular-nums}.fail{color:#b00020}.pass{color:#1b6e20}
details{border:1px solid #ddd;border-radius:6px;margin:.5rem 0;padding:.4rem .8rem}
details.failed{border-left:5px solid #b00020}details.passed{border-left:5px solid #1b6e20}
summary{cursor:pointer}pre{white-space:pre-wrap;background:#f6f6f6;padding:.5rem;margin:.3rem 0}
.passage{border-left:3px solid #bbb;padding-left:.5rem;margin:.4rem 0}.passage.supports{border-color:#1b6e20}
.charts img{max-width:100%}.muted{color:#666;font-size:.9em}
"""


def _figure_png(fig) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=90, bbox_inches="tight")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _img(png: str, alt: str) -> str:
    return f'<img alt="{escape(alt)}" src="data:image/png;base64,{png}">'


def charts(metrics: dict, records: list[dict]) -> list[str]:
    """The report's charts as <img> tags with embedded PNGs."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    images = []
    headline = [
        (k, v) for block in ("retrieval", "answers", "safety") for k, v in metrics[block].items() if v is not None
    ]
    fig, ax = plt.subplots(figsize=(9, 3.2))
    colors = ["#c17d11" if k in LOWER_IS_BETTER else "#3465a4" for k, _ in headline]
    ax.bar([LABELS[k] for k, _ in headline], [v for _, v in headline], color=colors)
    ax.set_ylim(0, 1)
    ax.set_title("Indicateurs principaux (orange : plus bas = mieux)")
    ax.tick_params(axis="x", rotation=35)
    images.append(_img(_figure_png(fig), "Indicateurs principaux"))
    plt.close(fig)

    categories = metrics.get("by_category", {})
    if categories:
        fig, ax = plt.subplots(figsize=(5, 3))
        ax.bar(list(categories), [m["answers"]["pass_rate"] or 0 for m in categories.values()], color="#4e9a06")
        ax.set_ylim(0, 1)
        ax.set_title("Réussite par catégorie")
        images.append(_img(_figure_png(fig), "Réussite par catégorie"))
        plt.close(fig)

    documents = metrics.get("by_document", {})
    if documents:
        fig, ax = plt.subplots(figsize=(7, 3))
        width = 0.25
        for i, k in enumerate(("hit@1", "hit@3", "hit@5")):
            values = [m["retrieval"][k] or 0 for m in documents.values()]
            ax.bar([x + i * width for x in range(len(documents))], values, width, label=k)
        ax.set_xticks([x + width for x in range(len(documents))], [d[:28] for d in documents], rotation=15, fontsize=7)
        ax.set_ylim(0, 1)
        ax.legend(fontsize=7)
        ax.set_title("Recherche par document")
        images.append(_img(_figure_png(fig), "Recherche par document"))
        plt.close(fig)

    latencies = [r["latency_ms"] for r in records if r["latency_ms"] is not None]
    if latencies:
        fig, ax = plt.subplots(figsize=(5, 3))
        ax.hist(latencies, bins=20, color="#c17d11")
        ax.set_xlabel("ms")
        ax.set_title("Temps de réponse")
        images.append(_img(_figure_png(fig), "Temps de réponse"))
        plt.close(fig)
    return images


def _fmt(value) -> str:
    if value is None:
        return "—"
    return f"{value:.1%}" if isinstance(value, float) and value <= 1 else f"{value}"


def _headline_table(metrics: dict) -> str:
    rows = []
    for block in ("retrieval", "answers", "safety"):
        for key, value in metrics[block].items():
            hint = " (plus bas = mieux)" if key in LOWER_IS_BETTER else ""
            rows.append(
                f"<tr><td>{block}.{escape(key)}</td><td>{LABELS[key]}{hint}</td><td class=num>{_fmt(value)}</td></tr>"
            )
    for key, value in metrics["latency_ms"].items():
        rows.append(f"<tr><td>latency_ms.{key}</td><td>temps de réponse</td><td class=num>{_fmt(value)} ms</td></tr>")
    return "<table><tr><th>indicateur</th><th></th><th>valeur</th></tr>" + "".join(rows) + "</table>"


def _group_table(groups: dict, title: str) -> str:
    if not groups:
        return ""
    keys = [(b, k) for b in ("retrieval", "answers", "safety") for k in LABELS if k in next(iter(groups.values()))[b]]
    head = "".join(f"<th>{LABELS[k]}</th>" for _, k in keys)
    rows = "".join(
        f"<tr><td>{escape(name)}</td><td class=num>{m['counts']['cases']}</td>"
        + "".join(f"<td class=num>{_fmt(m[b][k])}</td>" for b, k in keys)
        + "</tr>"
        for name, m in groups.items()
    )
    return f"<h2>{escape(title)}</h2><table><tr><th></th><th>cas</th>{head}</tr>{rows}</table>"


def _case_html(record: dict) -> str:
    state = "passed" if record["passed"] else "failed"
    checks = "".join(
        f"<li class={'pass' if c['passed'] else 'fail'}>{'✓' if c['passed'] else '✗'} {escape(c['name'])}"
        + (f" — {escape(c['reason'])}" if c["reason"] else "")
        + "</li>"
        for c in record["checks"]
    )
    history = "".join(f"<li><b>{escape(t['role'])}</b> : {escape(t['content'])}</li>" for t in record["history"])
    quotes = "".join(f"<li>« {escape(q)} »</li>" for q in record["gold_quotes"]) or "<li class=muted>aucune</li>"
    mentions = "; ".join(" | ".join(escape(p) for p in group) for group in record["must_mention"]) or "—"
    forbidden = " | ".join(escape(p) for p in record["must_not_mention"]) or "—"
    citations = "".join(
        f"<li class={'pass' if c['supports'] else 'fail'}>[{c['n']}] {escape(c['source'])} — {escape(c['section'] or '')} : "
        f"{escape(c['excerpt'])}</li>"
        for c in record["citations"]
    )
    passages = "".join(
        f'<div class="passage{" supports" if h["supports"] else ""}"><b>#{h["rank"]}</b> {escape(h["source"])} — '
        f"{escape(h['section'] or '')} <span class=muted>score {h['score']:.4f}"
        f"{' · contient une citation de référence' if h['supports'] else ''}</span><br>{escape(h['text'])}</div>"
        for h in record["hits"]
    )
    rank = record["retrieval_rank"]
    return f"""<details class={state} id="{escape(record["id"])}"{" open" if not record["passed"] else ""}>
<summary><b class={"pass" if record["passed"] else "fail"}>{"réussi" if record["passed"] else "échoué"}</b>
 · {escape(record["id"])} · {escape(record["category"])} · {escape(record["lang"])} ·
 statut {escape(record["status"])} (attendu {escape(str(record["expected_status"] or "libre"))})
 — {escape(record["question"])}</summary>
{f"<p>Historique :</p><ul>{history}</ul>" if history else ""}
<p><b>Question :</b> {escape(record["question"])}</p>
<p><b>Vérifications :</b></p><ul>{checks}</ul>
<p><b>Faits attendus</b> — citations de référence :</p><ul>{quotes}</ul>
<p class=muted>doit mentionner (un de chaque groupe) : {mentions}<br>ne doit pas mentionner : {forbidden}<br>
passage étayant au rang : {rank if rank else ("aucun" if record["gold_quotes"] else "sans objet")}
 · {record["latency_ms"]} ms</p>
<p><b>Réponse :</b></p><pre>{escape(record["answer"] or record.get("error", ""))}</pre>
{f"<p><b>Citations :</b></p><ul>{citations}</ul>" if citations else ""}
<p><b>Passages retrouvés :</b></p>{passages or "<p class=muted>aucun</p>"}
</details>"""


def render_report(run_dir: Path | str) -> str:
    """The HTML report of a finished run folder (metrics.json and cases.jsonl), as one string."""
    metrics, records = read_run(run_dir)
    ordered = sorted(records, key=lambda r: r["passed"])  # stable: failed first, then set order
    failed = sum(1 for r in records if not r["passed"])
    problems = "".join(f"<li>{escape(p)}</li>" for p in metrics.get("problems", []))
    settings = escape(json.dumps(metrics.get("settings", {}), ensure_ascii=False, indent=2))
    return f"""<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Évaluation — {escape(metrics["split"])}</title>
<style>{STYLE}</style></head><body>
<h1>Évaluation du chatbot — jeu « {escape(metrics["split"])} »</h1>
<p>Jeu : <code>{escape(metrics.get("set", ""))}</code> · lancé le {escape(metrics.get("started_at", ""))}
 · {metrics.get("duration_s", "")} s · {len(records)} cas, <b class=fail>{failed} échoué(s)</b>
 · recherche {escape(str(metrics.get("settings", {}).get("retrieval_mode", "")))}
 · k={escape(str(metrics.get("settings", {}).get("k", "")))}
 · LLM {escape(str(metrics.get("settings", {}).get("llm", "")))}</p>
{f"<h2>Lignes non exécutées</h2><ul class=fail>{problems}</ul>" if problems else ""}
<h2>Chiffres clés</h2>{_headline_table(metrics)}
<div class=charts>{"".join(charts(metrics, records))}</div>
{_group_table(metrics.get("by_category", {}), "Par catégorie")}
{_group_table(metrics.get("by_document", {}), "Par document (des citations de référence)")}
<h2>Cas ({failed} échoué(s) en premier)</h2>
{"".join(_case_html(r) for r in ordered)}
<h2>Réglages utilisés</h2><details><summary>settings</summary><pre>{settings}</pre></details>
</body></html>"""


def write_report(run_dir: Path | str) -> Path:
    """Write report.html into the run folder and return its path."""
    path = Path(run_dir) / REPORT
    path.write_text(render_report(run_dir), encoding="utf-8")
    return path
