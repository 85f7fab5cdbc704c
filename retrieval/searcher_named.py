"""The Searcher's named leg (`NamedMixin`): BM25 and dense restricted to the documents a
question names ("Palermo protokol", "Rancev", "čl. 254 ZKP" without its unit), or to the
body of law it names without a document (Serbian law; the ECtHR's case law).

    ranking = searcher._named_leg(question, named_sources, keywords, semantic, allowed, mode)

A mixin of `retrieval.searcher.Searcher`, whose loaded index it reads (`chunks`, `bm25`,
`by_id`, `weights`, the dense leg). Which sources a question names is
`retrieval.sources.citations`'; fusing the leg with the others is the searcher's.
"""
from __future__ import annotations

import re

from core.records import SERBIAN_SOURCE_KINDS
from core.text import normalize
from retrieval.config import RANKING
from retrieval.glossary import english_tokens
from retrieval.sources.absent_text import ECTHR

# An English question about "Serbian law" names a jurisdiction rather than a document:
# its named leg is the Serbian sources, so ECtHR and treaty texts, which share the
# question's English words, do not bury the statute.
_SERBIA = re.compile(r"\b(serbia|serbian)\b", re.I)
# A question about the ECtHR's case law ("prema praksi Evropskog suda za ljudska prava",
# "under ECtHR case law") without naming a case names that court's judgments (and the
# Convention they apply), whatever country it also mentions (retrieval.sources ECTHR).
_ECHR_CONVENTION = "echr-convention-human-rights"


class NamedMixin:
    """The named leg's methods of a Searcher (see the module's docstring)."""

    def _named_leg(self, question: str, sources: set[str], keywords: list[str], semantic: str,
                   allowed: set[int] | None, mode: str) -> list[str]:
        """BM25 and dense restricted to the documents the question names, fused."""
        from retrieval.fusion import rrf

        named = self._named_positions(question, sources, allowed)
        if not named:
            return []
        sub: dict[str, list[str]] = {}
        if mode in ("hybrid", "bm25"):
            # A Serbian question naming an English text (a treaty, a judgment) gets the
            # glossary's English words for its legal terms, inside that text only.
            sub["bm25"] = [cid for cid, _ in self.bm25.query(keywords + english_tokens(question), RANKING.candidates,
                                                               allowed=named)]
        if self._dense_on(mode) and len(named) <= RANKING.named_dense_max:
            ids = [self.chunks[i].id for i in named]
            sub["dense"] = [cid for cid, _ in self.dense.query(semantic, RANKING.candidates, ids=ids) if cid in self.by_id]
        weights = {leg: self.weights.get(leg, 1.0) for leg in sub}
        return [cid for cid, _ in rrf(sub, weights, RANKING.rrf_k)][:RANKING.candidates] if any(sub.values()) else []

    def _named_positions(self, question: str, sources: set[str], allowed: set[int] | None) -> set[int]:
        if not sources and ECTHR.search(normalize(question)):
            if self._ecthr is None:
                self._ecthr = {i for i, c in enumerate(self.chunks)
                               if c.kind == "echr_judgment" or _ECHR_CONVENTION in c.source}
            return self._ecthr & allowed if allowed is not None else set(self._ecthr)
        if not sources and _SERBIA.search(question):
            if self._serbian is None:
                self._serbian = {i for i, c in enumerate(self.chunks) if c.kind in SERBIAN_SOURCE_KINDS}
            return self._serbian & allowed if allowed is not None else set(self._serbian)
        if not sources:
            return set()
        if self._by_source is None:
            self._by_source = {}
            for i, c in enumerate(self.chunks):
                self._by_source.setdefault(c.source, []).append(i)
        out = {i for src in sources for i in self._by_source.get(src, [])}
        return out & allowed if allowed is not None else out
