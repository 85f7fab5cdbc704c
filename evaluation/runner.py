"""Run a QA set through one or more retrieval modes and score them.

For each question and mode: the mode's top hits (through the same public functions the
app uses: `retrieval.search`, or the baseline's `search`), the rank of the first gold
match, and the extractive answer composed from those same hits (`answer.answer(q,
hits=…)`), whose `abstained` flag scores abstention and whose citations score grounding.
Then per mode: the docs/design.md metrics plus per-language recall, the script-triplet check
and answer grounding; and hybrid against each other mode, question by question.

Pure orchestration over `evaluation.metrics`; no printing, no files (see __main__).
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Callable, Sequence

from evaluation import metrics as M
from core.errors import ConfigError

ANSWER_K = 8  # hits the extractive answerer reads, as `answer.answer`'s default
MODES = ("hybrid", "bm25", "dense", "baseline")
SearchFn = Callable[[str, int], list]  # (question, k) -> list[Hit]
AbsentFn = Callable[[str], list]  # question -> names of sources the index does not hold


def select(qa: Sequence[dict[str, Any]], split: str) -> list[dict[str, Any]]:
    if split not in ("dev", "test", "all"):
        raise ConfigError(f"split {split!r} is not one of ('dev', 'test', 'all')")
    return [q for q in qa if split == "all" or q.get("split") == split]


def index_search(index_dir: Path, mode: str) -> SearchFn:
    """A mode of our index, through the public `retrieval.search`."""
    from retrieval import search

    return lambda question, k: search(question, k=k, index_dir=index_dir, mode=mode)


def index_absent(index_dir: Path) -> AbsentFn:
    """The index's absent-source lookup, through the public `retrieval.absent_references`."""
    from retrieval import absent_references

    return lambda question: absent_references(question, index_dir=index_dir)


def index_plan(index_dir: Path) -> Callable[[str], Any]:
    """The index's remedy plans, through the public `retrieval.remedy_plan`."""
    from retrieval import remedy_plan

    return lambda question: remedy_plan(question, index_dir=index_dir)


def collect(qa: Sequence[dict[str, Any]], search_fn: SearchFn, k: int,
            absent_fn: AbsentFn | None = None, plan_fn: Callable[[str], Any] | None = None,
            threshold: float | None = None) -> list[dict[str, Any]]:
    """Per question: hit dicts (top max(k, ANSWER_K)), the answer dict, timings.
    absent_fn: the sources a question names that the index lacks, as the app passes
    them to the answerer (None: the answerer is told of none, e.g. the baseline)."""
    from answer import answer, make_answerer

    extractive = make_answerer("extractive") if threshold is None else make_answerer("extractive", threshold=threshold)
    rows = []
    for q in qa:
        t0 = time.perf_counter()
        hits = search_fn(q["question"], max(k, ANSWER_K))
        t1 = time.perf_counter()
        absent = absent_fn(q["question"]) if absent_fn else ()
        plan = plan_fn(q["question"]) if plan_fn else None
        a = answer(q["question"], hits=hits[:ANSWER_K], answerer=extractive, absent=absent, plan=plan).to_dict()
        a.pop("hits", None)
        rows.append({"hits": [h.to_dict() for h in hits], "answer": a,
                     "search_ms": (t1 - t0) * 1000, "answer_ms": (time.perf_counter() - t1) * 1000})
    return rows


def _unit(hit: dict[str, Any]) -> tuple:
    return (hit.get("source"), hit.get("article"), hit.get("paragraph"), hit.get("page"))


def triplets(qa: Sequence[dict[str, Any]], rows: Sequence[dict[str, Any]], k: int) -> dict[str, Any]:
    """Groups asked in Latin, Cyrillic and without diacritics: same top unit for all three?"""
    groups: dict[str, list[int]] = {}
    for i, q in enumerate(qa):
        if q.get("group"):
            groups.setdefault(str(q["group"]), []).append(i)
    full = {g: idx for g, idx in groups.items() if len(idx) == 3}
    same = [g for g, idx in full.items() if len({_unit(rows[i]["hits"][0]) if rows[i]["hits"] else None
                                                   for i in idx}) == 1]
    found = [g for g, idx in full.items()
             if all((r := M.first_match_rank(rows[i]["hits"], qa[i]["gold"])) and r <= k for i in idx)]
    n = len(full)
    return {"groups": n, "same_top_hit": len(same), "same_top_share": len(same) / n if n else 0.0,
            "all_three_found": len(found), "differing": sorted(set(full) - set(same))}


def score(qa: Sequence[dict[str, Any]], rows: Sequence[dict[str, Any]], k: int, mode: str) -> dict[str, Any]:
    """The docs/design.md result object for one mode, plus the extra analyses."""
    ranks = [M.first_match_rank(r["hits"], q["gold"]) for q, r in zip(qa, rows)]
    ans = [i for i, q in enumerate(qa) if q["answerable"]]
    a_ranks = [ranks[i] for i in ans]
    rels = [M.relevance_vector(rows[i]["hits"], qa[i]["gold"], k) for i in ans]
    abstained = [bool(r["answer"]["abstained"]) for r in rows]
    answers = [r["answer"] for r in rows]
    langs: dict[str, list[int]] = {}
    for i in ans:
        langs.setdefault(qa[i].get("lang", "?"), []).append(i)
    search_ms = sorted(r["search_ms"] for r in rows)
    return {
        "n": len(qa), "k": k, "mode": mode,
        "recall@k": M.recall_at_k(a_ranks, k),
        "mrr": M.mrr(a_ranks, k),
        "ndcg@k": M.ndcg_at_k(rels, k, n_gold=[len(qa[i]["gold"]) for i in ans]),
        "abstention_accuracy": M.abstention_accuracy(abstained, [q["answerable"] for q in qa]),
        "per_question": [{"id": q["id"], "rank": r, "abstained": a} for q, r, a in zip(qa, ranks, abstained)],
        "n_answerable": len(ans),
        "recall@k_by_lang": {lang: {"n": len(idx), "recall@k": M.recall_at_k([ranks[i] for i in idx], k)}
                             for lang, idx in sorted(langs.items())},
        "answers": {
            "gold_citation_share": M.gold_citation_share(answers, qa),
            "verified_citation_share": M.verified_citation_share(answers),
            "answered_share": sum(not abstained[i] for i in ans) / len(ans) if ans else 0.0,
            "unanswerable_abstained_share": _share([abstained[i] for i, q in enumerate(qa) if not q["answerable"]]),
            "citations": sum(len(a.get("citations") or []) for a in answers),
        },
        "triplets": triplets(qa, rows, k),
        "search_ms_p50": _pct(search_ms, 50), "search_ms_p95": _pct(search_ms, 95),
    }


def _share(flags: Sequence[bool]) -> float:
    return sum(flags) / len(flags) if flags else 0.0


def _pct(sorted_values: Sequence[float], p: float) -> float:
    import numpy as np

    return float(np.percentile(sorted_values, p)) if sorted_values else 0.0


def paired(results: dict[str, dict[str, Any]], qa: Sequence[dict[str, Any]], a: str = "hybrid") -> dict[str, Any]:
    """Reciprocal ranks of mode `a` against every other mode, over answerable questions."""
    if a not in results:
        return {}
    answerable = {q["id"] for q in qa if q["answerable"]}

    def rr(mode: str) -> list[float]:
        res = results[mode]
        ranks = [p["rank"] for p in res["per_question"] if p["id"] in answerable]
        return M.reciprocal_ranks(ranks, res["k"])

    return {f"{a}_vs_{b}": M.paired_differences(rr(a), rr(b)) for b in results if b != a and answerable}


def evaluate(qa: Sequence[dict[str, Any]], searches: dict[str, SearchFn], k: int = 5,
             progress: Callable[[str], None] | None = None,
             absent: dict[str, AbsentFn] | None = None,
             plans: dict[str, Callable[[str], Any]] | None = None,
             threshold: float | None = None) -> dict[str, dict[str, Any]]:
    """{mode: result} for every named search function; hybrid carries `paired_vs`.
    absent: per mode, the absent-source lookup its answers get (see `collect`);
    plans: per mode, the remedy-plan lookup (retrieval.remedy_plan), as the app uses."""
    if not isinstance(k, int) or k < 1:
        raise ConfigError(f"k={k!r} must be a positive integer")
    bad = set(searches) - set(MODES)
    if bad:
        raise ConfigError(f"modes {sorted(bad)} are not allowed; use {MODES}")
    results = {}
    for mode, fn in searches.items():
        if progress:
            progress(mode)
        results[mode] = score(qa, collect(qa, fn, k, (absent or {}).get(mode), (plans or {}).get(mode), threshold),
                              k, mode)
    if "hybrid" in results:
        results["hybrid"]["paired_vs"] = paired(results, qa)
    return results
