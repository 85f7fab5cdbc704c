"""Learn the order of a story's first results (`retrieval.learned_order`) from the
development stories, and say how well it does on stories it did not learn from.

    python -m evaluation.train_order --index .index --index ../idx_lex [--exclude SET ...]

For every answerable story of the story-shaped sets (`evaluation.sets.SHAPES["story"]`
minus `--exclude`: a blind set not yet scored stays out), on each index given (the
dense one and a lexical one, so that the model serves both), the searcher's legs are
recorded and fused as `search` fuses them, without the learned order. Each of the first
`depth` results after the cited provisions is one row of `FEATURES`, labelled 1 when it
is the story's gold unit. A logistic model with an L2 penalty (`--c`) is fitted by
Newton's method; recall@5 with it is first measured leave-one-set-out (each set's
stories reordered by a model learned on the others) beside fusion's own order, then the
model learned on all of them is written to `retrieval/data/story_order.json`, with the
sets, the counts and that measurement.

Deliberately not here: the features and the reordering (`retrieval.learned_order`),
the fusion (`retrieval.searcher`).
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from retrieval.learned_order import FEATURES, MODEL_FILE, order_features

DEPTH = 20  # the results after the cited ones a story's model reorders (its file's "depth")


def record(index_dir: Path, names: list[str]) -> list[dict]:
    """One row group per answerable story: its set, features and labels, and where
    fusion's own order put its first gold unit among the candidates."""
    from evaluation.metrics import hit_matches
    from evaluation.qa import load_qa
    from evaluation.runner import select
    from evaluation.sets import DATA, SETS
    from pathways.facts import is_story
    from retrieval.priors import unit_of
    from retrieval.searcher import Searcher

    s = Searcher(index_dir)
    s.order_model = None  # the features are fusion's order's, whatever model the file holds
    depth = DEPTH
    seen_inputs: dict = {}
    real = s._ranked

    def spy(question, rankings, heads, allowed, named_sources, rerank=True):
        out = real(question, rankings, heads, allowed, named_sources, rerank)
        seen_inputs["last"] = (rankings, rerank, out)
        return out

    s._ranked = spy
    groups = []
    for name in names:
        file, split = SETS[name]
        for qa in select(load_qa(DATA / file), split):
            if not qa["answerable"] or not is_story(qa["question"]):
                continue
            s.search(qa["question"], k=10)
            rankings, rerank, (ranked, cited, _) = seen_inputs["last"]
            if not rerank:  # a story asking in general for its routes' remedy keeps fusion's order
                continue
            keep = next((i for i, (cid, _) in enumerate(ranked) if cid not in cited), len(ranked))
            top = [cid for cid, _ in ranked[:depth]]
            x = order_features(qa["question"], top, rankings, s.by_id.__getitem__, unit_of, s.term_stats.idf)
            y = [any(hit_matches(_unit(s.by_id[cid]), g) for g in qa["gold"]) for cid in top]
            groups.append({"set": name, "id": qa["id"], "keep": keep, "x": np.array(x, dtype=float),
                           "y": np.array(y, dtype=float)})
    return groups


def _unit(chunk) -> dict:
    return {"source": chunk.source, "article": chunk.article, "paragraph": chunk.paragraph, "page": chunk.page}


def fit(x: np.ndarray, y: np.ndarray, c: float, steps: int = 50) -> tuple[np.ndarray, float]:
    """L2-penalised logistic regression (penalty 1 / (2c) on the weights, not the
    intercept) by Newton's method: (weights, intercept)."""
    a = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(a.shape[1])
    penalty = np.full(a.shape[1], 1.0 / c)
    penalty[-1] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(a @ w)))
        grad = a.T @ (p - y) + penalty * w
        hess = (a * (p * (1 - p))[:, None]).T @ a + np.diag(penalty) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1])


def top5(group: dict, scores: np.ndarray | None) -> bool:
    """Whether a gold unit is in the first five once the rows after `keep` are sorted by
    `scores` (None: fusion's own order)."""
    n, keep = len(group["y"]), min(group["keep"], len(group["y"]))
    rest = list(range(keep, n))
    if scores is not None:
        rest.sort(key=lambda i: (-scores[i], i))
    return bool(any(group["y"][i] for i in (list(range(keep)) + rest)[:5]))


def cross_validate(groups: list[dict], c: float) -> dict[str, dict[str, int]]:
    """{index: {"stories", "fusion", "learned"}}: recall@5 counts, each set's stories (on
    every index) reordered by a model learned on the other sets."""
    out: dict[str, dict[str, int]] = {}
    for held in dict.fromkeys(g["set"] for g in groups):
        train = [g for g in groups if g["set"] != held]
        w, b = fit(np.vstack([g["x"] for g in train]), np.concatenate([g["y"] for g in train]), c)
        for g in (g for g in groups if g["set"] == held):
            counts = out.setdefault(g["index"], {"stories": 0, "fusion": 0, "learned": 0})
            counts["stories"] += 1
            counts["fusion"] += top5(g, None)
            counts["learned"] += top5(g, g["x"] @ w + b)
    return out


def main(argv: list[str] | None = None) -> int:
    from evaluation.sets import SHAPES

    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--index", type=Path, action="append", required=True)
    p.add_argument("--exclude", action="append", default=[], choices=list(SHAPES["story"]))
    p.add_argument("--c", type=float, default=0.1)
    p.add_argument("--out", type=Path, default=MODEL_FILE)
    args = p.parse_args(argv)
    if args.c <= 0:
        p.error(f"--c {args.c}: must be > 0")
    names = [n for n in SHAPES["story"] if n not in args.exclude]
    groups = []
    for index_dir in args.index:
        recorded = record(index_dir, names)
        for g in recorded:
            g["index"] = index_dir.name
        groups += recorded
        print(index_dir, len(recorded), "stories recorded", flush=True)
    report = cross_validate(groups, args.c)
    print(report)
    w, b = fit(np.vstack([g["x"] for g in groups]), np.concatenate([g["y"] for g in groups]), args.c)
    model = {"depth": DEPTH, "intercept": round(b, 6),
             "features": [{"name": n, "weight": round(float(v), 6)} for n, v in zip(FEATURES, w)],
             "trained_on": names, "c": args.c,
             "leave_one_set_out_recall_at_5": report}
    args.out.write_text(json.dumps(model, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(groups)} stories, {int(sum(g['y'].sum() for g in groups))} gold rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
