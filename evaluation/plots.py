"""PNG plots of the latest results (matplotlib, Agg backend: no display needed).

`quality_plot`: recall@k / MRR / nDCG / abstention accuracy per mode, sub-corpus and full
corpus side by side. `latency_plot`: distributions of retrieval and answer latency from
the benchmark. Reads the result dicts the runners return; computes nothing new.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

METRICS = (("recall@k", "recall@k"), ("mrr", "MRR"), ("ndcg@k", "nDCG@k"), ("abstention_accuracy", "abstention acc."))


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def quality_plot(report: dict[str, Any], path: Path) -> Path:
    """Grouped bars: one group per metric, one bar per (corpus, mode)."""
    plt = _pyplot()
    series = []
    for part, label in (("subcorpus", "sub"), ("full", "full")):
        for mode, r in (report.get(part) or {}).get("results", {}).items():
            series.append((f"{mode} ({label})", [r[key] for key, _ in METRICS]))
    fig, ax = plt.subplots(figsize=(10, 4.5))
    width = 0.8 / max(len(series), 1)
    for i, (name, values) in enumerate(series):
        xs = [m + i * width for m in range(len(METRICS))]
        ax.bar(xs, values, width, label=name)
    ax.set_xticks([m + 0.4 - width / 2 for m in range(len(METRICS))], [label for _, label in METRICS])
    ax.set_ylim(0, 1.2)  # headroom for the legend
    ax.axhline(0.9, color="grey", lw=0.6, ls="--")
    ax.set_title(f"Retrieval quality, split {report.get('split')}, k={report.get('k')}")
    ax.legend(fontsize=7, ncol=3, loc="upper center")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def latency_plot(samples: dict[str, list[float]], path: Path, targets: dict[str, float] | None = None) -> Path:
    """Box plots of latency samples in ms (name -> values), with target lines."""
    plt = _pyplot()
    names = [n for n, v in samples.items() if v]
    fig, ax = plt.subplots(figsize=(9, 4.5))
    ax.boxplot([samples[n] for n in names], showfliers=True)
    ax.set_xticks(range(1, len(names) + 1), names, rotation=15, fontsize=8)
    for name, ms in (targets or {}).items():
        ax.axhline(ms, color="red", lw=0.7, ls="--")
        ax.text(0.55, ms, f" target {name} {ms:.0f} ms", color="red", fontsize=7, va="bottom")
    ax.set_yscale("log")
    ax.set_ylabel("ms (log scale)")
    ax.set_title("Latency per question")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path
