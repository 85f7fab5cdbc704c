"""Retrieval: chunks -> indexes (BM25, dense in Chroma, citation lookup) -> ranked Hits.

Public API: `search(question, k=10, filters=None, index_dir=None, mode="hybrid")`,
used alike by the answer layer, the app and the evaluation. `Filters`, `Hit`.
"""
from __future__ import annotations

from pathlib import Path

from retrieval.filters import Filters
from retrieval.hit import Hit

DEFAULT_INDEX = Path(__file__).resolve().parent.parent / ".index"


def search(question: str, k: int = 10, filters: Filters | None = None,
           index_dir: Path | None = None, mode: str = "hybrid") -> list[Hit]:
    """Ranked hits for `question` from the index at `index_dir` (default .index/)."""
    from retrieval.searcher import get_searcher

    return get_searcher(Path(index_dir) if index_dir else DEFAULT_INDEX).search(
        question, k=k, filters=filters, mode=mode)


__all__ = ["search", "Filters", "Hit"]
