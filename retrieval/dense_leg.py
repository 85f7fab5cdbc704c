"""`DenseLeg`: the Searcher's view of its dense index: when to use it, and what to do
when it fails (issue 10, items 5 and 13, and a Chroma server that goes away).

- Hybrid search uses the dense leg only once `dense_status.json` says it is complete.
  While it is being filled every dense query took ~1.7 s (Chroma replays the writes not
  yet persisted), against 2 ms for BM25; and its partial results ranked only the kinds
  embedded first. `mode="dense"` asks for it explicitly and gets it anyway.
- A dense query that fails (a read-only index folder: Chroma's "attempt to write a
  readonly database"; a Chroma server that stopped; a model that cannot load) returns no
  hits instead of raising: the search goes on with BM25, `notice` says why (also logged
  once as a warning, which a CLI shows on stderr), and the leg is tried again after
  `RETRY_SECONDS`.

Does not rank or fuse (retrieval.searcher) and does not build anything (indexing.build).
"""
from __future__ import annotations

import json
import logging
import os
import threading
import time
from pathlib import Path
from typing import Callable

from core.errors import ConfigError

RETRY_SECONDS = 30.0
log = logging.getLogger("pravni_lek.retrieval")


def failure_notice(error: BaseException, where: str) -> str:
    """The user's line for a dense leg that failed: what, where, and that BM25 serves."""
    reason = f"{type(error).__name__}: {error}".strip()
    if "readonly database" in reason or "read-only" in reason.lower():
        reason += " (the index folder is read-only)"
    return (f"semantic search unavailable ({where}: {reason}); results come from keyword "
            "search (BM25) alone")


class DenseLeg:
    """`dense` is a DenseIndex, or a function that makes one: it is then made on the first
    dense query, so a hybrid search while the leg fills never even loads the model."""

    def __init__(self, dense, status_path: Path | str, clock: Callable[[], float] = time.monotonic,
                 retry_seconds: float = RETRY_SECONDS) -> None:
        if not hasattr(dense, "query") and not callable(dense):
            raise ConfigError(f"dense {dense!r} is not allowed; give a retrieval.dense_index.DenseIndex "
                              "or a function that makes one")
        if retry_seconds < 0:
            raise ConfigError(f"retry_seconds {retry_seconds!r} is not allowed; use a number >= 0")
        self._dense = dense if hasattr(dense, "query") else None
        self._make = None if self._dense is not None else dense
        self.status_path = Path(status_path)
        self._clock = clock
        self._retry_seconds = retry_seconds
        self._down_until: float | None = None
        self._status_key: tuple[int, int] | None = None
        self._complete = False
        self._lock = threading.Lock()
        self.notice: str | None = None

    @property
    def dense(self):
        """The DenseIndex (made now if it was given as a function)."""
        with self._lock:
            if self._dense is None:
                self._dense = self._make()
            return self._dense

    def where(self) -> str:
        host = getattr(self._dense, "chroma_host", None)
        if host:
            return f"Chroma server {host}:{getattr(self._dense, 'chroma_port', '')}"
        return f"{Path(getattr(self._dense, 'index_dir', None) or self.status_path.parent) / 'chroma'}"

    def complete(self) -> bool:
        """Whether dense_status.json says every chunk is embedded (re-read when it changes)."""
        try:
            st = os.stat(self.status_path)
        except OSError:
            return False
        key = (st.st_mtime_ns, st.st_size)
        if key != self._status_key:
            try:
                self._complete = bool(json.loads(self.status_path.read_text(encoding="utf-8")).get("complete"))
            except (OSError, ValueError, AttributeError):  # caught mid-write: ask again next time
                return False
            self._status_key = key
        return self._complete

    def usable(self, mode: str) -> bool:
        """Use the leg for `mode`: "dense" always (unless it is down), "hybrid" once complete."""
        if mode not in ("hybrid", "dense") or self.down():
            return False
        return mode == "dense" or self.complete()

    def down(self) -> bool:
        with self._lock:
            if self._down_until is None:
                return False
            if self._clock() >= self._down_until:
                self._down_until = None  # time to try again
                return False
            return True

    def query(self, text: str, k: int, ids: list[str] | None = None) -> list[tuple[str, float]]:
        """DenseIndex.query, or [] (with `notice` set) when the store or the model fails."""
        return self._guarded(lambda: self.dense.query(text, k, ids=ids), [])

    def vector(self, text: str) -> list[float] | None:
        """The query's vector from the dense index's model, or None (with `notice` set)
        when the model fails: the subject index's dense side matches it."""
        return self._guarded(lambda: self.dense.embed_query(text), None)

    def _guarded(self, call: Callable[[], object], failed: object):
        if self.down():
            return failed
        try:
            result = call()
        except ConfigError:
            raise  # a caller's mistake, not an outage
        except Exception as e:  # noqa: BLE001 - any failure of Chroma or the model: serve BM25
            notice = failure_notice(e, self.where())
            with self._lock:
                self._down_until = self._clock() + self._retry_seconds
                first = self.notice != notice
                self.notice = notice
            if first:
                log.warning("%s", notice)
            return failed
        with self._lock:
            self.notice = None
        return result
