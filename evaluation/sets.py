"""`python -m evaluation.sets --index DIR [--out FILE] [--set NAME ...]`: every QA set of
evaluation/data side by side, hybrid mode, through the public search and answer
functions (evaluation.runner), in one process.

The sets, by shape of question: search-box (the development set's dev and test splits,
hold-out 1), story-shaped (hold-outs 2 and 3, the blind story set) and unanswerable
(the dev and blind sets of questions the corpus cannot answer). Prints one row per set:
recall@5, MRR@5, answered share, gold-citation share, unanswerable abstained, verified.
Also used to score a new blind set once (`--set`), and by the risk-coverage table
(evaluation.risk). Writes nothing unless --out is given.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from core.paths import resolve_index

DATA = Path(__file__).resolve().parent / "data"
# name -> (file, split)
SETS = {
    "dev": ("qa_dev.jsonl", "dev"),
    "test": ("qa_dev.jsonl", "test"),
    "holdout1": ("qa_holdout.jsonl", "all"),
    "holdout2": ("qa_holdout2.jsonl", "all"),
    "holdout3": ("qa_holdout3.jsonl", "all"),
    "stories_blind": ("qa_stories_blind.jsonl", "all"),
    "stories_blind2": ("qa_stories_blind2.jsonl", "all"),
    "stories_blind3": ("qa_stories_blind3.jsonl", "all"),
    "unanswerable_dev": ("qa_unanswerable_dev.jsonl", "all"),
    "unanswerable_blind": ("qa_unanswerable_blind.jsonl", "all"),
    "unanswerable_blind2": ("qa_unanswerable_blind2.jsonl", "all"),
    "unanswerable_blind3": ("qa_unanswerable_blind3.jsonl", "all"),
    "stories_blind4": ("qa_stories_blind4.jsonl", "all"),
    "unanswerable_blind4": ("qa_unanswerable_blind4.jsonl", "all"),
    "stories_blind5": ("qa_stories_blind5.jsonl", "all"),
    "unanswerable_blind5": ("qa_unanswerable_blind5.jsonl", "all"),
    "stories_blind6": ("qa_stories_blind6.jsonl", "all"),
    "unanswerable_blind6": ("qa_unanswerable_blind6.jsonl", "all"),
    "stories_blind7": ("qa_stories_blind7.jsonl", "all"),
    "unanswerable_blind7": ("qa_unanswerable_blind7.jsonl", "all"),
    "stories_blind8": ("qa_stories_blind8.jsonl", "all"),
    "unanswerable_blind8": ("qa_unanswerable_blind8.jsonl", "all"),
    "stories_blind9": ("qa_stories_blind9.jsonl", "all"),
    "unanswerable_blind9": ("qa_unanswerable_blind9.jsonl", "all"),
    "stories_blind10": ("qa_stories_blind10.jsonl", "all"),
    "unanswerable_blind10": ("qa_unanswerable_blind10.jsonl", "all"),
    "stories_blind11": ("qa_stories_blind11.jsonl", "all"),
    "unanswerable_blind11": ("qa_unanswerable_blind11.jsonl", "all"),
    "stories_blind12": ("qa_stories_blind12.jsonl", "all"),
    "unanswerable_blind12": ("qa_unanswerable_blind12.jsonl", "all"),
    "stories_blind13": ("qa_stories_blind13.jsonl", "all"),
    "unanswerable_blind13": ("qa_unanswerable_blind13.jsonl", "all"),
    "stories_blind14": ("qa_stories_blind14.jsonl", "all"),
    "unanswerable_blind14": ("qa_unanswerable_blind14.jsonl", "all"),
    "stories_blind15": ("qa_stories_blind15.jsonl", "all"),
    "unanswerable_blind15": ("qa_unanswerable_blind15.jsonl", "all"),
    "stories_blind16": ("qa_stories_blind16.jsonl", "all"),
    "unanswerable_blind16": ("qa_unanswerable_blind16.jsonl", "all"),
    "stories_blind17": ("qa_stories_blind17.jsonl", "all"),
    "unanswerable_blind17": ("qa_unanswerable_blind17.jsonl", "all"),
    "stories_blind18": ("qa_stories_blind18.jsonl", "all"),
    "unanswerable_blind18": ("qa_unanswerable_blind18.jsonl", "all"),
    "stories_blind19": ("qa_stories_blind19.jsonl", "all"),
    "unanswerable_blind19": ("qa_unanswerable_blind19.jsonl", "all"),
    "stories_blind20": ("qa_stories_blind20.jsonl", "all"),
    "unanswerable_blind20": ("qa_unanswerable_blind20.jsonl", "all"),
    "stories_blind21": ("qa_stories_blind21.jsonl", "all"),
    "unanswerable_blind21": ("qa_unanswerable_blind21.jsonl", "all"),
    "stories_blind22": ("qa_stories_blind22.jsonl", "all"),
    "unanswerable_blind22": ("qa_unanswerable_blind22.jsonl", "all"),
    "stories_blind23": ("qa_stories_blind23.jsonl", "all"),
    "unanswerable_blind23": ("qa_unanswerable_blind23.jsonl", "all"),
}
# By shape of question; every blind set registered above joins its shape, in SETS order.
SHAPES = {"search-box": ("dev", "test", "holdout1"),
          "story": ("holdout2", "holdout3") + tuple(n for n in SETS if n.startswith("stories_blind")),
          "unanswerable": tuple(n for n in SETS if n.startswith("unanswerable_"))}
COLUMNS = (("recall@5", lambda r: r["recall@k"]), ("MRR@5", lambda r: r["mrr"]),
           ("answered", lambda r: r["answers"]["answered_share"]),
           ("cites gold", lambda r: r["answers"]["gold_citation_share"]),
           ("unans. abstained", lambda r: r["answers"]["unanswerable_abstained_share"]),
           ("verified", lambda r: r["answers"]["verified_citation_share"]))


def run_sets(index_dir: Path, names: list[str], k: int = 5, threshold: float | None = None) -> dict[str, dict]:
    """{set name: the runner's result for hybrid} for the sets whose file exists."""
    from evaluation.qa import load_qa
    from evaluation.runner import evaluate, index_absent, index_plan, index_search, select

    out = {}
    for name in names:
        file, split = SETS[name]
        if not (DATA / file).is_file():
            continue
        qa = select(load_qa(DATA / file), split)
        out[name] = evaluate(qa, {"hybrid": index_search(index_dir, "hybrid")}, k,
                             absent={"hybrid": index_absent(index_dir)}, plans={"hybrid": index_plan(index_dir)},
                             threshold=threshold)["hybrid"]
    return out


def table(results: dict[str, dict]) -> str:
    rows = ["| set | n | " + " | ".join(c for c, _ in COLUMNS) + " |", "|---|---:|" + "---:|" * len(COLUMNS)]
    for name, r in results.items():
        rows.append(f"| {name} | {r['n']} | " + " | ".join(f"{f(r):.3f}" for _, f in COLUMNS) + " |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    from core.privacy import apply_privacy_defaults

    apply_privacy_defaults(os.environ)
    p = argparse.ArgumentParser(prog="python -m evaluation.sets", description=__doc__.splitlines()[0])
    p.add_argument("--index", default=str(resolve_index(None, os.environ)))
    p.add_argument("--set", nargs="+", default=list(SETS), choices=list(SETS))
    p.add_argument("--out", default=None)
    args = p.parse_args(argv)
    results = run_sets(Path(args.index), args.set)
    print(table(results))
    if args.out:
        Path(args.out).write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
