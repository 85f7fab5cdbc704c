"""Retrieval: chunks -> indexes (BM25, dense in Chroma, citation lookup) -> ranked Hits.

Public API: `search(question, k=10, filters=None, index_dir=None, mode="hybrid")`,
used alike by the answer layer, the app and the evaluation; `absent_references(question,
index_dir=None)`, the sources a question names that the index does not hold;
`remedy_plan(question, index_dir=None, filters=None)`, the remedy pathways a client's
story triggers. `Filters`, `Hit`.
"""
from __future__ import annotations

from pathlib import Path

from core.paths import DEFAULT_INDEX
from retrieval.filters import Filters
from retrieval.hit import Hit



def search(question: str, k: int = 10, filters: Filters | None = None,
           index_dir: Path | None = None, mode: str = "hybrid") -> list[Hit]:
    """Ranked hits for `question` from the index at `index_dir` (default .index/)."""
    from retrieval.searcher import get_searcher

    return get_searcher(Path(index_dir) if index_dir else DEFAULT_INDEX).search(
        question, k=k, filters=filters, mode=mode)


def absent_references(question: str, index_dir: Path | None = None) -> list[str]:
    """Names of sources `question` gives ("Rev 9999/2024", "Zakon o zaštiti žrtava…")
    that the index at `index_dir` does not hold, as the question writes them."""
    from retrieval.searcher import get_searcher

    return get_searcher(Path(index_dir) if index_dir else DEFAULT_INDEX).absent(question)


def remedy_plan(question: str, index_dir: Path | None = None, filters: Filters | None = None):
    """The remedy plan of `question` (retrieval.remedies.RemedyPlan: the facts of its
    story and the pathways of the remedy guide that apply), or None."""
    from retrieval.searcher import get_searcher

    return get_searcher(Path(index_dir) if index_dir else DEFAULT_INDEX).remedies(question, filters)


__all__ = ["search", "absent_references", "remedy_plan", "Filters", "Hit"]
