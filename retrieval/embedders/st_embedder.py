"""`SentenceTransformerEmbedder`: any sentence-transformers model the user configures.

`model` is a Hugging Face model name or a local directory. Weights are never downloaded
here: the model loads with `local_files_only=True`, so a name must already be in the local
Hugging Face cache (or be a path). e5-family models get their "query: " / "passage: "
prefixes by default; other models get none unless configured.

Does not choose a model, cache vectors or translate scripts (the base class does that).
"""
from __future__ import annotations

import threading

import numpy as np

from core.errors import ConfigError
from retrieval.embedders.base import Embedder

DEVICES = ("cpu", "cuda", None)


def default_prefixes(model: str) -> tuple[str, str]:
    """(query_prefix, passage_prefix) for a model name: e5 models are trained with them."""
    return ("query: ", "passage: ") if "e5" in model.lower() else ("", "")


class SentenceTransformerEmbedder(Embedder):
    def __init__(
        self,
        model: str,
        device: str | None = None,
        batch_size: int = 32,
        query_prefix: str | None = None,
        passage_prefix: str | None = None,
        normalize: bool = True,
        name: str | None = None,
    ) -> None:
        if not isinstance(model, str) or not model.strip():
            raise ConfigError(f"sentence-transformers model {model!r} is not allowed; give a model name or path")
        if device not in DEVICES:
            raise ConfigError(f"device {device!r} is not allowed; use one of {DEVICES}")
        if not isinstance(batch_size, int) or batch_size < 1:
            raise ConfigError(f"batch_size {batch_size!r} is not allowed; use an int >= 1")
        q, p = default_prefixes(model)
        self.model = model
        self.device = device
        self.batch_size = batch_size
        self.query_prefix = q if query_prefix is None else query_prefix
        self.passage_prefix = p if passage_prefix is None else passage_prefix
        # The base class normalises every vector anyway (the contract); this only says
        # whether sentence-transformers does it first, as some model cards expect.
        self.normalize = normalize
        # `name` keys the embedding cache; give a stable one when `model` is a path that
        # may move (a venv's site-packages), or the cache would miss after the move.
        self.name = name or f"st:{model}"
        self._st = None
        self._lock = threading.Lock()

    @property
    def dim(self) -> int:  # type: ignore[override]
        st = self._load()
        get_dim = getattr(st, "get_embedding_dimension", None) or st.get_sentence_embedding_dimension
        return int(get_dim())

    def _load(self):
        with self._lock:
            if self._st is None:
                from sentence_transformers import SentenceTransformer  # heavy: torch

                self._st = SentenceTransformer(self.model, device=self.device, local_files_only=True)
        return self._st

    def _encode(self, texts: list[str], is_query: bool) -> np.ndarray:
        prefix = self.query_prefix if is_query else self.passage_prefix
        return self._load().encode(
            [prefix + t for t in texts],
            batch_size=self.batch_size,
            normalize_embeddings=self.normalize,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
