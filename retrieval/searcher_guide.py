"""The Searcher's remedy-guide side (`GuideMixin`): the guide resolved against the
loaded index once, a question's remedy plan (cached per question and filter, since
search and the answer both ask), the plan for a checklist's facts, a chunk as an
unranked hit, and the ranking of the pathways leg.

    plan = searcher.remedies(question, filters)      # retrieval.remedies.RemedyPlan or None
    guide, resolved = searcher.guide()

A mixin of `retrieval.searcher.Searcher`, whose loaded index it reads (`citations`,
`by_id`, `chunks`, `documents`, `position`, `bm25`, `term_stats`, `_allowed`) and whose
`__init__` sets its caches (`_plans`, `_resolved_guide`). Finding facts and choosing
pathways are `pathways` and `retrieval.remedies`; fusing the leg is the searcher's.
"""
from __future__ import annotations

from retrieval.config import RANKING
from retrieval.filters import Filters
from retrieval.hit import Hit


class GuideMixin:
    """The remedy guide's methods of a Searcher (see the module's docstring)."""

    def remedies(self, question: str, filters: Filters | None = None):
        """The question's remedy plan (retrieval.remedies.RemedyPlan) or None; computed
        once per question and filter, since search and the answer both ask."""
        key = (question.strip(), filters)
        if key not in self._plans:
            guide, resolved = self.guide()
            if not guide:
                return None
            from retrieval.remedies import remedy_plan

            allowed = self._allowed(filters)
            if len(self._plans) > 256:
                self._plans.clear()
            self._plans[key] = remedy_plan(key[0], guide, resolved, lambda cid: self.hit_for(cid, allowed),
                                           named=bool(self.citations.lookup(key[0])),
                                           names_source=bool(self.citations.named_sources(key[0])))
        return self._plans[key]

    def guide(self):
        """(the remedy guide's pathways, {Ref: pathways.resolve.Resolved}): the guide and
        its references resolved against this index, once."""
        if self._resolved_guide is None:
            from pathways.load import load_pathways
            from pathways.resolve import page_map, resolve_guide

            guide = load_pathways()
            self._resolved_guide = (guide, resolve_guide(guide, self.citations.lookup, self.by_id,
                                                         page_map(self.chunks)))
        return self._resolved_guide

    def remedies_for_facts(self, fact_ids, asks=(), filters: Filters | None = None):
        """The remedy plan for facts ticked on a checklist (no question), or None."""
        from retrieval.remedies import plan_for_facts

        guide, resolved = self.guide()
        allowed = self._allowed(filters)
        return plan_for_facts(fact_ids, asks, guide, resolved, lambda cid: self.hit_for(cid, allowed))

    def hit_for(self, cid: str, allowed: set[int] | None = None) -> Hit | None:
        """A chunk as an unranked Hit (document, URL, term stats), None when filtered out."""
        i = self.position.get(cid)
        if i is None or (allowed is not None and i not in allowed):
            return None
        chunk = self.by_id[cid]
        doc = self.documents.get(chunk.source)
        return Hit(0, 0.0, chunk, url=doc.url if doc else None, document=doc, via=("pathways",), stats=self.term_stats)

    def _pathway_ranking(self, plan, keywords: list[str]) -> list[str]:
        """The plan's units: those the question's words meet, by BM25, then the rest in
        the plan's order (pathway by pathway, steps that fit the facts first)."""
        ids = plan.chunk_ids()
        rows = {self.position[c] for c in ids}
        ranked = [cid for cid, _ in self.bm25.query(keywords, len(rows), allowed=rows)]
        if RANKING.specific_first:
            specific = set(plan.specific_ids())
            ranked = [c for c in ranked if c in specific] + [c for c in ranked if c not in specific]
        return list(dict.fromkeys(ranked + ids))
