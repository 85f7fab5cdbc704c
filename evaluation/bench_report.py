"""What the benchmark's report says beside its numbers: the machine it ran on (CPU,
cores, memory, load, package versions), each target met or missed with its gap, and
the latency distributions plotted against the targets.

Not here: the measurements (evaluation.bench_measure) and which parts run, and the CLI
(evaluation.bench).
"""
from __future__ import annotations

import os
import platform
from pathlib import Path
from typing import Any

TARGETS = {"retrieval_p95_ms": 150, "answer_p95_ms": 500, "rebuild_no_change_s": 30, "recall@5": 0.9,
           "mrr": 0.75, "abstention_accuracy": 0.8, "gold_citation_share": 0.9, "verified_citation_share": 1.0}


def machine() -> dict[str, Any]:
    import psutil

    from ingest.manifest import package_versions

    cpu = platform.processor() or ""
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    versions = package_versions()
    from importlib import metadata

    for name in ("langchain-core", "langchain-chroma", "langchain-text-splitters", "numpy", "psutil"):
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            pass
    return {"cpu": cpu, "logical_cores": os.cpu_count(), "physical_cores": psutil.cpu_count(logical=False),
            "ram_gb": round(psutil.virtual_memory().total / 2**30, 1), "os": platform.platform(),
            "load_average_at_start": list(os.getloadavg()), "versions": versions}


def compare(report: dict[str, Any], quality: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target with the measured value, met or not, and the gap."""
    rows = []

    def row(name: str, value, target, lower_is_better: bool) -> None:
        if value is None:
            rows.append({"target": name, "goal": target, "value": None, "met": None})
            return
        met = value <= target if lower_is_better else value >= target
        rows.append({"target": name, "goal": target, "value": value, "met": met,
                     "gap": round(value - target, 4)})

    hyb = report.get("main", {}).get("latency", {}).get("hybrid", {})
    row("retrieval_p95_ms", hyb.get("search", {}).get("p95"), TARGETS["retrieval_p95_ms"], True)
    row("answer_p95_ms", hyb.get("answer", {}).get("p95"), TARGETS["answer_p95_ms"], True)
    row("rebuild_no_change_s", report.get("full_build", {}).get("rebuild_no_change_seconds"),
        TARGETS["rebuild_no_change_s"], True)
    q = (quality.get("full") or {}).get("results", {}).get("hybrid")
    for key in ("recall@k", "mrr", "abstention_accuracy"):
        name = "recall@5" if key == "recall@k" else key
        row(name, q.get(key) if q else None, TARGETS[name], False)
    for key in ("gold_citation_share", "verified_citation_share"):
        row(key, q["answers"][key] if q else None, TARGETS[key], False)
    return rows


def plot(report: dict[str, Any], path: Path) -> Path:
    from evaluation.plots import latency_plot

    lat = report["main"]["latency"]
    samples = {f"{m} search (full)": lat[m]["search_ms"] for m in lat}
    samples["hybrid answer (full)"] = lat.get("hybrid", {}).get("answer_ms", [])
    if report.get("baseline", {}).get("available"):
        samples["baseline search (sub)"] = report["baseline"]["latency"]["search_ms"]
    if "scale" in report:
        samples["bm25 search (scale)"] = report["scale"]["latency"]["bm25"]["search_ms"]
    return latency_plot(samples, path, {"retrieval": TARGETS["retrieval_p95_ms"], "answer": TARGETS["answer_p95_ms"]})
