"""`partial_dense`: search latency while the dense leg is being filled (issue 10, item 13).

After a fresh start the dense leg fills for an hour or more, and every hybrid search took
~1.7 s against 2 ms for BM25 while it did. This measures that situation on purpose: a
temporary index of `chunks` chunks of the serving build (BM25 built at once), a
background process filling its dense leg from an empty cache, and, while it runs, each
question timed in "bm25", "hybrid" (which now serves BM25 until the leg is complete) and
"dense" (a partial-dense query, what hybrid used to cost). Numbers only, never a pass or
fail; the temporary index is removed at the end and the serving index is only read.
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
from evaluation.bench_measure import ROOT, pct

_WRITER = """
import sys
from pathlib import Path
from indexing.build import sync_dense
sync_dense(Path(sys.argv[1]), embedder=sys.argv[2], show_progress=False, batch_size=int(sys.argv[3]))
"""
DENSE_SAMPLES = 10  # a partial-dense query took ~1.7 s: ten show it without a long wait


def sub_index(index_dir: Path, out: Path, chunks: int) -> Path:
    """A lexical index at `out` of `chunks` chunks of the serving build (a fixed sample)."""
    from core import store
    from ingest.manifest import PARSER_VERSION
    from indexing.build import build_lexical

    build = store.require_build(Path(index_dir))
    docs = store.read_documents(build)
    every = store.read_chunks(build)
    rng = np.random.default_rng(0)
    picked = [every[i] for i in sorted(rng.choice(len(every), size=min(chunks, len(every)), replace=False))]
    sources = {c.source for c in picked}
    docs = [d for d in docs if d.source in sources]
    tmp = store.new_tmp_build(Path(out))
    store.write_records(tmp, docs, picked)
    build_lexical(tmp, docs, picked)
    store.write_json(tmp / "manifest.json", {"format": 1, "parser_version": PARSER_VERSION,
                                             "corpus": f"sample of {index_dir}", "counts": {}})
    store.publish(tmp)
    return Path(out)


def _status(index_dir: Path) -> dict[str, Any]:
    try:
        return json.loads((index_dir / "dense_status.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _wait_for_some_vectors(index_dir: Path, writer: subprocess.Popen, limit_s: float) -> None:
    end = time.monotonic() + limit_s  # a bound on waiting, not a measurement
    while time.monotonic() < end and writer.poll() is None:
        if _status(index_dir).get("done", 0) > 0:
            return
        time.sleep(0.2)


def partial_dense(index_dir: Path, questions: Sequence[str], embedder: str = DEFAULT_EMBEDDER, chunks: int = 3000,
                  batch_size: int = 8) -> dict[str, Any]:
    """Latency per mode (ms) while a background process fills the dense leg of a sample
    index; `hybrid_while_filling` counts the hybrid samples taken while the leg was partial."""
    from retrieval.searcher import Searcher

    qs = list(questions)
    with tempfile.TemporaryDirectory(prefix="bench-partial-") as tmp:
        work = sub_index(Path(index_dir), Path(tmp) / "idx", chunks)
        env = {**os.environ, "PYTHONPATH": str(ROOT), "ANONYMIZED_TELEMETRY": "False"}
        writer = subprocess.Popen([sys.executable, "-c", _WRITER, str(work), embedder, str(batch_size)],
                                  cwd=str(ROOT), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            _wait_for_some_vectors(work, writer, 300)
            before = _status(work)
            searcher = Searcher(work)
            n_chunks = len(searcher.chunks)
            searcher.search(qs[0], k=10, mode="bm25")  # warm-up: index load is not latency
            samples: dict[str, list[float]] = {"bm25": [], "hybrid": [], "dense": []}
            partial = used_dense = 0
            for i, q in enumerate(qs):
                for mode in ("bm25", "hybrid", "dense"):
                    if mode == "dense" and i >= DENSE_SAMPLES:
                        continue
                    was_partial = not _status(work).get("complete", False)
                    t0 = time.perf_counter()
                    hits = searcher.search(q, k=10, mode=mode)
                    samples[mode].append((time.perf_counter() - t0) * 1000)
                    if mode == "hybrid":
                        # partial before and after: partial all through the search
                        partial += was_partial and not _status(work).get("complete", False)
                        used_dense += any("dense" in h.via for h in hits)
            after = _status(work)
        finally:
            if writer.poll() is None:
                writer.terminate()
            writer.wait(timeout=60)
    return {"chunks": n_chunks, "embedder": embedder, "questions": len(qs),
            "dense_status_before": before, "dense_status_after": after,
            "hybrid_while_filling": partial, "hybrid_used_dense": used_dense,
            "bm25": pct(samples["bm25"]), "hybrid": pct(samples["hybrid"]),
            "dense_partial": pct(samples["dense"]),
            "note": "hybrid serves BM25 until dense_status.json says complete; dense_partial is "
                    "what a hybrid search cost while the leg filled before that"}
