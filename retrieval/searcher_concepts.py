"""The Searcher's concepts side (`ConceptsMixin`): the legal concepts a story's everyday
words describe (`retrieval.concepts`), each concept's statute vocabulary searched on its
own, and the places kept for the best-supported of their first provisions.

    ranking, heads = searcher._concept_leg(question, allowed)   # ([], []) for a search-box question
    ranked = searcher._keep_concept_heads(ranked, heads)

A mixin of `retrieval.searcher.Searcher`, whose loaded index it reads (`bm25`, `by_id`).
Which words make which concept is `retrieval.concepts`; fusing the leg is the searcher's.
"""
from __future__ import annotations

from itertools import zip_longest

from retrieval.config import RANKING
from retrieval.priors import unit_of


class ConceptsMixin:
    """The concepts leg's methods of a Searcher (see the module's docstring)."""

    def _concept_leg(self, question: str, allowed: set[int] | None) -> tuple[list[str], list[str]]:
        """(the leg's ranking: each concept's provisions interleaved so every concept's
        best come first, each concept's first provision). A search-box question gets
        none: it already speaks the statute's words."""
        from pathways.facts import is_story
        from retrieval.concepts import find_concepts

        if not is_story(question):
            return [], []
        per = [[cid for cid, _ in self.bm25.query(c.query(), RANKING.concept_depth, allowed=allowed)]
               for c in find_concepts(question)]
        ranking = list(dict.fromkeys(cid for row in zip_longest(*per) for cid in row if cid))
        return ranking, [row[0] for row in per if row]

    def _keep_concept_heads(self, ranked: list[tuple[str, float]], heads: list[str]) -> list[tuple[str, float]]:
        """The RankingConfig.concept_heads heads the other legs support best, kept within
        the first RankingConfig.concept_slot places, the best first."""
        from retrieval.fusion import reserve

        score = dict(ranked)
        best = sorted(dict.fromkeys(heads), key=lambda cid: -score.get(cid, 0.0))[:RANKING.concept_heads]
        for i, cid in enumerate(best):
            ranked = reserve(ranked, cid, max(i + 1, RANKING.concept_slot - len(best) + 1 + i),
                             lambda c: unit_of(self.by_id[c]))
        return ranked
