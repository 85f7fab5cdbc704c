"""The Searcher's dense side (`DenseMixin`): the dense leg, made on the first dense
query (Chroma and the model load only then), whether a mode may use it, why results came
from BM25 alone, the embedding progress, the diacritic-restoration table the embedding
model needs, and the dense ranking under a filter.

A mixin of `retrieval.searcher.Searcher`, whose loaded index it reads (`index_dir`,
`build`, `chunks`, `by_id`, `position`) and whose `__init__` sets its state
(`_embedder_spec`, `_chroma_host`, `_dense`, `_diacritics`). When to trust the leg and
what to do when it fails is `retrieval.dense_leg.DenseLeg`.
"""
from __future__ import annotations

from core import store
from retrieval.config import RANKING


class DenseMixin:
    """The dense leg's methods of a Searcher (see the module's docstring)."""

    @property
    def dense(self):
        """The dense leg (retrieval.dense_leg.DenseLeg), None when none was built."""
        if self._dense is None and self._embedder_spec:
            from retrieval.dense_leg import DenseLeg

            def make():  # on the first dense query: Chroma and the model load only then
                from retrieval.dense_index import DenseIndex
                from retrieval.embedders.factory import make_embedder

                return DenseIndex(self.index_dir, make_embedder(self._embedder_spec), chroma_host=self._chroma_host)

            self._dense = DenseLeg(make, self.index_dir / "dense_status.json")
        return self._dense

    def _dense_on(self, mode: str) -> bool:
        # Hybrid waits for a complete dense leg; a failing one is skipped (DenseLeg says why).
        return mode in ("hybrid", "dense") and self.dense is not None and self.dense.usable(mode)

    @property
    def notices(self) -> list[str]:
        """Why results came from BM25 alone although a dense leg exists (or [])."""
        return [self._dense.notice] if self._dense is not None and self._dense.notice else []

    def dense_status(self) -> dict:
        """{"model", "total", "done", "complete"} or {} when no dense leg was built."""
        if not self._embedder_spec:
            return {}
        path = self.index_dir / "dense_status.json"
        return store.read_json(path) if path.is_file() else {}

    @property
    def diacritics(self) -> dict[str, str]:
        """The build's diacritic-restoration table (older builds: computed once here)."""
        if self._diacritics is None:
            from core.store import DIACRITICS
            from retrieval.diacritics import build_table

            path = self.build / DIACRITICS
            self._diacritics = store.read_json(path) if path.is_file() else build_table(
                c.text for c in self.chunks if c.kind != "echr_judgment")
        return self._diacritics

    def _dense_ranking(self, question: str, allowed: set[int] | None) -> list[str]:
        if allowed is not None and len(allowed) <= 2000:
            ids = [self.chunks[i].id for i in allowed]
            return [cid for cid, _ in self.dense.query(question, RANKING.candidates, ids=ids) if cid in self.by_id]
        out = []
        for cid, _ in self.dense.query(question, RANKING.candidates * (3 if allowed is not None else 1)):
            i = self.position.get(cid)  # ids of other builds may linger in the shared store
            if i is not None and (allowed is None or i in allowed):
                out.append(cid)
        return out[:RANKING.candidates]
