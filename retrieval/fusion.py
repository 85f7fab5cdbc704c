"""Rank fusion: weighted reciprocal-rank fusion of several ranked lists (the BM25 and
dense legs, and the searcher's named and pathways legs), and collapsing the pieces of
one unit into one entry. A provision the question cites is not a leg: the searcher puts
it above everything fusion returns and marks its hit with via "citation".

Pure functions over chunk ids; they know nothing of scores' scales, which is why RRF
uses ranks only.
"""
from __future__ import annotations

import math
from typing import Callable, Hashable

from core.errors import ConfigError
from retrieval.config import RANKING

LEGS = ("bm25", "dense")


def rrf(rankings: dict[str, list[str]], weights: dict[str, float] | None = None,
        k: int = RANKING.rrf_k) -> list[tuple[str, float]]:
    """score(id) = sum over legs of weight[leg] / (k + rank), rank 1-based.

    `rankings` maps a leg name (LEGS, or any other the caller adds) to its ids, best first; a leg without a
    weight counts 1.0. Ties keep the order in which ids were first met (legs in the
    order given, then rank), so the result is deterministic."""
    weights = dict(weights or {})
    allowed = tuple(dict.fromkeys([*LEGS, *rankings]))  # a caller's extra leg is fine
    for leg, w in weights.items():
        if leg not in allowed:
            raise ConfigError(f"fusion weight for unknown leg {leg!r}; allowed legs: {allowed}")
        if isinstance(w, bool) or not isinstance(w, (int, float)) or not math.isfinite(w) or w < 0:
            raise ConfigError(f"fusion weight {leg}={w!r} must be a finite number >= 0")
    if not isinstance(k, int) or k < 1:
        raise ConfigError(f"rrf k={k!r} must be an integer >= 1")
    scores: dict[str, float] = {}
    for leg, ids in rankings.items():
        w = weights.get(leg, 1.0)
        seen: set[str] = set()
        for rank, cid in enumerate(ids, start=1):
            if cid in seen:  # a leg that repeats an id counts it once, at its best rank
                continue
            seen.add(cid)
            scores[cid] = scores.get(cid, 0.0) + w / (k + rank)
    order = {cid: i for i, cid in enumerate(scores)}
    return sorted(scores.items(), key=lambda kv: (-kv[1], order[kv[0]]))


def collapse(ranked: list[tuple[str, float]], unit_of: Callable[[str], Hashable]) -> list[tuple[str, float]]:
    """Keep the best-ranked piece of each unit (e.g. one split article appears once);
    order and scores of the kept entries are unchanged."""
    seen: set[Hashable] = set()
    out: list[tuple[str, float]] = []
    for cid, score in ranked:
        unit = unit_of(cid)
        if unit not in seen:
            seen.add(unit)
            out.append((cid, score))
    return out


def cap_per_group(ranked: list[tuple[str, float]], group_of: Callable[[str], Hashable | None],
                  cap: int) -> list[tuple[str, float]]:
    """Move entries beyond the first `cap` of each group (e.g. pages of one bulletin)
    after all others, in their order; entries whose group is None are never capped.
    Nothing is dropped: a lawyer scrolling on still finds page 5 of the bulletin."""
    if cap < 1:
        raise ConfigError(f"cap={cap!r} must be ≥ 1")
    counts: dict[Hashable, int] = {}
    kept, moved = [], []
    for entry in ranked:
        group = group_of(entry[0])
        if group is not None:
            counts[group] = counts.get(group, 0) + 1
            if counts[group] > cap:
                moved.append(entry)
                continue
        kept.append(entry)
    return kept + moved


def reweight(ranked: list[tuple[str, float]], factor_of: Callable[[str], float]) -> list[tuple[str, float]]:
    """Multiply each score by a prior (e.g. by the kind of source) and re-sort; equal
    scores keep their order, so a factor of 1.0 everywhere changes nothing."""
    scored = [(cid, score * factor_of(cid)) for cid, score in ranked]
    return sorted(scored, key=lambda kv: -kv[1])


def reserve(ranked: list[tuple[str, float]], cid: str, position: int,
            unit_of: Callable[[str], Hashable]) -> list[tuple[str, float]]:
    """Make sure `cid`'s unit is within the first `position` entries: unless it already
    is, it takes place `position` (1-based) with the score of the entry it moves down,
    and any later piece of its unit goes. Nothing else is dropped or reordered."""
    if position < 1:
        raise ConfigError(f"position={position!r} must be ≥ 1")
    unit = unit_of(cid)
    if any(unit_of(c) == unit for c, _ in ranked[:position]):
        return ranked
    rest = [(c, s) for c, s in ranked if unit_of(c) != unit]
    at = min(position - 1, len(rest))
    score = rest[at][1] if at < len(rest) else (rest[-1][1] if rest else 0.0)
    return rest[:at] + [(cid, score)] + rest[at:]
