"""The measurements behind `python -m evaluation.bench`, one function each.

Every function returns plain numbers in a dict; none asserts anything about time (a
benchmark is reported, never a test). Builds go into temporary directories, never the
serving index. Cold start and peak memory run in a fresh subprocess, the way a user's
first query or the app's process would. `embedder` is a `make_embedder` spec (the
tests register "fake"; their subprocesses get it through PYTHONPATH, which is kept).

Not here: the machine description and targets (evaluation.bench_report), the CLI (evaluation.bench).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from core.settings import DEFAULT_EMBEDDER

ROOT = Path(__file__).resolve().parent.parent


def pct(values: Sequence[float]) -> dict[str, float]:
    """n, p50, p95, max and mean of a sample (ms or s alike)."""
    if not values:
        return {"n": 0, "p50": 0.0, "p95": 0.0, "max": 0.0, "mean": 0.0}
    v = np.asarray(values, dtype=float)
    return {"n": int(v.size), "p50": float(np.percentile(v, 50)), "p95": float(np.percentile(v, 95)),
            "max": float(v.max()), "mean": float(v.mean())}


def dir_size(path: Path) -> int:
    path = Path(path)
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def index_sizes(index_dir: Path) -> dict[str, int]:
    """Bytes on disk per component of an index directory (the serving build only)."""
    from core import store

    index_dir = Path(index_dir)
    build = store.require_build(index_dir)
    sizes = {name: dir_size(build / name) for name in ("chunks.jsonl", "documents.jsonl", "bm25", "manifest.json")
             if (build / name).exists()}
    sizes["chroma"] = dir_size(index_dir / "chroma") if (index_dir / "chroma").exists() else 0
    sizes["embedding_cache"] = sum(dir_size(p) for p in index_dir.glob("embeddings.sqlite*"))
    sizes["total"] = sum(sizes.values())
    return sizes


def build_lexical(corpus: Path, index_dir: Path, workers: int = 2) -> dict[str, Any]:
    """A full lexical build of `corpus` into `index_dir` (which should be empty), then a
    rebuild with nothing changed. Throughput in files, PDF pages and chunks per second."""
    from core import store
    from indexing.pipeline import build_index

    first = build_index(Path(corpus), Path(index_dir), workers=workers)
    chunks = store.read_chunks(first.build)
    pages = len({(c.source, c.page) for c in chunks if c.kind == "court_bulletin" and c.page})
    again = build_index(Path(corpus), Path(index_dir), workers=workers)
    files = first.read + first.reused
    return {"seconds": first.seconds, "files": files, "skipped": len(first.skipped),
            "skipped_reasons": dict(sorted(first.skipped.items())[:10]), "chunks": len(chunks),
            "chars": sum(len(c.text) for c in chunks), "pdf_pages_with_text": pages,
            "files_per_s": files / first.seconds, "chunks_per_s": len(chunks) / first.seconds,
            "counts": first.counts, "workers": workers,
            "rebuild_no_change_seconds": again.seconds, "rebuild_up_to_date": again.up_to_date}


def scale_view(scale: Path, out: Path) -> Path:
    """The scale corpus (`pis/*.json`) as symlinks at `zakoni/pis/`, where the ingest
    registry routes PIS statutes; other layouts are returned unchanged."""
    scale = Path(scale).resolve()
    if (scale / "zakoni").is_dir() or not (scale / "pis").is_dir():
        return scale
    target = Path(out) / "zakoni" / "pis"
    target.mkdir(parents=True, exist_ok=True)
    for f in sorted((scale / "pis").glob("*.json")):
        (target / f.name).symlink_to(f)
    return Path(out)


def pdf_rate(pdf: Path, source: str) -> dict[str, Any]:
    """Pages per second of the bulletin loader on one PDF, in this process (one core)."""
    from ingest.registry import load_file

    t0 = time.perf_counter()
    loaded = load_file(Path(pdf), source)
    seconds = time.perf_counter() - t0
    pages = len({c.page for c in loaded.chunks})
    return {"source": source, "seconds": seconds, "pages_with_text": pages, "pages_per_s": pages / seconds}


def dense_rate(index_dir: Path, n: int = 64, embedder: str = DEFAULT_EMBEDDER) -> dict[str, Any]:
    """Embed `n` chunks of the index at `index_dir` into a temp dense index with an empty
    cache: chunks/s and ms per character of the dense leg's real input (`dense_text`)."""
    from core import store
    from indexing.build import dense_text
    from retrieval.dense_index import DenseIndex
    from retrieval.embedders.factory import make_embedder

    build = store.require_build(Path(index_dir))
    docs = {d.source: d for d in store.read_documents(build)}
    chunks = store.read_chunks(build)
    rng = np.random.default_rng(0)
    pick = [chunks[i] for i in sorted(rng.choice(len(chunks), size=min(n, len(chunks)), replace=False))]
    texts = [dense_text(c, docs.get(c.source)) for c in pick]
    emb = make_embedder(embedder)
    with tempfile.TemporaryDirectory() as tmp:
        dense = DenseIndex(Path(tmp), emb)
        emb.embed_query("warm up")  # model load is not throughput
        t0 = time.perf_counter()
        counts = dense.sync([c.id for c in pick], texts)
        seconds = time.perf_counter() - t0
    chars = sum(len(t) for t in texts)
    return {"embedder": emb.name, "chunks": counts["embedded"], "chars": chars, "seconds": seconds,
            "chunks_per_s": counts["embedded"] / seconds, "ms_per_char": 1000 * seconds / chars}


def embed_rate(texts: Sequence[str], embedder) -> dict[str, Any]:
    """ms per character of `embedder.embed_passages` on `texts` (batched by 32)."""
    embedder.embed_query("warm up")
    t0 = time.perf_counter()
    for i in range(0, len(texts), 32):
        embedder.embed_passages(list(texts[i : i + 32]))
    seconds = time.perf_counter() - t0
    chars = sum(len(t) for t in texts)
    return {"embedder": embedder.name, "texts": len(texts), "chars": chars, "seconds": seconds,
            "ms_per_char": 1000 * seconds / chars if chars else 0.0}


def warm_latency(search_fn, questions: Sequence[str], answer_fn=None) -> dict[str, Any]:
    """Per-question wall time (ms) of `search_fn(q)` and, if given, `answer_fn(q)`, after
    one untimed warm-up call each."""
    search_fn(questions[0])
    search_ms = []
    for q in questions:
        t0 = time.perf_counter()
        search_fn(q)
        search_ms.append((time.perf_counter() - t0) * 1000)
    out = {"search_ms": search_ms, "search": pct(search_ms)}
    if answer_fn is not None:
        answer_fn(questions[0])
        answer_ms = []
        for q in questions:
            t0 = time.perf_counter()
            answer_fn(q)
            answer_ms.append((time.perf_counter() - t0) * 1000)
        out.update({"answer_ms": answer_ms, "answer": pct(answer_ms)})
    return out


_COLD = """
import json, sys, time
t0 = time.perf_counter()
from retrieval import search
t1 = time.perf_counter()
search(sys.argv[2], k=10, index_dir=sys.argv[1], mode=sys.argv[3])
t2 = time.perf_counter()
search(sys.argv[2] + " ?", k=10, index_dir=sys.argv[1], mode=sys.argv[3])
t3 = time.perf_counter()
print(json.dumps({"import_ms": (t1 - t0) * 1000, "first_query_ms": (t2 - t1) * 1000,
                  "second_query_ms": (t3 - t2) * 1000}))
"""

_PEAK = """
import json, resource, sys
from pathlib import Path
from answer import answer
questions = json.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))
for q in questions:
    answer(q, index_dir=Path(sys.argv[1]))
print(json.dumps({"questions": len(questions),
                  "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _python(code: str, *args: str, timeout: float = 900) -> dict[str, Any]:
    # The checkout first; a caller's PYTHONPATH after it (a test's, installing its fakes).
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "PYTHONPATH": path, "ANONYMIZED_TELEMETRY": "False"}
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          env=env, cwd=str(ROOT), timeout=timeout, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"benchmark subprocess failed ({done.returncode}): {done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def cold_query(index_dir: Path, question: str, mode: str = "hybrid", runs: int = 3) -> dict[str, Any]:
    """First query in a fresh process (index load and, for the dense leg, model load
    included), `runs` times."""
    samples = [_python(_COLD, str(index_dir), question, mode) for _ in range(runs)]
    first = [s["first_query_ms"] for s in samples]
    return {"mode": mode, "runs": samples, "first_query": pct(first),
            "import": pct([s["import_ms"] for s in samples])}


def peak_memory(index_dir: Path, questions: Sequence[str]) -> dict[str, Any]:
    """Peak RSS of a process that loads the index and the models and answers `questions`
    the way the app does (`answer.answer`, hybrid retrieval, extractive answers)."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        json.dump(list(questions), f, ensure_ascii=False)
    try:
        return _python(_PEAK, str(index_dir), f.name)
    finally:
        os.unlink(f.name)
