"""Retrieval and answer metrics for the QA evaluation, as pure functions.

Matching (docs/design.md): a hit or citation matches a gold item when `source` is equal and
every locator the gold item names (`article`, `stav`, `paragraph`, `page`, `section`) is
equal, compared as strings, so `"page": 34` matches a hit with page `34` or `"34"`.
A gold item with only `source` (a Supreme Court decision) matches any unit of that file.

Ranks are 1-based positions of the first matching hit, `None` when nothing matched.
Rank metrics (`recall_at_k`, `mrr`, `ndcg_at_k`) are averaged over the list they are given:
pass the answerable questions only. An empty list scores 0.0.

This module runs nothing and reads no files: the evaluation entry point collects hits
and answers and calls these.
"""
from __future__ import annotations

import math
from typing import Any, Mapping, Sequence

import numpy as np

from core.records import LOCATOR_FIELDS as LOCATORS


def hit_matches(hit: Mapping[str, Any], gold_item: Mapping[str, Any]) -> bool:
    """True when `hit` (a hit or citation dict) is the unit `gold_item` names."""
    if hit.get("source") != gold_item.get("source"):
        return False
    for key in LOCATORS:
        if key in gold_item and gold_item[key] is not None:
            value = hit.get(key)
            if value is None or str(value) != str(gold_item[key]):
                return False
    return True


def first_match_rank(hits: Sequence[Mapping[str, Any]], gold: Sequence[Mapping[str, Any]]) -> int | None:
    """1-based position of the first hit that matches any gold item; None if none does."""
    for position, hit in enumerate(hits, 1):
        if any(hit_matches(hit, g) for g in gold):
            return position
    return None


def recall_at_k(ranks: Sequence[int | None], k: int) -> float:
    """Share of questions whose first match is within the top k."""
    _check_k(k)
    if not ranks:
        return 0.0
    return sum(1 for r in ranks if r is not None and r <= k) / len(ranks)


def reciprocal_ranks(ranks: Sequence[int | None], k: int) -> list[float]:
    """Per question 1/rank, or 0.0 when there is no match in the top k."""
    _check_k(k)
    return [1.0 / r if r is not None and r <= k else 0.0 for r in ranks]


def mrr(ranks: Sequence[int | None], k: int) -> float:
    """Mean reciprocal rank at k."""
    rr = reciprocal_ranks(ranks, k)
    return sum(rr) / len(rr) if rr else 0.0


def relevance_vector(hits: Sequence[Mapping[str, Any]], gold: Sequence[Mapping[str, Any]], k: int) -> list[int]:
    """Binary relevance of the top k hits.

    A gold item is credited once: when a long article is split into several chunks, the
    second chunk of the same article is not a new relevant unit (else nDCG could pass 1).
    """
    _check_k(k)
    found: set[int] = set()
    rels = []
    for hit in hits[:k]:
        new = [i for i, g in enumerate(gold) if i not in found and hit_matches(hit, g)]
        if new:
            found.add(new[0])
        rels.append(1 if new else 0)
    return rels


def ndcg_at_k(relevances: Sequence[Sequence[int]], k: int, n_gold: Sequence[int] | None = None) -> float:
    """Mean nDCG@k over questions, binary relevance, log2 discount.

    `relevances[q]` is question q's relevance vector in rank order (see `relevance_vector`).
    The ideal DCG places min(n_gold[q], k) relevant units at the top. Without `n_gold`, each
    question is assumed to have as many gold units as it found (at least one), which
    overstates nDCG for questions with several gold units: pass `n_gold` when known.
    """
    _check_k(k)
    if n_gold is not None and len(n_gold) != len(relevances):
        raise ValueError(f"n_gold has {len(n_gold)} entries for {len(relevances)} questions")
    if not relevances:
        return 0.0
    scores = []
    for q, rels in enumerate(relevances):
        rels = list(rels)[:k]
        dcg = sum(rel / math.log2(i + 2) for i, rel in enumerate(rels))
        ideal_n = n_gold[q] if n_gold is not None else max(1, int(sum(rels)))
        idcg = sum(1.0 / math.log2(i + 2) for i in range(min(ideal_n, k)))
        scores.append(dcg / idcg if idcg > 0 else 0.0)
    return sum(scores) / len(scores)


def abstention_accuracy(abstained: Sequence[bool], answerable: Sequence[bool]) -> float:
    """Share of all questions where the system abstained exactly when it should have."""
    if len(abstained) != len(answerable):
        raise ValueError(f"{len(abstained)} abstention flags for {len(answerable)} questions")
    if not abstained:
        return 0.0
    return sum(1 for a, ok in zip(abstained, answerable) if bool(a) == (not ok)) / len(abstained)


def _answer_for(answers: Mapping[str, Any] | Sequence[Mapping[str, Any]], qa: Sequence[Mapping[str, Any]]):
    # Answers come either keyed by question id or in the QA file's order.
    if isinstance(answers, Mapping):
        return [answers.get(q["id"]) for q in qa]
    if len(answers) != len(qa):
        raise ValueError(f"{len(answers)} answers for {len(qa)} questions")
    return list(answers)


def gold_citation_share(answers: Mapping[str, Any] | Sequence[Mapping[str, Any]], qa: Sequence[Mapping[str, Any]]) -> float:
    """Share of answerable questions whose answer cites at least one gold unit.

    `answers` is a list aligned with `qa` or a dict by question id; each answer is the
    `answer` JSON (`citations` with `source` and locators, `abstained`). A missing answer
    counts as a miss, and so does an abstention: its "possibly relevant" list is not an
    answer, even when the gold unit is on it.
    """
    pairs = [(a, q) for a, q in zip(_answer_for(answers, qa), qa) if q.get("answerable")]
    if not pairs:
        return 0.0
    hits = 0
    for answer, q in pairs:
        citations = (answer or {}).get("citations") or []
        if (answer or {}).get("abstained"):
            continue
        if any(hit_matches(c, g) for c in citations for g in q["gold"]):
            hits += 1
    return hits / len(pairs)


def verified_citation_share(answers: Sequence[Mapping[str, Any]] | Mapping[str, Any]) -> float:
    """Share of all citations, over all answers, that carry verified=True (0.0 when none)."""
    values = answers.values() if isinstance(answers, Mapping) else answers
    citations = [c for a in values if a for c in (a.get("citations") or [])]
    if not citations:
        return 0.0
    return sum(1 for c in citations if c.get("verified") is True) / len(citations)


def paired_differences(
    per_q_a: Sequence[float], per_q_b: Sequence[float], *, n_boot: int = 10_000, seed: int = 0
) -> dict[str, Any]:
    """Compare two modes question by question (values: per-question reciprocal ranks).

    Returns wins/losses/ties of A against B, the mean of A - B, and a 95 % percentile
    bootstrap interval for that mean (resampling questions; fixed seed, so reproducible).
    """
    if len(per_q_a) != len(per_q_b):
        raise ValueError(f"{len(per_q_a)} values for mode A but {len(per_q_b)} for mode B")
    if not per_q_a:
        raise ValueError("paired_differences needs at least one question")
    if n_boot < 1:
        raise ValueError(f"n_boot must be >= 1, got {n_boot}")
    diff = np.asarray(per_q_a, dtype=float) - np.asarray(per_q_b, dtype=float)
    rng = np.random.default_rng(seed)
    means = diff[rng.integers(0, len(diff), size=(n_boot, len(diff)))].mean(axis=1)
    lo, hi = np.percentile(means, [2.5, 97.5])
    return {
        "n": int(len(diff)),
        "wins": int((diff > 0).sum()),
        "losses": int((diff < 0).sum()),
        "ties": int((diff == 0).sum()),
        "mean_diff": float(diff.mean()),
        "ci95": [float(lo), float(hi)],
    }


def _check_k(k: int) -> None:
    if not isinstance(k, int) or isinstance(k, bool) or k < 1:
        raise ValueError(f"k must be a positive integer, got {k!r}")
