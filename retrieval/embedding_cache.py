"""`EmbeddingCache`: vectors keyed by (model name, chunk id) in one SQLite file.

Chunk ids are content hashes, so an id names exactly one text: a cached vector stays
valid until the model changes, and the model name is part of the key. This is what lets
a re-ingest skip every unchanged chunk and an interrupted one resume where it stopped.
Vectors are stored as float32 blobs. Does not embed, and never evicts.
"""
from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

_BATCH = 500  # stays under SQLite's limit on bound parameters


class EmbeddingCache:
    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS vectors ("
            " model TEXT NOT NULL, id TEXT NOT NULL, vec BLOB NOT NULL,"
            " PRIMARY KEY (model, id)) WITHOUT ROWID"
        )
        self._db.commit()

    def get_many(self, model: str, ids: Sequence[str]) -> dict[str, list[float]]:
        """The cached vectors among `ids` (missing ids are simply absent)."""
        found: dict[str, list[float]] = {}
        ids = list(dict.fromkeys(ids))
        with self._lock:
            for i in range(0, len(ids), _BATCH):
                part = ids[i : i + _BATCH]
                marks = ",".join("?" * len(part))
                rows = self._db.execute(
                    f"SELECT id, vec FROM vectors WHERE model = ? AND id IN ({marks})", [model, *part]
                )
                for chunk_id, blob in rows:
                    found[chunk_id] = np.frombuffer(blob, dtype=np.float32).tolist()
        return found

    def put_many(self, model: str, items: Iterable[tuple[str, Sequence[float]]]) -> None:
        rows = [(model, chunk_id, np.asarray(vec, dtype=np.float32).tobytes()) for chunk_id, vec in items]
        with self._lock:
            self._db.executemany("INSERT OR REPLACE INTO vectors (model, id, vec) VALUES (?, ?, ?)", rows)
            self._db.commit()

    def count(self, model: str | None = None) -> int:
        with self._lock:
            if model is None:
                return self._db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0]
            return self._db.execute("SELECT COUNT(*) FROM vectors WHERE model = ?", [model]).fetchone()[0]

    def close(self) -> None:
        with self._lock:
            self._db.close()
