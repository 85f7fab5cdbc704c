"""BM25 over all chunks (bm25s, Lucene variant), tokenised by `retrieval.analyzer`.

The caller decides what text stands for a chunk and passes it to `build`; pass the
title and heading with the body, e.g. f"{short} {title}\\n{heading}\\n{text}" (short =
the law's abbreviation from `retrieval.sources.citations`, so "KZ 388" finds Krivični zakonik),
so a question that names the law or the article heading finds the article.

Positions: `query(..., allowed=...)` takes row positions, i.e. indices into the
`chunk_ids` list given to `build` (keep it in the chunk store's order and the rows are
shared; the searcher keeps the id -> row map).

Persists to its own directory (bm25s files + chunk_ids.json). Does not know about
filters, chunks or fusion: it maps text to ranked chunk ids, nothing more.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Collection

import bm25s
import numpy as np

from core.errors import IndexMissing
from retrieval.analyzer import analyze

IDS_FILE = "chunk_ids.json"


class BM25Index:
    """A built BM25 index and the chunk id of each of its rows."""

    def __init__(self, retriever: bm25s.BM25, chunk_ids: list[str]) -> None:
        self._bm25 = retriever
        self.chunk_ids = chunk_ids
        self._row = {cid: i for i, cid in enumerate(chunk_ids)}

    def __len__(self) -> int:
        return len(self.chunk_ids)

    @classmethod
    def build(cls, chunk_ids: list[str], texts: list[str]) -> "BM25Index":
        if len(chunk_ids) != len(texts):
            raise ValueError(f"{len(chunk_ids)} chunk ids but {len(texts)} texts")
        if len(set(chunk_ids)) != len(chunk_ids):
            raise ValueError("chunk ids are not unique")
        retriever = bm25s.BM25()  # k1=1.5, b=0.75, Lucene idf
        # A chunk whose text is all stopwords still needs a row: bm25s indexes the
        # empty token list via its empty-token placeholder.
        retriever.index([analyze(t) for t in texts], show_progress=False)
        return cls(retriever, list(chunk_ids))

    def save(self, directory: str | Path) -> None:
        d = Path(directory)
        d.mkdir(parents=True, exist_ok=True)
        self._bm25.save(str(d), show_progress=False)
        (d / IDS_FILE).write_text(json.dumps(self.chunk_ids), encoding="utf-8")

    @classmethod
    def load(cls, directory: str | Path) -> "BM25Index":
        d = Path(directory)
        if not (d / IDS_FILE).is_file() or not (d / "params.index.json").is_file():
            raise IndexMissing(f"{d}: no BM25 index (run `python -m ingest` to build one)")
        retriever = bm25s.BM25.load(str(d), mmap=False, show_progress=False, verbosity=0)
        chunk_ids = json.loads((d / IDS_FILE).read_text(encoding="utf-8"))
        if len(chunk_ids) != retriever.scores["num_docs"]:
            raise IndexMissing(f"{d}: {IDS_FILE} has {len(chunk_ids)} ids for "
                               f"{retriever.scores['num_docs']} BM25 rows; rebuild the index")
        return cls(retriever, chunk_ids)

    def doc_freq(self, token: str) -> int:
        """How many rows hold `token` (an analysed term); 0 for a term not indexed."""
        i = self._bm25.vocab_dict.get(token)
        if i is None:
            return 0
        indptr = self._bm25.scores["indptr"]  # per-term slices of the sparse score matrix
        return int(indptr[i + 1] - indptr[i])

    def query(self, text: str | list[str], k: int = 10,
              allowed: Collection[int] | None = None) -> list[tuple[str, float]]:
        """Top-k (chunk id, BM25 score), best first; only rows in `allowed` when given.
        `text` is a question (analysed here) or tokens already analysed.

        Only chunks sharing at least one token with the question are returned, so the
        list may be shorter than k; a question with no indexed token gives []."""
        token_ids = self._bm25.get_tokens_ids(analyze(text) if isinstance(text, str) else list(text))
        if not token_ids or k <= 0 or (allowed is not None and not allowed):
            return []
        scores = self._bm25.get_scores_from_ids(token_ids)
        if allowed is not None:
            # Scoring every row costs one sparse pass either way; filtering after it
            # is exact, unlike asking for a larger k and hoping enough survive.
            mask = np.zeros(len(scores), dtype=bool)
            mask[np.fromiter(allowed, dtype=np.int64, count=len(allowed))] = True
            scores = np.where(mask, scores, 0.0)
        hits = np.flatnonzero(scores > 0)
        if len(hits) > k:
            hits = hits[np.argpartition(-scores[hits], k - 1)[:k]]
        # Ties broken by row so results are deterministic.
        order = sorted(hits.tolist(), key=lambda r: (-float(scores[r]), r))
        return [(self.chunk_ids[r], float(scores[r])) for r in order]
