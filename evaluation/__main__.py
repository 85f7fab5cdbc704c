"""`python -m evaluation`: score retrieval modes and extractive answers on a QA set.

    python -m evaluation --index DIR --qa FILE.jsonl [--k 5] [--mode MODE ...|all]
                         [--split test|dev|all] [--json] [--out FILE.json]
    python -m evaluation --report [--corpus ../shared/corpus] [--index .index] …

The first form evaluates the index at DIR (`baseline` mode: the LangChain baseline over
the corpus that index was built from, stored under evaluation/results/tmp/). With
--json it prints one JSON object per mode (the docs/design.md contract), else one table with
the modes side by side. `--report` runs the whole protocol of evaluation/README.md:
the sub-corpus with all four modes side by side, then bm25 and hybrid on the full index,
writing evaluation/results/quality.json and the quality plot.

Locations come from flags, else PRAVNI_LEK_INDEX / PRAVNI_LEK_CORPUS.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

from core.paths import resolve_corpus, resolve_index
from core.settings import DEFAULT_EMBEDDER
from evaluation.runner import MODES, evaluate, index_absent, index_plan, index_search, select

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "evaluation" / "results"
TMP = RESULTS / "tmp"  # git-ignored: sub-corpus links, its index, the baseline's Chroma store
DEFAULT_QA = ROOT / "evaluation" / "data" / "qa_dev.jsonl"


def _say(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def baseline_search(corpus: Path, store_dir: Path):
    """The baseline's search function, building its store first if needed (resumable)."""
    from evaluation.baseline import BaselineIndex, tqdm_progress

    base = BaselineIndex(store_dir)
    info = base.build(corpus, progress=tqdm_progress("baseline embed"))
    _say(f"baseline store {store_dir}: {info}")
    return base.search, info


def searches_for(index_dir: Path, modes: list[str], corpus: Path | None = None,
                 baseline_store: Path | None = None) -> tuple[dict, dict]:
    out, info = {}, {}
    for mode in modes:
        if mode == "baseline":
            if corpus is None:
                from core import store

                corpus = Path(store.read_json(store.require_build(index_dir) / "manifest.json")["corpus"])
            key = hashlib.sha256(str(corpus.resolve()).encode()).hexdigest()[:8]
            out[mode], info["baseline_build"] = baseline_search(corpus, baseline_store or TMP / f"baseline-{key}")
        else:
            out[mode] = index_search(index_dir, mode)
    return out, info


def absent_for(index_dir: Path, modes) -> dict:
    """Our modes' answers are told which named sources the index lacks; the baseline's are not."""
    lookup = index_absent(index_dir)
    return {m: lookup for m in modes if m != "baseline"}


def plans_for(index_dir: Path, modes) -> dict:
    """Our modes' answers get the remedy plan (the remedy guide's pathways); the baseline's do not."""
    lookup = index_plan(index_dir)
    return {m: lookup for m in modes if m != "baseline"}


def dense_state(index_dir: Path) -> dict[str, Any]:
    from retrieval.searcher import get_searcher

    return get_searcher(index_dir).dense_status()


ROWS = (("recall@k", "recall@{k}"), ("mrr", "MRR@{k}"), ("ndcg@k", "nDCG@{k}"),
        ("abstention_accuracy", "abstention accuracy"))


def table(results: dict[str, dict[str, Any]], title: str = "") -> str:
    """The modes side by side, one metric a row."""
    modes = list(results)
    k = next(iter(results.values()))["k"] if results else 0
    lines = [title] if title else []
    lines.append(f"{'':34}" + "".join(f"{m:>10}" for m in modes))
    rows = [(lambda r, key=key: r[key], label.format(k=k)) for key, label in ROWS]
    rows += [(lambda r: r["answers"]["answered_share"], "answered (answerable q.)"),
             (lambda r: r["answers"]["gold_citation_share"], "answer cites gold"),
             (lambda r: r["answers"]["verified_citation_share"], "citations verified"),
             (lambda r: r["triplets"]["same_top_share"], "script triplets same top"),
             (lambda r: r["search_ms_p50"], "search ms p50")]
    langs = sorted({lang for r in results.values() for lang in r["recall@k_by_lang"]})
    rows += [(lambda r, lang=lang: r["recall@k_by_lang"].get(lang, {}).get("recall@k", float("nan")),
              f"recall@{k} {lang}") for lang in langs]
    for get, label in rows:
        lines.append(f"{label:34}" + "".join(f"{get(results[m]):>10.3f}" for m in modes))
    n = next(iter(results.values()))
    lines.append(f"questions: {n['n']} ({n['n_answerable']} answerable)")
    for name, p in results.get("hybrid", {}).get("paired_vs", {}).items():
        lines.append(f"{name} (reciprocal rank): wins {p['wins']} losses {p['losses']} ties {p['ties']}, "
                     f"mean diff {p['mean_diff']:+.3f}, 95% CI [{p['ci95'][0]:+.3f}, {p['ci95'][1]:+.3f}]")
    return "\n".join(lines)


def write_json(path: Path, obj: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(obj, ensure_ascii=False, indent=1), encoding="utf-8")


def sub_index(sub_corpus: Path, index_dir: Path, main_cache: Path) -> dict[str, Any]:
    """Our index of the sub-corpus: lexical build, then the dense leg reading and filling
    the main index's embedding cache (same chunk ids), so it costs nothing when the main
    build has embedded those chunks already."""
    from indexing.pipeline import build_index
    from indexing.build import sync_dense

    report = build_index(sub_corpus, index_dir, workers=2)
    counts = sync_dense(index_dir, embedder=DEFAULT_EMBEDDER, cache_path=main_cache)
    return {"lexical_seconds": round(report.seconds, 1), "counts": report.counts,
            "skipped": report.skipped, "dense": counts}


def report(args: argparse.Namespace, qa: list[dict]) -> dict[str, Any]:
    from evaluation.subcorpus import make_subcorpus

    corpus, index_dir = Path(args.corpus), Path(args.index)
    _say("sub-corpus …")
    composition = make_subcorpus(corpus, qa, TMP / "subcorpus", budget_chars=args.budget, split=args.split)
    sub = sub_index(TMP / "subcorpus", TMP / "subindex", index_dir / "embeddings.sqlite")
    searches, info = searches_for(TMP / "subindex", list(MODES), TMP / "subcorpus", TMP / "baseline")
    chosen = select(qa, args.split)
    sub_results = evaluate(chosen, searches, args.k, progress=lambda m: _say(f"sub-corpus: {m}"),
                           absent=absent_for(TMP / "subindex", searches), plans=plans_for(TMP / "subindex", searches))
    print(table(sub_results, f"Sub-corpus ({composition['files']} files, {composition['raw_chars']:,} "
                             f"raw characters), split {args.split}"))
    full_modes = ["bm25", "hybrid"]
    state = dense_state(index_dir)
    if state.get("complete"):
        full_modes.append("dense")
    full_searches, _ = searches_for(index_dir, full_modes)
    full_results = evaluate(chosen, full_searches, args.k, progress=lambda m: _say(f"full corpus: {m}"),
                            absent=absent_for(index_dir, full_searches), plans=plans_for(index_dir, full_searches))
    print(table(full_results, f"Full bundled corpus ({index_dir}), dense leg {state.get('done')}/"
                              f"{state.get('total')} chunks embedded"))
    from retrieval.searcher import get_searcher

    indexed = set(get_searcher(index_dir).documents)
    not_indexed = [q["id"] for q in chosen if q["answerable"] and not any(g["source"] in indexed for g in q["gold"])]
    if not_indexed:
        print(f"{len(not_indexed)} answerable questions have no gold source in {index_dir}: {not_indexed}")
    return {"qa": str(args.qa), "split": args.split, "k": args.k,
            "subcorpus": {"composition": composition, "our_index": sub, **info, "results": sub_results},
            "full": {"index": str(index_dir), "dense_status": state, "gold_source_not_indexed": not_indexed,
                     "results": full_results}}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m evaluation", description=__doc__.split("\n")[0])
    p.add_argument("--index", default=str(resolve_index(None, os.environ)))
    p.add_argument("--qa", default=str(DEFAULT_QA))
    p.add_argument("--k", type=int, default=5)
    p.add_argument("--mode", nargs="+", default=["hybrid"], help=f"{', '.join(MODES)} or all")
    p.add_argument("--split", default="test", choices=("test", "dev", "all"))
    p.add_argument("--json", action="store_true")
    p.add_argument("--out", help="write the full results JSON here")
    p.add_argument("--corpus", default=str(resolve_corpus(None, os.environ)))
    p.add_argument("--report", action="store_true", help="the whole protocol (sub-corpus + full index)")
    p.add_argument("--budget", type=int, default=2_500_000, help="sub-corpus raw characters (with --report)")
    args = p.parse_args(argv)
    modes = list(MODES) if args.mode == ["all"] else args.mode
    bad = [m for m in modes if m not in MODES]
    if bad or args.k < 1:
        p.error(f"--mode {bad} not in {MODES}" if bad else f"--k {args.k} must be >= 1")
    from evaluation.qa import load_qa

    qa = load_qa(args.qa)
    if args.report:
        out = report(args, qa)
        write_json(Path(args.out or RESULTS / "quality.json"), out)
        from evaluation.plots import quality_plot

        quality_plot(out, RESULTS / "quality.png")
        return 0
    searches, _ = searches_for(Path(args.index), modes)
    results = evaluate(select(qa, args.split), searches, args.k, absent=absent_for(Path(args.index), searches),
                       plans=plans_for(Path(args.index), searches))
    if args.json:
        for r in results.values():
            print(json.dumps(r, ensure_ascii=False))
    else:
        print(table(results))
    if args.out:
        write_json(Path(args.out), {"qa": args.qa, "split": args.split, "index": args.index, "results": results})
    return 0


if __name__ == "__main__":
    sys.exit(main())
